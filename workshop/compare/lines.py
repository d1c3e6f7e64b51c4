"""A character's lines as the comparisons count them: each line kept with its quoted pieces (:class:`Line`), and
every measure of the registry that is a ratio of counts counted line by line (:func:`line_counts`), so that its
uncertainty can be bootstrapped over lines.

Each such measure is ``scale * sum(numerator) / sum(denominator)`` over a character's lines (words per sentence =
words / sentences; questions per 100 sentences = 100 x questions / sentences...), its denominator and scale read
from the registry (:func:`workshop.voice.metrics.per_line`); over all the lines it is exactly the number the
profile shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from workshop.errors import WorkshopError
from workshop.voice.metrics import compared_measures, measure, per_line
from workshop.voice.profile import profile_texts


COMPARED_METRICS: tuple[str, ...] = tuple(m.name for m in compared_measures())
"""The profile measures compared pair by pair, in display order (all of them ratios of counts, so they can be
counted line by line and bootstrapped over lines): those with a ``compared`` rank in the registry."""


@dataclass(frozen=True)
class LineMetric:
    """One measure compared line by line: its profile name, the words shown to writers, and its denominator
    (``words``, ``sentences`` or ``utterances``) and scale (100 for "per 100 ..."), from the registry."""

    name: str
    label: str
    family: str
    denominator: str
    scale: float = 1.0
    unit: str = ""


def _line_metric(name: str) -> LineMetric:
    info = measure(name)
    den, scale = per_line(name)
    return LineMetric(name, info.label, info.family, den, scale, info.unit)


LINE_METRICS: tuple[LineMetric, ...] = tuple(_line_metric(n) for n in COMPARED_METRICS)
METRIC_NAMES = COMPARED_METRICS


def metric(name: str) -> LineMetric:
    """The line-by-line version of a profile measure (any ratio measure, not only the compared ones)."""
    for m in LINE_METRICS:
        if m.name == name:
            return m
    try:
        return _line_metric(name)
    except WorkshopError:
        raise WorkshopError(f"Unknown measure {name!r}; choose from: {', '.join(METRIC_NAMES)}.") from None


class Line(str):
    """One line of dialogue (an utterance): its text, the quoted pieces joined by a space, that remembers the
    pieces (``.pieces``).

    It is a plain string wherever text is wanted (word counts, the tag test, printing), while the measures count
    it piece by piece, exactly as :func:`workshop.voice.profile.profile_dialogue` does: a sentence never runs across
    the narration between two pieces of a split quote (``"I had this, um, dream," she said. "The kind that..."``
    is two sentences, not one).
    """

    pieces: tuple[str, ...]

    def __new__(cls, pieces: Sequence[str] | str) -> "Line":
        parts = (pieces,) if isinstance(pieces, str) else tuple(pieces)
        self = super().__new__(cls, " ".join(p.strip() for p in parts))
        self.pieces = parts
        return self

    def __getnewargs__(self) -> tuple[tuple[str, ...]]:  # type: ignore[override]
        return (self.pieces,)


def pieces_of(line: "str | Sequence[str]") -> tuple[str, ...]:
    """The quoted pieces of a line: a :class:`Line`'s pieces, a plain string as one piece, or a list/tuple of
    pieces as they are."""
    if isinstance(line, Line):
        return line.pieces
    if isinstance(line, str):
        return (line,)
    return tuple(line)


def line_text(line: "str | Sequence[str]") -> str:
    """A line as one string (pieces joined by a space); a :class:`Line` stays itself."""
    if isinstance(line, str):
        return line
    return Line(line)


def as_lines(lines: Sequence["str | Sequence[str]"]) -> list[str]:
    """Lines given as strings, :class:`Line` objects or lists of pieces, as strings that keep their pieces."""
    return [line_text(t) for t in lines]


@lru_cache(maxsize=65536)
def _line_profile(pieces: tuple[str, ...]) -> tuple[dict[str, float], int, int, int]:
    prof = profile_texts([pieces], "line")
    return prof.scalar_metrics(), prof.words, prof.sentences, 1 if prof.words else 0


def line_counts(
    lines: Sequence["str | Sequence[str]"], metrics: Sequence[LineMetric] = LINE_METRICS
) -> dict[str, np.ndarray]:
    """For each measure, an array of shape (lines, 2): the numerator and denominator of every line.

    A line is a string, a :class:`Line` or the list of its quoted pieces; each is profiled on its own, piece by
    piece (:func:`workshop.voice.profile.profile_texts`, cached per line); the numerator is the line's value times its
    denominator, so that ``sum(num) / sum(den)`` over all lines is exactly the value the profile reports for the
    character.
    """
    profiled = [_line_profile(pieces_of(t)) for t in lines]
    out: dict[str, np.ndarray] = {}
    for m in metrics:
        arr = np.zeros((len(lines), 2), dtype=float)
        for i, (vals, n_words, n_sents, n_utts) in enumerate(profiled):
            den = {"words": n_words, "sentences": n_sents, "utterances": n_utts}[m.denominator]
            v = vals.get(m.name, float("nan"))
            arr[i] = (v * den / m.scale if den and math.isfinite(v) else 0.0, den)
        out[m.name] = arr
    return out


def value(counts: np.ndarray, m: LineMetric) -> float:
    """The measure over all lines: ``scale * sum(num) / sum(den)`` (NaN when the denominator is 0)."""
    den = counts[:, 1].sum()
    return float(m.scale * counts[:, 0].sum() / den) if den > 0 else float("nan")


def texts_value(lines: Sequence["str | Sequence[str]"], name: str) -> float:
    """One measure over a character's lines."""
    m = metric(name)
    return value(line_counts(lines, [m])[m.name], m)
