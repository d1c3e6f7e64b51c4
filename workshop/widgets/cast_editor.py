"""The cast editor: the writer confirms who is in the scene before anything is measured.

It lists the cast the kit found (or the one already confirmed): each character's name, other names, pronouns,
and whether they tell the story as "I". The writer renames, merges two, splits one, adds a missing character or
removes an invented one, marks the narrator, and presses **Save the cast**: the cast is written to
``SCENE.cast.toml`` beside the scene (:meth:`~workshop.widgets.session.ClassScene.confirm_cast`) and every
notebook and command uses it from then on. The edits themselves are :mod:`workshop.speakers.cast_edit`.
"""

from __future__ import annotations

import html

import ipywidgets as w

from workshop.errors import WorkshopError
from workshop.speakers import cast_edit
from workshop.speakers.cast import Cast
from workshop.widgets.common import message_html
from workshop.widgets.session import ClassScene

NO_ACTION = "…"
PRONOUN_OPTIONS = [("?", ""), ("she", "she"), ("he", "he"), ("they", "they")]

LEGEND = (
    "<p class='vw-cast-legend'><small><b>name</b>: what the critique calls them · <b>other names</b>: how the "
    "scene also calls them, separated by commas (Nat, Romanoff) · <b>tells the story</b>: tick the character who "
    "says “I” in the narration · <b>change</b>: <i>merge into…</i> when two rows are one person, <i>split off…</i> "
    "when one of the other names is somebody else, <i>remove</i> when it is not a character at all.</small></p>"
)


