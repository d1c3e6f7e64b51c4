"""Hyphenation points from Pyphen (LibreOffice's hyphenation patterns, shipped in the wheel).

Used as the fallback syllable count for words the pronunciation dictionary does not know (names, coinages,
dialect spellings): syllables = hyphenation points + 1. Pyphen never splits a short word, so this undercounts
some rare words; it is a fallback, not the main source.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen  # (lazy: 0.1 s to import, needed only for a word the pronouncing dictionary lacks)

    return pyphen.Pyphen(lang="en_US")


LONGEST_WORD = 45
"""Longer than any word of an English dictionary ("pneumonoultramicroscopicsilicovolcanoconiosis" has 45
letters). Pyphen tries its patterns at every letter, about 10 µs each: a "word" of a million letters (a run with
no space) took 10 s. Longer runs are counted by their groups of vowels instead."""
_VOWEL_GROUP = re.compile(r"[aeiouy]+", re.IGNORECASE)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Hyphenation points + 1 (at least 1 for any word with a letter; 0 for a word with no letter)."""
    if not any(ch.isalpha() for ch in word):
        return 0
    if len(word) > LONGEST_WORD:
        return max(1, len(_VOWEL_GROUP.findall(word)))
    return len(_hyphenator().positions(word.lower())) + 1


def forget_words() -> None:
    """Forget every word already hyphenated: ours and Pyphen's own per-word memo (``HyphDict.cache``), so that
    the speed benchmark times a text the session has not seen. Nothing else needs this."""
    syllables.cache_clear()
    if _hyphenator.cache_info().currsize:
        memo = getattr(getattr(_hyphenator(), "hd", None), "cache", None)
        if isinstance(memo, dict):
            memo.clear()
