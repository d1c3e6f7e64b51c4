"""Errors and notices that are meant to be read by a writer, not a programmer."""

from __future__ import annotations

from dataclasses import dataclass


class WorkshopError(Exception):
    """A problem with the user's input that stops the work; its message says what to do.

    The command line prints the message (no traceback) and exits non-zero; notebooks show it as text.
    """


@dataclass(frozen=True)
class Notice:
    """Something the user should know about that did not stop the work.

    ``code`` is a short stable identifier (for tests and filtering), ``message`` is for people,
    ``line`` is the 1-based line in the scene file it concerns, when there is one.
    """

    code: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message
