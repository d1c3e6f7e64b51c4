"""Dialogue-aware sentences, words and syllables: known answers worked out by hand."""

from __future__ import annotations

import pytest

from workshop.voice.units import is_contraction, is_fragment, resolve_stutter, split_sentences, syllables, word_tokens


def ends(text):
    return [(s.text, s.end) for s in split_sentences(text)]


def test_short_dialogue_sentences_are_kept():
    # textstat counts this as one sentence; a reader hears three.
    assert ends("No. Why not? Because.") == [("No.", "statement"), ("Why not?", "question"), ("Because.", "statement")]


def test_unspaced_ellipsis_is_a_pause_spaced_one_before_a_capital_ends_the_sentence():
    assert ends("Oh...I, uh, I didn't realize.") == [("Oh...I, uh, I didn't realize.", "statement")]
    assert ends("you didn't want... I just meant…that you never, uh….") == [
        ("you didn't want...", "trailing"),
        ("I just meant…that you never, uh….", "trailing"),
    ]
    assert ends("The kind that seems normal, but when you wake…") == [
        ("The kind that seems normal, but when you wake…", "trailing")
    ]
    assert ends("...Oh.") == [("...Oh.", "statement")]


def test_interruption_question_exclamation_and_open_endings():
    assert ends("I was going to--") == [("I was going to--", "interrupted")]
    assert ends("But I can't ever—") == [("But I can't ever—", "interrupted")]
    assert ends("Are you out of your mind?! Yes!") == [
        ("Are you out of your mind?!", "question"),
        ("Yes!", "exclamation"),
    ]
    assert ends("No, I mean,") == [("No, I mean,", "open")]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert [s.text for s in split_sentences("Mr. Darcy came. J. K. Rowling wrote it.")] == [
        "Mr. Darcy came.",
        "J. K. Rowling wrote it.",
    ]


def test_segments_of_one_utterance():
    # A new segment in capitals starts a new sentence; one in lower case carries the sentence on.
    assert [s.text for s in split_sentences(["No, I mean,", "Us. Why?"])] == ["No, I mean,", "Us.", "Why?"]
    assert [s.text for s in split_sentences(["I think,", "you should go."])] == ["I think, you should go."]


def test_dashes_separate_words_hyphens_join_them():
    assert word_tokens("listen—you") == ["listen", "you"]
    assert word_tokens("listen--you") == ["listen", "you"]
    assert word_tokens("bed - they") == ["bed", "they"]
    assert word_tokens("a sling-shot, good-old-fashioned") == ["a", "sling-shot", "good-old-fashioned"]
    assert word_tokens("Didn\u2019t") == ["didn't"]


@pytest.mark.parametrize(
    "token, expected",
    [("I-I", ("i", 1)), ("y-you", ("you", 1)), ("a-about", ("about", 1)), ("I-I-I'm", ("i'm", 2)),
     ("sling-shot", ("sling-shot", 0)), ("re-read", ("re-read", 0)), ("co-conspirator", ("co-conspirator", 0))],
)  # fmt: skip
def test_stutters(token, expected):
    assert resolve_stutter(token) == expected


def test_stutter_is_one_word_with_a_count():
    [s] = split_sentences("I-I'm sure y-you know.")
    assert s.words == ("i'm", "sure", "you", "know")
    assert s.stutters == 2


@pytest.mark.parametrize(
    "word, n",
    [("hmm", 1), ("i", 1), ("cat", 1), ("happy", 2), ("nobody", 3), ("everybody", 4), ("didn't", 2),
     ("sling-shot", 2), ("megalomaniacal", 6)],
)  # fmt: skip
def test_syllables(word, n):
    assert syllables(word) == n


def test_syllables_of_unknown_words_fall_back_to_hyphenation():
    # Not in the CMU dictionary: Pyphen hyphenates "zor-blat-ting" and "flim-ber-ton".
    assert syllables("zorblatting") == 3
    assert syllables("flimberton") == 3
    assert syllables("") == 0


def test_contractions():
    assert is_contraction("don't") and is_contraction("i'm") and is_contraction("it's") and is_contraction("gonna")
    assert not is_contraction("clint's") and not is_contraction("cat")


def test_fragments():
    frag = {s.text: is_fragment(s) for s in split_sentences("Together. Just us? The Red Room. I like you. He chuckled.")}
    assert frag == {"Together.": True, "Just us?": True, "The Red Room.": True, "I like you.": False,
                    "He chuckled.": False}  # fmt: skip


def test_apostrophe_lookalikes():
    assert word_tokens("Don\u02bct go. I`m here. It\u00b4s \u2018em.") == ["don't", "go", "i'm", "here", "it's", "'em"]
