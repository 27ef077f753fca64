"""Character n-gram TF-IDF features, computed without scikit-learn at classification time.

Training uses scikit-learn's TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3),
lowercase=True, sublinear_tf=True, norm="l2"); this module reproduces its transform exactly (a
unit test checks it) in plain Python + NumPy, because calling the vectorizer on one document costs
far more than the document itself. Character n-grams need no word segmentation, so Chinese,
English, pinyin and mixed text share one feature space.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Mapping
from itertools import repeat

import numpy as np
from numpy.typing import NDArray

NGRAM_RANGE = (1, 3)


def char_wb_ngrams(text: str, ngram_range: tuple[int, int] = NGRAM_RANGE) -> list[str]:
    """N-grams inside whitespace-separated words padded with one space (sklearn's char_wb)."""
    low, high = ngram_range
    grams: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            if n >= length:
                grams.append(padded)
                break
            grams += [padded[i : i + n] for i in range(length - n + 1)]
    return grams


def _gram_counts(text: str, ngram_range: tuple[int, int]) -> Counter[str]:
    """Counts of the char_wb n-grams. For the shipped range (1, 3) the words are laid out once as
    " w1  w2  w3 " and all n-grams are counted in C; grams spanning two words contain a double
    space, which no vocabulary term has, so they fall away at lookup. Other ranges use the plain
    per-word generator."""
    if ngram_range != (1, 3):
        return Counter(char_wb_ngrams(text, ngram_range))
    words = text.lower().split()
    laid_out = " " + "  ".join(words) + " "
    shifted, shifted_twice = laid_out[1:], laid_out[2:]
    counts = Counter(laid_out) if words else Counter()
    counts.update(map(operator.add, laid_out, shifted))
    counts.update(map(operator.add, map(operator.add, laid_out, shifted), shifted_twice))
    return counts


def tfidf_vector(text: str, vocabulary: Mapping[str, int], idf: NDArray[np.float64],
                 ngram_range: tuple[int, int] = NGRAM_RANGE) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """Sparse L2-normalised sublinear TF-IDF vector of `text` as (indices, values)."""
    counts = _gram_counts(text, ngram_range)
    size = len(counts)
    all_indices = np.fromiter(map(vocabulary.get, counts, repeat(-1, size)), dtype=np.intp, count=size)
    known = all_indices >= 0
    index_array = all_indices[known]
    tf = np.fromiter(counts.values(), dtype=np.float64, count=size)[known]
    values = (1.0 + np.log(tf)) * idf[index_array]
    norm = float(np.sqrt(values @ values))
    if norm > 0.0:
        values /= norm
    return index_array, values
