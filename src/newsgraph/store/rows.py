"""ExtractedArticle records as the parameter rows of the load statements (graph_schema/load).

Both backends send the same rows, so the graphs they hold are the same graph."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from newsgraph.actors.resolver import known_forms
from newsgraph.corpus.dedupe import Duplicate
from newsgraph.graph.records import Actor, Affiliation, Article, ExtractedArticle, Mention

DUPLICATE_VERSION = "duplicate"
"""The pipeline_version of a copy: never the current one, so a copy whose original has gone is
extracted on the next run instead of being skipped as unchanged."""


def actor_row(actor: Actor) -> dict:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind, "country": actor.country,
            "aliases": known_forms().get(actor.id)}


def _role(mention: Mention | None) -> str | None:
    return mention.role if mention else None


def unique_by_id(batch: Sequence[ExtractedArticle]) -> list[ExtractedArticle]:
    """The same article twice in one batch (one text in two files) is loaded once: the
    first in input order wins, so the result does not depend on scheduling."""
    seen: dict[str, ExtractedArticle] = {}
    for item in batch:
        seen.setdefault(item.article.id, item)
    return list(seen.values())


def _article_row(a: Article) -> dict:
    return {"id": a.id, "doc": a.doc, "url": a.url, "title": a.title, "published": a.published,
            "source": a.source, "language": a.language, "content_hash": a.content_hash}


def duplicate_rows(duplicates: Sequence[Duplicate]) -> list[dict]:
    return [
        _article_row(d.article) | {"pipeline_version": DUPLICATE_VERSION, "original_id": d.original_id,
                                   "kind": d.kind, "similarity": d.similarity}
        for d in duplicates
    ]


def load_rows(batch: Sequence[ExtractedArticle]) -> dict[str, list[dict]]:
    """Rows per load statement, in the order the statements run."""
    articles, actors, events, mentions, mention_nodes, affiliations, offices = [], {}, [], [], [], {}, {}
    for item in batch:
        a = item.article
        articles.append(
            _article_row(a) | {
                "pipeline_version": item.pipeline_version, "sentence_count": item.sentence_count,
                "word_count": item.word_count,
            }
        )
        for actor, count in item.mentions:
            actors.setdefault(actor.id, actor_row(actor))
            mentions.append({"article_id": a.id, "actor_id": actor.id, "count": count})
        mention_nodes += (mention_node_row(a.id, o.actor.id, o.text, o.sentence_index, o.start, o.end, o.rule,
                                           o.role) for o in item.occurrences)
        for aff in item.affiliations:
            actors.setdefault(aff.person.id, actor_row(aff.person))
            actors.setdefault(aff.organisation.id, actor_row(aff.organisation))
            _add_affiliation(affiliations, offices, aff)
        for e in item.events:
            for mention in (e.source, e.target, e.reported_by):
                if mention is not None:
                    actors.setdefault(mention.actor.id, actor_row(mention.actor))
            events.append(
                {
                    "id": e.id, "article_id": e.article_id, "action": e.action.lemma,
                    "verb": e.action.text, "category": e.action.category, "score": e.action.score,
                    "negated": e.action.negated, "modality": e.action.modality, "mode": e.action.mode,
                    "date": a.published,
                    "evidence": e.sentence, "sentence_index": e.sentence_index, "start": e.start,
                    "end": e.end, "confidence": e.confidence, "rule": list(e.rule), "token": e.token,
                    "source_id": e.source.actor.id, "source_role": e.source.role,
                    "target_id": e.target.actor.id if e.target else None,
                    "target_role": _role(e.target),
                    "reporter_id": e.reported_by.actor.id if e.reported_by else None,
                }
            )
    # Sorted so that every run sends actors in the same order whatever the batching.
    return {
        "articles": articles,
        "actors": [actors[k] for k in sorted(actors)],
        "events": one_per_id(events),
        "mentions": mentions,
        "mention_nodes": mention_nodes,
        "affiliations": [affiliations[k] for k in sorted(affiliations, key=str)],
        "offices": [offices[k] for k in sorted(offices, key=str)],
    }


def mention_node_row(article_id: str, actor_id: str, text: str, sentence_index: int, start: int, end: int,
                     rule: str | None, role: str | None) -> dict:
    """A `:Mention` node's row. Its id hashes the place and the actor, as an event's does, so a
    reload writes the same node and a merge that makes two readings of one place one actor
    makes them one node."""
    key = f"{article_id}|{start}|{end}|{actor_id}"
    return {"id": "mention:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:24], "article_id": article_id,
            "actor_id": actor_id, "text": text, "sentence_index": sentence_index, "start": start, "end": end,
            "rule": rule, "role": role}


def one_per_id(events: list[dict]) -> list[dict]:
    """One row per event id, in order. Two readings of one verb with the same participants (the
    same actor named twice, or two actors a merge made one) are one event: the surest, then the
    first by rules and roles, so the load and `newsgraph resolve` keep the same one."""
    best: dict[str, dict] = {}
    for row in events:
        old = best.get(row["id"])
        if old is None or _preference(row) < _preference(old):
            best[row["id"]] = row
    kept = {id(row) for row in best.values()}
    return [row for row in events if id(row) in kept]


def _preference(row: dict) -> tuple:
    return (-row["confidence"], list(row["rule"] or []), row["source_role"] or "", row["target_role"] or "",
            row["reporter_id"] or "")


def _add_affiliation(stated: dict, offices: dict, aff: Affiliation) -> None:
    """A known person's office is one relationship per term, its dates the curated ones; an
    affiliation the text states is one per role, its dates the first and last article that
    states it (min and max, so any load order gives the same dates)."""
    # MERGE keys cannot be null: a title without a position is plain membership.
    role = aff.role or "member"
    if aff.basis == "curated":
        key = (aff.person.id, aff.organisation.id, role, aff.since)
        offices[key] = {"person_id": key[0], "organisation_id": key[1], "role": role,
                        "since": aff.since, "until": aff.until}
        return
    key = (aff.person.id, aff.organisation.id, role)
    row = stated.setdefault(key, {"person_id": key[0], "organisation_id": key[1], "role": role,
                                  "since": None, "until": None})
    for day in (aff.since, aff.until):
        if day is not None:
            row["since"] = min(row["since"] or day, day)
            row["until"] = max(row["until"] or day, day)
