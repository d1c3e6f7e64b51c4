"""``python -m workshop quotes``: every quoted segment, in order, with its speaker."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from workshop.cli.common import add_scene_options, check_output, load_from_args, write_output
from workshop.files.csv_safety import csv_text
from workshop.files.export_formats import export, exporter, format_names
from workshop.speakers.dialogue import METHODS

FIELDS = ["start", "end", "line", "text", "speaker", "method", "confidence", "utterance", "kind"]


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "quotes",
        help="list every line of dialogue and who says it",
        description="List every quoted segment in the scene, in order, with its speaker, how the speaker was "
        "worked out (method) and how sure the kit is (confidence, 0 to 1). A speaker the kit cannot "
        "work out is left empty (null), never guessed. Quoted words that are not speech (a title, a word "
        "written down, a scare quote) are listed too, as kind 'mention', so nothing quoted goes missing.",
        epilog="Methods: " + "; ".join(f"{k}: {v}" for k, v in METHODS.items()),
    )
    add_scene_options(parser)
    parser.add_argument("--format", choices=format_names("quotes"), default="table", help="output format")
    parser.add_argument("-o", "--output", type=Path, help="write to this file")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    return parser


def run(args: argparse.Namespace) -> int:
    """One scene (a folder of scenes goes to :func:`workshop.cli.folder.run_folder` instead: see main)."""
    check_output(args.output, force=args.force)
    scene, dialogue = load_from_args(args)
    write_output(args.output, output_text(dialogue, args.format), force=args.force)
    return 0


def output_text(dialogue, fmt: str) -> str | Iterator[str]:
    """The command's output for one scene in ``fmt`` (a format registered for ``quotes`` below: ``table``,
    ``jsonl`` or ``csv``). Every quotes writer takes the :class:`~workshop.speakers.dialogue.Dialogue` alone."""
    return export("quotes", fmt, dialogue)


@exporter("quotes", "table", extension="txt", description="a table to read on screen")
def format_table(dialogue) -> str:
    rows = [f"{'line':>5}  {'speaker':16} {'method':12} {'conf':>4}  text"]
    for s in dialogue.segments:
        rows.append(f"{s.line:>5}  {(s.speaker or '(unknown)'):16.16} {s.method:12} {s.confidence:4.2f}  {_short(s.text)}")
    n, unknown = len(dialogue.segments), len(dialogue.unattributed)
    speakers = ", ".join(dialogue.speakers) or "nobody"
    rows.append("")
    rows.append(
        f"{_count(n, 'quoted segment')} in {_count(len(dialogue.utterances), 'utterance')} ({dialogue.style} style); "
        f"speakers: {speakers}; unattributed: {unknown}."
    )
    if dialogue.mentions:
        rows.append("")
        rows.append(f"Quoted but not speech ({len(dialogue.mentions)}: titles, words written down, scare quotes):")
        for m in dialogue.mentions:
            rows.append(f"{dialogue.scene.line_of(m.start):>5}  {_short(dialogue.scene.text[m.start : m.end])}")
    return "\n".join(rows) + "\n"


@exporter("quotes", "jsonl", extension="jsonl", description="one JSON object per quoted segment")
def quotes_jsonl(dialogue) -> Iterator[str]:
    for r in dialogue.to_records(include_mentions=True):
        yield json.dumps({k: r[k] for k in FIELDS} | {"paragraph": r["paragraph"]}, ensure_ascii=False) + "\n"


@exporter("quotes", "csv", description="one row per quoted segment, safe for spreadsheets")
def quotes_csv(dialogue) -> str:
    records = dialogue.to_records(include_mentions=True)
    return csv_text(FIELDS, ([r[k] for k in FIELDS] for r in records))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."
