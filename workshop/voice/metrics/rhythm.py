"""Sentence rhythm: how long the sentences run, how they end, and the hesitations in between.

All counts come from :mod:`workshop.voice.units`. Rates are per 100 words or per 100 sentences, so characters
with different amounts of talk can be set side by side.

* Words per sentence: mean, median, standard deviation (sample, n-1) and coefficient of variation (sd / mean:
  0.2 is a steady beat, 1.0 lurches between long and short).
* Fragments: sentences with no verb by the rough test of :func:`workshop.voice.units.is_fragment`.
* Questions, exclamations, trailing off (ending in an ellipsis) and interruptions (ending in a dash): by the
  end mark of each sentence.
* Ellipses and dashes: every ``…``/``...`` and every ``—``/``–``/``--``/spaced hyphen, wherever it stands.
* Stutters: hyphenated repeats ("I-I", "y-you"). False starts: a word said again at once, with at most a
  filler or punctuation between ("I...I didn't", "I, uh, I didn't").
* Fillers: "um", "uh", "ah", "hmm" ... anywhere (``fillers.txt``), and "well", "like", "I mean", "you know" ...
  only when set off by punctuation (``fillers_set_off.txt``).
* Stress: the share of syllables the pronunciation dictionary marks as stressed (primary or secondary), over
  the words it knows, with one-syllable function words ("the", "I", "to") read unstressed as in running
  speech. Blunt talk in heavy monosyllables runs high; Latinate prose and chatty function words run low. The
  profile also shows the beat of a few sentences (``/`` stressed, ``x`` unstressed: see
  :func:`workshop.voice.profile.scansion`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

NAN = float("nan")


def per(n: float, base: float, scale: float = 100.0) -> float:
    """``n`` per ``scale`` units of ``base`` (NaN when ``base`` is 0)."""
    return scale * n / base if base else NAN


def mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values) if values else NAN


def median(values: Sequence[float]) -> float:
    if not values:
        return NAN
    ordered = sorted(values)
    mid = len(ordered) // 2
    return float(ordered[mid]) if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2.0


def sd(values: Sequence[float]) -> float:
    """Sample standard deviation (n - 1); NaN with fewer than two values."""
    n = len(values)
    if n < 2:
        return NAN
    m = math.fsum(values) / n
    return math.sqrt(math.fsum((v - m) ** 2 for v in values) / (n - 1))


def cv(values: Sequence[float]) -> float:
    """Coefficient of variation: sd / mean (NaN with fewer than two values or a zero mean)."""
    m, s = mean(values), sd(values)
    return s / m if values and m and not math.isnan(s) else NAN


def false_starts(words: Sequence[str], fillers: frozenset[str]) -> int:
    """Words said again at once, skipping fillers between: ``i uh i`` and ``i i`` are one false start each."""
    n = 0
    prev = None
    for w in words:
        if w in fillers:
            continue
        if w == prev:
            n += 1
        prev = w
    return n
