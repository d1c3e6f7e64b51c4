"""The sample scene and reference passages that ship with the kit (``texts/`` in the repository)."""

from __future__ import annotations

from pathlib import Path

from workshop.errors import WorkshopError

_TEXTS = Path(__file__).resolve().parents[2] / "texts"
SAMPLE_NAME = "the-lighthouse"


def texts_dir() -> Path:
    """The project's ``texts/`` folder (present in a source checkout and an editable install)."""
    if not _TEXTS.is_dir():
        raise WorkshopError("The kit's texts/ folder is missing; give the path of a scene instead.")
    return _TEXTS


def sample_scene_path() -> Path:
    return texts_dir() / "sample" / f"{SAMPLE_NAME}.txt"


def sample_cast_path() -> Path:
    return texts_dir() / "sample" / f"{SAMPLE_NAME}.cast.toml"
