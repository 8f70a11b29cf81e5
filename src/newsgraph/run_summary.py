"""What a run did, for the terminal and for the Prefect artifact: the counts a scheduled run
nobody watches must leave behind."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.errors import InputError
from newsgraph.graph.records import ExtractedArticle
from newsgraph.store.base import GraphStore
from newsgraph.store.schema_files import named_queries

@dataclass
class Tally:
    """What a run extracted, counted shard by shard as it is loaded: the records themselves are
    let go, so that a run's memory does not grow with its corpus."""

    articles: int = 0
    events: int = 0
    words: int = 0

    def add(self, shard: Sequence[ExtractedArticle]) -> None:
        self.articles += len(shard)
        self.events += sum(len(x.events) for x in shard)
        self.words += sum(x.word_count for x in shard)


@dataclass
class RunSummary:
    files: int
    articles_read: int
    skipped_unchanged: int
    duplicates: int
    not_english: int
    articles_extracted: int
    events_extracted: int
    errors: list[str]
    """Files and records skipped."""
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    """What the graph holds after the run."""
    top_pairs: list[dict] = field(default_factory=list)
    analysis: str = ""
    quarantine: str | None = None
    warnings: list[str] = field(default_factory=list)
    """Records loaded with something dropped (an unreadable date, a link that is not http)."""
    words_extracted: int = 0
    workers: int = 1
    """Extraction processes (`run` chooses them from the new text unless told)."""

    def throughput(self) -> str:
        """Articles and words extracted per second of the whole run (reading, loading and
        analytics included): what a user can expect of a corpus of their own."""
        if not self.articles_extracted or self.seconds <= 0:
            return ""
        return (f"{self.articles_extracted / self.seconds:.1f} articles/s · "
                f"{self.words_extracted / self.seconds:,.0f} words/s · "
                f"{self.workers} worker{'s' if self.workers > 1 else ''}")

    @classmethod
    def collect(
        cls, store: GraphStore | None, *, files: int, read: int, skipped_unchanged: int, duplicates: int,
        not_english: int, extracted: Tally, errors: list[InputError], seconds: float,
        analysis: str = "", quarantine: str | None = None, workers: int = 1,
        counts: dict[str, int] | None = None,
    ) -> RunSummary:
        """From `store` the graph's counts and top pairs; a backfill, which has no store
        yet, gives the `counts` of what it wrote instead."""
        return cls(
            files=files,
            articles_read=read,
            skipped_unchanged=skipped_unchanged,
            duplicates=duplicates,
            not_english=not_english,
            articles_extracted=extracted.articles,
            events_extracted=extracted.events,
            words_extracted=extracted.words,
            errors=[str(e) for e in errors if not e.kept],
            warnings=[str(e) for e in errors if e.kept],
            seconds=round(seconds, 2),
            counts=store.counts() if store else counts or {},
            top_pairs=[{k: row[k] for k in ("source", "target", "events", "score")}
                       for row in store.read(named_queries()["top_pairs"].cypher, {"limit": 10})] if store else [],
            analysis=analysis,
            quarantine=quarantine,
            workers=workers,
        )

    def markdown(self) -> str:
        lines = [
            "# newsgraph run",
            "",
            f"- files: {self.files}, articles read: {self.articles_read}, "
            f"unchanged and skipped: {self.skipped_unchanged}, copies of another article: {self.duplicates}, "
            f"not English (skipped): {self.not_english}",
            f"- extracted: {self.articles_extracted} articles, {self.events_extracted} events "
            f"in {self.seconds} s" + (f" ({self.throughput()})" if self.throughput() else ""),
            f"- quarantined (skipped files and records): {len(self.errors)}, warnings: {len(self.warnings)}"
            + (f", listed in `{self.quarantine}`" if self.quarantine else ""),
            *([f"- {self.analysis}"] if self.analysis else []),
            "",
            "| in the graph | count |",
            "|---|---|",
            *(f"| {k} | {v} |" for k, v in self.counts.items()),
            "",
            "| source | target | events | score |",
            "|---|---|---|---|",
            *(f"| {p['source']} | {p['target']} | {p['events']} | {p['score']} |" for p in self.top_pairs),
        ]
        problems = [f"- skipped: {e}" for e in self.errors] + [f"- warning: {w}" for w in self.warnings]
        lines += ["", *problems] if problems else []
        return "\n".join(lines)
