"""The quarantine report: every file or record a run skipped (`"action": "skipped"`) or loaded
with something dropped (`"action": "kept"`, a warning), as JSON lines an operator (or a script)
can act on after an unattended run. Appended per run, never rewritten, so the history of
what was refused survives later runs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from newsgraph.errors import InputError


def split_where(where: str) -> tuple[str, str | None]:
    """`file.csv#12` → (`file.csv`, `12`); `archive.zip!a.txt` stays one path."""
    path, _, record = where.partition("#")
    return path, record or None


def records(errors: Sequence[InputError], run: str) -> list[dict[str, str | None]]:
    return [
        {"run": run, "path": path, "record": record, "reason": e.reason, "action": "kept" if e.kept else "skipped"}
        for e in errors
        for path, record in [split_where(e.where)]
    ]


def append(path: Path, errors: Sequence[InputError], started: datetime | None = None) -> int:
    """Appends one line per error; returns how many were written."""
    if not errors:
        return 0
    run = (started or datetime.now(UTC)).isoformat(timespec="seconds")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        for record in records(errors, run):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(errors)
