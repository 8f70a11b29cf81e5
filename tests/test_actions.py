"""Tests for the action lexicon: realistic verb and light-verb cases, and the data itself."""

from __future__ import annotations

import dataclasses
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from newsgraph.actions import lexicon
from newsgraph.actions.lexicon import (
    INTENT_VERBS,
    NEGATING_VERBS,
    POSSIBLE_MODALS,
    REQUEST_VERBS,
    SPEECH_VERBS,
    THREAT_VERBS,
    Classification,
    Lexicon,
    LexiconError,
    classify,
    classify_noun,
    is_light_verb,
)
from helpers import events_of
from newsgraph.graph.records import PLOVER_CATEGORIES


NEUTRAL = 0  # REQUEST scores sit near zero: asking is neither hostile nor friendly


def _sign(score: float) -> int:
    """-1 hostile, +1 cooperative, 0 for the near-neutral band |score| < 1."""
    return 0 if abs(score) < 1 else (score > 0) - (score < 0)


@pytest.fixture(scope="module")
def raw() -> dict:
    """The bundled TOML as written, to validate the data independently of the loader."""
    text = (resources.files("newsgraph.actions") / "data" / "verbs.toml").read_text("utf-8")
    return tomllib.loads(text)


# --- verbs -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lemma", "particle", "prep", "category", "sign"),
    [
        ("warn", None, None, "THREATEN", -1),
        ("threaten", None, None, "THREATEN", -1),
        ("urge", None, None, "REQUEST", NEUTRAL),
        ("ask", None, None, "REQUEST", NEUTRAL),
        ("call", None, "on", "REQUEST", NEUTRAL),
        ("demand", None, None, "DEMAND", -1),
        ("withdraw", None, "from", "RETREAT", 1),
        ("pull", "out", None, "RETREAT", 1),
        ("pull", "out", "of", "RETREAT", 1),
        ("meet", None, "with", "CONSULT", 1),
        ("condemn", None, None, "DISAPPROVE", -1),
        ("denounce", None, None, "DISAPPROVE", -1),
        ("criticise", None, None, "DISAPPROVE", -1),
        ("accuse", None, None, "ACCUSE", -1),
        ("accuse", None, "of", "ACCUSE", -1),
        ("reject", None, None, "REJECT", -1),
        ("veto", None, None, "REJECT", -1),
        ("fight", None, None, "FIGHT", -1),
        ("clash", None, "with", "FIGHT", -1),
        ("invade", None, None, "FIGHT", -1),
        ("arrest", None, None, "COERCE", -1),
        ("crack", "down", "on", "COERCE", -1),
        ("sanction", None, None, "SANCTION", -1),
        ("expel", None, None, "SANCTION", -1),
        ("protest", None, None, "PROTEST", -1),
        ("investigate", None, None, "INVESTIGATE", -1),
        ("deploy", None, None, "MOBILIZE", -1),
        ("sign", None, None, "AGREE", 1),
        ("agree", None, "to", "AGREE", 1),
        ("support", None, None, "SUPPORT", 1),
        ("side", None, "with", "SUPPORT", 1),
        ("cooperate", None, "with", "COOPERATE", 1),
        ("aid", None, None, "AID", 1),
        ("release", None, None, "CONCEDE", 1),
        ("back", "down", None, "CONCEDE", 1),
    ],
)
def test_verb_category_and_sign(lemma, particle, prep, category, sign):
    result = classify(lemma, particle, prep)
    assert (result.category, _sign(result.score), result.known) == (category, sign, True)


@pytest.mark.parametrize("lemma", ["attack", "bomb", "shell", "bombard", "kill"])
def test_violence_is_strongly_negative_assault(lemma):
    result = classify(lemma)
    assert result.category == "ASSAULT"
    assert result.score <= -7


def test_unknown_verb_is_other_and_not_known():
    assert classify("frobnicate") == Classification("OTHER", 0.0, False)
    assert classify("frobnicate", "out", "of").known is False


def test_particle_changes_the_meaning_of_the_lemma():
    assert classify("back").category == "SUPPORT"
    assert classify("back", "down").category == "CONCEDE"
    assert classify("hit").category == "ASSAULT"
    assert classify("hit", "out", "at").category == "DISAPPROVE"


def test_unknown_particle_or_preposition_falls_back_to_the_lemma():
    assert classify("condemn", prep="in") == classify("condemn")


def test_spacy_particle_preposition_confusion_is_tolerated():
    # "called on Iran": sometimes prt, sometimes prep; "pulled out of": out as prep.
    assert classify("call", particle="on").category == "REQUEST"
    assert classify("pull", prep="out").category == "RETREAT"


def test_pattern_strings_and_case_are_accepted():
    assert classify("pull out of") == classify("pull", "out", "of")
    assert classify("Meet", None, "WITH") == classify("meet", None, "with")


