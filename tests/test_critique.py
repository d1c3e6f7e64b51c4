"""The critique summary: share of talk by hand, the four formats, escaping, and the command's file handling."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from workshop import find_dialogue, scene_from_text
from workshop.report import critique
from workshop.speakers.cast import Cast, Character
from workshop.cli.main import main
from workshop.errors import WorkshopError
from workshop.text.samples import sample_cast_path, sample_scene_path

TINY = '''"I'm here," said Ann.

"Good. Very good. Sit down," said Bob.

"Why?" asked Ann.
'''

SCRIPTY = '''The note on the door said <script>alert("x")</script> & nothing else.

"Did you write <script>alert(1)</script> on my door?" asked Ann. "Because I can read it."

"I wrote nothing, I promise, nothing at all, it was there when I came," said Bob.

"Then who did?" asked Ann. "Who? Tell me <b>now</b>."

"Honestly, I think it might have been, well, the wind, or a neighbour, or, you know, anyone," said Bob.
'''


def _dialogue(text: str):
    cast = Cast([Character("Ann", pronouns="she"), Character("Bob", pronouns="he")])
    return find_dialogue(scene_from_text(text, name="test"), cast)


def test_share_of_talk_counts_words_and_turns_by_hand() -> None:
    talk = critique.share_of_talk(_dialogue(TINY))
    # Bob: "Good. Very good. Sit down," = 5 words in 1 turn; Ann: "I'm here," + "Why?" = 3 words in 2 turns.
    assert [(t.name, t.words, t.turns) for t in talk] == [("Bob", 5, 1), ("Ann", 3, 2)]
    assert talk[0].word_share == pytest.approx(5 / 8)
    assert talk[1].turn_share == pytest.approx(2 / 3)


def test_fmt_and_example_lines() -> None:
    assert critique.fmt(float("nan")) == "–"
    assert critique.fmt(3.14159) == "3.1"
    assert critique.fmt(0.805, "share_of_words") == "80%"
    assert critique.fmt(0.0026, "rare_word_share") == "0.26%" and critique.fmt(0.0, "rare_word_share") == "0%"
    assert critique.fmt(123.4) == "123"
    lines = ["Sit.", "I know who you are.", "That's enough.", "Ask,"]
    # the longest, then the shortest, then the middle one; a trailing comma from the tag is dropped
    assert critique.example_lines(lines, 3) == ["I know who you are.", "Ask", "That's enough."]
    assert critique.example_lines([], 2) == []


@pytest.fixture(scope="module")
def sample_critique():
    from workshop.speakers.cast import load_cast
    from workshop.text.scene import read_scene

    dialogue = find_dialogue(read_scene(sample_scene_path()), load_cast(sample_cast_path()))
    return critique.build_critique(dialogue, against="the-detective")


def test_sample_critique_hears_what_a_reader_hears(sample_critique) -> None:
    c = sample_critique
    assert [t.name for t in c.talk] == ["Owen", "Agnes"]
    owen, agnes = c.characters
    assert owen.words > 3 * agnes.words
    # what the critique leads with: how Owen and Agnes differ, from the scene itself, with Owen's lines
    (story,) = c.stories
    habits = {(d.who, d.metric) for d in story.differences}
    assert ("Owen", "mean_sentence_words") in habits
    assert {("Owen", "hedges_per_100_words"), ("Owen", "fillers_per_100_words")} & habits
    assert all(d.example for d in story.differences)
    assert story.verdict.startswith("Owen and Agnes differ in") and "clear way" in story.verdict
    # the norms are for the teacher: Agnes's short sentences are placed there
    assert any(h.metric in ("mean_sentence_words", "mean_utterance_words") and h.percentile <= 10 for h in agnes.highlights)
    assert len(c.pairs) == 1 and c.pairs[0].reasons
    assert {p.b for p in c.references} == {"Hale", "Pim"}
    assert {s.reference_title for s in c.reference_stories} == {"The Night Clerk"}
    assert any("Agnes says only" in text for text in c.caveats)
    # no revision prompt rests on the norms, and none repeats statistics in parentheses
    assert c.prompts and not any("classic" in p or "novels" in p or re.search(r"\(.*\d", p) for p in c.prompts)


def test_highlights_frame(sample_critique) -> None:
    frame = sample_critique.highlights_frame()
    assert list(frame.columns) == ["character", "measure", "value", "percentile in classic novels", "for example"]
    assert set(frame["character"]) == {"Owen", "Agnes"}
    ranked = frame["percentile in classic novels"].dropna()
    assert ((ranked <= 10) | (ranked >= 90)).all()


def test_four_formats(sample_critique) -> None:
    md = critique.render(sample_critique, "md")
    assert md.startswith("# Voice critique: the-lighthouse") and "## Things to try" in md
    data = json.loads(critique.render(sample_critique, "json"))
    assert data["talk"][0]["name"] == "Owen" and data["pairs"][0]["a"] == "Owen"
    rows = list(csv.DictReader(io.StringIO(critique.render(sample_critique, "csv"))))
    assert rows[0] == {"section": "talk", "character": "Owen", "other": "", "measure": "words", "value": "327",
                       "percentile": "", "text": "81% of the words"}  # as the Markdown says
    assert {r["section"] for r in rows} >= {"talk", "highlight", "pair", "reference", "prompt", "caveat"}
    html_text = critique.render(sample_critique, "html")
    assert html_text.count("data:image/png;base64,") == 3
    assert "http://" not in html_text and "https://" not in html_text and "<link" not in html_text
    with pytest.raises(WorkshopError):
        critique.render(sample_critique, "docx")


def test_html_escapes_every_piece_of_scene_text() -> None:
    c = critique.build_critique(_dialogue(SCRIPTY), pictures=False)
    page = critique.render(c, "html")
    assert "<script" not in page and "<b>now" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page or "&lt;b&gt;now&lt;/b&gt;" in page


def test_no_dialogue_is_said_plainly() -> None:
    with pytest.raises(WorkshopError, match="No dialogue found in this scene"):
        critique.build_critique(find_dialogue(scene_from_text("No dialogue here at all.\n")))


def test_command_writes_and_never_overwrites_without_force(tmp_path: Path, capsys) -> None:
    out = tmp_path / "critique.html"
    assert main(["critique", "--format", "html", "-o", str(out)]) == 0
    first = out.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>") and "Owen" in first
    out.write_text("my notes", encoding="utf-8")
    assert main(["critique", "--format", "md", "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my notes"
    assert main(["critique", "--format", "md", "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Voice critique")


def test_command_against_a_reference_and_json(tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    assert main(["critique", str(sample_scene_path()), "--cast", str(sample_cast_path()), "--against",
                 "the-butler", "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["against"] == "the-butler" and {r["b"] for r in data["references"]} == {"Ashcombe", "Danny"}


def test_a_novel_sized_cast_gets_readable_pictures_without_layout_warnings() -> None:
    import warnings

    names = [first + last for first in "BCDFGHKLMNPRST" for last in ("ax", "el")]  # 28 speakers, as in a novel
    script = "\n\n".join(f"{n.upper()}: Line {k} from me, {n}, and not much more." for k, n in enumerate(names * 2))
    dialogue = find_dialogue(scene_from_text(script))
    assert len(dialogue.speakers) == 28
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = critique.build_critique(dialogue)
    assert set(result.pictures) == {"share of talk", "rhythm", "word choice"}
    assert all(png.startswith(b"\x89PNG") for png in result.pictures.values())


def test_a_one_word_scene_has_no_highlights_built_on_too_little_text() -> None:
    """One character, one word: no measure is trusted enough to be a highlight or a prompt; no plural slips."""
    dialogue = find_dialogue(scene_from_text('Tom looked up. "No," he said.\n', name="one"), Cast([Character("Tom")]))
    c = critique.build_critique(dialogue, pictures=False)
    (tom,) = c.characters
    assert tom.words == 1 and tom.highlights == []
    md = critique.render(c, "md")
    assert "Coleman-Liau" not in md.split("## Read these numbers with care")[0], "no highlight on one word"
    assert re.search(r"\b1 (words|turns|lines|sentences|speeches)\b", md) is None, "1 word, 1 turn"
    assert "1 word of dialogue in a scene of 6 words." in md and "Tom: 1 word in 1 speech" in md
    assert "Tom says only 1 word:" in md
    # the measures that would have stood out are named as caveats instead
    left_out = [t for t in c.caveats if t.startswith("Left out of Tom's highlights")]
    assert len(left_out) == 1 and "Coleman-Liau index" in left_out[0] and "Tom has 1 word" in left_out[0]
    # one character: no advice about pairs or "each character"
    assert len(c.prompts) == 1 and "each character" not in c.prompts[0] and "Only Tom speaks" in c.prompts[0]


def test_a_measure_below_its_minimum_is_never_a_highlight(sample_critique) -> None:
    from workshop.voice.metrics import METRICS

    for ch in sample_critique.characters:
        profile = critique.scene_voices(sample_critique_dialogue(), None)[ch.name].profile
        sizes = {"words": profile.words, "sentences": profile.sentences, "utterances": profile.utterances}
        for h in ch.highlights:
            info = METRICS[h.metric]
            assert sizes[info.sample] >= info.minimum, (ch.name, h.metric)
    # Agnes (79 words) loses the measures needing 100 words; Owen (327) keeps them
    agnes = {h.metric for h in sample_critique.characters[1].highlights}
    assert "coleman_liau_index" not in agnes and "hedges_per_100_words" not in agnes
    assert any(t.startswith("Left out of Agnes's highlights") and "Agnes has 79 words" in t
               for t in sample_critique.caveats)


def sample_critique_dialogue():
    from workshop.speakers.cast import load_cast
    from workshop.text.scene import read_scene

    return find_dialogue(read_scene(sample_scene_path()), load_cast(sample_cast_path()))


def test_the_scene_length_counts_the_story_not_the_authors_note() -> None:
    text = ("A/N: thanks for reading, this one took ages, comments welcome!\n\n"
            '"Stay," said Ann.\n\n"No," said Bob.\n')
    dialogue = _dialogue(text)
    assert dialogue.scene.excluded, "the author's note is detected"
    c = critique.build_critique(dialogue, pictures=False)
    assert c.words == 6  # "Stay," said Ann. / "No," said Bob.
    assert "2 words of dialogue in a scene of 6 words." in critique.render(c, "md")


def test_command_takes_the_reference_options_compare_takes(capsys, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["critique", "--help"])
    assert stop.value.code == 0
    shown = capsys.readouterr().out
    assert "--against-cast" in shown and "--fetch" in shown and "catalog work" in shown
    assert main(["critique", "--against-cast", str(tmp_path / "c.toml")]) == 2
    assert "--against too" in capsys.readouterr().err


def test_export_formats_come_from_one_registry(sample_critique) -> None:
    from workshop.files.export_formats import format_names, unregister_format
    from workshop.report.formats import EXPORT_FORMATS, ExportFormat, register

    assert list(EXPORT_FORMATS) == ["md", "html", "txt", "json", "csv"]
    text = critique.render(sample_critique, "txt")
    assert text.startswith("Voice critique: the-lighthouse\n====") and "Things to try\n-------------" in text
    assert "<" not in text.replace("<unknown>", "") and "# " not in text
    register(ExportFormat("shout", "txt", "Shouting", lambda c: c.scene.upper()))
    try:
        assert critique.render(sample_critique, "shout") == "THE-LIGHTHOUSE"
        assert format_names("critique")[-1] == "shout"
    finally:
        del EXPORT_FORMATS["shout"]
        unregister_format("critique", "shout")  # (register also declares it to the command line's registry)
    with pytest.raises(WorkshopError, match="choose one of md, html, txt, json, csv"):
        critique.render(sample_critique, "docx")


def test_numbers_keep_their_precision_and_no_negative_zero() -> None:
    from workshop.report.formatting import fmt

    assert fmt(-0.00001, "word_length") == "0.0"  # was "-0.0": a difference that is not there
    assert fmt(-0.02, "rare_word_share") == "-2.0%"  # was "-2%" beside "0.56%"
    assert fmt(0.0056, "rare_word_share") == "0.56%"
    assert fmt(0.35, "rare_word_share") == "35%"
    assert fmt(0.0, "rare_word_share") == "0%"


def test_a_small_share_of_the_talk_is_not_zero_percent() -> None:
    from workshop.report.formatting import percent

    assert percent(36 / 8855) == "under 1%"  # Eugenio in Daisy Miller was "0% of the words spoken"
    assert percent(0.29) == "29%"
    assert percent(0.0) == "0%"
