"""Upload a scene from the browser: the way to bring your own scene into the code-free app (Voilà)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import ipywidgets as w

from workshop.errors import Notice, WorkshopError
from workshop.scene import MAX_BYTES, decode
from workshop.widgets.common import message_html
from workshop.widgets.session import ClassScene


class SceneUpload(w.VBox):
    """A button to upload a ``.txt`` or ``.md`` scene; once read, every widget sharing the scene uses it."""

    def __init__(self, session: ClassScene) -> None:
        self.session = session
        self.button = w.FileUpload(accept=".txt,.md,.text,.markdown", multiple=False,
                                   description="Upload your scene (.txt)", layout=w.Layout(width="260px"))
        self.status = w.HTML(f"<p>Now showing: {html.escape(session.summary())}</p>")
        self.status.add_class("vw-upload-status")
        self.button.observe(self._uploaded, names="value")
        super().__init__([self.button, self.status])
        self.add_class("vw-upload")

    def _uploaded(self, change) -> None:
        files = change["new"]
        if not files:
            return
        first = files[0]
        self.load(str(first["name"]), bytes(first["content"]))

    def load(self, filename: str, data: bytes) -> bool:
        """Read an uploaded file (what the button does); True when the scene was replaced."""
        name = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(filename).stem).strip("-") or "my-scene"
        try:
            if len(data) > MAX_BYTES:
                raise WorkshopError(f"{filename} is {len(data) / 1e6:.1f} MB; upload a scene or chapter instead.")
            notices: list[Notice] = []
            text, _encoding = decode(data, name=filename, notices=notices)
            self.session.use_text(text, name=name, notices=notices)
        except WorkshopError as exc:
            self.status.value = message_html(html.escape(str(exc)))
            return False
        warnings = "".join(f"<br><small>{html.escape(str(n))}</small>" for n in self.session.scene.notices)
        self.status.value = f"<p>Now showing: {html.escape(self.session.summary())}{warnings}</p>"
        return True
