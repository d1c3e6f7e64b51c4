"""Example lines quoted from the scene."""

from __future__ import annotations

from collections.abc import Sequence

from workshop.errors import WorkshopError


def example_lines(lines: Sequence[str], k: int, *, max_chars: int = 140) -> list[str]:
    """``k`` lines that show a voice: the longest and the shortest first, then from the middle; trimmed."""
    usable = [" ".join(t.split()).rstrip(",") for t in lines if t.strip()]
    if not usable or k <= 0:
        return []
    ordered = sorted(set(usable), key=lambda t: (len(t), t))
    picks: list[str] = []
    for candidate in [ordered[-1], ordered[0], ordered[len(ordered) // 2], *ordered]:
        if candidate not in picks:
            picks.append(candidate)
        if len(picks) == k:
            break
    return [t if len(t) <= max_chars else t[: max_chars - 1].rstrip() + "…" for t in picks]



def line_example(lines: Sequence[str], metric: str, high: bool) -> str:
    """The line that shows a measure best: the most of it when the character is high, else a typical short one."""
    from workshop.compare.pairs import line_counts
    from workshop.compare.pairs import metric as line_metric

    try:
        m = line_metric(metric)
    except WorkshopError:
        return ""
    usable = [t for t in lines if t.strip()]
    if not usable:
        return ""
    counts = line_counts(usable, [m])[m.name]
    scored = []
    for text, (num, den) in zip(usable, counts):
        if den <= 0:
            continue
        ratio = num / den
        scored.append(((-ratio if high else ratio), len(text), text))
    if not scored:
        return ""
    text = min(scored)[2]
    text = " ".join(text.split()).rstrip(",")
    return text if len(text) <= 160 else text[:159].rstrip() + "…"

