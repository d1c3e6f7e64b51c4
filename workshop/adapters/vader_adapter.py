"""Sentiment from vaderSentiment (the PyPI package, lexicon included; not NLTK's copy, which needs nltk_data).

VADER gives each text a compound score from -1 (very negative) to +1 (very positive); it was built for short,
informal texts, which suits lines of dialogue. Scores are cached per text, so resampling utterances (the
comparisons' bootstrap) costs nothing extra.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # (lazy: only once sentiment is asked for)

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=131072)
def compound(text: str) -> float:
    """VADER's compound score of ``text`` in [-1, 1]; 0.0 for text with no words.

    VADER's cost grows with the square of a text's length, so score sentences (as its authors advise), not
    whole paragraphs: :func:`mean_compound` does that.
    """
    if not text.strip():
        return 0.0
    return float(analyzer().polarity_scores(text)["compound"])


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """Every word VADER gives a feeling to (lower case)."""
    return frozenset(analyzer().lexicon)


def sentence_compound(text: str, words: tuple[str, ...]) -> float:
    """Compound score of one sentence whose lower-case words are ``words``.

    A sentence with none of VADER's lexicon words (and no emoticon characters) scores exactly 0 in VADER, so it
    is not sent through it: that skips most sentences and halves the time on a novel.
    """
    if lexicon_words().isdisjoint(words) and not any(ch in text for ch in ":;=<>^"):
        return 0.0
    return compound(text)


def mean_compound(sentences) -> float:
    """The mean compound score of a speech's sentences (objects with ``text`` and ``words``); 0.0 for none."""
    scores = [sentence_compound(s.text, s.words) for s in sentences]
    return sum(scores) / len(scores) if scores else 0.0
