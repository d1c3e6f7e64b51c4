"""The checks a cast must pass, whichever file it came from (TOML cast file, JSON character list, catalog entry).

Each problem is one line naming the file, the character and the fix:

* a name with nothing visible in it (empty, or only invisible characters such as a zero-width space) is refused;
* the same name twice is refused;
* two names that differ only in punctuation or capitals ("Mrs. Harville" / "Mrs Harville") are one character:
  merged, with a warning (a :class:`~workshop.errors.Notice`), not refused;
* an alias that is another character's name is refused, naming both (otherwise every "said Bruce" line would go
  to whoever lists "Bruce" as an alias).

:func:`suggest_name` finds the cast name a misspelt name was probably meant to be (for corrections files).
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

from workshop.errors import Notice, WorkshopError

if TYPE_CHECKING:
    from workshop.speakers.cast import Cast, Character


def visible(name: str) -> str:
    """``name`` without invisible characters (zero-width spaces and joiners, byte-order marks, soft hyphens:
    Unicode's format characters) and without outer white space."""
    return "".join(ch for ch in name if unicodedata.category(ch) != "Cf").strip()


def name_key(name: str) -> str:
    """What two spellings of one name share: letters and digits only, in lower case ("Mrs. Harville" and
    "mrs harville" give "mrsharville")."""
    return "".join(ch for ch in visible(name).casefold() if ch.isalnum())


def check_characters(characters: list["Character"], where: str) -> tuple[list["Character"], list[Notice]]:
    """The characters as the kit will use them (near-duplicates merged), and a warning for each merge.

    Raises :class:`WorkshopError` for an invisible name, a name given twice, or an alias that is another
    character's name."""
    cleaned = []
    for number, ch in enumerate(characters, 1):
        if not visible(ch.name) or not name_key(ch.name):
            raise WorkshopError(
                f"In {where}, character {number} has no visible name ({ch.name!r}): type the name, or remove the entry."
            )
        aliases = tuple(a for a in ch.aliases if name_key(a) and a.strip() != ch.name.strip())
        cleaned.append(replace(ch, name=ch.name.strip(), aliases=aliases))
    _refuse_repeats(cleaned, where)
    merged, notices = _merge_spellings(cleaned, where)
    _refuse_aliases_naming_others(merged, where)
    return merged, notices


def _refuse_repeats(characters: list["Character"], where: str) -> None:
    seen: set[str] = set()
    repeated = []
    for ch in characters:
        if ch.name in seen and ch.name not in repeated:
            repeated.append(ch.name)
        seen.add(ch.name)
    if repeated:
        raise WorkshopError(
            f"In {where}, these characters appear twice: {', '.join(repeated)}. Keep one entry for each "
            "(put every other name in its aliases)."
        )


def _merge_spellings(characters: list["Character"], where: str) -> tuple[list["Character"], list[Notice]]:
    by_key: dict[str, int] = {}
    out: list[Character] = []
    notices: list[Notice] = []
    for ch in characters:
        key = name_key(ch.name)
        if key not in by_key:
            by_key[key] = len(out)
            out.append(ch)
            continue
        first = out[by_key[key]]
        extra = tuple(a for a in (ch.name, *ch.aliases) if a not in first.names)
        out[by_key[key]] = replace(
            first, aliases=first.aliases + extra, pronouns=first.pronouns or ch.pronouns, narrator=first.narrator or ch.narrator
        )
        clash = (f"; pronouns {first.pronouns!r} kept, not {ch.pronouns!r}"
                 if first.pronouns and ch.pronouns and first.pronouns != ch.pronouns else "")
        notices.append(Notice(
            "cast-merged",
            f"In {where}, {ch.name!r} and {first.name!r} differ only in punctuation or capitals, so they are read "
            f"as one character, {first.name}{clash}. If they are two people, give one of them a fuller name.",
        ))
    return out, notices


def _refuse_aliases_naming_others(characters: list["Character"], where: str) -> None:
    owner_of = {name_key(ch.name): ch.name for ch in characters}
    for ch in characters:
        for alias in ch.aliases:
            other = owner_of.get(name_key(alias))
            if other is not None and other != ch.name:
                raise WorkshopError(
                    f"In {where}, {alias!r} is an alias of {ch.name} and also the name of another character, "
                    f"{other}: remove it from the aliases of {ch.name}, or rename one of them."
                )


def suggest_name(name: str, cast: "Cast") -> str | None:
    """The cast name (or alias, as its canonical name) that ``name`` is probably a misspelling of: one within a
    typing slip or two of it (a letter wrong, missing, extra or swapped: one for a short name, two from six
    letters, three from eleven), the closest first; None when no name is that close."""
    wanted = name_key(name)
    if not wanted:
        return None
    allowed = 1 if len(wanted) < 6 else 2 if len(wanted) < 11 else 3
    best: tuple[int, str] | None = None
    for alias, canonical in sorted(cast.aliases_index().items()):
        distance = typing_distance(wanted, name_key(alias))
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, canonical)
    return best[1] if best else None


def typing_distance(a: str, b: str) -> int:
    """Letters to change, add, drop or swap with a neighbour to turn ``a`` into ``b`` (the "optimal string
    alignment" distance). Written here: difflib has no swaps ("Tmo" is as far from "Tom" as from "Tim"), and one
    suggestion in a message does not justify a new dependency; names are short, so the square cost is nothing."""
    if abs(len(a) - len(b)) > 3:
        return abs(len(a) - len(b))
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[-1]
