"""Analytics on the hand-made graph (tests/graph_fixture.py), whose numbers can be worked out
by hand: RUS→USA has three counted events (warn twice, ask), SYR→USA, SYR→RUS and ODD→RUS one
each; Russia is the only bridge, between ODD and the rest."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph_fixture import loaded
from newsgraph.analytics.analyze import analyze, analyze_and_write
from newsgraph.analytics.export import export

RUS, USA, SYR, ODD = "country:RUS", "country:USA", "country:SYR", "other:odd"

ACTOR_METRICS = """
MATCH (a:Actor) RETURN a.id AS id, a.degree AS degree, a.weighted_degree AS weighted_degree,
  a.pagerank AS pagerank, a.betweenness AS betweenness, a.community AS community ORDER BY id
"""
PAIR_VALUES = """
MATCH (s:Actor)-[r:INTERACTS_WITH]->(t:Actor)
RETURN s.id AS source, t.id AS target, r.action AS action, r.pair_count AS count,
  r.pair_balance AS balance, r.pair_months AS months, r.pair_monthly_balance AS monthly
ORDER BY source, target, action
"""


def test_the_actor_graph_sums_a_pair_over_its_actions(graph):
    g = analyze(graph).actor_graph
    assert sorted(g.edges) == sorted([(RUS, USA), (SYR, USA), (SYR, RUS), (ODD, RUS)])
    rus_usa = g.edges[RUS, USA]
    assert (rus_usa["weight"], rus_usa["score"], rus_usa["balance"], rus_usa["sign"]) == (3, -9.0, -3.0, -1)
    assert rus_usa["actions"] == ["ask", "warn"]
    assert g.edges[SYR, RUS]["sign"] == 1
    assert g.nodes[RUS]["name"] == "Russia" and g.nodes[ODD]["kind"] == "other"
    # Zakharova reports events but takes part in no counted interaction.
    assert "person:maria-zakharova" not in g


def test_metrics_worked_out_by_hand(graph):
    m = analyze(graph).metrics
    assert {k: v.degree for k, v in m.items()} == {RUS: 3, USA: 2, SYR: 2, ODD: 1}
    assert {k: v.weighted_degree for k, v in m.items()} == {RUS: 5, USA: 4, SYR: 2, ODD: 1}
    # Russia is on the only shortest paths ODD–USA and ODD–SYR: 2 of the 3 other pairs.
    assert {k: v.betweenness for k, v in m.items()} == pytest.approx({RUS: 2 / 3, USA: 0, SYR: 0, ODD: 0}, abs=1e-6)
    ranked = sorted(m, key=lambda k: -m[k].pagerank)
    assert set(ranked[:2]) == {RUS, USA}
    assert m[SYR].pagerank == m[ODD].pagerank < m[RUS].pagerank  # nobody acts on them
    assert sum(v.pagerank for v in m.values()) == pytest.approx(1.0, abs=1e-5)
    sizes = {}
    for v in m.values():
        sizes[v.community] = sizes.get(v.community, 0) + 1
    assert sorted(sizes) == list(range(len(sizes)))
    assert sizes[0] == max(sizes.values())


def test_monthly_balance_of_a_pair(graph):
    monthly = analyze(graph).monthly
    # January: warn (-4) and ask (-1); February: warn (-4).
    assert monthly[(RUS, USA)] == [("2019-01", 2, -2.5), ("2019-02", 1, -4.0)]
    assert monthly[(ODD, RUS)] == [("2019-02", 1, 3.5)]


def test_write_back_is_idempotent_and_clears_stale_metrics(graph):
    graph.write([("MATCH (a:Actor {id: 'person:maria-zakharova'}) SET a.community = 7, a.pagerank = 0.5", {})])
    summary = analyze_and_write(graph, batch_rows=2)  # several batches
    assert (summary.actors, summary.pairs) == (4, 4)
    actors = {r["id"]: r for r in graph.read(ACTOR_METRICS)}
    assert actors["person:maria-zakharova"]["community"] is None
    assert actors["person:maria-zakharova"]["pagerank"] is None
    assert actors[RUS]["degree"] == 3 and actors[RUS]["betweenness"] == pytest.approx(2 / 3, abs=1e-6)
    pairs = graph.read(PAIR_VALUES)
    rus_usa = [r for r in pairs if (r["source"], r["target"]) == (RUS, USA)]
    assert [r["action"] for r in rus_usa] == ["ask", "warn"]
    for row in rus_usa:  # every relationship of the pair carries the pair's values
        assert (row["count"], row["balance"]) == (3, -3.0)
        assert row["months"] == ["2019-01", "2019-02"] and row["monthly"] == [-2.5, -4.0]
    first = (graph.read(ACTOR_METRICS), pairs)
    analyze_and_write(graph)
    assert (graph.read(ACTOR_METRICS), graph.read(PAIR_VALUES)) == first


def test_an_empty_graph_analyzes_to_nothing(store):
    summary = analyze_and_write(store)
    assert (summary.actors, summary.pairs, summary.communities) == (0, 0, 0)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_for_gephi_reads_back(falkor_store, tmp_path, fmt):
    loaded(falkor_store)
    path = tmp_path / f"actors.{fmt}"
    assert export(analyze(falkor_store), fmt, path) == 8
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert sorted(back.edges) == sorted([(RUS, USA), (SYR, USA), (SYR, RUS), (ODD, RUS)])
    edge = back.edges[RUS, USA]
    assert float(edge["balance"]) == -3.0 and edge["months"] == "2019-01;2019-02"
    assert back.nodes[RUS]["name"] == "Russia"
    assert float(back.nodes[RUS]["betweenness"]) == pytest.approx(2 / 3, abs=1e-6)


def test_export_jsonl_keeps_lists(falkor_store, tmp_path):
    loaded(falkor_store)
    path = tmp_path / "actors.jsonl"
    export(analyze(falkor_store), "jsonl", path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["type"] for r in lines].count("actor") == 4
    pair = next(r for r in lines if r["type"] == "pair" and (r["source"], r["target"]) == (RUS, USA))
    assert pair["months"] == ["2019-01", "2019-02"] and pair["monthly_balance"] == [-2.5, -4.0]
    assert pair["monthly_count"] == [2, 1] and pair["actions"] == ["ask", "warn"]
