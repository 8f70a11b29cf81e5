"""A long-running process that serves the ingest flow on a schedule (`newsgraph serve`, and the
docker-compose worker). Schedules are not paused on shutdown, so a restart keeps them; one run
at a time, so a slow run is never overlapped by the next."""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.config import get_settings
from newsgraph_flows.ingest import ingest


def serve(inputs: Sequence[str], cron: str | None = None, interval: int | None = None,
          graph_uri: str | None = None, name: str = "scheduled-ingest") -> None:
    """Blocks, running `ingest` on each tick; each run extracts only new or changed articles."""
    ingest.serve(
        name=name,
        cron=cron,
        interval=interval,
        parameters={"inputs": list(inputs), "graph_uri": graph_uri},
        pause_on_shutdown=False,
        limit=1,  # a run that outlasts the interval delays the next: two loads never overlap
    )


def main() -> None:
    """The docker-compose worker: NEWSGRAPH_INPUTS on NEWSGRAPH_CRON."""
    settings = get_settings()
    serve(settings.inputs.split(","), cron=settings.cron)


if __name__ == "__main__":
    main()
