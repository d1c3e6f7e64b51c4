"""Build workshop/data/norms.json: the kit's norms of characters in classic novels, as one output of
``python -m workshop norms build``.

Run:  python scripts/build_norms.py [--pdnc ../shared/pdnc] [--min-words 500] [--out workshop/data/norms.json]
      python scripts/build_norms.py --check            # build in a temporary file; how far from the shipped one?
      python scripts/build_norms.py --check --via kit  # ... with the kit's own attribution instead of the hand's

What it does: in a temporary folder (never in the repository; deleted afterwards) it writes each annotated novel of
../shared/pdnc as ``NN-Novel.txt`` with ``NN-Novel.cast.toml`` (its characters.json as a cast file) and the hand
attribution beside it, then runs ``python -m workshop norms build`` on that folder, and adds what only this script
knows to the corpus block (titles, authors, years of the novels; the era).

How the hand attribution reaches the command (``--via``):
- ``hand`` (the default): ``NN-Novel.quotes.jsonl``, every annotated quotation with its speaker, in the format of
  ``quotes --format jsonl`` (:mod:`workshop.speakers.hand_speakers`). The command measures exactly the annotated lines.
- ``corrections``: ``NN-Novel.corrections.toml``, one fix per annotated quotation; the kit finds the quotations
  itself and the fixes name their speakers where the kit's quotation is the annotated one (about 90% of them;
  the rest keep the kit's speaker).
- ``kit``: only the cast files: the speakers are the kit's own (about 85% right).

The shipped norms describe the novels' major and intermediate characters (PDNC's own categories): a minor
character's lines are written with no speaker (two minor characters pass 500 words: a union orator's speeches in
Hard Times and a spinster in A Room with a View). Only figures reach the output, never text or names.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop.files.atomic_write import write_file  # noqa: E402
from workshop.speakers.cast import cast_to_toml, load_cast  # noqa: E402
from workshop.cli.main import main as workshop_main  # noqa: E402
from workshop.compare.pairs import Line  # noqa: E402
from workshop.speakers.corrections import CONTEXT  # noqa: E402
from workshop.voice.tokens import words  # noqa: E402

DEFAULT_PDNC = ROOT.parent / "shared" / "pdnc"
SHIPPED = ROOT / "workshop" / "data" / "norms.json"
KEPT = ("major", "intermediate")

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


def novels_of(pdnc: Path) -> list[Path]:
    """The annotated novels, in the order of their folder names (the order the norms were first built in)."""
    return sorted(p for p in pdnc.iterdir() if (p / "quotes.jsonl").exists() and (p / "text.txt").exists())


def prepare(pdnc: Path, folder: Path, via: str, min_words: int) -> dict[str, int]:
    """Write the corpus folder; return how many characters of each novel the norms will keep."""
    kept: dict[str, int] = {}
    for number, novel in enumerate(novels_of(pdnc), 1):
        stem = f"{number:02d}-{novel.name}"
        text = (novel / "text.txt").read_text(encoding="utf-8")
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        (folder / f"{stem}.cast.toml").write_text(cast_to_toml(load_cast(novel / "characters.json")), encoding="utf-8")
        categories = {n: str(c.get("category")) for n, c in
                      json.loads((novel / "characters.json").read_text(encoding="utf-8")).items()}
        quotes = [json.loads(line) for line in (novel / "quotes.jsonl").open(encoding="utf-8") if line.strip()]
        if via == "hand":
            (folder / f"{stem}.quotes.jsonl").write_text(_quotes_file(quotes, categories), encoding="utf-8")
        elif via == "corrections":
            (folder / f"{stem}.corrections.toml").write_text(_corrections_file(quotes, categories, text),
                                                             encoding="utf-8")
        kept[novel.name] = _characters_kept(quotes, categories, min_words)
    return kept


def _speaker(q: dict, categories: dict[str, str]) -> str | None:
    return q["speaker"] if categories.get(q["speaker"]) in KEPT else None


def _pieces(q: dict) -> list[tuple[int, int, str]]:
    spans = q.get("spans") or [[q["start"], q["end"]]]
    texts = q.get("subquotes") or [q["text"]]
    if len(texts) != len(spans):
        raise SystemExit(f"quotation {q.get('id')}: {len(texts)} pieces but {len(spans)} spans")
    return [(a, b, t) for (a, b), t in zip(spans, texts)]


def _quotes_file(quotes: list[dict], categories: dict[str, str]) -> str:
    rows = []
    for utterance, q in enumerate(quotes):
        for start, end, piece in _pieces(q):
            rows.append(json.dumps({"start": start, "end": end, "text": piece, "speaker": _speaker(q, categories),
                                    "utterance": utterance}, ensure_ascii=False))
    return "\n".join(rows) + "\n"


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _corrections_file(quotes: list[dict], categories: dict[str, str], text: str) -> str:
    lines = ["# Speaker corrections from the PDNC annotations (scripts/build_norms.py --via corrections)", ""]
    for q in quotes:
        for start, end in q.get("spans_trimmed") or q.get("spans") or [[q["start"], q["end"]]]:
            lines += ["[[fix]]", f"start = {start}", f"quote = {_toml(text[start:end])}",
                      f"before = {_toml(text[max(0, start - CONTEXT):start])}",
                      f"after = {_toml(text[end:end + CONTEXT])}", f"speaker = {_toml(_speaker(q, categories) or '')}",
                      ""]
    return "\n".join(lines)


def _characters_kept(quotes: list[dict], categories: dict[str, str], min_words: int) -> int:
    """How many characters of the novel reach ``min_words`` words (as the command counts them)."""
    counts: dict[str, int] = {}
    for q in quotes:
        name = _speaker(q, categories)
        if name is not None:
            line = Line(tuple(" ".join(t.split()) for _a, _b, t in _pieces(q)))
            counts[name] = counts.get(name, 0) + len(words(line))
    return sum(1 for n in counts.values() if n >= min_words)


def classic_corpus(corpus: dict, kept: dict[str, int], via: str) -> dict:
    """The command's corpus block, with what only this script knows: the novels, their years, the era."""
    novels = [{"title": NOVELS.get(n, (n, "", None))[0], "author": NOVELS.get(n, ("", "", None))[1],
               "year": NOVELS.get(n, ("", "", None))[2], "characters": kept[n]}
              for n in sorted(kept, key=lambda k: NOVELS.get(k, ("", "", 0))[2] or 0) if kept[n]]
    years = [n["year"] for n in novels if n["year"]]
    attributed = {"hand": "with every quotation attributed by hand",
                  "corrections": "with the quotations attributed by hand where the kit found them as annotated",
                  "kit": "with the quotations attributed by the kit (not by hand)"}[via]
    description = (
        f"Dialogue of {corpus['characters']} major and intermediate characters (at least {corpus['min_words']} words "
        f"each, {corpus['words']:,} words in all) from {len(novels)} English-language novels published "
        f"{min(years)}-{max(years)}, {attributed} (Project Dialogism Novel Corpus, Vishnubhotla, Hammond & Hirst "
        "2022). Mostly 19th-century British fiction, plus two American novels of the 1920s and two children's "
        "books: the norms describe classic published fiction, not today's speech."
    )
    out = dict(corpus)
    out.update({"name": "characters in classic novels", "population": "characters in classic novels",
                "description": description, "era": f"{min(years)}-{max(years)}", "novels": novels,
                "built_by": "scripts/build_norms.py (python -m workshop norms build)"})
    return out


