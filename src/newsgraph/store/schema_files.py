"""The graph contract lives in `graph_schema/` as plain Cypher files, readable by analysts and
reviewable in diffs; this module finds and parses them for the stores and the CLI.

In a wheel the folder is packaged as `newsgraph/graph_schema`; in a source checkout it is
the repository's top-level `graph_schema/`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_PACKAGED = Path(__file__).resolve().parents[1] / "graph_schema"
_CHECKOUT = Path(__file__).resolve().parents[3] / "graph_schema"


def schema_dir() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


def split_statements(text: str) -> list[str]:
    """Statements of a migration file, separated by `;` at line ends."""
    body = _strip_comments(text)
    return [s.strip() for s in re.split(r";\s*(?:\n|$)", body) if s.strip()]


@lru_cache(maxsize=None)
def statement(group: str, name: str) -> str:
    """One statement of graph_schema/<group>/<name>.cypher (load, pipeline, analytics, report):
    all the Cypher newsgraph runs lives in graph_schema/, none in the code."""
    path = schema_dir() / group / f"{name}.cypher"
    try:
        return _strip_comments(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise KeyError(f"no statement {path}") from exc


def load_statement(name: str) -> str:
    return statement("load", name)


@lru_cache(maxsize=None)
def load_steps(write: str) -> tuple[str, ...]:
    """The statements of one write of the load, in order, as graph_schema/load/steps.toml says."""
    steps = tomllib.loads((schema_dir() / "load" / "steps.toml").read_text(encoding="utf-8"))
    return tuple(steps[write])


def migrations(backend: str) -> list[Path]:
    return sorted((schema_dir() / "migrations" / backend).iterdir())


@dataclass(frozen=True)
class NamedQuery:
    """An analyst query with the header the CLI lists and fills defaults from."""

    name: str
    question: str
    params: str
    example: str
    cypher: str
    path: Path
    defaults: dict[str, str] = field(default_factory=dict)


_HEADER = re.compile(r"^//\s*(name|question|params|example):\s*(.*)$")
_DEFAULT = re.compile(r"(\w+)\s*\([^()]*?default\s+([^,)]+)")


def parse_query(path: Path) -> NamedQuery:
    header: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _HEADER.match(line.strip())
        if match:
            header[match.group(1)] = match.group(2).strip()
    params = header.get("params", "")
    defaults = {k: v.strip().strip('"') for k, v in _DEFAULT.findall(params)}
    return NamedQuery(
        name=header.get("name", path.stem),
        question=header.get("question", ""),
        params=params,
        example=header.get("example", ""),
        cypher=_strip_comments(path.read_text(encoding="utf-8")).rstrip(";"),
        path=path,
        defaults=defaults,
    )


def named_queries() -> dict[str, NamedQuery]:
    found = [parse_query(p) for p in sorted((schema_dir() / "queries").glob("*.cypher"))]
    return {q.name: q for q in found}
