"""The export panel: choose a format, write the critique summary to a file, and download it."""

from __future__ import annotations

import base64
import html
from pathlib import Path

import ipywidgets as w

from workshop.report import critique
from workshop.report.formats import EXPORT_FORMATS
from workshop.errors import WorkshopError
from workshop.widgets.common import message_html
from workshop.widgets.session import ClassScene

LINK_STYLE = ("display:inline-block;padding:6px 14px;border-radius:4px;background:#1f6fb2;color:#fff;"
              "font-weight:bold;text-decoration:underline;cursor:pointer")
"""The download link looks like a button (JupyterLab's styles make a bare link look like plain text)."""

MIME = {"md": "text/markdown", "html": "text/html", "json": "application/json", "csv": "text/csv", "txt": "text/plain"}


class ExportPanel(w.VBox):
    """Format, file name, "replace" and a button; the result is a link that downloads the file.

    The link is an HTML ``<a download>`` with the file in a ``data:`` URI, so it works in JupyterLab, classic
    notebooks, Voilà and JupyterHub alike. An existing file is only replaced when "replace it" is ticked.
    """

    def __init__(self, session: ClassScene, *, folder: str | Path = ".", against: str | None = None) -> None:
        self.session = session
        self.folder = Path(folder)
        self.against = against
        wide = {"description_width": "initial"}
        self.format = w.Dropdown(options=[(f.label, f.name) for f in EXPORT_FORMATS.values()],
                                 value="html", description="Format", style=wide)
        self.filename = w.Text(value=self._default_name("html"), description="File name", style=wide,
                               continuous_update=False)
        self.replace = w.Checkbox(value=False, description="replace it if it exists", indent=False)
        self.button = w.Button(description="Write the critique", button_style="primary",
                               layout=w.Layout(width="220px"))
        self.result = w.HTML()
        self.result.add_class("vw-export-result")
        self.written: Path | None = None
        self.format.observe(self._format_changed, names="value")
        self.button.on_click(lambda _b: self.export())
        super().__init__([w.HBox([self.format, self.filename]), self.replace, self.button, self.result])
        self.add_class("vw-export")

    def _default_name(self, fmt: str) -> str:
        return f"{self.session.name}-critique.{fmt}"

    def _format_changed(self, change) -> None:
        stem = Path(self.filename.value).stem if self.filename.value else f"{self.session.name}-critique"
        self.filename.value = f"{stem}.{change['new']}"

    def export(self) -> Path | None:
        """Write the file; show a download link (or what went wrong)."""
        fmt = self.format.value
        name = Path(self.filename.value.strip() or self._default_name(fmt)).name
        path = self.folder / name
        if path.exists() and not self.replace.value:
            self.result.value = message_html(
                f"There is already a file called {html.escape(name)} here. Tick “replace it if it exists” to "
                "write over it, or change the file name.")
            return None
        try:
            summary = self.session.critique(self.against)
            critique.write_critique(summary, path, fmt, force=self.replace.value)
        except WorkshopError as exc:
            self.result.value = message_html(html.escape(str(exc)))
            return None
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        size = path.stat().st_size
        self.written = path
        self.result.value = (
            f"<p>Written: <code>{html.escape(str(path))}</code> ({size:,} bytes).</p>"
            f"<p><a download='{html.escape(name)}' href='data:{MIME.get(fmt, 'application/octet-stream')};base64,{data}' class='vw-download' "
            f"style='{LINK_STYLE}'>⬇ Download {html.escape(name)}</a></p>"
        )
        return path
