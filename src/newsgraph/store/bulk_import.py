"""The load of a backfill: the rows the transactional load sends (store/rows.py), written as
the CSV files of `neo4j-admin database import full` instead of `UNWIND` batches.

An empty Neo4j database filled this way holds what the load statements of graph_schema/load
would have written, so the first `run` after the import finds every article loaded and only
adds what is derived (INTERACTS_WITH, analytics), as after any load. Which file holds which
property comes from graph_schema/bulk/import.toml. What the statements merge (actors,
affiliations, mentions) is merged here in load order with the statements' own rules; events
and articles stream straight to disk, so this writer holds one batch plus the actors (the run
around it still holds the corpus's articles, as `run` does)."""

from __future__ import annotations

import math
import shlex
import subprocess
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from newsgraph.corpus.dedupe import Duplicate
from newsgraph.errors import NewsgraphError
from newsgraph.graph.records import ExtractedArticle
from newsgraph.store.base import batches
from newsgraph.store.rows import duplicate_rows, load_rows, unique_by_id
from newsgraph.store.schema_files import schema_dir

ARRAY_DELIMITER = "\x1f"
"""Between the elements of a list property. The readers remove control characters from every
field, so no value can hold it; `;`, the importer's default, is ordinary text."""


@dataclass(frozen=True)
class Table:
    """One node label or relationship type of graph_schema/bulk/import.toml."""

    name: str
    rows: tuple[str, ...]
    properties: dict[str, str]
    fields: dict[str, str] = field(default_factory=dict)
    constants: dict[str, dict[str, str]] = field(default_factory=dict)
    start: tuple[str, str] | None = None
    end: tuple[str, str] | None = None

    @property
    def is_node(self) -> bool:
        return self.start is None

    def header(self) -> str:
        if self.is_node:
            columns = [f"id:ID({self.name})" if p == "id" else f"{p}:{t}" for p, t in self.properties.items()]
        else:
            columns = [f":START_ID({self.start[0]})", f":END_ID({self.end[0]})"]
            columns += [f"{p}:{t}" for p, t in self.properties.items()]
        return ",".join(columns)

    def values(self, row: dict[str, Any], rows: str) -> list[Any] | None:
        """The row's columns; None for a relationship whose end is absent (no target)."""
        values = []
        if not self.is_node:
            start, end = row[self.start[1]], row[self.end[1]]
            if start is None or end is None:
                return None
            values = [start, end]
        for prop in self.properties:
            if prop in self.constants:
                values.append(self.constants[prop][rows])
            else:
                values.append(row.get(self.fields.get(prop, prop)))
        return values


@lru_cache(maxsize=1)
def tables() -> tuple[Table, ...]:
    spec = tomllib.loads((schema_dir() / "bulk" / "import.toml").read_text(encoding="utf-8"))
    found = []
    for kind in ("nodes", "relationships"):
        for name, t in spec[kind].items():
            found.append(Table(
                name, tuple(t["rows"]), dict(t["properties"]), dict(t.get("fields", {})),
                dict(t.get("constants", {})),
                tuple(t["start"]) if "start" in t else None, tuple(t["end"]) if "end" in t else None,
            ))
    return tuple(found)


def _string(value: Any) -> str | None:
    return '"' + value.replace('"', '""') + '"' if isinstance(value, str) else None


def _long(value: Any) -> str | None:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else None


def _double(value: Any) -> str | None:
    """An int is written as the double the column holds (the load statements receive floats)."""
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    return repr(float(value)) if ok else None


def _boolean(value: Any) -> str | None:
    return ("true" if value else "false") if isinstance(value, bool) else None


def _strings(value: Any) -> str | None:
    if isinstance(value, list | tuple) and value and all(
            isinstance(v, str) and v and ARRAY_DELIMITER not in v for v in value):
        return '"' + ARRAY_DELIMITER.join(value).replace('"', '""') + '"'
    return None


_FORMATS = {"string": _string, "long": _long, "double": _double, "boolean": _boolean, "string[]": _strings}


