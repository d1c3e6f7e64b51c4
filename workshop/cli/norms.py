"""``python -m workshop norms build FOLDER -o NORMS.json``: norms from any corpus (see :mod:`workshop.compare.norms.build`).

The file it writes is used with ``--norms NORMS.json`` on ``profile``, ``compare`` and ``critique``, in place of
the kit's characters of classic novels. It holds only figures (percentiles, counts, the corpus's name).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workshop.cli.common import check_output, write_output
from workshop.errors import WorkshopError, one_line_problem
from workshop.compare.norms.build import (
    DEFAULT_MIN_WORDS,
    NormsOptions,
    TextFigures,
    norms_data,
    read_text_figures,
)
from workshop.cli.parallel import check_jobs, map_in_order
from workshop.text.quote_styles import QUOTE_STYLES
from workshop.text.scene_folder import scene_file, scene_files


def text_figures(path: str, options: NormsOptions) -> TextFigures:
    """One text's figures (:func:`workshop.compare.norms.build.read_text_figures`); never raises for a problem with
    the text: the problem is the record's one-line ``problem`` (a top-level function, so texts map over cores)."""
    scene = scene_file(path)
    try:
        return read_text_figures(scene, options)
    except Exception as exc:  # noqa: BLE001 - one bad text never stops the corpus: it is reported and left out
        return TextFigures(scene.name, problem=one_line_problem(exc))


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "norms",
        help="build norms from a folder of scenes or novels (for --norms)",
        description="Norms are what the kit compares each character with: by default, characters in classic "
        "novels. `norms build` makes norms from any folder of scenes or novels (a class's own scenes, "
        "contemporary novels you own) for --norms on profile, compare and critique.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", title="actions")
    build = actions.add_parser(
        "build",
        help="percentiles of every measure over the characters of a folder of texts",
        description="Read every .txt and .md text in FOLDER (not the folders inside it), each with NAME.cast.toml, "
        "NAME.corrections.toml or a hand-checked NAME.quotes.jsonl beside it when there is one; keep every "
        "character with at least --min-words words of dialogue; write the percentiles of each measure over them. "
        "Only figures are written: no text, no names.",
        epilog="NAME.quotes.jsonl is the output of `python -m workshop quotes NAME.txt --format jsonl` with the "
        "speakers checked by hand; without it, speakers are the kit's (with the corrections file applied).",
    )
    build.add_argument("folder", type=Path, help="the folder of texts")
    build.add_argument("-o", "--output", type=Path, required=True, metavar="NORMS.json", help="the norms file to write")
    build.add_argument("--name", help="what the corpus is, as the outputs will name it (default: the folder's name)")
    build.add_argument("--min-words", type=int, default=DEFAULT_MIN_WORDS, metavar="N",
                       help=f"keep characters with at least N words of dialogue (default {DEFAULT_MIN_WORDS}; "
                       "try 150 for short scenes)")
    build.add_argument("--style", choices=["auto", *QUOTE_STYLES], default="auto",
                       help="how the dialogue is marked in the texts (default: worked out for each)")
    build.add_argument("--jobs", type=int, metavar="N", help="texts to read at once (default: the machine's cores)")
    build.add_argument("--force", action="store_true", help="replace the norms file if it exists")
    return parser


def run(args: argparse.Namespace) -> int:
    if getattr(args, "action", None) != "build":
        raise WorkshopError("Say what to do with norms: python -m workshop norms build FOLDER -o NORMS.json")
    folder: Path = args.folder
    if not folder.is_dir():
        raise WorkshopError(f"{folder} is not a folder: give the folder of texts to build the norms from."
                            if folder.exists() else f"There is no folder at {folder}.")
    if args.min_words < 1:
        raise WorkshopError("--min-words wants a number of words, 1 or more.")
    name = " ".join((args.name if args.name is not None else folder.resolve().name).split())
    if not name:
        raise WorkshopError("--name wants a few words saying what the corpus is, e.g. --name \"Class of 2026\".")
    jobs = check_jobs(args.jobs)
    check_output(args.output, force=args.force)
    texts = scene_files(folder)
    if not texts:
        raise WorkshopError(f"There is no .txt or .md text in {folder} (folders inside it are not read).")
    options = NormsOptions(min_words=args.min_words, style=args.style)
    progress = sys.stderr.isatty() and len(texts) > 1
    figures = list(map_in_order(text_figures, [str(t.path) for t in texts], options, jobs=jobs, progress=progress,
                                desc="Reading texts"))
    for f in figures:
        if f.problem:
            print(f"voice-workshop: left out {f.name}: {f.problem}", file=sys.stderr)
    data = norms_data(figures, name=name, min_words=args.min_words)
    write_output(args.output, json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n", force=args.force)
    corpus = data["corpus"]
    print(f"Wrote {args.output}: norms of {corpus['characters']:,} characters ({corpus['words']:,} words) from "
          f"{corpus['texts']} of {len(texts)} texts, {len(data['metrics'])} measures.", file=sys.stderr)
    return 0
