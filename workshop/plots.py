"""Pictures of voices for writers: big labels, plain words, readable on a projector.

Every function returns a matplotlib :class:`~matplotlib.figure.Figure` (Agg backend, never shown or saved here);
a notebook displays it, the critique embeds it, a widget turns it into PNG bytes. The numbers come from the
workshop's computations; nothing is computed here beyond arranging them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import matplotlib

matplotlib.use("Agg", force=False)

from matplotlib.figure import Figure  # noqa: E402

FONT = 15
"""Base font size in points: a room at the back of a class can read it."""

PALETTE = ["#1b6ca8", "#d1495b", "#2e8b57", "#edae49", "#7a5195", "#00798c", "#8c564b", "#555555"]
"""Colours told apart by colour-blind readers too (blue, red, green, yellow, purple, teal, brown, grey)."""


def colour_for(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _figure(width: float = 10.0, height: float = 5.0) -> Figure:
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig


def _style(ax, title: str, xlabel: str = "", ylabel: str = "") -> None:
    ax.set_title(title, fontsize=FONT + 3, loc="left", pad=12)
    if xlabel:
        ax.set_xlabel(xlabel, fontsize=FONT)
    if ylabel:
        ax.set_ylabel(ylabel, fontsize=FONT)
    ax.tick_params(labelsize=FONT - 1)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def share_of_talk(names: Sequence[str], words: Sequence[int], turns: Sequence[int], *, title: str = "") -> Figure:
    """Horizontal bars: each character's share of the spoken words and of the turns, in percent."""
    fig = _figure(10, 1.6 + 0.9 * max(1, len(names)))
    ax = fig.add_subplot()
    total_w, total_t = sum(words) or 1, sum(turns) or 1
    ys = list(range(len(names)))[::-1]
    height = 0.38
    w_share = [100 * x / total_w for x in words]
    t_share = [100 * x / total_t for x in turns]
    ax.barh([y + height / 2 for y in ys], w_share, height, color=[colour_for(i) for i in range(len(names))],
            label="share of the words")
    ax.barh([y - height / 2 for y in ys], t_share, height, color=[colour_for(i) for i in range(len(names))],
            alpha=0.45, label="share of the turns")
    for y, ws, ts, nw, nt in zip(ys, w_share, t_share, words, turns):
        ax.text(ws + 1, y + height / 2, f"{ws:.0f}% of words ({nw})", va="center", fontsize=FONT - 2)
        ax.text(ts + 1, y - height / 2, f"{ts:.0f}% of turns ({nt})", va="center", fontsize=FONT - 2)
    ax.set_yticks(ys, list(names))
    ax.set_xlim(0, 130)
    ax.set_xticks([0, 25, 50, 75, 100])
    _style(ax, title or "Who does the talking", "percent of the scene's dialogue")
    return fig
