"""The evaluation command on a small gold folder written here, with the real extractor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsgraph.evaluation import Gold, Key, score

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))


def _key(source="state:RUS", lemma="warn", target="state:USA", sentence="Russia warned the US."):
    return Key("a.txt", sentence, source, lemma, target)


def test_scoring_counts_each_event_once():
    gold = [Gold(_key(), False, None, ("active",)), Gold(_key(lemma="ask"), False, None, ("request",))]
    predicted = [(_key(), None), (_key(), None), (_key(target="state:SYR"), None)]
    result = score(predicted, gold)
    assert (result.true_positives, result.false_positives, result.false_negatives) == (1, 2, 1)
    assert result.missed_by_phenomenon == {"request": 1}
    assert round(result.f1, 3) == round(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5), 3)


def test_sentences_split_differently_still_match():
    long = "Russia warned the US. It said more."
    assert _key(sentence=long).same_event(_key())


def test_evaluate_command_on_a_small_gold_folder(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(
        "Moscow warns Washington\n\nThe Kremlin warned the United States on Monday. "
        "The weather in Moscow was mild.\n", encoding="utf-8")
    actor = lambda name, country: {"name": name, "country": country, "kind": "country"}  # noqa: E731
    gold = [
        {"doc": "a.txt", "sentence": "Moscow warns Washington", "source": actor("Russia", "RUS"),
         "target": actor("United States", "USA"), "action": {"lemma": "warn", "negated": False, "modality": None},
         "reported_by": None, "phenomena": ["headline", "metonymy"]},
        {"doc": "a.txt", "sentence": "The Kremlin warned the United States on Monday.",
         "source": actor("Russia", "RUS"), "target": actor("United States", "USA"),
         "action": {"lemma": "warn", "negated": False, "modality": None}, "reported_by": None,
         "phenomena": ["metonymy"]},
    ]
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(g) for g in gold), encoding="utf-8")
    (tmp_path / "negatives.jsonl").write_text(
        json.dumps({"doc": "a.txt", "sentence": "The weather in Moscow was mild."}), encoding="utf-8")
    done = subprocess.run([NEWSGRAPH, "evaluate", str(tmp_path), "--errors"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "precision 1.000  recall 1.000  F1 1.000" in done.stdout
    assert "events found in negative sentences: 0" in done.stdout
    # Surface words: the headline's "Moscow" is not the gold name "Russia"; the body's
    # "The Kremlin warned the United States" is not either, so both systems score 0 there
    # unless gold rows carry the words as written (`text`).
    assert "textacy SVO" in done.stdout and "ratio of F1" in done.stdout


def test_surface_scoring_of_both_systems_on_a_passive_sentence(nlp, resolver):
    from newsgraph.corpus.records import make_article
    from newsgraph.evaluation import surface_of_event, surface_score, textacy_triples
    from newsgraph.nlp.extract import read_doc

    article = make_article(doc="p.txt", title="", body="Syria was attacked by Israel on Monday.")
    doc = nlp(article.text)
    gold = [{"doc": "p.txt", "sentence": "Syria was attacked by Israel on Monday.",
             "source": {"name": "Israel", "text": "Israel"}, "target": {"name": "Syria", "text": "Syria"},
             "action": {"lemma": "attack"}}]
    ours = surface_score([surface_of_event(e, "p.txt") for e in read_doc(doc, article, resolver).events], gold)
    theirs = surface_score(textacy_triples("p.txt", doc), gold)
    assert (ours.true_positives, ours.false_positives) == (1, 0)
    assert (theirs.true_positives, theirs.false_positives) == (0, 1)  # textacy reads Syria as the attacker


def test_an_organisation_matches_by_name_whatever_kind_it_was_given(resolver):
    """An organisation the gazetteer does not know is the same actor whether the gold calls
    it media and the extractor "other"; a known one is its canonical name by any alias; states
    stay their code and persons their id."""
    from newsgraph.evaluation import actor_key, gold_actor_key
    from newsgraph.graph.records import Actor

    extracted = Actor("other:radio-free-asia", "Radio Free Asia", "other", None)
    assert gold_actor_key({"name": "Radio Free Asia", "kind": "media"}, resolver) == actor_key(extracted)
    nato = resolver.lookup("NATO").actor
    assert gold_actor_key({"name": "North Atlantic Treaty Organization", "kind": "igo"}, resolver) == actor_key(nato)
    assert gold_actor_key({"name": "Moscow", "kind": "country", "country": "RUS"}, resolver) == "state:RUS"
    assert gold_actor_key({"name": "Radio Free Asia", "kind": "media"}, resolver) != actor_key(
        Actor("other:radio-free-europe", "Radio Free Europe", "other", None))


def test_the_kind_of_a_matched_organisation_is_reported_beside_the_score(nlp, resolver):
    """The key matches an organisation by name whatever its kind; whether the extractor gave
    it the gold's kind is counted apart (states and persons are not counted)."""
    from helpers import events_of

    from newsgraph.evaluation import event_key

    event = next(e for e in events_of(nlp, resolver, "Radio Free Asia criticised Cambodia.")
                 if e.action.lemma == "criticize")
    key = event_key(event, "t.txt")
    for gold_kind, right in (("ngo", 0), (event.source.actor.kind, 1)):
        result = score([(key, event)], [Gold(key, False, None, ("active",), kinds=(gold_kind, "country"))])
        assert result.true_positives == 1 and result.kinds == [1, right]
