"""Precision, recall and F1 of extracted events against a gold file.

Events match on canonical identity, not on words: the same document and sentence, the source
and the target as the same actor (a state by its country code, whatever its surface:
"Moscow", "the Kremlin", "the Russian Foreign Ministry"; a person by id; any other actor by
its name, the gazetteer's when it knows the actor, whatever kind it was given: "Radio Free
Asia" is one organisation whether a reader called it media and the extractor an
organisation), and the same action lemma. Negation and modality are reported beside the score,
not folded into it, so a reader sees which part of the reading went wrong.

Gold layout (eval/gold/dev/ is the project's own set):
    GOLD/articles/*.txt    one article per file, title on the first line
    GOLD/gold.jsonl        {doc, sentence, source, target, action{lemma,...}, reported_by, phenomena}
    GOLD/negatives.jsonl   {doc, sentence}: sentences that hold no event
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.actions import lexicon
from newsgraph.actors.resolver import Resolver
from newsgraph.graph.records import Actor, Event

STATE_KINDS = frozenset({"country", "government_body"})


def _norm(sentence: str) -> str:
    return " ".join(sentence.split()).strip(" \"“”'")


def same_sentence(a: str, b: str) -> bool:
    """Sentences may be split differently by the parser: one containing the other is the
    same sentence."""
    return a in b or b in a


def _jsonl(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [json.loads(line) for line in lines if line.strip()]


def _name_key(name: str) -> str:
    return "name:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def actor_key(actor: Actor) -> str:
    """A state is its country code, so bodies and metonyms of one state are one actor; a
    person is the person's id; every other actor is its name, so an organisation the gazetteer
    does not know matches whatever kind the gold or the extractor gave it."""
    if actor.kind in STATE_KINDS and actor.country:
        return f"state:{actor.country}"
    if actor.kind != "person":
        return _name_key(actor.name)
    return actor.id


def gold_actor_key(value: dict | None, resolver: Resolver) -> str | None:
    if value is None:
        return None
    name = value["name"]
    if value.get("kind") == "person":
        return resolver.person(name).id
    found = resolver.lookup(name)
    if found is not None:
        return actor_key(found.actor)
    if value.get("kind") in STATE_KINDS and value.get("country"):
        return f"state:{value['country']}"
    return _name_key(name)


@dataclass(frozen=True)
class Key:
    doc: str
    sentence: str
    source: str
    lemma: str
    target: str | None

    def same_event(self, other: Key) -> bool:
        return (
            self.doc == other.doc
            and self.source == other.source
            and self.lemma == other.lemma
            and self.target == other.target
            and same_sentence(self.sentence, other.sentence)
        )


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    missed_by_phenomenon: Counter = field(default_factory=Counter)
    gold_by_phenomenon: Counter = field(default_factory=Counter)
    events_in_negatives: int = 0
    wrong_negation: int = 0
    wrong_modality: int = 0
    # (gold category, predicted category) of every matched event: event type accuracy
    types: Counter = field(default_factory=Counter)
    # matched events whose gold has a mode: [how many, how many we gave the same mode]
    modes: list[int] = field(default_factory=lambda: [0, 0])
    # matched actors that are neither states nor persons: [how many, how many of the gold's kind]
    kinds: list[int] = field(default_factory=lambda: [0, 0])
    # rule name -> [true positives, false positives] of the events that rule took part in
    by_rule: dict[str, list[int]] = field(default_factory=dict)
    missed: list[Key] = field(default_factory=list)
    extra: list[Key] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def type_accuracy(self) -> float:
        matched = sum(self.types.values())
        return sum(n for (gold, ours), n in self.types.items() if gold == ours) / matched if matched else 0.0

    def phenomenon_recall(self) -> dict[str, float]:
        return {name: (total - self.missed_by_phenomenon[name]) / total
                for name, total in sorted(self.gold_by_phenomenon.items())}

    def summary(self) -> dict:
        """The figures a regression floor and a closing note quote, as plain data."""
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "true_positives": self.true_positives, "false_positives": self.false_positives,
            "false_negatives": self.false_negatives, "type_accuracy": round(self.type_accuracy, 4),
            "phenomenon_recall": {k: round(v, 4) for k, v in self.phenomenon_recall().items()},
            "mode_accuracy": round(self.modes[1] / self.modes[0], 4) if self.modes[0] else None,
            "kind_accuracy": round(self.kinds[1] / self.kinds[0], 4) if self.kinds[0] else None,
            "by_rule": {name: {"tp": tp, "fp": fp} for name, (tp, fp) in sorted(self.by_rule.items())},
        }

    def type_report(self) -> str:
        by_gold: dict[str, list[int]] = {}
        for (gold, ours), n in self.types.items():
            row = by_gold.setdefault(gold, [0, 0])
            row[0] += n
            row[1] += n if gold == ours else 0
        matched = sum(self.types.values())
        lines = [f"event type right on {sum(r[1] for r in by_gold.values())} of {matched} matched events"
                 f" ({self.type_accuracy:.2f}); mode right on {self.modes[1]} of the {self.modes[0]} that have"
                 " one in gold; by gold type:"]
        for gold, (total, right) in sorted(by_gold.items(), key=lambda item: -item[1][0]):
            wrong = Counter({ours: n for (g, ours), n in self.types.items() if g == gold and ours != gold})
            confused = ", ".join(f"{ours} {n}" for ours, n in wrong.most_common(3))
            lines.append(f"  {gold:12} {right:4}/{total:<4} {right / total:.2f}" + (f"   as {confused}" if confused else ""))
        return "\n".join(lines)

    def rule_report(self, limit: int | None = None) -> str:
        """Per rule: the events it took part in, how many matched gold, its precision, and
        the share of all gold events it helped find."""
        gold_total = self.true_positives + self.false_negatives
        rows = sorted(self.by_rule.items(), key=lambda item: -sum(item[1]))[:limit]
        lines = [f"{'rule':30} {'events':>6} {'tp':>5} {'fp':>5} {'precision':>9} {'recall':>6}"]
        for name, (tp, fp) in rows:
            lines.append(f"{name:30} {tp + fp:6} {tp:5} {fp:5} {tp / (tp + fp):9.2f} "
                         f"{tp / gold_total if gold_total else 0:6.2f}")
        return "\n".join(lines)

    def report(self) -> str:
        lines = [
            f"events: precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}"
            f"  (tp {self.true_positives}, fp {self.false_positives}, fn {self.false_negatives})",
            f"events found in negative sentences: {self.events_in_negatives}",
            f"matched events with the wrong negation: {self.wrong_negation}, wrong modality: {self.wrong_modality}",
            # actors match by name whatever their kind; whether the kind is right is told here
            f"actor kind right on {self.kinds[1]} of the {self.kinds[0]} matched actors that are neither"
            " states nor persons",
            "recall by phenomenon:",
        ]
        for name, total in sorted(self.gold_by_phenomenon.items()):
            found = total - self.missed_by_phenomenon[name]
            lines.append(f"  {name:20} {found:4}/{total:<4} {found / total:.2f}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Gold:
    key: Key
    negated: bool
    modality: str | None
    phenomena: tuple[str, ...]
    category: str = "OTHER"
    mode: str | None = None
    kinds: tuple[str | None, str | None] = (None, None)  # the gold's kinds of source and target


def gold_rows(folder: Path) -> list[dict]:
    return _jsonl(folder / "gold.jsonl")


def load_gold(folder: Path, resolver: Resolver) -> tuple[list[Gold], list[tuple[str, str]]]:
    gold = []
    for row in gold_rows(folder):
        key = Key(
            doc=row["doc"],
            sentence=_norm(row["sentence"]),
            source=gold_actor_key(row["source"], resolver) or "",
            lemma=lexicon.canonical(row["action"]["lemma"].lower()),  # one spelling: criticise = criticize
            target=gold_actor_key(row.get("target"), resolver),
        )
        gold.append(Gold(key, bool(row["action"].get("negated")), row["action"].get("modality"),
                         tuple(row.get("phenomena", ())), row["action"].get("category", "OTHER"),
                         row["action"].get("mode"),
                         tuple((row.get(side) or {}).get("kind") for side in ("source", "target"))))
    negatives = [(row["doc"], _norm(row["sentence"])) for row in _jsonl(folder / "negatives.jsonl")]
    return gold, negatives


def event_key(event: Event, doc: str) -> Key:
    return Key(
        doc=doc,
        sentence=_norm(event.sentence),
        source=actor_key(event.source.actor),
        lemma=event.action.lemma,
        target=actor_key(event.target.actor) if event.target else None,
    )


def score(
    predicted: Sequence[tuple[Key, Event | None]],
    gold: Iterable[Gold],
    negatives: Iterable[tuple[str, str]] = (),
) -> Score:
    """Greedy one-to-one matching; every gold event and every prediction counts once."""
    result = Score()
    unmatched = list(predicted)
    for item in gold:
        result.gold_by_phenomenon.update(item.phenomena)
        hit = next((p for p in unmatched if p[0].same_event(item.key)), None)
        if hit is None:
            result.false_negatives += 1
            result.missed_by_phenomenon.update(item.phenomena)
            result.missed.append(item.key)
            continue
        unmatched.remove(hit)
        result.true_positives += 1
        if hit[1] is not None:
            result.wrong_negation += hit[1].action.negated != item.negated
            result.wrong_modality += hit[1].action.modality != item.modality
            result.types[item.category, hit[1].action.category] += 1
            if item.mode is not None:
                result.modes[0] += 1
                result.modes[1] += hit[1].action.mode == item.mode
            for name in hit[1].rule:
                result.by_rule.setdefault(name, [0, 0])[0] += 1
            for kind, actor in zip(item.kinds, (hit[1].source.actor, hit[1].target.actor if hit[1].target else None)):
                if kind and actor is not None and kind not in STATE_KINDS | {"person"}:
                    result.kinds[0] += 1
                    result.kinds[1] += actor.kind == kind
    result.false_positives = len(unmatched)
    for _, event in unmatched:
        for name in event.rule if event is not None else ():
            result.by_rule.setdefault(name, [0, 0])[1] += 1
    result.extra = [key for key, _ in unmatched]
    negative_set = list(negatives)
    result.events_in_negatives = sum(
        1 for key, _ in unmatched
        if any(doc == key.doc and same_sentence(s, key.sentence) for doc, s in negative_set)
    )
    return result


# -- surface scoring: the yardstick on which a system without actor resolution can be compared --

_WORD = re.compile(r"[\w'’-]+")
_SKIP = frozenset({"the", "a", "an"})


def words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text) if w.lower() not in _SKIP)


def head_word(text: str) -> str:
    found = [w.lower() for w in _WORD.findall(text) if w.lower() not in _SKIP]
    return found[-1] if found else ""


@dataclass(frozen=True)
class SurfaceKey:
    """An event as words: the subject's and object's words as written, the verb lemma."""

    doc: str
    sentence: str
    subject: frozenset[str]
    lemma: str
    object: frozenset[str] | None


def gold_surface(item: dict) -> tuple[str, str, str, str | None]:
    """(sentence, subject head, lemma, object head) of a gold row; `text` is the mention as
    written, falling back to the canonical name where a gold row has none."""
    def head(actor: dict | None) -> str | None:
        return None if actor is None else head_word(actor.get("text") or actor["name"])

    return _norm(item["sentence"]), head(item["source"]) or "", item["action"]["lemma"].lower(), head(item.get("target"))


def surface_score(predicted: Sequence[SurfaceKey], gold_rows: Iterable[dict]) -> Score:
    """A prediction matches a gold event in the same sentence with the same verb lemma when
    its subject words hold the gold subject's head word, and likewise for the object."""
    result = Score()
    unmatched = list(predicted)
    for row in gold_rows:
        sentence, subject, lemma, obj = gold_surface(row)

        def fits(p: SurfaceKey) -> bool:
            same_object = (obj is None and p.object is None) or (
                obj is not None and p.object is not None and obj in p.object)
            return (p.doc == row["doc"] and same_sentence(sentence, p.sentence) and p.lemma == lemma
                    and subject in p.subject and same_object)

        hit = next((p for p in unmatched if fits(p)), None)
        if hit is None:
            result.false_negatives += 1
        else:
            unmatched.remove(hit)
            result.true_positives += 1
    result.false_positives = len(unmatched)
    return result


def surface_of_event(event: Event, doc: str) -> SurfaceKey:
    return SurfaceKey(
        doc=doc,
        sentence=_norm(event.sentence),
        subject=words(event.source.text),
        lemma=event.action.lemma,
        object=words(event.target.text) if event.target else None,
    )


def textacy_triples(doc_name: str, doc) -> list[SurfaceKey]:
    """textacy's subject–verb–object triples of a parsed document, as surface keys."""
    from textacy.extract import subject_verb_object_triples

    found = []
    for triple in subject_verb_object_triples(doc):
        found.append(SurfaceKey(
            doc=doc_name,
            sentence=_norm(triple.subject[0].sent.text),
            subject=words(" ".join(t.text for t in triple.subject)),
            lemma=triple.verb[-1].lemma_.lower(),
            object=words(" ".join(t.text for t in triple.object)),
        ))
    return found
