"""Trains the learned event filter (src/newsgraph/nlp/event_filter.py) on the development
gold and writes src/newsgraph/nlp/data/event_filter.json.

    .venv/bin/python eval/train_filter.py

Extracts dev with the rules alone (the filter off), labels each candidate by the same
one-to-one matching `newsgraph evaluate` uses, fits a logistic regression (scikit-learn,
deterministic), and keeps the fixed threshold 0.40 after checking it against the F1 under
5-fold cross-validation by article, averaged over five fixed splits. Prints the cross-validated figures. Never train on the
held-out set: it only says whether the filter is kept."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from newsgraph import evaluation, pipeline
from newsgraph.corpus.discover import read_files
from newsgraph.nlp import event_filter
from newsgraph.nlp.extract import parse, read_doc
from newsgraph.nlp.model import load_nlp, resolve_model_name

ROOT = Path(__file__).resolve().parents[1]
THRESHOLD = 0.40
MAX_LOSS = 0.005
REPEATS = 5
THRESHOLDS = [round(0.15 + 0.05 * i, 2) for i in range(8)]


def candidates(folder: Path) -> tuple[list, list[int], int]:
    nlp, resolver = load_nlp("auto"), pipeline.resolver_for(None)
    gold, _ = evaluation.load_gold(folder, resolver)
    articles = read_files(sorted(str(p) for p in (folder / "articles").glob("*.txt"))).articles
    found = [(evaluation.event_key(e, Path(a.doc).name), e)
             for doc, a in parse(articles, nlp)
             for e in read_doc(doc, a, resolver, filtered=False).events]
    labels, open_ = [0] * len(found), list(range(len(found)))
    for item in gold:
        hit = next((i for i in open_ if found[i][0].same_event(item.key)), None)
        if hit is not None:
            open_.remove(hit)
            labels[hit] = 1
    return found, labels, len(gold)


def f1(labels: np.ndarray, keep: np.ndarray, gold: int) -> float:
    tp, fp = int(labels[keep].sum()), int((keep & (labels == 0)).sum())
    p, r = (tp / (tp + fp) if tp + fp else 0.0), (tp / gold if gold else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    found, labels, gold = candidates(ROOT / "eval" / "gold" / "dev")
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([event_filter.features(e) for _, e in found])
    y = np.array(labels)
    docs = [key.doc for key, _ in found]
    print(f"dev, rules alone: F1 {f1(y, np.ones(len(y), bool), gold):.3f}")
    # One split into folds is noisy: a small rule change moved the best threshold by a step
    # and held-out F1 with it. The curve is the mean over REPEATS splits, each a fixed
    # shuffle of the articles (by a hash of the name), so a retrain is still reproducible.
    curves = []
    for repeat in range(REPEATS):
        order = sorted(set(docs), key=lambda doc: hashlib.sha256(f"{repeat}:{doc}".encode()).hexdigest())
        fold = {doc: i % 5 for i, doc in enumerate(order)}
        cv = np.zeros(len(found))
        for k in range(5):
            train = np.array([fold[d] != k for d in docs])
            model = LogisticRegression(max_iter=5000).fit(x[train], y[train])
            cv[~train] = model.predict_proba(x[~train])[:, 1]
        curves.append([f1(y, cv >= t, gold) for t in THRESHOLDS])
    scores = dict(zip(THRESHOLDS, np.mean(curves, axis=0).tolist()))
    spread = dict(zip(THRESHOLDS, np.std(curves, axis=0, ddof=1).tolist()))
    for t, s in scores.items():
        print(f"dev, 5-fold cross-validated ({REPEATS} splits), threshold {t:.2f}: F1 {s:.4f} "
              f"(± {spread[t]:.4f} between splits)")
    # The threshold is fixed, not chosen again on each retrain. The cross-validated curve is
    # flat (within 0.002 from 0.15 to 0.40 through several sessions, while the spread between
    # splits is 0.001-0.003), so picking its maximum picked noise: small rule changes moved
    # the choice between 0.25, 0.30 and 0.40 and held-out F1 by up to 0.003 each time, and
    # the sample graph's size with it. Of the flat part the highest is kept: the graph is read
    # by analysts, and a false event is what a careful reader strikes out, where a missed one
    # is only absent. A retrain that leaves THRESHOLD more than MAX_LOSS below the best
    # threshold fails, so the choice is looked at again when the curve stops being flat.
    best = max(scores.values())
    if scores[THRESHOLD] < best - MAX_LOSS:
        raise SystemExit(f"threshold {THRESHOLD} is {best - scores[THRESHOLD]:.4f} below the best cross-validated "
                         f"F1 ({best:.4f}): the curve is no longer flat; choose the threshold again")
    threshold = THRESHOLD
    model = LogisticRegression(max_iter=5000).fit(x, y)
    weights = {name: round(float(w), 6) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])
               if abs(w) > 1e-6}
    out = {"trained_on": "eval/gold/dev", "rules_fingerprint": event_filter.rules_fingerprint(),
           "model": resolve_model_name("auto"), "candidates": len(found), "threshold": threshold,
           "cross_validated_f1": round(scores[threshold], 4), "intercept": round(float(model.intercept_[0]), 6),
           "weights": dict(sorted(weights.items()))}
    event_filter.MODEL_FILE.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"threshold {threshold:.2f}; wrote {event_filter.MODEL_FILE}")


if __name__ == "__main__":
    main()
