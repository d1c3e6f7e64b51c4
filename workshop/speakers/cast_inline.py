"""A cast typed in one line, and the cast file kept beside a scene.

``--cast "Natasha (she), Bruce (he)"`` is quicker to type than a TOML file, and is all a short scene needs: each
character is a name, with optional details in brackets: pronouns (she, he, they), ``narrator`` for the one who
tells the story as "I", and other names after ``aka`` or ``=`` ("Natasha (she, aka Nat, Romanoff)").
Characters are separated by commas outside brackets (or semicolons).

The writer's confirmed cast is saved as ``SCENE.cast.toml`` beside ``SCENE.txt`` (:func:`cast_path_for`), where
every notebook and command finds it afterwards.
"""

from __future__ import annotations

import re
from pathlib import Path

from workshop.errors import WorkshopError
from workshop.speakers.cast import PRONOUNS, Cast, cast_from_dict, cast_to_toml

_ENTRY = re.compile(r"^\s*([^()]+?)\s*(?:\(([^()]*)\))?\s*$")


def cast_path_for(scene_path: str | Path) -> Path:
    """Where a scene's cast file lives: ``safehouse.txt`` -> ``safehouse.cast.toml`` beside it."""
    scene_path = Path(scene_path)
    return scene_path.with_name(scene_path.stem + ".cast.toml")


def looks_inline(value: str) -> bool:
    """Whether a ``--cast`` value is a typed cast rather than a file: it has brackets or commas, or names no file
    that exists and has no file suffix."""
    try:
        if any(ch in value for ch in "(),;"):
            return not Path(value).is_file()
        return not Path(value).exists() and not Path(value).suffix
    except OSError:  # not a name the system can look up: not a file
        return True


def _split_entries(text: str) -> list[str]:
    entries, depth, current = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            entries.append("".join(current))
            current = []
        else:
            current.append(ch)
    entries.append("".join(current))
    return [e.strip() for e in entries if e.strip()]


def parse_inline_cast(text: str) -> Cast:
    """``"Natasha (she, aka Nat), Bruce (he), Sam (narrator)"`` as a :class:`Cast` (checked as a cast file is).

    A one-line :class:`WorkshopError` says what is wrong ("Natasha (shee)": not a pronoun, not narrator, no aka)."""
    entries = []
    for raw in _split_entries(text):
        m = _ENTRY.match(raw)
        if m is None:
            raise WorkshopError(f"--cast: cannot read {raw!r}; write each character as Name (she), e.g. "
                                '--cast "Natasha (she), Bruce (he)".')
        entry: dict = {"name": m.group(1).strip(), "aliases": []}
        details = [d.strip() for d in (m.group(2) or "").split(",") if d.strip()]
        aliasing = False
        for detail in details:
            low = detail.lower()
            if low.startswith(("aka ", "= ")) or aliasing:
                aliasing = True
                entry["aliases"].append(re.sub(r"^(aka|=)\s+", "", detail, flags=re.IGNORECASE).strip())
            elif low.split("/")[0] in PRONOUNS:
                entry["pronouns"] = low.split("/")[0]
            elif low in ("narrator", "i", "the narrator"):
                entry["narrator"] = True
            else:
                raise WorkshopError(f"--cast: {detail!r} after {entry['name']} is not a pronoun ({', '.join(PRONOUNS)}), "
                                    "'narrator' or 'aka OTHER NAME'.")
        entries.append(entry)
    if not entries:
        raise WorkshopError('--cast is empty: name the characters, e.g. --cast "Natasha (she), Bruce (he)".')
    cast = cast_from_dict({"character": entries}, where="--cast")
    cast.source = "typed"
    return cast


def save_cast(cast: Cast, path: str | Path) -> Path:
    """Write ``cast`` as a TOML cast file at ``path``, whole or not at all (an existing file is replaced: it is
    the writer's own cast, being confirmed again)."""
    from workshop.files.atomic_write import write_file

    header = ("# The cast of this scene, confirmed by the writer. Every notebook and command uses it.\n"
              "# name = what the critique calls them; aliases = other names in the text; narrator = true for \"I\".\n\n")
    write_file(path, header + cast_to_toml(cast), force=True)
    return Path(path)
