import pytest

from workshop.compare.lsm import CATEGORIES, categories, lsm, lsm_scores


def test_nine_categories_load_from_data_files():
    cats = categories()
    assert list(cats) == list(CATEGORIES)
    assert cats["articles"] == ("a", "an", "the")
    assert "never" in cats["negations"] and "never" in cats["adverbs"]


def test_lsm_formula_by_hand():
    # a: 5 words, articles 2 (40%), conjunctions 1 (20%); b: 2 words, articles 1 (50%)
    r = lsm("The cat and the dog", "a cat")
    articles = 1 - 10 / (90 + 0.0001)
    conj = 1 - 20 / (20 + 0.0001)
    assert r.by_category["articles"] == pytest.approx(articles)
    assert r.by_category["conjunctions"] == pytest.approx(conj)
    assert r.by_category["prepositions"] == 1.0  # neither uses any: a match
    assert r.lsm == pytest.approx((7 + articles + conj) / 9)
    assert r.percent_a["articles"] == pytest.approx(40.0)
    assert r.notes  # tiny samples are flagged


def test_identical_texts_match_perfectly():
    text = "I told you not to go into the woods, but you never listen to anyone."
    assert lsm(text, text).lsm == pytest.approx(1.0)


def test_lsm_scores_batch():
    s = lsm_scores([[10.0, 0.0]], [[30.0, 0.0]])
    assert s.tolist()[0] == pytest.approx([1 - 20 / 40.0001, 1.0])
