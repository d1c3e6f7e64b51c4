"""A fingerprint of the kit's outputs: a hash of every ``quotes``, ``profile`` and ``compare`` JSON on fixed inputs.

Run:  python bench/output_hashes.py [--save FILE] [--check FILE]

A refactoring that must not change behaviour is checked by running this before and after: the same hashes mean
the same outputs, byte for byte. The inputs are the seed scene (../shared/scenes/safehouse.txt) without a cast,
the sample scene with its cast, and three novels of ../shared/pdnc with their cast files (each through the
command line, as a student would run it). Each command runs in a fresh process with a fixed PYTHONHASHSEED of 0,
so the hashes reflect the code, not the process. ``--save`` writes the table as JSON; ``--check`` compares
with a saved table and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NOVELS = ("DaisyMiller", "AlicesAdventuresInWonderland", "PrideAndPrejudice")


def inputs() -> list[tuple[str, list[str]]]:
    """(label, scene arguments) for every input that is present."""
    out: list[tuple[str, list[str]]] = [("sample scene", [])]
    seed = SHARED / "scenes" / "safehouse.txt"
    if seed.exists():
        out.append(("seed scene", [str(seed)]))
    for novel in NOVELS:
        folder = SHARED / "pdnc" / novel
        if folder.exists():
            out.append((novel, [str(folder / "text.txt"), "--cast", str(folder / "characters.json")]))
    return out


COMMANDS = {
    "quotes": ["quotes", "--format", "jsonl"],
    "profile": ["profile", "--format", "json"],
    "compare": ["compare", "--format", "json"],
}


def run(command: list[str], scene_args: list[str]) -> tuple[str, float]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "workshop", *command, *scene_args],
        cwd=ROOT, env=env, capture_output=True, check=False,
    )
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        return f"exit {done.returncode}: {done.stderr.decode(errors='replace').strip().splitlines()[-1:]}", seconds
    return hashlib.sha256(done.stdout).hexdigest()[:16], seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write the hashes to this JSON file")
    parser.add_argument("--check", type=Path, help="compare with hashes saved earlier; exit 1 on a difference")
    args = parser.parse_args(argv)
    table: dict[str, dict[str, str]] = {}
    print(f"{'input':30} " + " ".join(f"{c:>18}" for c in COMMANDS) + "   seconds")
    for label, scene_args in inputs():
        row, secs = {}, []
        for name, command in COMMANDS.items():
            row[name], s = run(command, scene_args)
            secs.append(s)
        table[label] = row
        print(f"{label:30} " + " ".join(f"{row[c]:>18}" for c in COMMANDS) + "   " + " ".join(f"{s:.1f}" for s in secs))
    if args.save:
        args.save.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.check:
        saved = json.loads(args.check.read_text(encoding="utf-8"))
        differ = [(i, c) for i in saved for c in saved[i] if table.get(i, {}).get(c) != saved[i][c]]
        print("same outputs as saved" if not differ else f"{len(differ)} outputs differ: {differ}")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
