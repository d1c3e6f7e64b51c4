"""One annotated novel from ../shared/pdnc (Daisy Miller, 550 quotations) scored the way its README says: per
piece, a prediction matches a gold piece when they overlap by at least half the piece. The scoring is the
benchmark's own (bench/pdnc_score.py: score_dialogue), so the test and bench/pdnc.py cannot disagree on what a hit
is. Skipped when ../shared/pdnc is not beside the repository. The floors sit a little under what the engine
measures (see bench/pdnc.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workshop import find_dialogue
from workshop.speakers.cast import load_cast
from workshop.text.scene import read_scene

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from pdnc_score import load_novel, score_dialogue  # noqa: E402


@pytest.fixture(scope="module")
def daisy(pdnc_dir):
    folder = pdnc_dir / "DaisyMiller"
    if not folder.exists():
        pytest.skip("DaisyMiller is not in ../shared/pdnc")
    cast = load_cast(folder / "characters.json")
    dialogue = find_dialogue(read_scene(folder / "text.txt", detect_notes=False), cast)
    return dialogue, score_dialogue(load_novel(folder), dialogue), cast


def test_quote_detection_f1_is_at_least_098(daisy):
    assert daisy[1]["f1"] >= 0.98


def test_speaker_accuracy_stays_above_its_floor(daisy):
    score = daisy[1]
    assert score["explicit"] >= 0.97
    assert score["accuracy"] >= 0.88


def test_every_speaker_returned_is_in_the_given_cast(daisy):
    dialogue, _, cast = daisy
    assert {s.speaker for s in dialogue.segments} - {None} <= set(cast.names)
