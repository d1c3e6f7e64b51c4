"""How right are the shipped reference lines? Each line of workshop/data/references/*.toml (and each line the hand
check dropped) is looked up in the hand annotations of ../shared/pdnc, and the annotated speaker compared with the
character the line is shipped as. The annotations are read here only, to measure; nothing of them is shipped.

Run:  python bench/offline_references.py [--pdnc ../shared/pdnc] [--show]

Prints, per character: lines shipped, found in the annotations, of which the annotation names the same character;
the same for the lines the hand check dropped (how many of them the annotation also gives to someone else); with
--show, every shipped line the annotation gives to another character.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop.compare.offline_references import _fold, offline_characters, slug  # noqa: E402

FOLDERS = {"pride-and-prejudice": "PrideAndPrejudice", "alice-in-wonderland": "AlicesAdventuresInWonderland",
           "the-sign-of-the-four": "TheSignOfTheFour", "emma": "Emma"}
HELD_OUT = {"the-sign-of-the-four"}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def annotated(folder: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(normalised piece -> annotated speakers (a short piece may be said by several), speaker -> their folded
    names)."""
    by_piece: dict[str, set[str]] = {}
    for row in (folder / "quotes.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(row)
        for piece in q.get("subquotes") or [q["text"]]:
            key = _norm(piece)
            if len(key) >= 4:
                by_piece.setdefault(key, set()).add(q["speaker"])
    chars = json.loads((folder / "characters.json").read_text(encoding="utf-8"))
    names = {name: {_fold(a) for a in [name, *entry.get("aliases", [])]} for name, entry in chars.items()}
    return by_piece, names


def speakers_of(pieces, by_piece: dict[str, set[str]]) -> set[str]:
    """The annotated speakers of the longest piece of a line that the annotations have (empty: not found)."""
    for piece in sorted(pieces, key=len, reverse=True):
        key = _norm(piece)
        if key in by_piece:
            return by_piece[key]
    return set()


def dropped_lines() -> dict[str, list[dict[str, str]]]:
    """Every line the hand check dropped (misattributed ones only: not those damaged in the copy, or not speech)."""
    path = ROOT / "scripts" / "offline_references_dropped.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8")).get("character", {}) if path.exists() else {}
    return {k: [d for d in v if d["why"].startswith("not ") and not d["why"].startswith("not spoken")]
            for k, v in data.items()}


def annotated_by_start(starts: str, by_piece: dict[str, set[str]]) -> set[str]:
    key = _norm(starts)
    return {s for piece, who in by_piece.items() if piece.startswith(key[:30]) for s in who}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pdnc", type=Path, default=ROOT.parent / "shared" / "pdnc")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    for ch in offline_characters().values():
        by_piece, names = annotated(args.pdnc / FOLDERS[ch.work_key])
        mine = {_fold(n) for n in (ch.name, ch.full_name, *ch.aliases)}
        found = agree = 0
        for line in ch.lines:
            who = speakers_of(line, by_piece)
            if not who:
                continue
            found += 1
            if any(names.get(w, {_fold(w)}) & mine for w in who):
                agree += 1
            elif args.show:
                print(f"  {ch.full_name} <- annotated {', '.join(sorted(who))}: {' '.join(line)[:100]}")
        drops = dropped_lines().get(slug(ch.full_name), [])
        drop_found = drop_other = 0
        for d in drops:
            who = annotated_by_start(d["starts"], by_piece)
            if who:
                drop_found += 1
                drop_other += not any(names.get(w, {_fold(w)}) & mine for w in who)
        rows.append((ch.full_name + (" (held out)" if ch.work_key in HELD_OUT else ""), len(ch.lines), found, agree,
                     len(drops), drop_found, drop_other))
    print(f"{'character':28} {'shipped':>7} {'annotated':>9} {'same speaker':>12} {'share':>6}   "
          f"{'dropped as misattributed':>24} {'annotated':>9} {'someone else':>12}")
    for name, n, found, agree, dropped, dfound, dother in rows:
        share = f"{agree / found:.1%}" if found else "-"
        print(f"{name:28} {n:7} {found:9} {agree:12} {share:>6}   {dropped:24} {dfound:9} {dother:12}")
    t = [sum(r[i] for r in rows) for i in range(1, 7)]
    print(f"{'all':28} {t[0]:7} {t[1]:9} {t[2]:12} {t[2] / max(t[1], 1):6.1%}   {t[3]:24} {t[4]:9} {t[5]:12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
