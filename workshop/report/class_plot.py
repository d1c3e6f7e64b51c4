"""The class picture: every character of a class's scenes as a point on the two measures that spread them most.

Each axis is a measure's percentile among the norms' characters (0-100, 50 typical), so the two axes compare
although the measures have different units; the grey bands mark the unusual tenths. Points of one scene share a
colour and every point is labelled "Name (scene)". Drawn straight to SVG text (the notebook shows it, a widget
holds it, a test reads it), like :func:`workshop.report.plots.profile_bars_svg`.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from workshop.report.plots import FONT, colour_for

if TYPE_CHECKING:
    from workshop.report.classroom import ClassResults


def measure_label(metric: str) -> str:
    """"Average sentence length": the writer's name of a measure (its profile name when the kit has none)."""
    from workshop.voice.metrics.registry import METRICS

    info = METRICS.get(metric)
    return info.label if info is not None else metric.replace("_", " ")


def class_picture_svg(results: "ClassResults", metrics: list[str] | None = None, *, population: str = "") -> str:
    """Every placed character of ``results`` on ``metrics`` (default: the two that spread them most)."""
    metrics = metrics or results.spread(2)
    width, height, left, bottom, top, right = 900, 680, 90, 130, 60, 40
    if len(metrics) < 2:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="120"><text x="10" y="60" '
                f'font-size="{FONT}">Too few characters with enough words to draw the class.</text></svg>')
    mx, my = metrics[:2]
    plot_w, plot_h = width - left - right, height - top - bottom
    x = lambda p: left + plot_w * p / 100  # noqa: E731
    y = lambda p: top + plot_h * (100 - p) / 100  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           'font-family="DejaVu Sans, Arial, sans-serif">', f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="8" y="32" font-size="{FONT + 5}">The class on the two measures that spread it most</text>']
    for lo, hi in ((0, 10), (90, 100)):
        out.append(f'<rect x="{x(lo):.1f}" y="{top}" width="{x(hi) - x(lo):.1f}" height="{plot_h}" fill="#f0f0f0"/>')
        out.append(f'<rect x="{left}" y="{y(hi):.1f}" width="{plot_w}" height="{y(lo) - y(hi):.1f}" fill="#f0f0f0"/>')
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#999"/>')
    for p in (0, 50, 100):
        out.append(f'<text x="{x(p):.1f}" y="{top + plot_h + 22}" font-size="{FONT - 2}" text-anchor="middle">{p}</text>')
        out.append(f'<text x="{left - 10}" y="{y(p) + 5:.1f}" font-size="{FONT - 2}" text-anchor="end">{p}</text>')
    out.append(f'<line x1="{x(50):.1f}" y1="{top}" x2="{x(50):.1f}" y2="{top + plot_h}" stroke="#bbb" stroke-dasharray="6 4"/>')
    out.append(f'<line x1="{left}" y1="{y(50):.1f}" x2="{left + plot_w}" y2="{y(50):.1f}" stroke="#bbb" stroke-dasharray="6 4"/>')
    who = f" among {population}" if population else ""
    out.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 40}" font-size="{FONT}" text-anchor="middle">'
               f'{escape(measure_label(mx))} (percentile{escape(who)})</text>')
    out.append(f'<text transform="translate(22 {top + plot_h / 2:.1f}) rotate(-90)" font-size="{FONT}" '
               f'text-anchor="middle">{escape(measure_label(my))} (percentile)</text>')
    scenes = list(dict.fromkeys(c.scene for c in results.characters))
    labels: list[tuple[float, float]] = []  # where labels went: a point on top of another gets its label below
    for c in results.characters:
        if mx not in c.percentiles or my not in c.percentiles:
            continue
        px, py = x(c.percentiles[mx]), y(c.percentiles[my])
        colour = colour_for(scenes.index(c.scene))
        anchor, dx = ("end", -10) if c.percentiles[mx] > 75 else ("start", 10)
        ly = py + 5
        while any(abs(lx - px) < 120 and abs(other - ly) < 15 for lx, other in labels):
            ly += 16
        labels.append((px, ly))
        out.append(f'<circle class="vw-class-point" cx="{px:.1f}" cy="{py:.1f}" r="7" fill="{colour}">'
                   f'<title>{escape(c.label)}</title></circle>')
        out.append(f'<text x="{px + dx:.1f}" y="{ly:.1f}" font-size="{FONT - 2}" text-anchor="{anchor}" '
                   f'fill="{colour}">{escape(c.label)}</text>')
    left_out = len(results.characters) - sum(1 for c in results.characters if mx in c.percentiles and my in c.percentiles)
    if left_out:
        out.append(f'<text x="8" y="{height - 10}" font-size="{FONT - 3}" fill="#555">{left_out} character(s) left '
                   'out: too little text on one of these measures.</text>')
    out.append("</svg>")
    return "".join(out)