def differences(new: dict, old: dict) -> list[tuple[str, float, float, int, int]]:
    """Per measure: largest difference of a percentile, the same as a share of the measure's range, n new/old."""
    out = []
    for name in sorted(set(new["metrics"]) | set(old["metrics"])):
        a, b = new["metrics"].get(name), old["metrics"].get(name)
        if a is None or b is None:
            out.append((name, float("inf"), float("inf"), a["n"] if a else 0, b["n"] if b else 0))
            continue
        pa, pb = np.array(a["percentiles"]), np.array(b["percentiles"])
        diff = np.abs(pa - pb)
        span = float(pb[-1] - pb[0]) or 1.0
        out.append((name, float(diff.max()), float(diff.max()) / span, float(diff[5:96].max()) / span,
                    float(diff[50]) / span, a["n"], b["n"]))
    return sorted(out, key=lambda r: -r[2])


def report(new: dict, old: dict, top: int) -> bool:
    """Print how far the rebuilt norms are from the shipped ones; True when every figure agrees to its rounding."""
    rows = differences(new, old)
    print(f"characters {new['corpus']['characters']} (shipped {old['corpus']['characters']}), words "
          f"{new['corpus']['words']:,} (shipped {old['corpus']['words']:,}), measures {len(new['metrics'])} "
          f"(shipped {len(old['metrics'])})")
    print("Largest difference of a percentile (0th-100th), in the measure's unit and as a share of the shipped "
          "range (100th - 0th percentile); then the largest between the 5th and 95th, and at the median.")
    print(f"{'measure':34} {'largest':>10} {'of range':>9} {'5th-95th':>9} {'median':>8} {'n new/old':>10}")
    for name, biggest, share, middle, median, n_new, n_old in rows[:top]:
        print(f"{name:34} {biggest:10.4f} {share:9.1%} {middle:9.1%} {median:8.1%} {n_new:>5}/{n_old:<4}")
    fw_new, fw_old = new.get("function_words", {}), old.get("function_words", {})
    fw = max((abs(x - y) for w in fw_old for x, y in zip(fw_new.get(w, [np.inf, np.inf]), fw_old[w])), default=0.0)
    print(f"function words: {len(fw_new)} (shipped {len(fw_old)}); largest difference of a mean or sd: {fw:.7f}")
    same = all(row[1] <= 0.00015 for row in rows) and fw <= 2e-7
    print("the rebuilt norms agree with the shipped ones to their rounding" if same else
          "the rebuilt norms differ from the shipped ones (see above)")
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=DEFAULT_PDNC)
    parser.add_argument("--min-words", type=int, default=500)
    parser.add_argument("--out", type=Path, default=SHIPPED)
    parser.add_argument("--via", choices=["hand", "corrections", "kit"], default="hand",
                        help="how the speakers reach the command (default: hand-attributed quotes files)")
    parser.add_argument("--check", action="store_true",
                        help="build in a temporary file and print how far it is from --out (nothing is written)")
    parser.add_argument("--top", type=int, default=10, help="measures shown by --check (most different first)")
    parser.add_argument("--jobs", type=int, help="texts read at once (default: the machine's cores)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="vw-norms-") as tmp:
        corpus, built = Path(tmp) / "pdnc", Path(tmp) / "norms.json"
        corpus.mkdir()
        kept = prepare(args.pdnc, corpus, args.via, args.min_words)
        command = ["norms", "build", str(corpus), "-o", str(built), "--name", "classic novels",
                   "--min-words", str(args.min_words)] + (["--jobs", str(args.jobs)] if args.jobs else [])
        status = workshop_main(command)
        if status != 0:
            return status
        data = json.loads(built.read_text(encoding="utf-8"))
    if sum(kept.values()) != data["corpus"]["characters"]:
        print(f"the command kept {data['corpus']['characters']} characters; the hand attribution has "
              f"{sum(kept.values())} major and intermediate characters with {args.min_words} words", file=sys.stderr)
        if args.via == "hand" or not args.check:
            return 1
    data["corpus"] = classic_corpus(data["corpus"], kept, args.via)
    seconds = time.perf_counter() - started
    if args.check:
        old = json.loads(args.out.read_text(encoding="utf-8"))
        same = report(data, old, args.top)
        print(f"({seconds:.0f} s, speakers via {args.via})")
        return 0 if same else 1
    write_file(args.out, json.dumps(data, indent=1, ensure_ascii=False) + "\n", force=True)
    print(f"wrote {args.out} ({len(data['metrics'])} measures, {len(data['function_words'])} function words, "
          f"{data['corpus']['characters']} characters) in {seconds:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
