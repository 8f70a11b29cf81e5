"""What the tests share, in one module: the checkout's paths and sample corpora, running the
`newsgraph` command as a user does, and reading events off sentences written for a test.
(conftest.py holds only fixtures.)"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from newsgraph.corpus.records import make_article
from newsgraph.nlp.extract import read_doc

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "seed" / "moscow-warns-us.txt"


def wikinews_subset(folder: Path, n: int) -> str:
    """The first `n` Wikinews sample articles (CC BY 2.5, Wikinews contributors) as one CSV."""
    csv.field_size_limit(1 << 28)
    with open(SAMPLES / "wikinews" / "wikinews_2019.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:n]
    path = folder / f"wikinews_{n}.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
FINGERPRINT = (
    "MATCH (s:Actor)-[:SOURCE_OF]->(e:Event)-[:REPORTED_IN]->(a:Article) "
    "OPTIONAL MATCH (e)-[:TARGETS]->(t:Actor) "
    "RETURN e.id AS id, s.id AS s, t.id AS t, e.action AS action, a.id AS a ORDER BY id"
)


def newsgraph(*args: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess:
    environment = os.environ | {"NEWSGRAPH_DATA_DIR": str(data_dir)} | env
    return subprocess.run([NEWSGRAPH, *args], capture_output=True, text=True, cwd=ROOT,
                          env=environment, timeout=600)


def counts(data_dir: Path, graph: str | None = None) -> dict:
    args = ["query", "--json", "MATCH (a:Article) WHERE a.duplicate_of IS NULL WITH count(a) AS articles MATCH (e:Event) "
            "WITH articles, count(e) AS events MATCH (x:Actor) WITH articles, events, count(x) AS actors "
            "OPTIONAL MATCH (:Actor)-[r:INTERACTS_WITH]->(:Actor) "
            "RETURN articles, events, actors, count(r) AS interactions"]
    done = newsgraph(*args, *(["--graph", graph] if graph else []), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def events_of(nlp, resolver, *sentences: str):
    article = make_article(doc="t.txt", title="", body="\n\n".join(sentences))
    return read_doc(nlp(article.text), article, resolver).events


def events_if_the_ner_tags(nlp, resolver, sentence: str, names: dict[str, str | None]):
    """The events of a sentence whose NER has tagged each of `names` as given (a label, or
    None for no entity): a rule for what the NER gets wrong is tested whether or not this
    model gets that sentence wrong."""
    from spacy.tokens import Span

    article = make_article(doc="t.txt", title="", body=sentence)
    doc = nlp(article.text)
    spans = {}
    for name, label in names.items():
        start = article.text.index(name)
        spans[name] = doc.char_span(start, start + len(name))
    kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans.values())]
    doc.ents = kept + [Span(doc, s.start, s.end, label=label) for name, s in spans.items()
                       if (label := names[name]) is not None]
    return read_doc(doc, article, resolver).events


def triples(events):
    return {(e.source.actor.id, e.action.lemma, e.target.actor.id if e.target else None) for e in events}
