"""The reference picker: choose one of the kit's reference scenes, read what it shows, and who is in it."""

from __future__ import annotations

import html

import ipywidgets as w

from workshop.report import critique


class ReferencePicker(w.VBox):
    """A dropdown of the kit's reference scenes (``texts/references``) and a description of the chosen one.

    ``.value`` is the chosen reference's name (usable as ``against=`` in the critique); ``.characters`` its
    characters' keys (usable in the comparison widget).
    """

    def __init__(self) -> None:
        self.summaries = {s["name"]: s for s in critique.reference_summaries()}
        options = [(f"{s['title']} ({s['name']})", s["name"]) for s in self.summaries.values()]
        self.choice = w.Dropdown(options=options or [("(no reference scenes found)", "")], description="Reference",
                                 style={"description_width": "initial"}, layout=w.Layout(width="460px"))
        self.about = w.HTML()
        self.about.add_class("vw-reference")
        self.choice.observe(lambda _c: self._describe(), names="value")
        super().__init__([self.choice, self.about])
        self.add_class("vw-reference-picker")
        self._describe()

    @property
    def value(self) -> str:
        return str(self.choice.value)

    @property
    def characters(self) -> list[str]:
        entry = self.summaries.get(self.value)
        return [c["key"] for c in entry["characters"]] if entry else []

    def _describe(self) -> None:
        entry = self.summaries.get(self.value)
        if entry is None:
            self.about.value = "<p>No reference scenes are installed with the kit.</p>"
            return
        who = ", ".join(f"{html.escape(c['name'])} ({c['words']} word{'' if c['words'] == 1 else 's'})" for c in entry["characters"])
        self.about.value = (f"<p><b>{html.escape(entry['title'])}</b>: {html.escape(entry['about'])}</p>"
                            f"<p>Speakers: {who}.</p>")
