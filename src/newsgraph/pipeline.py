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
    """Contiguous shards of about equal text length, about three per worker.

    Equal article counts left one worker parsing long interviews while the other idled; many
    small shards lose more to the per-task cost (state changes through the Prefect API, a
    few hundred ms). Extraction is per article, so the graph does not depend on the shards."""
    if not articles:
        return []
    sizes = [len(a.text) for a in articles]
    target = max(1, sum(sizes) // (3 * max(workers, 1)))
    result: list[list[Article]] = [[]]
    filled = 0
    for article, size in zip(articles, sizes, strict=True):
        if result[-1] and (filled + size > target or len(result[-1]) >= max_articles):
            result.append([])
            filled = 0
        result[-1].append(article)
        filled += size
    return result
