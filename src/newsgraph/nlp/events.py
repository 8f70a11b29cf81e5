"""Rules that read actor–action–target events off spaCy's dependency parse.

One pass per sentence: find who is speaking (reporting verbs and their clausal complements),
then read each content verb: its subjects (shared across coordinated verbs, inherited by
controlled infinitives), its targets (direct object, or the object of a directional
preposition, or the object of an event noun after a light verb), passive voice, negation and
modality. Only structure is used, never the words of any one text, so the rules carry over to
articles they were not written against."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.actions import lexicon
from newsgraph.graph.records import Action, Actor, Event, Mention
from newsgraph.nlp import rules
from newsgraph.nlp import repairs  # noqa: F401  registers Token._.repaired
from newsgraph.nlp.actors_in_text import GROUP_PRONOUNS, PERSON_PRONOUNS, POPULACE_SECTORS, ArticleActors, slug

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
TARGET_PREPS = rules.words("target_preps")
CONTAINER_NOUNS = rules.words("container_nouns")
NOUN_TARGET_PREPS = TARGET_PREPS | rules.words("noun_target_preps")
POSITION_PREPS = rules.words("position_preps")
RECIPROCAL_LEMMAS = rules.words("reciprocal")
TOPIC_PREPS = rules.words("topic_preps")
POSSIBLE_AUX = rules.words("possible_aux")
MUTUAL_VERBS = rules.words("mutual_verbs")
FINITE_TAGS = rules.words("finite_tags")
CLAUSE_LINKS = rules.words("clause_links")
MEANS_NOUNS = rules.words("means_nouns")
OWNING_VERBS = rules.words("owning_verbs")
EMPTY_VERBS = rules.words("empty_verbs")
GERUND_PREPS = rules.words("gerund_preps")
LOCATIVE_PREPS = rules.words("locative_preps")
PROTEST_VERBS = rules.words("protest_verbs")
PROTESTING = rules.words("protesting_sectors")
MEASURE_VERBS = rules.words("measure_verbs")
VERBAL_ATTACK_VERBS = rules.words("verbal_attack_verbs")
ENABLING_VERBS = rules.words("enabling_verbs")
HELPING_VERBS = rules.words("helping_verbs")
WARNING_VERBS = rules.words("warning_verbs")
# "executives of Volkswagen and BASF", "the governments of Lithuania, Latvia and Estonia"
MEMBER_NOUNS = rules.words("group_nouns") | rules.words("member_nouns")
SPEAKING_NOUNS = rules.words("speaking_nouns")
REPORTERS_OWN = MEMBER_NOUNS | rules.words("owned_bodies")  # people a reporter's "its", "his" may own
LEMMA_PREPS = rules.words("lemma_preps")
LOCATED_CATEGORIES = rules.words("located_categories")
DESTINATION_PREPS = rules.words("destination_preps")
# The lexicon's modality hint for a governed event, as the event's modality.
HINTED_MODALITY = {"intent": "intended", "request": "requested", "threat": "threatened", "possible": "possible"}
MODALITY_RULES = {"requested": rules.rule("modality.requested"), "intended": rules.rule("modality.intended"),
                  "threatened": rules.rule("modality.threatened")}
# Verbs whose object is credited or blamed with an act ("accused X of", "thanked X for").
CREDITING = frozenset({"ACCUSE", "SUPPORT", "DISAPPROVE"})
# The rules named on every path, checked against the registry once, at import.
SOURCE_SUBJECT = rules.rule("source.subject")
ACTION_VERB = rules.rule("action.verb")
WARNING_CLAUSE = rules.rule("action.warning_clause")
ACCUSER = rules.rule("speaker.accuser")
REPORTED_CLAUSE = rules.rule("speaker.clause")
SPEAKER_PRONOUN = rules.rule("source.speaker_pronoun")
TARGET_OBJECT = rules.rule("target.object")
TARGET_PREPOSITION = rules.rule("target.preposition")
MEANS_PHRASE = rules.rule("target.means_phrase")
OWNER_OF_OBJECT = rules.rule("target.owner_of_object")
PHONE_CALL = rules.rule("action.phone_call")
CALL_VERBS = frozenset({"speak", "talk"})
OBJECT_PREPOSITION = rules.rule("target.object_preposition")
NESTED_PREPOSITION = rules.rule("target.nested_preposition")
VISITED_PLACE = rules.rule("target.visited_place")
VISIT_PREPS = rules.words("visit_preps")
CONDITIONAL_MARKS = rules.words("conditional_marks")
PEOPLE_VERBS = rules.words("people_verbs")
CONTEST_VERBS = rules.words("contest_verbs")
SPORT_WORDS = rules.words("sport_words")
SPORTS_RESULT = rules.rule("action.sports_result")
PRESS_INTERVIEW = rules.rule("action.press_interview")
SCORE = re.compile(r"\b\d{1,3} ?[-–] ?\d{1,3}\b")
PEOPLE_NOUNS = rules.words("people_nouns")
PEOPLE_OBJECT = rules.rule("action.people_object")
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})  # entities that may name an actor
NARRATOR_OBJECT = rules.rule("action.narrator_object")
NARRATOR_PRONOUNS = rules.words("narrator_pronouns")
TARGET_NONE = rules.rule("target.none")
SENDING_VERBS = rules.words("sending_verbs")
ORIGIN_PREPS = frozenset({"from"})
RELIEF_SENDING = rules.rule("action.relief_sending")
DISASTER_WORDS = rules.words("disaster_words") | rules.words("storm_words")
RELIEF_WORDS = rules.words("relief_words") | DISASTER_WORDS
MILITARY_SENT = rules.words("military_sent")
QUESTION = rules.rule("action.question")
HOST_COUNTRY = rules.rule("target.host_country")
CROWD_CONTROL = rules.rule("action.crowd_control")
EASING_MEASURE = rules.rule("action.easing_measure")
MODE_OBJECT = rules.rule("action.object_mode")
MODE_PREPS = rules.words("mode_preps")
EASING_VERBS = rules.words("easing_verbs")
STATELESS_BODIES = frozenset({"igo", "ngo", "company"})
CROWD_WEAPONS = rules.words("crowd_weapons")
CROWD_NOUNS = rules.words("crowd_nouns")
NOUN_MODIFIER = rules.rule("target.noun_modifier")
CROSSING_VERBS = rules.words("crossing_verbs")
OWN_PEOPLE = POPULACE_SECTORS | {"people"}
QUESTION_END = re.compile(r"\?[\s\"'”’)\]]*$")


@dataclass(frozen=True)
class Participant:
    mention: Mention
    factor: float  # 1.0 named outright; lower for pronouns and modifiers
    rules: tuple[str, ...] = ()  # how its phrase was found, and how the phrase was resolved
    phrase: int = 0  # which candidate phrase it came from: conjuncts of one phrase share it


Found = tuple[Token, str]  # a token that may name a participant, and the rule that found it


def event_id(article_id: str, token_index: int, source_id: str, target_id: str | None) -> str:
    key = f"{article_id}|{token_index}|{source_id}|{target_id or ''}"
    return "event:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:24]


def _conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.conjuncts if _verb_it_opens(c) is None)] if token.dep_ != "conj" else [token]


def _verb_it_opens(token: Token) -> Token | None:
    """"Yemeni troops surrounded the area and the German Foreign Ministry sent a team": the
    parser joins the ministry to the area, and "sent" to "surrounded" without a subject. A
    noun joined to an object and followed at once by a finite verb joined to the object's
    verb, which has no subject of its own, is that verb's subject (source.object_conjunct)."""
    if token.dep_ != "conj" or token.pos_ not in ("NOUN", "PROPN") or token.right_edge.i + 1 >= len(token.doc):
        return None
    first = token
    while first.dep_ == "conj":
        first = first.head
    verb = token.doc[token.right_edge.i + 1]
    if (first.dep_ != "dobj" or verb.dep_ != "conj" or verb.head != first.head or not _subjectless_finite(verb)
            or not rules.enabled("source.object_conjunct")):
        return None
    return verb


