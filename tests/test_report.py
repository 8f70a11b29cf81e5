"""The HTML report: its numbers on the hand-made graph, its escaping and offline-ness as text,
and, on the Wikinews sample corpus, its rendering in a real headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from plotly.offline import get_plotlyjs

from helpers import ROOT, SAMPLES
from graph_fixture import loaded
from newsgraph.report.data import gather
from newsgraph.report.render import render

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def test_report_data_on_the_hand_made_graph(graph):
    data = gather(graph)
    assert data.counts["articles"] == 3
    assert data.pairs[0].source == "Russia" and data.pairs[0].target == "United States"
    assert (data.pairs[0].events, data.pairs[0].balance) == (3, -3.0)
    assert [(m, n) for m, n, _ in data.pairs[0].months] == [("2019-01", 2), ("2019-02", 1)]
    # Asserted events only: the negated condemn and the requested withdraw are not counted.
    timeline = {(r["month"], r["category"]): r["events"] for r in data.timeline}
    assert timeline[("2019-01", "THREATEN")] == 1 and ("2019-01", "DISAPPROVE") not in timeline
    assert sum(timeline.values()) == 6
    # Every event is listed as evidence, newest first, with its article.
    assert len(data.evidence) == 9
    assert data.evidence[0]["date"] == "2019-02-20" and data.evidence[0]["url"] == "https://example.org/a3"
    assert set(data.network.nodes) == {"country:RUS", "country:USA", "country:SYR", "other:odd"}
    assert set(data.positions) == set(data.network.nodes)
    assert data.wikinews_articles == 0


def test_the_html_escapes_names_and_needs_no_network(falkor_store):
    loaded(falkor_store)
    html = render(gather(falkor_store), title="<Report & co>")
    assert "<title>&lt;Report &amp; co&gt;</title>" in html
    # The odd actor's name holds quotes, a backslash and backticks: escaped in the tables.
    assert "O&#39;Brien &#34;The&#34; \\ `Tick`" in html
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html, flags=re.I)
    # plotly.js names CDNs for map traces the report never draws; the page itself names none.
    assert "https://cdn" not in html.replace(get_plotlyjs(), "") and "Plotly.newPlot" in html
    assert html.count('class="plotly-graph-div"') == 3
    assert "wikinews-credit" not in html


def test_a_stored_link_that_is_no_web_address_is_never_a_link(falkor_store):
    """A graph loaded before links were checked at reading may hold one."""
    import dataclasses

    from graph_fixture import records

    items = records()
    hostile = dataclasses.replace(items[-1], article=dataclasses.replace(items[-1].article, url="javascript:alert(1)"))
    falkor_store.load_all([*items[:-1], hostile])
    data = gather(falkor_store)
    assert {row["url"] for row in data.evidence} == {"https://example.org/a1", "https://example.org/a2", None}
    assert "alert(1)" not in render(data, title="r")


def chromium() -> str:
    path = os.environ.get("NEWSGRAPH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        reason = "Debian's chromium is not installed (`make browser` installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"the browser test is required in CI: {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def wikinews_report(tmp_path_factory, falkor_server) -> Path:
    """The report of the whole Wikinews sample corpus (295 articles, CC BY 2.5, Wikinews)."""
    import uuid

    from falkordb import FalkorDB

    from newsgraph import pipeline
    from newsgraph.config import get_settings
    from newsgraph.corpus.discover import discover, read_files
    from newsgraph.store.falkordb_store import FalkorStore

    files, _ = discover([str(SAMPLES / "wikinews")])
    articles = read_files(files).articles
    extracted = pipeline.extract_articles(articles, get_settings().extraction)
    db = FalkorDB(unix_socket_path=str(falkor_server.socket_path))
    store = FalkorStore(db, f"report_{uuid.uuid4().hex[:8]}", "embedded-test", server=falkor_server)
    try:
        store.apply_schema()
        store.load_all(extracted)
        store.refresh_interactions()
        path = tmp_path_factory.mktemp("report") / "report.html"
        path.write_text(render(gather(store), title="Wikinews 2019–2020"), encoding="utf-8")
    finally:
        store.client.delete()
        store.close()
    return path


def test_the_wikinews_report_renders_in_chromium_offline(wikinews_report):
    from playwright.sync_api import sync_playwright

    executable = chromium()
    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning", "trace") else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(wikinews_report.as_uri())
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 6")
        charts = page.eval_on_selector_all(
            ".js-plotly-plot", "els => els.map(e => [e.id, e.querySelectorAll('.main-svg').length])"
        )
        nodes = page.locator("#chart-network .scatterlayer .point").count()
        bars = page.locator("#chart-timeline .bars path").count()
        pair_bars = page.locator("#chart-pairs .bars path").count()
        evidence_rows = page.locator("#evidence-table tbody tr").count()
        credit = page.locator("#wikinews-credit").inner_text()
        browser.close()
    assert problems == []
    assert [r for r in requests if not r.startswith("file:")] == []  # nothing fetched: offline
    assert sorted(c[0] for c in charts) == ["chart-network", "chart-pairs", "chart-timeline"]
    assert all(n >= 2 for _, n in charts)
    assert nodes >= 30 and bars >= 24 and pair_bars >= 10 and evidence_rows == 50
    assert "295 of the articles are from Wikinews" in credit and "Attribution 2.5" in credit


def test_the_docs_screenshot_is_of_the_wikinews_report():
    assert (ROOT / "docs" / "report.png").stat().st_size > 50_000
