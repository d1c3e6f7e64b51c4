"""Fitting the ranker's weights: a conditional logit (a softmax over each utterance's candidates, one weight per
feature of :data:`workshop.speakers.features.FEATURES`), fitted by Newton's method with an L2 penalty.

Kept apart from the scoring (:mod:`workshop.speakers.ranker`) and from the data it is fitted on (the annotated
novels, read by ``scripts/train_attribution.py``), so the fit can be tested on made-up rows. numpy only; the
problem is small (46 weights, some thousands of utterances), so a hand-written Newton step converges in a few
iterations and needs no optimisation library.
"""

from __future__ import annotations

from typing import TypedDict

import numpy as np

from workshop.speakers.features import FEATURES


class Example(TypedDict):
    """One utterance to learn from: its candidates' names and feature rows, and the right one (None when the
    right speaker is not among the candidates: such an utterance teaches nothing)."""

    names: list[str]
    rows: np.ndarray
    gold: str | None


def fit(data: list[Example], l2: float, iterations: int = 30) -> np.ndarray:
    """Weights that minimise the softmax loss over the utterances whose answer is a candidate, plus l2 * |w|^2."""
    usable = [(d["rows"], d["names"].index(d["gold"])) for d in data if d["gold"] is not None]
    w = np.zeros(len(FEATURES))
    for _ in range(iterations):
        grad = 2 * l2 * w
        hess = 2 * l2 * np.eye(len(w))
        for x, y in usable:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            mean = p @ x
            grad += mean - x[y]
            hess += (x * p[:, None]).T @ x - np.outer(mean, mean)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def weights_payload(about: str, threshold: float, passes: list[tuple[np.ndarray, float, float]]) -> dict:
    """The JSON of a weights file (see :func:`workshop.speakers.ranker.parse_weights`): per pass its weights
    (rounded to four decimals), the threshold and the coverages with and without a cast file."""
    return {
        "about": about,
        "passes": [
            {
                "threshold": threshold,
                "coverage": round(cov, 4),
                "coverage_found": round(cov_found, 4),
                "weights": {n: round(float(v), 4) for n, v in zip(FEATURES, w)},
            }
            for w, cov, cov_found in passes
        ],
    }
