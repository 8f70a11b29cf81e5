"""ReportData as one HTML file that works with no network: plotly.js is inlined once, each chart
is a plotly figure, the page itself is a Jinja template with autoescaping (article text and
actor names are untrusted input).

Colours carry meaning and stay fixed across reports: each PLOVER event type has its own colour,
conflict is red and cooperation blue, communities take the qualitative palette in order."""

from __future__ import annotations

from importlib.resources import files
from itertools import cycle

import jinja2
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import qualitative, sample_colorscale
from plotly.offline import get_plotlyjs

from newsgraph.graph.records import PLOVER_CATEGORIES
from newsgraph.report.data import ReportData

CATEGORY_COLOURS = dict(zip(sorted(PLOVER_CATEGORIES), cycle(qualitative.Dark24 + qualitative.Light24)))
COMMUNITY_COLOURS = qualitative.Plotly + qualitative.D3
CONFLICT, COOPERATION = "#c0392b", "#2e6da4"
BALANCE_SCALE = [[0.0, CONFLICT], [0.5, "#eeeeee"], [1.0, COOPERATION]]
LABELLED_ACTORS = 20
CONFIG = {"displaylogo": False, "responsive": True}


def _network(data: ReportData) -> go.Figure:
    graph, pos = data.network, data.positions
    traces = []
    for sign, colour, name in ((-1, CONFLICT, "conflict"), (1, COOPERATION, "cooperation")):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for s, t, d in graph.edges(data=True):
            if d["sign"] == sign:
                xs += [pos[s][0], pos[t][0], None]
                ys += [pos[s][1], pos[t][1], None]
        traces.append(go.Scatter(x=xs, y=ys, mode="lines", name=name, hoverinfo="skip",
                                 line={"color": colour, "width": 1}, opacity=0.5))
    nodes = sorted(graph.nodes, key=lambda n: -graph.nodes[n]["pagerank"])
    top = max((graph.nodes[n]["pagerank"] for n in nodes), default=1.0) or 1.0
    traces.append(go.Scatter(
        x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers+text",
        name="actors", showlegend=False,
        text=[graph.nodes[n].get("name", n) if i < LABELLED_ACTORS else "" for i, n in enumerate(nodes)],
        textposition="top center", textfont={"size": 10},
        hovertext=[
            f"{graph.nodes[n].get('name', n)} ({graph.nodes[n].get('kind', '?')})<br>"
            f"community {graph.nodes[n]['community']} · PageRank {graph.nodes[n]['pagerank']:.3f}<br>"
            f"{graph.nodes[n]['degree']} counterparts · {graph.nodes[n]['weighted_degree']} events"
            for n in nodes
        ],
        hoverinfo="text",
        marker={
            "size": [8 + 30 * graph.nodes[n]["pagerank"] / top for n in nodes],
            "color": [COMMUNITY_COLOURS[graph.nodes[n]["community"] % len(COMMUNITY_COLOURS)] for n in nodes],
            "line": {"width": 1, "color": "#333"},
        },
    ))
    fig = go.Figure(traces)
    fig.update_layout(
        height=620, margin={"l": 10, "r": 10, "t": 10, "b": 10}, plot_bgcolor="white",
        xaxis={"visible": False}, yaxis={"visible": False}, legend={"orientation": "h"},
    )
    return fig


def _timeline(data: ReportData) -> go.Figure:
    months = sorted({row["month"] for row in data.timeline})
    by_category: dict[str, dict[str, int]] = {}
    for row in data.timeline:
        by_category.setdefault(row["category"], {})[row["month"]] = int(row["events"])
    fig = go.Figure([
        go.Bar(name=category, x=months, y=[counts.get(m, 0) for m in months],
               marker_color=CATEGORY_COLOURS.get(category, "#888"))
        for category, counts in sorted(by_category.items())
    ])
    fig.update_layout(barmode="stack", height=420, margin={"l": 50, "r": 10, "t": 10, "b": 40},
                      yaxis_title="asserted events", xaxis={"type": "category"})
    return fig


def _pairs(data: ReportData) -> go.Figure:
    pairs = list(reversed(data.pairs))  # plotly draws the first bar at the bottom
    fig = go.Figure(go.Bar(
        orientation="h", x=[p.events for p in pairs], y=[f"{p.source} → {p.target}" for p in pairs],
        # Colours computed here: plotly.js 3 warns in the console about numeric bar colours.
        marker={"color": sample_colorscale(BALANCE_SCALE, [(p.balance + 10) / 20 for p in pairs]),
                "line": {"width": 0.5, "color": "#555"}},
        hovertext=[f"{p.events} events · balance {p.balance:+.1f}<br>{', '.join(p.actions)}" for p in pairs],
        hoverinfo="text",
    ))
    fig.update_layout(height=max(300, 26 * len(pairs) + 80), margin={"l": 10, "r": 10, "t": 10, "b": 40},
                      xaxis_title="counted events", yaxis={"automargin": True})
    return fig


def _figure_html(fig: go.Figure, div_id: str) -> str:
    return pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=div_id, config=CONFIG)


def render(data: ReportData, title: str = "newsgraph report") -> str:
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = environment.from_string(
        files("newsgraph.report").joinpath("report.html.j2").read_text(encoding="utf-8")
    )
    return template.render(
        title=title,
        data=data,
        plotly_js=get_plotlyjs(),
        charts={
            "network": _figure_html(_network(data), "chart-network"),
            "timeline": _figure_html(_timeline(data), "chart-timeline"),
            "pairs": _figure_html(_pairs(data), "chart-pairs"),
        },
    )
