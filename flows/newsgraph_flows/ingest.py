"""The ingest flow: check the store → discover → read and take in, a window at a time (bad
input quarantined; what the store holds unchanged is skipped; of the rest, non-English is set
aside and copies found over the whole corpus) → read again and extract what is new or changed
(sharded, on Dask when workers > 1; an article the rules fail on is quarantined) → load →
record the copies → resolve curated merges → refresh derived relationships and analytics when
anything changed → run-summary artifact."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from prefect import flow
from prefect.artifacts import create_markdown_artifact
from prefect.task_runners import ThreadPoolTaskRunner

from newsgraph_flows import tasks
from newsgraph import pipeline, quarantine
from newsgraph.config import Settings, get_settings
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.intake import Plan, Reading, workspace
from newsgraph.progress import progress_bar
from newsgraph.run_summary import RunSummary, Tally
from newsgraph.store.base import GraphStore, LoadTarget
from newsgraph.store.open import open_store


IN_FLIGHT_PER_WORKER = 2  # shards submitted ahead per worker: enough to keep every worker busy

MESSAGE_LOG_LENGTH = 20
"""Dask keeps the last `distributed.admin.low-level-log-length` (1,000) messages of each
connection, for debugging, small ones whole (under 1 MB, as a shard is): every shard the
scheduler sent a worker and every graph the client sent the scheduler, both in this process.
The main process so grew by each shard it extracted, up to 1,000 per worker (issue 16: 410 to
622 MiB from 20k to 100k articles); 20 keep what a developer reads there."""

LOCAL_WORKER_CONFIG: dict[str, Any] = {"distributed.worker.profile.enabled": False}
"""Dask settings for the local cluster's workers (the Nanny sets them in each worker process, over
the rest of the configuration; a dotted key, as the Nanny's merge is shallow). Dask's statistical
profiler, on by default for the dashboard (which the local cluster does not serve), samples the
running task's stack every 10 ms and keeps one call tree per second for the last
`distributed.admin.low-level-log-length` (1,000) seconds: through spaCy's deep stacks about
0.3 MiB per second of extraction, so a worker's memory grew with the length of the run for its
first 17 minutes (issue 16)."""


@flow(name="ingest", log_prints=True)
def ingest(
    inputs: list[str], graph_uri: str | None = None, force: bool = False, workers: int = 1
) -> RunSummary:
    """Parameters are plain values so a deployment can schedule it; the rest comes from the
    NEWSGRAPH_* settings of the process that runs it."""
    settings = get_settings().overriding(graph_uri=graph_uri)
    started, started_at = time.monotonic(), datetime.now(UTC)
    with open_store(settings) as store:  # first: a store that does not answer fails the run at once
        store.apply_schema()
        loaded = read_extract_load(store, inputs, force, workers, settings, started_at)
        resolved = tasks.resolve(store, settings.extraction)
        analysis = tasks.refresh_derived(store, settings.batch_rows)
        summary = RunSummary.collect(
            store, files=len(loaded.files), read=loaded.read, skipped_unchanged=loaded.taken.held,
            duplicates=loaded.taken.copies, not_english=loaded.taken.foreign, extracted=loaded.extracted,
            errors=loaded.skipped, seconds=time.monotonic() - started,
            analysis=" · ".join(filter(None, [resolved, analysis.line() if analysis else ""])),
            quarantine=str(settings.quarantine_path) if loaded.skipped else None, workers=workers,
        )
    create_markdown_artifact(summary.markdown(), key="ingest-summary", description="newsgraph run")
    return summary


@dataclass
class Loaded:
    """What reading, intake and extraction did, for the run's summary."""

    files: list[str]
    read: int
    """Articles read (every record with text)."""
    taken: Plan
    extracted: Tally
    skipped: list[InputError]
    """Files, records and articles quarantined, with the reason."""


