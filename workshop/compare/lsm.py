"""Language Style Matching (LSM): how alike two speakers are in their use of function words.

LSM (Ireland & Pennebaker 2010) looks at nine kinds of small words — personal pronouns, impersonal pronouns,
articles, conjunctions, prepositions, auxiliary verbs, common adverbs, negations, quantifiers. For each kind it
takes the percentage of each speaker's words that belong to it, ``p_a`` and ``p_b``, and scores

    ``LSM_c = 1 - |p_a - p_b| / (p_a + p_b + 0.0001)``

(1 = the same rate, 0 = one speaker never uses that kind of word). The overall LSM is the average of the nine.
People in conversation typically score 0.8-0.9; a score well below that means the two talk in different ways.

The word lists are plain text files in ``workshop/data/lsm/`` (one word per line, ``#`` comments) that an
instructor can read and extend. A word may belong to several categories ("never" is an adverb and a negation).
LSM on fewer than a few hundred words per speaker is unstable; :mod:`workshop.compare.pairs` reads it beside random
splits of the same lines.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Sequence

import numpy as np

from workshop.files.word_lists import packaged_word_list
from workshop.voice.tokens import words_of_texts

CATEGORIES: dict[str, str] = {
    "personal_pronouns": "personal pronouns (I, you, she, we)",
    "impersonal_pronouns": "impersonal pronouns (it, this, something)",
    "articles": "articles (a, an, the)",
    "conjunctions": "conjunctions (and, but, because)",
    "prepositions": "prepositions (of, in, with)",
    "auxiliary_verbs": "auxiliary verbs (is, have, would)",
    "adverbs": "common adverbs (just, very, now)",
    "negations": "negations (no, not, never)",
    "quantifiers": "quantifiers (all, some, many)",
}
"""The nine categories, file stem -> words for writers."""

EPSILON = 0.0001


@lru_cache(maxsize=1)
def categories() -> dict[str, tuple[str, ...]]:
    """Category name -> its words, read from ``workshop/data/lsm/NAME.txt``."""
    return {name: packaged_word_list("lsm", f"{name}.txt") for name in CATEGORIES}


def category_counts(tokens: Sequence[str], cats: dict[str, tuple[str, ...]] | None = None) -> np.ndarray:
    """How many of ``tokens`` fall in each category (in :data:`CATEGORIES` order)."""
    return category_matrix([tokens], cats)[0]


def _categories_of(cats: dict[str, tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """word -> the numbers of the categories listing it (in :data:`CATEGORIES` order)."""
    table: dict[str, list[int]] = {}
    for k, c in enumerate(CATEGORIES):
        for w in set(cats[c]):
            table.setdefault(w, []).append(k)
    return {w: tuple(ks) for w, ks in table.items()}


def category_matrix(token_lists: Sequence[Sequence[str]], cats: dict[str, tuple[str, ...]] | None = None) -> np.ndarray:
    """One row of category counts per token list (each token looked up once, not once per category)."""
    table = _categories_of(cats or categories())
    out = np.zeros((len(token_lists), len(CATEGORIES)), dtype=float)
    for r, tokens in enumerate(token_lists):
        row = out[r]
        for t in tokens:
            for k in table.get(t, ()):
                row[k] += 1
    return out


def lsm_scores(pa: np.ndarray, pb: np.ndarray) -> np.ndarray:
    """Per-category LSM from two arrays of percentages (last axis = categories; batches allowed)."""
    pa, pb = np.asarray(pa, dtype=float), np.asarray(pb, dtype=float)
    return 1.0 - np.abs(pa - pb) / (pa + pb + EPSILON)


@dataclass
class LSMResult:
    """Overall LSM (mean of the categories), each category's score and both speakers' percentages."""

    lsm: float
    by_category: dict[str, float]
    percent_a: dict[str, float]
    percent_b: dict[str, float]
    words_a: int
    words_b: int
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def lsm(text_a: str | Iterable[str], text_b: str | Iterable[str]) -> LSMResult:
    """Language Style Matching between two speakers (each a text or a list of utterances)."""
    ta, tb = words_of_texts(text_a), words_of_texts(text_b)
    ca, cb = category_counts(ta), category_counts(tb)
    pa = 100 * ca / max(len(ta), 1)
    pb = 100 * cb / max(len(tb), 1)
    scores = lsm_scores(pa, pb)
    notes = []
    if min(len(ta), len(tb)) < 250:
        notes.append(
            f"LSM on {min(len(ta), len(tb))} words is rough: at least 250 words per speaker give a steadier score."
        )
    names = list(CATEGORIES)
    return LSMResult(
        float(scores.mean()),
        dict(zip(names, map(float, scores))),
        dict(zip(names, map(float, pa))),
        dict(zip(names, map(float, pb))),
        len(ta),
        len(tb),
        notes,
    )
