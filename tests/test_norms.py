import pytest

from workshop.compare.norms.table import MetricNorm, load_norms, norms_from_dict, ordinal, place, sentence


def table_0_to_100():
    # a measure whose percentiles are 0, 1, ..., 100: the percentile of x is x
    return MetricNorm("m", "Average sentence length", "rhythm", "profile", 101, tuple(float(i) for i in range(101)))


def test_percentile_by_hand():
    m = table_0_to_100()
    assert m.percentile_of(12.0) == pytest.approx(12.0)
    assert m.percentile_of(12.5) == pytest.approx(12.5)
    assert m.percentile_of(-3) == 0.0 and m.percentile_of(250) == 100.0
    assert m.percentile_of(float("nan")) != m.percentile_of(float("nan"))


def test_ties_count_half():
    # half the population at 0 (e.g. nobody stutters), then 1..50
    pcts = tuple([0.0] * 51 + [float(i) for i in range(1, 51)])
    m = MetricNorm("stutters", "Stutters", "rhythm", "profile", 101, pcts)
    assert m.percentile_of(0.0) == pytest.approx(25.0)


def test_ordinals_and_sentence():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "112th"]
    s = sentence("Bruce", "Average sentence length", 12.4, "characters in classic novels")
    assert s == "Average sentence length: Bruce is at the 12th percentile of characters in classic novels."


def test_shipped_norms_describe_their_corpus():
    table = load_norms()
    assert table is not None
    assert table.corpus["characters"] >= 100 and len(table.corpus["novels"]) == 12
    assert table.corpus["era"] == "1813-1926"
    assert "Austen" in str(table.corpus["novels"]) and "Project Dialogism" in table.describe()
    msw = table.get("mean_sentence_words")
    assert list(msw.percentiles) == sorted(msw.percentiles)
    assert 5 < msw.percentiles[50] < 25  # classic-novel characters: roughly 8-20 words a sentence
    assert "share_of_words" not in table.metrics


def test_place_a_terse_character_low_on_sentence_length():
    terse = ["No.", "Sit down.", "Not tonight.", "He lied.", "Drink it.", "Go.", "Car's outside.", "Now."] * 3
    placed = {p.metric: p for p in place("Sam", terse)}
    p = placed["mean_sentence_words"]
    assert p.percentile == 0 and "Sam is below every one of the characters" in p.sentence


def test_norms_from_dict_round_trip():
    t = norms_from_dict({"corpus": {"era": "1900-1910", "description": "x"},
                         "metrics": {"m": {"label": "M", "n": 3, "percentiles": [0, 1, 2]}}})
    assert t.population == "characters in classic novels (1900-1910)"
    assert t.get("m").percentile_of(1.0) == pytest.approx(50.0)


def test_extremes_are_said_in_words_not_as_a_0th_or_100th_percentile():
    assert sentence("Bo", "Questions", 0.0, "characters in classic novels") == (
        "Questions: Bo is below every one of the characters in classic novels."
    )
    assert "above every one" in sentence("Bo", "Questions", 100.0, "characters in classic novels")


def test_values_that_round_to_the_ends_are_not_called_0th_or_100th():
    assert sentence("Bo", "Hedges", 0.4, "characters in classic novels") == (
        "Hedges: Bo is lower than almost every one of the characters in classic novels."
    )
    assert "higher than almost every one" in sentence("Bo", "Hedges", 99.7, "characters in classic novels")
    assert "0th" not in sentence("Bo", "Hedges", 0.4, "x") and "100th" not in sentence("Bo", "Hedges", 99.7, "x")
