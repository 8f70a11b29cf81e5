"""The NeoDash dashboard cannot be clicked through here (no browser, no Docker engine), so it is
checked piece by piece: its JSON has the 2.4 shape NeoDash loads, every `$neodash_` parameter
has a selector that sets it, every query passes the real Neo4j parser (EXPLAIN), and the panels
return the expected rows on the hand-made graph, both before `newsgraph analyze` has written its
properties and after. The compose service that serves the file is checked by parsing."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml

from helpers import ROOT
from graph_fixture import loaded

DASHBOARD_PATH = ROOT / "graph_schema" / "dashboards" / "newsgraph.json"
GRID_COLUMNS = 24  # NeoDash 2.4 doubled the grid of 2.3 (12 columns) to 24.
# Report types of NeoDash 2.4 (core ones; the dashboard uses a few of them).
KNOWN_TYPES = {"table", "graph", "bar", "line", "pie", "value", "select", "text", "json", "map", "iframe"}
NOT_CYPHER = {"text", "iframe"}  # their `query` is markdown or a URL
PARAMETER = re.compile(r"\$([A-Za-z_]\w*)")
# A plausible value for every parameter a query may use; `input` is what the user types into a
# select report, which NeoDash passes to the select's own suggestion query.
SAMPLE_PARAMS: dict[str, Any] = {"neodash_actor_name": "Russia", "input": "rus"}

ANALYTICS = """
MATCH (a:Actor)
SET a.degree = 1, a.weighted_degree = 1, a.betweenness = 0.0, a.community = 1, a.pagerank = 0.01
WITH count(*) AS _
MATCH (a:Actor {id: 'other:odd'})
SET a.pagerank = 0.9, a.community = 0, a.betweenness = 0.25, a.degree = 1, a.weighted_degree = 1
WITH count(*) AS _
MATCH (:Actor {id: 'country:SYR'})-[r:INTERACTS_WITH]->(:Actor {id: 'country:RUS'})
SET r.pair_count = 10, r.pair_balance = 5.5, r.pair_months = ['2019-02'], r.pair_monthly_balance = [5.5]
"""


def load_dashboard() -> dict[str, Any]:
    return json.loads(DASHBOARD_PATH.read_text(encoding="utf-8"))


def all_reports(dashboard: dict[str, Any]) -> list[dict[str, Any]]:
    return [report for page in dashboard["pages"] for report in page["reports"]]


def cypher_reports() -> list[dict[str, Any]]:
    return [r for r in all_reports(load_dashboard()) if r["type"] not in NOT_CYPHER]


def by_title(start: str) -> dict[str, Any]:
    """The report whose title starts with `start`: titles are what a reader sees and names."""
    (report,) = [r for r in cypher_reports() if r["title"].startswith(start)]
    return report


def params_for(query: str) -> dict[str, Any]:
    """Only the parameters the query uses, so an unexpected one fails loudly here."""
    names = set(PARAMETER.findall(query))
    assert names <= set(SAMPLE_PARAMS), f"no sample value for {names - set(SAMPLE_PARAMS)}"
    return {name: SAMPLE_PARAMS[name] for name in names}


def run_panel(store, start: str) -> list[dict[str, Any]]:
    query = by_title(start)["query"]
    return store.read(query, params_for(query))


# -- the file itself ---------------------------------------------------------------------


def test_the_dashboard_has_the_neodash_2_4_shape():
    dashboard = load_dashboard()
    assert dashboard["version"] == "2.4"
    assert dashboard["title"] and dashboard["uuid"]
    assert isinstance(dashboard["settings"]["parameters"], dict)
    assert dashboard["pages"]
    ids = []
    for page in dashboard["pages"]:
        assert page["title"] and page["reports"], page.get("title")
        for report in page["reports"]:
            assert report["title"] and report["query"].strip(), report
            assert report["type"] in KNOWN_TYPES, report["type"]
            assert isinstance(report["selection"], dict) and isinstance(report["settings"], dict)
            for key in ("x", "y", "width", "height"):
                assert isinstance(report[key], int) and report[key] >= 0, (report["title"], key)
            assert report["x"] + report["width"] <= GRID_COLUMNS, report["title"]
            ids.append(report["id"])
    assert len(ids) == len(set(ids)), "report ids must be unique"


def test_charts_say_which_fields_to_plot():
    for report in cypher_reports():
        if report["type"] in {"bar", "pie"}:
            assert {"index", "value"} <= set(report["selection"]), report["title"]
        if report["type"] == "line":
            assert {"x", "value"} <= set(report["selection"]), report["title"]
        if report["type"] == "graph":
            assert report["selection"].get("Actor") == "name", report["title"]


def test_every_parameter_is_set_by_a_selector():
    dashboard = load_dashboard()
    selects = [r for r in all_reports(dashboard) if r["type"] == "select"]
    set_by = {r["settings"]["parameterName"] for r in selects} | set(dashboard["settings"]["parameters"])
    assert all(name.startswith("neodash_") for name in set_by)
    for report in all_reports(dashboard):
        for text in (report["query"], report["title"]):
            for name in PARAMETER.findall(text):
                if name == "input" and report["type"] == "select":
                    continue
                assert name in set_by, (report["title"], name)


def test_the_network_is_coloured_by_community():
    graph = by_title("Actor network")
    assert graph["type"] == "graph"
    rules = graph["settings"]["styleRules"]
    assert {r["field"] for r in rules} == {"Actor.community"}
    assert all(r["customization"] == "node color" for r in rules)
    assert load_dashboard()["extensions"]["styling"]["active"] is True


# -- against the real Neo4j --------------------------------------------------------------


def notifications(store, query: str, classification: str) -> list[str]:
    """EXPLAIN plans the query without running it; the planner's warnings of one kind."""
    with store.driver.session(database=store.database) as session:
        summary = session.run("EXPLAIN " + query, params_for(query)).consume()
    return [status.status_description for status in summary.gql_status_objects
            if status.is_notification and status.raw_classification == classification]


