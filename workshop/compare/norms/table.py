"""Norms: where a character's voice falls among the characters of classic novels.

``workshop/data/norms.json`` holds, for each measure, the 0th to 100th percentiles over the dialogue of 113
characters of 12 novels published 1813-1926 (see ``describe()``; built by ``scripts/build_norms.py`` from the
hand-attributed Project Dialogism Novel Corpus; only the figures are shipped, never the texts). So the kit can
say "Bruce's average sentence length is at the 12th percentile of characters in classic novels": 12% of those
characters use shorter sentences.

Keep the era in mind: these are mostly Victorian and Edwardian characters, who talk in longer sentences and use
fewer contractions than characters in today's fiction. A percentile tells a writer how a voice sits against that
tradition, not whether it is right.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Sequence

import numpy as np

from workshop.compare.json_values import clean
from workshop.compare.lines import pieces_of
from workshop.errors import WorkshopError
from workshop.voice.profile import profile_texts


CLASSIC_PEOPLE = "characters in classic novels"
"""Who the shipped norms describe (a built norms file names its own ``population``)."""


@dataclass
class NormPlacement:
    """Where one character's measure falls among characters of classic novels."""

    character: str
    metric: str
    label: str
    value: float
    percentile: float
    sentence: str
    note: str = ""
    family: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {k: clean(v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class MetricNorm:
    """The percentile table of one measure."""

    name: str
    label: str
    family: str
    source: str
    n: int
    percentiles: tuple[float, ...]

    def percentile_of(self, value: float) -> float:
        """The share (0-100) of the population with a lower value; ties count half. NaN for NaN."""
        if not math.isfinite(value):
            return float("nan")
        q = np.asarray(self.percentiles)
        grid = np.linspace(0, 100, len(q))
        left = int(np.searchsorted(q, value, side="left"))
        right = int(np.searchsorted(q, value, side="right"))
        if left < right:  # the value sits on a plateau of the table
            return float((grid[left] + grid[right - 1]) / 2)
        if left == 0:
            return 0.0
        if left >= len(q):
            return 100.0
        lo, hi = q[left - 1], q[left]
        return float(grid[left - 1] + (grid[left] - grid[left - 1]) * (value - lo) / (hi - lo))


@dataclass(frozen=True)
class NormsTable:
    """All the measures' tables plus the description of the corpus."""

    metrics: dict[str, MetricNorm]
    corpus: dict[str, Any]

    def describe(self) -> str:
        """One paragraph saying what the norms are made of."""
        return str(self.corpus.get("description", "characters in classic novels"))

    @property
    def people(self) -> str:
        """Who the norms describe, for sentences: "characters in classic novels" (the shipped norms), or the
        ``population`` a built norms file names ("characters in Class of 2026")."""
        return str(self.corpus.get("population") or CLASSIC_PEOPLE)

    @property
    def population(self) -> str:
        era = self.corpus.get("era")
        return f"{self.people} ({era})" if era else self.people

    @property
    def name(self) -> str:
        return str(self.corpus.get("name") or self.people)

    def summary(self) -> str:
        """The norms in one line, as every output names them: "Class of 2026 (48 characters, 31,200 words)"."""
        characters, words = self.corpus.get("characters"), self.corpus.get("words")
        counts = [f"{n:,} {what}" for n, what in ((characters, "characters"), (words, "words")) if isinstance(n, int)]
        return f"{self.name} ({', '.join(counts)})" if counts else self.name

    def get(self, metric: str) -> MetricNorm:
        if metric not in self.metrics:
            raise WorkshopError(f"No norms for {metric!r}; there are norms for: {', '.join(sorted(self.metrics))}.")
        return self.metrics[metric]


@lru_cache(maxsize=1)
def load_norms() -> NormsTable | None:
    """The shipped norms, or None when ``workshop/data/norms.json`` is absent."""
    path = resources.files("workshop") / "data" / "norms.json"
    if not path.is_file():
        return None
    return norms_from_dict(json.loads(path.read_text(encoding="utf-8")))


def norms_from_dict(data: dict[str, Any]) -> NormsTable:
    """A table from the parsed JSON of a norms file, trusted as it is (see :func:`load_norms_file` for a file
    given by a user, which is checked first)."""
    metrics = {
        name: MetricNorm(name, m.get("label", name), m.get("family", ""), m.get("source", "lines"), int(m["n"]),
                         tuple(float(x) for x in m["percentiles"]))
        for name, m in data.get("metrics", {}).items()
    }  # fmt: skip
    return NormsTable(metrics, data.get("corpus", {}))


def ordinal(n: int) -> str:
    """1 -> '1st', 12 -> '12th', 23 -> '23rd'."""
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def sentence(character: str, label: str, percentile: float, population: str) -> str:
    """"Average sentence length: Bruce is at the 12th percentile of characters in classic novels (1813-1926)."""
    if not math.isfinite(percentile):
        return f"{label}: could not be measured for {character}."
    p = int(round(percentile))
    if percentile <= 0:
        return f"{label}: {character} is below every one of the {population}."
    if percentile >= 100:
        return f"{label}: {character} is above every one of the {population}."
    if p == 0:
        return f"{label}: {character} is lower than almost every one of the {population}."
    if p == 100:
        return f"{label}: {character} is higher than almost every one of the {population}."
    where = ""
    if p <= 10:
        where = ", lower than almost all of them"
    elif p >= 90:
        where = ", higher than almost all of them"
    return f"{label}: {character} is at the {ordinal(p)} percentile of {population}{where}."


def character_values(
    lines: Sequence[str], name: str = "character", *, names: Iterable[str] = ()
) -> dict[str, tuple[float, str, str | None]]:
    """Every measure of the registry for one character's lines: ``{metric: (value, source, note)}``; the note
    (from the profile) says when the sample is too small to trust the value.

    A line is a string, a :class:`workshop.compare.lines.Line` or the list of its quoted pieces; the pieces are
    counted one by one, as in the profile (:func:`workshop.voice.profile.profile_texts`). ``names`` are the cast's
    names (for forms of address).
    """
    profile = profile_texts([pieces_of(t) for t in lines], name, names=names)
    return {k: (float(v), "profile", profile.note_for(k)) for k, v in profile.scalar_metrics().items()}


def place(
    character: str,
    lines: Sequence[str],
    table: NormsTable | None = None,
    *,
    metrics: Sequence[str] | None = None,
    names: Iterable[str] = (),
):
    """Where each of a character's measures falls in the norms: a list of
    :class:`NormPlacement` (value, percentile, sentence). ``names``: the cast's names, for forms of address."""
    table = table or load_norms()
    if table is None:
        raise WorkshopError("The norms file workshop/data/norms.json is missing; run scripts/build_norms.py.")
    values = character_values(lines, character, names=names)
    out = []
    for name, norm in table.metrics.items():
        if metrics is not None and name not in metrics:
            continue
        if name not in values:
            continue
        v, _, note = values[name]
        pct = norm.percentile_of(v)
        out.append(NormPlacement(character, name, norm.label, v, pct, sentence(character, norm.label, pct, table.population),
                                 note or "", norm.family))
    return out


def place_frame(character: str, lines: Sequence[str]) -> "Any":
    """:func:`place` as a pandas DataFrame."""
    import pandas as pd  # (imported when asked for: pandas is slow to import and only notebooks want frames)

    return pd.DataFrame([asdict(p) for p in place(character, lines)])
