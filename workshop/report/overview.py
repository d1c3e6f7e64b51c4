"""The teacher's overview of a folder of scenes: one row per scene, as a web page (``index.html``) and a CSV.

Per scene: who talks (names and share of the words), how distinct the voices are (the verdict of the closest
pair, in the critique's own words), the strongest contrast between two characters (the measure and the two
values), the lines left without a speaker, and, for a scene that could not be read, its one-line reason. The page
links each scene's output (its critique). Every text from a scene (names, file names, reasons) is escaped; every
CSV cell goes through :mod:`workshop.files.csv_safety`. Nothing in it depends on the time or the machine, so the same
folder gives the same overview, byte for byte.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from workshop.files.csv_safety import csv_text
from workshop.report.critique import fmt, share_of_talk
from workshop.report.formatting import percent
from workshop.voice.metrics import METRICS

NOT_MEASURED = "—"


@dataclass
class SceneSummary:
    """What the overview says about one scene that was read."""

    talk: list[tuple[str, float]]
    """(name, share of the attributed words, 0-1), most words first."""
    segments: int
    unattributed: int
    distinct: str | None = None
    """The closest pair's verdict, or None when the command does not measure it (quotes, profile)."""
    contrast: str | None = None

    @property
    def unattributed_share(self) -> float:
        return self.unattributed / self.segments if self.segments else 0.0


@dataclass
class OverviewRow:
    scene: str
    output: str | None = None
    summary: SceneSummary | None = None
    problem: str | None = None
    notes: list[str] = field(default_factory=list)


def summarise(dialogue, result: Any = None) -> SceneSummary:
    """The overview's figures for one scene: from the dialogue, and from the critique
    (:class:`workshop.report.critique.Critique`) or comparison (:class:`workshop.compare.pairs.Comparison`) when there is
    one."""

    talk = [(t.name, t.word_share) for t in share_of_talk(dialogue)]
    summary = SceneSummary(talk, len(dialogue.segments), len(dialogue.unattributed))
    if result is None:
        return summary
    pairs = [_pair_facts(p) for p in getattr(result, "pairs", [])]
    if len(talk) < 2:
        summary.distinct = summary.contrast = "only one character speaks" if talk else "nobody speaks"
        return summary
    if not pairs:
        summary.distinct = summary.contrast = "no two characters have enough words to compare"
        return summary
    scored = [p for p in pairs if math.isfinite(p["distinctiveness"])]
    closest = min(scored, key=lambda p: p["distinctiveness"]) if scored else pairs[0]
    verdict = closest["verdict"]
    if "distinctiveness" not in verdict:  # the verdict in words, then the score (once)
        verdict += f" (distinctiveness {closest['distinctiveness']:.2f})" if scored else ""
    where = "closest pair: " if len(pairs) > 1 else ""
    summary.distinct = f"{where}{closest['a']} and {closest['b']}, {verdict}"
    contrasting = [p for p in scored if p["contrast"]]
    if contrasting:
        best = max(contrasting, key=lambda p: p["distinctiveness"])
        summary.contrast = f"{best['a']} and {best['b']}: {best['contrast']}"
    else:
        summary.contrast = "no measure clearly sets two characters apart"
    return summary


def _pair_facts(pair: Any) -> dict[str, Any]:
    """A pair of the critique (reasons in words) or of the comparison (measures as data), in one shape."""
    if hasattr(pair, "strongest"):  # workshop.compare.pairs.PairComparison
        strongest = pair.strongest(1)
        contrast = _contrast_words(strongest[0], pair.a, pair.b) if strongest else ""
    else:  # workshop.report.critique.PairSection: its clearest reason, without the interval
        contrast = _reason_words(pair.reasons[0]) if pair.reasons else ""
    return {"a": pair.a, "b": pair.b, "distinctiveness": float(pair.distinctiveness), "verdict": pair.verdict,
            "contrast": contrast}


def _contrast_words(m: Any, a: str, b: str) -> str:

    return f"{_label_with_unit(m.label.lower())}: {a} {fmt(m.a, m.metric)}, {b} {fmt(m.b, m.metric)}"


def _reason_words(reason: str) -> str:
    """"average sentence length: Ann 14.2, Ben 6.0 (difference ...)" -> the measure with its unit and the two
    values, as the critique words them."""
    head = reason.split(" (difference", 1)[0]
    label, sep, values = head.partition(": ")
    return f"{_label_with_unit(label)}: {values}" if sep else head


