"""A guard for the tests of linear-time scanning: stop work that runs far past what a linear scan needs.

Speed is measured in benchmarks (bench/pathological.py), not in tests. These limits are ten times or more above
what the linear scans take on a loaded machine; the quadratic scans they guard against took minutes on the same
input, so a test fails only on a return of the quadratic path, not on a slow machine.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager


class TookTooLong(AssertionError):
    pass


@contextmanager
def time_limit(seconds: float):
    """Raise :class:`TookTooLong` in the block after ``seconds`` (SIGALRM: the regex engine checks for signals)."""

    def stop(_signum, _frame):
        raise TookTooLong(f"still running after {seconds} s: a scan that should be linear is not")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
