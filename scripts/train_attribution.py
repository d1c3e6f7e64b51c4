"""Rebuild workshop/data/attribution/ranker.json: the weights of the speaker ranker (workshop/attribution_ranker.py).

Run:  python scripts/train_attribution.py [--pdnc PATH] [--cv] [--l2 X] [--dry-run]

Trains on the eight tuning novels of ../shared/pdnc only; the four held-out novels (bench/pdnc.py HELD_OUT) are
never read. For every utterance the rules resolved without a named tag, the engine lists its candidates with their
features exactly as it does when attributing; the annotated speaker of the utterance's first piece says which
candidate is right (utterances whose right speaker is not among the candidates teach nothing and are left out).
The model is a conditional logit (a softmax over each utterance's candidates, one weight per feature), fitted by
Newton's method with an L2 penalty. ``--cv`` first reports leave-one-novel-out accuracy over the eight novels.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop import attribution, attribution_ranker as ranker  # noqa: E402
from workshop.cast import load_cast  # noqa: E402
from workshop.dialogue import find_dialogue  # noqa: E402
from workshop.scene import read_scene  # noqa: E402

HELD_OUT = ("HardTimes", "TheAwakening", "TheSignOfTheFour", "WinnieThePooh")
OUT = ROOT / "workshop" / "data" / "attribution" / "ranker.json"


def novel_rows(folder: Path) -> list[dict]:
    """One record per rankable utterance: candidates, feature rows, the rules' choice, the annotated speaker and
    how many annotated pieces the utterance covers."""
    recorded: list = []
    original = attribution._Engine._rerank
    attribution._Engine._rerank = lambda self: recorded.append(self)  # type: ignore[method-assign]
    try:
        scene = read_scene(folder / "text.txt", detect_notes=False)
        find_dialogue(scene, load_cast(folder / "characters.json"))
    finally:
        attribution._Engine._rerank = original  # type: ignore[method-assign]
    engine = recorded[0]
    pieces = []
    for line in (folder / "quotes.jsonl").open(encoding="utf-8"):
        q = json.loads(line)
        for s, e in q["spans"]:
            pieces.append((s, e, q["speaker"]))
    pieces.sort()
    starts = [p[0] for p in pieces]

    def gold(span) -> str | None:
        i = max(0, bisect.bisect_left(starts, span.start) - 3)
        while i < len(pieces) and pieces[i][0] < span.end:
            s, e, who = pieces[i]
            if min(e, span.end) - max(s, span.start) >= max(1, (e - s) / 2):
                return who
            i += 1
        return None

    speakers = [g.speaker for g in engine.groups]
    linked = ranker.links(engine)
    out = []
    for k, g in enumerate(engine.groups):
        if not ranker.rankable(engine, k, linked):
            continue
        names, rows = ranker.candidates(engine, k, speakers, linked)
        answers = [gold(engine.spans[i]) for i in g.members]
        first = answers[0]
        out.append(
            {
                "names": names,
                "rows": np.array(rows, dtype=float).reshape(len(names), len(ranker.FEATURES)),
                "rule": g.speaker,
                "gold": first,
                "pieces": len(answers),
            }
        )
    return out


def fit(data: list[dict], l2: float, iterations: int = 30) -> np.ndarray:
    """Weights that minimise the softmax loss over the utterances whose answer is a candidate, plus l2 * |w|^2."""
    usable = [(d["rows"], d["names"].index(d["gold"])) for d in data if d["gold"] in d["names"]]
    w = np.zeros(len(ranker.FEATURES))
    for _ in range(iterations):
        grad = 2 * l2 * w
        hess = 2 * l2 * np.eye(len(w))
        loss = l2 * float(w @ w)
        for x, y in usable:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            loss -= float(np.log(p[y] + 1e-300))
            mean = p @ x
            grad += mean - x[y]
            hess += (x * p[:, None]).T @ x - np.outer(mean, mean)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def evaluate(data: list[dict], w: np.ndarray, threshold: float) -> dict:
    """Utterance-level counts: right by the rules, right by the ranker (first piece), and pieces weighted."""
    rule = ranked = n = 0
    bands: dict[int, list[int]] = {}
    for d in data:
        n += 1
        rule += d["rule"] is not None and d["rule"] == d["gold"]
        if d["names"]:
            p = ranker.softmax(list(d["rows"] @ w))
            b = int(np.argmax(p))
            if d["rule"] is None and (p[b] < threshold or len(p) < 2):
                choice = None
            else:
                choice = d["names"][b]
            if d["rule"] is None:
                band = bands.setdefault(min(9, int(p[b] * 10)), [0, 0])
                band[0] += d["names"][b] == d["gold"]
                band[1] += 1
        else:
            choice = d["rule"]
        ranked += choice is not None and choice == d["gold"]
    return {"n": n, "rules": rule / n, "ranker": ranked / n, "bands": bands}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=ROOT.parent / "shared" / "pdnc")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.0)
    parser.add_argument("--cv", action="store_true", help="report leave-one-novel-out accuracy first")
    parser.add_argument("--dry-run", action="store_true", help="do not write the weights")
    args = parser.parse_args(argv)
    folders = sorted(
        p for p in args.pdnc.iterdir() if (p / "quotes.jsonl").exists() and p.name not in HELD_OUT
    )
    data = {f.name: novel_rows(f) for f in folders}
    if args.cv:
        total = {"n": 0, "rules": 0.0, "ranker": 0.0}
        bands: dict[int, list[int]] = {}
        for name in data:
            train = [d for other, rows in data.items() if other != name for d in rows]
            w = fit(train, args.l2)
            r = evaluate(data[name], w, args.threshold)
            print(f"{name:30} n {r['n']:5}  rules {r['rules']:6.1%}  ranker {r['ranker']:6.1%}")
            total["n"] += r["n"]
            total["rules"] += r["rules"] * r["n"]
            total["ranker"] += r["ranker"] * r["n"]
            for b, (right, count) in r["bands"].items():
                bands.setdefault(b, [0, 0])
                bands[b][0] += right
                bands[b][1] += count
        print(f"{'leave-one-novel-out':30} n {total['n']:5}  rules {total['rules'] / total['n']:6.1%}  "
              f"ranker {total['ranker'] / total['n']:6.1%}")
        print("utterances the rules left unknown, by the ranker's probability (right / all):")
        for b in sorted(bands):
            print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}  {bands[b][0]:4} / {bands[b][1]:4}")
    everything = [d for rows in data.values() for d in rows]
    covered = sum(d["gold"] in d["names"] for d in everything)
    print(f"right speaker among the candidates: {covered / len(everything):.1%} of {len(everything)} utterances")
    w = fit(everything, args.l2)
    r = evaluate(everything, w, args.threshold)
    print(f"{'all eight (trained on)':30} n {r['n']:5}  rules {r['rules']:6.1%}  ranker {r['ranker']:6.1%}")
    for name, value in sorted(zip(ranker.FEATURES, w), key=lambda kv: -abs(kv[1])):
        print(f"  {name:24} {value:+.3f}")
    if not args.dry_run:
        payload = {
            "about": "Weights of workshop/attribution_ranker.py, written by scripts/train_attribution.py from the "
            "tuning novels of ../shared/pdnc (" + ", ".join(data) + f"); L2 {args.l2}.",
            "threshold": args.threshold,
            "weights": {n: round(float(v), 4) for n, v in zip(ranker.FEATURES, w)},
        }
        OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
