"""Show a :class:`~workshop.errors.WorkshopError` in a notebook as its one-line message, not as a traceback.

A wrong path in the "Your scene" cell is the most common mistake a student makes; what they need to read is the
message ("There is no file at my-scene.txt. Check the path…"), not six frames of the kit's code. Importing
:mod:`workshop.widgets` inside IPython (JupyterLab, Voilà, nbclient) registers :func:`show_workshop_error` for
``WorkshopError`` only; every other exception keeps IPython's usual traceback. The cell still counts as failed,
so "Run All" stops there instead of running the cells below on a scene that was never opened.
"""

from __future__ import annotations

import html
from typing import Any

from workshop.errors import WorkshopError

NOTE_STYLE = ("padding:0.6em 0.9em;margin:0.3em 0;border-left:5px solid #d9a400;background:#fff8e1;"
              "color:#333;font-size:105%;line-height:1.4;")


class FriendlyNote:
    """A message for a writer, shown as a plain note (HTML in a notebook, plain text elsewhere)."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        self.message = message
        self.hint = hint

    def _repr_html_(self) -> str:
        hint = f"<br><small>{html.escape(self.hint)}</small>" if self.hint else ""
        return (f'<div class="vw-note vw-friendly-error" style="{NOTE_STYLE}"><b>Something to fix:</b> '
                f"{html.escape(self.message)}{hint}</div>")

    def __repr__(self) -> str:
        return f"Something to fix: {self.message}" + (f"\n{self.hint}" if self.hint else "")


HINT = "Change the cell above and run it again (Shift+Enter); the cells below it need it to work."


def show_workshop_error(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None) -> list[str]:
    """IPython custom exception handler: display the error's message as a note; no traceback.

    Returns an empty structured traceback, so IPython prints nothing else.
    """
    from IPython.display import display

    display(FriendlyNote(str(value) or etype.__name__, hint=HINT))
    return []


def register(shell: Any = None) -> bool:
    """Show ``WorkshopError`` as a note in this IPython session; False outside IPython (nothing to do)."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    current = tuple(getattr(shell, "custom_exceptions", ()) or ())
    if current and current != (WorkshopError,):
        return False  # someone else's handler: leave it alone
    shell.set_custom_exc((WorkshopError,), show_workshop_error)
    return True
