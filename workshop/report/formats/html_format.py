"""The critique as one self-contained HTML page: styles inline, pictures embedded, every text escaped."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from workshop.report.formats.registry import ExportFormat, register
from workshop.report.formats.outline import outline
from workshop.report.formatting import esc

if TYPE_CHECKING:
    from workshop.report.model import Critique

CSS = """body{font-family:Georgia,serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}
h1,h2{font-family:Helvetica,Arial,sans-serif}img{max-width:100%}li{margin:.3em 0}
summary{cursor:pointer}summary h2{display:inline;color:#555}details{margin:1em 0}"""

TEACHER = "For the teacher"
"""Sections whose heading starts so are folded (one click to open) in the HTML page."""


def render_html(c: "Critique") -> str:
    """One self-contained HTML file: styles inline, pictures embedded as base64 PNG, every text escaped."""
    parts = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
             f"<title>Voice critique: {esc(c.scene)}</title><style>{CSS}</style></head><body>",
             f"<h1>Voice critique: {esc(c.scene)}</h1>"]
    for heading, blocks in outline(c):
        folded = heading.startswith(TEACHER)  # the statistics are one click away, not in the student's way
        if folded:
            parts.append(f"<details class='vw-teacher'><summary><h2>{esc(heading)}</h2></summary>")
        else:
            parts.append(f"<h2>{esc(heading)}</h2>")
        for kind, content in blocks:
            if kind == "p":
                parts.append(f"<p>{esc(content)}</p>")
            elif kind == "ul":
                parts.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in content) + "</ul>")
            elif kind == "img" and content in c.pictures:
                data = base64.b64encode(c.pictures[content]).decode("ascii")
                parts.append(f"<img alt='{esc(content)}' src='data:image/png;base64,{data}'>")
        if folded:
            parts.append("</details>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


register(ExportFormat("html", "html", "Web page with pictures (.html)", render_html, pictures=True))
