"""The teacher's view of a class folder: the overview's rows, the measures that spread the class, the picture of
every character, and any student's critique, offline and without writing anything."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from workshop.errors import WorkshopError
from workshop.report.class_plot import class_picture_svg
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


def test_the_measures_that_spread_the_class_most():
    people = [ClassCharacter("a.txt", "A", 100, {"x": 10.0, "y": 50.0, "z": 0.0}),
              ClassCharacter("a.txt", "B", 100, {"x": 90.0, "y": 55.0, "z": 100.0}),
              ClassCharacter("b.txt", "C", 100, {"x": 50.0, "y": 45.0})]  # no z: z would leave C out
    results = ClassResults(Path("."), [], people, "")
    assert results.spread(2) == ["x", "y"]
    assert ClassResults(Path("."), [], people[:1], "").spread(2) == []
    for c, v in zip(people, (0.0, 100.0, 0.0)):  # one stutter puts a character at the top: not a spread
        c.percentiles["stutters_per_100_words"] = v
    assert results.spread(2) == ["x", "y"]


def test_the_picture_shows_every_placed_character(demo):
    svg = class_picture_svg(demo)
    for c in demo.characters:
        assert f"<title>{c.label}</title>" in svg
    assert svg.count("vw-class-point") == len(demo.characters)


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
