"""The store protocol and the load logic both backends share.

A backend only knows how to run a list of statements in one transaction and how to read;
what to write, in which order, and in which batches is decided here once."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from newsgraph.corpus.dedupe import Duplicate
from newsgraph.graph.records import ExtractedArticle
from newsgraph.store.rows import duplicate_rows, load_rows, unique_by_id
from newsgraph.store.schema_files import load_statement, load_steps, statement

Statement = tuple[str, dict[str, Any]]

def batches(items: Iterable[ExtractedArticle], batch_rows: int) -> Iterator[list[ExtractedArticle]]:
    """Groups whole articles into batches of about `batch_rows` rows, counted as events (the
    rows that dominate a load): an article is never split across transactions."""
    batch: list[ExtractedArticle] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item.events) + 1
        if size >= batch_rows:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class LoadTarget(Protocol):
    """Where a run's extraction goes: a graph store, or the import files of a backfill
    (store/bulk_import.py)."""

    def loaded_articles(self, ids: Sequence[str]) -> dict[str, tuple[str, str]]: ...

    def load_all(self, items: Iterable[ExtractedArticle], batch_rows: int = 2000) -> int: ...

    def record_duplicates(self, duplicates: Sequence[Duplicate]) -> None: ...


class GraphStore(ABC):
    """What the pipeline, the CLI and the tests need from a graph store."""

    uri: str

    @abstractmethod
    def write(self, statements: Sequence[Statement]) -> None:
        """Runs the statements in one transaction: all of them land or none."""

    @abstractmethod
    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Runs one statement read-only (the server refuses a write: ReadOnlyRefused) and
        returns its rows as dicts of plain values. Analysts' Cypher goes here."""

    @abstractmethod
    def execute(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Runs one statement that may write, and returns its rows (`query --write`)."""

    @abstractmethod
    def apply_schema(self) -> list[str]:
        """Applies the backend's migrations idempotently; returns the files applied."""

    @abstractmethod
    def close(self) -> None: ...

    def after_load(self) -> None:
        """Housekeeping once a run's loads are done (the embedded store compacts its log)."""

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- shared behaviour ----------------------------------------------------------------

    def load(self, batch: Sequence[ExtractedArticle]) -> None:
        """Replaces the given articles (their events and mentions) in one transaction."""
        batch = unique_by_id(batch)
        if not batch:
            return
        rows = load_rows(batch)
        self.write(_steps("load_articles", [row["id"] for row in rows["articles"]], rows))

    def load_all(self, items: Iterable[ExtractedArticle], batch_rows: int = 2000) -> int:
        loaded = 0
        for batch in batches(items, batch_rows):
            self.load(batch)
            loaded += len(batch)
        return loaded

    def write_rows(self, write: str, ids: list[str], rows: dict[str, list[dict[str, Any]]]) -> None:
        """One write of graph_schema/load/steps.toml from rows built elsewhere (`newsgraph
        resolve` rebuilds an article's rows from the graph instead of from a parse)."""
        self.write(_steps(write, ids, rows))

    def record_duplicates(self, duplicates: Sequence[Duplicate]) -> None:
        """Keeps syndicated copies as Articles pointing at their originals, without events
        (a copy loaded as an original by an earlier run loses its events here). The originals
        must be loaded first."""
        rows = duplicate_rows(duplicates)
        if not rows:
            return
        self.write(_steps("record_duplicates", [row["id"] for row in rows], {"duplicates": rows}))

    def refresh_interactions(self) -> None:
        """Recomputes INTERACTS_WITH from the events in one transaction, dropping actors
        that nothing refers to any more."""
        self.write(_steps("refresh_interactions", [], {}))

    def loaded_articles(self, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """content_hash and pipeline_version of the articles already in the store, so a run
        can skip what it has seen."""
        rows = self.read(statement("pipeline", "loaded_articles"), {"ids": list(ids)})
        return {r["id"]: (r["hash"], r["version"]) for r in rows}

    def derived_current(self) -> bool:
        """Whether INTERACTS_WITH and the analytics were recomputed after the last write that
        changed events (graph_schema/load/derived_stale.cypher)."""
        (row,) = self.read(statement("pipeline", "derived_current"))
        return bool(row["current"])

    def mark_derived_current(self) -> None:
        self.write([(statement("pipeline", "mark_derived_current"), {})])

    def counts(self) -> dict[str, int]:
        (row,) = self.read(statement("pipeline", "counts"))
        return {name: int(value) for name, value in row.items()}

    def clear(self) -> None:
        """Deletes the newsgraph data (not other labels such as NeoDash's dashboards), in
        batches: one transaction deleting a large graph exceeds Neo4j's transaction memory."""
        for name in ("clear_events", "clear_articles", "clear_actors"):
            while self.execute(statement("pipeline", name))[0]["deleted"]:
                pass


def _steps(write: str, ids: list[str], rows: dict[str, list[dict[str, Any]]]) -> list[Statement]:
    """The statements of one write in the order of graph_schema/load/steps.toml, each with the
    parameter it reads: the article ids, its rows, or none."""
    statements = []
    for name in load_steps(write):
        cypher = load_statement(name)
        params = {"ids": ids} if "$ids" in cypher else {"rows": rows[name]} if "$rows" in cypher else {}
        statements.append((cypher, params))
    return statements
