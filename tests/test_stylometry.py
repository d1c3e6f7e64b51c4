import numpy as np
import pytest

from workshop.compare.stylometry import (
    FunctionWordNorms,
    burrows_delta,
    cosine_distance,
    delta_between,
    function_words,
    population_norms,
    zscores,
)
from workshop.voice.tokens import words


def test_words_keep_contractions_and_straighten_quotes():
    assert words("I didn\u2019t say THE no-one's dog... right?") == ["i", "didn't", "say", "the", "no-one's", "dog", "right"]


def test_delta_sees_the_words_the_profiles_see():
    # one tokenizer: Unicode letters kept ("Café" is not "caf"), stutters resolved, digits are words
    assert words("Caf\u00e9 au lait? I-I don\u2019t know, 2 of them.") == [
        "caf\u00e9", "au", "lait", "i", "don't", "know", "2", "of", "them"]


def test_function_words_include_the_basics():
    fw = set(function_words())
    assert {"the", "and", "of", "i", "not"} <= fw
    assert "lighthouse" not in fw


def test_delta_and_cosine_by_hand():
    # a: "the the and x" -> the 0.5, and 0.25 ; b: no function words -> 0, 0
    norms = FunctionWordNorms(("the", "and"), np.array([0.1, 0.05]), np.array([0.05, 0.025]))
    r = delta_between("the the and x", "x x x x", norms=norms)
    # z_a = ((0.5-0.1)/0.05, (0.25-0.05)/0.025) = (8, 8); z_b = (-2, -2)
    assert r.delta == pytest.approx(10.0)
    assert r.cosine == pytest.approx(2.0)  # opposite directions
    assert (r.words_a, r.words_b, r.words_used) == (4, 4, 2)


def test_delta_zero_for_same_habits_and_cosine_orthogonal():
    z = np.array([1.0, -1.0, 0.5])
    assert burrows_delta(z, z) == 0
    assert cosine_distance(np.array([1.0, 0.0]), np.array([0.0, 3.0])) == pytest.approx(1.0)
    assert burrows_delta(np.array([1.0, 0.0]), np.array([0.0, 3.0])) == pytest.approx(2.0)


def test_zscores_ignore_words_without_spread():
    z = zscores(np.array([0.2, 0.7]), np.array([0.1, 0.7]), np.array([0.05, 0.0]))
    assert z.tolist() == pytest.approx([2.0, 0.0])


def test_population_norms_by_hand():
    norms = population_norms([["the", "x"], ["x", "x"], ["the", "the"]], ["the"])
    # rates 0.5, 0, 1 -> mean 0.5, sd (n-1) 0.5
    assert norms.mean.tolist() == pytest.approx([0.5])
    assert norms.sd.tolist() == pytest.approx([0.5])


def test_delta_accepts_lists_of_lines():
    norms = FunctionWordNorms(("the",), np.array([0.25]), np.array([0.25]))
    r = delta_between(["the x", "x x"], ["the the"], norms=norms)
    # a: 1/4 -> z 0 ; b: 2/2 -> z 3
    assert r.delta == pytest.approx(3.0)
