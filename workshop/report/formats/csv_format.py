"""The critique as tidy CSV rows for a spreadsheet (cells that would run as formulas are neutralised)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from workshop.files.csv_safety import csv_text
from workshop.report.formats.registry import ExportFormat, register
from workshop.report.formatting import percent

if TYPE_CHECKING:
    from workshop.report.model import Critique


def render_csv(c: Critique) -> str:
    """Tidy rows: section, character, other, measure, value, percentile or difference, text (cells a spreadsheet
    would run as formulas are neutralised: :mod:`workshop.files.csv_safety`)."""
    rows: list[list[Any]] = []
    for t in c.talk:
        rows.append(["talk", t.name, "", "words", t.words, "", f"{percent(t.word_share)} of the words"])
        rows.append(["talk", t.name, "", "turns", t.turns, "", f"{percent(t.turn_share)} of the turns"])
    for ch in c.characters:
        for h in ch.highlights:
            rows.append(["highlight", ch.name, "", h.metric, round(h.value, 4), round(h.percentile, 1), h.sentence])
    for p in c.pairs + c.references:
        rows.append(["pair" if p.reference is None else "reference", p.a, p.b, "distinctiveness",
                     round(p.distinctiveness, 4) if math.isfinite(p.distinctiveness) else "", "", p.verdict])
    for text in c.prompts:
        rows.append(["prompt", "", "", "", "", "", text])
    for text in c.caveats:
        rows.append(["caveat", "", "", "", "", "", text])
    return csv_text(["section", "character", "other", "measure", "value", "percentile", "text"], rows)


register(ExportFormat("csv", "csv", "Spreadsheet (.csv)", render_csv))
