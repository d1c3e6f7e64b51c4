"""The writer confirms the cast: typed on the command line, edited in the notebook, saved beside the scene and
used by every command and notebook afterwards; a first-person scene gets a clear way to name its narrator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workshop.errors import WorkshopError
from workshop.speakers import cast_edit
from workshop.speakers.cast import Cast, Character, load_cast
from workshop.speakers.cast_inline import cast_path_for, looks_inline, parse_inline_cast

FIRST_PERSON = '''I woke before the alarm. The kitchen was cold, and Joe was already at the table.

"You're up early," Joe said.

"Couldn't sleep," I said.

I poured the coffee and said nothing for a while. The radio muttered.

"Are you going to tell me?" he asked.

"Tell you what?" I said. "There's nothing to tell."

He looked at me for a long time. "Sam. Come on."

I shrugged and looked out at the rain.
'''


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_a_typed_cast() -> None:
    cast = parse_inline_cast("Natasha (she, aka Nat, Romanoff), Bruce (he), Sam (narrator, they)")
    assert [(c.name, c.pronouns, c.narrator) for c in cast] == [("Natasha", "she", False), ("Bruce", "he", False),
                                                                ("Sam", "they", True)]
    assert cast.get("Nat").name == "Natasha" and cast.canonical("Romanoff") == "Natasha"
    assert looks_inline("Natasha (she), Bruce (he)") and looks_inline("Natasha") and not looks_inline("x.toml")
    with pytest.raises(WorkshopError, match="'shee' after Natasha is not a pronoun"):
        parse_inline_cast("Natasha (shee)")
    with pytest.raises(WorkshopError, match="only one character can be the narrator"):
        parse_inline_cast("A (narrator), B (narrator)")


def test_the_edits_a_writer_makes() -> None:
    cast = Cast([Character("Natasha", ("Nat",), "she"), Character("Romanoff"), Character("Bruce", ("Banner", "Hulk"))])
    renamed = cast_edit.rename(cast, "Natasha", "Natalia")
    assert renamed.get("Natalia").aliases == ("Natasha", "Nat") and cast.get("Natasha").name == "Natasha"
    merged = cast_edit.merge(cast, "Romanoff", "Natasha")
    assert merged.names == ["Natasha", "Bruce"] and merged.canonical("Romanoff") == "Natasha"
    split = cast_edit.split(cast, "Bruce", "Hulk", pronouns="he")
    assert split.names == ["Natasha", "Romanoff", "Bruce", "Hulk"] and split.get("Bruce").aliases == ("Banner",)
    added = cast_edit.add(cast, "Sam", pronouns="they", narrator=True)
    assert added.narrator == "Sam"
    assert cast_edit.mark_narrator(added, "Bruce").narrator == "Bruce"
    assert cast_edit.mark_narrator(added, None).narrator is None
    with pytest.raises(WorkshopError, match="already in the cast"):
        cast_edit.add(cast, "nat")


def test_the_command_takes_a_typed_cast_and_says_which_cast_it_used(tmp_path: Path, seed_path) -> None:
    scene = tmp_path / "safehouse.txt"
    scene.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("critique", str(scene), "--cast", "Natasha (she, aka Nat), Bruce (he, aka Banner)", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Cast (typed with --cast): Natasha (she), Bruce (he)." in done.stdout


def test_the_cast_and_corrections_beside_the_scene_are_used_and_said(tmp_path: Path) -> None:
    scene = tmp_path / "kitchen.txt"
    scene.write_text(FIRST_PERSON, encoding="utf-8")
    cast_path_for(scene).write_text('[[character]]\nname = "Sam"\nnarrator = true\n\n[[character]]\nname = "Joe"\n'
                                    'pronouns = "he"\n', encoding="utf-8")
    done = run("critique", str(scene), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "(Using the cast file beside the scene: kitchen.cast.toml.)" in done.stderr
    assert "Cast (the cast file kitchen.cast.toml beside the scene): Sam (narrator), Joe (he)." in done.stdout
    (tmp_path / "kitchen.corrections.toml").write_text("", encoding="utf-8")
    done = run("quotes", str(scene), cwd=tmp_path)
    assert "(Using the corrections beside the scene: kitchen.corrections.toml.)" in done.stderr


def test_a_first_person_scene_without_a_cast_says_how_to_name_the_narrator(tmp_path: Path) -> None:
    scene = tmp_path / "kitchen.txt"
    scene.write_text(FIRST_PERSON.replace(" Joe said", "").replace(" he asked", "").replace(" I said", ""),
                     encoding="utf-8")
    done = run("critique", str(scene), cwd=tmp_path)
    if done.returncode != 0:  # nothing attributed: the message says how to fix it, in one line
        assert 'told as "I"' in done.stderr and "--cast" in done.stderr and "Traceback" not in done.stderr
    fixed = run("critique", str(scene), "--cast", "Sam (narrator), Joe (he)", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert "Cast (typed with --cast): Sam (narrator), Joe (he)." in fixed.stdout


def test_the_cast_editor_saves_beside_the_scene_and_the_critique_follows(tmp_path: Path, monkeypatch) -> None:
    from workshop.widgets import open_scene
    from workshop.widgets.cast_editor import CastEditor

    monkeypatch.chdir(tmp_path)
    scene_file = tmp_path / "kitchen.txt"
    scene_file.write_text(FIRST_PERSON, encoding="utf-8")
    scene = open_scene(scene_file)
    before = {u.speaker for u in scene.dialogue.utterances}
    editor = CastEditor(scene)
    for name in list(editor.draft.names):
        if name not in ("Joe", "Sam"):
            assert editor.remove(name)
    if "Sam" not in editor.draft.names:
        assert editor.add("Sam", narrator=True)
    if "Joe" not in editor.draft.names:
        assert editor.add("Joe", "he")
    assert editor.mark_narrator("Sam")
    assert editor.save()
    saved = load_cast(tmp_path / "kitchen.cast.toml")
    assert saved.narrator == "Sam" and set(saved.names) == {"Sam", "Joe"}
    assert "Saved to" in editor.status.value and "kitchen.cast.toml" in editor.status.value
    speakers = {u.speaker for u in scene.dialogue.utterances}
    assert "Sam" in speakers and "Joe" in speakers, (before, speakers)
    critique = scene.critique()
    assert "confirmed by the writer" in critique.cast_used and "Sam (narrator)" in critique.cast_used
    # every notebook opened on this scene afterwards uses the confirmed cast
    again = open_scene(scene_file)
    assert again.dialogue.cast.narrator == "Sam"


def test_pasted_and_uploaded_scenes_keep_their_corrections_beside_them(tmp_path: Path, monkeypatch) -> None:
    from workshop.widgets import open_scene
    from workshop.widgets.upload import SceneUpload

    monkeypatch.chdir(tmp_path)
    scene = open_scene()
    upload = SceneUpload(scene)
    assert upload.load("My Scene.txt", FIRST_PERSON.encode("utf-8"))
    kept = tmp_path / "my-scenes" / "My-Scene.txt"
    assert kept.read_text(encoding="utf-8") == FIRST_PERSON
    assert scene.corrections == kept.with_name("My-Scene.corrections.toml")
    assert scene.cast_path == kept.with_name("My-Scene.cast.toml")
    assert "--keep-notes" not in upload.status.value
