"""A text's lines with speakers checked by hand: ``NAME.quotes.jsonl`` beside ``NAME.txt``, used to build norms.

The format is the one ``python -m workshop quotes NAME.txt --format jsonl`` writes: one JSON object per quoted
piece, with its ``text``, its ``speaker`` (a name, or null for nobody), the ``utterance`` it belongs to (pieces
of one line share the number: ``"Well," she said, "no."`` is two pieces of one line) and where it is in the text
(``start``, ``end``). Run that command, correct the speakers, and the corpus's numbers rest on speakers a person
checked rather than on the kit's attribution (about 85% right on classic novels). ``kind: "mention"`` pieces
(quoted words that are not speech) are skipped.

A piece whose ``start``/``end`` do not hold its ``text`` in the file beside it means the quotes file belongs to
another version of the text: that is one line of error, never a silent mismatch. Only ``text`` and ``speaker``
are required.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.errors import WorkshopError
from workshop.files.input_files import read_file_bytes

MAX_BYTES = 100_000_000
"""A novel's quotes file is a few MB; anything far larger is the wrong file."""


@dataclass
class HandLines:
    """Every speaker's lines (each line the tuple of its quoted pieces) and how many lines had no speaker."""

    lines: dict[str, list[tuple[str, ...]]]
    unattributed: int


def read_hand_speakers(path: str | Path, text: str, canonical=None) -> HandLines:
    """The lines of ``path`` grouped by speaker, in text order. ``text`` is the text the file describes (offsets
    are checked against it); ``canonical`` maps a name to the cast's canonical name (None: names as written)."""
    path = Path(path)
    raw = _read(path)
    pieces: list[tuple[Any, str | None, str]] = []
    for number, row in enumerate(raw.splitlines(), 1):
        if not row.strip():
            continue
        try:
            record = json.loads(row)
        except (json.JSONDecodeError, RecursionError):
            raise WorkshopError(f"Line {number} of {path.name} is not a JSON object: each line must be one "
                                "quoted piece, as `quotes --format jsonl` writes them.") from None
        if not isinstance(record, dict):
            raise WorkshopError(f"Line {number} of {path.name} is not a JSON object (one quoted piece per line).")
        if record.get("kind", "speech") != "speech":
            continue
        piece = record.get("text")
        if not isinstance(piece, str):
            raise WorkshopError(f"Line {number} of {path.name} has no \"text\" (the quoted words).")
        speaker = record.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            raise WorkshopError(f"Line {number} of {path.name} has a speaker that is not a name in quotes or null.")
        _check_place(record, piece, text, number, path.name)
        utterance = record.get("utterance")
        key = utterance if isinstance(utterance, int) and not isinstance(utterance, bool) else ("line", number)
        name = (speaker or "").strip() or None
        if name is not None and canonical is not None:
            name = canonical(name) or name
        pieces.append((key, name, " ".join(piece.split())))
    lines: dict[str, list[tuple[str, ...]]] = {}
    unattributed = 0
    group: list[str] = []
    for i, (key, name, piece) in enumerate(pieces):
        group.append(piece)
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if nxt is not None and nxt[0] == key and nxt[1] == name:
            continue
        if name is None:
            unattributed += 1
        else:
            lines.setdefault(name, []).append(tuple(group))
        group = []
    return HandLines(lines, unattributed)


def _check_place(record: dict, piece: str, text: str, number: int, where: str) -> None:
    start, end = record.get("start"), record.get("end")
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        return
    found = text[start:end] if 0 <= start <= end <= len(text) else None
    if found is None or found.split() != piece.split():
        raise WorkshopError(f"Line {number} of {where} does not match the text at {start}-{end}: is it the quotes "
                            "file of another version of the text? Write it again from this text.")


def _read(path: Path) -> str:
    data = read_file_bytes(path, limit=MAX_BYTES, what="quotes file")
    if len(data) > MAX_BYTES:
        raise WorkshopError(f"The quotes file {path.name} is larger than {MAX_BYTES:,} bytes: is it the right file?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorkshopError(f"The quotes file {path.name} is not UTF-8 text; save it as UTF-8.") from None
