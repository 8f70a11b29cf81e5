"""Exact and near duplicates among the articles of one run.

Wire stories are syndicated: the same text appears under several URLs, often with a new headline
or a sentence edited. Extracting each copy would count one claim many times in the graph, so a
copy is recorded against its original instead. The original is the earliest copy (by published
date, then by the order the articles were read), so the choice does not depend on file names.

Near duplicates are found with MinHash over word 5-shingles of the body (the headline is left
out: it is what syndicators rewrite). LSH only proposes candidates, at a threshold below the
asked one, because a pair just above it can fall through LSH's bands; each candidate is then
confirmed with the Jaccard similarity of the shingle sets (as 64-bit hashes).

An archive's fingerprints do not stay in the process: `CopyFinder` writes each article's
(content hash, date, band keys, packed shingles) to an SQLite database as the article is read,
and walks them earliest first from there, so the run's memory does not grow with its corpus
(SQLite's page cache is bounded). A run gives it a file; `find_duplicates` an in-memory one."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
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
    150 (two shingles colliding in 64 bits is too rare to move a similarity). Python's string
    hash is salted per process, which is fine: the hashes never leave the run."""
    import numpy as np

    return np.unique(np.fromiter((hash(s) for s in shingle_set), dtype=np.int64, count=len(shingle_set)))


def _packed_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    import numpy as np

    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared) if len(a) or len(b) else 0.0


class _Bands:
    """LSH's band tables as one indexed SQLite table of (band key, owner). The bands and rows
    are those datasketch's MinHashLSH chooses for the threshold, so the candidates are the
    same; MinHashLSH itself keeps every band of every signature in memory, about 7 KB an
    article."""

    def __init__(self, threshold: float, db: sqlite3.Connection) -> None:
        from datasketch import MinHashLSH

        chosen = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.bands, self.rows = chosen.b, chosen.r
        self.db = db
        db.execute("CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, owner INTEGER NOT NULL)")
        db.execute("CREATE INDEX IF NOT EXISTS bands_key ON bands (key)")
        self._query = f"SELECT DISTINCT owner FROM bands WHERE key IN ({','.join('?' * self.bands)})"

    def keys_of(self, signature: MinHash) -> list[int]:
        values = signature.hashvalues
        return [hash((band, values[band * self.rows : (band + 1) * self.rows].tobytes()))
                for band in range(self.bands)]

    def query(self, keys: list[int]) -> set[int]:
        return {owner for (owner,) in self.db.execute(self._query, keys)}

    def insert(self, owner: int, keys: list[int]) -> None:
        self.db.executemany("INSERT INTO bands VALUES (?, ?)", [(key, owner) for key in keys])


def _minhash(shingle_set: set[str]) -> MinHash:
    from datasketch import MinHash  # imported on first use: a run with nothing new never needs it

    signature = MinHash(num_perm=NUM_PERM, seed=SEED)
    signature.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    return signature


