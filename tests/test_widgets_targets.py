"""The widgets' reference list: the kit's scenes, the characters whose lines ship with the kit, the classic norms,
and the norms a teacher built (named by their --name), all offline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop.cli.main import main
from workshop.text.samples import texts_dir
from workshop.widgets import ComparisonWidget, ReferencePicker, open_scene


@pytest.fixture(scope="module")
def class_norms(tmp_path_factory) -> Path:
    """A folder holding a teacher's norms file (built from the kit's reference scenes) and another JSON file."""
    folder = tmp_path_factory.mktemp("teacher")
    assert main(["norms", "build", str(texts_dir() / "references"), "-o", str(folder / "class.json"),
                 "--name", "Class of 2026", "--min-words", "40", "--jobs", "1"]) == 0
    (folder / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    return folder


@pytest.fixture
def scene(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return open_scene()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_picker_offers_scenes_shipped_characters_and_every_norms(no_network, class_norms):
    picker = ReferencePicker(norms_folder=class_norms)
    values = [v for _, v in picker.choice.options]
    labels = [label for label, _ in picker.choice.options]
    assert values[:4] == ["the-aunt", "the-butler", "the-detective", "the-teenager"]
    assert {"Sherlock Holmes", "Elizabeth Bennet", "Alice", "Mr. Darcy", "Dr. Watson", "Emma Woodhouse"} <= set(values)
    assert "norms" in values
    teacher = [label for label in labels if "Class of 2026" in label]
    assert len(teacher) == 1 and re.search(r"\(\d+ characters, [\d,]+ words\)", teacher[0])
    assert not any("settings" in v for v in values)  # a JSON file that is not norms is not offered

    picker.choice.value = "Sherlock Holmes"
    assert picker.characters == ["shipped:sherlock-holmes"]
    assert "The Sign of the Four" in picker.about.value and "Project Gutenberg #2097" in picker.about.value
    picker.choice.value = next(v for v in values if v.startswith("norms:"))
    assert "Class of 2026" in picker.about.value


def test_comparison_with_a_shipped_character_and_a_teachers_norms(no_network, scene, class_norms):
    widget = ComparisonWidget(scene, first="Owen", norms_folder=class_norms)
    options = dict((v, label) for label, v in widget.second.options)
    assert options["shipped:sherlock-holmes"] == "Sherlock Holmes (The Sign of the Four, 1890)"
    teacher = next(v for v in options if v.startswith("norms:"))
    values = list(options)
    assert values.index("shipped:alice") < values.index("norms") < values.index(teacher)

    widget.second.value = "shipped:sherlock-holmes"
    assert "Sherlock Holmes" in _text(widget.result.value) and widget.picture.value

    widget.family.value = "rhythm"
    widget.second.value = "norms"
    classic = [r["percentile_a"] for r in widget.view().rows]
    widget.second.value = teacher
    shown = _text(widget.result.value)
    assert "against Class of 2026" in shown and "Percentile among characters in Class of 2026" in shown
    assert b"Class of 2026" in bytes(widget.picture.value)
    assert [r["percentile_a"] for r in widget.view().rows] != classic  # placed among the class, not the classics


def test_follow_a_shipped_character(no_network, scene):
    picker = ReferencePicker()
    widget = ComparisonWidget(scene, first="Agnes").follow(picker)
    picker.choice.value = "Elizabeth Bennet"
    assert widget.second.value == "shipped:elizabeth-bennet"
    assert "Elizabeth Bennet" in _text(widget.result.value)


def test_a_norms_file_named_on_purpose_must_be_usable(scene, tmp_path):
    from workshop.errors import WorkshopError

    bad = tmp_path / "broken.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(WorkshopError, match="not a norms file"):
        ComparisonWidget(scene, norms=[bad])
