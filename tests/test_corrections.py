"""Corrections apply only where their line still is; anything else is reported, never applied somewhere else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workshop import Cast, Character, find_dialogue, scene_from_text
from workshop.speakers.corrections import load_corrections, save_correction

ROOT = Path(__file__).resolve().parents[1]

SCENE = (
    "The kettle had boiled dry by the time anyone noticed it.\n\n"
    '"Who left this on?" Anna asked, lifting it off the ring with a cloth.\n\n'
    '"I don\'t know."\n\n'
    "Tom kept his eyes on the crossword and did not look up at all.\n\n"
    '"Somebody did," Anna said. "Kettles do not switch themselves on, not in this house."\n\n'
    "Outside, the rain had settled in for the evening, steady on the glass.\n\n"
    '"I don\'t know."\n\n'
    "This time it was the boy in the doorway, still in his wet coat.\n"
)
CAST = Cast([Character("Anna", pronouns="she"), Character("Tom", pronouns="he"), Character("Sam", pronouns="he")])


def dialogue_of(text: str, corrections: Path | None = None):
    return find_dialogue(scene_from_text(text), Cast(list(CAST.characters)), corrections=corrections)


def first_dont_know(dialogue):
    return next(s for s in dialogue.segments if s.text == "I don't know.")


def test_a_correction_whose_line_was_deleted_is_reported_not_moved_to_a_twin(tmp_path):
    path = tmp_path / "scene.corrections.toml"
    dialogue = dialogue_of(SCENE)
    save_correction(path, first_dont_know(dialogue), "Tom", scene=dialogue.scene)
    assert first_dont_know(dialogue_of(SCENE, path)).method == "correction"
    edited = SCENE.replace('"I don\'t know."\n\nTom kept', "Tom kept", 1)  # the corrected line is deleted
    after = dialogue_of(edited, path)
    twin = first_dont_know(after)
    assert twin.method != "correction" and twin.speaker != "Tom"
    stale = [n for n in after.notices if n.code == "stale-correction"]
    assert len(stale) == 1 and "I don't know." in stale[0].message and "scene.corrections.toml" in stale[0].message


def test_a_correction_follows_its_line_through_edits_elsewhere_and_next_to_it(tmp_path):
    path = tmp_path / "c.toml"
    dialogue = dialogue_of(SCENE)
    save_correction(path, first_dont_know(dialogue), "Tom", scene=dialogue.scene)
    moved = "A new opening paragraph, written later.\n\n" + SCENE.replace("steady on the glass", "hard on the roof")
    assert first_dont_know(dialogue_of(moved, path)).speaker == "Tom"
    retagged = SCENE.replace("Tom kept his eyes", "Tom, not looking up, kept his eyes", 1)  # the text after it
    fixed = dialogue_of(retagged, path)
    assert first_dont_know(fixed).speaker == "Tom" and first_dont_know(fixed).method == "correction"


def test_an_edited_line_is_reported(tmp_path):
    path = tmp_path / "c.toml"
    dialogue = dialogue_of(SCENE)
    save_correction(path, first_dont_know(dialogue), "Tom", scene=dialogue.scene)
    after = dialogue_of(SCENE.replace('"I don\'t know."\n\nTom', '"I really don\'t know."\n\nTom', 1), path)
    assert any(n.code == "stale-correction" for n in after.notices)
    assert all(s.method != "correction" for s in after.segments)


def test_an_old_corrections_file_without_context_applies_only_at_its_place(tmp_path):
    path = tmp_path / "old.toml"
    start = SCENE.index("I don't know.")
    path.write_text(f'[[fix]]\nstart = {start}\nquote = "I don\'t know."\nspeaker = "Tom"\n', encoding="utf-8")
    assert first_dont_know(dialogue_of(SCENE, path)).speaker == "Tom"
    deleted = SCENE.replace('"I don\'t know."\n\nTom kept', "Tom kept", 1)
    after = dialogue_of(deleted, path)
    assert all(s.method != "correction" for s in after.segments)
    assert any(n.code == "stale-correction" for n in after.notices)


def test_a_misspelt_speaker_is_reported_with_the_likely_name_not_added(tmp_path):
    path = tmp_path / "c.toml"
    dialogue = dialogue_of(SCENE)
    save_correction(path, first_dont_know(dialogue), "Tmo", scene=dialogue.scene)
    after = dialogue_of(SCENE, path)
    notice = next(n for n in after.notices if n.code == "correction-speaker")
    assert "did you mean Tom?" in notice.message
    assert "Tmo" not in after.cast.names and "Tmo" not in after.speakers


def test_a_new_speaker_joins_with_a_notice(tmp_path):
    path = tmp_path / "c.toml"
    dialogue = dialogue_of(SCENE)
    save_correction(path, first_dont_know(dialogue), "The Landlady", scene=dialogue.scene)
    after = dialogue_of(SCENE, path)
    assert first_dont_know(after).speaker == "The Landlady"
    assert any(n.code == "correction-new-speaker" and "The Landlady" in n.message for n in after.notices)


def test_context_with_awkward_characters_round_trips(tmp_path):
    text = 'Tab\there, DEL\x7f there,\r\n\r\n"Quote \\ with \\"marks\\"," said Anna.\r\n'
    dialogue = find_dialogue(scene_from_text(text), Cast([Character("Anna"), Character("Tom")]))
    path = tmp_path / "c.toml"
    save_correction(path, dialogue.segments[0], "Tom", scene=dialogue.scene)
    (fix,) = load_corrections(path)
    assert fix.before == text[: dialogue.segments[0].start] and fix.quote == dialogue.segments[0].text
    again = find_dialogue(scene_from_text(text), Cast([Character("Anna"), Character("Tom")]), corrections=path)
    assert again.segments[0].speaker == "Tom"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=180)


def one_line_failure(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("voice-workshop: ")]
    assert len(errors) == 1 and words in errors[0], result.stderr


@pytest.mark.parametrize(
    "content, words",
    [
        ("fix = 3\n", "'fix' must be a list"),
        ('[[fix]]\nquote = "x"\nspeaker = 5\n', "not a name in quotes"),
        ('[[fix]]\nquote = "x"\nbefore = 5\n', "before that is not text"),
        ("a = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
        ("[[fix]\n", "not valid TOML"),
    ],
)
def test_malformed_corrections_files_are_one_line(tmp_path, content, words):
    path = tmp_path / "c.toml"
    path.write_text(content, encoding="utf-8")
    one_line_failure(run("quotes", "--corrections", str(path)), words)


def test_a_folder_or_a_missing_file_given_as_corrections_is_an_error(tmp_path):
    one_line_failure(run("quotes", "--corrections", str(tmp_path)), "is a folder")
    one_line_failure(run("quotes", "--corrections", str(tmp_path / "missing.toml")), "no corrections file")


def test_the_default_corrections_file_beside_the_scene_stays_optional(tmp_path):
    scene = tmp_path / "scene.txt"
    scene.write_text(SCENE, encoding="utf-8")
    assert run("quotes", str(scene)).returncode == 0