def _subjectless_finite(verb: Token) -> bool:
    """A verb with tense but no subject of its own: the parser took its subject from a verb it
    joined it to, which may be the wrong one."""
    return verb.tag_ in FINITE_TAGS and not _children(verb, SUBJECT_DEPS | {"nsubjpass"})


def _coordinated(token: Token) -> list[Token]:
    """A phrase and those coordinated with it, also through the name in apposition the parser
    hangs them on: "by Israeli prime minister Benjamin Netanyahu and ... Yuval Steinitz"."""
    found = _conjuncts(token)
    for appos in _children(token, {"appos"}):
        found += [c for c in appos.conjuncts if c not in found]
    return found


def _origins(lemma: str) -> frozenset[str]:
    """"dispatched a rescue team from Tibet", "sent troops from Kenya": after what is sent,
    "from" names where it comes from, not whom the sending is aimed at."""
    return ORIGIN_PREPS if lemma in SENDING_VERBS else frozenset()


def _children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _frame_prep(verb: Token) -> str | None:
    """The first directional preposition of a verb ("called on", "appealed to"), or the "for"
    of a clause it governs ("called for Russia to withdraw")."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS),
                "for" if _for_clause(verb) is not None else None)


def _for_clause(verb: Token) -> Token | None:
    """"called for Russia to withdraw its troops": the parser makes "for" the mark of a clause
    whose subject is the one asked; the verb's frame is still "call for"."""
    return next((c for c in verb.children if c.dep_ == "advcl" and _is_infinitive(c)
                 and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                 and _children(c, {"nsubj"})), None)


def _is_headline_verb(token: Token) -> bool:
    """"Al-Shabaab attacks African Union base": a headline verb the tagger took for a plural
    noun, with its subject hung on it as a compound."""
    return (token.dep_ == "ROOT" and token.pos_ in ("NOUN", "PROPN") and token.tag_ in ("NNS", "NNPS", "VBZ")
            and token.lower_.endswith("s") and any(c.dep_ == "compound" for c in token.lefts)
            and lexicon.classify(token.lemma_.lower()).known)


def _continued_verb(verb: Token) -> Token | None:
    """The verb a finite conjunct continues when the parser joined it to a verb without tense:
    "urged both sides to show restraint and offered to mediate", "accused the Tigers of using
    the truce and ordered ...", "said Brazil would keep its border open and promised ...". A
    verb with tense cannot continue an infinitive or a gerund; it continues the nearest verb
    above with its own tense, whose subject and mood it shares. None for any other verb."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or head.tag_ not in ("VB", "VBG"):
        return None
    if head.tag_ == "VB" and _is_infinitive(head) and head.dep_ in ("xcomp", "advcl") \
            and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    above = head
    for _ in range(4):
        if above.dep_ not in CLAUSE_LINKS:
            return None
        above = above.head
        if above.pos_ in ("VERB", "AUX") and above.tag_ == verb.tag_:
            return above
    return None


def _is_infinitive_noun(token: Token) -> bool:
    """"offered to host talks": a verb after "to" that the tagger took for a noun."""
    return (token.dep_ == "xcomp" and token.pos_ == "NOUN" and _is_infinitive(token)
            and lexicon.classify(token.lemma_.lower()).known)


def _is_temporal(prep: Token) -> bool:
    """"on Wednesday", "over the weekend": a phrase of time, which names no target."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_request(verb: Token) -> bool:
    """urge, ask, and verbs that request only with their preposition ("call on")."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.REQUEST_VERBS:
        return True
    prep = _frame_prep(verb)
    return prep is not None and lexicon.classify(lemma, None, prep).modality == "request"


def _requests_clause(verb: Token) -> bool:
    """"demanded that US troops leave Iraq": a demand or request whose content is a clause.
    The clause's subject is asked, and its action is requested, not reported as done."""
    return (lexicon.classify(verb.lemma_.lower()).category in ("DEMAND", "REQUEST")
            and any(c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children) for c in verb.children))


def _requestees(verb: Token) -> list[Token]:
    """Who is asked: the object ("urged Washington") or the prepositional object
    ("called on Washington")."""
    objects = _children(verb, {"dobj", "dative"})
    if objects:
        return objects
    return [c for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "upon", "to")
            for c in _children(p, {"pobj"})]


def _announces_event(verb: Token) -> bool:
    """"announced a complete withdrawal", "declared a ceasefire": a speech verb that is also a
    light verb reads its object's event when the object is an event noun."""
    lemma = verb.lemma_.lower()
    return lexicon.is_light_verb(lemma) and any(
        lexicon.classify_noun(_noun_key(_event_noun_of(o, lemma)), lemma) is not None
        for o in _children(verb, {"dobj"}))


def _noun_key(noun: Token) -> str:
    """The noun with the modifiers right before it, for the lexicon's longest match:
    "economic support" is aid where "support" alone is backing, "general strike" a protest
    where "strike" alone is an attack."""
    words = [noun.lemma_.lower()]
    for left in reversed(list(noun.lefts)):
        if left.i != noun.i - len(words) or left.dep_ not in ("compound", "amod"):
            break
        words.insert(0, left.lower_)
    return " ".join(words)


def _event_noun_of(obj: Token, verb_lemma: str) -> Token:
    """"carried out hundreds of strikes", "held two days of talks", "agreed a package of
    sanctions": an object that only counts or packages an event noun stands for that noun."""
    if lexicon.classify_noun(obj.lemma_.lower(), verb_lemma) is not None:
        return obj
    if obj.lemma_.lower() in CONTAINER_NOUNS:  # "a new aid package", "a sanctions package"
        for part in obj.lefts:
            if part.dep_ == "compound" and lexicon.classify_noun(part.lemma_.lower(), verb_lemma) is not None:
                return part
    # "dozens of strikes"; "50 million dollars in aid", the "in" hung on the noun or the verb
    verb_in = [p for p in obj.head.children if p.dep_ == "prep" and p.lower_ == "in"] if obj.dep_ == "dobj" else []
    for prep in [*obj.children, *verb_in]:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in") and not _is_temporal(prep):  # not "In March"
            for pobj in _children(prep, {"pobj"}):
                if lexicon.classify_noun(pobj.lemma_.lower(), verb_lemma) is not None:
                    return pobj
    return obj


