"""What a measure is: its declaration (:class:`Measure`) and the counts every measure is computed from (:class:`Totals`).

A measure is declared once, in the module of its family (:mod:`~workshop.voice.metrics.readability`,
:mod:`~workshop.voice.metrics.rhythm`, :mod:`~workshop.voice.metrics.diction`), with the function that computes
it from a profile's :class:`Totals` and everything the rest of the kit says about it: label and explanation for
writers, unit, the denominator a comparison counts it over line by line, the minimum sample, the display order.
:mod:`workshop.voice.metrics.registry` collects the declarations; the profile, the comparisons, the norms and the
docs table all read them there, so adding a measure is one declaration (plus its test).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass

NAN = float("nan")

FAMILIES = ("readability", "rhythm", "diction")
"""The three families, in the order profiles show them."""

SAMPLES = ("words", "sentences", "utterances")

SYLLABLES = ("cmudict", "pyphen")
"""Syllables come from the CMU Pronouncing Dictionary, else Pyphen's hyphenation (:func:`workshop.voice.units.syllables`)."""
FAMILIAR_WORDS = ("textstat",)
"""The Dale-Chall list of familiar words is textstat's copy."""
WORD_FREQUENCIES = ("wordfreq",)
SENTIMENT = ("vaderSentiment",)
STRESS = ("cmudict",)
"""What a measure's minimum sample (and its per-line denominator) counts."""


@dataclass(frozen=True)
class ReadabilityCounts:
    """The counts under the readability formulas."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    complex_words: int = 0
    polysyllables: int = 0
    difficult_words: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class Totals:
    """Everything counted over the speeches of one profile, the raw material of every measure.

    Built once per profile by :mod:`workshop.voice.profile` from the speeches' counts; a measure is a function of
    these totals only, so a comparison that counts a character line by line gets the same number.
    """

    words: int
    sentences: int
    utterances: int
    """Speeches with at least one word."""
    sentence_lengths: list[int]
    utterance_words: list[int]
    utterance_sentences: list[int]
    word_sequence: list[str]
    word_counts: Counter[str]
    readability: ReadabilityCounts
    classes: Counter[str]
    """Words (and phrases) in each word class: the lexicons (``hedges``, ``fillers``...), the pronoun groups
    (``first_singular``...), ``contraction``."""
    ends: Counter[str]
    """Sentences by how they end (:data:`workshop.voice.units.END_KINDS`)."""
    fragments: int
    stutters: int
    false_starts: int
    ellipses: int
    dashes: int
    fillers: int
    """Fillers said anywhere plus the set-off ones ("well," "you know")."""
    monosyllables: int
    stressed: int
    stress_syllables: int
    zipf_sum: float
    zipf_known: float
    rare: float
    function_words: int
    address: int
    moods: list[float]
    """VADER scores of the speeches (dialogue only; empty for the narration)."""
    total_words: int
    """All the dialogue's words (for the share of the talk)."""
    total_turns: int


Compute = Callable[[Totals], float]


@dataclass(frozen=True)
class Measure:
    """One measure of a voice, declared once.

    ``denominator`` and ``scale`` say how a comparison counts the measure line by line: the measure over many
    lines is ``scale * sum(numerator) / sum(denominator)``, the denominator counting ``words``, ``sentences`` or
    ``utterances``; ``""`` when the measure is not such a ratio (a median, a diversity index...) and so cannot be
    compared line by line. ``usually_zero``: most characters of published fiction score exactly 0 (the median of
    the shipped norms is 0), so a single occurrence would put a character above nearly everyone: report it as a
    rate ("twice in 100 sentences"), not as a percentile. ``order`` is the order a writer reads the measures in
    (lower first), across families; ``compared`` its place in the pair comparisons (0: not compared);
    ``headline``: one of the measures the critique shows for its family.
    """

    name: str
    family: str
    label: str
    unit: str
    explanation: str
    compute: Compute
    sample: str = "words"
    minimum: int = 0
    higher: str = ""
    """What a higher value means, in a few words (the measure's direction; empty when it is not a simple
    more/less)."""
    denominator: str = ""
    scale: float = 1.0
    usually_zero: bool = False
    order: int = 0
    compared: int = 0
    headline: bool = False
    data: tuple[str, ...] = ()
    """The packages whose data the value rests on (pronunciations, word frequencies, a sentiment lexicon, a word
    list): when one of them updates, the value may move although the kit's code did not (the golden values give
    such measures a tolerance; the others must match exactly)."""

    def __call__(self, totals: Totals) -> float:
        return self.compute(totals)


def per(n: float, base: float, scale: float = 100.0) -> float:
    """``n`` per ``scale`` units of ``base`` (NaN when ``base`` is 0)."""
    return scale * n / base if base else NAN


def share(n: float, base: float) -> float:
    """``n / base`` (NaN when ``base`` is 0)."""
    return n / base if base else NAN
