"""The tag test: strip the dialogue tags and see how often each line can be given back to its speaker.

If a reader could tell who is talking without "she said", the voices are distinct. The kit plays that reader
with a simple, transparent classifier (multinomial naive Bayes) that only sees each line's words, its small
function words, and its punctuation habits (questions, exclamations, trailing off, dashes, commas). It learns
from some of the lines and guesses the others (cross-validation: every line is guessed once, by a model that
never saw it).

The result is the share of lines given back to the right speaker (**accuracy**) beside **chance**: the score of
always guessing whoever speaks most. Accuracy near chance means the lines could belong to anyone; well above
chance means the voices carry their own fingerprints. With few lines the accuracy is rough: the result carries
its 95% interval (Wilson) and a note.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Sequence

import numpy as np

from workshop.voice.tokens import words
from workshop.compare.uncertainty import DEFAULT_SEED, wilson_interval

MIN_LINES = 20
"""Fewer lines than this in all: the accuracy is reported with a note that it is too rough to trust."""

_MARKS = {
    "<?>": re.compile(r"\?"),
    "<!>": re.compile(r"!"),
    "<...>": re.compile(r"\.\.\.|\u2026"),
    "<dash>": re.compile(r"\u2014|\u2013|--|(?<=\w)-(?=\s|$)"),
    "<,>": re.compile(r","),
    "<;>": re.compile(r"[;:]"),
}


@lru_cache(maxsize=65536)
def line_features(text: str) -> tuple[str, ...]:
    """The tokens the classifier sees for one line: its words, punctuation marks and a length band (cached: a
    critique gives each character's lines to a tag test with each other character)."""
    toks = words(text)
    feats = list(toks)
    for name, pattern in _MARKS.items():
        feats.extend([name] * len(pattern.findall(text)))
    n = len(toks)
    feats.append("<len:1-3>" if n <= 3 else "<len:4-10>" if n <= 10 else "<len:11-25>" if n <= 25 else "<len:26+>")
    return tuple(feats)


@dataclass
class TagTestResult:
    """Accuracy of giving lines back to their speakers, beside chance (always guessing the biggest talker)."""

    accuracy: float
    chance: float
    n: int
    correct: int
    ci_low: float
    ci_high: float
    folds: int
    speakers: dict[str, int] = field(default_factory=dict)
    recall: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def above_chance(self) -> float:
        """Accuracy minus chance (NaN when the test could not run)."""
        return self.accuracy - self.chance

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["above_chance"] = self.above_chance
        return d


def stratified_folds(labels: Sequence[str], k: int, seed: int = DEFAULT_SEED) -> np.ndarray:
    """A fold number per line, so each fold holds a fair share of every speaker's lines (fixed seed)."""
    rng = np.random.default_rng(seed)
    folds = np.zeros(len(labels), dtype=int)
    by_label: dict[str, list[int]] = {}
    for i, lab in enumerate(labels):
        by_label.setdefault(lab, []).append(i)
    offset = 0
    for lab in sorted(by_label):
        idx = np.array(by_label[lab])
        rng.shuffle(idx)
        folds[idx] = (np.arange(len(idx)) + offset) % k
        offset += len(idx)
    return folds


def tag_test(
    lines: Sequence[str],
    speakers: Sequence[str],
    *,
    folds: int = 5,
    alpha: float = 1.0,
    seed: int = DEFAULT_SEED,
) -> TagTestResult:
    """Cross-validated tag test over ``lines`` (texts) with their ``speakers``.

    ``folds`` is the number of cross-validation folds (fewer when a speaker has fewer lines than that);
    ``alpha`` is the naive Bayes smoothing (1 = add-one).
    """
    if len(lines) != len(speakers):
        raise ValueError("lines and speakers must have the same length")
    counts = Counter(speakers)
    n = len(lines)
    chance = max(counts.values()) / n if n else float("nan")
    notes: list[str] = []
    smallest = min(counts.values()) if counts else 0
    if len(counts) < 2 or smallest < 2:
        notes.append("The tag test needs at least two speakers with two lines each; it could not run.")
        return TagTestResult(float("nan"), chance, n, 0, float("nan"), float("nan"), 0, dict(counts), {}, notes)
    k = max(2, min(folds, smallest))
    feats = [line_features(t) for t in lines]
    vocab = sorted({f for fs in feats for f in fs})
    index = {f: i for i, f in enumerate(vocab)}
    # One entry per token (its line and its feature), not a lines x vocabulary table: on a novel that table held
    # 20,000 lines x 10,000 words, most of it zeros (hundreds of megabytes).
    cols = np.fromiter((index[t] for fs in feats for t in fs), dtype=np.int64, count=sum(map(len, feats)))
    rows = np.repeat(np.arange(n), [len(fs) for fs in feats])
    classes = sorted(counts)
    y = np.array([classes.index(s) for s in speakers])
    fold_of = stratified_folds(list(speakers), k, seed)
    predicted = np.empty(n, dtype=int)
    for f in range(k):
        test = fold_of == f
        predicted[test] = _fit_predict(rows, cols, y, test, len(vocab), len(classes), alpha)
    correct = int((predicted == y).sum())
    lo, hi = wilson_interval(correct, n)
    recall = {c: float((predicted[y == i] == i).mean()) for i, c in enumerate(classes)}
    if n < MIN_LINES:
        notes.append(f"Only {n} lines: the tag test is too rough to trust below {MIN_LINES} lines.")
    return TagTestResult(correct / n, chance, n, correct, lo, hi, k, dict(counts), recall, notes)


def _fit_predict(rows: np.ndarray, cols: np.ndarray, y: np.ndarray, test: np.ndarray, n_features: int,
                 n_classes: int, alpha: float) -> np.ndarray:
    """Multinomial naive Bayes trained on the lines outside ``test`` (a mask over lines) and asked about the
    lines in it. ``rows``/``cols``: the line and the feature of every token."""
    token_test = test[rows]
    y_train = y[~test]
    train_rows, train_cols = rows[~token_test], cols[~token_test]
    per_class = np.bincount(y[train_rows] * n_features + train_cols, minlength=n_classes * n_features)
    per_class = per_class.reshape(n_classes, n_features).astype(np.float32)
    log_prior = np.empty(n_classes)
    log_like = np.empty((n_classes, n_features))
    for c in range(n_classes):
        log_prior[c] = math.log(max(int((y_train == c).sum()), 1) / len(y_train))
        totals = per_class[c] + alpha
        log_like[c] = np.log(totals) - math.log(totals.sum())
    test_lines = np.flatnonzero(test)
    local = np.searchsorted(test_lines, rows[token_test])  # each test token's place among the test lines
    test_cols = cols[token_test]
    scores = np.column_stack([np.bincount(local, weights=log_like[c, test_cols], minlength=len(test_lines))
                              for c in range(n_classes)]) + log_prior
    return np.argmax(scores, axis=1)
