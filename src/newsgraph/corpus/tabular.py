"""CSV and JSON Lines corpora: one article per record, columns mapped by name.

The default mapping fits the common layout (url, date, title, text) of news dumps such as the
Wikinews sample; a bad record is reported with its row number and the rest of the file is kept."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.corpus.decode import read_text
from newsgraph.corpus.records import make_article
from newsgraph.errors import InputError
from newsgraph.graph.records import Article

SUFFIXES = (".csv", ".jsonl", ".ndjson")


@dataclass(frozen=True)
class ColumnMap:
    text: str = "text"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    source: str = "source"


def _records(path: Path, doc: str) -> Iterator[tuple[int, dict | InputError]]:
    content = read_text(path, doc)
    if path.suffix.lower() == ".csv":
        csv.field_size_limit(1 << 28)
        for row_number, row in enumerate(csv.DictReader(io.StringIO(content)), start=1):
            yield row_number, row
        return
    for line_number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield line_number, InputError(f"{doc}#{line_number}", f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield line_number, InputError(f"{doc}#{line_number}", "a JSON line must be an object")
            continue
        yield line_number, record


def read(
    path: Path, doc: str, columns: ColumnMap = ColumnMap(), errors: list[InputError] | None = None
) -> Iterator[Article]:
    """Yields the good records; bad ones go to `errors` (or raise when it is None)."""
    for number, record in _records(path, doc):
        try:
            if isinstance(record, InputError):
                raise record
            text = str(record.get(columns.text) or "").strip()
            if not text:
                raise InputError(f"{doc}#{number}", f"no text in column '{columns.text}'")
            yield make_article(
                doc=doc,
                record=number,
                title=str(record.get(columns.title) or ""),
                body=text,
                url=str(record.get(columns.url) or "") or None,
                published=str(record.get(columns.date) or "") or None,
                source=str(record.get(columns.source) or "") or None,
            )
        except InputError as exc:
            if errors is None:
                raise
            errors.append(exc)
