"""The records that travel from extraction to the stores.

They are plain frozen dataclasses so that they pickle cheaply between Dask workers and
compare by value: two runs over the same corpus must produce equal records, whatever
the number of workers.
"""

from __future__ import annotations

from dataclasses import dataclass

ACTOR_KINDS = (
    "country",
    "government_body",
    "person",
    "igo",
    "ngo",
    "armed_group",
    "party",
    "company",
    "media",
    "people",
    "place",
    "other",
)

PLOVER_CATEGORIES = (
    "AGREE", "ASSAULT", "AID", "ACCUSE", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
    "DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE", "MOBILIZE", "PROTEST", "REJECT",
    "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN", "OTHER",
)


# The modes that refine a type, after the PLOVER codebook (eval/gold/GUIDELINES.md, Modes).
PLOVER_MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "host", "mediate", "multilateral", "phone"}),
    "AID": frozenset({"economic", "military", "humanitarian", "asylum"}),
    "COOPERATE": frozenset({"economic", "military", "intelligence", "judicial"}),
    "CONCEDE": frozenset({"release", "ease_sanctions", "return", "ceasefire", "policy", "apologize"}),
    "RETREAT": frozenset({"withdraw", "disarm"}),
    "PROTEST": frozenset({"demonstrate", "riot", "strike", "hunger_strike", "boycott", "obstruct"}),
    "ASSAULT": frozenset({"aerial", "artillery", "firearms", "explosives", "physical", "kill", "abduct"}),
    "COERCE": frozenset({"arrest", "detain", "deport", "censor", "seize", "ban"}),
    "SANCTION": frozenset({"economic", "diplomatic", "expel", "convict"}),
    "MOBILIZE": frozenset({"military", "police"}),
    "ACCUSE": frozenset({"aggression", "crime", "human_rights", "war_crimes", "espionage"}),
    "INVESTIGATE": frozenset({"crime", "human_rights", "corruption"}),
}


@dataclass(frozen=True)
class Actor:
    """A canonical identity. `id` is deterministic (`country:RUS`, `person:maria-zakharova`,
    `igo:united-nations`) so the same actor merges across articles and runs."""

    id: str
    name: str
    kind: str
    country: str | None = None


@dataclass(frozen=True)
class Mention:
    """An actor as one sentence names it: the canonical actor, the surface text, and the
    role or sector the text adds ("foreign ministry" for "the Russian Foreign Ministry")."""

    actor: Actor
    text: str
    role: str | None = None
    rule: str | None = None  # the named rule that resolved it (newsgraph.nlp.rules)


@dataclass(frozen=True)
class Occurrence:
    """One place where an article names an actor, kept in the graph as a `:Mention` node: the
    words an analyst can check the actor against, where they stand, and the rule that read
    them as that actor. `newsgraph resolve` re-points it when a curated merge changes the
    actor, without the text."""

    actor: Actor
    text: str  # the noun phrase's core as written ("the Russian Foreign Ministry", "she")
    sentence_index: int
    start: int  # character offsets of `text` in the article text
    end: int
    rule: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Affiliation:
    """`person` belongs to `organisation` (Zakharova -> Russia) in `role`, from `since` to
    `until` (ISO dates). `basis` says where it comes from: "stated" by the article (the dates
    are the article's), or a "curated" office of a known person (the dates are its term)."""

    person: Actor
    organisation: Actor
    role: str | None = None
    since: str | None = None
    until: str | None = None
    basis: str = "stated"


@dataclass(frozen=True)
class Action:
    lemma: str
    text: str
    category: str = "OTHER"
    score: float = 0.0
    negated: bool = False
    modality: str | None = None  # None (asserted), "requested", "possible", "planned", ...
    mode: str | None = None  # the PLOVER mode that refines the category: "visit", "aerial", ...


@dataclass(frozen=True)
class Event:
    """One claim in one sentence: `source` performs `action` toward `target`."""

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    start: int  # character offsets of the sentence in the article text
    end: int
    source: Mention
    action: Action
    target: Mention | None
    reported_by: Mention | None = None
    confidence: float = 0.5
    rule: tuple[str, ...] = ()  # the named rules that read it off the parse, in order
    token: int | None = None  # the verb's token index in the article: with the participants, the id


def record_place(doc: str, record: int | None) -> str:
    """A record's place for messages: `file.csv#12`."""
    return f"{doc}#{record}" if record is not None else doc


@dataclass(frozen=True)
class Article:
    """One news article as read from a corpus. `doc` is the file path as the user gave it,
    `record` the row or line number in a tabular file, `id` a hash of url or content."""

    id: str
    doc: str
    title: str
    text: str
    content_hash: str
    url: str | None = None
    published: str | None = None  # ISO date
    source: str | None = None
    language: str = "en"
    record: int | None = None

    @property
    def where(self) -> str:
        return record_place(self.doc, self.record)


@dataclass(frozen=True)
class ExtractedArticle:
    """Everything extraction learned from one article; the unit a store writes in one
    transaction so that an article is never half-written."""

    article: Article
    pipeline_version: str
    sentence_count: int
    word_count: int
    events: tuple[Event, ...] = ()
    mentions: tuple[tuple[Actor, int], ...] = ()  # every actor the article names, with a count
    affiliations: tuple[Affiliation, ...] = ()
    occurrences: tuple[Occurrence, ...] = ()  # each place it names an actor, in text order
