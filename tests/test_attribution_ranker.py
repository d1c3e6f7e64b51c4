"""The learned speaker ranker (workshop/attribution_ranker.py): its softmax, its features on small hand-written
scenes whose answers are worked out by hand, and the shipped weights."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest

from workshop import find_dialogue, scene_from_text
from workshop.speakers import attribution
from workshop.speakers import ranker
from workshop.speakers.cast import Cast, Character
from workshop.speakers.dialogue import METHODS

CAST = Cast([Character("Anna", (), "she"), Character("Tom", (), "he"), Character("Mary", (), "she")])


def engine_for(text: str, cast: Cast = CAST) -> attribution._Engine:
    """The engine after the rules, before the ranker (the state the ranker reads)."""
    seen: list = []
    original = attribution._Engine._rerank
    attribution._Engine._rerank = lambda self: seen.append(self)  # type: ignore[method-assign]
    try:
        find_dialogue(scene_from_text(text, detect_notes=False), cast)
    finally:
        attribution._Engine._rerank = original  # type: ignore[method-assign]
    return seen[0]


def features(engine, k: int) -> dict[str, dict[str, float]]:
    speakers = [g.speaker for g in engine.groups]
    names, rows = ranker.candidates(engine, k, speakers)
    return {n: dict(zip(ranker.FEATURES, row)) for n, row in zip(names, rows)}


# ---------------------------------------------------------------- the model


def test_softmax_sums_to_one_and_keeps_the_order():
    p = ranker.softmax([2.0, 0.0, -1.0])
    assert math.isclose(sum(p), 1.0)
    assert p[0] > p[1] > p[2]
    assert math.isclose(p[0], math.exp(2) / (math.exp(2) + 1 + math.exp(-1)))
    assert ranker.softmax([]) == []
    assert math.isclose(sum(ranker.softmax([1000.0, 999.0])), 1.0)  # no overflow


def test_the_candidate_with_the_strong_evidence_wins():
    weights = ranker.Weights(ranker.FEATURES, tuple(1.0 if n == "addressed_prev" else 0.0 for n in ranker.FEATURES), 0.5)
    plain = [0.0] * len(ranker.FEATURES)
    called = list(plain)
    called[ranker.FEATURES.index("addressed_prev")] = 1.0
    p = ranker.score([plain, called, plain], weights)
    assert max(range(3), key=p.__getitem__) == 1
    assert math.isclose(p[1], math.e / (math.e + 2))


def test_confidence_is_the_probability_times_the_coverage():
    weights = ranker.Weights(ranker.FEATURES, (0.0,) * len(ranker.FEATURES), 0.5, 0.9)
    assert ranker.confidence(0.8, weights) == 0.72


# ---------------------------------------------------------------- features on a tiny scene


def test_features_of_a_pronoun_tag_after_a_named_exchange():
    text = (
        '"Where were you?" asked Anna.\n\n'
        '"Out," said Tom.\n\n'
        'Anna frowned. "Out where, Tom?" she said.'
    )
    engine = engine_for(text)
    f = features(engine, 2)
    assert set(f) >= {"Anna", "Tom"}
    anna, tom = f["Anna"], f["Tom"]
    assert anna["pronoun_fits"] == 1 and anna["pronoun_clash"] == 0
    assert tom["pronoun_clash"] == 1 and tom["pronoun_fits"] == 0
    assert tom["addressed_here"] == 1 and anna["addressed_here"] == 0  # "Out where, Tom?" speaks to Tom
    assert anna["prev2"] == 1 and anna["prev2_alt"] == 1  # Anna, Tom, then Anna again
    assert tom["prev1"] == 1 and tom["prev1_direct"] == 1
    assert anna["in_paragraph_before"] == 1 and anna["opens_paragraph"] == 1 and anna["subject_before"] == 1
    assert anna["participant"] == 1 and anna["pair"] == 1


def test_the_ranker_keeps_the_obvious_answer_on_the_tiny_scene():
    text = (
        '"Where were you?" asked Anna.\n\n'
        '"Out," said Tom.\n\n'
        'Anna frowned. "Out where, Tom?" she said.'
    )
    segments = find_dialogue(scene_from_text(text, detect_notes=False), CAST).segments
    assert [s.speaker for s in segments] == ["Anna", "Tom", "Anna"]
    assert segments[2].method == "pronoun" and 0 < segments[2].confidence <= 1


def test_the_person_addressed_just_before_is_a_candidate_with_that_feature():
    text = '"Mary, is that you?" asked Anna.\n\n"Who else would it be?"'
    engine = engine_for(text)
    f = features(engine, 1)
    assert f["Mary"]["addressed_prev"] == 1
    assert f["Anna"]["prev1"] == 1 and f["Anna"]["addressed_prev"] == 0
    segments = find_dialogue(scene_from_text(text, detect_notes=False), CAST).segments
    assert segments[1].speaker == "Mary"


def test_the_pass_scores_every_utterance_as_it_would_alone():
    """The pass builds the features of all utterances at once; each must get what its own rows say."""
    text = (
        '"Where were you?" asked Anna.\n\n'
        '"Out," said Tom.\n\n'
        'Mary looked up. "Out where, Tom?" she said.\n\n'
        '"Nowhere, Mary."\n\n'
        '"Tell her," said Anna.\n\n'
        '"I did."'
    )
    engine = engine_for(text)
    weights = ranker.load_weights()[0]
    speakers = [g.speaker for g in engine.groups]
    together = {k: (name, p) for k, name, p, _ in ranker.rank(engine, weights)}
    alone = {}
    for k in range(len(engine.groups)):
        if ranker.rankable(engine, k):
            names, rows = ranker.candidates(engine, k, speakers)
            p = ranker.score(rows, weights)
            best = max(range(len(names)), key=p.__getitem__)
            if speakers[k] is not None or (p[best] >= weights.threshold and len(names) > 1):
                alone[k] = (names[best], p[best])
    assert len(alone) >= 2 and together.keys() == alone.keys()
    for k, (name, p) in alone.items():
        assert together[k][0] == name and math.isclose(together[k][1], p)


def test_an_isolated_line_without_evidence_stays_unknown():
    gap = "The afternoon went by. " * 40
    text = f'"Tea?" asked Anna.\n\n"Please," said Tom.\n\n{gap}\n\n"Milk?"'
    engine = engine_for(text)
    assert not ranker.rankable(engine, 2)
    assert find_dialogue(scene_from_text(text, detect_notes=False), CAST).segments[-1].speaker is None


def test_named_tags_are_not_ranked():
    engine = engine_for('"Hi," said Anna.\n\n"Hello," said Tom.')
    assert not any(ranker.rankable(engine, k) for k in range(len(engine.groups)))


def test_method_names_stay_the_writers_ones():
    row = dict.fromkeys(ranker.FEATURES, 0.0)
    assert ranker.method_for([row[n] for n in ranker.FEATURES]) == "turn-taking"
    row["addressed_prev"] = 1.0
    assert ranker.method_for([row[n] for n in ranker.FEATURES]) == "vocative"
    assert ranker.method_for([row[n] for n in ranker.FEATURES], "pronoun") == "pronoun"
    assert set(ranker.RANKED_METHODS) <= set(METHODS)


# ---------------------------------------------------------------- the shipped weights


def test_the_shipped_weights_match_the_feature_list():
    raw = json.loads(resources.files("workshop").joinpath("data", "attribution", "ranker.json").read_text("utf-8"))
    assert raw["passes"], "no weights shipped"
    for one in raw["passes"]:
        assert set(one["weights"]) == set(ranker.FEATURES)
        assert 0 < one["coverage"] <= 1 and 0 <= one["threshold"] < 1
    loaded = ranker.load_weights()
    assert len(loaded) == len(raw["passes"])
    assert "HardTimes" not in raw["about"] and "WinnieThePooh" not in raw["about"]


@pytest.mark.parametrize("name, sign", [("addressed_here", -1), ("pronoun_fits", 1), ("pronoun_clash", -1)])
def test_the_weights_point_the_way_the_evidence_does(name, sign):
    first = ranker.load_weights()[0]
    assert sign * first.values[ranker.FEATURES.index(name)] > 0


def test_training_learns_a_weight_for_the_feature_that_marks_the_answer():
    import importlib.util
    from pathlib import Path

    import numpy as np

    path = Path(__file__).resolve().parents[1] / "scripts" / "train_attribution.py"
    spec = importlib.util.spec_from_file_location("train_attribution", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    marker = ranker.FEATURES.index("addressed_prev")
    data = []
    for i in range(40):
        rows = np.zeros((3, len(ranker.FEATURES)))
        right = i % 3
        rows[right, marker] = 1.0
        if i % 5 == 0:  # a little noise: the marker sometimes on a wrong candidate too
            rows[(right + 1) % 3, marker] = 1.0
        data.append({"names": ["A", "B", "C"], "rows": rows, "gold": "ABC"[right]})
    w = module.fit(data, l2=0.1)
    assert w[marker] > 1.0
    assert np.abs(np.delete(w, marker)).max() < 1e-6  # features that never fire get no weight


def test_a_scene_opening_on_a_talk_offers_the_people_its_narration_names_after_it():
    text = (
        '"Is that all?"\n\n'
        '"That is all. Perhaps I did not tell it right."\n\n'
        "Tom laughed, and Anna shook her head at him.\n\n"
        "Much later, Mary came down the stairs.\n"
    )
    engine = engine_for(text)
    # nobody is named before the first line: those named in the exchange's narration after it may be speaking
    assert {"Tom", "Anna"} <= set(features(engine, 0))
    # a line with names before it keeps its candidates from before it (Mary, named further on, is not offered)
    later = engine_for("Tom and Anna sat by the fire.\n\n" + text)
    assert "Mary" not in features(later, 0)
