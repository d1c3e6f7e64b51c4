"""The critique summary: who talks, how each voice sounds, how distinct the voices are, what to try next.

``build_critique(dialogue)`` gathers the numbers from the profiles and comparisons into a :class:`Critique`;
``render(critique, fmt)`` writes it as Markdown, self-contained HTML, JSON or CSV. Every piece of scene text
that reaches HTML goes through :func:`html.escape`.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workshop.dialogue import Dialogue

NORMS = "norms"
"""The comparison target meaning "characters in published fiction"."""


@dataclass(frozen=True)
class TalkShare:
    """How much one character talks: words and turns, and their shares of the scene's dialogue (0-1)."""

    name: str
    words: int
    turns: int
    word_share: float
    turn_share: float


def share_of_talk(dialogue: Dialogue) -> list[TalkShare]:
    """Words and turns per character (attributed lines only), most words first."""
    words: dict[str, int] = {}
    turns: dict[str, int] = {}
    for utterance in dialogue.utterances:
        if utterance.speaker is None:
            continue
        words[utterance.speaker] = words.get(utterance.speaker, 0) + len(utterance.text.split())
        turns[utterance.speaker] = turns.get(utterance.speaker, 0) + 1
    total_w, total_t = sum(words.values()), sum(turns.values())
    return [
        TalkShare(name, words[name], turns[name], words[name] / total_w if total_w else 0.0,
                  turns[name] / total_t if total_t else 0.0)
        for name in sorted(words, key=lambda n: (-words[n], n))
    ]


def comparison_targets(dialogue: Dialogue) -> list[tuple[str, str]]:
    """Extra things a character can be compared with, as (label, value) pairs: reference characters, the norms."""
    return []


@dataclass
class ComparisonView:
    """What the comparison widget shows for one choice: an HTML table and a picture."""

    a: str
    b: str
    family: str
    html: str
    figure: Callable[[], Any]
    rows: list[dict[str, Any]] = field(default_factory=list)


def comparison_view(dialogue: Dialogue, a: str, b: str, family: str, *, examples: int = 2,
                    cache: Any = None) -> ComparisonView:
    """The comparison of ``a`` with ``b`` on one family of measures, ready to show."""
    from workshop import plots

    shares = {s.name: s for s in share_of_talk(dialogue)}
    rows = []
    for name in (a, b):
        s = shares.get(name)
        if s is None:
            continue
        rows.append({"name": name, "words": s.words, "turns": s.turns,
                     "words per turn": round(s.words / s.turns, 1) if s.turns else 0.0})
    head = "".join(f"<th>{html.escape(k)}</th>" for k in ["character", "words", "turns", "words per turn"])
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in r.values()) + "</tr>" for r in rows
    )
    table = f"<table class='vw-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    title = f"<h3>{html.escape(a)} against {html.escape(b)}</h3>"
    names = [r["name"] for r in rows]

    def figure():
        return plots.share_of_talk(names, [r["words"] for r in rows], [r["turns"] for r in rows])

    return ComparisonView(a, b, family, title + table, figure, rows)
