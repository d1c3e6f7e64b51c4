"""Hostile input as Hypothesis strategies, and the invariants every input must keep.

The strategies make what a fuzzer would throw at the kit: random unicode, quotation marks of every style,
unbalanced quotes, long runs of one character, mixed line endings, mixed encodings, binary junk, huge paragraphs,
and cast and corrections files with fields of the wrong type. ``check_text``, ``check_bytes``, ``check_cast_file``
and ``check_corrections_file`` run the kit on one input and return what went wrong, as a :class:`Report`:
tracebacks (any exception but a one-line :class:`WorkshopError`) and broken invariants:

- offsets index the text: ``text[start:end] == segment.text``, inside the text;
- segments (and the quoted words that are not speech) sorted and disjoint;
- every quotation the finder found is a segment or a mention: none is lost between finding and attribution;
- every quotation mark of the scene's style in the story is inside a quotation found, or reported by line;
- every quotation left open is warned on its line (unless the next paragraph reopens it: a speech over several
  paragraphs);
- the same input gives the same output twice.

tests/test_fuzz.py runs them briefly in every test run; bench/fuzz.py runs them for minutes and counts.
"""

from __future__ import annotations

import bisect
import json
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

from workshop import find_dialogue, load_cast, scene_from_text
from workshop.errors import WorkshopError
from workshop.text.quote_styles import quote_style
from workshop.text.quotes import STYLES, find_quotes
from workshop.text.scene import decode, read_scene

# ------------------------------------------------------------------------------------------------ strategies

QUOTE_MARKS = ['"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "'", "\u2018", "\u2019", "\u300c", "\u300d",
               "\u300e", "\u300f", "\u2014", "\u2015", "--", "\u2013"]
LINE_ENDS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n \n", "\n\t\n"]
WORDS = ["said", "asked", "she", "he", "Anna", "Tom", "Mr.", "Mrs. Bell", "the", "don't", "'em", "o'clock",
         "Where", "were", "you", "?", "!", ",", ".", "...", "\u2026", "(beat)", "ANNA:", "TOM\n", "A/N:", "***", "[",
         "]", "caf\u00e9", "\u4f60\u597d", "\u00e9", "x", "I-I", "Hmm", "\u200b", "\ufeff", "\t", " "]
RUN_UNITS = [" ", "\t", "'", '"', "\u201c", "a ", "the ", "Anna ", "Anna, ", "'a' ", "-", "\u2014", ".", "\n", "\r",
             "x", "\u300c", "'Hi,' she said. ", '"a ', "\u00a0", "* "]

pieces = st.one_of(st.sampled_from(QUOTE_MARKS), st.sampled_from(WORDS), st.sampled_from(LINE_ENDS),
                   st.just(" "), st.text(max_size=6))


@st.composite
def dialogue_lines(draw, max_lines: int = 12) -> str:
    """Lines of dialogue in one style, some of their closing marks dropped (unbalanced quotes)."""
    open_mark, close_mark = draw(st.sampled_from([("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"),
                                                  ("'", "'"), ("\u00ab", "\u00bb"), ("\u300c", "\u300d"),
                                                  ("\u201e", "\u201c")]))
    lines = []
    for _ in range(draw(st.integers(1, max_lines))):
        speech = draw(st.sampled_from(["Where were you?", "I waited", "No", "Well, I never",
                                       "It's 'em again", "Go"]))
        close = close_mark if draw(st.integers(0, 4)) else ""  # one in five left open
        tag = draw(st.sampled_from(["", " she said.", " said Tom.", " Anna asked, ", " He laughed."]))
        lines.append(f"{open_mark}{speech}{',' if tag else ''}{close}{tag}")
    ends = draw(st.lists(st.sampled_from(LINE_ENDS + [" "]), min_size=len(lines), max_size=len(lines)))
    return "".join(line + end for line, end in zip(lines, ends))


