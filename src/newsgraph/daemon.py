"""The local daemons a data directory runs (the embedded FalkorDB, the Prefect server the command
starts): who is using them, when they stop by themselves, and how a user lists them.

A daemon outlives the command that started it, so that the next command finds it warm; left
alone it would run for ever, and a few test or CI runs would leave gigabytes of idle servers.
So every process that uses a daemon holds a *lease* on it until the process ends: a shared
`flock` on the daemon's `in-use.lock`, and the time of its last use in `last-used`. A small
*watcher* process, started beside the daemon, stops it once nobody holds a lease and the last
use is older than `NEWSGRAPH_IDLE_MINUTES`. Leases die with their process (the kernel drops
the lock), so a killed command never pins a daemon; `serve` holds its leases while it serves.

The watcher checks for idleness under the exclusive lock, so a command taking a lease either
waits for the stop to finish (and then starts a fresh daemon) or keeps the daemon alive.

Each daemon is also recorded in the user's registry (`$XDG_STATE_HOME/newsgraph/daemons/`), so
`newsgraph server status` can list them all, whatever data directory they serve."""

from __future__ import annotations

import atexit
import fcntl
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import platformdirs
import psutil

IN_USE = "in-use.lock"
LAST_USED = "last-used"
WATCHER_LOCK = "watcher.lock"
WATCHER_PID = "watcher.pid"
KINDS = ("falkordb", "prefect")

_leases: dict[Path, IO[str]] = {}


def pid_alive(pid: int) -> bool:
    """A live process; a zombie counts as dead (a daemon re-parented to a PID 1 that never
    reaps stays visible to kill(pid, 0) for ever)."""
    try:
        return psutil.Process(pid).status() not in (psutil.STATUS_ZOMBIE, psutil.STATUS_DEAD)
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True


def wait_until(ready: Callable[[], bool], *, alive: Callable[[], bool], timeout: float,
               max_delay: float = 0.25) -> bool | None:
    """Polls a starting daemon until `ready()` (True), its process dies first (False: after one
    last look, since it may have answered and exited), or `timeout` seconds pass (None). The
    delay doubles from 10 ms, so a fast start costs little and a slow one few probes."""
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        if ready():
            return True
        if not alive():
            return True if ready() else False
        if time.monotonic() > deadline:
            return None
        time.sleep(delay)
        delay = min(delay * 2, max_delay)


def wait_exit(pid: int, timeout: float) -> bool:
    """Whether the process is gone within `timeout` seconds."""
    return wait_until(lambda: not pid_alive(pid), alive=lambda: True, timeout=timeout, max_delay=0.2) is True


def terminate(pid: int, *, group: bool = False, grace: float = 20.0) -> bool:
    """SIGTERM (so a server flushes what it holds), then SIGKILL after `grace` seconds. With
    `group`, the whole process group: `prefect server start` runs uvicorn as a child. Whether
    the process is gone."""
    send = (lambda s: os.killpg(pid, s)) if group else (lambda s: os.kill(pid, s))
    try:
        send(signal.SIGTERM)
    except OSError:
        return not pid_alive(pid)
    if wait_exit(pid, grace) and not group:
        return True
    try:
        send(signal.SIGKILL)
    except OSError:
        pass
    return wait_exit(pid, 10.0)


