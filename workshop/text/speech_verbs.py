"""The speech verbs ("said", "asked", "shot back"), every form of them.

The verbs are data an instructor can edit (``workshop/data/attribution/speech_verbs.txt``, one base form per line,
the usual endings added here). They live in the text layer because finding quotes needs them as much as naming
speakers does: a short quote straight after "said" is speech, after any other word a quoted title or label
(:mod:`workshop.text.quotes`); :mod:`workshop.speakers.lexicon` reads the same list for the tags.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workshop.files.word_lists import packaged_word_list


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


def all_forms(*path: str) -> frozenset[str]:
    """Every form (see :func:`inflections`) of the verbs of a word-list file, lower-cased."""
    forms: set[str] = set()
    for entry in packaged_word_list(*path):
        forms |= inflections(entry.lower())
    return frozenset(forms)


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Every form of the speech verbs (cached: the file is read once per process)."""
    return all_forms("attribution", "speech_verbs.txt")
