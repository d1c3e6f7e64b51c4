"""The metric registry: one declaration per measure, read by the profile, the comparisons, the norms and the docs."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import math
from importlib import resources
from pathlib import Path

import pytest

from workshop.compare import pairs
from workshop.errors import WorkshopError
from workshop.voice import profile as profile_mod
from workshop.voice.metrics import (
    FAMILIES,
    MEASURES,
    METRICS,
    compared_measures,
    display_order,
    headline_measures,
    measure,
    per_line,
    usually_zero,
)
from workshop.voice.metrics.readability import READABILITY_KEYS
from workshop.voice.profile import profile_texts

ROOT = Path(__file__).resolve().parents[1]


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_every_measure_is_declared_completely_once():
    assert len(METRICS) == len(MEASURES) == 51
    for m in MEASURES:
        assert m.family in FAMILIES and m.label and m.unit and m.explanation and m.higher
        assert m.order > 0
    assert READABILITY_KEYS == tuple(m.name for m in MEASURES if m.family == "readability")
    assert len({m.order for m in MEASURES}) == len(MEASURES)


def test_unknown_names_are_errors():
    with pytest.raises(WorkshopError, match="Known metrics"):
        measure("loudness")
    with pytest.raises(WorkshopError, match="line by line"):
        per_line("mtld")
    with pytest.raises(WorkshopError, match="Unknown measure"):
        pairs.metric("loudness")


def test_a_profile_missing_a_measure_is_an_error_not_a_silent_gap():
    p = profile_texts(["I don't know. Maybe we should go?"], "Nat")
    assert list(p.scalar_metrics()) == list(METRICS)
    del p.diction["hedges_per_100_words"]
    with pytest.raises(WorkshopError, match="hedges_per_100_words"):
        p.scalar_metrics()


def test_profile_values_are_the_registry_functions_of_the_totals():
    # every measure computed by its declaration: rebuilding the totals and calling each one gives the profile's value
    lines = ["Well, I-I don't know... Maybe?", "We could go. Together.", "You never listen—", "Damn it, Nat, really!"]
    p = profile_texts(lines, "Nat")
    units = profile_mod._units_of(lines)
    words = [w for u in units for w in u.words]
    counts = profile_mod.Counter(words)
    ctx = profile_mod._Context(len(words), len(lines))
    tally = profile_mod._tally_words(counts)
    totals = profile_mod._totals("character", units, ctx, words, counts, tally, profile_mod._address(units, frozenset()))
    for m in MEASURES:
        got, want = m(totals), p.scalar_metrics()[m.name]
        assert (math.isnan(got) and math.isnan(want)) or got == want, m.name


def test_comparisons_read_denominators_from_the_registry():
    assert pairs.COMPARED_METRICS == tuple(m.name for m in compared_measures())
    assert pairs.COMPARED_METRICS[:5] == ("mean_sentence_words", "mean_utterance_words", "questions_per_100_sentences",
                                         "exclamations_per_100_sentences", "fragments_per_100_sentences")
    for m in pairs.LINE_METRICS:
        assert (m.denominator, m.scale) == per_line(m.name)
    # every measure with a denominator adds up line by line to the profile's own value
    lines = ["I-I don't know... Maybe?", "We could go. Together.", "You never listen—", "Damn it, really!"]
    prof = profile_texts(lines, "x").scalar_metrics()
    for m in MEASURES:
        if m.denominator:
            assert pairs.texts_value(lines, m.name) == pytest.approx(prof[m.name], nan_ok=True), m.name


def test_critique_order_comes_from_the_registry():
    from workshop.report.views import FAMILY_MEASURES

    assert FAMILY_MEASURES["readability"] == READABILITY_KEYS
    assert FAMILY_MEASURES["rhythm"][:3] == ("mean_sentence_words", "cv_sentence_words", "mean_utterance_words")
    assert [m.name for m in display_order("diction")][:3] == ["mean_word_length", "mean_zipf", "rare_word_share"]
    assert headline_measures("diction")[-1] == "address_per_100_words"


def test_usually_zero_agrees_with_the_shipped_norms():
    # flagged exactly when the median character of the classic novels scores 0 (issue 10: a rate, not a percentile)
    norms = json.loads((resources.files("workshop") / "data" / "norms.json").read_text(encoding="utf-8"))
    for name, entry in norms["metrics"].items():
        table = entry["percentiles"]
        assert usually_zero(name) == (table[len(table) // 2] == 0), name
    assert usually_zero("trailing_per_100_sentences") and usually_zero("stutters_per_100_words")
    assert not usually_zero("questions_per_100_sentences")


def test_norms_cover_only_registry_measures():
    norms = json.loads((resources.files("workshop") / "data" / "norms.json").read_text(encoding="utf-8"))
    assert set(norms["metrics"]) <= set(METRICS)


def test_measures_are_frozen_declarations():
    with pytest.raises(dataclasses.FrozenInstanceError):
        METRICS["mtld"].label = "x"  # type: ignore[misc]


def test_docs_table_is_up_to_date():
    table = _script("metrics_table")
    assert (ROOT / "docs" / "metrics.md").read_text(encoding="utf-8") == table.render(), (
        "docs/metrics.md is out of date: run python scripts/metrics_table.py"
    )
