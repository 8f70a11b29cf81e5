"""Web pages: the article's main text, without navigation, comments, forms, scripts or styles.

Boilerplate removal is trafilatura's job; hand-written rules would keep menus and cookie banners
that then surface as events. WARC records go through `extract_page` too, so a page reads the
same whether it was saved as a file or crawled into an archive."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from newsgraph.corpus.decode import read_content
from newsgraph.corpus.limits import DEFAULT_LIMITS, Limits
from newsgraph.corpus.records import make_article
from newsgraph.errors import InputError
from newsgraph.graph.records import Article

SUFFIXES = (".html", ".htm")

# htmldate through trafilatura: the original publication date, from markup and URL only.
# Extensive search guesses dates from any number in the text and is slow.
DATE_PARAMS = {"original_date": True, "extensive_search": False}

# trafilatura and htmldate keep module-level LRU caches that grow over a long run.
CACHE_RESET_EVERY = 1000
_pages_since_reset = 0
_reset_lock = threading.Lock()


@dataclass(frozen=True)
class Page:
    """What a page yields. `author` is kept here though Article has no field for it yet."""

    title: str
    text: str
    url: str | None
    published: str | None
    author: str | None
    source: str | None


def _count_page() -> None:
    global _pages_since_reset
    with _reset_lock:
        _pages_since_reset += 1
        if _pages_since_reset < CACHE_RESET_EVERY:
            return
        _pages_since_reset = 0
    from trafilatura.meta import reset_caches

    reset_caches()


def extract_page(
    data: bytes | str, where: str, *, url: str | None = None, fallback_date: str | None = None
) -> Page:
    """`url`, when the caller knows where the page was fetched from (a WARC record), wins over
    the canonical link or og:url the page declares; `fallback_date` is used when the page itself
    carries no date (a crawl date is later than publication, but better than none)."""
    import trafilatura  # on first use: a run whose corpus holds no HTML never loads it

    _count_page()
    document = trafilatura.bare_extraction(
        data,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=DATE_PARAMS,
    )
    text = (getattr(document, "text", None) or "").strip()
    if document is None or not any(ch.isalnum() for ch in text):  # binary junk decodes to "\ufffd"
        raise InputError(where, "no extractable main text: not an article page, or an empty one")
    title = (document.title or "").strip()
    lines = text.splitlines()
    if title and lines and lines[0].strip() == title:  # the page's <h1> repeats the title
        text = "\n".join(lines[1:]).strip()
        if not text:
            raise InputError(where, "no extractable main text: the page holds only its title")
    return Page(
        title=title,
        text=text,
        url=url or document.url or None,
        published=document.date or fallback_date or None,
        author=document.author or None,
        source=document.sitename or document.hostname or None,
    )


def article_from_html(
    data: bytes | str,
    doc: str,
    *,
    where: str | None = None,
    url: str | None = None,
    fallback_date: str | None = None,
    record: int | None = None,
    notes: list[InputError] | None = None,
) -> Article:
    page = extract_page(data, where or doc, url=url, fallback_date=fallback_date)
    return make_article(
        doc=doc,
        record=record,
        title=page.title,
        body=page.text,
        url=page.url,
        published=page.published,
        source=page.source,
        notes=notes,
    )


def read(
    path: PurePath, doc: str, errors: list[InputError] | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article]:
    """One article per page; a page without main text raises (it is the whole file)."""
    data = read_content(path, doc)
    yield article_from_html(data, doc, notes=errors)
