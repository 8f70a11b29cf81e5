"""Centrality and communities of the actor graph.

Everything is deterministic for a given graph (fixed seeds, sorted tie-breaks), so analyzing
the same graph twice writes the same values and a re-run never shows spurious change."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

SEED = 42
# Exact betweenness is O(nodes × edges); past this many actors it is estimated from this many
# sampled sources, which keeps a large graph's analysis to seconds.
BETWEENNESS_EXACT_UP_TO = 3000


@dataclass(frozen=True)
class ActorMetrics:
    degree: int  # distinct counterparts, either direction
    weighted_degree: int  # counted events, either direction
    pagerank: float
    betweenness: float
    community: int  # 0 is the largest community


def undirected(graph: nx.DiGraph) -> nx.Graph:
    """Both directions of a pair as one tie whose weight is the events of both."""
    ties = nx.Graph()
    ties.add_nodes_from(graph.nodes(data=True))
    for source, target, data in graph.edges(data=True):
        previous = ties.get_edge_data(source, target, {}).get("weight", 0)
        ties.add_edge(source, target, weight=previous + data["weight"])
    return ties


def communities(ties: nx.Graph) -> dict[str, int]:
    """Louvain communities numbered by size (0 = largest), ties broken by the smallest id."""
    found = nx.community.louvain_communities(ties, weight="weight", seed=SEED)
    ordered = sorted(found, key=lambda members: (-len(members), min(members)))
    return {node: number for number, members in enumerate(ordered) for node in members}


def compute(graph: nx.DiGraph) -> dict[str, ActorMetrics]:
    if graph.number_of_nodes() == 0:
        return {}
    ties = undirected(graph)
    # PageRank follows the direction of events: an actor many others act upon ranks high.
    pagerank = nx.pagerank(graph, weight="weight")
    sample = None if len(ties) <= BETWEENNESS_EXACT_UP_TO else BETWEENNESS_EXACT_UP_TO // 4
    betweenness = nx.betweenness_centrality(ties, k=sample, seed=SEED)
    community = communities(ties)
    return {
        node: ActorMetrics(
            degree=int(ties.degree(node)),
            weighted_degree=int(ties.degree(node, weight="weight")),
            pagerank=round(float(pagerank[node]), 6),
            betweenness=round(float(betweenness[node]), 6),
            community=community[node],
        )
        for node in sorted(graph.nodes)
    }
