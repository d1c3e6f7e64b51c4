"""How each quote style finds speech in a paragraph: the finders the quote-style registry
(:mod:`workshop.text.quote_styles`) is made of.

A style that marks its quotes (double, single, corner brackets) finds the quoted *pieces* of each paragraph
(:data:`Pieces`: a function of the text and the paragraph's bounds) and :func:`find_marked` turns them into spans,
with a notice for a quotation left open (unless the next paragraph reopens it: a speech over several paragraphs).
A new pair of brackets that open and close differently is :func:`bracketed` with its marks. Dash dialogue and
scripts have their own finders (:func:`find_dash`, :func:`find_script`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from workshop.errors import Notice
from workshop.text.scene import Paragraph, Scene
from workshop.text.spans import QuotedSpan

Pieces = Callable[[str, int, int], tuple[list[tuple[int, int, bool]], bool]]
"""The quoted pieces of ``text[start:end]`` (one paragraph) as (start, end, closed), and whether the last is left
open at the paragraph's end."""
Reopens = Callable[[str, int], bool]
"""Whether a paragraph starting at ``pos`` opens with the style's quotation mark (it carries a speech on)."""

_DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“"}
_DOUBLE_CLOSE = {"”", "»"}
_DOUBLE_MARK = re.compile('["“”«»„]')
_SINGLE_OPEN = {"‘"}
_SINGLE_CLOSE = {"’"}
_SINGLE_MARK = re.compile("['’]")
_ELISIONS = re.compile(
    r"(?:em|tis|twas|twere|twill|twould|cause|cos|coz|til|bout|n'|nuff|cept|fraid|gainst|mongst|neath|tween|"
    r"scuse|\d\ds?)(?!\w)",
    re.IGNORECASE,
)
_DASH_OPEN = re.compile(r"^(?:[—―]|--(?!-))\s*")
"""A paragraph opening with an em-dash or a horizontal bar, or with the typewritten double hyphen ("--What is your
name?"; three hyphens or more are a rule, not dialogue)."""
_DASH_TAG = re.compile(r"\s(?:[—―–]|--(?!-))\s*")
_SCRIPT_LINE = re.compile(
    r"^(?P<cue>[A-Z][A-Za-z.'’\- ]{0,28}?[A-Za-z.])\s*(?:\((?P<note>[^)]*)\))?\s*:[ \t]+(?P<speech>\S)"
)
_CUE_LINE = re.compile(r"^(?P<cue>[A-Z][A-Z.'’\- ]{1,28}[A-Z.])\s*(?:\([A-Z.'’ ]+\))?\s*$")
_LINE = re.compile(r"[^\r\n]+")


_CAPITALISED_LINE = re.compile(r"[\r\n]([^\S\r\n]*[A-Z][^\r\n]*)")
_FIRST_LINE_CAPITALISED = re.compile(r"[^\S\r\n]*[A-Z][^\r\n]*")


def capitalised_lines(body: str) -> list[str]:
    """The lines of ``body`` whose first letter, after any spaces, is a capital: the only ones that can be a
    script line or a cue (a quick scan from line break to line break instead of a test of every line)."""
    first = _FIRST_LINE_CAPITALISED.match(body)
    return ([first.group()] if first is not None else []) + [m.group(1) for m in _CAPITALISED_LINE.finditer(body)]


