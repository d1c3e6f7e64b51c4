"""Signature words a writer would recognise: a character's own content words and verbal habits, with the evidence.

The profile's signature words (:mod:`workshop.voice.metrics.distinctive`) are a statistician's list: in a short
scene they are mostly function words ("don't", "because", "for") that no writer would call a character's own.
Here a word is a character's signature when:

* it is a **content word** (not on the function-word, pronoun or common-verb lists of ``workshop/data/lexicons``,
  not a contraction, not a name of the cast, and not among the most common words of English: Zipf 5.5 or more,
  like "just", "sure", "get") — or a **habit word**, a filler on ``fillers.txt`` ("um", "uh");
* the character says it at least :data:`MIN_COUNT` times;
* everyone else together says it at most a third as often, per word spoken.

The evidence is the counts ("family (3 times, Bruce never)"). When no word qualifies, the list is empty and the
critique says nothing rather than something empty.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workshop.adapters.wordfreq_adapter import zipf
from workshop.compare.pairs import pieces_of
from workshop.voice.lexicons import lexicon, pronouns
from workshop.voice.profile import analyze_unit

MIN_COUNT = 2
COMMON_ZIPF = 5.5
"""Words at least this frequent in English (about one in every 3,000 words: "sure", "want", "just") are
nobody's signature."""


@dataclass(frozen=True)
class SignatureWord:
    word: str
    count: int
    others: dict[str, int]
    habit: bool = False

    def evidence(self) -> str:
        """"family (3 times, Bruce never)" (or "Bruce once", "Bruce 2 times")."""
        said = "once" if self.count == 1 else f"{self.count} times"
        rest = ", ".join(f"{name} {_times(n)}" for name, n in self.others.items())
        return f"{self.word} ({said}" + (f", {rest})" if rest else ")")


def _times(n: int) -> str:
    return "never" if n == 0 else "once" if n == 1 else f"{n} times"


def _excluded() -> frozenset[str]:

    words: set[str] = set(pronouns())
    for name in ("function_words", "verbs_common"):
        words |= set(lexicon(name).words)
    return frozenset(words)


_WORD = re.compile(r"[^\W\d_]+")


def as_written(word: str, lines: Sequence[str]) -> str:
    """``word`` (lower case) as the writer spells it in ``lines``: "Hulk" when it is always capitalised there,
    the lower-case form when it is ever written so."""
    forms = Counter(w for line in lines for w in _WORD.findall(line) if w.lower() == word)
    if not forms or word in forms:
        return word
    return forms.most_common(1)[0][0]


def words_of(lines: Sequence[str]) -> Counter[str]:
    """Every word a character says, lower case, counted as the profile counts them."""

    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(analyze_unit(tuple(pieces_of(line))).words)
    return counts


def signature_words(lines_by_name: Mapping[str, Sequence[str]], *, names: Sequence[str] = (), most: int = 5,
                    ) -> dict[str, list[SignatureWord]]:
    """Each character's signature words (see the module docstring), most said first, at most ``most``."""

    counts = {name: words_of(lines) for name, lines in lines_by_name.items()}
    totals = {name: sum(c.values()) for name, c in counts.items()}
    excluded = _excluded()
    fillers = lexicon("fillers")
    cast_words = {part.lower() for n in [*names, *lines_by_name] for part in n.split()}
    out: dict[str, list[SignatureWord]] = {}
    for name, mine in counts.items():
        found = []
        for word, n in mine.items():
            if n < MIN_COUNT or word in cast_words:
                continue
            is_habit = fillers.has_word(word)
            if not is_habit and (word in excluded or "'" in word or not word.isalpha() or len(word) < 3
                                 or zipf(word) >= COMMON_ZIPF):
                continue
            others = {o: counts[o][word] for o in counts if o != name}
            other_total = sum(totals[o] for o in others)
            if other_total and sum(others.values()) / other_total > (n / totals[name]) / 3:
                continue
            found.append(SignatureWord(as_written(word, lines_by_name[name]), n, others, is_habit))
        found.sort(key=lambda s: (-s.count, s.word.lower()))
        out[name] = found[:most]
    return out
