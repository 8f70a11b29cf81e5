"""Parses the English models get wrong in a known way, repaired before the rules read them.

Each repair changes the tree only where the parse cannot be what the sentence says, and marks
the verb it restores (`Token._.repaired`, the rule's name) so that the events read from it
record the repair beside their other rules. The headline's second parse (headlines.py) marks
its verb the same way. A token extension, since Doc.from_docs and Span.as_doc carry those over
with their offsets (plain user_data keys are dropped)."""

from __future__ import annotations

from lemminflect import getLemma
from spacy.tokens import Doc, Token

from newsgraph.actions import lexicon
from newsgraph.nlp import rules

Token.set_extension("repaired", default=None, force=True)

GERUND_OBJECT = rules.rule("action.gerund_modifier")
REDUCED_RELATIVE = rules.rule("action.reduced_relative")
PERFECT_PARTICIPLE = rules.rule("action.perfect_participle")
OBJECT_AFTER_VERB = rules.rule("action.object_after_verb")
PARTICIPLE_ON_OBJECT = rules.rule("action.participle_on_object")
CLAUSE_PREPS = frozenset({"of", "for"})
FINITE_TAGS = rules.words("finite_tags")
# Acts done to people or things: no such verb takes a clause, so a clause after it is misparsed.
PHYSICAL_ACTS = frozenset({"ASSAULT", "COERCE", "CONCEDE", "AID", "MOBILIZE", "RETREAT", "SANCTION"})


def known_verb(token: Token) -> str | None:
    """The verb lemma of a word the tagger may have taken for something else ("attacks",
    "massing"), when the lexicon knows that verb."""
    lemmas = getLemma(token.text, upos="VERB")
    return lemmas[0] if lemmas and lexicon.classify(lemmas[0]).known else None


def repair(doc: Doc) -> Doc:
    for token in doc:
        if _gerund_taken_for_modifier(token):
            _make_gerund(token, known_verb(token))
        elif _participle_taken_for_clause(token):
            _make_participle(token)
        elif _perfect_taken_for_modifier(token):
            _make_perfect(token, known_verb(token))
        elif _object_taken_for_subject(token):
            _make_object(token)
        elif _object_taken_for_participle(token):
            _make_modifier(token)
    return doc


def _object_taken_for_participle(token: Token) -> bool:
    """"Israeli warplanes bombed suspected Hezbollah positions": the parser makes "suspected" a
    clause of "bombed" and "positions" its object. A verb of a physical act right before a
    participle that has an object but no subject, auxiliary or marker of its own, and no object
    itself, acts on that object; the participle describes it."""
    verb = token.head
    if not (token.dep_ in ("advcl", "xcomp", "ccomp", "dep", "conj") and token.tag_ == "VBN"
            and token.lower_.endswith("ed") and verb.pos_ == "VERB" and token.i == verb.i + 1
            and rules.enabled("action.participle_on_object")):
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].left_edge.i != token.i + 1:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "cc") for c in token.children):
        return False
    return _objectless_physical_act(verb, ("dobj", "dative"))


def _objectless_physical_act(verb: Token, object_deps: tuple[str, ...] = ("dobj",)) -> bool:
    """A known verb of a physical act without an object of its own: such a verb takes no
    clause, so a clause the parser hangs on it holds what it acts on."""
    if any(c.dep_ in object_deps for c in verb.children):
        return False
    found = lexicon.classify(verb.lemma_.lower())
    return found.known and found.category in PHYSICAL_ACTS


def _make_modifier(token: Token) -> None:
    verb = token.head
    noun = next(c for c in token.children if c.dep_ == "dobj")
    noun.head, noun.dep_ = verb, "dobj"
    for child in [c for c in token.children if c.i > noun.i]:  # "... near the town": the verb's
        child.head = verb
    token.head, token.dep_ = noun, "amod"
    token.pos_, token.tag_ = "ADJ", "JJ"
    verb._.repaired = PARTICIPLE_ON_OBJECT


