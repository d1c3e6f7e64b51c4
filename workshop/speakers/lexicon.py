"""The word lists attribution reads (speech verbs, descriptive nouns, titles), loaded once from
``workshop/data/attribution/`` and compiled into regular expressions. The speech verbs are the text layer's
(:mod:`workshop.text.speech_verbs`: finding quotes needs the verbs too).

The lists are plain text an instructor can edit: one entry per line, ``#`` starts a comment (read by
:mod:`workshop.files.word_lists`, as every word list of the kit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from workshop.files.word_lists import packaged_word_list
from workshop.text.speech_verbs import all_forms, inflections, speech_verbs

__all__ = ["Lexicon", "inflections", "lexicon"]


def _lines(name: str) -> tuple[str, ...]:
    return packaged_word_list("attribution", name)


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]
    nouns: dict[str, str]
    titles: dict[str, str]
    object_verbs: frozenset[str] = frozenset()
    """Speech verbs that are no tag when an object follows them ("finished her song"): object_verbs.txt."""
    people: dict[str, str] = field(default_factory=dict)
    """Every noun for a person a tag may use, with its pronoun: the everyday ones of ``nouns`` and the nouns of
    work and rank of role_nouns.txt ("mariner", "policeman")."""


@lru_cache(maxsize=1)
def listener_verbs() -> tuple[str, ...]:
    """The verbs whose object is the one spoken to ("asked Tom", "told Harriet"), as written in the narration:
    listener_verbs.txt, in file order (the tag and lead-in patterns of the attribution are built from it)."""
    return _lines("listener_verbs.txt")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the word lists (cached: the files are read once per process)."""
    nouns: dict[str, str] = {}
    for entry in _lines("descriptive_nouns.txt"):
        parts = entry.split()
        if len(parts) >= 2:
            nouns[parts[0].lower()] = parts[1].lower()
    titles: dict[str, str] = {}
    for entry in _lines("titles.txt"):
        parts = entry.split()
        if len(parts) >= 2:
            titles[parts[0].rstrip(".").lower()] = parts[1].lower()
    people: dict[str, str] = {}
    for entry in _lines("role_nouns.txt"):
        parts = entry.split()
        if len(parts) >= 2:
            people[parts[0].lower()] = parts[1].lower()
    people.update(nouns)
    return Lexicon(speech_verbs(), nouns, titles, all_forms("attribution", "object_verbs.txt"), people)
