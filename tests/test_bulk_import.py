"""The bulk backfill (`newsgraph backfill`, store/bulk_import.py): its import files hold what the
load statements write, and a Neo4j filled by neo4j-admin from them, then `run`, is the graph a
clean `run` builds, property for property, also after a later incremental run."""

from __future__ import annotations

import csv
import json
import random
from dataclasses import replace as dataclasses_replace
import os
import re
import socket
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT, SEED, newsgraph, wikinews_subset

from newsgraph.corpus.dedupe import Duplicate
from newsgraph.errors import NewsgraphError
from newsgraph.graph.records import Actor, Affiliation, Article, ExtractedArticle
from newsgraph.store.bulk_import import ARRAY_DELIMITER, BulkImport, _cell, tables
from newsgraph.store.schema_files import load_statement, load_steps

NEO4JCTL = ROOT / "tools" / "neo4j" / "neo4jctl"


def _written_properties() -> dict[str, set[str]]:
    """Label or relationship type -> the properties the load statements write, read off the
    Cypher: `x.prop = ` in SET clauses and `{prop: ` in CREATE and MERGE patterns."""
    found: dict[str, set[str]] = {}
    for name in sorted(set(load_steps("load_articles")) | set(load_steps("record_duplicates"))):
        cypher = load_statement(name)
        named = re.findall(r"[(\[](\w*):(\w+)", cypher)
        variables = {var: label for var, label in named if var}
        for _, label in named:
            found.setdefault(label, set())
        for var, prop in re.findall(r"\b(\w+)\.(\w+)\s*=(?!=)", cypher):
            if var in variables:
                found[variables[var]].add(prop)
        for var, label, body in re.findall(r"[(\[](\w*):(\w+)\s*\{([^}]*)\}", cypher):
            found.setdefault(label, set()).update(re.findall(r"(\w+)\s*:", body))
    return {k: v for k, v in found.items() if k not in {"PipelineState"}}


def test_the_import_files_hold_every_property_the_load_writes():
    spec = {t.name: set(t.properties) for t in tables()}
    assert spec == _written_properties()


def test_cells_keep_null_empty_text_lists_and_quotes_apart():
    assert _cell(None, "string", "x") == ""
    assert _cell("", "string", "x") == '""'
    assert _cell('say "no", twice', "string", "x") == '"say ""no"", twice"'
    assert _cell(["a;b", "c"], "string[]", "x") == f'"a;b{ARRAY_DELIMITER}c"'
    assert _cell(False, "boolean", "x") == "false"
    assert _cell(0.1, "double", "x") == "0.1"
    with pytest.raises(Exception, match="Event.score"):
        _cell("high", "double", "Event.score")
    for bad, kind in ((float("nan"), "double"), ([], "string[]"), (["a\x1fb"], "string[]")):
        with pytest.raises(NewsgraphError):
            _cell(bad, kind, "x")


def _random_articles(seed: int) -> list[ExtractedArticle]:
    """Articles whose actors, countries and affiliations vary from batch to batch: what the
    load statements MERGE (a country known then unknown, a role stated over several dates)."""
    rng = random.Random(seed)
    pool = [Actor(f"other:a{i}", f"A{i}", "other", None) for i in range(6)]
    items = []
    for n in range(14):
        article = Article(id=f"article:{seed}-{n}", doc="d.txt", title="t", text="x", content_hash=f"h{n}",
                          published=f"2020-0{1 + n % 9}-01")
        named = [(dataclasses_replace(actor, country=rng.choice([None, "RUS", "USA"])), rng.randint(1, 3))
                 for actor in rng.sample(pool, rng.randint(1, 4))]  # each actor once, as extraction counts them
        affiliations = tuple(
            Affiliation(rng.choice(pool[:3]), rng.choice(pool[3:]), rng.choice([None, "minister"]),
                        since, rng.choice([None, "2021-01-01"]), basis)
            for since, basis in ((rng.choice([None, "2019-01-01", "2020-05-05"]), "stated"),
                                 (rng.choice(["2018-01-01", "2019-01-01"]), "curated"))
            if rng.random() < 0.7)
        items.append(ExtractedArticle(article, "v", 1, 1, (), tuple(named), affiliations))
    return items


