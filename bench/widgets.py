"""How fast the comparison widget redraws when a student changes a choice.

    python bench/widgets.py

For the seed scene (../shared/scenes/safehouse.txt) and a whole novel (Pride and Prejudice from ../shared/pdnc,
with its cast), builds the comparison widget (the voices are profiled then) and times each kind of change:
the family of measures, another character (a pair seen for the first time), characters in published fiction,
a reference character, and going back to a pair already shown. Targets: under 150 ms on the scene, under
500 ms on the novel. Prints a table; times are wall-clock milliseconds, the median of a few repeats.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from workshop.widgets import ComparisonWidget, open_scene  # noqa: E402


def _time(action) -> float:
    started = time.perf_counter()
    action()
    return 1000 * (time.perf_counter() - started)


def measure(label: str, open_it) -> list[tuple[str, str, float]]:
    rows = []
    started = time.perf_counter()
    scene = open_it()
    widget = ComparisonWidget(scene)
    rows.append((label, "open the scene and build the widget (profiles every voice)", 1000 * (time.perf_counter() - started)))
    names = scene.characters
    a, b = widget.first.value, widget.second.value
    others = [n for n in names if n not in (a, b)]

    def family(value):
        return lambda: setattr(widget.family, "value", value)

    rows.append((label, "family of measures: readability", _time(family("readability"))))
    rows.append((label, "family of measures: word choice", _time(family("diction"))))
    new_pairs = []
    if others:
        for other in others[:3]:
            new_pairs.append(_time(lambda other=other: setattr(widget.second, "value", other)))
    else:  # two speakers: swap who is on the left (a pair in the other order, never drawn before)
        new_pairs.append(_time(lambda: setattr(widget.first, "value", b)))
        a, b = b, a
    rows.append((label, f"another character, first time (median of {len(new_pairs)}, max {max(new_pairs):.0f} ms)",
                 statistics.median(new_pairs)))
    rows.append((label, "characters in published fiction (norms)", _time(lambda: setattr(widget.second, "value", "norms"))))
    rows.append((label, "a reference character, first time",
                 _time(lambda: setattr(widget.second, "value", "ref:the-detective:Hale"))))
    back = [_time(lambda: setattr(widget.second, "value", b)), _time(lambda: setattr(widget.family, "value", "rhythm")),
            _time(lambda: setattr(widget.second, "value", "norms")), _time(lambda: setattr(widget.second, "value", b))]
    rows.append((label, "back to a choice shown before (median of 4)", statistics.median(back)))
    return rows


def main() -> int:
    import os

    os.chdir(tempfile.mkdtemp())  # corrections, if any, would go here
    rows = []
    seed = SHARED / "scenes" / "safehouse.txt"
    if seed.exists():
        rows += measure("seed scene", lambda: open_scene(seed))
    novel = SHARED / "pdnc" / "PrideAndPrejudice"
    if novel.exists():
        rows += measure("Pride and Prejudice", lambda: open_scene(novel / "text.txt", cast=novel / "characters.json"))
    if not rows:
        print("../shared is not beside the repository: nothing to measure.")
        return 1
    target = {"seed scene": 150, "Pride and Prejudice": 500}
    print(f"{'text':22} {'change':62} {'ms':>8}  target")
    for label, what, ms in rows:
        limit = "" if what.startswith("open") else f"< {target[label]} ms {'ok' if ms < target[label] else 'SLOW'}"
        print(f"{label:22} {what:62} {ms:8.1f}  {limit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
