"""The one reader of the kit's word-list files (``workshop/data/lexicons``, ``lsm`` and ``attribution``).

The lists are plain text an instructor can edit, so they are all read by the same rules, and an edit behaves the
same in every list: one entry per line; ``#`` starts a comment (to the end of the line); blank lines are skipped;
an entry is lower-cased, its curly apostrophes straightened (``’`` typed by a word processor is ``'``) and its
inner runs of spaces made one; an entry given twice is kept once, where it first appears. What an entry *means*
(a word, a ``prefix*``, a phrase, a ``word group`` pair) is up to the module that uses the list.
"""

from __future__ import annotations

from importlib import resources

from workshop.errors import WorkshopError


def parse_word_list(text: str) -> tuple[str, ...]:
    """The entries of a word-list file's text, in file order (see the module docstring for the rules)."""
    entries: dict[str, None] = {}
    for line in text.splitlines():
        entry = " ".join(line.split("#", 1)[0].lower().replace("\u2019", "'").split())
        if entry:
            entries.setdefault(entry)
    return tuple(entries)


def packaged_word_list(folder: str, name: str) -> tuple[str, ...]:
    """The entries of the list ``workshop/data/FOLDER/NAME`` shipped with the kit (``name`` with its ``.txt``).

    A missing or unreadable list is a one-line :class:`~workshop.errors.WorkshopError` naming the file."""
    try:
        text = resources.files("workshop").joinpath("data", folder, name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkshopError(f"The word list workshop/data/{folder}/{name} is missing or unreadable; "
                            "reinstall the kit (or restore the file).") from exc
    return parse_word_list(text)


def has_packaged_word_list(folder: str, name: str) -> bool:
    """Whether the kit ships ``workshop/data/FOLDER/NAME``."""
    return resources.files("workshop").joinpath("data", folder, name).is_file()