@st.composite
def long_runs(draw, max_repeat: int = 3000) -> str:
    """A run of one pattern (the shape that made scanning quadratic), inside a little dialogue."""
    unit = draw(st.sampled_from(RUN_UNITS))
    body = unit * draw(st.integers(1, max_repeat))
    return draw(st.sampled_from(['"Hi," said Anna.\n\n{}\n\n"Bye," said Tom.', '"{}," said Anna.', "{}"])).format(body)


@st.composite
def huge_paragraphs(draw, max_sentences: int = 400) -> str:
    sentences = draw(st.lists(st.sampled_from(['"Stop," she said.', "He ran.", "'Go,' said Tom.",
                                               "\u201cWhere?\u201d Anna asked", "and then", "\u2014 No."]),
                              min_size=1, max_size=max_sentences))
    return " ".join(sentences)


def hostile_texts(scale: int = 1) -> st.SearchStrategy[str]:
    """Text input; ``scale`` multiplies the sizes (1 in the test suite, more in bench/fuzz.py)."""
    return st.one_of(
        st.text(max_size=300 * scale),
        st.lists(pieces, max_size=80 * scale).map("".join),
        dialogue_lines(12 * scale),
        st.lists(dialogue_lines(), min_size=1, max_size=4 * scale).map("\n\n".join),
        long_runs(3000 * scale),
        huge_paragraphs(400 * scale),
    )


@st.composite
def mixed_encodings(draw) -> bytes:
    """UTF-8 lines with some lines in Windows-1252, Latin-1 or broken UTF-8."""
    out = b""
    for _ in range(draw(st.integers(1, 8))):
        line = draw(st.one_of(dialogue_lines(3), st.text(max_size=40)))
        how = draw(st.sampled_from(["utf-8", "utf-8", "cp1252", "latin-1", "cut"]))
        data = line.encode("utf-8", "replace") if how in ("utf-8", "cut") else line.encode(how, "replace")
        if how == "cut" and len(data) > 2:
            data = data[:-1]
        out += data + draw(st.sampled_from([b"\n", b"\r\n", b"\n\n"]))
    return out


@st.composite
def encoded_texts(draw) -> bytes:
    text = draw(hostile_texts())
    codec = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"]))
    return text.encode(codec, "replace")


def hostile_bytes() -> st.SearchStrategy[bytes]:
    """File content: binary junk, mixed encodings, text in any encoding (with and without a BOM)."""
    return st.one_of(st.binary(max_size=600), mixed_encodings(), encoded_texts(),
                     st.binary(max_size=60).map(lambda b: b"\xff\xfe" + b), st.binary(max_size=60).map(lambda b: b"\xff\xfe\x00\x00" + b))


JUNK = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=12),
              st.sampled_from(["", " ", "\u200b", "Anna", "Tom", "Mr. Bell", "she", "he", "they", "Natasha"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)
NAMES = st.one_of(st.sampled_from(["Anna", "Tom", "Mr. Bell", "Mr Bell", "anna", "\u200b", "", " ", "Tom."]),
                  st.text(max_size=10), JUNK)


@st.composite
def cast_files(draw) -> tuple[str, str]:
    """(file name, content) of a cast file, TOML or JSON, whose fields may be of any type."""
    characters = draw(st.lists(st.fixed_dictionaries(
        {"name": NAMES},
        optional={"aliases": st.one_of(st.lists(NAMES, max_size=3), NAMES), "pronouns": NAMES,
                  "gender": st.sampled_from(["F", "M", "X", 5, None]), "extra": JUNK}),
        max_size=5))
    if draw(st.booleans()):
        data = {str(c.get("name")): {k: v for k, v in c.items() if k != "name"} for c in characters}
        if draw(st.integers(0, 5)) == 0:
            data = draw(JUNK)
        return "cast.json", json.dumps(data)
    return "cast.toml", _toml({"character": characters} if draw(st.integers(0, 5)) else draw(JUNK))


@st.composite
def corrections_files(draw) -> tuple[str, str]:
    fixes = draw(st.lists(st.fixed_dictionaries(
        {"start": st.one_of(st.integers(-5, 400), JUNK), "quote": st.one_of(st.sampled_from(["Hi,", "Bye,", ""]), JUNK),
         "speaker": NAMES},
        optional={"before": JUNK, "after": JUNK, "fix": JUNK}),
        max_size=4))
    return "scene.corrections.toml", _toml({"fix": fixes} if draw(st.integers(0, 5)) else draw(JUNK))


def _toml(data: object) -> str:
    """A TOML rendering good enough for junk (tomllib reads it, or it is malformed, which is a case too)."""
    if not isinstance(data, dict):
        return json.dumps(data)
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for table in value:
                lines.append(f"[[{_key(key)}]]")
                lines += [f"{_key(k)} = {_value(v)}" for k, v in table.items() if v is not None]
        elif value is not None:
            lines.insert(0, f"{_key(key)} = {_value(value)}")
    return "\n".join(lines) + "\n"


def _key(key: object) -> str:
    return json.dumps(str(key))


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, (int, float, str)):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value if v is not None) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items() if v is not None) + "}"
    return '""'


