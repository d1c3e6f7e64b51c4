"""Readability formulas on hand-counted texts, and a cross-check against textstat on ordinary prose."""

from __future__ import annotations

import math

import pytest

from workshop.adapters.textstat_adapter import easy_words
from workshop.voice.metrics.readability import ReadabilityCounts, count_words, is_familiar, readability
from workshop.voice.profile import profile_texts
from workshop.voice.units import split_sentences


def test_cat_text_by_hand():
    # "The cat sat. It was a happy cat." 2 sentences, 8 words, 9 syllables (hap-py), 23 letters,
    # no word of 3+ syllables, every word on the Dale-Chall list.
    p = profile_texts(["The cat sat. It was a happy cat."], "Cat")
    c = p.counts
    assert (c.sentences, c.words, c.syllables, c.letters) == (2, 8, 9, 23)
    assert (c.polysyllables, c.complex_words, c.difficult_words) == (0, 0, 0)
    r = p.readability
    assert r["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 4 - 84.6 * 9 / 8)  # 107.6
    assert r["flesch_kincaid_grade"] == pytest.approx(0.39 * 4 + 11.8 * 9 / 8 - 15.59)  # -0.755
    assert r["gunning_fog"] == pytest.approx(1.6)
    assert r["smog_index"] == pytest.approx(3.1291)
    assert r["coleman_liau_index"] == pytest.approx(0.0588 * 287.5 - 0.296 * 25 - 15.8)  # -6.295
    assert r["automated_readability_index"] == pytest.approx(4.71 * 23 / 8 + 0.5 * 4 - 21.43)  # -5.88875
    assert r["dale_chall"] == pytest.approx(0.0496 * 4)


def test_polysyllables_complex_and_familiar_words():
    # "Everybody laughed. Nobody cried." every-bod-y (4) laughed (1) no-bod-y (3) cried (1): 9 syllables,
    # 2 polysyllables (SMOG) but 0 complex words (fog), because both are on the Dale-Chall list; "laughed"
    # is not on the list but "laugh" is, so it counts as familiar.
    assert {"everybody", "nobody", "laugh"} <= easy_words() and "laughed" not in easy_words()
    assert is_familiar("laughed")
    p = profile_texts(["Everybody laughed. Nobody cried."], "X")
    assert (p.counts.words, p.counts.syllables, p.counts.polysyllables, p.counts.complex_words) == (4, 9, 2, 0)
    assert p.readability["smog_index"] == pytest.approx(1.043 * math.sqrt(2 * 30 / 2) + 3.1291)  # 8.842
    assert p.readability["gunning_fog"] == pytest.approx(0.4 * 2)


def test_difficult_words_push_dale_chall_over_the_step():
    # 1 difficult word in 4 (25% > 5%): 0.1579 * 25 + 0.0496 * 4 + 3.6365
    p = profile_texts(["The megalomaniacal robot laughed."], "X")
    assert p.counts.difficult_words == 2  # megalomaniacal, robot
    assert p.readability["dale_chall"] == pytest.approx(0.1579 * 50 + 0.0496 * 4 + 3.6365)


def test_empty_counts_give_nan():
    assert all(math.isnan(v) for v in readability(ReadabilityCounts()).values())


PROSE = (
    "The village lay at the foot of a long green hill, and most of its houses faced the river. In the spring "
    "the water rose over the lower fields, and the farmers moved their sheep to higher ground. The children "
    "liked this season best, because the school was closed whenever the bridge was under water. Their parents "
    "worried about the harvest and spent the evenings mending fences and counting the animals. By the middle "
    "of May the river had usually gone back to its bed, leaving a line of mud and broken branches along the "
    "meadows. Then the whole village would walk out together to clear the paths and repair the little wooden "
    "bridge, which every year seemed to need a few more nails than the year before. The old miller always "
    "claimed that he could remember a flood that reached the church door, although nobody else remembered it."
)


def test_cross_check_against_textstat_on_ordinary_prose():
    # On plain prose textstat's assumptions hold: our counts and scores should agree closely with its own.
    from workshop.adapters import textstat_adapter

    ours = profile_texts([PROSE], "Prose", kind="narration")
    theirs_counts = textstat_adapter.counts(PROSE)
    assert ours.counts.sentences == theirs_counts["sentences"] == 7
    assert ours.counts.words == theirs_counts["words"]
    assert abs(ours.counts.syllables - theirs_counts["syllables"]) <= 0.02 * theirs_counts["syllables"]
    theirs = textstat_adapter.scores(PROSE)
    r = ours.readability
    assert r["flesch_reading_ease"] == pytest.approx(theirs["flesch_reading_ease"], abs=2.0)
    assert r["flesch_kincaid_grade"] == pytest.approx(theirs["flesch_kincaid_grade"], abs=0.5)
    assert r["smog_index"] == pytest.approx(theirs["smog_index"], abs=0.5)
    assert r["gunning_fog"] == pytest.approx(theirs["gunning_fog"], abs=0.8)
    # Coleman-Liau: we use the published 0.0588 (textstat 0.058); ARI: we count letters, textstat punctuation too.
    assert r["coleman_liau_index"] == pytest.approx(theirs["coleman_liau_index"], abs=2.5)
    assert r["automated_readability_index"] == pytest.approx(theirs["automated_readability_index"], abs=1.0)
    # Dale-Chall: we treat inflections of familiar words as familiar, textstat does not: ours is lower or equal.
    # (On this prose: 6 difficult words of 149 for us, 4.0%, under the 5% step; textstat counts "houses",
    # "farmers", "moved"... as difficult and lands above the step.)
    assert r["dale_chall"] <= theirs["dale_chall_readability_score"] + 1e-9
    assert ours.counts.difficult_words == 6
    # Flesch, Flesch-Kincaid and SMOG use only sentences, words and syllables, which agree exactly here.
    assert r["flesch_reading_ease"] == pytest.approx(theirs["flesch_reading_ease"], abs=1e-6)
    assert r["smog_index"] == pytest.approx(theirs["smog_index"], abs=1e-6)


def test_textstat_miscounts_dialogue_and_we_do_not():
    from workshop.adapters import textstat_adapter

    text = "No. Why not? Because. Hmm… Listen—you."
    assert textstat_adapter.counts(text)["sentences"] <= 2  # the short sentences are dropped
    assert len(split_sentences(text)) == 5
    assert count_words([("hmm", 1)], 1).syllables == 1
