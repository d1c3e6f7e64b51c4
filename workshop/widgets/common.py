"""Small helpers the widgets share: a figure as PNG bytes, a message as HTML."""

from __future__ import annotations

import html
import io
from typing import Any

from matplotlib.figure import Figure


def figure_png(figure: Figure, *, dpi: int = 80) -> bytes:
    """The figure as PNG bytes for an ``ipywidgets.Image``."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def message_html(text: str) -> str:
    """A short message in a box (``text`` is escaped unless it is already HTML-safe by construction)."""
    return f'<div class="vw-message" style="padding:0.5em;border-left:4px solid #c77;">{text}</div>'


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def picture(figure: Figure, *, dpi: int = 80) -> "Any":
    """A figure as an ``ipywidgets.Image``: shows in JupyterLab and Voilà, and a test can read its bytes."""
    import ipywidgets as w

    return w.Image(value=figure_png(figure, dpi=dpi), format="png", layout=w.Layout(max_width="960px"))
