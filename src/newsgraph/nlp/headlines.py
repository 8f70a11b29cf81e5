"""Headlinese: a present-tense verb the parser took for a noun.

"Al-Shabaab attacks African Union base", "Zambian court orders recount", "Japan and US pledge
aid to Bangladesh": a headline drops its articles and auxiliaries, and the small and medium
English models read the verb as a plural noun or a compound ("attacks base", "orders"), so the
event of the article's most quoted line is lost. The same headline with the verb in the past
tense ("Al-Shabaab attacked African Union base") is an ordinary clause to the parser. So a
headline whose first verb-like word is tagged as a noun is parsed again in that form, and
when the parser then reads a clause around it, the headline keeps its own words with the
second parse (rule `action.headline_verb`). Inflection comes from lemminflect."""

from __future__ import annotations

from lemminflect import getInflection
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.nlp import repairs, rules

HEADLINE_VERB = rules.rule("action.headline_verb")


def _verb_taken_for_noun(doc: Doc) -> tuple[Token, str] | None:
    """The first lower-case word after the subject that the lexicon knows as a verb but the
    tagger made a noun, before any word it made a verb, with that verb's lemma."""
    for token in doc[1:]:
        if token.pos_ in ("VERB", "AUX"):
            return None
        if token.pos_ in ("NOUN", "PROPN") and token.is_lower and token.is_alpha:
            lemma = repairs.known_verb(token)
            if lemma is not None:
                return token, lemma
    return None


def reparsed(doc: Doc, nlp: Language) -> Doc:
    """The headline with the parse of its past-tense form when that makes the word a verb
    with a subject; else the headline as parsed."""
    found = _verb_taken_for_noun(doc)
    if found is None:
        return doc
    noun, lemma = found
    past = getInflection(lemma, tag="VBD")
    if not past:
        return doc
    words = [t.text for t in doc]
    words[noun.i] = past[0]
    other = nlp(Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc]))
    verb = other[noun.i]
    if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
        return doc
    tags = [t.tag_ for t in other]
    tags[noun.i] = "VBZ" if noun.lower_.endswith("s") else "VBP"  # the headline's own tense
    lemmas = [t.lemma_ for t in other]
    lemmas[noun.i] = lemma
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
              tags=tags, pos=[t.pos_ for t in other], lemmas=lemmas,
              heads=[t.head.i for t in other], deps=[t.dep_ for t in other],
              ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in other])
    out.tensor = other.tensor  # Doc.from_docs joins the parts' tensors
    out[noun.i]._.repaired = HEADLINE_VERB  # Doc.from_docs and Span.as_doc keep extensions
    return out
