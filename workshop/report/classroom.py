"""A whole class at once, for the teacher's notebook: every scene of a folder critiqued, the overview's rows, and
every character of the class placed on the measures that spread them most.

The scenes are read exactly as ``python -m workshop critique FOLDER -o OUTDIR`` reads them (each with the cast and
corrections files beside it: :mod:`workshop.text.scene_folder`) and each critique is the one that command writes;
a scene that cannot be read is a row with its one-line reason, never an exception. Here the work stays in memory
(nothing is written), so a notebook can show the table, the picture and any student's critique.

"The measures that spread them most": each character (with at least :data:`MIN_WORDS` words) is placed on the
norms' 0-100 scale (the percentile among the norms' characters, so measures with different units compare); the
measures whose percentiles differ most across the class (standard deviation) are the ones that tell this class's
characters apart. Scenes are short, so many of these numbers rest on little text: the picture says so, and
:attr:`ClassCharacter.thin` names the measures where a character's number is only a hint.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.report.overview import OverviewRow, SceneSummary, summarise, talk_words, unattributed_words

if TYPE_CHECKING:
    import pandas as pd

    from workshop.compare.norms.table import NormsTable
    from workshop.report.model import Critique

MIN_WORDS = 40
"""Fewer words than this and a character is left out of the class picture (its percentiles would be noise)."""


@dataclass
class ClassCharacter:
    """One character of one student's scene, with their percentiles among the norms' characters."""

    scene: str
    name: str
    words: int
    percentiles: dict[str, float]
    thin: set[str] = field(default_factory=set)
    """The measures on which the character has too little text for the number to mean much (a hint only)."""

    @property
    def label(self) -> str:
        return f"{self.name} ({Path(self.scene).stem})"


@dataclass
class StudentScene:
    """One scene of the folder: its critique, or the one-line reason it could not be read."""

    name: str
    path: Path
    critique: "Critique | None" = None
    summary: SceneSummary | None = None
    problem: str | None = None
    notes: list[str] = field(default_factory=list)
    profiles: Any = field(default=None, repr=False)

    def html(self) -> str:
        """The critique as the command writes it with ``--format html`` (one page, pictures inside: drawn the first
        time it is opened, so reading a class of thirty does not draw ninety pictures nobody looks at)."""
        from workshop.report.critique import critique_pictures, render

        if self.critique is None:
            raise ValueError(f"{self.name} has no critique: {self.problem}")
        if not self.critique.pictures and self.profiles is not None:
            self.critique.pictures = critique_pictures(self.critique, self.profiles)
        return render(self.critique, "html")


@dataclass
class ClassResults:
    """Every scene of a class's folder and every character in them."""

    folder: Path
    scenes: list[StudentScene]
    characters: list[ClassCharacter]
    norms: str
    """The norms the characters are placed among, named with their size."""

    @property
    def rows(self) -> list[OverviewRow]:
        """The overview's rows, as ``index.html`` and ``overview.csv`` show them."""
        return [OverviewRow(s.name, s.name if s.critique else None, s.summary, s.problem, s.notes) for s in self.scenes]

    def overview_frame(self) -> "pd.DataFrame":
        """The overview table: one row per scene (who talks, how distinct, strongest contrast, lines without a
        speaker, and the reason a scene could not be read)."""
        import pandas as pd

        na = "—"
        return pd.DataFrame([{
            "scene": s.name,
            "who talks": talk_words(s.summary) if s.summary else na,
            "how distinct": (s.summary.distinct or na) if s.summary else na,
            "strongest contrast": (s.summary.contrast or na) if s.summary else na,
            "lines without a speaker": unattributed_words(s.summary) if s.summary else na,
            "could not be read": s.problem or "",
        } for s in self.scenes])

    def scene(self, name: str) -> StudentScene:
        for s in self.scenes:
            if s.name == name or Path(s.name).stem == name:
                return s
        raise KeyError(f"No scene called {name!r} in {self.folder}; the scenes are: "
                       f"{', '.join(s.name for s in self.scenes)}.")

    @property
    def critiqued(self) -> list[str]:
        """The names of the scenes that have a critique."""
        return [s.name for s in self.scenes if s.critique is not None]

    def spread(self, k: int = 2) -> list[str]:
        """The ``k`` measures on which the class's characters are spread most (standard deviation of their
        percentiles), among the measures every placed character has a value for (so every character is in the
        picture), leaving out those most characters of published fiction never show (trailing off, stutters,
        swearing: the registry's ``usually_zero``), whose percentiles jump from nothing to the top."""
        from workshop.voice.metrics.registry import METRICS

        if len(self.characters) < 2:
            return []
        metrics = {m for m in set.intersection(*(set(c.percentiles) for c in self.characters))
                   if not (m in METRICS and METRICS[m].usually_zero)}  # one "..." would be the 100th percentile
        spreads = []
        for metric in sorted(metrics):
            values = [c.percentiles[metric] for c in self.characters]
            if values:
                mean = sum(values) / len(values)
                spreads.append((math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)), metric))
        return [metric for _, metric in sorted(spreads, key=lambda t: (-t[0], t[1]))[:k]]


