"""The small defects a new user met in the critique, the commands and the widgets: each with its known answer."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

TWO_LINES = '"Hello there, how are you?" said Ann.\n\n"Fine," said Tom.\n'


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, COLUMNS="1000")  # help text on one line, as wide as it comes
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env=env)


@pytest.fixture()
def two(tmp_path: Path) -> Path:
    path = tmp_path / "two.txt"
    path.write_text(TWO_LINES, encoding="utf-8")
    return path


def test_a_two_line_scene_critique_has_no_plural_slips_and_no_empty_percentages(two: Path) -> None:
    done = run("critique", str(two), cwd=two.parent)
    assert done.returncode == 0, done.stderr
    assert "Tom: 1 word in 1 speech" in done.stdout and "Tom's 1 word." in done.stdout
    assert re.search(r"\b1 (words|speeches|turns|sentences)\b", done.stdout) is None
    assert "–%" not in done.stdout and "The tag test could not be run: too few lines." in done.stdout


def test_compare_on_a_two_line_scene_places_nothing_on_too_little_text(two: Path) -> None:
    done = run("compare", str(two), cwd=two.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("below every one") == 0 and done.stdout.count("above every one") == 0
    assert "Tom: " in done.stdout and "left out, too little text to place" in done.stdout
    assert "has only 1 word:" in done.stdout and "1 words" not in done.stdout


def test_the_narration_has_no_share_of_the_talk(two: Path) -> None:
    done = run("profile", str(two), cwd=two.parent)
    row = next(line for line in done.stdout.splitlines() if line.startswith("Share of the talk (words)"))
    assert row.split()[-3:] == ["—", "—", "%"], row  # Narration and Scene columns


def test_references_are_named_by_title_in_the_commands_as_in_the_widget(tmp_path: Path) -> None:
    from workshop.report.voices import comparison_targets

    for command in ("critique", "compare"):
        done = run(command, "--help", cwd=tmp_path)
        text = " ".join(done.stdout.split())
        assert "the-detective (The Night Clerk)" in text and "the-teenager (The Lift Home)" in text
    assert ("Hale (reference: The Night Clerk)", "ref:the-detective:Hale") in comparison_targets()


def test_the_attribution_editor_speaks_of_no_stranger_and_shows_its_whole_label(tmp_path: Path, monkeypatch,
                                                                               seed_path: Path) -> None:
    from workshop.widgets import AttributionEditor, open_scene

    monkeypatch.chdir(tmp_path)
    editor = AttributionEditor(open_scene(seed_path))
    shown = " ".join(child.children[1].value for child in editor.rows.children if hasattr(child, "children"))
    assert "Anna" not in shown and "Natasha" in " ".join(str(o) for o in editor.dropdowns[0][1].options)
    longest = max(len(label) for label, _ in editor.show.options)
    assert int(editor.show.layout.width.removesuffix("px")) >= 9 * longest + 60  # description + text, not cut


def test_the_app_never_tells_a_student_to_use_a_command_line_option(tmp_path: Path, monkeypatch,
                                                                     seed_path: Path) -> None:
    from workshop.widgets import open_scene
    from workshop.widgets.upload import SceneUpload

    monkeypatch.chdir(tmp_path)
    upload = SceneUpload(open_scene())
    assert upload.load("safehouse.txt", seed_path.read_bytes())  # it has authors' notes at both ends
    assert "not counted as part of the scene" in upload.status.value and "--keep-notes" not in upload.status.value


def test_notebook_01_explains_every_method_its_table_shows() -> None:
    from workshop.speakers.dialogue import METHODS

    source = (Path(__file__).resolve().parents[1] / "notebooks" / "src" / "01-finding-the-voices.py").read_text(
        encoding="utf-8")
    for method in ("explicit", "pronoun", "beat", "turn-taking", "vocative", "split"):
        assert method in METHODS and f"**{method}**" in source, method


def test_paired_word_charts_share_one_x_scale() -> None:
    from workshop.report import plots

    fig = plots.signature_words(["Natasha", "Bruce"], [[("afraid", 2)], [("hulk", 5), ("uh", 2)]])
    left, right = [ax for ax in fig.axes if ax.get_visible()][:2]
    assert left.get_xlim() == right.get_xlim() and left.get_xlim()[1] >= 5
    fig = plots.distinctive_words(["A", "B"], [[("x", 1.0, False)], [("y", 4.0, True)]])
    left, right = fig.axes[:2]
    assert left.get_xlim() == right.get_xlim()
