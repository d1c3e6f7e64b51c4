"""How the kit's time grows on pathological input: long runs of one pattern, at 10 kB, 100 kB and 1 MB.

Run:  python bench/pathological.py [--sizes 10000,100000,1000000] [--limit 120] [--pattern NAME ...]
                                   [--big PATH | --no-big]

Each pattern is repeated to the size, put between two short lines of dialogue (in the narration, or inside a
quotation: the words of a quotation go through the profile's tokenising), written to a file and run through the
whole library pipeline in a fresh process: read_scene (decoding, paragraphs, author's notes), find_dialogue
(quotes, names, attribution) and profile_dialogue (sentences, words, every measure). The time is the pipeline's
alone (imports and a warm-up on a small scene come first, untimed), the best of --repeat runs up to 100 kB (the
machine is shared: the best run is the least disturbed), in CPU seconds by default (``--clock wall`` for wall
time: on a busy machine the wall clock also counts the time other programs held the processor). A run longer
than --limit seconds (wall) is stopped and shown as ">LIMIT". The ratio is the 1 MB time over the 100 kB time:
about 10 when the cost grows linearly, about 100 when it grows with the square of the input.

Then a scene of about 20 MB (the twelve novels of ../shared/pdnc repeated, with a 100 kB block of each pattern
between them; or --big PATH) goes through ``python -m workshop critique`` in a fresh process: wall time and peak
memory (maximum resident set size) of that process, and the CPU seconds it used.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PDNC = ROOT.parent / "shared" / "pdnc"
BIG_BYTES = 19_900_000

PATTERNS: dict[str, tuple[str, str]] = {
    # name: (the repeated unit, where it goes: "narration" or "quote")
    "single quotes, one paragraph": ("'Hello,' she said. 'Go' ", "narration"),
    "single-quoted words": ("'a' ", "narration"),
    "unclosed double quotes": ("\u201ca ", "narration"),
    "straight double quotes": ('"a ', "narration"),
    "run of spaces": (" ", "narration"),
    "run of tabs": ("\t", "narration"),
    "spaces inside a quotation": (" ", "quote"),
    "spaced words": ("a" + " " * 50, "narration"),
    "one-letter words": ("a ", "narration"),
    "determiners": ("the ", "narration"),
    "one name repeated": ("Anna ", "narration"),
    "names and commas": ("Anna, ", "narration"),
    "a long speech": ("Well, I never said that, did I? ", "quote"),
    "one long word": ("x", "quote"),
    "dashes": ("\u2014", "narration"),
    "line breaks": ("\n", "narration"),
    "CJK dialogue": ("\u300c\u4f60\u597d\u300d\u5979\u8bf4\u3002", "narration"),
}

_RUNNER = r"""
import sys, time
from workshop.speakers.dialogue import find_dialogue
from workshop.voice.profile import profile_dialogue
from workshop.text.scene import read_scene, scene_from_text

