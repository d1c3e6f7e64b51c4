"""Sentiment from vaderSentiment (the PyPI package, lexicon included; not NLTK's copy, which needs nltk_data).

VADER gives each text a compound score from -1 (very negative) to +1 (very positive); it was built for short,
informal texts, which suits lines of dialogue. Scores are cached per text, so resampling utterances (the
comparisons' bootstrap) costs nothing extra.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=65536)
def compound(text: str) -> float:
    """VADER's compound score of ``text`` in [-1, 1]; 0.0 for text with no words."""
    if not text.strip():
        return 0.0
    return float(analyzer().polarity_scores(text)["compound"])
