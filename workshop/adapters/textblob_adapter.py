"""Parts of speech from textblob's PatternTagger, the one offline English tagger on PyPI (its lexicon ships in
the wheel; NLTK's own tagger needs downloaded data and is never used).

Optional: textblob is not a required dependency. :func:`available` says whether it is installed; the profiles
only tag when asked (``pos=True``), because importing textblob imports NLTK (about a second) and tagging a
novel takes about as long again. Tags are Penn Treebank tags on textblob's own tokens ("didn't" is "did" +
"n't"), grouped into a few classes a writer knows (:data:`COARSE`).
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from functools import lru_cache

COARSE = {
    "NN": "noun", "NNS": "noun", "NNP": "noun", "NNPS": "noun",
    "VB": "verb", "VBD": "verb", "VBG": "verb", "VBN": "verb", "VBP": "verb", "VBZ": "verb", "MD": "verb",
    "JJ": "adjective", "JJR": "adjective", "JJS": "adjective",
    "RB": "adverb", "RBR": "adverb", "RBS": "adverb", "WRB": "adverb",
    "PRP": "pronoun", "PRP$": "pronoun", "WP": "pronoun", "WP$": "pronoun", "EX": "pronoun",
    "IN": "preposition", "TO": "preposition",
    "DT": "determiner", "PDT": "determiner", "WDT": "determiner",
    "CC": "conjunction",
    "UH": "interjection",
    "CD": "number",
}  # fmt: skip
"""Penn Treebank tag -> class. Tags not listed (punctuation, symbols, foreign words) are not counted."""

CLASSES = ("noun", "verb", "adjective", "adverb", "pronoun", "preposition", "determiner", "conjunction",
           "interjection", "number")  # fmt: skip


def available() -> bool:
    """Whether textblob is installed (checked without importing it)."""
    return importlib.util.find_spec("textblob") is not None


@lru_cache(maxsize=1)
def _tagger():
    from textblob.en.taggers import PatternTagger  # (lazy: optional extra "pos", 1.3 s to import)

    return PatternTagger()


def tag(text: str) -> list[tuple[str, str]]:
    """``[(token, Penn tag), ...]`` for ``text``."""
    if not text.strip():
        return []
    return [(str(w), str(t)) for w, t in _tagger().tag(text)]


@lru_cache(maxsize=65536)
def coarse_counts(text: str) -> tuple[tuple[str, int], ...]:
    """How many tokens of ``text`` fall in each class of :data:`CLASSES` (classes with none left out)."""
    counts = Counter(COARSE[t] for _w, t in tag(text) if t in COARSE)
    return tuple(sorted(counts.items()))
