"""The JSON shape of `newsgraph extract`: one object per event. Later work scores against it,
so its keys are a contract; add keys, never rename or remove them."""

from __future__ import annotations

from typing import Any

from newsgraph.graph.records import Event, Mention


def actor_json(mention: Mention | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    actor = mention.actor
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "text": mention.text,
        "role": mention.role,
    }


def event_json(event: Event, doc: str) -> dict[str, Any]:
    return {
        "doc": doc,
        "article": event.article_id,
        "sentence": event.sentence,
        "source": actor_json(event.source),
        "target": actor_json(event.target),
        "action": {
            "lemma": event.action.lemma,
            "text": event.action.text,
            "category": event.action.category,
            "negated": event.action.negated,
            "modality": event.action.modality,
            "mode": event.action.mode,
            "score": event.action.score,
        },
        "reported_by": actor_json(event.reported_by),
        "confidence": event.confidence,
        "rule": list(event.rule),
        "start": event.start,
        "end": event.end,
    }
