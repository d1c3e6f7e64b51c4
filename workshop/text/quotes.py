"""Finding quoted speech: double quotes, single quotes, corner brackets, em-dash dialogue, and play/screenplay scripts.

The finder only says *where* speech is. Who says it is :mod:`workshop.speakers.attribution`'s job. Spans are offsets into
``Scene.text``; ``text[start:end]`` is exactly what stands between the quote marks (for dash and script styles,
the speech without its dash or cue).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import islice

from workshop.errors import Notice, WorkshopError
from workshop.text.scene import Paragraph, Scene

STYLES = ("double", "single", "corner", "dash", "script")
"""``corner``: the corner brackets of Chinese and Japanese dialogue, 「...」 with 『...』 inside (or on their own)."""

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


@dataclass(frozen=True)
class QuotedSpan:
    """A stretch of speech. ``group`` links the pieces of one utterance (a quote split by its tag, a speech over
    several paragraphs). ``cue`` is the speaker's name when the format states it (scripts)."""

    start: int
    end: int
    paragraph: int
    group: int
    style: str
    closed: bool = True
    cue: str | None = None
    kind: str = "speech"
    """``"speech"``, or ``"mention"`` for quoted words that nobody says aloud here: a title, a word held up for
    inspection ("her "condition""), a label ("DRINK ME"). Mentions are kept (see ``Dialogue.mentions``)."""


@dataclass
class QuoteResult:
    spans: list[QuotedSpan]
    style: str
    notices: list[Notice]


def find_quotes(scene: Scene, *, style: str = "auto") -> QuoteResult:
    """Find every stretch of speech in the scene's story paragraphs, in the given or the detected style."""
    if style not in ("auto", *STYLES):
        raise WorkshopError(f"Unknown dialogue style {style!r}; choose one of auto, {', '.join(STYLES)}.")
    paragraphs = scene.story_paragraphs
    chosen = detect_style(scene.text, paragraphs) if style == "auto" else style
    notices: list[Notice] = []
    if chosen == "script":
        raw = _find_script(scene.text, paragraphs)
    elif chosen == "dash":
        raw = _find_dash(scene.text, paragraphs)
    else:
        raw = _find_marked(scene, paragraphs, chosen, notices)
    spans = _link(scene.text, raw)
    if chosen in ("double", "single"):
        spans = _classify(scene, spans)
    return QuoteResult(spans, chosen, notices)


# ---------------------------------------------------------------- style detection


def detect_style(text: str, paragraphs: list[Paragraph]) -> str:
    """Guess the scene's dialogue convention from how its paragraphs open and which marks it uses."""
    if not paragraphs:
        return "double"
    n = len(paragraphs)
    script_lines = cue_lines = 0
    dash = 0
    for p in paragraphs:
        body = text[p.start : p.end]
        if _DASH_OPEN.match(body):
            dash += 1
        for line in _capitalised_lines(body):
            if _SCRIPT_LINE.match(line):
                script_lines += 1
            elif _CUE_LINE.match(line.strip()) and len(line.split()) <= 4:
                cue_lines += 1
    double = sum(text.count(c) for c in '"“”«»„')
    single_pairs = len(_single_openers(text))
    if (script_lines + cue_lines) >= 3 and (script_lines + cue_lines) >= 0.3 * n and double < script_lines + cue_lines:
        return "script"
    if dash >= 2 and dash >= 0.15 * n and double < dash:
        return "dash"
    corner = text.count("「") + text.count("『")
    if corner >= 1 and corner >= double / 2 and corner >= single_pairs:
        return "corner"
    if single_pairs > double / 2 and single_pairs >= 2:
        return "single"
    return "double"


_CAPITALISED_LINE = re.compile(r"[\r\n]([^\S\r\n]*[A-Z][^\r\n]*)")
_FIRST_LINE_CAPITALISED = re.compile(r"[^\S\r\n]*[A-Z][^\r\n]*")


def _capitalised_lines(body: str) -> list[str]:
    """The lines of ``body`` whose first letter, after any spaces, is a capital: the only ones that can be a
    script line or a cue (a quick scan from line break to line break instead of a test of every line)."""
    first = _FIRST_LINE_CAPITALISED.match(body)
    return ([first.group()] if first is not None else []) + [m.group(1) for m in _CAPITALISED_LINE.finditer(body)]


def _single_openers(text: str) -> list[int]:
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