class SentenceReader:
    """Reads one sentence with the article's actor memory."""

    def __init__(self, sent: Span, actors: ArticleActors) -> None:
        self.sent = sent
        self.actors = actors
        self.speakers: dict[int, Mention] = {}
        self.speaker_rules: dict[int, str] = {}  # token -> the rule that found its reporter
        self.speaker_heads: dict[int, Token] = {}  # token -> the subject token of its reporter
        self.headline = False

    # -- participants ----------------------------------------------------------------

    def _participants(self, heads: list[Found], verb: Token, subject: bool = False) -> list[Participant]:
        """Each actor once ("Moscow and the Kremlin" is one Russia), best-named first."""
        found: dict[str, Participant] = {}
        # an object pronoun cannot be the clause's subject, read just before it
        clause_subjects = frozenset() if subject else frozenset(
            m.actor.id for at, ms in self.actors.subjects[-1:] if at == verb.i for m in ms)
        for phrase, (head, how) in enumerate(heads):
            for token, token_how in self._expand_speaker_pronoun(head, verb, how):
                several = self._last_subjects(verb) if token.pos_ == "PRON" and token.lower_ in (
                    ("they",) if subject else ("them",)) else None
                if several is not None and len(several) > 1:
                    # "Egypt, Greece and France met in Cairo. They called on Turkey to ...",
                    # "Lithuania and Latvia called on Brussels to help them": "they" and "them"
                    # after a subject of several actors are all of them.
                    plural = rules.rule("actor.plural_pronoun")
                    for mention in several:
                        found.setdefault(mention.actor.id, Participant(
                            dataclasses.replace(mention, text=token.text, rule=plural),
                            rules.factor(plural) * rules.factor(token_how), _rules(token_how, plural), phrase))
                    continue
                resolved = self._accuser_possessive(token, verb) or (
                    self._reporter_possessive(token, verb) if subject else None) or self.actors.resolve(
                    token, self.speakers.get(verb.i), subject=subject, not_=clause_subjects)
                if resolved is not None:
                    mention, factor = resolved  # times the factor of the rule that found the phrase
                    first = Participant(mention, factor * rules.factor(token_how), _rules(token_how, mention.rule),
                                        phrase)
                    for participant in (first, *self._modifier_partners(token, first)):
                        actor_id = participant.mention.actor.id
                        if actor_id not in found or found[actor_id].factor < participant.factor:
                            found[actor_id] = participant
        if subject and found:
            self.actors.subjects.append((verb.i, [p.mention for p in found.values()]))
        return list(found.values())

    def _last_subjects(self, verb: Token) -> list[Mention] | None:
        """The actors of the last subject read before this verb's own."""
        return next((mentions for at, mentions in reversed(self.actors.subjects) if at != verb.i), None)

    def _accuser_possessive(self, token: Token, verb: Token) -> tuple[Mention, float] | None:
        """"Azerbaijan accused Armenian troops of shelling its positions": in an alleged act,
        "its" is the accuser's; the accused would not be said to attack itself."""
        if self.speaker_rules.get(verb.i) != ACCUSER:
            return None
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
            return None
        accuser = self.actors.organisation_of(self.speakers.get(verb.i))
        if accuser is None:
            return None
        how = rules.rule("actor.accuser_possessive")
        return Mention(accuser.actor, token.text, accuser.role, how), rules.factor(how)

    def _reporter_possessive(self, token: Token, verb: Token) -> tuple[Mention, float] | None:
        """"The army denied that its troops had killed prisoners", "the minister said his
        soldiers had moved": the owner of the reported act's doers is the one reporting it (a
        person's: the body the person speaks for)."""
        if self.speaker_rules.get(verb.i) != REPORTED_CLAUSE or token.pos_ != "NOUN":
            return None
        if token.lemma_.lower() not in REPORTERS_OWN and self.actors.resolver.group_role(token.text) is None:
            return None  # "his critics", "their casualties": not the reporter's own people
        owner = next((c.lower_ for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        speaker = self.speakers.get(verb.i)
        if owner is None or speaker is None:
            return None
        if speaker.actor.kind == "person":
            if owner not in PERSON_PRONOUNS:
                return None
            body = self.actors.body_of(speaker)
        else:
            body = speaker if owner in GROUP_PRONOUNS else None
        if body is None:
            return None
        how = rules.rule("actor.reporter_possessive")
        role = self.actors.resolver.group_role(token.text) if body.actor.kind == "country" else None
        return Mention(body.actor, token.text, role or body.role, how), rules.factor(how)

    def _modifier_partners(self, head: Token, first: Participant) -> list[Participant]:
        """"Russian and Syrian troops": the head names one state through its first modifier;
        the coordinated modifiers name the others."""
        found = []
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and child.conjuncts:
                for partner in child.conjuncts:
                    actor = self.actors.resolver.demonym(partner.text)
                    mention = (Mention(actor, partner.text, first.mention.role, rules.rule("actor.modifier"))
                               if actor else self.actors.resolver.lookup(partner.text))
                    if mention is not None:
                        mention = dataclasses.replace(mention, actor=self.actors.resolver.canonical(mention.actor))
                    if mention is not None and mention.actor.id != first.mention.actor.id:
                        found.append(Participant(mention, first.factor, first.rules[:1] + _rules(mention.rule),
                                                 first.phrase))
        return found

    def _expand_speaker_pronoun(self, head: Token, verb: Token, how: str) -> list[Found]:
        """The subject pronoun of a reported clause is its reporter: in "Denmark and the
        Netherlands said they backed Washington", they are Denmark and the Netherlands."""
        speaker = self.speaker_heads.get(verb.i)
        if (
            speaker is not None
            and head.pos_ == "PRON"
            and head.dep_ in ("nsubj", "nsubjpass")
            and head.lower_ in ("they", "it", "he", "she")
        ):
            tokens = _conjuncts(speaker) if head.lower_ == "they" else [speaker]
            return [(t, SPEAKER_PRONOUN) for t in tokens]
        found = [(t, how) for t in _coordinated(head)]
        lemma = head.lemma_.lower()
        if lemma in MEMBER_NOUNS | SPEAKING_NOUNS:
            # "executives of Volkswagen and BASF": each company the group comes from;
            # "negotiators for the government and the ELN": each side they speak for
            linking = ("of", "from", "for") if lemma in SPEAKING_NOUNS else ("of", "from")
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in linking):
                for pobj in _children(prep, {"pobj"}):
                    found += [(t, how) for t in pobj.conjuncts]
        return found

    def _lower_conjunct(self, verb: Token) -> Token | None:
        """The verb above the clause a finite, subjectless conjunct was joined to, when that
        clause hangs below it, after it, as an adverbial or reported clause ("halted ... after
        talks broke down, and accused", "said that police tortured ... and urged")."""
        head = verb.head
        if (verb.dep_ != "conj" or not _subjectless_finite(verb)
                or head.dep_ not in ("advcl", "ccomp") or head.head.pos_ not in ("VERB", "AUX")
                or head.head.i > head.i  # "... and demanded a ransom, the ministry said": reported
                or not rules.enabled("source.lower_conjunct")):
            return None
        return head.head

    def _subject_tokens(self, verb: Token) -> list[Found]:
        own = _children(verb, SUBJECT_DEPS)
        if own and verb.dep_ == "relcl" and own[0].tag_ in ("WDT", "WP") and verb.head.pos_ in ("NOUN", "PROPN"):
            return [(verb.head, rules.rule("source.relative_clause"))]  # "Saudi Arabia, which has held talks"
        if own:
            whole = _phrase_heads(own)
            return [(t, SOURCE_SUBJECT if len(whole) == len(own) else rules.rule("source.split_phrase"))
                    for t in whole]
        if verb.dep_ == "ROOT" and self.headline:
            # headlinese: "Paraguay extradites ...", "IAEA board censures Iran": the parser
            # hangs the subject on the verb as a compound.
            named = [c for c in verb.lefts if c.dep_ in ("compound", "nmod")]
            if named:
                return [(named[-1], rules.rule("source.headline_compound"))]
        head = verb.head
        opened = [t for o in _children(head, {"dobj"}) for t in o.conjuncts if _verb_it_opens(t) == verb]
        if verb.dep_ == "conj" and opened:
            return [(opened[-1], rules.rule("source.object_conjunct"))]
        continued = _continued_verb(verb)
        if continued is not None:
            return _as(self._subject_tokens(continued), rules.rule("source.finite_conjunct"))
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            return _as(self._subject_tokens(head), rules.rule("source.conjoined_verb"))
        if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and _is_request(head) and _is_infinitive(verb)):
            # "urged Washington to withdraw": the requestee acts; "refused to meet": the subject.
            # The parser sometimes hangs the request's infinitive as a purpose clause.
            if _is_request(head):
                requestees = _requestees(head)
                if requestees:
                    return [(t, rules.rule("source.requestee")) for t in requestees]
            if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "is due to visit", "is ready to help"
                head = head.head
            if not _children(head, SUBJECT_DEPS) and _children(head, {"nsubjpass"}):
                # "China is expected to retaliate", "Iran was asked to stop": the passive subject acts
                return [(t, rules.rule("source.passive_controller")) for t in _children(head, {"nsubjpass"})]
            return _as(self._subject_tokens(head), rules.rule("source.controller"))
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for"):
            # "accused the United States of occupying ...", "thanked Buenos Aires for sending":
            # the one accused, thanked or blamed acts. The parser hangs "of" on the verb or on
            # its object.
            owner = head.head
            if owner.dep_ == "dobj" and owner.head.pos_ == "VERB":
                objects, owner = [owner], owner.head
            else:  # "Haddad is accused by US prosecutors of laundering": the passive subject
                objects = _children(owner, {"dobj"}) or _children(owner, {"nsubjpass"})
            if objects and lexicon.classify(owner.lemma_.lower()).category in CREDITING:
                return [(t, rules.rule("source.accused")) for t in objects]
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in GERUND_PREPS:
            owner = head.head
            if owner.pos_ == "ADJ" and owner.dep_ == "acomp":  # "was forceful in blaming Iran"
                owner = owner.head
            if owner.pos_ in ("VERB", "AUX"):
                return _as(self._subject_tokens(owner), rules.rule("source.gerund"))
        if verb.dep_ == "advcl" and _is_infinitive(verb):
            if not rules.enabled("source.purpose"):
                return []
            return _as(self._subject_tokens(head), rules.rule("source.purpose"))
        if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN"):
            return [(head, rules.rule("source.relative_clause"))]
        if verb.dep_ == "acl" and verb.tag_ in FINITE_TAGS and head.pos_ in ("NOUN", "PROPN") \
                and not _children(verb, {"nsubj"}):
            # "Turkey, which keeps posts there, called on Russia": a misparse
            return [(head, rules.rule("source.misparsed_clause"))]
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.pos_ in ("VERB", "AUX"):
            # "ambushed a patrol, killing five soldiers"
            return _as(self._subject_tokens(head), rules.rule("source.participle"))
        return []

    # -- speakers ----------------------------------------------------------------------

    def _report(self, tokens, mention: Mention, how: str, head: Token | None = None) -> None:
        for token in tokens:
            if token.i not in self.speakers:
                self.speakers[token.i] = mention
                self.speaker_rules[token.i] = how
            if head is not None:
                self.speaker_heads.setdefault(token.i, head)

    def find_speakers(self) -> None:
        """Maps every token of a reported clause to the person or body reporting it."""
        for verb in self.sent:
            if verb.pos_ != "VERB" or not self._is_reporting(verb):
                continue
            # "dismissed the complaint, saying ...", "denied it and said ...": a reporting verb
            # without a subject of its own has the one any verb there would have.
            subjects = _children(verb, SUBJECT_DEPS) or [t for t, _ in self._subject_tokens(verb)]
            if not subjects:
                continue
            resolved = self.actors.resolve(subjects[0], subject=True)  # a speaker is a subject, for pronouns
            if resolved is None:
                continue
            for clause in _children(verb, {"ccomp", "parataxis"}):
                self._report(clause.subtree, resolved[0], rules.rule("speaker.clause"), subjects[0])
            # "said in a statement that Turkey had violated ...": the content clause of the
            # statement is reported too.
            content = [t for p in _children(verb, {"prep"}) for t in p.subtree
                       if t.dep_ == "acl" and t.pos_ == "VERB" and _children(t, {"nsubj"})]
            for clause in content:
                self._report(clause.subtree, resolved[0], rules.rule("speaker.statement"), subjects[0])
        # "According to the UN, Sudan's army shelled the camp": the UN reports the clause.
        for verb in self.sent:
            if verb.pos_ != "VERB":
                continue
            for according in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "according"):
                sources = [p for t in _children(according, {"prep"}) if t.lower_ == "to"
                           for p in _children(t, {"pobj"})]
                resolved = self.actors.resolve(sources[0]) if sources else None
                if resolved is not None:
                    self._report(verb.subtree, resolved[0], rules.rule("speaker.according_to"))
        # "X accused Y of shelling Z", "X thanked Y for sending Z": the act is X's claim.
        for verb in self.sent:
            if verb.pos_ != "VERB" or lexicon.classify(verb.lemma_.lower()).category not in CREDITING:
                continue
            subjects = _children(verb, SUBJECT_DEPS) or [
                c for a in _children(verb, {"agent"}) for c in _children(a, {"pobj"})]  # "is accused by X of"
            holders = [verb, *_children(verb, {"dobj"})]
            alleged = [c for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
                       for c in _children(p, {"pcomp"})]
            if not subjects or not alleged:
                continue
            resolved = self.actors.resolve(subjects[0])
            if resolved is not None:
                for clause in alleged:
                    self._report(clause.subtree, resolved[0], ACCUSER)

    @staticmethod
    def _is_reporting(verb: Token) -> bool:
        if verb.lemma_.lower() in ENABLING_VERBS:
            return False  # "helped Estonia restore": the clause is what is helped, not said
        if not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
            return verb.lemma_.lower() in lexicon.SPEECH_VERBS and any(
                t.dep_ == "acl" and _children(t, {"nsubj"}) for p in _children(verb, {"prep"}) for t in p.subtree)
        if _requests_clause(verb):
            return False
        return verb.lemma_.lower() in lexicon.SPEECH_VERBS or not any(
            c.dep_ in ("dobj", "dative", "prep") for c in verb.children
        )

    # -- events ------------------------------------------------------------------------

    def _modality(self, verb: Token) -> tuple[str | None, bool, tuple[str, ...]]:
        """(modality, negated, the rules that decided them) from auxiliaries and from a
        controlling verb."""
        negated = _is_negated(verb)
        used = [rules.rule("negation.not")] if negated else []
        modality = None
        if any(c.dep_ == "aux" and c.lower_ in POSSIBLE_AUX for c in verb.children):
            modality = "possible"
            used.append(rules.rule("modality.possible"))
        anchor = verb
        while anchor.dep_ == "conj" and anchor.head.pos_ == "VERB":
            anchor = _continued_verb(anchor) or anchor.head
        if anchor.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
            modality = "intended"  # headline future: "NATO to send more troops to Lithuania"
            used.append(rules.rule("modality.headline_infinitive"))
        if anchor.dep_ == "ccomp" and _requests_clause(anchor.head):
            modality = "requested"
            used.append(rules.rule("modality.requested_clause"))
        if anchor.dep_ == "advcl" and _is_infinitive(anchor) and _is_request(anchor.head):
            modality = "requested"  # "called on India and Pakistan to hold talks", parsed as a purpose
            used.append(rules.rule("modality.requested"))
        elif anchor.dep_ == "advcl" and _is_infinitive(anchor):
            if modality is None:  # a purpose ("paid bounties to kill soldiers") is not a deed
                modality = "intended"
                used.append(rules.rule("modality.purpose"))
        if modality is None and anchor.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in anchor.children):
            modality = "possible"  # "if Iran did not impose ...": a condition, not a deed
            used.append(rules.rule("modality.conditional"))
        if anchor.dep_ == "xcomp":
            controller = anchor.head.lemma_.lower()
            if _is_negated(anchor.head):
                negated = True
                used.append(rules.rule("negation.not"))
            if controller in lexicon.NEGATING_VERBS:
                negated = not negated
                used.append(rules.rule("modality.negating_verb"))
            else:
                controlled = ("requested" if _is_request(anchor.head)
                              else "intended" if controller in lexicon.INTENT_VERBS
                              else "threatened" if controller in lexicon.THREAT_VERBS else None)
                if controlled is not None:
                    modality = controlled
                    used.append(MODALITY_RULES[controlled])
        return modality, negated, tuple(used)

    @staticmethod
    def _by_who(action: Action, how: str, sources: list[Participant],
                targets: list[Participant]) -> tuple[Action, str]:
        """Verbs whose type depends on who acts: workers who strike or block a road protest;
        a state that bans or restricts a foreign actor sanctions it, at home it coerces."""
        lemma = action.lemma.split(" ")[0]
        if lemma in PROTEST_VERBS and all(s.mention.role in PROTESTING for s in sources) \
                and rules.enabled("action.protest_by_people"):
            rule = rules.rule("action.protest_by_people")
            return dataclasses.replace(action, category="PROTEST", score=-4.0), rule
        if lemma in MEASURE_VERBS and action.category == "COERCE" and targets and rules.enabled(
                "action.foreign_measure") and all(_foreign(s.mention.actor, t.mention.actor)
                                                  for s in sources for t in targets):
            rule = rules.rule("action.foreign_measure")
            return dataclasses.replace(action, category="SANCTION", score=-5.0), rule
        if lemma in VERBAL_ATTACK_VERBS and action.category == "ASSAULT" and targets \
                and rules.enabled("action.verbal_attack") \
                and all(p.mention.actor.kind == "person" and not p.mention.role for p in (*sources, *targets)):
            rule = rules.rule("action.verbal_attack")
            return dataclasses.replace(action, category="DISAPPROVE", score=-3.0), rule
        return action, how

    @staticmethod
    def _by_what(action: Action, how: str, verb: Token, sources: list[Participant]) -> tuple[Action, str]:
        """Verbs whose type depends on what they act on or where: cutting a tariff eases it,
        tear gas fired by police coerces, a sending in a disaster is aid."""
        if action.category in ("SANCTION", "REJECT") and rules.enabled(EASING_MEASURE) and _eases_a_measure(verb):
            return dataclasses.replace(action, category="CONCEDE", score=3.0), EASING_MEASURE
        if action.category == "ASSAULT" and rules.enabled(CROWD_CONTROL) and _crowd_control(verb, sources):
            return dataclasses.replace(action, category="COERCE", score=-5.0), CROWD_CONTROL
        if action.lemma.split(" ")[0] in SENDING_VERBS and rules.enabled(RELIEF_SENDING) \
                and (action.category == "MOBILIZE" or (action.category == "CONSULT" and _objects(verb))) \
                and any(t.lower_ in (DISASTER_WORDS if _sends_military(verb) else RELIEF_WORDS) for t in verb.sent):
            # "South Africa sent four military helicopters to Mozambique after the cyclone": a
            # sending in a sentence about a disaster or relief is aid, not a deployment; flying
            # something there too ("fly relief to Vanuatu"), not a visit
            return dataclasses.replace(action, category="AID", score=6.0), RELIEF_SENDING
        return action, how

    def _action_and_targets(self, verb: Token) -> tuple[Action, list[Found], bool, str]:
        """The action, the tokens that may name its target (each with the rule that found
        it), whether the lexicon knows the action (an unknown verb needs a target to count
        as an event), and the rule that read the action."""
        lemma = verb.lemma_.lower()
        particle = next((c for c in verb.children if c.dep_ == "prt"), None)
        nested: list[Token] = []
        if particle is None:
            # "pull its troops out of al-Tanf", "walked away from the talks": the parser makes
            # "out" a preposition or an adverb that holds "of"; it is the verb's particle, and
            # the object of "of" the target.
            for c in verb.children:
                if c.dep_ in ("prep", "advmod") and c.lower_ in ("out", "away", "back", "off"):
                    nested = [g for q in c.children if q.dep_ == "prep" and q.lower_ in ("of", "from")
                              for g in _children(q, {"pobj"})]
                    if nested:
                        particle = c
                        break
        particle_text = particle.lower_ if particle else None
        # spaCy hangs a recipient's "to" as dative: "provided aid to Yemen".
        preps = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.pos_ == "ADP"
                 and c.lower_ in TARGET_PREPS and not _is_temporal(c)]
        prep_how = TARGET_PREPOSITION
        if not preps and rules.enabled(MEANS_PHRASE):
            # "spoke by telephone with Salcedo": the parser hangs "with" on the means
            prep_how, preps = MEANS_PHRASE, [q for o in _means_of_speaking(verb) for q in o.children
                                             if q.dep_ == "prep" and q.lower_ in TARGET_PREPS]
        objects = [(o, TARGET_OBJECT) for o in _children(verb, {"dobj", "dative"} if verb.pos_ == "VERB"
                                                          else {"dobj", "dative", "appos"})]
        if not objects and not any(c.dep_ in ("prep", "ccomp", "xcomp") for c in verb.children):
            # "condemned and sanctioned Somalia": the verbs share the object of the last one.
            objects = [(o, rules.rule("target.shared_object"))
                       for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                       for o in _children(c, {"dobj"})]
        if not objects and verb.lemma_.lower() in ENABLING_VERBS:
            objects = [(g, rules.rule("target.clause_subject"))
                       for c in _children(verb, {"ccomp", "xcomp"}) for g in _children(c, {"nsubj"})]
        if not objects and _requests_clause(verb):
            objects = [(g, rules.rule("target.clause_subject"))
                       for c in _children(verb, {"ccomp"}) for g in _children(c, {"nsubj"})]
        for_clause = _for_clause(verb) if not objects and not preps else None
        found = lexicon.classify(lemma, particle_text, "for") if for_clause is not None else None
        if found is not None and found.category in ("REQUEST", "DEMAND"):
            # "called for Russia to withdraw": a "call for", asking the clause's subject; as in
            # the prepositional frame below, "for" joins the lemma of a verb that means nothing alone
            lemma_for = lemma if lexicon.classify(lemma, particle_text).known else f"{lemma} for"
            action = Action(lemma=lemma_for, text=f"{verb.text} for", category=found.category, score=found.score)
            return action, [(g, rules.rule("target.clause_subject")) for g in _children(for_clause, {"nsubj"})], \
                True, rules.rule("action.verb_preposition")
        noun_event = None
        # "called a nationwide strike": the parser can make the event noun a predicate (oprd)
        # "The subpoena was issued by the House": in the passive, the subject
        nouns = [o for o, _ in objects] + _children(verb, {"oprd", "nsubjpass"})
        for given, obj in [(o, _event_noun_of(o, lemma)) for o in nouns]:
            noun_event = lexicon.classify_noun(_noun_key(obj), lemma)
            controls = any(c.dep_ == "xcomp" for c in verb.children)  # "ordered forces to leave"
            if noun_event is not None and not controls and lexicon.is_light_verb(lemma, particle_text):
                # "conducted air strikes against Syria": the event is the noun's.
                # "talks on maritime security": after a noun two parties share, a topic
                topics = TOPIC_PREPS if obj.lemma_.lower() in RECIPROCAL_LEMMAS else frozenset()
                obj_preps = [c for o in dict.fromkeys((obj, given)) for c in o.children
                             if c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS - topics - _origins(lemma)]
                action = Action(
                    lemma=(f"{lemma} {particle_text}" if particle_text else lemma)
                    if noun_event.keep_lemma else obj.lemma_.lower(),
                    text=f"{verb.text} {obj.text}",
                    category=noun_event.category,
                    score=noun_event.score,
                    # "planning joint drills", "offered aid": the noun's event is intended
                    modality=HINTED_MODALITY.get(noun_event.modality),
                )
                # "offered Georgetown intelligence support": the other object is the recipient
                recipients = [(o, how) for o, how in objects if o not in (obj, given)]
                targets = (recipients
                           + [(c, OBJECT_PREPOSITION) for p in obj_preps for c in _children(p, {"pobj"})]
                           + [(c, prep_how) for p in preps for c in _children(p, {"pobj"})])
                if not targets and rules.enabled(NOUN_MODIFIER):
                    # "will not renew the EU fishing deal", "adopted new Russia sanctions": with
                    # no other party named, an actor that qualifies the event noun is its party
                    targets = [(c, NOUN_MODIFIER) for c in obj.lefts if c.dep_ in ("compound", "amod", "nmod")
                               and c.ent_type_ in ACTOR_LABELS]
                return action, targets, True, rules.rule("action.light_verb")
        prep = preps[0].lower_ if preps else None
        found = lexicon.classify(lemma, particle_text, prep)
        how = rules.rule("action.verb")
        if not found.known or prep is None:
            # "called for a ceasefire", "stood by Niger": a preposition that is part of the verb
            # though it introduces no target.
            # Only right after the verb: "gives Egypt aid in dollars" is no "give in".
            for other in (c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1
                          and not _is_temporal(c)):
                framed = lexicon.classify(lemma, particle_text, other.lower_)
                if framed.known and framed != lexicon.classify(lemma, particle_text):
                    prep, found = other.lower_, framed
                    how = rules.rule("action.verb_preposition")
                    if other not in preps:  # "stood by Poland": its object is the target
                        preps = [other, *preps]
                    break
        if particle is not None and (lexicon.is_phrasal(lemma, particle_text) or not lexicon.classify(lemma).known):
            # "pulled out", "backed down": the particle changes the verb; "fly on to" does not
            lemma, text = f"{lemma} {particle.lower_}", f"{verb.text} {particle.text}"
            how = rules.rule("action.particle")
        elif prep and prep in LEMMA_PREPS and found.known and not lexicon.classify(lemma).known:
            # "call" means nothing here, "call on" a request: the preposition is part of the verb.
            lemma, text = f"{lemma} {prep}", f"{verb.text} {prep}"
            how = rules.rule("action.verb_preposition")
        else:
            text = verb.text
        if not found.known and lemma in CALL_VERBS and rules.enabled(PHONE_CALL) and _means_of_speaking(verb):
            # "Trump and Erdogan spoke on the phone": a call is a consultation, done together
            found, how = lexicon.classify(lemma, particle_text, "with"), PHONE_CALL
        if not found.known:
            how = rules.rule("action.unknown_verb")
        action = Action(lemma=lemma, text=text, category=found.category, score=found.score)
        # "fired rockets at northern Israel": the target hangs off the object, or off what the
        # object counts ("mediated rounds of talks between Egypt and Ethiopia").
        object_tokens = [o for o, _ in objects]
        holders = object_tokens + [_event_noun_of(o, verb.lemma_.lower()) for o in object_tokens]
        # "near" names a target only after an event noun ("drills near Taiwan"): "attacked a
        # post near the Iraqi border" says where the post is (target.object_preposition).
        object_preps = [p for o in dict.fromkeys(holders) for p in o.children
                        if p.dep_ == "prep" and p.lower_ in NOUN_TARGET_PREPS - _origins(lemma)
                        and not (p.lower_ in POSITION_PREPS and lexicon.classify_noun(_noun_key(o), lemma) is None)]
        # "froze accounts belonging to Quintero", "seized ships owned by Iran": the owner
        owned = [p for o in dict.fromkeys(t for h in object_tokens for t in (h, *_conjuncts(h)))
                 for a in o.children if a.dep_ == "acl" and a.lemma_.lower() in OWNING_VERBS
                 for p in a.children if p.dep_ in ("prep", "agent") and p.lower_ in ("to", "by")]
        targets = (objects
                   + [(c, OWNER_OF_OBJECT) for p in owned for c in _children(p, {"pobj"})]
                   + [(c, TARGET_PREPOSITION) for c in nested]
                   + [(c, prep_how) for p in preps for c in _children(p, {"pobj"})]
                   + [(c, OBJECT_PREPOSITION) for p in object_preps for c in _children(p, {"pobj"})])
        return action, targets, found.known, how

    def events(self, article_id: str, sentence_index: int) -> Iterator[Event]:
        self.headline = sentence_index == 0
        if QUESTION_END.search(self.sent.text) and rules.enabled(QUESTION):
            return  # "Did Red Hat speak with the developers?": a question asserts no event
        self.find_speakers()
        for verb in self.sent:
            if verb.pos_ != "VERB" and not (sentence_index == 0 and _is_headline_verb(verb)) \
                    and not _is_infinitive_noun(verb):
                continue
            lemma = verb.lemma_.lower()
            if lemma in lexicon.SPEECH_VERBS and not (
                    (lexicon.classify(lemma).known or _announces_event(verb))
                    and _children(verb, {"dobj"}) and not _children(verb, {"ccomp"})):
                continue  # "recalled that ..." is speech; "recalled its ambassador" a sanction
            if lemma in EMPTY_VERBS or verb.dep_ == "amod":
                continue
            if (verb.dep_ == "acl" and not _children(verb, {"agent"}) and verb.tag_ not in FINITE_TAGS
                    and not _children(verb, {"nsubj"})):
                continue  # "quoted by" keeps its agent; a bare participle names no event
            if self._is_reporting(verb):
                if lemma in WARNING_VERBS:
                    # "warned that the army would respond": the warning is an event itself,
                    # besides the speech it reports
                    for event in self._verb_events(verb, article_id, sentence_index):
                        yield dataclasses.replace(event, rule=tuple(
                            WARNING_CLAUSE if r == ACTION_VERB else r for r in event.rule))
                continue
            if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in HELPING_VERBS:
                continue  # "helped Kenya build a reactor", "allowed them to fish": the help is the event
            has_xcomp = any(c.dep_ == "xcomp" for c in verb.children)
            if has_xcomp and (
                lemma in lexicon.INTENT_VERBS
                or lemma in lexicon.NEGATING_VERBS
                or lemma in lexicon.THREAT_VERBS
            ):
                continue  # "refused to meet": the event is the meeting, negated
            found = self._verb_events(verb, article_id, sentence_index)
            if verb._.repaired:
                found = (dataclasses.replace(e, rule=(*e.rule, verb._.repaired)) for e in found)
            yield from found

    def _fallback_targets(self, verb: Token, action: Action, target_tokens: list[Found]) -> list[Participant]:
        """Where the target is when no object or preposition named one, first match wins."""
        # "restrictions on flights to Cuba", "sanctions on imports from Iran": when what the
        # object's preposition names is no actor, the actor may be one preposition further
        # down. Not under the verb's own prepositions: "moved troops to the border over X".
        # "an offer of talks to Kyiv": the same under what "of" gives the object.
        of_objects = [g for o in _children(verb, {"dobj"}) for p in o.children
                      if p.dep_ == "prep" and p.lower_ == "of" for g in _children(p, {"pobj"})]
        deeper = [(c, NESTED_PREPOSITION) for t in [t for t, how in target_tokens if how == OBJECT_PREPOSITION]
                  + of_objects for p in t.children
                  if p.dep_ == "prep" and p.lower_ in TARGET_PREPS for c in _children(p, {"pobj"})]
        targets = self._participants(deeper, verb)
        if not targets and action.category == "CONSULT" \
                and lexicon.mode(action.category, lexicon.canonical(action.lemma)) == "visit":
            # "arrived in Paris", "travels next to Tokyo": the place a visit goes to is its host.
            targets = self._places(verb, VISIT_PREPS, VISITED_PLACE)
        if not targets and action.category in LOCATED_CATEGORIES:
            # "struck an ammunition depot in Melitopol", "arrested 60 people in Lomé": an
            # act on things or people at a named place targets the place.
            targets = self._places(verb, LOCATIVE_PREPS, rules.rule("target.location"))
        if not targets and action.category in LOCATED_CATEGORIES:
            targets = self._destinations(verb)
        return targets

    def _host_country(self, target: Participant, sources: list[Participant], verb: Token,
                      action: Action) -> Participant:
        """"Mali's government ordered French forces to leave the country": "the country"
        names the state met last, France here, but a state's forces cannot leave their own
        state. It is the state named last before the verb other than the one that leaves."""
        if (action.lemma not in CROSSING_VERBS or "actor.description" not in target.rules
                or target.mention.actor.kind != "country" or not rules.enabled(HOST_COUNTRY)):
            return target
        source = next((s for s in sources if s.mention.actor.id == target.mention.actor.id), None)
        if source is None or source.mention.role in OWN_PEOPLE:
            return target  # "thousands of Venezuelans have left the country": their own
        host = self.actors.other_state(source.mention.actor.id, verb.i)
        if host is None:
            return target
        return Participant(dataclasses.replace(host, text=target.mention.text, rule=HOST_COUNTRY),
                           target.factor * rules.factor(HOST_COUNTRY), (target.rules[0], HOST_COUNTRY),
                           target.phrase)

    def _destinations(self, verb: Token) -> list[Participant]:
        """"sent a team of specialists to Quelimane", "deployed helicopters to Beira": a name
        no gazetteer knows, where troops or aid are sent to, is a place, whatever the NER
        made of it (a work of art, nothing); a person or an organisation it names is not."""
        how = rules.rule("target.destination")
        found = []
        sent = _objects(verb)  # "a navy vessel to Beira"
        for prep in (p for h in (verb, *sent) for p in h.children
                     if p.dep_ in ("prep", "dative") and p.lower_ in DESTINATION_PREPS):
            for pobj in _children(prep, {"pobj"}):
                name = verb.doc[pobj.left_edge.i : pobj.i + 1]
                words = [t for t in name if t.dep_ != "det"]
                if pobj.pos_ != "PROPN" or pobj.ent_type_ in ("PERSON", "ORG", "NORP") or not all(
                        t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in words):
                    continue
                text = " ".join(t.text for t in words)
                actor = Actor(f"place:{slug(text)}", text, "place", None)
                found.append(Participant(Mention(actor, text, None, how), rules.factor(how), (how,), 0))
        return found

    def _places(self, verb: Token, preps: frozenset[str], how: str) -> list[Participant]:
        # A light verb's event noun holds the place as often as the verb: "held a rally
        # outside the Nigerian High Commission".
        heads = [verb, *(_children(verb, {"dobj"}) if lexicon.is_light_verb(verb.lemma_.lower()) else ())]
        found = [(c, how) for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in preps
                 for c in _children(p, {"pobj"})]
        return [t for t in self._participants(found, verb) if t.mention.actor.kind in ("place", "country")]

    def _verb_events(self, verb: Token, article_id: str, sentence_index: int) -> Iterator[Event]:
        action, target_tokens, known, action_rule = self._action_and_targets(verb)
        passive_subjects = [(verb.head if t.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else t,
                             rules.rule("target.passive_subject")) for t in _children(verb, {"nsubjpass"})]
        if not passive_subjects and verb.dep_ == "acl" and verb.tag_ == "VBN" and not _children(verb, {"nsubj"}):
            passive_subjects = [(verb.head, rules.rule("target.participle_head"))]  # "positions attacked by jets"
        if not passive_subjects and verb.dep_ == "pcomp" and _children(verb, {"auxpass"}) \
                and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            # "died after being shot", "protested after being excluded by Ethiopia": the main
            # clause's subject is the one acted on; only a by-phrase names who acted
            passive_subjects = [(t, rules.rule("target.passive_subject"))
                                for t, _ in self._subject_tokens(verb.head.head)]
        if not passive_subjects and _children(verb, {"agent"}) and verb.tag_ in ("VBN", "VBD"):
            # "Niger suspended by African Union": a passive without its auxiliary, whose
            # subject the parser labels active; the by-phrase says who acted
            passive_subjects = [(t, rules.rule("target.passive_subject")) for t in _children(verb, {"nsubj"})]
        if passive_subjects:
            agents = [(c, rules.rule("source.passive_agent"))
                      for a in _children(verb, {"agent"}) for c in _children(a, {"pobj"})]
            if not agents:  # "was congratulated on her victory by India": "by" hung on the noun
                agents = [(c, rules.rule("source.passive_agent")) for p in _children(verb, {"prep"})
                          for o in _children(p, {"pobj"}) for b in o.children
                          if b.dep_ == "prep" and b.lower_ == "by" for c in _children(b, {"pobj"})]
            # In reading order: "He was met by X": "he" is the person named before, not X.
            targets = self._participants(passive_subjects, verb)
            sources = self._participants(agents, verb, subject=True)
            if not targets:
                # "Aid was delivered to Yemen by Saudi Arabia": what was done is no actor, so
                # the target is where the verb's preposition points, as in the active voice.
                targets = self._participants(target_tokens, verb)
        else:
            sources = self._participants(self._subject_tokens(verb), verb, subject=True)
            targets = self._participants(target_tokens, verb)
            upper = self._lower_conjunct(verb)
            if upper is not None and all(s.mention.actor.id in {t.mention.actor.id for t in targets}
                                         for s in sources):
                if sources:
                    self.actors.subjects.pop()  # the borrowed subject is not this verb's
                # "Gazprom halted deliveries after talks broke down, and accused Kiev ...",
                # "Amnesty said Egyptian police tortured people and urged Cairo to ...": the
                # parser joined the verb to the clause below; the subject it borrowed names no
                # actor, or only the one acted on, so the verb continues the clause above.
                sources = self._participants(
                    _as(self._subject_tokens(upper), rules.rule("source.lower_conjunct")), verb, subject=True)
        if not sources or not rules.enabled(action_rule):
            return  # a rule that is off still let its participants be remembered, for pronouns
        targets = [self._host_country(t, sources, verb, action) for t in targets]
        # Targets other than the sources ("received a bump from his convention" names only Trump).
        others = [t for t in targets if all(t.mention.actor.id != s.mention.actor.id for s in sources)]
        if not others and not passive_subjects and any(
                o.pos_ == "PRON" and o.lower_ in NARRATOR_PRONOUNS for o in _children(verb, {"dobj", "dative"})) \
                and rules.enabled(NARRATOR_OBJECT):
            return  # "they fired me", "she asked me": a narrator no one names is no party to code
        if verb.lemma_.lower() in PEOPLE_VERBS and rules.enabled(PEOPLE_OBJECT) and not passive_subjects \
                and not others and any(
                o.pos_ in ("NOUN", "PROPN") and o.ent_type_ not in ACTOR_LABELS
                and o.lemma_.lower() not in MEMBER_NOUNS | PEOPLE_NOUNS for o in _children(verb, {"dobj"})):
            return  # "meets the requirement", "received 9% of the vote": a thing met is no meeting
        if verb.lemma_.lower() in CONTEST_VERBS and rules.enabled(SPORTS_RESULT) and (
                any(t.lower_ in SPORT_WORDS for t in verb.sent) or SCORE.search(verb.sent.text)):
            return  # "Tonga beat Papua New Guinea 19-12": a match
        if (not targets and len(sources) > 1
                and (action.lemma.split(" ")[0] in RECIPROCAL_LEMMAS or verb.lemma_.lower() in MUTUAL_VERBS
                     # "Israel and Hamas agreed a ceasefire": the verb is done together
                     or verb.lemma_.lower() in RECIPROCAL_LEMMAS or action_rule == PHONE_CALL
                     # "Mozambique and RENAMO agreed to extend the truce": done together
                     or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in RECIPROCAL_LEMMAS))):
            sources, targets = sources[:1], [
                Participant(t.mention, t.factor, (rules.rule("target.reciprocal"), *t.rules[1:])) for t in sources[1:]]
        if not targets and action_rule == PHONE_CALL:
            return  # "Putin spoke on the phone": a call with no one named at the other end
        if not targets and not passive_subjects:
            targets = self._fallback_targets(verb, action, target_tokens)
        action, action_rule = self._by_who(action, action_rule, sources, targets)
        action, action_rule = self._by_what(action, action_rule, verb, sources)
        if action.category == "CONSULT" and rules.enabled(PRESS_INTERVIEW) and (
                any(t.mention.actor.kind == "media" for t in targets)
                or all(s.mention.actor.kind == "media" for s in sources)):
            return  # "Bodenstab spoke to Wikinews", "when Wikinews visited": journalism, not an event
        modality, negated, modality_rules = self._modality(verb)
        if modality is None and action.modality is not None:
            modality_rules += (rules.rule("modality.noun_hint"),)
        lemma = lexicon.canonical(action.lemma)
        action = Action(lemma, action.text, action.category, action.score, negated,
                        modality or action.modality, _mode(action.category, lemma, verb, action_rule))
        reporter = self.speakers.get(verb.i)
        sent = self.sent
        for source in sources:
            usable = [t for t in targets if t.mention.actor.id != source.mention.actor.id]
            if usable:
                # The best-named target wins, with every actor coordinated in its phrase
                # ("sanctions on the army and the RSF") and any other named as well.
                best = max(usable, key=lambda t: t.factor)
                chosen = [t for t in usable if t.factor == best.factor or t.phrase == best.phrase]
            elif known:
                chosen = [None]
            else:
                continue
            for target in chosen:
                factor = (source.factor * (target.factor if target else rules.factor(TARGET_NONE))
                          * rules.factor(action_rule))
                reported = reporter if reporter and reporter.actor.id != source.mention.actor.id else None
                yield Event(
                    id=event_id(
                        article_id, verb.i, source.mention.actor.id,
                        target.mention.actor.id if target else None,
                    ),
                    article_id=article_id,
                    sentence_index=sentence_index,
                    sentence=sent.text.strip(),
                    start=sent.start_char,
                    end=sent.end_char,
                    source=source.mention,
                    action=action,
                    target=target.mention if target else None,
                    reported_by=reported,
                    confidence=round(0.9 * factor, 3),
                    token=verb.i,
                    rule=_rules(action_rule, *source.rules, *(target.rules if target else (TARGET_NONE,)),
                                *modality_rules, self.speaker_rules.get(verb.i) if reported else None),
                )



