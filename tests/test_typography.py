"""Typography does not change the numbers: the same scene with straight or curly quotes and apostrophes gives the
same value for every measure of the registry (issue 10, item 6: VADER read "don’t" as an unknown word, so curly
apostrophes flipped moods).

The seed scene is read from ../shared/scenes (never copied into the repository); both scenes are written with
straight marks, so each is compared with a curly version of itself made here.
"""

from __future__ import annotations

import math
import re

import pytest

from workshop.compare.lsm import lsm
from workshop.compare.stylometry import delta_between
from workshop.speakers.cast import load_cast
from workshop.speakers.dialogue import find_dialogue
from workshop.text.samples import sample_cast_path, sample_scene_path
from workshop.text.scene import scene_from_text
from workshop.voice.metrics import METRICS
from workshop.voice.profile import profile_dialogue, profile_texts
from workshop.voice.tokens import straight_quotes, words

from conftest import ROOT


def curly(text: str) -> str:
    """Straight marks made typographic: an opening double quote where a quotation starts, a closing one elsewhere,
    and every apostrophe (or single quote) as ’, as a word processor writes them."""
    text = re.sub(r'(^|[\s(\[—–-])"', "\\1\u201c", text)
    return text.replace('"', "\u201d").replace("'", "\u2019")


def _profiles(text: str, cast_path):
    cast = load_cast(cast_path)
    dialogue = find_dialogue(scene_from_text(text, name="scene"), cast)
    return {p.name: p.scalar_metrics() for p in profile_dialogue(dialogue).all}


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


@pytest.mark.parametrize("which", ["seed", "sample"])
def test_every_measure_is_the_same_with_straight_or_curly_marks(which, seed_path):
    if which == "seed":
        text, cast_path = seed_path.read_text(encoding="utf-8"), ROOT / "tests" / "data" / "safehouse.cast.toml"
    else:
        text, cast_path = sample_scene_path().read_text(encoding="utf-8"), sample_cast_path()
    assert "\u2019" not in text and "\u201c" not in text  # (both are written with straight marks)
    typographic = curly(text)
    assert typographic.count("\u2019") > 20 and typographic.count("\u201c") > 20
    straight, fancy = _profiles(text, cast_path), _profiles(typographic, cast_path)
    assert list(straight) == list(fancy)
    assert len(straight) >= 4  # the scene, the narration and at least two characters
    differ = {(who, m): (straight[who][m], fancy[who][m]) for who in straight for m in METRICS
              if not _same(straight[who][m], fancy[who][m])}
    assert not differ, differ


def test_mood_reads_both_apostrophes_alike():
    straight, fancy = (profile_texts([t], "x").diction for t in ("I don't like you.", "I don\u2019t like you."))
    assert straight["sentiment"] == fancy["sentiment"] < 0
    assert straight_quotes("\u201cDon\u2019t,\u201d she said. \u2018Fine.\u2019") == '"Don\'t," she said. \'Fine.\''


def test_function_word_measures_read_both_apostrophes_alike():
    a = ["I don't know. We can't stay here, can we?", "It's fine. They'll come."]
    b = [t.replace("'", "\u2019") for t in a]
    assert [words(t) for t in a] == [words(t) for t in b]
    assert delta_between(a, a[:1]).delta == delta_between(b, b[:1]).delta
    assert lsm(a, a[:1]).lsm == lsm(b, b[:1]).lsm
