"""Speaker attribution on scenes the size a student brings: windows of 1,500-3,000 words cut from the novels.

Run:  python bench/scenes.py [--novel NAME ...] [--seed N] [--errors N] [--pdnc PATH]

Each novel of ../shared/pdnc is cut into consecutive windows at paragraph boundaries, each window's length drawn
between 1,500 and 3,000 words from a generator seeded with the novel's name and ``--seed`` (so the same windows come
out on every run and machine). Every window is then read as a scene of its own, as the command line reads a file
(author's-note detection on), and attributed three ways:

- ``no cast``: no cast file, the kit finds the characters itself (what a student gets without a cast file);
- ``scene cast``: a cast file naming only the characters who speak in the window, with their names and pronouns
  from characters.json (what a student writes, or confirms, for their own scene);
- ``novel cast``: the novel's whole cast file (what bench/pdnc.py uses for the whole novel).

Scoring is that of bench/pdnc.py (see bench/pdnc_score.py): per gold piece lying wholly inside a window, a match
overlapping half the piece, right when it names the gold speaker. Without a cast, names are compared case- and
punctuation-blind, a narrator the kit created counts for the novel's first-person narrator when it is called
"Narrator" or by one of the narrator's names (not when the kit named it after someone else), and a name that only
the gold speaker bears by the kit's own name rules counts for them (never through a title of the other gender)
("Bill" for Bill Gorton, whose characters.json entry lists only "Bill Gorton"; see bench/pdnc_score.py). The
figure without that last step ("names as listed") is printed too.

Reported apart: the pieces of the first 10 quotations of each window (a scene that opens mid-conversation), and
the pieces spoken by a novel's first-person narrator. The novels marked "(held out)" are kept out of all tuning
(rules and ranker weights alike), as in bench/pdnc.py; the "held out" and "tuned on" rows pool them apart. Then the
confidence the kit gave against its accuracy, per band, for each way.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pdnc import HELD_OUT  # noqa: E402
from pdnc_score import Novel, Piece, is_right, load_novel, match, narrator_names  # noqa: E402

from workshop.speakers.cast import Cast, Character, load_cast  # noqa: E402
from workshop.speakers.dialogue import find_dialogue  # noqa: E402
from workshop.text.scene import scene_from_text  # noqa: E402

DEFAULT_PDNC = ROOT.parent / "shared" / "pdnc"
MODES = ("no cast", "scene cast", "novel cast")
MIN_WORDS, MAX_WORDS = 1500, 3000
OPENING = 10
"""The first this many quotations of a window are its opening, reported apart."""
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_GENDER = {"F": "she", "M": "he"}


@dataclass(frozen=True)
class Window:
    novel: str
    number: int
    start: int
    end: int
    words: int


def cut_windows(novel: Novel, seed: int) -> list[Window]:
    """Consecutive windows of MIN_WORDS-MAX_WORDS words covering the novel, cut where a paragraph ends."""
    rng = random.Random(f"{novel.name}-{seed}")
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(novel.text)] + [len(novel.text)]
    windows: list[Window] = []
    start, words, target = 0, 0, rng.randint(MIN_WORDS, MAX_WORDS)
    pos = 0
    for b in breaks:
        words += len(novel.text[pos:b].split())
        pos = b
        if words >= target:
            windows.append(Window(novel.name, len(windows), start, b, words))
            start, words, target = b, 0, rng.randint(MIN_WORDS, MAX_WORDS)
    if words >= MIN_WORDS // 2 and start < len(novel.text):
        windows.append(Window(novel.name, len(windows), start, len(novel.text), words))
    return windows


def scene_cast(novel: Novel, speakers: set[str]) -> Cast:
    """The cast file a writer would give for a window: the characters who speak in it."""
    characters = []
    for name in sorted(speakers):
        info = novel.characters.get(name, {})
        aliases = tuple(a for a in info.get("aliases", []) if a != name)
        characters.append(Character(name, aliases, _GENDER.get(str(info.get("gender")))))
    return Cast(characters, source="file")


@dataclass
class Tally:
    right: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.right += int(ok)

    def __iadd__(self, other: "Tally") -> "Tally":
        self.right += other.right
        self.n += other.n
        return self

    def rate(self) -> str:
        return f"{self.right / self.n:6.1%}" if self.n else f"{'-':>6}"


NAMED = ("explicit", "script")
"""Methods that mean a tag (or a script) names the speaker."""


@dataclass
class Exchanges:
    multi: set[int]  # exchanges of two utterances or more
    tagged: set[int]  # exchanges with at least one utterance named by a tag


def exchanges(scene, segments) -> tuple[dict[int, int], Exchanges]:
    """The exchange of every segment (by index), as the kit links utterances (at most LINK_PARAGRAPHS paragraphs
    and LINK_CHARS characters of narration between two of them), and which exchanges hold several utterances and a
    named tag. Used to score two-person exchanges apart."""
    from workshop.speakers.attribution import LINK_CHARS, LINK_PARAGRAPHS

    paragraphs = scene.paragraphs
    by_utterance: dict[int, list] = defaultdict(list)
    for seg in segments:
        by_utterance[seg.utterance].append(seg)
    exchange_of: dict[int, int] = {}
    sizes: Counter = Counter()
    tagged: set[int] = set()
    number, last_paragraph = -1, None
    for _, segs in sorted(by_utterance.items()):
        first, last = segs[0].paragraph, segs[-1].paragraph
        linked = (
            last_paragraph is not None
            and first - last_paragraph <= LINK_PARAGRAPHS
            and paragraphs[first].start - paragraphs[last_paragraph].end < LINK_CHARS
        )
        if not linked:
            number += 1
        sizes[number] += 1
        last_paragraph = last
        for seg in segs:
            exchange_of[seg.index] = number
            if seg.method in NAMED:
                tagged.add(number)
    return exchange_of, Exchanges({n for n, size in sizes.items() if size >= 2}, tagged)


def score_window(novel: Novel, window: Window, mode: str, novel_cast: Cast, results: dict, errors: list | None):
    inside = [p for p in novel.pieces if window.start <= p.start and p.end <= window.end]
    if not inside:
        return
    text = novel.text[window.start : window.end]
    scene = scene_from_text(text, name=f"{novel.name}#{window.number}")
    if mode == "no cast":
        cast = None
    elif mode == "scene cast":
        cast = scene_cast(novel, {p.speaker for p in inside})
    else:
        cast = novel_cast
    dialogue = find_dialogue(scene, cast)
    narr = narrator_names(dialogue.cast)
    lenient = mode == "no cast"
    matched = match(inside, dialogue.segments, offset=window.start)
    opening_quotes = sorted({p.quote for p in inside})[:OPENING]
    r = results[mode]
    exchange_of, named = exchanges(scene, dialogue.segments)
    gold_in: dict[int, set[str]] = defaultdict(set)  # exchange -> the annotated speakers of its pieces
    for piece, seg in zip(inside, matched):
        if seg is not None:
            gold_in[exchange_of[seg.index]].add(piece.speaker)
    for piece, seg in zip(inside, matched):
        ok = seg is not None and is_right(
            novel, piece, seg.speaker, lenient_names=lenient, narrator_names=narr, resolve_names=lenient
        )
        r["all"].add(ok)
        r["as listed"].add(seg is not None and is_right(novel, piece, seg.speaker, lenient_names=lenient, narrator_names=narr))
        if seg is not None and seg.method not in NAMED:
            exchange = exchange_of[seg.index]
            pair = gold_in[exchange]
            if len(pair) == 2 and exchange in named.multi:
                r["pair"].add(ok)
                outside = seg.speaker is not None and not any(
                    is_right(novel, Piece(piece.start, piece.end, who, "", -1), seg.speaker, lenient_names=lenient,
                             narrator_names=narr) for who in pair)
                r["pair outside"].add(outside)
            if exchange in named.multi and exchange not in named.tagged:
                r["no tag"].add(ok)
        r["opening" if piece.quote in opening_quotes else "rest"].add(ok)
        if piece.speaker == novel.narrator:
            r["narrator"].add(ok)
        if seg is not None and seg.speaker is not None:
            r[f"band{min(9, int(seg.confidence * 10))}"].add(ok)
        elif seg is not None:
            r["unknown"].add(False)
        if not ok and errors is not None:
            context = novel.text[max(window.start, piece.start - 100) : piece.end + 40].replace("\n", " ")
            errors.append((mode, window.number, piece.speaker, seg.speaker if seg else "(missed)",
                           seg.method if seg else "", context))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdnc", type=Path, default=DEFAULT_PDNC)
    parser.add_argument("--novel", action="append", help="only this novel (repeatable)")
    parser.add_argument("--seed", type=int, default=0, help="the windows' seed (default 0)")
    parser.add_argument("--mode", action="append", choices=MODES, help="only this way of running (repeatable)")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per novel and way")
    args = parser.parse_args(argv)
    modes = tuple(args.mode or MODES)
    folders = sorted(p for p in args.pdnc.iterdir() if (p / "quotes.jsonl").exists())
    if args.novel:
        folders = [f for f in folders if f.name in args.novel]

    cols = "".join(f" {m:>10}" for m in modes)
    header = f"{'novel':30} {'windows':>7} {'pieces':>6}{cols} {'open':>6} {'rest':>6} {'narr':>6} {'n narr':>6}"
    print("Speaker accuracy on windows of 1,500-3,000 words (open/rest/narr: the first way listed)")
    print(header)
    print("-" * len(header))
    pooled: dict[str, dict[str, dict[str, Tally]]] = {
        part: {m: defaultdict(Tally) for m in modes} for part in ("ALL", "held out", "tuned on")
    }
    windows_total = 0
    t0 = time.perf_counter()
    for folder in folders:
        novel = load_novel(folder)
        novel_cast = load_cast(folder / "characters.json")
        windows = cut_windows(novel, args.seed)
        results: dict[str, dict[str, Tally]] = {m: defaultdict(Tally) for m in modes}
        errors: list | None = [] if args.errors else None
        for window in windows:
            for mode in modes:
                score_window(novel, window, mode, novel_cast, results, errors)
        windows_total += len(windows)
        part = "held out" if novel.name in HELD_OUT else "tuned on"
        for m in modes:
            for key, tally in results[m].items():
                pooled["ALL"][m][key] += tally
                pooled[part][m][key] += tally
        first = results[modes[0]]
        label = novel.name + (" (held out)" if novel.name in HELD_OUT else "")
        print(
            f"{label:30} {len(windows):>7} {first['all'].n:>6}"
            + "".join(f" {results[m]['all'].rate():>10}" for m in modes)
            + f" {first['opening'].rate()} {first['rest'].rate()} {first['narrator'].rate()} {first['narrator'].n:>6}"
        )
        if errors:
            by_mode: dict[str, list] = defaultdict(list)
            for e in errors:
                by_mode[e[0]].append(e)
            for m, errs in by_mode.items():
                for e in errs[: args.errors]:
                    print("   ", *e)
    print("-" * len(header))
    for part in ("ALL", "held out", "tuned on"):
        first = pooled[part][modes[0]]
        print(
            f"{part:30} {windows_total if part == 'ALL' else '':>7} {first['all'].n:>6}"
            + "".join(f" {pooled[part][m]['all'].rate():>10}" for m in modes)
            + f" {first['opening'].rate()} {first['rest'].rate()} {first['narrator'].rate()} {first['narrator'].n:>6}"
        )
    print()
    print(f"{'way':12} {'all':>7} {'first 10':>9} {'rest':>7} {'narrator':>9} {'held out':>9} {'tuned on':>9}"
          f" {'as listed':>9}   (pooled over the novels)")
    for m in modes:
        r = pooled["ALL"][m]
        print(f"{m:12} {r['all'].rate():>7} {r['opening'].rate():>9} {r['rest'].rate():>7} {r['narrator'].rate():>9}"
              f" {pooled['held out'][m]['all'].rate():>9} {pooled['tuned on'][m]['all'].rate():>9}"
              f" {r['as listed'].rate():>9}   (narrator lines: {r['narrator'].n})")
    print("(as listed: a name the kit found counts only when characters.json lists it for the speaker)")
    print()
    print(f"{'way':24} {'2-person':>9} {'outside':>8} {'no tag':>7}   (lines without a named tag in exchanges of two "
          "annotated speakers: accuracy, share given to a third; lines of exchanges with no named tag at all)")
    for m in modes:
        for part in ("ALL", "held out", "tuned on"):
            r = pooled[part][m]
            label = m if part == "ALL" else f"  {part}"
            print(f"{label:24} {r['pair'].rate():>9} {r['pair outside'].rate():>8} {r['no tag'].rate():>7}"
                  f"   (n {r['pair'].n}, {r['no tag'].n})")
    print()
    print("confidence   " + "".join(f" {m:>18}" for m in modes) + "   (n, accuracy of the attributed pieces)")
    for b in range(10):
        cells = []
        for m in modes:
            t = pooled["ALL"][m][f"band{b}"]
            cells.append(f" {t.n:>8} {t.rate():>9}" if t.n else f" {'':>18}")
        if any(c.strip() for c in cells):
            print(f"{b / 10:.1f}-{(b + 1) / 10:.1f}     " + "".join(cells))
    print("left unknown " + "".join(f" {pooled['ALL'][m]['unknown'].n:>8} {'':>9}" for m in modes))
    print(f"\n{windows_total} windows, {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
