"""``python -m workshop critique``: a critique summary of the scene's voices, to hand in or discuss."""

from __future__ import annotations

import argparse
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
from workshop.errors import WorkshopError
from workshop.cli.compare import shipped_names
from workshop.files.export_formats import export, format_names
from workshop.report.critique import build_critique
from workshop.report.formats import export_format as critique_format
from workshop.report.voices import references_help


def add_parser(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "critique",
        help="a critique summary to hand in or discuss (Markdown, HTML, plain text, JSON or CSV)",
        description="Write a critique of the scene's voices: who talks and how much; for each character the "
        "measures on which they stand out, with example lines; how distinct each pair sounds and why; how they "
        "compare with a reference or with characters in classic novels; revision prompts grounded in the "
        "numbers; and the caveats when there is too little text. HTML is one self-contained file with pictures.",
        epilog=f"REF is one of the kit's reference scenes, by name (title): {references_help()}; or "
        "the path of any scene, a character whose lines come with the kit (no internet needed: "
        f"{shipped_names()}), or a catalog work (e.g. pride-and-prejudice; add --fetch to download it once), "
        "as for the compare command.",
    )
    add_scene_options(parser)
    parser.add_argument("--against", metavar="REF", help="also compare with a reference (see below)")
    parser.add_argument("--against-cast", type=Path, metavar="RC", help="the reference's cast file")
    parser.add_argument("--fetch", action="store_true", help="allow downloading a catalog work (needs internet)")
    add_norms_option(parser)
    parser.add_argument("--format", choices=format_names("critique"), default="md",
                        help="output format (default: md)")
    parser.add_argument("-o", "--output", type=Path, help="write to this file (default: the screen)")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    return parser


def run(args: argparse.Namespace) -> int:
    """One scene (a folder of scenes goes to :func:`workshop.cli.folder.run_folder` instead: see main)."""
    check_output(args.output, force=args.force)  # before any work: a path that cannot be written is said at once
    norms = norms_from_args(args)
    _scene, dialogue = load_from_args(args)
    if args.against_cast is not None and not args.against:
        raise WorkshopError("--against-cast names the cast of a reference: give the reference with --against too.")
    critique = compute(dialogue, args, norms=norms)
    write_output(args.output, output_text(critique, args.format), force=args.force)
    if args.output is not None and str(args.output) != "-":
        print(f"Wrote {args.output} ({args.format}).", file=sys.stderr)
    return 0


def compute(dialogue, options, *, norms=None):
    """The critique of one scene as ``options`` asks (``format``, ``against``, ``against_cast``, ``fetch``)."""
    extra = {"norms": norms} if norms is not None else {}
    return build_critique(dialogue, against=options.against, pictures=critique_format(options.format).pictures,
                          against_cast=options.against_cast, fetch=options.fetch,
                          cast_note=getattr(options, "cast_note", None) or None, **extra)


def output_text(critique, fmt: str) -> str:
    """The critique in ``fmt`` (a format registered for ``critique``: see :mod:`workshop.report.formats`)."""
    return export("critique", fmt, critique)