def test_lemmatizer_slips_are_aliased():
    # en_core_web_sm lemmatizes "lambasted" as "lambast", "staged" as "stag".
    assert classify("lambast") == classify("lambaste")
    assert is_light_verb("stag")


def test_modality_hints():
    assert classify("urge").modality == "request"
    assert classify("call", None, "on").modality == "request"
    assert classify("threaten").modality == "threat"
    assert classify("agree", None, "to").modality == "intent"
    assert classify("attack").modality is None


def test_classification_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        classify("attack").score = 5.0  # type: ignore[misc]


# --- light verbs and event nouns ---------------------------------------------------

@pytest.mark.parametrize(
    ("noun", "light_verb", "category", "sign"),
    [
        ("sanction", "impose", "SANCTION", -1),
        ("sanctions", "impose", "SANCTION", -1),
        ("talk", "hold", "CONSULT", 1),
        ("air strike", "conduct", "ASSAULT", -1),
        ("airstrike", "carry out", "ASSAULT", -1),
        ("air-strikes", "launch", "ASSAULT", -1),
        ("attack", "launch", "ASSAULT", -1),
        ("agreement", "sign", "AGREE", 1),
        ("deal", "strike", "AGREE", 1),
        ("aid", "send", "AID", 1),
        ("troop", "send", "MOBILIZE", -1),
        ("warning", "issue", "THREATEN", -1),
        ("proposal", "make", "AGREE", 1),
        ("support", "give", "SUPPORT", 1),
        ("concern", "express", "DISAPPROVE", -1),
        ("investigation", "open", "INVESTIGATE", -1),
        ("ceasefire", "declare", "RETREAT", 1),
        ("ceasefire", "sign", "AGREE", 1),
        ("strike", "stage", "PROTEST", -1),
        ("fire", "open", "ASSAULT", -1),
        ("fire", "exchange", "FIGHT", -1),
        ("hostage", "take", "ASSAULT", -1),
        ("hunger strike", "stage", "PROTEST", -1),
        ("joint military exercise", "hold", "COOPERATE", 1),
    ],
)
def test_light_verb_noun(noun, light_verb, category, sign):
    assert is_light_verb(light_verb)
    result = classify_noun(noun, light_verb)
    assert result is not None
    assert (result.category, _sign(result.score)) == (category, sign)


def test_compound_falls_back_to_its_head_noun():
    assert classify_noun("retaliatory drone attack", "launch") == classify_noun("attack")


def test_non_event_noun_is_none_so_the_verb_decides():
    assert classify_noun("hospital", "strike") is None
    assert classify("strike").category == "ASSAULT"
    assert classify_noun("letter", "send") is None


def test_offering_makes_the_noun_event_intended():
    result = classify_noun("aid", "offer")
    assert result is not None
    assert (result.category, result.modality) == ("AID", "intent")
    assert classify_noun("aid", "send").modality is None


def test_is_light_verb():
    assert is_light_verb("carry", "out")
    assert is_light_verb("carry out")
    assert is_light_verb("hold")
    assert not is_light_verb("carry")
    assert not is_light_verb("attack")


# --- exported sets -----------------------------------------------------------------

def test_frame_sets():
    assert {"urge", "ask", "call on", "demand", "request"} <= REQUEST_VERBS
    assert {"plan", "intend", "consider", "mull", "weigh", "seek", "aim"} <= INTENT_VERBS
    assert {"threaten", "warn"} <= THREAT_VERBS
    assert {"say", "tell", "announce", "claim", "insist", "quote"} <= SPEECH_VERBS
    assert {"emphasise", "emphasize"} <= SPEECH_VERBS
    assert {"refuse", "decline", "fail"} <= NEGATING_VERBS
    assert POSSIBLE_MODALS == frozenset({"may", "might", "could"})
    for verbs in (REQUEST_VERBS, INTENT_VERBS, THREAT_VERBS, SPEECH_VERBS, NEGATING_VERBS):
        assert isinstance(verbs, frozenset)
        assert all(v == v.lower().strip() for v in verbs)


# --- the data ----------------------------------------------------------------------

def _entries(raw: dict) -> list[tuple[str, str, dict]]:
    tables = ("verbs", "phrasal", "prepositional", "nouns", "pairs")
    return [(table, key, value) for table in tables for key, value in raw[table].items()]


def test_every_entry_uses_a_plover_category_and_a_score_in_range(raw):
    for table, key, value in _entries(raw):
        assert value["category"] in PLOVER_CATEGORIES, (table, key)
        assert -10 <= value["score"] <= 10, (table, key)
        assert value.get("modality") in (None, *lexicon.MODALITIES), (table, key)


def test_every_category_has_at_least_three_verbs(raw):
    counts = Counter(
        value["category"]
        for table in ("verbs", "phrasal", "prepositional")
        for value in raw[table].values()
    )
    for category in PLOVER_CATEGORIES:
        if category != "OTHER":
            assert counts[category] >= 3, category