@contextmanager
def file_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """An exclusive `flock` on `path`, for starting and stopping a daemon: it excludes other
    processes and other threads alike, and the kernel drops it when the holder dies, so a crash
    never leaves it stuck (the file itself is never deleted: two holders would lock two files).
    TimeoutError after `timeout` seconds; without one, waits as long as it takes."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | (fcntl.LOCK_NB if deadline is not None else 0))
                break
            except BlockingIOError:
                if time.monotonic() > deadline:  # type: ignore[operator]
                    raise TimeoutError(f"timed out after {timeout:g} s waiting for the lock {path}") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock


@contextmanager
def _held_alone(path: Path) -> Iterator[bool]:
    """Tries an exclusive lock on `path` without waiting; yields whether it was taken, and holds
    it to the end of the block. Nobody holding it means: no lease (in-use), no watcher."""
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True


def _touch(home: Path) -> None:
    (home / LAST_USED).touch()


def lease(home: Path) -> None:
    """Holds a lease on the daemon of `home` until this process ends (idempotent). Take it
    before starting or reusing the daemon, so that its watcher cannot stop it in between."""
    home = home.resolve()
    if home in _leases:
        _touch(home)
        return
    home.mkdir(parents=True, exist_ok=True)
    handle = (home / IN_USE).open("a")
    fcntl.flock(handle, fcntl.LOCK_SH)  # waits while a watcher is stopping the daemon
    _touch(home)
    _leases[home] = handle


@atexit.register
def _release_all() -> None:
    """The last use is when the process ends, not when it took the lease."""
    for home, handle in list(_leases.items()):
        try:
            _touch(home)
        except OSError:
            pass
        handle.close()
    _leases.clear()


def idle_seconds(home: Path) -> float | None:
    """Seconds since the last use, or None while some process holds a lease."""
    try:
        with _held_alone(home / IN_USE) as unused:
            return _since_last_use(home) if unused else None
    except OSError:
        return None


def _since_last_use(home: Path) -> float:
    try:
        return time.time() - (home / LAST_USED).stat().st_mtime
    except OSError:
        return float("inf")


# -- the registry ---------------------------------------------------------------------------


def registry_dir() -> Path:
    return platformdirs.user_state_path("newsgraph") / "daemons"


@dataclass(frozen=True)
class Daemon:
    kind: str
    home: Path
    pid: int

    @property
    def record(self) -> Path:
        key = hashlib.sha1(f"{self.kind}:{self.home}".encode()).hexdigest()[:16]
        return registry_dir() / f"{key}.json"


def watched(daemon: Daemon, idle_minutes: float) -> None:
    """Records the daemon for `server status` and starts its watcher, unless one watches it."""
    daemon.record.parent.mkdir(parents=True, exist_ok=True)
    daemon.record.write_text(json.dumps({"kind": daemon.kind, "home": str(daemon.home), "pid": daemon.pid}),
                             encoding="utf-8")
    with _held_alone(daemon.home / WATCHER_LOCK) as unwatched:
        pass  # released at once: the watcher about to start takes it
    if not unwatched:
        return
    subprocess.Popen(
        [sys.executable, "-m", "newsgraph.daemon", daemon.kind, str(daemon.home), str(daemon.pid), str(idle_minutes)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, close_fds=True,
    )


def running() -> list[Daemon]:
    """The user's daemons that still run; records of dead ones are dropped."""
    found = []
    for path in sorted(registry_dir().glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            daemon = Daemon(str(data["kind"]), Path(data["home"]), int(data["pid"]))
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)
            continue
        if pid_alive(daemon.pid):
            found.append(daemon)
        else:
            path.unlink(missing_ok=True)
    return found


def memory_mb(pid: int) -> float:
    """Resident memory of the daemon and its children (the Prefect server is two processes)."""
    try:
        process = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) / 2**20
    except psutil.Error:
        return 0.0


# -- the watcher ----------------------------------------------------------------------------


def _stop(daemon: Daemon) -> None:
    if daemon.kind == "falkordb":
        from newsgraph.store.embedded_server import EmbeddedFalkorDB

        EmbeddedFalkorDB(daemon.home).stop()
    else:
        terminate(daemon.pid, group=True)
    daemon.record.unlink(missing_ok=True)


def watch(daemon: Daemon, idle_minutes: float) -> None:
    """Stops the daemon once idle for `idle_minutes`; returns when it is gone. One watcher per
    daemon: a second one finds the watcher lock taken and leaves."""
    idle = max(idle_minutes * 60, 1.0)
    poll = min(30.0, max(0.5, idle / 10))
    with _held_alone(daemon.home / WATCHER_LOCK) as mine:
        if not mine:
            return
        (daemon.home / WATCHER_PID).write_text(str(os.getpid()), encoding="utf-8")
        checked = time.monotonic()
        while pid_alive(daemon.pid):
            time.sleep(min(1.0, poll))  # a daemon stopped by hand ends its watcher at once
            if time.monotonic() - checked < poll:
                continue
            checked = time.monotonic()
            with _held_alone(daemon.home / IN_USE) as unused:
                if unused and _since_last_use(daemon.home) >= idle and pid_alive(daemon.pid):
                    _stop(daemon)  # under the lock: a new lease waits for the stop to end
                    return


def unwatch(home: Path) -> None:
    """Ends the watcher of a daemon stopped by hand (`server stop`), so nothing is left behind."""
    try:
        pid = int((home / WATCHER_PID).read_text(encoding="utf-8"))
        if pid_alive(pid) and "newsgraph.daemon" in " ".join(psutil.Process(pid).cmdline()):
            terminate(pid, grace=5)
    except (OSError, ValueError, psutil.Error):
        pass


if __name__ == "__main__":
    kind, home, pid, minutes = sys.argv[1:5]
    watch(Daemon(kind, Path(home), int(pid)), float(minutes))
