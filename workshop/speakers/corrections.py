"""Speaker corrections a writer makes, kept in a small TOML file beside the scene and applied on every run.

A fix names the quoted segment by what it says and by the text just around it, so it still finds its line after
edits elsewhere in the scene, and applies nowhere once its line is edited or deleted (it is then reported, never
moved to another line that happens to say the same words)::

    [[fix]]
    start = 1234
    quote = "I used up all the hot water."
    before = "He looked up from the sink. “"
    after = "” said Bruce, not sorry at all."
    speaker = "Bruce"

``before`` and ``after`` hold up to :data:`CONTEXT` characters of the scene on either side of the quote. A fix
written before they existed (only ``start`` and ``quote``) still applies, but only at exactly that place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.files.atomic_write import describe_os_error, write_file
from workshop.speakers.cast import Character
from workshop.speakers.cast_validation import suggest_name, visible
from workshop.files.data_files import read_data_file
from workshop.errors import Notice, WorkshopError

if TYPE_CHECKING:
    from workshop.speakers.dialogue import Dialogue, Segment
    from workshop.text.scene import Scene

UNKNOWN = ""
"""The speaker written in a fix that says "nobody in the cast: leave it unknown"."""

CONTEXT = 60
"""Characters of the scene kept on each side of a corrected line, to recognise the line after edits elsewhere."""


@dataclass(frozen=True)
class Fix:
    start: int
    quote: str
    speaker: str
    before: str | None = None
    after: str | None = None

    @property
    def has_context(self) -> bool:
        return self.before is not None or self.after is not None


def corrections_path_for(scene_path: str | Path) -> Path:
    """Where a scene's corrections live by default: ``safehouse.txt`` -> ``safehouse.corrections.toml``."""
    scene_path = Path(scene_path)
    return scene_path.with_name(scene_path.stem + ".corrections.toml")


