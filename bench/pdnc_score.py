"""Scoring against the annotated novels of ../shared/pdnc, the one definition the benchmarks and tests share.

The rules are those of ``../shared/pdnc/README.md``: score per piece (sub-quotation); a predicted segment matches a
gold piece when their spans overlap by at least half the gold piece's length; a piece is right when its match names
the gold speaker by the canonical name or one of the aliases of ``characters.json``.

Three things are added for runs without the novel's cast, where the kit names the characters itself:
- names are compared case- and punctuation-blind ("Mr Darcy" is "Mr. Darcy"), through the kit's own
  :func:`workshop.speakers.cast.normalise_name`;
- with ``resolve_names``, a name also counts when the novel's own cast file, read by the kit's name rules
  (:class:`workshop.speakers.names.NameIndex`: a first or last name that only one character bears), gives that
  one character: "Bill" names Bill Gorton, whose entry lists only "Bill Gorton". A name two characters share
  ("Robert" for Robert Cohn and Robert Prentiss) or one listed for another character ("Emerson" is George
  Emerson's) never counts; a title the annotators left off is read past ("Mr. Jaffers" for "Jaffers"), as the
  kit reads it in the text. This is how the kit itself reads "Bill" when given the cast file, so the no-cast run
  is not marked wrong for a name the annotators left out of the alias list;
- the novel's first-person narrator (the character whose aliases include ``_narr``, ``Narr`` or ``Narrator``) may be
  named ``Narrator`` by the kit when the text never gives their name; a narrator the kit created and named counts
  only when the name is one of the narrator's (listed, or with ``resolve_names`` one only the narrator bears): a
  narrator called "Williams" after another character is wrong;
- a title read past must not say the other gender: "Mrs. Churchill" never counts for Frank Churchill.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workshop.speakers.lexicon import lexicon
from workshop.speakers.cast import normalise_name
from workshop.speakers.narrator import NARRATOR_NAME

_GENDER = {"M": "he", "F": "she"}

HELD_OUT = ("HardTimes", "TheAwakening", "TheSignOfTheFour", "WinnieThePooh")
"""Novels never looked at while writing the rules or training the ranker (only their scores): a check against
overfitting."""
TYPES = ("explicit", "anaphoric", "implicit")
"""The quote types of the annotation (quotes.jsonl's ``quote_type``)."""

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
    _index: object = None

    def resolve(self, name: str) -> str | None:
        """The one character of characters.json that ``name`` names by the kit's name rules, or None."""
        if self._index is None:
            from workshop.speakers.names import NameIndex
            from workshop.speakers.cast import Cast, Character

            cast = Cast([Character(n, tuple(a for a in self.aliases[n] if a != n)) for n in self.aliases])
            self._index = NameIndex(cast)
        owners = self._index.lookup(name)  # type: ignore[attr-defined]
        words = name.split()
        title = normalise_name(words[0]).rstrip(".") if len(words) >= 2 else ""
        if not owners and title in lexicon().titles:
            owners = self._index.lookup(" ".join(words[1:]))  # type: ignore[attr-defined]  # "Mr. Jaffers": Jaffers
            said = lexicon().titles[title]
            # a title of the other gender names someone else: "Mrs. Churchill" is not Frank Churchill
            owners = tuple(o for o in owners if _GENDER.get(str(self.characters.get(o, {}).get("gender"))) in (None, said)
                           or said not in ("he", "she"))
        return owners[0] if len(owners) == 1 else None

    def names_narrator(self, name: str, resolve_names: bool) -> bool:
        """Whether the name the kit gave a first-person narrator it created names this novel's narrator: "Narrator"
        (the text never gave the name), a name characters.json lists for the narrator, or (``resolve_names``) one
        only the narrator bears. A narrator called by another's name ("Williams") or a name nobody bears is not."""
        if self.narrator is None:
            return False
        key = normalise_name(name)
        if key == normalise_name(NARRATOR_NAME) or key in self.normalised.get(self.narrator, set()):
            return True
        return resolve_names and self.resolve(name) == self.narrator


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
             narrator_names: Iterable[str] = (), resolve_names: bool = False) -> bool:
    """Whether ``predicted`` names the gold speaker of ``piece``. ``lenient_names`` compares names case- and
    punctuation-blind (for casts the kit found itself); ``narrator_names`` are the names the kit gave a
    first-person narrator it created ("Narrator"), which count for the novel's narrator; ``resolve_names`` also
    accepts a name that only the gold speaker bears (see :meth:`Novel.resolve`)."""
    if predicted is None:
        return False
    if not lenient_names:
        return predicted in novel.aliases.get(piece.speaker, {piece.speaker})
    if normalise_name(predicted) in novel.normalised.get(piece.speaker, {normalise_name(piece.speaker)}):
        return True
    if predicted in set(narrator_names):
        return piece.speaker == novel.narrator and novel.names_narrator(predicted, resolve_names)
    return resolve_names and novel.resolve(predicted) == piece.speaker


