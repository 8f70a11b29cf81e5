"""Plain text and Markdown files: one article per file, the title on the first non-empty line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.corpus.decode import read_text
from newsgraph.corpus.records import make_article
from newsgraph.errors import InputError
from newsgraph.graph.records import Article

SUFFIXES = (".txt", ".md", ".markdown", ".text")


def read(path: Path, doc: str) -> Iterator[Article]:
    text = read_text(path, doc)
    lines = text.strip().splitlines()
    if not lines:
        raise InputError(doc, "empty file: no title and no text")
    title = lines[0].lstrip("#").strip()
    body = "\n".join(lines[1:])
    yield make_article(doc=doc, title=title, body=body, body_required=False)
