"""``python -m workshop profile``: each character's voice (readability, rhythm, word choice), with notes."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from workshop.cli.common import (
    add_norms_option,
    add_scene_options,
    check_output,
    load_from_args,
    norms_from_args,
    write_output,
)
from workshop.adapters.textblob_adapter import CLASSES as POS_CLASSES
from workshop.compare.norms.placement import percentile_csv, percentile_table, with_percentiles
from workshop.errors import WorkshopError
from workshop.files.csv_safety import csv_text
from workshop.files.export_formats import export, exporter, format_names
from workshop.voice.metrics import FAMILIES, METRICS, metrics_of
from workshop.voice.profile import profile_dialogue

LONG_INPUT_WORDS = 20_000
"""Scenes longer than this show a progress bar on stderr."""


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "profile",
        help="each character's voice: readability, rhythm, word choice",
        description="Profile the voice of every character in the scene, the narration and the scene as a whole: "
        "readability, sentence rhythm and word choice. A number that rests on too little text is still shown, "
        "with a note saying so.",
    )
    add_scene_options(parser)
    parser.add_argument("--format", choices=format_names("profile"), default="table", help="output format")
    parser.add_argument("-o", "--output", type=Path, help="write to this file")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.add_argument("--progress", action="store_true", help="always show a progress bar on stderr")
    parser.add_argument(
        "--pos",
        action="store_true",
        help="also count parts of speech (nouns, verbs, adjectives...); needs textblob, and takes longer",
    )
    add_norms_option(parser)
    parser.add_argument(
        "--top",
        type=int,
        default=6,
        metavar="N",
        help="in the table, show the N characters who talk most (default 6; json and csv have everyone)",
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """One scene (a folder of scenes goes to :func:`workshop.cli.folder.run_folder` instead: see main)."""
    check_output(args.output, force=args.force)
    norms = norms_from_args(args)
    scene, dialogue = load_from_args(args)
    # A bar only helps someone watching a terminal; in a log file it is noise (unless asked for).
    show = bool(args.progress) or (len(scene.text.split()) > LONG_INPUT_WORDS and sys.stderr.isatty())
    write_output(args.output, output_text(dialogue, args, norms=norms, progress=show), force=args.force)
    return 0


def output_text(dialogue, options, *, norms=None, progress: bool = False) -> str:
    """The command's output for one scene: ``options`` has ``format``, ``pos`` and ``top``; with ``norms`` (a
    :class:`~workshop.compare.norms.table.NormsTable`) each character is also placed among the norms' characters."""
    profiles = profile_dialogue(dialogue, progress=progress, pos=options.pos)
    return export("profile", options.format, profiles, norms=norms, top=options.top)


# Every profile writer takes the ProfileSet, then ``norms`` (a NormsTable or None) and ``top`` (table rows).


@exporter("profile", "table", extension="txt", description="a table to read on screen")
def profile_table(profiles, *, norms=None, top: int = 6) -> str:
    text = format_table(profiles, top=top)
    if norms is not None:
        text += percentile_table(profiles, norms, top=top)
    return text


@exporter("profile", "json", description="every number and note")
def profile_json(profiles, *, norms=None, top: int = 6) -> str:
    data = profiles.to_dict()
    if norms is not None:
        data = with_percentiles(data, profiles, norms)
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


@exporter("profile", "csv", description="one row per voice and measure, safe for spreadsheets")
def profile_csv(profiles, *, norms=None, top: int = 6) -> str:
    frame = profiles.long_frame()
    rows = (["" if isinstance(v, float) and math.isnan(v) else v for v in row]
            for row in frame.itertuples(index=False))
    if norms is not None:
        return percentile_csv(frame, rows, profiles, norms)
    return csv_text(frame.columns, rows)


