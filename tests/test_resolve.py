"""`newsgraph resolve` and `actors merge`: a curated merge applied to a loaded graph gives the
graph a clean run with the same alias file gives, on both stores, without parsing again; a
second resolve changes nothing. Real spaCy, real stores, the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import newsgraph
from newsgraph.actors.resolver import Resolver
from newsgraph.corpus.records import make_article
from newsgraph.nlp.extract import parse, read_doc
from newsgraph.resolution import resolve

ARTICLES = [
    ("Moscow speaks", "Russian Foreign Ministry spokeswoman Maria Zakharova criticized the United States "
     "on Monday.", "2019-02-07"),
    ("NATO row", "Zakharova condemned NATO on Tuesday. NATO rejected the claims of Russia.", "2019-03-01"),
    ("Warsaw", "Poland thanked NATO. Zakharova said Moscow would answer.", "2019-03-02"),
    # a second full name "Zakharova" fits: the surname alone is left for a person to merge
    ("Kyiv", "Ukrainian historian Olga Zakharova criticized Hungary on Wednesday.", "2019-03-03"),
]
MERGE = """
[[merge]]
from = ["person:zakharova"]
into = "person:maria-zakharova"
name = "Maria Zakharova"
"""

SNAPSHOT = {
    "actors": "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, "
              "a.aliases AS aliases ORDER BY id",
    "events": "MATCH (s:Actor)-[sr:SOURCE_OF]->(e:Event)-[:REPORTED_IN]->(art:Article) "
              "OPTIONAL MATCH (e)-[tr:TARGETS]->(t:Actor) OPTIONAL MATCH (e)-[:REPORTED_BY]->(r:Actor) "
              "RETURN e.id AS id, art.id AS article, s.id AS s, sr.role AS sr, t.id AS t, tr.role AS tr, "
              "r.id AS r, e.action AS action, e.confidence AS confidence, e.rule AS rule, e.token AS token "
              "ORDER BY id",
    "mentions": "MATCH (art:Article)-[m:MENTIONS]->(a:Actor) RETURN art.id AS art, a.id AS a, m.count AS n "
                "ORDER BY art, a",
    "mention_nodes": "MATCH (m:Mention)-[:REFERS_TO]->(a:Actor) RETURN m.id AS id, m.article_id AS art, a.id AS a, "
                     "m.text AS text, m.sentence_index AS sentence, m.start AS start, m.end AS end, m.rule AS rule, "
                     "m.role AS role ORDER BY id",
    "affiliations": "MATCH (p:Actor)-[r:AFFILIATED_WITH]->(o:Actor) RETURN p.id AS p, o.id AS o, r.role AS role, "
                    "r.since AS since, r.until AS until, r.basis AS basis ORDER BY p, o, role, since",
    "interactions": "MATCH (a:Actor)-[r:INTERACTS_WITH]->(b:Actor) RETURN a.id AS a, b.id AS b, r.action AS action, "
                    "r.count AS n ORDER BY a, b, action",
}


def snapshot(store) -> dict[str, list[dict]]:
    return {name: store.read(cypher) for name, cypher in SNAPSHOT.items()}


def extracted(nlp, resolver):
    items = []
    for title, body, day in ARTICLES:
        article = make_article(doc=f"{title}.txt", title=title, body=body, published=day)
        items.append(read_doc(nlp(article.text), article, resolver))
    return items


@pytest.fixture
def alias_file(tmp_path: Path) -> Path:
    path = tmp_path / "aliases.toml"
    path.write_text(MERGE, encoding="utf-8")
    return path


def test_resolve_gives_the_graph_of_a_clean_run_with_the_merge(store, nlp, alias_file):
    plain, merging = Resolver.default(), Resolver.default(extra_aliases=alias_file)
    store.load(extracted(nlp, merging))
    assert resolve(store, merging).merged == ()  # a clean run resolves too: it writes the file's forms
    store.refresh_interactions()
    clean = snapshot(store)
    assert "zakharova" in next(row["aliases"] for row in clean["actors"] if row["id"] == "person:maria-zakharova")
    assert "person:zakharova" not in {row["id"] for row in clean["actors"]}
    assert any(row["s"] == "person:maria-zakharova" and row["t"] == "igo:nato" for row in clean["events"])

    store.clear()
    store.load(extracted(nlp, plain))
    store.refresh_interactions()
    before = snapshot(store)
    assert "person:zakharova" in {row["id"] for row in before["actors"]}
    # every mention is a node: "Zakharova" alone is read as its own person before the merge,
    # and as Maria Zakharova after it, with its words, place and rule kept
    alone = [(r["a"], r["rule"]) for r in before["mention_nodes"] if r["text"] == "Zakharova"]
    assert alone and {a for a, _ in alone} == {"person:zakharova"} and all(rule for _, rule in alone)
    assert {(r["a"], r["rule"]) for r in clean["mention_nodes"] if r["text"] == "Zakharova"} == {
        ("person:maria-zakharova", rule) for _, rule in alone}

    done = resolve(store, merging)
    assert done.merged == ("person:zakharova",) and done.articles == 2
    assert snapshot(store) == clean
    again = resolve(store, merging)
    assert (again.merged, again.articles) == ((), 0)
    assert snapshot(store) == clean


def test_the_query_library_finds_an_actor_by_a_merged_away_name_and_the_users_forms(store, nlp, tmp_path):
    """Issue 15, queries by any name: after `[[merge]] person:okafor -> person:chinedu-okafor`
    the name "Okafor" finds Chinedu Okafor, as in a clean run with the file (every run
    resolves); a user's [[person]] is found by the forms the file gives it."""
    from newsgraph.store.schema_files import named_queries

    merge, persons = tmp_path / "merge.toml", tmp_path / "persons.toml"
    merge.write_text('[[merge]]\nfrom = ["person:okafor"]\ninto = "person:chinedu-okafor"\nname = "Chinedu Okafor"\n',
                     encoding="utf-8")
    persons.write_text('[[person]]\nid = "person:ruth-haldorsen"\nname = "Ruth Haldorsen"\ncountry = "NOR"\n'
                       'aliases = ["R. Haldorsen"]\n', encoding="utf-8")
    texts = [("Lagos", "Nigerian Labour Minister Chinedu Okafor warned Ghana on Monday.", "2023-05-02"),
             ("Accra", "Mr Okafor criticized Ghana on Tuesday.", "2023-05-03"),
             ("Oslo", "Ruth Haldorsen condemned Russia on Wednesday.", "2023-05-04")]

    def load_and_resolve(loaded_with: Resolver, resolved_with: Resolver) -> dict[str, list[dict]]:
        store.clear()
        articles = [make_article(doc=f"{t}.txt", title=t, body=b, published=d) for t, b, d in texts]
        store.load([read_doc(doc, article, loaded_with) for doc, article in parse(articles, nlp)])
        resolve(store, resolved_with)
        store.refresh_interactions()  # as every run does after resolving
        return snapshot(store)

    merging = Resolver.default(extra_aliases=merge)
    clean = load_and_resolve(merging, merging)
    assert "person:okafor" not in {row["id"] for row in clean["actors"]}
    assert load_and_resolve(Resolver.default(), merging) == clean
    query = named_queries()["what_did_a_do_to_b"].cypher
    rows = store.read(query, {"a": "Okafor", "b": "Ghana", "limit": 5})
    assert {(r["source"], r["action"]) for r in rows} == {("Chinedu Okafor", "criticize"), ("Chinedu Okafor", "warn")}

    with_persons = Resolver.default(extra_aliases=persons)
    load_and_resolve(with_persons, with_persons)
    rows = store.read(query, {"a": "R. Haldorsen", "b": "Russia", "limit": 5})
    assert {(r["source"], r["action"], r["target"]) for r in rows} == {("Ruth Haldorsen", "condemn", "Russia")}


