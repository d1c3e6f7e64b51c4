"""A whole class at once, for the teacher's notebook: every scene of a folder critiqued, the overview's rows, and
every character of the class placed on the measures that spread them most.

The scenes are read exactly as ``python -m workshop critique FOLDER -o OUTDIR`` reads them (each with the cast and
corrections files beside it: :mod:`workshop.text.scene_folder`) and each critique is the one that command writes;
a scene that cannot be read is a row with its one-line reason, never an exception. Here the work stays in memory
(nothing is written), so a notebook can show the table, the picture and any student's critique.

"The measures that spread them most": each character (with at least :data:`MIN_WORDS` words) keeps their own
values in the measures' units (questions per 100 sentences...), never a percentile among other people's
characters (classic norms are not the frame for a contemporary class), with how precisely each value is known
from their lines; the measures on which the characters differ most next to that precision are the ones that tell
this class apart (:mod:`workshop.compare.spread`). Scenes are short, so many numbers rest on little text:
:attr:`ClassCharacter.thin` names the measures where a character has less than the registry's minimum sample
(the picture draws them hollow), and those characters do not count when the measures are chosen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.compare.lines import line_counts, metric
from workshop.compare.norms.table import load_norms
from workshop.compare.pairs import dialogue_lines
from workshop.compare.spread import measure_spreads, ratio_standard_error
from workshop.errors import WorkshopError
from workshop.report.class_plot import axis_label, measure_label
from workshop.report.critique import build_critique
from workshop.report.overview import OverviewRow, SceneSummary, summarise, talk_words, unattributed_words
from workshop.speakers.scene_file import read_scene_file
from workshop.text.scene_folder import scene_files
from workshop.voice.metrics.registry import METRICS
from workshop.voice.profile import profile_dialogue

if TYPE_CHECKING:
    import pandas as pd

    from workshop.compare.norms.table import NormsTable
    from workshop.compare.spread import MeasureSpread
    from workshop.report.model import Critique

MIN_WORDS = 40
"""Fewer words than this and a character is left out of the class picture (every number would be noise)."""


@dataclass
class ClassCharacter:
    """One character of one student's scene: their values in each measure's unit and how precisely each is known."""

    scene: str
    name: str
    words: int
    values: dict[str, float]
    errors: dict[str, float] = field(default_factory=dict)
    """The standard error of each measure counted line by line (:func:`workshop.compare.spread.ratio_standard_error`)."""
    thin: set[str] = field(default_factory=set)
    """The measures on which the character has less than the registry's minimum sample (a hint only)."""

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
    """The norms the critiques compare with, named with their size (the class picture does not use them)."""

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

    def values_frame(self, k: int = 4) -> "pd.DataFrame":
        """Every measured character's values on the ``k`` measures that spread the class most, in the measures'
        units (columns named with them), and the measures on which the character has too little text."""
        import pandas as pd

        chosen = self.spread(k)
        return pd.DataFrame([{
            "character": c.label, "words": c.words,
            **{axis_label(m): round(c.values[m], 2) if m in c.values else None for m in chosen},
            "too little text for": ", ".join(measure_label(m).lower() for m in chosen if m in c.thin),
        } for c in self.characters])

    def spreads_frame(self) -> "pd.DataFrame":
        """Every measure that could be judged, most spreading first: how far apart the characters are against how
        much their short texts could wobble by chance (about 1: no more than chance)."""
        import pandas as pd

        return pd.DataFrame([{"measure": axis_label(s.metric), "spread (x the chance wobble)": round(s.score, 1),
                              "characters with enough text": s.characters} for s in self.spreads()])

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

    def spreads(self) -> "list[MeasureSpread]":
        """Every measure that can be judged on this class, most spreading first: the gaps between the characters
        who have enough text for it, over how precisely their short texts give their values
        (:func:`workshop.compare.spread.measure_spreads`; the registry's usually-zero measures only when several
        characters show the habit)."""
        people = self.characters
        return measure_spreads([c.values for c in people], [c.errors for c in people],
                               [set(c.values) - c.thin for c in people],
                               usually_zero={m for m, info in METRICS.items() if info.usually_zero})

    def spread(self, k: int = 2) -> list[str]:
        """The names of the ``k`` measures that spread this class's characters most (:meth:`spreads`), skipping
        a measure that moves in step with one already chosen (fillers and all hesitations, when nobody stutters):
        the picture's second axis would only repeat the first."""
        chosen: list[str] = []
        for s in self.spreads():
            if len(chosen) == k:
                break
            if not any(_in_step(self.characters, s.metric, other) for other in chosen):
                chosen.append(s.metric)
        return chosen


SAME_AXIS = 0.9
"""Two measures whose values across the class correlate this closely (either way) would draw the same axis twice."""


def _in_step(people: list[ClassCharacter], a: str, b: str) -> bool:
    both = [(c.values[a], c.values[b]) for c in people if a in c.values and b in c.values]
    if len(both) < 3:
        return False
    xs, ys = zip(*both)
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in both)
    sxx, syy = sum((x - mx) ** 2 for x in xs), sum((y - my) ** 2 for y in ys)
    return sxx > 0 and syy > 0 and abs(sxy) / math.sqrt(sxx * syy) >= SAME_AXIS


def read_class(folder: str | Path, *, norms: "NormsTable | None" = None, against: str | None = None) -> ClassResults:
    """Critique every scene of ``folder`` (not the folders inside it) and measure every character with at least
    :data:`MIN_WORDS` words for the class picture. ``norms``: the norms each critique compares with (default: the
    kit's characters in classic novels); ``against``: a reference for every critique."""
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
    lines = dialogue_lines(dialogue)
    placed = [_character(file.name, p, lines.get(p.name, [])) for p in profiles.characters if p.words >= MIN_WORDS]
    return result, placed


def _character(scene: str, profile: Any, lines: list[str]) -> ClassCharacter:
    """One character's values (the profile's own), the standard error of every measure counted line by line, and
    the measures where they have less than the registry's minimum sample."""
    values = {m: v for m, v in profile.scalar_metrics().items() if math.isfinite(v)}
    ratios = [metric(m) for m in values if METRICS[m].denominator]
    counts = line_counts(lines, ratios) if lines else {}
    errors = {m.name: ratio_standard_error(counts[m.name], m.scale) for m in ratios if m.name in counts}
    sizes = {"words": profile.words, "sentences": profile.sentences, "utterances": profile.utterances}
    thin = {m for m in values if sizes[METRICS[m].sample] < METRICS[m].minimum}
    return ClassCharacter(scene, profile.name, int(profile.words), values, errors, thin)
