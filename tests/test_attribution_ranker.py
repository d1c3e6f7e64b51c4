"""The learned speaker ranker (workshop/speakers/ranker.py, features.py, ranker_training.py): its softmax, its
features on small hand-written scenes whose answers are worked out by hand and on plain data built by hand, the
fit, and the shipped weights (a file that does not fit the features is an error)."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest

import numpy as np

from workshop import find_dialogue, scene_from_text
from workshop.speakers import features as feature_table
from workshop.speakers import ranker
from workshop.speakers.attribution import RulesAnswers, read_by_rules
from workshop.speakers.cast import Cast, Character
from workshop.speakers.dialogue import METHODS, prepare_segments
from workshop.speakers.features import Answer, RankerInput, Utterance
from workshop.speakers.names import Mention
from workshop.speakers.ranker_training import fit
from workshop.speakers.tags import Tag
from workshop.text.scene import Paragraph

CAST = Cast([Character("Anna", (), "she"), Character("Tom", (), "he"), Character("Mary", (), "she")])


def rules_for(text: str, cast: Cast = CAST) -> RulesAnswers:
    """The dialogue after the rules, before the ranker (the state the ranker reads)."""
    scene = scene_from_text(text, detect_notes=False)
    ready = prepare_segments(scene, cast)
    return read_by_rules(scene, ready.segments, ready.speech, ready.cast)


def features(rules: RulesAnswers, k: int) -> dict[str, dict[str, float]]:
    names, rows = feature_table.candidates(rules.data, k, rules.answers)
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
    rules = rules_for(text)
    f = features(rules, 2)
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
    rules = rules_for(text)
    f = features(rules, 1)
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
    rules = rules_for(text)
    weights = ranker.load_weights()[0]
    speakers = [a.speaker for a in rules.answers]
    together = {k: (name, p) for k, name, p, _ in ranker.rank(rules.data, rules.answers, weights)}
    alone = {}
    for k in range(len(rules.answers)):
        if ranker.rankable(rules.data, rules.answers, k):
            names, rows = feature_table.candidates(rules.data, k, rules.answers)
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
    rules = rules_for(text)
    assert not ranker.rankable(rules.data, rules.answers, 2)
    assert find_dialogue(scene_from_text(text, detect_notes=False), CAST).segments[-1].speaker is None


def test_named_tags_are_not_ranked():
    rules = rules_for('"Hi," said Anna.\n\n"Hello," said Tom.')
    assert not any(ranker.rankable(rules.data, rules.answers, k) for k in range(len(rules.answers)))


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


def test_weights_trained_on_another_feature_list_are_an_error():
    good = {n: 0.0 for n in ranker.FEATURES}
    assert len(ranker.parse_weights({"passes": [{"weights": good, "threshold": 0.5}]})) == 1
    missing = dict(good)
    del missing["pronoun_fits"]
    with pytest.raises(ranker.WeightsMismatch, match="missing pronoun_fits.*train_attribution"):
        ranker.parse_weights({"passes": [{"weights": missing}]})
    with pytest.raises(ranker.WeightsMismatch, match="unknown shoe_size"):
        ranker.parse_weights({"passes": [{"weights": {**good, "shoe_size": 1.0}}]})
    with pytest.raises(ranker.WeightsMismatch, match="no passes"):
        ranker.parse_weights({"passes": []})


def test_training_learns_a_weight_for_the_feature_that_marks_the_answer():
    marker = ranker.FEATURES.index("addressed_prev")
    data = []
    for i in range(40):
        rows = np.zeros((3, len(ranker.FEATURES)))
        right = i % 3
        rows[right, marker] = 1.0
        if i % 5 == 0:  # a little noise: the marker sometimes on a wrong candidate too
            rows[(right + 1) % 3, marker] = 1.0
        data.append({"names": ["A", "B", "C"], "rows": rows, "gold": "ABC"[right]})
    w = fit(data, l2=0.1)
    assert w[marker] > 1.0
    assert np.abs(np.delete(w, marker)).max() < 1e-6  # features that never fire get no weight


# ---------------------------------------------------------------- the features on plain data, no rules engine


def _plain_exchange() -> tuple[RankerInput, list[Answer]]:
    """Three lines in three paragraphs, by hand: Anna calls Tom (named tag), Tom answers (named tag), and a third
    line "she said" the rules gave to Anna by a pronoun; Mary opens the narration of the third paragraph."""
    text = '"Tom?" said Anna.\n\n"Yes," said Tom.\n\nMary sat. "Go on," she said.'
    paragraphs = [Paragraph(0, 0, 17, 1), Paragraph(1, 19, 35, 3), Paragraph(2, 37, len(text), 5)]

    def line(paragraph: int, start: int, end: int, tag: Tag | None = None, called=frozenset(), scores=None):
        return Utterance(paragraph, paragraph, start, end, end, tag, frozenset(called), frozenset(),
                         scores or {}, frozenset(), False)

    she = Tag("pronoun", pronoun="she", pos=text.index("she"), phrase="she")
    go = text.index('"Go')
    data = RankerInput(
        text=text,
        paragraphs=paragraphs,
        quote_paragraphs=frozenset({0, 1, 2}),
        utterances=[line(0, 0, 6, called={"Tom"}), line(1, 19, 25), line(2, go, go + 8, she, scores={"Anna": 2.0, "Mary": 3.0})],
        linked=[False, True, True],
        narration=[Mention(text.index("Anna"), text.index("Anna") + 4, ("Anna",)),
                   Mention(text.index("Tom."), text.index("Tom.") + 3, ("Tom",)),
                   Mention(text.index("Mary"), text.index("Mary") + 4, ("Mary",))],
        pronouns={"Anna": "she", "Tom": "he", "Mary": "she"},
        narrator=None,
        frequency={"Anna": 1, "Tom": 2, "Mary": 1},
    )
    answers = [Answer("Anna", "explicit", 0.97), Answer("Tom", "explicit", 0.97), Answer("Anna", "pronoun", 0.78)]
    return data, answers


def test_the_features_are_a_function_of_plain_data():
    data, answers = _plain_exchange()
    assert ranker.rankable(data, answers, 2) and not ranker.rankable(data, answers, 1)
    names, rows = feature_table.candidates(data, 2, answers)
    f = {n: dict(zip(ranker.FEATURES, row)) for n, row in zip(names, rows)}
    assert names[0] == "Anna"  # the rules' answer comes first
    assert set(names) == {"Anna", "Tom", "Mary"}
    assert f["Anna"]["rule"] == 1 and f["Anna"]["rule_pronoun"] == 1 and math.isclose(f["Anna"]["rule_conf"], 0.78)
    assert f["Anna"]["prev2"] == 1 and f["Anna"]["prev2_alt"] == 1 and f["Anna"]["prev2_alt_sure"] == 1
    assert f["Tom"]["prev1"] == 1 and f["Tom"]["prev1_direct"] == 1 and f["Tom"]["pronoun_clash"] == 1
    assert f["Mary"]["pronoun_fits"] == 1 and f["Mary"]["opens_paragraph"] == 1 and f["Mary"]["subject_before"] == 1
    assert math.isclose(f["Mary"]["pronoun_score"], 1.0) and math.isclose(f["Anna"]["pronoun_score"], 2 / 3)
    assert f["Mary"]["participant"] == 0 and f["Anna"]["pair"] == 1


def test_a_pass_reads_and_returns_plain_answers():
    data, answers = _plain_exchange()
    favour_mary = tuple(1.0 if n in ("pronoun_fits", "opens_paragraph") else 0.0 for n in ranker.FEATURES)
    weights = ranker.Weights(ranker.FEATURES, favour_mary, 0.5, 0.9)
    after = ranker.rank_pass(data, answers, weights)
    assert after[:2] == answers[:2]  # named tags stay
    assert after[2].speaker == "Mary" and after[2].method == "pronoun"  # the evidence shown: her "she said"
    assert ranker.context_changed(data, answers, after) == {0, 1}
