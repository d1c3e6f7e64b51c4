"""The critique as plain text, for an e-mail or a learning platform's comment box (no markup at all)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from workshop.report.formats.registry import ExportFormat, register
from workshop.report.formats.outline import outline

if TYPE_CHECKING:
    from workshop.report.model import Critique

WIDTH = 100


def render_text(c: "Critique") -> str:
    """Headings underlined, paragraphs and list items wrapped at :data:`WIDTH` columns; pictures left out."""
    title = f"Voice critique: {c.scene}"
    lines = [title, "=" * len(title), ""]
    for heading, blocks in outline(c):
        if all(kind == "img" for kind, _ in blocks):
            continue
        lines += [heading, "-" * len(heading), ""]
        for kind, content in blocks:
            if kind == "p":
                lines += textwrap.wrap(str(content), WIDTH, break_long_words=False, break_on_hyphens=False) + [""]
            elif kind == "ul":
                for item in content:
                    lines += textwrap.wrap(str(item), WIDTH, initial_indent="* ", subsequent_indent="  ",
                                           break_long_words=False, break_on_hyphens=False)
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"


register(ExportFormat("txt", "txt", "Plain text (.txt)", render_text))
