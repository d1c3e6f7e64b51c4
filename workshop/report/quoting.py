"""Example lines quoted from the scene, always as the writer wrote them.

A quotation is one quoted piece of the scene (a :class:`~workshop.speakers.dialogue.Segment`'s text, which is
``scene.text[start:end]``), never two pieces joined: in ``"I had this, um, dream," she said. "The kind
that..."`` the narration sits between the pieces, and gluing them would put words in the writer's mouth. A
piece too long to show is cut only where a sentence ends, or else after a whole word, and the cut is marked
with an ellipsis (``…``); a comma left hanging before a dialogue tag is dropped. So every quotation, without
its ellipsis marks, is a span of the scene (whitespace aside: line breaks inside a quote are shown as spaces).
:func:`is_verbatim` is the check the tests apply to every quotation of every format.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workshop.compare.pairs import line_counts, pieces_of
from workshop.compare.pairs import metric as line_metric
from workshop.errors import WorkshopError

MAX_CHARS = 140
"""The longest quotation shown (a projector line or two)."""

CUT = "…"
"""The mark of a cut (a piece of the line left out)."""

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")


def pieces(lines: Sequence[str]) -> list[str]:
    """Every quoted piece of ``lines`` (a :class:`~workshop.compare.pairs.Line` keeps its pieces; a plain string
    is one piece), with its outer whitespace and a hanging comma removed, in order; empty pieces dropped."""

    out = []
    for line in lines:
        for piece in pieces_of(line):
            text = tidy(piece)
            if text:
                out.append(text)
    return out


def tidy(piece: str) -> str:
    """A piece without outer whitespace and without the comma (or dash-less comma) left before a dialogue tag;
    inner line breaks as single spaces."""
    return " ".join(piece.split()).rstrip(",").rstrip()


def trim(text: str, max_chars: int = MAX_CHARS) -> str:
    """``text`` cut to at most ``max_chars`` (plus the cut mark): after the last sentence that fits, else after the
    last whole word that fits, with ``…`` where something was left out."""
    if len(text) <= max_chars:
        return text
    ends = [m.start() for m in _SENTENCE_END.finditer(text) if m.start() <= max_chars]
    if ends and ends[-1] >= max_chars // 3:
        return text[: ends[-1]].rstrip() + " " + CUT
    cut = text.rfind(" ", 0, max_chars + 1)
    if cut <= 0:
        cut = max_chars  # one enormous "word": still a span, cut where it must be
    return text[:cut].rstrip(" ,;:") + CUT


def example_lines(lines: Sequence[str], k: int, *, max_chars: int = MAX_CHARS) -> list[str]:
    """``k`` quotations that show a voice: its longest piece, its shortest, then one from the middle (each trimmed
    by :func:`trim`)."""
    usable = pieces(lines)
    if not usable or k <= 0:
        return []
    ordered = sorted(set(usable), key=lambda t: (len(t), t))
    picks: list[str] = []
    for candidate in [ordered[-1], ordered[0], ordered[len(ordered) // 2], *ordered]:
        if candidate not in picks:
            picks.append(candidate)
        if len(picks) == k:
            break
    return [trim(t, max_chars) for t in picks]


def line_examples(lines: Sequence[str], metric: str, high: bool, *, max_chars: int = MAX_CHARS) -> list[str]:
    """Quoted pieces that show a measure, best first: with ``high``, the pieces with the most of it (pieces that
    fit on screen first), else typical pieces with the least of it. A long piece is cut so that what it shows
    stays in the quotation (from the first sentence that has it, when the start of the piece has none)."""

    try:
        m = line_metric(metric)
    except WorkshopError:
        return []
    usable = pieces(lines)
    if not usable:
        return []
    counts = line_counts(usable, [m])[m.name]
    length = m.name in ("mean_sentence_words", "mean_utterance_words")
    scored = []
    for text, (num, den) in zip(usable, counts):
        if den <= 0 or (high and num <= 0):
            continue
        ratio = num / den
        if length:  # the longest shows length best, even cut (the cut mark says there is more)
            key = (False, -ratio if high else ratio, len(text))
        else:  # a count: the piece with the most of it, then the densest, then the shortest
            key = (len(text) > max_chars, -num if high else num, -ratio if high else ratio, len(text))
        scored.append((key, text))
    out: list[str] = []
    for _key, text in sorted(scored):
        shown = trim(text, max_chars)
        if high and not length and shown != text and _count(shown, m) <= 0:
            shown = _window(text, m, max_chars) or shown
        if shown not in out:
            out.append(shown)
    return out


def _count(text: str, m) -> float:

    return float(line_counts([text.removesuffix(CUT)], [m])[m.name][0][0])


def _window(text: str, m, max_chars: int) -> str:
    """The piece from the first sentence that shows ``m``, cut to fit, marked as starting mid-line."""
    starts = [0] + [match.end() for match in _SENTENCE_END.finditer(text)]
    for start in starts[1:]:
        shown = CUT + " " + trim(text[start:], max_chars)
        if _count(text[start:][: len(shown)], m) > 0 and _count(shown.removeprefix(CUT + " "), m) > 0:
            return shown
    return ""


def line_example(lines: Sequence[str], metric: str, high: bool, *, max_chars: int = MAX_CHARS) -> str:
    """The best of :func:`line_examples` ("" when no line shows the measure)."""
    found = line_examples(lines, metric, high, max_chars=max_chars)
    return found[0] if found else ""


def normalise_space(text: str) -> str:
    """Whitespace runs as one space (how every format shows a quotation)."""
    return " ".join(text.split())


def is_verbatim(quotation: str, scene_text: str) -> bool:
    """Whether ``quotation`` is a span of the scene once its cut marks are taken away: each part between cut marks
    must appear in the scene as written (whitespace aside)."""
    scene = normalise_space(scene_text)
    parts = [p.strip() for p in normalise_space(quotation).split(CUT)]
    return all(p in scene for p in parts if p)
