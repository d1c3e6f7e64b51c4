"""One scene open in a notebook: the scene, its cast, its corrections file, its dialogue, and cached results.

Every widget of a notebook shares one :class:`ClassScene`, so a speaker corrected in the attribution editor is
used by the comparison and the export panel from then on. The results a redraw needs (profiles, comparisons)
are computed once by the workshop functions and kept here until the dialogue changes.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop.errors import WorkshopError
from workshop.report import critique as report
from workshop.report import plots
from workshop.speakers.cast import Cast, load_cast
from workshop.speakers.corrections import corrections_path_for, save_correction
from workshop.speakers.dialogue import Dialogue, Segment, find_dialogue
from workshop.text.samples import sample_cast_path, sample_scene_path
from workshop.text.scene import Scene, read_scene, scene_from_text
from workshop.voice.profile import profile_dialogue
from workshop.widgets.common import picture as picture_widget
from workshop.widgets.targets import SHIPPED, norms_table, shipped_voice


@dataclass
class ClassScene:
    """A scene as the notebooks and widgets use it. Build one with :func:`open_scene`."""

    scene: Scene
    cast: Cast | None
    corrections: Path
    is_sample: bool = False
    dialogue: Dialogue = field(init=False)
    version: int = field(init=False, default=0)
    _cache: dict[Any, Any] = field(init=False, default_factory=dict, repr=False)
    _listeners: list[Callable[["ClassScene"], None]] = field(init=False, default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.dialogue = self._find()

    def summary(self) -> str:
        """One line about the scene: words, lines of dialogue, who speaks."""
        talk = report.share_of_talk(self.dialogue)
        who = ", ".join(f"{t.name} ({t.words} word{'' if t.words == 1 else 's'})" for t in talk) or "nobody yet"
        unknown = len({s.utterance for s in self.dialogue.unattributed})
        source = "the sample scene" if self.is_sample else "your scene"
        words = sum(len(self.scene.text[p.start:p.end].split()) for p in self.scene.story_paragraphs)
        lines = len(self.dialogue.utterances)
        return (f"{self.scene.name} ({source}): {words} word{'' if words == 1 else 's'}, "
                f"{lines} line{'' if lines == 1 else 's'} of dialogue; speakers: {who}"
                + (f"; {unknown} line{'' if unknown == 1 else 's'} with no speaker yet." if unknown else "."))

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        return f"<p style='font-size:110%'><b>Scene:</b> {html.escape(self.summary())}</p>"

    @property
    def name(self) -> str:
        return self.scene.name

    @property
    def characters(self) -> list[str]:
        """The characters who speak, most words first."""
        return self.dialogue.speakers

    def _find(self) -> Dialogue:
        cast = (Cast(list(self.cast.characters), self.cast.source, list(self.cast.notices))
                if self.cast is not None else None)
        corrections = self.corrections if self.corrections.exists() else None
        return find_dialogue(self.scene, cast, corrections=corrections)

    def reload(self) -> None:
        """Find the dialogue again (after a correction) and forget every cached result."""
        self.dialogue = self._find()
        self._cache.clear()
        self.version += 1
        for listener in list(self._listeners):
            listener(self)

    def use_text(self, text: str, *, name: str = "my-scene", notices: list | None = None) -> None:
        """Work on another scene from now on (an upload, pasted text): every widget sharing this scene follows.

        The cast is found in the new text; corrections go to ``NAME.corrections.toml`` in the working folder.
        """
        self.scene = scene_from_text(text, name=name, notices=notices)
        self.cast = None
        self.is_sample = False
        self.corrections = Path.cwd() / f"{name}.corrections.toml"
        self.reload()

    def on_change(self, listener: Callable[["ClassScene"], None]) -> None:
        """Call ``listener(self)`` whenever the dialogue changes (a widget redraws then)."""
        self._listeners.append(listener)

    def correct(self, segment: Segment, speaker: str | None) -> Path:
        """Save that ``segment`` is spoken by ``speaker`` (None: unknown) and use it from now on."""
        path = save_correction(self.corrections, segment, speaker, scene=self.scene)
        self.reload()
        return path

    # results the widgets redraw from -------------------------------------------------------------------------
    def profiles(self) -> Any:
        """The profiles of every voice in the scene (:func:`workshop.voice.profile.profile_dialogue`), computed once."""
        return self.cached("profiles", lambda: profile_dialogue(self.dialogue))

    def voices(self) -> dict[str, Any]:
        """The scene's characters who speak as :class:`workshop.report.critique.Voice`, most words first."""
        return self.cached("voices", lambda: report.scene_voices(self.dialogue, self.profiles()))

    def voice(self, key: str) -> Any:
        """A scene character by name, a reference character by its ``ref:SCENE:NAME`` key, or a character whose
        lines ship with the kit by its ``shipped:KEY`` key."""
        if key.startswith(SHIPPED) and key not in self.voices():
            return shipped_voice(key)
        found = self.voices().get(key) or report.reference_voices().get(key)
        if found is None:
            raise WorkshopError(f"No voice called {key!r} in this scene or the references.")
        return found

    def pair(self, a: str, b: str) -> Any:
        """How distinct two voices sound (:func:`workshop.report.critique.compare_voices`), computed once per pair."""
        return self.cached(("pair", a, b), lambda: report.compare_voices(self.voice(a), self.voice(b)))

    def places(self, key: str, norms: str | None = None) -> Any:
        """Where a voice falls among characters in classic novels, or among the norms of a teacher's file when
        ``norms`` is ``norms:PATH`` (:func:`workshop.report.critique.place_voice`)."""
        table = norms_table(norms) if norms else None
        return self.cached(("places", key, norms), lambda: report.place_voice(self.voice(key), table))

    def critique(self, against: str | None = None) -> Any:
        """The critique summary of the scene (:func:`workshop.report.critique.build_critique`), computed once."""
        return self.cached(("critique", against), lambda: report.build_critique(self.dialogue, against=against,
                                                                                profiles=self.profiles()))

    def picture(self, which: str) -> Any:
        """One of the scene's pictures as an ``ipywidgets.Image``: ``"share of talk"``, ``"rhythm"`` (sentence
        lengths through the scene) or ``"word choice"`` (signature words of the three who talk most)."""
        if which == "share of talk":
            talk = report.share_of_talk(self.dialogue)
            fig = plots.share_of_talk([t.name for t in talk], [t.words for t in talk], [t.turns for t in talk])
        elif which == "rhythm":
            fig = plots.rhythm_strip(report.rhythm_points(self.dialogue), names=self.characters)
        elif which == "word choice":
            profiles = self.profiles()
            fig = plots.distinctive_words(*report.distinctive_word_lists(
                [profiles.get(n) for n in self.characters[:3]]))
        else:
            raise WorkshopError(f"No picture called {which!r}: choose 'share of talk', 'rhythm' or 'word choice'.")
        return picture_widget(fig)

    def cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per ``key`` for the current dialogue."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]


