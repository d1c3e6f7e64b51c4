"""A small learned ranker that chooses who speaks an utterance without a named tag.

The rules of :mod:`workshop.attribution` run first. Then, for every utterance they could not pin to a named tag
(pronoun and descriptive tags, beats, vocatives, turn-taking, and the ones left unknown), this module lists the
characters who could be speaking (:func:`candidates`: the speakers of the exchange around it, the names in the
narration of its paragraph and the two before, those addressed in the lines before and after, the characters the
narration names most in the last 3000 characters, a first-person narrator), describes each with a few yes/no and
count features (:data:`FEATURES`), and scores them with one weight per feature. The probabilities are a softmax
over the candidates of the utterance (a conditional logit model).

- Answers the rules give with confidence 0.9 or more stay (:data:`SURE`): a title, a family word, the only woman.
- An utterance the rules left unknown gets a speaker only when the best candidate's probability reaches the
  threshold stored with the weights (0.5) and there are at least two candidates; otherwise it stays unknown.
- Two passes: the second looks again at the utterances whose neighbours changed speaker in the first, reading
  the first pass's answers as context (it was trained on such contexts).
- The confidence reported is the probability times the share of utterances whose right speaker was among the
  candidates on the tuning novels (:func:`confidence`); on the novels this tracks the share that is right.

The features only use what the engine itself found (the rules' speakers around the utterance, the names in the
narration, the tags and vocatives); never the annotation. The weights live in
``workshop/data/attribution/ranker.json`` and are rebuilt by ``scripts/train_attribution.py`` from the eight
tuning novels of ../shared/pdnc (never the four held out).
"""

from __future__ import annotations

import bisect
import json
import math
import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from workshop.attribution import _Engine
    from workshop.attribution_tags import Tag

CONTEXT = 6
"""How many utterances before and after (within one exchange) lend their speakers as candidates."""
NARRATION_PARAGRAPHS = 2
"""How many paragraphs before the utterance lend the names in their narration as candidates."""
RECENT_CANDIDATES = 3
"""The characters named most often in the narration of the last MENTION_WINDOW characters are candidates too."""
SURE = 0.9
"""Answers the rules give with this confidence or more stay: "the doctor" when one character is a doctor, "his
wife" through the family name, "she said" when the cast has one woman are as good as a name."""
RANKED_METHODS = ("pronoun", "descriptive", "beat", "vocative", "turn-taking", "none")
"""The methods whose choice the ranker may revise; named tags, scripts and "said a man" stay as the rules read them."""

FEATURES: tuple[str, ...] = (
    "rule",  # the rules chose this character
    "rule_conf",  # ... times the confidence the rules gave
    "rule_pronoun",  # ... by a pronoun tag
    "rule_descriptive",
    "rule_beat",
    "rule_vocative",
    "rule_turn",
    "prev1",  # spoke the utterance just before (same exchange)
    "prev1_direct",  # ... in the paragraph straight before, no narration between
    "prev1_bare",  # ... and this paragraph opens with the quote (no beat of its own)
    "prev2",
    "prev2_alt",  # spoke two before, and someone else spoke in between (A B ? -> A)
    "prev2_alt_sure",  # ... and both of those turns were named by tags (confidence 0.9 or more)
    "prev2_alt_pair",  # ... in an exchange of two speakers
    "prev3",
    "next1",
    "next1_explicit",  # named by a tag in the utterance just after
    "next2",
    "next2_alt",
    "next2_alt_sure",
    "next3",
    "addressed_prev",  # called by name in the utterance before: the listener answers
    "addressed_next",  # called by name in the utterance after
    "named_prev",  # named (not called) in the utterance before: spoken about
    "turns_since",  # 1 / (turns since the character last spoke in this exchange); 0 when they have not
    "turns_in_exchange",  # log(1 + turns the character speaks in this exchange)
    "addressed_here",  # called by name in this utterance: the listener, not the speaker
    "named_here",  # named in this utterance (spoken about)
    "pronoun_fits",  # the tag's pronoun ("she said") fits the character's
    "pronoun_clash",  # the tag's pronoun does not fit
    "pronoun_score",  # the rules' score for the pronoun or description (_Engine._candidates), clipped to [-3, 6] / 3
    "spoken_to_here",  # the narration of this line turns to this character ("said, turning to Lucy"): the listener
    "in_paragraph_before",  # named in the narration of this paragraph, before the quote
    "opens_paragraph",  # the paragraph begins with this character's name ("Bruce trailed off. ...")
    "subject_before",  # a sentence of the narration before the quote, in this paragraph, opens with the name
    "subject_previous",  # the last sentence-opening name of the narration paragraph just before
    "last_named",  # the last character named in the narration before the quote
    "in_paragraph_after",  # named in the narration of this paragraph, after the quote
    "in_previous_paragraph",  # named in the narration paragraph just before
    "subject_next",  # opens the narration paragraph just after (often the listener reacting)
    "recent_mentions",  # log(1 + mentions in the last 3000 characters of narration)
    "participant",  # speaks somewhere in this exchange
    "pair",  # ... and the exchange has exactly two speakers
    "frequency",  # log(1 + mentions in the whole text) / 5
    "narrator",  # the first-person narrator
)

