"""The named-rule registry: the data file and the code agree, and every event says which
rules made it, in extract's JSON, on the graph and in `evaluate --by-rule`."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.nlp import rules

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "src" / "newsgraph").rglob("*.py"))


def _string_constants(path: Path) -> set[str]:
    """The string literals of a module that are not docstrings or comments."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings}


def test_every_registered_rule_is_used_by_the_code_and_every_used_name_is_registered():
    name = re.compile(r"^(?:speaker|action|source|target|modality|negation|actor|filter)\.[a-z_]+$")
    used = {s for path in SOURCES for s in _string_constants(path) if name.match(s)}
    registered = set(rules.registry())
    assert used - registered == set()
    assert registered - used == set(), "rules in rules.toml that no code applies"


def test_rule_names_say_their_stage_and_have_a_summary():
    stages = {"speaker", "action", "source", "target", "modality", "negation", "actor", "filter"}
    for rule in rules.registry().values():
        assert rule.stage in stages, rule.name
        assert len(rule.summary) > 10, rule.name
        assert 0 < rule.factor <= 1


def test_an_unknown_rule_name_is_refused():
    with pytest.raises(rules.RuleError, match="no.such"):
        rules.rule("no.such")


def test_events_record_the_rules_that_made_them(nlp, resolver):
    from newsgraph.corpus.records import make_article
    from newsgraph.nlp.extract import read_doc

    article = make_article(doc="t.txt", title="Russia warns US",
                           body="The Kremlin urged Washington to withdraw its troops from Syria. "
                                "Israeli jets were attacked by Hezbollah, according to the UN.")
    events = read_doc(nlp(article.text), article, resolver).events
    by_lemma = {e.action.lemma: e for e in events}
    assert by_lemma["urge"].rule[:2] == ("action.verb", "source.subject")
    assert "target.object" in by_lemma["urge"].rule
    withdraw = by_lemma["withdraw"]
    assert "source.requestee" in withdraw.rule and "modality.requested" in withdraw.rule
    assert "target.preposition" in withdraw.rule
    attack = by_lemma["attack"]
    assert {"source.passive_agent", "target.passive_subject", "speaker.according_to"} <= set(attack.rule)
    registered = set(rules.registry())
    assert all(set(e.rule) <= registered and e.rule for e in events)


def test_evaluate_by_rule_prints_each_rule_and_json_gives_the_figures(tmp_path):
    gold = ROOT / "eval" / "gold" / "dev"
    run = subprocess.run([sys.executable, "-m", "newsgraph_flows.cli", "evaluate", str(gold), "--by-rule"],
                         capture_output=True, text=True, check=True)
    assert re.search(r"^source\.subject +\d+ +\d+ +\d+ +[01]\.\d\d +[01]\.\d\d$", run.stdout, re.M)
    assert "event type right on" in run.stdout
    run = subprocess.run([sys.executable, "-m", "newsgraph_flows.cli", "evaluate", str(gold), "--json"],
                         capture_output=True, text=True, check=True)
    figures = json.loads(run.stdout)
    assert 0 < figures["f1"] <= 1 and 0 < figures["type_accuracy"] <= 1
    assert figures["by_rule"]["source.subject"]["tp"] > 0


def test_the_learned_filter_only_drops_candidates_and_ships_as_plain_weights(nlp, resolver):
    from newsgraph.corpus.records import make_article
    from newsgraph.nlp.event_filter import MODEL_FILE, EventFilter
    from newsgraph.nlp.extract import read_doc

    model = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert model["trained_on"] == "eval/gold/dev" and 0 < model["threshold"] < 1 and model["weights"]
    article = make_article(doc="t.txt", title="Russia warns US",
                           body="The Kremlin urged Washington to withdraw its troops from Syria. "
                                "Officials said the talks would continue, and Moscow thanked Ankara.")
    doc = nlp(article.text)
    every = read_doc(doc, article, resolver, filtered=False).events
    kept = read_doc(doc, article, resolver).events
    assert set(kept) <= set(every)
    flt = EventFilter.shipped()
    assert all(flt.probability(e) >= flt.threshold for e in kept)
    assert all(flt.probability(e) < flt.threshold for e in set(every) - set(kept))


def test_the_shipped_filter_was_trained_on_the_current_rules():
    """A change to the rules, lexicon or gazetteer changes the candidates: retrain the filter
    (.venv/bin/python eval/train_filter.py) in the same commit."""
    from newsgraph.nlp.event_filter import MODEL_FILE, rules_fingerprint

    model = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert model["rules_fingerprint"] == rules_fingerprint(), "retrain: .venv/bin/python eval/train_filter.py"
    registered = set(rules.registry())
    assert {w.split("=", 1)[1] for w in model["weights"] if w.startswith("rule=")} <= registered


def test_a_rule_the_code_does_not_switch_cannot_be_turned_off(tmp_path, monkeypatch):
    data = rules.RULES_FILE.read_text(encoding="utf-8").replace(
        'name = "target.object"\nsummary = "the direct or indirect object"',
        'name = "target.object"\nsummary = "the direct or indirect object"\nenabled = false\noff_because = "x"')
    changed = tmp_path / "rules.toml"
    changed.write_text(data, encoding="utf-8")
    monkeypatch.setattr(rules, "RULES_FILE", changed)
    rules._raw.cache_clear()
    rules._data.cache_clear()
    try:
        with pytest.raises(rules.RuleError, match="cannot be turned off"):
            rules.registry()
    finally:
        monkeypatch.undo()
        rules._raw.cache_clear()
        rules._data.cache_clear()
