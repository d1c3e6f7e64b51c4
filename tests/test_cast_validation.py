"""One validation for every cast file (TOML or JSON): one-line messages naming the file, the entry and the fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workshop import Cast, Character, find_dialogue, load_cast, scene_from_text
from workshop.errors import WorkshopError

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "texts" / "sample" / "the-lighthouse.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=180)


def one_line_failure(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("voice-workshop: ")]
    assert len(errors) == 1, result.stderr
    for w in words:
        assert w in errors[0], result.stderr


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_spellings_of_one_name_are_merged_with_a_warning(tmp_path):
    path = write(tmp_path, "cast.toml", '[[character]]\nname = "Mrs. Harville"\npronouns = "she"\n\n'
                                        '[[character]]\nname = "Mrs Harville"\naliases = ["Harriet"]\n')
    cast = load_cast(path)
    assert cast.names == ["Mrs. Harville"]
    assert cast.canonical("Harriet") == "Mrs. Harville" and cast.pronoun_of("Mrs Harville") == "she"
    assert [n.code for n in cast.notices] == ["cast-merged"]
    assert "cast.toml" in cast.notices[0].message and "Mrs Harville" in cast.notices[0].message
    dialogue = find_dialogue(scene_from_text('"Well," said Mrs Harville.'), cast)
    assert any(n.code == "cast-merged" for n in dialogue.notices)  # the warning reaches the user


def test_an_alias_that_is_another_characters_name_is_refused_naming_both(tmp_path):
    path = write(tmp_path, "cast.toml", '[[character]]\nname = "Natasha"\naliases = ["Bruce"]\n\n'
                                        '[[character]]\nname = "Bruce"\n')
    with pytest.raises(WorkshopError, match=r"cast.toml.*'Bruce' is an alias of Natasha.*another character, Bruce"):
        load_cast(path)


def test_a_characters_own_name_wins_over_another_characters_alias():
    """A cast built in code is not validated: the name still goes to its owner (the KeyError in critique)."""
    cast = Cast([Character("Agnes", ("Owen",)), Character("Owen")])
    assert cast.canonical("Owen") == "Owen"


def test_critique_with_an_alias_clash_is_a_message_not_a_keyerror(tmp_path):
    cast = write(tmp_path, "cast.toml", '[[character]]\nname = "Agnes"\naliases = ["Owen"]\npronouns = "she"\n\n'
                                        '[[character]]\nname = "Owen"\npronouns = "he"\n')
    one_line_failure(run("critique", str(SAMPLE), "--cast", str(cast)), "alias of Agnes", "Owen")


@pytest.mark.parametrize(
    "content, words",
    [
        ({"Nat": {"aliases": 5}}, "aliases of Nat"),
        ({"": {"aliases": []}}, "has no name"),
        ({"\u200b": {"aliases": []}}, "no visible name"),
        ({"Nat": ["not", "an", "object"]}, "details of 'Nat'"),
        ({"Nat": {"aliases": ["Bruce"]}, "Bruce": {}}, "alias of Nat"),
    ],
)
def test_json_casts_are_checked_like_toml_casts(tmp_path, content, words):
    path = write(tmp_path, "characters.json", json.dumps(content))
    with pytest.raises(WorkshopError, match=words):
        load_cast(path)
    one_line_failure(run("quotes", str(SAMPLE), "--cast", str(path)), words)


def test_json_cast_with_a_name_given_twice_is_refused(tmp_path):
    path = write(tmp_path, "characters.json", '{"Nat": {"aliases": ["N"]}, "Nat": {"aliases": []}}')
    with pytest.raises(WorkshopError, match="'Nat' appears twice"):
        load_cast(path)


def test_a_name_of_only_invisible_characters_is_refused(tmp_path):
    path = write(tmp_path, "cast.toml", '[[character]]\nname = "\u200b"\n\n[[character]]\nname = "Owen"\n')
    with pytest.raises(WorkshopError, match="character 1 has no visible name"):
        load_cast(path)


def test_invisible_aliases_are_dropped(tmp_path):
    path = write(tmp_path, "cast.toml", '[[character]]\nname = "Owen"\naliases = ["\u200b\u200d", "Tate"]\n')
    assert load_cast(path).get("Owen").aliases == ("Tate",)


@pytest.mark.parametrize("name, text", [("cast.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n"),
                                        ("cast.json", "[" * 100_000 + "]" * 100_000)])
def test_deeply_nested_files_are_a_message(tmp_path, name, text):
    path = write(tmp_path, name, text)
    one_line_failure(run("quotes", str(SAMPLE), "--cast", str(path)), "nested too deeply")


def test_a_cast_that_is_a_device_is_refused_without_reading_forever():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    one_line_failure(run("quotes", str(SAMPLE), "--cast", "/dev/zero"), "not a regular file")


def test_the_kits_own_casts_and_the_catalog_pass(pdnc_dir):
    from workshop.compare.references import catalog

    for path in sorted((ROOT / "texts").rglob("*.cast.toml")) + sorted(pdnc_dir.glob("*/characters.json")):
        cast = load_cast(path)
        assert cast.characters and not cast.notices, path
    for work in catalog().values():
        assert work.cast.characters


PLAY = "AGNES: Is the lamp lit?\n\nOWEN: It is.\n\nAGNSE: Then we wait.\n\nPOSTMAN: Letter for you.\n"


def test_script_cues_not_in_a_given_cast_are_reported_and_left_unattributed():
    cast = Cast([Character("Agnes", pronouns="she"), Character("Owen", pronouns="he")])
    dialogue = find_dialogue(scene_from_text(PLAY), cast)
    assert [s.speaker for s in dialogue.segments] == ["Agnes", "Owen", None, None]
    assert dialogue.cast.names == ["Agnes", "Owen"]
    notice = next(n for n in dialogue.notices if n.code == "cue-not-in-cast")
    assert "Agnse" in notice.message and "Postman" in notice.message and "those 2 lines" in notice.message


def test_without_a_cast_file_script_cues_define_the_cast():
    dialogue = find_dialogue(scene_from_text(PLAY))
    assert [s.speaker for s in dialogue.segments] == ["Agnes", "Owen", "Agnse", "Postman"]
    assert not any(n.code == "cue-not-in-cast" for n in dialogue.notices)
