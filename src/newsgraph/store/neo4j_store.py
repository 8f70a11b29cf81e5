"""Neo4j through the official driver: managed write transactions (retried by the driver on
transient errors), one transaction per batch of whole articles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable

from newsgraph.errors import ReadOnlyRefused, StoreError, masked
from newsgraph.store.base import GraphStore, Statement
from newsgraph.store.schema_files import migrations, split_statements


def _plain(value: Any) -> Any:
    """Driver graph types as plain data, for tables and JSON."""
    if isinstance(value, neo4j.graph.Node | neo4j.graph.Relationship):
        return dict(value)
    if isinstance(value, neo4j.graph.Path):
        return [dict(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


class Neo4jStore(GraphStore):
    def __init__(
        self, uri: str, user: str = "neo4j", password: str = "", database: str | None = None
    ) -> None:
        self.uri = masked(uri)
        self.database = database or None
        auth = (user, password) if password else None
        try:
            self.driver = GraphDatabase.driver(uri, auth=auth)
            self.driver.verify_connectivity()
        except AuthError as exc:
            raise StoreError(self.uri, f"the server refused the credentials of user {user!r}") from exc
        except (ServiceUnavailable, OSError) as exc:
            raise StoreError(self.uri, f"cannot connect: {str(exc).replace(uri, self.uri)}") from exc
        except (DriverError, ValueError) as exc:  # a URI the driver refuses (it quotes the URI)
            raise StoreError(self.uri, f"not a usable Neo4j URI: {str(exc).replace(uri, self.uri)}") from exc

    def write(self, statements: Sequence[Statement]) -> None:
        def work(tx: neo4j.ManagedTransaction) -> None:
            for cypher, params in statements:
                tx.run(cypher, params).consume()

        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except ServiceUnavailable as exc:
            raise StoreError(self.uri, f"connection lost: {exc}") from exc
        except Neo4jError as exc:
            raise StoreError(self.uri, f"{exc.code}: {exc.message}") from exc

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """An auto-commit query in a read session: the server refuses any write in it, and
        `CALL {…} IN TRANSACTIONS` still works."""
        return self._rows(cypher, params, neo4j.READ_ACCESS)

    def execute(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._rows(cypher, params, neo4j.WRITE_ACCESS)

    def _rows(self, cypher: str, params: dict[str, Any] | None, mode: str) -> list[dict[str, Any]]:
        try:
            with self.driver.session(database=self.database, default_access_mode=mode) as session:
                try:
                    result = session.run(cypher, params or {})
                except (TypeError, ValueError) as exc:  # a parameter the driver cannot send
                    raise StoreError(self.uri, f"parameters refused: {exc}") from exc
                return [{k: _plain(v) for k, v in record.items()} for record in result]
        except ServiceUnavailable as exc:
            raise StoreError(self.uri, f"connection lost: {exc}") from exc
        except Neo4jError as exc:
            if exc.code == "Neo.ClientError.Statement.AccessMode":
                raise ReadOnlyRefused(self.uri) from exc
            raise StoreError(self.uri, f"{exc.code}: {exc.message}") from exc

    def apply_schema(self) -> list[str]:
        applied = []
        for path in migrations("neo4j"):
            for statement in split_statements(path.read_text(encoding="utf-8")):
                try:
                    with self.driver.session(database=self.database) as session:
                        session.run(statement).consume()
                except ClientError as exc:
                    raise StoreError(self.uri, f"migration {path.name}: {exc.message}") from exc
            applied.append(path.name)
        return applied

    def close(self) -> None:
        self.driver.close()
