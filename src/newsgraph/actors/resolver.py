"""Resolve the surface text of a noun phrase to a canonical actor.

The extractor calls `Resolver.resolve` for the subject and object of every sentence, so
everything is a dictionary lookup on keys normalised once by the gazetteer: a phrase of
n words costs O(n) lookups, never a scan over the ~1,400 aliases, and repeated phrases
("the Kremlin", "Russia") come from a bounded cache.

Rules, tried in this order on the phrase without leading determiners:

1. exact alias: "Moscow", "the Kremlin" (Russia, role "presidency"), "NATO", "Daesh";
2. people: a plural demonym, "the Russians" (Russia, role "people");
3. "<state>-led coalition": "the US-led coalition" (United States, role "coalition");
4. state + body head: "the Russian Foreign Ministry", "Iran's military", "US troops",
   "Syrian Government forces" (the state, role of the head: "foreign ministry",
   "military"); a metonym keeps its own role ("Kremlin officials": "presidency");
5. "<body head> of <state>": "the government of Syria"; "<generic> of X": "a group of
   activists of ... the White Helmets" resolves X;
6. X + generic head: "Tahrir al-Sham terrorists", "HTS fighters", "Idlib province";
7. a known alias at the end of the phrase after lower-case modifiers: "the so-called White
   Helmets", "US-backed Syrian Democratic Forces", "Syria's Idlib". Not anywhere after a
   preposition or a conjunction ("victims of ISIS", "a school in eastern Aleppo"), not
   right after "pro-"/"anti-" ("anti-ISIS coalition"), and not right after a capitalised
   word, which makes it part of another name ("New Mexico", "Northern Ireland"), unless
   that word is the actor's own state ("Lebanese Hezbollah") or descriptive ("Kurdish");
8. an office title: "Russian Foreign Ministry spokeswoman" (see `affiliation`).

Anything else is None: "terrorists", "civilians", "Syrian civilians", "the idea". The
resolver never invents a person: the extractor finds persons with spaCy's NER and builds
them with `person`.

Roles are lower-case strings. A body head gives the sector ("foreign ministry",
"military", "government", "diplomacy", ...: the values of [heads] in curated.toml). An
affiliation gives "<position>" ("president"), "<position>, <body role>" ("spokeswoman,
foreign ministry") or "<body role>" alone when there is no position. Positions are the
normalised words of the title (lower case, no accents, hyphens as spaces:
"secretary general").
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import re
from pathlib import Path

from newsgraph.actors.gazetteer import (
    DETERMINERS,
    Entry,
    Gazetteer,
    Token,
    alias_key,
    join,
    tokenize,
)
from newsgraph.actors.persons import Persons, person
from newsgraph.graph.records import Actor, Mention

Hit = tuple[Actor, str | None]  # the actor and the role the phrase adds

# Leading words that never change which actor a phrase names.
_LEADING = DETERMINERS | {
    "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my",
    "some", "several", "many", "few", "both", "all", "any", "each", "every", "other",
    "another", "such", "more", "most", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "numerous",
    # quantities: "at least 30 al-Shabaab fighters", "about 200 Houthi fighters"
    "at", "least", "about", "around", "nearly", "almost", "roughly", "approximately", "than",
    "over", "up", "to", "estimated", "an",
    # rank and mood: "Senior Hungarian officials", "angry Kenyan farmers"
    "senior", "top", "high-ranking", "junior", "local", "angry", "striking",
}
# A known name right after one of these is not what the phrase names ("anti-ISIS").
_BLOCK_BEFORE = frozenset({
    "pro", "anti", "counter", "non", "ex", "post", "pre", "neo", "former",
})
# Nor anywhere after one of these: the name is then inside a complement ("the bombing of
# a school in eastern Aleppo", "victims of ISIS", "Russia and China").
_BLOCK_ANYWHERE_BEFORE = frozenset({
    "and", "or", "nor", "but", "with", "without", "of", "in", "on", "at", "from", "to",
    "by", "for", "against", "between", "near", "into", "over", "under", "versus", "vs",
    "than", "like", "about", "after", "before", "toward", "towards", "via", "across",
    "inside", "outside", "within", "around", "through", "beyond", "during", "amid",
})
# Capitalised words that describe a group rather than start another name, so a known
# name may follow them ("the Kurdish YPG", "Sunni Hamas").
_DESCRIPTIVE = frozenset({
    "kurdish", "arab", "sunni", "shia", "shiite", "alawite", "druze", "islamist",
    "jihadist", "salafist", "salafi", "christian", "muslim", "jewish", "turkmen",
    "pashtun", "yazidi", "baloch",
})
_PARENTHESES = re.compile(r"\([^()]*\)")
_LED_HEADS = frozenset({"coalition", "forces", "force", "troops", "alliance", "mission"})
# Kinds that have bodies: "NATO forces" is NATO's military, "Hamas officials" is Hamas.
_STATE_LIKE = frozenset({"country", "igo", "government_body"})
# Kinds whose groups have sectors: "Kurdish rebels" are the Kurds as rebels, as "Syrian
# rebels" are Syria's; "Hezbollah fighters" are just Hezbollah.
_SECTORED = _STATE_LIKE | {"people"}
# Last (or first, before "of") words that make a name a state body when a state owns it.
_BODY_WORDS = frozenset({
    "ministry", "department", "service", "services", "agency", "council", "office", "committee",
    "commission", "bureau", "directorate", "command", "army", "navy", "guard", "police",
    "parliament", "assembly", "court", "embassy", "mission", "authority", "forces", "force",
    "administration", "secretariat", "cabinet", "junta", "rulers", "coast guard",
})
_MAX_DEPTH = 8
_CACHE_SIZE = 100_000


class Resolver:
    """Noun phrase -> `Mention` of a canonical actor. Picklable (plain dicts), so a Dask
    worker may receive one; building one with `default()` takes well under a second."""

    def __init__(self, gazetteer: Gazetteer, persons: Persons | None = None) -> None:
        self.gazetteer = gazetteer
        self.persons = persons if persons is not None else Persons.load()
        self._aliases = gazetteer.aliases
        self._demonyms = gazetteer.demonyms
        self._heads = gazetteer.heads
        self._generic = gazetteer.generic_heads
        self._titles = gazetteer.office_titles
        self._max_alias = gazetteer.max_alias_words
        self._max_head = gazetteer.max_head_words
        # "the Russians", "the British", "the Chinese": the state's people.
        self._people: dict[str, Actor] = {}
        self._add_people(gazetteer.demonyms)
        self._cache: dict[str, Mention | None] = {}
        self._merged: dict[str, Actor] = {}
        for source, (into, name, country) in gazetteer.merges.items():
            known = gazetteer.actors.get(into) or (self.persons.get(into).actor if self.persons.get(into) else None)
            if known is None and name is None:
                raise ValueError(f"merge into {into!r}: an actor the gazetteer does not know needs a name")
            self._merged[source] = known or Actor(into, name, into.partition(":")[0], country)

    def _add_people(self, demonyms: dict[str, Actor]) -> None:
        for key, actor in demonyms.items():
            if key.endswith(("ese", "sh", "ch", "ss")):
                self._people[key] = actor
            elif not key.endswith("s"):
                self._people[key + "s"] = actor

    def choosing(self, choices: dict[str, Actor]) -> Resolver:
        """This resolver with the nationality words several states share read as the one an
        article chose ("Congolese" in an article about Kinshasa: the DR Congo). A copy with its
        own cache: the shared one keeps the reading that chooses nothing."""
        keyed = {alias_key(word): actor for word, actor in choices.items()}
        chosen = copy.copy(self)
        chosen._demonyms = {**self._demonyms, **keyed}
        chosen._people = dict(self._people)
        chosen._add_people(keyed)
        chosen._cache = {}
        return chosen

    def __getstate__(self) -> dict[str, object]:
        """Pickle without the cache: a worker fills its own."""
        return {**self.__dict__, "_cache": {}}

    @classmethod
    def default(cls, extra_aliases: Path | None = None) -> Resolver:
        """The shipped gazetteer (parsed once per process) plus an optional user file."""
        return cls(Gazetteer.load(extra_aliases), Persons.load(extra_aliases))

    # ------------------------------------------------------------------ public API

    def lookup(self, text: str) -> Mention | None:
        """The actor a noun phrase names, with the role it adds, or None."""
        if text in self._cache:
            return self._cache[text]
        # "the Syrian Democratic Forces (SDF)": the parenthesis repeats the name.
        bare = _PARENTHESES.sub(" ", text) if "(" in text else text
        hit = self._core(self._strip(tokenize(bare)), 0)
        mention = None if hit is None else Mention(hit[0], text, hit[1])
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[text] = mention
        return mention

    def ambiguous(self, text: str) -> tuple[Actor, ...]:
        """The actors a name that several go by may mean ("Congo": the two Congos); empty for
        any other name."""
        return self.gazetteer.ambiguous.get(join(self._strip(tokenize(text))), ())

    def group_role(self, noun: str) -> str | None:
        """The sector a group noun gives its state ("residents": civilians), or None."""
        return self._heads.get(join(tokenize(noun)))

    def affiliation(self, title_text: str) -> Mention | None:
        """The organisation a title or apposition speaks for, with the position as role.

        "Russian Foreign Ministry spokeswoman" -> Russia, "spokeswoman, foreign ministry";
        "US President" -> United States, "president"; "spokesman of the Kremlin" ->
        Russia, "spokesman, presidency". Pass the title without the person's name."""
        hit = self._affiliation(self._strip(tokenize(title_text)))
        return None if hit is None else Mention(hit[0], title_text, hit[1])

    def demonym(self, word: str) -> Actor | None:
        """The state of a nationality adjective: "Russian" -> Russia, "U.S." -> United
        States; plural nouns too ("Syrians")."""
        tokens = self._strip(tokenize(word))
        key = join(tokens)
        actor = self._demonyms.get(key) or self._people.get(key)
        if actor is None:
            entry = self._entry(tokens)  # "US", which is an exact-case alias
            if entry is not None and entry.actor.kind == "country" and entry.role is None:
                actor = entry.actor
        return actor

    @property
    def merged_ids(self) -> list[str]:
        """The ids curated merges make into others."""
        return sorted(self._merged)

    def canonical(self, actor: Actor) -> Actor:
        """The actor a curated merge makes this one ("person:zakharova" -> Maria Zakharova);
        itself otherwise. The last step of every resolution, so a clean run with the merge
        gives the graph `newsgraph resolve` makes of an old one."""
        merged = self._merged.get(actor.id)
        if merged is None:
            return actor
        if merged.country is None and actor.country is not None:
            return dataclasses.replace(merged, country=actor.country)
        return merged

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, if the gazetteer knows it."""
        return self.gazetteer.actors.get(actor_id)

    @staticmethod
    def person(name: str, country: str | None = None) -> Actor:
        """A person actor with a deterministic id: "Maria Zakharova" ->
        `person:maria-zakharova`. Courtesy titles and a possessive are dropped; the
        extractor decides which names are persons (spaCy's NER)."""
        return person(name, country)

    # ------------------------------------------------------------------ rules

    @staticmethod
    def _strip(tokens: list[Token]) -> list[Token]:
        start = 0
        while start < len(tokens) - 1 and (
            tokens[start].norm in _LEADING or tokens[start].norm.isdigit()
        ) and tokens[start + 1].norm != "of":
            start += 1
        return tokens[start:]

    def _entry(self, tokens: list[Token]) -> Entry | None:
        entry = self._aliases.get(join(tokens))
        if entry is not None and entry.case is not None \
                and " ".join(t.raw for t in tokens) != entry.case:
            return None
        return entry

    def _core(self, tokens: list[Token], depth: int) -> Hit | None:
        if not tokens or depth > _MAX_DEPTH:
            return None
        entry = self._entry(tokens)
        if entry is not None:
            return entry.actor, entry.role
        people = self._people.get(join(tokens))
        if people is not None:
            return people, "people"
        return (
            self._compound(tokens, depth)
            or self._of(tokens, depth)
            or self._generic_tail(tokens, depth)
            or self._suffix(tokens)
            or self._title(tokens, depth)
            or self._named_body(tokens, depth)
        )

    def _org(self, tokens: list[Token], depth: int) -> Hit | None:
        """A state or organisation, bare or with a body: the left part of a title."""
        if not tokens or depth > _MAX_DEPTH:
            return None
        entry = self._entry(tokens)
        if entry is not None:
            return entry.actor, entry.role
        demonym = self._demonyms.get(join(tokens))
        if demonym is not None:
            return demonym, None
        return self._compound(tokens, depth)

    def _compound(self, tokens: list[Token], depth: int) -> Hit | None:
        """"the US-led coalition", "the Russian Foreign Ministry", "Iran's military"."""
        n = len(tokens)
        if n >= 3 and tokens[-2].norm == "led" and tokens[-1].norm in _LED_HEADS:
            leader = self._org(tokens[:-2], depth + 1)
            if leader is not None:
                return leader[0], "coalition"
        for size in range(min(self._max_head, n - 1), 0, -1):
            role = self._heads.get(join(tokens[n - size:]))
            if role is None:
                continue
            owner = self._org(tokens[:n - size], depth + 1)
            # "Niger's new rulers", "Iran's interim government": descriptive words between.
            trim = n - size
            while owner is None and trim > 1 and trim > n - size - 2 \
                    and tokens[trim - 1].raw.isalpha() and tokens[trim - 1].raw.islower() \
                    and not tokens[trim - 1].norm.endswith("ed"):  # "US-backed forces" are not US
                trim -= 1
                owner = self._org(tokens[:trim], depth + 1)
            if owner is not None:
                actor, own_role = owner
                if actor.kind not in _SECTORED:
                    return actor, own_role
                if trim and self._heads.get(tokens[trim - 1].norm) is not None:
                    # "Mali's military government": the head noun says which body, a sector
                    # word before it only describes it (a metonym's role stays: "Kremlin
                    # officials" are the presidency)
                    return actor, role
                return actor, own_role or role
        return None

    def _named_body(self, tokens: list[Token], depth: int) -> Hit | None:
        """A state's or an IGO's body by its own name: "India's Ministry of External Affairs",
        "the US Treasury Department", "the African Union Transition Mission in Somalia". The
        name is no curated head, but its first or last word says it is a body; the role is
        the name."""
        n = len(tokens)
        for cut in range(1, n):
            tail = tokens[cut:]
            if not all(t.raw[:1].isupper() or t.norm in ("of", "and", "for", "the") for t in tail):
                continue  # a name: "US-backed Syrian Democratic Forces" is no US body
            if not (tail[-1].norm in _BODY_WORDS
                    or (len(tail) > 2 and tail[0].norm in _BODY_WORDS and tail[1].norm == "of")):
                continue
            owner = self._org(tokens[:cut], depth + 1)
            if owner is not None and owner[0].kind in ("country", "igo"):
                return owner[0], owner[1] or join(tail)
        return None

    def _of(self, tokens: list[Token], depth: int) -> Hit | None:
        """"the government of Syria", "members of the Russian military"."""
        for i in range(1, len(tokens) - 1):
            if tokens[i].norm != "of":
                continue
            left, right = tokens[:i], self._strip(tokens[i + 1:])
            role = self._heads.get(join(left))
            if role is not None:
                hit = self._core(right, depth + 1)
                if hit is not None and hit[0].kind in _STATE_LIKE:
                    return hit[0], role
            if left[-1].norm in self._generic:
                hit = self._core(right, depth + 1)
                if hit is not None:
                    return hit
        return None

    def _generic_tail(self, tokens: list[Token], depth: int) -> Hit | None:
        """"Tahrir al-Sham terrorists": the named part of "<name> <generic noun>"."""
        if len(tokens) > 1 and tokens[-1].norm in self._generic:
            return self._core(tokens[:-1], depth + 1)
        return None

    def _suffix(self, tokens: list[Token]) -> Hit | None:
        """The longest known alias that ends the phrase, after allowed modifiers."""
        n = len(tokens)
        # A match may not start after a preposition or conjunction (it may contain one:
        # "Islamic State of Iraq and the Levant").
        last = next((i for i, t in enumerate(tokens) if t.norm in _BLOCK_ANYWHERE_BEFORE),
                    n - 1)
        for start in range(max(1, n - self._max_alias), min(n, last + 1)):
            entry = self._entry(tokens[start:])
            if entry is not None and self._may_follow(tokens[start - 1], entry.actor):
                return entry.actor, entry.role
        return None

    def _may_follow(self, previous: Token, actor: Actor) -> bool:
        if previous.norm in _BLOCK_BEFORE:
            return False
        if previous.possessive or previous.norm in _LEADING or previous.norm in _DESCRIPTIVE \
                or not previous.raw[:1].isupper():
            return True
        # A capitalised word joins the name ("New Mexico") unless it is the actor's own
        # state ("Lebanese Hezbollah", "US State Department").
        state = self._org([previous], _MAX_DEPTH)
        return state is not None and actor.country is not None \
            and state[0].country == actor.country

    def _title(self, tokens: list[Token], depth: int) -> Hit | None:
        if tokens[-1].norm in self._titles:
            return self._affiliation(tokens, depth)
        return None

    def _affiliation(self, tokens: list[Token], depth: int = 0) -> Hit | None:
        n = len(tokens)
        if n == 0:
            return None
        for i in range(1, n - 1):  # "spokesman of the Kremlin"
            if tokens[i].norm == "of":
                org = self._org(self._strip(tokens[i + 1:]), depth + 1)
                if org is not None:
                    return org[0], _compose(tokens[:i], org[1])
        for cut in range(n - 1, 0, -1):  # "Russian Foreign Ministry spokeswoman"
            org = self._org(tokens[:cut], depth + 1)
            if org is not None:
                return org[0], _compose(tokens[cut:], org[1])
        return self._org(tokens, depth + 1)


def _compose(position: list[Token], body_role: str | None) -> str | None:
    """The role of an affiliation: "<position>", "<position>, <body role>" or
    "<body role>"."""
    text = join(position)
    if not text:
        return body_role
    if body_role and body_role not in text:
        return f"{text}, {body_role}"
    return text


def forms_of(resolver: Resolver) -> dict[str, list[str] | None]:
    """Every lower-case form the resolver's gazetteer and known persons give each actor
    ("moscow", "kremlin" for Russia; "trump", "donald j trump" for Donald Trump), normalised as
    alias keys are (no dots, accents, hyphens or leading "the"); a merged-away actor's forms
    and name go to the actor it became ("zakharova" for Maria Zakharova after `actors merge
    person:zakharova person:maria-zakharova`). Written on Actor nodes as `aliases`, so a query
    finds an actor by any of them."""
    forms: dict[str, set[str]] = {}
    for key, entry in resolver.gazetteer.aliases.items():
        forms.setdefault(entry.actor.id, set()).add(key)
    persons = resolver.persons
    for known in persons.by_id.values():
        forms.setdefault(known.actor.id, set()).update(persons.forms(known.actor.id))
    for source in resolver.merged_ids:
        moved = forms.pop(source, set()) | {source.partition(":")[2].replace("-", " ")}
        forms.setdefault(resolver.canonical(Actor(source, source, source.partition(":")[0], None)).id,
                         set()).update(moved)
    # A form several actors share ("johnson", "bloomberg") would make a query mix them up.
    owners: dict[str, int] = {}
    for found in forms.values():
        for form in found:
            owners[form] = owners.get(form, 0) + 1
    return {actor_id: sorted(f for f in found if owners[f] == 1) or None
            for actor_id, found in forms.items() if any(owners[f] == 1 for f in found)}


@functools.cache
def known_forms() -> dict[str, list[str] | None]:
    """The forms of the shipped gazetteer and known persons alone: what every load writes
    (the user's file adds its own with `newsgraph.resolution`)."""
    return forms_of(Resolver.default())
