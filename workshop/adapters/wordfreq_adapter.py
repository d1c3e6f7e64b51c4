"""Word rarity from wordfreq (frequency lists shipped inside the wheel; nothing is downloaded).

The unit is the Zipf scale: log10 of a word's frequency per billion words. 7 is "the", 6 "house"-level common
words, 3 is about once per million words, 0 means wordfreq does not know the word.
"""

from __future__ import annotations

from functools import lru_cache

RARE_ZIPF = 3.0
"""Words below this Zipf value (rarer than about once in a million words) count as rare."""


@lru_cache(maxsize=131072)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0.0 if unknown)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))