def open_scene(
    path: str | Path | None = None,
    *,
    text: str | None = None,
    cast: str | Path | Cast | None = None,
    corrections: str | Path | None = None,
    name: str = "my-scene",
) -> ClassScene:
    """Open the scene a notebook works on.

    - ``open_scene()``: the kit's sample scene (*The Lighthouse*) with its cast.
    - ``open_scene("my-scene.txt")``: a scene file (``.txt`` or ``.md``); ``cast=`` a cast file if you have one.
    - ``open_scene(text=...)``: text pasted into the notebook.

    Corrections to speakers are kept in ``SCENE.corrections.toml`` beside the scene file; for the sample and for
    pasted text, in the folder the notebook runs in (the kit's own files are never changed).
    """
    if text is not None and text.strip():
        if path is not None:
            raise WorkshopError("Give either a scene file or pasted text, not both.")
        scene = scene_from_text(text, name=name)
        default_corrections = Path.cwd() / f"{name}.corrections.toml"
        is_sample = False
    elif path is None or str(path).strip() == "":
        scene = read_scene(sample_scene_path())
        default_corrections = Path.cwd() / f"{scene.name}.corrections.toml"
        if cast is None:
            cast = sample_cast_path()
        is_sample = True
    else:
        scene = read_scene(Path(path).expanduser())
        default_corrections = corrections_path_for(Path(path).expanduser())
        is_sample = False
    loaded: Cast | None = load_cast(cast) if isinstance(cast, (str, Path)) else cast
    return ClassScene(
        scene, loaded, Path(corrections) if corrections else default_corrections, is_sample=is_sample
    )
