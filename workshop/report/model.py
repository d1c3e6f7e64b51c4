"""The critique as data: what it says about the talk, each character, each pair, and what to try."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from workshop.compare.norms.table import CLASSIC_PEOPLE
from workshop.report.formatting import value_with_unit as _value_with_unit
from workshop.report.talk import TalkShare


@dataclass
class Highlight:
    """A measure on which a character stands out among characters in classic novels."""

    metric: str
    label: str
    value: float
    percentile: float
    sentence: str
    example: str = ""
    note: str = ""


@dataclass
class CharacterSection:
    name: str
    words: int
    turns: int
    word_share: float
    highlights: list[Highlight]
    signature_words: list[str]
    openers: list[str]
    examples: list[str]
    notes: list[str]


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
               if k not in ("pictures", "rhythm", "population")}
        return out

    def highlights_frame(self) -> Any:
        """Every character's highlights as a DataFrame: character, measure, value, percentile, example line."""
        import pandas as pd

        rows = [{"character": ch.name, "measure": h.label, "value": _value_with_unit(h.value, h.metric),
                 "percentile in classic novels": round(h.percentile), "for example": h.example}
                for ch in self.characters for h in ch.highlights]
        return pd.DataFrame(rows, columns=["character", "measure", "value", "percentile in classic novels",
                                           "for example"])

