"""The critique as a document outline that every format renders: sections of paragraphs, lists and pictures.

The order is the order a writer (a student of fifteen) reads in: who talks, and which cast the kit used; how the
characters differ from each other, with lines from the scene; each against a reference the writer chose; each
voice on its own; things to try. Then, one section away, the numbers for the teacher: the overall scores with
their intervals, every measure side by side, and where each voice falls among the norms, named for what they are.

Quotations are wrapped in curly quotes here and nowhere else, so a test can find every quotation of every format
and check it against the scene (:func:`workshop.report.quoting.is_verbatim`).
"""

from __future__ import annotations

import math
from typing import Any

from workshop.report.build import SMALL_SCENE_WORDS
from workshop.report.differences import PairStory
from workshop.report.formatting import percent, plural
from workshop.report.model import Critique

Block = tuple[str, Any]
STORIES_IN_FULL = 3
"""Pairs told in full at the top; further pairs (a big cast) get their verdict only."""


def quote(text: str) -> str:
    """A quotation from the scene, as every format shows it."""
    return f"“{text}”"


def _story_blocks(story: PairStory) -> list[Block]:
    blocks: list[Block] = [("p", story.verdict)]
    items = []
    for d in story.differences:
        items.append(d.sentence + (f" {d.who}: {quote(d.example)}" if d.example else ""))
    if items:
        blocks.append(("ul", items))
    if story.maybe:
        blocks.append(("p", "Maybe, but with this few lines these could still be chance:"))
        blocks.append(("ul", [d.sentence + (f" {d.who}: {quote(d.example)}" if d.example else "")
                              for d in story.maybe]))
    return blocks


def _talk_section(c: Critique) -> tuple[str, list[Block]]:
    items = [f"{t.name}: {plural(t.words, 'word')} in {plural(t.turns, 'speech', 'speeches')} "
             f"({percent(t.word_share)} of the words spoken)" for t in c.talk]
    blocks: list[Block] = [("p", f"{plural(c.dialogue_words, 'word')} of dialogue in a scene of "
                                 f"{plural(c.words, 'word')}."), ("ul", items)]
    if c.cast_used:
        blocks.append(("p", c.cast_used))
    if c.unattributed:
        shown = " / ".join(quote(q) for q in c.unknown_lines)
        blocks.append(("p", f"Still unknown: {plural(c.unattributed, 'quoted line')} with no speaker, left out of "
                            f"every number" + (f", such as {shown}" if shown else "") + "."))
    blocks.append(("img", "share of talk"))
    return "Who talks", blocks


def outline(c: Critique) -> list[tuple[str, list[Block]]]:
    """The critique as (heading, blocks) where a block is ("p", text), ("ul", [text]) or ("img", name)."""
    out: list[tuple[str, list[Block]]] = [_talk_section(c)]

    if c.stories:
        for story in c.stories[:STORIES_IN_FULL]:
            blocks = _story_blocks(story)
            if story is c.stories[0]:
                blocks.append(("img", "rhythm"))
            out.append((f"How {story.a} and {story.b} differ", blocks))
        rest = c.stories[STORIES_IN_FULL:]
        if rest:
            out.append(("The other pairs", [("ul", [s.verdict for s in rest])]))
    elif len(c.talk) == 1:
        out.append((f"Only {c.talk[0].name} speaks", [("p", f"With one voice there is nobody in the scene to "
                                                             f"compare {c.talk[0].name} with: choose a reference "
                                                             "voice to hear them beside.")]))

    if c.reference_stories:
        for story in c.reference_stories:
            out.append((f"{story.a} beside {story.b} ({story.reference_title})", _story_blocks(story)))

    voices: list[Block] = []
    for ch in c.characters:
        parts = [f"{ch.name}: {plural(ch.words, 'word')} in {plural(ch.turns, 'speech', 'speeches')}."]
        if ch.signature_words:
            parts.append(f"Words only {ch.name} uses here: {', '.join(ch.signature_words)}.")
        if ch.openers:
            parts.append(f"Often starts with: {', '.join(ch.openers)}.")
        if ch.examples:
            parts.append("Some lines: " + " / ".join(quote(e) for e in ch.examples))
        voices.append(("p", " ".join(parts)))
    voices.append(("img", "word choice"))
    out.append(("Each voice on its own", voices))

    out.append(("Things to try", [("ul", c.prompts)]))
    out.extend(teacher_sections(c))
    return out


def _pct(x: float) -> str:
    return "–" if not math.isfinite(x) else f"{100 * x:.0f}%"


def teacher_sections(c: Critique) -> list[tuple[str, list[Block]]]:
    """The numbers behind the critique, for the teacher."""
    out: list[tuple[str, list[Block]]] = []
    numbers: list[Block] = []
    for p in c.pairs + c.references:
        score = "could not be measured" if not math.isfinite(p.distinctiveness) else f"{p.distinctiveness:.2f}"
        high = (f" (with more text it could be up to {p.distinctiveness_high:.2f})"
                if math.isfinite(p.distinctiveness_high) and p.distinctiveness_high > p.distinctiveness + 0.005 else "")
        if math.isfinite(p.tag_accuracy):
            beats = math.isfinite(p.tag_low) and p.tag_low > p.tag_chance
            tag = (f"The tag test gives {_pct(p.tag_accuracy)} of lines back to the right speaker; guessing gets "
                   f"{_pct(p.tag_chance)}. Its 95% interval is {_pct(p.tag_low)} to {_pct(p.tag_high)}, "
                   + ("above chance." if beats else "which includes chance: no proof yet."))
        else:
            tag = "The tag test could not be run: too few lines."
        numbers.append(("p", f"{p.a} and {p.b}: overall distinctiveness {score} on a scale from 0 (no more "
                             f"different than chance) to 1{high}. {tag}"))
        if p.measures:
            numbers.append(("ul", p.measures))
        if p.notes:
            numbers.append(("ul", p.notes))
    if numbers:
        out.append(("For the teacher: the numbers", numbers))

    norms: list[Block] = []
    for ch in c.characters:
        if ch.highlights:
            norms.append(("p", f"{ch.name}:"))
            norms.append(("ul", [h.sentence for h in ch.highlights]))
        elif ch.words < SMALL_SCENE_WORDS:
            norms.append(("p", f"{ch.name}: too little text ({plural(ch.words, 'word')}) to place."))
        else:
            norms.append(("p", f"{ch.name}: in the middle of the range on every measure."))
        if ch.notes:
            norms.append(("ul", ch.notes))
    if norms and c.norms_name:
        out.append((f"For the teacher: against {c.norms_name}", norms))
    out.append(("Read these numbers with care", [("ul", c.caveats)]))
    return out
