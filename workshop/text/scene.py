"""Reading a scene file: decoding, line endings, paragraphs and author's notes.

Every offset the kit reports indexes ``Scene.text``: the file decoded as given, with a byte-order mark removed
and line endings left exactly as they were (LF, CRLF or CR).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from workshop.errors import Notice, WorkshopError
from workshop.files.input_files import read_file_bytes

MAX_BYTES = 20_000_000
"""Largest scene file read (20 MB, about thirty novels); larger files are refused with a message."""

SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SCENE_BREAK = re.compile(r"^\s*(?:[*~#=_-]\s*){3,}$|^\s*(?:[*]\s*)+$")
_NOTE_MARKER = re.compile(
    r"^\s*[\[(]?\s*(?:A/N|A\.N\.|AN:|Author'?s'? ?notes?|Author['’]s notes?|Note from the author|Disclaimer)\b",
    re.IGNORECASE,
)
_READER_TALK = re.compile(
    r"\b(?:this (?:scene|chapter|story|fic|one-shot|oneshot|piece)|pairing|fanfic|readers?|reviews?|"
    r"the movie|the film|the show|the episode|canon|ship)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the scene: ``text[start:end]`` with outer blank space trimmed."""

    index: int
    start: int
    end: int
    line: int


@dataclass(frozen=True)
class Excluded:
    """A range of the text that is not part of the story (an author's note, or one the writer chose)."""

    start: int
    end: int
    reason: str


@dataclass
class Scene:
    """A decoded scene with its paragraphs and the ranges left out of the analysis."""

    text: str
    name: str = "scene"
    path: Path | None = None
    encoding: str = "utf-8"
    paragraphs: list[Paragraph] = field(default_factory=list)
    excluded: list[Excluded] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def line_start(self, offset: int) -> int:
        """Offset of the first character of the line holding ``offset``."""
        return self._line_starts[self.line_of(offset) - 1]

    def is_excluded(self, offset: int) -> bool:
        return any(ex.start <= offset < ex.end for ex in self.excluded)

    @property
    def story_paragraphs(self) -> list[Paragraph]:
        """Paragraphs that are not inside an excluded range."""
        return [p for p in self.paragraphs if not self.is_excluded(p.start)]


def read_scene(
    source: str | Path,
    *,
    exclude: list[tuple[int, int]] | None = None,
    exclude_lines: list[tuple[int, int]] | None = None,
    detect_notes: bool = True,
    max_bytes: int = MAX_BYTES,
) -> Scene:
    """Read a scene from a ``.txt`` or ``.md`` file.

    ``exclude`` takes character ranges and ``exclude_lines`` 1-based inclusive line ranges to leave out
    (for example an author's note). With ``detect_notes`` a leading author's note and a bracketed closing note are
    found and left out too; each is reported in ``Scene.notices``. Raises :class:`WorkshopError` with a plain
    message for a missing, empty, binary, oversized or unreadable file, a folder, a device, a pipe or a socket
    (see :mod:`workshop.files.input_files`: no more than ``max_bytes + 1`` bytes are ever read).
    """
    path = Path(source)
    data = read_file_bytes(path, limit=max_bytes)
    if len(data) > max_bytes:
        raise WorkshopError(
            f"{path.name} is larger than {max_bytes / 1e6:.0f} MB, the most the kit reads. "
            "Split it into chapters or scenes."
        )
    notices: list[Notice] = []
    if path.suffix.lower() not in SUFFIXES:
        notices.append(
            Notice("suffix", f"{path.name} is not a .txt or .md file; reading it as plain text anyway.")
        )
    text, encoding = decode(data, name=path.name, notices=notices)
    return scene_from_text(
        text,
        name=path.stem,
        path=path,
        encoding=encoding,
        exclude=exclude,
        exclude_lines=exclude_lines,
        detect_notes=detect_notes,
        notices=notices,
    )


