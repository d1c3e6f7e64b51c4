"""The word lists behind the diction and rhythm counts, read from ``workshop/data/lexicons/*.txt``.

Each file has one entry per line; ``#`` starts a comment (read by :mod:`workshop.files.word_lists`, as every
word list of the kit). An entry of several words is a phrase, matched as
whole words in order. An entry ending in ``*`` matches any word that starts with what comes before the star.
See ``workshop/data/lexicons/README.md`` for how an instructor extends them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workshop.files.word_lists import packaged_word_list

NAMES = (
    "hedges",
    "fillers",
    "fillers_set_off",
    "intensifiers",
    "certainty",
    "profanity_mild",
    "profanity_strong",
    "titles",
    "endearments",
    "contractions_informal",
    "function_words",
    "abbreviations",
    "verbs_common",
)


@dataclass(frozen=True)
class Lexicon:
    """A word list: single words, prefixes (``damn*``) and phrases (``kind of``)."""

    name: str
    words: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: tuple[str, ...]

    def has_word(self, word: str) -> bool:
        """Whether one (lower-case) word is on the list, as itself or by a ``*`` prefix."""
        return word in self.words or (bool(self.prefixes) and word.startswith(self.prefixes))

    @property
    def entries(self) -> tuple[str, ...]:
        return tuple(sorted(self.words)) + tuple(p + "*" for p in self.prefixes) + self.phrases


def _read(name: str) -> tuple[str, ...]:
    return packaged_word_list("lexicons", f"{name}.txt")


@lru_cache(maxsize=None)
def lexicon(name: str) -> Lexicon:
    """Load one lexicon by file name (without ``.txt``)."""
    words: set[str] = set()
    prefixes: list[str] = []
    phrases: list[str] = []
    for entry in _read(name):
        if " " in entry:
            phrases.append(entry)
        elif entry.endswith("*") and len(entry) > 1:
            prefixes.append(entry[:-1])
        else:
            words.add(entry)
    single = Lexicon(name, frozenset(words), tuple(prefixes), ())
    # A phrase holding a single-word entry of the same list would be counted twice: keep the word only.
    kept = tuple(p for p in phrases if not any(single.has_word(w) for w in p.split()))
    return Lexicon(name, frozenset(words), tuple(prefixes), kept)


@lru_cache(maxsize=None)
def pronouns() -> dict[str, str]:
    """``word -> group`` (first_singular, first_plural, second, third) from ``pronouns.txt``."""
    table: dict[str, str] = {}
    for entry in _read("pronouns"):
        group, _, word = entry.partition(" ")
        if word:
            table[word.strip()] = group
    return table


PHRASE_LEXICONS = ("hedges", "intensifiers", "certainty", "profanity_mild", "profanity_strong")


@lru_cache(maxsize=1)
def phrase_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every multi-word entry of the phrase lexicons, and ``phrase -> lexicon name``."""
    owner: dict[str, str] = {}
    for name in PHRASE_LEXICONS:
        for phrase in lexicon(name).phrases:
            owner.setdefault(phrase, name)
    if not owner:
        return re.compile(r"(?!x)x"), owner
    alternatives = "|".join(re.escape(p) for p in sorted(owner, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w'])"), owner


@lru_cache(maxsize=8)
def set_off_pattern(name: str) -> re.Pattern[str]:
    """A regex for every entry (words and phrases) of a lexicon, matched as whole words."""
    lex = lexicon(name)
    entries = sorted(set(lex.words) | set(lex.phrases), key=len, reverse=True)
    if not entries:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(e) for e in entries) + r")(?![\w'])")
