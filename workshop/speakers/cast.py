"""The cast of a scene: canonical names, aliases and pronouns, from a cast file or found in the text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from workshop.speakers.cast_validation import check_characters
from workshop.files.data_files import read_data_file
from workshop.errors import Notice, WorkshopError

PRONOUNS = ("she", "he", "they")
NARRATOR_ALIASES = frozenset({"_narr", "narr", "i", "narrator", "the narrator", "me"})
"""Aliases that mark a character as the first-person narrator in a cast file written before ``narrator = true``
existed (and in the annotated novels' character lists): the character who is "I"."""
_GENDER_TO_PRONOUN = {"F": "she", "M": "he", "f": "she", "m": "he"}


@dataclass(frozen=True)
class Character:
    """One character: ``name`` is canonical; ``aliases`` are other names the text uses for them. ``narrator``:
    this character tells the story as "I" (their "said I", "I asked" and "I shrugged" lines are theirs)."""

    name: str
    aliases: tuple[str, ...] = ()
    pronouns: str | None = None
    narrator: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass
class Cast:
    """A list of characters with lookup from any of their names to the canonical one.

    ``source`` says where it came from: ``"file"`` (the writer's cast file), ``"found"`` (discovered in the text),
    or ``"file+found"``.
    """

    characters: list[Character] = field(default_factory=list)
    source: str = "file"
    notices: list[Notice] = field(default_factory=list)
    """Warnings from reading the cast file (two spellings of one name merged), for the dialogue's notices."""

    def __post_init__(self) -> None:
        self._build_index()

    def add(self, character: Character) -> None:
        """Add a character (a speaker the writer's corrections name): they answer to their names from now on."""
        self.characters.append(character)
        self._build_index()

    def _build_index(self) -> None:
        self._index: dict[str, str] = {}
        for ch in self.characters:  # a character's own name wins over anyone's alias
            self._index.setdefault(normalise_name(ch.name), ch.name)
        for ch in self.characters:
            for alias in ch.aliases:
                self._index.setdefault(normalise_name(alias), ch.name)

    def __len__(self) -> int:
        return len(self.characters)

    def __iter__(self):
        return iter(self.characters)

    @property
    def names(self) -> list[str]:
        return [ch.name for ch in self.characters]

    @property
    def narrator(self) -> str | None:
        """The canonical name of the first-person narrator: the character marked ``narrator = true``, else one
        with an alias such as "I" or "Narrator" (see :data:`NARRATOR_ALIASES`), else None."""
        for ch in self.characters:
            if ch.narrator:
                return ch.name
        for ch in self.characters:
            if any(normalise_name(a) in NARRATOR_ALIASES for a in ch.names):
                return ch.name
        return None

    def canonical(self, name: str | None) -> str | None:
        """The canonical name for ``name`` (any alias, any case), or None when nobody answers to it."""
        if not name:
            return None
        return self._index.get(normalise_name(name))

    def get(self, name: str) -> Character | None:
        canon = self.canonical(name)
        return next((ch for ch in self.characters if ch.name == canon), None)

    def pronoun_of(self, name: str) -> str | None:
        ch = self.get(name)
        return ch.pronouns if ch else None

    def aliases_index(self) -> dict[str, str]:
        """Every normalised alias -> canonical name."""
        return dict(self._index)


@lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """Lower-case, straight apostrophes, single spaces, no trailing full stop on titles ("Mr" == "Mr.").

    Cached: name finding asks for the same capitalised words again and again across a novel."""
    name = name.replace("’", "'").replace("\u00a0", " ")
    name = re.sub(r"\b(Mr|Mrs|Ms|Dr|St|Mme|Mlle|Messrs)\.", r"\1", name, flags=re.IGNORECASE)
    return " ".join(name.split()).lower()


def load_cast(path: str | Path) -> Cast:
    """Read a cast file: TOML (``[[character]]`` tables with ``name``, ``aliases``, ``pronouns``, and
    ``narrator = true`` for the one who tells the story as "I") or the JSON
    character lists of the annotated novels (name -> ``{"aliases": [...], "gender": "F"|"M"|...}``).

    Raises :class:`WorkshopError` with the line and the field at fault when the file is malformed.
    """
    path = Path(path)
    data = read_data_file(path, what="cast file")
    if path.suffix.lower() == ".json":
        return _cast_from_json(data, path.name)
    return cast_from_dict(data, where=path.name)


def cast_from_dict(data: dict, *, where: str = "the cast") -> Cast:
    """Build a cast from parsed TOML (``{"character": [{"name": ..., "aliases": [...], "pronouns": ...}]}``)."""
    entries = data.get("character")
    if entries is None:
        raise WorkshopError(
            f"{where} has no [[character]] tables. Give each character a block: a line [[character]], then "
            'lines such as name = "Natasha", aliases = ["Nat"], pronouns = "she".'
        )
    if not isinstance(entries, list):
        raise WorkshopError(f"In {where}, 'character' must be a list of [[character]] tables.")
    characters: list[Character] = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise WorkshopError(f"In {where}, character {number} is not a table.")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise WorkshopError(f"In {where}, character {number} has no name (add name = \"...\").")
        aliases = entry.get("aliases", [])
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise WorkshopError(f"In {where}, the aliases of {name} must be a list of names in quotes.")
        pronouns = entry.get("pronouns")
        if pronouns is not None:
            if not isinstance(pronouns, str) or pronouns.lower().split("/")[0] not in PRONOUNS:
                raise WorkshopError(
                    f"In {where}, the pronouns of {name} must be one of {', '.join(PRONOUNS)} (got {pronouns!r})."
                )
            pronouns = pronouns.lower().split("/")[0]
        narrator = entry.get("narrator", False)
        if not isinstance(narrator, bool):
            raise WorkshopError(f"In {where}, narrator for {name} must be true or false (without quotes).")
        unknown = set(entry) - {"name", "aliases", "pronouns", "notes", "description", "narrator"}
        if unknown:
            raise WorkshopError(f"In {where}, {name} has unknown field(s): {', '.join(sorted(unknown))}.")
        characters.append(
            Character(name.strip(), tuple(a.strip() for a in aliases if a.strip()), pronouns, narrator)
        )
    tellers = [c.name for c in characters if c.narrator]
    if len(tellers) > 1:
        raise WorkshopError(f"In {where}, only one character can be the narrator (narrator = true): {', '.join(tellers)}.")
    characters, notices = check_characters(characters, where)
    return Cast(characters, source="file", notices=notices)


def _cast_from_json(data: object, where: str) -> Cast:
    """The annotated novels' character lists (name -> ``{"aliases": [...], "gender": "F"|"M"|...}``), checked
    as a TOML cast is (their other fields, such as ``id`` and ``category``, are not used)."""
    if not isinstance(data, dict):
        raise WorkshopError(f"The cast file {where} must map each character's name to its details.")
    entries = []
    for name, info in data.items():
        if info is None:
            info = {}
        if not isinstance(info, dict):
            raise WorkshopError(f'In {where}, the details of {name!r} must be an object like {{"aliases": [], "gender": "F"}}.')
        aliases = info.get("aliases", [])
        if isinstance(aliases, list):
            aliases = [a for a in aliases if a != name]
        entry = {"name": name, "aliases": aliases}
        pronouns = _GENDER_TO_PRONOUN.get(str(info.get("gender")))
        if pronouns:
            entry["pronouns"] = pronouns
        entries.append(entry)
    return cast_from_dict({"character": entries}, where=where)


def cast_to_toml(cast: Cast) -> str:
    """Write a cast as a TOML cast file a writer can edit."""
    lines = []
    for ch in cast:
        lines.append("[[character]]")
        lines.append(f"name = {json.dumps(ch.name, ensure_ascii=False)}")
        if ch.aliases:
            lines.append("aliases = [" + ", ".join(json.dumps(a, ensure_ascii=False) for a in ch.aliases) + "]")
        if ch.pronouns:
            lines.append(f'pronouns = "{ch.pronouns}"')
        if ch.narrator:
            lines.append("narrator = true")
        lines.append("")
    return "\n".join(lines)