class CopyFinder:
    """Articles are added by their place in read order, in any number of batches; `decide`
    then picks the originals and copies over all of them, and `copies` lists the copies in the
    order they were decided. `place` breaks ties between same-dated articles, so it must follow
    the read order."""

    ADD_BATCH = 1_000

    def __init__(self, db: sqlite3.Connection | None = None, threshold: float = THRESHOLD) -> None:
        self.db = db or sqlite3.connect(":memory:")
        self.threshold = threshold
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS prints (place INTEGER PRIMARY KEY, id TEXT NOT NULL,
                hash TEXT NOT NULL, published TEXT, keys BLOB, shingles BLOB);
            CREATE INDEX IF NOT EXISTS prints_earliest ON prints (published IS NULL, published, place);
            CREATE TABLE IF NOT EXISTS originals (place INTEGER PRIMARY KEY, rank INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS by_hash (hash TEXT PRIMARY KEY, place INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS copies (place INTEGER PRIMARY KEY, decided INTEGER NOT NULL,
                original_id TEXT NOT NULL, kind TEXT NOT NULL, similarity REAL NOT NULL);
        """)
        self.lsh = _Bands(max(threshold - LSH_MARGIN, 0.05), self.db)
        self._pending: list[tuple] = []

    def add(self, place: int, article: Article) -> None:
        """The fingerprint is taken now, so the article's text need not be kept."""
        import numpy as np

        own = shingles(body_of(article))
        keys = packed = None
        if own:
            keys = np.array(self.lsh.keys_of(_minhash(own)), dtype=np.int64).tobytes()
            packed = _packed(own).tobytes()
        self._pending.append((place, article.id, article.content_hash, article.published, keys, packed))
        if len(self._pending) >= self.ADD_BATCH:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO prints VALUES (?, ?, ?, ?, ?, ?)", self._pending)
        self._pending = []

    def decide(self) -> int:
        """Walks the articles earliest first (dated before undated; ISO dates sort as strings;
        then by place): an article with an original's text is its exact copy, one whose shingles
        are close enough to an original's its near copy (of the most similar; the earliest on a
        tie); any other is an original. Returns the number of copies."""
        import numpy as np

        self._flush()
        db, decided = self.db, 0
        earliest = db.execute("SELECT place, id, hash, keys, shingles FROM prints "
                              "ORDER BY published IS NULL, published, place")
        for rank, (place, _, content_hash, keys, packed) in enumerate(earliest):
            same = db.execute("SELECT p.id FROM by_hash b JOIN prints p ON p.place = b.place WHERE b.hash = ?",
                              (content_hash,)).fetchone()
            if same is not None:
                db.execute("INSERT INTO copies VALUES (?, ?, ?, 'exact', 1.0)", (place, decided, same[0]))
                decided += 1
                continue
            if keys is not None:
                own, band_keys = np.frombuffer(packed, dtype=np.int64), np.frombuffer(keys, dtype=np.int64).tolist()
                scored = []
                for candidate in self.lsh.query(band_keys):
                    other, candidate_rank, candidate_id = db.execute(
                        "SELECT p.shingles, o.rank, p.id FROM originals o JOIN prints p ON p.place = o.place "
                        "WHERE o.place = ?", (candidate,)).fetchone()
                    similarity = _packed_jaccard(own, np.frombuffer(other, dtype=np.int64))
                    if similarity >= self.threshold:
                        scored.append((similarity, -candidate_rank, candidate, candidate_id))
                if scored:
                    similarity, _, _, original_id = max(scored)
                    db.execute("INSERT INTO copies VALUES (?, ?, ?, 'near', ?)",
                               (place, decided, original_id, round(similarity, 4)))
                    decided += 1
                    continue
                self.lsh.insert(place, band_keys)
            db.execute("INSERT OR IGNORE INTO by_hash VALUES (?, ?)", (content_hash, place))
            db.execute("INSERT INTO originals VALUES (?, ?)", (place, rank))
        return decided

    def copies(self) -> Iterator[tuple[int, str, str, float]]:
        """(place, original id, kind, similarity) of each copy, in the order decided."""
        return iter(self.db.execute("SELECT place, original_id, kind, similarity FROM copies ORDER BY decided"))


def find_duplicates(
    articles: Sequence[Article], threshold: float = THRESHOLD
) -> tuple[list[Article], list[Duplicate]]:
    """Returns the originals in their input order, and the duplicates, each pointing at the
    original it copies (the most similar one; the earliest on a tie)."""
    finder = CopyFinder(threshold=threshold)
    for place, article in enumerate(articles):
        finder.add(place, article)
    finder.decide()
    duplicates = [Duplicate(articles[place], original_id, kind, similarity)
                  for place, original_id, kind, similarity in finder.copies()]
    copied = {place for place, *_ in finder.copies()}
    finder.db.close()
    return [a for place, a in enumerate(articles) if place not in copied], duplicates
