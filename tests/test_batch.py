"""A folder of scenes through one command: one output per scene, the teacher's overview, one bad file never
stopping the batch, the same results on one core or many."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from class_folder import BROKEN, TEAM, make_class_folder
from workshop.cli.batch import SceneOptions, output_names, run_scene
from workshop.cli.main import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The command line in a process of its own, as a teacher runs it."""
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def run_here(capsys, *args: str) -> subprocess.CompletedProcess:
    """The same in this process (quicker: no start-up), with what it printed."""
    capsys.readouterr()
    status = main(list(args))
    printed = capsys.readouterr()
    return subprocess.CompletedProcess(args, status, printed.out, printed.err)


def overview_rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out.joinpath("overview.csv").read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory) -> tuple[Path, dict[str, str | None]]:
    folder = tmp_path_factory.mktemp("class") / "week-3"
    return folder, make_class_folder(folder)


@pytest.fixture(scope="module")
def class_run(class_folder, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    folder, _expected = class_folder
    out = tmp_path_factory.mktemp("marked") / "critiques"
    return out, run("critique", str(folder), "-o", str(out), "--format", "html", "--jobs", "2")


def test_thirty_scenes_give_thirty_rows_a_critique_each_and_a_reason_for_each_bad_one(class_folder, class_run):
    folder, expected = class_folder
    out, result = class_run
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = overview_rows(out)
    assert len(expected) == 30 and [r["scene"] for r in rows] == sorted(expected, key=lambda n: (n.lower(), n))
    for row in rows:
        reason = expected[row["scene"]]
        if reason is None:  # readable: its critique is written, linked, and names its characters
            critique = out / row["output"]
            assert critique.is_file() and row["problem"] == ""
            page = critique.read_text(encoding="utf-8")
            assert page.startswith("<!DOCTYPE html>") and "Voice critique" in page
            assert row["who_talks"] and row["how_distinct"] and row["strongest_contrast"]
            first = row["who_talks"].split(" ")[0]
            assert first in page
        else:  # unreadable: no output, and a one-line reason that says what is wrong
            assert row["output"] == ""
            assert reason in row["problem"].lower() and "\n" not in row["problem"]
    assert len(list(out.glob("*.html"))) == 27 + 1  # the critiques and index.html
    assert "Wrote 27 critiques of 30 scenes" in result.stderr
    for name in BROKEN:
        assert f"voice-workshop: {name}: " in result.stderr


def test_the_overview_says_who_talks_how_distinct_and_the_strongest_contrast_in_words(class_run):
    out, _ = class_run
    row = {r["scene"]: r for r in overview_rows(out)}["the-lighthouse.txt"]
    names = [part.rsplit(" ", 1)[0] for part in row["who_talks"].split("; ")]
    shares = [int(part.rsplit(" ", 1)[1].rstrip("%")) for part in row["who_talks"].split("; ")]
    assert sorted(names) == ["Agnes", "Owen"] and 98 <= sum(shares) <= 102
    assert row["how_distinct"].startswith(("Owen and Agnes, ", "Agnes and Owen, "))
    assert "distinctiveness 0." in row["how_distinct"]
    # the measure, then each character's value: "fillers (per 100 words): Owen 3.7, Agnes 0.0"
    contrast = row["strongest_contrast"]
    assert ": Owen " in contrast and ", Agnes " in contrast or ": Agnes " in contrast and ", Owen " in contrast
    assert row["unattributed_lines"] == "0" and int(row["quoted_lines"]) > 20
    assert "classic novels (113 characters" in row["norms"]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "30 scenes: 27 critiqued, 3 could not be critiqued." in page
    assert "href='the-lighthouse.html'" in page


def test_one_core_and_two_cores_write_the_same_files_byte_for_byte(class_folder, tmp_path):
    """Markdown here (the HTML run above has pictures and takes longer; the next test checks that an HTML
    critique from a worker process is the one the single-scene command writes)."""
    folder, _ = class_folder
    outputs = {}
    for jobs in ("1", "2"):
        outputs[jobs] = tmp_path / f"jobs-{jobs}"
        result = run("critique", str(folder), "-o", str(outputs[jobs]), "--jobs", jobs)
        assert result.returncode == 0, result.stderr
    serial, parallel = outputs["1"], outputs["2"]
    names = sorted(p.name for p in parallel.iterdir())
    assert names == sorted(p.name for p in serial.iterdir()) and len(names) == 29
    for name in names:
        assert (serial / name).read_bytes() == (parallel / name).read_bytes(), name


def test_each_output_is_what_the_single_scene_command_writes(capsys, class_folder, class_run, tmp_path):
    folder, _ = class_folder
    out, _ = class_run
    single = tmp_path / "single.html"
    scene = folder / "the-aunt.txt"
    result = run_here(capsys, "critique", str(scene), "--cast", str(folder / "the-aunt.cast.toml"), "--format", "html",
                 "-o", str(single))
    assert result.returncode == 0, result.stderr
    assert single.read_bytes() == (out / "the-aunt.html").read_bytes()


def test_an_existing_output_folder_is_only_written_over_with_force(capsys, tmp_path):
    folder, out = tmp_path / "scenes", tmp_path / "out"
    folder.mkdir()
    for source in TEAM[:2]:
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_here(capsys, "critique", str(folder), "-o", str(out)).returncode == 0
    before = (out / "index.html").read_bytes()
    (out / "the-aunt.md").write_text("the teacher's marked copy")
    result = run_here(capsys, "critique", str(folder), "-o", str(out))
    assert result.returncode == 2 and "--force" in result.stderr and "Traceback" not in result.stderr
    assert (out / "the-aunt.md").read_text() == "the teacher's marked copy"
    assert (out / "index.html").read_bytes() == before
    again = run_here(capsys, "critique", str(folder), "-o", str(out), "--force")
    assert again.returncode == 0, again.stderr
    assert (out / "the-aunt.md").read_text(encoding="utf-8").startswith("# Voice critique")
    assert (out / "index.html").read_bytes() == before  # the same folder gives the same overview
    # an empty folder made for the run beforehand is not "existing outputs"
    (tmp_path / "empty").mkdir()
    assert run_here(capsys, "critique", str(folder), "-o", str(tmp_path / "empty")).returncode == 0


def test_quotes_profile_and_compare_take_a_folder_too(capsys, tmp_path):
    folder = tmp_path / "scenes"
    folder.mkdir()
    chosen = [TEAM[0], next(p for p in TEAM if p.stem == "the-teenager")]  # two characters with 20+ words each
    for source in chosen:
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        cast = source.with_name(source.stem + ".cast.toml")
        (folder / cast.name).write_text(cast.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("")
    for command, fmt, ending in (("quotes", "jsonl", "jsonl"), ("profile", "json", "json"),
                                 ("compare", "json", "json")):
        out = tmp_path / command
        result = run_here(capsys, command, str(folder), "-o", str(out), "--format", fmt)
        assert result.returncode == 0, result.stderr
        rows = overview_rows(out)
        assert [r["scene"] for r in rows] == ["empty.txt", "the-lighthouse.txt", "the-teenager.txt"]
        assert rows[0]["problem"] and rows[0]["output"] == ""
        for row in rows[1:]:
            assert row["output"].endswith(f".{ending}")
            scene = folder / row["scene"]
            single = run_here(capsys, command, str(scene), "--cast", str(scene.with_suffix(".cast.toml")),
                              "--format", fmt)
            assert single.stdout.replace(str(folder / row["scene"]), "X") == (
                out / row["output"]).read_text(encoding="utf-8").replace(str(folder / row["scene"]), "X")
        if command == "compare":
            assert rows[1]["how_distinct"] and "distinctiveness" in rows[1]["how_distinct"]
        else:  # quotes and profile do not measure distinctiveness: the overview says so, it does not guess
            assert rows[1]["how_distinct"] == "" and "does not measure how distinct" in (out / "index.html").read_text()


def test_a_folder_where_nothing_can_be_done_exits_2_with_the_reasons_in_the_overview(capsys, tmp_path):
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "a.txt").write_text("")
    (folder / "b.md").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out"
    result = run_here(capsys, "critique", str(folder), "-o", str(out))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    rows = overview_rows(out)
    assert [r["scene"] for r in rows] == ["a.txt", "b.md"] and all(r["problem"] for r in rows)


def test_a_scene_nobody_speaks_in_is_read_but_not_critiqued_and_says_why(capsys, tmp_path):
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "quiet.txt").write_text("The rain went on all night. Nobody said anything.\n")
    (folder / "talk.txt").write_text(TEAM[0].read_text(encoding="utf-8"))
    out = tmp_path / "out"
    result = run_here(capsys, "critique", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    quiet = overview_rows(out)[0]
    assert quiet["scene"] == "quiet.txt" and quiet["output"] == "" and "No dialogue found" in quiet["problem"]
    assert quiet["quoted_lines"] == "0"


@pytest.mark.parametrize("extra, words", [
    (["--cast", "x.toml"], "NAME.cast.toml beside it"),
    (["--corrections", "x.toml"], "NAME.corrections.toml"),
    ([], "give -o FOLDER"),
    (["-o", "SAME"], "another folder"),
    (["-o", "marked.html"], "looks like a file name"),
    (["-o", "out", "--jobs", "0"], "--jobs"),
])
def test_options_that_make_no_sense_for_a_folder_are_one_line(capsys, tmp_path, extra, words):
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "a.txt").write_text(TEAM[0].read_text(encoding="utf-8"))
    extra = [str(folder) if x == "SAME" else str(tmp_path / x) if x == "out" else x for x in extra]
    result = run_here(capsys, "critique", str(folder), *extra)
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_empty_folder_is_one_line(capsys, tmp_path):
    (tmp_path / "scenes").mkdir()
    (tmp_path / "scenes" / "notes.toml").write_text("")
    result = run_here(capsys, "critique", str(tmp_path / "scenes"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "no .txt or .md scene" in result.stderr


def test_names_and_problems_from_scenes_are_escaped_in_html_and_neutralised_in_csv(tmp_path):
    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "<b>bold&co.txt").write_text('"Hello there, how are you," said Ann.\n\n"Fine," said Ben.\n')
    (folder / "=cmd.txt").write_text("")
    out = tmp_path / "out"
    assert main(["critique", str(folder), "-o", str(out)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<b>bold" not in page and "&lt;b&gt;bold&amp;co.txt" in page
    assert "href='%3Cb%3Ebold%26co.md'" in page
    raw = (out / "overview.csv").read_text(encoding="utf-8")
    assert "'=cmd.txt" in raw and "\n=cmd" not in raw


def test_output_names_follow_the_scenes_and_never_take_the_overviews_names():
    scenes = [Path("a.txt"), Path("a.md"), Path("index.txt"), Path("b.txt")]
    assert output_names(scenes, "critique", "html") == {"a.txt": "a.txt.html", "a.md": "a.md.html",
                                                        "index.txt": "index.txt.html", "b.txt": "b.html"}
    assert output_names([Path("overview.md")], "profile", "csv") == {"overview.md": "overview.md.csv"}
    assert output_names([Path("index.txt")], "critique", "md") == {"index.txt": "index.md"}
    assert output_names([Path("a.md")], "quotes", "table") == {"a.md": "a.txt"}  # a table is text


def test_the_per_scene_function_is_plain_and_never_raises_for_a_bad_scene(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(TEAM[0].read_text(encoding="utf-8"))
    bad.write_bytes(b"")
    options = SceneOptions("quotes", "jsonl")
    done = run_scene(str(good), options)
    assert done.problem is None and done.summary is not None
    assert [json.loads(line)["text"] for line in done.text.splitlines()][0]
    failed = run_scene(bad, options)
    assert failed.text is None and "empty" in failed.problem and failed.summary is None
    import pickle

    assert pickle.loads(pickle.dumps(done)).text == done.text  # a record any engine can send back


def test_a_pipe_or_a_link_to_nowhere_in_the_folder_is_a_row_with_its_reason_and_nothing_waits(capsys, tmp_path):
    import os

    folder = tmp_path / "scenes"
    folder.mkdir()
    (folder / "a.txt").write_text(TEAM[0].read_text(encoding="utf-8"))
    os.mkfifo(folder / "b-pipe.txt")  # nobody writes to it: reading it would wait for ever
    (folder / "c-gone.txt").symlink_to(tmp_path / "deleted.txt")
    (folder / "d-drafts.txt").mkdir()  # a folder named like a scene is not a scene
    out = tmp_path / "out"
    result = run_here(capsys, "critique", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = {r["scene"]: r for r in overview_rows(out)}
    assert sorted(rows) == ["a.txt", "b-pipe.txt", "c-gone.txt"]
    assert rows["a.txt"]["output"] == "a.md"
    assert "pipe" in rows["b-pipe.txt"]["problem"] and "no file" in rows["c-gone.txt"]["problem"].lower()
