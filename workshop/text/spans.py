"""A stretch of speech found in a scene: the record every quote style's finder gives and the speakers layer reads."""

from __future__ import annotations

from dataclasses import dataclass


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
