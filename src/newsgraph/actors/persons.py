"""Known persons: curated facts about office holders, and the rules that link a name in a text
to one of them.

A person's id is the slug of the name a text gives (`resolver.person`), so without memory
"Trump", "President Trump" and "Donald J. Trump" are three actors and none has a country. The
facts in `data/persons.toml` (heads of state and government, foreign and defence ministers,
leaders of IGOs and armed groups, the main US candidates; names, offices and their dates; no
text) plus an optional user file give each such person one id, a country, every full form news
uses, and the dated offices that become `AFFILIATED_WITH {role, since, until}`.

Linking is by parsed name parts (nameparser), never by a surname alone when another known person
shares it on the article's date:

- `person.known_name`: a full form ("Donald Trump", "Donald J. Trump", "Joseph R. Biden Jr.",
  "Vermont Bernie Sanders": a known full name at the end of the words);
- `person.known_surname`: a form used alone ("Trump", "President Trump", "Xi") names the one
  known person with that form who holds an office on the article's date (or the only one with
  that form), and only when the article names that person's state or organisation somewhere, or
  the title fits one of the person's offices ("Speaker Pelosi"). Two candidates: no link.

The article's own memory (a full name met in the article) always comes first: that is
`nlp.actors_in_text`'s job.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from nameparser import HumanName

from newsgraph.actors.gazetteer import QUOTES, join, tokenize
from newsgraph.graph.records import Actor

# Abbreviated titles news puts before a surname, and the role word each stands for.
_TITLE_WORDS = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president",
                "gen": "general", "secretary": "secretary", "minister": "minister"}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_KEYS = frozenset({"id", "name", "country", "aliases", "short", "office"})
_OFFICE_KEYS = frozenset({"org", "role", "since", "until"})


def norm(text: str) -> str:
    """The gazetteer's key of a name: case, accents, dots, hyphens and apostrophes folded."""
    return join(tokenize(text.replace("'", "").replace("’", "")))


@dataclass(frozen=True)
class Office:
    """A dated position: `role` of the actor `org` from `since` to `until` (ISO dates; None
    is open)."""

    org: str
    role: str
    since: str | None = None
    until: str | None = None

    def holds_on(self, date: str | None) -> bool:
        if date is None:
            return False
        day = date[:10]
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


@dataclass(frozen=True)
class KnownPerson:
    actor: Actor
    offices: tuple[Office, ...]

    def office_on(self, date: str | None) -> Office | None:
        """The office held on `date`, the latest begun if several."""
        held = [o for o in self.offices if o.holds_on(date)]
        return max(held, key=lambda o: o.since or "") if held else None

    def has_role(self, word: str) -> bool:
        return any(word in o.role.split() for o in self.offices)


class Persons:
    """The known persons, indexed by normalised full form, by (first, last) name parts and by
    the forms used alone. Plain dicts, so it pickles to Dask workers."""

    def __init__(self, people: Iterable[KnownPerson], full: dict[str, str],
                 parts: dict[tuple[str, str], str], short: dict[str, list[str]]) -> None:
        self.by_id = {p.actor.id: p for p in people}
        self._full = full
        self._parts = parts
        self._short = short

    @classmethod
    def load(cls, extra: Path | None = None) -> Persons:
        return _load(extra)

    def get(self, actor_id: str) -> KnownPerson | None:
        return self.by_id.get(actor_id)

    def by_full_name(self, name: str) -> KnownPerson | None:
        """The person a full name means: a known form, a known form after leading words that
        are no part of it ("Vermont Bernie Sanders", "Lady Melania Trump" if she is known), or
        the same first and last name ("Donald J. Trump")."""
        words = name.split()
        if len(words) < 2:
            return None
        for start in range(len(words) - 1):
            found = self._full.get(norm(" ".join(words[start:])))
            if found is not None:
                return self.by_id[found]
        parsed = _parse(name)
        if parsed.first and parsed.last and not parsed.suffix:  # "Donald Trump Jr." is his son
            found = self._parts.get((norm(parsed.first), norm(parsed.last)))
            if found is not None:
                return self.by_id[found]
        return None

    def by_short_name(self, text: str, date: str | None, context: set[str]) -> KnownPerson | None:
        """The one known person a form used alone ("Trump", "President Trump", "Sen.
        Sanders") can mean on `date`, given the actor ids and states the article names
        (`context`); None when none or two fit."""
        words = text.split()
        if not words or norm(words[-1]) not in self._short:
            return None
        parsed = _parse(text)
        if parsed.first and parsed.last:
            return None  # a full name the caller did not know: a different person
        word = parsed.last or parsed.first
        candidates = [self.by_id[i] for i in self._short.get(norm(word), ())] if word else []
        if not candidates:
            return None
        title = norm(parsed.title).split()
        role = _TITLE_WORDS.get(title[-1], title[-1]) if title else None
        if role is not None:
            fitting = [p for p in candidates if p.has_role(role)]
            if fitting:
                candidates = fitting
        active = [p for p in candidates if p.office_on(date) is not None]
        pool = active or candidates
        if len(pool) != 1:
            return None
        person = pool[0]
        named = {person.actor.id, f"country:{person.actor.country}"} | {o.org for o in person.offices}
        if (role is not None and person.has_role(role)) or named & context:
            return person
        return None

    def forms(self, actor_id: str) -> set[str]:
        """The normalised full and short forms of a known person."""
        return {key for key, pid in self._full.items() if pid == actor_id} | {
            key for key, ids in self._short.items() if actor_id in ids}

    def is_short_name(self, word: str) -> bool:
        return norm(word) in self._short


