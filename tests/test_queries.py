"""Every file of the analyst query library runs on both backends against the hand-made graph,
with its result asserted; the header every file opens with is checked too."""

from __future__ import annotations

import pytest

from newsgraph_flows.cli import _typed
from newsgraph.store.schema_files import named_queries

LIBRARY = named_queries()


def run(store, name: str, **params):
    query = LIBRARY[name]
    merged = {k: _typed(v) for k, v in query.defaults.items()} | params
    return store.read(query.cypher, merged)


def test_the_library_is_complete_and_documented():
    assert len(LIBRARY) >= 8
    for query in LIBRARY.values():
        assert query.question.endswith("?"), query.path
        assert query.example.startswith(f"newsgraph query --name {query.name}"), query.path
        for word in ("$limit",):
            if word in query.cypher:
                assert "limit" in query.defaults, query.path


def test_what_did_a_do_to_b(graph):
    rows = run(graph, "what_did_a_do_to_b", a="Russia", b="united states")
    assert [(r["date"], r["action"], r["reported_by"]) for r in rows] == [
        ("2019-01-10", "warn", None), ("2019-01-10", "ask", "Maria Zakharova"), ("2019-02-02", "warn", None)]
    assert rows[0]["evidence"] == "Sentence 0 of Moscow warns." and rows[0]["url"] == "https://example.org/a1"
    assert rows[0]["source_role"] == "foreign ministry"
    assert run(graph, "what_did_a_do_to_b", a="country:RUS", b="country:USA", limit=1)[0]["action"] == "warn"


def test_counterparts_by_category(graph):
    rows = run(graph, "counterparts_by_category", b="United States")
    assert [(r["category"], r["events"], [c["name"] for c in r["counterparts"]]) for r in rows] == [
        ("THREATEN", 2, ["Russia"]), ("DISAPPROVE", 1, ["Syria"]), ("REQUEST", 1, ["Russia"])]


def test_pair_timeline(graph):
    rows = run(graph, "pair_timeline", a="Russia", b="United States")
    assert [(r["date"], r["source"], r["action"]) for r in rows] == [
        ("2019-01-10", "Russia", "warn"), ("2019-01-10", "Russia", "ask"), ("2019-02-02", "Russia", "warn")]


def test_shortest_chain(graph):
    rows = run(graph, "shortest_chain", a="Syria", b="Russia")
    assert [(r["hops"], r["chain"]) for r in rows] == [(1, ["Syria", "Russia"])]
    two_hops = run(graph, "shortest_chain", a="other:odd", b="United States")
    assert [r["chain_ids"] for r in two_hops] == [["other:odd", "country:RUS", "country:USA"]]
    assert run(graph, "shortest_chain", a="United States", b="Syria") == []  # directed: no path back


def test_central_actors(graph):
    rows = run(graph, "central_actors")
    assert [(r["id"], r["counterparts"], r["events"]) for r in rows] == [
        ("country:RUS", 3, 5), ("country:USA", 2, 4), ("country:SYR", 2, 2), ("other:odd", 1, 1)]


def test_analytics_queries(graph):
    from newsgraph.analytics.analyze import analyze_and_write

    assert run(graph, "community_members") == []  # nothing before the analysis
    assert run(graph, "central_actors")[0]["pagerank"] is None
    analyze_and_write(graph)
    central = run(graph, "central_actors")
    assert central[0]["id"] == "country:RUS" and central[0]["betweenness"] > 0
    members = [r["id"] for c in range(4) for r in run(graph, "community_members", community=c)]
    assert sorted(members) == ["country:RUS", "country:SYR", "country:USA", "other:odd"]
    assert [(r["month"], r["balance"], r["events"]) for r in
            run(graph, "pair_balance_by_month", a="russia", b="United States")] == [
        ("2019-01", -2.5, 3), ("2019-02", -4.0, 3)]


def test_new_pairs_since(graph):
    rows = run(graph, "new_pairs_since", since="2019-02-01")
    assert [(r["source_id"], r["target_id"]) for r in rows] == [
        ("country:SYR", "country:RUS"), ("country:SYR", "country:USA"), ("other:odd", "country:RUS")]


def test_conflict_hotspots(graph):
    rows = run(graph, "conflict_hotspots")
    assert [(r["a"], r["b"], r["score"]) for r in rows] == [
        ("Russia", "United States", -9.0), ("Syria", "United States", -3.0)]


def test_who_reported_what(graph):
    rows = run(graph, "who_reported_what", reporter="Maria Zakharova")
    assert [(r["source"], r["action"], r["target"], r["modality"]) for r in rows] == [
        ("Russia", "ask", "United States", None), ("United States", "withdraw", "al-Tanf", "requested")]


def test_top_pairs(graph):
    rows = run(graph, "top_pairs")
    assert [(r["source_id"], r["target_id"], r["events"]) for r in rows][0] == ("country:RUS", "country:USA", 3)
    assert len(rows) == 4


def test_actor_profile(graph):
    (row,) = run(graph, "actor_profile", a="Russia")
    assert row["articles"] == 3
    assert row["members"] == [{"id": "person:maria-zakharova", "name": "Maria Zakharova",
                               "role": "spokeswoman, foreign ministry"}]
    assert {c["category"]: c["events"] for c in row["as_source"]} == {"THREATEN": 2, "REQUEST": 1}


def test_events_by_category_month(graph):
    rows = run(graph, "events_by_category_month")
    assert sum(r["events"] for r in rows) == 9
    assert {(r["month"], r["category"]): r["asserted"] for r in rows}[("2019-01", "THREATEN")] == 1


def test_articles_mentioning(graph):
    rows = run(graph, "articles_mentioning", a="Syria")
    assert [(r["title"], r["mentions"]) for r in rows] == [("Damascus denounces", 2), ("Moscow warns", 1)]


def test_actors_named_and_actor_mentions(graph):
    (row,) = run(graph, "actors_named", text="Damascus")
    assert (row["id"], row["mentions"], row["articles"], sorted(row["rules"])) == (
        "country:SYR", 2, 1, ["actor.gazetteer", "actor.name_head"])
    assert run(graph, "actors_named", text="Moscow") == []
    rows = run(graph, "actor_mentions", a="syria")
    assert [(r["text"], r["rule"], r["mentions"]) for r in rows] == [
        ("Damascus", "actor.gazetteer", 1), ("Damascus", "actor.name_head", 1)]


def test_find_actors(graph):
    assert [r["id"] for r in run(graph, "find_actors", q="united")] == ["country:USA"]