def read_class(folder: str | Path, *, norms: "NormsTable | None" = None, against: str | None = None) -> ClassResults:
    """Critique every scene of ``folder`` (not the folders inside it) and place every character among ``norms``
    (default: the kit's characters in classic novels). ``against``: a reference for every critique."""
    from workshop.compare.norms.table import load_norms
    from workshop.errors import WorkshopError
    from workshop.text.scene_folder import scene_files

    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise WorkshopError(f"{folder} is not a folder: give the folder of the class's scenes."
                            if folder.exists() else f"There is no folder at {folder}.")
    files = scene_files(folder)
    if not files:
        raise WorkshopError(f"There is no .txt or .md scene in {folder} (folders inside it are not read).")
    table = norms or load_norms()
    scenes: list[StudentScene] = []
    characters: list[ClassCharacter] = []
    for file in files:
        scene, placed = _one_scene(file, table, against)
        scenes.append(scene)
        characters += placed
    return ClassResults(folder, scenes, characters, table.summary() if table is not None else "")


def _one_scene(file, table: "NormsTable | None", against: str | None) -> tuple[StudentScene, list[ClassCharacter]]:
    from workshop.errors import WorkshopError
    from workshop.report.critique import build_critique
    from workshop.speakers.scene_file import read_scene_file
    from workshop.voice.profile import profile_dialogue

    result = StudentScene(file.name, file.path)
    try:
        _text, dialogue = read_scene_file(file)
        result.notes = [str(n) for n in dialogue.notices]
        profiles = profile_dialogue(dialogue)
        extra: dict[str, Any] = {"norms": table} if table is not None else {}
        result.critique = build_critique(dialogue, against=against, profiles=profiles, pictures=False, **extra)
        result.summary = summarise(dialogue, result.critique)
        result.profiles = profiles
    except WorkshopError as exc:  # a problem with the scene: the kit's own one line
        result.problem = " ".join(str(exc).split()) or "the scene could not be read"
        return result, []
    except Exception as exc:  # noqa: BLE001 - one bad scene never stops the class: it gets its one line
        result.problem = (f"something went wrong inside the kit ({type(exc).__name__}) while reading this scene: "
                          "a bug worth reporting, not the student's mistake")
        return result, []
    placed = []
    for p in profiles.characters:
        if p.words < MIN_WORDS or table is None:
            continue
        values = p.scalar_metrics()
        pct = {m: norm.percentile_of(values[m]) for m, norm in table.metrics.items()
               if m in values and math.isfinite(values[m])}
        placed.append(ClassCharacter(file.name, p.name, int(p.words), pct, {m for m in pct if p.note_for(m)}))
    return result, placed
