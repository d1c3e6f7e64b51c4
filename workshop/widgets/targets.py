"""What the widgets offer to compare a character with, beyond the scene: the characters whose lines ship with the kit
(Sherlock Holmes, Elizabeth Bennet...) and every set of norms: the kit's classic fiction and any norms file a teacher
built with ``python -m workshop norms build`` (named by its ``--name``).

Values in the widgets' lists: ``shipped:KEY`` for a shipped character, ``norms`` for the kit's classic norms (as
before), ``norms:PATH`` for a teacher's norms file. A teacher's files are those given to the widget (``norms=[...]``)
and every ``*.json`` norms file in the folder the notebook runs in; anything else there is passed over quietly.
"""

from __future__ import annotations

import html
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from workshop.compare.norms.file import cached_norms_file
from workshop.compare.offline_references import offline_characters
from workshop.compare.pairs import Line
from workshop.errors import WorkshopError
from workshop.report.critique import Voice, fmt
from workshop.voice.profile import profile_texts

if TYPE_CHECKING:
    from workshop.compare.norms.table import NormsTable
    from workshop.report.voices import Voice

SHIPPED = "shipped:"
NORMS_FILE = "norms:"
MAX_NORMS_BYTES = 2_000_000
"""A norms file is a few tens of kilobytes; a bigger .json in the folder is something else and is not opened."""


# -------------------------------------------------------------------------------------------- shipped characters


def shipped_targets() -> list[tuple[str, str]]:
    """(label, value) for each character whose lines come with the kit: "Sherlock Holmes (The Sign of the Four,
    1890)"."""

    return [(f"{c.label}", SHIPPED + c.key) for c in offline_characters().values()]


@lru_cache(maxsize=16)
def shipped_voice(value: str) -> "Voice":
    """The shipped character ``shipped:KEY`` as a voice to compare (profiled once per process)."""

    ch = offline_characters().get(value.removeprefix(SHIPPED))
    if ch is None:
        raise WorkshopError(f"No character called {value!r} comes with the kit.")
    lines = [Line(pieces) for pieces in ch.lines]
    profile = profile_texts(lines, ch.full_name, names=[ch.full_name, ch.name, *ch.aliases])
    return Voice(value, ch.full_name, ch.label, lines, profile, ch.title)


# ------------------------------------------------------------------------------------------------------- norms


def norms_files(folder: str | Path | None = None, extra: Iterable[str | Path] = ()) -> list[Path]:
    """The teacher's norms files: ``extra`` (checked: a bad one is an error) and every ``*.json`` in ``folder``
    (default: the working folder) that is a norms file, in name order, without repeats."""

    found: dict[str, Path] = {}
    for path in extra:
        path = Path(path).expanduser().resolve()
        cached_norms_file(str(path))  # a file named on purpose must be usable: say why not
        found[str(path)] = path
    where = Path(folder) if folder is not None else Path.cwd()
    for path in sorted(where.glob("*.json")) if where.is_dir() else []:
        try:
            if path.is_file() and path.stat().st_size <= MAX_NORMS_BYTES:
                cached_norms_file(str(path.resolve()))
                found.setdefault(str(path.resolve()), path.resolve())
        except (WorkshopError, OSError):
            continue  # another kind of JSON file: not offered
    return list(found.values())


def norms_targets(folder: str | Path | None = None, extra: Iterable[str | Path] = ()) -> list[tuple[str, str]]:
    """(label, value) for each of the teacher's norms files: "Norms: Class of 2026 (48 characters, 31,200 words)"."""

    return [(f"Norms: {cached_norms_file(str(p)).summary()}", NORMS_FILE + str(p)) for p in norms_files(folder, extra)]


def norms_table(value: str) -> "NormsTable":
    """The norms a value names: ``norms:PATH`` a teacher's file."""

    if not value.startswith(NORMS_FILE):
        raise WorkshopError(f"{value!r} does not name a norms file.")
    return cached_norms_file(value.removeprefix(NORMS_FILE))


def norms_view_html(voice: "Voice", table: "NormsTable", rows: list[dict], examples: list[str]) -> str:
    """``voice`` placed among a teacher's norms: the rows of the comparison view (label, unit, value,
    percentile), headed by the norms' own name and what stands behind them."""

    esc = html.escape
    body = []
    for r in rows:
        pct = r.get("percentile_a", math.nan)
        body.append(
            "<tr>" + "".join(f"<td style='padding:3px 10px;border-top:1px solid #ddd'>{c}</td>" for c in (
                f"{esc(r['label'])} <small>({esc(r['unit'])})</small>",
                esc(fmt(r["a"], r["metric"])) + ("*" if r.get("note_a") else ""),
                "–" if not math.isfinite(pct) else f"{pct:.0f}")) + "</tr>")
    head = "".join(f"<th style='text-align:left;padding:4px 10px'>{h}</th>"
                   for h in ("Measure", esc(voice.name), f"Percentile among {esc(table.population)}"))
    parts = [f"<h3 class='vw-headline'>{esc(voice.label)} against {esc(table.name)}</h3>",
             f"<p>Where each measure falls among {esc(table.summary())} (50 = typical; under 10 or over 90 = "
             "unusual). Norms built by the teacher with <code>norms build</code>: a yardstick, not a target.</p>",
             "<table class='vw-table' style='border-collapse:collapse;font-size:15px'><thead><tr>" + head
             + "</tr></thead><tbody>" + "".join(body) + "</tbody></table>"]
    if any(r.get("note_a") for r in rows):
        parts.append("<p><small>* Too little text for this number to mean much yet: read it as a hint.</small></p>")
    if examples:
        parts.append(f"<p><b>{esc(voice.name)}</b>, for example: " + " · ".join(f"“{esc(t)}”" for t in examples)
                     + "</p>")
    return "<div class='vw-view'>" + "".join(parts) + "</div>"
