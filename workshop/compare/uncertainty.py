"""Honest uncertainty: bootstrap intervals, effect sizes, and a verdict in plain words.

A difference between two characters measured on a few dozen lines may be chance. Everything here answers
"how sure can we be?" the same way a writer would check it by hand, only many times over:

* **Bootstrap interval.** Draw the character's lines again at random, with replacement, as many lines as they
  have; measure; repeat (1,000 times by default, with a fixed seed so the answer is the same every run). The
  middle 95% of the results is the interval. A difference whose interval does not contain 0 is unlikely to be
  chance.
* **Effect size.** How big the difference is against the ordinary line-to-line variation: Cohen's *d* (the
  difference in standard deviations: 0.2 small, 0.5 medium, 0.8 large) and Cliff's delta (pick one line of each
  character at random: how much more often is A's the higher; -1 to 1, 0.15 small, 0.33 medium, 0.47 large).
* **Verdict.** With fewer than :data:`MIN_UNITS` lines on either side: always ``too little text to tell``.
  Otherwise, when the interval excludes 0: ``clearly different`` if the gap is not negligible (at least a
  small effect, |d| >= 0.2, or at least 10% of the measure's level), else ``similar`` (real but negligible).
  When the interval includes 0: ``similar`` if the whole interval lies within +/-25% of the measure's level
  (the average of the two values: "whatever the true gap, it is small next to the values themselves"), else
  ``too little text to tell``. (Without a level, the band is +/-0.5 standard deviations of the line-to-line
  values.)
* **Random-split baseline.** For distances computed on whole texts (Delta, LSM), the same lines are shuffled
  between the two speakers many times, keeping each speaker's number of lines: the spread of those distances is
  what "no real difference" looks like with this much text (see :func:`split_null`).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Callable, Sequence

import numpy as np

CLEARLY_DIFFERENT = "clearly different"
SIMILAR = "similar"
TOO_LITTLE = "too little text to tell"
VERDICTS = (CLEARLY_DIFFERENT, SIMILAR, TOO_LITTLE)

MIN_UNITS = 5
"""Fewer lines (or sentences) than this on either side: no verdict but "too little text to tell"."""
SMALL_EFFECT = 0.2
SIMILAR_BAND = 0.5
NEGLIGIBLE_SHARE = 0.10
SIMILAR_SHARE = 0.25
DEFAULT_SEED = 20261123


@dataclass
class Interval:
    """An estimate with its bootstrap interval (``level`` = 0.95 for a 95% interval)."""

    estimate: float
    low: float
    high: float
    level: float = 0.95
    n_boot: int = 0

    def excludes_zero(self) -> bool:
        return bool(self.low > 0 or self.high < 0)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _ratio(num: np.ndarray, den: np.ndarray) -> float:
    total = float(np.sum(den))
    return float(np.sum(num) / total) if total > 0 else float("nan")


RESAMPLE_CELLS = 2_000_000
"""At most this many resampled units are drawn at once (16 MB of indices): a character with 20,000 lines
would otherwise need three arrays of 1,000 x 20,000 at the same time, half a gigabyte."""


def _resampled_ratios(num: np.ndarray, den: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    n = len(num)
    rows = max(1, RESAMPLE_CELLS // max(n, 1))
    num_sums, den_sums = np.empty(n_boot), np.empty(n_boot)
    for first in range(0, n_boot, rows):  # (drawn in blocks of replicates: the same random numbers as one draw)
        idx = rng.integers(0, n, size=(min(rows, n_boot - first), n))
        den_sums[first : first + len(idx)] = den[idx].sum(axis=1)
        num_sums[first : first + len(idx)] = num[idx].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den_sums > 0, num_sums / np.where(den_sums > 0, den_sums, 1), np.nan)


def bootstrap_ratio(
    num: Sequence[float],
    den: Sequence[float] | None = None,
    *,
    scale: float = 1.0,
    n_boot: int = 1000,
    seed: int = DEFAULT_SEED,
    level: float = 0.95,
) -> Interval:
    """Percentile bootstrap of ``scale * sum(num) / sum(den)`` resampling units (lines or sentences).

    Without ``den`` it is the mean of ``num``. Example: words per sentence is ``num`` = words of each sentence,
    ``den`` = 1 per sentence; questions per 100 sentences is ``num`` = questions per line, ``den`` = sentences per
    line, ``scale`` = 100.
    """
    n_arr = np.asarray(num, dtype=float)
    d_arr = np.ones_like(n_arr) if den is None else np.asarray(den, dtype=float)
    if len(n_arr) == 0:
        return Interval(float("nan"), float("nan"), float("nan"), level, 0)
    rng = np.random.default_rng(seed)
    boots = scale * _resampled_ratios(n_arr, d_arr, n_boot, rng)
    lo, hi = _percentiles(boots, level)
    return Interval(scale * _ratio(n_arr, d_arr), lo, hi, level, n_boot)


def bootstrap_difference(
    num_a: Sequence[float],
    num_b: Sequence[float],
    den_a: Sequence[float] | None = None,
    den_b: Sequence[float] | None = None,
    *,
    scale: float = 1.0,
    n_boot: int = 1000,
    seed: int = DEFAULT_SEED,
    level: float = 0.95,
) -> Interval:
    """Percentile bootstrap interval of (A's ratio - B's ratio), resampling each side's units independently."""
    na, nb = np.asarray(num_a, dtype=float), np.asarray(num_b, dtype=float)
    da = np.ones_like(na) if den_a is None else np.asarray(den_a, dtype=float)
    db = np.ones_like(nb) if den_b is None else np.asarray(den_b, dtype=float)
    if len(na) == 0 or len(nb) == 0:
        return Interval(float("nan"), float("nan"), float("nan"), level, 0)
    rng = np.random.default_rng(seed)
    diffs = scale * (_resampled_ratios(na, da, n_boot, rng) - _resampled_ratios(nb, db, n_boot, rng))
    lo, hi = _percentiles(diffs, level)
    return Interval(scale * (_ratio(na, da) - _ratio(nb, db)), lo, hi, level, n_boot)