def _fmt(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def format_table(profiles, *, top: int = 6) -> str:
    """A table a writer can read: one row per measure, one column per voice, then the notes."""
    if top < 1:
        raise WorkshopError("--top wants a number of characters, 1 or more.")
    shown = profiles.characters[:top]
    voices = shown + [profiles.narration, profiles.scene]
    label_w = max(len(m.label) for m in METRICS.values()) + 2
    col_w = min(16, max(10, *(len(p.name) + 2 for p in voices)))
    lines = []
    header = f"{'':{label_w}}" + "".join(f"{p.name[: col_w - 1]:>{col_w}}" for p in voices)
    lines.append(header)
    lines.append(f"{'words':{label_w}}" + "".join(f"{p.words:>{col_w}}" for p in voices))
    lines.append(f"{'sentences':{label_w}}" + "".join(f"{p.sentences:>{col_w}}" for p in voices))
    lines.append(f"{'speeches':{label_w}}" + "".join(f"{p.utterances:>{col_w}}" for p in voices))
    scalars = [p.scalar_metrics() for p in voices]
    for family in FAMILIES:
        lines.append("")
        lines.append(family.upper())
        for info in metrics_of(family):
            cells = []
            share = info.unit.startswith("share")  # shown as a percentage: writers read 3% more easily than 0.03
            for p, values in zip(voices, scalars):
                mark = "*" if p.note_for(info.name) else " "
                value = values.get(info.name, float("nan"))
                if info.name.startswith("share_of_") and p.kind != "character":
                    value, mark = float("nan"), " "  # the narration and the scene have no share of the talk
                cells.append(f"{_fmt(value * 100 if share else value) + mark:>{col_w}}")
            unit = "% " + info.unit.removeprefix("share (0-1)").strip() if share else info.unit
            lines.append(f"{info.label:{label_w}}" + "".join(cells) + f"   {unit.strip()}")
    if any(p.diction.get("parts_of_speech") for p in voices):
        lines.append("")
        lines.append("PARTS OF SPEECH (share of words)")
        for c in POS_CLASSES:
            cells = "".join(f"{_fmt((p.diction.get('parts_of_speech') or {}).get(c, float('nan'))):>{col_w}}"
                            for p in voices)  # fmt: skip
            lines.append(f"{c:{label_w}}" + cells)
    lines += _signatures_and_notes(profiles, shown, voices)
    return "\n".join(lines) + "\n"


def _signatures_and_notes(profiles, shown: list, voices: list) -> list[str]:
    """The table's last part: each character's signature words and openers, then the notes behind its stars."""
    lines: list[str] = []
    lines.append("")
    lines.append("SIGNATURE WORDS AND OPENERS")
    for p in shown:
        words = p.diction.get("distinctive_words") or []
        sig = ", ".join(f"{w['word']} ({w['count']})" + ("" if w.get("significant") else "?") for w in words)
        openers = ", ".join(f"{o['opener']} ({o['count']})" for o in p.diction.get("openers") or [])
        lines.append(f"  {p.name}: words: {sig or 'none stand out'}; openers: {openers or 'no habit'}")
    lines.append("  (? = leans that way, but too little text to be sure)")
    lines.append("")
    lines.append("NOTES (* in the table)")
    for p in voices:
        general = [n.message for n in p.notes if n.kind in ("general", "scope", "empty", "distinctive")]
        small = [n for n in p.notes if n.kind == "small-sample"]
        for message in general:
            lines.append(f"  {p.name}: {message}")
        if small:
            labels = sorted({METRICS[n.metric].label if n.metric in METRICS else n.metric for n in small})
            lines.append(f"  {p.name}: too little text for: {', '.join(labels)}.")
    lines.append("  Different words / all words always depends on length: compare MTLD or HD-D instead.")
    if profiles.unattributed_utterances:
        lines.append(
            f"  {profiles.unattributed_utterances} speeches have no known speaker; they count in the scene only."
        )
    hidden = len(profiles.characters) - len(shown)
    if hidden > 0:
        lines.append(f"  {hidden} more characters talk less; --top {len(profiles.characters)} shows them all.")
    lines.append("Run with --format json for every number and note in full.")
    return lines
