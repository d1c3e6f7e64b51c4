"""Numbers and words as a writer reads them: percentages, plurals, labels and units, HTML and Markdown escaping."""

from __future__ import annotations

import html
import math
import re
from typing import Any

from workshop.voice.metrics import METRICS


def fmt(value: float | None, metric: str | None = None) -> str:
    """A number as a writer reads it: shares in percent (two significant figures under 10%, so 0.0026 is "0.26%",
    never a misleading "0%", and -0.02 is "-2.0%" beside "0.56%"), small numbers with one decimal, NaN as a dash.
    A value that rounds to zero has no minus sign ("-0.0" reads as a difference that is not there)."""
    if value is None or not isinstance(value, (int, float)) or not math.isfinite(value):
        return "–"
    info = METRICS.get(metric or "")
    if info is not None and "share" in info.unit:
        percent = 100 * value
        if percent == 0:
            return "0%"
        if abs(percent) < 1:
            return _unsigned_zero(f"{percent:.2g}") + "%"
        return _unsigned_zero(f"{percent:.1f}" if abs(percent) < 10 else f"{percent:.0f}") + "%"
    if abs(value) >= 100:
        return _unsigned_zero(f"{value:.0f}")
    return _unsigned_zero(f"{value:.1f}")


def _unsigned_zero(number: str) -> str:
    return number[1:] if number.startswith("-") and float(number) == 0 else number


def percent(share: float) -> str:
    """A share of the whole as a writer reads it: "29%", and "under 1%" for a small share that is not nothing
    (a character with 36 of 8,855 words is not "0%" of the talk)."""
    if 0 < share < 0.005:
        return "under 1%"
    return f"{share:.0%}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 word``, ``2 words`` (``many`` for irregular words: ``plural(n, "speech", "speeches")``)."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {many or word + 's'}"


SAMPLE_NOUNS = {"words": ("word", "words"), "sentences": ("sentence", "sentences"),
                 "utterances": ("speech", "speeches")}


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def label(metric: str) -> str:
    info = METRICS.get(metric)
    return info.label if info else metric.replace("_", " ")


def unit(metric: str) -> str:
    info = METRICS.get(metric)
    if info is None:
        return ""
    return "percent" if "share" in info.unit else info.unit


def value_with_unit(value: float, metric: str) -> str:
    unit_text = unit(metric)
    text = fmt(value, metric)
    bare = unit_text in ("percent", "ratio", "score", "") or "(" in unit_text or text == "–"
    return text if bare else f"{text} {unit_text}"


def md_escape(text: Any) -> str:
    """Text for Markdown with no live HTML in it: ``<`` and ``>`` as entities, and ``&`` wherever it would start
    an entity (``&lt;`` typed in a scene stays visible as typed; a plain "Tom & Jerry" stays as it is)."""
    return _ENTITY_START.sub("&amp;", str(text)).replace("<", "&lt;").replace(">", "&gt;")


_ENTITY_START = re.compile(r"&(?=#?\w+;)")

