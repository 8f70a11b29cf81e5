"""How long analytics and the HTML report take for the Wikinews sample corpus, next to the time
to extract and load it, all in one run (the machine is shared and noisy: compare within a run).

    .venv/bin/python benchmarks/analytics.py [--neo4j bolt://127.0.0.1:17687] [--screenshot docs/report.png]

With --screenshot the report is opened in Debian's chromium (`make browser`) and a full-page
screenshot is saved: the one in docs/ is made this way. The Wikinews texts are by Wikinews
contributors, CC BY 2.5.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from newsgraph.analytics.analyze import analyze_and_write
from newsgraph.config import get_settings
from newsgraph.corpus.discover import discover, read_files
from newsgraph.pipeline import extract_articles
from newsgraph.report.data import gather
from newsgraph.report.render import render
from newsgraph.store.base import GraphStore

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def timed(label: str, times: dict[str, float], step: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = step()
    times[label] = time.perf_counter() - started
    return result


def run(store: GraphStore, out: Path, settings) -> dict[str, float]:
    times: dict[str, float] = {}
    files, _ = discover([str(ROOT / "samples" / "wikinews")])
    articles = timed("read", times, lambda: read_files(files).articles)
    extracted = timed("extract", times, lambda: extract_articles(articles, settings.extraction))
    store.apply_schema()
    timed("load", times, lambda: store.load_all(extracted, settings.batch_rows))
    timed("refresh interactions", times, store.refresh_interactions)
    summary = timed("analyze (read, compute, write back)", times,
                    lambda: analyze_and_write(store, settings.batch_rows))
    html = timed("report (gather + render)", times, lambda: render(gather(store), "Wikinews 2019–2020"))
    out.write_text(html, encoding="utf-8")
    print(f"{len(articles)} articles, {sum(len(x.events) for x in extracted)} events; {summary.line()}")
    print(f"report: {out} ({len(html) / 1e6:.1f} MB)")
    return times


def screenshot(report: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(report.as_uri())
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 6")
        page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": 1280, "height": 2600})
        browser.close()
    print(f"screenshot: {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--neo4j", help="bolt URI of a Neo4j to use instead of the embedded store (it is wiped)")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of the report here")
    args = parser.parse_args()
    settings = get_settings()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        if args.neo4j:
            from newsgraph.store.neo4j_store import Neo4jStore

            store: GraphStore = Neo4jStore(args.neo4j)
            store.clear()
            label = f"Neo4j {args.neo4j}"
        else:
            from falkordb import FalkorDB

            from newsgraph.store.embedded_server import EmbeddedFalkorDB
            from newsgraph.store.falkordb_store import FalkorStore

            server = EmbeddedFalkorDB(Path(tmp) / "falkordb")
            server.start()
            db = FalkorDB(unix_socket_path=str(server.socket_path))
            store = FalkorStore(db, f"bench_{uuid.uuid4().hex[:8]}", "embedded", server=server)
            label = "embedded FalkorDB"
        try:
            times = run(store, out, settings)
            if args.screenshot:
                screenshot(out, args.screenshot)
        finally:
            store.close()
            if not args.neo4j:
                server.stop()
    print(f"\nWikinews sample corpus on {label}:")
    for step, seconds in times.items():
        print(f"  {step:38s} {seconds:7.2f} s")
    load = times["load"] + times["refresh interactions"]
    print(f"  analyze / (load + refresh)             {times['analyze (read, compute, write back)'] / load:7.2f}")
    print(f"  report / (load + refresh)              {times['report (gather + render)'] / load:7.2f}")


if __name__ == "__main__":
    main()
