"""Upload a scene from the browser: the way to bring your own scene into the code-free app (Voilà)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import ipywidgets as w

from workshop.errors import Notice, WorkshopError
from workshop.text.scene import MAX_BYTES, decode
from workshop.widgets.common import message_html
from workshop.widgets.session import ClassScene


LABEL = "Upload your scene (.txt)"
BUTTON_CSS = (
    "<style>.vw-upload .vw-upload-button{font-size:0}"
    f".vw-upload .vw-upload-button::after{{content:'{LABEL}';font-size:var(--jp-widgets-font-size,13px)}}</style>"
)
"""ipywidgets always writes the number of files chosen after an upload button's label ("(0)", "(1)"), which
means nothing to a student: the label is drawn from CSS instead, and the widget's own text is hidden."""


def app_words(notice: str) -> str:
    """A notice in the app's words: the app has no command-line options, so "use --keep-notes to include it"
    becomes what it means for the student."""
    return re.sub(r";\s*use --keep-notes to include it\.?", " (it is not counted as part of the scene).", notice)


class SceneUpload(w.VBox):
    """A button to upload a ``.txt`` or ``.md`` scene; once read, every widget sharing the scene uses it."""

    def __init__(self, session: ClassScene) -> None:
        self.session = session
        self.button = w.FileUpload(accept=".txt,.md,.text,.markdown", multiple=False, icon="",
                                   description=LABEL, tooltip="Choose a .txt or .md file with your scene",
                                   layout=w.Layout(width="260px"))
        self.button.add_class("vw-upload-button")
        self.status = w.HTML(self._showing())
        self.status.add_class("vw-upload-status")
        self.error = w.HTML()
        self.error.add_class("vw-upload-error")
        self.button.observe(self._uploaded, names="value")
        super().__init__([w.HTML(BUTTON_CSS), self.button, self.status, self.error])
        self.add_class("vw-upload")

    def _showing(self) -> str:
        warnings = "".join(f"<br><small>{html.escape(app_words(str(n)))}</small>" for n in self.session.scene.notices)
        return f"<p>Now showing: {html.escape(self.session.summary())}{warnings}</p>"

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
            # the scene in use has not changed: keep saying what it is, and put the problem beside it
            self.status.value = self._showing()
            self.error.value = message_html(f"Could not use {html.escape(filename)}: {html.escape(str(exc))}")
            return False
        self.status.value = self._showing()
        self.error.value = ""
        return True