profile_dialogue(find_dialogue(scene_from_text('"Hi," said Anna.\n\n"Bye," said Tom.')))  # warm-up
t0, c0 = time.perf_counter(), time.process_time()
scene = read_scene(sys.argv[1])
profile_dialogue(find_dialogue(scene))
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def scene_text(unit: str, where: str, size: int) -> str:
    body = (unit * (size // len(unit) + 1))[:size]
    if where == "quote":
        return f'"Hi," said Tom.\n\n"{body}," said Anna.\n\n"Bye," said Tom.\n'
    return f'"Hi," said Anna.\n\n{body}x\n\n"Bye," said Tom.\n'


def time_pipeline(path: Path, limit: float, clock: str = "cpu") -> float | None:
    """Seconds the pipeline takes on ``path`` in a fresh process (CPU or wall clock); None past ``limit``."""
    try:
        done = subprocess.run([sys.executable, "-c", _RUNNER, str(path)], capture_output=True, text=True,
                              timeout=limit + 30, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"the pipeline failed on {path}:\n{done.stderr[-2000:]}")
    wall, cpu = (float(x) for x in done.stdout.strip().splitlines()[-1].split())
    if wall > limit:
        return None
    return cpu if clock == "cpu" else wall


def big_scene(folder: Path) -> Path:
    """About 20 MB: the twelve novels repeated, with a 100 kB block of each pattern between them."""
    novels = [p.read_text(encoding="utf-8") for p in sorted(PDNC.glob("*/text.txt"))]
    if not novels:
        raise SystemExit(f"No novels in {PDNC}: give a scene with --big PATH.")
    blocks = [scene_text(unit, where, 100_000) for unit, where in PATTERNS.values()]
    parts: list[str] = []
    size = sum(len(b.encode()) + 2 for b in blocks)
    i = 0
    while size + len(novels[i % len(novels)].encode()) + 2 <= BIG_BYTES:
        parts.append(novels[i % len(novels)])
        size += len(parts[-1].encode()) + 2
        i += 1
    room = BIG_BYTES - size - 2
    if room > 0:  # topped up with the start of the next novel, cut at a paragraph
        head = novels[i % len(novels)].encode()[:room].decode("utf-8", "ignore")
        parts.append(head[: head.rfind("\n\n")] if "\n\n" in head else head)
    step = max(1, len(parts) // len(blocks))
    mixed: list[str] = []
    for k, part in enumerate(parts):
        mixed.append(part)
        if k % step == step - 1 and blocks:
            mixed.append(blocks.pop(0))
    path = folder / "big-scene.txt"
    path.write_text("\n\n".join(mixed + blocks), encoding="utf-8")
    return path


def run_critique(path: Path, out: Path, limit: float) -> tuple[float | None, float, float]:
    """Wall seconds (None past ``limit``), CPU seconds and peak memory in MB of ``python -m workshop critique``
    on ``path``."""
    argv = [sys.executable, "-m", "workshop", "critique", str(path), "-o", str(out), "--force"]
    with tempfile.TemporaryFile() as errors:
        t0 = time.perf_counter()
        child = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        timer = threading.Timer(limit, child.kill)
        timer.start()
        _pid, status, usage = os.wait4(child.pid, 0)  # (wait4: the peak memory of this child alone)
        seconds = time.perf_counter() - t0
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0 and seconds < limit:
            errors.seek(0)
            raise SystemExit(f"critique failed on {path}:\n{errors.read().decode()[-2000:]}")
    return (seconds if seconds < limit else None), usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def fmt(seconds: float | None, limit: float) -> str:
    return f">{limit:.0f}" if seconds is None else f"{seconds:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="sizes in characters, comma-separated")
    parser.add_argument("--limit", type=float, default=120.0, help="stop a run after this many seconds")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size up to 100 kB (the best is shown)")
    parser.add_argument("--pattern", action="append", help="only this pattern (repeatable)")
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                        help="seconds of CPU used by the pipeline (default: fair on a shared machine) or wall time")
    parser.add_argument("--big", type=Path, help="the large scene for the critique (default: built, ~20 MB)")
    parser.add_argument("--no-big", action="store_true", help="leave out the large critique")
    parser.add_argument("--big-limit", type=float, default=900.0, help="stop the large critique after this long")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [n for n in PATTERNS if not args.pattern or n in args.pattern]
    heads = [f"{s // 1000:,} kB" if s < 1_000_000 else f"{s / 1e6:g} MB" for s in sizes]
    header = f"{'pattern':30} {'where':9} " + " ".join(f"{h:>9}" for h in heads) + f" {'ratio':>7}"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in names:
            unit, where = PATTERNS[name]
            times: list[float | None] = []
            for size in sizes:
                if times and times[-1] is None:
                    times.append(None)  # the smaller size already ran past the limit
                    continue
                path = folder / "scene.txt"
                path.write_text(scene_text(unit, where, size), encoding="utf-8")
                repeat = args.repeat if size <= 100_000 else 1
                runs = [time_pipeline(path, args.limit, args.clock) for _ in range(repeat)]
                times.append(None if None in runs else min(runs))  # type: ignore[type-var]
            last, before = times[-1], times[-2] if len(times) > 1 else None
            ratio = f"{last / before:7.1f}" if last is not None and before else "      –"
            print(f"{name:30} {where:9} " + " ".join(f"{fmt(t, args.limit):>9}" for t in times) + f" {ratio}",
                  flush=True)
        if not args.no_big:
            path = args.big or big_scene(folder)
            seconds, cpu, peak = run_critique(path, folder / "critique.md", args.big_limit)
            print()
            print(f"{'critique of':30} {'MB':>9} {'wall s':>9} {'CPU s':>9} {'peak MB':>9}")
            print(f"{path.name:30} {path.stat().st_size / 1e6:9.1f} {fmt(seconds, args.big_limit):>9} {cpu:9.2f}"
                  f" {peak:9.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
