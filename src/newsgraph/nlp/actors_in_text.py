"""From a noun phrase in a parsed sentence to a canonical actor mention.

The gazetteer resolver works on strings; this module decides which strings of the phrase to
ask about (the named entity, the phrase's core, an actor-naming modifier) and keeps the
per-article memory that strings alone cannot: persons seen so far (a surname alone means the
full name met earlier), their affiliations, and the last person and group mentioned, which
pronouns refer to."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from nameparser.config import CONSTANTS as NAME_CONSTANTS
from spacy.tokens import Doc, Span, Token

from newsgraph.actors.resolver import Resolver, known_forms
from newsgraph.graph.records import Actor, Affiliation, Mention, Occurrence
from newsgraph.nlp import rules

# Left dependents that belong to a noun phrase's name ("the Russian Foreign Ministry").
CORE_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "npadvmod", "nummod", "quantmod", "punct"})
# Entity labels that name actors even when the gazetteer does not know them.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SECTORS = rules.words("sectors")
BORDER_NOUNS = rules.words("border_nouns")
GROUP_NOUNS = rules.words("group_nouns")
SPEAKING_NOUNS = rules.words("speaking_nouns")
RELATION_NOUNS = rules.words("relation_nouns")
CURRENCY_NOUNS = rules.words("currency_nouns")
OWNED_BODIES = rules.words("owned_bodies")
PERSON_PRONOUNS = rules.words("person_pronouns")
PRONOUN_GENDERS = {word: "she" if word in rules.words("female_pronouns") else "he" for word in PERSON_PRONOUNS}
FEMALE_TITLES = rules.words("female_titles")
MARKED_GENDER = "she"
MALE_TITLES = rules.words("male_titles")
GROUP_PRONOUNS = rules.words("group_pronouns")
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
# Rules that give a name the gazetteer does not know its kind from the article's words.
DESCRIBING_RULES = frozenset({"actor.described", "actor.appositive_unknown", "actor.organisation_not_person"})
QUANTIFIERS = rules.words("quantifiers")
SPEAKER_PRONOUNS = rules.words("speaker_pronouns")
SINGULAR_SPEAKER = frozenset({"i", "me", "my"})
NON_ACTOR_NAMES = rules.words("non_actor_names")
ACRONYM = re.compile(r"^[A-Z][A-Z&-]{1,7}$")
POSSESSIVE = re.compile(r"\s*['’]s?$")
# Descriptions ("the group", "the army") -> the kinds they can mean, and a state role
DESCRIPTION_KINDS = {noun: kinds for noun, (kinds, _) in rules.descriptions().items()}
SHORT_FORM_KINDS = frozenset(rules.words("short_form_kinds"))
SHORT_FORM_STOPWORDS = frozenset(rules.words("short_form_stopwords"))
POPULACE_SECTORS = frozenset(rules.words("populace_sectors"))
POSITION_WORDS = frozenset(rules.words("position_words"))
STATE_OFFICE_WORDS = frozenset(rules.words("state_office_words"))
LEGISLATOR_WORDS = frozenset(rules.words("legislator_words"))
PLURAL_LEGISLATORS = frozenset(word + "s" for word in LEGISLATOR_WORDS)
# The words a bare state office's title may consist of: its office words (also plural, before
# several names), ranks and portfolios.
OFFICE_QUALIFIERS = frozenset(rules.words("office_qualifiers")) | STATE_OFFICE_WORDS | {
    word + "s" for word in STATE_OFFICE_WORDS}
STORM_WORDS = frozenset(rules.words("storm_words"))
NAME_HEAD_KINDS = frozenset({"igo", "ngo", "armed_group", "party", "company", "media", "other"})
DESCRIPTION_ROLES = {noun: role for noun, (_, role) in rules.descriptions().items() if role}
DESCRIPTION_FALLBACKS = rules.description_fallbacks()
SPATIAL_PREPS = rules.words("spatial_preps")
PLACE_NOUNS = rules.words("place_nouns")
SITE_NOUNS = PLACE_NOUNS | rules.words("site_nouns")
COMPANY_NOUNS = rules.words("company_nouns")
# A person's name needs capitalised words; this rejects NER slips like "dozens". Lower-case
# name particles are allowed ("Mohammed al-Ghaili", "Ursula von der Leyen").
# "Sanders-backed", "Trump-era": a compound adjective's tail (not a given name's: "Jae-in")
ADJECTIVE_TAIL = re.compile(r"(?<=[a-z])-(?:[a-z]+ed|era|style|like|run|born|type)$")
CAPTION_WORDS = rules.words("caption_words")
NAME_WORD = re.compile(r"^(?:[A-Z](?:[^\W\d]|[.'’-])*|(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|bint|da|de|del|della|der|di|do|dos|du|la|le|van|von|ter|den)(?:[-’'][A-Z][\w.'’-]*)?)$")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class ArticleActors:
    """What one article has said about its actors so far, in reading order."""

    resolver: Resolver
    date: str | None = None  # the article's, for the offices a known person holds on it
    persons: dict[str, Actor] = field(default_factory=dict)  # full name and surname -> person
    affiliations: dict[str, Affiliation] = field(default_factory=dict)  # person id -> affiliation
    offices: dict[tuple[str, str, str, str], Affiliation] = field(default_factory=dict)  # known persons' terms
    context: set[str] = field(default_factory=set)  # ids and states of every actor the article names
    last_person: Mention | None = None
    last_group: Mention | None = None
    # The last actors that were the subject of an event: a subject pronoun continues the
    # subject ("Amnesty urged Cairo ... It also called on the EU"), not the last object.
    last_subject_person: Mention | None = None
    last_subject_group: Mention | None = None
    subjects: list[tuple[int, list[Mention]]] = field(default_factory=list)  # (verb token, its subject's actors)
    last_by_kind: dict[str, tuple[int, Mention]] = field(default_factory=dict)
    mentions: dict[str, Mention] = field(default_factory=dict)
    # (token, actor id) -> the words there and the first reading of them as that actor
    sites: dict[tuple[int, str], tuple[Span, Mention]] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)  # names the NER calls persons that are places
    storms: set[str] = field(default_factory=set)  # names the article gives a storm ("Hurricane Dorian")
    acronyms: dict[str, Span] = field(default_factory=dict)  # "CNE" -> "National Electoral Commission"
    name_heads: dict[str, Mention | None] = field(default_factory=dict)  # "commission" -> the body (None: two)
    short_forms: dict[str, Mention | None] = field(default_factory=dict)  # "tigers" -> the LTTE (None: two claim it)
    positions: dict[str, set[int]] = field(default_factory=dict)  # actor id -> token indices
    bodies: dict[str, Mention] = field(default_factory=dict)  # "foreign ministry" -> its state, in order
    recent_persons: dict[str, Mention] = field(default_factory=dict)  # person id -> mention, latest last
    recent_groups: dict[str, Mention] = field(default_factory=dict)  # other actor id -> mention, latest last
    org_names: dict[str, Span] = field(default_factory=dict)  # an organisation's name -> its entity
    org_first_words: dict[str, Span] = field(default_factory=dict)  # the first word of one -> its entity
    described: dict[str, Mention] = field(default_factory=dict)  # lower-case name -> an unknown name's described actor
    given_names: dict[str, set[str]] = field(default_factory=dict)  # first word of a full name -> person ids
    full_names: dict[str, Actor] = field(default_factory=dict)  # person id -> the person a full name names
    claimed_given: set[str] = field(default_factory=set)  # given names that name a full name (actor.given_name)
    ambiguous_given: set[str] = field(default_factory=set)  # given names two full names of the article begin with
    _naming_organisation: bool = False  # inside `_organisation_not_person`
    title_genders: dict[str, str | None] = field(default_factory=dict)  # person id -> "he"/"she" its title says
    office_guesses: set[str] = field(default_factory=set)  # person ids whose state `_state_office` inferred
    titles: dict[str, str] = field(default_factory=dict)  # person id -> the title first met before the name
    other_bodies: set[str] = field(default_factory=set)  # person ids whose office is of a body no state nor known
    lower_words: set[str] | None = None  # the words the article writes in lower case (actor.sentence_case_word)

    def note(self, mention: Mention, position: int, recent: bool = True, subject: bool = False) -> None:
        """Records a mention once per token position (events and the entity sweep may both
        resolve one token); `recent` makes it the antecedent of later pronouns."""
        actor = mention.actor
        self.mentions.setdefault(actor.id, mention)
        if actor.kind in ("country", "igo") and mention.role:
            self.bodies.pop(mention.role, None)
            self.bodies[mention.role] = mention  # "foreign ministry": Russia, latest last
        self.positions.setdefault(actor.id, set()).add(position)
        if mention.rule in DESCRIBING_RULES:
            self.described.setdefault(actor.name.lower(), mention)
        if position >= self.last_by_kind.get(actor.kind, (-1, None))[0]:
            self.last_by_kind[actor.kind] = (position, mention)
        if not recent:
            return
        if actor.kind == "person":
            self.last_person = mention
            self.recent_persons.pop(actor.id, None)
            self.recent_persons[actor.id] = mention
            if subject:
                self.last_subject_person = mention
        else:
            self.last_group = mention
            self.recent_groups.pop(actor.id, None)
            self.recent_groups[actor.id] = mention
            if subject:
                self.last_subject_group = mention

    def learn_places(self, doc) -> None:
        """Reads the whole article once before its events: the full names of persons are known
        before their surnames are met, and so are the states and organisations the article
        names (a surname alone names a known person only in an article about their state); a
        name the NER tags as a person in one sentence but as a place in another, or that the
        text uses as a place ("near Atareb", "the town of Atareb"), is a place everywhere, the
        headline included, unless it is a person's name ("Biden", tagged a place at times)."""
        for token in doc:
            if token.lower_ in STORM_WORDS and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" \
                    and doc[token.i + 1].lower_ not in STORM_WORDS:
                # "Hurricane Dorian ... Dorian moved north": a storm's name, whatever the NER says
                self.storms.add(doc[token.i + 1].text)
        # A name the NER tags an organisation more often than a person is one; a single
        # word that begins an organisation's name is one too, unless a person of the article
        # goes by it (`_organisation_not_person`).
        tags: dict[str, Counter[str]] = {}
        for ent in doc.ents:
            if ent.label_ in ("ORG", "PERSON"):
                name = _without_article(ent.text)
                tags.setdefault(name, Counter())[ent.label_] += 1
        for ent in doc.ents:
            if ent.label_ == "ORG":
                name = _without_article(ent.text)
                words = name.split()
                if len(words) == 1 or tags[name]["ORG"] > tags[name]["PERSON"]:
                    self.org_names.setdefault(name, ent)
                if len(words) > 1 and words[0][:1].isupper():
                    self.org_first_words.setdefault(words[0], ent)
        for ent in doc.ents:
            if ent.label_ == "PERSON" and POSSESSIVE.sub("", ent.text) in self.storms:
                continue
            if ent.label_ == "PERSON" and " " in ent.text.strip() and POSSESSIVE.sub("", ent.text) in self.org_names:
                continue  # "Iranian airline Mahan Air", tagged an organisation more often: no person
            if ent.label_ == "ORG" and ent.end + 2 < len(doc) and doc[ent.end].text == "(" \
                    and doc[ent.end + 2].text == ")" and ACRONYM.match(doc[ent.end + 1].text):
                # "the National Electoral Commission (CNE)": the article calls it "CNE" from here on
                self.acronyms.setdefault(doc[ent.end + 1].text, ent)
            if ent.label_ == "PERSON":
                self._expect_person(ent.text)
            elif ent.label_ in PLACE_LABELS or ent.label_ in ("ORG", "NORP"):
                known = self.resolver.lookup(ent.text) or (
                    Mention(actor, ent.text) if (actor := self.resolver.demonym(ent.text)) else None)
                if known is not None:
                    self.context.update((known.actor.id, f"country:{known.actor.country}"))
                    self._note_short_form(known)
        self._claim_given_names()
        self._choose_nationality_words(doc)
        for ent in doc.ents:
            name = POSSESSIVE.sub("", ent.text)
            if ent.label_ in PLACE_LABELS:
                if self.known_person(name) is None:
                    self.places.add(name)
                continue
            if ent.label_ != "PERSON" or self.known_person(name) is not None:
                continue
            root = ent.root
            prep = root.head if root.dep_ == "pobj" else None
            if prep is None:
                continue
            if prep.lower_ in SPATIAL_PREPS or (
                prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS
            ):
                self.places.add(name)

    def known_person(self, name: str) -> Actor | None:
        """The person a name means when the article or the known persons say it is one: a
        full name or surname met in the article, a known person's full name, or a form used
        alone that fits one known person here ("Biden" in an article about the US)."""
        if name in self.persons:
            return self.persons[name]
        name, words = _name_words(name)
        if not words or self._not_a_person(words):
            return None
        return self._known(name, words)

    def _not_a_person(self, words: list[str]) -> bool:
        """Kind guards: a ticket ("Trump-Pence"), a family ("the Trumps") and a possessive
        phrase ("Trump's America First") name no one person."""
        if any(POSSESSIVE.search(w) for w in words[:-1]):
            return True
        if len(words) == 1:
            word = words[0]
            if word.lower().rstrip(".") in NAME_CONSTANTS.suffix_not_acronyms:
                return True  # "Cyrus R. Vance, Jr.": the parser may cut the suffix off as a name
            known = lambda w: w in self.persons or self.resolver.persons.is_short_name(w)  # noqa: E731
            if ACRONYM.match(word) and not known(word):
                return True  # "LRIT", "BTP": an acronym names a body or a system, not a person
            parts = [p for p in word.split("-") if p[:1].isupper()]
            if len(parts) > 1 and sum(map(known, parts)) >= 2:
                return True
            if word.endswith("s") and not known(word) and known(word[:-1]):
                return True
        return False

    def _expect_person(self, text: str) -> None:
        """A full name anywhere in the article gives its surname to a mention before it ("Biden
        wins" in the headline, "Joe Biden" in the body). The first full name of a surname wins;
        reading in order still overrides it."""
        name, words = _name_words(text)
        if len(words) < 2 or not words[0][:1].isupper() or self._not_a_person(words):
            return
        if self.resolver.lookup(name) is not None:
            return  # a place or an outlet the NER calls a person
        known = self.resolver.persons.by_full_name(name)
        actor = self.persons.get(name) or (known.actor if known else self.resolver.person(name))
        self.persons.setdefault(name, actor)
        self._claim_surname(words[-1], actor, first=True)
        self.given_names.setdefault(words[0], set()).add(actor.id)
        self.full_names[actor.id] = actor

    def _choose_nationality_words(self, doc) -> None:
        """"Congolese police" in an article that names Kinshasa are the DR Congo's: a
        nationality word two states share is the one of them the article also names otherwise
        (rule `actor.ambiguous_name`); with no such clue, or clues for both, it names none."""
        if not rules.enabled("actor.ambiguous_name"):
            return
        choices = {}
        shared = self.resolver.gazetteer.ambiguous
        for word in {t.text for t in doc if t.text[:1].isupper() and t.lower_ in shared}:
            named = [a for a in self.resolver.ambiguous(word) if a.id in self.context]
            if len(named) == 1 and self.resolver.demonym(word) is None:
                choices[word] = named[0]
        if choices:
            self.resolver = self.resolver.choosing(choices)

    def _claim_given_names(self) -> None:
        """"Hamza" after "Hamza bin Laden", "Narendra" beside "Narendra Modi": a given name
        used alone is the one full name of the article that begins with it; never a surname
        another person of the article holds, nor a name two full names begin with."""
        if not rules.enabled("actor.given_name"):
            return
        for given, ids in self.given_names.items():
            # "Jong Woo" and "Jong Woo Son" (the NER cut one short) are one name: the longest
            names = sorted((self.full_names[i] for i in ids), key=lambda a: -len(a.name.split()))
            longest = names[0].name.split()
            if any(longest[:len(a.name.split())] != a.name.split() for a in names[1:]):
                self.ambiguous_given.add(given)
                continue
            if given not in self.persons and self.resolver.lookup(given) is None:
                self.persons[given] = names[0]
                self.claimed_given.add(given)

    def _claim_surname(self, surname: str, actor: Actor, first: bool = False) -> None:
        """Who "Biden" alone means from here on: the full name met last (the first in the
        pre-read), but a known person keeps a surname against one nobody knows: news calls
        the president "Biden" and his son "Hunter Biden"."""
        holder = self.persons.get(surname)
        if holder is None or holder.id == actor.id:
            self.persons[surname] = actor
            return
        holder_known = self.resolver.persons.get(holder.id) is not None
        known = self.resolver.persons.get(actor.id) is not None
        if (known and not holder_known) or (not first and known == holder_known):
            self.persons[surname] = actor

    def _state_of(self, person: Actor) -> Mention | None:
        """The state a person is known to belong to, else the article's state: "Dube's
        government" is a government, whoever Dube is."""
        if person.country:
            actor = self.resolver.actor(f"country:{person.country}")
            if actor is not None:
                return Mention(actor, person.name)
        return self._main_state()

    def _main_state(self) -> Mention | None:
        """The state an article is about, so far: the one named most often, the first named
        on a tie. "The army", "the government" and "the junta" are its bodies more often than
        those of the state named last ("The army accused the RSF" after a US envoy spoke)."""
        states = [(len(self.positions[actor_id]), -min(self.positions[actor_id]), mention)
                  for actor_id, mention in self.mentions.items() if mention.actor.kind == "country"]
        return max(states, key=lambda state: state[:2])[2] if states else None

    def other_state(self, exclude: str, before: int) -> Mention | None:
        """The state named last before token `before`, other than `exclude`."""
        named = [(max(at for at in self.positions[actor_id] if at < before), mention)
                 for actor_id, mention in self.mentions.items()
                 if mention.actor.kind == "country" and actor_id != exclude
                 and any(at < before for at in self.positions[actor_id])]
        return max(named, key=lambda found: found[0])[1] if named else None

    def occurrences(self, sentence_index: Callable[[Span], int]) -> tuple[Occurrence, ...]:
        """Every place the article named an actor, once per words and actor, in text order, each
        with the actor as the article finally knows it (a country learned later included)."""
        found: dict[tuple[int, int, str], Occurrence] = {}
        for (_, actor_id), (span, mention) in sorted(self.sites.items(), key=lambda site: site[0]):
            start, end = _words_of(mention, span)
            # the same words under two heads ("Chelyabinsk", "the Chelyabinsk region"): one mention
            found.setdefault((start, end, actor_id), Occurrence(
                self.mentions[actor_id].actor, span.doc.text[start:end], sentence_index(span), start, end,
                mention.rule, mention.role))
        return tuple(found[key] for key in sorted(found))

    def body_of(self, person: Mention) -> Mention | None:
        """What "his government", "her troops" belong to: the body the person speaks for,
        else the person's state."""
        return self.organisation_of(person) or self._state_of(person.actor)

    def organisation_of(self, mention: Mention | None) -> Mention | None:
        """The body a speaker talks for: "we" in Zakharova's quote is Russia."""
        if mention is None:
            return None
        if mention.actor.kind != "person":
            return mention
        affiliation = self.affiliations.get(mention.actor.id)
        if affiliation is None:
            known = self.resolver.persons.get(mention.actor.id)
            office = known.office_on(self.date) if known else None
            organisation = self.resolver.actor(office.org) if office else None
            if organisation is None:
                return None
            return Mention(self.resolver.canonical(organisation), mention.text, office.role)
        return Mention(affiliation.organisation, mention.text, affiliation.role)

    # -- persons -----------------------------------------------------------------------

    def _person(self, name: str, title: str | None, partner: Actor | None = None) -> Actor | None:
        """The person a name means in this article: a surname alone is the full name met
        before; a title adds the affiliation and the person's country. `partner` is a person
        the name is coordinated with, whose state a bare office may share."""
        name, words = _name_words(name)
        if not words or self._not_a_person(words):
            return None
        actor = (
            self.persons.get(name)
            or (self.persons.get(words[-1]) if len(words) == 1 else None)
            or self._known(name if not title else f"{title.split()[-1]} {name}", words)
            or self.resolver.person(name)
        )
        self._note_offices(actor)
        if title:
            actor = self._affiliate(actor, title, partner)
        self.persons[name] = actor
        if len(words) > 1:
            self._claim_surname(words[-1], actor)
            # Family name first in Chinese, Korean and Hungarian names: "Liu" for "Liu Yanhong";
            # not a first word two full names of the article share ("Omar Bashir", "Omar Nur").
            if len(words) == 2 and words[0] not in self.ambiguous_given:
                self.persons.setdefault(words[0], actor)
            # The first of two surnames in Spanish and Portuguese names: "Salcedo" for
            # "Ernesto Salcedo Vela".
            if len(words) > 2 and words[-2][:1].isupper():
                self.persons.setdefault(words[-2], actor)
        return actor

    def _affiliate(self, actor: Actor, title: str, partner: Actor | None = None) -> Actor:
        """The person as their title shows them: the body it names becomes an affiliation and
        gives a person without a country the body's state, for every later mention too. A
        person keeps the first title that names a body."""
        if actor.id in self.affiliations and actor.id not in self.office_guesses:
            return actor
        org = self.resolver.affiliation(title)
        if org is None:
            # "Foreign Ministry spokeswoman Irina Belyaeva" after "the Russian Foreign
            # Ministry": a body named without its state is the one named before.
            lowered = title.lower()
            org = next((m for role, m in reversed(self.bodies.items()) if " " in role and role in lowered), None)
        guess = False
        if org is None and actor.id not in self.affiliations and actor.country is None \
                and rules.enabled("actor.state_office"):
            org, guess = self._state_office(title, partner), True
        if org is None:
            if any(_singular(w.strip(".,").lower()) in POSITION_WORDS | STATE_OFFICE_WORDS for w in title.split()):
                self.other_bodies.add(actor.id)  # "union president": an office, not of a state
            return actor
        self.other_bodies.discard(actor.id)
        if actor.id in self.office_guesses:  # a title that names the state beats the guess
            self.office_guesses.discard(actor.id)
            actor = dataclasses.replace(actor, country=None)
        if guess:
            self.office_guesses.add(actor.id)
        if actor.country is None and org.actor.country:
            actor = dataclasses.replace(actor, country=org.actor.country)
            for name, known in self.persons.items():
                if known.id == actor.id:
                    self.persons[name] = actor
            if actor.id in self.mentions:
                self.mentions[actor.id] = dataclasses.replace(self.mentions[actor.id], actor=actor)
        self.affiliations[actor.id] = Affiliation(actor, org.actor, org.role, self.date, self.date)
        return actor

    def _state_office(self, title: str, partner: Actor | None = None) -> Mention | None:
        """"Labour Minister Chinedu Okafor", "Defence Secretary Gilberto Santos", "President
        Albert Mukendi": an office only a state has, with no state named in the title, is held
        in the state of the person it is coordinated with ("Israeli prime minister Benjamin
        Netanyahu and energy minister Yuval Steinitz"), else, for a legislator, in the state
        whose legislature the article named last ("Senator Mark Ellison" after "several US
        lawmakers"), else in the state the article named first (its headline's, mostly: the
        one it is about); none when it has named no state. Ministries are not matched so: a
        story of two states names both foreign ministries (held-out said so).
        The first state, not the most named: "Estonia blames Russian military intelligence"
        names Russia more often than Estonia, whose prime minister speaks."""
        words = [w.strip(".,'’").lower() for w in title.replace("-", " ").split()]
        words = [w for w in words if w and w not in ("the", "a", "an")]
        office = next((words[:i] for i, w in enumerate(words) if w in ("of", "for")), words)  # "Secretary of State"
        if not office or not all(w in OFFICE_QUALIFIERS for w in words) \
                or _singular(office[-1]) not in STATE_OFFICE_WORDS:
            return None
        if partner is not None and partner.country and partner.id in self.affiliations \
                and partner.id not in self.office_guesses:
            state = self.resolver.actor(f"country:{partner.country}")
            if state is not None:
                return Mention(state, title, " ".join(words))
        legislature = self.bodies.get("legislature") if any(_singular(w) in LEGISLATOR_WORDS for w in words) else None
        if legislature is not None and legislature.actor.kind == "country":
            return Mention(legislature.actor, title, " ".join(words))
        states = [(min(self.positions[actor_id]), mention)
                  for actor_id, mention in self.mentions.items() if mention.actor.kind == "country"]
        if not states:
            return None
        return Mention(min(states, key=lambda state: state[0])[1].actor, title, " ".join(words))

    def _known(self, text: str, words: list[str]) -> Actor | None:
        """A known person by full name, or by a form used alone, with a title that may say
        which office holder it is ("Speaker Pelosi"; `text` is the name with that title)."""
        persons = self.resolver.persons
        known = persons.by_full_name(" ".join(words)) if len(words) > 1 else None
        if known is None and len(words) <= 3:  # "President Trump" when the NER takes in the title
            known = persons.by_short_name(text, self.date, self.context)
        return known.actor if known is not None else None

    def _note_offices(self, actor: Actor) -> None:
        """A known person's curated offices are affiliations of every article that names them."""
        known = self.resolver.persons.get(actor.id)
        if known is None:
            return
        for office in known.offices:
            organisation = self.resolver.actor(office.org)
            if organisation is not None:
                self.offices[(actor.id, office.org, office.role, office.since or "")] = Affiliation(
                    known.actor, organisation, office.role, office.since, office.until, "curated")

    def all_affiliations(self) -> tuple[Affiliation, ...]:
        """The affiliations the text states and the known persons' offices, in id order; a
        stated one that repeats a known office is the office."""
        canonical = self.resolver.canonical
        known = {key[:3] for key in self.offices}
        found: dict[tuple[str, str, str, str], Affiliation] = {}
        for a in [*self.affiliations.values(), *self.offices.values()]:
            if a.basis == "stated" and (a.person.id, a.organisation.id, a.role) in known:
                continue
            a = dataclasses.replace(a, person=canonical(a.person), organisation=canonical(a.organisation))
            found.setdefault((a.person.id, a.organisation.id, a.role or "", a.since or ""), a)
        return tuple(found[k] for k in sorted(found))

    def _person_title(self, head: Token, ent: Span) -> str | None:
        """Words before the name ("Russian Foreign Ministry spokeswoman") or an apposition
        after it ("John Bolton, White House national security adviser")."""
        # The parser may hang the title on the first name ("Indian Commerce Minister Rakesh
        # Menon": "Minister" is a compound of "Rakesh"), so every word of the name is asked.
        left = [t for word in ent for t in word.lefts
                if t.i < ent.start and t.dep_ in CORE_DEPS and t.dep_ != "det"]
        if left:
            start = min(t.left_edge.i for t in left)
            return head.doc[start : ent.start].text
        for child in head.rights:
            if child.dep_ == "appos":
                return head.doc[child.left_edge.i : child.right_edge.i + 1].text
        return None

    # -- phrases -----------------------------------------------------------------------

    def resolve(
        self, head: Token, speaker: Mention | None = None, recent: bool = True, subject: bool = False,
        not_: frozenset[str] = frozenset(),
    ) -> tuple[Mention, float] | None:
        """The actor a noun phrase headed by `head` names, with a confidence factor.
        Participants of events and speakers become pronoun antecedents; names met in
        passing (`recent=False`) do not, so "she" after "the notebook of John Bolton"
        still means the spokeswoman who was speaking. `not_`: the actors of the clause's
        subject, which an object pronoun cannot be."""
        found = self._disjoint_pronoun(head, not_) if not_ and head.pos_ == "PRON" else None
        found = found or self._resolve(head, speaker)
        if found is not None:
            actor = self.resolver.canonical(found[0].actor)
            if actor is not found[0].actor:
                found = (dataclasses.replace(found[0], actor=actor), found[1])
            self.note(found[0], head.i, recent, subject)
            if (head.i, found[0].actor.id) not in self.sites:  # the first reading; the core only then
                self.sites[head.i, found[0].actor.id] = (_core_span(head), found[0])
            self._note_name_head(head, found[0])
        return found

    def _note_name_head(self, head: Token, mention: Mention) -> None:
        """"the International Commission against Impunity in Guatemala ... the commission":
        the common noun a body's name is built on names that body later in the article; a
        noun two named bodies are built on names neither."""
        if head.pos_ != "PROPN" or mention.actor.kind not in NAME_HEAD_KINDS:
            return
        noun = head.lower_
        if noun in SHORT_FORM_STOPWORDS:
            held = self.name_heads.get(noun, mention)
            self.name_heads[noun] = mention if held is not None and held.actor.id == mention.actor.id else None

    def _resolve(self, head: Token, speaker: Mention | None) -> tuple[Mention, float] | None:
        lower = head.lower_
        if head.pos_ == "PRON" and head.text.isupper() and len(head.text) > 1 \
                and self.resolver.lookup(head.text) is not None:
            pass  # "WHO sends vaccines": an acronym the tagger took for a pronoun
        elif head.pos_ == "PRON" and lower in QUANTIFIERS:
            # "some of the departing French troops": the group the quantity is taken from.
            for pobj in (c for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                         for c in p.children if c.dep_ == "pobj"):
                return self._resolve(pobj, speaker)
            return None
        elif head.pos_ == "PRON":
            if lower in SPEAKER_PRONOUNS:
                if lower in SINGULAR_SPEAKER and (speaker is None or speaker.actor.kind != "person"):
                    return None  # "they told me that ...": a body says no "I"; "me" is the narrator
                org = self.organisation_of(speaker)
                if org is None and speaker is not None and speaker.actor.kind == "person" \
                        and lower not in SINGULAR_SPEAKER and speaker.actor.id not in self.other_bodies:
                    # "'We have asked Brussels ...,' she said": a speaker whose office is not
                    # known speaks for the state the article is about; "I" and "me" without an
                    # office are the speaker alone ("she told me she would help me")
                    org = self._main_state()
                return _by(Mention(org.actor, head.text, org.role), "actor.speaker_pronoun") if org else None
            is_subject = head.dep_ in ("nsubj", "nsubjpass")
            if lower in PERSON_PRONOUNS:
                person = (self.last_subject_person if is_subject else None) or self.last_person
                person = self._of_gender(person, PRONOUN_GENDERS.get(lower))
                return _by(Mention(person.actor, head.text), "actor.person_pronoun") if person else None
            if lower in GROUP_PRONOUNS:
                group = (self.last_subject_group if is_subject else None) or self.last_group
                return _by(Mention(group.actor, head.text, group.role), "actor.group_pronoun") if group else None
            return None

        # "Iran's chief negotiator, Deputy Foreign Minister Reza Ghaffari": the person named
        # in apposition is the actor; the title phrase only says whom they serve.
        for child in head.rights:
            if child.dep_ != "appos" or head.ent_type_ == "PERSON":
                continue
            found = self._resolve(child, speaker) if child.ent_type_ == "PERSON" else self._described_name(head, child)
            if found is not None and found[0].actor.kind == "person":
                # "Nigeria's oil minister, Chukwuma Eze": the description is the title.
                title = head.doc[head.left_edge.i : child.left_edge.i].text.strip(" ,")
                actor = self._affiliate(found[0].actor, title) if title else found[0].actor
                return _by(dataclasses.replace(found[0], actor=actor), "actor.appositive_person", found[1])

        if head.pos_ == "NOUN":
            # "the UN peacekeeping mission, MINUSCA": a description with the body's own name in
            # apposition is that body, not the organisation the description names.
            # The parser may hang the name on the description's last noun ("the UN mission in
            # Congo, MONUSCO").
            inner = [o for p in head.rights if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
            for child in [c for t in (head, *inner) for c in t.rights]:
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    named = self.resolver.lookup(_core_span(child).text)
                    if named is not None and named.actor.kind in NAME_HEAD_KINDS - {"other"}:
                        return _by(named, "actor.appositive_name")
                    if named is None and child.head == head and child.ent_type_ in ("ORG", "NORP", ""):
                        # "a breakaway faction, the Bangsamoro Islamic Freedom Fighters": a
                        # name the gazetteer does not know, of the kind its description says
                        unknown = self._appositive_unknown(head, child)
                        if unknown is not None:
                            return unknown

        titled = self._titled_person(head, speaker) or self._untagged_titled_name(head)
        if titled is not None:
            return titled

        ent = _entity_of(head)
        if ent is not None and (ent[0].lower_ in STORM_WORDS or POSSESSIVE.sub("", ent.text) in self.storms):
            return None  # "Cyclone Tama struck Vanuatu": weather is no actor, whatever the NER says
        if ent is not None and ent.label_ == "PERSON" and POSSESSIVE.sub("", ent.text) in self.places:
            name = POSSESSIVE.sub("", ent.text)
            known = self.resolver.lookup(name)
            place = known.actor if known else Actor(f"place:{slug(name)}", name, "place", None)
            return _by(Mention(place, ent.text), "actor.place_not_person")
        if ent is not None and ent.label_ == "PERSON" or ent is None and head.pos_ == "PROPN":
            organisation = self._organisation_not_person(ent or _core_span(head), first_word=ent is not None)
            if organisation is not None:
                return organisation
        if ent is not None and ent.label_ == "PERSON" or head.text in self.persons or (
                head.pos_ == "PROPN" and (ent is None or ent.label_ in PLACE_LABELS | {"ORG", "NORP"})
                and (ent is not None or self.resolver.lookup(head.text) is None)  # "Bloomberg" the outlet
                and self.known_person(POSSESSIVE.sub("", ent.text if ent else _bare_name(head))) is not None):
            mention = self._person_mention(head, ent)
            if mention is not None:
                return mention, 1.0  # the rule is set where the mention is made

        doc = head.doc
        core = _core_span(head)
        candidates: list[str] = [core.text]
        if ent is not None and ent.text != core.text:
            candidates.append(ent.text)
        full = doc[head.left_edge.i : head.right_edge.i + 1]
        if len(full) <= 12 and full.text != core.text:
            candidates.append(full.text)
        for text in candidates:
            mention = self.resolver.lookup(text)
            if mention is not None:
                self._note_short_form(mention)
                # "Iraqi troops": a state's group noun gives the sector; "the IDF" is a name
                sector = mention.role in SECTORS and head.pos_ == "NOUN"
                return _by(mention, "actor.sector_group" if sector else "actor.gazetteer")

        kinds = DESCRIPTION_KINDS.get(head.lemma_.lower())
        # Not a noun that also names a state's body: "the army" after "the National
        # Liberation Army" is still the state's army.
        named_before = self.name_heads.get(head.lower_) if head.pos_ == "NOUN" \
            and "country" not in (kinds or ()) else None
        definite = (named_before is not None or kinds) and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not self._names_its_own(head)
        if definite and named_before is not None:
            return _by(dataclasses.replace(named_before, text=core.text), "actor.name_head")

        if definite and kinds:
            earlier = [self.last_by_kind[k] for k in kinds if k in self.last_by_kind] or [
                self.last_by_kind[k] for k in DESCRIPTION_FALLBACKS.get(head.lemma_.lower(), ())
                if k in self.last_by_kind]
            if earlier:
                mention = max(earlier, key=lambda found: found[0])[1]
                role = DESCRIPTION_ROLES.get(head.lemma_.lower())
                if kinds == ("country",) and role:
                    # "the army" is the state whose army was named last, else the article's state;
                    # "the embassy", "the ministry" stay with the state named last
                    mention = self.bodies.get(role) or self._main_state() or mention
                role = DESCRIPTION_ROLES.get(head.lemma_.lower()) or (
                    " ".join(t.lower_ for t in core if t.dep_ != "det") if mention.actor.kind == "country"
                    else mention.role)
                return _by(Mention(mention.actor, core.text, role), "actor.description")

        # "the bloc's Peace and Security Council": a named body of an actor met before. Only a
        # name built on a body's noun: "South Korea's LG Chem" is a company of its own.
        if ent is not None and ent.label_ == "ORG" and head.lower_ in SHORT_FORM_STOPWORDS:
            for child in head.lefts:
                if child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN"):
                    owner = self._resolve(child, speaker)
                    if owner is not None and owner[0].actor.kind in ("country", "igo"):
                        name = head.doc[child.right_edge.i + 1 : head.i + 1]
                        role = " ".join(t.lower_ for t in name if t.dep_ != "case") or None
                        return _by(Mention(owner[0].actor, core.text, role), "actor.owned_body", owner[1])
        described = self._described(head, core)
        if described is not None:
            return described
        if (head.pos_ == "PROPN" and head.dep_ == "pobj" and head.head.lower_ == "of"
                and head.head.head.lemma_.lower() in PLACE_NOUNS and core.text[:1].isupper()):
            # "the Russian-occupied city of Melitopol": the noun says it is a place, whatever
            # the NER calls the name (a people, NORP, or nothing).
            name = _without_article(core.text)
            if slug(name):
                return _by(Mention(Actor(f"place:{slug(name)}", name, "place", None), core.text), "actor.place_of")
        named = [t for t in head.lefts if t.dep_ == "compound"]
        if (head.pos_ == "NOUN" and head.lemma_.lower() in PLACE_NOUNS and named
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ != "NORP" for t in named)
                and named[-1].i == head.i - 1
                and not (len(named) == 1 and self.resolver.demonym(named[0].text) is not None)):
            # "deployed soldiers to Bougainville island", "in Penama province": the proper
            # nouns before a place noun name the place, known to the gazetteer or not; a
            # people's name does not ("the Kyrgyz town", "Rohingya villages", "the Tajik border").
            name = POSSESSIVE.sub("", head.doc[named[0].i : head.i].text)
            known = self.resolver.lookup(name)
            if known is not None and known.actor.kind in ("country", "place"):
                return _by(dataclasses.replace(known, text=core.text), "actor.named_place")
            if known is None and slug(name):
                return _by(Mention(Actor(f"place:{slug(name)}", name, "place", None), core.text), "actor.named_place")
        if head.pos_ in ("PROPN", "ADJ") and any(c.dep_ == "conj" and c.pos_ == "NOUN" for c in head.children):
            # "Kyrgyz and Tajik border guards": the parser joins the first people's name to the
            # whole phrase that follows; it names its state, with the group the phrase names.
            people = self.resolver.demonym(head.text)
            if people is not None:
                group = next(c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN")
                words = [t.text for t in group.lefts if t.pos_ == "NOUN"] + [group.text]
                role = next((r for k in range(len(words)) if (r := self.resolver.group_role(" ".join(words[k:])))),
                            None)  # "border guards" before "guards"
                return _by(Mention(people, head.text, role), "actor.modifier")
        if ent is not None and ent.label_ in PLACE_LABELS | {"ORG"} and head.pos_ == "PROPN":
            kind = "place" if ent.label_ in PLACE_LABELS else "other"
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            name = " ".join(POSSESSIVE.sub("", name).split())  # an entity the model ran over a line break
            if not slug(name) or name in NON_ACTOR_NAMES:
                return None  # no Latin letter or digit to name it by ("जो ..."), or "UTC"
            defined = self.acronyms.get(name)
            if defined is not None and defined.root.i != head.i:
                # "CNE", defined in the article: what the phrase that defined it names
                # ("Mozambique's National Electoral Commission (CNE)": Mozambique's body).
                found = self._resolve(defined.root, None)
                if found is not None:
                    return _by(dataclasses.replace(found[0], text=ent.text), "actor.acronym", found[1])
            if kind == "place" and " " not in name and self._not_a_person([name]):
                return None  # "the Bidens", tagged a place: a family, no place and no one person
            state = self.resolver.demonym(name) if " " not in name else None
            if state is not None and rules.enabled("actor.bare_demonym"):
                # "accused Tajik forces", parsed as two objects; "towards the Tajik border": a
                # nationality word the NER calls a place is its state, not a place of that name
                return _by(Mention(state, ent.text), "actor.bare_demonym")
            candidates = self.resolver.ambiguous(name)
            if candidates and rules.enabled("actor.ambiguous_name"):
                # "Congo" in an article that also says "Kinshasa" is the Democratic Republic;
                # with no such clue, or clues for both, it is no actor rather than a guess.
                named = [a for a in candidates if a.id in self.context]
                return _by(Mention(named[0], ent.text), "actor.ambiguous_name") if len(named) == 1 else None
            short = self.short_forms.get(name.lower())
            if short is not None:
                # "the Tigers" after "the Tamil Tigers", "the Brotherhood" after "the Muslim
                # Brotherhood": the last word of a group's name, once the article named it
                return _by(dataclasses.replace(short, text=ent.text), "actor.short_form")
            earlier = self.described.get(name.lower())
            if earlier is not None and rules.enabled("actor.described_before"):
                # "the state-owned company Codelco ... urged Codelco": one actor, the kind
                # the article gave it, not a second one of no kind
                return _by(dataclasses.replace(earlier, text=ent.text), "actor.described_before")
            return _by(Mention(Actor(f"{kind}:{slug(name)}", name, kind, None), ent.text), "actor.unknown_entity")

        # "the presence of the United States", "abuses by Sudan's army": the actor is the
        # object of "of" or the agent after "by"; "its border with Belarus" is Belarus; "a
        # spokesman for the UN refugee agency" is the agency.
        lemma = head.lemma_.lower()
        populace = self.resolver.group_role(head.text) if head.pos_ == "NOUN" else None
        if populace in POPULACE_SECTORS and not any(c.dep_ in ("amod", "compound", "poss") and
                                                    self._modifier_actor(c) is not None for c in head.lefts):
            # "earthquake victims in Nepal", "refugees from Sudan", "residents of Gaza": people
            # of a place are its state's civilians, whatever they are called.
            for child in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("in", "from", "of")):
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found = self._resolve(pobj, speaker)
                    if found is not None and found[0].actor.kind == "country":
                        return _by(Mention(found[0].actor, core.text, populace), "actor.populace", found[1])
        linking = ("of", "by", *(("with",) if lemma in BORDER_NOUNS else ()), *(("from",) if lemma in GROUP_NOUNS else ()),
                   *(("for",) if lemma in SPEAKING_NOUNS else ()))
        # "Critics" opening a sentence may be tagged a name, with itself as lemma
        relation = {lemma, head.lower_, head.lower_.removesuffix("s")} & RELATION_NOUNS
        for child in head.rights if not relation else ():
            if child.dep_ == "prep" and child.lower_ in linking:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self._resolve(pobj, speaker)
                        if found is not None:
                            return _by(found[0], "actor.of_phrase", found[1])
        # "US interference", "Damascus control", "its troops": an actor named by a modifier;
        # a pronoun only when no other modifier names one ("his Sudanese counterpart" is Sudan).
        # Not money: "nine billion US dollars" is no act of the US ("dollars of Sri Lanka's
        # bailout" went by "of" above).
        lefts = sorted(head.lefts, key=lambda c: c.pos_ == "PRON") if lemma not in CURRENCY_NOUNS else []
        for child in lefts:
            if child.dep_ in ("compound", "amod", "poss", "npadvmod", "nmod"):
                if child.pos_ == "PRON" or (child.dep_ == "poss" and child.pos_ == "NOUN"):
                    # "its troops"; "the group's positions": the owner is an actor met before.
                    found = self._resolve(child, speaker)
                    if found is not None:
                        return self._owned_body(found, lemma, head, core) or _by(found[0], "actor.owner", found[1])
                    continue
                mention = self._modifier_actor(child)
                if mention is not None:
                    return _by(mention, "actor.modifier")
                if child.dep_ == "poss" and child.pos_ == "PROPN":
                    # "Mahan's permit", "Macron's statement": a named owner the gazetteer does
                    # not know, a person or an organisation by its entity; "Dube's government"
                    # is the state the person serves.
                    found = self._resolve(child, speaker)
                    if found is not None:
                        return self._owned_body(found, lemma, head, core) or _by(found[0], "actor.owner", found[1])
        # "a camp in Jenin", "positions near Jilib": a site stands for the place it is in.
        if head.lemma_.lower() in SITE_NOUNS:
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ in ("in", "near", "outside"):
                    for pobj in (c for c in child.children if c.dep_ == "pobj"):
                        found = self._resolve(pobj, speaker)
                        if found is not None:
                            return _by(found[0], "actor.site", found[1])
        return None

    def _organisation_not_person(self, ent: Span, first_word: bool) -> tuple[Mention, float] | None:
        """"Codelco", "Gotion" tagged as persons (or nothing) in an article that names the company
        ("the state-owned company Codelco", "Gotion High-Tech") elsewhere: a name, or (for a name
        tagged a person, `first_word`) the first word of a name, the article gives an organisation
        is that organisation, unless a person the article or the known persons name goes by it
        ("Trump" beside "Trump Organization")."""
        name = POSSESSIVE.sub("", ent.text)
        organisation = self.org_names.get(name) or (self.org_first_words.get(name) if first_word else None)
        if organisation is None or self.known_person(name) is not None or name in self.ambiguous_given \
                or not rules.enabled("actor.organisation_not_person") or self._naming_organisation:
            return None  # (nor while resolving the organisation's own name: its phrase may hold the person)
        self._naming_organisation = True
        try:
            found = self._resolve(organisation.root, None)
        finally:
            self._naming_organisation = False
        if found is None or found[0].actor.kind == "person":
            return None
        return _by(dataclasses.replace(found[0], text=ent.text), "actor.organisation_not_person", found[1])

    def _disjoint_pronoun(self, head: Token, subjects: frozenset[str]) -> tuple[Mention, float] | None:
        """"The RSF rejected the army's claim and blamed it", "Iran said Israel attacked it":
        an object pronoun is never its own clause's subject (that would be "itself"), so when
        the usual antecedent is the subject, the latest actor before it that is not is meant."""
        lower = head.lower_
        if lower in PERSON_PRONOUNS and head.dep_ in OBJECT_DEPS:
            usual, recent = self.last_person, self.recent_persons
        elif lower in GROUP_PRONOUNS and lower != "they" and head.dep_ in OBJECT_DEPS:
            usual, recent = self.last_group, self.recent_groups
        else:
            return None
        if usual is None or usual.actor.id not in subjects:
            return None
        gender = PRONOUN_GENDERS.get(lower)
        other = next((m for m in reversed(recent.values()) if m.actor.id not in subjects and (
            lower not in PERSON_PRONOUNS or self._titled_gender(m.actor.id) in (None, gender))), None)
        return _by(Mention(other.actor, head.text, other.role), "actor.disjoint_pronoun") if other else None

    def _of_gender(self, person: Mention | None, gender: str | None) -> Mention | None:
        """"spokeswoman Maria Zakharova ... Trump announced a withdrawal ... she said": a title
        ("spokeswoman", "Mr") shows which pronoun its holder takes.
        - An antecedent whose title says the other pronoun gives way to the latest person whose
          title says this one, else to the latest without such a title.
        - A "she" whose usual antecedent has no such title goes to the latest person whose
          title says "she": in news "he" is the unmarked case, the title the evidence.
        Earlier pronouns are no evidence: one wrong guess would steer every later pronoun."""
        if person is None or gender is None:
            return person
        known = self._titled_gender(person.actor.id)
        recent = list(reversed(self.recent_persons.values()))
        if known is not None and known != gender:
            return next((m for m in recent if self._titled_gender(m.actor.id) == gender), None) or next(
                (m for m in recent if self._titled_gender(m.actor.id) is None), None)
        if known is None and gender == MARKED_GENDER:
            return next((m for m in recent if self._titled_gender(m.actor.id) == gender), person)
        return person

    def _titled_gender(self, person_id: str) -> str | None:
        if person_id not in self.title_genders:
            stated = self.affiliations.get(person_id)
            if stated is None or not stated.role:
                return None
            self.title_genders[person_id] = _gender_of_title(stated.role)
        return self.title_genders[person_id]

    def _names_its_own(self, head: Token) -> bool:
        """"the United Nations mission", "the Russian embassy": a modifier names the actor, so
        the phrase is not a description of the one met before ("the mission", "the embassy")."""
        return any(child.dep_ in ("compound", "amod", "nmod") and child.pos_ in ("PROPN", "ADJ")
                   and self._modifier_actor(child) is not None for child in head.lefts) or any(
            # "the navies of China and Russia", "the army of Sudan": the "of" names whose
            p.dep_ == "prep" and p.lower_ == "of" and o.ent_type_ in ("GPE", "NORP", "ORG")
            and self._modifier_actor(o) is not None
            for p in head.rights for o in p.children if o.dep_ == "pobj")

    def _modifier_actor(self, child: Token) -> Mention | None:
        """The actor a modifier names: the gazetteer's phrase ending at it ("US", "Russian
        Foreign Ministry"), else a demonym ("Thai and Cambodian troops")."""
        mention = self.resolver.lookup(child.doc[child.left_edge.i : child.i + 1].text)
        if mention is None and child.pos_ in ("ADJ", "PROPN"):
            actor = self.resolver.demonym(child.text)
            mention = Mention(actor, child.text) if actor else None
        return mention

    def _described(self, head: Token, core: Span) -> tuple[Mention, float] | None:
        """"Corruption Watch, a South African anti-graft group": a name the gazetteer does not
        know, with an apposition that says what kind of actor it is and whose. Also a company
        described before its name: "Swedish retailer H&M", "the US chain Walmart" (the
        parser makes "chain" the head there), whose state is no actor of the sentence."""
        if head.pos_ == "NOUN" and head.lemma_.lower() in COMPANY_NOUNS:
            names = [c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if names:
                return self._company(names[0], head)
        described = next((c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"
                          and c.lemma_.lower() in COMPANY_NOUNS), None) if head.pos_ == "PROPN" else None
        if described is not None:
            return self._company(head, described)
        if head.pos_ != "PROPN" or not core.text[:1].isupper():
            return None
        for appos in (c for c in head.rights if c.dep_ == "appos" and c.pos_ == "NOUN"):
            kinds = _described_kinds(appos.lemma_.lower())
            if not kinds:
                continue
            country = self._demonym_country(appos)
            name = _without_article(core.text)
            if not slug(name):
                return None
            actor = Actor(f"{kinds[0]}:{slug(name)}", name, kinds[0], country)
            return _by(Mention(actor, core.text), "actor.described")
        return None

    def _appositive_unknown(self, head: Token, name_head: Token) -> tuple[Mention, float] | None:
        """The actor an unknown name in apposition to a description names: the description
        gives its kind ("group", "militia", "company") and a nationality its state."""
        core = _core_span(name_head)
        name = _without_article(core.text)
        if not slug(name) or not name[:1].isupper() or name in NON_ACTOR_NAMES:
            return None
        kinds = _described_kinds(head.lemma_.lower()) or ["other"]
        actor = Actor(f"{kinds[0]}:{slug(name)}", name, kinds[0], self._demonym_country(head))
        return _by(Mention(actor, core.text), "actor.appositive_unknown")

    def _note_short_form(self, mention: Mention) -> None:
        """Once the article names a group, the last word of any of its names names it too
        ("Tamil Tigers": "the Tigers"); a word two named groups end in names neither."""
        if mention.actor.kind not in SHORT_FORM_KINDS:
            return
        for form in known_forms().get(mention.actor.id) or ():
            words = form.split()
            if len(words) < 2 or not words[-1].isalpha() or words[-1] in SHORT_FORM_STOPWORDS:
                continue
            held = self.short_forms.get(words[-1], mention)
            self.short_forms[words[-1]] = mention if held is not None and held.actor.id == mention.actor.id else None

    def _company(self, name_head: Token, described: Token) -> tuple[Mention, float] | None:
        """The company `name_head` names, of the state a modifier of the describing noun or of
        the name gives ("Swedish", "US"); a name the gazetteer knows is that actor."""
        tokens = [t for t in name_head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"
                  and t.i > described.i] + [name_head]
        name = POSSESSIVE.sub("", name_head.doc[tokens[0].i : name_head.i + 1].text)
        known = self.resolver.lookup(name)
        if known is not None:
            return _by(dataclasses.replace(known, text=name), "actor.gazetteer")
        if not slug(name) or not name[:1].isupper():
            return None
        country = self._demonym_country(described, name_head)
        return _by(Mention(Actor(f"company:{slug(name)}", name, "company", country), name), "actor.described")

    def _demonym_country(self, *heads: Token) -> str | None:
        """The state a nationality modifier of these words gives ("a South African group",
        "Swedish retailer")."""
        return next((actor.country for head in heads for c in head.lefts if c.dep_ in ("amod", "compound")
                     for actor in [self.resolver.demonym(c.text)] if actor is not None), None)

    def _titled_person(self, head: Token, speaker: Mention | None) -> tuple[Mention, float] | None:
        """"UN special envoy for Syria Lars Henriksen": the parser makes the title the head
        and buries the name in it, but a phrase that ends in a person's name names that
        person, and the words before the name are the title."""
        if head.pos_ != "NOUN" or head.ent_type_:
            return None
        last = head.right_edge
        while last.is_punct and last.i > head.i:
            last = last.nbor(-1)
        ent = _entity_of(last) if last.i > head.i else None
        if ent is None or ent.label_ != "PERSON" or ent.end != last.i + 1 or ent.start <= head.i:
            return None
        if any(t.dep_ in ("relcl", "acl", "appos") or t.lower_ in (",", "who", "which", "and")
               for t in head.doc[head.i + 1 : ent.start]):
            return None
        if head.doc[ent.start - 1].pos_ == "ADP" or POSSESSIVE.sub("", ent.text) in self.places:
            return None  # "depots near al-Qaim", "the town of Bulo Marer": a place, not a title
        known = self.resolver.lookup(ent.text)
        if known is not None:
            return None  # a place or an outlet tagged as a person
        actor = self._person(ent.text, head.doc[head.left_edge.i : ent.start].text)
        return _by(Mention(actor, ent.text), "actor.titled_person") if actor else None

    def _untagged_titled_name(self, head: Token) -> tuple[Mention, float] | None:
        """"ICC Prosecutor Helena Okafor": two or three capitalised words after a position
        word name a person, though the NER tagged none of them (it misses names after an
        organisation's acronym and a title)."""
        if head.pos_ != "PROPN" or head.ent_type_:
            return None
        chain = [head]
        while chain[0].i > 0 and (left := chain[0].nbor(-1)).dep_ == "compound" and left.head == head:
            chain.insert(0, left)
        at = max((i for i, t in enumerate(chain) if t.lower_ in POSITION_WORDS), default=None)
        if at is None:
            return None
        words = chain[at + 1:]
        if not 2 <= len(words) <= 3 or any(
                t.ent_type_ or not t.text[:1].isupper() or not t.text.replace("-", "").isalpha()
                or t.lower_ in POSITION_WORDS for t in words):
            return None
        name = head.doc[words[0].i : head.i + 1].text
        if self.resolver.lookup(name) is not None:
            return None
        actor = self._person(name, head.doc[chain[0].i : words[0].i].text)
        return _by(Mention(actor, name), "actor.title_name") if actor else None

    def _described_name(self, head: Token, name_head: Token) -> tuple[Mention, float] | None:
        """"Zimbabwe's main opposition leader, Tendai Chikowore": two or three capitalised words
        in apposition to a position word name a person, whatever the NER called them (here an
        organisation), unless the gazetteer knows the name."""
        if head.lemma_.lower() not in POSITION_WORDS | STATE_OFFICE_WORDS or name_head.pos_ != "PROPN":
            return None
        words = [t for t in name_head.lefts if t.dep_ == "compound" and t.i >= name_head.left_edge.i] + [name_head]
        if not 2 <= len(words) <= 3 or words[-1].i - words[0].i != len(words) - 1 or any(
                not t.text[:1].isupper() or not t.text.replace("-", "").isalpha() for t in words):
            return None
        name = head.doc[words[0].i : name_head.i + 1].text
        if self.resolver.lookup(name) is not None:
            return None
        actor = self._person(name, None)
        return _by(Mention(actor, name), "actor.person") if actor else None

    def _owned_body(self, owner: tuple[Mention, float], lemma: str, head: Token,
                    core: Span) -> tuple[Mention, float] | None:
        """"her government", "Dube's army": a person's body is the body the person serves, or
        the person's state with the body's role."""
        if owner[0].actor.kind != "person" or lemma not in OWNED_BODIES:
            return None
        body = self.body_of(owner[0])
        if body is None:
            return None
        role = (DESCRIPTION_ROLES.get(lemma) or self.resolver.group_role(head.text) or "government") \
            if body.actor.kind == "country" else body.role
        return _by(Mention(body.actor, core.text, role), "actor.owner_body", owner[1])

    def _coordinated_person(self, head: Token) -> Actor | None:
        """The person met before whose name this one is coordinated with ("Benjamin Netanyahu
        and energy minister Yuval Steinitz"): the parser hangs the second name on the first."""
        if head.dep_ != "conj":
            return None
        ent = _entity_of(head.head)
        if ent is None or ent.label_ != "PERSON":
            return None
        return self.persons.get(_name_words(ent.text)[0])

    def _sentence_case_word(self, ent: Span) -> bool:
        """actor.sentence_case_word: "Weather out there means leaving home", "Findings" in a
        headline. One word the NER calls a person, capitalised only because it opens a sentence
        or stands in the headline, that the article also writes in lower case, is a word, not
        a name (a person's name is capitalised wherever it stands); so is a relation noun
        ("Fiancée of murdered Saudi journalist demands justice")."""
        if len(ent) != 1 or not rules.enabled("actor.sentence_case_word"):
            return False
        token = ent[0]
        if token.lower_ in RELATION_NOUNS:
            return True
        if not (token.is_sent_start or token.sent.start == 0) or token.text in self.persons:
            return False
        return token.text.lower() in self._lower_case_words(token.doc)

    def _met_through_title(self, person: Actor, position: int) -> None:
        """actor.title_body: "OPEC Secretary-General Rilwanu Lukman said the group rejected U.S.
        pressure": the body a title names is the one met last of its kind, for the descriptions
        that follow ("the group", "the alliance"), though it was named inside the title."""
        stated = self.affiliations.get(person.id)
        if stated is None or stated.organisation.kind in ("country", "person") \
                or not rules.enabled("actor.title_body"):
            return
        body = stated.organisation
        if position >= self.last_by_kind.get(body.kind, (-1, None))[0]:
            self.last_by_kind[body.kind] = (position, Mention(body, body.name))

    def _without_sentence_case_word(self, ent: Span) -> Span:
        """actor.sentence_case_word, for the first of three or more words: "Podcaster Spike
        Cohen" opening a sentence of an article that writes "podcaster Spike Cohen" elsewhere
        is Spike Cohen. Two words stay a name ("Rich Bowen")."""
        if len(ent) < 3 or not rules.enabled("actor.sentence_case_word"):
            return ent
        first = ent[0]
        if not (first.is_sent_start or first.sent.start == 0) or not first.is_title:
            return ent
        return ent[1:] if first.text.lower() in self._lower_case_words(first.doc) else ent

    def _lower_case_words(self, doc: Doc) -> set[str]:
        if self.lower_words is None:
            self.lower_words = {t.text for t in doc if t.text.islower()}
        return self.lower_words

    def _person_mention(self, head: Token, ent: Span | None) -> Mention | None:
        person = rules.rule("actor.person")
        if ent is None:
            name = _bare_name(head)  # "Recep Tayyip Erdogan" the NER left untagged, or "Erdogan"
            actor = self.persons.get(name) or self.known_person(name)
            if actor is not None and self.resolver.persons.get(actor.id) is not None:
                person = rules.rule("actor.known_person")
                self.persons.setdefault(name, actor)
                self._note_offices(actor)
            return Mention(actor, name, rule=person) if actor else None
        # NER calls places and outlets persons at times ("al-Tanf", "Sputnik"): the
        # gazetteer knows better.
        known = self.resolver.lookup(ent.text)
        if known is not None:
            return dataclasses.replace(known, rule=rules.rule("actor.gazetteer"))
        if self._sentence_case_word(ent):
            return None
        ent = self._without_sentence_case_word(ent)
        title = self._person_title(head, ent)
        partner = self._coordinated_person(head)
        if title is None and partner is not None:
            # "Representatives Eliot Engel, Adam Schiff, and Elijah Cummings": a legislators'
            # title in the plural is each one's (not "Presidents Buhari of Nigeria and Talon
            # of Benin", whose states differ).
            shared = self.titles.get(partner.id, "")
            if shared.split() and shared.split()[-1].lower().rstrip(".") in PLURAL_LEGISLATORS:
                title = shared
        actor = self._person(ent.text, title, partner)
        if actor is not None and title:
            self.titles.setdefault(actor.id, title)
            self._met_through_title(actor, head.i)
        gender = _gender_of_title(title) if actor is not None and title else None
        if gender is not None:
            self.title_genders.setdefault(actor.id, gender)  # "spokeswoman Lena Hartmann"
        if actor is not None and self.resolver.persons.get(actor.id) is not None:
            person = rules.rule("actor.known_person")
        if POSSESSIVE.sub("", ent.text) in self.claimed_given:
            person = rules.rule("actor.given_name")
        return Mention(actor, ent.text, rule=person) if actor else None


def _singular(word: str) -> str:
    """"representatives" -> "representative": titles before several names are plural."""
    return word[:-1] if word.endswith("s") and word[:-1] in STATE_OFFICE_WORDS else word


def _gender_of_title(text: str) -> str | None:
    """"spokeswoman", "Mrs", "Queen": a title that says which pronoun its holder takes."""
    words = {w.strip(".,").lower() for w in text.split()}
    if words & FEMALE_TITLES:
        return "she"
    if words & MALE_TITLES:
        return "he"
    return None


def _described_kinds(noun: str) -> list[str]:
    """The kinds of actor other than a state that a describing noun gives a name ("group",
    "militia"; "maker", "airline": a company)."""
    return [k for k in DESCRIPTION_KINDS.get(noun, ()) if k != "country"] or (
        ["company"] if noun in COMPANY_NOUNS else [])


def _without_article(text: str) -> str:
    """A name without its article and possessive: "the Nigeria Labour Congress's" -> "Nigeria
    Labour Congress"."""
    return POSSESSIVE.sub("", text[4:] if text.lower().startswith("the ") else text)


def _by(mention: Mention, how: str, inherited: float = 1.0) -> tuple[Mention, float]:
    """A mention resolved by the named rule `how`, with the confidence factor the rule gives
    times that of the phrase it went through ("its troops": the owner pronoun's)."""
    return dataclasses.replace(mention, rule=rules.rule(how)), inherited * rules.factor(how)


def _entity_of(token: Token) -> Span | None:
    """The entity span a token is in. spaCy gives tokens an entity type but not their span;
    walking left to the entity's first token (IOB "B") finds it without scanning doc.ents."""
    if not token.ent_type_:
        return None
    start = token.i
    while token.doc[start].ent_iob_ != "B" and start > 0:
        start -= 1
    end = token.i + 1
    doc = token.doc
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    # "Kang Min-seok": the tokenizer splits a hyphenated given name and the NER keeps its first
    # half; the halves written together are one name.
    while token.ent_type_ == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" \
            and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return Span(doc, start, end, label=token.ent_type_)


def _name_words(text: str) -> tuple[str, list[str]]:
    """A name without possessive and quotes, and its words; no words when one of them cannot
    be part of a person's name. What the NER glues to a name goes: a compound adjective's
    tail ("the Bernie Sanders-backed candidate" names Sanders) and a photo caption's word
    ("Elizabeth Warren Image: U.S. Senate")."""
    name = POSSESSIVE.sub("", text).strip(" ,.\"“”")
    name = ADJECTIVE_TAIL.sub("", name)
    words = name.split()
    while len(words) > 1 and words[-1].lower() in CAPTION_WORDS:
        words.pop()
        name = " ".join(words)
    return name, words if all(NAME_WORD.match(w) for w in words) else []


def _bare_name(head: Token) -> str:
    """The proper name a head ends: "Recep Tayyip Erdogan" when every word before it is a proper
    noun of its compound, else the head alone."""
    words = [t for t in head.lefts if t.dep_ == "compound"]
    if words and all(t.pos_ == "PROPN" for t in words) and words[-1].i == head.i - 1:
        start = min(t.left_edge.i for t in words)
        if all(t.pos_ == "PROPN" for t in head.doc[start : head.i]):
            return head.doc[start : head.i + 1].text
    return head.text


def _words_of(mention: Mention, core: Span) -> tuple[int, int]:
    """The character offsets of the words that named the actor: the mention's own text where
    the phrase's core holds it ("Maria Zakharova" in "Russian Foreign Ministry spokeswoman
    Maria Zakharova"), else the whole core."""
    at = core.text.find(mention.text) if mention.text else -1
    if at < 0:
        return core.start_char, core.end_char
    return core.start_char + at, core.start_char + at + len(mention.text)


def _core_span(head: Token) -> Span:
    """The head noun with its name-building left dependents, without clauses and
    prepositional tails: "the Russian Foreign Ministry" of "the Russian Foreign Ministry,
    which ...". The tokens stay contiguous."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in CORE_DEPS:
            start = min(start, child.left_edge.i)
    return head.doc[start : head.i + 1]
