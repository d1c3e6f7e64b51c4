"""The quote styles, in one registry: each dialogue convention the kit reads is one :class:`QuoteStyle` entry
(its name for ``--style``, what a writer is told, the marks that open a quotation, the finder, and how the style
is recognised when the style is ``auto``).

The command's ``--style`` choices, :func:`workshop.text.quotes.find_quotes`, its style detection and the notices
that suggest another style all read :data:`QUOTE_STYLES`, so a new style is one :func:`register` call here (with a
finder from :mod:`workshop.text.quote_marks`: for marks that open and close differently,
``register(marked_style("guillemets", "...", bracketed({"«": "»"}), "«", detect=..., detect_order=...))`` is the
whole change) plus a test in tests/test_quote_styles.py.

The registered styles, in the order the command lists them:

- ``double``: double quotation marks of any shape: straight "...", curly “...”, low-high „...“ and guillemets
  «...» (a straight mark is read as opening or closing from the spaces around it);
- ``single``: single marks ‘...’ or '...', told apart from apostrophes and elisions (don't, 'em);
- ``corner``: the corner brackets of Chinese and Japanese dialogue, 「...」 with 『...』 inside (or on their own);
- ``dash``: dialogue opened by an em dash, a horizontal bar or the typewritten double hyphen (—What is it?
  --Nothing.), the speech running to the next dash;
- ``script``: a play or screenplay: a cue before a colon ("ANNA: Hi.") or on a line of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial

from workshop.errors import Notice, WorkshopError
from workshop.text import quote_marks as marks
from workshop.text.scene import Paragraph, Scene
from workshop.text.spans import QuotedSpan

Finder = Callable[[Scene, list[Paragraph], list[Notice]], list[QuotedSpan]]
"""The speech of a scene's story paragraphs in one style (notices about unclosed quotations are added to the list)."""


@dataclass
class Evidence:
    """What a scene's text says about its dialogue convention, each count computed when a style first asks."""

    text: str
    paragraphs: list[Paragraph]

    @cached_property
    def openings(self) -> tuple[int, int, int]:
        """(script lines, cue lines, paragraphs opening with a dash): see :func:`quote_marks.paragraph_openings`."""
        return marks.paragraph_openings(self.text, self.paragraphs)

    def count(self, characters: str) -> int:
        """How many of ``characters`` the text holds (each counted once per occurrence)."""
        return sum(self.text.count(c) for c in characters)

    @cached_property
    def double(self) -> int:
        """The double quotation marks of any shape."""
        return self.count(DOUBLE_MARKS)

    @cached_property
    def single_pairs(self) -> int:
        """The single marks that open a quotation (not apostrophes)."""
        return len(marks.single_openers(self.text))


@dataclass(frozen=True)
class QuoteStyle:
    """One dialogue convention."""

    name: str
    about: str
    """What the style is, in a writer's words."""
    find: Finder
    openers: str = ""
    """The marks that open a quotation (none for dash and script)."""
    reopens: marks.Reopens | None = None
    """Whether a paragraph opens by reopening a quotation (a speech over several paragraphs); None for styles
    without marks."""
    detect: Callable[[Evidence], bool] | None = None
    """Whether a scene is written in this style, for ``auto``; None for the style taken when no other fits."""
    detect_order: int = 0
    """Styles are tried for ``auto`` from the lowest order up (the more distinctive conventions first)."""
    mentions: bool = False
    """Whether quoted words nobody speaks (titles, labels, a word held up: her "condition") are told from speech."""


QUOTE_STYLES: dict[str, QuoteStyle] = {}


def register(style: QuoteStyle) -> QuoteStyle:
    """Add a style to the registry (a later registration of the same name replaces the earlier one)."""
    QUOTE_STYLES[style.name] = style
    return style


def quote_style(name: str) -> QuoteStyle:
    """The registered style called ``name``; an unknown name is a one-line error listing the valid ones."""
    found = QUOTE_STYLES.get(name)
    if found is None:
        raise WorkshopError(f"Unknown dialogue style {name!r}; choose one of auto, {', '.join(QUOTE_STYLES)}.")
    return found


def detect_style(text: str, paragraphs: list[Paragraph]) -> str:
    """Guess the scene's dialogue convention: the first style (in detection order) whose evidence fits, else
    the one registered without a test (double quotes)."""
    fallback = next(s.name for s in QUOTE_STYLES.values() if s.detect is None)
    if not paragraphs:
        return fallback
    evidence = Evidence(text, paragraphs)
    for style in sorted(QUOTE_STYLES.values(), key=lambda s: s.detect_order):
        if style.detect is not None and style.detect(evidence):
            return style.name
    return fallback


def marked_style(
    name: str, about: str, pieces: marks.Pieces, openers: str, reopens: marks.Reopens | None = None, **more
) -> QuoteStyle:
    """A style that marks its quotes: ``pieces`` finds them in a paragraph; a paragraph reopens a quote (carries a
    speech on) when it opens with one of ``openers``, unless ``reopens`` says otherwise."""
    reopens = reopens or marks.opens_with(openers)
    find = partial(marks.find_marked, style=name, pieces=pieces, reopens=reopens)
    return QuoteStyle(name, about, find, openers=openers, reopens=reopens, **more)


def _script(e: Evidence) -> bool:
    script_lines, cue_lines, _ = e.openings
    lines = script_lines + cue_lines
    return lines >= 3 and lines >= 0.3 * len(e.paragraphs) and e.double < lines


def _dash(e: Evidence) -> bool:
    dash = e.openings[2]
    return dash >= 2 and dash >= 0.15 * len(e.paragraphs) and e.double < dash


def _corner(e: Evidence) -> bool:
    corner = e.count("「『")
    return corner >= 1 and corner >= e.double / 2 and corner >= e.single_pairs


def _single(e: Evidence) -> bool:
    return e.single_pairs > e.double / 2 and e.single_pairs >= 2


DOUBLE_MARKS = '"“”«»„'
DOUBLE_OPENERS = '"“«„'
CORNER_BRACKETS = {"「": "」", "『": "』"}

register(marked_style(
    "double", "double quotation marks: straight, curly, low-high or guillemets",
    marks.double_pieces, DOUBLE_OPENERS, mentions=True,
))
register(marked_style(
    "single", "single quotation marks, told apart from apostrophes",
    marks.single_pieces, "‘'", marks.single_reopens, detect=_single, detect_order=4, mentions=True,
))
register(marked_style(
    "corner", "corner brackets 「...」 (with 『...』 inside, or on their own)",
    marks.bracketed(CORNER_BRACKETS), "".join(CORNER_BRACKETS), detect=_corner, detect_order=3,
))
register(QuoteStyle(
    "dash", "dialogue opened by a dash (—, ― or --)",
    lambda scene, paragraphs, notices: marks.find_dash(scene.text, paragraphs), detect=_dash, detect_order=2,
))
register(QuoteStyle(
    "script", "a play or screenplay: the speaker's cue before the speech",
    lambda scene, paragraphs, notices: marks.find_script(scene.text, paragraphs), detect=_script, detect_order=1,
))
