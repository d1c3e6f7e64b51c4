"""Rebuild workshop/data/attribution/ranker.json: the weights of the speaker ranker (workshop/speakers/ranker.py).

Run:  python scripts/train_attribution.py [--pdnc PATH] [--l2 X] [--threshold P] [--passes N] [--dry-run]

Trains on the eight tuning novels of ../shared/pdnc only; the four held-out novels (bench/pdnc.py HELD_OUT) are
never read. For every utterance the rules resolved without a named tag, the engine lists its candidates with their
features exactly as it does when attributing (the rules' answers come from
workshop.speakers.attribution.read_by_rules, the features from workshop.speakers.features, the fit from
workshop.speakers.ranker_training); the annotated speaker of the utterance's first piece says which
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

sys.path.insert(0, str(ROOT / "bench"))

from pdnc_score import HELD_OUT, Novel, is_right, load_novel, narrator_names  # noqa: E402
from scenes import cut_windows  # noqa: E402

from workshop.speakers import features, ranker  # noqa: E402
from workshop.speakers.attribution import RulesAnswers, read_by_rules  # noqa: E402
from workshop.speakers.cast import load_cast  # noqa: E402
from workshop.speakers.dialogue import prepare_segments  # noqa: E402
from workshop.speakers.ranker_training import fit, weights_payload  # noqa: E402
from workshop.text.scene import read_scene, scene_from_text  # noqa: E402

OUT = ROOT / "workshop" / "data" / "attribution" / "ranker.json"


class Sample:
    """A text of a tuning novel run through the rules (the ranker not yet applied), with a test of the right
    speaker for each utterance (from the annotated speaker of its first piece)."""

    def __init__(self, name: str, rules: RulesAnswers, right: list) -> None:
        self.name = name  # the novel's name (leave-one-novel-out groups by it)
        self.data = rules.data
        self.found = rules.cast.source.startswith("found")
        self.rules = rules.answers
        self.answers = list(rules.answers)  # as the passes so far leave them
        self.right = right  # per utterance: a function name -> bool, or None when no piece is annotated there
        self.only: set[int] | None = None  # the utterances the next pass looks at (see ranker.context_changed)
        # the utterances the ranker may touch, as the rules leave them (the accuracy is measured on these)
        self.rankable = [k for k in range(len(self.rules)) if ranker.rankable(self.data, self.rules, k)]

    def _is_right(self, k: int, name: str | None) -> bool:
        return name is not None and self.right[k] is not None and self.right[k](name)

    def rows(self) -> list[dict]:
        """One record per rankable utterance in the present answers (only those in ``self.only`` when set):
        candidates, feature rows, the current answer and the right candidate (None when none is)."""
        out = []
        for k, answer in enumerate(self.answers):
            if (self.only is not None and k not in self.only) or not ranker.rankable(self.data, self.answers, k):
                continue
            names, rows = features.candidates(self.data, k, self.answers)
            out.append(
                {
                    "names": names,
                    "rows": np.array(rows, dtype=float).reshape(len(names), len(ranker.FEATURES)),
                    "rule": answer.speaker,
                    "gold": next((n for n in names if self._is_right(k, n)), None),
                    "annotated": self.right[k] is not None,
                }
            )
        return out

    def apply(self, weights: ranker.Weights) -> None:
        """One pass of the ranker with ``weights`` over the utterances in ``self.only``, as the kit runs it."""
        after = ranker.rank_pass(self.data, self.answers, weights, self.only)
        self.only = ranker.context_changed(self.data, self.answers, after)
        self.answers = after

    def accuracy(self) -> tuple[int, int, int]:
        """(right by the rules, right now, utterances) over the utterances the rules left without a named tag."""
        rules = sum(self._is_right(k, self.rules[k].speaker) for k in self.rankable)
        now = sum(self._is_right(k, self.answers[k].speaker) for k in self.rankable)
        return rules, now, len(self.rankable)


def _rules(scene, cast) -> RulesAnswers:
    """The dialogue of ``scene`` as the rules of ``find_dialogue(scene, cast)`` leave it, before the ranker."""
    ready = prepare_segments(scene, cast)
    return read_by_rules(scene, ready.segments, ready.speech, ready.cast)


def _first_pieces(novel: Novel, rules: RulesAnswers, offset: int) -> list:
    """For each utterance (reading the text from ``offset`` of the novel), the annotated piece its first quote
    matches, or None."""
    pieces = novel.pieces
    starts = [p.start for p in pieces]
    out = []
    for u in rules.data.utterances:
        a, b = u.start + offset, u.first_end + offset
        i = max(0, bisect.bisect_left(starts, a) - 3)
        found = None
        while i < len(pieces) and pieces[i].start < b:
            p = pieces[i]
            if min(p.end, b) - max(p.start, a) >= max(1, (p.end - p.start) / 2):
                found = p
                break
            i += 1
        out.append(found)
    return out


def novel_sample(folder: Path) -> Sample:
    """The whole novel with its cast file (the annotated speaker is the cast's canonical name)."""
    novel = load_novel(folder)
    rules = _rules(read_scene(folder / "text.txt", detect_notes=False), load_cast(folder / "characters.json"))
    right = [(lambda name, who=p.speaker: name == who) if p is not None else None
             for p in _first_pieces(novel, rules, 0)]
    return Sample(folder.name, rules, right)


def window_samples(folder: Path, seed: int = 0) -> list[Sample]:
    """The novel cut into scenes of 1,500-3,000 words (as bench/scenes.py cuts them) read without a cast file:
    the cast is the one discovery finds, and a name counts as the scoring of bench/scenes.py counts it (a
    narrator the kit created, a name only the annotated speaker bears)."""
    novel = load_novel(folder)
    out = []
    for window in cut_windows(novel, seed):
        rules = _rules(scene_from_text(novel.text[window.start : window.end], name=f"{novel.name}#{window.number}"), None)
        narrators = narrator_names(rules.cast)
        right = [
            (lambda name, piece=p: is_right(novel, piece, name, lenient_names=True, narrator_names=narrators,
                                            resolve_names=True))
            if p is not None else None
            for p in _first_pieces(novel, rules, window.start)
        ]
        out.append(Sample(folder.name, rules, right))
    return out


def as_weights(w: np.ndarray, threshold: float, coverage: float, coverage_found: float) -> ranker.Weights:
    return ranker.Weights(ranker.FEATURES, tuple(float(x) for x in w), threshold, coverage, coverage_found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=ROOT.parent / "shared" / "pdnc")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--windows", action="store_true",
                        help="train on the novels' scenes read without a cast file too (measured: no better on the "
                        "held-out novels, so the shipped weights are trained without them)")
    parser.add_argument("--dry-run", action="store_true", help="do not write the weights")
    args = parser.parse_args(argv)
    folders = sorted(
        p for p in args.pdnc.iterdir() if (p / "quotes.jsonl").exists() and p.name not in HELD_OUT
    )
    samples: list[Sample] = []
    for f in folders:
        samples.append(novel_sample(f))
        if args.windows:
            samples.extend(window_samples(f))
    names = [f.name for f in folders]
    # Each pass is trained on the contexts the passes before it give on a novel they were NOT trained on
    # (leave-one-novel-out), as they would on a new novel; its accuracy is measured the same way.
    final: list[tuple[np.ndarray, float, float]] = []
    for number in range(1, args.passes + 1):
        data = [(s, s.rows()) for s in samples]
        coverage = {}
        for found in (False, True):
            rows = [d for s, rs in data if s.found == found for d in rs if d["annotated"]]
            coverage[found] = sum(d["gold"] is not None for d in rows) / max(1, len(rows))
            if rows:
                    print(f"pass {number}: right speaker among the candidates for {coverage[found]:.1%} of {len(rows)} "
                      f"utterances {'without a cast file (windows)' if found else 'with the cast file'}")
        totals: dict[bool, list[int]] = {False: [0, 0, 0], True: [0, 0, 0]}
        for name in names:
            w = fit([d for s, rs in data if s.name != name for d in rs], args.l2)
            per: dict[bool, list[int]] = {False: [0, 0, 0], True: [0, 0, 0]}
            for s in samples:
                if s.name != name:
                    continue
                s.apply(as_weights(w, args.threshold, coverage[False], coverage[True]))
                per[s.found] = [a + b for a, b in zip(per[s.found], s.accuracy())]
            for found, (rules, now, count) in per.items():
                if count:
                    print(f"  {name:30} {'no cast' if found else 'cast':8} n {count:5}  rules {rules / count:6.1%}  "
                          f"ranker {now / count:6.1%}")
                    totals[found] = [a + b for a, b in zip(totals[found], (rules, now, count))]
        for found, (rules, now, count) in totals.items():
            if count:
                print(f"  {'leave-one-novel-out':30} {'no cast' if found else 'cast':8} n {count:5}  "
                      f"rules {rules / count:6.1%}  ranker {now / count:6.1%}")
        final.append((fit([d for _, rs in data for d in rs], args.l2), coverage[False],
                      coverage[True] if args.windows else coverage[False]))
    for number, (w, _, _) in enumerate(final, 1):
        print(f"pass {number} weights:")
        for name, value in sorted(zip(ranker.FEATURES, w), key=lambda kv: -abs(kv[1])):
            print(f"  {name:24} {value:+.3f}")
    if not args.dry_run:
        about = (
            "Weights of workshop/attribution_ranker.py, one set per pass, written by "
            "scripts/train_attribution.py from the tuning novels of ../shared/pdnc ("
            + ", ".join(names)
            + ("; whole with their cast files, and cut into scenes read without one" if args.windows else "")
            + f"); L2 {args.l2}; threshold: below this probability an utterance the rules left unknown stays "
            "unknown; coverage: the share of utterances whose right speaker was among the candidates (the "
            "confidence reported is the probability times it), with the cast file and (coverage_found) with a "
            "cast the kit found itself."
        )
        payload = weights_payload(about, args.threshold, final)
        OUT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