def test_scores_agree_in_sign_with_the_category(raw):
    """Conflict categories never score positive, cooperative ones never negative."""
    hostile = {"ASSAULT", "FIGHT", "COERCE", "SANCTION", "THREATEN", "DEMAND",
               "DISAPPROVE", "ACCUSE", "REJECT", "PROTEST", "INVESTIGATE", "MOBILIZE"}
    friendly = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
    for table, key, value in _entries(raw):
        if value["category"] in hostile:
            assert value["score"] <= 0, (table, key)
        if value["category"] in friendly:
            assert value["score"] >= 0, (table, key)


def test_lexicon_has_a_few_hundred_verbs_and_the_loader_sees_them_all(raw):
    verbs = sum(len(raw[table]) for table in ("verbs", "phrasal", "prepositional"))
    assert verbs >= 300
    assert len(lexicon.default_lexicon().verb_entries) == verbs
    assert len(lexicon.default_lexicon().noun_entries) == len(raw["nouns"])


def test_default_lexicon_is_built_once():
    assert lexicon.default_lexicon() is lexicon.default_lexicon()


# --- extension files and validation ------------------------------------------------

def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "extra.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_extension_file_overrides_and_adds(tmp_path):
    path = _write(tmp_path, """
[verbs]
sanction = { category = "SANCTION", score = -7.5 }
snipe = { category = "DISAPPROVE", score = -2.0 }
[nouns]
"naval blockade" = { category = "COERCE", score = -7.5 }
[frames]
speech = ["opine"]
""")
    extended = Lexicon.from_files(path)
    assert extended.classify("sanction").score == -7.5
    assert extended.classify("snipe").category == "DISAPPROVE"
    assert extended.classify("attack") == classify("attack")
    assert extended.classify_noun("naval blockade", "impose").category == "COERCE"
    assert {"opine", "say"} <= extended.speech_verbs


def test_extension_file_alone(tmp_path):
    path = _write(tmp_path, '[verbs]\nsnipe = { category = "DISAPPROVE", score = -2.0 }\n')
    alone = Lexicon.from_files(path, bundled=False)
    assert alone.classify("snipe").known
    assert not alone.classify("attack").known


@pytest.mark.parametrize(
    "text",
    [
        '[verbs]\nsnipe = { category = "SNIPE", score = -2.0 }\n',
        '[verbs]\nsnipe = { category = "DISAPPROVE", score = -12.0 }\n',
        '[verbs]\nsnipe = { category = "DISAPPROVE", score = "low" }\n',
        '[verbs]\nsnipe = { category = "DISAPPROVE", score = -2.0, note = "x" }\n',
        '[verbs]\nsnipe = { category = "DISAPPROVE", score = -2.0, modality = "maybe" }\n',
        '[verbs]\n"snipe at" = { category = "DISAPPROVE", score = -2.0 }\n',
        '[phrasal]\n"snipe" = { category = "DISAPPROVE", score = -2.0 }\n',
        '[pairs]\n"attack + deal" = { category = "AGREE", score = 5.0 }\n',
        '[aliases]\nsnyp = "snipe"\n',
        '[frames]\nmaybe = ["snipe"]\n',
        '[adverbs]\nsoon = 1\n',
        '[verbs\n',
    ],
)
def test_invalid_extension_is_rejected(tmp_path, text):
    with pytest.raises(LexiconError, match="extra.toml"):
        Lexicon.from_files(_write(tmp_path, text))


# --- with the real extractor ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Russia launched airstrikes against Ukrainian cities.", "ASSAULT"),
        ("The US imposed sanctions on Iran.", "SANCTION"),
        ("China held talks with Vietnam.", "CONSULT"),
        ("Germany pulled out of the deal with Iran.", "RETREAT"),
        ("Egypt called on Israel to show restraint.", "REQUEST"),
        ("Iran cracked down on protesters.", "COERCE"),
        ("France sent humanitarian aid to Gaza.", "AID"),
        ("Turkey backed down.", "CONCEDE"),
        ("Germany lambasted the plan by Hungary.", "DISAPPROVE"),
        ("Japan and South Korea struck a deal.", "AGREE"),
        ("Russia struck a hospital in Kharkiv.", "ASSAULT"),
        ("Hezbollah staged a demonstration against Israel.", "PROTEST"),
        ("Israel stepped up air strikes on Gaza.", "ASSAULT"),
        ("Kyiv accused Moscow of war crimes.", "ACCUSE"),
    ],
)
def test_the_extractor_classifies_verbs_and_light_verbs_with_the_lexicon(nlp, resolver, sentence, category):
    """The lexicon as the extractor uses it, on the real parse: verbs, particles and light verbs
    (launched airstrikes, held talks, struck a deal, staged a demonstration)."""
    assert [e.action.category for e in events_of(nlp, resolver, sentence)] == [category]


def test_a_mode_outside_its_types_list_is_refused(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text('[modes]\n"CONSULT visit" = "aerial"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="not a mode of CONSULT"):
        Lexicon.from_files(extra)
