"""Analyze the actor graph and write the results back where analysts and dashboards read them:
metrics on :Actor nodes, pair balances on :INTERACTS_WITH relationships.

The write is batched (one transaction per batch of rows) and idempotent: values are set, never
incremented, and actors that dropped out of the graph lose stale metrics first. A killed
analysis is completed by the next one. INTERACTS_WITH is rebuilt by every load, so the pair
values are written after the rebuild (the ingest flow analyzes as its last step)."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from newsgraph.analytics.actor_graph import read_actor_graph, read_monthly_balance
from newsgraph.analytics.metrics import ActorMetrics, compute
from newsgraph.store.base import GraphStore
from newsgraph.store.schema_files import statement

METRICS = ("degree", "weighted_degree", "pagerank", "betweenness", "community")

@dataclass(frozen=True)
class Analysis:
    actor_graph: nx.DiGraph
    metrics: dict[str, ActorMetrics]
    monthly: dict[tuple[str, str], list[tuple[str, int, float]]]

    @property
    def communities(self) -> int:
        return len({m.community for m in self.metrics.values()})


@dataclass(frozen=True)
class AnalysisSummary:
    actors: int
    pairs: int
    communities: int
    seconds: float

    def line(self) -> str:
        return (f"analyzed {self.actors} actors, {self.pairs} pairs, "
                f"{self.communities} communities in {self.seconds:.1f} s")


def analyze(store: GraphStore) -> Analysis:
    """Reads and computes, without writing: what `export` and the report need."""
    actor_graph = read_actor_graph(store)
    metrics = compute(actor_graph)
    for node, values in metrics.items():
        actor_graph.nodes[node].update(vars(values))
    return Analysis(actor_graph, metrics, read_monthly_balance(store))


def _chunks(rows: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def pair_rows(analysis: Analysis) -> list[dict[str, Any]]:
    rows = []
    for source, target, data in sorted(analysis.actor_graph.edges(data=True)):
        months = analysis.monthly.get((source, target), [])
        rows.append({
            "source": source, "target": target, "count": data["weight"], "balance": data["balance"],
            "months": [m for m, _, _ in months], "monthly_balance": [b for _, _, b in months],
        })
    return rows


def write_back(store: GraphStore, analysis: Analysis, batch_rows: int = 2000) -> None:
    actor_rows = [{"id": node, **vars(values)} for node, values in analysis.metrics.items()]
    store.write([(statement("analytics", "clear_stale_metrics"), {"ids": list(analysis.metrics)})])
    for chunk in _chunks(actor_rows, batch_rows):
        store.write([(statement("analytics", "set_actor_metrics"), {"rows": list(chunk)})])
    for chunk in _chunks(pair_rows(analysis), batch_rows):
        store.write([(statement("analytics", "set_pair_values"), {"rows": list(chunk)})])


def analyze_and_write(store: GraphStore, batch_rows: int = 2000) -> AnalysisSummary:
    started = time.monotonic()
    analysis = analyze(store)
    write_back(store, analysis, batch_rows)
    return AnalysisSummary(
        actors=analysis.actor_graph.number_of_nodes(), pairs=analysis.actor_graph.number_of_edges(),
        communities=analysis.communities, seconds=time.monotonic() - started,
    )


def refresh_derived(store: GraphStore, batch_rows: int = 2000) -> AnalysisSummary | None:
    """INTERACTS_WITH and the analytics, recomputed when a write since the last refresh made
    them stale (every load marks them so, in its own transaction); None when they are current,
    so that a run that wrote nothing costs nothing here. Marked current only at the end: a run
    killed halfway leaves them stale for the next."""
    if store.derived_current():
        return None
    store.refresh_interactions()
    store.after_load()
    summary = analyze_and_write(store, batch_rows)
    store.mark_derived_current()
    return summary
