"""Confidences when the kit found the cast itself (workshop/attribution_confidence.py)."""

from __future__ import annotations

from workshop import find_dialogue, scene_from_text
from workshop.speakers.confidence import KINDS, calibrate, kind_of, table
from workshop.speakers.cast import Cast, Character

SCENE = (
    '"You\'re late," said Marguerite.\n\n'
    '"The tide was against me," said Oskar.\n\n'
    '"It always is."\n\n'
    '"Not always."\n\n'
    '"Name one day."'
)


def test_the_shipped_table_covers_every_kind_and_never_makes_a_surer_answer_less_sure():
    assert set(table()) == set(KINDS)
    for kind in KINDS:
        values = [calibrate(x / 100, kind) for x in range(101)]
        assert values == sorted(values), kind
        assert all(0.0 <= v <= 1.0 for v in values)


def test_kinds_of_answer():
    assert kind_of("explicit", 0.97, False) == "named"
    assert kind_of("split", 0.97, False) == "named"
    assert kind_of("pronoun", 0.78, True) == "guessed"
    assert kind_of("pronoun", 0.78, False) == "inferred"
    assert kind_of("turn-taking", 0.65, False) == "inferred"


def test_without_a_cast_file_turn_taking_is_reported_less_sure_than_with_one():
    scene = scene_from_text(SCENE, detect_notes=False)
    found = find_dialogue(scene)
    given = find_dialogue(scene, Cast([Character("Marguerite", (), "she"), Character("Oskar", (), "he")]))
    assert [s.speaker for s in found.segments] == [s.speaker for s in given.segments]
    assert found.segments[0].method == "explicit" and found.segments[0].confidence >= 0.9
    untagged = [(a.confidence, b.confidence) for a, b in zip(found.segments, given.segments) if a.method != "explicit"]
    assert untagged and all(a < b for a, b in untagged)
