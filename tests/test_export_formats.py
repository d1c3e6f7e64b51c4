"""The registry of output formats: one declaration per format feeds the --format choices, the file names of a
folder run and the dispatch."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.cli.batch import COMMANDS, output_names
from workshop.cli.main import build_parser
from workshop.errors import WorkshopError
from workshop.files import export_formats
from workshop.files.export_formats import export, export_format, format_names, register_format


def _format_choices(command: str) -> tuple[str, ...]:
    sub = next(a for a in build_parser()._subparsers._group_actions if a.dest == "command")
    action = next(a for a in sub.choices[command]._actions if a.dest == "format")
    return tuple(action.choices)


def test_the_commands_formats_are_the_registered_ones():
    expected = {"quotes": ("table", "jsonl", "csv"), "profile": ("table", "json", "csv"),
                "compare": ("table", "json"), "critique": ("md", "html", "txt", "json", "csv")}
    for command in COMMANDS:
        assert format_names(command) == expected[command]
        assert _format_choices(command) == expected[command]
    assert {export_format(c, "table").extension for c in ("quotes", "profile", "compare")} == {"txt"}


def test_an_unknown_format_is_one_line():
    with pytest.raises(WorkshopError, match="no 'pdf' format for profile; choose one of: table, json, csv"):
        export_format("profile", "pdf")


def test_a_new_format_is_one_declaration(monkeypatch):
    monkeypatch.setattr(export_formats, "_REGISTRY", {k: dict(v) for k, v in export_formats._REGISTRY.items()})

    @export_formats.exporter("quotes", "tsv", extension="tab", description="tab-separated")
    def quotes_tsv(dialogue) -> str:
        return "".join(f"{s.speaker}\t{s.text}\n" for s in dialogue.segments)

    assert format_names("quotes")[-1] == "tsv"
    assert output_names([Path("scene.txt")], "quotes", "tsv") == {"scene.txt": "scene.tab"}

    class Segment:
        speaker, text = "Agnes", "Sit."

    class Dialogue:
        segments = [Segment()]

    assert export("quotes", "tsv", Dialogue()) == "Agnes\tSit.\n"


def test_registering_again_replaces_in_place(monkeypatch):
    monkeypatch.setattr(export_formats, "_REGISTRY", {})
    register_format("k", "a", lambda x: "1")
    register_format("k", "b", lambda x: "2")
    register_format("k", "a", lambda x: "3")
    assert format_names("k") == ("a", "b") and export("k", "a", None) == "3"
