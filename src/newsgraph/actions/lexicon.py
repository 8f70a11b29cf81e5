"""Map news verbs and light-verb nouns to a PLOVER category and a cooperation score.

The vocabulary is data (`data/verbs.toml`, format in README.md beside this file) so that
analysts can extend it without touching code. This module parses it once, at import,
into plain dicts and frozensets: the extractor asks about every verb of every sentence,
so a lookup must be a handful of dict probes and nothing more.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newsgraph.graph.records import PLOVER_CATEGORIES, PLOVER_MODES

__all__ = [
    "INTENT_VERBS", "MODALITIES", "NEGATING_VERBS", "POSSIBLE_MODALS",
    "REQUEST_VERBS", "SPEECH_VERBS", "THREAT_VERBS", "UNKNOWN", "Classification",
    "Lexicon", "LexiconError", "classify", "classify_noun", "default_lexicon", "is_light_verb",
]

MODALITIES = frozenset({"request", "threat", "intent", "possible"})
SCORE_MIN, SCORE_MAX = -10.0, 10.0

_FRAMES = ("speech", "intent", "request", "threat", "negating", "possible")
_ENTRY_TABLES = ("verbs", "phrasal", "prepositional", "nouns", "pairs")
_TABLES = frozenset((*_ENTRY_TABLES, "light_verbs", "aliases", "frames", "modes"))
_ENTRY_FIELDS = frozenset({"category", "score", "modality", "keep_lemma"})

_PACKAGE = "newsgraph.actions"
_VerbKey = tuple[str, str | None, str | None]  # (lemma, particle, preposition)


@dataclass(frozen=True, slots=True)
class Classification:
    """What a verb or event noun means: a PLOVER `category`, a `score` from -10 (most
    hostile) to +10 (most cooperative), whether the lexicon `known` the word (False is
    the OTHER fallback), and a `modality` hint for the event the word governs: the
    embedded verb of "urge" is requested, the noun of "offered aid" intended; None means
    asserted."""

    category: str
    score: float
    known: bool
    modality: str | None = None
    keep_lemma: bool = False
    """For an object noun: the event keeps the verb's lemma ("sent troops" is `send`,
    "launched a missile" is `launch`) and takes only its category and score from the noun."""


UNKNOWN = Classification("OTHER", 0.0, False)


class LexiconError(ValueError):
    """A lexicon file breaks the format; the message names the file, table and key, so a
    typo in a user's extension fails at load time rather than silently scoring OTHER."""


def _words(text: str) -> str:
    """Lowercase with single spaces: the one form in which keys are stored and looked up."""
    return " ".join(text.lower().split())


def _noun(text: str) -> str:
    """Nouns also read hyphens as spaces ("air-strike", "no-fly zone")."""
    return _words(text.replace("-", " "))


