"""The seed scene (../shared/scenes/safehouse.txt) against its hand annotation (tests/data/safehouse.gold.json):
every segment found, nothing extra, every speaker right, with the writer's cast file and with no cast at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop import find_dialogue
from workshop.speakers.cast import load_cast
from workshop.text.scene import read_scene

CAST = Path(__file__).parent / "data" / "safehouse.cast.toml"


def _records(dialogue) -> list[dict]:
    return [
        {"start": s.start, "end": s.end, "text": s.text, "speaker": s.speaker, "utterance": s.utterance, "line": s.line}
        for s in dialogue.segments
    ]


def _gold(seed_gold: dict) -> list[dict]:
    keys = ("start", "end", "text", "speaker", "utterance", "line")
    return [{k: g[k] for k in keys} for g in seed_gold["segments"]]


@pytest.fixture(scope="module")
def seed_scene(seed_path):
    return read_scene(seed_path)


def test_the_authors_notes_are_left_out(seed_scene, seed_gold):
    lines = [(seed_scene.line_of(ex.start), seed_scene.line_of(ex.end - 1)) for ex in seed_scene.excluded]
    assert [list(pair) for pair in lines] == seed_gold["excluded_lines"]


def test_with_the_cast_file_every_segment_and_speaker_matches_the_gold(seed_scene, seed_gold):
    dialogue = find_dialogue(seed_scene, load_cast(CAST))
    assert len(dialogue.segments) == 52
    assert _records(dialogue) == _gold(seed_gold)
    assert dialogue.mentions == []
    assert dialogue.cast.source == "file"


def test_without_a_cast_file_the_cast_is_found_and_every_speaker_matches(seed_scene, seed_gold):
    dialogue = find_dialogue(seed_scene)
    assert _records(dialogue) == _gold(seed_gold)
    cast = dialogue.cast
    assert cast.source == "found"
    assert sorted(cast.names) == ["Bruce", "Natasha"]
    natasha, bruce = cast.get("Natasha"), cast.get("Bruce")
    assert set(natasha.aliases) == {"Nat", "Natasha Romanov"} and natasha.pronouns == "she"
    assert set(bruce.aliases) == {"Bruce Banner", "Banner"} and bruce.pronouns == "he"
    # named in the narration only: never speakers
    for bystander in ("Clint", "Stark", "Steve Rogers", "Steve", "Sam"):
        assert cast.canonical(bystander) is None


def test_every_segment_says_how_it_was_attributed(seed_scene):
    dialogue = find_dialogue(seed_scene, load_cast(CAST))
    methods = {s.method for s in dialogue.segments}
    assert "none" not in methods
    by_text = {s.text: s for s in dialogue.segments}
    # "Nat shot back" names the speaker; "he asked" is a pronoun tag; "Natasha, I'm sorry" addresses her
    assert by_text["Why what?"].method == "explicit" and by_text["Why what?"].speaker == "Natasha"
    assert by_text["Why are you risking yourself?"].method == "pronoun"
    vocative = next(s for s in dialogue.segments if s.text.startswith("Natasha, I'm"))
    assert vocative.speaker == "Bruce"
    for seg in dialogue.segments:
        assert 0.0 < seg.confidence <= 1.0
