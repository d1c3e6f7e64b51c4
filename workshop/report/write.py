"""Writing the critique to a file: whole or not at all, never over an existing file unless asked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workshop.files.atomic_write import check_output_path, write_file
from workshop.report.formats import render

if TYPE_CHECKING:
    from workshop.report.model import Critique


def write_critique(critique: "Critique", path: str | Path, fmt_name: str, *, force: bool = False) -> Path:
    """Write the critique to ``path`` in the format ``fmt_name``; an existing file is only replaced with ``force``.

    The file is written through :mod:`workshop.files.atomic_write` (a temporary file renamed into place), so a
    failure keeps an existing file as it was. Returns the path."""
    hint = "choose to replace it, or give another file name"
    check_output_path(path, force=force, exists_hint=hint)
    write_file(path, render(critique, fmt_name), force=force, exists_hint=hint)
    return Path(path)
