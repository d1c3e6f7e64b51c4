"""Opening a file the writer names: regular files only, and never more bytes than the kit will use.

A device (``/dev/zero``, ``/dev/urandom``), a named pipe or a socket is refused before anything is read: a pipe
with no writer would block for ever, and ``/dev/zero`` reports a size of 0 but never ends. The check is made on
the file actually opened (opened without blocking, then ``fstat``), so a path swapped for a pipe between a check
and the open cannot slip through. A regular file is read up to ``limit + 1`` bytes: the caller learns that it is
too big without the kit holding more than that, whatever size the filesystem reports.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from workshop.errors import WorkshopError


def read_file_bytes(path: Path, *, limit: int, what: str = "file") -> bytes:
    """At most ``limit + 1`` bytes of the regular file at ``path`` (more than ``limit`` means: too big).

    ``what`` names the kind of file in messages ("file", "cast file"). Every failure is a :class:`WorkshopError`
    with one line: missing, a path through a file, a folder, not a regular file, unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise WorkshopError(f"There is no {what} at {path}. Check the path (and the folder you are in).") from None
    except NotADirectoryError:
        raise WorkshopError(f"There is no {what} at {path}: {_file_on_the_way(path)} is a file, not a folder.") from None
    except IsADirectoryError:
        raise WorkshopError(f"{path} is a folder, not a {what}. Give the path of a .txt or .md file.") from None
    except PermissionError:
        raise WorkshopError(f"Could not read {path}: permission denied.") from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket (or a device with nothing behind it)
            raise WorkshopError(_not_regular(path, "socket")) from None
        raise WorkshopError(f"Could not read {path}: {exc.strerror or exc}.") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise WorkshopError(f"{path} is a folder, not a {what}. Give the path of a .txt or .md file.")
        if not stat.S_ISREG(mode):
            raise WorkshopError(_not_regular(path, _KINDS.get(stat.S_IFMT(mode), "special file")))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise WorkshopError(f"Could not read {path}: {exc.strerror or exc}.") from None
    finally:
        os.close(fd)


_KINDS = {stat.S_IFCHR: "device", stat.S_IFBLK: "device", stat.S_IFIFO: "named pipe", stat.S_IFSOCK: "socket"}


def _not_regular(path: Path, kind: str) -> str:
    return (f"{path} is a {kind}, not a file the kit can read (it might never end, or wait for ever). "
            "Save the text in a file and give that file's path.")


def _file_on_the_way(path: Path) -> Path:
    """The first part of ``path`` that is a file where a folder should be."""
    for parent in reversed(path.parents):
        if parent.is_file():
            return parent
    return path.parent
