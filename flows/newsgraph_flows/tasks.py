"""Prefect tasks: each wraps one library call and adds only what Prefect is for (retries,
names in the UI). Tasks pass articles and records, never spaCy Docs or store connections;
caching is off because the inputs are large and the store is the source of truth."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from prefect import task
from prefect.cache_policies import NO_CACHE

from newsgraph import intake, pipeline
from newsgraph.analytics import analyze as analytics
from newsgraph.analytics.analyze import AnalysisSummary
from newsgraph.config import Extraction
from newsgraph.corpus.dedupe import Duplicate
from newsgraph.corpus.discover import discover
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.graph.records import Article, ExtractedArticle
from newsgraph.resolution import resolve as apply_merges
from newsgraph.store.base import GraphStore, LoadTarget


@task(name="discover", cache_policy=NO_CACHE)
def discover_files(inputs: Sequence[str]) -> tuple[list[str], list[InputError]]:
    return discover(inputs)


@task(name="take-in", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5)
def take_in(store: LoadTarget, reading: intake.Reading, force: bool, db: sqlite3.Connection) -> intake.Plan:
    """Reads the corpus once and decides each article's fate (held, foreign, copy, to extract);
    language is asked only of the articles the store lacks. A retry starts the plan afresh."""
    return intake.plan(store, reading, force, db)


@task(name="extract", cache_policy=NO_CACHE)
def extract(shard: Sequence[Article], config: Extraction) -> tuple[list[ExtractedArticle], list[InputError]]:
    """The shard's records, and the articles the rules failed on (for the quarantine)."""
    errors: list[InputError] = []
    return pipeline.extract_articles(shard, config, errors), errors


@task(name="load", cache_policy=NO_CACHE, retries=3, retry_delay_seconds=[1, 5, 15])
def load(store: LoadTarget, batch: Sequence[ExtractedArticle], batch_rows: int) -> int:
    """Retried on failure: a batch replaces its articles whole in a store, so a retry cannot
    double (the backfill's import files are appended to: the flow turns retries off there)."""
    return store.load_all(batch, batch_rows)


@task(name="record-duplicates", cache_policy=NO_CACHE, retries=3, retry_delay_seconds=[1, 5, 15])
def record_duplicates(store: LoadTarget, copies: Sequence[Duplicate]) -> None:
    store.record_duplicates(copies)


@task(name="resolve", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5)
def resolve(store: GraphStore, config: Extraction) -> str:
    """Articles loaded before a curated merge still name the merged actor: they move over. What
    it did, for the summary ("" when there was nothing to merge); a graph it cannot resolve is
    said there, and the run goes on."""
    try:
        done = apply_merges(store, pipeline.resolver_for(config.extra_aliases), refresh=False)
    except NewsgraphError as exc:
        return f"resolve skipped: {exc}"
    return done.line() if done.merged else ""


@task(name="refresh-derived", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5)
def refresh_derived(store: GraphStore, batch_rows: int) -> AnalysisSummary | None:
    """INTERACTS_WITH and the analytics, when a load or a merge changed the events."""
    return analytics.refresh_derived(store, batch_rows)
