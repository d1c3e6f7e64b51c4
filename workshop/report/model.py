"""The critique as data: what it says about the talk, each pair of voices, each voice, what to try, and the
numbers behind it for the teacher.

The order of the fields is the order a writer reads: who talks (and which cast was used), how the characters
differ from each other (:class:`~workshop.report.differences.PairStory`), each against a reference the writer
chose, each voice on its own, things to try; then, for the teacher, the statistics (:class:`PairSection`) and
the place of each voice among the norms (:class:`Highlight`), named for what they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from workshop.compare.norms.table import CLASSIC_PEOPLE
from workshop.report.formatting import value_with_unit as _value_with_unit
from workshop.report.differences import PairStory
from workshop.report.talk import TalkShare


@dataclass
class Highlight:
    """A measure on which a character stands out among the norms' characters (for the teacher's section).

    ``rate`` marks a measure that is zero for most of the norms' characters (trailing off, stutters): its
    ``sentence`` then says how often the character does it, never a percentile."""

    metric: str
    label: str
    value: float
    percentile: float
    sentence: str
    example: str = ""
    note: str = ""
    rate: bool = False


@dataclass
class CharacterSection:
    name: str
    words: int
    turns: int
    word_share: float
    highlights: list[Highlight]
    signature_words: list[str]
    """Each with its evidence: "afraid (2 times, Bruce never)" (:mod:`workshop.report.signature`)."""
    openers: list[str]
    examples: list[str]
    notes: list[str]
    pronoun: str = ""
    signature_counts: list[tuple[str, int]] = field(default_factory=list)
    """The signature words with how many times the character says each (for the picture)."""


@dataclass
class PairSection:
    a: str
    b: str
    distinctiveness: float
    verdict: str
    reasons: list[str]
    tag_accuracy: float
    tag_chance: float
    reference: str | None = None
    notes: list[str] = field(default_factory=list)
    distinctiveness_high: float = float("nan")
    tag_low: float = float("nan")
    tag_high: float = float("nan")
    measures: list[str] = field(default_factory=list)
    """Every measure compared, one line each: values, difference, 95% interval, verdict."""


@dataclass
class Critique:
    """Everything the critique summary says, as data (``to_dict()`` is the JSON output)."""

    scene: str
    words: int
    dialogue_words: int
    unattributed: int
    talk: list[TalkShare]
    characters: list[CharacterSection]
    pairs: list[PairSection]
    references: list[PairSection]
    prompts: list[str]
    caveats: list[str]
    norms_corpus: str = ""
    against: str | None = None
    rhythm: list[tuple[int, str, int]] = field(default_factory=list, repr=False)
    pictures: dict[str, bytes] = field(default_factory=dict, repr=False)
    population: str = CLASSIC_PEOPLE
    """Who the norms describe, for sentences (the norms themselves are named in ``norms_corpus``)."""
    stories: list[PairStory] = field(default_factory=list)
    """How the scene's characters differ from each other, pair by pair: what the critique leads with."""
    reference_stories: list[PairStory] = field(default_factory=list)
    against_title: str = ""
    cast_used: str = ""
    """Which cast the critique used, in a sentence ("the cast file safehouse.cast.toml: Natasha (she), ...")."""
    unknown_lines: list[str] = field(default_factory=list)
    """Quotations (verbatim) of the lines that still have no speaker, at most a few."""
    norms_name: str = ""
    """The norms named for what they are: "characters in classic novels (1813-1926)"."""

    def to_dict(self) -> dict[str, Any]:
        def clean(v: Any) -> Any:
            if isinstance(v, float):
                return round(v, 4) if math.isfinite(v) else None
            if isinstance(v, list):
                return [clean(x) for x in v]
            if isinstance(v, dict):
                return {k: clean(x) for k, x in v.items()}
            if hasattr(v, "__dataclass_fields__"):
                return {k: clean(getattr(v, k)) for k in v.__dataclass_fields__}
            return v

        out = {k: clean(getattr(self, k)) for k in self.__dataclass_fields__
               if k not in ("pictures", "rhythm")}
        return out

    def highlights_frame(self) -> Any:
        """Every character's highlights as a DataFrame: character, measure, value, percentile, example line."""
        import pandas as pd

        rows = [{"character": ch.name, "measure": h.label, "value": _value_with_unit(h.value, h.metric),
                 "percentile in classic novels": (None if h.rate else round(h.percentile)),
                 "for example": h.example}
                for ch in self.characters for h in ch.highlights]
        return pd.DataFrame(rows, columns=["character", "measure", "value", "percentile in classic novels",
                                           "for example"])