def _means_of_speaking(verb: Token) -> list[Token]:
    """"by telephone", "on the phone", "via video link": the means of a verb's speaking."""
    return [o for p in _children(verb, {"prep"}) if p.lower_ in ("by", "on", "over", "via")
            for o in _children(p, {"pobj"}) if o.lemma_.lower() in MEANS_NOUNS]


def _mode(category: str, lemma: str, verb: Token, how: str) -> str | None:
    """The PLOVER mode: what the event acts on says it first ("sent food aid", "accused Beijing
    of espionage", "deployed riot police", "suspended assistance"), then the event's own word
    ("arrested", "visited"); a sending that is aid because of a disaster is humanitarian."""
    if how == RELIEF_SENDING:
        return "humanitarian"
    if rules.enabled(MODE_OBJECT) and (found := lexicon.mode_of_words(category, _acted_on(verb))):
        return found
    return lexicon.mode(category, lemma)


_PHRASE_DEPS = frozenset({"amod", "compound", "nmod", "conj", "prep", "pobj", "dobj", "pcomp", "poss"})


def _acted_on(verb: Token) -> list[str]:
    """The lemmas of what the event acts on, in reading order: a noun event's own modifiers
    ("humanitarian assistance"), then the objects' phrases and those of the complements in
    MODE_PREPS ("50 million dollars in humanitarian aid", "of massing troops"), clauses left
    out."""
    heads = [c for c in verb.lefts if c.dep_ in ("amod", "compound")] if verb.pos_ in ("NOUN", "PROPN") else []
    heads += [o for d in _children(verb, {"dobj", "nsubjpass", "attr", "oprd"}) for o in (d, *d.conjuncts)]
    heads += [g for p in _children(verb, {"prep"}) if p.lower_ in MODE_PREPS
              for g in _children(p, {"pobj", "pcomp"})]
    lemmas: list[str] = []
    for head in heads:
        phrase, todo = [], [head]
        while todo:
            token = todo.pop()
            phrase.append(token)
            todo += [c for c in token.children if c.dep_ in _PHRASE_DEPS]
        lemmas += [t.lemma_.lower() for t in sorted(phrase, key=lambda t: t.i)]
    return lemmas


