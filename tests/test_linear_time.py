"""Scanning time grows linearly with the input: long runs of one pattern that made a step quadratic.

Each input below took minutes before its step was made linear (100 kB of the pattern took 35-60 s; these are
larger still); the limits are many times what the linear steps take (see tests/limits.py). Times themselves are
measured in bench/pathological.py.
"""

from __future__ import annotations

import pytest
from limits import time_limit

from workshop import scene_from_text
from workshop.cast_discovery import discover_cast
from workshop.quotes import find_quotes


def _scene(body: str):
    return scene_from_text(f'"Hi," said Anna.\n\n{body}x\n\n"Bye," said Tom.', detect_notes=False)


@pytest.mark.parametrize("unit", ["'Hello,' she said. 'Go' ", "'a' "])
def test_a_long_paragraph_of_single_quotes(unit):
    scene = _scene(unit * (200_000 // len(unit)))
    with time_limit(20):
        result = find_quotes(scene, style="single")
    pieces = [scene.text[s.start : s.end] for s in result.spans]
    assert pieces[:2] == (["Hello,", "Go"] if unit.startswith("'H") else ["a", "a"])


@pytest.mark.parametrize("unit", ["a ", "the ", "Anna, ", "Anna " + " " * 40])
def test_names_found_in_a_long_paragraph(unit):
    scene = _scene(unit * (200_000 // len(unit)))
    speech = [s for s in find_quotes(scene).spans if s.kind == "speech"]
    with time_limit(20):
        found = discover_cast(scene, speech)
    assert {c.name for c in found.characters} <= {"Anna", "Tom"}
