"""The edits a writer makes to the cast the kit found: rename, merge two, split one, add, mark the narrator.

Plain functions from a :class:`~workshop.speakers.cast.Cast` to a new one (the old one is left as it was), so
the cast editor widget only presents them and a test can check each by hand. Every result is checked as a cast
file is (:func:`workshop.speakers.cast.cast_from_dict`): two characters cannot share a name, and only one can be
the narrator.
"""

from __future__ import annotations

from dataclasses import replace

from workshop.errors import WorkshopError
from workshop.speakers.cast import Cast, Character, cast_from_dict


def _rebuilt(characters: list[Character], source: str = "file") -> Cast:
    entries = []
    for ch in characters:
        entry: dict = {"name": ch.name, "aliases": [a for a in ch.aliases if a != ch.name]}
        if ch.pronouns:
            entry["pronouns"] = ch.pronouns
        if ch.narrator:
            entry["narrator"] = True
        entries.append(entry)
    cast = cast_from_dict({"character": entries}, where="the cast")
    cast.source = source
    return cast


def _find(cast: Cast, name: str) -> Character:
    found = cast.get(name)
    if found is None:
        raise WorkshopError(f"There is no {name!r} in the cast: {', '.join(cast.names) or 'it is empty'}.")
    return found


def rename(cast: Cast, name: str, new_name: str) -> Cast:
    """``name`` is called ``new_name`` from now on; the old name stays as an alias (the text still uses it)."""
    new_name = " ".join(new_name.split())
    if not new_name:
        raise WorkshopError("A character needs a name.")
    old = _find(cast, name)
    if new_name == old.name:
        return cast
    if any(ch.name != old.name and new_name.lower() in (n.lower() for n in ch.names) for ch in cast):
        raise WorkshopError(f"{new_name} is already in the cast: merge the two instead.")
    aliases = tuple(dict.fromkeys(a for a in (old.name, *old.aliases) if a.lower() != new_name.lower()))
    return _rebuilt([replace(ch, name=new_name, aliases=aliases) if ch is old else ch for ch in cast])


def merge(cast: Cast, name: str, into: str) -> Cast:
    """``name`` and ``into`` are one person, called ``into``: every name of ``name`` becomes an alias of ``into``."""
    gone, kept = _find(cast, name), _find(cast, into)
    if gone is kept:
        return cast
    aliases = tuple(dict.fromkeys((*kept.aliases, *gone.names)))
    merged = replace(kept, aliases=aliases, pronouns=kept.pronouns or gone.pronouns,
                     narrator=kept.narrator or gone.narrator)
    return _rebuilt([merged if ch is kept else ch for ch in cast if ch is not gone])


def split(cast: Cast, name: str, alias: str, *, pronouns: str | None = None) -> Cast:
    """``alias`` is somebody else: it leaves ``name`` and becomes a character of its own."""
    ch = _find(cast, name)
    if alias not in ch.aliases:
        raise WorkshopError(f"{alias!r} is not one of {ch.name}'s other names ({', '.join(ch.aliases) or 'none'}).")
    rest = replace(ch, aliases=tuple(a for a in ch.aliases if a != alias))
    characters = []
    for c in cast:
        characters.append(rest if c is ch else c)
        if c is ch:
            characters.append(Character(alias, (), pronouns))
    return _rebuilt(characters)


def add(cast: Cast, name: str, *, pronouns: str | None = None, aliases: tuple[str, ...] = (),
        narrator: bool = False) -> Cast:
    """A character the kit missed."""
    name = " ".join(name.split())
    if not name:
        raise WorkshopError("A character needs a name.")
    if cast.canonical(name):
        raise WorkshopError(f"{name} is already in the cast (as {cast.canonical(name)}).")
    characters = [replace(c, narrator=False) if narrator else c for c in cast]
    return _rebuilt(characters + [Character(name, aliases, pronouns, narrator)])


def remove(cast: Cast, name: str) -> Cast:
    """A character the kit invented (a place or a word it took for a name)."""
    gone = _find(cast, name)
    return _rebuilt([c for c in cast if c is not gone])


def mark_narrator(cast: Cast, name: str | None) -> Cast:
    """``name`` tells the story as "I" (None: nobody does); only one character can."""
    chosen = _find(cast, name) if name else None
    return _rebuilt([replace(c, narrator=c is chosen) for c in cast])


def set_pronouns(cast: Cast, name: str, pronouns: str | None) -> Cast:
    ch = _find(cast, name)
    return _rebuilt([replace(c, pronouns=pronouns or None) if c is ch else c for c in cast])


def set_aliases(cast: Cast, name: str, aliases: list[str]) -> Cast:
    ch = _find(cast, name)
    clean = tuple(dict.fromkeys(" ".join(a.split()) for a in aliases if a.strip() and a.strip() != ch.name))
    return _rebuilt([replace(c, aliases=clean) if c is ch else c for c in cast])
