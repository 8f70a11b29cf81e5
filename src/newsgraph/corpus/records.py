"""Building an Article from what a reader found, in one place, so every reader derives ids
and hashes the same way, and every reader's text is made safe for the stores the same way."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from newsgraph.corpus.dates import iso_date
from newsgraph.corpus.decode import printable
from newsgraph.errors import InputError, InputWarning
from newsgraph.graph.records import Article, record_place

# Control characters (C0 but tab and line breaks, DEL, C1) mean nothing in news text, and a NUL
# is refused by the stores' protocols, so they are dropped at reading; page and vertical tabs
# separate lines, so they become line breaks.
_CONTROLS = {c: None for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n\r"} | {
    0x0B: "\n", 0x0C: "\n"}
# A lone surrogate (JSON allows "\ud800"; a byte that is not UTF-8 is read as one) cannot be
# encoded as UTF-8 by any store.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Either of the above; clean text (nearly all of it) is passed through after one scan.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
WEB_SCHEMES = ("http", "https")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Cleaner:
    """Cleans the fields of one record and counts what it had to repair."""

    def __init__(self) -> None:
        self.repaired = 0

    def __call__(self, value: str | None) -> str | None:
        if value is None or not _UNSAFE.search(value):
            return value
        value = value.translate(_CONTROLS)
        value, replaced = _SURROGATES.subn("\ufffd", value)
        self.repaired += replaced
        return value


def web_url(url: str | None) -> str | None:
    """The URL when it is an http(s) address, else None: a `javascript:` or `data:` link from
    the data must never become a link in a report or a dashboard."""
    url = (url or "").strip()
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in WEB_SCHEMES and parts.netloc else None


def make_article(
    *,
    doc: str,
    title: str,
    body: str,
    url: str | None = None,
    published: str | None = None,
    source: str | None = None,
    record: int | None = None,
    notes: list[InputError] | None = None,
    body_required: bool = True,
) -> Article:
    """The article text is the title, a blank line and the body: headlines carry events
    ("Moscow warns against US interference"), and evidence offsets refer to this text.

    The id comes from the URL when there is one (a changed page replaces its old version),
    else from the content (a syndicated exact copy in another file is the same article).
    What had to be dropped or repaired is appended to `notes` as warnings naming the record;
    the article is kept. A body of nothing but control characters is no body: only a plain text
    file may be a headline alone (`body_required=False`)."""
    clean = _Cleaner()
    title, body = (clean(title) or "").strip(), (clean(body) or "").strip()
    if body_required and not body:
        raise InputError(record_place(doc, record), "no text")
    if clean.repaired * 20 > len(body):  # over 5%: another encoding or binary junk, no text
        raise InputError(record_place(doc, record), f"not text: {clean.repaired} undecodable bytes or invalid characters")
    url, published, source = clean(url), clean(published), clean(source)
    repairs: list[str] = []
    if clean.repaired:
        repairs.append("undecodable bytes or invalid characters (lone surrogates) replaced by U+FFFD")
    link = web_url(url)
    if url and url.strip() and link is None:
        repairs.append(f"link {repr(printable(url, 60))} is not an http(s) URL: stored without a URL")
    date = iso_date(published)
    if published and published.strip() and date is None:
        repairs.append(f"unreadable date {repr(printable(published, 60))}: stored without a date")
    text = f"{title}\n\n{body}" if title else body
    digest = content_hash(text)
    key = link or digest
    article_id = "article:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
    article = Article(
        id=article_id,
        doc=doc,
        title=title,
        text=text,
        content_hash=digest,
        url=link,
        published=date,
        source=(source or "").strip() or None,
        record=record,
    )
    if notes is not None:
        notes += [InputWarning(record_place(doc, record), repair) for repair in repairs]
    return article
