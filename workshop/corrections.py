"""Speaker corrections a writer makes, kept in a small TOML file beside the scene and applied on every run.

A fix names the quoted segment by where it starts and what it says, so it still finds its line after small
edits elsewhere in the scene::

    [[fix]]
    start = 1234
    quote = "I used up all the hot water."
    speaker = "Bruce"
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workshop.atomic_write import describe_os_error, write_file
from workshop.cast import Character
from workshop.errors import Notice, WorkshopError

if TYPE_CHECKING:
    from workshop.dialogue import Dialogue, Segment

UNKNOWN = ""
"""The speaker written in a fix that says "nobody in the cast: leave it unknown"."""


@dataclass(frozen=True)
class Fix:
    start: int
    quote: str
    speaker: str


def corrections_path_for(scene_path: str | Path) -> Path:
    """Where a scene's corrections live by default: ``safehouse.txt`` -> ``safehouse.corrections.toml``."""
    scene_path = Path(scene_path)
    return scene_path.with_name(scene_path.stem + ".corrections.toml")


def load_corrections(path: str | Path) -> list[Fix]:
    """Read a corrections file; a missing file means no corrections yet."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WorkshopError(f"The corrections file {path.name} cannot be read: {exc}.") from exc
    fixes = []
    for number, entry in enumerate(data.get("fix", []), 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("quote"), str):
            raise WorkshopError(f"In {path.name}, fix {number} needs a quote = \"...\" line.")
        speaker = entry.get("speaker", UNKNOWN)
        if not isinstance(speaker, str):
            raise WorkshopError(f"In {path.name}, fix {number} has a speaker that is not a name in quotes.")
        start = entry.get("start", -1)
        fixes.append(Fix(int(start) if isinstance(start, int) else -1, entry["quote"], speaker.strip()))
    return fixes


def save_correction(path: str | Path, segment: "Segment", speaker: str | None) -> Path:
    """Record that ``segment`` is spoken by ``speaker`` (None or "" for unknown), replacing an earlier fix."""
    path = Path(path)
    fixes = [f for f in load_corrections(path) if not (f.start == segment.start and f.quote == segment.text)]
    fixes.append(Fix(segment.start, segment.text, speaker or UNKNOWN))
    fixes.sort(key=lambda f: f.start)
    lines = ["# Speaker corrections made in Voice Workshop. Each [[fix]] names a line and who says it.", ""]
    for f in fixes:
        lines += [
            "[[fix]]",
            f"start = {f.start}",
            f"quote = {json.dumps(f.quote, ensure_ascii=False)}",
            f"speaker = {json.dumps(f.speaker, ensure_ascii=False)}",
            "",
        ]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkshopError(describe_os_error(exc, path)) from None
    write_file(path, "\n".join(lines), force=True)  # whole or not at all: a failure keeps the earlier fixes
    return path


def apply_corrections(dialogue: "Dialogue", path: str | Path) -> int:
    """Apply the fixes in ``path`` to ``dialogue``; returns how many found their line.

    A fix applies to every segment of the utterance it names. A speaker not in the cast joins it. A fix whose line
    is gone is reported in ``dialogue.notices``.
    """
    applied = 0
    for fix in load_corrections(path):
        target = _find_segment(dialogue.segments, fix)
        if target is None:
            dialogue.notices.append(
                Notice("stale-correction", f"A correction for “{fix.quote[:40]}” no longer matches any line.")
            )
            continue
        speaker: str | None = None
        if fix.speaker:
            speaker = dialogue.cast.canonical(fix.speaker)
            if speaker is None:
                dialogue.cast.characters.append(Character(fix.speaker))
                dialogue.cast.__post_init__()
                speaker = fix.speaker
        for seg in dialogue.segments:
            if seg.utterance == target.utterance:
                seg.speaker, seg.method, seg.confidence = speaker, "correction", 1.0
        applied += 1
    return applied


def _find_segment(segments: list["Segment"], fix: Fix) -> "Segment | None":
    exact = [s for s in segments if s.start == fix.start and s.text == fix.quote]
    if exact:
        return exact[0]
    same_text = [s for s in segments if s.text == fix.quote]
    if same_text:
        return min(same_text, key=lambda s: abs(s.start - fix.start))
    return None
