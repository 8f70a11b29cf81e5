"""The pipeline's stages as plain functions. The Prefect flows wire exactly these calls; the
CLI's `extract` and the tests call them directly."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from newsgraph.actors.resolver import Resolver
from newsgraph.config import Extraction
from newsgraph.errors import InputError
from newsgraph.graph.records import Article, ExtractedArticle
from newsgraph.nlp.extract import extract
from newsgraph.nlp.model import load_nlp


@lru_cache(maxsize=4)
def resolver_for(extra_aliases: Path | None) -> Resolver:
    return Resolver.default(extra_aliases)


def extract_articles(
    articles: Sequence[Article], config: Extraction, errors: list[InputError] | None = None
) -> list[ExtractedArticle]:
    """One shard of the extract stage: the model and the gazetteer load once per process.
    Articles the rules fail on go to `errors` (or raise when it is None)."""
    nlp = load_nlp(config.spacy_model)
    return list(extract(articles, nlp, resolver_for(config.extra_aliases), errors=errors))


def shards(articles: Sequence[Article], workers: int, max_articles: int = 200) -> list[list[Article]]:
    """Contiguous shards of shrinking text length, so that the workers end together: each
    takes half of what is left divided by the workers, down to a floor of 1/12 of a worker's
    share (guided scheduling), and none holds more than `max_articles`.

    Equal article counts left one worker parsing long interviews while the other idled; equal
    text lengths still left one worker parsing its last shard alone for up to 15% of the run
    (parse time follows the text only roughly); many small shards lose more to the per-task
    cost (state changes through the Prefect API, a few hundred ms), hence the floor.
    Extraction is per article, so the graph does not depend on the shards."""
    if not articles:
        return []
    sizes = [len(a.text) for a in articles]
    share = max(1, sum(sizes)) / max(workers, 1)
    floor = share / 12
    left = float(sum(sizes))
    result: list[list[Article]] = [[]]
    filled = 0
    for article, size in zip(articles, sizes, strict=True):
        goal = max(left / 2 / max(workers, 1), floor)
        if result[-1] and (filled + size / 2 > goal or len(result[-1]) >= max_articles):
            result.append([])
            left -= filled
            filled = 0
        result[-1].append(article)
        filled += size
    if len(result) > 1 and filled < floor / 2 and len(result[-2]) + len(result[-1]) <= max_articles:
        result[-2:] = [result[-2] + result[-1]]  # a remnant is not worth a task of its own
    return result
