"""Word choice: lexical diversity, word length and rarity, and the lexicon-based rates.

* MTLD (McCarthy & Jarvis 2010): walk through the words keeping the type-token ratio of the stretch so far;
  each time it falls to 0.72 a "factor" is complete and a new stretch starts; the leftover counts as a part
  factor ((1 - TTR) / (1 - 0.72)). MTLD = words / factors, averaged over a forward and a backward pass.
  Roughly: how many words a speaker goes before starting to repeat themselves. Needs about 100 words. Above
  50,000 words (a novel's narration) only the forward pass is made.
* HD-D (McCarthy & Jarvis 2007): for each word type, the chance that it turns up in a random draw of 42 words
  (hypergeometric); HD-D is the sum of those chances divided by 42, a type-token ratio that does not depend on
  length. With fewer than 42 words the draw is the whole text (then it equals the type-token ratio).
* Type-token ratio: distinct words / words. It falls as a text grows, so compare it only between samples of
  the same length.
* Word length: mean letters per word. Rarity: wordfreq's Zipf scale (see
  :mod:`workshop.adapters.wordfreq_adapter`), the mean over words wordfreq knows, and the share of words below
  Zipf 3 (rarer than once in a million words, unknown words included).
* Lexicon rates (hedges, intensifiers, certainty, profanity, pronouns, address, contractions): per 100 words,
  from the lists in ``workshop/data/lexicons``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from workshop.voice.metrics.measure import SENTIMENT, WORD_FREQUENCIES, Compute, Measure, per, share

NAN = float("nan")
MTLD_THRESHOLD = 0.72
HDD_SAMPLE = 42
ONE_PASS_ABOVE = 50_000
"""Above this many words MTLD uses the forward pass only: on Pride and Prejudice (122k words) the two passes
differ by 0.3%, and the backward pass would cost as much again on a novel."""


def _mtld_pass(words: Sequence[str], threshold: float) -> float:
    factors = 0.0
    seen: set[str] = set()
    add = seen.add  # (bound once: this loop runs over every word of a novel)
    count = types = 0
    for w in words:
        count += 1
        if w in seen:
            # Only a repeated word lowers the stretch's type-token ratio, so only then can it reach the threshold.
            if types <= threshold * count:
                factors += 1.0
                seen = set()
                add = seen.add
                count = types = 0
        else:
            add(w)
            types += 1
    if count:
        factors += (1.0 - types / count) / (1.0 - threshold)
    if factors == 0:
        return NAN
    return len(words) / factors


def mtld(words: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of textual lexical diversity (mean of the forward and backward passes); NaN for no words, and
    NaN when no factor is ever completed or begun (every word different and no remainder cannot happen for a
    non-empty text, but all-distinct text gives a part factor of 0: then MTLD is undefined)."""
    if not words:
        return NAN
    fwd = _mtld_pass(words, threshold)
    if len(words) > ONE_PASS_ABOVE:
        return fwd
    bwd = _mtld_pass(words[::-1], threshold)
    if math.isnan(fwd) or math.isnan(bwd):
        return NAN
    return (fwd + bwd) / 2.0


def _log_comb(n: int, k: int) -> float:
    if k < 0 or k > n:
        return -math.inf
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def hdd(counts: Counter[str] | dict[str, int], sample: int = HDD_SAMPLE) -> float:
    """HD-D as a ratio in [0, 1] (see the module docstring); NaN for no words."""
    n = sum(counts.values())
    if n == 0:
        return NAN
    draw = min(sample, n)
    total = 0.0
    denom = _log_comb(n, draw)
    # The chance depends only on how often a type occurs, and most types share a count (half of a novel's
    # words occur once): work it out once per count. Same sum, in the same order, so the same result.
    present_by_count: dict[int, float] = {}
    for k in counts.values():
        present = present_by_count.get(k)
        if present is None:
            # chance the type is absent from the draw: C(n - k, draw) / C(n, draw)
            p_absent = math.exp(_log_comb(n - k, draw) - denom) if n - k >= draw else 0.0
            present = present_by_count[k] = 1.0 - p_absent
        total += present
    return total / draw


def ttr(counts: Counter[str] | dict[str, int]) -> float:
    n = sum(counts.values())
    return len(counts) / n if n else NAN


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values) if values else NAN


def _share_of(moods: Sequence[float], keep) -> float:
    return sum(1 for s in moods if keep(s)) / len(moods) if moods else NAN


_DECLARED: list[Measure] = []

PER_100_WORDS = ("words", 100.0)


def _declare(name: str, compute: Compute, label: str, unit: str, explanation: str, sample: str, minimum: int,
             higher: str, *, order: int, per_line: tuple[str, float] | None = None, usually_zero: bool = False,
             compared: int = 0, headline: bool = False, data: tuple[str, ...] = ()) -> None:
    den, scale = per_line or ("", 1.0)
    _DECLARED.append(Measure(name, "diction", label, unit, explanation, compute, sample, minimum, higher, den, scale,
                             usually_zero, order, compared, headline, data))


def _rate(word_class: str) -> Compute:
    """Words of one class (a lexicon, a pronoun group, contractions) per 100 words."""
    return lambda t: per(t.classes[word_class], t.words)


# (declared in the order profiles show them; ``order`` is the order a writer reads them)
_declare("mtld", lambda t: mtld(t.word_sequence), "Vocabulary range (MTLD)", "words",
         "How many words go by, on average, before the speaker starts repeating words.", "words", 100,
         "wider vocabulary", order=303, headline=True)
_declare("hdd", lambda t: hdd(t.word_counts), "Vocabulary range (HD-D)", "ratio (0-1)",
         "The share of different words expected in any 42 words the speaker says.", "words", 100,
         "wider vocabulary", order=304)
