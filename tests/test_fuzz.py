"""The hostile-input generators of tests/hostile.py, run briefly on every test run (bench/fuzz.py runs them for
minutes): no traceback, offsets that index the text, spans sorted and apart, every open quotation warned, nothing
quoted lost, the same output twice.

Examples are drawn from a fixed seed (``derandomize``), so a run is the same every time; the deadline is far above
what a linear kit needs on these sizes (a return of a quadratic scan, or a hang, fails it).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile import (STYLES, cast_files, check_bytes, check_cast_file, check_corrections_file, check_text,
                     corrections_files, hostile_bytes, hostile_texts)

BRIEF = settings(
    max_examples=int(os.environ.get("VW_FUZZ_EXAMPLES", "25")),
    deadline=10_000,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def assert_ok(report) -> None:
    assert not report.tracebacks, report.tracebacks[0]
    assert not report.violations, report.violations


@BRIEF
@given(hostile_texts())
def test_hostile_text(text):
    assert_ok(check_text(text))


@BRIEF
@given(hostile_texts(), st.sampled_from(STYLES))
def test_hostile_text_in_a_forced_style(text, style):
    assert_ok(check_text(text, style))


@BRIEF
@given(hostile_bytes())
def test_hostile_files(data):
    assert_ok(check_bytes(data))


@BRIEF
@given(cast_files())
def test_hostile_cast_files(file):
    assert_ok(check_cast_file(*file))


@BRIEF
@given(corrections_files())
def test_hostile_corrections_files(file):
    assert_ok(check_corrections_file(*file))
