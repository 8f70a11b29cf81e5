"""The analyzed actor graph as files for Gephi (GraphML, GEXF) and notebooks (JSON Lines).

GraphML and GEXF hold only scalar attributes, so list values (the actions of a pair, its months)
are joined with ';' there; JSON Lines keeps them as lists. Each pair's monthly balance is kept
in every format so that a notebook can plot a pair over time without the store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from newsgraph.analytics.analyze import Analysis

FORMATS = ("graphml", "gexf", "jsonl")


def export_graph(analysis: Analysis) -> nx.DiGraph:
    """A copy with each pair's monthly series attached, values ready to serialise."""
    graph = analysis.actor_graph.copy()
    for source, target, data in graph.edges(data=True):
        months = analysis.monthly.get((source, target), [])
        data["months"] = [m for m, _, _ in months]
        data["monthly_count"] = [n for _, n, _ in months]
        data["monthly_balance"] = [b for _, _, b in months]
    return graph


def _scalars(values: dict[str, Any]) -> dict[str, Any]:
    return {k: ";".join(map(str, v)) if isinstance(v, list) else v for k, v in values.items()}


def _flattened(graph: nx.DiGraph) -> nx.DiGraph:
    flat = nx.DiGraph()
    flat.add_nodes_from((n, _scalars(d)) for n, d in graph.nodes(data=True))
    flat.add_edges_from((s, t, _scalars(d)) for s, t, d in graph.edges(data=True))
    return flat


def write_jsonl(graph: nx.DiGraph, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for node, data in sorted(graph.nodes(data=True)):
            out.write(json.dumps({"type": "actor", "id": node, **data}, ensure_ascii=False) + "\n")
        for source, target, data in sorted(graph.edges(data=True)):
            record = {"type": "pair", "source": source, "target": target, **data}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def export(analysis: Analysis, fmt: str, path: Path) -> int:
    """Writes the graph; returns the number of records (actors + pairs)."""
    graph = export_graph(analysis)
    if fmt == "graphml":
        nx.write_graphml(_flattened(graph), path)
    elif fmt == "gexf":
        nx.write_gexf(_flattened(graph), path)
    elif fmt == "jsonl":
        write_jsonl(graph, path)
    else:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return graph.number_of_nodes() + graph.number_of_edges()
