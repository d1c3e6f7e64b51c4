"""How fast the dialogue engine is on a whole novel, next to NLTK's Punkt splitting the same novel into sentences.

Run:  python bench/speed.py [NOVEL.txt] [--cast characters.json] [--repeat 3]
Default novel: Pride and Prejudice from ../shared/pdnc (690k characters). Prints a table of best-of-N wall times
and the peak memory (max RSS) of a fresh ``python -m workshop quotes`` process on the same novel.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nltk.tokenize.punkt import PunktSentenceTokenizer  # noqa: E402

from workshop.speakers.cast import load_cast  # noqa: E402
from workshop.speakers.dialogue import find_dialogue  # noqa: E402
from workshop.text.scene import read_scene  # noqa: E402

NOVEL = ROOT.parent / "shared" / "pdnc" / "PrideAndPrejudice"


def best_of(repeat: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - t0)
    return best, result


def peak_rss_mb(argv: list[str]) -> float:
    """Max resident memory of a child process running ``argv`` (Linux reports KiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("novel", nargs="?", type=Path, default=NOVEL / "text.txt")
    parser.add_argument("--cast", type=Path, default=NOVEL / "characters.json")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    text = args.novel.read_text(encoding="utf-8")
    cast = load_cast(args.cast) if args.cast and args.cast.exists() else None

    punkt, sentences = best_of(args.repeat, lambda: PunktSentenceTokenizer().tokenize(text))
    read, scene = best_of(args.repeat, lambda: read_scene(args.novel, detect_notes=False))
    found, dialogue = best_of(args.repeat, lambda: find_dialogue(scene, cast))
    whole = read + found
    rss = peak_rss_mb(
        [sys.executable, "-m", "workshop", "quotes", str(args.novel), "--format", "jsonl"]
        + (["--cast", str(args.cast)] if cast else [])
    )
    rows = [
        ("Punkt (untrained) sentence split", punkt, f"{len(sentences)} sentences"),
        ("read_scene", read, f"{len(scene.paragraphs)} paragraphs"),
        ("find_dialogue (quotes + speakers)", found, f"{len(dialogue.segments)} segments"),
        ("read + find_dialogue", whole, f"{whole / punkt:.2f}x Punkt (budget 2x)"),
    ]
    print(f"{args.novel.parent.name}/{args.novel.name}: {len(text):,} characters, best of {args.repeat}")
    print(f"{'step':38} {'seconds':>8}  notes")
    print("-" * 78)
    for name, seconds, note in rows:
        print(f"{name:38} {seconds:8.3f}  {note}")
    print(f"{'peak memory, python -m workshop quotes':38} {rss:7.0f}M  (budget 300 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
