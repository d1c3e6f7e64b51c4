"""The class picture: every character of a class's scenes as a point on the two measures that spread them most.

Each axis shows the class's own values in the measure's writer's unit ("Questions, per 100 sentences"), read from
the metric registry, never a percentile among other people's characters: a contemporary class placed among
characters of classic novels piles up at 0 and 100 and shows nothing. A character with less text than the
registry's minimum for a measure is drawn hollow, and the caption says so with the minimum. A norms set can be
drawn, on request, as a light band of its middle half (its 25th to 75th percentile), named for what it is. Points
of one scene share a colour and every point is labelled "Name (scene)". Drawn straight to SVG text (the notebook
shows it, a widget holds it, a test reads it), like :func:`workshop.report.plots.profile_bars_svg`.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

import numpy as np

from workshop.report.plots import FONT, colour_for
from workshop.voice.metrics.registry import METRICS

if TYPE_CHECKING:
    from workshop.compare.norms.table import NormsTable
    from workshop.report.classroom import ClassResults

CHANCE_ONLY = 1.5
"""Below this spread score (gaps over the typical margin of error) the caption says the picture is only a hint."""


def measure_label(metric: str) -> str:
    """"Average sentence length": the writer's name of a measure (its profile name when the kit has none)."""
    info = METRICS.get(metric)
    return info.label if info is not None else metric.replace("_", " ")


def axis_label(metric: str) -> str:
    """"Questions (per 100 sentences)": the measure's name with its unit, as an axis says it."""
    info = METRICS.get(metric)
    return f"{info.label} ({info.unit})" if info is not None and info.unit else measure_label(metric)


def _minimum(metric: str) -> str:
    info = METRICS[metric]
    return f"{info.minimum} {'speeches' if info.sample == 'utterances' else info.sample}"


def middle_half(table: "NormsTable | None", metric: str) -> tuple[float, float] | None:
    """The 25th and 75th percentiles of ``metric`` in a norms set (None when it has no norms for it)."""
    if table is None or metric not in table.metrics:
        return None
    q = np.asarray(table.metrics[metric].percentiles, dtype=float)
    grid = np.linspace(0, 100, len(q))
    return float(np.interp(25, grid, q)), float(np.interp(75, grid, q))


def class_caption(results: "ClassResults", metrics: list[str] | None = None, *,
                  band: "NormsTable | None" = None) -> list[str]:
    """The picture's caption in a teacher's words: why these two measures, which points are hollow and why, who
    is left out, and what the shaded band is (when one is drawn)."""
    metrics = metrics or results.spread(2)
    if len(metrics) < 2:
        return ["Too few characters have enough words to choose two measures that spread the class."]
    scores = {s.metric: s.score for s in results.spreads()}
    mx, my = metrics[:2]
    a, b = measure_label(mx).lower(), measure_label(my).lower()
    why = (f"These two measures, {a} and {b}, are the ones on which this class's characters differ most compared "
           "with how much their short texts could wobble by chance (the gaps between them are "
           f"{scores.get(mx, math.nan):.1f} and {scores.get(my, math.nan):.1f} times that wobble")
    why += ("; barely more than chance, so read the picture as a hint)." if max(scores.get(mx, 0), scores.get(my, 0))
            < CHANCE_ONLY else ").")
    out = [why]
    shown = [c for c in results.characters if mx in c.values and my in c.values]
    hollow = [c for c in shown if {mx, my} & c.thin]
    if hollow:
        needs = "; ".join(f"at least {_minimum(m)} for {measure_label(m).lower()}" for m in (mx, my)
                          if any(m in c.thin for c in hollow))
        out.append(f"Hollow points have too little text for a firm number ({needs}): "
                   f"{', '.join(c.label for c in hollow)}; read them as hints.")
    left_out = len(results.characters) - len(shown)
    if left_out:
        out.append(f"{left_out} character{' is' if left_out == 1 else 's are'} left out: nothing to measure on one "
                   "of these.")
    if band is not None and (middle_half(band, mx) or middle_half(band, my)):
        out.append(f"Shaded: the middle half of {band.population}, for context only.")
    return out


