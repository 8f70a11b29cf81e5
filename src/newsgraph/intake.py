"""What a run must do with the articles it reads: which the store already holds unchanged, which
are not English, which are copies of another, and which are left to extract.

Asked in that order so that a run over a corpus the store already holds costs a read and one
query a window: the language identifier and the copy finder only see articles the store lacks.
That is exact, not a shortcut: the language of a text never changes, and the copies among
articles already loaded were recorded when they were loaded; only a new article can add a copy
(of an article loaded before, or, when it is earlier, by making a loaded one its copy).

An archive is larger than memory, so a run reads it twice, a window at a time: `plan` decides
every article's fate (the copy finder needs the whole corpus before it can name an original)
and keeps only that, in an SQLite table; `Plan.work` reads again and hands on what is left to
extract, a window at a time. A corpus of one window is kept from the first read. This module
stays free of spaCy and Prefect, like everything the `run` command asks first (rerun.py)."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsgraph.config import PIPELINE_VERSION
from newsgraph.corpus.dedupe import CopyFinder, Duplicate
from newsgraph.corpus.discover import read_windows
from newsgraph.corpus.language import sort_by_language, with_language
from newsgraph.corpus.limits import Limits
from newsgraph.errors import InputError
from newsgraph.graph.records import Article
from newsgraph.store.base import LoadTarget


class Reading:
    """The articles of a run's files, read window by window, as often as asked, in the same
    order. What the files' readers report goes to `errors` on the first read only."""

    def __init__(self, paths: Sequence[str], limits: Limits, window: int = 2_000) -> None:
        self.paths, self.limits, self.window = list(paths), limits, window
        self.errors: list[InputError] = []
        self.articles = 0
        """Read on the first pass, every record with text (copies and repeats included)."""
        self._kept: list[list[Article]] | None = None
        self._read = False

    @classmethod
    def of(cls, articles: Sequence[Article]) -> Reading:
        """Articles already in memory, as one window."""
        reading = cls([], Limits())
        reading._kept, reading._read, reading.articles = [list(articles)], True, len(articles)
        return reading

    def windows(self) -> Iterator[list[Article]]:
        if self._kept is not None:
            yield from self._kept
            return
        first = not self._read
        if first:  # again after a failed attempt: count and report from the start
            self.errors.clear()
            self.articles = 0
        last: list[Article] = []
        for window in read_windows(self.paths, self.limits, self.errors if first else [], self.window):
            if first:
                self.articles += len(window)
                last = window
            yield window
        if first:  # a corpus of one window is kept, a larger one read again
            self._read = True
            self._kept = ([last] if last else []) if self.articles <= self.window else None


@contextmanager
def workspace() -> Iterator[sqlite3.Connection]:
    """A scratch database on disk for one run's plan: it holds a fingerprint of every article,
    which an archive's run cannot keep in memory. Gone when the run ends."""
    with tempfile.TemporaryDirectory(prefix="newsgraph-intake-") as folder:
        db = sqlite3.connect(Path(folder) / "intake.sqlite", check_same_thread=False)
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        try:
            yield db
        finally:
            db.close()


@dataclass
class Plan:
    """Every article's fate by its place in read order (table `articles`: held, todo, foreign,
    copy, held copy); the counts; and, filled as `work` reads again, the copies to record and
    the articles that changed between the two reads."""

    db: sqlite3.Connection
    held: int = 0
    """Articles the store holds with this text and extractor version (originals and copies)."""
    foreign: int = 0
    todo: int = 0
    copies: int = 0
    errors: list[InputError] = field(default_factory=list)
    """One "not English" line per foreign article."""
    copied: list[Duplicate] = field(default_factory=list)
    """Filled by `work`; without their text, which recording a copy does not need."""
    changed: list[InputError] = field(default_factory=list)

    def work(self, reading: Reading) -> Iterator[list[Article]]:
        """The articles to extract, window by window, each with the language the plan found.
        An article whose id or text differs from the first read (its file changed meanwhile)
        is left for the next run, with a line in `changed`."""
        place = 0
        for window in reading.windows():
            rows = {row[0]: row[1:] for row in self.db.execute(
                "SELECT a.place, a.id, a.hash, a.status, a.language, c.original_id, c.kind, c.similarity "
                "FROM articles a LEFT JOIN copies c ON c.place = a.place WHERE a.place BETWEEN ? AND ?",
                (place, place + len(window) - 1))}
            todo = []
            for at, article in enumerate(window, start=place):
                if (row := rows.get(at)) is None:  # a repeat of an id read before
                    continue
                known, content_hash, status, language, original_id, kind, similarity = row
                if (article.id, article.content_hash) != (known, content_hash):
                    self.changed.append(InputError(article.where, "the file changed while the run read it; "
                                                   "the article is left for the next run"))
                elif status == "todo":
                    todo.append(replace(article, language=language))
                elif status in ("copy", "held copy"):
                    # A loaded article becomes a copy when a new, earlier one has its text; its
                    # record is rewritten as a copy, so it needs the language a clean run gives it.
                    own = replace(article, language=language) if status == "copy" else with_language(article)
                    self.copied.append(Duplicate(replace(own, text=""), original_id, kind, similarity))
            place += len(window)
            if todo:
                yield todo


