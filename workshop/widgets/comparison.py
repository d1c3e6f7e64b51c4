"""The character comparison widget: pick two voices and a family of measures; a table and a picture update."""

from __future__ import annotations

import html
import time

import ipywidgets as w

from workshop import critique
from workshop.widgets.common import figure_png, message_html
from workshop.widgets.session import ClassScene

FAMILIES = [("Readability", "readability"), ("Rhythm", "rhythm"), ("Word choice", "diction")]


class ComparisonWidget(w.VBox):
    """Two dropdowns (who against whom), a family of measures, and the result as HTML + a picture.

    ``.result`` (an ``ipywidgets.HTML``) and ``.picture`` (an ``ipywidgets.Image``) hold what is shown, so a
    test can read them without a browser.
    """

    def __init__(self, session: ClassScene, *, first: str | None = None, second: str | None = None) -> None:
        self.session = session
        self.first = w.Dropdown(description="Character", style={"description_width": "initial"})
        self.second = w.Dropdown(description="against", style={"description_width": "initial"})
        self.family = w.ToggleButtons(options=FAMILIES, value="rhythm", description="Measures")
        self.examples = w.IntSlider(
            value=2, min=0, max=5, description="Example lines", continuous_update=False,
            style={"description_width": "initial"},
        )
        self.result = w.HTML()
        self.result.add_class("vw-result")
        self.picture = w.Image(format="png", layout=w.Layout(max_width="900px", width="100%"))
        self.last_draw_seconds = 0.0
        self._fill_options(first, second)
        for control in (self.first, self.second, self.family, self.examples):
            control.observe(self._on_change, names="value")
        session.on_change(lambda _s: self._refresh_options())
        controls = w.HBox([self.first, self.second], layout=w.Layout(flex_flow="row wrap"))
        super().__init__([controls, self.family, self.examples, self.result, self.picture])
        self.add_class("vw-comparison")
        self.redraw()

    # options -------------------------------------------------------------------------------------------------
    def _options(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        names = self.session.characters
        firsts = [(n, n) for n in names]
        seconds = [(n, n) for n in names] + critique.comparison_targets(self.session.dialogue)
        return firsts, seconds

    def _fill_options(self, first: str | None, second: str | None) -> None:
        firsts, seconds = self._options()
        self._quiet = True
        try:
            self.first.options = firsts or [("(nobody speaks)", "")]
            values = [v for _, v in firsts]
            self.first.value = first if first in values else (values[0] if values else "")
            self.second.options = seconds or [("(nobody else)", "")]
            values2 = [v for _, v in seconds]
            others = [v for v in values2 if v != self.first.value]
            self.second.value = second if second in values2 else (others[0] if others else (values2 or [""])[0])
        finally:
            self._quiet = False

    def _refresh_options(self) -> None:
        self._fill_options(self.first.value, self.second.value)
        self.redraw()

    def _on_change(self, _change) -> None:
        if not self._quiet:
            self.redraw()

    # drawing -------------------------------------------------------------------------------------------------
    def redraw(self) -> None:
        started = time.perf_counter()
        a, b, family = self.first.value, self.second.value, self.family.value
        if not a or not b:
            self.result.value = message_html(
                "There are not two voices to compare yet: the kit found fewer than two speakers. "
                "Check the speakers in notebook 01."
            )
            self.picture.value = b""
            return
        try:
            view = self.session.cached(
                ("comparison", a, b, family, self.examples.value),
                lambda: critique.comparison_view(self.session.dialogue, a, b, family, examples=self.examples.value,
                                                 cache=self.session),
            )
        except Exception as exc:  # shown to the student, never a traceback in a widget
            self.result.value = message_html(f"Could not compare {html.escape(a)} with {html.escape(b)}: {exc}")
            self.picture.value = b""
            return
        self.result.value = view.html
        self.picture.value = self.session.cached(("comparison-png", a, b, family), lambda: figure_png(view.figure()))
        self.last_draw_seconds = time.perf_counter() - started
