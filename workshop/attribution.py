"""Who speaks each quoted segment. (First version: script cues and the simplest explicit tags.)"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workshop.cast import Cast, Character
from workshop.errors import Notice
from workshop.quotes import QuotedSpan
from workshop.scene import Scene


@dataclass
class AttributionResult:
    cast: Cast
    notices: list[Notice] = field(default_factory=list)


_TAG = re.compile(r"^\W*(?:said|asked|replied)\s+([A-Z][\w.]*(?:\s[A-Z]\w*)?)|^\W*([A-Z][\w.]*(?:\s[A-Z]\w*)?)\s+(?:said|asked|replied)\b")


def attribute(scene: Scene, segments: list, spans: list[QuotedSpan], cast: Cast | None) -> AttributionResult:
    """Fill in ``speaker``, ``method`` and ``confidence`` on each segment (in place)."""
    cast = cast or Cast([], source="found")
    for seg, span in zip(segments, spans):
        if span.cue:
            name = cast.canonical(span.cue)
            if name is None:
                cast.characters.append(Character(span.cue))
                cast.__post_init__()
                name = span.cue
            seg.speaker, seg.method, seg.confidence = name, "script", 1.0
            continue
        after = scene.text[seg.end + 1 : seg.end + 60]
        m = _TAG.match(after)
        if m:
            name = cast.canonical(m.group(1) or m.group(2))
            if name:
                seg.speaker, seg.method, seg.confidence = name, "explicit", 0.95
    return AttributionResult(cast)
