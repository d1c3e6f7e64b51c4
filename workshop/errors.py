"""Errors and notices that are meant to be read by a writer, not a programmer."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(message: str) -> str:
    """``message`` with line breaks and other control characters shown as escapes (``\\n``, ``\\x01``).

    Messages quote the user's own text (a cast name, a file name); a name holding a line break must not turn a
    one-line message into two, nor a control character into terminal garbage.
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)


class WorkshopError(Exception):
    """A problem with the user's input that stops the work; its message says what to do.

    The command line prints the message (no traceback) and exits non-zero; notebooks show it as text. The message
    is always one line: any line break or control character it quotes from the input is shown escaped.
    """

    def __init__(self, message: object = "", *args: object) -> None:
        super().__init__(one_line(str(message)), *args)


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
