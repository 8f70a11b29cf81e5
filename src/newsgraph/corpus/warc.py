"""Web archives (WARC): every HTML page a crawler fetched successfully becomes an article.

Only `response` records with status 200 and an HTML content type are pages; requests,
metadata, redirects, images and scripts are the normal rest of a crawl and are passed over
silently. Pages go through the HTML reader's extraction, with the record's target URI as the
article URL and the crawl date as the date of last resort."""

from __future__ import annotations

import gzip
import io
import itertools
import re
from collections.abc import Iterator
from email.message import Message
from pathlib import PurePath
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from newsgraph.corpus.decode import as_input_error, describe, read_bytes, report
from newsgraph.corpus.html import article_from_html
from newsgraph.corpus.limits import DEFAULT_LIMITS, LimitExceeded, Limits, Meter, MeteredStream, human_size
from newsgraph.errors import InputError
from newsgraph.graph.records import Article

SUFFIXES = (".warc", ".warc.gz")
GZIP_MAGIC = b"\x1f\x8b"
HTML_TYPES = ("text/html", "application/xhtml+xml")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _stream(data: bytes, doc: str, limits: Limits) -> io.BufferedIOBase:
    """Decompresses here rather than in warcio, so the size and ratio caps apply. A stream that
    is still gzip after one decompression is refused: warcio would decompress it again, past the
    caps."""
    if not data.startswith(GZIP_MAGIC):
        return io.BytesIO(data)
    meter = Meter(doc, len(data), limits)
    stream = io.BufferedReader(MeteredStream(gzip.GzipFile(fileobj=io.BytesIO(data)), meter))
    try:
        start = stream.peek(2)[:2]
    except InputError:
        raise
    except Exception as exc:  # BadGzipFile, EOFError on a truncated file, zlib.error
        raise InputError(doc, f"not a readable gzip file: {describe(exc)}") from exc
    if start == GZIP_MAGIC:
        raise InputError(doc, "gzip inside gzip is refused: a WARC is compressed once")
    return stream


def _charset(content_type: str) -> str | None:
    message = Message()
    message["content-type"] = content_type
    return message.get_content_charset()


def _decoded(body: bytes, content_type: str) -> bytes | str:
    """The HTTP header's charset when it names a usable one; else trafilatura guesses."""
    charset = _charset(content_type)
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return body


def _page_article(
    record: Any, doc: str, number: int, limits: Limits, errors: list[InputError] | None
) -> Article | None:
    """None for records that are not successful HTML pages."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    headers = record.http_headers
    content_type = headers.get_header("Content-Type") or ""
    if headers.get_statuscode() != "200" or not content_type.lower().startswith(HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    where = f"{doc}#{uri}" if uri else f"{doc}#record{number}"
    body = record.content_stream().read(limits.max_file_bytes + 1)  # decodes chunking and gzip
    if len(body) > limits.max_file_bytes:
        raise InputError(where, f"the page is over the {human_size(limits.max_file_bytes)} cap")
    warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10]
    return article_from_html(
        _decoded(body, content_type),
        doc,
        where=where,
        url=uri,
        fallback_date=warc_date if ISO_DATE.fullmatch(warc_date) else None,
        record=number,
        notes=errors,
    )


def _numbered(stream: io.BufferedIOBase, doc: str, errors: list[InputError] | None) -> Iterator[tuple[int, Any]]:
    """Records with their place in the file. A record warcio cannot parse ends the file, since
    the records after it cannot be found; as the first record, it means this is no WARC."""
    records = iter(ArchiveIterator(stream))
    for number in itertools.count(1):
        try:
            record = next(records)
        except StopIteration:
            return
        except LimitExceeded:
            raise
        except Exception as exc:  # warcio on bytes that are not a WARC
            if number == 1:
                raise InputError(doc, f"not a WARC archive: {describe(exc)}") from exc
            reason = f"unreadable WARC record, the rest is skipped: {describe(exc)}"
            report(InputError(f"{doc}#record{number}", reason), errors)
            return
        yield number, record


def read(
    path: PurePath, doc: str, errors: list[InputError] | None = None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Article]:
    """Yields the pages; a bad page goes to `errors` (or raises when it is None). Going over a
    cap ends the whole file."""
    data = read_bytes(path, doc)
    if not data.strip():
        raise InputError(doc, "empty file")
    pages = 0
    for number, record in _numbered(_stream(data, doc, limits), doc, errors):
        try:
            article = _page_article(record, doc, number, limits, errors)
        except LimitExceeded:
            raise
        except Exception as exc:  # warcio or trafilatura on a broken record
            uri = record.rec_headers.get_header("WARC-Target-URI")
            report(as_input_error(exc, f"{doc}#{uri or f'record{number}'}", "unreadable page"), errors)
            pages += 1
        else:
            if article is not None:
                pages += 1
                yield article
    if not pages:
        raise InputError(doc, "no HTML pages: the archive holds no successful text/html response")
