"""What `newsgraph actors merge` writes: one `[[merge]]` table appended to the user's alias
file, so that the merge is data every later run and `newsgraph resolve` read, kept with the
user's other curation (aliases, known persons) and easy to edit or delete by hand."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from newsgraph.actors.resolver import Resolver
from newsgraph.store.base import GraphStore
from newsgraph.store.schema_files import statement


def append_merge(path: Path, source: str, into: str, into_row: dict[str, Any] | None) -> None:
    """Appends "`source` is `into`" to `path` (created if missing). `into_row` is the target's
    Actor row in the graph, whose name and country the merge records for articles that never
    name it. The file must still load afterwards, else it is left as it was (ValueError)."""
    lines = ["", "[[merge]]", f"from = [{_string(source)}]", f"into = {_string(into)}"]
    if into_row and into_row.get("name"):
        lines.append(f"name = {_string(into_row['name'])}")
    if into_row and into_row.get("country"):
        lines.append(f"country = {_string(into_row['country'])}")
    before = path.read_text(encoding="utf-8") if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((before or "# newsgraph aliases, known persons and merges (see actors/README.md)\n")
                    + "\n".join(lines) + "\n", encoding="utf-8")
    try:
        tomllib.loads(path.read_text(encoding="utf-8"))
        Resolver.default(extra_aliases=path)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        if before is None:
            path.unlink()
        else:
            path.write_text(before, encoding="utf-8")
        raise ValueError(f"{path}: the merge {source} -> {into} was not recorded: {exc}") from exc


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes (\\", \\\\, \\n, \\uXXXX) are TOML's too."""
    return json.dumps(text, ensure_ascii=False)


_MERGE_HEADER = re.compile(r"^\s*\[\[\s*merge\s*\]\]\s*(?:#.*)?$")
_KEY_LINE = re.compile(r"^\s*[A-Za-z0-9_\"-]+\s*=")


def merged_into(path: Path, source: str) -> str | None:
    """The actor `source` ends up as under the file's merges (through a chain: a -> b -> c is
    c), or None."""
    if not path.exists():
        return None
    from newsgraph.actors.gazetteer import Gazetteer

    target = Gazetteer.load(path).merges.get(source)
    return target[0] if target else None


def pending_merges(store: GraphStore, path: Path | None) -> list[str]:
    """The actors the file merges into others that are still in the graph: what `newsgraph
    resolve` would change. Reads the file alone (no spaCy, no known persons), so a run can ask
    before it loads anything heavy; a file that does not load raises ValueError."""
    if path is None:
        return []
    from newsgraph.actors.gazetteer import Gazetteer

    merged = sorted(Gazetteer.load(path).merges)
    return [r["id"] for r in store.read(statement("resolve", "actors_present"), {"ids": merged})] if merged else []


def remove_merge(path: Path, source: str) -> None:
    """Removes the `[[merge]]` tables whose `from` is exactly `source`: a header line and the
    key lines right under it (what `actors merge` writes), nothing else of the file. A merge of
    `source` written another way (with others in one `from`, an inline table) is the user's to
    edit: ValueError. The file is replaced whole (written beside it, then renamed)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept, i = [], 0
    while i < len(lines):
        if _MERGE_HEADER.match(lines[i]):
            end = i + 1
            while end < len(lines) and _KEY_LINE.match(lines[end]):
                end += 1
            entry = tomllib.loads("".join(lines[i:end]))["merge"][0]
            sources = entry.get("from")
            if (sources if isinstance(sources, list) else [sources]) == [source]:
                while kept and not kept[-1].strip():
                    kept.pop()  # the blank line `actors merge` put before it
                i = end
                continue
        kept.append(lines[i])
        i += 1
    text = "".join(kept)
    remaining = tomllib.loads(text).get("merge", [])
    if any(source in ([m.get("from")] if isinstance(m.get("from"), str) else m.get("from") or [])
           for m in remaining):
        raise ValueError(f"{path}: {source} is merged in a [[merge]] table with other actors or written "
                         f"another way: edit the file by hand, then run `newsgraph actors split {source}`")
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