def _singular(noun: str) -> str:
    """Crude plural stripping, only a fallback for callers that pass surface text."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun


def _noun_candidates(noun: str) -> Iterator[str]:
    """Most specific first: the whole compound, then shorter tails down to the head
    ("joint military exercise" -> "military exercise" -> "exercise"), each also singular."""
    words = noun.split(" ")
    for start in range(len(words)):
        tail = " ".join(words[start:])
        yield tail
        singular = _singular(tail)
        if singular != tail:
            yield singular


def _modality(where: str, value: Any) -> str | None:
    if value is None or value in MODALITIES:
        return value
    raise LexiconError(f"{where}: modality {value!r} is not one of {sorted(MODALITIES)}")


def _entry(where: str, value: Any) -> Classification:
    if not isinstance(value, Mapping):
        raise LexiconError(f"{where}: expected {{ category = ..., score = ... }}")
    if unknown := set(value) - _ENTRY_FIELDS:
        raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
    category, score = value.get("category"), value.get("score")
    if category not in PLOVER_CATEGORIES:
        raise LexiconError(f"{where}: category {category!r} is not a PLOVER category")
    if isinstance(score, bool) or not isinstance(score, int | float):
        raise LexiconError(f"{where}: score must be a number, got {score!r}")
    if not SCORE_MIN <= score <= SCORE_MAX:
        raise LexiconError(f"{where}: score {score} is outside [{SCORE_MIN}, {SCORE_MAX}]")
    keep = value.get("keep_lemma", False)
    if not isinstance(keep, bool):
        raise LexiconError(f"{where}: keep_lemma must be true or false, got {keep!r}")
    return Classification(category, float(score), True, _modality(where, value.get("modality")), keep)


def _verb_key(table: str, key: str, where: str) -> _VerbKey:
    words = _words(key).split(" ")
    if table == "verbs" and len(words) == 1:
        return words[0], None, None
    if table == "phrasal" and len(words) == 2:
        return words[0], words[1], None
    if table == "prepositional" and len(words) in (2, 3):
        return words[0], (words[1] if len(words) == 3 else None), words[-1]
    shapes = {"verbs": "one word", "phrasal": "'lemma particle'",
              "prepositional": "'lemma [particle] preposition'"}
    raise LexiconError(f"{where}: [{table}] keys must be {shapes[table]}")


def _pattern(key: _VerbKey) -> str:
    return " ".join(word for word in key if word)


class Lexicon:
    """Lookup tables built from lexicon documents (parsed TOML). Later documents override
    entries of earlier ones and add to their frames; the result is immutable, so one
    instance can be shared by every worker thread."""

    def __init__(self, documents: Iterable[tuple[str, Mapping[str, Any]]]) -> None:
        verbs: dict[_VerbKey, Classification] = {}
        nouns: dict[str, Classification] = {}
        pairs: dict[tuple[str, str], Classification] = {}
        light: dict[str, str | None] = {}
        keep: set[str] = set()  # light verbs whose own lemma names the event
        aliases: dict[str, str] = {}
        origin: dict[object, str] = {}  # pair and alias keys -> file, for error messages
        frames: dict[str, set[str]] = {name: set() for name in _FRAMES}
        modes: dict[tuple[str, str], str] = {}
        for source, doc in documents:
            for key, value in doc.get("modes", {}).items():
                category, _, word = key.partition(" ")
                where = f"{source}: [modes] {key!r}"
                if category not in PLOVER_MODES or not _words(word):
                    raise LexiconError(f"{where}: keys must be 'CATEGORY word' for a category with modes")
                if value not in PLOVER_MODES[category]:
                    raise LexiconError(f"{where}: {value!r} is not a mode of {category} {sorted(PLOVER_MODES[category])}")
                modes[category, _words(word)] = value
            if unknown := set(doc) - _TABLES:
                raise LexiconError(f"{source}: unknown table(s) {sorted(unknown)}")
            for table in ("verbs", "phrasal", "prepositional"):
                for key, value in doc.get(table, {}).items():
                    where = f"{source}: [{table}] {key!r}"
                    verbs[_verb_key(table, key, where)] = _entry(where, value)
            for key, value in doc.get("nouns", {}).items():
                nouns[_noun(key)] = _entry(f"{source}: [nouns] {key!r}", value)
            for key, value in doc.get("light_verbs", {}).items():
                where = f"{source}: [light_verbs] {key!r}"
                if not isinstance(value, Mapping) or set(value) - {"modality", "keep_lemma"}:
                    raise LexiconError(f"{where}: expected {{}}, {{ modality = ... }} or {{ keep_lemma = true }}")
                light[_words(key)] = _modality(where, value.get("modality"))
                if value.get("keep_lemma", False) is True:
                    keep.add(_words(key))
                else:
                    keep.discard(_words(key))
            for key, value in doc.get("pairs", {}).items():
                where = f"{source}: [pairs] {key!r}"
                verb, plus, noun = key.partition("+")
                if not plus or not _words(verb) or not _noun(noun):
                    raise LexiconError(f"{where}: keys must be 'light verb + noun'")
                pairs[_words(verb), _noun(noun)] = _entry(where, value)
                origin[_words(verb), _noun(noun)] = source
            for key, value in doc.get("aliases", {}).items():
                if not isinstance(value, str) or not _words(value):
                    raise LexiconError(f"{source}: [aliases] {key!r}: expected a word")
                aliases[_words(key)] = _words(value)
                origin[_words(key)] = source
            for name, members in doc.get("frames", {}).items():
                if name not in frames:
                    raise LexiconError(f"{source}: [frames] {name!r} is not one of {_FRAMES}")
                if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
                    raise LexiconError(f"{source}: [frames] {name!r}: expected a list of words")
                frames[name].update(_words(m) for m in members)
        self._verbs, self._nouns, self._pairs, self._modes = verbs, nouns, pairs, modes
        self._phrasal = frozenset((verb, particle) for verb, particle, _ in verbs if particle)
        self._light, self._aliases, self._keep = light, aliases, frozenset(keep)
        self._check_references(frames, origin)
        for key, hit in verbs.items():
            if hit.modality is not None:
                frames[hit.modality].add(_pattern(key))
        for alias, word in aliases.items():  # "emphasise" is a speech verb like "emphasize"
            for members in frames.values():
                if word in members:
                    members.add(alias)
        self.speech_verbs = frozenset(frames["speech"])
        self.intent_verbs = frozenset(frames["intent"])
        self.request_verbs = frozenset(frames["request"])
        self.threat_verbs = frozenset(frames["threat"])
        self.negating_verbs = frozenset(frames["negating"])
        self.possible_modals = frozenset(frames["possible"])
        self.verb_entries: Mapping[str, Classification] = MappingProxyType(
            {_pattern(key): hit for key, hit in verbs.items()})
        self.noun_entries: Mapping[str, Classification] = MappingProxyType(dict(nouns))

    def _check_references(self, frames: Mapping[str, set[str]],
                          origin: Mapping[object, str]) -> None:
        """Pairs must name a light verb and aliases an existing word, or they are dead."""
        for verb, noun in self._pairs:
            if self._light_key(verb) not in self._light:
                where = f"{origin[verb, noun]}: [pairs] '{verb} + {noun}'"
                raise LexiconError(f"{where}: {verb!r} is not a light verb")
        words = {key[0] for key in self._verbs} | {key.split(" ")[0] for key in self._light}
        words |= set(self._nouns).union(*frames.values())
        for alias, word in self._aliases.items():
            where = f"{origin[alias]}: [aliases] {alias!r}"
            if alias in words:
                raise LexiconError(f"{where} is itself an entry; drop the alias")
            if word not in words:
                raise LexiconError(f"{where} -> {word!r}: no such entry")

    @classmethod
    def from_files(cls, *paths: str | os.PathLike[str], bundled: bool = True) -> Lexicon:
        """The bundled lexicon (unless `bundled=False`) extended by `paths`, in order."""
        documents: list[tuple[str, Mapping[str, Any]]] = []
        if bundled:
            text = (resources.files(_PACKAGE) / "data" / "verbs.toml").read_text("utf-8")
            documents.append(("verbs.toml", _parse("verbs.toml", text)))
        for path in paths:
            documents.append((str(path), _parse(str(path), Path(path).read_text("utf-8"))))
        return cls(documents)

    def classify(self, lemma: str, particle: str | None = None,
                 prep: str | None = None) -> Classification:
        """Classify a verb, most specific pattern first: lemma+particle+prep,
        lemma+particle, lemma+prep, then the same with particle and preposition swapped
        (spaCy tags "on" in "called on Iran" and "out" in "pulled out of" either way),
        then the bare lemma. `lemma` may also be a pattern string ("pull out of")."""
        words = _words(lemma).split(" ")
        if len(words) > 1 and particle is None and prep is None and len(words) <= 3:
            particle = words[1]
            prep = words[2] if len(words) == 3 else None
        elif len(words) != 1:
            return UNKNOWN
        lem = self._aliases.get(words[0], words[0])
        p = _words(particle) if particle else None
        r = _words(prep) if prep else None
        get = self._verbs.get
        hit = get((lem, p, r)) if p and r else None
        if hit is None and p:
            hit = get((lem, p, None))
        if hit is None and r:
            hit = get((lem, None, r))
        if hit is None and p:
            hit = get((lem, None, p))
        if hit is None and r:
            hit = get((lem, r, None))
        if hit is None:
            hit = get((lem, None, None))
        return UNKNOWN if hit is None else hit

    def canonical(self, lemma: str) -> str:
        """One spelling per word, the lexicon's own ("criticise" -> "criticize"), so that an
        analyst queries one action, whatever the article's spelling."""
        return " ".join(self._aliases.get(word, word) for word in _words(lemma).split(" "))

    def mode(self, category: str, lemma: str) -> str | None:
        """The PLOVER mode of an event: the [modes] entry for its category and lemma, or for
        the lemma's last word ("air strike" -> "strike"), or the category's default ("*")."""
        words = _words(lemma)
        return (self._modes.get((category, words)) or self._modes.get((category, words.split(" ")[-1]))
                or self._modes.get((category, "*")))

    def mode_of_words(self, category: str, lemmas: list[str]) -> str | None:
        """The mode the first of these words gives an event of `category`, a word and the one
        before it read together first ("human rights", "war crimes"); None when none does."""
        for i, word in enumerate(lemmas):
            for words in ((f"{lemmas[i - 1]} {word}",) if i else ()) + (word,):
                if (found := self._modes.get((category, words))) is not None:
                    return found
        return None

    def is_phrasal(self, lemma: str, particle: str) -> bool:
        """Whether the lexicon lists the verb with this particle ("shoot down", "pull out"):
        then the two are one action, even where they classify like the verb alone."""
        lem = self._aliases.get(_words(lemma), _words(lemma))
        p = _words(particle)
        return (lem, p) in self._phrasal

    def classify_noun(self, lemma: str, light_verb: str | None = None) -> Classification | None:
        """Classify the object noun of a light verb ("air strike" after "conduct"); None
        when it is no event noun, so the caller falls back to the verb itself ("struck a
        hospital" stays the ASSAULT of "strike", "struck a deal" becomes AGREE)."""
        verb = self._light_key(light_verb) if light_verb else None
        verb_modality = self._light.get(verb) if verb else None
        keys = [self._aliases.get(key, key) for key in _noun_candidates(_noun(lemma))]
        # The longest form wins, a pair before a noun of the same form ("lodged a protest" is
        # the pair); a pair with a shorter form only refines a noun of the same kind of act:
        # "restored full diplomatic relations" is "restore + relation", but "began air
        # strikes" is no "begin + strike" protest.
        noun = next(((at, hit) for at, key in enumerate(keys) if (hit := self._nouns.get(key)) is not None), None)
        pair = next(((at, hit) for at, key in enumerate(keys)
                     if (hit := self._pairs.get((verb, key))) is not None), None) if verb else None
        chosen = pair if pair is not None and (
            noun is None or pair[0] <= noun[0] or pair[1].category == noun[1].category) else noun
        if chosen is None:
            return None
        hit = chosen[1]
        if verb_modality and hit.modality is None:
            hit = replace(hit, modality=verb_modality)
        if verb in self._keep and not hit.keep_lemma:
            hit = replace(hit, keep_lemma=True)
        return hit

    def is_light_verb(self, lemma: str, particle: str | None = None) -> bool:
        """True for verbs whose meaning lies in their object ("held talks", "carry out")."""
        return self._light_key(f"{lemma} {particle}" if particle else lemma) in self._light

    def _light_key(self, text: str) -> str:
        first, _, rest = _words(text).partition(" ")
        first = self._aliases.get(first, first)
        return f"{first} {rest}" if rest else first