def _find_marked(scene: Scene, paragraphs: list[Paragraph], style: str, notices: list[Notice]) -> list[QuotedSpan]:
    text = scene.text
    pieces_of = {"single": _single_pieces, "corner": _corner_pieces}.get(style, _double_pieces)
    spans: list[QuotedSpan] = []
    for k, p in enumerate(paragraphs):
        pieces, open_at_end = pieces_of(text, p.start, p.end)
        for i, (s, e, closed) in enumerate(pieces):
            spans.append(QuotedSpan(s, e, p.index, -1, style, closed))
            if closed:
                continue
            if i < len(pieces) - 1 or not open_at_end:
                message = ("A quotation opens here but another opens before it closes; it is taken to end where "
                           "the next one begins.")
            else:
                nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
                if nxt is not None and _opens_with_quote(text, nxt.start, style):
                    continue  # a speech over several paragraphs: each new paragraph reopens the quote
                message = "A quotation opens here but never closes; it is taken to end at the end of its paragraph."
            notices.append(Notice("unclosed-quote", message, scene.line_of(s)))
    return spans


def _opens_with_quote(text: str, pos: int, style: str) -> bool:
    ch = text[pos]
    if style == "single":
        return ch in "‘" or (ch == "'" and not _ELISIONS.match(text, pos + 1))
    if style == "corner":
        return ch in _CORNER_CLOSER
    return ch in '"“«„'


def _double_pieces(text: str, start: int, end: int) -> tuple[list[tuple[int, int, bool]], bool]:
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


_CORNER_CLOSER = {"「": "」", "『": "』"}
_CORNER_MARK = re.compile("[「」『』]")


def _corner_pieces(text: str, start: int, end: int) -> tuple[list[tuple[int, int, bool]], bool]:
    """Quoted pieces in one paragraph with corner brackets: 「...」, or 『...』 on its own; brackets opened inside a
    quotation (『』 within 「」) are part of it. A closing bracket with nothing open, or not the one expected, is
    ordinary text."""
    pieces: list[tuple[int, int, bool]] = []
    expected: list[str] = []  # the closers awaited, innermost last
    open_at = start
    for mark in _CORNER_MARK.finditer(text, start, end):
        ch = mark.group()
        if ch in _CORNER_CLOSER:
            if not expected:
                open_at = mark.end()
            expected.append(_CORNER_CLOSER[ch])
        elif expected and ch == expected[-1]:
            expected.pop()
            if not expected:
                pieces.append((open_at, mark.start(), True))
    if expected:
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


def _single_pieces(text: str, start: int, end: int) -> tuple[list[tuple[int, int, bool]], bool]:
    """Quoted pieces with single marks, told apart from apostrophes (don't, 'em, the Joneses')."""
    pieces: list[tuple[int, int, bool]] = []
    openers = [start + i for i in _single_openers(text[start:end])]
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


def _find_dash(text: str, paragraphs: list[Paragraph]) -> list[QuotedSpan]:
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


def _find_script(text: str, paragraphs: list[Paragraph]) -> list[QuotedSpan]:
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


_WRITTEN_BEFORE = re.compile(
    r"\b(?:(?:wrote|write|writes|writing)\s+down\b[^.!?\"“”]{0,30}|read|reads|ran|runs|written|wrote|printed|inscribed|labell?ed|marked|entitled|titled|headed|"
    r"inscription|label|note|wire|telegram|cable|card|sign|banner|headline|motto|address)\s*[:,]?[ \t\r\n]*$",
    re.IGNORECASE,
)
_WRITTEN_AFTER = re.compile(
    r"[ \t]*(?:was|were|is|are)\s+(?:painted|written|printed|inscribed|engraved|carved|stamped|scrawled|marked|"
    r"chalked|embroidered)\b"
)
_INDENTED_LINE = re.compile(r"[\r\n][ \t]{2,}\S")
_VERSE = re.compile(r"[\r\n][ \t]{2,}\S.*[\r\n]")
_FIRST_SECOND = re.compile(
    r"(?<![\w'’])(?:I|me|my|mine|myself|we|us|our|ours|ourselves|you|your|yours|yourself|yourselves|ye|thee|thou|thy|"
    r"I['’](?:m|ll|d|ve)|let['’]s|oh|ah|pray|do|don['’]t|come|look|yes|no|sir|madam|ma['’]am)(?![\w'’])",
    re.IGNORECASE,
)
_BACKSHIFT = re.compile(r"(?<![\w'’])(?:he|she|they)\s+(?:was|were|had|would|could|should|might|must|did)\b", re.IGNORECASE)


def _reported(body: str, inside: bool) -> bool:
    """Speech reported in the third person inside quotation marks (Austen's "He was too good!--she could not
    endure the thought!"): no first or second person anywhere, and "he was"/"she could" at least twice when the
    quote sits inside a paragraph of narration, three times when it opens its paragraph."""
    return _FIRST_SECOND.search(body) is None and len(_BACKSHIFT.findall(body)) >= (2 if inside else 3)