def _csv_rows(folder: Path, table: str) -> list[list[str]]:
    rows = []
    for name in (f"{table}.csv", f"{table}.multiline.csv"):
        if (folder / name).exists():
            with open(folder / name, encoding="utf-8", newline="") as f:
                rows += list(csv.reader(f))
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_what_the_statements_merge_is_merged_as_the_store_merges_it(tmp_path, falkor_store, seed):
    """The same articles, in batches of about 3 rows, into the real embedded store and into
    import files: actors (a known country kept), stated affiliations (earliest since, latest
    until), curated offices and mentions come out the same."""
    items = _random_articles(seed)
    falkor_store.load_all(items, batch_rows=3)
    with BulkImport(tmp_path / "import") as target:
        target.load_all(items, batch_rows=3)
        target.close()
    none = lambda v: v or None  # noqa: E731
    actors = {(r["id"], r["name"], r["kind"], r["country"]) for r in falkor_store.read(
        "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country")}
    assert actors == {(r[0], r[1], r[2], none(r[3])) for r in _csv_rows(tmp_path / "import", "Actor")}
    affiliations = {(r["p"], r["o"], r["role"], r["basis"], r["since"], r["until"]) for r in falkor_store.read(
        "MATCH (p:Actor)-[r:AFFILIATED_WITH]->(o:Actor) RETURN p.id AS p, o.id AS o, r.role AS role, "
        "r.basis AS basis, r.since AS since, r.until AS until")}
    assert affiliations == {(r[0], r[1], r[2], r[3], none(r[4]), none(r[5]))
                            for r in _csv_rows(tmp_path / "import", "AFFILIATED_WITH")}
    assert {(r["a"], r["x"], r["n"]) for r in falkor_store.read(
        "MATCH (a:Article)-[m:MENTIONS]->(x:Actor) RETURN a.id AS a, x.id AS x, m.count AS n")} == {
        (r[0], r[1], int(r[2])) for r in _csv_rows(tmp_path / "import", "MENTIONS")}
    assert any(country for _, _, _, country in actors) and len(affiliations) > 3


def test_a_batch_sent_twice_is_written_once_and_a_lost_original_has_no_duplicate_of(tmp_path):
    items = _random_articles(5)
    with BulkImport(tmp_path / "import") as target:
        target.load_all(items[:4], batch_rows=3)
        target.load_all(items[:4], batch_rows=3)  # a retried task
        lost = Article(id="article:lost", doc="c.txt", title="t", text="x", content_hash="h")
        copy = Article(id="article:copy", doc="c.txt", title="t", text="x", content_hash="h")
        target.record_duplicates([Duplicate(copy, "article:lost", "exact", 1.0),
                                  Duplicate(dataclasses_replace(copy, id="article:copy2"), items[0].article.id,
                                            "near", 0.9)])
        target.close()
    ids = [r[0] for r in _csv_rows(tmp_path / "import", "Article")]
    assert sorted(ids) == sorted([i.article.id for i in items[:4]] + ["article:copy", "article:copy2"])
    assert [(r[0], r[1]) for r in _csv_rows(tmp_path / "import", "DUPLICATE_OF")] == [
        ("article:copy2", items[0].article.id)]
    assert lost.id not in ids


def test_a_backfill_writes_into_a_new_folder_only(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "Actor.csv").write_text("old")
    with pytest.raises(NewsgraphError, match="holds files"):
        BulkImport(tmp_path / "used")
    with pytest.raises(NewsgraphError, match="commas"):
        BulkImport(tmp_path / "a,b")