@pytest.fixture
def fixture_graph(neo4j_store):
    return loaded(neo4j_store)


@pytest.mark.neo4j
@pytest.mark.parametrize("report", cypher_reports(), ids=lambda r: r["title"][:40])
def test_every_query_passes_the_neo4j_parser(neo4j_store, report):
    """On the empty graph: a syntax error raises; deprecated syntax, which a later Neo4j would
    reject, shows up as a notification."""
    assert notifications(neo4j_store, report["query"], "DEPRECATION") == []


@pytest.mark.neo4j
def test_queries_name_only_labels_types_and_properties_that_exist(fixture_graph):
    """Once the fixture and the analytics properties are in, Neo4j knows every label,
    relationship type and property key of the model, so a misspelt one is reported."""
    fixture_graph.write([(ANALYTICS, {})])
    for report in cypher_reports():
        assert notifications(fixture_graph, report["query"], "UNRECOGNIZED") == [], report["title"]


@pytest.mark.neo4j
def test_panels_before_analytics_have_run(fixture_graph):
    for report in cypher_reports():  # every query runs for real, not just plans
        fixture_graph.read(report["query"], params_for(report["query"]))

    network = run_panel(fixture_graph, "Actor network")
    assert len(network) == 5  # every INTERACTS_WITH of the fixture
    assert {row["r"]["action"] for row in network} == {"warn", "ask", "denounce", "meet", "praise"}

    timeline = run_panel(fixture_graph, "Asserted events per month")
    assert {r["month"] for r in timeline} == {"2019-01", "2019-02"}
    assert sum(r["events"] for r in timeline) == 6  # 9 events, of which 3 negated or modal
    assert {(r["month"], r["category"]): r["events"] for r in timeline}[("2019-02", "THREATEN")] == 1

    pairs = run_panel(fixture_graph, "Top pairs")
    assert (pairs[0]["source"], pairs[0]["target"], pairs[0]["events"], pairs[0]["balance"]) == (
        "Russia", "United States", 3, -3.0)
    assert len(pairs) == 4

    evidence = run_panel(fixture_graph, "Recent evidence")
    assert len(evidence) == 9 and evidence[0]["date"] == "2019-02-20"
    assert evidence[0]["article"] == "https://example.org/a3"
    assert {r["status"] for r in evidence} == {"asserted", "negated", "requested", "intended"}

    central = run_panel(fixture_graph, "Most central actors")
    assert [(r["actor"], r["degree"], r["weighted_degree"]) for r in central][:3] == [
        ("Russia", 3, 5), ("United States", 2, 4), ("Syria", 2, 2)]
    assert central[0]["pagerank"] == 0.0 and central[0]["community"] is None


