"""The attribution editor: every line of dialogue with its speaker in a dropdown; a change is saved and used."""

from __future__ import annotations

import html
import re

import ipywidgets as w

from workshop.report.quoting import tidy, trim
from workshop.speakers.dialogue import METHODS, Segment
from workshop.widgets.common import message_html
from workshop.widgets.session import ClassScene

UNKNOWN_LABEL = "(unknown)"


def method_words(method: str) -> str:
    """How a speaker was found, in a writer's words, without the example names (they belong to another scene:
    "said Bruce" under a line of *The Lighthouse* only confuses)."""
    words = METHODS.get(method, method)
    return re.sub(r'\s*\((?:\s*(?:"[^"]*"|“[^”]*”)\s*,?)+\)', "", words).strip()  # one or more examples


class AttributionEditor(w.VBox):
    """One row per utterance: line number, the words, and who says them (a dropdown with "(unknown)").

    Choosing another speaker saves a fix to the scene's corrections file (:func:`workshop.speakers.corrections.save_correction`)
    and finds the dialogue again, so every other widget and notebook cell uses it from then on. Long scenes are
    shown a page at a time; ``show`` narrows the list to unknown or doubtful speakers.
    """

    def __init__(self, session: ClassScene, *, page_size: int = 30) -> None:
        self.session = session
        self.page_size = page_size
        wide = {"description_width": "initial"}
        self.show = w.Dropdown(options=[("every line", "all"), ("lines with no speaker", "unknown"),
                                        ("doubtful speakers (confidence under 0.6)", "doubtful")],
                               value="all", description="Show", style=wide,
                               layout=w.Layout(width="440px"))  # wide enough for its longest label
        self.page = w.IntSlider(value=1, min=1, max=1, description="Page", continuous_update=False, style=wide)
        self.status = w.HTML()
        self.status.add_class("vw-status")
        self.rows = w.VBox()
        self.dropdowns: list[tuple[Segment, w.Dropdown]] = []
        self.show.observe(lambda _c: self._rebuild(reset_page=True), names="value")
        self.page.observe(lambda _c: self._rebuild(), names="value")
        super().__init__([w.HBox([self.show, self.page]), self.status, self.rows])
        self.add_class("vw-editor")
        self._rebuild()
        self.status.value = self._summary()
        session.on_change(lambda _s: self._refresh())  # a confirmed cast or an upload changes every line

    def _refresh(self) -> None:
        self._rebuild()
        self.status.value = self._summary()

    def _lines(self) -> list[Segment]:
        """The first segment of every utterance, filtered as ``show`` says."""
        firsts = [u.segments[0] for u in self.session.dialogue.utterances]
        if self.show.value == "unknown":
            return [s for s in firsts if s.speaker is None]
        if self.show.value == "doubtful":
            return [s for s in firsts if s.speaker is None or s.confidence < 0.6]
        return firsts

    def _summary(self) -> str:
        d = self.session.dialogue
        unknown = len({s.utterance for s in d.unattributed})
        where = html.escape(str(self.session.corrections))
        n = len(d.utterances)
        return (f"<p>{n} line{'' if n == 1 else 's'}; {unknown} with no speaker. A change is saved in "
                f"<code>{where}</code> and used from then on.</p>")

    def _rebuild(self, reset_page: bool = False) -> None:
        lines = self._lines()
        pages = max(1, -(-len(lines) // self.page_size))
        if reset_page:
            self.page.value = 1
        self.page.max = pages
        self.page.layout.display = "none" if pages == 1 else None
        start = (self.page.value - 1) * self.page_size
        speakers = list(dict.fromkeys(self.session.dialogue.speakers + self.session.dialogue.cast.names))
        options = [(UNKNOWN_LABEL, "")] + [(n, n) for n in speakers]
        rows, self.dropdowns = [], []
        shown = lines[start : start + self.page_size]
        wanted = {seg.utterance for seg in shown}
        by_index = {u.index: u for u in self.session.dialogue.utterances if u.index in wanted}
        for seg in shown:
            utterance = by_index[seg.utterance]
            text = " … ".join(trim(tidy(s.text), 160) for s in utterance.segments)  # pieces, never glued with ", "
            how = method_words(seg.method)
            label = w.HTML(f"<span style='color:#666'>line {seg.line}</span> “{html.escape(text)}”"
                           f"<br><small style='color:#888'>{html.escape(how)}</small>",
                           layout=w.Layout(width="640px"))
            choice = w.Dropdown(options=options, value=seg.speaker or "", layout=w.Layout(width="180px"))
            choice.observe(lambda change, seg=seg: self._changed(seg, change["new"]), names="value")
            self.dropdowns.append((seg, choice))
            rows.append(w.HBox([choice, label]))
        if not rows:
            rows = [w.HTML(message_html("No lines to show here."))]
        self.rows.children = rows

    def _changed(self, segment: Segment, speaker: str) -> None:
        path = self.session.correct(segment, speaker or None)
        who = html.escape(speaker) if speaker else "nobody (unknown)"
        self._rebuild()
        self.status.value = (self._summary()
                             + f"<p class='vw-saved'>Saved: the line at line {segment.line} is now {who}'s. "
                             f"({html.escape(path.name)})</p>")

    def set_speaker(self, line_number: int, speaker: str | None) -> None:
        """Change the speaker of the first line shown at ``line_number`` (what the dropdown does, for tests)."""
        for seg, choice in self.dropdowns:
            if seg.line == line_number:
                choice.value = speaker or ""
                return
        raise ValueError(f"No line {line_number} on this page.")
