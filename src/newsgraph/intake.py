"""What a run must do with the articles it read: which the store already holds unchanged, which
are not English, which are copies of another, and which are left to extract.

Asked in that order so that a run over a corpus the store already holds costs a read and one
query: the language identifier and the copy finder only see articles the store lacks. That is
exact, not a shortcut: the language of a text never changes, and the copies among articles
already loaded were recorded when they were loaded; only a new article can add a copy (of an
article loaded before, or, when it is earlier, by making a loaded one its copy). This module
stays free of spaCy and Prefect, like everything the `run` command asks first (rerun.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newsgraph.config import PIPELINE_VERSION
from newsgraph.corpus.dedupe import Duplicate, find_duplicates
from newsgraph.corpus.language import sort_by_language, with_language
from newsgraph.errors import InputError
from newsgraph.graph.records import Article
from newsgraph.store.base import LoadTarget


@dataclass
class Intake:
    held: set[str] = field(default_factory=set)
    """Ids the store holds with this text and extractor version (originals and copies)."""
    new: list[Article] = field(default_factory=list)
    """The English (or undetermined) articles the store lacks, before copies are set aside."""
    foreign: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    """One "not English" line per foreign article."""
    todo: list[Article] = field(default_factory=list)
    """New or changed originals: the articles to extract."""
    copies: list[Duplicate] = field(default_factory=list)


def unchanged(store: LoadTarget, articles: Sequence[Article]) -> set[str]:
    """Ids of articles the store already holds with the same content and extractor version."""
    loaded = store.loaded_articles([a.id for a in articles])
    return {a.id for a in articles if loaded.get(a.id) == (a.content_hash, PIPELINE_VERSION)}


def first_of_each_id(articles: Sequence[Article]) -> list[Article]:
    """The same id twice (one URL in two files) is one article: the first read wins and the
    other is not recorded, as it is no separate publication."""
    seen: dict[str, Article] = {}
    for article in articles:
        seen.setdefault(article.id, article)
    return list(seen.values())


def held_and_fresh(store: LoadTarget, articles: Sequence[Article],
                   force: bool = False) -> tuple[list[Article], set[str], list[Article]]:
    """One article per id (in read order), the ids of those the store holds unchanged, and
    the rest. `force` treats every article as fresh (re-extract what is loaded unchanged)."""
    distinct = first_of_each_id(articles)
    held = set() if force else unchanged(store, distinct)
    return distinct, held, [a for a in distinct if a.id not in held]


def take_in(store: LoadTarget, articles: Sequence[Article], force: bool = False) -> Intake:
    distinct, held, fresh = held_and_fresh(store, articles, force)
    languages = sort_by_language(fresh)
    intake = Intake(held, languages.english, languages.foreign, languages.errors)
    if not intake.new:
        return intake
    new = {a.id: a for a in intake.new}
    # Read order is kept: the copy finder breaks ties between same-dated copies by it.
    originals, copies = find_duplicates([new.get(a.id, a) for a in distinct if a.id in held or a.id in new])
    intake.todo = [a for a in originals if a.id not in held]
    # A loaded article becomes a copy when a new, earlier one has its text; its record is
    # rewritten as a copy, so it needs the language a clean run gives it.
    intake.copies = [c if c.article.id in new else replace(c, article=with_language(c.article)) for c in copies]
    return intake
