"""The Prefect server the CLI's flows talk to when the user has none (no PREFECT_API_URL).

Prefect's own fallback starts a temporary server for every command, which costs about 13 s
here: more than a re-run over an unchanged corpus needs for its work. So, like the embedded
FalkorDB, the server is started once, detached, with its database under the newsgraph data
directory, and reused by later commands; `newsgraph server stop` stops it. `serve` needs a real
server anyway: Prefect refuses schedules on its temporary one."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph import daemon
from newsgraph.daemon import pid_alive

STARTUP_SECONDS = 90
STATE_FILE = "server.json"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _recorded(home: Path) -> tuple[int, str] | None:
    """The server this data directory started before, if it still answers."""
    try:
        state = json.loads((home / STATE_FILE).read_text(encoding="utf-8"))
        pid, api_url = int(state["pid"]), str(state["api_url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return (pid, api_url) if pid_alive(pid) and _healthy(api_url) else None


def _start(home: Path) -> tuple[int, str]:
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = os.environ | {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    with (home / "server.log").open("ab") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port),
             "--no-ui"],
            env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,  # survives the command, and a kill of its process group
        )
    if not daemon.wait_until(lambda: _healthy(api_url), alive=lambda: server.poll() is None,
                             timeout=STARTUP_SECONDS, max_delay=0.3):
        server.kill()
        raise NewsgraphError(f"Prefect server {api_url}: did not start; see {home / 'server.log'}")
    (home / STATE_FILE).write_text(json.dumps({"pid": server.pid, "api_url": api_url}), encoding="utf-8")
    return server.pid, api_url


def ensure_prefect_api(home: Path, idle_minutes: float) -> str:
    """PREFECT_API_URL, set in the environment before Prefect is imported: the user's, the
    server this data directory runs, or a new one. A lock makes concurrent commands share one;
    a server of ours stops by itself after `idle_minutes` unused (see newsgraph.daemon)."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    home.mkdir(parents=True, exist_ok=True)
    daemon.lease(home)
    with daemon.file_lock(home / "server.lock"):
        pid, api_url = _recorded(home) or _start(home)
    daemon.watched(daemon.Daemon("prefect", home.resolve(), pid), idle_minutes)
    os.environ["PREFECT_API_URL"] = api_url
    return api_url


def stop_prefect_server(home: Path) -> bool:
    """Stops the server this data directory started; True if one was running."""
    state = home / STATE_FILE
    try:
        pid = int(json.loads(state.read_text(encoding="utf-8"))["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    running = pid_alive(pid)
    if running:
        daemon.terminate(pid, group=True)
    state.unlink(missing_ok=True)
    return running
