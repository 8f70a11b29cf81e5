"""From what the user typed (files, directories, globs) to readable files and then articles.

Each input keeps the spelling the user gave, so messages and the `doc` field of extracted
events point at exactly what was typed."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePath

from newsgraph.corpus import archive, feed, html, tabular, text, warc
from newsgraph.corpus.decode import describe, memory_file
from newsgraph.corpus.language import sort_by_language
from newsgraph.corpus.limits import DEFAULT_LIMITS, Limits, read_capped
from newsgraph.errors import InputError
from newsgraph.graph.records import Article

# Every reader is called as reader(path, doc, errors, limits); a bad record goes to `errors`.
Reader = archive.MemberReader


def _text(path: PurePath, doc: str, errors: list[InputError] | None, limits: Limits) -> Iterable[Article]:
    return text.read(path, doc)  # type: ignore[arg-type]


def _tabular(path: PurePath, doc: str, errors: list[InputError] | None, limits: Limits) -> Iterable[Article]:
    return tabular.read(path, doc, errors=errors)  # type: ignore[arg-type]


def _by_suffix(reader: Reader, suffixes: Iterable[str]) -> dict[str, Reader]:
    return {suffix: reader for suffix in suffixes}


# Readers of one uncompressed file; these are also the readers of archive members.
FILE_READERS: dict[str, Reader] = (
    _by_suffix(_text, text.SUFFIXES)
    | _by_suffix(_tabular, tabular.SUFFIXES)
    | _by_suffix(html.read, html.SUFFIXES)
    | _by_suffix(feed.read, feed.SUFFIXES)
    | {".warc": warc.read}
)


def suffix_of(path: str | PurePath) -> str:
    """The suffix that picks a reader, lower-cased: `.gz` keeps the suffix before it
    (`.warc.gz`, `.jsonl.gz`), since that is what the decompressed file is."""
    suffixes = [suffix.lower() for suffix in PurePath(path).suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return "".join(suffixes[-2:])
    return suffixes[-1] if suffixes else ""


def member_reader(name: str) -> Reader | None:
    """Readers for what is inside an archive: plain files only, so archives never nest."""
    return FILE_READERS.get(suffix_of(name))


READERS: dict[str, Reader] = (
    FILE_READERS
    | _by_suffix(partial(archive.read_gzip, reader_for=member_reader), (s + ".gz" for s in FILE_READERS))
    | _by_suffix(warc.read, warc.SUFFIXES)
    | _by_suffix(partial(archive.read_zip, reader_for=member_reader), archive.ZIP_SUFFIXES)
)

READABLE = ", ".join(sorted(FILE_READERS)) + " (each also gzipped: .gz), " + ", ".join(archive.ZIP_SUFFIXES)


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
                    if suffix_of(name) in READERS
                ]
        elif os.path.exists(given):
            if suffix_of(given) not in READERS:
                errors.append(InputError(given, f"unsupported file type; readable: {READABLE}"))
            else:
                found.append(given)
        elif glob.has_magic(given):
            matches = sorted(m for m in glob.glob(given, recursive=True) if os.path.isfile(m))
            if not matches:
                errors.append(InputError(given, "the pattern matches no file"))
            found += [m for m in matches if suffix_of(m) in READERS]
        else:
            errors.append(InputError(given, "no such file or directory"))
    return list(dict.fromkeys(found)), errors


@dataclass
class ReadResult:
    """`skipped_language` holds the articles set aside as not English (with their language),
    so a run can count them; they are not in `articles`, and each is also in `errors`.
    `errors` holds warnings about kept records too (`InputError.kept`)."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped_language: list[Article] = field(default_factory=list)


def _read_one(doc: str, errors: list[InputError], limits: Limits) -> list[Article]:
    """The articles of one file. Whatever a reader or a library under it raises becomes an
    error naming the file; the articles read before the failure are kept."""
    reader = READERS.get(suffix_of(doc))
    if reader is None:
        errors.append(InputError(doc, f"unsupported file type; readable: {READABLE}"))
        return []
    articles: list[Article] = []
    try:
        # Read once, capped; every reader then reads the bytes as it reads an archive member.
        for article in reader(memory_file(doc, read_capped(doc, limits)), doc, errors, limits):
            articles.append(article)
    except InputError as exc:
        errors.append(exc)
    except Exception as exc:  # a library raising on garbage must not end the run
        errors.append(InputError(doc, f"the reader failed on this file ({describe(exc)})"))
    return articles


def read_windows(paths: Iterable[str], limits: Limits, errors: list[InputError],
                 size: int = 2_000) -> Iterator[list[Article]]:
    """The articles of the files in read order, whole files at a time, in windows of about
    `size` (more when one file holds more): a corpus larger than memory is read a window at a
    time. A bad file or record goes to `errors` and is skipped, never fatal."""
    window: list[Article] = []
    for doc in paths:
        for article in _read_one(doc, errors, limits):
            if len(article.text) > limits.max_article_chars:
                errors.append(InputError(article.where, f"{len(article.text):,} characters, over the "
                                         f"{limits.max_article_chars:,}-character cap on one article"))
                continue
            window.append(article)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


def read_files(paths: Iterable[str], limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Reads every file into memory (for `extract`, the evaluation and tests; a run reads a
    window at a time, intake.py); a bad file or record is reported and skipped, never fatal.
    Articles set aside as not English are reported too, so that none is dropped without a word."""
    result = ReadResult()
    for window in read_windows(paths, limits, result.errors):
        result.articles += window
    languages = sort_by_language(result.articles)
    result.articles, result.skipped_language = languages.english, languages.foreign
    result.errors += languages.errors
    return result
