"""Build workshop/data/norms.json: how characters in classic novels talk, as percentile tables per measure.

Run:  python scripts/build_norms.py [--pdnc ../shared/pdnc] [--min-words 500] [--out workshop/data/norms.json]

Reads the hand-attributed dialogue of the annotated novels in ../shared/pdnc (never copied into the project),
keeps the major and intermediate characters with at least --min-words words of dialogue, measures each one
(the profile's scalar measures, workshop.profile; the line-by-line measures of workshop.compare for any the
profile lacks), and writes ONLY figures: for each measure the 0th..100th percentiles over those characters, and for
each function word the mean and standard deviation of its rate (used by Burrows' Delta). No text, no names.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop.compare import LINE_METRICS, Line, line_counts, pieces_of, value  # noqa: E402
from workshop.stylometry import count_matrix, function_words, relative_frequencies, words  # noqa: E402

DEFAULT_PDNC = ROOT.parent / "shared" / "pdnc"
SKIP = {"share_of_words", "share_of_turns", "ttr"}
"""Left out of the norms: a share of the talk depends on the scene, and the raw type-token ratio on its length."""

NOVELS = {
    "PrideAndPrejudice": ("Pride and Prejudice", "Jane Austen", 1813),
    "Emma": ("Emma", "Jane Austen", 1815),
    "OliverTwist": ("Oliver Twist", "Charles Dickens", 1838),
    "HardTimes": ("Hard Times", "Charles Dickens", 1854),
    "AlicesAdventuresInWonderland": ("Alice's Adventures in Wonderland", "Lewis Carroll", 1865),
    "DaisyMiller": ("Daisy Miller", "Henry James", 1878),
    "TheSignOfTheFour": ("The Sign of the Four", "Arthur Conan Doyle", 1890),
    "TheInvisibleMan": ("The Invisible Man", "H. G. Wells", 1897),
    "TheAwakening": ("The Awakening", "Kate Chopin", 1899),
    "ARoomWithAView": ("A Room with a View", "E. M. Forster", 1908),
    "WinnieThePooh": ("Winnie-the-Pooh", "A. A. Milne", 1926),
    "TheSunAlsoRises": ("The Sun Also Rises", "Ernest Hemingway", 1926),
}


def character_lines(folder: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Each speaker's quotations (as :class:`workshop.compare.Line`: the text, pieces of one quotation joined by a
    space, that keeps its pieces, so that the measures count them piece by piece as the profile does) and each
    character's category."""
    chars = json.loads((folder / "characters.json").read_text(encoding="utf-8"))
    lines: dict[str, list[str]] = defaultdict(list)
    with (folder / "quotes.jsonl").open(encoding="utf-8") as fh:
        for raw in fh:
            q = json.loads(raw)
            pieces = q.get("subquotes") or [q["text"]]
            lines[q["speaker"]].append(Line(tuple(" ".join(p.split()) for p in pieces)))
    categories = {name: str(info.get("category")) for name, info in chars.items()}
    return dict(lines), categories


def selected_characters(pdnc: Path, min_words: int, categories=("major", "intermediate")):
    """(novel folder, character, lines) for every character kept."""
    out = []
    for folder in sorted(p for p in pdnc.iterdir() if (p / "quotes.jsonl").exists()):
        lines, cats = character_lines(folder)
        for name, ls in sorted(lines.items()):
            if cats.get(name) in categories and sum(len(words(t)) for t in ls) >= min_words:
                out.append((folder.name, name, ls))
    return out


def profile_values(name: str, lines: list[str]) -> dict[str, float]:
    """The profile's scalar measures for one character, when the profile module is there."""
    try:
        from workshop.profile import profile_texts
    except ImportError:
        return {}
    prof = profile_texts([pieces_of(t) for t in lines], name)
    return {k: float(v) for k, v in prof.scalar_metrics().items() if isinstance(v, (int, float)) and not isinstance(v, bool)}


