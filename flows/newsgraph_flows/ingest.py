"""The ingest flow: check the store → discover → read (bad input quarantined) → take in (what
the store holds unchanged is skipped; of the rest, non-English is set aside and copies found)
→ extract what is new or changed (sharded, on Dask when workers > 1; an article the rules fail
on is quarantined) → load → record the copies → resolve curated merges → refresh derived
relationships and analytics when anything changed → run-summary artifact."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from datetime import UTC, datetime

from prefect import flow, unmapped
from prefect.artifacts import create_markdown_artifact
from prefect.task_runners import ThreadPoolTaskRunner

from newsgraph_flows import tasks
from newsgraph import pipeline, quarantine
from newsgraph.config import Settings, get_settings
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.graph.records import Article
from newsgraph.progress import progress_bar
from newsgraph.run_summary import RunSummary, Tally
from newsgraph.store.base import LoadTarget
from newsgraph.store.open import open_store


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
        files, errors = tasks.discover_files(inputs)
        read = tasks.read(files, settings.limits)
        taken = tasks.take_in(store, read.articles, force)
        skipped = errors + read.errors + taken.errors
        quarantine.append(settings.quarantine_path, skipped, started_at)
        extracted, failed = extract_and_load(store, taken.todo, workers, settings, started_at)
        skipped += failed
        tasks.record_duplicates(store, taken.copies)
        resolved = tasks.resolve(store, settings.extraction)
        analysis = tasks.refresh_derived(store, settings.batch_rows)
        summary = RunSummary.collect(
            store, files=len(files), read=len(read.articles), skipped_unchanged=len(taken.held),
            duplicates=len(taken.copies), not_english=len(taken.foreign), extracted=extracted,
            errors=skipped, seconds=time.monotonic() - started,
            analysis=" · ".join(filter(None, [resolved, analysis.line() if analysis else ""])),
            quarantine=str(settings.quarantine_path) if skipped else None, workers=workers,
        )
    create_markdown_artifact(summary.markdown(), key="ingest-summary", description="newsgraph run")
    return summary


def extract_and_load(
    target: LoadTarget, todo: Sequence[Article], workers: int, settings: Settings, started_at: datetime
) -> tuple[Tally, list[InputError]]:
    """Extracts in shards (on Dask when workers > 1) and loads each into `target` in shard
    order while later shards extract; a loaded shard is let go. Articles the rules failed on
    are quarantined as they come."""
    futures = deque(tasks.extract.map(pipeline.shards(todo, workers), unmapped(settings.extraction)))
    extracted, skipped = Tally(), []
    with progress_bar() as progress:
        bar = progress.add_task("extract and load", total=len(todo))
        while futures:
            shard, failed = futures.popleft().result()
            tasks.load(target, shard, settings.batch_rows)
            extracted.add(shard)
            skipped += failed
            quarantine.append(settings.quarantine_path, failed, started_at)
            progress.advance(bar, len(shard) + len(failed))
    return extracted, skipped


def task_runner(workers: int, dask_address: str | None):
    """In-process for one worker (the model loads once, no cluster to start); otherwise a
    Dask cluster: a local one of `workers` processes, or the user's at `dask_address`."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers > 1:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                            "dashboard_address": None}
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
    return ingest.with_options(task_runner=runner)(list(inputs), graph_uri, force, workers)
