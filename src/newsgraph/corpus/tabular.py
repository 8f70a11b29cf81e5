"""CSV and JSON Lines corpora: one article per record, columns mapped by name.

The default mapping fits the common layout (url, date, title, text) of news dumps such as the
Wikinews sample. A bad record is reported as `file#N`, N the line the record starts on, and
only that record is lost: a CSV quote that never closes would otherwise swallow every later row
into one article's text, so the CSV is read strictly and reading resumes on the next line."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import astuple, dataclass
from pathlib import PurePath

from newsgraph.corpus.decode import as_input_error, describe, read_content, report
from newsgraph.corpus.records import make_article
from newsgraph.errors import InputError
from newsgraph.graph.records import Article

SUFFIXES = (".csv", ".jsonl", ".ndjson")

Record = tuple[int, dict | InputError]
_LINE_ENDS = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class ColumnMap:
    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    source: str = "source"


def _csv_records(content: str, doc: str) -> Iterator[Record]:
    """Rows keyed by the header, numbered by the line they start on."""
    csv.field_size_limit(1 << 28)
    lines = io.StringIO(content, newline="").readlines()  # line ends as csv wants them; not at U+2028
    try:
        header = next(csv.reader(lines[:1], strict=True), None)
    except csv.Error as exc:
        raise InputError(doc, f"unreadable CSV header ({exc})") from exc
    if not header:
        return
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise InputError(doc, f"the header names {', '.join(map(repr, repeated))} more than once: "
                              "which column holds what is ambiguous")
    start = 1  # index in `lines` of the next record's first line
    while start < len(lines):
        base, reader = start, csv.reader((lines[i] for i in range(start, len(lines))), strict=True)  # no copy
        while True:
            first = start + 1  # 1-based line number
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield first, InputError(f"{doc}#{first}", f"malformed CSV record ({exc}); reading resumes on the next line")
                start += 1
                break
            start = base + reader.line_num
            if not any(field.strip() for field in row):
                continue
            if len(row) > len(header):
                yield first, InputError(
                    f"{doc}#{first}", f"{len(row)} fields where the header names {len(header)}: a stray delimiter or quote")
                continue
            yield first, dict(zip(header, row, strict=False))


def _jsonl_records(content: str, doc: str) -> Iterator[Record]:
    # Split at line ends only: a JSON string may hold U+2028, never a raw CR or LF.
    for line_number, line in enumerate(_LINE_ENDS.split(content), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield line_number, InputError(f"{doc}#{line_number}", f"invalid JSON: {exc.msg}")
            continue
        except (ValueError, RecursionError) as exc:  # a 5000-digit number, nesting 100k deep
            yield line_number, InputError(f"{doc}#{line_number}", f"unreadable JSON ({describe(exc)})")
            continue
        if not isinstance(record, dict):
            yield line_number, InputError(f"{doc}#{line_number}", "a JSON line must be an object")
            continue
        yield line_number, record


_JSON_KINDS = {bool: "a boolean", int: "a number", float: "a number", dict: "an object", list: "a list"}


def _field(record: dict, column: str, where: str) -> str | None:
    """A field's text. JSON may give any type: a number or an object is no text, and is never
    turned into its Python spelling."""
    value = record.get(column)
    if value is None or isinstance(value, str):
        return value
    raise InputError(where, f"'{column}' is {_JSON_KINDS.get(type(value), type(value).__name__)}, not text")


def read(
    path: PurePath, doc: str, columns: ColumnMap = ColumnMap(), errors: list[InputError] | None = None
) -> Iterator[Article]:
    """Yields the good records; bad ones go to `errors` (or raise when it is None), and so do
    warnings about what a kept record lost."""
    # Undecodable bytes become lone surrogates here, so that they cost their record a warning
    # (reading repairs them) instead of costing the whole file.
    content = read_content(path, doc).decode("utf-8-sig", errors="surrogateescape")
    records = _csv_records if path.suffix.lower() == ".csv" else _jsonl_records
    found = False
    for number, record in records(content, doc):
        found = True
        where = f"{doc}#{number}"
        try:
            if isinstance(record, InputError):
                raise record
            text, title, date, url, source = (_field(record, column, where) for column in astuple(columns))
            if not (text or "").strip():
                raise InputError(where, f"no text in column '{columns.text}'")
            article = make_article(doc=doc, record=number, title=title or "", body=text or "", url=url,
                                   published=date, source=source, notes=errors)
        except Exception as exc:
            report(as_input_error(exc, where, "unreadable record"), errors)
        else:
            yield article
    if not found:
        raise InputError(doc, "no records")
