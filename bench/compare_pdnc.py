"""Distinctiveness and the tag test on real novels: pairs of major characters beside same-voice controls.

Run:  python bench/compare_pdnc.py [--pdnc ../shared/pdnc] [--novel NAME ...] [--min-words 1000] [--perm 100]

For every novel in ../shared/pdnc: each pair of its major characters (hand-attributed lines, at least
--min-words words each) is compared with workshop.compare.pairs.compare_pair; and each of those characters' lines are
split at random into two halves and compared with each other (a same-voice control: one voice, two piles).
Prints one row per comparison, then a summary: the distribution of scores for real pairs against controls.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop.compare.pairs import compare_pair  # noqa: E402
from workshop.voice.tokens import words  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from build_norms import character_lines  # noqa: E402

DEFAULT_PDNC = ROOT.parent / "shared" / "pdnc"


def row(kind: str, novel: str, a: str, b: str, p) -> dict:
    c = p.to_dict()["components"]
    return {
        "kind": kind, "novel": novel, "a": a, "b": b, "words": min(p.words_a, p.words_b),
        "score": p.distinctiveness, "delta": p.delta, "delta_part": c["delta"]["part"], "lsm": p.lsm,
        "lsm_part": c["lsm"]["part"], "tag": p.tag_test.accuracy, "chance": p.tag_test.chance, "n": p.tag_test.n,
        "tag_part": c["tag_test"], "habits_part": c["habits"]["part"] if c["habits"] else float("nan"),
        "clear": sum(m.verdict == "clearly different" for m in p.metrics),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=DEFAULT_PDNC)
    parser.add_argument("--novel", action="append")
    parser.add_argument("--min-words", type=int, default=1000)
    parser.add_argument("--perm", type=int, default=100, help="random splits per distinctiveness baseline")
    parser.add_argument("--boot", type=int, default=200, help="bootstrap redraws per measure")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    folders = sorted(p for p in args.pdnc.iterdir() if (p / "quotes.jsonl").exists())
    if args.novel:
        folders = [f for f in folders if f.name in args.novel]
    rng = random.Random(args.seed)
    rows = []
    t0 = time.perf_counter()
    head = (f"{'kind':7} {'novel':22} {'a':18} {'b':18} {'words':>6} {'score':>5} {'delta':>5} {'dP':>4} {'lsm':>5} "
            f"{'lP':>4} {'tag':>5} {'chance':>6} {'n':>5} {'tP':>4} {'hP':>4} {'clear':>5}")
    print(head)
    print("-" * len(head))
    for folder in folders:
        lines, cats = character_lines(folder)
        major = [n for n in lines if cats.get(n) == "major" and sum(len(words(t)) for t in lines[n]) >= args.min_words]
        major.sort(key=lambda n: -sum(len(words(t)) for t in lines[n]))
        kw = dict(n_boot=args.boot, n_perm=args.perm, seed=args.seed)
        comparisons = [("pair", a, b, lines[a], lines[b]) for i, a in enumerate(major) for b in major[i + 1 :]]
        for n in major:
            ls = lines[n][:]
            rng.shuffle(ls)
            half = len(ls) // 2
            comparisons.append(("control", n + " (1)", n + " (2)", ls[:half], ls[half:]))
        for kind, a, b, la, lb in comparisons:
            r = row(kind, folder.name, a, b, compare_pair(a, la, b, lb, **kw))
            rows.append(r)
            print(
                f"{kind:7} {folder.name[:22]:22} {a[:18]:18} {b[:18]:18} {r['words']:>6} {r['score']:5.2f} "
                f"{r['delta']:5.2f} {r['delta_part']:4.2f} {r['lsm']:5.3f} {r['lsm_part']:4.2f} {r['tag']:5.1%} "
                f"{r['chance']:6.1%} {r['n']:>5} {r['tag_part']:4.2f} {r['habits_part']:4.2f} {r['clear']:>5}",
                flush=True,
            )
    print("-" * len(head))
    print(f"{'summary':20} {'count':>5} {'score median':>12} {'[min, max]':>14} {'tag-chance':>10} "
          f"{'parts d/l/t/h (mean)':>22} {'clearly different (mean of 19)':>31}")
    for kind in ("pair", "control"):
        rs = [r for r in rows if r["kind"] == kind]
        if not rs:
            continue
        s = np.array([r["score"] for r in rs])
        gain = np.array([r["tag"] - r["chance"] for r in rs])
        parts = "/".join(f"{np.nanmean([r[k] for r in rs]):.2f}" for k in ("delta_part", "lsm_part", "tag_part", "habits_part"))
        clear = np.mean([r["clear"] for r in rs])
        print(f"{kind:20} {len(rs):>5} {np.median(s):12.2f} {f'[{s.min():.2f}, {s.max():.2f}]':>14} "
              f"{np.median(gain):10.1%} {parts:>22} {clear:31.1f}")
    print("-" * len(head))
    print(f"{'novel':28} {'pairs':>5} {'median':>6} {'max':>5} {'tag-chance':>10} {'controls':>8} {'max':>5}")
    for novel in dict.fromkeys(r["novel"] for r in rows):
        ps = [r for r in rows if r["novel"] == novel and r["kind"] == "pair"]
        cs = [r["score"] for r in rows if r["novel"] == novel and r["kind"] == "control"]
        if not ps:
            print(f"{novel:28} {0:>5} {'':>6} {'':>5} {'':>10} {len(cs):>8} {max(cs):5.2f}")
            continue
        sc = [r["score"] for r in ps]
        gain = float(np.median([r["tag"] - r["chance"] for r in ps]))
        print(f"{novel:28} {len(ps):>5} {np.median(sc):6.2f} {max(sc):5.2f} {gain:10.1%} {len(cs):>8} {max(cs):5.2f}")
    pairs = [r["score"] for r in rows if r["kind"] == "pair"]
    controls = [r["score"] for r in rows if r["kind"] == "control"]
    if pairs and controls:
        above = sum(p > max(controls) for p in pairs)
        print(f"pairs scoring above every control: {above}/{len(pairs)}; controls scoring 0: "
              f"{sum(c == 0 for c in controls)}/{len(controls)}")
    print(f"{len(rows)} comparisons in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