class CastEditor(w.VBox):
    """One row per character; edits change a draft; **Save the cast** writes it beside the scene and uses it."""

    def __init__(self, session: ClassScene) -> None:
        self.session = session
        self.draft: Cast = self._copy(session.dialogue.cast)
        self.rows = w.VBox()
        self.new_name = w.Text(placeholder="a missing character's name", layout=w.Layout(width="260px"),
                               continuous_update=False)
        self.new_pronouns = w.Dropdown(options=PRONOUN_OPTIONS, value="", layout=w.Layout(width="80px"))
        self.add_button = w.Button(description="Add a character", layout=w.Layout(width="160px"))
        self.save_button = w.Button(description="Save the cast", button_style="primary",
                                    layout=w.Layout(width="160px"))
        self.status = w.HTML()
        self.status.add_class("vw-cast-status")
        self.add_button.on_click(lambda _b: self._add())
        self.save_button.on_click(lambda _b: self.save())
        super().__init__([w.HTML(LEGEND), self.rows,
                          w.HBox([self.new_name, self.new_pronouns, self.add_button]),
                          self.save_button, self.status])
        self.add_class("vw-cast-editor")
        self._render()
        self.status.value = self._where()

    @staticmethod
    def _copy(cast: Cast) -> Cast:
        return cast_edit._rebuilt(list(cast), source=cast.source)

    def _where(self) -> str:
        path = self.session.cast_path
        if path.exists():
            known = "confirmed by you"
        elif self.session.cast is not None:
            known = "read from the scene's cast file" if not self.session.is_sample else "read from the sample's cast file"
        else:
            known = "found by the kit, not saved yet"
        return (f"<p>This cast was {known}. <b>Save the cast</b> writes it to <code>{html.escape(str(path))}</code>, "
                "beside the scene, and every notebook and command uses it from then on.</p>")

    # edits (each what one control does; also for tests) ------------------------------------------------------
    def _apply(self, edit) -> bool:
        try:
            self.draft = edit(self.draft)
        except WorkshopError as exc:
            self.status.value = message_html(html.escape(str(exc)))
            self._render()
            return False
        self._render()
        self.status.value = "<p>Not saved yet: press <b>Save the cast</b>.</p>"
        return True

    def rename(self, name: str, new_name: str) -> bool:
        return self._apply(lambda c: cast_edit.rename(c, name, new_name))

    def merge(self, name: str, into: str) -> bool:
        return self._apply(lambda c: cast_edit.merge(c, name, into))

    def split(self, name: str, alias: str) -> bool:
        return self._apply(lambda c: cast_edit.split(c, name, alias))

    def add(self, name: str, pronouns: str | None = None, *, narrator: bool = False) -> bool:
        return self._apply(lambda c: cast_edit.add(c, name, pronouns=pronouns or None, narrator=narrator))

    def remove(self, name: str) -> bool:
        return self._apply(lambda c: cast_edit.remove(c, name))

    def mark_narrator(self, name: str | None) -> bool:
        return self._apply(lambda c: cast_edit.mark_narrator(c, name))

    def _add(self) -> None:
        if self.add(self.new_name.value, self.new_pronouns.value):
            self.new_name.value = ""

    def save(self) -> bool:
        """Write the draft beside the scene and find the dialogue again with it; say what changed."""
        before = len({s.utterance for s in self.session.dialogue.unattributed})
        try:
            path = self.session.confirm_cast(self.draft)
        except WorkshopError as exc:
            self.status.value = message_html(html.escape(str(exc)))
            return False
        d = self.session.dialogue
        after = len({s.utterance for s in d.unattributed})
        lines = len(d.utterances)
        names = ", ".join(d.speakers) or "nobody yet"
        self.draft = self._copy(d.cast)
        self._render()
        self.status.value = (f"<p class='vw-cast-saved'>Saved to <code>{html.escape(str(path))}</code>. "
                             f"{lines - after} of {lines} lines have a speaker"
                             + (f" ({before - after} more than before)" if before > after else "")
                             + f"; speaking: {html.escape(names)}. Run the cells below again to see them "
                             "with this cast.</p>")
        return True

    # drawing -------------------------------------------------------------------------------------------------
    def _render(self) -> None:
        header = w.HTML("<small><b>name · other names · pronouns · tells the story · change</b></small>")
        rows = [header]
        for ch in self.draft:
            name = w.Text(value=ch.name, layout=w.Layout(width="180px"), continuous_update=False)
            aliases = w.Text(value=", ".join(ch.aliases), layout=w.Layout(width="260px"), continuous_update=False,
                             placeholder="other names, if any")
            pronouns = w.Dropdown(options=PRONOUN_OPTIONS, value=ch.pronouns or "", layout=w.Layout(width="80px"))
            narrator = w.Checkbox(value=ch.narrator, description="tells the story (I)", indent=False,
                                  layout=w.Layout(width="170px"))
            actions = [(NO_ACTION, "")]
            actions += [(f"merge into {o.name}", f"merge:{o.name}") for o in self.draft if o.name != ch.name]
            actions += [(f"split off {a}", f"split:{a}") for a in ch.aliases]
            actions += [("remove", "remove:")]
            action = w.Dropdown(options=actions, value="", layout=w.Layout(width="200px"))
            who = ch.name
            name.observe(lambda c, who=who: self.rename(who, c["new"]), names="value")
            aliases.observe(lambda c, who=who: self._apply(
                lambda cast: cast_edit.set_aliases(cast, who, c["new"].split(","))), names="value")
            pronouns.observe(lambda c, who=who: self._apply(
                lambda cast: cast_edit.set_pronouns(cast, who, c["new"] or None)), names="value")
            narrator.observe(lambda c, who=who: self.mark_narrator(who if c["new"] else None), names="value")
            action.observe(lambda c, who=who: self._act(who, c["new"]), names="value")
            row = w.HBox([name, aliases, pronouns, narrator, action])
            row.add_class("vw-cast-row")
            rows.append(row)
        if len(rows) == 1:
            rows.append(w.HTML(message_html("The kit found no characters: add them below.")))
        self.rows.children = rows

    def _act(self, who: str, value: str) -> None:
        kind, _, arg = value.partition(":")
        if kind == "merge":
            self.merge(who, arg)
        elif kind == "split":
            self.split(who, arg)
        elif kind == "remove":
            self.remove(who)
