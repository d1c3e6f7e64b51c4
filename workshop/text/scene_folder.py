"""A folder of scenes: which files are scenes, and the files that go with each one.

A teacher collects a class's scenes in one folder. Every ``.txt`` and ``.md`` file in it is a scene, taken in
order of name; beside a scene ``NAME.txt`` the kit looks for ``NAME.cast.toml`` (its cast file),
``NAME.corrections.toml`` (speaker corrections, as notebook 01 writes them) and, for building norms,
``NAME.quotes.jsonl`` (every line with its speaker, checked by hand).

Only the folder itself is read, not the folders inside it: a class folder is flat, and folders inside it usually
hold older drafts, a teacher's notes or earlier outputs, which would otherwise be counted twice. Hidden files
(``.NAME``: editor backups, half-written temporary files) and a read-me (``README.md``) are not scenes. A file
that is not a regular file (a pipe, a device) is listed as a scene, and reading it says why it cannot be read
(:mod:`workshop.files.input_files` never waits on a pipe).
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from workshop.errors import WorkshopError

SCENE_SUFFIXES = (".txt", ".md")
NOT_SCENES = ("readme",)
"""File stems (lower case) that name a folder's read-me, not a scene."""


@dataclass(frozen=True)
class SceneFile:
    """One scene of a folder and the files beside it that go with it (None when absent)."""

    path: Path
    cast: Path | None = None
    corrections: Path | None = None
    quotes: Path | None = None
    problem: str | None = None
    """Why the path cannot be a scene at all (a folder)."""

    @property
    def name(self) -> str:
        return self.path.name


def is_folder(path: Path | None) -> bool:
    """True for a folder (a name the system refuses, such as one too long, is not: reading it says why)."""
    try:
        return path is not None and path.is_dir()
    except OSError:
        return False


def scene_files(folder: str | Path) -> list[SceneFile]:
    """Every scene in ``folder`` (not in the folders inside it), sorted by file name, with its companions."""
    folder = Path(folder)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: (p.name.lower(), p.name))
    except OSError as exc:
        raise WorkshopError(f"Could not read the folder {folder}: {exc.strerror or exc}.") from None
    return [scene_file(path) for path in entries if is_scene_name(path.name) and _kind(path) != "folder"]


def scene_file(path: str | Path) -> SceneFile:
    """The scene at ``path`` with the files beside it that go with it."""
    path = Path(path)
    kind = _kind(path)
    problem = f"{path.name} is a folder, not a scene file." if kind == "folder" else None
    return SceneFile(path, _beside(path, ".cast.toml"), _beside(path, ".corrections.toml"),
                     _beside(path, ".quotes.jsonl"), problem)


def is_scene_name(name: str) -> bool:
    """A ``.txt`` or ``.md`` file that is not hidden and not a read-me."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or name.startswith(".") or f".{suffix.lower()}" not in SCENE_SUFFIXES:
        return False
    return stem.lower() not in NOT_SCENES


def companion(path: Path, suffix: str) -> Path:
    """``NAME.txt`` -> ``NAME`` + ``suffix`` in the same folder (``.cast.toml``, ``.corrections.toml`` ...)."""
    return path.with_name(path.stem + suffix)


def _beside(path: Path, suffix: str) -> Path | None:
    candidate = companion(path, suffix)
    return candidate if candidate.exists() or candidate.is_symlink() else None


def _kind(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError:
        return "file"  # a broken link, a name too long: reading it says so in one line
    return "folder" if stat.S_ISDIR(mode) else "file"
