"""What a `newsgraph run` will find, asked before anything heavy starts.

A scheduled run over a corpus that has not changed is the common case, and it should cost a
read of the files and a few queries. So before the ingest flow is started (Prefect and its
server, spaCy and the model, the copy finder, Dask), the command asks here whether the flow
would do anything: extract an article, record a copy, apply a curated merge, or recompute the
derived relationships a killed run left stale. When it would not, the survey holds the run
summary the flow would have printed. When it would, it holds how much new text there is, so
that the command can choose the number of workers before the flow starts (the task runner is
fixed then); the flow reads the files again, which costs little beside extracting them."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from newsgraph import quarantine
from newsgraph.config import Settings
from newsgraph.corpus.discover import discover, read_windows
from newsgraph.corpus.language import sort_by_language
from newsgraph.curation import pending_merges
from newsgraph.errors import InputError
from newsgraph.graph.records import Article
from newsgraph.intake import unchanged
from newsgraph.run_summary import RunSummary, Tally
from newsgraph.store.open import open_store

NOTHING_TO_DO = "nothing new to extract, merge or analyze: the graph is as the last run left it"
# The survey sorts at most this many new articles by language itself (about 1 s): a corpus
# whose only new articles are a few foreign ones still has nothing to do. More are left to the
# flow, which sorts them anyway: identifying them twice would cost more than it saves.
SORT_AT_MOST = 400
# New words from which a second worker pays for starting a Dask cluster and loading the model
# in each worker: benchmarks/workers.py on this project's 2-core machine fitted 1 worker at
# 3.7 s + 0.237 ms/word and 2 workers at 10.0 s + 0.149 ms/word, equal at about 72,000 words.
WORDS_PER_EXTRA_WORKER = 75_000


@dataclass(frozen=True)
class Survey:
    summary: RunSummary | None = None
    """The whole answer when the run has nothing to do."""
    new_articles: int = 0
    new_words: int = 0
    """Of the articles the store lacks (copies and foreign ones included: an upper bound)."""


def survey(inputs: Sequence[str], settings: Settings, force: bool = False) -> Survey:
    started, started_at = time.monotonic(), datetime.now(UTC)
    with open_store(settings) as store:
        store.apply_schema()  # as the flow does: a new migration is applied by any run
        files, errors = discover(inputs)
        read_errors: list[InputError] = []
        seen: set[str] = set()  # ids only: the corpus itself is read a window at a time
        read = held = new_articles = new_words = 0
        fresh: list[Article] = []  # kept only while few enough to sort by language here
        for window in read_windows(files, settings.limits, read_errors, settings.read_window):
            read += len(window)
            distinct = []
            for article in window:
                if article.id not in seen:
                    seen.add(article.id)
                    distinct.append(article)
            kept = set() if force else unchanged(store, distinct)
            new = [a for a in distinct if a.id not in kept]
            held, new_articles = held + len(kept), new_articles + len(new)
            new_words += sum(len(a.text.split()) for a in new)
            fresh = fresh + new if len(fresh) + len(new) <= SORT_AT_MOST else fresh
        work = Survey(None, new_articles, new_words)
        if force or new_articles > SORT_AT_MOST or not store.derived_current():
            return work
        languages = sort_by_language(fresh)
        if languages.english:
            return work
        try:
            if pending_merges(store, settings.extraction.extra_aliases):
                return work
        except ValueError:  # the flow says what is wrong with the alias file
            return work
        skipped = errors + read_errors + languages.errors
        quarantine.append(settings.quarantine_path, skipped, started_at)
        return Survey(RunSummary.collect(
            store, files=len(files), read=read, skipped_unchanged=held,
            duplicates=0, not_english=len(languages.foreign), extracted=Tally(), errors=skipped,
            seconds=time.monotonic() - started, analysis=NOTHING_TO_DO,
            quarantine=str(settings.quarantine_path) if skipped else None,
        ))


def usable_cores() -> int:
    """The processors this process may run on (a container's or taskset's limit, not the
    machine's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def workers_for(new_words: int, cores: int | None = None) -> int:
    """One more worker for each WORDS_PER_EXTRA_WORKER of new text, up to the usable cores: a
    small batch is extracted in the run's own process, with no cluster to start. Copies and
    foreign articles are counted in (the survey does not look for them): an upper bound."""
    cores = usable_cores() if cores is None else cores
    return max(1, min(cores, 1 + new_words // WORDS_PER_EXTRA_WORKER))
