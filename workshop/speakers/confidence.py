"""Confidence when the kit found the cast itself: the engine's confidences recalibrated on scenes read without a
cast file.

The confidences of :data:`workshop.speakers.attribution.CONFIDENCE` and of the ranker were measured with the novels' cast
files. Without one, the same evidence is weaker: a name the kit found may be the wrong person or half of one
("Bill" and "Bill Gorton" found as two), a speaker it missed is never a candidate, a pronoun resolves through a
gender the kit may have guessed from a first name. So when the cast was found, each confidence is mapped to the
share of pieces given that confidence that were right on scenes of the tuning novels read without their cast
(``workshop/data/attribution/confidence_found.json``, rebuilt by ``scripts/calibrate_found_cast.py``; the
held-out novels are never read). Three kinds of answer are calibrated apart:

- ``named``: a tag names the speaker (explicit, script, and the pieces of such an utterance);
- ``guessed``: a "she said" resolved to a character whose gender came from the first-name dictionary, not the
  text (the guess may be wrong);
- ``inferred``: every other answer (pronouns, descriptions, beats, vocatives, turn-taking).

Within each kind the mapping is piecewise linear between the measured points and never decreasing, so a surer
answer stays surer.
"""

from __future__ import annotations

import bisect
import json
from functools import lru_cache
from importlib import resources

KINDS = ("named", "guessed", "inferred")


def kind_of(method: str, confidence: float, guessed_gender: bool) -> str:
    """Which calibration an answer takes (see the module docstring)."""
    if method in ("explicit", "script") or (method == "split" and confidence >= 0.9):
        return "named"
    if method in ("pronoun", "descriptive") and guessed_gender:
        return "guessed"
    return "inferred"


@lru_cache(maxsize=1)
def table() -> dict[str, list[tuple[float, float]]]:
    """kind -> sorted (raw confidence, calibrated confidence) points; empty when the file is missing."""
    try:
        raw = resources.files("workshop").joinpath("data", "attribution", "confidence_found.json").read_text(
            encoding="utf-8"
        )
    except (FileNotFoundError, OSError):
        return {}
    data = json.loads(raw)
    return {k: [(float(a), float(b)) for a, b in v] for k, v in data.get("points", {}).items()}


def calibrate(confidence: float, kind: str) -> float:
    """The confidence to report for an answer of ``kind`` the engine gave ``confidence`` with a found cast."""
    points = table().get(kind) or table().get("inferred")
    if not points:
        return confidence
    xs = [x for x, _ in points]
    i = bisect.bisect_left(xs, confidence)
    if i == 0:
        value = points[0][1] * (confidence / xs[0]) if xs[0] > 0 else points[0][1]
    elif i >= len(points):
        value = points[-1][1]
    else:
        (x0, y0), (x1, y1) = points[i - 1], points[i]
        value = y0 + (y1 - y0) * (confidence - x0) / (x1 - x0) if x1 > x0 else y1
    return round(max(0.0, min(1.0, value)), 3)
