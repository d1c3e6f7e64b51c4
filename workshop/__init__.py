"""Voice Workshop: find the dialogue in a scene, profile each character's voice, compare voices, critique.

The small public surface used by the notebooks::

    from workshop import read_scene, load_cast, find_dialogue
    scene = read_scene("texts/sample/the-lighthouse.txt")
    dialogue = find_dialogue(scene, load_cast("texts/sample/the-lighthouse.cast.toml"))
"""

from workshop.speakers.cast import Cast, Character, load_cast
from workshop.speakers.dialogue import Dialogue, Segment, Utterance, find_dialogue
from workshop.errors import Notice, WorkshopError
from workshop.text.scene import Scene, read_scene, scene_from_text

__version__ = "0.1.0"

_LAZY = {
    "profile_dialogue": "workshop.voice.profile",
    "profile_texts": "workshop.voice.profile",
    "VoiceProfile": "workshop.voice.profile",
    "compare_dialogue": "workshop.compare.pairs",
    "compare_lines": "workshop.compare.pairs",
    "load_reference": "workshop.compare.references",
}
"""Names of the later layers, imported on first use so that ``import workshop`` stays light."""


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'workshop' has no attribute {name!r}")


__all__ = [
    "Cast",
    "Character",
    "Dialogue",
    "Notice",
    "Scene",
    "Segment",
    "Utterance",
    "WorkshopError",
    "find_dialogue",
    "load_cast",
    "read_scene",
    "scene_from_text",
    *_LAZY,
]
