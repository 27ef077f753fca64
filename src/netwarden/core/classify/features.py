"""Character n-gram TF-IDF features, computed without scikit-learn at classification time.

Training uses scikit-learn's TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3),
lowercase=True, sublinear_tf=True, norm="l2"); this module reproduces its transform exactly (a
unit test checks it) in plain Python + NumPy, because calling the vectorizer on one document costs
far more than the document itself. Character n-grams need no word segmentation, so Chinese,
English, pinyin and mixed text share one feature space.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from itertools import chain, repeat

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


def _known_gram_counts(text: str, vocabulary: Mapping[str, int],
                       ngram_range: tuple[int, int]) -> tuple[NDArray[np.intp], NDArray[np.int64]]:
    """(feature indices, counts) of the text's char_wb n-grams that are in the vocabulary.

    For the shipped range (1, 3) the words are laid out once as " w1  w2  w3 " and every n-gram is
    generated and looked up in C (map over str.__add__ and dict.get); grams spanning two words
    contain a double space, which no vocabulary term has, so they fall away at lookup. Counting is
    done on the integer indices (np.unique). Other ranges use the plain per-word generator."""
    if ngram_range == (1, 3):
        words = text.lower().split()
        laid_out = " " + "  ".join(words) + " " if words else ""
        shifted, shifted_twice = laid_out[1:], laid_out[2:]
        bigrams = map(operator.add, laid_out, shifted)
        trigrams = map(operator.add, map(operator.add, laid_out, shifted), shifted_twice)
        grams: Iterable[str] = chain(laid_out, bigrams, trigrams)
    else:
        grams = char_wb_ngrams(text, ngram_range)
    looked_up = np.fromiter(map(vocabulary.get, grams, repeat(-1)), dtype=np.intp)
    indices, counts = np.unique(looked_up[looked_up >= 0], return_counts=True)
    return indices.astype(np.intp), counts.astype(np.int64)


def tfidf_vector(text: str, vocabulary: Mapping[str, int], idf: NDArray[np.float64],
                 ngram_range: tuple[int, int] = NGRAM_RANGE) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """Sparse L2-normalised sublinear TF-IDF vector of `text` as (indices, values)."""
    index_array, counts = _known_gram_counts(text, vocabulary, ngram_range)
    values = (1.0 + np.log(counts.astype(np.float64))) * idf[index_array]
    norm = float(np.sqrt(values @ values))
    if norm > 0.0:
        values /= norm
    return index_array, values
