"""Where a second extraction worker starts to pay: `newsgraph run --force --workers 1|2` over
the first N Wikinews sample articles (CC BY 2.5, Wikinews contributors) for several N, in turn,
in one store, timed as the run reports its own flow (without the command's start-up, which
does not depend on the workers). Prints the times and, from a straight-line fit of each
worker count, the number of new words from which 2 workers are faster than 1: the
`WORDS_PER_EXTRA_WORKER` of src/newsgraph/rerun.py.

    .venv/bin/python benchmarks/workers.py [--sizes 25 60 120 295] [--repeat 2]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
SUMMARY = re.compile(r"extracted (\d+) · events \d+ · ([\d.]+) s")


def subsets(folder: Path, sizes: list[int]) -> dict[int, tuple[Path, int]]:
    """The first n articles of the sample as one CSV each, with their word count."""
    csv.field_size_limit(1 << 28)
    rows = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(ROOT / "samples" / "wikinews" / name, encoding="utf-8") as f:
            rows += list(csv.DictReader(f))
    out = {}
    for n in sizes:
        path = folder / f"wikinews_{n}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows[:n])
        out[n] = (path, sum(len(f"{r['title']} {r['text']}".split()) for r in rows[:n]))
    return out


def flow_seconds(corpus: Path, workers: int, env: dict[str, str]) -> float:
    done = subprocess.run([NEWSGRAPH, "run", "--force", "--workers", str(workers), str(corpus)],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    match = SUMMARY.search(done.stdout)
    if done.returncode or not match:
        sys.exit(f"run failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return float(match[2])


def fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least squares: seconds = intercept + slope * words."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)
    return mean_y - slope * mean_x, slope


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 60, 120, 295])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-workers-"))
    env = os.environ | {"NEWSGRAPH_DATA_DIR": str(tmp / "data"), "COLUMNS": "200"}
    try:
        corpora = subsets(tmp, args.sizes)
        flow_seconds(corpora[min(args.sizes)][0], 1, env)  # warm-up: the Prefect server starts
        times: dict[int, list[tuple[int, float]]] = {1: [], 2: []}
        print(f"{'articles':>8} {'words':>8} {'1 worker s':>11} {'2 workers s':>12} {'ratio':>6}")
        for n, (path, words) in corpora.items():
            seconds: dict[int, list[float]] = {1: [], 2: []}
            for _ in range(args.repeat):
                for workers in (1, 2):  # in turn, so drift on a shared machine hits both
                    seconds[workers].append(flow_seconds(path, workers, env))
            for workers in (1, 2):
                times[workers].append((words, median(seconds[workers])))
            one, two = median(seconds[1]), median(seconds[2])
            print(f"{n:>8} {words:>8,} {one:>11.2f} {two:>12.2f} {two / one:>6.2f}")
        (a1, b1), (a2, b2) = fit(times[1]), fit(times[2])
        print(f"1 worker:  {a1:.1f} s + {b1 * 1000:.3f} ms/word")
        print(f"2 workers: {a2:.1f} s + {b2 * 1000:.3f} ms/word")
        if b1 > b2:
            print(f"2 workers are faster from about {(a2 - a1) / (b1 - b2):,.0f} new words")
        else:
            print("2 workers are not faster at any size measured")
    finally:
        subprocess.run([NEWSGRAPH, "server", "stop"], env=env, capture_output=True, check=False)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
