"""``python -m workshop compare``: how distinct the characters sound, from each other, references and the norms."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from workshop.cli.common import (
    add_norms_option,
    add_scene_options,
    check_output,
    load_from_args,
    norms_from_args,
    write_output,
)
from workshop.compare.norms.table import CLASSIC_PEOPLE
from workshop.compare.offline_references import offline_names
from workshop.compare.pairs import MEASURE_VERDICTS, Comparison, PairComparison, compare_dialogue
from workshop.compare.references import load_reference
from workshop.errors import WorkshopError
from workshop.files.export_formats import export, exporter, format_names
from workshop.report.voices import references_help
from workshop.voice.metrics import METRICS

NORMS_SHOWN = 6
NAME_WIDTH = 18
"""The widest a name column of the measures table gets (longer names are cut with '...')."""


def _cut(name: str, width: int) -> str:
    """A name that fits a column: whole when it fits, else cut with '...' ("Lady Catherine De..." )."""
    return name if len(name) <= width else name[: width - 3].rstrip() + "..."


def shipped_names() -> str:
    """The reference characters whose lines ship with the kit, for the help text."""
    return ", ".join(f'"{n}"' for n in offline_names())


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "compare",
        help="how distinct the characters sound, from each other and from references",
        description="Compare every pair of characters measure by measure (with a 95% interval and a verdict: "
        "clearly different / similar / no clear difference / too little text to tell), give each pair a distinctiveness score from "
        "0 to 1, run the tag test (can each line be given back to its speaker without the tags?), and place each "
        "character among characters of classic novels. With --against, also compare with a reference.",
        epilog=f"REF is one of the kit's reference scenes, by name (title): {references_help()}; or "
        "the path of any scene, a character whose lines come with the kit (no internet needed: "
        f"{shipped_names()}), or a catalog work (e.g. pride-and-prejudice; add --fetch to download it once).",
    )
    add_scene_options(parser)
    parser.add_argument("--against", metavar="REF", help="a reference to compare with (see below)")
    parser.add_argument("--against-cast", type=Path, metavar="RC", help="the reference's cast file")
    parser.add_argument("--fetch", action="store_true", help="allow downloading a catalog work (needs internet)")
    parser.add_argument(
        "--characters", metavar="A,B", help="only these characters (comma-separated; default: who speaks most)"
    )
    parser.add_argument("--no-norms", action="store_true", help="leave out the comparison with classic novels")
    add_norms_option(parser)
    parser.add_argument("--boot", type=int, default=1000, metavar="N", help="bootstrap redraws (default 1000)")
    parser.add_argument("--format", choices=format_names("compare"), default="table", help="output format")
    parser.add_argument("-o", "--output", type=Path, help="write to this file")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    return parser


def run(args: argparse.Namespace) -> int:
    """One scene (a folder of scenes goes to :func:`workshop.cli.folder.run_folder` instead: see main)."""
    if args.boot < 50:
        raise WorkshopError("--boot must be at least 50 (1000 is the default).")
    if args.norms is not None and args.no_norms:
        raise WorkshopError("--norms names the norms to compare with and --no-norms leaves them out: give one.")
    check_output(args.output, force=args.force)  # check the output path before the work
    norms = norms_from_args(args)
    scene, dialogue = load_from_args(args)
    result, reference = compute(dialogue, args, norms=norms)
    text = output_text(result, reference, args.format, scene_path=str(args.path) if args.path else "sample scene",
                       scene_name=Path(args.path).name if args.path else "the sample scene")
    write_output(args.output, text, force=args.force)
    return 0


def compute(dialogue, options, *, norms=None):
    """The comparison of one scene as ``options`` asks (``characters``, ``against``, ``against_cast``,
    ``fetch``, ``no_norms``, ``boot``): ``(Comparison, reference or None)``."""
    chars = [c.strip() for c in options.characters.split(",")] if options.characters else None
    if chars:
        unknown = [c for c in chars if not dialogue.lines_of(c)]
        if unknown:
            raise WorkshopError(
                f"No lines for {', '.join(unknown)}. Characters who speak: {', '.join(dialogue.speakers) or 'none'}."
            )
    reference = None
    if options.against:
        reference = load_reference(options.against, cast=options.against_cast, fetch=options.fetch)
    extra = {"norms": norms} if norms is not None else {}
    result = compare_dialogue(
        dialogue,
        against=reference.dialogue if reference else None,
        against_characters=reference.characters if reference else None,
        reference=reference.name if reference else "reference",
        characters=chars,
        with_norms=not options.no_norms,
        n_boot=options.boot,
        **extra,
    )
    return result, reference


def output_text(result: Comparison, reference, fmt: str, *, scene_path: str, scene_name: str) -> str:
    """The comparison as the command prints it (a format registered for ``compare``: ``table`` or ``json``)."""
    return export("compare", fmt, result, reference=reference, scene_path=scene_path, scene_name=scene_name)


# Every compare writer takes the Comparison, then ``reference`` (a Reference or None), ``scene_path`` (as given
# on the command line) and ``scene_name`` (the file's name, for titles).


@exporter("compare", "table", extension="txt", description="the pairs and verdicts to read on screen")
def compare_table(result: Comparison, *, reference=None, scene_path: str = "", scene_name: str = "the scene") -> str:
    return format_table(result, scene_name=scene_name)


@exporter("compare", "json", description="every measure, interval and verdict")
def compare_json(result: Comparison, *, reference=None, scene_path: str = "", scene_name: str = "") -> str:
    data = result.to_dict()
    data["scene"] = scene_path
    if reference:
        data["reference"] = {"name": reference.name, "source": reference.source, "path": str(reference.path),
                             "description": reference.description}  # fmt: skip
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _num(v: float, digits: int | None = None, sign: bool = False) -> str:
    """A number for writers: 1 decimal from 10 up, 2 from 1 up, 3 below (so shares like 0.025 stay visible)."""
    if v is None or not math.isfinite(v):
        return "-"
    if digits is None:
        size = abs(v)
        digits = 1 if size >= 10 else 2 if size >= 1 else 3 if size > 0 else 1
    return f"{v:+.{digits}f}" if sign else f"{v:.{digits}f}"


def _is_share(name: str) -> bool:
    info = METRICS.get(name)
    return bool(info and info.unit.startswith("share"))


def _labelled(m) -> str:
    """"Questions (per 100 sentences)", "Rare words (% of words)": the label with the unit a writer needs."""
    info = METRICS.get(m.metric)
    if info is None or not info.unit:
        return m.label
    unit = "%" if info.unit.startswith("share") else info.unit
    return f"{m.label} ({unit})"


def _digits(*values: float) -> int:
    finite = [abs(v) for v in values if v is not None and math.isfinite(v) and v != 0]
    top = max(finite, default=0.0)
    return 1 if top >= 10 else 2 if top >= 1 else 3


def _words(n: int) -> str:
    return f"{n} word" if n == 1 else f"{n} words"


def format_pair(p: PairComparison, *, all_measures: bool = True) -> list[str]:
    rows: list[str] = []
    title = f"{p.a} and {p.b}" + (f" (from {p.reference})" if p.reference else "")
    rows.append(f"{title}: {p.verdict}")
    rows.append(
        f"  distinctiveness {p.distinctiveness:.2f} on a 0-1 scale"
        + (f" (with more text it could be up to {p.distinctiveness_high:.2f})"
           if p.distinctiveness_high - p.distinctiveness >= 0.05 else "")
    )  # fmt: skip
    d, l = p.delta_component, p.lsm_component
    rows.append(
        f"  function words: Delta {p.delta:.2f} (random splits of the same lines: {d.null_median:.2f}); "
        f"style matching (LSM) {p.lsm:.2f} (random splits: {l.null_median:.2f})"
    )
    t = p.tag_test
    if math.isfinite(t.accuracy):
        rows.append(
            f"  tag test: {t.accuracy:.0%} of {t.n} lines given back to the right speaker without tags "
            f"(chance {t.chance:.0%}; 95% interval {t.ci_low:.0%}-{t.ci_high:.0%})"
        )
    else:
        rows.append(f"  tag test: could not run ({t.n} lines)")
    rows.append(f"  lines: {p.a} {p.lines_a} ({_words(p.words_a)}), {p.b} {p.lines_b} ({_words(p.words_b)})")
    labels = {m.metric: _labelled(m) for m in p.metrics}
    width = max(len(label) for label in labels.values())
    col = max(10, min(NAME_WIDTH, max(len(p.a), len(p.b))))
    na, nb = _cut(p.a, col), _cut(p.b, col)
    rows.append(f"  {'measure':{width}}  {na:>{col}} {nb:>{col}}  {'difference [95% interval]':>28}  verdict")
    shown = p.metrics if all_measures else [m for m in p.metrics if m.verdict == "clearly different"]
    for m in shown:
        scale = 100.0 if _is_share(m.metric) else 1.0
        a, b, diff, low, high = (x * scale for x in (m.a, m.b, m.difference, m.ci_low, m.ci_high))
        digits = _digits(a, b, diff)
        interval = f"{_num(diff, digits, True)} [{_num(low, digits, True)}, {_num(high, digits, True)}]"
        rows.append(
            f"  {labels[m.metric]:{width}}  {_num(a, digits):>{col}} {_num(b, digits):>{col}}  {interval:>28}  {m.verdict}"
        )
    strongest = p.strongest()
    if strongest:
        rows.append("  what sets them apart most: " + "; ".join(m.label for m in strongest))
    for note in dict.fromkeys(p.notes):
        rows.append(f"  note: {note}")
    return rows


def format_table(result: Comparison, *, scene_name: str = "the scene") -> str:
    rows = [f"How distinct do the voices in {scene_name} sound?", ""]
    if result.pairs:
        if len(result.pairs) > 1:
            closest = result.closest_pair
            rows.append(
                f"The cast: distinctiveness {result.cast_distinctiveness:.2f} on average"
                + (f"; the closest pair is {closest.a} and {closest.b}." if closest else ".")
            )
            t = result.cast_tag_test
            if t is not None and math.isfinite(t.accuracy):
                rows.append(f"Tag test over the whole cast: {t.accuracy:.0%} of {t.n} lines (chance {t.chance:.0%}).")
            rows.append("")
        for p in result.pairs:
            rows.extend(format_pair(p))
            rows.append("")
    if result.references:
        rows.append("Against the reference:")
        rows.append("")
        for p in result.references:
            rows.extend(format_pair(p, all_measures=False))
            rows.append("")
    if result.norms:
        rows.append(f"Against {result.norms_population or CLASSIC_PEOPLE} (where each character stands out most):")
        for name in result.characters:
            extreme = [n for n in result.norms if n.character == name and math.isfinite(n.percentile)
                       and (n.percentile <= 10 or n.percentile >= 90)]  # fmt: skip
            mine = [n for n in extreme if not n.note]  # a placement on too little text is noise, not a finding
            rough = len(extreme) - len(mine)
            mine.sort(key=lambda n: -abs(n.percentile - 50))
            for n in mine[:NORMS_SHOWN]:
                rows.append(f"  {n.sentence}")
            if rough:
                rows.append(f"  {name}: {rough} measure{'' if rough == 1 else 's'} left out, too little text to place "
                            "(all of them with --format json)")
            if len(mine) > NORMS_SHOWN:
                rows.append(f"  ... and {len(mine) - NORMS_SHOWN} more for {name} (all of them with --format json)")
        rows.append(f"  (The norms: {result.norms_corpus})")
        rows.append("")
    for note in result.notes:
        rows.append(f"note: {note}")
    rows.append("Reading the verdicts: " + "; ".join(f"'{v}' = {meaning}" for v, meaning in MEASURE_VERDICTS.items())
                + ".")
    return "\n".join(rows) + "\n"
