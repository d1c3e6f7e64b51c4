"""The registry of the critique's export formats: each format is a name, a file suffix, a label for the
export widget and a function from :class:`~workshop.report.model.Critique` to text.

The command's ``--format`` choices, the export widget's menu and :func:`render` all read :data:`EXPORT_FORMATS`,
so a new format is one module that calls :func:`register`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop.errors import WorkshopError
from workshop.files.export_formats import register_format

if TYPE_CHECKING:
    from workshop.report.model import Critique


@dataclass(frozen=True)
class ExportFormat:
    """One way to write the critique."""

    name: str
    suffix: str
    label: str
    render: Callable[["Critique"], str]
    pictures: bool = False
    """Whether the format embeds the pictures (so the critique should draw them)."""


EXPORT_FORMATS: dict[str, ExportFormat] = {}


def register(fmt: ExportFormat) -> ExportFormat:
    """Add a format to the registry (a later registration of the same name replaces the earlier one)."""
    EXPORT_FORMATS[fmt.name] = fmt
    # and in the kit's registry of every output (quotes, profile, compare, critique), which the command line's
    # --format choices and a folder run's file names read
    register_format("critique", fmt.name, fmt.render, extension=fmt.suffix, description=fmt.label)
    return fmt


def export_format(name: str) -> ExportFormat:
    """The registered format called ``name``; an unknown name is a one-line error listing the valid ones."""
    found = EXPORT_FORMATS.get(name)
    if found is None:
        raise WorkshopError(f"Unknown format {name!r}; choose one of {', '.join(EXPORT_FORMATS)}.")
    return found


def render(critique: "Critique", name: str) -> str:
    """The critique in the format called ``name`` (see :data:`EXPORT_FORMATS`)."""
    return export_format(name).render(critique)
