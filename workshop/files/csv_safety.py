"""CSV files a teacher can open in a spreadsheet without running anything a student's scene put in them.

A spreadsheet runs a cell as a formula when it starts with ``=``, ``+``, ``-`` or ``@`` (and some read a leading
tab or carriage return the same way), so a line of dialogue such as ``=HYPERLINK("http://...")`` or a cast name
``+cmd|' /C calc'!A0`` would become a live formula. Every CSV the kit writes goes through :func:`csv_text`, which
puts an apostrophe in front of such a text cell (``'=HYPERLINK(...)``): spreadsheets show the apostrophe-led cell
as plain text. Full-width and small forms of those characters (``＝``, ``＋``, ``－``, ``＠``) count too. Numbers are
left alone (``-0.5`` is a number, not a formula); the JSON outputs keep every text exactly as written.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = frozenset("=+-@\t\r")
PREFIX = "'"


def neutralise(value: Any) -> Any:
    """``value`` with an apostrophe in front when it is text a spreadsheet would run as a formula."""
    if not isinstance(value, str) or not value:
        return value
    first = value[0]
    if first in FORMULA_STARTS or unicodedata.normalize("NFKC", first) in FORMULA_STARTS:
        return PREFIX + value
    return value


def csv_text(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """A CSV document (``\\r\\n`` line ends, as the csv module writes them) with every cell neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return buffer.getvalue()