def _object_taken_for_subject(token: Token) -> bool:
    """"Venezuela expels Spanish ambassador, recalls envoy from Madrid": the parser makes
    "envoy" the subject of "recalls". A subject follows its finite verb only in an inversion
    ("said the minister"); when the verb is joined to one with a subject of its own, is a
    known event verb, and has no object, a bare common noun right after it is its object."""
    if not (token.dep_ == "conj" and token.tag_ in FINITE_TAGS and token.head.pos_ == "VERB"
            and any(c.dep_ == "nsubj" and c.i < token.head.i for c in token.head.children)
            and lexicon.classify(token.lemma_.lower()).known):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (len(subjects) == 1 and subjects[0].pos_ == "NOUN" and subjects[0].i > token.i
            and subjects[0].left_edge.i == token.i + 1
            and not any(c.dep_ in ("dobj", "aux", "auxpass") for c in token.children)
            and rules.enabled("action.object_after_verb"))


def _make_object(token: Token) -> None:
    noun = next(c for c in token.children if c.dep_ in ("nsubj", "nsubjpass"))
    noun.dep_ = "dobj"
    token._.repaired = OBJECT_AFTER_VERB


def _perfect_taken_for_modifier(token: Token) -> bool:
    """"it had frozen bank accounts", "Russian jets had only targeted depots": the parser makes
    "have" the verb and the participle an adjective of its object. Right after "have" (an
    adverb between at most), a participle of a physical act on the object of "have" is the
    perfect tense of that act."""
    noun = token.head
    have = noun.head
    if not (token.dep_ == "amod" and token.tag_ in ("VBN", "JJ") and token.lower_.endswith(("ed", "en"))
            and noun.dep_ == "dobj" and have.lemma_ == "have" and have.i < token.i < noun.i
            and noun.left_edge.i == token.left_edge.i  # the participle (with its adverb) opens the phrase
            and all(t.pos_ == "ADV" for t in token.doc[have.i + 1 : token.i])):
        return False
    lemma = known_verb(token)
    return lemma is not None and lexicon.classify(lemma).category in PHYSICAL_ACTS


def _make_perfect(token: Token, lemma: str) -> None:
    noun, have = token.head, token.head.head
    token.lemma_ = lemma
    token.pos_, token.tag_ = "VERB", "VBN"
    token.head, token.dep_ = (token, "ROOT") if have.dep_ == "ROOT" else (have.head, have.dep_)
    for child in [c for c in have.children if c != noun]:
        child.head = token
    have.head, have.dep_, have.pos_ = token, "aux", "AUX"
    noun.head, noun.dep_ = token, "dobj"
    token._.repaired = PERFECT_PARTICIPLE


def _participle_taken_for_clause(token: Token) -> bool:
    """"Indonesia freed 14 Australian fishermen detained for illegal fishing": the parser makes
    "detained" a clause whose subject is "fishermen". A verb of a physical act takes no clause,
    so when its would-be clause has no auxiliary and no object and its subject is a common
    noun right after the verb, the clause is a participle on the verb's object."""
    verb = token.head
    if not (token.dep_ == "ccomp" and token.tag_ in ("VBD", "VBN") and token.lower_.endswith("ed")
            and verb.pos_ == "VERB" and token.i > verb.i):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].pos_ != "NOUN" or subjects[0].left_edge.i != verb.i + 1:
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "nsubjpass", "mark") for c in token.children):
        return False
    return _objectless_physical_act(verb)


def _make_participle(token: Token) -> None:
    verb = token.head
    noun = next(c for c in token.children if c.dep_ == "nsubj")
    noun.head, noun.dep_ = verb, "dobj"
    token.head, token.dep_ = noun, "acl"
    token.tag_ = "VBN"
    verb._.repaired = REDUCED_RELATIVE


def _gerund_taken_for_modifier(token: Token) -> bool:
    """"accused Caracas of massing troops", "of occupying Syrian territory": after "of" or
    "for" under a verb or its object, the medium model makes the gerund an adjective or a
    compound of its own object."""
    noun = token.head
    prep = noun.head
    return (token.dep_ in ("amod", "compound") and token.lower_.endswith("ing") and token.is_alpha
            and token.i < noun.i and noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in CLAUSE_PREPS
            and prep.i + 1 == token.i
            and (prep.head.pos_ == "VERB" or (prep.head.dep_ == "dobj" and prep.head.head.pos_ == "VERB"))
            and known_verb(token) is not None)


def _make_gerund(token: Token, lemma: str) -> None:
    noun, prep = token.head, token.head.head
    token.lemma_ = lemma
    token.pos_, token.tag_ = "VERB", "VBG"
    token.head, token.dep_ = prep, "pcomp"
    noun.head, noun.dep_ = token, "dobj"
    token._.repaired = GERUND_OBJECT