def narrator_names(cast) -> set[str]:
    """The name of the character of the kit's cast that it treats as the first-person narrator (a cast file's
    ``narrator = true`` or "I" alias, or the narrator cast discovery created), as a set (empty when none)."""
    return {cast.narrator} if cast.narrator else set()


def score_dialogue(novel: Novel, dialogue, *, no_cast: bool = False, errors: list | None = None) -> dict:
    """The scores of the kit's ``dialogue`` of the whole ``novel``: detection precision, recall and F1 (per piece,
    a match overlapping half the gold piece), speaker accuracy overall and per quote type (:data:`TYPES`), and
    the right/total counts per type, per attribution method and per band of confidence. ``no_cast``: the kit
    found the cast itself, so names are compared as :func:`is_right` says with ``lenient_names`` and
    ``resolve_names`` ("listed" counts without resolving). With ``errors``, each miss, wrong speaker and false
    quote is appended with its context."""
    narrators = narrator_names(dialogue.cast)
    preds = dialogue.segments
    matched_pred: set[int] = set()
    found = right = listed = 0
    by_type: dict[str, Counter] = defaultdict(Counter)
    by_method: dict[str, Counter] = defaultdict(Counter)
    by_band: dict[int, Counter] = defaultdict(Counter)
    for piece, best in zip(novel.pieces, match(novel.pieces, preds)):
        s, e, qtype = piece.start, piece.end, piece.quote_type
        by_type[qtype]["n"] += 1
        if best is None:
            if errors is not None:
                errors.append(("missed", novel.name, piece.speaker, None, novel.text[s:e][:80]))
            continue
        found += 1
        matched_pred.add(best.index)
        ok = is_right(novel, piece, best.speaker, lenient_names=no_cast, narrator_names=narrators, resolve_names=no_cast)
        listed += is_right(novel, piece, best.speaker, lenient_names=no_cast, narrator_names=narrators)
        by_method[best.method]["n"] += 1
        by_method[best.method]["right"] += int(ok)
        if best.speaker is not None:
            band = min(9, int(best.confidence * 10))
            by_band[band]["n"] += 1
            by_band[band]["right"] += int(ok)
        if ok:
            right += 1
            by_type[qtype]["right"] += 1
        elif errors is not None:
            ctx = novel.text[max(0, s - 120) : s - 1].replace("\n", " ")
            after = novel.text[e + 1 : e + 60].replace("\n", " ")
            errors.append((qtype, piece.speaker, (best.speaker, best.method), f"...{ctx}[[{novel.text[s:e][:60]}]]{after}".replace("\n", " ")))
    pieces = len(novel.pieces)
    precision = len(matched_pred) / len(preds) if preds else 0.0
    recall = found / pieces if pieces else 0.0
    if errors is not None:
        for p in preds:
            if p.index not in matched_pred:
                errors.append(("false", novel.name, None, (p.speaker, p.method), p.text[:80]))
    return {
        "pieces": pieces,
        "precision": precision,
        "predicted": len(preds),
        "matched": len(matched_pred),
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "accuracy": right / pieces,
        "listed": listed,
        **{t: by_type[t]["right"] / by_type[t]["n"] if by_type[t]["n"] else float("nan") for t in TYPES},
        "counts": {t: (by_type[t]["right"], by_type[t]["n"]) for t in by_type},
        "methods": {m: (c["right"], c["n"]) for m, c in by_method.items()},
        "bands": {b: (c["right"], c["n"]) for b, c in by_band.items()},
    }
