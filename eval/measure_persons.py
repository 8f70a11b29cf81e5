"""Person nodes per distinct person, against a key of every person a gold set's articles name,
with the surface forms used and the articles, written by reading the articles, blind to the
resolver: eval/persons/dev_persons.json for the dev articles, eval/persons/heldout_persons.json
(written blind to the rules and the dev key too) for the held-out ones.

    .venv/bin/python eval/measure_persons.py [dev|heldout]

A key person's nodes are the actors of their articles whose id is the slug of one of their forms
or of their full name, or whose name is one of their forms. Ideal: one node each, of kind person,
with the key's country (where the key gives one), and no person given another country: a wrong
state is worse than none."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from newsgraph.actors.persons import person
from newsgraph.actors.resolver import Resolver
from newsgraph.corpus.discover import read_files
from newsgraph.nlp.extract import parse, read_doc
from newsgraph.nlp.model import load_nlp

ROOT = Path(__file__).resolve().parents[1]


def main(gold_set: str = "dev") -> None:
    key = json.loads((ROOT / "eval" / "persons" / f"{gold_set}_persons.json").read_text(encoding="utf-8"))
    nlp, resolver = load_nlp(), Resolver.default()
    named = {}
    articles = read_files(sorted(str(p) for p in (ROOT / "eval" / "gold" / gold_set / "articles").glob("*.txt"))).articles
    for doc, article in parse(articles, nlp):
        item = read_doc(doc, article, resolver)
        named[Path(article.doc).name] = [actor for actor, _ in item.mentions]
    nodes: dict[str, dict[str, object]] = defaultdict(dict)
    for entry in key:
        slugs = {person(form).id.split(":", 1)[1] for form in entry["forms"]}
        forms = {form.casefold() for form in entry["forms"]}
        full = person(entry["person"]).id
        for doc in entry["articles"]:
            for actor in named.get(doc, []):
                if actor.id == full or actor.id.split(":", 1)[1] in slugs or actor.name.casefold() in forms:
                    nodes[entry["person"]][actor.id] = actor
    seen = [e for e in key if nodes[e["person"]]]
    one = sum(1 for e in seen if len(nodes[e["person"]]) == 1)
    other_kind = sum(1 for e in seen for a in nodes[e["person"]].values() if a.kind != "person")
    dated = [e for e in seen if e["country"]]
    right = sum(1 for e in dated
                if {a.country for a in nodes[e["person"]].values() if a.kind == "person"} == {e["country"]})
    wrong = sum(1 for e in dated
                if {a.country for a in nodes[e["person"]].values() if a.kind == "person"} - {e["country"], None})
    print(f"key persons {len(key)}, found {len(seen)}; person nodes per person "
          f"{sum(len(nodes[e['person']]) for e in seen) / len(seen):.3f}; one node {one}/{len(seen)}; "
          f"nodes of another kind {other_kind}; with the key's country {right}/{len(dated)} ({right / len(dated):.2f}); "
          f"with another country {wrong}/{len(dated)}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
