"""Write docs/metrics.md: the table of every measure, generated from the metric registry.

Run:  python scripts/metrics_table.py            # rewrite docs/metrics.md
      python scripts/metrics_table.py --check    # exit 1 when docs/metrics.md is out of date

The table is never edited by hand: declare or change a measure in ``workshop/voice/metrics/<family>.py`` and
rerun this script (``tests/test_metrics_registry.py`` fails while the file is out of date).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshop.voice.metrics import FAMILIES, display_order

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "metrics.md"

_TITLES = {"readability": "Readability", "rhythm": "Rhythm", "diction": "Word choice"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render() -> str:
    """The whole of docs/metrics.md."""
    lines = [
        "# The measures",
        "",
        "Generated from the metric registry (`workshop/voice/metrics/`) by `python scripts/metrics_table.py`; "
        "do not edit by hand.",
        "",
        "*Per line*: how a comparison counts the measure line by line (its denominator; — when it is not a ratio "
        "of counts and so is not compared line by line). *Minimum*: the sample at which the number starts to "
        "mean something. *Usually zero*: most characters of classic novels score 0, so the kit reports a rate, "
        "not a percentile. *Compared*: its place in the pair comparisons. *Rests on*: the packages whose data the "
        "value comes from (an update of one may move it; the golden test allows those a tolerance).",
    ]
    for family in FAMILIES:
        lines += ["", f"## {_TITLES[family]}", "",
                  "| measure | label | unit | higher means | per line | minimum | usually zero | compared | rests on "
                  "| explanation |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for m in display_order(family):
            per_line = f"{'per 100 ' if m.scale == 100 else ''}{m.denominator}" if m.denominator else "—"
            lines.append(
                f"| `{m.name}` | {_cell(m.label)} | {_cell(m.unit)} | {_cell(m.higher) or '—'} | {per_line} "
                f"| {m.minimum} {m.sample} | {'yes' if m.usually_zero else ''} | {m.compared or ''} "
                f"| {', '.join(m.data) or 'code only'} "
                f"| {_cell(m.explanation)} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/metrics.md is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print("docs/metrics.md is out of date: run python scripts/metrics_table.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
