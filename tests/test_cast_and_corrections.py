"""Cast files, the writer's corrections, and the Dialogue model's views of a scene."""

from __future__ import annotations

import json

import pytest

from workshop import Cast, Character, find_dialogue, load_cast, scene_from_text
from workshop.speakers.cast import cast_to_toml
from workshop.speakers.corrections import corrections_path_for, load_corrections, save_correction
from workshop.errors import WorkshopError

CAST_TOML = """
[[character]]
name = "Natasha"
aliases = ["Nat", "Natasha Romanov", "Romanov"]
pronouns = "she"

[[character]]
name = "Bruce"
aliases = ["Bruce Banner", "Banner"]
pronouns = "he"
"""


def test_cast_file_maps_every_alias_to_the_canonical_name(tmp_path):
    path = tmp_path / "cast.toml"
    path.write_text(CAST_TOML)
    cast = load_cast(path)
    assert cast.names == ["Natasha", "Bruce"]
    assert cast.canonical("nat") == "Natasha"
    assert cast.canonical("Natasha  Romanov") == "Natasha"
    assert cast.canonical("Banner") == "Bruce"
    assert cast.canonical("Clint") is None
    assert cast.pronoun_of("Romanov") == "she"
    assert load_cast(path).names == load_cast(_round_trip(tmp_path, cast)).names


def _round_trip(tmp_path, cast: Cast):
    path = tmp_path / "again.toml"
    path.write_text(cast_to_toml(cast))
    return path


def test_titles_match_with_or_without_a_full_stop():
    cast = Cast([Character("Mrs. Bennet", ("Mrs Bennet",))])
    assert cast.canonical("Mrs Bennet") == "Mrs. Bennet"
    assert cast.canonical("MRS. BENNET") == "Mrs. Bennet"


def test_annotated_novel_character_lists_are_read_with_gender_as_pronouns(tmp_path):
    path = tmp_path / "characters.json"
    path.write_text(json.dumps({"Elizabeth": {"aliases": ["Lizzy", "Elizabeth"], "gender": "F"}, "Mr. Darcy": {"aliases": ["Darcy"], "gender": "M"}}))
    cast = load_cast(path)
    assert cast.canonical("Lizzy") == "Elizabeth"
    assert cast.pronoun_of("Darcy") == "he"
    assert cast.get("Elizabeth").aliases == ("Lizzy",)


@pytest.mark.parametrize(
    "content, words",
    [
        ("[[character]]\nname = 3\n", "has no name"),
        ('[[character]]\nname = "A"\naliases = [1]\n', "aliases of A"),
        ('[[character]]\nname = "A"\nage = 4\n', "unknown field"),
        ('character = "A"\n', "must be a list"),
    ],
)
def test_malformed_cast_files_name_the_problem(tmp_path, content, words):
    path = tmp_path / "cast.toml"
    path.write_text(content)
    with pytest.raises(WorkshopError, match=words):
        load_cast(path)


def test_cast_file_errors_for_missing_binary_and_bad_json(tmp_path):
    with pytest.raises(WorkshopError, match="no cast file"):
        load_cast(tmp_path / "none.toml")
    (tmp_path / "bad.toml").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(WorkshopError, match="not UTF-8|not valid TOML"):
        load_cast(tmp_path / "bad.toml")
    (tmp_path / "bad.json").write_text("{oops")
    with pytest.raises(WorkshopError, match="not valid JSON"):
        load_cast(tmp_path / "bad.json")


TWO_PEOPLE = '"Coffee?" Anna asked.\n\n"Tea," said Tom.\n\n"Suit yourself."\n\nShe left.'


def test_a_correction_is_saved_applied_and_survives_edits_elsewhere(tmp_path):
    cast = Cast([Character("Anna", pronouns="she"), Character("Tom", pronouns="he")])
    dialogue = find_dialogue(scene_from_text(TWO_PEOPLE), cast)
    third = dialogue.segments[2]
    path = tmp_path / "scene.corrections.toml"
    save_correction(path, third, "Tom", scene=dialogue.scene)
    save_correction(path, third, "Anna", scene=dialogue.scene)  # a second fix to the same line replaces the first
    assert [(f.quote, f.speaker) for f in load_corrections(path)] == [("Suit yourself.", "Anna")]
    fixed = find_dialogue(scene_from_text(TWO_PEOPLE), cast, corrections=path)
    assert (fixed.segments[2].speaker, fixed.segments[2].method, fixed.segments[2].confidence) == ("Anna", "correction", 1.0)
    edited = "It was late.\n\n" + TWO_PEOPLE
    moved = find_dialogue(scene_from_text(edited), cast, corrections=path)
    assert moved.segments[2].speaker == "Anna" and moved.segments[2].method == "correction"


