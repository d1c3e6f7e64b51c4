"""The dialogue of a scene: every quoted segment, grouped into utterances, with its speaker.

This is the layer the profiles, comparisons and critique stand on. ``find_dialogue`` runs the quote finder, the
speaker attribution and the writer's corrections, in that order.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.speakers.attribution import attribute
from workshop.speakers.cast import Cast
from workshop.speakers.corrections import apply_corrections
from workshop.speakers.names import NameIndex
from workshop.speakers.narrator import I_WORD
from workshop.errors import Notice
from workshop.text.quote_styles import QUOTE_STYLES
from workshop.text.quotes import QuotedSpan, find_quotes
from workshop.text.scene import Scene

if TYPE_CHECKING:
    import pandas as pd

METHODS = {
    "script": "the script names the speaker",
    "explicit": "a tag names the speaker (\"said Anna\", \"Anna asked\")",
    "pronoun": "a pronoun tag resolved to a character (\"she said\")",
    "descriptive": "a descriptive tag resolved to a character (\"the doctor said\")",
    "beat": "a character acts in the same paragraph",
    "split": "another piece of the same utterance is attributed",
    "vocative": "a name called out in the line is the listener, and the person addressed just before answers",
    "turn-taking": "whose turn it is, from who speaks before and after it in the exchange",
    "correction": "corrected by the writer",
    "none": "not enough evidence: speaker unknown",
}
"""Every attribution method, with the words shown to writers."""


@dataclass
class Segment:
    """One quoted stretch: ``scene.text[start:end] == text``."""

    index: int
    start: int
    end: int
    text: str
    utterance: int
    paragraph: int
    line: int
    speaker: str | None = None
    method: str = "none"
    confidence: float = 0.0
    style: str = "double"
    closed: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Utterance:
    """What one character says in one go: the segments of one paragraph (or one speech over several)."""

    index: int
    segments: list[Segment]

    @property
    def speaker(self) -> str | None:
        return self.segments[0].speaker

    @property
    def method(self) -> str:
        return self.segments[0].method

    @property
    def confidence(self) -> float:
        return min(s.confidence for s in self.segments)

    @property
    def text(self) -> str:
        """The segments joined by a space (the narration between them left out)."""
        return " ".join(s.text.strip() for s in self.segments)

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end

    @property
    def line(self) -> int:
        return self.segments[0].line


@dataclass
class Dialogue:
    """The result of :func:`find_dialogue`."""

    scene: Scene
    cast: Cast
    segments: list[Segment]
    style: str
    notices: list[Notice] = field(default_factory=list)
    mentions: list[QuotedSpan] = field(default_factory=list)
    """Quoted words that are not speech (titles, labels, a word held up: "her "condition""), kept so nothing is
    lost; they are not segments and have no speaker."""

    @property
    def utterances(self) -> list[Utterance]:
        groups: dict[int, list[Segment]] = defaultdict(list)
        for seg in self.segments:
            groups[seg.utterance].append(seg)
        return [Utterance(i, segs) for i, segs in sorted(groups.items())]

    @property
    def speakers(self) -> list[str]:
        """Characters who speak, most words first."""
        words: dict[str, int] = defaultdict(int)
        for seg in self.segments:
            if seg.speaker:
                words[seg.speaker] += len(seg.text.split())
        return sorted(words, key=lambda name: (-words[name], name))

    def lines_of(self, speaker: str) -> list[Utterance]:
        """Every utterance of one character, in order."""
        canon = self.cast.canonical(speaker) or speaker
        return [u for u in self.utterances if u.speaker == canon]

    def lines_by_speaker(self) -> dict[str, list[Utterance]]:
        """Every speaker's utterances, in order, gathered in one pass (``lines_of`` for each of hundreds of
        speakers would regroup the whole dialogue each time)."""
        out: dict[str, list[Utterance]] = {}
        for u in self.utterances:
            if u.speaker is not None:
                out.setdefault(u.speaker, []).append(u)
        return out

    @property
    def unattributed(self) -> list[Segment]:
        return [s for s in self.segments if s.speaker is None]

    def narration_spans(self) -> list[tuple[int, int]]:
        """Story text outside the quotes (and outside excluded ranges), as (start, end) pairs, in one pass."""
        text = self.scene.text
        quoted = sorted((s.start, s.end) for s in self.segments)
        q_ends = [qe for _, qe in quoted]
        spans: list[tuple[int, int]] = []
        for p in self.scene.story_paragraphs:
            pos = p.start
            j = bisect.bisect_right(q_ends, p.start)
            while j < len(quoted) and quoted[j][0] < p.end:
                qs, qe = quoted[j]
                j += 1
                mark_start = max(p.start, qs - 1)  # the opening mark is narration's edge
                if mark_start > pos:
                    spans.append((pos, mark_start))
                pos = max(pos, min(p.end, qe + 1))
            if pos < p.end:
                spans.append((pos, p.end))
        return [(s, e) for s, e in spans if text[s:e].strip()]

    def narration(self) -> str:
        """The narration as one text, paragraphs separated by blank lines."""
        return "\n\n".join(self.scene.text[s:e].strip() for s, e in self.narration_spans())

    def to_records(self, *, include_mentions: bool = False) -> list[dict[str, Any]]:
        """One dict per segment: the ``quotes`` command's records. With ``include_mentions``, the quoted words that
        are not speech (titles, words written down, scare quotes) come too, in text order, with ``kind``
        ``"mention"``, no speaker, no utterance and method ``"not speech"``."""
        records: list[dict[str, Any]] = [
            {
                "start": s.start,
                "end": s.end,
                "line": s.line,
                "text": s.text,
                "speaker": s.speaker,
                "method": s.method,
                "confidence": round(s.confidence, 3),
                "utterance": s.utterance,
                "paragraph": s.paragraph,
                "kind": "speech",
                "style": s.style,
                "closed": s.closed,
            }
            for s in self.segments
        ]
        if include_mentions and self.mentions:
            records += [
                {
                    "start": m.start,
                    "end": m.end,
                    "line": self.scene.line_of(m.start),
                    "text": self.scene.text[m.start : m.end],
                    "speaker": None,
                    "method": "not speech",
                    "confidence": None,
                    "utterance": None,
                    "paragraph": m.paragraph,
                    "kind": "mention",
                    "style": m.style,
                    "closed": m.closed,
                }
                for m in self.mentions
            ]
            records.sort(key=lambda r: r["start"])
        return records

    def to_frame(self) -> "pd.DataFrame":
        import pandas as pd  # lazy: a heavy optional library, needed only for this table

        return pd.DataFrame(self.to_records())


@dataclass
class Prepared:
    """A scene's quoted segments before anyone is given a line: what the attribution reads."""

    segments: list[Segment]
    speech: list[QuotedSpan]  # the speech spans the segments were made from, in the same order
    mentions: list[QuotedSpan]  # quoted titles and words, not speech
    style: str  # the dialogue convention found (or forced)
    cast: Cast | None  # the writer's cast, emptied when it names nobody in the scene
    notices: list[Notice]


