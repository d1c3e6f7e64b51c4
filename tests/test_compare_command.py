import json
from pathlib import Path

import pytest

from workshop.cli.main import main

SEED = Path(__file__).resolve().parents[2] / "shared" / "scenes" / "safehouse.txt"
CAST = '[[character]]\nname = "Natasha"\npronouns = "she"\n\n[[character]]\nname = "Bruce"\naliases = ["Banner"]\npronouns = "he"\n'


def test_table_on_the_sample_scene(capsys):
    assert main(["compare", "--boot", "100", "--no-norms"]) == 0
    out = capsys.readouterr().out
    assert "Agnes and Owen" in out or "Owen and Agnes" in out
    assert "Average sentence length" in out and "[95% interval]" in out and "tag test:" in out


def test_json_against_a_reference_scene(capsys, tmp_path):
    out_path = tmp_path / "cmp.json"
    assert main(["compare", "--boot", "100", "--against", "the-butler", "--format", "json", "-o", str(out_path)]) == 0
    data = json.loads(out_path.read_text())
    assert data["reference"]["name"] == "the-butler"
    assert {(r["a"], r["b"]) for r in data["references"]} >= {("Agnes", "Ashcombe"), ("Owen", "Danny")}
    assert data["pairs"][0]["tag_test"]["n"] > 10 and data["norms"]
    assert main(["compare", "--against", "the-butler", "--format", "json", "-o", str(out_path)]) == 2  # no --force


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/scenes/safehouse.txt")
def test_seed_scene_json(capsys, tmp_path):
    cast = tmp_path / "safehouse.cast.toml"
    cast.write_text(CAST)
    assert main(["compare", str(SEED), "--cast", str(cast), "--boot", "200", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    pair = data["pairs"][0]
    assert {pair["a"], pair["b"]} == {"Natasha", "Bruce"}
    clear = {m["metric"] for m in pair["metrics"] if m["verdict"] == "clearly different"}
    assert {"mean_sentence_words", "ellipses_per_100_words"} <= clear
    assert "distinct" in pair["verdict"] and "not clearly" not in pair["verdict"]
    assert any(n["character"] == "Bruce" and n["metric"] == "mean_sentence_words" for n in data["norms"])


def test_bad_input_gives_a_message(capsys):
    assert main(["compare", "--against", "the-astronaut", "--no-norms"]) == 2
    assert "No reference called" in capsys.readouterr().err
    assert main(["compare", "--characters", "Agnes,Nobody", "--no-norms"]) == 2
    assert "No lines for Nobody" in capsys.readouterr().err


def test_catalog_work_not_downloaded_says_how(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("VOICE_WORKSHOP_CACHE", str(tmp_path))
    assert main(["compare", "--against", "emma", "--no-norms"]) == 2
    err = capsys.readouterr().err
    assert "--fetch" in err and "pg158.txt" in err


def test_name_columns_are_as_wide_as_the_names_up_to_18():
    from workshop.cli.compare import format_pair
    from workshop.compare.pairs import compare_pair

    terse = ["No.", "Sit down.", "Not tonight.", "He lied.", "Drink it.", "Go."] * 2
    chatty = ["Well, I do think we ought to have the whole family round for tea on Sunday, don't you?"] * 12
    rows = format_pair(compare_pair("Mrs. Bennet", terse, "Lady Catherine De Bourgh", chatty, n_boot=50, n_perm=10))
    header = next(r for r in rows if r.lstrip().startswith("measure"))
    assert " Mrs. Bennet " in header  # 11 characters: no longer cut to "Mrs. Benne"
    assert " Lady Catherine... " in header  # 24 characters: cut to fit a column of 18
    first = rows[rows.index(header) + 1]
    # the values end right under the ends of the names
    end_a = header.index("Mrs. Bennet") + len("Mrs. Bennet")
    end_b = header.index("Lady Catherine...") + len("Lady Catherine...")
    assert first[end_a - 1] != " " and first[end_a] == " "
    assert first[end_b - 1] != " " and first[end_b : end_b + 2] == "  "