def test_a_correction_can_make_a_line_unknown_or_name_someone_new(tmp_path):
    cast = Cast([Character("Anna"), Character("Tom")])
    dialogue = find_dialogue(scene_from_text(TWO_PEOPLE), cast)
    path = tmp_path / "c.toml"
    save_correction(path, dialogue.segments[0], None)
    save_correction(path, dialogue.segments[1], "Waiter")
    fixed = find_dialogue(scene_from_text(TWO_PEOPLE), Cast([Character("Anna"), Character("Tom")]), corrections=path)
    assert fixed.segments[0].speaker is None and fixed.segments[0].method == "correction"
    assert fixed.segments[1].speaker == "Waiter" and "Waiter" in fixed.cast.names


def test_stale_and_malformed_corrections(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[[fix]]\nstart = 3\nquote = "Never said."\nspeaker = "Tom"\n')
    dialogue = find_dialogue(scene_from_text(TWO_PEOPLE), corrections=path)
    assert [n.code for n in dialogue.notices] == ["stale-correction"]
    path.write_text("[[fix]]\nstart = 3\n")
    with pytest.raises(WorkshopError, match="quote"):
        find_dialogue(scene_from_text(TWO_PEOPLE), corrections=path)
    assert corrections_path_for("texts/a.txt").name == "a.corrections.toml"


def test_dialogue_views_narration_utterances_and_records():
    text = 'Anna smiled. "Coffee?" she asked, "or tea?"\n\nTom shrugged.'
    cast = Cast([Character("Anna", pronouns="she"), Character("Tom", pronouns="he")])
    dialogue = find_dialogue(scene_from_text(text), cast)
    assert [u.text for u in dialogue.utterances] == ["Coffee? or tea?"]
    assert [text[s:e] for s, e in dialogue.narration_spans()] == ["Anna smiled. ", " she asked, ", "Tom shrugged."]
    assert dialogue.narration() == "Anna smiled.\n\nshe asked,\n\nTom shrugged."
    frame = dialogue.to_frame()
    assert list(frame["text"]) == ["Coffee?", "or tea?"]
    assert {"start", "end", "speaker", "method", "confidence", "utterance"} <= set(frame.columns)


def test_a_scene_without_dialogue_says_so():
    dialogue = find_dialogue(scene_from_text("The sea was calm.\n\nNobody spoke."))
    assert dialogue.segments == [] and dialogue.speakers == []
    assert [n.code for n in dialogue.notices] == ["no-dialogue"]


def test_a_cast_naming_nobody_in_the_scene_gives_nobody_lines_and_a_misspelt_name_is_reported(seed_path):
    from workshop import read_scene

    scene = read_scene(seed_path)
    wrong = find_dialogue(scene, Cast([Character("Zed", pronouns="he"), Character("Yolanda", pronouns="she")]))
    assert {s.speaker for s in wrong.segments} == {None}  # "she said" must not become Yolanda
    assert any(n.code == "cast-absent" and "None of the characters" in n.message for n in wrong.notices)
    cast = Cast([Character("Natasha", ("Nat",), "she"), Character("Bruce", ("Banner",), "he"), Character("Natsha")])
    dialogue = find_dialogue(scene, cast)
    notice = next(n for n in dialogue.notices if n.code == "cast-absent")
    assert "never names Natsha" in notice.message
    assert "Natsha" not in dialogue.speakers


def test_a_cast_named_only_by_first_names_and_i_is_not_refused():
    """A cast file with full names ("Ludo Vance") for a scene that says only "Ludo", told by its narrator as "I":
    the characters are named as the kit reads names, so their lines are attributed (the run was refused: 'None of
    the characters in the cast is named in the scene')."""
    text = (
        "Ludo was awake and sitting on the edge of the bed when I came in.\n\n"
        '"You took your time," he said.\n\n'
        '"The bakery was shut," I said. "Get up."\n\n'
        '"Never," said Ludo.'
    )
    cast = Cast([Character("Ludo Vance", (), "he"), Character("Petra Holm", ("Mrs. Holm",), "she", narrator=True)])
    dialogue = find_dialogue(scene_from_text(text), cast)
    assert not any(n.code == "cast-absent" for n in dialogue.notices)
    assert [s.speaker for s in dialogue.segments] == ["Ludo Vance", "Petra Holm", "Petra Holm", "Ludo Vance"]


def test_a_character_added_to_a_cast_answers_to_their_names_and_their_own_name_wins():
    cast = Cast([Character("Anna", ("Nan",)), Character("Tom")])
    cast.add(Character("Nan", ("Nancy",)))  # a correction names someone the cast called an alias of Anna's
    assert cast.canonical("nan") == "Nan" and cast.canonical("Nancy") == "Nan" and cast.canonical("Anna") == "Anna"
    assert cast.names == ["Anna", "Tom", "Nan"]
