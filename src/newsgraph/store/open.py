"""From a `--graph` URI to a connected store, with one clear error when that fails."""

from __future__ import annotations

from urllib.parse import urlparse

from newsgraph.config import Settings
from newsgraph.errors import StoreError
from newsgraph.store.base import GraphStore

NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def describe(uri: str, settings: Settings) -> str:
    return f"embedded FalkorDB in {settings.data_dir}" if uri == "embedded" else uri


def open_store(settings: Settings, uri: str | None = None) -> GraphStore:
    uri = uri or settings.graph
    scheme = urlparse(uri).scheme
    if uri == "embedded":
        from falkordb import FalkorDB

        from newsgraph.store.embedded_server import EmbeddedFalkorDB, EmbeddedStoreError
        from newsgraph.store.falkordb_store import FalkorStore

        server = EmbeddedFalkorDB(settings.data_dir / "falkordb")
        try:
            server.start()
        except EmbeddedStoreError as exc:
            raise StoreError(describe(uri, settings), str(exc)) from exc
        db = FalkorDB(unix_socket_path=str(server.socket_path))
        return FalkorStore(db, settings.graph_name, describe(uri, settings), server=server)
    if scheme in NEO4J_SCHEMES:
        from newsgraph.store.neo4j_store import Neo4jStore

        return Neo4jStore(
            uri,
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            settings.neo4j_database,
        )
    if scheme == "falkordb":
        from falkordb import FalkorDB

        from newsgraph.store.falkordb_store import FalkorStore

        import redis

        parsed = urlparse(uri)
        shown = uri.replace(f":{parsed.password}@", ":***@") if parsed.password else uri
        try:  # the client talks to the server in its constructor already
            db = FalkorDB(host=parsed.hostname or "127.0.0.1", port=parsed.port or 6379,
                          password=parsed.password)
        except redis.AuthenticationError as exc:
            raise StoreError(shown, "the server refused the password") from exc
        except (redis.ConnectionError, OSError) as exc:
            raise StoreError(shown, f"cannot connect: {exc}") from exc
        return FalkorStore(db, settings.graph_name, shown)
    raise StoreError(uri, "unknown graph URI: use 'embedded', bolt://, neo4j:// or falkordb://host:port")
