"""Reference passages to compare a character with: the kit's own scenes, any scene file, or a classic novel.

* A **reference scene** is a name from ``texts/references/`` (``the-detective``, ``the-aunt``, ``the-butler``,
  ``the-teenager``) or the path of any scene file; the cast file ``NAME.cast.toml`` beside it is used when it
  exists. :func:`load_reference` reads it and finds its dialogue.
* The **catalog** (``workshop/data/catalog.toml``) lists well-known characters of public-domain novels with the
  book's Project Gutenberg number. :func:`fetch_work` downloads a book **only when asked**, once, into a local
  cache (``~/.cache/voice-workshop/references``, or ``$VOICE_WORKSHOP_CACHE/references``), with a time limit and a size
  limit. A cached book is used only when its SHA-256 matches the one the catalog ships (``sha256``), or, for a
  work the catalog has none for, the one recorded when the kit itself downloaded it; a copy with no checksum on
  record, or a changed one, is refused (or downloaded afresh with ``--fetch``). Offline, it says so plainly and
  tells you how to use the book from a file instead.

This module is the only place in the kit that may open a network connection, and only inside
:func:`fetch_work`: never at import, never in the tests (they pass their own ``opener``).
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from workshop.compare.offline_references import (
    FOLDER,
    find_offline_character,
    known_list,
    offline_characters,
    offline_dialogue,
)
from workshop.compare.pairs import dialogue_lines
from workshop.errors import WorkshopError
from workshop.files import cache as files_cache
from workshop.files.atomic_write import describe_os_error, write_atomically
from workshop.speakers.cast import Cast, cast_from_dict, load_cast
from workshop.speakers.dialogue import find_dialogue
from workshop.text.samples import texts_dir
from workshop.text.scene import read_scene

if TYPE_CHECKING:
    from workshop.speakers.dialogue import Dialogue

GUTENBERG_URL = "https://www.gutenberg.org/cache/epub/{id}/pg{id}.txt"
TIMEOUT_SECONDS = 30.0
MAX_BYTES = 8_000_000
"""No book in the catalog is near this; a bigger answer is not a book and is refused."""

_START = re.compile(r"^\*\*\*\s*START OF (?:THE|THIS) PROJECT GUTENBERG EBOOK.*$", re.IGNORECASE | re.MULTILINE)
_END = re.compile(r"^\*\*\*\s*END OF (?:THE|THIS) PROJECT GUTENBERG EBOOK.*$", re.IGNORECASE | re.MULTILINE)


# ------------------------------------------------------------------------------------------------ the catalog


@dataclass(frozen=True)
class CatalogWork:
    """One book of the catalog and the characters worth comparing in it."""

    key: str
    title: str
    author: str
    year: int | None
    gutenberg_id: int
    characters: tuple[dict[str, Any], ...] = field(default=())
    sha256: str | None = None
    """The SHA-256 of the book as the kit caches it (the text without Gutenberg's header and licence), when the
    catalog ships one: a cached or downloaded copy must match it."""

    @property
    def cast(self) -> Cast:
        return cast_from_dict({"character": [dict(c) for c in self.characters]}, where=f"the catalog entry {self.key}")

    @property
    def url(self) -> str:
        return GUTENBERG_URL.format(id=self.gutenberg_id)

    def describe(self) -> str:
        names = ", ".join(c["name"] for c in self.characters)
        return f"{self.title} ({self.author}, {self.year}; Project Gutenberg #{self.gutenberg_id}): {names}"


@lru_cache(maxsize=1)
def catalog() -> dict[str, CatalogWork]:
    """Every work of ``workshop/data/catalog.toml``, by key."""
    raw = (resources.files("workshop") / "data" / "catalog.toml").read_text(encoding="utf-8")
    return catalog_from_toml(raw)


def catalog_from_toml(raw: str) -> dict[str, CatalogWork]:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise WorkshopError(f"The reference catalog is not valid TOML: {exc}.") from exc
    works: dict[str, CatalogWork] = {}
    for number, w in enumerate(data.get("work", []), 1):
        try:
            work = CatalogWork(
                str(w["key"]), str(w["title"]), str(w.get("author", "")), w.get("year"), int(w["gutenberg_id"]),
                tuple(w.get("character", [])), _checksum_field(w.get("sha256")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise WorkshopError(f"Work {number} of the reference catalog needs key, title and gutenberg_id ({exc}).") from exc
        works[work.key] = work
    return works


def _checksum_field(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{64}", value.lower()):
        raise ValueError(f"sha256 must be 64 hexadecimal digits, not {value!r}")
    return value.lower()


# ---------------------------------------------------------------------------------------- the download cache


def cache_dir() -> Path:
    """Where downloaded books are kept: the ``references`` folder of the kit's cache
    (:func:`workshop.files.cache.cache_dir`: ``$VOICE_WORKSHOP_CACHE`` or the platform's user cache folder)."""
    folder = files_cache.cache_dir("references")
    if folder is None:
        raise WorkshopError(f"{files_cache.ENV_VAR} is empty (the disk cache is turned off), so there is no folder "
                            "to keep a downloaded book in: set it to a folder, or give the book's file to --against.")
    return folder


def cached_path(work: CatalogWork, cache: Path | None = None) -> Path:
    return (cache or cache_dir()) / f"{work.key}.txt"


def _checksums(cache: Path) -> dict[str, str]:
    """The checksums the kit recorded when it downloaded books into ``cache`` (``checksums.json``)."""
    path = cache / "checksums.json"
    if not path.exists():
        return {}
    try:
        sums = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(sums, dict) or not all(isinstance(v, str) for v in sums.values()):
            raise ValueError("not a table of checksums")
    except (OSError, ValueError, RecursionError):
        raise WorkshopError(f"{path} is damaged (or not a file); delete it and fetch the books again.") from None
    return sums


def _record_checksum(cache: Path, key: str, digest: str) -> None:
    sums = _checksums(cache)
    sums[key] = digest
    path = cache / "checksums.json"
    try:
        write_atomically(path, json.dumps(sums, indent=1, sort_keys=True) + "\n")
    except OSError as exc:
        raise WorkshopError(describe_os_error(exc, path)) from None


def _cached_copy_problem(work: CatalogWork, path: Path, cache: Path) -> str | None:
    """Why the cached copy of ``work`` cannot be trusted, or None when its checksum is the one on record (the
    catalog's, else the one recorded at download)."""
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise WorkshopError(
            f"The cached copy of {work.title} ({path}) cannot be read ({exc.strerror or exc}); delete it and fetch "
            "the book again."
        ) from None
    expected = work.sha256 or _checksums(cache).get(work.key)
    if expected is None:
        return (f"The cached copy of {work.title} ({path}) has no checksum on record, so the kit cannot tell "
                "whether it was changed.")
    if digest != expected:
        return (f"The cached copy of {work.title} ({path}) has changed since it was downloaded (checksum "
                "mismatch).")
    return None


def strip_gutenberg(text: str) -> str:
    """The book without Project Gutenberg's header and licence footer (when the markers are there)."""
    start = _START.search(text)
    if start:
        text = text[start.end() :]
    end = _END.search(text)
    if end:
        text = text[: end.start()]
    return text.replace("\r\n", "\n").strip() + "\n"


def _default_opener(url: str, timeout: float):
    import urllib.request  # imported here so that importing the kit never touches the network stack

    request = urllib.request.Request(url, headers={"User-Agent": "voice-workshop (classroom reference fetcher)"})
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - fixed https URL from the catalog


def fetch_work(
    key: str,
    *,
    cache: Path | None = None,
    opener: Callable[[str, float], Any] | None = None,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    refresh: bool = False,
    download: bool = True,
) -> Path:
    """The cached text of a catalog work, downloading it first if it is not in the cache yet (or if the cached
    copy cannot be trusted: see :func:`_cached_copy_problem`).

    A cached copy must match the catalog's checksum for the work or, without one, the checksum recorded in
    ``checksums.json`` when the kit downloaded it. With ``download=False`` nothing is downloaded: a missing or
    untrusted copy is refused with a message. ``opener(url, timeout)`` returns a file-like object; it is
    :func:`urllib.request.urlopen` unless given (the tests pass their own).
    """
    work = get_work(key)
    cache = cache or cache_dir()
    path = cached_path(work, cache)
    if (path.exists() or path.is_symlink()) and not path.is_file():
        raise WorkshopError(f"{path} should be the cached copy of {work.title} but is not a file: delete it.")
    if path.exists() and not refresh:
        problem = _cached_copy_problem(work, path, cache)
        if problem is None:
            return path
        if problem.endswith("(checksum mismatch)."):  # someone changed it: say so, and let them decide
            raise WorkshopError(f"{problem} Delete it and fetch it again.")
        if not download:
            raise WorkshopError(f"{problem} Add --fetch to download it afresh (needs internet), or delete it.")
        refresh = True  # no checksum on record, and downloading was allowed: replace the copy
    elif not path.exists() and not download:
        raise WorkshopError(f"{work.title} is not downloaded yet: add --fetch to download it once (needs internet).")
    body = _download(work, path, opener or _default_opener, timeout, max_bytes)
    digest = hashlib.sha256(body).hexdigest()
    if work.sha256 is not None and digest != work.sha256:
        raise WorkshopError(
            f"The download of {work.title} does not match the checksum in the kit's catalog; refused (Project "
            "Gutenberg may have changed the file: the catalog needs updating)."
        )
    sums = _checksums(cache) if cache.exists() else {}
    if key in sums and sums[key] != digest and not refresh:
        raise WorkshopError(f"The download of {work.title} does not match the checksum recorded earlier; refused.")
    try:
        cache.mkdir(parents=True, exist_ok=True)
        write_atomically(path, body)
    except OSError as exc:
        raise WorkshopError(describe_os_error(exc, path)) from None
    _record_checksum(cache, key, digest)
    return path


def _download(work: CatalogWork, path: Path, opener: Callable[[str, float], Any], timeout: float,
              max_bytes: int) -> bytes:
    """The book's text as the cache keeps it (UTF-8, without Gutenberg's header and licence)."""
    try:
        with opener(work.url, timeout) as response:
            data = response.read(max_bytes + 1)
    except Exception as exc:  # URLError, timeouts, refused connections, proxies: all mean "not reachable now"
        raise WorkshopError(
            f"Could not download {work.title} from Project Gutenberg ({type(exc).__name__}: {exc}). "
            f"Are you online? Without a connection you can save {work.url} by hand as any file and give its path "
            "to --against (with --against-cast for its characters), or compare with a reference scene from "
            "texts/references."
        ) from None
    if len(data) > max_bytes:
        raise WorkshopError(f"The download of {work.title} is larger than {max_bytes:,} bytes; refused.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorkshopError(f"The download of {work.title} is not UTF-8 text; refused.") from None
    return strip_gutenberg(text).encode("utf-8")


def get_work(key: str) -> CatalogWork:
    works = catalog()
    if key not in works:
        raise WorkshopError(f"{key!r} is not in the reference catalog. Known works: {', '.join(sorted(works))}.")
    return works[key]


# ------------------------------------------------------------------------------------------ loading references


@dataclass
class Reference:
    """A reference ready to compare with: its name, where it came from, and its dialogue."""

    name: str
    path: Path
    dialogue: "Dialogue"
    characters: list[str]
    source: str  # "scene", "file", "catalog" or "offline" (lines shipped with the kit)
    description: str = ""

    def lines(self) -> dict[str, list[str]]:
        """``character -> lines`` for the reference's characters that speak."""

        speaking = self.dialogue.lines_by_speaker()
        cast = self.dialogue.cast
        found = dialogue_lines(self.dialogue, [c for c in self.characters if (cast.canonical(c) or c) in speaking])
        return {k: v for k, v in found.items() if v}


def reference_names() -> list[str]:
    """The kit's reference scenes (names usable with ``--against``)."""

    folder = texts_dir() / "references"
    return sorted(p.stem for p in folder.glob("*.txt")) if folder.is_dir() else []


def resolve_reference(ref: str | Path) -> tuple[Path, Path | None, str]:
    """(scene path, cast path or None, source) for a reference name, a catalog key or a path."""

    path = Path(ref)
    if path.is_file():
        cast = path.with_suffix(".cast.toml")
        return path, (cast if cast.exists() else None), "file"
    name = str(ref)[:-4] if str(ref).endswith(".txt") else str(ref)
    folder = texts_dir() / "references"
    candidate = folder / f"{name}.txt"
    if "/" not in name and candidate.is_file():
        cast = folder / f"{name}.cast.toml"
        return candidate, (cast if cast.exists() else None), "scene"
    if name in catalog():
        return cached_path(get_work(name)), None, "catalog"

    shipped = find_offline_character(name)
    if shipped is not None:
        return Path(str(resources.files("workshop").joinpath(*FOLDER, f"{shipped.work_key}.toml"))), None, "offline"
    raise WorkshopError(
        f"No reference called {ref!r}. Give a scene file, one of the kit's reference scenes "
        f"({', '.join(reference_names()) or 'none found'}), a character whose lines come with the kit "
        f"({known_list()}), or a catalog work ({', '.join(sorted(catalog()))})."
    )


def load_reference(
    ref: str | Path,
    *,
    cast: str | Path | None = None,
    fetch: bool = False,
    cache: Path | None = None,
    opener: Callable[[str, float], Any] | None = None,
) -> Reference:
    """Read a reference and find its dialogue.

    ``ref`` is a path, a name from ``texts/references``, a catalog key, or the name of a character whose lines
    come with the kit (``"Sherlock Holmes"``: :mod:`workshop.compare.offline_references`, no network). A catalog
    work must already be in the cache unless ``fetch`` is true (then it is downloaded once; see
    :func:`fetch_work`).
    """

    path, cast_path, source = resolve_reference(ref)
    if source == "offline":
        shipped = find_offline_character(str(ref))
        assert shipped is not None  # resolve_reference found it
        if cast:
            raise WorkshopError(f"{shipped.full_name}'s lines come with the kit, attributed already: leave out "
                                "--against-cast.")
        return Reference(shipped.title, path, offline_dialogue(shipped), [shipped.full_name], "offline",
                         shipped.describe())
    description = ""
    the_cast: Cast | None = load_cast(cast) if cast else (load_cast(cast_path) if cast_path else None)
    if source == "catalog":
        work = get_work(str(ref))
        description = work.describe()
        if cache is not None:
            path = cached_path(work, cache)
        if not path.exists() and not path.is_symlink() and not fetch:
            shipped = [c.full_name for c in offline_characters().values() if c.work_key == work.key]
            offline = (f" Without internet, compare with the lines of {' or '.join(shipped)} that come with the kit: "
                       f"--against \"{shipped[0]}\"." if shipped else "")
            raise WorkshopError(
                f"{work.title} is not downloaded yet. Add --fetch to download it once from Project Gutenberg "
                f"(needs internet; {work.url}), or save that file by hand and give its path to --against.{offline}"
            )
        path = fetch_work(work.key, cache=path.parent, opener=opener, download=fetch)  # checks the checksum
        the_cast = the_cast or work.cast
        dialogue = find_dialogue(read_scene(path, detect_notes=False), the_cast)
        characters = [c.name for c in the_cast]
    else:
        dialogue = find_dialogue(read_scene(path), the_cast)
        characters = [c.name for c in the_cast] if the_cast else list(dialogue.speakers)
    name = Path(path).stem if source != "catalog" else str(ref)
    return Reference(name, Path(path), dialogue, characters, source, description)
