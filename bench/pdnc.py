"""Measure quote detection and speaker attribution on the annotated novels in ../shared/pdnc.

Run:  python bench/pdnc.py [--novel NAME ...] [--pdnc PATH] [--errors N]
Prints one row per novel and a total: detection precision/recall/F1 and speaker accuracy overall and by quote
type, scored the way ../shared/pdnc/README.md says (per piece; a prediction matches a gold piece when they overlap
by at least half the gold piece's length). Novels marked "(held out)" were never looked at while writing the rules,
only scored; the "held out" and "tuned on" lines give their accuracy apart. Then two tables to check the engine's
confidences against: accuracy per attribution method, and accuracy per band of the confidence the engine gave.
With --errors N, the first N attribution errors of each novel are listed with their context. With --no-cast the
novels are read without their cast file (names then compared as bench/pdnc_score.py says, as bench/scenes.py
compares them: a name only the annotated speaker bears counts; the "as listed" line gives the strict figure).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pdnc_score import HELD_OUT, TYPES, load_novel, score_dialogue  # noqa: E402

from workshop.speakers.cast import load_cast  # noqa: E402
from workshop.speakers.dialogue import find_dialogue  # noqa: E402
from workshop.text.scene import read_scene  # noqa: E402

DEFAULT_PDNC = ROOT.parent / "shared" / "pdnc"
__all__ = ["HELD_OUT", "score_novel"]


def score_novel(folder: Path, *, errors: list | None = None, no_cast: bool = False) -> dict:
    """Score one novel with its cast file, or with ``no_cast`` as the kit finds the cast itself (the scoring is
    :func:`pdnc_score.score_dialogue`)."""
    novel = load_novel(folder)
    scene = read_scene(folder / "text.txt", detect_notes=False)
    cast = None if no_cast else load_cast(folder / "characters.json")
    t0 = time.perf_counter()
    dialogue = find_dialogue(scene, cast)
    seconds = time.perf_counter() - t0
    return {"novel": folder.name, **score_dialogue(novel, dialogue, no_cast=no_cast, errors=errors), "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=DEFAULT_PDNC)
    parser.add_argument("--novel", action="append", help="only this novel (repeatable)")
    parser.add_argument("--errors", type=int, default=0, help="print this many attribution errors per novel")
    parser.add_argument("--no-cast", action="store_true", help="leave the cast file out: the kit finds the cast")
    args = parser.parse_args(argv)
    folders = sorted(p for p in args.pdnc.iterdir() if (p / "quotes.jsonl").exists())
    if args.novel:
        folders = [f for f in folders if f.name in args.novel]
    header = f"{'novel':30} {'pieces':>6} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'expl':>6} {'anaph':>6} {'impl':>6} {'sec':>5}"
    print(header)
    print("-" * len(header))
    totals: Counter = Counter()
    type_totals: dict[str, Counter] = defaultdict(Counter)
    method_totals: dict[str, Counter] = defaultdict(Counter)
    band_totals: dict[int, Counter] = defaultdict(Counter)
    split_totals: dict[str, Counter] = defaultdict(Counter)
    for folder in folders:
        errs: list | None = [] if args.errors else None
        r = score_novel(folder, errors=errs, no_cast=args.no_cast)
        print(
            f"{r['novel'] + (' (held out)' if r['novel'] in HELD_OUT else ''):30} {r['pieces']:>6} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
            f"{r['accuracy']:6.1%} {r['explicit']:6.1%} {r['anaphoric']:6.1%} {r['implicit']:6.1%} {r['seconds']:5.2f}"
        )
        totals["pieces"] += r["pieces"]
        totals["found"] += round(r["recall"] * r["pieces"])
        totals["right"] += round(r["accuracy"] * r["pieces"])
        totals["listed"] += r["listed"]
        totals["seconds"] += r["seconds"]
        totals["predicted"] += r["predicted"]
        totals["matched"] += r["matched"]
        for t, (right, n) in r["counts"].items():
            type_totals[t]["right"] += right
            type_totals[t]["n"] += n
        for m, (right, n) in r["methods"].items():
            method_totals[m]["right"] += right
            method_totals[m]["n"] += n
        for b, (right, n) in r["bands"].items():
            band_totals[b]["right"] += right
            band_totals[b]["n"] += n
        part = "held out" if r["novel"] in HELD_OUT else "tuned on"
        split_totals[part]["right"] += round(r["accuracy"] * r["pieces"])
        split_totals[part]["n"] += r["pieces"]
        if errs:
            for e in errs[: args.errors]:
                print("   ", *e)
    t = {k: type_totals[k]["right"] / type_totals[k]["n"] for k in TYPES if type_totals[k]["n"]}
    print("-" * len(header))
    pooled_p = totals["matched"] / totals["predicted"] if totals["predicted"] else 0.0
    pooled_r = totals["found"] / totals["pieces"]
    pooled_f1 = 2 * pooled_p * pooled_r / (pooled_p + pooled_r) if pooled_p + pooled_r else 0.0
    print(
        f"{'ALL':30} {totals['pieces']:>6} {pooled_p:6.3f} {pooled_r:6.3f} {pooled_f1:6.3f} "
        f"{totals['right'] / totals['pieces']:6.1%} {t.get('explicit', 0):6.1%} {t.get('anaphoric', 0):6.1%} "
        f"{t.get('implicit', 0):6.1%} {totals['seconds']:5.2f}"
    )
    for part, c in sorted(split_totals.items()):
        print(f"{'  ' + part:30} {c['n']:>6} {'':>6} {'':>6} {'':>6} {c['right'] / c['n']:6.1%}")
    if args.no_cast:
        print(f"{'  as listed':30} {totals['pieces']:>6} {'':>6} {'':>6} {'':>6} {totals['listed'] / totals['pieces']:6.1%}"
              "   (a found name counts only when characters.json lists it; above, also one only the speaker bears)")
    print()
    print(f"{'method':14} {'n':>6} {'accuracy':>9}   (found pieces attributed by each method)")
    for m, c in sorted(method_totals.items(), key=lambda kv: -kv[1]["n"]):
        print(f"{m:14} {c['n']:>6} {c['right'] / c['n']:9.1%}")
    print()
    print(f"{'confidence':14} {'n':>6} {'accuracy':>9}   (attributed pieces, by the confidence the engine gave)")
    for b in sorted(band_totals):
        c = band_totals[b]
        print(f"{b / 10:.1f}-{(b + 1) / 10:.1f}{'':7} {c['n']:>6} {c['right'] / c['n']:9.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
