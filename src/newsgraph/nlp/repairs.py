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
CLAUSE_PREPS = frozenset({"of", "for"})


def known_verb(token: Token) -> str | None:
    """The verb lemma of a word the tagger may have taken for something else ("attacks",
    "massing"), when the lexicon knows that verb."""
    lemmas = getLemma(token.text, upos="VERB")
    return lemmas[0] if lemmas and lexicon.classify(lemmas[0]).known else None


def repair(doc: Doc) -> Doc:
    for token in doc:
        if _gerund_taken_for_modifier(token):
            _make_gerund(token, known_verb(token))
    return doc


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
