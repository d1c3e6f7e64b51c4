"""Function-word fingerprints: Burrows' Delta and cosine distance on z-scores.

Everyone uses "the", "of", "and", "I", "but"... without thinking about it, and each of us uses them at slightly
different rates. Those rates are a fingerprint of a voice that word choice alone does not show.

How it is computed (Burrows 2002; the cosine variant after Smith & Aldridge 2011):

1. For each function word *w* and each speaker, the relative frequency ``f(w)`` = occurrences / all words.
2. Each frequency becomes a z-score against a reference population: ``z(w) = (f(w) - mean(w)) / sd(w)``. By
   default the population is the characters of classic novels shipped in ``workshop/data/norms.json`` (see
   :mod:`workshop.compare.norms.table`); when it is missing, the speakers being compared serve as the population.
3. **Delta** is the mean absolute difference of the two z-score vectors, ``mean(|z_a(w) - z_b(w)|)``:
   0 means the same habits; around 1 and above is the distance between different authors on long texts.
   **Cosine distance** is ``1 - cos(z_a, z_b)``: 0 = same pattern, 1 = unrelated, 2 = opposite.

Delta is noisy on short texts (a few hundred words give unstable rates), so :mod:`workshop.compare.pairs` always
reads it beside the Delta of random splits of the same lines.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Sequence

import numpy as np

from workshop.compare.lsm import categories
from workshop.errors import WorkshopError
from workshop.files.word_lists import has_packaged_word_list, packaged_word_list
from workshop.voice.tokens import words_of_texts


@lru_cache(maxsize=1)
def function_words() -> tuple[str, ...]:
    """The function-word list: ``workshop/data/lexicons/function_words.txt`` (shared with the profiles), or,
    when that file is absent, every word of the Language Style Matching categories (``workshop/data/lsm``)."""
    if has_packaged_word_list("lexicons", "function_words.txt"):
        found = packaged_word_list("lexicons", "function_words.txt")
        if found:
            return found
    merged: list[str] = []
    for ws in categories().values():
        merged.extend(ws)
    return tuple(dict.fromkeys(merged))


@dataclass(frozen=True)
class FunctionWordNorms:
    """Mean and standard deviation of each function word's relative frequency in a population of speakers."""

    words: tuple[str, ...]
    mean: np.ndarray
    sd: np.ndarray
    source: str = ""

    def restrict(self, keep: Sequence[str]) -> "FunctionWordNorms":
        index = {w: i for i, w in enumerate(self.words)}
        idx = [index[w] for w in keep if w in index]
        return FunctionWordNorms(tuple(self.words[i] for i in idx), self.mean[idx], self.sd[idx], self.source)


@lru_cache(maxsize=1)
def shipped_norms() -> FunctionWordNorms | None:
    """Function-word norms from ``workshop/data/norms.json`` (characters of classic novels), or None."""
    path = resources.files("workshop") / "data" / "norms.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    table = data.get("function_words")
    if not table:
        return None
    ws = tuple(table)
    mean = np.array([table[w][0] for w in ws], dtype=float)
    sd = np.array([table[w][1] for w in ws], dtype=float)
    ok = sd > 0
    return FunctionWordNorms(
        tuple(w for w, k in zip(ws, ok) if k), mean[ok], sd[ok], data.get("corpus", {}).get("name", "norms")
    )


