"""MinHash signatures and LSH buckets in NumPy, for near-duplicate texts at a million posts.

A text becomes the set of its character n-grams (after normalise_text), each hashed with CRC32;
its signature is the minimum of K universal hashes (a·x + b mod 2^32, a odd) over the set. Two
texts land in the same bucket of a band when their r signature rows in that band agree, which
happens with probability s^r for Jaccard similarity s: with K = 32 = 8 bands × 4 rows the
S-curve crosses one half near s = 0.6. datasketch does the same one text at a time in Python;
this does it for all texts at once.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_NOISE = re.compile(r"https?://\S+|[@#]\S+|[\W_]+", re.UNICODE)
_CHUNK_SHINGLES = 2_000_000


@dataclass(frozen=True, slots=True)
class MinHasher:
    permutations: int = 32
    bands: int = 8
    ngram: int = 3
    seed: int = 20_260_301

    def __post_init__(self) -> None:
        if self.permutations % self.bands:
            raise ValueError("permutations must be a multiple of bands")

    def _coefficients(self) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
        rng = np.random.default_rng(self.seed)
        a = rng.integers(1, 2**32, self.permutations, dtype=np.uint64) | np.uint64(1)
        b = rng.integers(0, 2**32, self.permutations, dtype=np.uint64)
        return a, b

    def signatures(self, texts: Sequence[str]) -> npt.NDArray[np.uint32]:
        """One row of K minimum hashes per text (all 0xFFFFFFFF for a text with no n-gram)."""
        a, b = self._coefficients()
        out = np.full((len(texts), self.permutations), np.iinfo(np.uint32).max, dtype=np.uint32)
        start = 0
        while start < len(texts):
            hashes: list[int] = []
            counts: list[int] = []
            stop = start
            while stop < len(texts) and len(hashes) < _CHUNK_SHINGLES:
                grams = shingles(texts[stop], self.ngram)
                hashes.extend(map(zlib.crc32, (g.encode() for g in grams)))
                counts.append(len(grams))
                stop += 1
            sizes = np.asarray(counts, dtype=np.int64)
            filled = np.flatnonzero(sizes)
            if filled.size:
                x = np.asarray(hashes, dtype=np.uint64)
                mixed = ((x[:, None] * a[None, :] + b[None, :]) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
                offsets = np.concatenate(([0], np.cumsum(sizes)[:-1]))[filled]
                out[start + filled] = np.minimum.reduceat(mixed, offsets, axis=0)
            start = stop
        return out

    def band_keys(self, signatures: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint64]:
        """One 64-bit bucket key per text and band (texts without n-grams get unique keys)."""
        rows = self.permutations // self.bands
        view = signatures.reshape(len(signatures), self.bands, rows).astype(np.uint64)
        keys = np.zeros((len(signatures), self.bands), dtype=np.uint64)
        for r in range(rows):
            keys = keys * np.uint64(1_000_003) + view[:, :, r]
        keys = keys * np.uint64(31) + np.arange(self.bands, dtype=np.uint64)[None, :]
        empty = (signatures == np.iinfo(np.uint32).max).all(axis=1)
        keys[empty] = np.arange(empty.sum(), dtype=np.uint64)[:, None] * np.uint64(self.bands) + np.arange(
            self.bands, dtype=np.uint64)[None, :] + np.uint64(1 << 63)
        return keys


def normalise_text(text: str) -> str:
    """Case, width, links, mentions, hashtags, punctuation and spacing do not make a text different."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text).lower())


def shingles(text: str, n: int) -> set[str]:
    clean = normalise_text(text)
    if len(clean) <= n:
        return {clean} if clean else set()
    return {clean[i : i + n] for i in range(len(clean) - n + 1)}


def jaccard(left: str, right: str, n: int = 3) -> float:
    a, b = shingles(left, n), shingles(right, n)
    return len(a & b) / len(a | b) if a and b else 0.0
