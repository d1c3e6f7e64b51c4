"""Rebuild workshop/data/attribution/confidence_found.json: how sure the engine's answers are when the kit found the
cast itself (see workshop/attribution_confidence.py).

Run:  python scripts/calibrate_found_cast.py [--pdnc PATH] [--dry-run]

The eight tuning novels of ../shared/pdnc (never the four held out, bench/pdnc.py HELD_OUT) are cut into scenes of
1,500-3,000 words exactly as bench/scenes.py cuts them and read without their cast file. Every attributed piece is
scored as bench/scenes.py scores it (a narrator the kit created, a name only the annotated speaker bears) and
sorted by kind of answer (named / guessed / inferred) and by the confidence the engine gave, in bands of 0.1.
Each band becomes a point (its mean confidence, its share right); the points of a kind are made non-decreasing by
pooling neighbours that break the order (weighted by their pieces), so a surer answer is never reported as less
sure. Takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pdnc import HELD_OUT  # noqa: E402
from pdnc_score import is_right, load_novel, match, narrator_names  # noqa: E402
from scenes import cut_windows  # noqa: E402

from workshop.speakers import attribution  # noqa: E402
from workshop.speakers import confidence as attribution_confidence
from workshop.speakers.dialogue import find_dialogue  # noqa: E402
from workshop.text.scene import scene_from_text  # noqa: E402

OUT = ROOT / "workshop" / "data" / "attribution" / "confidence_found.json"


def measure(folders: list[Path]) -> dict[str, list[tuple[float, bool]]]:
    """kind -> (raw confidence, right) for every attributed piece of the scenes read without a cast."""
    seen: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    recorded: list = []
    original = attribution._calibrate_found
    attribution._calibrate_found = lambda segments, guessed: recorded.append(set(guessed))  # type: ignore
    try:
        for folder in folders:
            novel = load_novel(folder)
            for window in cut_windows(novel, 0):
                inside = [p for p in novel.pieces if window.start <= p.start and p.end <= window.end]
                if not inside:
                    continue
                recorded.clear()
                dialogue = find_dialogue(scene_from_text(novel.text[window.start : window.end]), None)
                guessed = recorded[0] if recorded else set()
                narrators = narrator_names(dialogue.cast)
                for piece, seg in zip(inside, match(inside, dialogue.segments, offset=window.start)):
                    if seg is None or seg.speaker is None:
                        continue
                    ok = is_right(novel, piece, seg.speaker, lenient_names=True, narrator_names=narrators,
                                  resolve_names=True)
                    kind = attribution_confidence.kind_of(seg.method, seg.confidence, seg.speaker in guessed)
                    seen[kind].append((seg.confidence, ok))
    finally:
        attribution._calibrate_found = original  # type: ignore
    return seen


def points(pairs: list[tuple[float, bool]]) -> list[list[float]]:
    """Band points (mean confidence, share right, pieces), pooled until the shares never decrease."""
    bands: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for conf, ok in pairs:
        bands[min(9, int(conf * 10))].append((conf, ok))
    blocks = [
        [sum(c for c, _ in v) / len(v), sum(ok for _, ok in v) / len(v), len(v)] for _, v in sorted(bands.items())
    ]
    merged: list[list[float]] = []
    for b in blocks:
        merged.append(b)
        while len(merged) >= 2 and merged[-2][1] > merged[-1][1]:
            (x0, y0, n0), (x1, y1, n1) = merged[-2], merged[-1]
            n = n0 + n1
            merged[-2:] = [[(x0 * n0 + x1 * n1) / n, (y0 * n0 + y1 * n1) / n, n]]
    return [[round(x, 3), round(y, 3), int(n)] for x, y, n in merged]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=ROOT.parent / "shared" / "pdnc")
    parser.add_argument("--dry-run", action="store_true", help="print the table, do not write it")
    args = parser.parse_args(argv)
    folders = sorted(p for p in args.pdnc.iterdir() if (p / "quotes.jsonl").exists() and p.name not in HELD_OUT)
    seen = measure(folders)
    table = {kind: points(seen[kind]) for kind in attribution_confidence.KINDS if seen.get(kind)}
    for kind, pts in table.items():
        print(f"{kind:9} " + "  ".join(f"{x:.2f}->{y:.2f} ({n})" for x, y, n in pts))
    if not args.dry_run:
        payload = {
            "about": "Confidence when the kit found the cast itself: (engine confidence, share right) per kind of "
            "answer, measured on 1,500-3,000-word scenes of the tuning novels of ../shared/pdnc ("
            + ", ".join(f.name for f in folders)
            + ") read without their cast file; written by scripts/calibrate_found_cast.py. See "
            "workshop/attribution_confidence.py.",
            "points": {kind: [[x, y] for x, y, _ in pts] for kind, pts in table.items()},
            "pieces": {kind: [n for _, _, n in pts] for kind, pts in table.items()},
        }
        OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
