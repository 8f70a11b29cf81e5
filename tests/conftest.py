"""Fixtures that give tests the real parts: the embedded FalkorDB server, a real Neo4j, the
real spaCy model.

Neo4j: NEO4J_URI when set (CI exports it); else, where Java and Maven exist, the project's
own test server is started for the session; else the Neo4j tests skip with the reason. Under
CI=true they never skip: a missing Neo4j fails them."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from helpers import ROOT  # noqa: E402 - after the environment above

NEO4JCTL = ROOT / "tools" / "neo4j" / "neo4jctl"


@pytest.fixture(scope="session")
def falkor_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from newsgraph.store.embedded_server import EmbeddedFalkorDB

    server = EmbeddedFalkorDB(tmp_path_factory.mktemp("falkordb"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def falkor_store(falkor_server) -> Iterator[object]:
    from falkordb import FalkorDB

    from newsgraph.store.falkordb_store import FalkorStore

    # A server that crashed (FalkorDB segfaulted on a map-valued property once) fails the test
    # it crashed in; starting it again here keeps it from failing every later test as well.
    falkor_server.start()
    db = FalkorDB(unix_socket_path=str(falkor_server.socket_path))
    store = FalkorStore(db, f"test_{uuid.uuid4().hex[:12]}", "embedded-test", server=falkor_server)
    store.apply_schema()
    yield store
    store.client.delete()
    store.close()


def _start_neo4j() -> tuple[str, bool]:
    """The server's URI, and whether this session started it: one it found running (a
    developer's, another suite's) is not stopped at the end."""
    reason = None
    if os.environ.get("NEO4J_URI"):
        return os.environ["NEO4J_URI"], False
    if not (shutil.which("java") and shutil.which("mvn")):
        reason = "Java and Maven are not installed, so the test Neo4j cannot start"
    else:
        done = subprocess.run([str(NEO4JCTL), "up"], capture_output=True, text=True)
        if done.returncode == 0:
            uri = subprocess.run([str(NEO4JCTL), "uri"], capture_output=True, text=True).stdout.strip()
            return uri, "reusing running server" not in done.stderr
        reason = f"the test Neo4j did not start: {done.stderr.strip()[-500:]}"
    if os.environ.get("CI"):
        pytest.fail(f"Neo4j is required in CI: {reason}")
    pytest.skip(f"Neo4j tests skipped: {reason}")


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    uri, started_here = _start_neo4j()
    yield uri
    if started_here:
        subprocess.run([str(NEO4JCTL), "down"], capture_output=True)


@pytest.fixture
def neo4j_store(neo4j_uri: str) -> Iterator[object]:
    from newsgraph.store.neo4j_store import Neo4jStore

    store = Neo4jStore(neo4j_uri)
    store.clear()  # in chunks: a benchmark may have left a graph too big for one transaction
    store.write([("MATCH (n) DETACH DELETE n", {})])
    store.apply_schema()
    yield store
    store.close()


@pytest.fixture(params=["falkor", "neo4j"])
def store(request: pytest.FixtureRequest):
    """The store contract suite runs on both backends."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture
def graph(store):
    """The hand-made graph of tests/graph_fixture.py on each backend."""
    from graph_fixture import loaded

    return loaded(store)


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp.model import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def resolver():
    from newsgraph.pipeline import resolver_for

    return resolver_for(None)