def _parse(source: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{source}: {error}") from error


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled lexicon plus the files of the `action_lexicon` setting
    ($NEWSGRAPH_ACTION_LEXICON), layered over it so a user can add or re-score words without
    editing the installed package; built once per process."""
    from newsgraph.config import get_settings

    return Lexicon.from_files(*get_settings().action_lexicon_files)


_DEFAULT = default_lexicon()

REQUEST_VERBS: frozenset[str] = _DEFAULT.request_verbs
"""Verbs whose embedded verb is asked for, not done: "urged Iran to halt enrichment"."""
INTENT_VERBS: frozenset[str] = _DEFAULT.intent_verbs
"""Verbs whose embedded verb is planned or sought: "plans to impose sanctions"."""
THREAT_VERBS: frozenset[str] = _DEFAULT.threat_verbs
"""Verbs whose embedded verb is threatened: "threatened to cut off gas"."""
SPEECH_VERBS: frozenset[str] = _DEFAULT.speech_verbs
"""Verbs of reported speech; their clausal complement holds the reported event."""
NEGATING_VERBS: frozenset[str] = _DEFAULT.negating_verbs
"""Verbs that negate their embedded verb: "refused to meet" is no meeting."""
POSSIBLE_MODALS: frozenset[str] = _DEFAULT.possible_modals
"""Modal auxiliaries that make an event merely possible: may, might, could."""


def classify(lemma: str, particle: str | None = None, prep: str | None = None) -> Classification:
    """Classify a verb with the default lexicon; see `Lexicon.classify`."""
    return _DEFAULT.classify(lemma, particle, prep)


def canonical(lemma: str) -> str:
    """See `Lexicon.canonical`."""
    return _DEFAULT.canonical(lemma)


def mode(category: str, lemma: str) -> str | None:
    """See `Lexicon.mode`."""
    return _DEFAULT.mode(category, lemma)


def mode_of_words(category: str, lemmas: list[str]) -> str | None:
    """See `Lexicon.mode_of_words`."""
    return _DEFAULT.mode_of_words(category, lemmas)


def is_phrasal(lemma: str, particle: str) -> bool:
    """See `Lexicon.is_phrasal`."""
    return _DEFAULT.is_phrasal(lemma, particle)


def classify_noun(lemma: str, light_verb: str | None = None) -> Classification | None:
    """Classify a light verb's object noun with the default lexicon; see
    `Lexicon.classify_noun`."""
    return _DEFAULT.classify_noun(lemma, light_verb)


def is_light_verb(lemma: str, particle: str | None = None) -> bool:
    """Whether the default lexicon treats the verb as light; see `Lexicon.is_light_verb`."""
    return _DEFAULT.is_light_verb(lemma, particle)