def _cell(value: Any, kind: str, where: str) -> str:
    """One CSV field as the importer reads it: nothing is null, a quoted "" an empty string.
    A value of another type than the column's stops the backfill rather than change it."""
    if value is None:
        return ""
    cell = _FORMATS[kind](value)
    if cell is None:
        raise NewsgraphError(f"bulk import: {where} holds {value!r}, not a {kind}")
    return cell


class _Files:
    """A table's header file and its data files: rows with a line break in a value go to a
    file of their own, the only one the importer must parse as multi-line (slower)."""

    def __init__(self, out: Path, table: Table) -> None:
        self.table = table
        self.header = out / f"{table.name}.header.csv"
        self.plain = out / f"{table.name}.csv"
        self.multiline = out / f"{table.name}.multiline.csv"
        self.header.write_text(table.header() + "\n", encoding="utf-8")
        self._plain: IO[str] = self.plain.open("w", encoding="utf-8", newline="")
        self._multiline: IO[str] = self.multiline.open("w", encoding="utf-8", newline="")
        self.rows = 0
        self.multiline_rows = 0
        ends = [] if table.is_node else ["string", "string"]
        self._types = ends + list(table.properties.values())
        self._names = [f"{table.name}.{n}" for n in ([] if table.is_node else [":START_ID", ":END_ID"])
                       + list(table.properties)]

    def write(self, row: dict[str, Any], rows: str) -> None:
        values = self.table.values(row, rows)
        if values is None:
            return
        line = ",".join("" if v is None else _FORMATS[t](v) or _cell(v, t, w)
                        for v, t, w in zip(values, self._types, self._names, strict=True))
        if "\n" in line or "\r" in line:
            self._multiline.write(line + "\n")
            self.multiline_rows += 1
        else:
            self._plain.write(line + "\n")
        self.rows += 1

    def close(self) -> None:
        self._plain.close()
        self._multiline.close()
        if not self.multiline_rows:
            self.multiline.unlink(missing_ok=True)


@dataclass
class BackfillCounts:
    articles: int = 0
    duplicates: int = 0
    events: int = 0
    actors: int = 0