def _percentiles(values: np.ndarray, level: float) -> tuple[float, float]:
    values = values[np.isfinite(values)]
    if len(values) == 0:
        return float("nan"), float("nan")
    tail = 100 * (1 - level) / 2
    lo, hi = np.percentile(values, [tail, 100 - tail])
    return float(lo), float(hi)


def cohens_d(a: Sequence[float], b: Sequence[float]) -> float:
    """(mean A - mean B) / pooled standard deviation; NaN with fewer than two values a side or no spread."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    x, y = x[np.isfinite(x)], y[np.isfinite(y)]
    if len(x) < 2 or len(y) < 2:
        return float("nan")
    pooled = math.sqrt(((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / (len(x) + len(y) - 2))
    if pooled == 0:
        return 0.0 if x.mean() == y.mean() else math.copysign(float("inf"), x.mean() - y.mean())
    return float((x.mean() - y.mean()) / pooled)


def pooled_sd(a: Sequence[float], b: Sequence[float]) -> float:
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    x, y = x[np.isfinite(x)], y[np.isfinite(y)]
    if len(x) < 2 or len(y) < 2:
        return float("nan")
    return math.sqrt(((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / (len(x) + len(y) - 2))


def cliffs_delta(a: Sequence[float], b: Sequence[float]) -> float:
    """P(A > B) - P(A < B) over every pair of one value from each side; NaN when a side is empty."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    x, y = x[np.isfinite(x)], y[np.isfinite(y)]
    if len(x) == 0 or len(y) == 0:
        return float("nan")
    ys = np.sort(y)
    greater = np.searchsorted(ys, x, side="left").sum()
    less = (len(ys) - np.searchsorted(ys, x, side="right")).sum()
    return float((greater - less) / (len(x) * len(y)))


def verdict(
    interval: Interval,
    n_a: int,
    n_b: int,
    *,
    sd: float,
    level: float | None = None,
    min_units: int = MIN_UNITS,
) -> str:
    """The plain-words verdict on a difference (see the module docstring for the rule).

    ``sd`` is the pooled line-to-line standard deviation, ``level`` the size of the measure itself (the mean of
    the two values' magnitudes).
    """
    if min(n_a, n_b) < min_units or not math.isfinite(interval.low) or not math.isfinite(interval.high):
        return TOO_LITTLE
    if level is not None and math.isfinite(level):
        widest = max(abs(interval.low), abs(interval.high))
        if interval.excludes_zero():
            big = abs(interval.estimate) >= NEGLIGIBLE_SHARE * level
            if math.isfinite(sd) and sd > 0:
                big = big or abs(interval.estimate) / sd >= SMALL_EFFECT
            return CLEARLY_DIFFERENT if big else SIMILAR
        return SIMILAR if widest <= SIMILAR_SHARE * level else TOO_LITTLE
    if not math.isfinite(sd) or sd <= 0:
        # no line-to-line variation to judge by: only an exact zero difference is "similar"
        if interval.low == interval.high == 0:
            return SIMILAR
        return CLEARLY_DIFFERENT if interval.excludes_zero() else TOO_LITTLE
    if interval.excludes_zero():
        return CLEARLY_DIFFERENT if abs(interval.estimate) / sd >= SMALL_EFFECT else SIMILAR
    if max(abs(interval.low), abs(interval.high)) / sd <= SIMILAR_BAND:
        return SIMILAR
    return TOO_LITTLE


def wilson_interval(successes: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion (e.g. the tag test's accuracy)."""
    if n <= 0:
        return float("nan"), float("nan")
    z = _z(level)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _z(level: float) -> float:
    # inverse normal CDF by bisection on erf (no scipy needed)
    target = 1 - (1 - level) / 2
    lo, hi = 0.0, 10.0
    for _ in range(80):
        mid = (lo + hi) / 2
        if 0.5 * (1 + math.erf(mid / math.sqrt(2))) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def split_null(
    counts: np.ndarray,
    totals: np.ndarray,
    n_a: int,
    statistic: Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], np.ndarray],
    *,
    n_perm: int = 200,
    seed: int = DEFAULT_SEED,
) -> np.ndarray:
    """The statistic on random splits of the pooled lines into ``n_a`` and ``len - n_a`` lines.

    ``counts`` has one row per line (e.g. function-word counts), ``totals`` the words of each line.
    ``statistic(counts_a, totals_a, counts_b, totals_b)`` receives batches (one row per split) and returns one
    value per split. The result shows how far apart two speakers come out when there is no real difference.
    """
    counts = np.asarray(counts, dtype=float)
    totals = np.asarray(totals, dtype=float)
    n = len(totals)
    if n_a <= 0 or n_a >= n:
        return np.array([])
    rng = np.random.default_rng(seed)
    order = np.argsort(rng.random((n_perm, n)), axis=1)
    mask = np.zeros((n_perm, n), dtype=float)
    np.put_along_axis(mask, order[:, :n_a], 1.0, axis=1)
    ca, ta = mask @ counts, mask @ totals
    cb, tb = counts.sum(axis=0) - ca, totals.sum() - ta
    return np.asarray(statistic(ca, ta, cb, tb), dtype=float)
