"""The critique as a document outline that every format renders: sections of paragraphs, lists and pictures."""

from __future__ import annotations

from typing import Any

from workshop.report.formatting import fmt, plural as _plural, value_with_unit as _value_with_unit
from workshop.report.build import SMALL_SCENE_WORDS
from workshop.report.model import Critique


def outline(c: Critique) -> list[tuple[str, list[tuple[str, Any]]]]:
    """The critique as (heading, blocks) where a block is ("p", text), ("ul", [text]) or ("img", name)."""
    out: list[tuple[str, list[tuple[str, Any]]]] = []
    cast_items = [f"{t.name}: {_plural(t.words, 'word')} in {_plural(t.turns, 'turn')} ({t.word_share:.0%} of the words, "
                  f"{t.turn_share:.0%} of the turns)" for t in c.talk]
    out.append(("Who talks", [("p", f"{_plural(c.dialogue_words, 'word')} of dialogue in a scene of "
                                     f"{_plural(c.words, 'word')}."),
                              ("ul", cast_items), ("img", "share of talk")]))
    for ch in c.characters:
        blocks: list[tuple[str, Any]] = []
        if ch.highlights:
            items = []
            for h in ch.highlights:
                rest = h.sentence.split(": ", 1)[1] if h.sentence.startswith(h.label + ": ") else h.sentence
                item = f"{h.label}: {_value_with_unit(h.value, h.metric)}. {rest}"
                if h.example:
                    item += f" For example: “{h.example}”"
                if h.note:
                    item += f" ({h.note})"
                items.append(item)
            blocks.append(("ul", items))
        elif ch.words < SMALL_SCENE_WORDS:
            blocks.append(("p", f"Too little text from {ch.name} ({_plural(ch.words, 'word')}) for any measure to "
                                "stand out with confidence."))
        else:
            blocks.append(("p", f"No measure puts {ch.name} among the most unusual 10% of {c.population}: a voice "
                                "in the middle of the range."))
        if ch.signature_words:
            blocks.append(("p", f"Words that are {ch.name}'s own in this scene: {', '.join(ch.signature_words)}."))
        if ch.openers:
            blocks.append(("p", f"{ch.name} often starts with: {', '.join(ch.openers)}."))
        if ch.examples:
            blocks.append(("p", f"Some of {ch.name}'s lines: " + " / ".join(f"“{e}”" for e in ch.examples)))
        if ch.notes:
            blocks.append(("ul", ch.notes))
        out.append((f"{ch.name}'s voice", blocks))
    if c.pairs:
        out.append(("How distinct the voices are", [("img", "rhythm")] + [
            ("p", f"{p.a} and {p.b}: {p.verdict} (distinctiveness {p.distinctiveness:.2f} on a 0-1 scale; the tag test "
                  f"gives {fmt(100 * p.tag_accuracy)}% of lines back to the right speaker, chance is "
                  f"{fmt(100 * p.tag_chance)}%)." + (" Why: " + "; ".join(p.reasons) + "." if p.reasons else ""))
            for p in c.pairs]))
    if c.references:
        out.append((f"Against the reference {c.against}", [
            ("p", f"{p.a} beside {p.b}: {p.verdict} (distinctiveness {p.distinctiveness:.2f})."
                  + (" Clearest differences: " + "; ".join(p.reasons) + "." if p.reasons else ""))
            for p in c.references]))
    out.append(("Word choice", [("img", "word choice")]))
    out.append(("Things to try", [("ul", c.prompts)]))
    out.append(("Read these numbers with care", [("ul", c.caveats)]))
    return out

