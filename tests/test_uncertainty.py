import numpy as np
import pytest

from workshop.compare.uncertainty import (
    CLEARLY_DIFFERENT,
    SIMILAR,
    TOO_LITTLE,
    Interval,
    bootstrap_difference,
    bootstrap_ratio,
    cliffs_delta,
    cohens_d,
    split_null,
    verdict,
    wilson_interval,
)


def test_bootstrap_of_constant_values_is_a_point():
    iv = bootstrap_ratio([4.0] * 12, n_boot=200)
    assert (iv.estimate, iv.low, iv.high) == (4.0, 4.0, 4.0)


def test_bootstrap_matches_binomial_standard_error():
    # 50 zeros and 50 ones: mean 0.5, standard error sqrt(.25/100) = 0.05 -> 95% interval about 0.5 +/- 0.098
    iv = bootstrap_ratio([0.0] * 50 + [1.0] * 50, n_boot=4000, seed=1)
    assert iv.estimate == 0.5
    assert iv.low == pytest.approx(0.5 - 0.098, abs=0.02)
    assert iv.high == pytest.approx(0.5 + 0.098, abs=0.02)


def test_bootstrap_ratio_is_sum_over_sum():
    # words per sentence from lines: (3 + 9) words over (1 + 2) sentences = 4
    iv = bootstrap_ratio([3, 9], [1, 2], n_boot=100)
    assert iv.estimate == pytest.approx(4.0)
    assert 3.0 <= iv.low <= iv.high <= 4.5


def test_bootstrap_difference_shifted_groups_and_seed():
    rng = np.random.default_rng(0)
    b = rng.normal(10, 1, 40)
    a = b + 3
    iv = bootstrap_difference(a, b, n_boot=500, seed=7)
    assert iv.estimate == pytest.approx(3.0)
    assert iv.low > 2.0 and iv.high < 4.0 and iv.excludes_zero()
    again = bootstrap_difference(a, b, n_boot=500, seed=7)
    assert (again.low, again.high) == (iv.low, iv.high)


def test_effect_sizes_by_hand():
    assert cohens_d([1, 2, 3], [3, 4, 5]) == pytest.approx(-2.0)
    assert cliffs_delta([3, 4], [1, 2]) == 1.0
    assert cliffs_delta([1, 2, 3], [2, 2]) == 0.0
    assert cliffs_delta([1, 3], [2]) == 0.0
    assert cliffs_delta([2, 3], [2]) == pytest.approx(0.5)


def test_verdicts():
    wide = Interval(0.5, -3.0, 4.0)
    assert verdict(wide, 3, 40, sd=1.0) == TOO_LITTLE  # too few lines on one side, whatever the interval
    assert verdict(Interval(2.0, 1.0, 3.0), 30, 30, sd=1.0) == CLEARLY_DIFFERENT
    assert verdict(Interval(0.05, -0.2, 0.3), 30, 30, sd=1.0) == SIMILAR
    assert verdict(wide, 30, 30, sd=1.0) == TOO_LITTLE
    # real but negligible difference (tiny relative to line-to-line spread)
    assert verdict(Interval(0.05, 0.01, 0.09), 900, 900, sd=1.0) == SIMILAR


def test_verdicts_relative_to_the_level_of_the_measure():
    # words per sentence 9 vs 6 (level 7.5): interval [+1, +5] excludes 0 and the gap is 40% of the level
    assert verdict(Interval(3.0, 1.0, 5.0), 20, 20, sd=10.0, level=7.5) == CLEARLY_DIFFERENT
    # 3.71 vs 3.72 letters a word: the interval stays within +/-25% of 3.7 -> similar
    assert verdict(Interval(-0.01, -0.25, 0.25), 20, 20, sd=3.0, level=3.7) == SIMILAR
    # fillers 0.8 vs 2.9 per 100 words: interval [-5.6, +0.4] is far wider than 25% of the level
    assert verdict(Interval(-2.1, -5.6, 0.4), 20, 20, sd=8.0, level=1.85) == TOO_LITTLE
    # real but negligible: 4.00 vs 4.04, d tiny, 1% of the level
    assert verdict(Interval(0.04, 0.01, 0.07), 5000, 5000, sd=2.0, level=4.02) == SIMILAR
    # nobody uses it on either side
    assert verdict(Interval(0.0, 0.0, 0.0), 20, 20, sd=0.0, level=0.0) == SIMILAR


def test_wilson_interval_known_value():
    lo, hi = wilson_interval(5, 10)
    assert lo == pytest.approx(0.2366, abs=1e-4)
    assert hi == pytest.approx(0.7634, abs=1e-4)


def test_split_null_keeps_totals_and_is_zero_for_identical_lines():
    counts = np.array([[1.0, 0.0]] * 6)
    totals = np.array([2.0] * 6)

    def rate_gap(ca, ta, cb, tb):
        return np.abs(ca[:, 0] / ta - cb[:, 0] / tb)

    null = split_null(counts, totals, 2, rate_gap, n_perm=50, seed=3)
    assert null.shape == (50,) and np.all(null == 0)

    counts = np.array([[1.0], [0.0], [0.0], [0.0]])
    null = split_null(counts, np.ones(4), 1, lambda ca, ta, cb, tb: ca[:, 0] + cb[:, 0], n_perm=30)
    assert np.all(null == 1)  # every split shares out the same single occurrence
