"""How long a folder takes: ``python -m workshop critique FOLDER -o OUTDIR`` on one core and on all of them.

Run:  python bench/batch.py [--pdnc ../shared/pdnc] [--format md|html] [--repeat 1]

Two folders, each built in a temporary folder (never in the repository) and run through the command line as a
teacher runs it, in a fresh process each time (so start-up and the first loading of the kit's tables count):

- the twelve annotated novels of ../shared/pdnc as one folder, each ``NOVEL.txt`` with its characters.json turned
  into ``NOVEL.cast.toml`` beside it;
- a class's folder: the team's own scenes in texts/ and variants of them (renamed, cut, curly quotes, Markdown,
  Windows line ends, Latin-1, three broken on purpose): the 30 scenes of tests/class_folder.py.

For each, the wall time with ``--jobs 1`` and with ``--jobs`` = the cores this process may use, the scenes per
second and the words per second. The outputs of the two runs are compared byte for byte (they must agree).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from class_folder import make_class_folder  # noqa: E402
from workshop.speakers.cast import cast_to_toml, load_cast  # noqa: E402
from workshop.cli.parallel import default_jobs  # noqa: E402

DEFAULT_PDNC = ROOT.parent / "shared" / "pdnc"


def novels_folder(pdnc: Path, folder: Path) -> None:
    folder.mkdir(parents=True)
    for novel in sorted(p for p in pdnc.iterdir() if (p / "text.txt").exists()):
        (folder / f"{novel.name}.txt").write_bytes((novel / "text.txt").read_bytes())
        cast = cast_to_toml(load_cast(novel / "characters.json"))
        (folder / f"{novel.name}.cast.toml").write_text(cast, encoding="utf-8")


def words_in(folder: Path) -> int:
    total = 0
    for path in folder.iterdir():
        if path.suffix in (".txt", ".md") and not path.name.endswith(".toml"):
            total += len(path.read_bytes().split())
    return total


def timed_run(folder: Path, out: Path, jobs: int, fmt: str) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system, all processes of the run) and the load average before it."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    load = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "workshop", "critique", str(folder), "-o", str(out), "--jobs",
                           str(jobs), "--format", fmt, "--force"], capture_output=True, text=True, cwd=ROOT, env=env)
    seconds = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    if done.returncode != 0:
        raise SystemExit(f"critique {folder} failed ({done.returncode}): {last}")
    return seconds, cpu, load, last


def same_outputs(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    return all(filecmp.cmp(a / n, b / n, shallow=False) for n in names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=DEFAULT_PDNC)
    parser.add_argument("--format", choices=["md", "html"], default="md", help="the critiques' format (default md)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (the fastest is shown)")
    args = parser.parse_args(argv)
    cores = default_jobs()
    rows = []
    with tempfile.TemporaryDirectory(prefix="vw-bench-batch-") as tmp:
        tmp_path = Path(tmp)
        folders = []
        if args.pdnc.exists():
            novels_folder(args.pdnc, tmp_path / "novels")
            folders.append(("12 PDNC novels, novel cast", tmp_path / "novels"))
        make_class_folder(tmp_path / "class")
        folders.append(("class: texts/ + variants", tmp_path / "class"))
        for label, folder in folders:
            scenes = len([p for p in folder.iterdir() if p.suffix in (".txt", ".md")])
            words = words_in(folder)
            outs = {}
            for jobs in sorted({1, cores}):
                best = (float("inf"), 0.0, 0.0)
                summary = ""
                for _ in range(args.repeat):
                    outs[jobs] = tmp_path / f"out-{folder.name}-{jobs}"
                    seconds, cpu, load, summary = timed_run(folder, outs[jobs], jobs, args.format)
                    best = min(best, (seconds, cpu, load))
                done = int(summary.split("Wrote ")[1].split(" ")[0]) if "Wrote " in summary else 0
                rows.append((label, scenes, done, words, jobs, *best))
            agree = same_outputs(outs[1], outs[cores]) if len(outs) == 2 else True
            rows.append((label, "agree" if agree else "DIFFER", None, None, None, None, None, None))
    print(f"critique FOLDER -o OUTDIR --format {args.format}; {cores} core(s) available to this process; wall time "
          "of the whole command (a fresh process); cpu = user + system seconds of all its processes; load = the "
          "machine's load average (1 min) when it started: on a shared machine the cores may be busy with others")
    print(f"{'folder':28} {'scenes':>6} {'done':>5} {'words':>9} {'jobs':>4} {'wall s':>7} {'cpu s':>6} {'load':>5} "
          f"{'scenes/s':>9} {'words/s':>8} {'speed-up':>8}")
    base: dict[str, float] = {}
    for label, scenes, done, words, jobs, seconds, cpu, load in rows:
        if done is None:
            print(f"{'':28} outputs of 1 core and {cores} cores byte for byte: {scenes}")
            continue
        base.setdefault(label, seconds)
        print(f"{label:28} {scenes:>6} {done:>5} {words:>9,} {jobs:>4} {seconds:>7.1f} {cpu:>6.1f} {load:>5.1f} "
              f"{scenes / seconds:>9.2f} {words / seconds:>8,.0f} {base[label] / seconds:>7.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
