"""A small on-disk cache for tables the adapters derive from third-party data files.

Why it exists: the first profile in a session used to spend about 0.3 s just turning package data into lookup
tables (parsing the whole pronunciation dictionary, importing wordfreq and expanding its frequency list). The
adapters now write the one table each of them needs, in a plain text form that loads in a few hundredths of a
second, to a cache directory the first time, and read it from there afterwards.

The cache is only ever a copy: each file starts with a signature line naming the source files it was built
from (size and modification time), so a reinstalled or upgraded package is noticed and the table rebuilt, and
ending with the SHA-256 of the rest of the file, so a cut, damaged or edited table is noticed too (and rebuilt,
not trusted: a table cut in half once gave 2,960 syllables for a scene's 3,152). A table that still fails to
parse is rebuilt as well. If the directory cannot be written (a read-only home, a locked-down classroom
machine), the table is simply built in memory every time, as before: the cache never causes an error.

Where: :func:`cache_dir`, the one place that decides where the kit keeps anything on disk (these tables in the
folder itself, downloaded books in its ``references`` sub-folder). It is ``$VOICE_WORKSHOP_CACHE`` if set (set it
to an empty string to turn the disk cache off), else the platform's user cache directory as ``platformdirs`` knows
it (``$XDG_CACHE_HOME/voice-workshop`` or ``~/.cache/voice-workshop`` on Linux, ``~/Library/Caches/voice-workshop``
on macOS, ``%LOCALAPPDATA%\\voice-workshop\\Cache`` on Windows). The files are text; deleting them is always safe.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import platformdirs

from workshop.files.atomic_write import write_atomically

ENV_VAR = "VOICE_WORKSHOP_CACHE"
APP_NAME = "voice-workshop"
FORMAT = "voice-workshop-cache 2"
"""First word(s) of every signature line; bump the number when a table's layout changes."""

T = TypeVar("T")


def cache_dir(part: str | None = None) -> Path | None:
    """The kit's folder for cached files (or its sub-folder ``part``, e.g. ``"references"``), or None when the
    disk cache is turned off (``VOICE_WORKSHOP_CACHE=``). Nothing is created here: writers make the folder."""
    configured = os.environ.get(ENV_VAR)
    if configured is not None:
        if not configured.strip():
            return None
        root = Path(configured).expanduser()
    else:
        root = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return root / part if part else root


def signature(sources: Sequence[Path]) -> str:
    """One line describing the source files (name, size, modification time), so that a change is noticed."""
    parts = [FORMAT]
    for path in sources:
        try:
            st = path.stat()
            parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path.name}:missing")
    return " ".join(parts)


def cached_text(name: str, sources: Sequence[Path], build: Callable[[], str]) -> str:
    """The text ``build()`` returns, read from the cache file ``name`` when that was built from the same
    ``sources`` and is whole; otherwise built now and (if possible) saved for next time."""
    return cached_table(name, sources, build, lambda body: body)


def cached_table(name: str, sources: Sequence[Path], build: Callable[[], str], parse: Callable[[str], T]) -> T:
    """``parse(body)`` of the cached text (see :func:`cached_text`); a cached body that ``parse`` rejects
    (``ValueError``, ``TypeError``, ``KeyError``, ``IndexError``) is rebuilt, never passed on."""
    folder = cache_dir()
    sig = signature(sources)
    path = folder / name if folder is not None else None
    if path is not None:
        body = _read_whole(path, sig)
        if body is not None:
            try:
                return parse(body)
            except (ValueError, TypeError, KeyError, IndexError):
                pass  # a table that does not parse is rebuilt below
    body = build()
    if path is not None:
        _write(path, f"{sig} body-sha256:{_digest(body.encode('utf-8'))}\n{body}")
    return parse(body)


def cached_file(name: str | Path, sources: Sequence[Path], build: Callable[[], str]) -> Path | None:
    """The path of a cache file holding exactly the text ``build()`` returns, for a library that reads a file of
    its own format (so the signature and checksum are kept beside it, in ``NAME.signature``); rebuilt when the
    ``sources`` changed or the file was damaged. None when the disk cache is off or cannot be written: the
    caller then keeps the text elsewhere."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / name
    stamp = path.with_name(path.name + ".signature")
    sig = signature(sources)
    try:
        if stamp.read_text(encoding="utf-8") == f"{sig} body-sha256:{_digest(path.read_bytes())}":
            return path
    except (OSError, UnicodeDecodeError):
        pass  # missing, damaged or unreadable: built again below
    body = build().encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stamp.unlink(missing_ok=True)  # no stamp while the file is replaced: a crash in between means a rebuild
        write_atomically(path, body)
        write_atomically(stamp, f"{sig} body-sha256:{_digest(body)}")
    except OSError:
        return None
    return path


def _read_whole(path: Path, sig: str) -> str | None:
    """The body of the cache file when its signature is ``sig`` and its checksum matches, else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head, _, body = data.partition(b"\n")
    if head != f"{sig} body-sha256:{_digest(body)}".encode("utf-8"):
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(path: Path, text: str) -> None:
    """Write atomically (:mod:`workshop.files.atomic_write`: a temporary file, then a rename), so a reader never sees
    half a table. Any failure leaves the cache as it was: the caller already has its table."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
    except OSError:
        pass
