"""Scoring against the annotated novels of ../shared/pdnc, the one definition the benchmarks and tests share.

The rules are those of ``../shared/pdnc/README.md``: score per piece (sub-quotation); a predicted segment matches a
gold piece when their spans overlap by at least half the gold piece's length; a piece is right when its match names
the gold speaker by the canonical name or one of the aliases of ``characters.json``.

Two things are added for runs without the novel's cast, where the kit names the characters itself:
- names are compared case- and punctuation-blind ("Mr Darcy" is "Mr. Darcy"), through the kit's own
  :func:`workshop.cast.normalise_name`;
- the novel's first-person narrator (the character whose aliases include ``_narr``, ``Narr`` or ``Narrator``) may be
  named ``Narrator`` by the kit when the text never gives their name.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workshop.attribution_names import NARRATOR_ALIASES
from workshop.cast import normalise_name

NARRATOR_MARKS = {"_narr", "narr", "narrator"}
"""Aliases by which ``characters.json`` marks a novel's first-person narrator."""


@dataclass(frozen=True)
class Piece:
    """One gold piece: ``text[start:end]`` is quoted speech of ``speaker``."""

    start: int
    end: int
    speaker: str
    quote_type: str
    quote: int  # index of its quotation in quotes.jsonl


@dataclass
class Novel:
    name: str
    text: str
    characters: dict  # characters.json as read
    pieces: list[Piece]
    aliases: dict[str, set[str]] = field(default_factory=dict)  # canonical -> its names, as written
    normalised: dict[str, set[str]] = field(default_factory=dict)  # canonical -> its names, normalised
    narrator: str | None = None


def load_novel(folder: Path) -> Novel:
    text = (folder / "text.txt").read_text(encoding="utf-8")
    characters = json.loads((folder / "characters.json").read_text(encoding="utf-8"))
    pieces = []
    with (folder / "quotes.jsonl").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            q = json.loads(line)
            for s, e in q["spans"]:
                pieces.append(Piece(s, e, q["speaker"], q.get("quote_type") or "untyped", number))
    pieces.sort(key=lambda p: (p.start, p.end))
    novel = Novel(folder.name, text, characters, pieces)
    for name, info in characters.items():
        names = {name, *info.get("aliases", [])}
        novel.aliases[name] = names
        novel.normalised[name] = {normalise_name(n) for n in names}
        if novel.narrator is None and {n.lower() for n in names} & NARRATOR_MARKS:
            novel.narrator = name
    return novel


def match(pieces: Sequence[Piece], segments: Sequence, offset: int = 0) -> list:
    """For each gold piece, the predicted segment that matches it (or None). ``segments`` are sorted by start and
    carry ``start``/``end`` relative to ``offset`` (a window of the novel starting at ``offset``)."""
    starts = [s.start + offset for s in segments]
    out = []
    for p in pieces:
        need = (p.end - p.start) / 2
        best = None
        i = max(0, bisect.bisect_left(starts, p.start) - 3)
        while i < len(segments) and starts[i] < p.end:
            seg = segments[i]
            overlap = min(p.end, seg.end + offset) - max(p.start, seg.start + offset)
            if overlap >= need and overlap > 0:
                best = seg
                break
            i += 1
        out.append(best)
    return out


def is_right(novel: Novel, piece: Piece, predicted: str | None, *, lenient_names: bool = False,
             narrator_names: Iterable[str] = ()) -> bool:
    """Whether ``predicted`` names the gold speaker of ``piece``. ``lenient_names`` compares names case- and
    punctuation-blind (for casts the kit found itself); ``narrator_names`` are the names the kit gave a
    first-person narrator it created ("Narrator"), which count for the novel's narrator."""
    if predicted is None:
        return False
    if not lenient_names:
        return predicted in novel.aliases.get(piece.speaker, {piece.speaker})
    if normalise_name(predicted) in novel.normalised.get(piece.speaker, {normalise_name(piece.speaker)}):
        return True
    return piece.speaker == novel.narrator and predicted in set(narrator_names)


def narrator_names(cast) -> set[str]:
    """Names of the characters of the kit's cast that it treats as a first-person narrator."""
    return {
        ch.name for ch in cast
        if getattr(ch, "narrator", False) or {n.lower() for n in ch.names} & NARRATOR_ALIASES
    }
