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

from workshop.voice.metrics.measure import STRESS, SYLLABLES, Compute, Measure, per, share

NAN = float("nan")


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


def _m(name: str, compute: Compute, label: str, unit: str, explanation: str, sample: str, minimum: int,
       higher: str, *, per_line: tuple[str, float] | None = None, usually_zero: bool = False, compared: int = 0,
       headline: bool = False, data: tuple[str, ...] = ()) -> Measure:
    den, scale = per_line or ("", 1.0)
    return Measure(name, "rhythm", label, unit, explanation, compute, sample, minimum, higher, den, scale,
                   usually_zero, 200 + len(_DECLARED), compared, headline, data)


_DECLARED: list[Measure] = []


def _declare(*args, **kw) -> None:
    _DECLARED.append(_m(*args, **kw))


PER_100_WORDS = ("words", 100.0)
PER_100_SENTENCES = ("sentences", 100.0)

_declare("mean_sentence_words", lambda t: mean(t.sentence_lengths), "Average sentence length", "words per sentence",
         "How many words a sentence runs, on average.", "sentences", 10, "longer sentences",
         per_line=("sentences", 1.0), compared=1, headline=True)
_declare("median_sentence_words", lambda t: median(t.sentence_lengths), "Typical sentence length",
         "words per sentence", "The middle sentence length: half the sentences are shorter, half longer.",
         "sentences", 10, "longer sentences")
_declare("sd_sentence_words", lambda t: sd(t.sentence_lengths), "Spread of sentence lengths", "words",
         "How far sentence lengths stray from the average (standard deviation).", "sentences", 10, "more varied")
_declare("cv_sentence_words", lambda t: cv(t.sentence_lengths), "Variety of sentence length", "ratio",
         "Spread divided by the average: near 0 is a steady beat, near 1 lurches between long and short.",
         "sentences", 10, "more varied", headline=True)
_declare("mean_utterance_words", lambda t: mean(t.utterance_words), "Words per speech", "words",
         "How many words the character says each time they speak.", "utterances", 5, "longer speeches",
         per_line=("utterances", 1.0), compared=2, headline=True)
_declare("mean_utterance_sentences", lambda t: mean(t.utterance_sentences), "Sentences per speech", "sentences",
         "How many sentences the character says each time they speak.", "utterances", 5, "longer speeches",
         per_line=("utterances", 1.0))
_declare("share_of_words", lambda t: share(t.words, t.total_words), "Share of the talk (words)", "share (0-1)",
         "The part of all the dialogue's words this character says (for the narration: its part of the scene).",
         "words", 0, "talks more")
_declare("share_of_turns", lambda t: share(t.utterances, t.total_turns), "Share of the talk (turns)",
         "share (0-1)", "The part of all speeches that are this character's.", "utterances", 0,
         "speaks more often")
_declare("fragments_per_100_sentences", lambda t: per(t.fragments, t.sentences), "Fragments", "per 100 sentences",
         "Sentences with no verb (\"Together.\" \"Just us?\").", "sentences", 20, "more fragments",
         per_line=PER_100_SENTENCES, compared=5, headline=True)
_declare("questions_per_100_sentences", lambda t: per(t.ends["question"], t.sentences), "Questions",
         "per 100 sentences", "Sentences that end in a question mark.", "sentences", 20, "asks more",
         per_line=PER_100_SENTENCES, compared=3, headline=True)
_declare("exclamations_per_100_sentences", lambda t: per(t.ends["exclamation"], t.sentences), "Exclamations",
         "per 100 sentences", "Sentences that end in an exclamation mark.", "sentences", 20, "exclaims more",
         per_line=PER_100_SENTENCES, compared=4, headline=True)
_declare("trailing_per_100_sentences", lambda t: per(t.ends["trailing"], t.sentences), "Trailing off",
         "per 100 sentences", "Sentences that end in an ellipsis (… or ...).", "sentences", 20, "trails off more",
         per_line=PER_100_SENTENCES, usually_zero=True, compared=6, headline=True)
_declare("interruptions_per_100_sentences", lambda t: per(t.ends["interrupted"], t.sentences), "Cut off",
         "per 100 sentences", "Sentences that end in a dash: broken off or interrupted.", "sentences", 20,
         "cut off more", per_line=PER_100_SENTENCES, usually_zero=True, headline=True)
_declare("ellipses_per_100_words", lambda t: per(t.ellipses, t.words), "Ellipses", "per 100 words",
         "Every … or ..., at the end of a sentence or inside it.", "words", 100, "more pauses",
         per_line=PER_100_WORDS, usually_zero=True, compared=7)
_declare("dashes_per_100_words", lambda t: per(t.dashes, t.words), "Dashes", "per 100 words",
         "Every dash that breaks a sentence (—, –, --, or a spaced hyphen).", "words", 100, "more breaks",
         per_line=PER_100_WORDS, usually_zero=True, compared=8)
_declare("stutters_per_100_words", lambda t: per(t.stutters, t.words), "Stutters", "per 100 words",
         "Hyphenated stutters such as \"I-I\" or \"y-you\".", "words", 100, "stutters more",
         per_line=PER_100_WORDS, usually_zero=True, compared=9, headline=True)
_declare("false_starts_per_100_words", lambda t: per(t.false_starts, t.words), "False starts", "per 100 words",
         "A word said twice in a row, maybe with a filler between (\"I...I didn't\", \"I, uh, I\").", "words",
         100, "restarts more", per_line=PER_100_WORDS)
_declare("fillers_per_100_words", lambda t: per(t.fillers, t.words), "Fillers", "per 100 words",
         "Um, uh, ah, hmm, and a set-off well, like, I mean, you know.", "words", 100, "more fillers",
         per_line=PER_100_WORDS, compared=10, headline=True)
_declare("hesitations_per_100_words", lambda t: per(t.ellipses + t.stutters + t.false_starts + t.fillers, t.words),
         "All hesitations", "per 100 words", "Ellipses, stutters, false starts and fillers together.", "words", 100,
         "more hesitant", per_line=PER_100_WORDS)
_declare("monosyllable_share", lambda t: share(t.monosyllables, t.words), "One-syllable words", "share (0-1)",
         "The share of words with a single syllable: plain, punchy talk runs high.", "words", 50, "plainer words",
         per_line=("words", 1.0), headline=True, data=SYLLABLES)
_declare("syllables_per_word", lambda t: share(t.readability.syllables, t.words), "Syllables per word",
         "syllables", "Average syllables per word.", "words", 50, "longer words", per_line=("words", 1.0),
         data=SYLLABLES)
_declare("stressed_syllable_share", lambda t: share(t.stressed, t.stress_syllables), "Stressed syllables",
         "share (0-1)",
         "The share of syllables that carry stress (by the pronunciation dictionary; small words like \"the\" "
         "and \"to\" read light): blunt talk in heavy words runs high, chatty or Latinate talk runs low.",
         "words", 50, "heavier beat", data=STRESS)

MEASURES: tuple[Measure, ...] = tuple(_DECLARED)
"""The rhythm measures, declared once, in the order profiles show them (see
:class:`workshop.voice.metrics.measure.Measure`)."""