def count_matrix(token_lists: Sequence[Sequence[str]], vocabulary: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Counts of each vocabulary word in each token list (rows) and each list's total number of words."""
    index = {w: i for i, w in enumerate(vocabulary)}
    counts = np.zeros((len(token_lists), len(vocabulary)), dtype=float)
    totals = np.zeros(len(token_lists), dtype=float)
    for r, toks in enumerate(token_lists):
        totals[r] = len(toks)
        for t in toks:
            j = index.get(t)
            if j is not None:
                counts[r, j] += 1
    return counts, totals


def relative_frequencies(counts: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Rows of counts divided by their totals (a row with no words is all zeros)."""
    totals = np.asarray(totals, dtype=float)
    safe = np.where(totals > 0, totals, 1.0)
    return np.asarray(counts, dtype=float) / safe[..., None]


def zscores(freqs: np.ndarray, mean: np.ndarray, sd: np.ndarray) -> np.ndarray:
    """``(freqs - mean) / sd`` word by word; words with no spread (sd 0) score 0."""
    sd = np.asarray(sd, dtype=float)
    safe = np.where(sd > 0, sd, 1.0)
    return np.where(sd > 0, (np.asarray(freqs, dtype=float) - mean) / safe, 0.0)


def burrows_delta(za: np.ndarray, zb: np.ndarray) -> np.ndarray | float:
    """Mean absolute difference of z-scores over the last axis (works on batches of rows too)."""
    return np.mean(np.abs(np.asarray(za) - np.asarray(zb)), axis=-1)


def cosine_distance(za: np.ndarray, zb: np.ndarray) -> np.ndarray | float:
    """``1 - cos(za, zb)`` over the last axis; 1.0 (no relation) when either vector is all zeros."""
    za, zb = np.asarray(za, dtype=float), np.asarray(zb, dtype=float)
    num = np.sum(za * zb, axis=-1)
    den = np.sqrt(np.sum(za * za, axis=-1) * np.sum(zb * zb, axis=-1))
    return np.where(den > 0, 1.0 - num / np.where(den > 0, den, 1.0), 1.0)


@dataclass
class DeltaResult:
    """Delta and cosine distance between two speakers' function words."""

    delta: float
    cosine: float
    words_used: int
    words_a: int
    words_b: int
    population: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def population_norms(
    token_lists: Sequence[Sequence[str]], vocabulary: Sequence[str] | None = None, *, source: str = "these speakers"
) -> FunctionWordNorms:
    """Norms computed from a set of speakers (one token list each): mean and sd (n-1) of relative frequencies."""
    if len(token_lists) < 2:
        raise WorkshopError("Function-word norms need at least two speakers.")
    vocab = tuple(vocabulary or function_words())
    counts, totals = count_matrix(token_lists, vocab)
    freqs = relative_frequencies(counts, totals)
    return FunctionWordNorms(vocab, freqs.mean(axis=0), freqs.std(axis=0, ddof=1), source)


def default_norms(most_frequent: int = 150) -> FunctionWordNorms | None:
    """The shipped norms restricted to the ``most_frequent`` function words (by mean rate), or None."""
    norms = shipped_norms()
    if norms is None:
        return None
    order = np.argsort(-norms.mean, kind="stable")[:most_frequent]
    keep = [norms.words[i] for i in sorted(order)]
    return norms.restrict(keep)


def delta_between(
    text_a: str | Iterable[str],
    text_b: str | Iterable[str],
    *,
    norms: FunctionWordNorms | None = None,
    population: Sequence[Sequence[str]] | None = None,
) -> DeltaResult:
    """Burrows' Delta and cosine distance between two speakers (each a text or a list of utterances).

    ``norms`` gives the reference mean/sd per word; else ``population`` (token lists of several speakers) is
    used to compute them; else the shipped norms; else the two speakers themselves.
    """
    toks_a = words_of_texts(text_a)
    toks_b = words_of_texts(text_b)
    if norms is None:
        if population is not None and len(population) >= 3:
            norms = population_norms(population)
        else:
            norms = default_norms() or population_norms([toks_a, toks_b], source="the two speakers")
    counts, totals = count_matrix([toks_a, toks_b], norms.words)
    z = zscores(relative_frequencies(counts, totals), norms.mean, norms.sd)
    return DeltaResult(
        float(burrows_delta(z[0], z[1])),
        float(cosine_distance(z[0], z[1])),
        len(norms.words),
        len(toks_a),
        len(toks_b),
        norms.source,
    )

