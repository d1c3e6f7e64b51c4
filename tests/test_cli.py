"""The command line as a student meets it: clear messages, never a traceback, honest exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workshop", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def assert_clean_failure(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert words in result.stderr
    assert any(line.startswith("voice-workshop: ") for line in result.stderr.splitlines())


def test_help_lists_the_commands_in_plain_words():
    result = run("--help")
    assert result.returncode == 0
    assert "list every line of dialogue and who says it" in result.stdout
    quotes_help = run("quotes", "--help")
    assert "--cast" in quotes_help.stdout and "--format" in quotes_help.stdout


def test_quotes_jsonl_on_the_seed_scene_points_into_the_text(seed_path, seed_gold):
    result = run("quotes", str(seed_path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    text = seed_path.read_text(encoding="utf-8")
    assert len(records) == len(seed_gold["segments"]) == 52
    for record in records:
        assert {"start", "end", "text", "speaker", "method", "confidence", "utterance"} <= set(record)
        assert text[record["start"] : record["end"]] == record["text"]
        assert 0.0 <= record["confidence"] <= 1.0
    assert "author's note" in result.stderr  # the notes left out are reported, on stderr


def test_quotes_csv_and_table_formats(seed_path):
    rows = list(csv.DictReader(io.StringIO(run("quotes", str(seed_path), "--format", "csv").stdout)))
    assert len(rows) == 52 and rows[0]["text"].startswith("Oh...I, uh")
    table = run("quotes", str(seed_path)).stdout
    assert "52 quoted segments" in table


def test_no_path_uses_the_sample_scene():
    result = run("quotes", "--format", "jsonl")
    assert result.returncode == 0
    assert "sample scene" in result.stderr
    speakers = {json.loads(line)["speaker"] for line in result.stdout.splitlines()}
    assert {"Agnes", "Owen"} <= speakers


@pytest.mark.parametrize(
    "content, words",
    [(b"", "empty"), (b"\x00\x01\x02\x03" * 50, "binary"), (b"%PDF-1.4 stuff", "PDF")],
)
def test_bad_scene_files_fail_cleanly(tmp_path, content, words):
    path = tmp_path / "scene.txt"
    path.write_bytes(content)
    assert_clean_failure(run("quotes", str(path)), words)


def test_missing_path_fails_cleanly(tmp_path):
    assert_clean_failure(run("quotes", str(tmp_path / "missing.txt")), "no file")


def test_huge_file_fails_cleanly(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(21_000_000)
    assert_clean_failure(run("quotes", str(path)), "Split it")


@pytest.mark.parametrize(
    "cast, words",
    [
        ("[[character]]\nname = \n", "not valid TOML"),
        ("[people]\nname='x'\n", "no [[character]]"),
        ('[[character]]\naliases = ["Nat"]\n', "has no name"),
        ('[[character]]\nname = "Nat"\npronouns = "xe"\n', "pronouns of Nat"),
        ('[[character]]\nname = "Nat"\n[[character]]\nname = "Nat"\n', "appear twice"),
    ],
)
def test_malformed_cast_files_fail_cleanly(tmp_path, seed_path, cast, words):
    path = tmp_path / "cast.toml"
    path.write_text(cast)
    assert_clean_failure(run("quotes", str(seed_path), "--cast", str(path)), words)


def test_unbalanced_quotes_warn_with_the_line_and_keep_going(tmp_path):
    path = tmp_path / "scene.txt"
    path.write_text('"Wait," she said.\n\n"I never finished this\n\nHe left.\n\n"Bye," he said.\n')
    result = run("quotes", str(path), "--format", "jsonl")
    assert result.returncode == 0
    assert "line 3" in result.stderr and "never closes" in result.stderr
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts == ["Wait,", "I never finished this", "Bye,"]


def test_wrongly_encoded_file_is_read_with_a_warning(tmp_path):
    path = tmp_path / "scene.txt"
    path.write_bytes(b"\x93Caf\xe9?\x94 she asked.")
    result = run("quotes", str(path), "--format", "jsonl")
    assert result.returncode == 0
    assert "not UTF-8" in result.stderr
    assert json.loads(result.stdout)["text"] == "Café?"


def test_existing_output_is_not_overwritten_without_force(tmp_path, seed_path):
    out = tmp_path / "out.jsonl"
    out.write_text("keep me")
    assert_clean_failure(run("quotes", str(seed_path), "-o", str(out), "--format", "jsonl"), "--force")
    assert out.read_text() == "keep me"
    assert run("quotes", str(seed_path), "-o", str(out), "--format", "jsonl", "--force").returncode == 0
    assert len(out.read_text().splitlines()) == 52


def test_exclude_lines_and_keep_notes(tmp_path):
    path = tmp_path / "scene.txt"
    path.write_text('"Draft line," I said.\n\n"Kept," she said.\n')
    result = run("quotes", str(path), "--format", "jsonl", "--exclude-lines", "1-1")
    assert [json.loads(x)["text"] for x in result.stdout.splitlines()] == ["Kept,"]
    assert_clean_failure(run("quotes", str(path), "--exclude-lines", "one-two"), "range like 1-3")


def test_quoted_words_that_are_not_speech_are_listed_not_lost(tmp_path):
    path = tmp_path / "scene.txt"
    path.write_text('They called the house "Bleak End," which suited it.\n\n"Let\'s go in," said Mara.\n')
    result = run("quotes", str(path), "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["kind"], r["speaker"]) for r in records] == [
        ("Bleak End,", "mention", None),
        ("Let's go in,", "speech", "Mara"),
    ]
    assert "Quoted but not speech (1" in run("quotes", str(path)).stdout
