"""The embedded server's per-process registry, which only the tests use: one launcher object per
data directory, shared by the threads of a test, as several processes would share one server."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from newsgraph.store.embedded_server import EmbeddedFalkorDB


def _resolve(data_dir: Path | str) -> Path:
    return Path(data_dir).expanduser().resolve()


_servers: dict[Path, EmbeddedFalkorDB] = {}
_servers_lock = threading.Lock()


def get_server(data_dir: Path | str, **kwargs: Any) -> EmbeddedFalkorDB:
    """Return a running server for ``data_dir``, starting one only if none runs.

    One :class:`EmbeddedFalkorDB` object is kept per data directory in this
    process (so its client is shared); a server started by another process
    is found through the pid file and socket and reused. The server is left
    running when this process exits; see :func:`stop_server`.

    ``kwargs`` are passed to :class:`EmbeddedFalkorDB` when the object is
    first created for the directory.
    """
    key = _resolve(data_dir)
    with _servers_lock:
        server = _servers.get(key)
        if server is None:
            server = EmbeddedFalkorDB(key, **kwargs)
            _servers[key] = server
    server.start()
    return server


def running_server(data_dir: Path | str) -> EmbeddedFalkorDB | None:
    """Return an object for the server running for ``data_dir``, or None; never starts one."""
    key = _resolve(data_dir)
    with _servers_lock:
        server = _servers.get(key) or EmbeddedFalkorDB(key)
    return server if server.is_running() else None


def stop_server(data_dir: Path | str, timeout: float | None = None) -> bool:
    """Stop the server for ``data_dir`` if one runs (any process may have started it).

    For a ``newsgraph`` stop command and for tests. Returns whether a server
    process was stopped.
    """
    key = _resolve(data_dir)
    with _servers_lock:
        server = _servers.pop(key, None) or EmbeddedFalkorDB(key)
    return server.stop(timeout)