def profile_catalogue() -> dict[str, dict]:
    try:
        from workshop.metrics import METRICS
    except ImportError:
        return {}
    return {name: {"label": info.label, "family": info.family} for name, info in METRICS.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=DEFAULT_PDNC)
    parser.add_argument("--min-words", type=int, default=500)
    parser.add_argument("--out", type=Path, default=ROOT / "workshop" / "data" / "norms.json")
    parser.add_argument("--no-profile", action="store_true", help="only the line-by-line measures")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    chosen = selected_characters(args.pdnc, args.min_words)
    print(f"{len(chosen)} characters with at least {args.min_words} words", file=sys.stderr)
    per_metric: dict[str, list[float]] = defaultdict(list)
    sources: dict[str, str] = {}
    labels: dict[str, tuple[str, str]] = {}
    token_lists = []
    per_novel: dict[str, int] = defaultdict(int)
    total_words = 0
    for i, (novel, name, ls) in enumerate(chosen):
        per_novel[novel] += 1
        toks = [t for line in ls for t in words(line)]
        token_lists.append(toks)
        total_words += len(toks)
        profiled = {} if args.no_profile else profile_values(name, ls)
        for key, v in profiled.items():
            if key not in SKIP and math.isfinite(v):
                per_metric[key].append(v)
                sources[key] = "profile"
        missing = [m for m in LINE_METRICS if m.name not in profiled]  # the profile's own measurement comes first
        counts = line_counts(ls, missing) if missing else {}
        for m in missing:
            v = value(counts[m.name], m)
            if math.isfinite(v):
                per_metric[m.name].append(v)
                sources[m.name] = "lines"
                labels[m.name] = (m.label, m.family)
        print(f"  {i + 1}/{len(chosen)} {novel}: {name}", file=sys.stderr)
    catalogue = profile_catalogue()
    for key, src in sources.items():
        if src == "profile":
            info = catalogue.get(key, {})
            labels[key] = (info.get("label", key.replace("_", " ")), info.get("family", ""))
    vocab = function_words()
    counts, totals = count_matrix(token_lists, vocab)
    rates = relative_frequencies(counts, totals)
    fw = {w: [round(float(rates[:, j].mean()), 7), round(float(rates[:, j].std(ddof=1)), 7)] for j, w in enumerate(vocab)}
    grid = np.arange(101)
    metrics = {}
    for key, vals in sorted(per_metric.items()):
        arr = np.array(vals)
        metrics[key] = {
            "label": labels[key][0],
            "family": labels[key][1],
            "source": sources[key],
            "n": len(arr),
            "percentiles": [round(float(x), 4) for x in np.percentile(arr, grid)],
        }
    novels = [
        {"title": NOVELS.get(n, (n, "", None))[0], "author": NOVELS.get(n, ("", "", None))[1],
         "year": NOVELS.get(n, ("", "", None))[2], "characters": per_novel[n]}
        for n in sorted(per_novel, key=lambda k: NOVELS.get(k, ("", "", 0))[2] or 0)
    ]
    years = [n["year"] for n in novels if n["year"]]
    data = {
        "corpus": {
            "name": "characters in classic novels",
            "description": (
                f"Dialogue of {len(chosen)} major and intermediate characters (at least {args.min_words} words each, "
                f"{total_words:,} words in all) from {len(novels)} English-language novels published "
                f"{min(years)}-{max(years)}, with every quotation attributed by hand (Project Dialogism Novel "
                "Corpus, Vishnubhotla, Hammond & Hirst 2022). Mostly 19th-century British fiction, plus two "
                "American novels of the 1920s and two children's books: the norms describe classic published "
                "fiction, not today's speech."
            ),
            "era": f"{min(years)}-{max(years)}",
            "characters": len(chosen),
            "words": total_words,
            "min_words": args.min_words,
            "novels": novels,
            "built_by": "scripts/build_norms.py",
        },
        "metrics": metrics,
        "function_words": fw,
    }
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(metrics)} measures, {len(fw)} function words) in {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
