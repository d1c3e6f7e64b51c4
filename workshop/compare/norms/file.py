"""Reading a norms file a teacher gives with ``--norms NORMS.json`` (one written by ``python -m workshop norms
build``, or the kit's own ``workshop/data/norms.json``).

Every problem is one line naming the file: not a file, not JSON, not a norms file at all, a measure whose table is
not a list of rising numbers, counts that are not whole numbers, no measure the kit knows. Measures the kit does
not know (from a newer kit, say) are left out; the measures it knows are placed as with the shipped norms.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from workshop.files.data_files import read_data_file
from workshop.errors import WorkshopError
from workshop.compare.norms.table import NormsTable, norms_from_dict
from workshop.voice.metrics import METRICS

WHAT = "norms file"
HOW_TO_MAKE = "make one with: python -m workshop norms build FOLDER -o NORMS.json"


def load_norms_file(path: str | Path) -> NormsTable:
    """The norms in ``path``, checked (:class:`WorkshopError` with one line when the file is not usable)."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        raise WorkshopError(f"The norms file {path.name} should be a .json file ({HOW_TO_MAKE}).")
    data = read_data_file(path, what=WHAT)
    return norms_from_dict(checked_norms(data, path.name))


@lru_cache(maxsize=8)
def cached_norms_file(path: str) -> NormsTable:
    """:func:`load_norms_file` read once per process (a batch run places every scene with the same norms)."""
    return load_norms_file(path)


def checked_norms(data: Any, where: str) -> dict[str, Any]:
    """``data`` (a parsed norms file) with only the measures the kit knows, or a one-line error."""
    if not isinstance(data, dict) or not isinstance(data.get("metrics"), dict):
        raise WorkshopError(f"{where} is not a norms file (it has no \"metrics\" table); {HOW_TO_MAKE}.")
    corpus = data.get("corpus", {})
    if not isinstance(corpus, dict):
        raise WorkshopError(f"In the norms file {where}, \"corpus\" must be a table describing the corpus.")
    for key in ("characters", "words"):
        value = corpus.get(key)
        if not _whole(value) or value < 1:
            raise WorkshopError(f"The norms file {where} does not say how many {key} stand behind it (corpus "
                                f"\"{key}\" must be a whole number); {HOW_TO_MAKE}.")
    for key in ("name", "description", "population"):
        if key in corpus and not isinstance(corpus[key], str):
            raise WorkshopError(f"In the norms file {where}, the corpus \"{key}\" must be text in quotes.")
    metrics: dict[str, Any] = {}
    for name, entry in data["metrics"].items():
        if name not in METRICS:
            continue  # a measure this kit does not have: nothing would look it up
        metrics[name] = _checked_metric(name, entry, where)
    if not metrics:
        raise WorkshopError(f"The norms file {where} has no measure this kit knows; {HOW_TO_MAKE}.")
    words = data.get("function_words", {})
    if not isinstance(words, dict) or not all(
        isinstance(v, list) and len(v) == 2 and all(_number(x) for x in v) for v in words.values()
    ):
        raise WorkshopError(f"In the norms file {where}, \"function_words\" must map each word to [mean, sd].")
    return {**data, "corpus": corpus, "metrics": metrics}


def _checked_metric(name: str, entry: Any, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise WorkshopError(f"In the norms file {where}, the measure {name} is not a table.")
    table = entry.get("percentiles")
    if not isinstance(table, list) or len(table) < 2 or not all(_number(x) for x in table):
        raise WorkshopError(f"In the norms file {where}, the percentiles of {name} must be a list of numbers.")
    if any(b < a for a, b in zip(table, table[1:])):
        raise WorkshopError(f"In the norms file {where}, the percentiles of {name} do not rise from the 0th to the "
                            "100th: the file was edited or damaged.")
    if not _whole(entry.get("n")) or entry["n"] < 1:
        raise WorkshopError(f"In the norms file {where}, the measure {name} does not say how many characters "
                            "it rests on (\"n\" must be a whole number).")
    for key in ("label", "family", "source"):
        if key in entry and not isinstance(entry[key], str):
            raise WorkshopError(f"In the norms file {where}, the {key} of {name} must be text in quotes.")
    return entry


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _whole(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)
