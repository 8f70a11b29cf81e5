"""A learned last step: drop the extracted events that are most likely wrong.

The rules find candidates; a logistic model trained on the development gold
(`eval/train_filter.py`) scores each candidate from what the rules recorded (the named rules
that made it, its type, the kinds of its actors, modality, negation, reporting, headline,
confidence, the action's lemma) and drops those below the threshold chosen by
cross-validation on dev. The model ships as plain weights in `data/event_filter.json`,
scored here without scikit-learn, so extraction needs nothing new and nothing is downloaded.
It is the named rule `filter.learned` in rules.toml: turn it off there to see the rules
alone."""

from __future__ import annotations

import hashlib
import json
import math
from functools import cache
from pathlib import Path

from newsgraph.graph.records import Event

MODEL_FILE = Path(__file__).with_name("data") / "event_filter.json"
# The data the candidates depend on: a filter trained on other rules scores other candidates.
RULE_DATA = (
    Path(__file__).with_name("data") / "rules.toml",
    Path(__file__).parents[1] / "actions" / "data" / "verbs.toml",
    Path(__file__).parents[1] / "actors" / "data" / "curated.toml",
    Path(__file__).parents[1] / "actors" / "data" / "organisations.toml",
    Path(__file__).parents[1] / "actors" / "data" / "persons.toml",
)


def rules_fingerprint() -> str:
    """A hash of the rule and lexicon data, recorded in the model when it is trained; a test
    fails when they differ, so a rule change cannot land without retraining the filter."""
    digest = hashlib.sha256()
    for path in RULE_DATA:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def features(event: Event) -> dict[str, float]:
    """The candidate as the model sees it: only what extraction itself recorded."""
    found: dict[str, float] = {f"rule={name}": 1.0 for name in event.rule}
    found["category=" + event.action.category] = 1.0
    found["source=" + event.source.actor.kind] = 1.0
    found["target=" + (event.target.actor.kind if event.target else "none")] = 1.0
    found["modality=" + str(event.action.modality)] = 1.0
    found["lemma=" + event.action.lemma] = 1.0
    found["negated"] = float(event.action.negated)
    found["reported"] = float(event.reported_by is not None)
    found["headline"] = float(event.sentence_index == 0)
    found["confidence"] = event.confidence
    return found


class EventFilter:
    def __init__(self, weights: dict[str, float], intercept: float, threshold: float) -> None:
        self.weights, self.intercept, self.threshold = weights, intercept, threshold

    @classmethod
    @cache
    def shipped(cls) -> EventFilter:
        data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        return cls(data["weights"], data["intercept"], data["threshold"])

    def probability(self, event: Event) -> float:
        z = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features(event).items())
        if z >= 0:  # the stable form: exp never overflows
            return 1.0 / (1.0 + math.exp(-z))
        return math.exp(z) / (1.0 + math.exp(z))

    def keep(self, event: Event) -> bool:
        return self.probability(event) >= self.threshold