class BulkImport:
    """A load target for a database that is empty: what a run would load, as import files.

    It answers the pipeline as a store does (`loaded_articles`, `load_all`,
    `record_duplicates`), so the ingest flow's reading, intake and extraction serve a
    backfill unchanged."""

    def __init__(self, out_dir: Path) -> None:
        self.out = Path(out_dir)
        if "," in str(self.out.resolve()):
            raise NewsgraphError(f"{self.out}: neo4j-admin splits file lists at commas; choose a folder without one")
        if self.out.exists() and any(self.out.iterdir()):
            raise NewsgraphError(f"{self.out}: the folder holds files; a backfill writes into a new or empty one, "
                                 "so that no file of an earlier run is imported")
        self.out.mkdir(parents=True, exist_ok=True)
        self.counts = BackfillCounts()
        self._files = {t.name: _Files(self.out, t) for t in tables()}
        self._by_rows: dict[str, list[_Files]] = {}
        for files in self._files.values():
            for rows in files.table.rows:
                self._by_rows.setdefault(rows, []).append(files)
        self._actors: dict[str, dict] = {}
        self._articles: set[str] = set()  # ids written, originals and copies
        self._affiliations: dict[tuple, dict] = {}
        self._offices: dict[tuple, dict] = {}

    # -- what the pipeline asks of a store ---------------------------------------------------

    def loaded_articles(self, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Nothing: a backfill fills an empty database."""
        return {}

    def load_all(self, items: Iterable[ExtractedArticle], batch_rows: int = 2000) -> int:
        """In the batches the transactional load would use, so that what it merges (an actor's
        name, kind and country) ends as it would there."""
        loaded = 0
        for batch in batches(items, batch_rows):
            # a batch sent again (a retried task) is written once: appending is no replace
            batch = [item for item in unique_by_id(batch) if item.article.id not in self._articles]
            if not batch:
                continue
            self._articles.update(item.article.id for item in batch)
            rows = load_rows(batch)
            self._stream("articles", rows["articles"])
            self._stream("events", rows["events"])
            self._stream("mentions", list({(r["article_id"], r["actor_id"]): r for r in rows["mentions"]}.values()))
            self._stream("mention_nodes", rows["mention_nodes"])
            for row in rows["actors"]:  # actors.cypher: SET, and the country kept when unknown
                old = self._actors.get(row["id"])
                self._actors[row["id"]] = row | {"country": row["country"] if row["country"] is not None
                                                 else old and old["country"]}
            for row in rows["affiliations"]:  # affiliations.cypher: the earliest since, latest until
                key = (row["person_id"], row["organisation_id"], row["role"])
                old = self._affiliations.setdefault(key, dict(row))
                old["since"] = min(filter(None, (old["since"], row["since"])), default=None)
                old["until"] = max(filter(None, (old["until"], row["until"])), default=None)
            for row in rows["offices"]:  # offices.cypher: one per term, its until last written
                self._offices[(row["person_id"], row["organisation_id"], row["role"], row["since"])] = row
            self.counts.articles += len(rows["articles"])
            self.counts.events += len(rows["events"])
            loaded += len(batch)
        return loaded

    def record_duplicates(self, duplicates: Sequence[Duplicate]) -> None:
        """As duplicates.cypher: the copy keeps `duplicate_of`, and the relationship is made
        only to an original that was written (one the rules failed on was quarantined)."""
        rows = [row for row in duplicate_rows(duplicates) if row["id"] not in self._articles]
        self._articles.update(row["id"] for row in rows)
        for files in self._by_rows.get("duplicates", []):
            for row in rows:
                if files.table.is_node or row["original_id"] in self._articles:
                    files.write(row, "duplicates")
        self.counts.duplicates += len(rows)

    # -- the import ------------------------------------------------------------------------

    def _stream(self, rows: str, items: Iterable[dict]) -> None:
        targets = self._by_rows.get(rows, [])
        for row in items:
            for files in targets:
                files.write(row, rows)

    def close(self) -> None:
        """Writes what was merged and closes the files."""
        self._stream("actors", (self._actors[k] for k in sorted(self._actors)))
        self._stream("affiliations", (self._affiliations[k] for k in sorted(self._affiliations, key=str)))
        self._stream("offices", (self._offices[k] for k in sorted(self._offices, key=str)))
        self.counts.actors = len(self._actors)
        for files in self._files.values():
            files.close()

    def __enter__(self) -> BulkImport:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None:
            for files in self._files.values():
                files.close()


def import_arguments(out_dir: Path, database: str = "neo4j") -> list[str]:
    """`neo4j-admin database import full` arguments for the files a BulkImport wrote to
    `out_dir`: any change to a value fails the import (bad tolerance 0), it never skips."""
    out = Path(out_dir).resolve()
    args = ["database", "import", "full", database, f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}",
            "--bad-tolerance=0", "--strict=true", f"--report-file={out / 'import.report'}"]
    groups, multiline = [], []
    for table in tables():
        header, plain, more = (out / f"{table.name}{suffix}" for suffix in (".header.csv", ".csv", ".multiline.csv"))
        if not header.is_file():
            raise NewsgraphError(f"{header}: missing; write the import files with `newsgraph backfill` first")
        files = [header, plain] + ([more] if more.is_file() and more.stat().st_size else [])
        multiline += files[2:]
        groups.append(f"{'--nodes' if table.is_node else '--relationships'}={table.name}={','.join(map(str, files))}")
    if multiline:
        args += ["--multiline-fields-format=v2", f"--multiline-fields={','.join(map(str, multiline))}"]
    return args + groups


def run_import(admin: str, arguments: Sequence[str]) -> None:
    """Runs the importer (`admin`: the neo4j-admin command, split as a shell would). It refuses
    a database in use."""
    command = shlex.split(admin) + list(arguments)
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise NewsgraphError(f"neo4j-admin: cannot run {admin!r}: {exc}") from exc
    if done.returncode != 0:
        lines = [ln for ln in (done.stdout + done.stderr).splitlines() if ln.strip() and not ln.startswith("\tat ")]
        raise NewsgraphError(f"neo4j-admin import failed: {' / '.join(lines[-3:])}")
