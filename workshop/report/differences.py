"""How two voices differ, in a writer's words: one verdict, the habits that set them apart, and example lines.

The verdict is built from the same comparison as the measure-by-measure table
(:func:`workshop.compare.pairs.compare_pair`), so the two cannot disagree:

* a pair with at least one *clearly different* measure (or a tag test whose whole 95% interval beats chance) is
  never called alike; when the overall score is still low because one of them says little, the verdict says
  that the overall question is *open*, and how many more words would settle it;
* a pair with no such evidence is "too short to tell" under :data:`SETTLED_WORDS` words, and "hard to tell
  apart" above it.

:data:`SETTLED_WORDS` is where the overall score stops being held down by length
(:func:`workshop.compare.pairs.describe_distinctiveness` uses the same 1,000 words).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workshop.compare.uncertainty import CLEARLY_DIFFERENT
from workshop.report.formatting import plural
from workshop.report.quoting import line_examples
from workshop.report.wording import habit, how_often, short_value

if TYPE_CHECKING:
    from workshop.compare.pairs import MetricDifference, PairComparison

SETTLED_WORDS = 1000
"""Words from the quieter character at which the overall distinctiveness is no longer held down by length."""

MAYBE_EFFECT = 0.3
"""Smallest effect (Cohen's d) for a difference that is not proven to be listed as "maybe"."""


@dataclass
class Difference:
    """One habit that sets two voices apart: who has more of it, the sentence, and a line that shows it."""

    metric: str
    who: str
    other: str
    sentence: str
    example: str = ""
    clear: bool = True


@dataclass
class PairStory:
    """What the critique says about two voices, before any statistics."""

    a: str
    b: str
    verdict: str
    settled: bool
    more_words: int = 0
    """How many more words of the quieter voice would settle the overall question (0 when settled)."""
    differences: list[Difference] = field(default_factory=list)
    maybe: list[Difference] = field(default_factory=list)
    reference: str | None = None
    reference_title: str = ""


def _round_up(n: int, step: int = 50) -> int:
    return int(math.ceil(n / step) * step)


def verdict(pair: "PairComparison", pronouns: dict[str, str] | None = None, *, reference: str | None = None
            ) -> tuple[str, bool, int]:
    """``(sentence, settled, more words needed)`` for the pair: see the module's docstring. ``reference`` names the
    reference character of the pair: when they are the one with too few words, no more words are asked of the
    writer (nobody can add to the reference)."""
    a, b = pair.a, pair.b
    clear = sum(m.verdict == CLEARLY_DIFFERENT for m in pair.metrics)
    t = pair.tag_test
    tag_beats_chance = math.isfinite(t.ci_low) and t.ci_low > t.chance
    score = pair.distinctiveness
    fewest_name, fewest = (a, pair.words_a) if pair.words_a <= pair.words_b else (b, pair.words_b)
    their = {"she": "her", "he": "his"}.get((pronouns or {}).get(fewest_name, ""), "their")
    more = _round_up(max(0, SETTLED_WORDS - fewest))
    ways = f"in {plural(clear, 'clear way')} (below)" if clear else "in the way a computer can tell their lines apart"
    if not math.isfinite(score):
        return (f"{a} and {b} could not be compared: too few lines.", False, more)
    if clear or tag_beats_chance:
        if score >= 0.25:
            how = "very distinct" if score >= 0.5 else "distinct"
            return (f"{a} and {b} sound like two different people: they differ {ways}, and overall they are {how}.",
                    True, 0)
        if score >= 0.1:
            return (f"{a} and {b} differ {ways}; overall they are somewhat distinct.", True, 0)
        if fewest < SETTLED_WORDS and fewest_name == reference:
            return (f"{a} and {b} already differ {ways}. Whether they sound different all the way through, the "
                    f"reference is too short to say: {fewest_name} has only {plural(fewest, 'word')}.", False, 0)
        if fewest < SETTLED_WORDS:
            return (f"{a} and {b} already differ {ways}. Whether they sound different all the way through is too "
                    f"early to say: {fewest_name} has only {plural(fewest, 'word')}. About {more:,} more words of "
                    f"{their} talk would settle it.", False, more)
        return (f"{a} and {b} differ {ways}, but otherwise they sound alike.", True, 0)
    if score >= 0.1:
        return (f"{a} and {b} sound somewhat different overall, in their small everyday words (I, the, of, and) "
                "more than in any one habit.", True, 0)
    if fewest < SETTLED_WORDS and fewest_name == reference:
        return (f"Too short to tell: no habit sets {a} and {b} clearly apart, and the reference has only "
                f"{plural(fewest, 'word')} from {fewest_name}.", False, 0)
    if fewest < SETTLED_WORDS:
        return (f"Too short to tell yet: no habit sets {a} and {b} clearly apart in {fewest_name}'s "
                f"{plural(fewest, 'word')}. About {more:,} more words of {their} talk would settle it.", False, more)
    return (f"{a} and {b} are hard to tell apart: no habit sets them apart. Cover the tags and read their lines "
            "aloud.", True, 0)


def _difference(m: "MetricDifference", a: str, b: str, lines: dict[str, Sequence[str]], clear: bool,
                used: set[str]) -> Difference:
    who, other, v_who, v_other = (a, b, m.a, m.b) if m.a >= m.b else (b, a, m.b, m.a)
    h = habit(m.metric)
    said_who, said_other = how_often(v_who, m.metric), short_value(v_other, m.metric)
    if said_who.split(" ")[0] == said_other and v_who != v_other:  # "8 times ...; Agnes 8": show the decimal
        said_who, said_other = said_who.replace(said_other, f"{v_who:.1f}", 1), f"{v_other:.1f}"
    text = f"{who} {h.more}: {said_who}; {other} {said_other}."
    example = next((e for e in line_examples(lines.get(who, []), m.metric, True) if e not in used), "")
    used.add(example)
    return Difference(m.metric, who, other, text, example, clear)


def pair_story(pair: "PairComparison", lines: dict[str, Sequence[str]], *, pronouns: dict[str, str] | None = None,
               most: int = 5, maybe: int = 3, reference: str | None = None) -> PairStory:
    """The story of ``pair``: its :func:`verdict`, up to ``most`` clear differences (biggest effect first) with a
    line that shows each, and up to ``maybe`` large differences that are not proven yet."""
    sentence, settled, more = verdict(pair, pronouns, reference=reference)
    used: set[str] = {""}
    clear = [_difference(m, pair.a, pair.b, lines, True, used) for m in pair.strongest(most)]
    unproven = [m for m in pair.metrics if m.verdict != CLEARLY_DIFFERENT and math.isfinite(m.cohens_d)
                and abs(m.cohens_d) >= MAYBE_EFFECT]
    unproven.sort(key=lambda m: -abs(m.cohens_d))
    maybes = [_difference(m, pair.a, pair.b, lines, False, used) for m in unproven[:maybe]]
    return PairStory(pair.a, pair.b, sentence, settled, more, clear, maybes, pair.reference)
