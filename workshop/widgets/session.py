"""One scene open in a notebook: the scene, its cast, its corrections file, its dialogue, and cached results.

Every widget of a notebook shares one :class:`ClassScene`, so a speaker corrected in the attribution editor is
used by the comparison and the export panel from then on. The results a redraw needs (profiles, comparisons)
are computed once by the workshop functions and kept here until the dialogue changes.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop.errors import WorkshopError
from workshop.files.atomic_write import write_file
from workshop.report import critique as report
from workshop.report import plots
from workshop.speakers.cast import Cast, load_cast
from workshop.speakers.cast_inline import cast_path_for, looks_inline, parse_inline_cast, save_cast
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
    scene_path: Path | None = None
    """The scene's file (for pasted or uploaded text, the copy saved in :func:`scenes_folder`): its cast and
    corrections files live beside it, where the commands find them too."""
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

        The text is kept as a scene file in :func:`scenes_folder` (:func:`keep_scene_text`), so its cast and
        corrections are saved beside it, where ``python -m workshop critique THAT-FILE`` finds them too. A cast
        confirmed for it before is used again; otherwise the cast is found in the new text.
        """
        path = keep_scene_text(text, name)
        self.scene = scene_from_text(text, name=path.stem, notices=notices)
        self.scene_path = path
        self.cast = load_cast(cast_path_for(path)) if cast_path_for(path).exists() else None
        self.is_sample = False
        self.corrections = corrections_path_for(path)
        self.reload()

    @property
    def cast_path(self) -> Path:
        """Where the writer's confirmed cast is saved: ``SCENE.cast.toml`` beside the scene (for the kit's sample,
        in the folder the notebook runs in: the kit's own files are never changed)."""
        if self.scene_path is not None and not self.is_sample:
            return cast_path_for(self.scene_path)
        return Path.cwd() / f"{self.scene.name}.cast.toml"

    def confirm_cast(self, cast: Cast) -> Path:
        """Save ``cast`` as the scene's cast file (:attr:`cast_path`) and find the dialogue again with it."""
        path = save_cast(cast, self.cast_path)
        self.cast = load_cast(path)
        self.reload()
        return path

    def cast_note(self) -> str:
        """Where the cast in use comes from, for the critique ("confirmed in safehouse.cast.toml")."""
        if self.cast is None:
            return ""
        if self.cast_path.exists():
            return f"confirmed by the writer, saved in {self.cast_path.name}"
        return "the sample's cast file" if self.is_sample else "from the cast file"

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
        return self.cached(("critique", against), lambda: report.build_critique(
            self.dialogue, against=against, profiles=self.profiles(), cast_note=self.cast_note() or None))

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

    The writer's cast (``SCENE.cast.toml``, saved by the cast editor) and corrections to speakers
    (``SCENE.corrections.toml``) are kept beside the scene file and used whenever they exist. Pasted text is kept
    as a scene file in :func:`scenes_folder` first, so that they have a place beside it; for the sample, they
    go in the folder the notebook runs in (the kit's own files are never changed).
    """
    scene_path: Path | None
    if text is not None and text.strip():
        if path is not None:
            raise WorkshopError("Give either a scene file or pasted text, not both.")
        text = text.removeprefix("\r").removeprefix("\n")  # the line break after PASTED's opening quotes
        scene_path = keep_scene_text(text, name)
        scene = scene_from_text(text, name=scene_path.stem)
        is_sample = False
    elif path is None or str(path).strip() == "":
        scene = read_scene(sample_scene_path())
        scene_path = sample_scene_path()
        is_sample = True
    else:
        scene_path = Path(path).expanduser()
        scene = read_scene(scene_path)
        is_sample = False
    here = Path.cwd() if is_sample else scene_path.parent
    beside = here / f"{scene_path.stem}.cast.toml"
    if cast is None:
        cast = beside if beside.exists() else (sample_cast_path() if is_sample else None)
    default_corrections = here / f"{scene_path.stem}.corrections.toml"
    if isinstance(cast, str) and looks_inline(cast):
        loaded: Cast | None = parse_inline_cast(cast)  # CAST = "Natasha (she), Bruce (he)"
    else:
        loaded = load_cast(cast) if isinstance(cast, (str, Path)) else cast
    return ClassScene(scene, loaded, Path(corrections) if corrections else default_corrections,
                      is_sample=is_sample, scene_path=scene_path)


def scenes_folder() -> Path:
    """Where pasted and uploaded scenes are kept as files: ``my-scenes/`` in the folder the notebook runs in
    (``$VOICE_WORKSHOP_SCENES`` to choose another)."""
    return Path(os.environ.get("VOICE_WORKSHOP_SCENES") or Path.cwd() / "my-scenes")


def keep_scene_text(text: str, name: str = "my-scene") -> Path:
    """Save pasted or uploaded text as ``NAME.txt`` in :func:`scenes_folder` and return its path. The same text
    again is the same file (its cast and corrections still apply); a different text never replaces another
    scene's file: it becomes ``NAME-2.txt``, ``NAME-3.txt``..."""
    folder = scenes_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-") or "my-scene"
    n = 1
    while True:
        path = folder / (f"{stem}.txt" if n == 1 else f"{stem}-{n}.txt")
        if not path.exists():
            write_file(path, text, force=False)
            return path
        try:
            if path.read_text(encoding="utf-8") == text:
                return path
        except (OSError, UnicodeDecodeError):
            pass
        n += 1
