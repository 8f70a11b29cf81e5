"""Exact and near duplicates among the articles of one run.

Wire stories are syndicated: the same text appears under several URLs, often with a new headline
or a sentence edited. Extracting each copy would count one claim many times in the graph, so a
copy is recorded against its original instead. The original is the earliest copy (by published
date, then by the order the articles were read), so the choice does not depend on file names.

Near duplicates are found with MinHash over word 5-shingles of the body (the headline is left
out: it is what syndicators rewrite). LSH only proposes candidates, at a threshold below the
asked one, because a pair just above it can fall through LSH's bands; each candidate is then
confirmed with the Jaccard similarity of the shingle sets (as 64-bit hashes). Both are kept
compact, about 1 KB an original, so an archive's copies are found in bounded memory."""

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
    import numpy as np
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


def _packed(shingle_set: set[str]) -> np.ndarray:
    """The shingles as sorted 64-bit hashes: 8 bytes each where a set of strings takes about
    150, so the originals of an archive fit in memory (two shingles colliding in 64 bits is too
    rare to move a similarity). Python's string hash is salted per process, which is fine:
    the hashes never leave the run."""
    import numpy as np

    return np.unique(np.fromiter((hash(s) for s in shingle_set), dtype=np.int64, count=len(shingle_set)))


def _packed_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    import numpy as np

    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared) if len(a) or len(b) else 0.0


class _Bands:
    """LSH's band tables, compact. datasketch's MinHashLSH keeps every band of every signature
    as a bytes key with a set of owners, about 7 KB an article; here a band is a 64-bit hash
    in a sorted array beside its owner (16 bytes), new ones in a dict merged in now and then.
    The bands and rows are those MinHashLSH chooses for the threshold, so the candidates are
    the same."""

    MERGE_AT = 50_000

    def __init__(self, threshold: float) -> None:
        import numpy as np
        from datasketch import MinHashLSH

        chosen = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.bands, self.rows = chosen.b, chosen.r
        self.keys = np.empty(0, dtype=np.int64)
        self.owners = np.empty(0, dtype=np.int64)
        self.pending: dict[int, list[int]] = {}

    def keys_of(self, signature: MinHash) -> list[int]:
        values = signature.hashvalues
        return [hash((band, values[band * self.rows : (band + 1) * self.rows].tobytes()))
                for band in range(self.bands)]

    def query(self, keys: list[int]) -> set[int]:
        import numpy as np

        found = {owner for key in keys for owner in self.pending.get(key, ())}
        if len(self.keys):
            wanted = np.array(keys, dtype=np.int64)
            starts = np.searchsorted(self.keys, wanted, side="left")
            ends = np.searchsorted(self.keys, wanted, side="right")
            for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
                found.update(self.owners[start:end].tolist())
        return found

    def insert(self, owner: int, keys: list[int]) -> None:
        for key in keys:
            self.pending.setdefault(key, []).append(owner)
        if len(self.pending) >= self.MERGE_AT:
            self._merge()

    def _merge(self) -> None:
        import numpy as np

        new_keys = np.array([key for key, owners in self.pending.items() for _ in owners], dtype=np.int64)
        new_owners = np.array([owner for owners in self.pending.values() for owner in owners], dtype=np.int64)
        keys, owners = np.concatenate([self.keys, new_keys]), np.concatenate([self.owners, new_owners])
        order = np.argsort(keys, kind="stable")
        self.keys, self.owners = keys[order], owners[order]
        self.pending = {}


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
    lsh = _Bands(max(threshold - LSH_MARGIN, 0.05))
    by_hash: dict[str, Article] = {}
    shingles_of: dict[int, np.ndarray] = {}  # index of an original in the LSH -> its shingles, packed
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
            packed, keys = _packed(own), lsh.keys_of(signature)
            scored = [(_packed_jaccard(packed, shingles_of[c]), -rank[c], c) for c in lsh.query(keys)]
            confirmed = [entry for entry in scored if entry[0] >= threshold]
            if confirmed:
                similarity, _, original = max(confirmed)
                duplicates.append(Duplicate(article, articles[original].id, "near", round(similarity, 4)))
                continue
            lsh.insert(index, keys)
            shingles_of[index] = packed
        by_hash[article.content_hash] = article
        rank[index] = place
    originals = [article for index, article in enumerate(articles) if index in rank]
    return originals, duplicates
