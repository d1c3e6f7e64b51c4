"""``python -m workshop quotes``: every quoted segment, in order, with its speaker."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from workshop.cli.common import add_scene_options, check_output, load_from_args, write_output
from workshop.cli.folder import run_folder
from workshop.text.scene_folder import is_folder
from workshop.files.csv_safety import csv_text
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
    parser.add_argument("--format", choices=["table", "jsonl", "csv"], default="table", help="output format")
    parser.add_argument("-o", "--output", type=Path, help="write to this file")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    return parser


def run(args: argparse.Namespace) -> int:
    if is_folder(args.path):
        return run_folder(args)
    check_output(args.output, force=args.force)
    scene, dialogue = load_from_args(args)
    write_output(args.output, output_text(dialogue, args.format), force=args.force)
    return 0


def output_text(dialogue, fmt: str) -> str | Iterator[str]:
    """The command's output for one scene in ``fmt`` (``table``, ``jsonl`` or ``csv``)."""
    records = dialogue.to_records(include_mentions=True)
    if fmt == "jsonl":
        return _jsonl(records)
    if fmt == "csv":
        return csv_text(FIELDS, ([r[k] for k in FIELDS] for r in records))
    return format_table(dialogue)


def _jsonl(records: list[dict]) -> Iterator[str]:
    for r in records:
        yield json.dumps({k: r[k] for k in FIELDS} | {"paragraph": r["paragraph"]}, ensure_ascii=False) + "\n"


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


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."