def _objects(verb: Token) -> list[Token]:
    """The verb's direct objects with their conjuncts ("fired water cannon and tear gas")."""
    return [o for d in _children(verb, {"dobj"}) for o in (d, *d.conjuncts)]


def _eases_a_measure(verb: Token) -> bool:
    """"cut tariffs on car parts", "suspended a planned increase in electricity tariffs": what
    is cut or suspended is a sanction (or its increase)."""
    if verb.lemma_.lower() not in EASING_VERBS:
        return False
    objects = _objects(verb)
    objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ in ("in", "of")
                for g in _children(p, {"pobj"})]  # "an increase in tariffs"
    found = [lexicon.classify_noun(o.lemma_.lower()) for o in objects]
    return any(f is not None and f.category == "SANCTION" for f in found)


def _sends_military(verb: Token) -> bool:
    """"dispatched 120 soldiers", "sent a frigate": what is sent is troops or warships."""
    return any(o.lower_ in MILITARY_SENT for o in _objects(verb))


def _foreign(one: Actor, other: Actor) -> bool:
    """Of two states, or a state and a body of none: "Minsk planned to ban imports of EU food",
    "the bloc banned the Belarusian airline Belavia". A person of unknown state is not."""
    if one.country and other.country:
        return one.country != other.country
    return (not one.country and one.kind in STATELESS_BODIES and bool(other.country)) or (
        not other.country and other.kind in STATELESS_BODIES and bool(one.country))


