"""Where each character of a profile falls among the characters of a norms table, for ``profile --norms``.

The values placed are the profile's own (so the percentile agrees with the number printed beside it); the table
says which norms were used in every format: a ``norms`` block in JSON, a ``norms`` column in CSV, a closing line
in the table.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from workshop.files.csv_safety import csv_text
from workshop.voice.metrics import FAMILIES, METRICS, metrics_of
from workshop.compare.norms.table import NormsTable


def profile_percentiles(profile, norms: NormsTable) -> dict[str, float]:
    """``{measure: percentile (0-100)}`` for every measure of ``profile`` the norms have (NaN: not measured)."""
    values = profile.scalar_metrics()
    return {name: norm.percentile_of(values[name]) for name, norm in norms.metrics.items() if name in values}


def norms_block(norms: NormsTable) -> dict[str, Any]:
    """The norms named in figures, for JSON outputs."""
    corpus = norms.corpus
    return {"name": norms.name, "characters": corpus.get("characters"), "words": corpus.get("words"),
            "description": norms.describe()}


def with_percentiles(data: dict[str, Any], profiles, norms: NormsTable) -> dict[str, Any]:
    """The profile's JSON with the norms named and each character's percentiles added."""
    out = dict(data)
    out["norms"] = norms_block(norms)
    characters = []
    for entry, profile in zip(data["characters"], profiles.characters):
        placed = profile_percentiles(profile, norms)
        characters.append(entry | {"percentiles": {k: round(v, 1) if math.isfinite(v) else None
                                                   for k, v in placed.items()}})
    out["characters"] = characters
    return out


def percentile_csv(frame, rows: Iterable[list[Any]], profiles, norms: NormsTable) -> str:
    """The profile's long CSV with two more columns: the percentile among the norms (characters only) and
    the norms' name and size."""
    placed = {p.name: profile_percentiles(p, norms) for p in profiles.characters}
    columns = list(frame.columns)
    who, kind, metric = columns.index("character"), columns.index("kind"), columns.index("metric")
    summary = norms.summary()

    def extended() -> Iterable[list[Any]]:
        for row in rows:
            pct = placed.get(row[who], {}).get(row[metric]) if row[kind] == "character" else None
            known = pct is not None and math.isfinite(pct)
            yield [*row, round(pct, 1) if known else "", summary if known else ""]

    return csv_text([*columns, "percentile", "norms"], extended())


def percentile_table(profiles, norms: NormsTable, *, top: int = 6) -> str:
    """A section for the profile's table: each shown character's percentile on every measure of the norms."""
    shown = profiles.characters[:top]
    if not shown:
        return ""
    placed = [profile_percentiles(p, norms) for p in shown]
    label_w = max(len(m.label) for m in METRICS.values()) + 2
    col_w = min(16, max(10, *(len(p.name) + 2 for p in shown)))
    lines = ["", f"WHERE EACH CHARACTER STANDS AMONG {norms.people.upper()}",
             "(percentile: 50 = typical; under 10 or over 90 = unusual; * = too little text for this measure)",
             f"{'':{label_w}}" + "".join(f"{p.name[: col_w - 1]:>{col_w}}" for p in shown)]
    for family in FAMILIES:
        rows = []
        for info in metrics_of(family):
            if info.name not in norms.metrics:
                continue
            cells = []
            for p, pcts in zip(shown, placed):
                pct = pcts.get(info.name, math.nan)
                mark = "*" if p.note_for(info.name) else " "
                cells.append(f"{(f'{pct:.0f}' if math.isfinite(pct) else '—') + mark:>{col_w}}")
            rows.append(f"{info.label:{label_w}}" + "".join(cells))
        if rows:
            lines += ["", family.upper(), *rows]
    lines += ["", f"The norms: {norms.summary()}. {norms.describe()}"]
    return "\n".join(lines) + "\n"
