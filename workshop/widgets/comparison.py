"""The character comparison widget: pick two voices and a family of measures; a table and a picture update."""

from __future__ import annotations

import dataclasses
import html
import time
from collections.abc import Sequence
from pathlib import Path

import ipywidgets as w

from workshop.report import critique, plots
from workshop.errors import WorkshopError
from workshop.widgets.common import message_html
from workshop.widgets.session import ClassScene
from workshop.widgets.targets import NORMS_FILE, norms_table, norms_targets, norms_view_html, shipped_targets

FAMILY_OPTIONS = [(label, key) for key, label in critique.FAMILIES.items()]


def with_shipped_and_norms(targets: list[tuple[str, str]], shipped: list[tuple[str, str]],
                           norms: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The report's targets (reference scenes' characters and the classic norms, in its order) with the shipped
    characters before the classic norms and the teacher's norms after them."""
    at = next((i for i, (_, v) in enumerate(targets) if v == critique.NORMS), len(targets))
    return targets[:at] + shipped + targets[at:at + 1] + norms + targets[at + 1:]


class ComparisonWidget(w.VBox):
    """Who against whom (another character, a reference character, a character whose lines ship with the kit, the
    classic norms or a teacher's norms file), which measures. ``norms``: norms files to offer (``norms build``
    output); every norms file in ``norms_folder`` (default: the working folder) is offered too.

    ``.result`` (an ``ipywidgets.HTML``) and ``.picture`` (an ``ipywidgets.Image``) hold what is shown, so a test
    can read them without a browser. Every result is computed once and kept: changing a choice back redraws
    from the cache.
    """

    def __init__(self, session: ClassScene, *, first: str | None = None, second: str | None = None,
                 family: str = "rhythm", references: bool = True, norms: Sequence[str | Path] = (),
                 norms_folder: str | Path | None = None) -> None:
        self.session = session
        self.references = references
        self.norms = norms_targets(norms_folder, norms)  # a teacher's norms files: checked once, here
        wide = {"description_width": "initial"}
        self.first = w.Dropdown(description="Character", style=wide, layout=w.Layout(width="260px"))
        self.second = w.Dropdown(description="compared with", style=wide, layout=w.Layout(width="460px"))
        self.family = w.ToggleButtons(options=FAMILY_OPTIONS, value=family, description="Measures", style=wide)
        self.examples = w.IntSlider(value=2, min=0, max=5, description="Example lines", continuous_update=False,
                                    style=wide)
        self.result = w.HTML()
        self.result.add_class("vw-result")
        self.picture = w.Image(format="svg+xml", layout=w.Layout(max_width="880px", width="100%"))
        self.last_draw_seconds = 0.0
        self._quiet = False
        self._fill_options(first, second)
        for control in (self.first, self.second, self.family, self.examples):
            control.observe(self._on_change, names="value")
        session.on_change(lambda _s: self._refresh_options())
        controls = w.HBox([self.first, self.second], layout=w.Layout(flex_flow="row wrap"))
        super().__init__([controls, self.family, self.examples, self.result, self.picture])
        self.add_class("vw-comparison")
        self.redraw()

    # options -------------------------------------------------------------------------------------------------
    def _fill_options(self, first: str | None, second: str | None) -> None:
        names = list(self.session.voices())
        self._quiet = True
        try:
            self.first.options = [(n, n) for n in names] or [("(nobody speaks)", "")]
            self.first.value = first if first in names else (names[0] if names else "")
            self._fill_second(second)
        finally:
            self._quiet = False

    def _fill_second(self, second: str | None) -> None:
        """Everyone to compare with except the chosen character (nobody is compared with themself)."""
        names = [n for n in self.session.voices() if n != self.first.value]
        targets = [(n, n) for n in names] + with_shipped_and_norms(critique.comparison_targets(self.references),
                                                                   shipped_targets() if self.references else [],
                                                                   self.norms)
        values = [v for _, v in targets]
        self.second.options = targets
        fallback = values[0] if values else critique.NORMS
        self.second.value = second if second in values else fallback

    def _refresh_options(self) -> None:
        self._fill_options(self.first.value, self.second.value)
        self.redraw()

    def _on_change(self, change) -> None:
        if self._quiet:
            return
        if change["owner"] is self.first:
            self._quiet = True
            try:  # the chosen character leaves the other list; if they were the other choice, swap the two
                keep = self.second.value
                self._fill_second(change["old"] if keep == self.first.value or not keep else keep)
            finally:
                self._quiet = False
        self.redraw()

    def follow(self, picker) -> "ComparisonWidget":
        """Compare with the first character of the reference chosen in ``picker`` (a
        :class:`~workshop.widgets.ReferencePicker`), now and whenever the choice changes. Returns the widget."""

        def pick(_change=None) -> None:
            keys = [k for k in picker.characters if k in dict(self.second.options).values()]
            if keys:
                self.second.value = keys[0]

        picker.choice.observe(pick, names="value")
        pick()
        return self

    # drawing -------------------------------------------------------------------------------------------------
    def view(self) -> critique.ComparisonView:
        """The current comparison (from the session's cache when it was shown before)."""
        s = self.session
        a, b, family, k = self.first.value, self.second.value, self.family.value, self.examples.value

        def compute() -> critique.ComparisonView:
            voice_a = s.voice(a)
            if b.startswith(NORMS_FILE):
                view = critique.comparison_view(voice_a, None, family, places_a=s.places(a, b), examples=0)
                table = norms_table(b)
                examples = critique.example_lines(voice_a.lines, k) if k else []
                html_text = norms_view_html(voice_a, table, view.rows, examples)
                labels = [r["label"] for r in view.rows]
                series = {voice_a.label: [r["percentile_a"] for r in view.rows]}
                title = f"{critique.FAMILIES[family]}: {voice_a.name} against {table.name}"
                return dataclasses.replace(
                    view, b=b, html=html_text, figure=lambda: plots.profile_bars(labels, series, title=title),
                    svg=lambda: plots.profile_bars_svg(labels, series, title=title))
            if b == critique.NORMS:
                return critique.comparison_view(voice_a, None, family, places_a=s.places(a), examples=k)
            return critique.comparison_view(voice_a, s.voice(b), family, pair=s.pair(a, b), places_a=s.places(a),
                                            places_b=s.places(b), examples=k)

        return s.cached(("view", a, b, family, k), compute)

    def redraw(self) -> None:
        started = time.perf_counter()
        if not self.first.value:
            self.result.value = message_html(
                "No character has any lines yet, so there is nothing to compare. Check the speakers in notebook 01.")
            self.picture.value = b""
            return
        try:
            view = self.view()
            picture = view.svg().encode("utf-8")
        except WorkshopError as exc:
            self.result.value = message_html(html.escape(str(exc)))
            self.picture.value = b""
            return
        self.result.value = view.html
        self.picture.value = picture
        self.last_draw_seconds = time.perf_counter() - started
