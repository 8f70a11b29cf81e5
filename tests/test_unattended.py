"""What scheduled runs nobody watches rely on: the quarantine report, the schedule itself, and a
run killed with SIGKILL (the CLI and the embedded server both) that a re-run completes to
exactly the graph of a clean run."""

from __future__ import annotations

import json
import os
import pty
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import FINGERPRINT, NEWSGRAPH, SEED, counts, newsgraph, wikinews_subset

from newsgraph import daemon
from newsgraph.quarantine import append, split_where
from newsgraph.errors import InputError


def fingerprint(data_dir: Path) -> list[dict]:
    done = newsgraph("query", "--json", FINGERPRINT, data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def forty_articles(tmp_path_factory) -> list[str]:
    """Forty Wikinews articles (CC BY 2.5, Wikinews): extraction takes long enough to kill a run
    between its loads."""
    return [wikinews_subset(tmp_path_factory.mktemp("forty"), 40)]


def test_quarantine_lines_name_file_record_and_reason(tmp_path):
    report = tmp_path / "q" / "quarantine.jsonl"
    assert append(report, [InputError("a.csv#12", "no text"), InputError("b.zip!x.txt", "too big")]) == 2
    append(report, [InputError("c.txt", "undecodable bytes")])
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [(r["path"], r["record"], r["reason"]) for r in lines] == [
        ("a.csv", "12", "no text"), ("b.zip!x.txt", None, "too big"), ("c.txt", None, "undecodable bytes")]
    assert lines[0]["run"] == lines[1]["run"] and lines[0]["run"].startswith("20")
    assert split_where("x.jsonl#3") == ("x.jsonl", "3")


def test_a_run_writes_its_skipped_files_to_the_quarantine_report(tmp_path):
    data_dir = tmp_path / "data"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Title\n\n\xff\xfe")
    table = tmp_path / "t.csv"
    table.write_text("title,text\nGood,Russia warned the United States on Monday.\nEmpty,\n", encoding="utf-8")
    try:
        done = newsgraph("run", str(SEED), str(bad), str(table), data_dir=data_dir)
        assert done.returncode == 0, done.stderr
        report = data_dir / "quarantine.jsonl"
        assert f"2 skipped, 0 kept with a warning, listed in {report}" in " ".join(done.stderr.split())
        lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
        assert sorted((r["path"], r["record"]) for r in lines) == sorted([(str(bad), None), (str(table), "3")])
        assert counts(data_dir)["articles"] == 2
    finally:
        newsgraph("server", "stop", data_dir=data_dir)


def test_a_run_on_a_terminal_shows_a_progress_bar(tmp_path):
    data_dir = tmp_path / "data"
    leader, follower = pty.openpty()
    env = os.environ | {"NEWSGRAPH_DATA_DIR": str(data_dir), "COLUMNS": "120", "TERM": "xterm"}
    try:
        done = subprocess.run([NEWSGRAPH, "run", str(SEED)], stdout=follower, stderr=follower, env=env,
                              timeout=300)
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        assert done.returncode == 0
        text = output.decode("utf-8", "replace")
        assert "extract and load" in text and "1/1" in text
    finally:
        os.close(leader)
        newsgraph("server", "stop", data_dir=data_dir)


def test_serve_runs_the_flow_on_its_schedule(tmp_path):
    """`serve` starts its own Prefect server when there is none, runs on the interval, and
    leaves no process behind when stopped."""
    data_dir = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {
        "NEWSGRAPH_DATA_DIR": str(data_dir)}
    serving = subprocess.Popen([NEWSGRAPH, "serve", str(SEED), "--interval", "5"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        loaded = 0
        while time.monotonic() < deadline and not loaded:
            time.sleep(5)
            assert serving.poll() is None, serving.stdout.read().decode()[-2000:]
            done = newsgraph("query", "--json", "MATCH (a:Article) RETURN count(a) AS n", data_dir=data_dir)
            loaded = json.loads(done.stdout)["n"] if done.returncode == 0 else 0
        assert loaded == 1
    finally:
        serving.send_signal(signal.SIGINT)
        try:
            serving.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(serving.pid, signal.SIGKILL)
        newsgraph("server", "stop", data_dir=data_dir)
    leftovers = subprocess.run(["pgrep", "-f", str(data_dir / "prefect")], capture_output=True, text=True)
    assert serving.returncode is not None and leftovers.stdout == ""


def _articles_in(data_dir: Path) -> int:
    from falkordb import FalkorDB

    from newsgraph.store.embedded_server import EmbeddedFalkorDB

    socket = EmbeddedFalkorDB(data_dir / "falkordb").socket_path
    try:
        graph = FalkorDB(unix_socket_path=str(socket)).select_graph("newsgraph")
        return graph.ro_query("MATCH (a:Article) RETURN count(a)").result_set[0][0]
    except Exception:  # not started yet, or no graph yet
        return 0


def test_kill_9_mid_run_then_rerun_gives_the_clean_graph(tmp_path, forty_articles):
    from newsgraph.store.embedded_server import EmbeddedFalkorDB

    clean, killed = tmp_path / "clean", tmp_path / "killed"
    try:
        assert newsgraph("run", *forty_articles, data_dir=clean).returncode == 0
        expected = (counts(clean), fingerprint(clean))
        assert expected[0]["articles"] == 40

        run = subprocess.Popen(
            [NEWSGRAPH, "run", *forty_articles], env=os.environ | {
                "NEWSGRAPH_DATA_DIR": str(killed), "NEWSGRAPH_BATCH_ROWS": "25"},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        loaded = 0
        deadline = time.monotonic() + 300
        while not loaded and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
            loaded = _articles_in(killed)
        os.killpg(run.pid, signal.SIGKILL)
        server_pid = EmbeddedFalkorDB(killed / "falkordb").pid
        if server_pid:
            os.kill(server_pid, signal.SIGKILL)
        run.wait()
        assert 0 < loaded < 40, f"the kill came at {loaded} articles, not mid-run"

        again = newsgraph("run", *forty_articles, data_dir=killed)
        assert again.returncode == 0, again.stderr
        # What landed before the kill is kept (at least what was seen; a batch may land between the
        # look and the kill), and exactly the rest is extracted.
        said = " ".join(again.stdout.split())
        unchanged = int(re.search(r"unchanged (\d+)", said).group(1))
        extracted = int(re.search(r"extracted (\d+)", said).group(1))
        assert loaded <= unchanged < 40 and unchanged + extracted == 40, said
        assert (counts(killed), fingerprint(killed)) == expected
    finally:
        newsgraph("server", "stop", data_dir=clean)
        newsgraph("server", "stop", data_dir=killed)


# ------------------------------------------------------------------ daemons that stop when idle

HOLD_LEASE = "import sys, time; from pathlib import Path; from newsgraph import daemon; " \
             "daemon.lease(Path(sys.argv[1])); print('held', flush=True); time.sleep(float(sys.argv[2]))"


def _wait_gone(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while any(daemon.pid_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return not any(daemon.pid_alive(p) for p in pids)


def test_idle_daemons_are_listed_and_stop_by_themselves(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # a registry of the test's own
    env = {"NEWSGRAPH_IDLE_MINUTES": "0.1", "XDG_STATE_HOME": str(tmp_path / "state")}
    data_dir = tmp_path / "data"
    try:
        done = newsgraph("run", str(SEED), data_dir=data_dir, **env)
        assert done.returncode == 0, done.stderr
        found = {d.kind: d for d in daemon.running()}
        assert set(found) == {"falkordb", "prefect"}
        assert {d.home.parent for d in found.values()} == {data_dir.resolve()}
        status = newsgraph("server", "status", data_dir=data_dir, **env)
        said = " ".join(status.stdout.split())
        assert status.returncode == 0 and all(str(d.pid) in said for d in found.values()), said
        # nobody uses them: both stop within a few idle periods (6 s each) without being told
        assert _wait_gone([d.pid for d in found.values()], 60)
        assert daemon.running() == []
        assert "no newsgraph daemon is running" in newsgraph("server", "status", data_dir=data_dir, **env).stdout
    finally:
        newsgraph("server", "stop", data_dir=data_dir)


def test_a_daemon_in_use_is_not_stopped(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    env = {"NEWSGRAPH_IDLE_MINUTES": "0.05", "XDG_STATE_HOME": str(tmp_path / "state")}
    data_dir = tmp_path / "data"
    (data_dir / "falkordb").mkdir(parents=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LEASE, str(data_dir / "falkordb"), "10"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert newsgraph("query", "RETURN 1", data_dir=data_dir, **env).returncode == 0
        (server,) = daemon.running()
        time.sleep(6)  # twice the idle time: still up, since a process holds a lease
        assert daemon.pid_alive(server.pid) and daemon.idle_seconds(server.home) is None
        holder.wait(timeout=30)  # the lease ends with its process
        assert _wait_gone([server.pid], 30)
    finally:
        holder.kill()
        newsgraph("server", "stop", data_dir=data_dir)


def test_the_daemon_file_lock_excludes_another_process_and_times_out(tmp_path):
    lock = tmp_path / "start.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from newsgraph import daemon\n"
         "with daemon.file_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(30)", str(lock)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(TimeoutError, match="waiting for the lock"):
            with daemon.file_lock(lock, timeout=0.3):
                pass
        assert time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()
    with daemon.file_lock(lock, timeout=5):  # the kernel dropped the dead holder's lock
        pass


def test_one_wait_serves_both_daemons_start_death_and_timeout(tmp_path):
    """daemon.wait_until, which the embedded store and the Prefect server both wait with: ready
    when the probe answers, False when the process dies first, None at the deadline."""
    flag = tmp_path / "ready"
    starting = subprocess.Popen([sys.executable, "-c", f"import time, pathlib; time.sleep(0.3); pathlib.Path({str(flag)!r}).touch(); time.sleep(5)"])
    dying = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    hanging = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert daemon.wait_until(flag.exists, alive=lambda: starting.poll() is None, timeout=30) is True
        never = tmp_path / "never"
        assert daemon.wait_until(never.exists, alive=lambda: dying.poll() is None, timeout=30) is False
        assert daemon.wait_until(never.exists, alive=lambda: hanging.poll() is None, timeout=0.3) is None
        assert daemon.terminate(hanging.pid, grace=5) is True
        hanging.wait(5)
        assert daemon.wait_exit(hanging.pid, 1)
    finally:
        for process in (starting, dying, hanging):
            process.kill()
            process.wait()
