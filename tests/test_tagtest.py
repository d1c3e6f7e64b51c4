import pytest

from workshop.compare.tagtest import line_features, stratified_folds, tag_test


def test_line_features_see_punctuation_and_length():
    f = line_features("Well... no. Why?")
    assert f.count("<...>") == 1 and f.count("<?>") == 1 and "<len:1-3>" in f and "why" in f


def test_folds_are_stratified():
    labels = ["a"] * 10 + ["b"] * 5
    folds = stratified_folds(labels, 5, seed=1)
    for k in range(5):
        got = [lab for lab, f in zip(labels, folds) if f == k]
        assert got.count("a") == 2 and got.count("b") == 1


def test_distinct_voices_are_given_back():
    lines = ["Aye, aye, captain!"] * 12 + ["Well... I suppose, perhaps, maybe?"] * 12
    r = tag_test(lines, ["A"] * 12 + ["B"] * 12)
    assert r.accuracy == 1.0 and r.chance == 0.5 and r.n == 24 and r.correct == 24
    assert r.ci_low > 0.8
    assert r.recall == {"A": 1.0, "B": 1.0}


def test_identical_lines_cannot_beat_chance():
    lines = ["I don't know what you mean."] * 30
    r = tag_test(lines, ["A"] * 20 + ["B"] * 10)
    assert r.chance == pytest.approx(2 / 3)
    assert r.accuracy <= r.chance + 1e-9


def test_too_few_lines_say_so():
    r = tag_test(["Yes.", "No.", "Maybe."], ["A", "B", "A"])
    assert r.accuracy != r.accuracy  # NaN: could not run
    assert "could not run" in r.notes[0]
    r = tag_test(["Yes.", "Yes!", "No.", "No!"], ["A", "A", "B", "B"])
    assert r.n == 4 and any("too rough" in note for note in r.notes)
