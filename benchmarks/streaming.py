"""Archive scale: `newsgraph run` over synthetic corpora of 2k, 20k and 100k articles, each
into an empty store, printing per size and store: articles/s, words/s, events loaded/s, and
the peak resident memory of the run's main process, of each extraction worker and of the
embedded store's server. Memory should not grow with the corpus (issue 16: the 100k peak
within 10% of the 20k peak).

The articles recombine sentences of the bundled Wikinews sample (CC BY 2.5, Wikinews
contributors): each takes `--sentences` sentences drawn at random (seeded) from the whole
sample, so that the copy finder keeps them apart, and a date spread over 2000-2025.

    .venv/bin/python benchmarks/streaming.py [--sizes 2000 20000 100000] [--sentences 5]
        [--workers 2] [--neo4j bolt://127.0.0.1:17687]

With --neo4j the same corpora also go into that database, which is cleared before each size
(use the test Neo4j, never one whose data you keep).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
SUMMARY = re.compile(r"extracted ([\d,]+) · events ([\d,]+) · ([\d.]+) s · ([\d.,]+) articles/s · ([\d,]+) words/s")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
MIB = 1024 * 1024
PER_FILE = 10_000


def sample_sentences() -> list[str]:
    """Every sentence of the Wikinews sample's bodies long enough to say something."""
    csv.field_size_limit(1 << 28)
    sentences = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(ROOT / "samples" / "wikinews" / name, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for paragraph in row["text"].split("\n"):
                    sentences += [s.strip() for s in SENTENCE_END.split(paragraph) if len(s.split()) >= 6]
    return sentences


def write_corpus(folder: Path, n: int, per_article: int, pool: list[str]) -> int:
    """n articles as JSON-lines files of PER_FILE articles each (an archive's files stay under
    the reader's cap on one file); returns their word count."""
    rng = random.Random(n)
    start, words = date(2000, 1, 1), 0
    folder.mkdir()
    for first in range(0, n, PER_FILE):
        with open(folder / f"part_{first // PER_FILE:04d}.jsonl", "w", encoding="utf-8") as f:
            for i in range(first, min(n, first + PER_FILE)):
                body = rng.sample(pool, per_article)
                words += sum(len(s.split()) for s in body)
                record = {"url": f"https://bench.example.org/{n}/{i}", "title": body[0][:80],
                          "date": (start + timedelta(days=(i * 9131) // n)).isoformat(),
                          "text": "\n\n".join(body[1:])}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


class PeakMemory:
    """Samples the resident memory of the run, its descendants and the store's server (found
    by the data folder on its command line) twice a second; keeps each process's peak."""

    def __init__(self, root: psutil.Process, data_dir: Path) -> None:
        self.root, self.data_dir = root, str(data_dir)
        self.peaks: dict[int, tuple[str, int]] = {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()

    def _run(self) -> None:
        while not self.done.is_set():
            try:
                family = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                family = []
            servers = [p for p in psutil.process_iter(["cmdline"])
                       if "redis-server" in " ".join(p.info["cmdline"] or []) and self.data_dir in
                       " ".join(p.info["cmdline"] or [])]
            for process in {p.pid: p for p in family + servers}.values():
                try:
                    rss = process.memory_info().rss
                    role = self._role(process)
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
                if rss > self.peaks.get(process.pid, ("", 0))[1]:
                    self.peaks[process.pid] = (role, rss)
            self.done.wait(0.5)

    def _role(self, process: psutil.Process) -> str:
        if process.pid == self.root.pid:
            return "main"
        line = " ".join(process.cmdline())
        if "redis-server" in line:
            return "store"
        if "multiprocessing" in line or "distributed" in line:
            return "worker" if "spawn_main" in line else "dask"
        return "other"

    def by_role(self, role: str) -> list[int]:
        return sorted((rss for r, rss in self.peaks.values() if r == role), reverse=True)


def run(corpus: Path, workers: int, env: dict[str, str], graph: str | None) -> tuple[dict[str, float], PeakMemory]:
    command = [NEWSGRAPH, "run", "--workers", str(workers), *(["--graph", graph] if graph else []), str(corpus)]
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    with PeakMemory(process, Path(env["NEWSGRAPH_DATA_DIR"])) as memory:
        out, err = process.communicate()
    match = SUMMARY.search(" ".join(out.split()))
    if process.returncode or not match or "skipped" in out:
        sys.exit(f"run failed ({process.returncode}):\n{out[-3000:]}\n{err[-3000:]}")
    number = lambda text: float(text.replace(",", ""))  # noqa: E731
    figures = {"articles": number(match[1]), "events": number(match[2]), "seconds": number(match[3]),
               "articles/s": number(match[4]), "words/s": number(match[5])}
    return figures, memory


def clear_neo4j(uri: str) -> None:
    from newsgraph.store.neo4j_store import Neo4jStore

    with Neo4jStore(uri) as store:
        store.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000, 100000])
    parser.add_argument("--sentences", type=int, default=5, help="sentences per article")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--neo4j", help="bolt URI of a Neo4j to clear and fill as well (the test one)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-streaming-"))
    pool = sample_sentences()
    print(f"{len(pool):,} sentences of the Wikinews sample (CC BY 2.5), {args.sentences} per article, "
          f"{args.workers} workers", flush=True)
    stores = [("embedded", None)] + ([("neo4j", args.neo4j)] if args.neo4j else [])
    header = (f"{'store':>8} {'articles':>8} {'words':>10} {'s':>7} {'art/s':>6} {'words/s':>8} {'events/s':>8} "
              f"{'main MiB':>8} {'workers MiB':>14} {'store MiB':>9}")
    rows = []
    try:
        for n in args.sizes:
            corpus = tmp / f"bench_{n}"
            words = write_corpus(corpus, n, args.sentences, pool)
            for name, graph in stores:
                data = tmp / f"data_{name}_{n}"
                env = os.environ | {"NEWSGRAPH_DATA_DIR": str(data), "COLUMNS": "200"}
                if graph:
                    clear_neo4j(graph)
                figures, memory = run(corpus, args.workers, env, graph)
                subprocess.run([NEWSGRAPH, "server", "stop"], env=env, cwd=ROOT, capture_output=True, check=False)
                workers = memory.by_role("worker")
                store = memory.by_role("store")
                row = (f"{name:>8} {n:>8,} {words:>10,} {figures['seconds']:>7.0f} {figures['articles/s']:>6.1f} "
                       f"{figures['words/s']:>8,.0f} {figures['events'] / figures['seconds']:>8.1f} "
                       f"{memory.by_role('main')[0] / MIB:>8.0f} "
                       f"{'/'.join(f'{w / MIB:.0f}' for w in workers) or '-':>14} "
                       f"{store[0] / MIB if store else 0:>9.0f}")
                rows.append(row)
                print(header if len(rows) == 1 else "", row, sep="\n" if len(rows) == 1 else "", flush=True)
                shutil.rmtree(data, ignore_errors=True)
            shutil.rmtree(corpus)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n" + header)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
