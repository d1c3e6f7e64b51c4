"""Reference characters that work with no network: the lines of well-known public-domain characters, shipped.

A catalog character (:mod:`workshop.compare.references`) normally needs its whole book, downloaded once with
``--fetch``; classrooms are usually offline. For the catalog's best-known characters the kit ships their lines of
dialogue (only their lines, a few thousand words each) in ``workshop/data/references/KEY.toml``, one file per
book. Each file names its source (title, author, year, Project Gutenberg number) and says how the lines were
taken: found and attributed by the kit itself in the public-domain text (``scripts/build_offline_references.py``
rebuilds the files from a folder of the books) and read by hand, misattributed lines dropped.

``--against "Sherlock Holmes"`` (or ``Holmes``, ``sherlock-holmes``) then works offline. Names are matched without
regard to case, full stops or hyphens, against the character's full name, catalog name and aliases.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from workshop.errors import WorkshopError
from workshop.speakers.cast import Cast, Character
from workshop.speakers.dialogue import Dialogue, Segment
from workshop.text.scene import scene_from_text

if TYPE_CHECKING:
    from workshop.speakers.dialogue import Dialogue

FOLDER = ("data", "references")
"""Where the shipped lines live inside the package."""


@dataclass(frozen=True)
class OfflineCharacter:
    """One shipped reference character: who, from which book, and their lines (each a tuple of quoted pieces)."""

    key: str
    """A slug of the full name (``sherlock-holmes``), unique across the shipped characters."""
    name: str
    """The name as the catalog gives it (``Holmes``)."""
    full_name: str
    """The name a reader knows (``Sherlock Holmes``)."""
    aliases: tuple[str, ...]
    pronouns: str
    description: str
    work_key: str
    title: str
    author: str
    year: int
    gutenberg_id: int
    lines: tuple[tuple[str, ...], ...]
    checked: str
    """How the lines were checked by hand (how many read, how many dropped)."""

    @property
    def words(self) -> int:
        return sum(len(piece.split()) for line in self.lines for piece in line)

    @property
    def source(self) -> str:
        """The source in one line: "The Sign of the Four (Arthur Conan Doyle, 1890; Project Gutenberg #2097)"."""
        return f"{self.title} ({self.author}, {self.year}; Project Gutenberg #{self.gutenberg_id})"

    @property
    def label(self) -> str:
        """How lists show the character: "Sherlock Holmes (The Sign of the Four, 1890)"."""
        return f"{self.full_name} ({self.title}, {self.year})"

    def describe(self) -> str:
        return (f"{self.full_name}: {len(self.lines)} lines, {self.words:,} words of dialogue from {self.source}, "
                f"shipped with the kit. {self.checked}")


def _fold(name: str) -> str:
    """A name reduced for matching: lower case, no full stops, hyphens and runs of spaces as one space."""
    return " ".join(re.sub(r"[.\-_]", " ", name.lower()).split())


def slug(name: str) -> str:
    return "-".join(re.sub(r"[^a-z0-9 ]", "", _fold(name)).split())


def characters_from_toml(raw: str, where: str) -> list[OfflineCharacter]:
    """The characters of one shipped lines file (its text ``raw``; ``where`` names it in messages)."""
    try:
        data = tomllib.loads(raw)
        source = data["source"]
        out = []
        for entry in data.get("character", []):
            lines = tuple(tuple(str(p) for p in line) for line in entry["lines"])
            out.append(OfflineCharacter(
                slug(entry["full_name"]), str(entry["name"]), str(entry["full_name"]),
                tuple(str(a) for a in entry.get("aliases", [])), str(entry.get("pronouns", "")),
                str(entry.get("description", "")), str(source["catalog_key"]), str(source["title"]),
                str(source["author"]), int(source["year"]), int(source["gutenberg_id"]), lines,
                str(source.get("checked", "")),
            ))
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise WorkshopError(f"The shipped reference lines {where} are damaged ({exc}); reinstall the kit.") from None
    return out


@lru_cache(maxsize=1)
def offline_characters() -> dict[str, OfflineCharacter]:
    """Every shipped reference character, by key, in the order of the files and of the characters in them."""
    folder = resources.files("workshop").joinpath(*FOLDER)
    found: dict[str, OfflineCharacter] = {}
    if not folder.is_dir():
        return found
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            for ch in characters_from_toml(item.read_text(encoding="utf-8"), item.name):
                found[ch.key] = ch
    return found


def offline_names() -> list[str]:
    """The full names of the shipped characters (what ``--against`` and the widgets offer)."""
    return [c.full_name for c in offline_characters().values()]


def find_offline_character(name: str) -> OfflineCharacter | None:
    """The shipped character called ``name`` (full name, catalog name, an alias or the key), or None."""
    wanted = _fold(str(name))
    if not wanted:
        return None
    for ch in offline_characters().values():
        if wanted in {_fold(n) for n in (ch.key, ch.name, ch.full_name, *ch.aliases)}:
            return ch
    return None


def offline_dialogue(ch: OfflineCharacter) -> "Dialogue":
    """The character's lines as a :class:`~workshop.speakers.dialogue.Dialogue` (one paragraph per line, every
    piece quoted and attributed to them under their full name), so that every comparison reads them as it reads a
    scene."""

    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []  # (start, end, utterance)
    offset = 0
    for number, line in enumerate(ch.lines):
        paragraph = []
        for piece in line:
            start = offset + sum(len(p) for p in paragraph) + 1
            spans.append((start, start + len(piece), number))
            paragraph.append(f"\u201c{piece}\u201d ")
        text = "".join(paragraph).rstrip() + "\n\n"
        parts.append(text)
        offset += len(text)
    scene = scene_from_text("".join(parts), name=ch.key, detect_notes=False)
    aliases = tuple(dict.fromkeys(n for n in (ch.name, *ch.aliases) if n != ch.full_name))
    cast = Cast([Character(ch.full_name, aliases, ch.pronouns or None)])
    segments = [
        Segment(i, a, b, scene.text[a:b], u, u, scene.line_of(a), ch.full_name, "shipped", 1.0)
        for i, (a, b, u) in enumerate(spans)
    ]
    return Dialogue(scene, cast, segments, "double")


def known_list() -> str:
    """The shipped characters for a message: "Elizabeth Bennet, Mr. Darcy, ..." (or "none")."""
    return ", ".join(offline_names()) or "none"


def to_toml_string(value: Any) -> str:
    """A TOML basic string (JSON's escapes are TOML's), for the build script."""
    import json

    return json.dumps(value, ensure_ascii=False)