def _first_rows(source: Path, n: int, path: Path) -> str:
    with open(source, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[: n + 1]
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return str(path)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dump(uri: str) -> list[str]:
    """Every node and relationship with all its properties, keyed by the ids they join."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri) as driver:
        nodes = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").records
        rels = driver.execute_query(
            "MATCH (a)-[r]->(b) RETURN type(r) AS t, coalesce(a.id, labels(a)[0]) AS a, "
            "coalesce(b.id, labels(b)[0]) AS b, properties(r) AS p").records
    return sorted([json.dumps([r["l"], r["p"]], sort_keys=True, default=str) for r in nodes]
                  + [json.dumps([r["t"], r["a"], r["b"], r["p"]], sort_keys=True, default=str) for r in rels])


@pytest.fixture
def second_neo4j(tmp_path, neo4j_uri):
    """A second server home beside the shared test Neo4j, for the import (which needs its
    server down). Stopped at the end whatever happens."""
    env = os.environ | {"NEO4J_TEST_HOME": str(tmp_path / "neo4j-home"),
                        "NEO4J_TEST_BOLT_PORT": str(_free_port()), "NEO4J_TEST_HTTP_PORT": str(_free_port())}
    yield env
    subprocess.run([str(NEO4JCTL), "down"], env=env, capture_output=True)


def test_a_backfill_then_run_is_the_graph_of_a_clean_run(tmp_path, neo4j_uri, neo4j_store, second_neo4j):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first = [wikinews_subset(corpus, 12), str(SEED)]
    # a copy under another URL (a DUPLICATE_OF), and a title with a line break (a multi-line field)
    title, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    with open(corpus / "more.jsonl", "w", encoding="utf-8") as f:
        for record in ({"url": "https://example.org/copy", "title": title, "text": body},
                       {"url": "https://example.org/wrapped", "title": "Ankara accuses\nAthens",
                        "text": "Turkey on Monday accused Greece of violating its airspace."}):
            f.write(json.dumps(record) + "\n")
    first.append(str(corpus / "more.jsonl"))
    data = tmp_path / "data"

    done = newsgraph("backfill", *first, "--out", str(tmp_path / "import"), "--workers", "1",
                     "--neo4j-admin", f"{NEO4JCTL} admin", data_dir=data, **second_neo4j)
    assert done.returncode == 0, done.stderr
    assert "imported into database neo4j" in done.stdout
    assert (tmp_path / "import" / "Article.multiline.csv").read_text().count("Ankara accuses\n") == 1
    assert (tmp_path / "import" / "DUPLICATE_OF.csv").read_text().count("\n") == 1

    up = subprocess.run([str(NEO4JCTL), "start"], env=second_neo4j, capture_output=True, text=True)
    assert up.returncode == 0, up.stderr
    bulk_uri = up.stdout.strip().splitlines()[-1].removeprefix("NEO4J_URI=")

    finish = newsgraph("run", *first, "--graph", bulk_uri, "--workers", "1", data_dir=data)
    assert finish.returncode == 0, finish.stderr
    assert "extracted 0" in finish.stdout.replace("\n", " ")  # every article was imported
    clean = newsgraph("run", *first, "--graph", neo4j_uri, "--workers", "1", data_dir=data)
    assert clean.returncode == 0, clean.stderr
    backfilled, reference = _dump(bulk_uri), _dump(neo4j_uri)
    assert len(reference) > 500
    assert backfilled == reference

    # later runs go on incrementally on the backfilled graph
    more = [*first, _first_rows(ROOT / "samples" / "wikinews" / "wikinews_2020.csv", 6, corpus / "later.csv")]
    for uri in (bulk_uri, neo4j_uri):
        done = newsgraph("run", *more, "--graph", uri, "--workers", "1", data_dir=data)
        assert done.returncode == 0, done.stderr
    assert _dump(bulk_uri) == _dump(neo4j_uri)


def test_a_backfill_refuses_a_database_that_holds_anything(tmp_path, neo4j_uri, neo4j_store):
    data = tmp_path / "data"
    neo4j_store.write([("CREATE (:_Neodash_Dashboard {title: 'kept'})", {})])
    done = newsgraph("backfill", str(SEED), "--out", str(tmp_path / "import"), "--graph", neo4j_uri, data_dir=data)
    assert done.returncode == 1
    assert "holds 1 nodes" in done.stderr
    assert not (tmp_path / "import").exists()


def test_a_backfill_that_extracts_nothing_imports_nothing(tmp_path):
    data = tmp_path / "data"
    done = newsgraph("backfill", str(tmp_path / "mistyped"), "--out", str(tmp_path / "import"), "--overwrite",
                     data_dir=data)
    assert done.returncode == 1 and "--overwrite replaces the database: give --graph" in done.stderr
    done = newsgraph("backfill", str(tmp_path / "mistyped"), "--out", str(tmp_path / "import"),
                     "--neo4j-admin", "false", data_dir=data)
    assert done.returncode == 1
    assert "no article was extracted, so there is nothing to import" in done.stderr
