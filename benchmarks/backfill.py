"""The bulk backfill against the transactional `UNWIND` load, side by side in one run, on the
same records, into the test Neo4j's jars; then a check that both graphs are the same.

    .venv/bin/python benchmarks/backfill.py --neo4j bolt://127.0.0.1:17687 [--events 200000]

The Wikinews sample is extracted once and its records are repeated under new article and
event ids until they hold `--events` events (actors are shared, as in an archive). Then:
1. `UNWIND`: the pipeline's store code loads them into the running test Neo4j (emptied first,
   schema applied, as a run has it).
2. backfill: BulkImport writes the import files, `neo4jctl admin database import full` fills a
   second, stopped server home, the server starts, and the schema is applied (what the first
   `run` after an import does before anything else; its index population is counted).
Both graphs are then compared label by label and type by type, as multisets of every
property (an order-free sum of hashes, streamed)."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import socket
import subprocess
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from newsgraph.config import Settings
from newsgraph.corpus.discover import discover, read_files
from newsgraph.graph.records import ExtractedArticle
from newsgraph.pipeline import extract_articles
from newsgraph.store.bulk_import import BulkImport, import_arguments, tables
from newsgraph.store.neo4j_store import Neo4jStore

ROOT = Path(__file__).resolve().parents[1]
NEO4JCTL = ROOT / "tools" / "neo4j" / "neo4jctl"


def repeated(records: list[ExtractedArticle], n_events: int) -> list[ExtractedArticle]:
    per_copy = sum(len(r.events) for r in records)
    out = []
    for k in range((n_events + per_copy - 1) // per_copy):
        for r in records:
            article_id = f"{r.article.id}~{k}"
            out.append(replace(r, article=replace(r.article, id=article_id),
                               events=tuple(replace(e, id=f"{e.id}~{k}", article_id=article_id) for e in r.events)))
    return out


def fingerprint(uri: str) -> dict[str, tuple[int, int]]:
    """Label/type -> (count, sum of row hashes mod 2**64): equal when the multisets are."""
    from neo4j import GraphDatabase

    result = {}
    with GraphDatabase.driver(uri) as driver, driver.session() as session:
        for t in tables():
            if t.is_node:
                query = f"MATCH (n:{t.name}) RETURN properties(n) AS p"
            else:
                query = f"MATCH (a)-[r:{t.name}]->(b) RETURN [a.id, b.id, properties(r)] AS p"
            count = total = 0
            for record in session.run(query):
                digest = hashlib.blake2b(json.dumps(record["p"], sort_keys=True, default=str).encode(), digest_size=8)
                total = (total + int.from_bytes(digest.digest())) % 2**64
                count += 1
            result[t.name] = (count, total)
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--neo4j", required=True, help="bolt URI of the running test Neo4j (neo4jctl up)")
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=2000)
    args = parser.parse_args()

    settings = Settings()
    files, _ = discover([str(ROOT / "samples" / "wikinews")])
    articles = read_files(files).articles
    t = time.perf_counter()
    records = extract_articles(articles, settings.extraction, [])
    print(f"extracted {len(records)} articles, {sum(len(r.events) for r in records)} events "
          f"in {time.perf_counter() - t:.0f} s (once; not timed below)")
    items = repeated(records, args.events)
    n_events = sum(len(i.events) for i in items)
    print(f"records: {len(items)} articles, {n_events} events, "
          f"{sum(len(i.mentions) for i in items)} mentions")

    store = Neo4jStore(args.neo4j)
    store.clear()
    store.apply_schema()
    t = time.perf_counter()
    store.load_all(items, batch_rows=args.batch)
    unwind = time.perf_counter() - t
    store.close()
    print(f"UNWIND load (pipeline store code): {unwind:7.1f} s   {n_events / unwind:8.0f} events/s")

    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {"NEO4J_TEST_HOME": f"{tmp}/home", "NEO4J_TEST_BOLT_PORT": str(free_port()),
                            "NEO4J_TEST_HTTP_PORT": str(free_port())}
        try:
            t = time.perf_counter()
            target = BulkImport(Path(tmp) / "import")
            target.load_all(items, batch_rows=args.batch)
            target.close()
            write = time.perf_counter() - t
            t = time.perf_counter()
            done = subprocess.run([str(NEO4JCTL), "admin", *import_arguments(Path(tmp) / "import")],
                                  env=env, capture_output=True, text=True)
            assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
            imported = time.perf_counter() - t
            t = time.perf_counter()
            up = subprocess.run([str(NEO4JCTL), "start"], env=env, capture_output=True, text=True)
            assert up.returncode == 0, up.stderr
            started = time.perf_counter() - t
            uri = up.stdout.strip().splitlines()[-1].removeprefix("NEO4J_URI=")
            t = time.perf_counter()
            with Neo4jStore(uri) as bulk:
                bulk.apply_schema()
                bulk.read("CALL db.awaitIndexes(600)")
            indexed = time.perf_counter() - t
            files_and_import = write + imported
            total = files_and_import + started + indexed
            print(f"backfill: write files {write:.1f} s + neo4j-admin import {imported:.1f} s = "
                  f"{files_and_import:.1f} s   {n_events / files_and_import:8.0f} events/s   "
                  f"{unwind / files_and_import:.2f} x UNWIND (target >= 3)")
            print(f"  + server start {started:.1f} s + schema and indexes {indexed:.1f} s = {total:.1f} s   "
                  f"{n_events / total:8.0f} events/s   {unwind / total:.2f} x UNWIND")
            ours, theirs = fingerprint(uri), fingerprint(args.neo4j)
            same = ours == theirs
            print(f"graphs identical: {same}  ({', '.join(f'{k} {v[0]}' for k, v in ours.items())})")
            if not same:
                print({k: (ours[k], theirs[k]) for k in ours if ours[k] != theirs.get(k)})
        finally:
            subprocess.run([str(NEO4JCTL), "down"], env=env, capture_output=True)


if __name__ == "__main__":
    main()
