"""A scene file of a folder (:class:`workshop.text.scene_folder.SceneFile`: the scene with the cast and corrections
files beside it) read as the single-scene commands read one: its text and its dialogue.

It lives in the speakers layer because it runs :func:`workshop.speakers.dialogue.find_dialogue`; the text layer
only finds the files.
"""

from __future__ import annotations

from workshop.errors import WorkshopError
from workshop.speakers.cast import load_cast
from workshop.speakers.dialogue import Dialogue, find_dialogue
from workshop.text.scene import Scene, read_scene
from workshop.text.scene_folder import SceneFile


def read_scene_file(scene: SceneFile, *, style: str = "auto", keep_notes: bool = False) -> tuple[Scene, Dialogue]:
    """The scene's text and its dialogue, read as the single-scene commands read one (the cast file and the
    corrections beside it are used): ``(Scene, Dialogue)``. Problems are :class:`WorkshopError` lines."""
    if scene.problem:
        raise WorkshopError(scene.problem)
    text = read_scene(scene.path, detect_notes=not keep_notes)
    cast = load_cast(scene.cast) if scene.cast else None
    dialogue = find_dialogue(text, cast, style=style, corrections=scene.corrections)
    return text, dialogue