# ------------------------------------------------------------------------------------------------ invariants


@dataclass
class Report:
    """What one input did to the kit."""

    tracebacks: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    unclosed_found: int = 0
    unclosed_warned: int = 0

    @property
    def ok(self) -> bool:
        return not self.tracebacks and not self.violations


SCENE = '"Hi," said Anna.\n\n"Bye," said Tom. "Go."\n\nShe left.'
OPENERS = {name: quote_style(name).openers for name in ("double", "corner")}
"""The opening marks checked for cover (single marks are apostrophes too often to be checked this way)."""


def _guard(report: Report, work, *args, **kwargs):
    """Run ``work``; a WorkshopError must be one non-empty line, any other exception is a traceback."""
    try:
        return work(*args, **kwargs)
    except WorkshopError as exc:
        message = str(exc)
        if not message.strip() or "\n" in message:
            report.violations.append(f"WorkshopError not one line: {message!r}")
    except RecursionError:
        report.tracebacks.append(traceback.format_exc(limit=-3))
    except Exception:  # noqa: BLE001 - the point: anything else is a traceback a user would see
        report.tracebacks.append(traceback.format_exc(limit=-6))
    return None


def check_text(text: str, style: str = "auto") -> Report:
    report = Report()
    scene = _guard(report, scene_from_text, text)
    if scene is None:
        return report
    _check_paragraphs(scene, report)
    dialogue = _guard(report, find_dialogue, scene, style=style)
    if dialogue is None:
        return report
    _check_dialogue(scene, dialogue, report)
    again = _guard(report, lambda: find_dialogue(scene_from_text(text), style=style))
    if again is not None and (_outcome(again) != _outcome(dialogue)):
        report.violations.append("a second run on the same text gave another result")
    return report


def check_bytes(data: bytes) -> Report:
    report = Report()
    decoded = _guard(report, decode, data)
    if decoded is not None and not isinstance(decoded[0], str):
        report.violations.append("decode returned no text")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scene.txt"
        path.write_bytes(data)
        scene = _guard(report, read_scene, path)
        if scene is not None:
            _check_paragraphs(scene, report)
            dialogue = _guard(report, find_dialogue, scene)
            if dialogue is not None:
                _check_dialogue(scene, dialogue, report)
    return report


def check_cast_file(name: str, content: str) -> Report:
    report = Report()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(content, encoding="utf-8")
        cast = _guard(report, load_cast, path)
        if cast is not None:
            scene = scene_from_text(SCENE)
            dialogue = _guard(report, find_dialogue, scene, cast)
            if dialogue is not None:
                _check_dialogue(scene, dialogue, report)
    return report


def check_corrections_file(name: str, content: str) -> Report:
    report = Report()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(content, encoding="utf-8")
        scene = scene_from_text(SCENE)
        dialogue = _guard(report, find_dialogue, scene, corrections=path)
        if dialogue is not None:
            _check_dialogue(scene, dialogue, report, corrected=True)
    return report


