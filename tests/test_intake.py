"""What a run takes in, and when a run has nothing to do (issue 16: re-runs cost nothing): the
store is asked first, the language identifier and the copy finder see only what it lacks, and
what is derived from the events is recomputed only after a write. Real stores, real spaCy."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.analytics.analyze import refresh_derived
from newsgraph import pipeline
from newsgraph.config import Settings
from newsgraph.corpus.records import make_article
from newsgraph.intake import take_in
from newsgraph.nlp.extract import read_doc
from newsgraph.rerun import WORDS_PER_EXTRA_WORKER, survey, usable_cores, workers_for

RUSSIA = ("Russia warned the United States on Monday. The Kremlin said Washington would regret its "
          "decision to send troops to the region, and NATO criticized Moscow for the threat.")
POLAND = "Poland thanked NATO for its support on Tuesday. Germany praised Poland for the decision."
GERMAN = ("Die Regierung in Berlin hat am Montag neue Sanktionen gegen Russland beschlossen. Der Kanzler "
          "sagte, man werde die Ukraine weiter unterstützen und mit den Partnern in Europa beraten.")


def article(name: str, body: str, day: str = "2020-03-02"):
    return make_article(doc=f"{name}.txt", title=name, body=body, published=day)


def load(store, nlp, resolver, *articles) -> None:
    store.load_all([read_doc(nlp(a.text), a, resolver) for a in articles])


def test_a_write_leaves_the_derived_graph_stale_until_it_is_recomputed(store, nlp, resolver):
    assert not store.derived_current()  # a graph without the marker counts as stale
    load(store, nlp, resolver, article("russia", RUSSIA))
    first = refresh_derived(store)
    assert first is not None and first.pairs > 0 and store.derived_current()
    assert refresh_derived(store) is None  # nothing written since: nothing recomputed
    load(store, nlp, resolver, article("poland", POLAND))  # a run killed after this load...
    assert not store.derived_current()
    again = refresh_derived(store)  # ...is completed by the next one
    assert again is not None and again.pairs > first.pairs and store.derived_current()
    (row,) = store.read("MATCH (:Actor {id: 'country:POL'})-[r:INTERACTS_WITH]->(:Actor {id: 'igo:nato'}) "
                        "RETURN count(r) AS n")
    assert row["n"] == 1
    store.clear()  # an emptied graph is stale again: the next run recomputes what it loads
    assert not store.derived_current()


def test_only_articles_the_store_lacks_are_identified_and_searched_for_copies(store, nlp, resolver):
    russia = article("russia", RUSSIA)
    load(store, nlp, resolver, russia)
    german = article("german", GERMAN)
    poland = article("poland", POLAND)
    syndicated = replace(article("syndicated", RUSSIA, day="2020-03-05"), id="syndicated-copy")
    intake = take_in(store, [russia, german, poland, syndicated, poland])
    assert intake.held == {russia.id}
    assert [a.id for a in intake.todo] == [poland.id]  # once: the same id twice is one article
    assert [a.id for a in intake.foreign] == [german.id] and "not English: de" in str(intake.errors[0])
    assert [(c.article.id, c.original_id) for c in intake.copies] == [("syndicated-copy", russia.id)]
    unchanged = take_in(store, [russia])
    assert unchanged.held == {russia.id} and not unchanged.todo and not unchanged.copies
    everything = take_in(store, [russia, poland], force=True)
    assert {a.id for a in everything.todo} == {russia.id, poland.id} and not everything.held


def test_an_earlier_copy_makes_a_loaded_article_its_copy_with_its_language(store, nlp, resolver):
    russia = article("russia", RUSSIA, day="2020-03-05")
    load(store, nlp, resolver, russia)
    earlier = replace(article("earlier", RUSSIA, day="2020-03-01"), id="earlier-wire")
    intake = take_in(store, [russia, earlier])
    assert [a.id for a in intake.todo] == ["earlier-wire"]
    ((copy),) = intake.copies
    assert copy.article.id == russia.id and copy.original_id == "earlier-wire"
    assert copy.article.language == "en"


def test_a_run_with_nothing_new_is_answered_without_the_flow(neo4j_store, neo4j_uri, nlp, resolver, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "russia.txt").write_text("Russia warns US\n\n" + RUSSIA, encoding="utf-8")
    (corpus / "german.txt").write_text("Sanktionen\n\n" + GERMAN, encoding="utf-8")
    settings = Settings(graph_uri=neo4j_uri, data_dir=tmp_path / "data")
    first = survey([str(corpus)], settings)
    assert first.summary is None and first.new_articles == 2  # the store lacks both
    assert first.new_words == 60  # both texts, title and body
    from newsgraph.corpus.discover import read_files

    (russia,) = read_files([str(corpus / "russia.txt")]).articles
    load(neo4j_store, nlp, resolver, russia)
    assert survey([str(corpus)], settings).summary is None  # loaded, but the derived graph is stale
    refresh_derived(neo4j_store)
    found = survey([str(corpus)], settings)
    summary = found.summary
    assert summary is not None  # the German one is set aside again, and counted
    assert (summary.skipped_unchanged, summary.not_english, summary.articles_extracted) == (1, 1, 0)
    assert summary.counts["events"] > 0 and summary.top_pairs
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[[merge]]\nfrom = ["igo:nato"]\ninto = "igo:north-atlantic-alliance"\n', encoding="utf-8")
    merging = Settings(graph_uri=neo4j_uri, data_dir=tmp_path / "data", extra_aliases=aliases)
    assert survey([str(corpus)], merging).summary is None  # a merge of an actor in the graph is work


def test_workers_follow_the_new_text_up_to_the_usable_cores():
    assert workers_for(0, cores=8) == 1
    assert workers_for(WORDS_PER_EXTRA_WORKER - 1, cores=8) == 1
    assert workers_for(WORDS_PER_EXTRA_WORKER, cores=8) == 2
    assert workers_for(100 * WORDS_PER_EXTRA_WORKER, cores=8) == 8
    assert workers_for(100 * WORDS_PER_EXTRA_WORKER, cores=1) == 1
    assert 1 <= workers_for(10**9) == usable_cores()


def test_shards_shrink_so_that_the_workers_end_together():
    """Guided shards: the first quarter of the text goes first (2 workers), each later shard
    is smaller, down to 1/12 of a worker's share, so the last shards are short and no worker
    parses alone for long at the end. No article is lost or moved, and none over
    max_articles share a shard."""
    lengths = [40, 3000, 200, 200, 500, 90, 1200, 800, 800, 60, 2500, 700, 150, 400, 300] * 12
    articles = [article(f"a{i}", "word " * n) for i, n in enumerate(lengths)]
    total = sum(len(a.text) for a in articles)
    longest = max(len(a.text) for a in articles)
    parts = pipeline.shards(articles, workers=2)
    assert [a for part in parts for a in part] == articles
    sizes = [sum(len(a.text) for a in part) for part in parts]
    assert abs(sizes[0] - total / 4) <= longest
    assert all(later <= earlier + longest for earlier, later in zip(sizes, sizes[1:]))
    assert max(sizes[-4:]) <= total / 2 / 12 + longest
    assert 8 <= len(parts) <= 16
    capped = pipeline.shards(articles, workers=2, max_articles=10)
    assert [a for part in capped for a in part] == articles
    assert max(len(part) for part in capped) <= 10
    assert pipeline.shards([], workers=2) == []