def find_dialogue(
    scene: Scene,
    cast: Cast | None = None,
    *,
    style: str = "auto",
    corrections: str | Path | None = None,
) -> Dialogue:
    """Find every quoted segment of ``scene`` and who says it.

    ``cast`` is the writer's cast (see :func:`workshop.speakers.cast.load_cast`); without one the cast is found in the
    text. ``style`` forces a dialogue convention (a name of :data:`workshop.text.quote_styles.QUOTE_STYLES`). ``corrections``
    is a corrections file (see :mod:`workshop.speakers.corrections`); when it exists its fixes are applied last.
    """
    ready = prepare_segments(scene, cast, style=style)
    result = attribute(scene, ready.segments, ready.speech, ready.cast)
    dialogue = Dialogue(scene, result.cast, ready.segments, ready.style, ready.notices + result.notices, ready.mentions)
    if corrections is not None:
        apply_corrections(dialogue, corrections)
    _split_utterances_at_speaker_changes(dialogue)
    if not ready.segments:
        dialogue.notices.append(
            Notice(
                "no-dialogue",
                f"No dialogue found (looked for {ready.style} style). If the scene marks speech another way, "
                f"try --style {' or '.join(x for x in QUOTE_STYLES if x != ready.style)}.",
            )
        )
    return dialogue


