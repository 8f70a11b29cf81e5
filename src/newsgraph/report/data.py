"""What the HTML report shows, read from the store in one place so the renderer holds no Cypher
and a test can check the numbers without a browser.

The network and the pair balances come from the same analysis `newsgraph analyze` writes back
(computed afresh here, so a report never shows stale metrics)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from newsgraph.analytics.analyze import Analysis, analyze
from newsgraph.corpus.records import web_url
from newsgraph.store.base import GraphStore
from newsgraph.store.schema_files import statement

@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    events: int
    balance: float
    actions: list[str]
    months: list[tuple[str, int, float]]


@dataclass
class ReportData:
    counts: dict[str, int]
    network: nx.DiGraph  # the most central actors of the main group and the pairs among them
    positions: dict[str, tuple[float, float]]
    timeline: list[dict[str, Any]]
    pairs: list[Pair]
    evidence: list[dict[str, Any]]
    sources: list[dict[str, Any]] = field(default_factory=list)

    @property
    def wikinews_articles(self) -> int:
        return sum(int(s["wikinews"]) for s in self.sources)


def central_subgraph(analysis: Analysis, size: int) -> nx.DiGraph:
    """The most central actors of the largest connected group, and the ties among them.

    Separate stories (a local election, an epidemic) form their own small groups; drawn
    together with the main network they only push it into a corner of the chart."""
    if not analysis.actor_graph:
        return nx.DiGraph()
    main = max(nx.weakly_connected_components(analysis.actor_graph), key=lambda c: (len(c), min(c)))
    ranked = sorted(main, key=lambda n: (-analysis.metrics[n].pagerank, n))
    chosen = analysis.actor_graph.subgraph(ranked[:size])
    core = max(nx.weakly_connected_components(chosen), key=lambda c: (len(c), min(c)))
    return chosen.subgraph(core).copy()


def layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Kamada–Kawai spacing on one connected group: deterministic, and it keeps a hub's
    neighbours apart enough to read their labels."""
    if not graph:
        return {}
    positions = nx.kamada_kawai_layout(graph.to_undirected())
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def top_pairs(analysis: Analysis, limit: int) -> list[Pair]:
    names = analysis.actor_graph.nodes
    edges = sorted(analysis.actor_graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))
    return [
        Pair(names[s].get("name", s), names[t].get("name", t), d["weight"], d["balance"],
             d["actions"], analysis.monthly.get((s, t), []))
        for s, t, d in edges[:limit]
    ]


def gather(store: GraphStore, network_size: int = 60, pair_limit: int = 20,
           evidence_limit: int = 50) -> ReportData:
    analysis = analyze(store)
    network = central_subgraph(analysis, network_size)
    return ReportData(
        counts=store.counts(),
        network=network,
        positions=layout(network),
        timeline=store.read(statement("report", "timeline")),
        pairs=top_pairs(analysis, pair_limit),
        # A graph loaded before links were checked at reading may hold a `javascript:` URL.
        evidence=[row | {"url": web_url(row["url"])} for row in store.read(statement("report", "recent_evidence"), {"limit": evidence_limit})],
        sources=store.read(statement("report", "sources")),
    )
