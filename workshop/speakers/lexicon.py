"""The word lists attribution reads (speech verbs, descriptive nouns, titles), loaded once from
``workshop/data/attribution/`` and compiled into regular expressions.

The lists are plain text an instructor can edit: one entry per line, ``#`` starts a comment (read by
:mod:`workshop.files.word_lists`, as every word list of the kit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from workshop.files.word_lists import packaged_word_list


def _lines(name: str) -> tuple[str, ...]:
    return packaged_word_list("attribution", name)


def inflections(verb: str) -> set[str]:
    """The base form of a verb with its -s, -ed and -ing forms (regular English spelling rules).

    A verb with a particle ("shoot back") inflects its first word only. Irregular past forms are listed in the
    data file itself.
    """
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = {head}
    if head.endswith("e"):
        forms |= {head + "s", head + "d", head[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", head):
        forms |= {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif re.search(r"(?:s|sh|ch|x|z)$", head):
        forms |= {head + "es", head + "ed", head + "ing"}
    else:
        forms |= {head + "s", head + "ed", head + "ing"}
        if re.search(r"(?:^|[^aeiou])[aeiou][bdgmnpt]$", head) and len(head) <= 5:
            forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}
    return {f + tail for f in forms}


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
def lexicon() -> Lexicon:
    """Load the word lists (cached: the files are read once per process)."""
    verbs: set[str] = set()
    for entry in _lines("speech_verbs.txt"):
        verbs |= inflections(entry.lower())
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
    object_verbs: set[str] = set()
    for entry in _lines("object_verbs.txt"):
        object_verbs |= inflections(entry.lower())
    people: dict[str, str] = {}
    for entry in _lines("role_nouns.txt"):
        parts = entry.split()
        if len(parts) >= 2:
            people[parts[0].lower()] = parts[1].lower()
    people.update(nouns)
    return Lexicon(frozenset(verbs), nouns, titles, frozenset(object_verbs), people)
