"""The classroom widgets without a browser: set their values as a student would, read what they render."""

from __future__ import annotations

import base64
import datetime
import re
from pathlib import Path

import pytest

from workshop.errors import WorkshopError
from workshop.widgets import (
    AttributionEditor,
    ComparisonWidget,
    ExportPanel,
    ReferencePicker,
    SceneUpload,
    check_setup,
    open_scene,
)


@pytest.fixture
def scene(tmp_path: Path, monkeypatch):
    """The sample scene opened from a fresh working folder (corrections go there, never into the kit)."""
    monkeypatch.chdir(tmp_path)
    return open_scene()


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_open_scene_sources(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    sample = open_scene()
    assert sample.is_sample and sample.characters == ["Owen", "Agnes"]
    assert sample.corrections == tmp_path / "the-lighthouse.corrections.toml"
    pasted = open_scene(text='"Hello there," said Ann.\n\n"Go away," said Bob.\n', name="pasted")
    assert set(pasted.characters) == {"Ann", "Bob"}
    mine = tmp_path / "mine.txt"
    mine.write_text('"Yes," said Ann.\n', encoding="utf-8")
    assert open_scene(mine).corrections == tmp_path / "mine.corrections.toml"
    with pytest.raises(WorkshopError):
        open_scene(mine, text="some text")
    assert "Owen (327 words)" in repr(sample)


def test_comparison_redraws_when_the_character_changes(scene) -> None:
    widget = ComparisonWidget(scene)
    assert widget.first.value == "Owen" and widget.second.value == "Agnes"
    before = widget.result.value
    assert "Owen against Agnes" in _text(before)
    widget.first.value = "Agnes"
    after = widget.result.value
    assert after != before and "Agnes against Owen" in _text(after)
    assert widget.second.value == "Owen", "a character is never compared with themself"
    # Agnes's sentences are shorter than Owen's: the table shows the profile's numbers
    agnes = scene.profiles().get("Agnes").rhythm["mean_sentence_words"]
    owen = scene.profiles().get("Owen").rhythm["mean_sentence_words"]
    assert agnes < owen
    row = re.search(r"Average sentence length.*?</tr>", after, re.S).group(0)
    assert f"{agnes:.1f}" in row and f"{owen:.1f}" in row and "clearly different" in row
    svg = bytes(widget.picture.value).decode("utf-8")
    assert svg.startswith("<svg") and "Agnes" in svg and "Owen" in svg


def test_comparison_families_norms_and_references(scene) -> None:
    widget = ComparisonWidget(scene)
    widget.family.value = "readability"
    assert "Flesch reading ease" in widget.result.value and "Hedges" not in widget.result.value
    widget.family.value = "diction"
    assert "Hedges" in widget.result.value
    assert widget.second.options[-1] == ("Characters in classic novels (1813-1926)", "norms")  # named, and last
    widget.second.value = "norms"
    assert "Percentile among characters in classic novels (1813-1926)" in widget.result.value
    # swearing is a measure most of those characters never show: a rate, not a percentile
    assert "most of them never do this" in widget.result.value


def test_word_choice_headline_names_only_word_choice_measures(scene) -> None:
    """The headline of the Word choice view names word-choice measures only (it named rhythm ones)."""
    from workshop.report.views import FAMILY_MEASURES
    from workshop.voice.metrics import METRICS

    widget = ComparisonWidget(scene, first="Owen", second="Agnes", family="diction")
    headline = _text(widget.result.value).split("In these measures:", 1)
    assert len(headline) == 2, widget.result.value
    named = headline[1].split(".")[0]
    rhythm = [METRICS[m].label.lower() for m in FAMILY_MEASURES["rhythm"]]
    assert not any(label in named for label in rhythm), named
    widget.second.value = "ref:the-detective:Hale"
    assert "Hale (reference: The Night Clerk)" in _text(widget.result.value)
    assert widget.examples.continuous_update is False
    widget.examples.value = 0
    assert "for example" not in widget.result.value
    widget.examples.value = 3
    assert widget.result.value.count("“") >= 3


def test_comparison_with_nobody_speaking(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    widget = ComparisonWidget(open_scene(text="The room was empty. Nobody said anything.\n"))
    assert "nothing to compare" in widget.result.value


def test_attribution_editor_saves_and_is_used_from_then_on(scene) -> None:
    comparison = ComparisonWidget(scene)
    editor = AttributionEditor(scene)
    first_line, dropdown = editor.dropdowns[0]
    assert first_line.line == 5 and dropdown.value == "Agnes"  # "You're early," she said.
    assert dropdown.options[0] == ("(unknown)", "")
    owen_words = scene.profiles().get("Owen").words
    editor.set_speaker(5, "Owen")
    saved = scene.corrections.read_text(encoding="utf-8")
    assert 'quote = "You\'re early,"' in saved and 'speaker = "Owen"' in saved
    assert "line 5 is now Owen" in editor.status.value
    assert scene.profiles().get("Owen").words == owen_words + 2  # "You're early," is two words
    # the comparison redrew from the corrected dialogue: Owen's words per speech now counts the extra line
    per_speech = scene.profiles().get("Owen").rhythm["mean_utterance_words"]
    assert f"{per_speech:.1f}" in re.search(r"Words per speech.*?</tr>", comparison.result.value, re.S).group(0)
    # a fresh session on the same folder uses the saved correction
    again = open_scene()
    assert again.profiles().get("Owen").words == owen_words + 2
    # "(unknown)": saved as an empty speaker, and the line shows up among the lines with no speaker
    AttributionEditor(again).set_speaker(5, None)
    assert 'speaker = ""' in again.corrections.read_text(encoding="utf-8")
    unknown_view = AttributionEditor(again)
    unknown_view.show.value = "unknown"
    assert [seg.line for seg, _ in unknown_view.dropdowns] == [5]


def test_editor_pages_long_scenes(scene) -> None:
    editor = AttributionEditor(scene, page_size=10)
    assert editor.page.max == 3 and len(editor.dropdowns) == 10  # 28 lines
    editor.page.value = 3
    assert len(editor.dropdowns) == 8


def test_reference_picker() -> None:
    picker = ReferencePicker()
    assert [v for _, v in picker.choice.options][:4] == ["the-aunt", "the-butler", "the-detective", "the-teenager"]
    picker.choice.value = "the-detective"
    assert "Hale" in picker.about.value and "The Night Clerk" in picker.about.value
    assert picker.characters == ["ref:the-detective:Hale", "ref:the-detective:Pim"]


def test_export_panel_writes_links_and_refuses_to_overwrite(scene, tmp_path: Path) -> None:
    panel = ExportPanel(scene, folder=tmp_path)
    panel.format.value = "md"
    assert panel.filename.value == "the-lighthouse-critique.md"
    path = panel.export()
    assert path == tmp_path / "the-lighthouse-critique.md"
    link = re.search(r"<a download='([^']+)' href='data:text/markdown;base64,([^']+)'", panel.result.value)
    assert link and link.group(1) == "the-lighthouse-critique.md"
    assert base64.b64decode(link.group(2)) == path.read_bytes()
    path.write_text("keep me", encoding="utf-8")
    assert panel.export() is None and "already a file called the-lighthouse-critique.md" in panel.result.value
    assert "--force" not in panel.result.value and "replace it if it exists" in panel.result.value
    assert path.read_text(encoding="utf-8") == "keep me"
    panel.replace.value = True
    assert panel.export() == path and path.read_text(encoding="utf-8").startswith("# Voice critique")
    panel.format.value = "html"
    assert panel.filename.value == "the-lighthouse-critique.html"
    assert panel.export().read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_setup_check_reports_every_line_ok() -> None:
    report = check_setup().value
    assert "✗ no" not in report and report.count("✓ yes") == 7


def test_scene_pictures(scene) -> None:
    for which in ("share of talk", "rhythm", "word choice"):
        image = scene.picture(which)
        assert image.format == "png" and bytes(image.value).startswith(b"\x89PNG")
    with pytest.raises(WorkshopError, match="No picture called"):
        scene.picture("colours")


def test_comparison_follows_the_reference_picker(scene) -> None:
    picker = ReferencePicker()
    widget = ComparisonWidget(scene).follow(picker)
    assert widget.second.value == "ref:the-aunt:Marjorie"
    picker.choice.value = "the-detective"
    assert widget.second.value == "ref:the-detective:Hale"
    assert "Hale (reference: The Night Clerk)" in _text(widget.result.value)


def test_uploading_a_scene_switches_every_widget(scene) -> None:
    comparison = ComparisonWidget(scene)
    upload = SceneUpload(scene)
    text = ('"Where were you?" asked Mara.\n\n"Out," said Jonah. "Walking. Thinking."\n\n'
            '"All night?" asked Mara. "Without a word to anyone?"\n\n"Yes," said Jonah.\n')
    upload.button.value = ({"name": "my draft.txt", "type": "text/plain", "size": len(text),
                            "content": memoryview(text.encode("cp1252")),
                            "last_modified": datetime.datetime(2026, 11, 23, tzinfo=datetime.timezone.utc)},)
    assert scene.name == "my-draft" and not scene.is_sample
    assert set(scene.characters) == {"Mara", "Jonah"}
    assert "my-draft (your scene)" in upload.status.value
    assert {v for _, v in comparison.first.options} == {"Mara", "Jonah"}
    assert "Mara" in comparison.result.value and "Owen" not in comparison.result.value
    assert scene.corrections.name == "my-draft.corrections.toml"
    # a file that is not text is refused with a message, and the scene stays as it was
    assert upload.load("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)) is False
    assert "not plain text" in upload.error.value and scene.name == "my-draft"
    # the scene in use is still named, with the problem beside it
    assert "Now showing: my-draft (your scene)" in upload.status.value and "photo.txt" in upload.error.value


def test_a_workshop_error_shows_as_a_note_not_a_traceback(monkeypatch) -> None:
    """The handler a notebook uses for WorkshopError: one note with the message, an empty traceback."""
    import IPython.display

    from workshop.widgets import friendly_errors

    shown: list = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    error = WorkshopError("There is no file at my-scene.txt. Check the path (and the folder you are in).")
    stb = friendly_errors.show_workshop_error(None, WorkshopError, error, None)
    assert stb == []  # IPython prints no traceback
    assert len(shown) == 1
    page = shown[0]._repr_html_()
    assert "There is no file at my-scene.txt. Check the path" in _text(page)
    assert "Traceback" not in page and "WorkshopError" not in page
    assert repr(shown[0]).startswith("Something to fix: There is no file at my-scene.txt.")


def test_the_note_handler_is_registered_for_workshop_errors_only() -> None:
    from workshop.widgets import friendly_errors

    class Shell:
        custom_exceptions: tuple = ()

        def set_custom_exc(self, exc_tuple, handler):
            self.custom_exceptions, self.handler = exc_tuple, handler

    shell = Shell()
    assert friendly_errors.register(shell)
    assert shell.custom_exceptions == (WorkshopError,) and shell.handler is friendly_errors.show_workshop_error
    assert friendly_errors.register(shell)  # importing twice is harmless
    other = Shell()
    other.custom_exceptions = (KeyError,)
    assert not friendly_errors.register(other) and other.custom_exceptions == (KeyError,)
    assert not friendly_errors.register()  # plain Python (pytest): nothing to register


def test_scene_summary_agrees_in_number(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    one = open_scene(text='Tom looked up. "No," he said.\n', cast=None, name="one")
    assert "one (your scene): 6 words, 1 line of dialogue;" in one.summary()


def test_the_compared_with_list_never_offers_the_chosen_character(scene) -> None:
    widget = ComparisonWidget(scene)
    offered = [v for _, v in widget.second.options]
    assert "Owen" not in offered and "Agnes" in offered
    widget.first.value = "Agnes"
    offered = [v for _, v in widget.second.options]
    assert "Agnes" not in offered and widget.second.value == "Owen"
    # "not tested" is explained under the table when it appears
    widget.family.value = "readability"
    if "not tested" in widget.result.value:
        assert "vw-legend" in widget.result.value


def test_every_measure_table_shows_percent_and_whole_explanations() -> None:
    from workshop.voice.profile import metric_table
    from workshop.widgets import measures_table
    from workshop.widgets.tables import measures_frame

    frame = measures_frame("diction")
    rare = frame[frame["measure"] == "Rare words"].iloc[0]
    assert rare["unit"] == "%" and rare["needs at least"] == "100 words"
    assert not any("share (0-1)" in u for f in ("readability", "rhythm", "diction") for u in measures_frame(f)["unit"])
    page = measures_table("rhythm").to_html()
    longest = max(metric_table().query("family == 'rhythm'")["explanation"], key=len)
    assert len(longest) > 60 and longest in page  # whole, not cut at 50 characters
    assert "text-align: left" in page
    with pytest.raises(WorkshopError):
        measures_frame("sound")


def test_the_editor_explains_methods_without_names_from_another_scene(scene) -> None:
    editor = AttributionEditor(scene)
    shown = " ".join(row.children[1].value for row in editor.rows.children)
    assert "a tag names the speaker" in shown and "Bruce" not in shown
