"""A folder of scenes through one command: one output per scene, and the figures for the teacher's overview.

:func:`run_scene` is the work for one scene: a plain top-level function of (path, options) returning a
:class:`SceneResult` (the output text, the overview's figures, or the one-line reason the scene could not be
done). It never raises for a problem with the scene, so one bad file never stops the batch; it reads nothing
but the scene, the files beside it and the options, so the scenes can run in any order, on any core
(:mod:`workshop.cli.parallel`), and give the same results as one after another.

The output of a scene is exactly what the single-scene command writes for it (the commands' own
``output_text``/``compute``/``render`` functions); :mod:`workshop.cli.folder` writes the files and the
overview (:mod:`workshop.report.overview`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workshop.cli import compare, critique, profile, quotes
from workshop.cli.common import norms_from_args
from workshop.cli.gc_pause import collector_paused
from workshop.errors import WorkshopError, one_line_problem
from workshop.files.export_formats import export_format, format_names
from workshop.report.overview import SceneSummary, summarise
from workshop.speakers.scene_file import read_scene_file
from workshop.text.scene_folder import scene_file

COMMANDS = ("quotes", "profile", "compare", "critique")
"""The commands that take a folder of scenes as well as one scene."""


def extensions() -> set[str]:
    """Every file name ending a folder run may write (the registered formats' of the commands)."""
    return {export_format(c, f).extension for c in COMMANDS for f in format_names(c)}

RESERVED = ("index.html", "overview.csv")
"""The overview's own files: no scene's output takes these names."""


@dataclass(frozen=True)
class SceneOptions:
    """What to do with each scene (the command's options, the same for every scene; all picklable)."""

    command: str
    format: str
    style: str = "auto"
    keep_notes: bool = False
    norms: str | None = None
    against: str | None = None
    against_cast: str | None = None
    fetch: bool = False
    boot: int = 1000
    characters: str | None = None
    no_norms: bool = False
    pos: bool = False
    top: int = 6


@dataclass
class SceneResult:
    """What one scene gave: its output (None when it could not be done), the overview's figures, notices."""

    scene: str
    text: str | None = None
    summary: SceneSummary | None = None
    problem: str | None = None
    notices: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.text is not None


def run_scene(path: str | Path, options: SceneOptions) -> SceneResult:
    """The command's output for the scene at ``path`` (with the cast and corrections files beside it), and the
    overview's figures. A problem with the scene is the result's one-line ``problem``, never an exception."""
    path = Path(path)
    result = SceneResult(path.name)
    # (the collector paused here too: in a worker process of a folder run, main's pause may not be inherited)
    with collector_paused():
        try:
            _scene, dialogue = read_scene_file(scene_file(path), style=options.style, keep_notes=options.keep_notes)
            result.notices = [str(n) for n in dialogue.notices]
            result.summary = summarise(dialogue)
            text, computed = scene_output(dialogue, options, path)
            if computed is not None:
                result.summary = summarise(dialogue, computed)
            result.text = text
        except Exception as exc:  # noqa: BLE001 - one bad scene never stops the batch: it gets its one line
            result.problem = one_line_problem(exc)
    return result


def scene_output(dialogue, options: SceneOptions, path: Path) -> tuple[str, object | None]:
    """The command's output text for one scene, and the critique or comparison behind it (None for quotes and
    profile), through the same functions as the single-scene commands."""
    norms = norms_from_args(options)
    if options.command == "quotes":
        text = quotes.output_text(dialogue, options.format)
        return (text if isinstance(text, str) else "".join(text)), None
    if options.command == "profile":
        return profile.output_text(dialogue, options, norms=norms), None
    if options.command == "compare":
        result, reference = compare.compute(dialogue, options, norms=norms)
        return compare.output_text(result, reference, options.format, scene_path=str(path),
                                   scene_name=path.name), result
    if options.command == "critique":
        computed = critique.compute(dialogue, options, norms=norms)
        return critique.output_text(computed, options.format), computed
    raise WorkshopError(f"No command {options.command!r} for a folder; choose one of {', '.join(COMMANDS)}.")


def output_names(scenes: list[Path], command: str, fmt: str) -> dict[str, str]:
    """Each scene's output file name: ``NAME.EXT`` after the scene (``the-lighthouse.html``), or the whole file
    name and the ending (``draft.txt.html``) when two scenes share a name or the name is one of the overview's."""
    ext = export_format(command, fmt).extension
    stems: dict[str, int] = {}
    for p in scenes:
        stems[p.stem.lower()] = stems.get(p.stem.lower(), 0) + 1
    out = {}
    for p in scenes:
        name = f"{p.stem}.{ext}"
        if stems[p.stem.lower()] > 1 or name.lower() in RESERVED:
            name = f"{p.name}.{ext}"
        out[p.name] = name
    return out