_NAMING = re.compile(
    r"\b(?:(?:was|were|is|are|be|been|being|it|him|her|them|himself|herself|itself)\s+called|named|termed|dubbed|"
    r"nicknamed|known\s+as)[ \t\r\n]*$",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _previous_word(before: str) -> str:
    """The letters running up to the end of ``before`` (trailing blanks skipped), or "": what the search
    ``([A-Za-z]+)[ \\t\\r\\n]*$`` finds, read backwards instead of tried at every position."""
    end = len(before.rstrip(" \t\r\n"))
    start = end
    while start and before[start - 1] in _LETTERS:
        start -= 1
    return before[start:end]


def _count_words(body: str, most: int) -> int:
    """The words in ``body``, counted only up to ``most`` (a long speech need not be read to the end)."""
    return sum(1 for _ in islice(_WORDS.finditer(body), most))


def _indented_paragraphs(text: str, paragraphs: list[Paragraph]) -> set[int]:
    """The paragraphs holding a line indented by two or more spaces (a letter, a note, verse), found in one pass
    over the text rather than a search per paragraph."""
    starts = [p.start for p in paragraphs]
    out: set[int] = set()
    for m in _INDENTED_LINE.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.end() <= paragraphs[k].end:
            out.add(paragraphs[k].index)
    return out


_SPACES = re.compile(r"\s*")


def _first_visible(text: str, line_start: int, memo: dict[int, int]) -> int:
    """Where the first character that is not blank stands on the line starting at ``line_start`` (looked up once
    per line: a line of many quotes after a long indent would otherwise be rescanned for each)."""
    if line_start not in memo:
        memo[line_start] = _SPACES.match(text, line_start).end()  # type: ignore[union-attr]  # (* always matches)
    return memo[line_start]


def _classify(scene: Scene, spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """Tell speech from quoted words nobody speaks here.

    A quote is a *mention* when it is empty, or when it sits inside a sentence of narration (the word before
    the opening mark runs straight into it, and is not a speech verb such as "said"), is at most four words
    long and neither exclaims nor asks: "called "the house,"", "her "condition"", "from "Zampa"". Short quotes
    that follow a speech verb ("he answered "Yes.""), or that exclaim or ask, stay speech.
    """
    from workshop.speakers.lexicon import lexicon

    verbs = lexicon().verbs
    text = scene.text
    para_start = {p.index: p.start for p in scene.paragraphs}
    indented_paragraphs = _indented_paragraphs(text, scene.paragraphs)
    first_visible: dict[int, int] = {}
    out = []
    for span in spans:
        body = text[span.start : span.end]
        kind = "speech"
        if not body.strip():
            kind = "mention"
        else:
            opening = span.start - 1
            start = para_start.get(span.paragraph, 0)
            before = text[max(start, opening - 40) : opening]
            word = _previous_word(before)
            n_words = _count_words(body, 8)
            line_start = scene.line_start(opening)
            indented = opening - line_start >= 3 and _first_visible(text, line_start, first_visible) == opening
            if (
                word
                and n_words <= 4
                and not any(c in body for c in "!?")
                and (word.lower() not in verbs or _NAMING.search(before) is not None)
            ):
                kind = "mention"
            elif span.paragraph in indented_paragraphs or indented:
                kind = "mention"  # an indented block: a letter, a note, verse
            elif n_words >= 8 and _reported(body, opening > start):
                kind = "mention"  # speech reported in the third person ("He was too good!--she could not...")
            elif _VERSE.search(body):
                kind = "mention"  # verse: lines indented inside the quote (a song, a poem recited)
            elif _WRITTEN_BEFORE.search(before) or _WRITTEN_AFTER.match(text, span.end + 1):
                kind = "mention"  # 'It read: "..."', '"..." was painted on the banner'

        out.append(
            span if kind == span.kind else QuotedSpan(
                span.start, span.end, span.paragraph, span.group, span.style, span.closed, span.cue, kind
            )
        )
    return out


def _title(cue: str) -> str:
    return cue if not cue.isupper() else " ".join(w.capitalize() for w in cue.split())


# ---------------------------------------------------------------- utterances


def _link(text: str, raw: list[QuotedSpan]) -> list[QuotedSpan]:
    """Give each span its utterance group: the quoted pieces of one paragraph (a quote broken by its tag, a
    speaker's several sentences between beats), and a speech that runs over several paragraphs (a paragraph left
    open whose successor reopens the quote). Script speeches are one utterance per cue."""
    linked: list[QuotedSpan] = []
    group = -1
    for k, span in enumerate(raw):
        prev = raw[k - 1] if k else None
        same = False
        if prev is not None and span.style != "script":
            same = prev.paragraph == span.paragraph or (
                not prev.closed and span.paragraph == prev.paragraph + 1
            )
        if not same:
            group += 1
        linked.append(QuotedSpan(span.start, span.end, span.paragraph, group, span.style, span.closed, span.cue))
    return linked