def prepare_segments(scene: Scene, cast: Cast | None = None, *, style: str = "auto") -> Prepared:
    """The quoted segments of ``scene`` (see :func:`find_dialogue`), each without a speaker yet, and the cast to
    give them to (a writer's cast that names nobody in the scene is emptied, with a notice)."""
    found = find_quotes(scene, style=style)
    notices = list(scene.notices) + list(cast.notices if cast is not None else ()) + list(found.notices)
    speech = [q for q in found.spans if q.kind == "speech"]
    mentions = [q for q in found.spans if q.kind != "speech"]
    segments = [
        Segment(
            index=i,
            start=q.start,
            end=q.end,
            text=scene.text[q.start : q.end],
            utterance=q.group,
            paragraph=q.paragraph,
            line=scene.line_of(q.start),
            style=q.style,
            closed=q.closed,
        )
        for i, q in enumerate(speech)
    ]
    if cast is not None and cast.characters:
        cast = _check_cast_is_named(scene, cast, notices)
    return Prepared(segments, speech, mentions, found.style, cast, notices)


def _check_cast_is_named(scene: Scene, cast: Cast, notices: list[Notice]) -> Cast:
    """The writer's cast, or an empty one when the scene names none of its characters; a notice for the
    characters the scene never names."""
    absent = _unnamed_characters(scene, cast)
    if len(absent) == len(cast.characters):
        notices.append(
            Notice(
                "cast-absent",
                f"None of the characters in the cast ({', '.join(absent[:6])}{', ...' if len(absent) > 6 else ''}) "
                "is named in the scene, so no line is given to them. Is it the cast file for this scene? "
                "Without --cast the kit finds the characters itself.",
            )
        )
        return Cast([], source=cast.source)
    if absent:
        shown = ", ".join(absent[:8]) + (f" and {len(absent) - 8} more" if len(absent) > 8 else "")
        notices.append(
            Notice(
                "cast-absent",
                f"The scene never names {shown} from the cast file: check the spelling "
                "(a line can still be theirs through a description such as 'the narrator').",
            )
        )
    return cast


def _unnamed_characters(scene: Scene, cast: Cast) -> list[str]:
    """Names of the cast's characters the story never names: by none of their names (in any case), nor as the
    attribution reads names (:class:`workshop.speakers.names.NameIndex`: "Bill" for a cast's "Bill Gorton" when
    no one else is a Bill), nor, for a first-person narrator, as "I"."""
    paragraphs = scene.story_paragraphs
    story = "\n".join(scene.text[p.start : p.end] for p in paragraphs).lower().replace("’", "'")
    absent = [ch.name for ch in cast.characters if not any(_named_in(story, alias) for alias in ch.names)]
    if not absent:
        return absent
    index = NameIndex(cast)
    read = {n for p in paragraphs for m in index.mentions(scene.text, p.start, p.end) for n in m.names}
    if cast.narrator is not None and any(I_WORD.search(scene.text, p.start, p.end) for p in paragraphs):
        read.add(cast.narrator)
    return [name for name in absent if name not in read]


def _named_in(lowered_story: str, name: str) -> bool:
    """Whether ``name`` stands in the (lower-cased) story as a whole word; "Mr. Darcy" also matches "Mr Darcy"."""
    needle = name.lower().replace("’", "'").strip()
    if not needle:
        return False
    variants = {needle, needle.replace(".", ""), needle.replace(". ", " ")}
    for variant in variants:
        start = lowered_story.find(variant)
        while start != -1:
            end = start + len(variant)
            before = lowered_story[start - 1] if start else " "
            after = lowered_story[end] if end < len(lowered_story) else " "
            if not before.isalnum() and not after.isalnum():
                return True
            start = lowered_story.find(variant, start + 1)
    return False


def _split_utterances_at_speaker_changes(dialogue: Dialogue) -> None:
    """Renumber utterances so that one utterance never has two speakers (``"Yes," said he. "No," said she.``)."""
    number, last = -1, None
    for seg in dialogue.segments:
        key = (seg.utterance, seg.speaker)
        if key != last:
            number, last = number + 1, key
        seg.utterance = number
