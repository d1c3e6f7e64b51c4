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


REPORT_ADDRESS = "the kit's issue tracker (or your teacher)"


def unexpected_error_message(exc: BaseException, command: str | None) -> str:
    """One line for an error the kit did not foresee: what happened, and that it is worth reporting."""
    what = " ".join(str(exc).split())[:200] or "no details"
    return (f"something went wrong inside the kit ({type(exc).__name__}: {what}) while running {command or 'it'}. "
            f"This is a bug, not your mistake: please report it to {REPORT_ADDRESS}, with the command you ran.")


def one_line_problem(exc: BaseException, what: str = "the scene") -> str:
    """Why one item of a batch (a scene, a novel) could not be done, in one line: the kit's own message for a
    problem with the input, else what went wrong inside the kit (a bug worth reporting). Here, below every
    layer, so that any batch (the folder commands, the norms builder) words its failures alike."""
    if isinstance(exc, WorkshopError):
        text = " ".join(str(exc).split())
        return text or f"{what} could not be read"
    if isinstance(exc, MemoryError):
        return f"{what} is too large for this machine's memory: split it into chapters or scenes."
    return unexpected_error_message(exc, f"this {what.removeprefix('the ')}")
