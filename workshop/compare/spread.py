"""Which measures tell a group of characters apart, once the chance wobble of short texts is allowed for.

A class's scenes are short: a character with 120 words who says "maybe" twice has a hedging rate of 1.7 per 100
words, but one more or one fewer "maybe" moves it by almost a point. So a measure only spreads the class when the
gaps between its characters are large next to how precisely each character's own number is known. For each
measure counted line by line (a ratio of counts, so its precision follows from the character's lines):

* each character's **standard error** is the ratio estimator's (the linearised, "delta method", formula over
  lines: ``scale * sqrt(n / (n - 1) * sum((num_i - r * den_i) ** 2)) / sum(den)``), closed-form so that the same
  class gives the same choice on every run; it is never taken below one occurrence's worth (``scale / sum(den)``),
  because a character who never hedges in 80 words has not shown that they never hedge;
* the measure's **spread score** is the standard deviation of the characters' values over the root mean square of
  their standard errors, using only the characters with at least the registry's minimum sample for it. About 1
  is what chance alone gives; 2 means the characters differ about twice as much as their short texts blur them.

The registry's usually-zero measures (trailing off, stutters, swearing...) count only when at least
:data:`MIN_SHOWING` of those characters show the habit at all: one stutterer in a class is that student's
character, not a way the class spreads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

MIN_CHARACTERS = 3
"""A measure needs this many characters with enough text for it before its spread means anything (every one of a
group of two: two characters can still be drawn apart)."""
MIN_SHOWING = 2
"""A usually-zero measure counts only when at least this many of those characters show the habit."""


def ratio_standard_error(counts: np.ndarray, scale: float = 1.0) -> float:
    """The standard error of ``scale * sum(num) / sum(den)`` over lines (rows ``(num, den)``), at least one
    occurrence's worth; infinite with fewer than two lines or no denominator (nothing is known)."""
    lines = counts[counts[:, 1] > 0] if len(counts) else counts
    total = float(lines[:, 1].sum()) if len(lines) else 0.0
    if len(lines) < 2 or total <= 0:
        return math.inf
    ratio = float(lines[:, 0].sum()) / total
    residuals = lines[:, 0] - ratio * lines[:, 1]
    n = len(lines)
    error = scale * math.sqrt(n / (n - 1) * float(np.sum(residuals**2))) / total
    return max(error, scale / total)


@dataclass(frozen=True)
class MeasureSpread:
    """How much one measure spreads a group of characters."""

    metric: str
    score: float
    """Standard deviation of the values over the root mean square of the standard errors (about 1: chance)."""
    between: float
    """Standard deviation of the characters' values, in the measure's unit."""
    typical_error: float
    """Root mean square of their standard errors, in the measure's unit."""
    characters: int
    """How many characters had enough text for the measure (only they count)."""


def measure_spreads(
    values: Sequence[Mapping[str, float]],
    errors: Sequence[Mapping[str, float]],
    enough: Sequence[set[str]],
    *,
    usually_zero: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[MeasureSpread]:
    """Every measure that can be judged, most spreading first (ties by name). ``values[i]``, ``errors[i]`` and
    ``enough[i]`` are character ``i``'s values, standard errors and the measures it has enough text for."""
    names = sorted(set().union(*(set(e) for e in errors))) if errors else []
    needed = max(2, min(MIN_CHARACTERS, len(values)))
    out: list[MeasureSpread] = []
    for metric in names:
        pairs = [(v[metric], e[metric]) for v, e, ok in zip(values, errors, enough)
                 if metric in ok and metric in e and math.isfinite(v.get(metric, math.nan)) and math.isfinite(e[metric])]
        if len(pairs) < needed:
            continue
        if metric in usually_zero and sum(1 for v, _ in pairs if v > 0) < MIN_SHOWING:
            continue
        vals = np.array([v for v, _ in pairs])
        typical = math.sqrt(float(np.mean([e**2 for _, e in pairs])))
        between = float(np.std(vals))
        if typical <= 0:
            continue
        out.append(MeasureSpread(metric, between / typical, between, typical, len(pairs)))
    return sorted(out, key=lambda s: (-s.score, s.metric))
