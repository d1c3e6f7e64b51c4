"""Sentence rhythm and hesitations, on utterances worked out by hand."""

from __future__ import annotations

import math

import pytest

from workshop.voice.metrics.rhythm import cv, false_starts, mean, median, sd
from workshop.voice.profile import profile_texts


def test_statistics():
    assert mean([2, 4, 6]) == 4 and median([1, 9, 2]) == 2
    assert sd([2, 4, 6]) == pytest.approx(2.0)  # sample sd: sqrt((4 + 0 + 4) / 2)
    assert cv([2, 4, 6]) == pytest.approx(0.5)
    assert math.isnan(sd([3])) and math.isnan(mean([]))


def test_false_starts():
    fillers = frozenset({"uh", "um"})
    assert false_starts("i uh i didn't".split(), fillers) == 1
    assert false_starts("i i didn't".split(), fillers) == 1
    assert false_starts("i didn't i".split(), fillers) == 0


HESITANT = [
    "Oh...I, uh, I didn't realize you were waiting.",  # 9 words; 1 sentence; 1 ellipsis; oh, uh; I, uh, I
    "But...you are an Avenger. I mean, you're here, aren't you?",  # 5 + 6 words; 1 question; "I mean,"
    "I-I'm sure he'll get over it.",  # 6 words; stutter
    "No.",  # 1 word
    "Well, maybe…",  # 2 words; set-off "Well,"; trails off
]


def test_rhythm_by_hand():
    p = profile_texts(HESITANT, "Bruce")
    r = p.rhythm
    assert p.words == 29 and p.sentences == 6 and p.utterances == 5
    assert r["sentence_words"] == [9, 5, 6, 6, 1, 2]
    assert r["mean_sentence_words"] == pytest.approx(29 / 6)
    assert r["median_sentence_words"] == pytest.approx(5.5)
    c = r["counts"]
    assert c["questions"] == 1 and c["trailing"] == 1 and c["interruptions"] == 0
    assert c["ellipses"] == 3  # Oh... / But... / maybe…
    assert c["stutters"] == 1
    assert c["false_starts"] == 1
    assert c["fillers"] == 4  # uh, "Oh..." (set off by the ellipsis), "I mean,", "Well,"
    assert r["questions_per_100_sentences"] == pytest.approx(100 / 6)
    assert r["fillers_per_100_words"] == pytest.approx(400 / 29)
    assert r["ellipses_per_100_words"] == pytest.approx(300 / 29)
    assert r["hesitations_per_100_words"] == pytest.approx(100 * (3 + 1 + 1 + 4) / 29)
    assert r["mean_utterance_words"] == pytest.approx(29 / 5)
    assert r["mean_utterance_sentences"] == pytest.approx(6 / 5)
    assert c["fragments"] == 2  # "No." and "Well, maybe…"


def test_exclamations_are_not_fillers():
    counts = [profile_texts([t], "X").rhythm["counts"]["fillers"] for t in ("Oh! I am glad.", "Well!", "Oh.",
                                                                              "Oh...I see.", "Oh, I see.")]
    assert counts == [0, 0, 0, 1, 1]


def test_fillers_only_when_set_off():
    # "You know I have to leave" is not a filler; "It's, you know, hard" is. "like" as a verb is not.
    assert profile_texts(["You know I have to leave. I like you."], "X").rhythm["counts"]["fillers"] == 0
    assert profile_texts(["It's, you know, hard."], "X").rhythm["counts"]["fillers"] == 1


def test_dashes_and_interruptions():
    p = profile_texts(["I'm not - I never went in for this.", "But I can't ever—"], "X")
    c = p.rhythm["counts"]
    assert c["dashes"] == 2 and c["interruptions"] == 1
    assert p.rhythm["interruptions_per_100_sentences"] == pytest.approx(50.0)


def test_share_of_talk_and_syllables():
    # 4 words, 4 syllables: every word one syllable.
    p = profile_texts(["I know you do."], "X", total_words=16, total_turns=4)
    assert p.rhythm["share_of_words"] == pytest.approx(0.25) and p.rhythm["share_of_turns"] == pytest.approx(0.25)
    assert p.rhythm["monosyllable_share"] == 1.0 and p.rhythm["syllables_per_word"] == 1.0


def test_stress_share_from_the_pronunciation_dictionary():
    # banana = B AH0 N AE1 N AH0 (1 stressed of 3)
    p = profile_texts(["Banana."], "X")
    assert p.rhythm["stressed_syllable_share"] == pytest.approx(1 / 3)


def test_beat_reads_one_syllable_function_words_unstressed():
    from workshop.voice.profile import scansion

    # the/x world/ just/x saw/ the/x Hulk/ -- "the" and "just" are on the function-word list, so they are light
    assert scansion(("the", "world", "just", "saw", "the", "hulk")) == "x / x / x /"
    assert scansion(("water", "zorblatting")) == "/x ?"
    p = profile_texts(["The world just saw the Hulk."], "Bruce")
    assert p.rhythm["stressed_syllable_share"] == pytest.approx(3 / 6)
    assert p.rhythm["beat_examples"] == [{"sentence": "The world just saw the Hulk.", "beat": "x / x / x /"}]
