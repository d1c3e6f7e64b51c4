"""Rebuild workshop/data/attribution/ranker.json: the weights of the speaker ranker (workshop/attribution_ranker.py).

Run:  python scripts/train_attribution.py [--pdnc PATH] [--l2 X] [--threshold P] [--passes N] [--dry-run]

Trains on the eight tuning novels of ../shared/pdnc only; the four held-out novels (bench/pdnc.py HELD_OUT) are
never read. For every utterance the rules resolved without a named tag, the engine lists its candidates with their
features exactly as it does when attributing; the annotated speaker of the utterance's first piece says which
candidate is right (utterances whose right speaker is not among the candidates teach nothing and are left out of
the fit; their share sets the "coverage" that scales the confidences). The model is a conditional logit (a softmax
over each utterance's candidates, one weight per feature), fitted by Newton's method with an L2 penalty.

Each pass is measured leave-one-novel-out (trained on seven novels, applied to the eighth) and the figures are
printed; the second pass is trained on the contexts the first gives on novels it was not trained on, as on a new
novel. (In that second round the seven training novels' contexts came from first-pass weights that had seen the
eighth novel: a small optimism, not a leak of the eighth novel's own answers.) Takes about fifteen seconds.
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


class Novel:
    """A tuning novel run through the rules (the ranker not yet applied), with the annotated speaker of each
    utterance's first piece."""

    def __init__(self, folder: Path) -> None:
        recorded: list = []
        original = attribution._Engine._rerank
        attribution._Engine._rerank = lambda self: recorded.append(self)  # type: ignore[method-assign]
        try:
            scene = read_scene(folder / "text.txt", detect_notes=False)
            find_dialogue(scene, load_cast(folder / "characters.json"))
        finally:
            attribution._Engine._rerank = original  # type: ignore[method-assign]
        self.name = folder.name
        self.engine = recorded[0]
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

        self.gold = [gold(self.engine.spans[g.members[0]]) for g in self.engine.groups]
        self.rules = [(g.speaker, g.method, g.confidence) for g in self.engine.groups]
        self.only: set[int] | None = None  # the utterances the next pass looks at (see ranker.context_changed)
        # the utterances the ranker may touch, as the rules leave them (the accuracy is measured on these)
        self.linked = linked = ranker.links(self.engine)
        self.rankable = [k for k in range(len(self.engine.groups)) if ranker.rankable(self.engine, k, linked)]

    def reset(self) -> None:
        """Back to the rules' answers."""
        for g, (speaker, method, confidence) in zip(self.engine.groups, self.rules):
            g.speaker, g.method, g.confidence = speaker, method, confidence

    def rows(self) -> list[dict]:
        """One record per rankable utterance in the engine's present state (only those in ``self.only`` when
        set): candidates, feature rows, the current answer and the annotated one."""
        engine = self.engine
        speakers = [g.speaker for g in engine.groups]
        linked = self.linked
        out = []
        for k, g in enumerate(engine.groups):
            if (self.only is not None and k not in self.only) or not ranker.rankable(engine, k, linked):
                continue
            names, rows = ranker.candidates(engine, k, speakers, linked)
            out.append(
                {
                    "names": names,
                    "rows": np.array(rows, dtype=float).reshape(len(names), len(ranker.FEATURES)),
                    "rule": g.speaker,
                    "gold": self.gold[k],
                }
            )
        return out

    def accuracy(self) -> tuple[int, int, int]:
        """(right by the rules, right now, utterances) over the utterances the rules left without a named tag."""
        groups = self.engine.groups
        rules = sum(self.rules[k][0] is not None and self.rules[k][0] == self.gold[k] for k in self.rankable)
        now = sum(groups[k].speaker is not None and groups[k].speaker == self.gold[k] for k in self.rankable)
        return rules, now, len(self.rankable)


def fit(data: list[dict], l2: float, iterations: int = 30) -> np.ndarray:
    """Weights that minimise the softmax loss over the utterances whose answer is a candidate, plus l2 * |w|^2."""
    usable = [(d["rows"], d["names"].index(d["gold"])) for d in data if d["gold"] in d["names"]]
    w = np.zeros(len(ranker.FEATURES))
    for _ in range(iterations):
        grad = 2 * l2 * w
        hess = 2 * l2 * np.eye(len(w))
        for x, y in usable:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            mean = p @ x
            grad += mean - x[y]
            hess += (x * p[:, None]).T @ x - np.outer(mean, mean)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def as_weights(w: np.ndarray, threshold: float, coverage: float) -> ranker.Weights:
    return ranker.Weights(ranker.FEATURES, tuple(float(x) for x in w), threshold, coverage)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=ROOT.parent / "shared" / "pdnc")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--dry-run", action="store_true", help="do not write the weights")
    args = parser.parse_args(argv)
    folders = sorted(
        p for p in args.pdnc.iterdir() if (p / "quotes.jsonl").exists() and p.name not in HELD_OUT
    )
    novels = [Novel(f) for f in folders]
    # Each pass is trained on the contexts the passes before it give on a novel they were NOT trained on
    # (leave-one-novel-out), as they would on a new novel; its accuracy is measured the same way.
    final: list[tuple[np.ndarray, float]] = []
    for number in range(1, args.passes + 1):
        data = {n.name: n.rows() for n in novels}
        everything = [d for rows in data.values() for d in rows]
        covered = sum(d["gold"] in d["names"] for d in everything)
        print(f"pass {number}: right speaker among the candidates for {covered / len(everything):.1%} "
              f"of {len(everything)} utterances")
        totals = [0, 0, 0]
        for n in novels:
            w = fit([d for other, rows in data.items() if other != n.name for d in rows], args.l2)
            before = [g.speaker for g in n.engine.groups]
            n.engine._rank_pass(as_weights(w, args.threshold, covered / len(everything)), n.only, n.linked)
            n.only = ranker.context_changed(n.engine, before, n.linked)
            rules, now, count = n.accuracy()
            print(f"  {n.name:30} n {count:5}  rules {rules / count:6.1%}  ranker {now / count:6.1%}")
            totals = [a + b for a, b in zip(totals, (rules, now, count))]
        print(f"  {'leave-one-novel-out':30} n {totals[2]:5}  rules {totals[0] / totals[2]:6.1%}  "
              f"ranker {totals[1] / totals[2]:6.1%}")
        final.append((fit(everything, args.l2), covered / len(everything)))
    for number, (w, _) in enumerate(final, 1):
        print(f"pass {number} weights:")
        for name, value in sorted(zip(ranker.FEATURES, w), key=lambda kv: -abs(kv[1])):
            print(f"  {name:24} {value:+.3f}")
    if not args.dry_run:
        payload = {
            "about": "Weights of workshop/attribution_ranker.py, one set per pass, written by "
            "scripts/train_attribution.py from the tuning novels of ../shared/pdnc ("
            + ", ".join(n.name for n in novels)
            + f"); L2 {args.l2}; threshold: below this probability an utterance the rules left unknown stays "
            "unknown; coverage: the share of utterances whose right speaker was among the candidates (the "
            "confidence reported is the probability times it).",
            "passes": [
                {
                    "threshold": args.threshold,
                    "coverage": round(coverage, 4),
                    "weights": {n: round(float(v), 4) for n, v in zip(ranker.FEATURES, w)},
                }
                for w, coverage in final
            ],
        }
        OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
