"""A `newsgraph run` that has nothing to do, answered without starting anything heavy.

A scheduled run over a corpus that has not changed is the common case, and it should cost a
read of the files and a few queries. So before the ingest flow is started (Prefect and its
server, spaCy and the model, the copy finder, Dask), the command asks here whether the flow
would do anything: extract an article, record a copy, apply a curated merge, or recompute
the derived relationships a killed run left stale. When it would not, the answer is the run
summary the flow would have printed; otherwise None, and the flow runs (reading the files
again: a second read of a corpus with work in it costs little beside extracting it)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime

from newsgraph import quarantine
from newsgraph.config import Settings
from newsgraph.corpus.discover import discover, read_files
from newsgraph.curation import pending_merges
from newsgraph.intake import sort_out
from newsgraph.run_summary import RunSummary
from newsgraph.store.open import open_store

NOTHING_TO_DO = "nothing new to extract, merge or analyze: the graph is as the last run left it"


def nothing_to_do(inputs: Sequence[str], settings: Settings) -> RunSummary | None:
    started, started_at = time.monotonic(), datetime.now(UTC)
    with open_store(settings) as store:
        store.apply_schema()  # as the flow does: a new migration is applied by any run
        if not store.derived_current():
            return None
        files, errors = discover(inputs)
        read = read_files(files, settings.limits, identify_language=False)
        intake = sort_out(store, read.articles)
        if intake.new:
            return None
        try:
            if pending_merges(store, settings.extraction.extra_aliases):
                return None
        except ValueError:  # the flow says what is wrong with the alias file
            return None
        skipped = errors + read.errors + intake.errors
        quarantine.append(settings.quarantine_path, skipped, started_at)
        return RunSummary.collect(
            store, files=len(files), read=len(read.articles), skipped_unchanged=len(intake.held),
            duplicates=0, not_english=len(intake.foreign), extracted=[], errors=skipped,
            seconds=time.monotonic() - started, analysis=NOTHING_TO_DO,
            quarantine=str(settings.quarantine_path) if skipped else None,
        )
