"""The setup check of notebook 00: is everything the lessons need here, offline?"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass

import ipywidgets as w

from workshop.compare.norms.table import load_norms
from workshop.compare.references import reference_names
from workshop.report import plots
from workshop.text.samples import sample_scene_path
from workshop.voice.profile import profile_texts


@dataclass(frozen=True)
class Check:
    what: str
    ok: bool
    detail: str


def setup_checks() -> list[Check]:
    """Each thing the notebooks need, checked without the network."""
    checks: list[Check] = []

    def check(what: str, test) -> None:
        try:
            detail = test()
            checks.append(Check(what, True, str(detail)))
        except Exception as exc:  # every failure becomes a line in the table, never a traceback
            checks.append(Check(what, False, f"{type(exc).__name__}: {exc}"))

    check("Python 3.11 or newer", lambda: _need(sys.version_info >= (3, 11), sys.version.split()[0]))
    check("the sample scene", _sample)
    check("the reference scenes", _references)
    check("the norms of published fiction", _norms)
    check("a voice profile (offline syllables, lexicons)", _profile)
    check("pictures (matplotlib)", _plots)
    check("widgets (ipywidgets)", lambda: w.__version__)
    return checks


def _need(ok: bool, detail: str) -> str:
    if not ok:
        raise RuntimeError(detail)
    return detail


def _sample() -> str:
    path = sample_scene_path()
    return _need(path.exists(), f"{path.name} ({path.stat().st_size:,} bytes)" if path.exists() else f"missing: {path}")


def _references() -> str:
    names = reference_names()
    return _need(bool(names), ", ".join(names) or "none found in texts/references")


def _norms() -> str:
    table = load_norms()
    return _need(table is not None, f"{len(table.metrics)} measures" if table else "workshop/data/norms.json missing")


def _profile() -> str:
    p = profile_texts(["Well, I think it's rather a nice lighthouse, honestly."], "test")
    value = p.readability.get("flesch_reading_ease")
    return _need(value == value, f"Flesch reading ease of a test line: {value:.0f}")


def _plots() -> str:
    fig = plots.share_of_talk(["A", "B"], [3, 1], [1, 1])
    return _need(len(plots.figure_bytes(fig)) > 1000, "a test picture was drawn")


def setup_report(checks: list[Check] | None = None) -> w.HTML:
    """The checks as a table in an HTML widget. Seeing the table at all means widgets display here."""
    checks = checks if checks is not None else setup_checks()
    yes = "<span style='color:#1a7f37;font-weight:bold'>✓ yes</span>"
    no = "<span style='color:#c62828;font-weight:bold'>✗ no</span>"
    rows = "".join(
        f"<tr><td style='padding:2px 10px'>{yes if c.ok else no}</td><td style='padding:2px 10px'>"
        f"{html.escape(c.what)}</td><td style='padding:2px 10px;color:#555'>{html.escape(c.detail)}</td></tr>"
        for c in checks
    )
    verdict = ("Everything the lessons need is here. (You are reading this in a widget, so widgets work too.)"
               if all(c.ok for c in checks) else
               "Something is missing: see the lines marked ✗ no, and ask your instructor (docs/classroom.md).")
    widget = w.HTML(f"<div class='vw-setup'><p><b>{html.escape(verdict)}</b></p><table>{rows}</table></div>")
    widget.add_class("vw-setup-report")
    return widget


def check_setup() -> w.HTML:
    """Run every check and return the report widget (display it as a cell's last line)."""
    return setup_report()
