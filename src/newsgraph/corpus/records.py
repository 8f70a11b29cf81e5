"""Building an Article from what a reader found, in one place, so every reader derives ids
and hashes the same way."""

from __future__ import annotations

import hashlib

from newsgraph.corpus.dates import iso_date
from newsgraph.graph.records import Article


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_article(
    *,
    doc: str,
    title: str,
    body: str,
    url: str | None = None,
    published: str | None = None,
    source: str | None = None,
    record: int | None = None,
) -> Article:
    """The article text is the title, a blank line and the body: headlines carry events
    ("Moscow warns against US interference"), and evidence offsets refer to this text.

    The id comes from the URL when there is one (a changed page replaces its old version),
    else from the content (a syndicated exact copy in another file is the same article)."""
    title = title.strip()
    body = body.strip()
    text = f"{title}\n\n{body}" if title else body
    digest = content_hash(text)
    key = url.strip() if url and url.strip() else digest
    article_id = "article:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
    return Article(
        id=article_id,
        doc=doc,
        title=title,
        text=text,
        content_hash=digest,
        url=url or None,
        published=iso_date(published),
        source=source or None,
        record=record,
    )
