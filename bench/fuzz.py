"""Fuzz the kit with hostile input for a few minutes and count what breaks.

Run:  python bench/fuzz.py [--minutes 10] [--scale 3] [--save DIR]

The generators and invariants are those of tests/hostile.py (tests/test_fuzz.py runs them briefly in every test
run): random unicode, quotation marks of every style, unbalanced quotes, long runs, mixed line endings, mixed
encodings, binary junk, huge paragraphs (``--scale`` times the test suite's sizes), and cast and corrections files
with fields of the wrong type. Each input goes through the kit (scene_from_text or read_scene, find_dialogue,
load_cast or a corrections file), batch after batch of fresh random examples, until the time is up. A traceback
is any exception but a one-line WorkshopError. Then the same texts are run in two fresh processes with different
hash seeds, which must give the same output.

Prints, per kind of input and in all: inputs tried, tracebacks, invariant violations, unclosed quotations warned
out of those found, and the slowest input. With --save DIR the failing inputs are written there (repr, one file each).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from hostile import (STYLES, cast_files, check_bytes, check_cast_file, check_corrections_file,  # noqa: E402
                     check_text, corrections_files, hostile_bytes, hostile_texts)

BATCH = 40
HASH_SEED_TEXTS = 30
_OUTCOME = r"""
import hashlib, json, sys
from workshop import find_dialogue, scene_from_text
from workshop.errors import WorkshopError
digest = hashlib.sha256()
for text in json.load(sys.stdin):
    try:
        d = find_dialogue(scene_from_text(text))
        digest.update(json.dumps([d.style, [s.to_dict() for s in d.segments], [str(n) for n in d.notices]]).encode())
    except WorkshopError as exc:
        digest.update(str(exc).encode())
print(digest.hexdigest())
"""


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, Counter] = {}
        self.slowest: dict[str, float] = {}
        self.failures: list[tuple[str, object, list[str]]] = []
        self.texts: list[str] = []

    def add(self, kind: str, example: object, report, seconds: float) -> None:
        c = self.counts.setdefault(kind, Counter())
        c["inputs"] += 1
        c["tracebacks"] += len(report.tracebacks)
        c["violations"] += len(report.violations)
        c["unclosed found"] += report.unclosed_found
        c["unclosed warned"] += report.unclosed_warned
        self.slowest[kind] = max(self.slowest.get(kind, 0.0), seconds)
        if not report.ok:
            self.failures.append((kind, example, report.tracebacks + report.violations))
        if kind == "text" and len(self.texts) < HASH_SEED_TEXTS and isinstance(example, str):
            self.texts.append(example)


def run_batch(kind: str, strategy, check, tally: Tally, stop_at: float) -> None:
    @settings(max_examples=BATCH, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def batch(example):
        if time.monotonic() >= stop_at:
            return
        t0 = time.perf_counter()
        report = check(example)
        tally.add(kind, example, report, time.perf_counter() - t0)

    batch()


def same_output_across_hash_seeds(texts: list[str]) -> bool:
    digests = set()
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", _OUTCOME], input=json.dumps(texts), capture_output=True,
                              text=True, cwd=ROOT, env={"PYTHONHASHSEED": seed, "PATH": ""}, timeout=600)
        digests.add(done.stdout.strip() or done.stderr[-300:])
    return len(digests) == 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--scale", type=int, default=3, help="sizes of the text inputs, times the test suite's")
    parser.add_argument("--save", type=Path, help="write the failing inputs to this folder")
    args = parser.parse_args(argv)
    kinds = [
        ("text", hostile_texts(args.scale), check_text),
        ("text, forced style", st.tuples(hostile_texts(args.scale), st.sampled_from(STYLES)),
         lambda pair: check_text(*pair)),
        ("file bytes", hostile_bytes(), check_bytes),
        ("cast file", cast_files(), lambda f: check_cast_file(*f)),
        ("corrections file", corrections_files(), lambda f: check_corrections_file(*f)),
    ]
    tally = Tally()
    started = time.monotonic()
    stop_at = started + 60 * args.minutes
    while time.monotonic() < stop_at:
        for kind, strategy, check in kinds:
            run_batch(kind, strategy, check, tally, stop_at)
    seconds = time.monotonic() - started
    seeds_agree = same_output_across_hash_seeds(tally.texts)

    header = f"{'input':20} {'inputs':>8} {'tracebacks':>10} {'violations':>10} {'unclosed warned/found':>22} {'slowest s':>9}"
    print(f"Fuzzed for {seconds / 60:.1f} minutes (scale {args.scale}).")
    print(header)
    print("-" * len(header))
    total: Counter = Counter()
    for kind, _strategy, _check in kinds:
        c = tally.counts.get(kind, Counter())
        total.update(c)
        print(f"{kind:20} {c['inputs']:>8,} {c['tracebacks']:>10} {c['violations']:>10} "
              f"{c['unclosed warned']:>10,} / {c['unclosed found']:<9,} {tally.slowest.get(kind, 0.0):9.2f}")
    print("-" * len(header))
    print(f"{'all':20} {total['inputs']:>8,} {total['tracebacks']:>10} {total['violations']:>10} "
          f"{total['unclosed warned']:>10,} / {total['unclosed found']:<9,} {max(tally.slowest.values(), default=0):9.2f}")
    print(f"Same output under two hash seeds ({len(tally.texts)} texts, fresh processes): "
          f"{'yes' if seeds_agree else 'NO'}")
    for kind, example, problems in tally.failures[:10]:
        print(f"\n{kind}: {problems[0][:600]}\n  input: {example!r:.300}")
    if args.save and tally.failures:
        args.save.mkdir(parents=True, exist_ok=True)
        for i, (kind, example, problems) in enumerate(tally.failures):
            name = hashlib.sha1(repr(example).encode()).hexdigest()[:10]
            (args.save / f"{i:04d}-{name}.txt").write_text(f"{kind}\n{problems}\n{example!r}\n", encoding="utf-8")
    return 0 if not tally.failures and seeds_agree else 1


if __name__ == "__main__":
    raise SystemExit(main())
