"""A long-running process that serves the ingest flow on a schedule (`newsgraph serve`, and the
docker-compose worker). Schedules are not paused on shutdown, so a restart keeps them; one run
at a time, so a slow run is never overlapped by the next."""

from __future__ import annotations

import os
from collections.abc import Sequence

from newsgraph_flows.ingest import ingest


def serve(inputs: Sequence[str], cron: str | None = None, interval: int | None = None,
          graph: str | None = None, name: str = "scheduled-ingest") -> None:
    """Blocks, running `ingest` on each tick; each run extracts only new or changed articles."""
    ingest.serve(
        name=name,
        cron=cron,
        interval=interval,
        parameters={"inputs": list(inputs), "graph": graph},
        pause_on_shutdown=False,
        limit=1,  # a run that outlasts the interval delays the next: two loads never overlap
    )


def main() -> None:
    serve(os.environ.get("NEWSGRAPH_INPUTS", "/corpus").split(","),
          cron=os.environ.get("NEWSGRAPH_CRON", "0 * * * *"))


if __name__ == "__main__":
    main()
