"""Speaker attribution on the annotated novels laid out another way: a title, one blank line, one paragraph per line.

Run:  python bench/layouts.py [--novel NAME ...] [--pdnc PATH] [--no-cast]

Writers paste scenes from editors that end a paragraph with a single line break, often under a title and a blank
line. Each novel of ../shared/pdnc is rewritten that way (its hard-wrapped lines joined with spaces, one line per
paragraph, its name and one blank line on top; the gold spans moved with the text) and scored as bench/pdnc.py
scores it (bench/pdnc_score.py: a match overlapping half the gold piece, right when it names the gold speaker), on
the whole novel and on its first tenth (a scene-sized opening). The original layout is scored beside it, and for
Alice, whose dialogue is all in double quotes, the same two layouts with single quotes (British style) too.
Columns: pieces, detection precision/recall/F1, speaker accuracy; then the same on the first tenth (right/pieces).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pdnc import HELD_OUT  # noqa: E402
from pdnc_score import Novel, is_right, load_novel, match, narrator_names  # noqa: E402

from workshop.speakers.cast import load_cast  # noqa: E402
from workshop.speakers.dialogue import find_dialogue  # noqa: E402
from workshop.text.scene import scene_from_text  # noqa: E402

DEFAULT_PDNC = ROOT.parent / "shared" / "pdnc"
_SEPARATOR = re.compile(r"[ \t]*(?:\r?\n[ \t]*)+")
SINGLE_QUOTED = ("AlicesAdventuresInWonderland",)


def one_paragraph_per_line(novel: Novel) -> Novel:
    """The novel as "title, blank line, one paragraph per line", with its gold spans moved to match."""
    text = novel.text
    title = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", novel.name) + "\n\n"
    out = [title]
    length = len(title)
    new_at = [0] * (len(text) + 1)  # where each offset of the old text lands in the new one
    pos = 0
    for sep in _SEPARATOR.finditer(text):
        for i in range(pos, sep.start()):
            new_at[i] = length + i - pos
        out.append(text[pos : sep.start()])
        length += sep.start() - pos
        at_edge = sep.start() == 0 or sep.end() == len(text)
        joiner = "" if at_edge else "\n" if sep.group().count("\n") >= 2 else " "
        for i in range(sep.start(), sep.end()):
            new_at[i] = length
        out.append(joiner)
        length += len(joiner)
        pos = sep.end()
    for i in range(pos, len(text) + 1):
        new_at[i] = length + i - pos
    out.append(text[pos:])
    pieces = [replace(p, start=new_at[p.start], end=new_at[p.end]) for p in novel.pieces]
    return replace(novel, text="".join(out), pieces=pieces)


def single_quoted(novel: Novel) -> Novel:
    """Double quotation marks made single (the offsets do not move)."""
    return replace(novel, text=novel.text.replace('"', "'").replace("\u201c", "\u2018").replace("\u201d", "\u2019"))


def score(novel: Novel, cast, *, tenth: bool = False) -> dict:
    text = novel.text
    pieces = novel.pieces
    if tenth:
        cut = text.find("\n", len(text) // 10)
        text = text[: cut if cut > 0 else len(text)]
        pieces = [p for p in pieces if p.end <= len(text)]
    scene = scene_from_text(text, name=novel.name, detect_notes=False)
    dialogue = find_dialogue(scene, cast)
    preds = dialogue.segments
    narrators = narrator_names(dialogue.cast)
    matched = set()
    found = right = 0
    for piece, best in zip(pieces, match(pieces, preds)):
        if best is None:
            continue
        found += 1
        matched.add(best.index)
        right += is_right(novel, piece, best.speaker, lenient_names=cast is None, narrator_names=narrators)
    p = len(matched) / len(preds) if preds else 0.0
    r = found / len(pieces) if pieces else 0.0
    return {"pieces": len(pieces), "P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "right": right,
            "style": dialogue.style, "layout": [n.code for n in dialogue.notices if n.code == "layout"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=DEFAULT_PDNC)
    parser.add_argument("--novel", action="append", help="only this novel (repeatable)")
    parser.add_argument("--no-cast", action="store_true", help="leave the cast file out: the kit finds the cast")
    args = parser.parse_args(argv)
    folders = sorted(p for p in args.pdnc.iterdir() if (p / "quotes.jsonl").exists())
    if args.novel:
        folders = [f for f in folders if f.name in args.novel]
    header = (f"{'novel':30} {'layout':24} {'style':>6} {'pieces':>6} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6}"
              f"   {'first tenth':>12}")
    print(header)
    print("-" * len(header))
    for folder in folders:
        novel = load_novel(folder)
        cast = None if args.no_cast else load_cast(folder / "characters.json")
        versions = [("original", novel), ("title + one per line", one_paragraph_per_line(novel))]
        if folder.name in SINGLE_QUOTED:
            versions += [(f"{name}, single", single_quoted(v)) for name, v in versions]
        for layout, version in versions:
            r = score(version, cast)
            t = score(version, cast, tenth=True)
            label = folder.name + (" (held out)" if folder.name in HELD_OUT else "")
            print(f"{label:30} {layout:24} {r['style']:>6} {r['pieces']:>6} {r['P']:6.3f} {r['R']:6.3f} {r['F1']:6.3f} "
                  f"{r['right'] / r['pieces']:6.1%}   {t['right']:>5}/{t['pieces']:<6}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