def _ticks(lo: float, hi: float) -> list[float]:
    raw = (hi - lo) / 4 or 1.0
    power = 10 ** math.floor(math.log10(raw))
    step = next(power * f for f in (1, 2, 2.5, 5, 10) if power * f >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    return [round(first + i * step, 10) for i in range(int((hi - first) / step + 1e-9) + 1)]


def _range(values: list[float]) -> tuple[float, float]:
    """The axis from the values (and the band's ends), padded; from 0 when the values start near it."""
    lo, hi = min(values), max(values)
    if lo >= 0 and lo <= 0.3 * hi:
        lo = 0.0
    pad = (hi - lo) * 0.06 or max(abs(hi) * 0.1, 1.0)
    return lo - pad, hi + pad


def _fmt(v: float) -> str:
    return f"{v:g}" if abs(v) >= 1 or v == 0 else f"{v:.2f}".rstrip("0")


def class_picture_svg(results: "ClassResults", metrics: list[str] | None = None, *,
                      band: "NormsTable | None" = None) -> str:
    """Every measured character of ``results`` on ``metrics`` (default: the two that spread them most), in the
    measures' own units; ``band``: a norms set whose middle half is shaded for context (off by default)."""
    metrics = metrics or results.spread(2)
    width, left, right, top = 900, 100, 40, 60
    if len(metrics) < 2:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="120"><text x="10" y="60" '
                f'font-size="{FONT}">Too few characters with enough words to draw the class.</text></svg>')
    mx, my = metrics[:2]
    caption = class_caption(results, metrics, band=band)
    lines = [ln for sentence in caption for ln in _wrap(sentence, 110)]
    plot_w, plot_h = width - left - right, 460
    height = top + plot_h + 90 + 20 * len(lines)
    shown = [c for c in results.characters if mx in c.values and my in c.values]
    bands = {m: middle_half(band, m) for m in (mx, my)}
    xs = [c.values[mx] for c in shown] + list(bands[mx] or ())
    ys = [c.values[my] for c in shown] + list(bands[my] or ())
    (x0, x1), (y0, y1) = _range(xs), _range(ys)
    x = lambda v: left + plot_w * (v - x0) / (x1 - x0)  # noqa: E731
    y = lambda v: top + plot_h * (y1 - v) / (y1 - y0)  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           'font-family="DejaVu Sans, Arial, sans-serif">', f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="8" y="32" font-size="{FONT + 5}">The class on the two measures that spread it most</text>']
    if bands[mx]:
        lo, hi = bands[mx]
        out.append(f'<rect class="vw-class-band" x="{x(lo):.1f}" y="{top}" width="{x(hi) - x(lo):.1f}" '
                   f'height="{plot_h}" fill="#e8eef6"/>')
    if bands[my]:
        lo, hi = bands[my]
        out.append(f'<rect class="vw-class-band" x="{left}" y="{y(hi):.1f}" width="{plot_w}" '
                   f'height="{y(lo) - y(hi):.1f}" fill="#e8eef6"/>')
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#999"/>')
    for t in (t for t in _ticks(x0, x1) if t >= 0 or min(xs) < 0):
        out.append(f'<line x1="{x(t):.1f}" y1="{top + plot_h}" x2="{x(t):.1f}" y2="{top + plot_h + 6}" stroke="#999"/>'
                   f'<text x="{x(t):.1f}" y="{top + plot_h + 24}" font-size="{FONT - 2}" text-anchor="middle">'
                   f'{_fmt(t)}</text>')
    for t in (t for t in _ticks(y0, y1) if t >= 0 or min(ys) < 0):
        out.append(f'<line x1="{left - 6}" y1="{y(t):.1f}" x2="{left}" y2="{y(t):.1f}" stroke="#999"/>'
                   f'<text x="{left - 10}" y="{y(t) + 5:.1f}" font-size="{FONT - 2}" text-anchor="end">{_fmt(t)}</text>')
    out.append(f'<text x="{left + plot_w / 2:.1f}" y="{top + plot_h + 52}" font-size="{FONT}" text-anchor="middle">'
               f'{escape(axis_label(mx))}</text>')
    out.append(f'<text transform="translate(24 {top + plot_h / 2:.1f}) rotate(-90)" font-size="{FONT}" '
               f'text-anchor="middle">{escape(axis_label(my))}</text>')
    scenes = list(dict.fromkeys(c.scene for c in results.characters))
    labels: list[tuple[float, float]] = []  # where labels went: a point on top of another gets its label below
    for c in shown:
        px, py = x(c.values[mx]), y(c.values[my])
        colour = colour_for(scenes.index(c.scene))
        hollow = bool({mx, my} & c.thin)
        anchor, dx = ("end", -12) if px > left + 0.75 * plot_w else ("start", 12)
        ly = py + 5
        while any(abs(lx - px) < 130 and abs(other - ly) < 15 for lx, other in labels):
            ly += 16
        labels.append((px, ly))
        if ly - py > 12:  # the label was pushed down by another: a thin line leads back to its point
            out.append(f'<line x1="{px:.1f}" y1="{py:.1f}" x2="{px + dx * 0.8:.1f}" y2="{ly - 5:.1f}" '
                       f'stroke="{colour}" stroke-opacity="0.5"/>')
        fill = 'fill="white" stroke-width="2.5"' if hollow else f'fill="{colour}"'
        out.append(f'<circle class="vw-class-point{" vw-class-hollow" if hollow else ""}" cx="{px:.1f}" '
                   f'cy="{py:.1f}" r="7" {fill} stroke="{colour}"><title>{escape(c.label)}</title></circle>')
        out.append(f'<text x="{px + dx:.1f}" y="{ly:.1f}" font-size="{FONT - 2}" text-anchor="{anchor}" '
                   f'fill="{colour}">{escape(c.label)}</text>')
    for i, line in enumerate(lines):
        out.append(f'<text class="vw-class-caption" x="8" y="{top + plot_h + 86 + 20 * i}" font-size="{FONT - 2}" '
                   f'fill="#333">{escape(line)}</text>')
    out.append("</svg>")
    return "".join(out)


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width) or [""]
