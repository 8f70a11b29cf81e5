"""Exact and near duplicates among the articles of one run.

Wire stories are syndicated: the same text appears under several URLs, often with a new headline
or a sentence edited. Extracting each copy would count one claim many times in the graph, so a
copy is recorded against its original instead. The original is the earliest copy (by published
date, then by the order the articles were read), so the choice does not depend on file names.

Near duplicates are found with MinHash over word 5-shingles of the body (the headline is left
out: it is what syndicators rewrite). LSH only proposes candidates, at a threshold below the
asked one, because a pair just above it can fall through LSH's bands; each candidate is then
confirmed with the exact Jaccard similarity of the shingle sets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsgraph.graph.records import Article

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1  # fixed, so two runs over the same corpus pick the same duplicates
THRESHOLD = 0.8
LSH_MARGIN = 0.2

WORD = re.compile(r"\w+")

if TYPE_CHECKING:
    from datasketch import MinHash


@dataclass(frozen=True)
class Duplicate:
    article: Article
    original_id: str
    kind: Literal["exact", "near"]
    similarity: float


def body_of(article: Article) -> str:
    """The text without the headline that make_article puts first."""
    if article.title and article.text.startswith(article.title):
        return article.text[len(article.title) :]
    return article.text


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    words = WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _minhash(shingle_set: set[str]) -> MinHash:
    from datasketch import MinHash  # imported on first use: a run with nothing new never needs it

    signature = MinHash(num_perm=NUM_PERM, seed=SEED)
    signature.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    return signature


def _earliest_first(articles: Sequence[Article]) -> list[int]:
    """Dated articles before undated ones; ISO dates sort as strings."""
    return sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published is None, articles[i].published or "", i),
    )


def find_duplicates(
    articles: Sequence[Article], threshold: float = THRESHOLD
) -> tuple[list[Article], list[Duplicate]]:
    """Returns the originals in their input order, and the duplicates, each pointing at the
    original it copies (the most similar one; the earliest on a tie)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=max(threshold - LSH_MARGIN, 0.05), num_perm=NUM_PERM)
    by_hash: dict[str, Article] = {}
    shingles_of: dict[int, set[str]] = {}  # index of an original in the LSH -> its shingles
    rank: dict[int, int] = {}  # index of an original -> its place in earliest-first order
    duplicates: list[Duplicate] = []
    for place, index in enumerate(_earliest_first(articles)):
        article = articles[index]
        same = by_hash.get(article.content_hash)
        if same is not None:
            duplicates.append(Duplicate(article, same.id, "exact", 1.0))
            continue
        own = shingles(body_of(article))
        signature = _minhash(own) if own else None
        if signature is not None:
            scored = [(jaccard(own, shingles_of[c]), -rank[c], c) for c in lsh.query(signature)]
            confirmed = [entry for entry in scored if entry[0] >= threshold]
            if confirmed:
                similarity, _, original = max(confirmed)
                duplicates.append(Duplicate(article, articles[original].id, "near", round(similarity, 4)))
                continue
            lsh.insert(index, signature)
            shingles_of[index] = own
        by_hash[article.content_hash] = article
        rank[index] = place
    originals = [article for index, article in enumerate(articles) if index in rank]
    return originals, duplicates