MENTION_WINDOW = 3000
_AT = {name: i for i, name in enumerate(FEATURES)}
_RULE_FEATURES = {
    "pronoun": "rule_pronoun",
    "descriptive": "rule_descriptive",
    "beat": "rule_beat",
    "vocative": "rule_vocative",
    "turn-taking": "rule_turn",
}


@dataclass(frozen=True)
class Weights:
    names: tuple[str, ...]
    values: tuple[float, ...]
    threshold: float
    """Below this probability an utterance the rules left unknown stays unknown."""
    coverage: float = 1.0
    """The share of utterances (tuning novels) whose right speaker was among the candidates: the probability of
    being right is the softmax probability times this (see :func:`confidence`)."""


def confidence(probability: float, weights: Weights) -> float:
    """The confidence to report for a choice: right only if the speaker is among the candidates (coverage) and
    then the one picked (the softmax probability, which assumes the speaker is among them)."""
    return round(probability * weights.coverage, 3)


@lru_cache(maxsize=1)
def load_weights() -> tuple[Weights, ...]:
    """The shipped weights, one set per pass; none when the file is missing or was trained on another feature
    list (then the rules' answers stand)."""
    try:
        raw = resources.files("workshop").joinpath("data", "attribution", "ranker.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return ()
    data = json.loads(raw)
    out = []
    for one in data.get("passes", []):
        weights = one.get("weights", {})
        if set(weights) != set(FEATURES):
            return ()
        out.append(
            Weights(
                FEATURES,
                tuple(float(weights[n]) for n in FEATURES),
                float(one.get("threshold", 0.0)),
                float(one.get("coverage", 1.0)),
            )
        )
    return tuple(out)


def softmax(scores: list[float]) -> list[float]:
    """exp(s) / sum(exp(s)), computed without overflow."""
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def score(rows: list[list[float]], weights: Weights) -> list[float]:
    """The probability of each candidate (one row of features each)."""
    return softmax([sum(map(operator.mul, weights.values, row)) for row in rows])


def links(engine: _Engine) -> list[bool]:
    """For each utterance, whether it belongs to the exchange of the one before (see ``_Engine._linked``)."""
    groups = engine.groups
    return [k > 0 and engine._linked(groups[k - 1], groups[k]) for k in range(len(groups))]


def _bounds(engine: _Engine, linked: list[bool] | None) -> tuple[list[int], list[int]]:
    """For every utterance, the first and last utterance of the exchange around it, at most CONTEXT away: found
    in one sweep per engine (and ``linked``) instead of one walk per utterance and pass."""
    cached = engine.rank_cache.get("bounds")
    if cached is not None and (linked is None or cached[0] is linked):
        return cached[1], cached[2]
    if linked is None:
        linked = links(engine)
    n = len(linked)
    first = [0] * n  # the first utterance of the whole exchange
    for k in range(1, n):
        first[k] = first[k - 1] if linked[k] else k
    last = [0] * n
    for k in range(n - 1, -1, -1):
        last[k] = last[k + 1] if k + 1 < n and linked[k + 1] else k
    lo = [max(f, k - CONTEXT) for k, f in enumerate(first)]
    hi = [min(e, k + CONTEXT) for k, e in enumerate(last)]
    engine.rank_cache["bounds"] = (linked, lo, hi)
    return lo, hi


def _exchange(engine: _Engine, k: int, linked: list[bool] | None = None) -> tuple[int, int]:
    """The first and last utterance of the exchange around ``k``, at most CONTEXT away."""
    lo, hi = _bounds(engine, linked)
    return lo[k], hi[k]


def _tag(engine: _Engine, k: int):
    """The first pronoun or descriptive tag of utterance ``k``, or None."""
    for _, tag in engine.groups[k].tags:
        if tag.kind in ("pronoun", "descriptive") and tag.pronoun not in ("they", "we"):
            return tag
    return None


@dataclass(slots=True)
class _Narration:
    """What the narration around an utterance says, the same in every pass (cached in ``engine.rank_cache``)."""

    names: dict[str, None]  # candidates from the narration, the pronoun tag and the narrator, in order
    tag: Tag | None  # the utterance's pronoun or descriptive tag
    bare: bool  # the paragraph opens with the quote (no beat of its own)
    cells: dict[tuple[str, int], float]
    """(name, feature column): value, for the features that hold whoever speaks around the utterance (the
    narration, the tag's scores, who is called or named in this line and the lines beside it)"""
    near: tuple[str, ...]  # called by name in the lines just before and after (candidates)


class _Mentions:
    """The characters the narration names (one name per mention), read once per engine: by paragraph, and in a
    sliding window of the MENTION_WINDOW characters before a position. The utterances are read in text order, so
    each mention enters and leaves the window's count once instead of being counted again for every utterance
    whose window holds it; the narration windows of neighbouring utterances overlap, so each paragraph's names
    are listed once."""

    def __init__(self, engine: _Engine) -> None:
        self.singles = [(m.start, m.names[0]) for m in engine.narr if len(m.names) == 1]
        # (position, name) per paragraph
        self.by_paragraph: dict[int, list[tuple[int, str]]] = {}
        paragraphs, para_starts = engine.paragraphs, engine.para_starts
        for one in self.singles:
            p = bisect.bisect_right(para_starts, one[0]) - 1
            if p >= 0 and one[0] < paragraphs[p].end:
                self.by_paragraph.setdefault(p, []).append(one)
        self._reset()

    def _reset(self) -> None:
        self.pos = -1
        self.lo = self.hi = 0  # the window is singles[lo:hi]
        self.counts: dict[str, int] = {}
        self.latest: dict[str, int] = {}  # the position of each name's last mention in the window
        self.answer: tuple[dict[tuple[str, int], float], str | None, dict[str, None]] | None = None

    def at(self, pos: int) -> tuple[dict[tuple[str, int], float], str | None, dict[str, None]]:
        """In the window before ``pos``: (the recent_mentions cell of each name named, the last name named, the
        RECENT_CANDIDATES names named most: ties go to the one named last). The answer is shared with the
        positions before whose window held the same mentions (the lines of a dialogue without narration between
        them): do not change it."""
        if pos < self.pos:
            self._reset()
        self.pos = pos
        window = (self.lo, self.hi)
        singles, counts, latest = self.singles, self.counts, self.latest
        while self.hi < len(singles) and singles[self.hi][0] < pos:
            start, name = singles[self.hi]
            counts[name] = counts.get(name, 0) + 1
            latest[name] = start
            self.hi += 1
        while self.lo < self.hi and pos - singles[self.lo][0] >= MENTION_WINDOW:
            name = singles[self.lo][1]
            left = counts[name] - 1
            if left:
                counts[name] = left
            else:
                del counts[name], latest[name]
            self.lo += 1
        if self.answer is not None and window == (self.lo, self.hi):
            return self.answer
        last_named = singles[self.hi - 1][1] if self.hi > self.lo else None
        # counts and latest hold the same names in the same order (added and removed together); the positions
        # differ, so the count breaks ties and then the later mention, as when counting backwards from ``pos``
        top = sorted(zip(counts.values(), latest.values(), counts), reverse=True)[:RECENT_CANDIDATES]
        recent = {(n, _RECENT_MENTIONS): _log1p(count) for n, count in counts.items()}
        self.answer = (recent, last_named, dict.fromkeys(n for _, _, n in top))
        return self.answer


_LOG1P = tuple(math.log1p(i) for i in range(64))


def _log1p(count: int) -> float:
    """log(1 + count), looked up for small counts."""
    return _LOG1P[count] if count < 64 else math.log1p(count)


def _narration(engine: _Engine, k: int, linked: list[bool] | None) -> _Narration:
    g = engine.groups[k]
    text = engine.text
    here = g.paragraph
    para = engine.paragraphs[here]
    first = engine.spans[g.members[0]].start
    last_here = max((engine.spans[i].end for i in g.members if engine.spans[i].paragraph == here))
    pool: dict[str, None] = {}
    cells: dict[tuple[str, int], float] = {}
    mentions = engine.rank_cache.get("mentions")
    if mentions is None:
        mentions = engine.rank_cache["mentions"] = _Mentions(engine)
    by_paragraph = mentions.by_paragraph
    # names in the narration: the paragraphs just before, then this one
    for p in range(max(0, here - NARRATION_PARAGRAPHS), here):
        for _, n in by_paragraph.get(p, ()):
            pool[n] = None
    if here > 0 and (here - 1) not in engine.quote_paragraphs:
        start_before = engine.paragraphs[here - 1].start
        previous_subject = None
        for start, n in by_paragraph.get(here - 1, ()):
            cells[n, _IN_PREVIOUS_PARAGRAPH] = 1.0
            if _opens_sentence(text, start_before, start):
                previous_subject = n
        if previous_subject is not None:
            cells[previous_subject, _SUBJECT_PREVIOUS] = 1.0
    named_here = by_paragraph.get(here, [])
    after_too = last_here < para.end  # narration follows the quote in its paragraph
    for start, n in named_here:
        pool[n] = None
        if _TURNS_TO.search(text, max(para.start, start - 16), start):
            cells[n, _SPOKEN_TO_HERE] = 1.0
        if start < first:
            cells[n, _IN_PARAGRAPH_BEFORE] = 1.0
            if _opens_sentence(text, para.start, start):
                cells[n, _SUBJECT_BEFORE] = 1.0
        elif after_too:
            cells[n, _IN_PARAGRAPH_AFTER] = 1.0
    if named_here and named_here[0][0] == para.start:
        cells[named_here[0][1], _OPENS_PARAGRAPH] = 1.0
    for n in g.pronoun_scores:
        pool[n] = None
    # recent narration mentions before the quote; the characters the narration names most in the last few pages
    recent, last_named, top = mentions.at(first)
    if last_named is not None:
        cells[last_named, _LAST_NAMED] = 1.0
    cells.update(recent)
    pool.update(top)
    # and a first-person narrator
    if engine.index.narrator:
        pool[engine.index.narrator] = None
    after = g.last_paragraph + 1
    if after < len(engine.paragraphs) and after not in engine.quote_paragraphs:
        start_after = engine.paragraphs[after].start
        for start, n in by_paragraph.get(after, ()):
            if start >= start_after + 200:
                break
            if _opens_sentence(text, start_after, start):
                cells[n, _SUBJECT_NEXT] = 1.0
                break
    # what the line and the lines beside it (in its exchange) say of the characters
    los, his = _bounds(engine, linked)
    prev = engine.groups[k - 1] if k - 1 >= los[k] else None
    nxt = engine.groups[k + 1] if k + 1 <= his[k] else None
    near: dict[str, None] = {}
    if prev is not None:
        near.update(dict.fromkeys(sorted(prev.addressees)))
        for c in prev.addressees:
            cells[c, _ADDRESSED_PREV] = 1.0
        for c in prev.mentioned:
            cells[c, _NAMED_PREV] = 1.0
    if nxt is not None:
        near.update(dict.fromkeys(sorted(nxt.addressees)))
        for c in nxt.addressees:
            cells[c, _ADDRESSED_NEXT] = 1.0
    for c in g.addressees:
        cells[c, _ADDRESSED_HERE] = 1.0
    for c in g.mentioned:
        cells[c, _NAMED_HERE] = 1.0
    for c, value in g.pronoun_scores.items():
        cells[c, _PRONOUN_SCORE] = max(-3.0, min(6.0, value)) / 3
    return _Narration(
        near=tuple(near),
        names=pool,
        tag=_tag(engine, k),
        bare=not text[para.start : first].strip(" \n\"'“‘"),
        cells=cells,
    )


# the column of each feature (the rows are filled by column number)
_RULE = _AT["rule"]
_RULE_CONF = _AT["rule_conf"]
_PREV1 = _AT["prev1"]
_PREV1_DIRECT = _AT["prev1_direct"]
_PREV1_BARE = _AT["prev1_bare"]
_PREV2 = _AT["prev2"]
_PREV2_ALT = _AT["prev2_alt"]
_PREV2_ALT_SURE = _AT["prev2_alt_sure"]
_PREV2_ALT_PAIR = _AT["prev2_alt_pair"]
_PREV3 = _AT["prev3"]
_NEXT1 = _AT["next1"]
_NEXT1_EXPLICIT = _AT["next1_explicit"]
_NEXT2 = _AT["next2"]
_NEXT2_ALT = _AT["next2_alt"]
_NEXT2_ALT_SURE = _AT["next2_alt_sure"]
_NEXT3 = _AT["next3"]
_ADDRESSED_PREV = _AT["addressed_prev"]
_ADDRESSED_NEXT = _AT["addressed_next"]
_NAMED_PREV = _AT["named_prev"]
_TURNS_SINCE = _AT["turns_since"]
_TURNS_IN_EXCHANGE = _AT["turns_in_exchange"]
_ADDRESSED_HERE = _AT["addressed_here"]
_NAMED_HERE = _AT["named_here"]
_PRONOUN_FITS = _AT["pronoun_fits"]
_PRONOUN_CLASH = _AT["pronoun_clash"]
_PRONOUN_SCORE = _AT["pronoun_score"]
_SPOKEN_TO_HERE = _AT["spoken_to_here"]
_IN_PARAGRAPH_BEFORE = _AT["in_paragraph_before"]
_OPENS_PARAGRAPH = _AT["opens_paragraph"]
_SUBJECT_BEFORE = _AT["subject_before"]
_SUBJECT_PREVIOUS = _AT["subject_previous"]
_LAST_NAMED = _AT["last_named"]
_IN_PARAGRAPH_AFTER = _AT["in_paragraph_after"]
_IN_PREVIOUS_PARAGRAPH = _AT["in_previous_paragraph"]
_SUBJECT_NEXT = _AT["subject_next"]
_RECENT_MENTIONS = _AT["recent_mentions"]
_PARTICIPANT = _AT["participant"]
_PAIR = _AT["pair"]
_FREQUENCY = _AT["frequency"]
_NARRATOR = _AT["narrator"]
_RULE_COLUMNS = {method: _AT[feature] for method, feature in _RULE_FEATURES.items()}


def _cells(
    engine: _Engine,
    k: int,
    speakers: list[str | None],
    linked: list[bool] | None,
    weights: Weights | None = None,
    static: dict[str | None, dict[str, float]] | None = None,
) -> tuple[list[str], list]:
    """The candidates of utterance ``k`` and, for each, its feature row (in the order of :data:`FEATURES`) or,
    when ``weights`` are given, its score (the sum of the weights of its features times their values; ``static``
    is :func:`static_scores` for these weights).

    Only the features that hold are written, role by role (the speaker two turns back, the one called by name,
    ...): far fewer steps than asking every question of every candidate. When scoring, the features of the
    character alone are scored once per pass (:func:`static_scores`)."""
    groups = engine.groups
    g = groups[k]
    los, his = _bounds(engine, linked)
    lo, hi = los[k], his[k]
    narrator = engine.index.narrator
    facts = engine.rank_cache.get(k)
    if facts is None:
        facts = engine.rank_cache[k] = _narration(engine, k, linked)

    rule = speakers[k]
    here = k - lo
    pool: dict[str, None] = {}
    if rule:
        pool[rule] = None
    turns: dict[str, int] = {}
    last_turn: dict[str, int] = {}
    for j, who in enumerate(speakers[lo : hi + 1]):
        if who and j != here:
            pool[who] = None
            turns[who] = turns.get(who, 0) + 1
            if j < here:
                last_turn[who] = j
    pool.update(dict.fromkeys(facts.near))
    pool.update(facts.names)
    names = list(pool)
    at = dict(zip(names, range(len(names))))
    out: list
    if weights is None:
        out = [[0.0] * len(FEATURES) for _ in names]

        def put(c: str | None, column: int, value: float = 1.0) -> None:
            i = at.get(c)  # type: ignore[arg-type]
            if i is not None:
                out[i][column] = value

    else:
        out = [0.0] * len(names)
        w = weights.values

        def put(c: str | None, column: int, value: float = 1.0) -> None:
            i = at.get(c)  # type: ignore[arg-type]
            if i is not None:
                out[i] += w[column] * value

    participants = set(turns)
    if narrator and participants:
        participants.add(narrator)

    def spk(j: int) -> str | None:
        return speakers[j] if lo <= j <= hi else None

    p1, p2, p3, n1, n2, n3 = spk(k - 1), spk(k - 2), spk(k - 3), spk(k + 1), spk(k + 2), spk(k + 3)
    if rule is not None:
        put(rule, _RULE)
        put(rule, _RULE_CONF, g.confidence)
        column = _RULE_COLUMNS.get(g.method)
        if column is not None:
            put(rule, column)
    put(p1, _PREV1)
    if k - 1 >= lo and g.paragraph - groups[k - 1].last_paragraph == 1:
        put(p1, _PREV1_DIRECT)
        if facts.bare:
            put(p1, _PREV1_BARE)
    put(p2, _PREV2)
    if p1 is not None and p1 != p2:
        put(p2, _PREV2_ALT)
        if k - 2 >= lo and min(groups[k - 1].confidence, groups[k - 2].confidence) >= SURE:
            put(p2, _PREV2_ALT_SURE)
        if len(participants) == 2:
            put(p2, _PREV2_ALT_PAIR)
    put(p3, _PREV3)
    put(n1, _NEXT1)
    if k + 1 <= hi and groups[k + 1].method in ("explicit", "script"):
        put(n1, _NEXT1_EXPLICIT)
    put(n2, _NEXT2)
    if n1 is not None and n1 != n2:
        put(n2, _NEXT2_ALT)
        if k + 2 <= hi and min(groups[k + 1].confidence, groups[k + 2].confidence) >= SURE:
            put(n2, _NEXT2_ALT_SURE)
    put(n3, _NEXT3)
    for c, j in last_turn.items():
        put(c, _TURNS_SINCE, 1 / (here - j))
    for c, count in turns.items():
        put(c, _TURNS_IN_EXCHANGE, math.log1p(count))
    for c in participants:
        put(c, _PARTICIPANT)
        if len(participants) == 2:
            put(c, _PAIR)
    tag = facts.tag
    pronoun = tag.pronoun if tag is not None and tag.pronoun in ("he", "she") else None
    if weights is not None:
        w = weights.values
        for (c, column), value in facts.cells.items():
            i = at.get(c)
            if i is not None:
                out[i] += w[column] * value
        own = (static or static_scores(engine, weights))[pronoun]
        for i, c in enumerate(names):
            out[i] += own.get(c, 0.0)
    else:
        for (c, column), value in facts.cells.items():
            put(c, column, value)
        for c in names:
            for column, value in _character_cells(engine, c, pronoun):
                put(c, column, value)
    return names, out


def _character_cells(engine: _Engine, c: str, pronoun: str | None) -> list[tuple[int, float]]:
    """The features of character ``c`` alone (how often the text names them, being the narrator, whether the
    tag's pronoun fits them): (column, value) pairs."""
    out = []
    frequency = math.log1p(engine.frequency.get(c, 0)) / 5
    if frequency:
        out.append((_FREQUENCY, frequency))
    narrator = c == engine.index.narrator
    if narrator:
        out.append((_NARRATOR, 1.0))
    if pronoun is not None:
        pron = engine.pronoun.get(c)
        if pron == pronoun:
            out.append((_PRONOUN_FITS, 1.0))
        if (pron is not None and pron != pronoun) or narrator:
            out.append((_PRONOUN_CLASH, 1.0))
    return out


def static_scores(engine: _Engine, weights: Weights) -> dict[str | None, dict[str, float]]:
    """The score each character gets from :func:`_character_cells`, by the pronoun of the tag (None, "he",
    "she"): the same for all their candidacies in a pass."""
    values = weights.values
    names = set(engine.frequency) | set(engine.pronoun) | ({engine.index.narrator} if engine.index.narrator else set())
    return {
        pronoun: {c: sum(values[col] * v for col, v in _character_cells(engine, c, pronoun)) for c in names}
        for pronoun in (None, "he", "she")
    }


def candidates(
    engine: _Engine, k: int, speakers: list[str | None], linked: list[bool] | None = None
) -> tuple[list[str], list[list]]:
    """The characters who may speak utterance ``k`` and their features (rows in the order of :data:`FEATURES`).

    ``speakers`` are the rules' speakers of every utterance (the context the features read); ``linked`` is
    :func:`links` (computed when not given)."""
    return _cells(engine, k, speakers, linked)


def rank(
    engine: _Engine, weights: Weights, only: set[int] | None = None, linked: list[bool] | None = None
) -> list[tuple[int, str, float, list[float] | None]]:
    """One pass of the ranker over the rankable utterances (those in ``only`` when given), reading the speakers
    as they stand: (utterance, the likeliest candidate, its probability, its feature row when it is not the rules'
    answer, else None) for every utterance that gets a speaker. The softmax of every utterance is taken at once
    with numpy. An utterance the rules left unknown keeps no speaker when the best probability is below the
    threshold or there is only one candidate (whose probability of 1 says nothing)."""
    groups = engine.groups
    speakers = [g.speaker for g in groups]
    scores: list[float] = []
    entries: list[tuple[int, list[str], int]] = []
    static = static_scores(engine, weights)
    for k in range(len(groups)) if only is None else sorted(only):
        if not rankable(engine, k, linked):
            continue
        names, values = _cells(engine, k, speakers, linked, weights, static)
        if names:
            entries.append((k, names, len(scores)))
            scores.extend(values)
    if not entries:
        return []
    flat = np.array(scores)
    starts = np.fromiter((b for _, _, b in entries), dtype=np.intp, count=len(entries))
    sizes = np.diff(np.append(starts, len(scores)))
    top = np.repeat(np.maximum.reduceat(flat, starts), sizes)
    totals = np.add.reduceat(np.exp(flat - top), starts)
    # the first candidate of each utterance with the top score (as max() would pick)
    at_top = np.flatnonzero(flat == top)
    _, first = np.unique(np.searchsorted(starts, at_top, side="right") - 1, return_index=True)
    out = []
    for (k, names, b), i, total in zip(entries, at_top[first].tolist(), totals.tolist()):
        probability = 1.0 / total
        name = names[i - b]
        if speakers[k] is None and (probability < weights.threshold or len(names) < 2):
            continue
        row = None if name == speakers[k] else _cells(engine, k, speakers, linked)[1][i - b]
        out.append((k, name, probability, row))
    return out


_TURNS_TO = re.compile(r"\b(?:to|towards|toward|at|addressing|asked|told|answered|upon)\s+(?:the\s+)?$")
_SENTENCE_END = re.compile(r"[.!?;]['’\"”)]?\s+$")


def _opens_sentence(text: str, start: int, pos: int) -> bool:
    """Whether the name at ``pos`` opens a sentence of the narration that starts at ``start``."""
    return pos == start or _SENTENCE_END.search(text, max(start, pos - 4), pos) is not None


def context_changed(engine: _Engine, before: list[str | None], linked: list[bool] | None = None) -> set[int]:
    """The utterances whose neighbours (up to three turns away, in the same exchange) changed speaker since
    ``before``: the ones a further pass looks at again."""
    if linked is None:
        linked = links(engine)
    out: set[int] = set()
    for j, g in enumerate(engine.groups):
        if g.speaker == before[j]:
            continue
        lo, hi = _exchange(engine, j, linked)
        out.update(k for k in range(max(lo, j - 3), min(hi, j + 3) + 1) if k != j)
    return out


def rankable(engine: _Engine, k: int, linked: list[bool] | None = None) -> bool:
    """Whether the ranker may choose the speaker of utterance ``k``."""
    g = engine.groups[k]
    if g.outsider or g.method not in RANKED_METHODS or g.confidence >= SURE:
        return False
    if g.speaker is None and _tag(engine, k) is None:
        # an utterance the rules left unknown, with no tag: only an exchange around it can give it a speaker (a
        # line after a long stretch of narration stays unknown)
        lo, hi = _exchange(engine, k, linked)
        return lo < hi
    return True


def tag_kind(engine: _Engine, k: int) -> str | None:
    """"pronoun" or "descriptive" when utterance ``k`` has such a tag, else None."""
    tag = _tag(engine, k)
    return tag.kind if tag is not None else None


def method_for(row: list[float], tag: str | None = None) -> str:
    """The method to show a writer for a candidate the ranker chose over the rules: the strongest evidence it has
    (``tag``: the kind of the utterance's pronoun or descriptive tag, if any)."""
    f = dict(zip(FEATURES, row))
    if tag is not None and not f["pronoun_clash"]:
        return tag
    if f["addressed_prev"]:
        return "vocative"
    if f["in_paragraph_before"] or f["in_paragraph_after"]:
        return "beat"
    return "turn-taking"
