"""Word choice: lexical diversity, word length and rarity, and the lexicon-based rates.

* MTLD (McCarthy & Jarvis 2010): walk through the words keeping the type-token ratio of the stretch so far;
  each time it falls to 0.72 a "factor" is complete and a new stretch starts; the leftover counts as a part
  factor ((1 - TTR) / (1 - 0.72)). MTLD = words / factors, averaged over a forward and a backward pass.
  Roughly: how many words a speaker goes before starting to repeat themselves. Needs about 100 words. Above
  50,000 words (a novel's narration) only the forward pass is made.
* HD-D (McCarthy & Jarvis 2007): for each word type, the chance that it turns up in a random draw of 42 words
  (hypergeometric); HD-D is the sum of those chances divided by 42, a type-token ratio that does not depend on
  length. With fewer than 42 words the draw is the whole text (then it equals the type-token ratio).
* Type-token ratio: distinct words / words. It falls as a text grows, so compare it only between samples of
  the same length.
* Word length: mean letters per word. Rarity: wordfreq's Zipf scale (see
  :mod:`workshop.adapters.wordfreq_adapter`), the mean over words wordfreq knows, and the share of words below
  Zipf 3 (rarer than once in a million words, unknown words included).
* Lexicon rates (hedges, intensifiers, certainty, profanity, pronouns, address, contractions): per 100 words,
  from the lists in ``workshop/data/lexicons``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

NAN = float("nan")
MTLD_THRESHOLD = 0.72
HDD_SAMPLE = 42
ONE_PASS_ABOVE = 50_000
"""Above this many words MTLD uses the forward pass only: on Pride and Prejudice (122k words) the two passes
differ by 0.3%, and the backward pass would cost as much again on a novel."""


def _mtld_pass(words: Sequence[str], threshold: float) -> float:
    factors = 0.0
    seen: set[str] = set()
    add = seen.add  # (bound once: this loop runs over every word of a novel)
    count = types = 0
    for w in words:
        count += 1
        if w in seen:
            # Only a repeated word lowers the stretch's type-token ratio, so only then can it reach the threshold.
            if types <= threshold * count:
                factors += 1.0
                seen = set()
                add = seen.add
                count = types = 0
        else:
            add(w)
            types += 1
    if count:
        factors += (1.0 - types / count) / (1.0 - threshold)
    if factors == 0:
        return NAN
    return len(words) / factors


def mtld(words: Sequence[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of textual lexical diversity (mean of the forward and backward passes); NaN for no words, and
    NaN when no factor is ever completed or begun (every word different and no remainder cannot happen for a
    non-empty text, but all-distinct text gives a part factor of 0: then MTLD is undefined)."""
    if not words:
        return NAN
    fwd = _mtld_pass(words, threshold)
    if len(words) > ONE_PASS_ABOVE:
        return fwd
    bwd = _mtld_pass(words[::-1], threshold)
    if math.isnan(fwd) or math.isnan(bwd):
        return NAN
    return (fwd + bwd) / 2.0


def _log_comb(n: int, k: int) -> float:
    if k < 0 or k > n:
        return -math.inf
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def hdd(counts: Counter[str] | dict[str, int], sample: int = HDD_SAMPLE) -> float:
    """HD-D as a ratio in [0, 1] (see the module docstring); NaN for no words."""
    n = sum(counts.values())
    if n == 0:
        return NAN
    draw = min(sample, n)
    total = 0.0
    denom = _log_comb(n, draw)
    # The chance depends only on how often a type occurs, and most types share a count (half of a novel's
    # words occur once): work it out once per count. Same sum, in the same order, so the same result.
    present_by_count: dict[int, float] = {}
    for k in counts.values():
        present = present_by_count.get(k)
        if present is None:
            # chance the type is absent from the draw: C(n - k, draw) / C(n, draw)
            p_absent = math.exp(_log_comb(n - k, draw) - denom) if n - k >= draw else 0.0
            present = present_by_count[k] = 1.0 - p_absent
        total += present
    return total / draw


def ttr(counts: Counter[str] | dict[str, int]) -> float:
    n = sum(counts.values())
    return len(counts) / n if n else NAN