def _outcome(dialogue) -> tuple:
    return (dialogue.style, [s.to_dict() for s in dialogue.segments], [(m.start, m.end) for m in dialogue.mentions],
            [str(n) for n in dialogue.notices])


def _check_paragraphs(scene, report: Report) -> None:
    end = 0
    for p in scene.paragraphs:
        chunk = scene.text[p.start : p.end]
        if p.start < end or not chunk or chunk != chunk.strip():
            report.violations.append(f"paragraph {p.index} out of order, empty or not trimmed: {chunk[:40]!r}")
        end = p.end


def _check_dialogue(scene, dialogue, report: Report, *, corrected: bool = False) -> None:
    text = scene.text
    previous_end = 0
    for seg in dialogue.segments:
        if not 0 <= seg.start <= seg.end <= len(text) or text[seg.start : seg.end] != seg.text:
            report.violations.append(f"segment {seg.index} does not index the text")
        if seg.start < previous_end:
            report.violations.append(f"segment {seg.index} overlaps or precedes the one before")
        previous_end = max(previous_end, seg.end)
    spans = sorted([(s.start, s.end) for s in dialogue.segments] + [(m.start, m.end) for m in dialogue.mentions])
    if any(b[0] < a[1] for a, b in zip(spans, spans[1:])):
        report.violations.append("a segment and a mention overlap")
    found = find_quotes(scene, style=dialogue.style)
    if not corrected and len(found.spans) != len(dialogue.segments) + len(dialogue.mentions):
        report.violations.append(f"{len(found.spans)} quotations found, but {len(dialogue.segments)} segments "
                                 f"and {len(dialogue.mentions)} mentions")
    _check_unclosed(scene, found, dialogue, report)
    _check_marks_covered(scene, found, dialogue, report)


def _reopens(text: str, pos: int, style: str) -> bool:
    """Whether the paragraph at ``pos`` reopens a quotation of ``style`` (a speech over several paragraphs)."""
    reopens = quote_style(style).reopens
    return reopens is not None and reopens(text, pos)


def _check_unclosed(scene, found, dialogue, report: Report) -> None:
    warned = {n.line for n in dialogue.notices if n.code == "unclosed-quote"}
    story = scene.story_paragraphs
    following = {p.index: (story[k + 1] if k + 1 < len(story) else None) for k, p in enumerate(story)}
    for k, span in enumerate(found.spans):
        if span.closed:
            continue
        nxt = following.get(span.paragraph)
        last_of_paragraph = k + 1 == len(found.spans) or found.spans[k + 1].paragraph != span.paragraph
        if last_of_paragraph and nxt is not None and _reopens(scene.text, nxt.start, found.style):
            continue  # a speech over several paragraphs: not an unclosed quotation
        report.unclosed_found += 1
        if scene.line_of(span.start) in warned:
            report.unclosed_warned += 1
        else:
            report.violations.append(f"an unclosed quotation on line {scene.line_of(span.start)} is not warned")


def _check_marks_covered(scene, found, dialogue, report: Report) -> None:
    """Every opening mark of the style in the story stands inside or at the edge of a quotation found, or its line
    is in a notice."""
    marks = OPENERS.get(found.style)
    if not marks:
        return
    text = scene.text
    edges = sorted((s.start - 1, s.end) for s in found.spans)  # the opening mark to the closing mark
    starts = [a for a, _b in edges]
    reported = {n.line for n in dialogue.notices if n.line}
    for p in scene.story_paragraphs:
        for i in range(p.start, p.end):
            if text[i] not in marks:
                continue
            k = bisect.bisect_right(starts, i) - 1
            if k >= 0 and i <= edges[k][1]:
                continue
            if scene.line_of(i) not in reported:
                report.violations.append(f"the quotation mark {text[i]!r} on line {scene.line_of(i)} is in no "
                                         "quotation and not reported")


__all__ = ["STYLES", "Report", "check_bytes", "check_cast_file", "check_corrections_file", "check_text",
           "cast_files", "corrections_files", "hostile_bytes", "hostile_texts"]