def unchanged(store: LoadTarget, articles: Sequence[Article]) -> set[str]:
    """Ids of articles the store already holds with the same content and extractor version."""
    loaded = store.loaded_articles([a.id for a in articles])
    return {a.id for a in articles if loaded.get(a.id) == (a.content_hash, PIPELINE_VERSION)}


def _seen(db: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(i for (i,) in db.execute(
            f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def plan(store: LoadTarget, reading: Reading, force: bool = False,
         db: sqlite3.Connection | None = None) -> Plan:
    """Reads the corpus once. The same id twice (one URL in two files) is one article: the
    first read wins and the other is not recorded, as it is no separate publication. `force`
    treats every article as new (re-extract what is loaded unchanged)."""
    db = db or sqlite3.connect(":memory:")
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        db.execute(f"DROP TABLE {table}")  # what a failed attempt left
    db.execute("CREATE TABLE articles (place INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
               "hash TEXT NOT NULL, status TEXT NOT NULL, language TEXT)")
    finder, result, place = CopyFinder(db), Plan(db), 0
    for window in reading.windows():
        seen = _seen(db, [a.id for a in window])
        distinct: list[tuple[int, Article]] = []
        for at, article in enumerate(window, start=place):
            if article.id not in seen:
                seen.add(article.id)
                distinct.append((at, article))
        place += len(window)
        held = set() if force else unchanged(store, [a for _, a in distinct])
        languages = sort_by_language(a for _, a in distinct if a.id not in held)
        english = {a.id: a.language for a in languages.english}
        result.errors += languages.errors
        rows = []
        for at, article in distinct:
            status = "held" if article.id in held else "todo" if article.id in english else "foreign"
            rows.append((at, article.id, article.content_hash, status, english.get(article.id)))
            if status != "foreign":
                finder.add(at, article)
        db.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?)", rows)
    if db.execute("SELECT 1 FROM articles WHERE status = 'todo' LIMIT 1").fetchone():
        finder.decide()  # only a new article can add a copy
    db.execute("UPDATE articles SET status = CASE status WHEN 'held' THEN 'held copy' ELSE 'copy' END "
               "WHERE place IN (SELECT place FROM copies)")
    counts = dict(db.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall())
    result.held = counts.get("held", 0) + counts.get("held copy", 0)
    result.foreign, result.todo = counts.get("foreign", 0), counts.get("todo", 0)
    result.copies = counts.get("copy", 0) + counts.get("held copy", 0)
    return result


@dataclass
class Intake:
    """A plan's outcome over articles in memory, as lists (for tests and small callers)."""

    held: set[str] = field(default_factory=set)
    foreign: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    todo: list[Article] = field(default_factory=list)
    copies: list[Duplicate] = field(default_factory=list)


def take_in(store: LoadTarget, articles: Sequence[Article], force: bool = False) -> Intake:
    reading = Reading.of(articles)
    decided = plan(store, reading, force)
    todo = [a for window in decided.work(reading) for a in window]
    status = dict(decided.db.execute("SELECT id, status FROM articles"))
    decided.db.close()
    return Intake(
        held={i for i, s in status.items() if s in ("held", "held copy")},
        foreign=[a for a in articles if status.get(a.id) == "foreign"],
        errors=decided.errors, todo=todo, copies=decided.copied,
    )
