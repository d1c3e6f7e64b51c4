"""Word rarity from wordfreq (frequency lists shipped inside the wheel; nothing is downloaded).

The unit is the Zipf scale: log10 of a word's frequency per billion words. 7 is "the", 6 "house"-level common
words, 3 is about once per million words, 0 means wordfreq does not know the word.

wordfreq stores English as about 800 frequency bands ("buckets"): the words of bucket ``i`` have the frequency
``10 ** (-i / 100)``. Importing wordfreq and expanding its list into a dictionary takes about 0.2 s, a good part
of a first profile, so the band of every word is saved once as plain text in the kit's cache directory (one
line per band; see :mod:`workshop.files.cache`) and read from there afterwards without importing wordfreq.
Only words outside the two shapes below (digits, capitals, a leading apostrophe...) still go through
``wordfreq.zipf_frequency`` itself.
"""

from __future__ import annotations

import importlib.util
import math
import re
from functools import lru_cache
from pathlib import Path

from workshop.files.cache import cached_table, cached_text

RARE_ZIPF = 3.0
"""Words below this Zipf value (rarer than about once in a million words) count as rare."""


_SIMPLE = re.compile(r"[a-z]+(?:'[a-z]+)*")
_COMPOUND = re.compile(r"'?[a-z]+(?:'s)?(?:-[a-z]+(?:'s)?)*")
"""Other words wordfreq's tokenizer splits simply, at the hyphens and after a leading apostrophe: "to-morrow",
"brother-in-law's", "'tis" (checked against wordfreq on every such word of the twelve PDNC novels). Other
apostrophes it may split differently ("good-b'ye" is good + b + ye), so they go through wordfreq itself."""


def _pieces(word: str) -> list[str]:
    """``"'tis" -> ["tis"]``, ``"brother-in-law's" -> ["brother", "in", "law's"]``."""
    return word.lstrip("'").split("-")


_UNKNOWN_FREQ = 1e-9
"""The frequency wordfreq's ``zipf_frequency`` falls back to when a piece is unknown (Zipf 0)."""


def _sources() -> list[Path]:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return []
    return sorted((Path(list(spec.submodule_search_locations)[0]) / "data").glob("*_en.msgpack.gz"))


def _band_lines() -> str:
    """wordfreq's English list as text: line ``i`` holds the words of band ``i``, separated by spaces."""
    from wordfreq import get_frequency_list  # (lazy: 0.4 s to import; only when the cached table is built)

    return "\n".join(" ".join(w for w in band if w.split() == [w]) for band in get_frequency_list("en"))


@lru_cache(maxsize=1)
def bands() -> dict[str, int]:
    """``word -> band``: the word's frequency is ``10 ** (-band / 100)``. A word listed in two bands keeps the
    later one, as in ``wordfreq.get_frequency_dict``."""
    table: dict[str, int] = {}
    for band, line in enumerate(cached_text("wordfreq-en.txt", _sources(), _band_lines).split("\n")):
        if line:
            table.update(dict.fromkeys(line.split(" "), band))
    return table


def _number_lines() -> str:
    """``word zipf`` lines for the numbers a novel is full of (0-999 with any leading zeros, the years 1000-2099,
    ordinals 0th-999th), as ``wordfreq.zipf_frequency`` scores them: it estimates digits with a model of its own,
    so asking it once, when the cache is built, is the only way to have its exact answers without loading it."""
    from wordfreq import zipf_frequency  # (lazy: 0.4 s to import; only when the cached table is built)

    numbers = [f"{n:0{width}d}" for width in (1, 2, 3) for n in range(10**width)]
    numbers += [str(year) for year in range(1000, 2100)]
    numbers += [f"{n}{suffix}" for n in range(1000) for suffix in ("st", "nd", "rd", "th")]
    return "\n".join(f"{word} {zipf_frequency(word, 'en')!r}" for word in numbers)


@lru_cache(maxsize=1)
def numbers() -> dict[str, float]:
    """``number -> Zipf`` for the numbers of :func:`_number_lines` (read from the cache)."""
    return cached_table("wordfreq-en-numbers.txt", _sources(), _number_lines, _parse_numbers)


def _parse_numbers(body: str) -> dict[str, float]:
    """``word zipf`` lines back into a table; a non-number (or a word without one) raises ValueError, and the
    cache rebuilds the table."""
    fields = body.split()
    if len(fields) % 2:
        raise ValueError("a number without its frequency")
    return dict(zip(fields[0::2], map(float, fields[1::2])))


def _frequency(band: int) -> float:
    return 10 ** (-band / 100)  # wordfreq's cB_to_freq(-band)


def _compound_zipf(parts: list[str]) -> float:
    """What ``wordfreq.zipf_frequency`` gives for hyphen-joined plain words, without loading wordfreq: the
    pieces' frequencies combine as 1/f = 1/f1 + 1/f2 + ..., rounded to three significant figures, and any
    unknown piece makes the whole unknown. (The tests check it against wordfreq itself.)"""
    table = bands()
    one_over = 0.0
    for part in parts:
        band = table.get(part)
        if band is None:
            return round(math.log(_UNKNOWN_FREQ, 10) + 9, 2)
        one_over += 1.0 / _frequency(band)
    freq = max(1.0 / one_over, _UNKNOWN_FREQ)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


@lru_cache(maxsize=131072)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0.0 if unknown), rounded to 2 decimals as wordfreq does.

    A plain lower-case word is looked up directly in wordfreq's frequency bands (about 40x faster than
    ``zipf_frequency``, which tokenizes its input first; the tests check they agree); hyphen-joined plain words
    (and the other shapes of ``_COMPOUND``) are combined as wordfreq combines them; common numbers come from
    :func:`numbers`; anything else (long numbers, capitals, other scripts) goes through
    ``wordfreq.zipf_frequency``, which loads wordfreq's own table (about 0.2 s, once).
    """
    if _SIMPLE.fullmatch(word):
        band = bands().get(word)
        return round(math.log10(_frequency(band)) + 9.0, 2) if band is not None else 0.0
    if _COMPOUND.fullmatch(word):
        return _compound_zipf(_pieces(word))
    if word[:1].isdigit() and word in numbers():
        return numbers()[word]
    from wordfreq import zipf_frequency  # (lazy: 0.4 s to import; only for a word the cached tables lack)

    return float(zipf_frequency(word, "en"))
