"""One settings object, read from `NEWSGRAPH_*` environment variables (and a `.env` file),
so the CLI, the Prefect flows and the tests configure the pipeline the same way."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import platformdirs
from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from newsgraph.corpus.limits import MB, Limits

PIPELINE_VERSION = "extract-8"
"""Bump when extraction changes in a way that should re-process already loaded articles
(extract-5: the medium model became the default, and the rules of issue 14; extract-6: modes
from what an event acts on, wire datelines parsed apart; extract-7: verbs joined to the wrong
clause or object, reporters of subjectless reporting verbs, a type's default mode; extract-8: every
mention kept as a :Mention node)."""


def _default_data_dir() -> Path:
    """The user's data directory: ~/.local/share/newsgraph, or under XDG_DATA_HOME when set."""
    return platformdirs.user_data_path("newsgraph")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSGRAPH_", env_file=".env", extra="ignore",
                                      populate_by_name=True)

    graph_uri: str = Field("embedded", validation_alias=AliasChoices("NEWSGRAPH_GRAPH_URI", "NEWSGRAPH_GRAPH"))
    """`embedded` (FalkorDB in data_dir), `bolt://`/`neo4j://` URI, or `falkordb://host:port`
    (NEWSGRAPH_GRAPH_URI; NEWSGRAPH_GRAPH, its earlier name, is still read)."""
    graph_name: str = "newsgraph"
    """Graph (FalkorDB) or database (Neo4j, empty for the server default) name."""
    data_dir: Path = _default_data_dir()
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str | None = None
    spacy_model: str = "auto"
    """`auto`: the medium English model, else the small one (nlp/model.py says which packages)."""
    extra_aliases: Path | None = None
    """A TOML file of user aliases, known persons and merges for the actor gazetteer (see
    actors/README.md); default data_dir/aliases.toml when that exists (`actors merge` writes it)."""
    batch_rows: int = Field(2000, validation_alias=AliasChoices("NEWSGRAPH_BATCH_ROWS", "NEWSGRAPH_BATCH_SIZE"))
    """Rows per write transaction (one UNWIND batch): in a load, events (the batch holds whole
    articles up to about this many events); in the analytics write-back, actors or pairs.
    NEWSGRAPH_BATCH_SIZE, its earlier name, is still read."""
    read_window: int = Field(2000, ge=1)
    """Articles a run reads and takes in at a time (intake.py): a corpus larger than this is
    read twice, once to find its copies and once to extract it, so that memory holds one window
    of it, not the whole corpus."""
    workers: int | None = None
    """Extraction processes of `run` (a local Dask cluster when > 1). Unset: the usable cores
    when the run's new text repays starting them, else 1 (rerun.py workers_for)."""
    max_file_mb: float = 50
    """Files larger than this are refused (quarantined) unread."""
    max_archive_mb: float = 500
    """What a .zip or .gz may unpack to, in total."""
    max_compression_ratio: float = 100
    """Unpacked / packed size above which an archive member is refused as a bomb."""
    max_article_chars: int = 5_000_000
    """Longer articles are refused (quarantined); long ones below it are parsed in parts."""
    idle_minutes: float = 15
    """The embedded FalkorDB and the Prefect server a data directory runs stop by themselves
    after this long with no newsgraph process using them (`serve` uses them while it serves)."""
    quarantine: Path | None = None
    """JSON-lines report of the files and records runs skipped; default data_dir/quarantine.jsonl."""
    action_lexicon: str = ""
    """Extra action lexicon files (TOML), separated by the OS path separator; see actions/."""
    inputs: str = "/corpus"
    """What the docker-compose worker ingests: comma-separated files, directories or globs."""
    cron: str = "0 * * * *"
    """The docker-compose worker's schedule."""

    @property
    def limits(self) -> Limits:
        return Limits(max_file_bytes=int(self.max_file_mb * MB), max_uncompressed_bytes=int(self.max_archive_mb * MB),
                      max_ratio=self.max_compression_ratio, max_article_chars=self.max_article_chars)

    @property
    def quarantine_path(self) -> Path:
        return self.quarantine or self.data_dir / "quarantine.jsonl"

    def home(self, daemon: str) -> Path:
        """Where a daemon of the data directory keeps its files: `falkordb` or `prefect`."""
        return self.data_dir / daemon

    @property
    def action_lexicon_files(self) -> list[Path]:
        return [Path(p) for p in self.action_lexicon.split(os.pathsep) if p]

    @property
    def alias_file(self) -> Path:
        """The user's alias file: the one set, else data_dir/aliases.toml (which may not exist)."""
        return self.extra_aliases or self.data_dir / "aliases.toml"

    @property
    def extraction(self) -> Extraction:
        return Extraction(self.spacy_model, self.alias_file if self.alias_file.exists() else None)

    def overriding(self, *, graph_uri: str | None = None) -> Settings:
        """These settings with what a command line gave (None keeps the setting)."""
        return self.model_copy(update={"graph_uri": graph_uri}) if graph_uri else self


@dataclass(frozen=True)
class Extraction:
    """What the extract stage needs, and all that is shipped to each Dask task."""

    spacy_model: str = "auto"
    extra_aliases: Path | None = None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
