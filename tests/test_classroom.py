"""The teacher's view of a class folder: the overview's rows, the measures that spread the class, the picture of
every character, and any student's critique, offline and without writing anything."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from workshop.errors import WorkshopError
from workshop.report.class_plot import class_caption, class_picture_svg, middle_half
from workshop.report.classroom import ClassCharacter, ClassResults, read_class
from workshop.widgets import ClassOverview
from workshop.widgets.classroom import demo_class_folder


@pytest.fixture(scope="module")
def demo() -> ClassResults:
    return read_class(demo_class_folder())


def test_the_demo_class_is_read_whole(demo):
    assert [s.name for s in demo.scenes] == ["amira.txt", "ben.txt", "chloe.txt", "dev.md", "eli.txt"]
    assert demo.critiqued == [s.name for s in demo.scenes]
    frame = demo.overview_frame()
    assert list(frame["scene"]) == [s.name for s in demo.scenes]
    ben = frame.set_index("scene").loc["ben.txt"]
    assert ben["who talks"].startswith("Sam ") and "Sam and Leo" in ben["how distinct"]
    assert demo.scene("ben.txt").critique.pairs[0].distinctiveness < 0.1  # the flatmates who sound alike
    chloe = frame.set_index("scene").loc["chloe.txt"]  # no cast file: the kit finds all three
    assert {"Ray", "Marnie", "Toby"} <= set(re.findall(r"[A-Z]\w+", chloe["who talks"]))
    # every character with 40 words or more is placed; the two who say a few words are not
    labels = {c.label for c in demo.characters}
    assert "Walt (eli)" in labels and "Nell (eli)" not in labels and "Jess (amira)" not in labels


# The same twelve sentences for everyone (so every word measure is the same), said as questions by two characters
# and as statements by two others: only the questions spread this class.
POOL = [("Is the bus late again", "The bus is late again"), ("Is the kettle on", "The kettle is on"),
        ("Was the shop shut early", "The shop was shut early"), ("Is your coat by the door", "Your coat is by the door"),
        ("Are the tickets in the drawer", "The tickets are in the drawer"), ("Is it raining now", "It is raining now"),
        ("Was the train full", "The train was full"), ("Is the dog asleep", "The dog is asleep"),
        ("Are we nearly there", "We are nearly there"), ("Is the light still on", "The light is still on"),
        ("Was the road closed", "The road was closed"), ("Is the radio broken", "The radio is broken")]


def _person(name: str, asks: bool, lines: int = 12):
    from workshop.report.classroom import _character
    from workshop.voice.profile import profile_texts

    said = [f"{q}? {POOL[(i + 1) % 12][0]}?" if asks else f"{s}. {POOL[(i + 1) % 12][1]}."
            for i, (q, s) in enumerate(POOL[:lines])]
    return _character(f"{name.lower()}.txt", profile_texts(said, name), said)


@pytest.fixture(scope="module")
def askers() -> ClassResults:
    people = [_person("Ann", True), _person("Bob", False), _person("Cat", True), _person("Dan", False),
              _person("Eve", True, lines=5)]  # Eve: 10 sentences, under the 20 that questions need
    return ClassResults(Path("."), [], people, "")


def test_the_measure_that_spreads_the_class_is_chosen(askers):
    ann, bob, *_ = askers.characters
    assert ann.values["questions_per_100_sentences"] == 100 and bob.values["questions_per_100_sentences"] == 0
    assert ann.values["mean_sentence_words"] == bob.values["mean_sentence_words"]  # the same words
    first, *others = askers.spreads()
    assert first.metric == "questions_per_100_sentences" and first.characters == 4  # Eve has too little text
    assert first.score > 5 and all(s.score < 1 for s in others)
    assert askers.spread(1) == ["questions_per_100_sentences"]
    assert "questions_per_100_sentences" in askers.characters[-1].thin


def test_the_picture_is_in_the_measures_units_with_hollow_points(askers):
    chosen = askers.spread(2)
    svg = class_picture_svg(askers, chosen)
    assert "Questions (per 100 sentences)" in svg and "percentile" not in svg
    assert svg.count("vw-class-point") == 5 and svg.count("vw-class-hollow") == 1
    hollow = re.search(r'<circle class="vw-class-point vw-class-hollow"[^>]*><title>([^<]*)</title>', svg)
    assert hollow and hollow.group(1) == "Eve (eve)"
    caption = " ".join(class_caption(askers, chosen))
    assert "questions" in caption and "differ most" in caption
    assert "at least 20 sentences for questions" in caption and "Eve (eve)" in caption
    assert "vw-class-band" not in svg and "middle half" not in caption  # no norms unless asked for


def test_a_norms_band_only_when_asked(askers):
    from workshop.compare.norms.table import load_norms

    table = load_norms()
    chosen = askers.spread(2)
    svg = class_picture_svg(askers, chosen, band=table)
    assert svg.count("vw-class-band") == 2
    assert f"the middle half of {table.population}" in " ".join(class_caption(askers, chosen, band=table))
    low, high = middle_half(table, "questions_per_100_sentences")
    assert 0 <= low < high < 100


def test_the_spread_allows_for_the_wobble_of_short_texts():
    def person(name, values, errors):
        return ClassCharacter("a.txt", name, 200, values, errors)

    # x: gaps of 40 with errors of 10; y: gaps of 40 with errors of 40 (no more than chance); z: in step with x
    people = [person("A", {"x": 10, "y": 10, "z": 1}, {"x": 10, "y": 40, "z": 1}),
              person("B", {"x": 50, "y": 90, "z": 5}, {"x": 10, "y": 40, "z": 1}),
              person("C", {"x": 90, "y": 50, "z": 9}, {"x": 10, "y": 40, "z": 1})]
    results = ClassResults(Path("."), [], people, "")
    assert [s.metric for s in results.spreads()] == ["x", "z", "y"]
    assert results.spread(2) == ["x", "y"]  # z only repeats x
    people[0].thin.add("x")  # too little text: A does not count, and two of three characters are not enough
    assert [s.metric for s in results.spreads()] == ["z", "y"]
    assert ClassResults(Path("."), [], people[:2], "").spread(2) == ["z", "y"]  # a class of two: both count
    assert ClassResults(Path("."), [], people[:1], "").spread(2) == []
    for p, v in zip(people, (0.0, 0.0, 9.0)):  # one stutterer is that character, not a spread of the class
        p.values["stutters_per_100_words"], p.errors["stutters_per_100_words"] = v, 0.5
    assert "stutters_per_100_words" not in results.spread(3)
    people[0].values["stutters_per_100_words"] = 9.0  # two of three stutter: a real spread
    assert results.spread(1) == ["stutters_per_100_words"]


def test_a_ratios_standard_error():
    import numpy as np

    from workshop.compare.spread import ratio_standard_error

    never = np.array([[0, 10], [0, 10], [0, 10], [0, 10]], dtype=float)  # 40 words, no hedge
    assert ratio_standard_error(never, 100) == pytest.approx(100 / 40)  # not zero: one hedge's worth
    mixed = np.array([[2, 10], [0, 10], [2, 10], [0, 10]], dtype=float)
    assert ratio_standard_error(mixed, 100) == pytest.approx(100 * np.sqrt(4 / 3 * 4) / 40)
    assert ratio_standard_error(never[:1], 100) == float("inf")


def test_the_picture_shows_every_placed_character(demo):
    svg = class_picture_svg(demo)
    for c in demo.characters:
        assert f"<title>{c.label}</title>" in svg
    assert svg.count("vw-class-point") == len(demo.characters)
    # the demo's contemporary characters spread out in the measures' own units, not pinned at the ends
    x = [c.values[demo.spread(2)[0]] for c in demo.characters]
    assert len(set(round(v, 2) for v in x)) >= 2 and "percentile" not in svg


def test_the_widget_on_a_folder_with_a_broken_scene(tmp_path, no_network):
    for name in ("amira.txt", "amira.cast.toml", "eli.txt", "eli.cast.toml"):
        shutil.copy(demo_class_folder() / name, tmp_path / name)
    (tmp_path / "zoe.txt").write_bytes(b"")
    view = ClassOverview(tmp_path)
    assert "3 scenes, 2 critiqued, 1 could not be read" in view.heading.value
    assert "empty" in view.table.value and view.table.value.count("<tr>") == 4
    assert list(view.choice.options) == ["amira.txt", "eli.txt"]
    assert "Voice critique: amira" in view.critique.value and "srcdoc=" in view.critique.value
    view.choice.value = "eli.txt"
    assert "Voice critique: eli" in view.critique.value and "Walt" in view.critique.value
    assert b"Walt (eli)" in bytes(view.picture.value)
    assert not list(tmp_path.glob("*.html"))  # nothing written into the class's folder


def test_a_missing_folder_is_one_line():
    with pytest.raises(WorkshopError, match="There is no folder at"):
        read_class("no/such/folder")