def test_a_merge_file_that_names_no_actor_id_is_refused(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[merge]]\nfrom = ["zakharova"]\ninto = "person:maria-zakharova"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.toml.*no actor id"):
        Resolver.default(extra_aliases=bad)
    cycle = tmp_path / "cycle.toml"
    cycle.write_text('[[merge]]\nfrom = "person:a"\ninto = "person:b"\nname = "B"\n'
                     '[[merge]]\nfrom = "person:b"\ninto = "person:a"\nname = "A"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="cycle"):
        Resolver.default(extra_aliases=cycle)


def state(data_dir: Path) -> dict:
    found = {}
    for name in ("actors", "events", "mentions", "affiliations", "interactions"):
        run = newsgraph("query", "--json", SNAPSHOT[name], data_dir=data_dir)
        assert run.returncode == 0, run.stderr
        found[name] = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    return found


def test_actors_merge_and_resolve_as_commands_equal_a_clean_run(tmp_path):
    """The user's path: run, `actors merge`, `resolve`; against a clean run of the same corpus
    with the alias file the merge wrote. Counts and every event, actor and mention id agree."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, (title, body, day) in enumerate(ARTICLES):
        (corpus / f"{i}.jsonl").write_text(json.dumps({"title": title, "text": body, "date": day}) + "\n",
                                           encoding="utf-8")
    first, clean = tmp_path / "first", tmp_path / "clean"
    try:
        _merge_resolve_split(corpus, first, clean)
    finally:
        newsgraph("server", "stop", data_dir=first)
        newsgraph("server", "stop", data_dir=clean)


def _merge_resolve_split(corpus: Path, first: Path, clean: Path) -> None:
    done = newsgraph("run", str(corpus), data_dir=first)
    assert done.returncode == 0, done.stderr
    unmerged = state(first)
    merged = newsgraph("actors", "merge", "person:zakharova", "person:maria-zakharova", data_dir=first)
    assert merged.returncode == 0, merged.stderr
    assert "merged 1 actor(s)" in merged.stdout and "rewrote 2 article(s)" in merged.stdout
    assert (first / "aliases.toml").exists()
    again = newsgraph("resolve", data_dir=first)
    assert again.returncode == 0 and "nothing changed" in again.stdout, again.stdout + again.stderr
    done = newsgraph("run", str(corpus), data_dir=clean, NEWSGRAPH_EXTRA_ALIASES=str(first / "aliases.toml"))
    assert done.returncode == 0, done.stderr

    merged_state = state(first)
    assert merged_state == state(clean)
    assert any(row["s"] == "person:maria-zakharova" and row["t"] == "igo:nato" for row in merged_state["events"])
    assert "person:zakharova" not in {row["id"] for row in merged_state["actors"]}
    missing = newsgraph("actors", "merge", "person:nobody", "person:maria-zakharova", data_dir=first)
    assert missing.returncode == 1 and "person:nobody: no such actor" in missing.stderr
    review = newsgraph("actors", "review", data_dir=first)
    assert review.returncode == 0 and "person:zakharova" not in review.stdout
    split = newsgraph("actors", "split", "person:zakharova", data_dir=first)
    assert split.returncode == 0, split.stderr
    assert "person:zakharova is no longer person:maria-zakharova" in " ".join(split.stdout.split())
    assert "[[merge]]" not in (first / "aliases.toml").read_text(encoding="utf-8")
    assert state(first) == unmerged  # the articles that named her were read again


def test_split_edits_only_its_own_merge_table_and_follows_chains(tmp_path):
    from newsgraph.curation import append_merge, merged_into, remove_merge

    path = tmp_path / "aliases.toml"
    path.write_text('# mine\n[[actor]]\nid = "country:RUS"\naliases = ["Rossiya"]\n', encoding="utf-8")
    append_merge(path, "other:zakharova", "person:maria-zakharova", {"name": "Maria Zakharova"})
    path.write_text(path.read_text(encoding="utf-8") + '# my persons\n  [[person]]\n  name = "Ruth Haldorsen"\n',
                    encoding="utf-8")
    append_merge(path, "person:maria-zakharova", "person:masha-z", {"name": "Masha Z"})
    assert merged_into(path, "other:zakharova") == "person:masha-z"  # a -> b -> c is c
    remove_merge(path, "other:zakharova")
    text = path.read_text(encoding="utf-8")
    assert "other:zakharova" not in text
    assert '# my persons\n  [[person]]\n  name = "Ruth Haldorsen"' in text and 'aliases = ["Rossiya"]' in text
    assert merged_into(path, "person:maria-zakharova") == "person:masha-z"
    path.write_text(text + '\n[[merge]]\nfrom = ["person:a", "person:b"]\ninto = "person:c"\nname = "C"\n',
                    encoding="utf-8")
    with pytest.raises(ValueError, match="edit the file by hand"):
        remove_merge(path, "person:a")


def test_resolve_refuses_a_graph_it_cannot_redo_before_writing_anything(store, nlp, alias_file):
    """Events loaded before extract-4 carry no verb token, so their ids cannot be recomputed."""
    import dataclasses

    from newsgraph.errors import NewsgraphError

    items = [dataclasses.replace(item, events=tuple(dataclasses.replace(e, token=None) for e in item.events))
             for item in extracted(nlp, Resolver.default())]
    store.load(items)
    before = snapshot(store)
    with pytest.raises(NewsgraphError, match="no verb token"):
        resolve(store, Resolver.default(extra_aliases=alias_file))
    assert snapshot(store) == before


LINKED = [("Budapest", "Hungarian Defence Minister Tomas Varga criticized NATO on Monday.", "2023-05-02"),
          ("Vienna", "Mr Varga condemned Austria on Tuesday.", "2023-05-03"),
          ("Brno", "Czech Foreign Minister Pavel Novak praised Slovakia.", "2023-05-04"),
          ("Ostrava", "Jan Novak, a Czech businessman, thanked Germany.", "2023-05-04"),
          ("Prague", "Mr Novak criticized Poland on Friday.", "2023-05-05")]


def test_a_surname_alone_is_linked_to_the_graphs_one_full_name_in_any_order(store, nlp):
    """Issue 15, cross-document resolution: "Varga", in an article that never gives the full
    name, is the Tomas Varga another article names, whichever was loaded first; the graph after
    both loads equals the one-load graph; "Novak", which two persons fit, stays as it is."""
    resolver = Resolver.default()
    items = {title: read_doc(doc, article, resolver) for doc, article in parse(
        [make_article(doc=f"{t}.txt", title=t, body=b, published=d) for t, b, d in LINKED], nlp)
        for title in [article.title]}

    def loaded(*batches: list[str]) -> tuple[dict[str, list[dict]], list]:
        store.clear()
        done = []
        for batch in batches:
            store.load([items[t] for t in batch])
            done.append(resolve(store, resolver))
        store.refresh_interactions()
        return snapshot(store), done

    clean, (once,) = loaded(["Budapest", "Vienna", "Brno", "Ostrava", "Prague"])
    assert once.linked == ("person:varga",)
    ids = {row["id"] for row in clean["actors"]}
    assert "person:varga" not in ids and {"person:tomas-varga", "person:novak"} <= ids
    assert any(row["s"] == "person:tomas-varga" and row["t"] == "country:AUT" for row in clean["events"])
    assert next(r["country"] for r in clean["actors"] if r["id"] == "person:tomas-varga") == "HUN"
    later, done = loaded(["Vienna", "Prague"], ["Budapest", "Brno", "Ostrava"])
    assert [d.linked for d in done] == [(), ("person:varga",)] and later == clean
    earlier, done = loaded(["Budapest", "Brno", "Ostrava"], ["Vienna", "Prague"])
    assert earlier == clean
    assert resolve(store, resolver).merged == ()  # a second resolve changes nothing
    from newsgraph.store.schema_files import named_queries

    review = {r["id"]: r["why"] for r in store.read(named_queries()["actors_to_review"].cypher, {"limit": 25})}
    assert review["person:novak"] == "one word: 2 full names fit: person:jan-novak, person:pavel-novak" \
        or review["person:novak"] == "one word: 2 full names fit: person:pavel-novak, person:jan-novak"


def test_a_given_name_or_a_title_alone_is_no_surname_to_link():
    from newsgraph.resolution import surname_links

    rows = [{"id": "person:elton-john", "name": "Elton John", "country": "GBR"},
            {"id": "person:john-bolton", "name": "John Bolton", "country": "USA"},
            {"id": "person:john", "name": "John", "country": None},
            {"id": "person:mayor", "name": "Mayor", "country": None},
            {"id": "person:ann-mayor", "name": "Ann Mayor", "country": None},
            {"id": "person:dominic-hare", "name": "Dominic Hare", "country": None},
            {"id": "person:hare", "name": "Hare", "country": "GBR"},
            {"id": "person:lena-kask", "name": "Lena Kask", "country": "EST"},
            {"id": "person:kask", "name": "Kask", "country": "FIN"}]
    links = surname_links(rows, Resolver.default())
    assert {k: v.id for k, v in links.items()} == {"person:hare": "person:dominic-hare"}
    assert links["person:hare"].country == "GBR"  # the surname's country, where the full name had none
