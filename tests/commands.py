"""Running the `newsgraph` command as a user does, for the tests that drive it end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
FINGERPRINT = (
    "MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:REPORTED_IN]->(a:Article) "
    "OPTIONAL MATCH (e)-[:TARGETS]->(t:Actor) "
    "RETURN e.id AS id, s.id AS s, t.id AS t, e.action AS action, a.id AS a ORDER BY id"
)


def newsgraph(*args: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess:
    environment = os.environ | {"NEWSGRAPH_DATA_DIR": str(data_dir)} | env
    return subprocess.run([NEWSGRAPH, *args], capture_output=True, text=True, cwd=ROOT,
                          env=environment, timeout=600)


def counts(data_dir: Path, graph: str | None = None) -> dict:
    args = ["query", "--json", "MATCH (a:Article) WHERE a.duplicate_of IS NULL WITH count(a) AS articles MATCH (e:Event) "
            "WITH articles, count(e) AS events MATCH (x:Actor) WITH articles, events, count(x) AS actors "
            "OPTIONAL MATCH (:Actor)-[r:INTERACTS_WITH]->(:Actor) "
            "RETURN articles, events, actors, count(r) AS interactions"]
    done = newsgraph(*args, *(["--graph", graph] if graph else []), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
