"""Near-duplicates and syndicated copies: MinHash signatures and LSH band keys.

An article's text becomes a set of word 5-gram shingles, summarised by a 128-value MinHash
signature (datasketch). The signature is cut into bands; two articles whose signatures agree
on every value of any one band become candidates, and a candidate is a copy when the
estimated Jaccard similarity of the two shingle sets reaches the threshold. Band keys are
stored with an index (see sitrep.store), so finding the candidates of a new article is a
few indexed look-ups whatever the size of the store: the cost per article stays flat.

    >>> a = signature("Russian forces advanced near Pokrovsk on Monday, the General Staff said in its report.")
    >>> b = signature("BREAKING: Russian forces advanced near Pokrovsk on Monday, the General Staff said in its report.")
    >>> similarity(a, b) > 0.6
    True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
SHINGLE_WORDS = 5
#: Estimated Jaccard similarity of shingle sets from which two texts count as copies. A copy
#: with a new headline, a paragraph dropped and boilerplate added stays well above it; two
#: reports of the same event in different words stay far below (measured in
#: scripts/eval_duplicates.py).
THRESHOLD = 0.5
#: 32 bands of 4 rows use all 128 values. A pair at Jaccard 0.6 becomes a candidate with
#: probability 1 - (1 - 0.6**4)**32 = 0.99 (datasketch's own optimum for 0.5, 25 × 5, gives
#: 0.87 and missed short syndicated copies); false candidates cost one signature comparison.
BANDS, ROWS = 32, 4
_SEED = 1
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(folded)


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word n-grams; a text shorter than one n-gram is one shingle of all its words."""
    w = words(text)
    if len(w) < size:
        return {" ".join(w).encode()} if w else set()
    return {" ".join(w[i : i + size]).encode() for i in range(len(w) - size + 1)}


@dataclass(frozen=True)
class Signature:
    """A MinHash signature: NUM_PERM unsigned 64-bit values."""

    values: np.ndarray

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype="<u8").copy())


_PROTOTYPE = MinHash(num_perm=NUM_PERM, seed=_SEED)


def signature(text: str) -> Signature:
    m = _PROTOTYPE.copy()
    m.update_batch(sorted(shingles(text)))
    return Signature(np.asarray(m.hashvalues, dtype=np.uint64))


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(a.values == b.values)) / len(a.values)


def band_keys(sig: Signature) -> list[int]:
    """One signed 63-bit key per band (band number folded in), ready for an indexed integer column."""
    keys = []
    for band in range(BANDS):
        chunk = sig.values[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "little") * 8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return keys


@dataclass(frozen=True)
class Match:
    article_id: str
    similarity: float


def best_match(
    sig: Signature, candidates: Iterable[tuple[str, Signature]], *, threshold: float = THRESHOLD
) -> Match | None:
    """The most similar candidate at or above the threshold (ties: the first, i.e. the earliest stored)."""
    best: Match | None = None
    for article_id, other in candidates:
        s = similarity(sig, other)
        if s >= threshold and (best is None or s > best.similarity):
            best = Match(article_id, s)
    return best


class MemoryIndex:
    """An in-memory LSH index with the store's semantics, for batches and evaluation.

    >>> index = MemoryIndex()
    >>> index.add("a", signature("Kyiv says Russian drones struck the power grid overnight in three regions."))
    >>> index.query(signature("Kyiv says Russian drones struck the power grid overnight in three regions"))
    Match(article_id='a', similarity=1.0)
    """

    def __init__(self) -> None:
        self._buckets: dict[int, list[str]] = {}
        self._signatures: dict[str, Signature] = {}

    def add(self, article_id: str, sig: Signature) -> None:
        self._signatures[article_id] = sig
        for key in band_keys(sig):
            self._buckets.setdefault(key, []).append(article_id)

    def candidates(self, sig: Signature) -> list[str]:
        seen: dict[str, None] = {}
        for key in band_keys(sig):
            for article_id in self._buckets.get(key, ()):
                seen.setdefault(article_id, None)
        return list(seen)

    def query(self, sig: Signature, *, threshold: float = THRESHOLD) -> Match | None:
        return best_match(sig, ((a, self._signatures[a]) for a in self.candidates(sig)), threshold=threshold)


def find_duplicates(texts: Sequence[tuple[str, str]], *, threshold: float = THRESHOLD) -> dict[str, str]:
    """For (id, text) pairs in order, map each copy's id to the id of its original (an earlier text)."""
    index = MemoryIndex()
    originals: dict[str, str] = {}
    for article_id, text in texts:
        sig = signature(text)
        match = index.query(sig, threshold=threshold)
        if match is not None:
            # A copy of a copy points at the first original, so copies form one group.
            originals[article_id] = originals.get(match.article_id, match.article_id)
        index.add(article_id, sig)
    return originals
