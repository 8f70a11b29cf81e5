"""From a `--graph` URI to a connected store, with one clear error when that fails."""

from __future__ import annotations

from urllib.parse import ParseResult, urlparse

from newsgraph import daemon
from newsgraph.config import Settings
from newsgraph.errors import StoreError, masked
from newsgraph.store.base import GraphStore

NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def describe(uri: str, settings: Settings) -> str:
    return f"embedded FalkorDB in {settings.data_dir}" if uri == "embedded" else uri


def _parsed(uri: str) -> ParseResult:
    """The URI's parts, or one clear error: urllib raises on a bad port or IPv6 host only
    when they are first read."""
    try:
        parsed = urlparse(uri)
        parsed.port  # noqa: B018 - read to validate
    except ValueError as exc:
        raise StoreError(masked(uri), f"not a valid graph URI ({exc})") from exc
    return parsed


def open_store(settings: Settings) -> GraphStore:
    uri = settings.graph_uri
    parsed = _parsed(uri)
    scheme = parsed.scheme
    if uri == "embedded":
        from falkordb import FalkorDB

        from newsgraph.store.embedded_server import EmbeddedFalkorDB, EmbeddedStoreError
        from newsgraph.store.falkordb_store import FalkorStore

        server = EmbeddedFalkorDB(settings.home("falkordb"))
        daemon.lease(server.data_dir)  # before the start: its watcher must not stop it meanwhile
        try:
            server.start()
        except EmbeddedStoreError as exc:
            raise StoreError(describe(uri, settings), str(exc)) from exc
        if server.pid:
            daemon.watched(daemon.Daemon("falkordb", server.data_dir, server.pid), settings.idle_minutes)
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

        shown = masked(uri)
        try:  # the client talks to the server in its constructor already
            db = FalkorDB(host=parsed.hostname or "127.0.0.1", port=parsed.port or 6379,
                          password=parsed.password)
        except redis.AuthenticationError as exc:
            raise StoreError(shown, "the server refused the password") from exc
        except (redis.ConnectionError, OSError) as exc:
            raise StoreError(shown, f"cannot connect: {exc}") from exc
        return FalkorStore(db, settings.graph_name, shown)
    raise StoreError(masked(uri), "unknown graph URI: use 'embedded', bolt://, neo4j:// or falkordb://host:port")
