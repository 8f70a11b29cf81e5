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


_MERGE_BLOCK = re.compile(r"\n*^\[\[merge\]\]\n(?:^(?!\[).*\n?)*", re.MULTILINE)


def remove_merge(path: Path, source: str) -> str | None:
    """Removes the `[[merge]]` tables whose `from` is exactly `source` (what `actors merge`
    writes); returns the id it had been merged into, or None when no merge of it is in the file.
    A merge that lists `source` among others was written by hand: ValueError, edit it there."""
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    into = None
    kept = text
    for block in _MERGE_BLOCK.finditer(text):
        entry = tomllib.loads(block.group().strip())["merge"][0]
        sources = entry.get("from")
        sources = [sources] if isinstance(sources, str) else list(sources or [])
        if source not in sources:
            continue
        if sources != [source]:
            raise ValueError(f"{path}: {source} is merged together with {', '.join(s for s in sources if s != source)}"
                             f" in one [[merge]] table: edit the file by hand, then run `newsgraph actors split {source}`")
        into = entry.get("into")
        kept = kept.replace(block.group(), "\n\n", 1)
    if into is not None:
        path.write_text(kept.rstrip("\n") + "\n", encoding="utf-8")
    return into

