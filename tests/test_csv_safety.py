"""Every CSV the kit writes is safe to open in a spreadsheet: no cell starts the way a formula does."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from workshop.files.csv_safety import neutralise

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = ['=HYPERLINK("http://example.invalid/?leak","click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "\tTAB", "\rCR", "＝1+1", "＋1", "－1", "＠x"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=180)


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def formula_cells(csv_text: str) -> list[str]:
    """Cells a spreadsheet would run: text (not a number) starting with a formula character."""
    cells = [cell for row in csv.reader(io.StringIO(csv_text)) for cell in row]
    return [c for c in cells if c and (c[0] in "=+-@\t\r" or c[0] in "＝＋－＠") and not _number(c)]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_starts_get_an_apostrophe(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Hello", "", "'quoted'", "—dash", " =x", 3, -0.5, None])
def test_other_cells_are_unchanged(value):
    assert neutralise(value) == value


SCENE = (
    '"=HYPERLINK(""http://example.invalid"",""x"")," said Mallory. "+cmd|\' /C calc\'!A0"\n\n'
    '"@SUM(1+1) is what I said," Rook replied. "Nothing more, nothing less, and I will not say it twice."\n\n'
    '"-2+3 and that is all," said Mallory, "and I mean every word of it, every single one of them."\n\n'
    '"Fine," said Rook. "Then we are done here, and I am going home to my supper at last."\n'
)
CAST = '[[character]]\nname = "=HYPERLINK(\\"http://example.invalid\\")"\naliases = ["Mallory"]\n\n' \
       '[[character]]\nname = "+Rook"\naliases = ["Rook"]\n'


@pytest.fixture
def hostile(tmp_path) -> tuple[Path, Path]:
    scene, cast = tmp_path / "scene.txt", tmp_path / "cast.toml"
    scene.write_text(SCENE, encoding="utf-8")
    cast.write_text(CAST, encoding="utf-8")
    return scene, cast


def test_quotes_csv_has_no_formula_cells(hostile):
    scene, cast = hostile
    result = run("quotes", str(scene), "--cast", str(cast), "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert formula_cells(result.stdout) == []
    texts = [row["text"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert "'+cmd|' /C calc'!A0" in texts  # the text is all there, behind an apostrophe


@pytest.mark.parametrize("command", [["profile", "--format", "csv"], ["critique", "--format", "csv"]])
def test_profile_and_critique_csv_have_no_formula_cells(hostile, command):
    scene, cast = hostile
    result = run(command[0], str(scene), "--cast", str(cast), *command[1:])
    assert result.returncode == 0, result.stderr
    assert "HYPERLINK" in result.stdout  # the name is there...
    assert formula_cells(result.stdout) == []  # ...but never as a formula


def test_jsonl_keeps_the_text_exactly(hostile):
    scene, cast = hostile
    result = run("quotes", str(scene), "--cast", str(cast), "--format", "jsonl")
    assert '"+cmd|\' /C calc\'!A0"' in result.stdout
