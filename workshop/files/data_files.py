"""Reading the small TOML and JSON files a writer gives the kit (cast files, corrections files).

One reader for all of them, so every such file fails the same way, in one line that names the file: missing, a
folder, a device or a pipe, too big, not UTF-8, not valid TOML/JSON (with the line), nested too deeply, or a JSON
object that gives the same key twice (JSON readers silently keep the last one; a cast would lose a character).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from workshop.errors import WorkshopError

MAX_BYTES = 5_000_000
"""Far above any cast or corrections file (the largest annotated novel's cast is 20 kB)."""


def read_data_file(path: str | Path, *, what: str) -> Any:
    """The parsed content of the TOML or JSON file at ``path`` (JSON when the name ends in ``.json``).

    ``what`` names the kind of file in messages ("cast file", "corrections file")."""
    path = Path(path)
    raw = _read_text(path, what)
    try:
        if path.suffix.lower() == ".json":
            return json.loads(raw, object_pairs_hook=_refuse_repeated_keys(path, what))
        return tomllib.loads(raw)
    except json.JSONDecodeError as exc:
        raise WorkshopError(f"The {what} {path.name} is not valid JSON: {exc}.") from None
    except tomllib.TOMLDecodeError as exc:
        raise WorkshopError(f"The {what} {path.name} is not valid TOML: {exc}.") from None
    except RecursionError:
        raise WorkshopError(
            f"The {what} {path.name} is nested too deeply to be a {what} (lists inside lists, hundreds deep)."
        ) from None


def _read_text(path: Path, what: str) -> str:
    try:
        if not path.exists():
            raise WorkshopError(f"There is no {what} at {path}.")
        if path.is_dir():
            raise WorkshopError(f"{path} is a folder, not a {what}.")
        if not path.is_file():
            raise WorkshopError(f"{path} is not a regular file (a device or a pipe?), so it cannot be a {what}.")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise WorkshopError(f"The {what} {path} cannot be read: {exc.strerror or exc}.") from None
    if len(data) > MAX_BYTES:
        raise WorkshopError(f"The {what} {path.name} is larger than {MAX_BYTES:,} bytes: is it the right file?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorkshopError(f"The {what} {path.name} is not UTF-8 text; save it as UTF-8.") from None


def _refuse_repeated_keys(path: Path, what: str):
    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise WorkshopError(
                    f"In the {what} {path.name}, {key!r} appears twice: keep one entry (merge their aliases)."
                )
            out[key] = value
        return out

    return build
