"""`newsgraph resolve`: apply curated merges, and the links of surnames to the graph's full
names (`surname_links`), to a loaded graph without parsing any text again.

A merge (`[[merge]]` in the alias file; `newsgraph actors merge A B` writes one) says that actor
A is actor B. Extraction applies merges as the last step of every resolution, so a clean run
with the alias file writes B wherever the text named A. This module makes an existing graph
equal to that clean run: every article whose events or mentions involve a merged actor is
rewritten from what the graph stores (events with their participants and verb token, mention
counts), with the participants mapped, event ids recomputed as extraction computes them and
MENTIONS counts summed; affiliations move to B with the load's own statements (so their dates
merge as the load merges them); A goes; INTERACTS_WITH is rebuilt. Running it again finds no
merged actor and changes nothing.

What it cannot redo without the text: a merge that changes an actor's kind may change what the
learned filter keeps, and one that makes an event's source its own target drops that target
where extraction might have chosen another. Re-run those articles (`run --force`) to be exact.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from nameparser.config import CONSTANTS as NAME_CONSTANTS

from newsgraph.actors.resolver import Resolver, forms_of, known_forms
from newsgraph.errors import NewsgraphError
from newsgraph.graph.records import Actor
from newsgraph.nlp import rules
from newsgraph.nlp.events import event_id
from newsgraph.store.base import GraphStore
from newsgraph.store.rows import actor_row, mention_node_row, one_per_id
from newsgraph.store.schema_files import load_statement, statement

ARTICLES_PER_WRITE = 200


@dataclass(frozen=True)
class Resolved:
    merged: tuple[str, ...]  # the merged actor ids that were in the graph
    articles: int  # articles rewritten
    linked: tuple[str, ...] = ()  # of them, surnames linked to the graph's one full name

    def line(self) -> str:
        if not self.merged:
            return "resolve: no merged actor is in the graph; nothing changed"
        curated = [m for m in self.merged if m not in self.linked]
        parts = [f"merged {len(curated)} actor(s) ({_listed(curated)})" if curated else "",
                 f"linked {len(self.linked)} surname(s) to a full name ({_listed(self.linked)})" if self.linked else ""]
        return f"resolve: {'; '.join(filter(None, parts))}; rewrote {self.articles} article(s)"


def _listed(ids: Sequence[str]) -> str:
    return ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")


def surname_links(persons: Sequence[dict], resolver: Resolver) -> dict[str, Actor]:
    """Cross-document resolution of persons (rule `actor.surname_in_graph`): a person the
    graph knows only by one word ("Varga", from an article that never gave the full name) is
    the one full-name person of the graph whose surname it is ("Tomas Varga", named in another
    article) and whose country does not differ. Two such persons leave it as it is, and so does
    a word that begins another full name of the graph ("John", beside "Elton John" and "John
    Bolton") or is a title ("Mayor"): a name is never guessed. Curated persons are left to the
    resolver, which knows their forms."""
    full: dict[str, list[dict]] = {}
    given: set[str] = set()
    for row in persons:
        words = row["name"].split()
        if len(words) > 1:
            given.add(words[0].lower())
            if resolver.persons.get(row["id"]) is None:
                full.setdefault(words[-1].lower(), []).append(row)
    links, merged = {}, set(resolver.merged_ids)
    for row in persons:
        name = row["name"].lower()
        if " " in name or row["id"] in merged or resolver.persons.get(row["id"]) is not None \
                or name in given or name.rstrip(".") in NAME_CONSTANTS.titles:
            continue  # "John" begins other full names, "Mayor" is a title: no surname to go by
        fitting = [f for f in full.get(name, ())
                   if row["country"] is None or f["country"] in (None, row["country"])]
        if len(fitting) == 1:
            into = fitting[0]
            links[row["id"]] = Actor(into["id"], into["name"], "person", into["country"] or row["country"])
    return links


def resolve(store: GraphStore, resolver: Resolver, refresh: bool = True) -> Resolved:
    """Applies the resolver's merges, and the links of surnames to the graph's full names, to
    the graph; `refresh=False` leaves the rebuild of INTERACTS_WITH to the caller (the ingest
    flow does it once after the load)."""
    present = [r["id"] for r in store.read(statement("resolve", "actors_present"),
                                           {"ids": resolver.merged_ids})]
    linked = surname_links(store.read(statement("resolve", "person_rows")), resolver) \
        if rules.enabled("actor.surname_in_graph") else {}
    present = sorted({*present, *linked})
    if not present:
        _write_forms(store, resolver)
        return Resolved((), 0)
    articles = [r["id"] for r in store.read(statement("resolve", "articles_of_actors"), {"ids": present})]
    (old,) = store.read(statement("resolve", "events_without_token"), {"ids": articles})
    if old["events"]:  # checked before anything is written, so a refusal changes nothing
        raise NewsgraphError(f"{old['events']} events of the articles naming {', '.join(present[:3])} were loaded "
                             "before extract-4 and record no verb token: run `newsgraph run --force` on "
                             "their corpus once, then resolve")
    targets = {row["id"]: linked.get(row["id"]) or resolver.canonical(
        Actor(row["id"], row["name"], row["kind"], row["country"]))
        for row in store.read(statement("resolve", "actor_rows"), {"ids": present})}
    target_rows = sorted({t.id: actor_row(t) for t in targets.values()}.items())
    store.write([(load_statement("actors"), {"rows": [row for _, row in target_rows]})])
    for ids in _chunks(articles, ARTICLES_PER_WRITE):
        store.write_rows("load_articles", ids, _article_rows(store, ids, targets))
    _move_affiliations(store, present, targets)
    store.write([(statement("resolve", "delete_actors"), {"ids": present})])
    _write_forms(store, resolver)
    if refresh:
        store.refresh_interactions()
    return Resolved(tuple(present), len(articles), tuple(sorted(linked)))


def _write_forms(store: GraphStore, resolver: Resolver) -> None:
    """The forms the user's alias file gives actors (its aliases and persons, a merged-away
    actor's name for the one it became) on their nodes, over the shipped ones every load
    writes: the query library finds Maria Zakharova by "Zakharova" once the merge is made, as
    in a clean run with the file (every run resolves)."""
    shipped, forms = known_forms(), forms_of(resolver)
    rows = [{"id": actor_id, "aliases": forms.get(actor_id)} for actor_id in sorted(set(forms) | set(shipped))
            if forms.get(actor_id) != shipped.get(actor_id)]
    if rows:
        store.write([(statement("resolve", "actor_aliases"), {"rows": rows})])


def _article_rows(store: GraphStore, ids: list[str], targets: dict[str, Actor]) -> dict[str, list[dict]]:
    def mapped(actor_id: str | None) -> str | None:
        return targets[actor_id].id if actor_id in targets else actor_id

    events = store.read(statement("resolve", "event_rows"), {"ids": ids})
    for row in events:
        row["rule"] = list(row["rule"] or [])
        row["source_id"] = mapped(row["source_id"])
        row["target_id"] = mapped(row["target_id"])
        row["reporter_id"] = mapped(row["reporter_id"])
        if row["target_id"] == row["source_id"]:  # extraction never makes an actor its own target
            row["target_id"] = row["target_role"] = None
        if row["reporter_id"] == row["source_id"]:
            row["reporter_id"] = None
        row["id"] = event_id(row["article_id"], row["token"], row["source_id"], row["target_id"])
    nodes: dict[str, dict] = {}  # two readings of one place that the merge makes one actor: one node
    for row in store.read(statement("resolve", "mention_node_rows"), {"ids": ids}):
        row = mention_node_row(**(row | {"actor_id": mapped(row["actor_id"])}))
        nodes.setdefault(row["id"], row)
    counts: dict[tuple[str, str], int] = {}
    for row in nodes.values():  # MENTIONS counts the article's Mention nodes of the actor
        key = (row["article_id"], row["actor_id"])
        counts[key] = counts.get(key, 0) + 1
    with_nodes = {article_id for article_id, _ in counts}
    for row in store.read(statement("resolve", "mention_rows"), {"ids": ids}):
        if row["article_id"] not in with_nodes:  # loaded before extract-8, which wrote no nodes
            key = (row["article_id"], mapped(row["actor_id"]))
            counts[key] = counts.get(key, 0) + int(row["count"])
    return {
        "articles": store.read(statement("resolve", "article_rows"), {"ids": ids}),
        "actors": [],  # the targets are written first; every other actor is already there
        "events": one_per_id(events),
        "mentions": [{"article_id": a, "actor_id": b, "count": n} for (a, b), n in sorted(counts.items())],
        "mention_nodes": list(nodes.values()),
        "affiliations": [],
        "offices": [],
    }


def _move_affiliations(store: GraphStore, present: Sequence[str], targets: dict[str, Actor]) -> None:
    """A's AFFILIATED_WITH edges become B's through the load's own statements, so a stated edge
    B already has takes the earlier `since` and the later `until`, as a clean run would."""
    stated, offices = [], []
    for row in store.read(statement("resolve", "affiliation_rows"), {"ids": list(present)}):
        row = row | {"person_id": targets[row["person_id"]].id if row["person_id"] in targets else row["person_id"],
                     "organisation_id": targets[row["organisation_id"]].id
                     if row["organisation_id"] in targets else row["organisation_id"]}
        (offices if row.pop("basis") == "curated" else stated).append(row)
    store.write([(load_statement("affiliations"), {"rows": stated}),
                 (load_statement("offices"), {"rows": offices})])


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
