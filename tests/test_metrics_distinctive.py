"""Weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008) and openers, by hand."""

from __future__ import annotations

import math

import pytest

from workshop.voice.metrics.distinctive import habitual_openers, log_odds, opener, scaled_prior, signature_words


def test_log_odds_by_hand():
    # i says "a" twice (n_i = 2); j says "a" and "b" once each (n_j = 2); prior a = b = 1 (a0 = 2).
    # delta = log((2+1)/(2+2-2-1)) - log((1+1)/(2+2-1-1)) = log 3 - log 1; var = 1/3 + 1/2.
    z = log_odds({"a": 2}, {"a": 1, "b": 1}, {"a": 1, "b": 1})
    assert z["a"] == pytest.approx(math.log(3) / math.sqrt(1 / 3 + 1 / 2))  # 1.2035


def test_signature_words_pick_what_one_character_says_and_the_other_does_not():
    mine = {"just": 20, "the": 30, "uh": 10}
    others = {"the": 60, "because": 15, "just": 1}
    prior = {w: mine.get(w, 0) + others.get(w, 0) for w in set(mine) | set(others)}
    words = signature_words(mine, others, prior)
    # just: z = 3.13 (20 against 1); uh: z = 2.15 (10 against 0, but less evidence)
    assert [w["word"] for w in words] == ["just", "uh"]
    assert [w["z"] for w in words] == pytest.approx([3.13, 2.15], abs=0.01)
    assert all(w["significant"] for w in words)
    assert "the" not in [w["word"] for w in signature_words(mine, others, prior)]


def test_leaning_words_are_flagged_when_nothing_is_significant():
    # "oh" 3 times against 0: z = 1.10, above the leaning bar (1) but not significant (1.96)
    words = signature_words({"oh": 3, "the": 10}, {"the": 10, "a": 3}, {"oh": 3, "the": 20, "a": 3})
    assert words == [{"word": "oh", "count": 3, "z": 1.1, "significant": False}]


def test_scaled_prior():
    assert scaled_prior({"a": 3000, "b": 1000}) == {"a": 750.0, "b": 250.0}
    assert scaled_prior({"a": 3, "b": 1}) == {"a": 3.0, "b": 1.0}


def test_openers():
    assert opener(("well", "i"), "Well, I don't know.") == "well,"
    assert opener(("look", "at"), "Look at that.") == "look"
    assert opener(("oh",), "...Oh.") == "oh"
    got = habitual_openers(["well,", "well,", "i", "look,", "well,", "you", "i", "no", "so", "yes"])
    assert got[0] == {"opener": "well,", "count": 3, "share": 0.3}
    assert {"opener": "i", "count": 2, "share": 0.2} in got
    assert all(o["count"] >= 2 for o in got)
