"""The backfill flow: an archive into an empty Neo4j database through neo4j-admin's bulk
importer instead of transactional loads. The ingest flow's steps up to extraction, with the
import files as the load target: discover → read → take in (nothing is held yet) → extract
→ write import files (store/bulk_import.py) → record the copies. The import itself needs
the server stopped; the first `run` after it adds the derived relationships and analytics."""

from __future__ import annotations

import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow

from newsgraph.config import get_settings
from newsgraph.run_summary import RunSummary
from newsgraph.store.bulk_import import BulkImport
from newsgraph_flows.ingest import dask_message_logs, read_extract_load, task_runner


@flow(name="backfill", log_prints=True)
def backfill(inputs: list[str], out_dir: str, workers: int = 1) -> RunSummary:
    """Writes the import files to `out_dir`; the summary counts what they hold."""
    settings = get_settings()
    started, started_at = time.monotonic(), datetime.now(UTC)
    with BulkImport(Path(out_dir)) as target:
        loaded = read_extract_load(target, inputs, False, workers, settings, started_at)
        target.close()
    summary = RunSummary.collect(
        None, files=len(loaded.files), read=loaded.read, skipped_unchanged=0,
        duplicates=loaded.taken.copies, not_english=loaded.taken.foreign,
        extracted=loaded.extracted, errors=loaded.skipped, seconds=time.monotonic() - started,
        workers=workers, quarantine=str(settings.quarantine_path) if loaded.skipped else None,
        counts=asdict(target.counts),
    )
    return summary


def run_backfill(inputs: list[str], out_dir: Path, workers: int = 1) -> RunSummary:
    with dask_message_logs(workers):
        return backfill.with_options(task_runner=task_runner(workers, None))(list(inputs), str(out_dir), workers)