@pytest.mark.neo4j
def test_the_actor_page(fixture_graph):
    (suggestion,) = run_panel(fixture_graph, "Choose an actor")
    assert suggestion["value"] == "Russia"

    (profile,) = run_panel(fixture_graph, "Profile of")
    assert (profile["id"], profile["articles"], profile["degree"]) == ("country:RUS", 3, 3)

    did = run_panel(fixture_graph, "What $neodash_actor_name did")
    assert [(r["date"], r["action"], r["target"], r["status"]) for r in did] == [
        ("2019-02-02", "warns", "United States", "asserted"),
        ("2019-01-10", "warns", "United States", "asserted"),
        ("2019-01-10", "asks", "United States", "asserted"),
        ("2019-01-10", "condemns", "Syria", "negated"),
    ]

    counterparts = run_panel(fixture_graph, "Counterparts of")
    assert [(r["category"], r["counterpart"], r["outgoing"], r["incoming"]) for r in counterparts] == [
        ("THREATEN", "United States", 2, 0),
        ("CONSULT", "Syria", 0, 1),
        ("REQUEST", "United States", 1, 0),
        ("SUPPORT", 'O\'Brien "The" \\ `Tick`', 0, 1),
    ]


@pytest.mark.neo4j
def test_panels_prefer_the_analytics_properties(fixture_graph):
    fixture_graph.write([(ANALYTICS, {})])

    central = run_panel(fixture_graph, "Most central actors")
    assert central[0]["actor"].startswith("O'Brien")
    assert (central[0]["pagerank"], central[0]["betweenness"], central[0]["community"]) == (0.9, 0.25, 0)

    pairs = run_panel(fixture_graph, "Top pairs")
    assert (pairs[0]["source"], pairs[0]["target"], pairs[0]["events"], pairs[0]["balance"]) == (
        "Syria", "Russia", 10, 5.5)

    network = run_panel(fixture_graph, "Actor network")
    assert {row["s"]["community"] for row in network} <= {0, 1}


@pytest.mark.neo4j
def test_panels_with_the_real_analytics(fixture_graph):
    """The property names agree with what `newsgraph analyze` writes."""
    analyze = pytest.importorskip("newsgraph.analytics.analyze")
    analyze.analyze_and_write(fixture_graph)
    central = run_panel(fixture_graph, "Most central actors")
    assert central[0]["actor"] in {"Russia", "United States"} and central[0]["pagerank"] > 0
    assert all(r["community"] is not None for r in central)
    pairs = run_panel(fixture_graph, "Top pairs")
    assert (pairs[0]["source"], pairs[0]["events"], pairs[0]["balance"]) == ("Russia", 3, -3.0)


# -- docker-compose ----------------------------------------------------------------------


def test_compose_serves_the_dashboard_with_neodash():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    neodash = compose["services"]["neodash"]
    assert re.fullmatch(r"neo4jlabs/neodash:2\.4\.\d+", neodash["image"]), neodash["image"]
    assert neodash["ports"] and all(p.startswith("127.0.0.1:") for p in neodash["ports"])
    env = neodash["environment"]
    assert env["standalone"] == "true" and env["ssoEnabled"] == "false"
    assert env["standaloneProtocol"] == "bolt"
    assert "NEO4J_BOLT_PORT" in env["standalonePort"]  # the browser connects to the published port
    mounts = {}
    for volume in neodash["volumes"]:
        source, target, mode = volume.split(":")
        mounts[target] = (source, mode)
    served = "/usr/share/nginx/html" + env["standaloneDashboardURL"]
    source, mode = mounts[served]
    assert mode == "ro"
    assert (ROOT / source).resolve() == DASHBOARD_PATH.resolve() and DASHBOARD_PATH.is_file()
