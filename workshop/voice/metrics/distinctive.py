"""Signature words and habitual openers.

Signature words: the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
"Fightin' Words", section 3.5). For a word w, character i and everyone else j:

    delta = log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - log((y_j + a_w) / (n_j + a0 - y_j - a_w))
    var   ~ 1 / (y_i + a_w) + 1 / (y_j + a_w)
    z     = delta / sqrt(var)

y are the word's counts, n the total words, a_w the prior count of the word and a0 the sum of the prior. The
prior is the scene's own word counts (dialogue and narration together), scaled to weigh at most 1,000 words
(:func:`scaled_prior`), so a word that is common everywhere is
pulled towards "nothing special" and a word a character uses a couple of times in a short scene does not jump
out by chance. A word is a signature when z >= 1.96 (about a 5% chance of a difference this large by luck)
and the character says it at least twice. When no word clears that bar, up to five "leaning" words
(z >= 1, said at least twice) are listed with ``"significant": false``, and the profile notes it.

Openers: the first word of each utterance (with its comma, if one follows: "Well," "Look,"). An opener is
habitual when a character uses it at least twice and in at least 10% of their utterances.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

Z_SIGNIFICANT = 1.96
LEANING_Z = 1.0
LEANING_TOP = 5
PRIOR_WEIGHT = 1000.0


def log_odds(
    counts_i: Mapping[str, int],
    counts_j: Mapping[str, int],
    prior: Mapping[str, float],
    *,
    n_j: int | None = None,
    words: Iterable[str] | None = None,
) -> dict[str, float]:
    """z-scores of the weighted log-odds (i against j) for every word in ``counts_i`` (see module docstring),
    or only for ``words`` when given.

    ``counts_j`` needs only the words of ``counts_i``; then pass j's total as ``n_j``.
    """
    n_i = sum(counts_i.values())
    if n_j is None:
        n_j = sum(counts_j.values())
    a0 = float(sum(prior.values()))
    out: dict[str, float] = {}
    if n_i == 0 or a0 <= 0:
        return out
    for w in counts_i if words is None else words:
        y_i = counts_i[w]
        a_w = float(prior.get(w, 0.0))
        if a_w <= 0:
            a_w = 0.01
        y_j = counts_j.get(w, 0)
        d_i = n_i + a0 - y_i - a_w
        d_j = n_j + a0 - y_j - a_w
        if d_i <= 0 or d_j <= 0:
            continue
        delta = math.log((y_i + a_w) / d_i) - math.log((y_j + a_w) / d_j)
        var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
        out[w] = delta / math.sqrt(var)
    return out


def signature_words(
    counts_i: Mapping[str, int],
    counts_j: Mapping[str, int],
    prior: Mapping[str, float],
    *,
    top: int = 10,
    min_count: int = 2,
    z_min: float = Z_SIGNIFICANT,
    n_j: int | None = None,
) -> list[dict[str, float | int | str]]:
    """The words character i says more than the others, strongest first: ``[{"word", "count", "z"}]``."""
    # only words said at least min_count times can be listed: score just those (half a novel's words are said once)
    z = log_odds(counts_i, counts_j, prior, n_j=n_j, words=[w for w, k in counts_i.items() if k >= min_count])
    ranked = sorted(z.items(), key=lambda ws: (-ws[1], ws[0]))
    picked = [(w, s) for w, s in ranked if s >= z_min][:top]
    if not picked:  # nothing clears the bar: show the leaning words, flagged as not significant
        picked = [(w, s) for w, s in ranked if s >= LEANING_Z][:LEANING_TOP]
    return [
        {"word": w, "count": int(counts_i[w]), "z": round(s, 2), "significant": bool(s >= z_min)} for w, s in picked
    ]


def scaled_prior(background: Mapping[str, int], weight: float = PRIOR_WEIGHT) -> dict[str, float]:
    """The background counts scaled so that they add up to at most ``weight`` words."""
    n = sum(background.values())
    if n == 0:
        return {}
    scale = min(1.0, weight / n)
    return {w: k * scale for w, k in background.items()}


def opener(utterance_words: Sequence[str], text: str) -> str | None:
    """The opening word of an utterance, with ``,`` when a comma follows it in ``text`` ("Well,")."""
    if not utterance_words:
        return None
    first = utterance_words[0]
    stripped = text.lstrip(" \"'\u201c\u2018.\u2026-\u2014")
    head = stripped[: len(first) + 1].lower().replace("\u2019", "'")
    return first + "," if head == first + "," else first


def habitual_openers(
    openers: Sequence[str], *, min_count: int = 2, min_share: float = 0.10, top: int = 5
) -> list[dict[str, float | int | str]]:
    """Openers used at least ``min_count`` times and in ``min_share`` of utterances: ``[{"opener", "count", "share"}]``."""
    n = len(openers)
    if n == 0:
        return []
    counts = Counter(openers)
    rows = [(o, c) for o, c in counts.items() if c >= min_count and c / n >= min_share]
    rows.sort(key=lambda oc: (-oc[1], oc[0]))
    return [{"opener": o, "count": c, "share": round(c / n, 3)} for o, c in rows[:top]]
