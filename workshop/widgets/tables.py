"""Tables for the notebooks: text left-aligned and never cut short, units as a writer reads them."""

from __future__ import annotations

from typing import Any

_SAMPLE_NOUNS = {"words": ("word", "words"), "sentences": ("sentence", "sentences"),
                 "utterances": ("speech", "speeches")}
_FAMILIES = ("readability", "rhythm", "diction")


def writer_unit(unit: str) -> str:
    """The unit as the profiles and widgets show the value: shares (0-1) are shown as percent."""
    return "%" if "share" in unit else unit


def left_table(frame: Any, *, numbers: list[str] | None = None) -> Any:
    """``frame`` as a table whose text reads left to right like prose: every column left-aligned and shown in
    full (no "…"), no index column. Columns in ``numbers`` stay right-aligned."""
    numbers = [c for c in (numbers or []) if c in frame.columns]
    text = [c for c in frame.columns if c not in numbers]
    styler = frame.style.hide(axis="index")
    styler = styler.set_properties(subset=text, **{"text-align": "left", "white-space": "normal"})
    if numbers:
        styler = styler.set_properties(subset=numbers, **{"text-align": "right"})
    styler = styler.set_table_styles([{"selector": "th", "props": [("text-align", "left")]},
                                      {"selector": "td", "props": [("vertical-align", "top")]}])
    float_columns = [c for c in frame.columns if frame[c].dtype.kind == "f"]
    if float_columns:
        styler = styler.format({c: "{:.2f}" for c in float_columns}, na_rep="–")
    return styler


def measures_frame(family: str) -> Any:
    """Every measure of one family (``readability``, ``rhythm`` or ``diction``): its name, its unit as shown in
    the profiles (percent for shares), what it means in full, and how much text it needs."""
    from workshop.errors import WorkshopError
    from workshop.voice.profile import metric_table

    if family not in _FAMILIES:
        raise WorkshopError(f"No family of measures called {family!r}: choose one of {', '.join(_FAMILIES)}.")
    table = metric_table()
    table = table[table["family"] == family]
    rows = []
    for row in table.itertuples(index=False):
        one, many = _SAMPLE_NOUNS.get(str(row.sample), (str(row.sample), str(row.sample)))
        minimum = int(row.minimum)
        needs = f"{minimum} {one if minimum == 1 else many}" if minimum else "any amount"
        rows.append({"measure": row.label, "unit": writer_unit(str(row.unit)), "what it means": row.explanation,
                     "needs at least": needs})
    import pandas as pd

    return pd.DataFrame(rows, columns=["measure", "unit", "what it means", "needs at least"])


def measures_table(family: str) -> Any:
    """:func:`measures_frame` as a left-aligned table with every explanation in full."""
    return left_table(measures_frame(family))
