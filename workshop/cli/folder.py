"""A folder of scenes on the command line: ``python -m workshop critique FOLDER -o OUTDIR`` (also ``quotes``,
``profile``, ``compare``).

Every scene of the folder (:mod:`workshop.text.scene_folder`) goes through the command (:func:`workshop.cli.batch.run_scene`,
on the machine's cores: :mod:`workshop.cli.parallel`); each output is written to OUTDIR as soon as it is ready, named
after its scene in the command's format, then the overview (``index.html`` and ``overview.csv``). A scene that
cannot be done is a row of the overview with its one-line reason; the exit status is 0 when at least one scene was
done, 2 when none was. Files already in OUTDIR are replaced only with ``--force``; every file is written whole or
not at all (:mod:`workshop.files.atomic_write`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshop.files.atomic_write import check_output_path, describe_os_error, write_file
from workshop.cli.batch import RESERVED, SceneOptions, extensions, output_names, run_scene
from workshop.cli.common import norms_from_args
from workshop.compare.norms.table import load_norms
from workshop.errors import WorkshopError
from workshop.report.overview import OverviewRow, overview_csv, overview_html
from workshop.cli.parallel import check_jobs, map_in_order
from workshop.text.scene_folder import scene_files

ONE_SCENE_OPTIONS = (("cast", "--cast", "NAME.cast.toml"), ("corrections", "--corrections", "NAME.corrections.toml"))
WHAT = {"critique": ("critique", "critiques"), "compare": ("comparison", "comparisons"),
        "profile": ("profile", "profiles"), "quotes": ("list of quotes", "lists of quotes")}


def run_folder(args: argparse.Namespace) -> int:
    """Run ``args.command`` on every scene of the folder ``args.path``."""
    command = args.command
    folder: Path = args.path
    out = _check_options(args, folder)
    jobs = check_jobs(args.jobs)
    norms = norms_from_args(args)  # a bad norms file is one line before any work
    scenes = scene_files(folder)
    if not scenes:
        raise WorkshopError(f"There is no .txt or .md scene in {folder} (folders inside it are not read).")
    names = output_names([s.path for s in scenes], command, args.format)
    _check_outdir(out, [*names.values(), *RESERVED], force=args.force)
    options = _scene_options(args)
    progress = sys.stderr.isatty() and len(scenes) > 1
    rows: list[OverviewRow] = []
    results = map_in_order(run_scene, [str(s.path) for s in scenes], options, jobs=jobs, progress=progress,
                           desc=f"{command.capitalize()} of {len(scenes)} scenes")
    for scene, result in zip(scenes, results):
        row = OverviewRow(scene.name, None, result.summary, result.problem, result.notices)
        if result.text is not None:
            try:
                write_file(out / names[scene.name], result.text, force=args.force)
                row.output = names[scene.name]
            except WorkshopError as exc:
                row.problem = str(exc)
        rows.append(row)
    norms_name = _norms_used(command, args, norms)
    one, many = WHAT[command]
    title = f"{many.capitalize()}: {folder.resolve().name}"
    write_file(out / "overview.csv", overview_csv(rows, norms=norms_name), force=True)
    write_file(out / "index.html", overview_html(rows, title=title, command=command, norms=norms_name), force=True)
    return _report(rows, out, one, many)


def _check_options(args: argparse.Namespace, folder: Path) -> Path:
    for attr, flag, beside in ONE_SCENE_OPTIONS:
        if getattr(args, attr, None) is not None:
            raise WorkshopError(f"{flag} is for one scene; in a folder, each scene's file is {beside} beside it.")
    if getattr(args, "exclude_lines", None):
        raise WorkshopError("--exclude-lines is for one scene; in a folder, leave the lines out of the scene files.")
    if getattr(args, "characters", None):
        raise WorkshopError("--characters names the characters of one scene; a folder has many casts.")
    if getattr(args, "boot", 1000) < 50:
        raise WorkshopError("--boot must be at least 50 (1000 is the default).")
    if getattr(args, "norms", None) is not None and getattr(args, "no_norms", False):
        raise WorkshopError("--norms names the norms to compare with and --no-norms leaves them out: give one.")
    if getattr(args, "against_cast", None) is not None and not getattr(args, "against", None):
        raise WorkshopError("--against-cast names the cast of a reference: give the reference with --against too.")
    if getattr(args, "top", 1) < 1:
        raise WorkshopError("--top wants a number of characters, 1 or more.")
    out = args.output
    if out is None or str(out) == "-":
        raise WorkshopError(f"With a folder of scenes, give -o FOLDER: the folder to write one {args.command} per "
                            "scene and the overview (index.html) into, e.g. -o marked.")
    if out.exists() and not out.is_dir():
        raise WorkshopError(f"{out} is a file: with a folder of scenes, -o names a folder to write into.")
    if not out.exists() and out.suffix.lower().lstrip(".") in extensions():
        raise WorkshopError(f"With a folder of scenes, -o names a folder to write one {args.command} per scene into; "
                            f"{out.name} looks like a file name: e.g. -o {out.with_suffix('')}")
    if out.exists() and out.resolve() == folder.resolve():
        raise WorkshopError("Write the outputs to another folder than the scenes' (they would be read as scenes "
                            "the next time): e.g. -o " + str(folder / "marked"))
    return out


def _check_outdir(out: Path, planned: list[str], *, force: bool) -> None:
    """Make the output folder if it is missing; refuse, before any work, to replace files in it without
    --force, or to write where the system will not let us."""
    if out.is_dir() and not force:
        clash = [name for name in planned if (out / name).exists() or (out / name).is_symlink()]
        if clash:
            more = f" and {len(clash) - 1} more of the files this run writes" if len(clash) > 1 else ""
            raise WorkshopError(f"{out} already holds {clash[0]}{more}; add --force to replace them, or choose "
                                "another folder.")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkshopError(describe_os_error(exc, out / "index.html")) from None
    check_output_path(out / "index.html", force=True)


def _scene_options(args: argparse.Namespace) -> SceneOptions:
    def opt(name, default=None):
        return getattr(args, name, default)

    return SceneOptions(
        command=args.command, format=args.format, style=args.style, keep_notes=args.keep_notes,
        norms=str(args.norms) if opt("norms") is not None else None, against=opt("against"),
        against_cast=str(args.against_cast) if opt("against_cast") is not None else None, fetch=opt("fetch", False),
        boot=opt("boot", 1000), no_norms=opt("no_norms", False), pos=opt("pos", False), top=opt("top", 6),
    )  # fmt: skip


def _norms_used(command: str, args: argparse.Namespace, norms) -> str:
    """The norms the outputs place characters in, named with their size ("" when none are used)."""
    if command == "critique" or (command == "compare" and not args.no_norms):
        if norms is None:
            norms = load_norms()
        return norms.summary() if norms is not None else ""
    if command == "profile" and norms is not None:
        return norms.summary()
    return ""


def _report(rows: list[OverviewRow], out: Path, one: str, many: str) -> int:
    done = [r for r in rows if r.output is not None]
    failed = [r for r in rows if r.output is None]
    for r in rows:
        for note in r.notes:
            print(f"note: {r.scene}: {note}", file=sys.stderr)
    for r in failed:
        print(f"voice-workshop: {r.scene}: {r.problem}", file=sys.stderr)
    noun = one if len(done) == 1 else many
    print(f"Wrote {len(done)} {noun} of {len(rows)} scenes to {out}; the overview is {out / 'index.html'}"
          + (f" ({len(failed)} could not be done: their reasons are in the overview)." if failed else "."),
          file=sys.stderr)
    return 0 if done else 2
