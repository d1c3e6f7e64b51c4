"""Norms from any corpus: `norms build` writes the shipped format (figures only), `--norms` uses them and every
output names them; a bad norms file is one line; the shipped norms are one output of the command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from class_folder import TEAM
from workshop.cli.main import main
from workshop.speakers.hand_speakers import read_hand_speakers
from workshop.compare.norms.table import load_norms
from workshop.compare.norms.file import load_norms_file

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "workshop" / "data" / "norms.json"


def run_here(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(args))
    printed = capsys.readouterr()
    return status, printed.out, printed.err


@pytest.fixture(scope="module")
def team_norms(tmp_path_factory) -> Path:
    """Norms built from the team's five scenes with their cast files (characters with 100 words or more)."""
    folder = tmp_path_factory.mktemp("team")
    for scene in TEAM:
        shutil.copy(scene, folder / scene.name)
        shutil.copy(scene.with_name(scene.stem + ".cast.toml"), folder / (scene.stem + ".cast.toml"))
    (folder / "broken.txt").write_bytes(b"")
    out = folder.parent / "team-norms.json"
    done = subprocess.run([sys.executable, "-m", "workshop", "norms", "build", str(folder), "-o", str(out),
                           "--name", "Team scenes", "--min-words", "100"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "left out broken.txt" in done.stderr  # a bad text is reported, and the others still count
    return out


def test_built_norms_have_the_shipped_format_and_only_figures(team_norms):
    built = json.loads(team_norms.read_text(encoding="utf-8"))
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert set(built) == set(shipped) == {"corpus", "metrics", "function_words"}
    assert set(built["metrics"]) == set(shipped["metrics"])
    assert set(built["function_words"]) == set(shipped["function_words"])
    for name, entry in built["metrics"].items():
        assert set(entry) == set(shipped["metrics"][name]) == {"label", "family", "source", "n", "percentiles"}
        assert len(entry["percentiles"]) == 101 and entry["percentiles"] == sorted(entry["percentiles"])
        assert entry["label"] == shipped["metrics"][name]["label"]
    corpus = built["corpus"]
    assert corpus["name"] == "Team scenes" and corpus["texts"] == 5 and corpus["min_words"] == 100
    assert 4 <= corpus["characters"] <= 10 and corpus["words"] > 1000
    assert "rough" in corpus["description"]  # fewer than 20 characters: the description says the tables are rough
    # figures only: no character's name and no line of any scene in the file
    raw = team_norms.read_text(encoding="utf-8")
    for name in ("Agnes", "Owen", "Marjorie", "Kayla", "Ashcombe", "lighthouse", "the-aunt"):
        assert name not in raw
    for scene in TEAM:
        for paragraph in scene.read_text(encoding="utf-8").split("\n\n"):
            words = paragraph.split()
            for i in range(0, max(0, len(words) - 3), 4):
                assert " ".join(words[i:i + 4]) not in raw


def test_norms_given_with_norms_are_used_and_named_by_every_command(capsys, team_norms):
    table = load_norms_file(team_norms)
    assert table.summary().startswith("Team scenes (") and table.people == "characters in Team scenes"
    status, out, err = run_here(capsys, "critique", "--norms", str(team_norms))
    assert status == 0, err
    assert "Team scenes" in out and "classic novels" not in out
    status, out, err = run_here(capsys, "compare", "--norms", str(team_norms))
    assert status == 0, err
    assert "Against characters in Team scenes" in out and "Team scenes" in out.split("(The norms: ")[1]
    status, out, err = run_here(capsys, "profile", "--norms", str(team_norms), "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    assert data["norms"]["name"] == "Team scenes" and data["norms"]["characters"] == table.corpus["characters"]
    percentiles = data["characters"][0]["percentiles"]
    assert set(percentiles) <= set(table.metrics) and all(p is None or 0 <= p <= 100 for p in percentiles.values())
    status, out, _ = run_here(capsys, "profile", "--norms", str(team_norms))
    assert "WHERE EACH CHARACTER STANDS AMONG CHARACTERS IN TEAM SCENES" in out and "The norms: Team scenes (" in out
    status, out, _ = run_here(capsys, "profile", "--norms", str(team_norms), "--format", "csv")
    assert out.splitlines()[0].endswith(",percentile,norms") and "Team scenes (" in out


def test_the_same_scene_sits_differently_among_other_norms(capsys, team_norms):
    _, shipped, _ = run_here(capsys, "compare", "--format", "json")
    _, team, _ = run_here(capsys, "compare", "--format", "json", "--norms", str(team_norms))
    a, b = json.loads(shipped), json.loads(team)
    assert a["pairs"] == b["pairs"]  # the pairs' scores do not depend on the norms
    pa = {(n["character"], n["metric"]): n["percentile"] for n in a["norms"]}
    pb = {(n["character"], n["metric"]): n["percentile"] for n in b["norms"]}
    assert pa.keys() == pb.keys() and pa != pb
    assert "113 major and intermediate characters" in a["norms_corpus"] and "Team scenes" in b["norms_corpus"]


@pytest.mark.parametrize("content, words", [
    ("{not json", "not valid JSON"),
    ('{"corpus": {}}', "not a norms file"),
    ('{"corpus": {"characters": 3}, "metrics": {}}', "how many words"),
    ('{"corpus": {"characters": 3, "words": 900}, "metrics": {"mtld": {"n": 3, "percentiles": [5, 4, 3]}}}',
     "do not rise"),
    ('{"corpus": {"characters": 3, "words": 900}, "metrics": {"mtld": {"n": 3, "percentiles": "high"}}}',
     "list of numbers"),
    ('{"corpus": {"characters": 3, "words": 900}, "metrics": {"made_up": {"n": 3, "percentiles": [1, 2]}}}',
     "no measure this kit knows"),
    ('[1, 2, 3]', "not a norms file"),
])
def test_a_malformed_norms_file_is_one_line(capsys, tmp_path, content, words):
    path = tmp_path / "norms.json"
    path.write_text(content, encoding="utf-8")
    for command in ("critique", "compare", "profile"):
        status, _out, err = run_here(capsys, command, "--norms", str(path))
        assert status == 2 and words in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1


def test_a_missing_norms_file_or_a_folder_is_one_line(capsys, tmp_path):
    for path, words in ((tmp_path / "nope.json", "There is no norms file"), (tmp_path, ".json file")):
        status, _out, err = run_here(capsys, "critique", "--norms", str(path))
        assert status == 2 and words in err


def test_norms_need_two_characters_and_say_how_to_get_them(capsys, tmp_path):
    folder = tmp_path / "scenes"
    folder.mkdir()
    shutil.copy(TEAM[0], folder / TEAM[0].name)
    status, _out, err = run_here(capsys, "norms", "build", str(folder), "-o", str(tmp_path / "n.json"))
    assert status == 2 and "--min-words" in err and not (tmp_path / "n.json").exists()
    status, _out, err = run_here(capsys, "norms", "build", str(tmp_path / "missing"), "-o", str(tmp_path / "n.json"))
    assert status == 2 and "no folder" in err


def test_a_hand_attributed_quotes_file_decides_who_speaks(capsys, tmp_path):
    """`quotes --format jsonl`, with speakers corrected by hand, beside the text: the norms count its speakers."""
    text = '"I never liked the sea," said Ann. "Not once."\n\n"Nor I," said Ben.\n\n"Liar," said Ann.\n'
    scene = tmp_path / "scene.txt"
    scene.write_text(text, encoding="utf-8")
    status, out, _ = run_here(capsys, "quotes", str(scene), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["speaker"] for r in records] == ["Ann", "Ann", "Ben", "Ann"]
    records[3]["speaker"] = "Ben"  # the hand says the last line is Ben's
    records[2]["speaker"] = None  # and that nobody can tell who says "Nor I"
    quotes = tmp_path / "scene.quotes.jsonl"
    quotes.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    hand = read_hand_speakers(quotes, text)
    assert hand.lines == {"Ann": [("I never liked the sea,", "Not once.")], "Ben": [("Liar,",)]}
    assert hand.unattributed == 1
    records[0]["start"] += 1  # a quotes file of another version of the text is refused, in one line
    quotes.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with pytest.raises(Exception, match="does not match the text at"):
        read_hand_speakers(quotes, text)


@pytest.mark.slow
def test_the_shipped_norms_are_one_output_of_the_command(pdnc_dir):
    """scripts/build_norms.py writes the annotated novels and their hand attribution into a temporary folder and
    runs `norms build` on it: every figure of workshop/data/norms.json comes back, to its rounding."""
    done = subprocess.run([sys.executable, "scripts/build_norms.py", "--check", "--pdnc", str(pdnc_dir)],
                          capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "agree with the shipped ones to their rounding" in done.stdout
    assert load_norms().corpus["characters"] == 113


def test_a_folder_critiqued_with_other_norms_names_them_in_the_overview_and_each_critique(capsys, tmp_path,
                                                                                          team_norms):
    folder = tmp_path / "scenes"
    folder.mkdir()
    shutil.copy(TEAM[0], folder / "a.txt")
    shutil.copy(TEAM[0].with_name(TEAM[0].stem + ".cast.toml"), folder / "a.cast.toml")
    out = tmp_path / "out"
    status, _out, err = run_here(capsys, "critique", str(folder), "-o", str(out), "--norms", str(team_norms))
    assert status == 0, err
    summary = load_norms_file(team_norms).summary()
    assert f"Percentiles compare with: {summary}." in (out / "index.html").read_text(encoding="utf-8")
    assert summary in (out / "overview.csv").read_text(encoding="utf-8")
    assert "of Team scenes" in (out / "a.md").read_text(encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    status, _out, err = run_here(capsys, "critique", str(folder), "-o", str(tmp_path / "out2"), "--norms", str(bad))
    assert status == 2 and "not a norms file" in err and not (tmp_path / "out2").exists()
