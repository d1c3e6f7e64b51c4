"""Options and steps shared by the commands: the scene, its cast, notes, corrections, output."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from workshop.compare.norms.file import cached_norms_file
from workshop.files.atomic_write import check_output_path, write_file
from workshop.speakers.cast import Cast, load_cast
from workshop.speakers.cast_inline import cast_path_for, looks_inline, parse_inline_cast
from workshop.speakers.corrections import corrections_path_for
from workshop.speakers.dialogue import Dialogue, find_dialogue
from workshop.errors import WorkshopError
from workshop.text.quote_styles import QUOTE_STYLES
from workshop.text.samples import sample_cast_path, sample_scene_path
from workshop.text.scene import Scene, read_scene


def add_scene_options(parser: argparse.ArgumentParser) -> None:
    """PATH, --cast, --style, --keep-notes, --exclude-lines, --corrections."""
    parser.add_argument(
        "path", nargs="?", type=Path,
        help="the scene: a .txt or .md file (default: the kit's sample scene), or a folder of scenes: then -o "
        "names a folder that gets one output per scene and an overview (index.html, overview.csv)",
    )
    parser.add_argument(
        "--cast", metavar="CAST",
        help='the characters: a cast file (CAST.toml), or typed in quotes: "Natasha (she), Bruce (he), Sam '
        '(narrator)" (other names after aka: "Natasha (she, aka Nat)"); default: SCENE.cast.toml beside the scene, '
        "if it exists",
    )
    parser.add_argument(
        "--style",
        choices=["auto", *QUOTE_STYLES],
        default="auto",
        help="how the dialogue is marked; 'auto' (the default) works it out from the scene",
    )
    parser.add_argument(
        "--keep-notes", action="store_true", help="keep author's notes at the start and end in the analysis"
    )
    parser.add_argument(
        "--exclude-lines",
        action="append",
        default=[],
        metavar="FROM-TO",
        help="leave these lines out, e.g. 1-3 (repeatable)",
    )
    parser.add_argument(
        "--corrections",
        type=Path,
        metavar="FILE",
        help="speaker corrections to apply (default: SCENE.corrections.toml beside the scene, if it exists)",
    )
    parser.add_argument(
        "--jobs", type=int, metavar="N",
        help="with a folder of scenes: how many scenes to work on at once (default: the machine's cores)",
    )


def add_norms_option(parser: argparse.ArgumentParser) -> None:
    """--norms NORMS.json: other norms than the kit's characters of classic novels."""
    parser.add_argument(
        "--norms", type=Path, metavar="NORMS.json",
        help="place each character among these norms instead of the characters of classic novels (a file made "
        "by: python -m workshop norms build FOLDER -o NORMS.json)",
    )


def norms_from_args(args: argparse.Namespace):
    """The norms table ``--norms`` names (checked; one line when it is not usable), or None for the kit's own."""
    path = getattr(args, "norms", None)
    if path is None:
        return None
    return cached_norms_file(str(path))


def cast_from_args(args: argparse.Namespace, scene_path: Path | None) -> tuple[Cast | None, str]:
    """The cast ``--cast`` gives (a file, or typed: "Natasha (she), Bruce (he)"), else ``SCENE.cast.toml`` beside
    the scene when it exists (said on stderr), else the sample's cast for the sample, else None (the kit finds the
    characters). Also says where it came from, for the critique."""
    value = getattr(args, "cast", None)
    if value is not None and str(value).strip():
        text = str(value)
        if looks_inline(text):
            return parse_inline_cast(text), "typed with --cast"
        return load_cast(Path(text)), ""  # "from the cast file", as a folder's critiques say it
    if scene_path is None:
        return load_cast(sample_cast_path()), "the sample's cast file"
    beside = cast_path_for(scene_path)
    try:
        found = beside.is_file()
    except OSError:  # a name the system cannot take (too long...): there is no cast file beside it
        found = False
    if found:
        print(f"(Using the cast file beside the scene: {beside.name}.)", file=sys.stderr)
        return load_cast(beside), f"the cast file {beside.name} beside the scene"
    return None, ""


def load_from_args(args: argparse.Namespace) -> tuple[Scene, Dialogue]:
    """Read the scene and find its dialogue as the options say; notices go to stderr. The cast and corrections
    files beside the scene (``SCENE.cast.toml``, ``SCENE.corrections.toml``) are used when they exist, and the
    command says so; ``args.cast_note`` is set to where the cast came from."""
    path: Path | None = args.path
    if path is None:
        path = sample_scene_path()
        print(f"(No scene given: using the sample scene {path.name}.)", file=sys.stderr)
    scene = read_scene(
        path, exclude_lines=[_line_range(r) for r in args.exclude_lines], detect_notes=not args.keep_notes
    )  # first: a scene that cannot be read is said before anything about its cast
    cast, args.cast_note = cast_from_args(args, args.path)
    corrections = args.corrections
    if corrections is not None and not corrections.exists():
        raise WorkshopError(f"There is no corrections file at {corrections} (leave out --corrections to use none).")
    if corrections is None and corrections_path_for(path).exists():
        corrections = corrections_path_for(path)
        if args.path is not None:
            print(f"(Using the corrections beside the scene: {corrections.name}.)", file=sys.stderr)
    dialogue = find_dialogue(scene, cast, style=args.style, corrections=corrections)
    for notice in dialogue.notices:
        print(f"note: {notice}", file=sys.stderr)
    return scene, dialogue


def _line_range(text: str) -> tuple[int, int]:
    try:
        first, _, last = text.partition("-")
        a, b = int(first), int(last or first)
    except ValueError:
        raise WorkshopError(f"--exclude-lines wants a range like 1-3, not {text!r}.") from None
    return a, b


def check_output(path: Path | None, *, force: bool = False) -> None:
    """Refuse, before any work is done, a path that cannot be written (see
    :func:`workshop.files.atomic_write.check_output_path`); nothing is opened or created."""
    if path is None or str(path) == "-":
        return
    check_output_path(path, force=force)


def write_output(path: Path | None, data: str | Iterable[str], *, force: bool = False) -> None:
    """Write the finished output to stdout, or to a file through a temporary file renamed into place, so that a
    failing run leaves an existing file as it was (see :mod:`workshop.files.atomic_write`)."""
    if path is None or str(path) == "-":
        try:
            for chunk in [data] if isinstance(data, str) else data:
                sys.stdout.write(chunk)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # stdout sent to a full disk (> /dev/full), a closed terminal...
            _silence_stdout()
            raise WorkshopError(f"Could not write the output: {exc.strerror or exc}.") from None
        return
    write_file(path, data, force=force)


def _silence_stdout() -> None:
    """Point stdout at the null device, so that Python's own last flush at exit does not fail a second time."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
