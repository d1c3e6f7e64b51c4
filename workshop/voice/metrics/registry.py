"""The metric registry: every measure of a voice profile, collected from the family modules where each is declared.

The profile computes exactly these measures (:func:`compute_all`), the comparisons count the ones with a per-line
denominator (:func:`compared_measures`, :func:`per_line`), the norms keep only names found here, the critique and
the widgets read labels, explanations, order and the ``usually_zero`` flag from here, and ``docs/metrics.md`` is
generated from it (``scripts/metrics_table.py``). A name that is not here is an error (:func:`measure`), never
silently dropped.

To add a measure: declare it in its family's module (``readability.py``, ``rhythm.py`` or ``diction.py``) with
the function that computes it from :class:`~workshop.voice.metrics.measure.Totals`, add its test, and regenerate
the docs table.
"""

from __future__ import annotations

from workshop.errors import WorkshopError
from workshop.voice.metrics import diction, readability, rhythm
from workshop.voice.metrics.measure import FAMILIES, SAMPLES, Measure, Totals

MEASURES: tuple[Measure, ...] = readability.MEASURES + rhythm.MEASURES + diction.MEASURES
"""Every measure, family by family, each family in the order profiles show it."""

METRICS: dict[str, Measure] = {m.name: m for m in MEASURES}
"""Every measure by name."""


def _check(measures: tuple[Measure, ...]) -> None:
    """The declarations are consistent: one per name, known families and units, distinct display ranks."""
    names = [m.name for m in measures]
    if len(set(names)) != len(names):
        raise WorkshopError(f"A measure is declared twice: {sorted({n for n in names if names.count(n) > 1})}.")
    for m in measures:
        if m.family not in FAMILIES or m.sample not in SAMPLES or m.denominator not in ("", *SAMPLES):
            raise WorkshopError(f"The measure {m.name} has an unknown family, sample or denominator.")
    for rank in ("order", "compared"):
        used = [getattr(m, rank) for m in measures if getattr(m, rank)]
        if len(set(used)) != len(used):
            raise WorkshopError(f"Two measures share the same {rank} rank.")
    if any(m.compared and not m.denominator for m in measures):
        raise WorkshopError("A compared measure needs a per-line denominator.")


_check(MEASURES)


def measure(name: str) -> Measure:
    """The registry entry for ``name``; an unknown name is an error that lists the valid ones."""
    try:
        return METRICS[name]
    except KeyError:
        raise WorkshopError(f"No metric called {name!r}. Known metrics: {', '.join(METRICS)}.") from None


metric_info = measure


def metrics_of(family: str) -> list[Measure]:
    """The measures of one family, in the order profiles show them."""
    return [m for m in MEASURES if m.family == family]


def display_order(family: str | None = None) -> list[Measure]:
    """The measures (of one family, or all) in the order a writer reads them."""
    return sorted((m for m in MEASURES if family is None or m.family == family), key=lambda m: m.order)


def headline_measures(family: str) -> tuple[str, ...]:
    """The names of the measures a critique shows for a family, in the order a writer reads them."""
    return tuple(m.name for m in display_order(family) if m.headline)


def compared_measures() -> tuple[Measure, ...]:
    """The measures compared pair by pair, in the order comparison tables show them."""
    return tuple(sorted((m for m in MEASURES if m.compared), key=lambda m: m.compared))


def per_line(name: str) -> tuple[str, float]:
    """``(denominator, scale)`` of a measure counted line by line; an error for a measure that is not a ratio of
    counts (a median, a diversity index, a mood score...)."""
    m = measure(name)
    if not m.denominator:
        raise WorkshopError(f"{name} is not a measure that can be compared line by line.")
    return m.denominator, m.scale


def label(name: str) -> str:
    return measure(name).label


def explanation(name: str) -> str:
    return measure(name).explanation


def usually_zero(name: str) -> bool:
    """Whether most characters of published fiction score 0 on the measure (report a rate, not a percentile)."""
    return measure(name).usually_zero


def compute_all(totals: Totals) -> dict[str, float]:
    """Every measure from a profile's totals, ``{name: value}`` in registry order."""
    return {m.name: m.compute(totals) for m in MEASURES}
