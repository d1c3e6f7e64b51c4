"""The registry of output formats: for each kind of output (``quotes``, ``profile``, ``compare``, ``critique``),
the formats it can be written in, each with its file name ending and the function that writes it.

Why a registry: a format used to be an ``if fmt == ...`` branch in the command, a ``--format`` choice typed
beside it and a file ending in a third table (for a folder of scenes); a new format meant finding all three. Now
a writer declares itself once, where it is written::

    @exporter("profile", "csv", extension="csv", description="one row per character and measure")
    def profile_csv(profiles, *, norms=None, top=6) -> str: ...

and the command's ``--format`` choices, the file names of a folder run (:mod:`workshop.cli.batch`) and the
dispatch (:func:`export`) all read it. The registry knows nothing of what it exports: each kind fixes the
arguments of its writers (the thing exported first, then keywords; see the module that registers the kind), so
any layer can register a format without this module importing it. Writers return the whole text, or an iterable
of pieces for a long output written as it is made; :mod:`workshop.files.atomic_write` writes either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from workshop.errors import WorkshopError

Writer = Callable[..., "str | Iterable[str]"]
W = TypeVar("W", bound=Callable[..., Any])


@dataclass(frozen=True)
class ExportFormat:
    """One way of writing one kind of output."""

    kind: str
    """What is written: ``quotes``, ``profile``, ``compare``, ``critique``."""
    name: str
    """The ``--format`` value: ``table``, ``json``, ``jsonl``, ``csv``, ``md``, ``html``."""
    extension: str
    """The file name ending, without the dot (``txt`` for a table)."""
    write: Writer
    description: str = ""


_REGISTRY: dict[str, dict[str, ExportFormat]] = {}


def register_format(kind: str, name: str, write: Writer, *, extension: str | None = None,
                    description: str = "") -> ExportFormat:
    """Declare that ``kind`` can be written as ``name`` by ``write``. Registering the same (kind, name) again
    replaces the writer (a module reloaded in a notebook), keeping the format's place in the list."""
    fmt = ExportFormat(kind, name, extension or name, write, description)
    _REGISTRY.setdefault(kind, {})[name] = fmt
    return fmt


def unregister_format(kind: str, name: str) -> None:
    """Forget a format (a test's, or one a notebook added for a while); an unknown one is ignored."""
    _REGISTRY.get(kind, {}).pop(name, None)


def exporter(kind: str, name: str, *, extension: str | None = None, description: str = "") -> Callable[[W], W]:
    """Decorator form of :func:`register_format`; the function is returned unchanged."""

    def register(write: W) -> W:
        register_format(kind, name, write, extension=extension, description=description)
        return write

    return register


def format_names(kind: str) -> tuple[str, ...]:
    """The formats ``kind`` can be written in, in the order they were registered (the first is the default)."""
    return tuple(_REGISTRY.get(kind, {}))


def export_format(kind: str, name: str) -> ExportFormat:
    """The format ``name`` of ``kind``; an unknown one is a one-line :class:`~workshop.errors.WorkshopError`."""
    found = _REGISTRY.get(kind, {}).get(name)
    if found is None:
        choices = ", ".join(format_names(kind)) or "none"
        raise WorkshopError(f"There is no {name!r} format for {kind}; choose one of: {choices}.")
    return found


def export(kind: str, name: str, subject: Any, **context: Any) -> str | Iterable[str]:
    """``subject`` written as ``kind`` in the format ``name`` (``context``: the kind's keyword arguments)."""
    return export_format(kind, name).write(subject, **context)
