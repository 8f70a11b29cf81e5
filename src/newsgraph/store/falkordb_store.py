"""FalkorDB, embedded (the default) or external, through the `falkordb` client.

FalkorDB has no multi-statement transactions (Redis MULTI/EXEC does not roll back a failed
command), but one query is atomic: it lands whole or, on any error, not at all. So a batch of
statements is chained into one query, each part closed by `WITH count(*) AS _` (which yields
one row even after an empty part) and its parameters renamed apart. The client sends
parameters inlined in a `CYPHER k=v` header, built by the client's own escaping, so actor
names with quotes, backslashes or backticks stay data."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as GraphPath

from newsgraph.errors import ReadOnlyRefused, StoreError
from newsgraph.store.base import GraphStore, Statement
from newsgraph.store.schema_files import migrations, split_statements

ALREADY_DONE = ("already indexed", "already exists", "already created")
READ_ONLY_REFUSAL = "only on read-only queries"  # GRAPH.RO_QUERY's answer to a write
NO_GRAPH = "empty key"  # GRAPH.RO_QUERY's answer when the graph does not exist


def _plain(value: Any) -> Any:
    if isinstance(value, Node | Edge):
        return dict(value.properties)
    if isinstance(value, GraphPath):
        return [dict(n.properties) for n in value.nodes()]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_PARAM = re.compile(r"\$(\w+)")


def chain(statements: Sequence[Statement]) -> Statement:
    """One atomic query from several write statements (none may end in RETURN)."""
    if len(statements) == 1:
        return statements[0]
    parts: list[str] = []
    params: dict[str, Any] = {}
    for index, (cypher, own) in enumerate(statements):
        parts.append(_PARAM.sub(lambda m: f"${m.group(1)}_{index}", cypher))
        params |= {f"{key}_{index}": value for key, value in own.items()}
    return "\nWITH count(*) AS _\n".join(parts), params


class FalkorStore(GraphStore):
    def __init__(self, db: FalkorDB, graph_name: str, uri: str, server: Any = None) -> None:
        self.db = db
        self.graph_name = graph_name
        self.client = db.select_graph(graph_name)  # the falkordb handle of the one graph
        self.uri = uri
        self.server = server  # the embedded launcher, when we started one
        try:
            self.db.connection.ping()
        except (redis.ConnectionError, OSError) as exc:
            raise StoreError(uri, f"cannot connect: {exc}") from exc

    def write(self, statements: Sequence[Statement]) -> None:
        cypher, params = chain(statements)
        with self._translated("write rejected: "):
            self.client.query(cypher, params or None)

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """GRAPH.RO_QUERY: the server refuses any write in it. It also refuses a graph that does
        not exist yet (a new data directory), so that one is created empty first."""
        try:
            return self._rows(self.client.ro_query, cypher, params)
        except StoreError as exc:
            if NO_GRAPH not in exc.reason:
                raise
        self._rows(self.client.query, "RETURN 1", None)  # creates the key, writes nothing
        return self._rows(self.client.ro_query, cypher, params)

    def execute(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._rows(self.client.query, cypher, params)

    @contextmanager
    def _translated(self, rejected: str = "") -> Iterator[None]:
        """The client's and the server's errors as StoreErrors naming the store."""
        try:
            yield
        except (redis.ConnectionError, OSError) as exc:
            raise StoreError(self.uri, f"connection lost: {exc}") from exc
        except redis.ResponseError as exc:
            if READ_ONLY_REFUSAL in str(exc):
                raise ReadOnlyRefused(self.uri) from exc
            raise StoreError(self.uri, f"{rejected}{exc}") from exc
        except ValueError as exc:  # the client refuses to inline a parameter
            raise StoreError(self.uri, f"parameters refused: {exc}") from exc

    def _rows(self, run: Any, cypher: str, params: dict[str, Any] | None) -> list[dict[str, Any]]:
        with self._translated():
            result = run(cypher, params or None)
        names = [column[1] for column in result.header]
        return [{n: _plain(v) for n, v in zip(names, row, strict=True)} for row in result.result_set]

    def apply_schema(self) -> list[str]:
        applied = []
        for path in migrations("falkordb"):
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".redis":
                commands = [
                    line.replace("{graph}", self.graph_name).split()
                    for line in text.splitlines()
                    if line.strip() and not line.lstrip().startswith("#")
                ]
                run = lambda args: self.db.connection.execute_command(*args)  # noqa: E731
            else:
                commands = split_statements(text)
                run = self.client.query
            for command in commands:
                try:
                    run(command)
                except redis.ResponseError as exc:
                    if not any(s in str(exc).lower() for s in ALREADY_DONE):
                        raise StoreError(self.uri, f"migration {path.name}: {exc}") from exc
            applied.append(path.name)
        return applied

    def after_load(self) -> None:
        """Compacts the append-only file so the next start does not replay the whole load."""
        if self.server is not None:
            self.server.rewrite_aof()

    def close(self) -> None:
        self.db.connection.close()
