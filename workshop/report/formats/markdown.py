"""The critique as Markdown (pictures left out: the HTML format carries them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.report.formats.registry import ExportFormat, register
from workshop.report.formats.outline import outline
from workshop.report.formatting import md_escape

if TYPE_CHECKING:
    from workshop.report.model import Critique


def render_markdown(c: "Critique") -> str:
    """The critique as Markdown. Scene text, names and lines are escaped (``<``, ``>``, ``&``): many Markdown
    viewers render raw HTML, and a scene must never put a ``<script>`` into the critique."""
    lines = [f"# Voice critique: {md_escape(c.scene)}", ""]
    for heading, blocks in outline(c):
        if all(kind == "img" for kind, _ in blocks):
            continue  # pictures are only in the HTML format
        lines += [f"## {md_escape(heading)}", ""]
        for kind, content in blocks:
            if kind == "p":
                lines += [md_escape(content), ""]
            elif kind == "ul":
                lines += [f"- {md_escape(item)}" for item in content] + [""]
    return "\n".join(lines).rstrip() + "\n"


register(ExportFormat("md", "md", "Markdown (.md)", render_markdown))
