"""One annotated novel from ../shared/pdnc (Daisy Miller, 550 quotations) scored the way its README says: per
piece, a prediction matches a gold piece when they overlap by at least half the piece. Skipped when ../shared/pdnc
is not beside the repository. The floors sit a little under what the engine measures (see bench/pdnc.py)."""

from __future__ import annotations

import bisect
import json
from collections import Counter

import pytest

from workshop import find_dialogue
from workshop.speakers.cast import load_cast
from workshop.text.scene import read_scene


@pytest.fixture(scope="module")
def daisy(pdnc_dir):
    folder = pdnc_dir / "DaisyMiller"
    if not folder.exists():
        pytest.skip("DaisyMiller is not in ../shared/pdnc")
    cast = load_cast(folder / "characters.json")
    dialogue = find_dialogue(read_scene(folder / "text.txt", detect_notes=False), cast)
    gold = [json.loads(line) for line in (folder / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    return dialogue, gold, cast


def _score(dialogue, gold, cast) -> dict:
    names = {ch.name: set(ch.names) for ch in cast}
    segments = dialogue.segments
    starts = [s.start for s in segments]
    matched: set[int] = set()
    counts: Counter = Counter()
    for quote in gold:
        for start, end in quote["spans"]:
            kind = quote.get("quote_type") or "untyped"
            counts["pieces"] += 1
            counts[kind] += 1
            i = max(0, bisect.bisect_left(starts, start) - 3)
            hit = None
            while i < len(segments) and segments[i].start < end:
                overlap = min(end, segments[i].end) - max(start, segments[i].start)
                if overlap > 0 and overlap >= (end - start) / 2:
                    hit = segments[i]
                    break
                i += 1
            if hit is None:
                continue
            counts["found"] += 1
            matched.add(hit.index)
            if hit.speaker is not None and hit.speaker in names.get(quote["speaker"], {quote["speaker"]}):
                counts["right"] += 1
                counts[f"right-{kind}"] += 1
    precision = len(matched) / len(segments)
    recall = counts["found"] / counts["pieces"]
    return {
        "f1": 2 * precision * recall / (precision + recall),
        "accuracy": counts["right"] / counts["pieces"],
        "explicit": counts["right-explicit"] / counts["explicit"],
    }


def test_quote_detection_f1_is_at_least_098(daisy):
    assert _score(*daisy)["f1"] >= 0.98


def test_speaker_accuracy_stays_above_its_floor(daisy):
    score = _score(*daisy)
    assert score["explicit"] >= 0.97
    assert score["accuracy"] >= 0.88


def test_every_speaker_returned_is_in_the_given_cast(daisy):
    dialogue, _, cast = daisy
    assert {s.speaker for s in dialogue.segments} - {None} <= set(cast.names)
