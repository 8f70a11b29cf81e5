"""A long-running process that serves the ingest flow on a schedule (the docker-compose
worker runs this). Schedules are not paused on shutdown, so a restart keeps them."""

from __future__ import annotations

import os

from flows.ingest import ingest


def main() -> None:
    inputs = os.environ.get("NEWSGRAPH_INPUTS", "/corpus").split(",")
    cron = os.environ.get("NEWSGRAPH_CRON", "0 * * * *")
    ingest.serve(
        name="scheduled-ingest",
        cron=cron,
        parameters={"inputs": inputs},
        pause_on_shutdown=False,
    )


if __name__ == "__main__":
    main()
