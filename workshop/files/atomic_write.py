"""Writing a file so that a failing or interrupted run never damages what was there.

Every file the kit writes (a command's ``-o``, a corrections file, a cached table, a downloaded book) goes through
:func:`write_file` or :func:`write_atomically`: the content goes to a temporary file in the same folder, is
flushed to disk, and only then renamed over the target in one step. A run that fails (bad input, a full disk,
``kill -9``) leaves either the old file or the complete new one, never an empty or half-written file; a temporary
file left by a killed run is hidden (``.NAME.XXXX.tmp``) and safe to delete.

:func:`check_output_path` says *before any work is done* whether a path can be written (not a folder, a folder
that exists and is writable, a file name the disk accepts, an existing file only with ``force``), so a long run
is not wasted; :func:`write_file` translates every error the operating system gives into one line for a writer.

Written here rather than taken from a library: it is a dozen lines of standard calls (``os.open``, ``fsync``,
``os.replace``), and the kit needs its own messages and its own rules for devices such as ``/dev/null``.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from workshop.errors import WorkshopError

TEXT_ENCODING = "utf-8"
NAME_MAX_DEFAULT = 255


def check_output_path(path: str | Path, *, force: bool = False, exists_hint: str = "add --force to replace it") -> Path:
    """Refuse, with one line, a path that cannot be written: a folder, a file that exists (unless ``force``), a
    folder that is missing, is a file, is read-only or not ours, or a file name too long for the disk.

    Nothing is created or opened. Returns the path to write (a symbolic link is followed to its target)."""
    path = Path(path)
    try:
        return _checked(path, force, exists_hint)
    except OSError as exc:  # the name itself is refused by the system (too long, a loop of links, ...)
        raise WorkshopError(describe_os_error(exc, path)) from None


def _checked(path: Path, force: bool, exists_hint: str) -> Path:
    if path.is_dir():
        raise WorkshopError(f"{path} is a folder: give the name of a file to write.")
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent
    limit = _name_max(folder)
    if len(os.fsencode(target.name)) > limit:
        raise WorkshopError(
            f"The file name {target.name[:40]}... is too long ({len(target.name)} characters; this disk allows "
            f"{limit} bytes): choose a shorter name."
        )
    if path.exists() and not force:
        raise WorkshopError(f"{path} already exists; {exists_hint}.")
    if not folder.is_dir():
        blocker = next((p for p in (folder, *folder.parents) if p.exists()), None)
        if blocker is not None and not blocker.is_dir():
            raise WorkshopError(f"{blocker} is a file, not a folder, so nothing can be written at {path}.")
        raise WorkshopError(f"The folder {folder} does not exist.")
    if _is_regular_or_missing(target) and not os.access(folder, os.W_OK | os.X_OK):
        raise WorkshopError(_folder_problem(folder, errno.EROFS if _read_only(folder) else errno.EACCES, path))
    return target


def write_file(
    path: str | Path,
    data: str | bytes | Iterable[str],
    *,
    force: bool = True,
    exists_hint: str = "add --force to replace it",
) -> Path:
    """Check ``path`` (:func:`check_output_path`) and write ``data`` to it atomically; every failure is a
    :class:`WorkshopError` with one line, and leaves an existing file as it was. Returns the path written."""
    target = check_output_path(path, force=force, exists_hint=exists_hint)
    try:
        write_atomically(target, data, replace=force)
    except FileExistsError:
        raise WorkshopError(f"{path} already exists; {exists_hint}.") from None
    except OSError as exc:
        raise WorkshopError(describe_os_error(exc, Path(path))) from None
    return target


def write_atomically(path: str | Path, data: str | bytes | Iterable[str], *, replace: bool = True) -> None:
    """Write ``data`` (text is UTF-8) to ``path`` through a temporary file in the same folder and one rename.

    With ``replace=False`` an existing file is never replaced (``FileExistsError``), even one that appeared
    while the work was done. A path that exists and is not a regular file (``/dev/null``, a named pipe) is
    written directly: there is nothing to keep safe. Raises ``OSError``; the temporary file is removed on any
    failure (only ``kill -9`` can leave one behind)."""
    path = Path(path)
    if not _is_regular_or_missing(path):
        with path.open("wb") as handle:
            _write_chunks(handle, data)
        return
    tmp = path.with_name(f".{path.name[:32]}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies, as for any new file
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_chunks(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))  # a replaced file keeps its permissions
        except FileNotFoundError:
            pass
        if replace:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def describe_os_error(exc: OSError, path: Path) -> str:
    """One line saying why ``path`` could not be written, and what to do."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"The disk is full: {path} was not written (an existing file is unchanged). Free some space and run again."
    if code == errno.EISDIR:
        return f"{path} is a folder: give the name of a file to write."
    if code == errno.ENAMETOOLONG:
        return f"The file name {path.name[:40]}... is too long ({len(path.name)} characters): choose a shorter name."
    if code == errno.ENOTDIR:
        return f"Part of {path} is a file, not a folder, so nothing can be written there."
    if code == errno.ENOENT:
        return f"The folder {path.parent} does not exist."
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _folder_problem(path.parent, code, path)
    return f"Could not write {path}: {exc.strerror or exc}."


def _folder_problem(folder: Path, code: int, path: Path) -> str:
    if code == errno.EROFS:
        return f"{folder} is on a read-only disk, so {path.name} cannot be written there: choose another folder."
    return f"No permission to write in {folder}, so {path.name} cannot be written there: choose another folder."


def _write_chunks(handle, data: str | bytes | Iterable[str]) -> None:
    if isinstance(data, bytes):
        handle.write(data)
    elif isinstance(data, str):
        handle.write(data.encode(TEXT_ENCODING))
    else:
        for chunk in data:
            handle.write(chunk.encode(TEXT_ENCODING))


def _place_new(tmp: Path, path: Path) -> None:
    """Rename ``tmp`` to ``path`` only if ``path`` does not exist (a hard link fails on an existing name)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename (a tiny window, but no data lost)
        if path.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _is_regular_or_missing(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return True


def _name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return NAME_MAX_DEFAULT


def _read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False