class _Parts(NamedTuple):
    title: str
    first: str
    last: str
    suffix: str


@functools.lru_cache(maxsize=100_000)
def _parse(name: str) -> _Parts:
    """nameparser's reading of a name, once per distinct string: it costs about 0.2 ms, and
    the same names come back in every article ("Donald Trump") and every entity sweep."""
    parsed = HumanName(name)
    return _Parts(parsed.title, parsed.first, parsed.last, parsed.suffix)


@functools.lru_cache(maxsize=100_000)
def person(name: str, country: str | None = None) -> Actor:
    """A person actor with a deterministic slug id: "Maria Zakharova" ->
    `person:maria-zakharova`. Leading titles ("Mr", "Lady", "Mayor": nameparser's list) and a
    possessive are dropped, so "Lady Melania Trump" is Melania Trump; the extractor decides
    which names are persons (spaCy's NER)."""
    words = name.translate(QUOTES).split()
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    if len(words) > 1:
        parsed = _parse(" ".join(words))
        if parsed.title and (parsed.first or parsed.last):
            titles = len(parsed.title.split())
            if titles < len(words) and " ".join(words[:titles]) == parsed.title:
                words = words[titles:]
    display = " ".join(words).strip(" ,;:'\"")
    folded = join(tokenize(display.replace("'", "")))
    slug = _NOT_SLUG.sub("-", folded).strip("-")
    if not slug:
        raise ValueError(f"no letters or digits in person name {name!r}")
    return Actor(f"person:{slug}", display, "person", country)


def _read(data: dict[str, Any], origin: str) -> list[tuple[KnownPerson, list[str], list[str]]]:
    person_actor = person
    out = []
    seen: set[str] = set()
    for entry in data.get("person", []):
        unknown = set(entry) - _KEYS
        if unknown:
            raise ValueError(f"{origin}: unknown keys {sorted(unknown)} in person {entry.get('id')!r}")
        name = entry["name"]
        actor_id = entry.get("id") or person_actor(name).id
        if actor_id != person_actor(name).id:
            raise ValueError(f"{origin}: person id {actor_id!r} is not the slug of {name!r} "
                             f"({person_actor(name).id!r})")
        if actor_id in seen:
            raise ValueError(f"{origin}: person {actor_id!r} appears twice")
        seen.add(actor_id)
        offices = []
        for office in entry.get("office", []):
            if set(office) - _OFFICE_KEYS or not {"org", "role"} <= set(office):
                raise ValueError(f"{origin}: person {actor_id!r} has an office with keys "
                                 f"{sorted(office)}; expected org, role, since, until")
            since, until = office.get("since"), office.get("until")
            if since is None:
                raise ValueError(f"{origin}: person {actor_id!r} has an office with no `since`: "
                                 "a term is known by its start (give the year's first day if unsure)")
            for day in (since, until):
                if day is not None and not (isinstance(day, str) and len(day) == 10 and day[4] == "-"):
                    raise ValueError(f"{origin}: person {actor_id!r}: {day!r} is no ISO date")
            offices.append(Office(office["org"], office["role"], since, until))
        actor = Actor(actor_id, name, "person", entry.get("country"))
        full = [name, *entry.get("aliases", [])]
        short = entry.get("short") or [name.split()[-1]]
        out.append((KnownPerson(actor, tuple(offices)), full, short))
    return out


@functools.cache
def _load(extra: Path | None) -> Persons:
    with resources.files("newsgraph.actors").joinpath("data/persons.toml").open("rb") as f:
        entries = _read(tomllib.load(f), "persons.toml")
    if extra is not None:
        with Path(extra).open("rb") as f:
            users = _read(tomllib.load(f), str(extra))
        ids = {p.actor.id for p, _, _ in users}
        entries = [e for e in entries if e[0].actor.id not in ids] + users
    full: dict[str, str] = {}
    parts: dict[tuple[str, str], str] = {}
    short: dict[str, list[str]] = {}
    ambiguous: set[tuple[str, str]] = set()
    shared: set[str] = set()
    for known, forms, shorts in entries:
        pid = known.actor.id
        for form in forms:
            if full.get(norm(form), pid) != pid:
                shared.add(norm(form))  # two known persons go by this full form: neither does
            full[norm(form)] = pid
            parsed = _parse(form)
            if parsed.first and parsed.last and not parsed.suffix:  # "Robert F. Kennedy Jr." is not his father
                key = (norm(parsed.first), norm(parsed.last))
                if parts.get(key, pid) != pid:
                    ambiguous.add(key)  # two known persons share first and last name
                parts[key] = pid
        for form in shorts:
            if " " in form.strip():  # "King Charles", "bin Salman": a full form of its own
                if full.get(norm(form), pid) != pid:
                    shared.add(norm(form))
                full[norm(form)] = pid
                continue
            ids = short.setdefault(norm(form), [])
            if pid not in ids:
                ids.append(pid)
    for key in ambiguous:
        del parts[key]
    for form in shared:
        del full[form]
    return Persons((known for known, _, _ in entries), full, parts, short)