def decode(data: bytes, *, name: str = "the text", notices: list[Notice] | None = None) -> tuple[str, str]:
    """Decode file bytes: UTF-8 (BOM removed), UTF-32 or UTF-16 with a BOM, else Windows-1252/Latin-1 with a notice.

    A UTF-8 file with a few lines in Windows-1252 (a paragraph pasted from an old document) stays UTF-8: only
    the lines that are not UTF-8 are read as Windows-1252 (Latin-1 for a byte Windows-1252 leaves undefined), and
    the notice names them. A file none of whose non-ASCII lines is UTF-8 is read as Windows-1252 throughout."""
    notices = notices if notices is not None else []
    if not data.strip():
        raise WorkshopError(f"{name} is empty: there is no text to read.")
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
                       (b"\xfe\xff", "utf-16")):  # (UTF-32's little-endian mark starts like UTF-16's: it goes first)
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise WorkshopError(f"{name} says it is {codec.upper()} but cannot be read as {codec.upper()}.") from exc
    kind = _binary_kind(data)
    if kind:
        raise WorkshopError(
            f"{name} looks like {kind}, not plain text. Open it in your editor and save it as plain text (.txt)."
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = data[: exc.start].count(b"\n") + 1
    lines = data.removeprefix(b"\xef\xbb\xbf").splitlines(keepends=True)
    repaired: list[int] = []
    pieces: list[str] = []
    utf8_lines = 0
    for number, line in enumerate(lines, 1):
        try:
            pieces.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            pieces.append(_single_byte(line)[0])
            repaired.append(number)
    if utf8_lines:
        notices.append(
            Notice(
                "encoding",
                f"{name} is UTF-8 except {_line_list(repaired)}, which {'is' if len(repaired) == 1 else 'are'} "
                "read as Windows-1252. If quotes or accents look wrong there, retype them or save the file as UTF-8.",
                repaired[0],
            )
        )
        return "".join(pieces), "utf-8"
    text, encoding = _single_byte(data)
    notices.append(
        Notice(
            "encoding",
            f"{name} is not UTF-8 (first odd byte on line {first_bad}); read it as {encoding}. "
            "If quotes or accents look wrong, save the file as UTF-8.",
            first_bad,
        )
    )
    return text, encoding


def _single_byte(data: bytes) -> tuple[str, str]:
    """Windows-1252, or Latin-1 when a byte is one Windows-1252 leaves undefined."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _line_list(numbers: list[int]) -> str:
    """``line 4``, ``lines 4-6, 9``, at most five ranges shown."""
    ranges: list[tuple[int, int]] = []
    for n in numbers:
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], n)
        else:
            ranges.append((n, n))
    shown = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges[:5])
    more = f" and {len(ranges) - 5} more" if len(ranges) > 5 else ""
    return ("line " if len(numbers) == 1 else "lines ") + shown + more


def _binary_kind(data: bytes) -> str | None:
    head = data[:8192]
    if head.startswith(b"PK\x03\x04"):
        return "a Word document or other zip file"
    if head.startswith(b"%PDF"):
        return "a PDF"
    if head.startswith(b"{\\rtf"):
        return "a rich-text (.rtf) document"
    if b"\x00" in head:
        return "a binary file"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > max(8, len(head) // 50):
        return "a binary file"
    return None


def scene_from_text(
    text: str,
    *,
    name: str = "scene",
    path: Path | None = None,
    encoding: str = "utf-8",
    exclude: list[tuple[int, int]] | None = None,
    exclude_lines: list[tuple[int, int]] | None = None,
    detect_notes: bool = True,
    notices: list[Notice] | None = None,
) -> Scene:
    """Build a :class:`Scene` from text already in memory (pasted text, a notebook cell)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise WorkshopError("The scene is empty: there is no text to read.")
    scene = Scene(text=text, name=name, path=path, encoding=encoding, notices=list(notices or []))
    scene._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    scene.paragraphs, per_line = paragraph_layout(text, scene._line_starts)
    if per_line:
        shown = ", ".join(_lines(a, b) for a, b in per_line[:3]) + (f" and {len(per_line) - 3} more" if len(per_line) > 3 else "")
        scene.notices.append(
            Notice(
                "layout",
                f"The scene mixes two layouts: blank lines separate paragraphs in places, but {shown} "
                f"{'has' if len(per_line) == 1 else 'have'} no blank line between paragraphs, so each line there "
                "is read as a paragraph. If a paragraph was cut in two, put blank lines between paragraphs throughout.",
                per_line[0][0],
            )
        )
    for start, end in exclude or []:
        if not 0 <= start <= end <= len(text):
            raise WorkshopError(f"Excluded range {start}-{end} is outside the text (0-{len(text)}).")
        scene.excluded.append(Excluded(start, end, "chosen by the writer"))
    for first, last in exclude_lines or []:
        n_lines = len(scene._line_starts)
        if not 1 <= first <= last <= n_lines:
            raise WorkshopError(f"Excluded lines {first}-{last} are outside the text (lines 1-{n_lines}).")
        start = scene._line_starts[first - 1]
        end = scene._line_starts[last] if last < n_lines else len(text)
        scene.excluded.append(Excluded(start, end, "chosen by the writer"))
    if detect_notes:
        for note in find_authors_notes(scene):
            if not any(ex.start <= note.start < ex.end for ex in scene.excluded):
                scene.excluded.append(note)
                scene.notices.append(
                    Notice(
                        "authors-note",
                        f"Left out {note.reason} ({_lines(scene.line_of(note.start), scene.line_of(note.end - 1))}); "
                        "use --keep-notes to include it.",
                        scene.line_of(note.start),
                    )
                )
    scene.excluded.sort(key=lambda ex: ex.start)
    return scene


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def split_paragraphs(text: str, line_starts: list[int] | None = None) -> list[Paragraph]:
    """The scene's paragraphs, decided region by region (see :func:`paragraph_layout`)."""
    return paragraph_layout(text, line_starts)[0]


WRAP_WIDTH = 100
"""Lines longer than this were not wrapped by hand or by an editor's fixed width (Gutenberg wraps at 70-75)."""
_BLANK_LINE = re.compile(r"[ \t\f\v]*")
_ENDS_PARAGRAPH = re.compile(r"(?:[.!?\u2026]|[\u2014\u2013-]+[\"\u201d\u2019'])[\"\u201d\u2019')\]_*]*$")


def paragraph_layout(text: str, line_starts: list[int] | None = None) -> tuple[list[Paragraph], list[tuple[int, int]]]:
    """Paragraphs, and the line ranges read one paragraph per line in a text that elsewhere keeps the lines of a
    paragraph together (a mixed layout, for a notice).

    Blocks of lines are separated by blank lines. With a single block (no blank line between two lines of text),
    every line is a paragraph. Otherwise each block is one paragraph, its lines hard-wrapped (Project Gutenberg
    style: the span covers them, line breaks included, so offsets still point into the original text), unless
    the block reads as one paragraph per line: it has four lines or more, one of them longer than
    :data:`WRAP_WIDTH`, and at three line breaks in four the line ends a sentence (``.``, ``?``, ``!``, ``…``, or a
    dash before a closing quote, then any closing marks) and the next opens with anything but a lower-case letter.
    Text wrapped at a fixed width breaks mid-sentence at all but about one break in ten, and verse has only short
    lines, so a "title, blank line, one paragraph per line" file is read line by line while a hard-wrapped novel
    keeps its paragraphs (and its poems) whole. Two or three lines between blank lines stay one paragraph, as
    the writer set them.

    Linear in the length of the text: each line is looked at once, blank lines with a match anchored at the line
    start (a search for a run of blank lines would retry every position of a long run of spaces)."""
    lines: list[tuple[int, int]] = []  # (start, end) of each line's text, its line break left out
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        lines.append((pos, m.start()))
        pos = m.end()
    lines.append((pos, len(text)))
    if line_starts is None:
        line_starts = [s for s, _e in lines]
    blocks: list[tuple[int, int]] = []  # (first line, last line) of each run of non-blank lines, 0-based
    first = None
    for i, (s, e) in enumerate(lines):
        if _BLANK_LINE.match(text, s, e).end() == e:  # type: ignore[union-attr]  # (* always matches)
            if first is not None:
                blocks.append((first, i - 1))
                first = None
        elif first is None:
            first = i
    if first is not None:
        blocks.append((first, len(lines) - 1))
    spans: list[tuple[int, int]] = []
    per_line_blocks: list[tuple[int, int]] = []
    kept_whole = False
    for a, b in blocks:
        if b > a and (len(blocks) == 1 or _reads_per_line(text, lines[a : b + 1])):
            spans += lines[a : b + 1]
            per_line_blocks.append((a + 1, b + 1))
        else:
            spans.append((lines[a][0], lines[b][1]))
            kept_whole = kept_whole or b > a
    paragraphs = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        s = start + len(chunk) - len(chunk.lstrip())
        paragraphs.append(Paragraph(len(paragraphs), s, s + len(stripped), bisect.bisect_right(line_starts, s)))
    return paragraphs, (per_line_blocks if kept_whole else [])


def _reads_per_line(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether a block of ``lines`` holds one paragraph per line (see :func:`paragraph_layout`)."""
    breaks = len(lines) - 1
    clean = sum(
        1
        for (s, e), (s2, e2) in zip(lines, lines[1:])
        if _ENDS_PARAGRAPH.search(text[s:e].rstrip()[-12:]) and not text[s2:e2].lstrip()[:1].islower()
    )
    return breaks >= 3 and clean >= 0.75 * breaks and max(e - s for s, e in lines) > WRAP_WIDTH


def find_authors_notes(scene: Scene) -> list[Excluded]:
    """Find a leading author's note and a closing one, in the forms that can be told apart reliably.

    Leading: paragraphs before the first scene-break line (``***``, ``---``) or the first gap of two or more blank
    lines, when they open with a marker ("A/N", "Author's note", "Disclaimer") or talk to the reader about the
    story, hold no dialogue, and are under a quarter of the text. Closing: a last paragraph wrapped in square
    brackets, or one opening with a marker. Anything less certain is left in; the writer can exclude it by hand.
    """
    text, paras = scene.text, scene.paragraphs
    notes: list[Excluded] = []
    if len(paras) < 3:
        return notes
    boundary = _leading_boundary(text, paras)
    if boundary is not None:
        head = paras[:boundary]
        head_text = text[head[0].start : head[-1].end]
        marked = bool(_NOTE_MARKER.match(head_text))
        talks = bool(_READER_TALK.search(head_text)) and re.search(r"\bI\b", head_text) is not None
        no_dialogue = not re.search(r"[\"“”]", head_text)
        if marked or (talks and no_dialogue and len(head_text) < len(text) / 4):
            notes.append(Excluded(head[0].start, head[-1].end, "an author's note at the start"))
    elif _NOTE_MARKER.match(text[paras[0].start : paras[0].end]):
        notes.append(Excluded(paras[0].start, paras[0].end, "an author's note at the start"))
    last = paras[-1]
    last_text = text[last.start : last.end]
    bracketed = last_text.startswith("[") and last_text.rstrip().endswith("]")
    if _NOTE_MARKER.match(last_text) or (bracketed and len(last_text) < len(text) / 4):
        if not notes or notes[0].end <= last.start:
            notes.append(Excluded(last.start, last.end, "an author's note at the end"))
    return notes


def _leading_boundary(text: str, paras: list[Paragraph]) -> int | None:
    """Index of the first story paragraph after a scene break or a wide gap near the start, if any."""
    limit = min(len(paras) - 1, 6)
    for i in range(limit):
        p = paras[i]
        if _SCENE_BREAK.match(text[p.start : p.end]):
            return i if i > 0 else None
        gap = text[p.end : paras[i + 1].start]
        if len(_LINE_BREAK.findall(gap)) >= 3:  # two or more blank lines
            return i + 1
    return None
