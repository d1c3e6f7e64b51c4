"""Lexical diversity, rarity and the lexicon rates, on texts worked out by hand."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from workshop.voice.metrics.diction import hdd, mtld, ttr
from workshop.voice.profile import profile_texts


def test_mtld_by_hand():
    # a b a: TTR 2/3 = 0.667 <= 0.72 closes a factor; twice over six words, both directions: 6 / 2 = 3.
    assert mtld("a b a b a b".split()) == pytest.approx(3.0)
    # a b a closes one factor; the leftover "b" has TTR 1, a part factor of 0: 4 / 1 = 4.
    assert mtld("a b a b".split()) == pytest.approx(4.0)
    # a b c a: TTR 3/4 = 0.75 never falls to 0.72; part factor (1 - 0.75) / 0.28 = 0.892857: 4 / 0.892857.
    assert mtld("a b c a".split()) == pytest.approx(4 / (0.25 / 0.28))
    assert math.isnan(mtld([]))


def test_hdd_by_hand():
    # Fewer than 42 words: the "draw" is the whole text, so HD-D equals the type-token ratio.
    assert hdd(Counter({"a": 2, "b": 1})) == pytest.approx(2 / 3)
    # 84 words: "x" 42 times and 42 words once each. A single word is missing from a draw of 42 out of 84
    # with chance C(83,42)/C(84,42) = 42/84 = 0.5, so each adds 0.5; "x" is all but certain to appear (adds 1).
    counts = Counter({"x": 42} | {f"w{i}": 1 for i in range(42)})
    assert hdd(counts) == pytest.approx((42 * 0.5 + 1) / 42, abs=1e-9)
    assert math.isnan(hdd(Counter()))


def test_ttr():
    assert ttr(Counter("a a b c".split())) == pytest.approx(3 / 4)


def test_lexicon_rates_by_hand():
    # 18 words. Hedges: maybe, "kind of", I think (3). Intensifiers: really, totally (2). Certainty: definitely (1).
    # Contractions: it's, don't, I'm (3). Mild swearing: damn (1); strong: shit (1).
    # I/me/my: I, I'm, my (3 - "I think" counts its I). You/your: you (1).
    text = "Maybe I think it's kind of really totally definitely damn shit. Don't you see my point? I'm out."
    p = profile_texts([text], "X")
    d = p.diction
    assert p.words == 18
    c = d["counts"]
    assert (c["hedges"], c["intensifiers"], c["certainty"]) == (3, 2, 1)
    assert (c["profanity_mild"], c["profanity_strong"]) == (1, 1)
    assert c["contractions"] == 3  # it's, don't, i'm
    assert c["first_person"] == 3 and c["second_person"] == 1
    assert d["hedges_per_100_words"] == pytest.approx(100 * 3 / 18)
    assert d["profanity_per_100_words"] == pytest.approx(100 * 2 / 18)
    assert d["contractions_per_100_words"] == pytest.approx(100 * 3 / 18)
    assert d["first_person_per_100_words"] == pytest.approx(100 * 3 / 18)


def test_word_length_and_rarity():
    # "the cat" 3 letters each; wordfreq: both everyday (Zipf well above 3); "zorblatting" unknown (Zipf 0, rare).
    p = profile_texts(["The cat zorblatting."], "X")
    assert p.diction["mean_word_length"] == pytest.approx((3 + 3 + 11) / 3)
    assert p.diction["rare_word_share"] == pytest.approx(1 / 3)
    assert p.diction["mean_zipf"] > 5.5  # mean over the known words only


def test_forms_of_address():
    p = profile_texts(["Natasha, I'm sorry.", "Yes, sir. Thank you, honey.", "I saw Natasha today."], "Bruce",
                      names=["Natasha"])  # fmt: skip
    # set off by punctuation: "Natasha," "sir." "honey." ; the last Natasha is a mention, not an address
    assert p.diction["address_terms"] == {"natasha": 1, "sir": 1, "honey": 1}
    # "My dear Lizzy," addresses Lizzy (the endearment leads into the name, which is set off)
    q = profile_texts(["My dear Lizzy, do sit down."], "Mrs. Bennet", names=["Lizzy"])
    assert q.diction["address_terms"] == {"lizzy": 1}


def test_function_word_profile():
    p = profile_texts(["The cat and the dog."], "X")
    fw = p.diction["function_words"]
    assert fw["the"] == pytest.approx(1000 * 2 / 5) and fw["and"] == pytest.approx(200.0)
    assert p.diction["function_word_share"] == pytest.approx(3 / 5)


def test_sentiment_is_vader_per_sentence():
    from workshop.adapters.vader_adapter import analyzer

    happy, sad = "I love this wonderful day.", "This is terrible and I hate it."
    p = profile_texts([happy + " " + sad], "X")
    expected = (analyzer().polarity_scores(happy)["compound"] + analyzer().polarity_scores(sad)["compound"]) / 2
    assert p.diction["sentiment"] == pytest.approx(expected)
    assert profile_texts(["The table has four legs."], "X").diction["sentiment"] == 0.0
