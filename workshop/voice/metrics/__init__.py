"""The measures of a voice: each declared once in its family's module, collected in :mod:`.registry`.

``METRICS[name]`` is a :class:`Measure`: family (readability / rhythm / diction), a label in writer's words, the
unit, a one-line explanation, the direction (``higher``: what a higher value means), the smallest sample
(``sample`` words/sentences/utterances, at least ``minimum`` of them) at which the number starts to mean
something, the per-line denominator for comparisons, the display order and whether it is usually zero. Below the
minimum the profile still shows the number, with a note. Profiles, comparisons, norms, widgets and the critique
all read this one table.
"""

from __future__ import annotations

from workshop.voice.metrics.measure import FAMILIES, Measure, ReadabilityCounts, Totals
from workshop.voice.metrics.registry import (
    MEASURES,
    METRICS,
    compared_measures,
    compute_all,
    display_order,
    explanation,
    headline_measures,
    label,
    measure,
    metric_info,
    metrics_of,
    per_line,
    usually_zero,
)

MetricInfo = Measure
"""The former name of :class:`Measure` (the catalogue entry)."""

__all__ = [
    "FAMILIES",
    "MEASURES",
    "METRICS",
    "Measure",
    "MetricInfo",
    "ReadabilityCounts",
    "Totals",
    "compared_measures",
    "compute_all",
    "display_order",
    "explanation",
    "headline_measures",
    "label",
    "measure",
    "metric_info",
    "metrics_of",
    "per_line",
    "usually_zero",
]
