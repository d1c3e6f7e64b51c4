"""The export formats of the critique: the registry (:mod:`workshop.report.formats.registry`) and one module per
format, each registering itself when imported (in menu order below). A new format is one module that calls
:func:`~workshop.report.formats.registry.register`, imported here.
"""

from __future__ import annotations

from workshop.report.formats.registry import EXPORT_FORMATS, ExportFormat, export_format, register, render

# Each module registers its format when imported, so the order of these imports is the menu order.
from workshop.report.formats import markdown  # noqa: I001
from workshop.report.formats import html_format
from workshop.report.formats import text
from workshop.report.formats import json_format
from workshop.report.formats import csv_format

FORMATS: tuple[str, ...] = tuple(EXPORT_FORMATS)
"""The format names, in menu order."""

__all__ = ["EXPORT_FORMATS", "FORMATS", "ExportFormat", "csv_format", "export_format", "html_format", "json_format",
           "markdown", "register", "render", "text"]
