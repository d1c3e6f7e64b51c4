"""Build workshop/data/references/*.toml: the lines of the catalog's best-known characters, shipped so that
``--against "Sherlock Holmes"`` works with no network (:mod:`workshop.compare.offline_references`).

Run:  python scripts/build_offline_references.py TEXTS [--book KEY=PATH ...] [--words 2500]
      python scripts/build_offline_references.py TEXTS --show elizabeth-bennet   # the lines with their tags, to read

TEXTS is a folder holding the public-domain books: ``KEY.txt`` (as the kit's download cache keeps them, e.g.
``pride-and-prejudice.txt``), ``pgNNNN.txt`` (Project Gutenberg's name), or ``TitleInCamelCase/text.txt``; or name
each book with ``--book KEY=PATH``. Project Gutenberg's header and licence are removed when they are there.

How the lines are taken, for each character of ``SHIPPED``:
1. the kit's own quote finder and attribution run over the whole book with the catalog's characters and the other
   characters the kit finds in the book by itself (nothing else: no annotation, no hand list of lines);
2. the candidates are the character's utterances whose tag names them ("said Elizabeth": method ``explicit``);
   when those hold fewer than ``--words`` words, those with a pronoun tag ("she said"), then a descriptive tag
   ("the detective said"), then those the turns of the exchange give them are added, tier by tier;
3. of the last tier needed, an even share is kept (spread over the whole book), so that about ``--words`` words
   are read;
4. the lines a person read and found misattributed are dropped: ``scripts/offline_references_dropped.toml`` lists
   them by their opening words, with the reason. The count read and dropped goes into the file.

Each line keeps its quoted pieces (a tag between two pieces splits them). Whitespace inside a piece is made single
spaces (the books are hard-wrapped), underscores marking italics are removed, and a copy that has lost all its
apostrophes ("didn t", "Holmes s") gets them back in contractions and possessives (the only change to the words).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop.compare.offline_references import slug, to_toml_string as q  # noqa: E402
from workshop.compare.references import catalog, strip_gutenberg  # noqa: E402
from workshop.files.atomic_write import write_file  # noqa: E402
from workshop.speakers.cast import Cast  # noqa: E402
from workshop.speakers.dialogue import find_dialogue  # noqa: E402
from workshop.text.scene import scene_from_text  # noqa: E402

OUT = ROOT / "workshop" / "data" / "references"
DROPPED = ROOT / "scripts" / "offline_references_dropped.toml"

SHIPPED: dict[str, list[tuple[str, str]]] = {
    # catalog key: [(catalog name, full name), ...]
    "pride-and-prejudice": [("Elizabeth", "Elizabeth Bennet"), ("Mr. Darcy", "Mr. Darcy")],
    "alice-in-wonderland": [("Alice", "Alice")],
    "the-sign-of-the-four": [("Holmes", "Sherlock Holmes"), ("Watson", "Dr. Watson")],
    "emma": [("Emma", "Emma Woodhouse")],
}
MORE_WORDS = {"Mr. Darcy": 3000, "Sherlock Holmes": 3000, "Dr. Watson": 3000}
"""Characters whose lines come less often with a tag naming them: more are read, as the hand check drops more."""
TIERS = (("explicit",), ("pronoun",), ("descriptive",), ("vocative", "turn-taking"))
"""The kit's attribution methods, most trusted first: a tag naming the speaker, a pronoun tag, a descriptive tag,
then the turns of an exchange (for a character who is seldom tagged by name)."""

_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z_]) (?=(?:s|t|ll|ve|re|d|m)\b)|\b(?<=[Oo]) (?=clock\b)")
_ITALICS = re.compile(r"(?<![A-Za-z0-9])_([^_\n]+?)_(?![A-Za-z0-9])")


@dataclass
class Candidate:
    pieces: tuple[str, ...]
    method: str
    before: str
    after: str
    start: int

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.pieces)


def find_book(key: str, texts: Path, books: dict[str, Path]) -> Path:
    work = catalog()[key]
    camel = "".join(w[:1].upper() + w[1:] for w in re.sub(r"[^A-Za-z ]", "", work.title).split())
    for path in (books.get(key), texts / f"{key}.txt", texts / f"pg{work.gutenberg_id}.txt", texts / camel / "text.txt"):
        if path is not None and path.is_file():
            return path
    raise SystemExit(f"No text of {work.title} in {texts}: give it with --book {key}=PATH")


def book_text(path: Path) -> tuple[str, bool]:
    """The book as the kit reads it, with the lost apostrophes of a damaged copy put back (and whether they were)."""
    text = strip_gutenberg(path.read_text(encoding="utf-8-sig"))
    if "'" not in text and "\u2019" not in text:
        return _LOST_APOSTROPHE.sub("'", text), True
    return text, False


def clean(piece: str) -> str:
    return " ".join(_ITALICS.sub(r"\1", piece).split())


def full_cast(scene, catalog_cast: Cast) -> Cast:
    """The catalog's characters and every other character the kit finds in the book: with only the two or three
    catalog characters, every "he said" would go to the one man among them."""
    found = find_dialogue(scene).cast
    taken = {n.lower() for c in catalog_cast for n in c.names}
    has_narrator = any(c.narrator for c in catalog_cast)
    others = [c for c in found if not taken & {n.lower() for n in c.names} and not (has_narrator and c.narrator)]
    return Cast(list(catalog_cast) + others)


def candidates(key: str, name: str, text: str) -> list[list[Candidate]]:
    """The character's utterances by tier (see the module's docstring), in book order."""
    scene = scene_from_text(text, name=key, detect_notes=False)
    dialogue = find_dialogue(scene, full_cast(scene, catalog()[key].cast))
    raw = dialogue.scene.text
    tiers: list[list[Candidate]] = [[] for _ in TIERS]
    for u in dialogue.lines_by_speaker().get(name, []):
        for number, methods in enumerate(TIERS):
            if u.method in methods:
                pieces = tuple(c for c in (clean(s.text) for s in u.segments) if c)
                if pieces:
                    tiers[number].append(Candidate(pieces, u.method, " ".join(raw[max(0, u.start - 90):u.start].split()),
                                                   " ".join(raw[u.end:u.end + 90].split()), u.start))
    return tiers


def choose(tiers: list[list[Candidate]], words: int) -> list[Candidate]:
    """Whole tiers, most trusted first, while they hold fewer than ``words`` words; of the tier that crosses it, an
    even share (spread over the book) that fills the rest; in book order."""
    pool: list[Candidate] = []
    for tier in tiers:
        room = words - sum(c.words for c in pool)
        if room <= 0:
            break
        share = min(1.0, room / max(1, sum(c.words for c in tier)))
        pool += [c for i, c in enumerate(tier) if math.floor((i + 1) * share) > math.floor(i * share)]
    return sorted(pool, key=lambda c: c.start)


def dropped_list() -> dict[str, list[dict[str, str]]]:
    if not DROPPED.exists():
        return {}
    return tomllib.loads(DROPPED.read_text(encoding="utf-8")).get("character", {})


def is_dropped(c: Candidate, drops: list[dict[str, str]]) -> bool:
    first = " ".join(c.pieces)
    return any(first.startswith(d["starts"]) for d in drops)


def build_work(key: str, path: Path, words: int, show: str | None) -> tuple[str, list[str]]:
    work = catalog()[key]
    text, repaired = book_text(path)
    drops = dropped_list()
    blocks: list[str] = []
    report: list[str] = []
    read = dropped = 0
    for name, full in SHIPPED[key]:
        chosen = choose(candidates(key, name, text), max(words, MORE_WORDS.get(full, 0)))
        mine = drops.get(slug(full), [])
        kept = [c for c in chosen if not is_dropped(c, mine)]
        read += len(chosen)
        dropped += len(chosen) - len(kept)
        if show and show == slug(full):
            for i, c in enumerate(chosen):
                mark = "DROPPED " if c not in kept else ""
                print(f"[{i}] {mark}({c.method}) ...{c.before[-60:]} <<{' | '.join(c.pieces)}>> {c.after[:70]}...")
        entry = next(dict(c) for c in work.characters if c["name"] == name)
        pieces = ",\n".join("  [" + ", ".join(q(p) for p in c.pieces) + "]" for c in kept)
        blocks.append(
            f"[[character]]\nname = {q(name)}\nfull_name = {q(full)}\naliases = [{', '.join(q(a) for a in entry.get('aliases', []))}]\n"
            f"pronouns = {q(entry.get('pronouns', ''))}\ndescription = {q(entry.get('description', ''))}\n"
            f"lines_read = {len(chosen)}\nlines_dropped = {len(chosen) - len(kept)}\n"
            f"words = {sum(c.words for c in kept)}\nlines = [\n{pieces},\n]\n"
        )
        report.append(f"{full}: {len(chosen)} lines read, {len(chosen) - len(kept)} dropped, {len(kept)} shipped "
                      f"({sum(c.words for c in kept):,} words)")
    head = (
        f"# Lines of dialogue from {work.title} ({work.author}, {work.year}), shipped with Voice Workshop so that\n"
        f"# these characters can be compared with offline (python -m workshop compare SCENE --against NAME).\n"
        f"# Source: the public-domain text of Project Gutenberg eBook #{work.gutenberg_id}.\n"
        f"# Rebuilt by scripts/build_offline_references.py from the book; do not edit the lines by hand (list a\n"
        f"# misattributed line in scripts/offline_references_dropped.toml and rebuild).\n\n"
        f"[source]\ncatalog_key = {q(key)}\ntitle = {q(work.title)}\nauthor = {q(work.author)}\nyear = {work.year}\n"
        f"gutenberg_id = {work.gutenberg_id}\n"
        f"edition = {q(f'Project Gutenberg eBook #{work.gutenberg_id} (public domain in the USA)')}\n"
        f"taken = {q('Found and attributed by the kit itself in the book: lines whose tag names the speaker first, then pronoun tags, descriptive tags and turn-taking as needed; of the last tier needed, an even share spread over the book')}\n"
        f"checked = {q(f'Read by hand: {read} lines checked, {dropped} dropped (misattributed, not speech, or damaged in the copy read).')}\n"
        + (f"changes = {q('The copy read had lost its apostrophes: they were put back in contractions and possessives.')}\n"
           if repaired else "")
        + "\n"
    )
    return head + "\n".join(blocks), report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", type=Path, help="folder of the public-domain books")
    parser.add_argument("--book", action="append", default=[], metavar="KEY=PATH", help="one book's file")
    parser.add_argument("--words", type=int, default=2500, help="about how many words per character to read (default "
                        "2500, or MORE_WORDS; the hand check drops some)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the files")
    parser.add_argument("--show", metavar="KEY", help="print one character's lines with their tags (to check them)")
    args = parser.parse_args(argv)
    books = {k: Path(v) for k, v in (b.split("=", 1) for b in args.book)}
    args.out.mkdir(parents=True, exist_ok=True)
    for key in SHIPPED:
        text, report = build_work(key, find_book(key, args.texts, books), args.words, args.show)
        if not args.show:
            write_file(args.out / f"{key}.toml", text)
        print("\n".join(report), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
