"""RSS and Atom feeds: one article per entry.

feedparser reads the many dialects and broken feeds of the web, but it does not promise to
refuse entity-expansion attacks, so the bytes are first checked with defusedxml. A broken entry
is reported as `file#N` (N its place in the feed) and the other entries still load."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_xml
import feedparser
from defusedxml import DefusedXmlException

from newsgraph.corpus.decode import as_input_error, describe, read_content, report
from newsgraph.corpus.limits import DEFAULT_LIMITS, Limits
from newsgraph.corpus.records import make_article
from newsgraph.errors import InputError
from newsgraph.graph.records import Article, record_place

SUFFIXES = (".rss", ".atom", ".xml")

ENTITIES_REFUSED = "entity declarations are refused (entity expansion or external entities)"


def refuse_entities(data: bytes, doc: str) -> None:
    """Raises on any entity declaration or external reference ("billion laughs", XXE).

    A feed that is not well-formed XML is left to feedparser's lenient parser, but a declaration
    is refused there too: no feed needs its own entities."""
    try:
        safe_xml.fromstring(data)
    except DefusedXmlException as exc:
        raise InputError(doc, ENTITIES_REFUSED) from exc
    except ParseError:
        if b"<!entity" in data.lower():
            raise InputError(doc, ENTITIES_REFUSED) from None


def html_to_text(fragment: str) -> str:
    """Entry content is an HTML fragment; trafilatura keeps its paragraphs, and where it finds
    nothing it judges main text (a one-line summary), its plain html2txt keeps everything.
    `fast`: the fragment is already the article, and the fallback extractors trafilatura runs
    on short texts cost ten times the extraction itself."""
    import trafilatura  # on first use: a run whose corpus holds no HTML never loads it

    wrapped = f"<html><body>{fragment}</body></html>"
    document = trafilatura.bare_extraction(wrapped, include_comments=False, favor_recall=True, fast=True)
    text = (getattr(document, "text", None) or "").strip()
    return text or trafilatura.html2txt(wrapped).strip()


def _as_text(value: Any, content_type: str | None) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    return html_to_text(value) if "html" in (content_type or "html") else value.strip()


def _entry_text(entry: Any) -> str:
    """The full `content` when the feed carries it, else the `summary`."""
    for content in entry.get("content") or []:
        text = _as_text(content.get("value"), content.get("type"))
        if text:
            return text
    detail = entry.get("summary_detail") or {}
    return _as_text(entry.get("summary"), detail.get("type"))


def _entry_date(entry: Any) -> str | None:
    """feedparser's parsed dates are UTC structs (the offset already applied). Plain dict
    access: feedparser's own mapping of `updated` to `published` is deprecated and warns."""
    for key in ("published", "updated", "created"):
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            try:
                return time.strftime("%Y-%m-%d", parsed)
            except (TypeError, ValueError):
                continue
    # A date feedparser could not read is passed on as written, so that reading warns about it.
    written = next((dict.get(entry, key) for key in ("published", "updated", "created") if dict.get(entry, key)), None)
    return written if isinstance(written, str) else None


def _entry_article(
    entry: Any, doc: str, number: int, source: str | None, notes: list[InputError] | None
) -> Article:
    where = record_place(doc, number)
    text = _entry_text(entry)
    if not text:
        raise InputError(where, "no content or summary")
    title_detail = entry.get("title_detail") or {}
    title = _as_text(entry.get("title"), title_detail.get("type", "text/plain"))
    link = entry.get("link")
    return make_article(
        doc=doc,
        record=number,
        title=title,
        body=text,
        url=link if isinstance(link, str) and link.strip() else None,
        published=_entry_date(entry),
        source=source,
        notes=notes,
    )


def read(
    path: PurePath, doc: str, errors: list[InputError] | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article]:
    """Yields the good entries; bad ones go to `errors` (or raise when it is None)."""
    data = read_content(path, doc)
    refuse_entities(data, doc)
    # A stream, never bytes or str: feedparser opens a str that looks like a URL or a path.
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # seen: UnicodeDecodeError on a non-UTF-8 byte in the XML declaration
        raise InputError(doc, f"not a readable feed: {describe(exc)}") from exc
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise InputError(doc, f"not a readable feed: {describe(problem) if problem else 'not well-formed'}")
        raise InputError(doc, "no entries: not an RSS or Atom feed, or an empty one")
    feed_title = parsed.feed.get("title")
    source = feed_title.strip() if isinstance(feed_title, str) and feed_title.strip() else None
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            article = _entry_article(entry, doc, number, source, errors)
        except Exception as exc:  # a library choking on one odd entry must not lose the feed
            report(as_input_error(exc, record_place(doc, number), "unreadable entry"), errors)
        else:
            yield article
