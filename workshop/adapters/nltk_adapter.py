"""NLTK pieces that work with no downloaded data: Punkt built from our own parameters, and word tokenizers.

Nothing here touches ``nltk_data``: ``nltk.sent_tokenize`` and ``nltk.word_tokenize`` need the ``punkt_tab`` model
and are never called. Importing NLTK takes about a second, so it happens only when one of these functions runs.
The kit's own dialogue-aware splitter (:mod:`workshop.voice.units`) is what the profiles use; Punkt is the
yardstick in the speed benchmark and a second opinion for prose.
"""

from __future__ import annotations

from functools import lru_cache

DEFAULT_ABBREVIATIONS = (
    "mr", "mrs", "ms", "dr", "st", "mt", "jr", "sr", "prof", "rev", "gen", "col", "capt", "lt", "sgt", "gov",
    "vs", "etc", "e.g", "i.e", "no", "vol", "ch", "fig", "inc", "ltd", "co",
)  # fmt: skip


@lru_cache(maxsize=8)
def punkt_tokenizer(abbreviations: tuple[str, ...] | None = DEFAULT_ABBREVIATIONS):
    """A Punkt sentence tokenizer: untrained when ``abbreviations`` is None, else built from ``PunktParameters``
    holding these abbreviations (lower case, no final period)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer  # (lazy: NLTK takes about a second)

    if abbreviations is None:
        return PunktSentenceTokenizer()
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return PunktSentenceTokenizer(params)


def punkt_sentences(text: str, *, abbreviations: tuple[str, ...] | None = DEFAULT_ABBREVIATIONS) -> list[str]:
    """Split ``text`` into sentences with Punkt (no trained model needed)."""
    return list(punkt_tokenizer(abbreviations).tokenize(text))


@lru_cache(maxsize=1)
def _treebank():
    from nltk.tokenize import NLTKWordTokenizer  # (lazy: NLTK takes about a second)

    return NLTKWordTokenizer()


def treebank_words(text: str) -> list[str]:
    """Penn-Treebank-style tokens (``"don't" -> "do", "n't"``), from NLTK's data-free word tokenizer."""
    return list(_treebank().tokenize(text))