def _crowd_control(verb: Token, sources: list[Participant]) -> bool:
    """"Georgian riot police fired water cannon and tear gas at demonstrators": a crowd weapon
    as what is fired, by police or at a crowd ("coast guard ships fired water cannon at a
    supply boat" stays an assault)."""
    weapons = {" ".join([*(c.lower_ for c in o.lefts if c.dep_ in ("compound", "amod")), o.lemma_.lower()])
               for o in _objects(verb)}
    if not weapons & CROWD_WEAPONS:
        return False
    at_crowd = any(g.lemma_.lower() in CROWD_NOUNS for p in _children(verb, {"prep"}) if p.lower_ in ("at", "on")
                   for g in _children(p, {"pobj"}))
    return at_crowd or any(s.mention.role == "police" for s in sources)


def _rules(*names: str | None) -> tuple[str, ...]:
    """The rules that made something, in order, each once."""
    return tuple(dict.fromkeys(n for n in names if n))


def _phrase_heads(subjects: list[Token]) -> list[Token]:
    """The parser can cut one noun phrase into two subjects of the verb, the title and the
    name ("UN special envoy for Yemen | Martin Keller urged"): a subject that runs straight
    into a person's name, with no comma or "and" between, is that person's title."""
    names = {t.left_edge.i for t in subjects if t.ent_type_ == "PERSON"}
    return [t for t in subjects if t.right_edge.i + 1 not in names]


def _as(found: list[Found], how: str) -> list[Found]:
    """Tokens found through another verb's subject, recorded under the rule that went there."""
    return [(token, how) for token, _ in found]
