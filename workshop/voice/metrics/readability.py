"""Readability: seven classic formulas, applied to the kit's own dialogue-aware counts.

Which counts are ours and which formula is whose:

* Sentences, words, syllables and letters come from :mod:`workshop.voice.units` (our dialogue-aware splitting;
  textstat's counting breaks on dialogue, see that module). They are passed to the formulas below as numbers.
* The formulas and their coefficients are the published ones, the same textstat 0.7.13 uses (checked in the
  tests: on ordinary prose our scores agree with textstat's within a small tolerance):

  - Flesch reading ease (Flesch 1948) = 206.835 - 1.015 x words/sentences - 84.6 x syllables/words.
    Higher is easier; 60-70 is plain English, below 30 is hard going.
  - Flesch-Kincaid grade (Kincaid et al. 1975) = 0.39 x words/sentences + 11.8 x syllables/words - 15.59.
  - Gunning fog (Gunning 1952) = 0.4 x (words/sentences + 100 x complex/words). As in textstat, a complex word
    has three or more syllables and is not on the Dale-Chall list of familiar words.
  - SMOG (McLaughlin 1969) = 1.043 x sqrt(polysyllables x 30/sentences) + 3.1291, polysyllables = words of
    three or more syllables. Made for samples of 30 sentences.
  - Coleman-Liau (1975) = 0.0588 x L - 0.296 x S - 15.8, L = letters per 100 words, S = sentences per 100 words.
    (textstat rounds the first coefficient to 0.058.)
  - Automated readability index (Smith & Senter 1967) = 4.71 x characters/words + 0.5 x words/sentences - 21.43;
    characters = letters and digits of the words (textstat also counts punctuation).
  - Dale-Chall (new formula, Chall & Dale 1995, as textstat computes it) = 0.1579 x (100 x difficult/words)
    + 0.0496 x words/sentences, plus 3.6365 when more than 5% of words are difficult. A difficult word is not
    on the list of about 3,000 familiar words (textstat's copy). Unlike textstat, a regular inflection of a
    familiar word (``-s``, ``-es``, ``-ed``, ``-ing``, ``-'s``) counts as familiar, as Dale and Chall intended.

Empty text (no words or no sentences) gives NaN for every formula.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import lru_cache

from workshop.adapters.textstat_adapter import easy_words
from workshop.voice.metrics.measure import FAMILIAR_WORDS, SYLLABLES, Measure, ReadabilityCounts
from workshop.voice.units import letters, syllables

NAN = float("nan")

def is_familiar(word: str) -> bool:  # (not cached itself: word_features caches it per word)
    """On the Dale-Chall list of familiar words, directly or as a regular inflection of a word on it."""
    easy = easy_words()
    if word in easy:
        return True
    if not word.endswith(_INFLECTION_ENDS):  # most words: no inflection to strip
        return False
    for suffix, repl in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 1 and word[: -len(suffix)] + repl in easy:
            return True
    return False


_INFLECTIONS = (("'s", ""), ("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ies", "y"),
                ("ied", "y"))  # fmt: skip
"""Regular inflections of a familiar word: (suffix, what replaces it to give the familiar word)."""
_INFLECTION_ENDS = tuple({suffix for suffix, _repl in _INFLECTIONS})


@lru_cache(maxsize=131072)
def word_features(word: str) -> tuple[int, int, bool, bool, bool]:
    """``(syllables, letters, complex, polysyllable, difficult)`` for one lower-case word."""
    syl = syllables(word)
    familiar = is_familiar(word)
    return syl, letters(word), syl >= 3 and not familiar, syl >= 3, not familiar


def count_words(word_counts: Iterable[tuple[str, int]], sentences: int) -> ReadabilityCounts:
    """Readability counts from ``(word, how many times)`` pairs and a sentence count."""
    n = syl = let = cpx = poly = diff = 0
    for word, k in word_counts:
        s, l, c, p, d = word_features(word)
        n += k
        syl += s * k
        let += l * k
        cpx += c * k
        poly += p * k
        diff += d * k
    return ReadabilityCounts(sentences, n, syl, let, cpx, poly, diff)


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    if words <= 0 or sentences <= 0:
        return NAN
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    if words <= 0 or sentences <= 0:
        return NAN
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def gunning_fog(words: int, sentences: int, complex_words: int) -> float:
    if words <= 0 or sentences <= 0:
        return NAN
    return 0.4 * (words / sentences + 100.0 * complex_words / words)


def smog_index(sentences: int, polysyllables: int) -> float:
    if sentences <= 0:
        return NAN
    return 1.043 * math.sqrt(polysyllables * 30.0 / sentences) + 3.1291


def coleman_liau_index(words: int, sentences: int, letters: int) -> float:
    if words <= 0 or sentences <= 0:
        return NAN
    return 0.0588 * (100.0 * letters / words) - 0.296 * (100.0 * sentences / words) - 15.8


def automated_readability_index(words: int, sentences: int, characters: int) -> float:
    if words <= 0 or sentences <= 0:
        return NAN
    return 4.71 * characters / words + 0.5 * words / sentences - 21.43


def dale_chall(words: int, sentences: int, difficult_words: int) -> float:
    if words <= 0 or sentences <= 0:
        return NAN
    pct = 100.0 * difficult_words / words
    score = 0.1579 * pct + 0.0496 * words / sentences
    return score + 3.6365 if pct > 5 else score


def _smog(c: ReadabilityCounts) -> float:
    return smog_index(c.sentences, c.polysyllables) if c.words else NAN


_ON_COUNTS: dict[str, Callable[[ReadabilityCounts], float]] = {}
"""Each score as a function of the counts, filled in by the declarations below (in their order)."""


def _m(name: str, on_counts: Callable[[ReadabilityCounts], float], label: str, unit: str, explanation: str,
       sample: str, minimum: int, higher: str, order: int, data: tuple[str, ...] = ()) -> Measure:
    _ON_COUNTS[name] = on_counts
    return Measure(name, "readability", label, unit, explanation, lambda t: on_counts(t.readability), sample,
                   minimum, higher, order=order, headline=True, data=data)


MEASURES = (
    _m("flesch_reading_ease", lambda c: flesch_reading_ease(c.words, c.sentences, c.syllables),
       "Flesch reading ease", "score (0-100)",
       "How easy the lines are to read: shorter sentences and shorter words score higher.", "words", 100, "easier",
       100, SYLLABLES),
    _m("flesch_kincaid_grade", lambda c: flesch_kincaid_grade(c.words, c.sentences, c.syllables),
       "Flesch-Kincaid grade", "US school grade",
       "The school grade that could read the lines, from sentence and word length.", "words", 100, "harder", 101,
       SYLLABLES),
    _m("gunning_fog", lambda c: gunning_fog(c.words, c.sentences, c.complex_words),
       "Gunning fog index", "years of schooling",
       "Years of schooling needed, from sentence length and the share of long unfamiliar words.", "words", 100,
       "harder", 102, SYLLABLES + FAMILIAR_WORDS),
    _m("smog_index", _smog,
       "SMOG grade", "US school grade",
       "School grade from the number of words of three or more syllables per 30 sentences.", "sentences", 30,
       "harder", 103, SYLLABLES),
    _m("coleman_liau_index", lambda c: coleman_liau_index(c.words, c.sentences, c.letters),
       "Coleman-Liau index", "US school grade",
       "School grade from letters per word and sentences per word.", "words", 100, "harder", 104),
    _m("automated_readability_index",
       lambda c: automated_readability_index(c.words, c.sentences, c.letters),
       "Automated readability index", "US school grade",
       "School grade from characters per word and words per sentence.", "words", 100, "harder", 105),
    _m("dale_chall", lambda c: dale_chall(c.words, c.sentences, c.difficult_words),
       "Dale-Chall score", "score",
       "Difficulty from the share of words outside a list of 3,000 familiar words; 4.9 or less is easy for a "
       "fourth-grader, 9 and above is college level.", "words", 100, "harder", 106, FAMILIAR_WORDS),
)  # fmt: skip
"""The readability measures, declared once (see :class:`workshop.voice.metrics.measure.Measure`)."""

READABILITY_KEYS: tuple[str, ...] = tuple(m.name for m in MEASURES)
"""The seven scores' names, in order (the one list of them)."""


def readability(c: ReadabilityCounts) -> dict[str, float]:
    """All seven scores from the counts (NaN when there are no words)."""
    return {name: on_counts(c) for name, on_counts in _ON_COUNTS.items()}
