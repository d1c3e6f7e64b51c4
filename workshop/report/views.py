"""What the comparison widget and the notebooks' tables show: one family of measures for one voice beside another
(or beside the norms), as rows, HTML and a picture."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workshop.compare.norms.table import load_norms
from workshop.errors import WorkshopError
from workshop.report import plots
from workshop.report.formatting import esc as _esc
from workshop.report.formatting import fmt
from workshop.report.formatting import label as _label
from workshop.report.formatting import unit as _unit
from workshop.report.quoting import example_lines
from workshop.report.voices import NORMS, Voice, norms_population
from workshop.voice.metrics import METRICS, headline_measures
from workshop.voice.metrics.registry import METRICS as REGISTRY

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from workshop.compare.pairs import NormPlacement, PairComparison
    from workshop.voice.profile import ProfileSet

FAMILIES: dict[str, str] = {"readability": "Readability", "rhythm": "Rhythm", "diction": "Word choice"}

FAMILY_MEASURES: dict[str, tuple[str, ...]] = {family: headline_measures(family) for family in FAMILIES}
"""The measures each family shows, in the order a writer reads them (labels from :data:`workshop.voice.metrics.METRICS`)."""


def family_table(profiles: "ProfileSet", family: str, *, names: Sequence[str] | None = None) -> Any:
    """A family's measures for each character (and the narration) as a DataFrame a notebook shows:
    one row per measure (its label and unit), one column per character, and a column of cautions."""
    import pandas as pd

    if family not in FAMILY_MEASURES:
        raise WorkshopError(f"No family of measures called {family!r}; choose one of {', '.join(FAMILY_MEASURES)}.")
    chosen = [profiles.get(n) for n in names] if names else [*profiles.characters, profiles.narration]
    rows = []
    for metric in FAMILY_MEASURES[family]:
        row: dict[str, Any] = {"measure": f"{_label(metric)} ({_unit(metric)})"}
        cautions = []
        for p in chosen:
            value = p.scalar_metrics().get(metric, math.nan)
            row[p.name] = fmt(value, metric)
            if p.note_for(metric) and p.kind == "character":
                cautions.append(p.name)
        row["too little text for"] = ", ".join(cautions)
        rows.append(row)
    return pd.DataFrame(rows).set_index("measure")


# ---------------------------------------------------------------------------------------------- comparison view


@dataclass
class ComparisonView:
    """What the comparison widget shows for one choice: rows, an HTML rendering, and a picture to draw."""

    a: str
    b: str
    family: str
    headline: str
    rows: list[dict[str, Any]]
    html: str
    figure: Callable[[], "Figure"]
    svg: Callable[[], str] = lambda: ""


def comparison_view(
    a: Voice,
    b: Voice | None,
    family: str,
    *,
    pair: "PairComparison | None" = None,
    places_a: dict[str, "NormPlacement"] | None = None,
    places_b: dict[str, "NormPlacement"] | None = None,
    examples: int = 0,
) -> ComparisonView:
    """``a`` beside ``b`` (or beside the norms when ``b`` is None) on one family of measures.

    ``pair`` (from :func:`compare_voices`) adds differences with intervals and verdicts; ``places_a``/``places_b``
    (from :func:`place_voice`) place both on the norms' 0-100 scale for the picture. ``examples`` example lines
    of each voice are quoted under the table.
    """

    if family not in FAMILY_MEASURES:
        raise WorkshopError(f"No family of measures called {family!r}; choose one of {', '.join(FAMILY_MEASURES)}.")
    places_a = places_a or {}
    places_b = places_b or {}
    diffs = {m.metric: m for m in pair.metrics} if pair is not None else {}
    va, vb = a.profile.scalar_metrics(), (b.profile.scalar_metrics() if b else {})
    rows: list[dict[str, Any]] = []
    for metric in FAMILY_MEASURES[family]:
        row: dict[str, Any] = {"metric": metric, "label": _label(metric), "unit": _unit(metric),
                               "a": va.get(metric, math.nan), "note_a": a.profile.note_for(metric) or ""}
        if b is not None:
            row["b"] = vb.get(metric, math.nan)
            row["note_b"] = b.profile.note_for(metric) or ""
            d = diffs.get(metric)
            row["verdict"] = d.verdict if d else ("too little text to tell" if row["note_a"] or row["note_b"] else "")
            row["interval"] = (d.ci_low, d.ci_high) if d else None
        place = places_a.get(metric)
        row["percentile_a"] = place.percentile if place else math.nan
        if b is not None:
            place_b = places_b.get(metric)
            row["percentile_b"] = place_b.percentile if place_b else math.nan
        rows.append(row)

    population = norms_population()
    for row in rows:  # a measure most of the norms' characters never show is a rate, not a percentile
        row["usually_zero"] = usually_zero(row["metric"])
    if b is None:
        headline = (f"Where each measure falls among {population} (50 = typical; under 10 or over 90 = unusual). "
                    "They are a yardstick from another time, not a target.")
    elif pair is not None:
        from workshop.report.differences import verdict as pair_verdict

        in_family = set(FAMILY_MEASURES[family])
        strongest = [m.label.lower() for m in pair.strongest(len(pair.metrics)) if m.metric in in_family][:3]
        headline = pair_verdict(pair)[0] + (f" In these measures: {', '.join(strongest)}." if strongest else
                                            " None of these measures sets them clearly apart.")
    else:
        headline = f"{a.label} against {b.label}."
    html_text = _view_html(a, b, family, headline, rows, examples, population)

    labels = [r["label"] for r in rows]
    series = {a.label: [r["percentile_a"] for r in rows]} | ({b.label: [r["percentile_b"] for r in rows]} if b else {})
    title = f"{FAMILIES[family]}: {a.name} against {b.name if b else population}"

    def figure() -> "Figure":
        return plots.profile_bars(labels, series, title=title)

    def svg() -> str:
        return plots.profile_bars_svg(labels, series, title=title)

    return ComparisonView(a.key, b.key if b else NORMS, family, headline, rows, html_text, figure, svg)




def usually_zero(metric: str) -> bool:
    """Whether most characters score 0 on ``metric``: the registry's ``usually_zero`` flag
    (:mod:`workshop.voice.metrics.registry`), or the norms' median being 0 (trailing off, stutters). Such a measure
    is shown as a rate, never a percentile (one "…" would put anyone at the 100th)."""

    if metric in REGISTRY and REGISTRY[metric].usually_zero:
        return True
    table = load_norms()
    norm = table.metrics.get(metric) if table is not None else None
    return norm is not None and len(norm.percentiles) > 2 and norm.percentiles[len(norm.percentiles) // 2] == 0


def _view_html(a: Voice, b: Voice | None, family: str, headline: str, rows: list[dict[str, Any]], examples: int,
               population: str = "") -> str:
    parts = [f"<h3 class='vw-headline'>{_esc(a.label)} against {_esc(b.label if b else population)}</h3>",
             f"<p>{_esc(headline)}</p>"]
    head = ["Measure", _esc(a.name)]
    if b is not None:
        head += [_esc(b.name), "Difference"]
    else:
        head += [f"Percentile among {_esc(population)}"]
    out = ["<table class='vw-table' style='border-collapse:collapse;font-size:15px'>",
           "<thead><tr>" + "".join(f"<th style='text-align:left;padding:4px 10px'>{h}</th>" for h in head)
           + "</tr></thead><tbody>"]
    for r in rows:
        info = METRICS.get(r["metric"])
        higher = f"; higher = {info.higher}" if info is not None and info.higher else ""
        cells = [f"<span title='{_esc(info.explanation if info else '')}'>"
                 f"{_esc(r['label'])}</span> <small>({_esc(r['unit'])}{_esc(higher)})</small>",
                 _esc(fmt(r["a"], r["metric"])) + ("*" if r["note_a"] else "")]
        if b is not None:
            cells.append(_esc(fmt(r["b"], r["metric"])) + ("*" if r.get("note_b") else ""))
            cells.append(_esc(r["verdict"]) if r["verdict"] else "<span style='color:#888'>not tested</span>")
        else:
            pct = r["percentile_a"]
            if r.get("usually_zero"):
                cells.append("most of them never do this" + ("" if r["a"] else f"; nor does {_esc(a.name)}"))
            else:
                cells.append("–" if not math.isfinite(pct) else f"{pct:.0f}")
        out.append("<tr>" + "".join(f"<td style='padding:3px 10px;border-top:1px solid #ddd'>{c}</td>" for c in cells)
                   + "</tr>")
    out.append("</tbody></table>")
    parts.append("".join(out))
    if any(r["note_a"] or r.get("note_b") for r in rows):
        parts.append("<p><small>* Too little text for this number to mean much yet: read it as a hint.</small></p>")
    if b is not None and any(not r["verdict"] for r in rows):
        parts.append("<p class='vw-legend'><small><span style='color:#888'>not tested</span>: the kit has no "
                     "line-by-line test for this measure, so it gives no verdict; the two numbers are still "
                     "worth comparing by ear.</small></p>")
    if examples:
        for voice in (a, b):
            if voice is None or not voice.lines:
                continue
            picks = example_lines(voice.lines, examples)
            parts.append(f"<p><b>{_esc(voice.name)}</b>, for example: "
                         + " · ".join(f"“{_esc(t)}”" for t in picks) + "</p>")
    return "<div class='vw-view'>" + "".join(parts) + "</div>"

