"""The reference picker: choose what to hold a scene against, read what it is, and who is in it.

It lists the kit's reference scenes (``texts/references``), the characters whose lines ship with the kit (Sherlock
Holmes, Elizabeth Bennet...: no network needed), the kit's norms of classic fiction, and any norms file a teacher
built with ``python -m workshop norms build`` (named by its ``--name``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import ipywidgets as w

from workshop.report import critique
from workshop.widgets.targets import NORMS_FILE, SHIPPED, norms_table, norms_targets, shipped_targets


class ReferencePicker(w.VBox):
    """A dropdown of everything to compare with, and a description of the chosen one.

    ``.value`` is the chosen entry: a reference scene's name or a shipped character's name (both usable as
    ``against=`` in the critique), ``norms`` (the classic norms) or ``norms:PATH`` (a teacher's norms file);
    ``.characters`` the keys the comparison widget knows it by (:meth:`ComparisonWidget.follow`). ``norms``: norms
    files to offer; every norms file in ``norms_folder`` (default: the working folder) is offered too.
    """

    def __init__(self, *, norms: Sequence[str | Path] = (), norms_folder: str | Path | None = None) -> None:
        self.summaries = {s["name"]: s for s in critique.reference_summaries()}
        options = [(f"{s['title']} ({s['name']})", s["name"]) for s in self.summaries.values()]
        self.shipped = {value: label for label, value in shipped_targets()}
        options += [(f"{label}: lines shipped with the kit", _full_name(value)) for value, label in self.shipped.items()]
        options += [("Norms: characters in classic novels (shipped with the kit)", critique.NORMS)]
        options += norms_targets(norms_folder, norms)
        self.choice = w.Dropdown(options=options, description="Reference", style={"description_width": "initial"},
                                 layout=w.Layout(width="520px"))
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
        if entry:
            return [c["key"] for c in entry["characters"]]
        shipped = _shipped_value(self.value)
        if shipped:
            return [shipped]
        return [self.value] if self.value == critique.NORMS or self.value.startswith(NORMS_FILE) else []

    def _describe(self) -> None:
        entry = self.summaries.get(self.value)
        if entry is not None:
            who = ", ".join(f"{html.escape(c['name'])} ({c['words']} word{'' if c['words'] == 1 else 's'})"
                            for c in entry["characters"])
            self.about.value = (f"<p><b>{html.escape(entry['title'])}</b>: {html.escape(entry['about'])}</p>"
                                f"<p>Speakers: {who}.</p>")
        elif _shipped_value(self.value):
            from workshop.compare.offline_references import find_offline_character

            ch = find_offline_character(self.value)
            self.about.value = (f"<p><b>{html.escape(ch.full_name)}</b> ({html.escape(ch.description)}): "
                                f"{html.escape(ch.describe())}</p>")
        elif self.value == critique.NORMS:
            from workshop.compare.norms.table import load_norms

            table = load_norms()
            self.about.value = (f"<p><b>Characters in classic novels</b>: {html.escape(table.describe())}</p>"
                                if table else "<p>The kit's norms are not installed.</p>")
        else:
            table = norms_table(self.value)
            self.about.value = (f"<p><b>{html.escape(table.summary())}</b>: norms built with "
                                f"<code>norms build</code> from {html.escape(self.value.removeprefix(NORMS_FILE))}. "
                                f"{html.escape(str(table.corpus.get('description', '')))}</p>")


def _full_name(value: str) -> str:
    from workshop.compare.offline_references import offline_characters

    return offline_characters()[value.removeprefix(SHIPPED)].full_name


def _shipped_value(name: str) -> str | None:
    """The comparison widget's key of a shipped character named ``name``, or None."""
    from workshop.compare.offline_references import find_offline_character, offline_characters

    ch = find_offline_character(name) if name and name != critique.NORMS and not name.startswith(NORMS_FILE) else None
    return SHIPPED + ch.key if ch is not None and ch.key in offline_characters() else None
