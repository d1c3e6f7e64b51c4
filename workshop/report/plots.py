"""Pictures of voices for writers: big labels, plain words, readable on a projector.

Every function returns a matplotlib :class:`~matplotlib.figure.Figure` (Agg backend, never shown or saved here);
a notebook displays it, the critique embeds it, a widget turns it into PNG bytes. The numbers come from the
workshop's computations; nothing is computed here beyond arranging them.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

# Figures are built with matplotlib's object API (``Figure()``, never pyplot), so nothing opens a window and
# the rendering is always Agg's, whatever backend the notebook uses.

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


def profile_bars(labels: Sequence[str], series: dict[str, Sequence[float]], *, title: str = "") -> Figure:
    """Each measure as a bar on the 0-100 percentile scale of characters in classic novels, one bar per voice.

    ``series`` maps a voice's name to its percentile for each label (NaN: not measured, left blank). A dashed
    line marks the typical character (50); the shaded edges mark the unusual 10% at each end.
    """
    n, k = len(labels), max(1, len(series))
    fig = _figure(11, 1.4 + 0.62 * n * (1 + 0.35 * (k - 1)))
    ax = fig.add_subplot()
    ax.axvspan(0, 10, color="#eeeeee", zorder=0)
    ax.axvspan(90, 100, color="#eeeeee", zorder=0)
    ax.axvline(50, color="#888888", linestyle="--", linewidth=1.5, zorder=1)
    height = 0.8 / k
    ys = list(range(n))[::-1]
    for j, (name, values) in enumerate(series.items()):
        offset = (k - 1) / 2 * height - j * height
        xs = [v if v == v else 0.0 for v in values]  # NaN -> no bar
        ax.barh([y + offset for y in ys], xs, height * 0.9, color=colour_for(j), label=name, zorder=2, alpha=0.85)
        measured = [(x, y + offset) for x, y, v in zip(xs, ys, values) if v == v]
        ax.scatter([m[0] for m in measured], [m[1] for m in measured], s=70, color=colour_for(j), zorder=3,
                   edgecolor="white", linewidth=1.2)
        for y, v in zip(ys, values):
            if v != v:
                ax.text(1, y + offset, "not measured", va="center", fontsize=FONT - 4, color="#777777")
    ax.set_yticks(ys, list(labels))
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 10, 50, 90, 100], ["0\nlowest", "10", "50\ntypical", "90", "100\nhighest"])
    ax.set_xlim(-2, 102)
    ax.set_ylim(-0.6, n - 0.4)
    _style(ax, title or "Where each measure falls", "percentile among characters in classic novels")
    if series:
        fig.legend(fontsize=FONT - 1, loc="outside lower center", ncol=min(k, 3), frameon=False)
    return fig


def rhythm_strip(points: Sequence[tuple[int, str, int]], *, names: Sequence[str] = (), title: str = "") -> Figure:
    """Sentence lengths through the scene: one stem per sentence, coloured by who says it.

    ``points`` are ``(position, speaker, words)`` in scene order (see :func:`workshop.report.critique.rhythm_points`);
    ``names`` fixes the order of the colours (as in :func:`share_of_talk`), else the order they first speak.
    """
    fig = _figure(12, 5.2)
    ax = fig.add_subplot()
    speakers = list(dict.fromkeys([*names, *(p[1] for p in points)]))
    for i, name in enumerate(speakers):
        xs = [p[0] for p in points if p[1] == name]
        ys = [p[2] for p in points if p[1] == name]
        ax.vlines(xs, 0, ys, color=colour_for(i), linewidth=2.5, alpha=0.85)
        ax.scatter(xs, ys, color=colour_for(i), s=36, label=name, zorder=3)
    if not points:
        ax.text(0.5, 0.5, "No attributed sentences to show yet.", ha="center", va="center", fontsize=FONT,
                transform=ax.transAxes)
    ax.set_ylim(bottom=0)
    _style(ax, title or "Sentence lengths through the scene", "sentences of dialogue, in the order they are spoken",
           "words in the sentence")
    if speakers:
        ax.legend(fontsize=FONT - 1, frameon=False, loc="upper right")
    return fig


WORD_CHOICE_KEY = ("Solid bar: clearly this character's word (strength about 2 or more).   "
                   "Pale bar: leaning, not certain.")
"""The key under the word-choice picture: what solid and pale bars mean."""


def distinctive_words(names: Sequence[str], words: Sequence[Sequence[tuple[str, float, bool]]], *,
                      title: str = "") -> Figure:
    """For each character, the words they say more than the others: bar length is the strength of the evidence
    (a z-score; beyond about 2 the word is clearly theirs, shown solid; weaker leanings are pale)."""
    k = max(1, len(names))
    fig = _figure(5.2 * min(k, 3), 1.6 + 0.55 * max([len(w) for w in words] + [3]))
    axes = fig.subplots(1, min(k, 3), squeeze=False, sharex=True)[0] if names else [fig.add_subplot()]
    for i, ax in enumerate(axes):  # one x scale for all: a bar means the same on every panel
        if i >= len(names):
            ax.set_axis_off()
            continue
        entries = list(words[i])[::-1]
        ys = list(range(len(entries)))
        bars = ax.barh(ys, [e[1] for e in entries], color=colour_for(i))
        for bar, entry in zip(bars, entries):
            bar.set_alpha(1.0 if entry[2] else 0.4)
        ax.set_yticks(ys, [e[0] for e in entries])
        if not entries:
            ax.text(0.5, 0.5, "no word stands out", ha="center", va="center", fontsize=FONT - 1,
                    transform=ax.transAxes)
            ax.set_yticks([])
            ax.set_xticks([])
        _style(ax, names[i], "strength of evidence (z-score)")
    if names:
        fig.supxlabel(WORD_CHOICE_KEY, fontsize=FONT - 1, x=0.02, ha="left")
    if title or names:
        fig.suptitle(title or "Words each character says more than the others", fontsize=FONT + 3, x=0.02,
                     ha="left")
    return fig


def signature_words(names: Sequence[str], words: Sequence[Sequence[tuple[str, int]]], *, title: str = "") -> Figure:
    """For each character (at most three), their signature words (:mod:`workshop.report.signature`) as bars of how
    many times they say each; every panel on the same x scale, so bars compare across characters."""
    shown = list(names)[:3]
    fig = _figure(5.2 * max(1, len(shown)), 1.6 + 0.55 * max([len(w) for w in words[:3]] + [3]))
    axes = fig.subplots(1, max(1, len(shown)), squeeze=False, sharex=True)[0]
    top = max([n for ws in words[:3] for _w, n in ws] + [2])
    for i, ax in enumerate(axes):
        if i >= len(shown):
            ax.set_axis_off()
            continue
        entries = list(words[i])[::-1]
        ys = list(range(len(entries)))
        ax.barh(ys, [e[1] for e in entries], color=colour_for(i))
        ax.set_yticks(ys, [e[0] for e in entries])
        ax.set_xlim(0, top + 0.5)
        if not entries:
            ax.text(0.5, 0.5, "no word is clearly theirs yet", ha="center", va="center", fontsize=FONT - 1,
                    transform=ax.transAxes)
            ax.set_yticks([])
        _style(ax, shown[i], "times said in the scene")
    fig.suptitle(title or "Words only this character uses (said twice or more)", fontsize=FONT + 3, x=0.02,
                 ha="left")
    return fig


def figure_bytes(figure: Figure, *, fmt: str = "png", dpi: int = 80) -> bytes:
    """The figure as PNG (or SVG) bytes."""
    import io

    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=dpi)
    return buffer.getvalue()


def profile_bars_svg(labels: Sequence[str], series: dict[str, Sequence[float]], *, title: str = "") -> str:
    """The same picture as :func:`profile_bars`, drawn straight to SVG text (about a millisecond, where matplotlib
    takes a tenth of a second or more): what the comparison widget redraws on every change."""
    from html import escape

    k = max(1, len(series))
    left, right, top, row = 250, 30, 56, 16 + 22 * k
    width = 900
    plot_w = width - left - right
    height = top + row * len(labels) + 92
    x = lambda pct: left + plot_w * max(0.0, min(100.0, pct)) / 100  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, sans-serif">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="8" y="30" font-size="{FONT + 5}">{escape(title or "Where each measure falls")}</text>']
    bottom = top + row * len(labels)
    for lo, hi in ((0, 10), (90, 100)):
        out.append(f'<rect x="{x(lo):.1f}" y="{top}" width="{x(hi) - x(lo):.1f}" height="{bottom - top}" fill="#eeeeee"/>')
    out.append(f'<line x1="{x(50):.1f}" y1="{top}" x2="{x(50):.1f}" y2="{bottom}" stroke="#888" stroke-dasharray="6 4"/>')
    for i, label in enumerate(labels):
        y0 = top + i * row + 8
        out.append(f'<text x="{left - 10}" y="{y0 + 11 * k + 5}" font-size="{FONT}" text-anchor="end">{escape(label)}</text>')
        for j, values in enumerate(series.values()):
            v = values[i]
            yb = y0 + 22 * j
            if v != v:
                out.append(f'<text x="{left + 6}" y="{yb + 15}" font-size="{FONT - 3}" fill="#777">not measured</text>')
                continue
            out.append(f'<rect x="{left}" y="{yb}" width="{x(v) - left:.1f}" height="19" fill="{colour_for(j)}" opacity="0.85"/>')
            out.append(f'<circle cx="{x(v):.1f}" cy="{yb + 9.5}" r="6" fill="{colour_for(j)}" stroke="white" stroke-width="1.5"/>')
    out.append(f'<line x1="{left}" y1="{bottom}" x2="{width - right}" y2="{bottom}" stroke="#333"/>')
    for pct, word in ((0, "lowest"), (10, ""), (50, "typical"), (90, ""), (100, "highest")):
        out.append(f'<text x="{x(pct):.1f}" y="{bottom + 20}" font-size="{FONT - 2}" text-anchor="middle">{pct}</text>')
        if word:
            out.append(f'<text x="{x(pct):.1f}" y="{bottom + 38}" font-size="{FONT - 2}" text-anchor="middle">{word}</text>')
    out.append(f'<text x="{left + plot_w / 2:.1f}" y="{bottom + 60}" font-size="{FONT}" text-anchor="middle">'
               'percentile among characters in classic novels</text>')
    lx = left
    for j, name in enumerate(series):
        out.append(f'<rect x="{lx}" y="{bottom + 72}" width="16" height="16" fill="{colour_for(j)}"/>')
        out.append(f'<text x="{lx + 22}" y="{bottom + 86}" font-size="{FONT}">{escape(name)}</text>')
        lx += 40 + 9 * len(name)
    out.append("</svg>")
    return "\n".join(out)