def _label_with_unit(label: str) -> str:

    info = next((m for m in METRICS.values() if m.label.lower() == label.lower()), None)
    if info is None or not info.unit or info.unit.startswith(("share", "ratio")):
        return label  # shares are written as percentages
    if set(info.unit.split()) <= set(label.lower().split()):
        return label  # "words per speech", not "words per speech (words)"
    return f"{label} ({info.unit})"


# ------------------------------------------------------------------------------------------------ rendering


def talk_words(summary: SceneSummary) -> str:
    return "; ".join(f"{name} {percent(share)}" for name, share in summary.talk) or "nobody"


def unattributed_words(summary: SceneSummary) -> str:
    if not summary.segments:
        return "no quoted lines"
    return f"{summary.unattributed} of {summary.segments} ({percent(summary.unattributed_share)})"


CSV_FIELDS = ["scene", "output", "who_talks", "how_distinct", "strongest_contrast", "unattributed_lines",
              "quoted_lines", "unattributed_share", "problem", "norms"]


def overview_csv(rows: list[OverviewRow], *, norms: str = "") -> str:
    """The overview as CSV, one row per scene (cells a spreadsheet would run are neutralised)."""
    out = []
    for r in rows:
        s = r.summary
        out.append([
            r.scene, r.output or "",
            talk_words(s) if s else "", (s.distinct or "") if s else "", (s.contrast or "") if s else "",
            s.unattributed if s else "", s.segments if s else "",
            round(s.unattributed_share, 3) if s else "", r.problem or "",
            norms if s and s.distinct is not None else "",
        ])  # fmt: skip
    return csv_text(CSV_FIELDS, out)


_CSS = """body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222;line-height:1.4}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:6px 10px;
border-top:1px solid #ddd}th{background:#f3f3f3}td.problem{color:#b00020}td.count{white-space:nowrap}
p.note{color:#555;max-width:60em}"""


def overview_html(rows: list[OverviewRow], *, title: str, command: str, norms: str = "") -> str:
    """One self-contained page: the table, with each scene linking its output; every text escaped."""
    e = _esc
    done = sum(1 for r in rows if r.summary is not None and r.output is not None)
    failed = len(rows) - done
    what = {"critique": "critiqued", "compare": "compared", "profile": "profiled", "quotes": "listed"}.get(command,
                                                                                                          "done")
    parts = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
             f"<title>{e(title)}</title><style>{_CSS}</style></head><body>", f"<h1>{e(title)}</h1>",
             f"<p id='counts'>{len(rows)} scene{'s' if len(rows) != 1 else ''}: {done} {what}"
             + (f", {failed} could not be {what}" if failed else "") + ".</p>"]
    if norms:
        parts.append(f"<p class='note'>Percentiles compare with: {e(norms)}.</p>")
    parts.append("<table id='overview'><thead><tr><th>Scene</th><th>Who talks (share of the words)</th>"
                 "<th>How distinct the voices are</th><th>Strongest contrast</th><th>Lines without a speaker</th>"
                 "<th>Problem</th></tr></thead><tbody>")
    for r in rows:
        s = r.summary
        name = e(r.scene)
        scene_cell = f"<a href='{e(quote(r.output))}'>{name}</a>" if r.output else name
        if s is None:
            parts.append(f"<tr class='unreadable'><td>{scene_cell}</td><td></td><td></td><td></td><td></td>"
                         f"<td class='problem'>{e(r.problem or '')}</td></tr>")
            continue
        distinct = s.distinct if s.distinct is not None else NOT_MEASURED
        contrast = s.contrast if s.contrast is not None else NOT_MEASURED
        parts.append(f"<tr class='scene'><td>{scene_cell}</td><td>{e(talk_words(s))}</td><td>{e(distinct)}</td>"
                     f"<td>{e(contrast)}</td><td class='count'>{e(unattributed_words(s))}</td>"
                     f"<td class='problem'>{e(r.problem or '')}</td></tr>")
    parts.append("</tbody></table>")
    notes = ["Share of the words: of the dialogue with a known speaker. Lines without a speaker count in no "
             "character's numbers: fix them in notebook 01 or the scene's corrections file."]
    if any(r.summary is not None and r.summary.distinct is None for r in rows):
        notes.append(f"{NOT_MEASURED}: this command does not measure how distinct the voices are; the critique "
                     "and compare commands do.")
    else:
        notes.append("How distinct: the verdict for the two characters who sound most alike (distinctiveness 0 = no "
                     "more different than random halves of their own lines, 1 = fully distinct). Strongest "
                     "contrast: the measure that sets apart the most distinct pair most clearly.")
    parts += [f"<p class='note'>{e(n)}</p>" for n in notes]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)
