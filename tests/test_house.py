"""The house rules the code keeps: all Cypher in graph_schema/, the load order stated once."""

from __future__ import annotations

import re
import tomllib

from helpers import ROOT

# A clause opening a pattern or a list: found the six modules that held Cypher before.
CYPHER = re.compile(r"\b(MATCH|MERGE|UNWIND)\s*[(\$]")


def test_no_module_holds_cypher():
    holders = [str(path.relative_to(ROOT)) for path in [*(ROOT / "src").rglob("*.py"), *(ROOT / "flows").rglob("*.py")]
               if CYPHER.search(path.read_text(encoding="utf-8"))]
    assert holders == []


def test_the_load_order_names_every_load_statement_once_per_write():
    load = ROOT / "graph_schema" / "load"
    steps = tomllib.loads((load / "steps.toml").read_text(encoding="utf-8"))
    files = {path.stem for path in load.glob("*.cypher")}
    named = {name for names in steps.values() for name in names}
    assert named == files  # no statement unused, none missing
    assert all(len(names) == len(set(names)) for names in steps.values())
    assert not any(re.match(r"\d", name) for name in files)  # no order prefix to contradict steps.toml
