"""From what the user typed (files, directories, globs) to readable files and then articles.

Each input keeps the spelling the user gave, so messages and the `doc` field of extracted
events point at exactly what was typed."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.corpus import tabular, text
from newsgraph.errors import InputError
from newsgraph.graph.records import Article

READERS = {suffix: text.read for suffix in text.SUFFIXES} | {
    suffix: tabular.read for suffix in tabular.SUFFIXES
}


def discover(inputs: Iterable[str]) -> tuple[list[str], list[InputError]]:
    """Expands directories and globs into a sorted, de-duplicated list of readable files."""
    found: list[str] = []
    errors: list[InputError] = []
    for given in inputs:
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given):
                dirs.sort()
                found += [
                    os.path.join(root, name)
                    for name in sorted(files)
                    if Path(name).suffix.lower() in READERS
                ]
        elif os.path.exists(given):
            if Path(given).suffix.lower() not in READERS:
                errors.append(InputError(given, f"unsupported file type; readable: {', '.join(sorted(READERS))}"))
            else:
                found.append(given)
        elif glob.has_magic(given):
            matches = sorted(m for m in glob.glob(given, recursive=True) if os.path.isfile(m))
            if not matches:
                errors.append(InputError(given, "the pattern matches no file"))
            found += [m for m in matches if Path(m).suffix.lower() in READERS]
        else:
            errors.append(InputError(given, "no such file or directory"))
    return list(dict.fromkeys(found)), errors


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def read_files(paths: Iterable[str]) -> ReadResult:
    """Reads every file; a bad file or record is reported and skipped, never fatal."""
    result = ReadResult()
    for doc in paths:
        reader = READERS[Path(doc).suffix.lower()]
        try:
            if reader is tabular.read:
                result.articles += tabular.read(Path(doc), doc, errors=result.errors)
            else:
                result.articles += reader(Path(doc), doc)
        except InputError as exc:
            result.errors.append(exc)
    return result