_declare("ttr", lambda t: ttr(t.word_counts), "Different words / all words", "ratio (0-1)",
         "Type-token ratio. It falls as a text gets longer: compare only samples of the same length.", "words",
         100, "more varied words", order=305)
_declare("mean_word_length", lambda t: share(t.readability.letters, t.words), "Word length", "letters per word",
         "Average letters per word.", "words", 50, "longer words", order=300, per_line=("words", 1.0), compared=11,
         headline=True)
_declare("mean_zipf", lambda t: share(t.zipf_sum, t.zipf_known), "Everyday-ness of words", "Zipf (0-8)",
         "How common the words are in English on the Zipf scale: 6 is everyday, 3 is once in a million words.",
         "words", 50, "more common words", order=301, data=WORD_FREQUENCIES)
_declare("rare_word_share", lambda t: share(t.rare, t.words), "Rare words", "share (0-1)",
         "The share of words rarer than once in a million words of English (names and coinages included).",
         "words", 100, "more rare words", order=302, per_line=("words", 1.0), compared=12, headline=True,
         data=WORD_FREQUENCIES)
_declare("contractions_per_100_words", _rate("contraction"), "Contractions", "per 100 words",
         "Don't, I'm, we've, gonna...: how informal the talk is.", "words", 100, "more informal", order=306,
         per_line=PER_100_WORDS, compared=13, headline=True)
_declare("hedges_per_100_words", _rate("hedges"), "Hedges", "per 100 words",
         "Maybe, perhaps, I think, sort of: softening a claim.", "words", 100, "more tentative", order=307,
         per_line=PER_100_WORDS, compared=14, headline=True)
_declare("intensifiers_per_100_words", _rate("intensifiers"), "Intensifiers", "per 100 words",
         "Very, really, totally, absolutely: turning the volume up.", "words", 100, "more emphatic", order=308,
         per_line=PER_100_WORDS, compared=15, headline=True)
_declare("certainty_per_100_words", _rate("certainty"), "Certainty", "per 100 words",
         "Definitely, exactly, of course, never: closing off doubt.", "words", 100, "more certain", order=309,
         per_line=PER_100_WORDS, compared=16, headline=True)
_declare("profanity_per_100_words", lambda t: per(t.classes["profanity_mild"] + t.classes["profanity_strong"], t.words),
         "Swearing", "per 100 words", "Mild and strong swearing together.", "words", 100, "swears more", order=310,
         per_line=PER_100_WORDS, usually_zero=True, compared=17, headline=True)
_declare("profanity_mild_per_100_words", _rate("profanity_mild"), "Mild swearing", "per 100 words",
         "Damn, hell, God, bloody...", "words", 100, "swears more", order=311, per_line=PER_100_WORDS,
         usually_zero=True)
_declare("profanity_strong_per_100_words", _rate("profanity_strong"), "Strong swearing", "per 100 words",
         "What television would bleep.", "words", 100, "swears more", order=312, per_line=PER_100_WORDS,
         usually_zero=True)
_declare("first_person_per_100_words", _rate("first_singular"), "I / me / my", "per 100 words",
         "How much the character talks about themselves.", "words", 100, "more self-focused", order=313,
         per_line=PER_100_WORDS, compared=18, headline=True)
_declare("first_plural_per_100_words", _rate("first_plural"), "We / us / our", "per 100 words",
         "How much the character speaks for a group.", "words", 100, "more \"we\"", order=314,
         per_line=PER_100_WORDS)
_declare("second_person_per_100_words", _rate("second"), "You / your", "per 100 words",
         "How much the character talks to or about the listener.", "words", 100, "more listener-focused",
         order=315, per_line=PER_100_WORDS, compared=19, headline=True)
_declare("third_person_per_100_words", _rate("third"), "He / she / they", "per 100 words",
         "How much the character talks about other people.", "words", 100, "more about others", order=316,
         per_line=PER_100_WORDS)
_declare("address_per_100_words", lambda t: per(t.address, t.words), "Forms of address", "per 100 words",
         "Calling someone by name, title or endearment (\"Natasha,\" \"sir\", \"honey\").", "words", 100,
         "addresses people more", order=317, per_line=PER_100_WORDS, headline=True)
_declare("function_word_share", lambda t: share(t.function_words, t.words), "Function words", "share (0-1)",
         "The share of small grammatical words (the, of, and, I, is...). The full profile of them is a "
         "fingerprint of style.", "words", 500, "more function words", order=318, per_line=("words", 1.0))
_declare("sentiment", lambda t: _mean(t.moods), "Mood (VADER)", "score (-1 to 1)",
         "Average positive or negative feeling of the speeches, sentence by sentence, by the VADER sentiment "
         "lexicon (dialogue only).", "utterances", 10, "more positive", order=319, data=SENTIMENT)
_declare("positive_share", lambda t: _share_of(t.moods, lambda s: s >= 0.05), "Positive speeches", "share (0-1)",
         "The share of speeches VADER scores clearly positive (0.05 or more).", "utterances", 10, "more positive",
         order=320, data=SENTIMENT)
_declare("negative_share", lambda t: _share_of(t.moods, lambda s: s <= -0.05), "Negative speeches", "share (0-1)",
         "The share of speeches VADER scores clearly negative (-0.05 or less).", "utterances", 10,
         "more negative", order=321, data=SENTIMENT)

MEASURES: tuple[Measure, ...] = tuple(_DECLARED)
"""The word-choice measures, declared once (see :class:`workshop.voice.metrics.measure.Measure`)."""