def single_openers(text: str) -> list[int]:
    """Positions of single marks that open a quotation (not an apostrophe or an elision such as 'em)."""
    out = []
    for m in re.finditer(r"['‘]", text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if not (before.isspace() or before in '([{—–-"“'):
            continue
        if after.isspace() or after in "'’":
            continue
        if m.group() == "'" and _ELISIONS.match(text, i + 1):
            continue
        out.append(i)
    return out


# ---------------------------------------------------------------- quotation marks


def find_marked(
    scene: Scene, paragraphs: list[Paragraph], notices: list[Notice], *, style: str, pieces: Pieces, reopens: Reopens
) -> list[QuotedSpan]:
    """The quoted pieces of every paragraph as spans of ``style``; a notice for each quotation left open (one
    that a paragraph reopening the quote carries on is a speech over several paragraphs, not a mistake)."""
    text = scene.text
    spans: list[QuotedSpan] = []
    for k, p in enumerate(paragraphs):
        found, open_at_end = pieces(text, p.start, p.end)
        for i, (s, e, closed) in enumerate(found):
            spans.append(QuotedSpan(s, e, p.index, -1, style, closed))
            if closed:
                continue
            if i < len(found) - 1 or not open_at_end:
                message = ("A quotation opens here but another opens before it closes; it is taken to end where "
                           "the next one begins.")
            else:
                nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
                if nxt is not None and reopens(text, nxt.start):
                    continue  # a speech over several paragraphs: each new paragraph reopens the quote
                message = "A quotation opens here but never closes; it is taken to end at the end of its paragraph."
            notices.append(Notice("unclosed-quote", message, scene.line_of(s)))
    return spans


def opens_with(marks: str) -> Reopens:
    """A paragraph reopens the quote when its first character is one of ``marks``."""
    return lambda text, pos: text[pos] in marks


def single_reopens(text: str, pos: int) -> bool:
    """A paragraph reopens a single-quoted speech with ‘ or with ' that is no elision ('em, 'tis)."""
    ch = text[pos]
    return ch in "‘" or (ch == "'" and not _ELISIONS.match(text, pos + 1))


def bracketed(closers: dict[str, str]) -> Pieces:
    """The pieces finder of a style whose quotes open and close with different marks that nest, as the corner
    brackets do (``{"「": "」", "『": "』"}``): a quote is 「...」, or 『...』 on its own; brackets opened inside a
    quotation (『』 within 「」) are part of it. A closing mark with nothing open, or not the one expected, is
    ordinary text."""
    any_mark = re.compile("[" + re.escape("".join(closers) + "".join(closers.values())) + "]")

    def pieces(text: str, start: int, end: int) -> tuple[list[tuple[int, int, bool]], bool]:
        found: list[tuple[int, int, bool]] = []
        expected: list[str] = []  # the closers awaited, innermost last
        open_at = start
        for mark in any_mark.finditer(text, start, end):
            ch = mark.group()
            if ch in closers:
                if not expected:
                    open_at = mark.end()
                expected.append(closers[ch])
            elif expected and ch == expected[-1]:
                expected.pop()
                if not expected:
                    found.append((open_at, mark.start(), True))
        if expected:
            found.append((open_at, end, False))
            return found, True
        return found, False

    return pieces


def double_pieces(text: str, start: int, end: int) -> tuple[list[tuple[int, int, bool]], bool]:
    """Quoted pieces in one paragraph with double marks; returns the pieces and whether one is left open.

    Only the quotation marks are visited (found by a regular expression), not every character: on a novel that
    is the difference between a few thousand steps and a few hundred thousand."""
    pieces: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    closer = '"'
    for mark in _DOUBLE_MARK.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if open_at is None:
            if ch in _DOUBLE_CLOSE and not _looks_like_opener(text, i, start, end):
                continue  # a stray closing mark: nothing to open
            open_at = i + 1
            closer = "”" if ch == "”" else _DOUBLE_OPEN.get(ch, '"')
        elif ch == "“" and closer == "”" and _looks_like_opener(text, i, start, end):
            # a new opening while one is open: the previous quote was never closed
            pieces.append((open_at, _rstrip_pos(text, open_at, i), False))
            open_at = i + 1
        elif ch == closer or ch in _DOUBLE_CLOSE or ch == '"' or (ch == "“" and closer == "“"):
            pieces.append((open_at, i, True))
            open_at = None
    if open_at is not None:
        pieces.append((open_at, end, False))
        return pieces, True
    return pieces, False


def _looks_like_opener(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isspace() or before in "([{—–-") and not after.isspace()


def _rstrip_pos(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def single_pieces(text: str, start: int, end: int) -> tuple[list[tuple[int, int, bool]], bool]:
    """Quoted pieces with single marks, told apart from apostrophes (don't, 'em, the Joneses')."""
    pieces: list[tuple[int, int, bool]] = []
    openers = [start + i for i in single_openers(text[start:end])]
    # Every mark that can close, and those after punctuation (the likeliest closers), found once per paragraph:
    # each opener then finds its closer by bisection, so a paragraph of many quotes costs n log n, not n².
    closers = [m.start() for m in _SINGLE_MARK.finditer(text, start, end) if _is_closer(text, m.start(), end)]
    preferred = [c for c in closers if text[c - 1] in ".,!?…—–-;:"]
    pos = start
    for k, o in enumerate(openers):
        if o < pos:
            continue
        nxt_open = openers[k + 1] if k + 1 < len(openers) else end
        first = bisect.bisect_right(closers, o)
        if first == len(closers):
            pieces.append((o + 1, end, False))
            return pieces, True
        best = bisect.bisect_right(preferred, o)
        before_next = bisect.bisect_left(closers, nxt_open) - 1
        if best < len(preferred) and preferred[best] <= nxt_open:
            c = preferred[best]  # the first closer after punctuation, before the next opener
        elif before_next >= first:
            c = closers[before_next]  # else the last closer before the next opener
        else:
            c = closers[first]  # else the first closer at all
        pieces.append((o + 1, c, True))
        pos = c + 1
    return pieces, False


def _is_closer(text: str, i: int, end: int) -> bool:
    before = text[i - 1]
    after = text[i + 1] if i + 1 < end else " "
    if before.isspace():
        return False
    if after.isalnum():
        return False  # an apostrophe inside a word: don't, o'clock
    return True


# ---------------------------------------------------------------- dash dialogue


def find_dash(text: str, paragraphs: list[Paragraph]) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    for p in paragraphs:
        body = text[p.start : p.end]
        m = _DASH_OPEN.match(body)
        if not m:
            continue
        pos = p.start + m.end()
        speaking = True
        while pos < p.end:
            dash = _DASH_TAG.search(text, pos, p.end)
            stop = dash.start() if dash else p.end
            if speaking:
                s, e = pos, _rstrip_pos(text, pos, stop)
                if e > s:
                    spans.append(QuotedSpan(s, e, p.index, -1, "dash"))
            if not dash:
                break
            pos = dash.end()
            speaking = not speaking
    return spans


# ---------------------------------------------------------------- scripts


def find_script(text: str, paragraphs: list[Paragraph]) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    for p in paragraphs:
        body = text[p.start : p.end]
        lines = [(p.start + m.start(), p.start + m.end()) for m in _LINE.finditer(body)]
        cue: str | None = None
        speech: tuple[int, int] | None = None

        def flush() -> None:
            nonlocal speech
            if speech and cue:
                s, e = speech
                if e > s:
                    spans.append(QuotedSpan(s, e, p.index, -1, "script", cue=_title(cue)))
            speech = None

        for ls, le in lines:
            line = text[ls:le]
            m = _SCRIPT_LINE.match(line)
            cue_m = _CUE_LINE.match(line.strip())
            if m:
                flush()
                cue = m.group("cue").strip()
                speech = (ls + m.start("speech"), _rstrip_pos(text, ls, le))
            elif cue_m and len(line.split()) <= 4:
                flush()
                cue = cue_m.group("cue").strip()
            elif cue is not None:
                stripped = line.strip()
                if stripped.startswith("(") and stripped.endswith(")"):
                    continue  # a parenthetical direction such as (beat)
                s = ls + (len(line) - len(line.lstrip()))
                speech = (speech[0], _rstrip_pos(text, ls, le)) if speech else (s, _rstrip_pos(text, ls, le))
        flush()
    return spans


def _title(cue: str) -> str:
    return cue if not cue.isupper() else " ".join(w.capitalize() for w in cue.split())


# ---------------------------------------------------------------- evidence for telling the styles apart


def paragraph_openings(text: str, paragraphs: list[Paragraph]) -> tuple[int, int, int]:
    """How the paragraphs open, in one pass: (lines of a script with the cue before a colon ("ANNA: Hi."), cue
    lines of their own ("ANNA"), paragraphs opening with a dialogue dash)."""
    script_lines = cue_lines = dash = 0
    for p in paragraphs:
        body = text[p.start : p.end]
        if _DASH_OPEN.match(body):
            dash += 1
        for line in capitalised_lines(body):
            if _SCRIPT_LINE.match(line):
                script_lines += 1
            elif _CUE_LINE.match(line.strip()) and len(line.split()) <= 4:
                cue_lines += 1
    return script_lines, cue_lines, dash