def load_corrections(path: str | Path) -> list[Fix]:
    """Read a corrections file; a missing file means no corrections yet. Malformed entries are one-line
    :class:`WorkshopError` messages naming the file, the fix and what to write."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return []
    data = read_data_file(path, what="corrections file")
    if not isinstance(data, dict):
        raise WorkshopError(f"The corrections file {path.name} must hold [[fix]] tables.")
    entries = data.get("fix", [])
    if not isinstance(entries, list):
        raise WorkshopError(f"In {path.name}, 'fix' must be a list of [[fix]] tables, not {entries!r}.")
    return [_fix(entry, number, path.name) for number, entry in enumerate(entries, 1)]


def _fix(entry: object, number: int, where: str) -> Fix:
    if not isinstance(entry, dict) or not isinstance(entry.get("quote"), str):
        raise WorkshopError(f"In {where}, fix {number} needs a quote = \"...\" line.")
    speaker = entry.get("speaker", UNKNOWN)
    if not isinstance(speaker, str):
        raise WorkshopError(f"In {where}, fix {number} has a speaker that is not a name in quotes.")
    if speaker.strip() and not visible(speaker):
        raise WorkshopError(f"In {where}, fix {number} has a speaker with no visible name ({speaker!r}): type the name.")
    context = {}
    for side in ("before", "after"):
        value = entry.get(side)
        if value is not None and not isinstance(value, str):
            raise WorkshopError(f"In {where}, fix {number} has a {side} that is not text in quotes.")
        context[side] = value
    start = entry.get("start", -1)
    start = start if isinstance(start, int) and not isinstance(start, bool) else -1
    return Fix(start, entry["quote"], speaker.strip(), context["before"], context["after"])


def save_correction(path: str | Path, segment: "Segment", speaker: str | None, *, scene: "Scene | None" = None) -> Path:
    """Record that ``segment`` is spoken by ``speaker`` (None or "" for unknown), replacing an earlier fix.

    ``scene`` (the scene the segment is in) lets the fix keep the text around the line, so that it follows the
    line when the scene is edited elsewhere; without it the fix only applies at exactly this place."""
    path = Path(path)
    fixes = [f for f in load_corrections(path) if not (f.start == segment.start and f.quote == segment.text)]
    before = after = None
    if scene is not None:
        before = scene.text[max(0, segment.start - CONTEXT) : segment.start]
        after = scene.text[segment.end : segment.end + CONTEXT]
    fixes.append(Fix(segment.start, segment.text, speaker or UNKNOWN, before, after))
    fixes.sort(key=lambda f: f.start)
    lines = ["# Speaker corrections made in Voice Workshop. Each [[fix]] names a line (its words and the text",
             "# around it) and who says it.", ""]
    for f in fixes:
        lines += ["[[fix]]", f"start = {f.start}", f"quote = {_toml(f.quote)}"]
        lines += [f"{side} = {_toml(value)}" for side, value in (("before", f.before), ("after", f.after))
                  if value is not None]
        lines += [f"speaker = {_toml(f.speaker)}", ""]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkshopError(describe_os_error(exc, path)) from None
    write_file(path, "\n".join(lines), force=True)  # whole or not at all: a failure keeps the earlier fixes
    return path


def _toml(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and DEL (which JSON leaves bare and TOML refuses) too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def apply_corrections(dialogue: "Dialogue", path: str | Path) -> int:
    """Apply the fixes in ``path`` to ``dialogue``; returns how many found their line.

    A fix applies to every segment of the utterance it names. A fix whose line is gone or edited is reported in
    ``dialogue.notices`` and applied nowhere. A speaker not in the cast who looks like a misspelt cast name is
    reported with the likely name and not applied; any other new speaker joins the cast, with a notice.
    """
    where = Path(path).name
    applied = 0
    added: set[str] = set()
    for fix in load_corrections(path):
        target = _find_segment(dialogue, fix)
        if target is None:
            dialogue.notices.append(Notice(
                "stale-correction",
                f"A correction in {where} for “{_short(fix.quote)}” no longer matches its line (the line or the text "
                "around it was edited or deleted), so it is not applied: correct the line again if it still needs it.",
            ))
            continue
        speaker = _speaker_of(dialogue, fix, where, added)
        if speaker is False:
            continue
        for seg in dialogue.segments:
            if seg.utterance == target.utterance:
                seg.speaker, seg.method, seg.confidence = speaker, "correction", 1.0
        applied += 1
    return applied


def _speaker_of(dialogue: "Dialogue", fix: Fix, where: str, added: set[str]) -> str | None | bool:
    """The canonical speaker a fix names, None for unknown, or False when the fix must not be applied."""
    if not fix.speaker:
        return None
    speaker = dialogue.cast.canonical(fix.speaker)
    if speaker is not None:
        return speaker
    suggestion = suggest_name(fix.speaker, dialogue.cast)
    if suggestion is not None:
        dialogue.notices.append(Notice(
            "correction-speaker",
            f"A correction in {where} gives “{_short(fix.quote)}” to {fix.speaker}, who is not in the cast: did you "
            f"mean {suggestion}? The line keeps its speaker until the name in {where} is fixed.",
        ))
        return False
    if fix.speaker not in added:
        added.add(fix.speaker)
        dialogue.cast.add(Character(fix.speaker))
        dialogue.notices.append(Notice(
            "correction-new-speaker",
            f"A correction in {where} names {fix.speaker}, who is not in the cast: {fix.speaker} now speaks as a new "
            f"character (if that is a misspelling, fix the name in {where}).",
        ))
    return fix.speaker


def _find_segment(dialogue: "Dialogue", fix: Fix) -> "Segment | None":
    """The segment a fix names: same words and, for a fix with context, the same text on at least one side
    (both sides preferred, then the nearest to where it was); for an old fix without context, the same place."""
    same_text = [s for s in dialogue.segments if s.text == fix.quote]
    if not fix.has_context:
        return next((s for s in same_text if s.start == fix.start), None)
    text = dialogue.scene.text
    scored = []
    for s in same_text:
        sides = _before_matches(text, s.start, fix.before) + _after_matches(text, s.end, fix.after)
        if sides:
            scored.append((-sides, abs(s.start - fix.start), s.start, s))
    return min(scored)[3] if scored else None


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _before_matches(text: str, start: int, before: str | None) -> int:
    if before is None:
        return 0
    want, have = _squeeze(before), _squeeze(text[max(0, start - 2 * CONTEXT) : start])
    return int(have.endswith(want) if want else not have)  # nothing before it: it was, and is, the first line


def _after_matches(text: str, end: int, after: str | None) -> int:
    if after is None:
        return 0
    want, have = _squeeze(after), _squeeze(text[end : end + 2 * CONTEXT])
    return int(have.startswith(want) if want else not have)


def _short(quote: str, width: int = 40) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= width else quote[: width - 1].rstrip() + "…"
