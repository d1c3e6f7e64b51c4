"""A small learned ranker that chooses who speaks an utterance without a named tag.

The rules of :mod:`workshop.speakers.attribution` run first. Then, for every utterance they could not pin to a named tag
(pronoun and descriptive tags, beats, vocatives, turn-taking, and the ones left unknown), this module lists the
characters who could be speaking (:func:`candidates`: the speakers of the exchange around it, the names in the
narration of its paragraph and the two before, those addressed in the lines before and after, the characters the
narration names most in the last 3000 characters, a first-person narrator), describes each with a few yes/no and
count features (:data:`FEATURES`), and scores them with one weight per feature. The probabilities are a softmax
over the candidates of the utterance (a conditional logit model).

What the narration says around an utterance is read once (it is the same in every pass); the features of the
speakers around it are computed for all candidates of a pass at once with numpy, one column at a time
(:func:`_matrix`), and scored with one matrix product.

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
    from workshop.speakers.attribution import _Engine
    from workshop.speakers.tags import Tag

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
    coverage_found: float = 1.0
    """The same share when the kit found the cast itself (scenes of the tuning novels read without their cast
    file): a speaker discovery missed is never a candidate, so the probabilities are scaled down more."""


def confidence(probability: float, weights: Weights, found: bool = False) -> float:
    """The confidence to report for a choice: right only if the speaker is among the candidates (coverage, or
    coverage_found when the kit ``found`` the cast itself) and then the one picked (the softmax probability,
    which assumes the speaker is among them)."""
    return round(probability * (weights.coverage_found if found else weights.coverage), 3)


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
                float(one.get("coverage_found", one.get("coverage", 1.0))),
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
    near: tuple[str, ...]  # called by name in the lines just before and after (candidates)
    # the features that hold whoever speaks around the utterance (the narration, the tag's scores, who is called
    # or named in this line and the lines beside it), as cells: character (see _ids), feature column, value
    cell_ids: list[int]
    cell_columns: list[int]
    cell_values: list[float]


class _Mentions:
    """The characters the narration names (one name per mention), read once per engine: by paragraph (the
    narration windows of neighbouring utterances overlap, so each paragraph's names are listed once), and in the
    MENTION_WINDOW characters before a position."""

    def __init__(self, engine: _Engine) -> None:
        self.ids = _ids(engine)
        singles = [(m.start, m.names[0]) for m in engine.narr if len(m.names) == 1]
        self.starts = [start for start, _ in singles]
        self.names = [name for _, name in singles]
        # (position, name) per paragraph
        self.by_paragraph: dict[int, list[tuple[int, str]]] = {}
        paragraphs, para_starts = engine.paragraphs, engine.para_starts
        for one in singles:
            p = bisect.bisect_right(para_starts, one[0]) - 1
            if p >= 0 and one[0] < paragraphs[p].end:
                self.by_paragraph.setdefault(p, []).append(one)
        self.window = (-1, -1)
        self.answer: tuple[tuple[list[int], list[float]], str | None, dict[str, None]] = (([], []), None, {})

    def at(self, pos: int) -> tuple[tuple[list[int], list[float]], str | None, dict[str, None]]:
        """In the window before ``pos``: (the names named (as numbers, see _ids) with the recent_mentions value
        of each, the last name named, the RECENT_CANDIDATES names named most: ties go to the one named last). The
        answer is shared with the position asked before when its window held the same mentions (the lines of a
        dialogue without narration between them): do not change it."""
        lo = bisect.bisect_right(self.starts, pos - MENTION_WINDOW)
        hi = bisect.bisect_left(self.starts, pos)
        if (lo, hi) == self.window:
            return self.answer
        self.window = (lo, hi)
        named = self.names[lo:hi]
        counts: dict[str, int] = {}
        for name in named:
            counts[name] = counts.get(name, 0) + 1
        # the same names in the same order as counts (first mention first), with the index of their last mention:
        # the count breaks ties and then the later mention, as when counting backwards from ``pos``
        latest = dict(zip(named, range(lo, hi)))
        top = sorted(zip(counts.values(), latest.values(), counts), reverse=True)[:RECENT_CANDIDATES]
        ids = self.ids
        recent = ([ids.setdefault(n, len(ids)) for n in counts], list(map(_log1p, counts.values())))
        self.answer = (recent, named[-1] if named else None, dict.fromkeys([n for _, _, n in top]))
        return self.answer


_LOG1P = tuple(math.log1p(i) for i in range(64))


def _log1p(count: int) -> float:
    """log(1 + count), looked up for small counts."""
    return _LOG1P[count] if count < 64 else math.log1p(count)


def _narration(engine: _Engine, k: int, lo: int, hi: int) -> _Narration:
    """What the narration around utterance ``k`` says (``lo``, ``hi``: its exchange, see :func:`_exchange`)."""
    g = engine.groups[k]
    text = engine.text
    here = g.paragraph
    para = engine.paragraphs[here]
    first = engine.spans[g.members[0]].start
    spans = engine.spans
    if len(g.members) == 1:
        last_here = spans[g.members[0]].end
    else:
        last_here = max(spans[i].end for i in g.members if spans[i].paragraph == here)
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
    pool.update(top)
    if last_named is None:
        # nobody named before it (a scene that opens on this talk): the ones its narration names after it, to the
        # end of the exchange and the paragraph after, may be speaking
        end_paragraph = engine.groups[hi].last_paragraph + 1
        for p in range(here + 1, min(end_paragraph, len(engine.paragraphs) - 1) + 1):
            for _, n in by_paragraph.get(p, ()):
                pool[n] = None
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
    prev = engine.groups[k - 1] if k - 1 >= lo else None
    nxt = engine.groups[k + 1] if k + 1 <= hi else None
    near: dict[str, None] = {}
    if prev is not None:
        near.update(dict.fromkeys(sorted(prev.addressees)))
        for c in sorted(prev.addressees):
            cells[c, _ADDRESSED_PREV] = 1.0
        for c in sorted(prev.mentioned):
            cells[c, _NAMED_PREV] = 1.0
    if nxt is not None:
        near.update(dict.fromkeys(sorted(nxt.addressees)))
        for c in sorted(nxt.addressees):
            cells[c, _ADDRESSED_NEXT] = 1.0
    for c in sorted(g.addressees):
        cells[c, _ADDRESSED_HERE] = 1.0
    for c in sorted(g.mentioned):
        cells[c, _NAMED_HERE] = 1.0
    for c, value in g.pronoun_scores.items():
        cells[c, _PRONOUN_SCORE] = max(-3.0, min(6.0, value)) / 3
    ids = mentions.ids
    recent_ids, recent_values = recent
    return _Narration(
        near=tuple(near),
        names=pool,
        tag=_tag(engine, k),
        bare=not text[para.start : first].strip(" \n\"'“‘"),
        cell_ids=[ids.setdefault(c, len(ids)) for c, _ in cells] + recent_ids,
        cell_columns=[column for _, column in cells] + [_RECENT_MENTIONS] * len(recent_ids),
        cell_values=list(cells.values()) + recent_values,
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


def _ids(engine: _Engine) -> dict[str, int]:
    """A number for every character name the ranker meets (the columns of its arrays), kept per engine."""
    ids = engine.rank_cache.get("ids")
    if ids is None:
        ids = engine.rank_cache["ids"] = {}
        for name in engine.pronoun:
            ids.setdefault(name, len(ids))
    return ids


def _matrix(
    engine: _Engine, ks: list[int], speakers: list[str | None], linked: list[bool] | None
) -> tuple[list[tuple[int, list[str], int]], np.ndarray]:
    """The candidates of the utterances ``ks`` and their features: (utterance, candidates, its first row) for
    each utterance with candidates, and one row per candidate (in the order of :data:`FEATURES`).

    ``speakers`` are the speakers of every utterance as they stand (the context the features read). The
    candidates are listed utterance by utterance; the features are then computed for all of them at once with
    numpy (a comparison of whole columns per feature instead of questions asked of each candidate)."""
    groups = engine.groups
    los, his = _bounds(engine, linked)
    ids = _ids(engine)
    entries: list[tuple[int, list[str], int]] = []
    row_ids: list[int] = []  # the character of each row
    slot_sizes: list[int] = []
    bare: list[bool] = []
    tag_pronoun: list[str | None] = []
    cell_slots: list[int] = []
    cell_ids: list[int] = []
    cell_columns: list[int] = []
    cell_values: list[float] = []
    for k in ks:
        facts = engine.rank_cache.get(k)
        if facts is None:
            facts = engine.rank_cache[k] = _narration(engine, k, los[k], his[k])
        # the pool: the rules' answer, the speakers of the exchange, those called in the lines beside it, the names
        # of the narration (in this order: the first of equal candidates wins)
        pool: dict[str | None, None] = {speakers[k]: None}
        pool.update(dict.fromkeys(speakers[los[k] : his[k] + 1]))
        pool.pop(None, None)
        pool.update(dict.fromkeys(facts.near))
        pool.update(facts.names)
        for name in engine.groups[k].ruled_out:  # the tag's own words exclude them (see _Group.ruled_out)
            pool.pop(name, None)
        if not pool:
            continue
        names = list(pool)
        slot = len(entries)
        entries.append((k, names, len(row_ids)))
        try:
            row_ids.extend(map(ids.__getitem__, names))
        except KeyError:  # a name met for the first time (the cast is numbered from the start); extend kept
            # the numbers before it
            row_ids.extend([ids.setdefault(n, len(ids)) for n in names[len(row_ids) - entries[-1][2] :]])
        slot_sizes.append(len(names))
        bare.append(facts.bare)
        tag = facts.tag
        tag_pronoun.append(tag.pronoun if tag is not None and tag.pronoun in ("he", "she") else None)
        cell_slots.extend([slot] * len(facts.cell_ids))
        cell_ids.extend(facts.cell_ids)
        cell_columns.extend(facts.cell_columns)
        cell_values.extend(facts.cell_values)
    matrix = np.zeros((len(row_ids), len(FEATURES)))
    if not entries:
        return entries, matrix

    n = len(groups)
    slot_k = np.fromiter((k for k, _, _ in entries), dtype=np.intp, count=len(entries))
    per_row = np.repeat(np.arange(len(entries)), slot_sizes)  # the slot of each row
    K = slot_k[per_row]
    C = np.array(row_ids)
    S = np.fromiter((ids.setdefault(s, len(ids)) if s else -1 for s in speakers), dtype=np.intp, count=n)
    conf = np.fromiter((g.confidence for g in groups), dtype=float, count=n)
    lo = np.asarray(los)[slot_k]
    hi = np.asarray(his)[slot_k]

    def near(d: int) -> np.ndarray:
        """The speaker (number) of the utterance ``d`` away from each slot's, -1 outside its exchange."""
        j = slot_k + d
        return np.where((j >= lo) & (j <= hi), S[np.clip(j, 0, n - 1)], -1)

    def conf_at(d: int) -> np.ndarray:
        return conf[np.clip(slot_k + d, 0, n - 1)]

    window = {d: near(d) for d in range(-CONTEXT, CONTEXT + 1) if d}
    p1, p2, p3, n1, n2, n3 = (window[d][per_row] for d in (-1, -2, -3, 1, 2, 3))
    X = matrix

    # the rules' answer
    rule = S[K] == C
    X[:, _RULE] = rule
    X[:, _RULE_CONF] = np.where(rule, conf[K], 0.0)
    method_column = np.fromiter((_RULE_COLUMNS.get(groups[k].method, -1) for k in slot_k), dtype=np.intp,
                                count=len(entries))[per_row]
    rows = np.flatnonzero(rule & (method_column >= 0))
    X[rows, method_column[rows]] = 1.0

    # the turns around it
    has_prev = slot_k - 1 >= lo
    direct = has_prev & np.fromiter(
        (groups[k].paragraph - groups[k - 1].last_paragraph == 1 if k > 0 else False for k in slot_k),
        dtype=bool, count=len(entries),
    )
    prev1 = p1 == C
    X[:, _PREV1] = prev1
    X[:, _PREV1_DIRECT] = prev1 & direct[per_row]
    X[:, _PREV1_BARE] = prev1 & (direct & np.array(bare))[per_row]
    prev2 = p2 == C
    X[:, _PREV2] = prev2
    alt_back = prev2 & (p1 >= 0) & (p1 != p2)
    X[:, _PREV2_ALT] = alt_back
    sure_back = (slot_k - 2 >= lo) & (np.minimum(conf_at(-1), conf_at(-2)) >= SURE)
    X[:, _PREV2_ALT_SURE] = alt_back & sure_back[per_row]
    X[:, _PREV3] = p3 == C
    next1 = n1 == C
    X[:, _NEXT1] = next1
    explicit_next = (slot_k + 1 <= hi) & np.fromiter(
        (k + 1 < n and groups[k + 1].method in ("explicit", "script") for k in slot_k), dtype=bool,
        count=len(entries),
    )
    X[:, _NEXT1_EXPLICIT] = next1 & explicit_next[per_row]
    next2 = n2 == C
    X[:, _NEXT2] = next2
    alt_ahead = next2 & (n1 >= 0) & (n1 != n2)
    X[:, _NEXT2_ALT] = alt_ahead
    sure_ahead = (slot_k + 2 <= hi) & (np.minimum(conf_at(1), conf_at(2)) >= SURE)
    X[:, _NEXT2_ALT_SURE] = alt_ahead & sure_ahead[per_row]
    X[:, _NEXT3] = n3 == C
    turns = np.zeros(len(C))
    since = np.zeros(len(C))
    for d in range(CONTEXT, 0, -1):
        back = window[-d][per_row] == C
        since = np.where(back, 1.0 / d, since)
        turns += back
        turns += window[d][per_row] == C
    X[:, _TURNS_SINCE] = since
    X[:, _TURNS_IN_EXCHANGE] = np.log1p(turns)

    # who takes part: the speakers of the exchange (and a first-person narrator with them)
    spoken = np.sort(np.stack(list(window.values()), axis=1), axis=1)
    distinct = ((spoken >= 0) & np.concatenate([np.ones((len(entries), 1), bool), spoken[:, 1:] != spoken[:, :-1]], axis=1)).sum(axis=1)
    narrator = engine.index.narrator
    narrator_id = ids.setdefault(narrator, len(ids)) if narrator else -2
    takes_part = distinct > 0
    count = distinct + (takes_part & ~(spoken == narrator_id).any(axis=1) if narrator else 0)
    participant = (turns > 0) | ((C == narrator_id) & takes_part[per_row])
    X[:, _PARTICIPANT] = participant
    X[:, _PAIR] = participant & (count == 2)[per_row]
    X[:, _PREV2_ALT_PAIR] = alt_back & (count == 2)[per_row]

    # the character alone
    names_by_id = sorted(ids, key=ids.__getitem__)
    frequency = np.array([math.log1p(engine.frequency.get(c, 0)) / 5 for c in names_by_id])
    X[:, _FREQUENCY] = frequency[C]
    is_narrator = C == narrator_id
    X[:, _NARRATOR] = is_narrator
    codes = {"he": 1, "she": 2}
    pronouns = np.array(
        [0 if (p := engine.pronoun.get(c)) is None else codes.setdefault(p, len(codes) + 1) for c in names_by_id]
    )[C]
    tag = np.array([codes[p] if p else 0 for p in tag_pronoun])[per_row]
    tagged = tag > 0
    X[:, _PRONOUN_FITS] = tagged & (pronouns == tag)
    X[:, _PRONOUN_CLASH] = tagged & (((pronouns != 0) & (pronouns != tag)) | is_narrator)

    # what the narration and the lines say (cells found once per utterance): matched to rows by (slot, character)
    if cell_ids:
        width = len(ids) + 1
        keys = per_row * width + C
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        wanted = np.array(cell_slots) * width + np.array(cell_ids)
        at = np.clip(np.searchsorted(sorted_keys, wanted), 0, len(keys) - 1)
        hit = sorted_keys[at] == wanted
        X[order[at[hit]], np.array(cell_columns)[hit]] = np.array(cell_values)[hit]
    return entries, X


def candidates(
    engine: _Engine, k: int, speakers: list[str | None], linked: list[bool] | None = None
) -> tuple[list[str], list[list]]:
    """The characters who may speak utterance ``k`` and their features (rows in the order of :data:`FEATURES`).

    ``speakers`` are the rules' speakers of every utterance (the context the features read); ``linked`` is
    :func:`links` (computed when not given)."""
    entries, X = _matrix(engine, [k], speakers, linked)
    if not entries:
        return [], []
    return entries[0][1], X.tolist()


def rank(
    engine: _Engine, weights: Weights, only: set[int] | None = None, linked: list[bool] | None = None
) -> list[tuple[int, str, float, list[float] | None]]:
    """One pass of the ranker over the rankable utterances (those in ``only`` when given), reading the speakers
    as they stand: (utterance, the likeliest candidate, its probability, its feature row when it is not the rules'
    answer, else None) for every utterance that gets a speaker. All candidates are scored at once (one matrix
    product, one softmax per utterance). An utterance the rules left unknown keeps no speaker when the best
    probability is below the threshold or there is only one candidate (whose probability of 1 says nothing)."""
    groups = engine.groups
    speakers = [g.speaker for g in groups]
    ks = [k for k in (range(len(groups)) if only is None else sorted(only)) if rankable(engine, k, linked)]
    entries, X = _matrix(engine, ks, speakers, linked)
    if not entries:
        return []
    flat = X @ np.asarray(weights.values)
    starts = np.fromiter((b for _, _, b in entries), dtype=np.intp, count=len(entries))
    sizes = np.diff(np.append(starts, len(flat)))
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
        out.append((k, name, probability, None if name == speakers[k] else X[i].tolist()))
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