def read_extract_load(
    target: LoadTarget, inputs: Sequence[str], force: bool, workers: int, settings: Settings,
    started_at: datetime,
) -> Loaded:
    """discover → read and take in (intake.py: the whole corpus, keeping only each article's
    fate) → read again and extract in shards (on Dask when workers > 1), each shard loaded into
    `target` in shard order while later ones extract and then let go → record the copies. What
    is skipped is quarantined as it comes. `target` is the store, or the import files of a
    backfill."""
    files, errors = tasks.discover_files(inputs)
    reading = Reading(files, settings.limits, settings.read_window)
    with workspace() as db:
        taken = tasks.take_in(target, reading, force, db)
        skipped = errors + reading.errors + taken.errors
        quarantine.append(settings.quarantine_path, skipped, started_at)
        # A window of articles at a time, and a few shards ahead of the load, not all: what
        # waits to be extracted or loaded stays bounded, in this process, in the workers and in
        # the scheduler, however large the corpus.
        shards = (shard for todo in taken.work(reading) for shard in pipeline.shards(todo, workers))
        futures = deque(tasks.extract.submit(shard, settings.extraction)
                        for shard in islice(shards, IN_FLIGHT_PER_WORKER * workers + 1))
        # A store's load replaces its articles, so a retry is safe; import files are appended to.
        load = tasks.load if isinstance(target, GraphStore) else tasks.load.with_options(retries=0)
        extracted = Tally()
        with progress_bar() as progress:
            bar = progress.add_task("extract and load", total=taken.todo)
            while futures:
                shard, failed = futures.popleft().result()
                if (following := next(shards, None)) is not None:
                    futures.append(tasks.extract.submit(following, settings.extraction))
                load(target, shard, settings.batch_rows)
                extracted.add(shard)
                skipped += failed
                quarantine.append(settings.quarantine_path, failed, started_at)
                progress.advance(bar, len(shard) + len(failed))
        for _ in shards:  # nothing left to extract; the last windows may still hold copies
            raise AssertionError("a shard was left unextracted")
        skipped += taken.changed
        quarantine.append(settings.quarantine_path, taken.changed, started_at)
        tasks.record_duplicates(target, taken.copied)
    return Loaded(files, reading.articles, taken, extracted, skipped)


def task_runner(workers: int, dask_address: str | None):
    """In-process for one worker (the model loads once, no cluster to start); otherwise a
    Dask cluster: a local one of `workers` processes (without Dask's profiler, see
    LOCAL_WORKER_CONFIG), or the user's at `dask_address` (configured by the user)."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers > 1:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                            "dashboard_address": None, "config": LOCAL_WORKER_CONFIG}
        )
    return ThreadPoolTaskRunner(max_workers=1)


def dask_worker_count(address: str) -> int:
    """Shards are cut per worker, so a user's cluster is asked how many it has."""
    from distributed import Client

    try:
        with Client(address, timeout=15) as client:
            return max(1, len(client.scheduler_info()["workers"]))
    except (OSError, TimeoutError) as exc:
        raise NewsgraphError(f"Dask scheduler {address}: cannot connect: {exc}") from exc


def run_ingest(
    inputs: Sequence[str], graph_uri: str | None = None, workers: int | None = None,
    dask_address: str | None = None, force: bool = False,
) -> RunSummary:
    """`workers` None: as many as the cluster at `dask_address` has, else 1."""
    if workers is None:
        workers = dask_worker_count(dask_address) if dask_address else 1
    runner = task_runner(workers, dask_address)
    with dask_message_logs(workers, dask_address):
        return ingest.with_options(task_runner=runner)(list(inputs), graph_uri, force, workers)


def dask_message_logs(workers: int, dask_address: str | None = None):
    """While a flow runs on Dask, this process's Dask configuration keeps the local scheduler's
    and the client's message logs short (MESSAGE_LOG_LENGTH); nothing to set, and Dask not
    imported, on one worker."""
    if workers <= 1 and not dask_address:
        return nullcontext()
    import dask

    return dask.config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG_LENGTH})
