"""The actor graph as networkx sees it, read from the store.

One directed edge per (source, target) pair, summed over the pair's INTERACTS_WITH relationships
(one per action): `weight` is the number of counted events, `score` their summed
cooperation–conflict score, `balance` the mean score and `sign` its direction. Reading the
derived INTERACTS_WITH rather than the events keeps the rule for what counts (asserted, with a
target) in one place: graph_schema/load/derive_interactions.cypher."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from newsgraph.store.base import GraphStore
from newsgraph.store.schema_files import statement

def balance(score: float, count: int) -> float:
    """Mean cooperation–conflict score, -10..10; 0 for no events."""
    return round(score / count, 3) if count else 0.0


def read_actor_graph(store: GraphStore) -> nx.DiGraph:
    """Actors that take part in at least one counted interaction, and their pairs. Nodes and
    edges go in sorted, not in the store's order: the seeded community and betweenness
    algorithms follow insertion order, and two stores holding the same graph (a backfill and a
    run) return its rows in different orders."""
    graph = nx.DiGraph()
    rows = sorted(store.read(statement("analytics", "actor_pairs")), key=lambda r: (r["source"], r["target"]))
    graph.add_nodes_from(sorted({r["source"] for r in rows} | {r["target"] for r in rows}))
    for row in rows:
        count, score = int(row["count"]), float(row["score"])
        graph.add_edge(
            row["source"], row["target"], weight=count, score=score, balance=balance(score, count),
            sign=1 if score >= 0 else -1, actions=sorted(set(row["actions"])),
        )
    for row in store.read(statement("analytics", "actors_by_id"), {"ids": sorted(graph.nodes)}):
        graph.add_node(row["id"], **{k: v for k, v in row.items() if k != "id" and v is not None})
    return graph


def read_monthly_balance(store: GraphStore) -> dict[tuple[str, str], list[tuple[str, int, float]]]:
    """Per pair, (month, events, balance) in month order."""
    months: dict[tuple[str, str], list[tuple[str, int, float]]] = defaultdict(list)
    for row in store.read(statement("analytics", "monthly_pairs")):
        count = int(row["count"])
        months[(row["source"], row["target"])].append(
            (row["month"], count, balance(float(row["score"]), count))
        )
    return {pair: sorted(rows) for pair, rows in months.items()}
