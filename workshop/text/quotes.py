"""Finding quoted speech: double quotes, single quotes, corner brackets, em-dash dialogue, and play/screenplay scripts.

The finder only says *where* speech is. Who says it is :mod:`workshop.speakers.attribution`'s job. Spans are offsets into
``Scene.text``; ``text[start:end]`` is exactly what stands between the quote marks (for dash and script styles,
the speech without its dash or cue). The styles themselves (their marks, finders and detection) are the entries of
the registry in :mod:`workshop.text.quote_styles`; this module runs the chosen one, tells quoted words nobody
speaks from speech, and links the pieces of one utterance.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import islice

from workshop.errors import Notice
from workshop.text.quote_styles import QUOTE_STYLES, detect_style, quote_style
from workshop.text.scene import Paragraph, Scene
from workshop.text.spans import QuotedSpan
from workshop.text.speech_verbs import speech_verbs

__all__ = ["STYLES", "QuoteResult", "QuotedSpan", "detect_style", "find_quotes"]

STYLES: tuple[str, ...] = tuple(QUOTE_STYLES)
"""The names of the registered quote styles (see :mod:`workshop.text.quote_styles`), in the order they are listed."""


@dataclass
class QuoteResult:
    spans: list[QuotedSpan]
    style: str
    notices: list[Notice]


def find_quotes(scene: Scene, *, style: str = "auto") -> QuoteResult:
    """Find every stretch of speech in the scene's story paragraphs, in the given or the detected style."""
    if style != "auto":
        quote_style(style)  # an unknown name is an error before any work
    paragraphs = scene.story_paragraphs
    chosen = quote_style(detect_style(scene.text, paragraphs) if style == "auto" else style)
    notices: list[Notice] = []
    spans = _link(scene.text, chosen.find(scene, paragraphs, notices))
    if chosen.mentions:
        spans = _classify(scene, spans)
    return QuoteResult(spans, chosen.name, notices)


# ---------------------------------------------------------------- speech or quoted words


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
    verbs = speech_verbs()
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
