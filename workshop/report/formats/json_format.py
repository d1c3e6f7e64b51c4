"""The critique as JSON: :meth:`~workshop.report.model.Critique.to_dict`, for scripts and other tools."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from workshop.report.formats.registry import ExportFormat, register

if TYPE_CHECKING:
    from workshop.report.model import Critique


def render_json(c: "Critique") -> str:
    return json.dumps(c.to_dict(), ensure_ascii=False, indent=2) + "\n"


register(ExportFormat("json", "json", "Data (.json)", render_json))
