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


def _exchange(engine: _Engine, k: int, linked: list[bool] | None = None) -> tuple[int, int]:
    """The first and last utterance of the exchange around ``k``, at most CONTEXT away."""
    if linked is None:
        linked = links(engine)
    lo = k
    while lo > 0 and k - lo < CONTEXT and linked[lo]:
        lo -= 1
    hi = k
    while hi + 1 < len(linked) and hi - k < CONTEXT and linked[hi + 1]:
        hi += 1
    return lo, hi


def _tag(engine: _Engine, k: int):
    """The first pronoun or descriptive tag of utterance ``k``, or None."""
    for _, tag in engine.groups[k].tags:
        if tag.kind in ("pronoun", "descriptive") and tag.pronoun not in ("they", "we"):
            return tag
    return None


@dataclass
class _Narration:
    """What the narration around an utterance says, the same in every pass (cached in ``engine.rank_cache``)."""

    names: tuple[str, ...]  # candidates from the narration, the pronoun tag and the narrator
    tag: Tag | None  # the utterance's pronoun or descriptive tag
    before_here: set[str]
    after_here: set[str]
    openers: set[str]
    in_previous: set[str]
    previous_subject: str | None
    recent: dict[str, int]
    last_named: str | None
    opener: str | None
    bare: bool
    next_subject: str | None
    spoken_to: set[str]  # named after "to", "towards", "at", "asked" in the narration of this paragraph


def _narration(engine: _Engine, k: int) -> _Narration:
    g = engine.groups[k]
    text = engine.text
    para = engine.paragraphs[g.paragraph]
    first = engine.spans[g.members[0]]
    last_here = max((engine.spans[i].end for i in g.members if engine.spans[i].paragraph == g.paragraph))
    pool: dict[str, None] = {}
    # names in the narration: this paragraph and the paragraphs just before
    window_start = engine.paragraphs[max(0, g.paragraph - NARRATION_PARAGRAPHS)].start
    i = bisect.bisect_left(engine.narr_starts, window_start)
    before_here: set[str] = set()
    after_here: set[str] = set()
    in_prev: set[str] = set()
    openers: set[str] = set()
    previous_subject = None
    prev_para = engine.paragraphs[g.paragraph - 1] if g.paragraph > 0 else None
    prev_is_narration = prev_para is not None and (g.paragraph - 1) not in engine.quote_paragraphs
    spoken_to: set[str] = set()
    while i < len(engine.narr) and engine.narr[i].start < para.end:
        m = engine.narr[i]
        i += 1
        if len(m.names) != 1:
            continue
        n = m.names[0]
        pool[n] = None
        if m.start >= para.start and _TURNS_TO.search(text, max(para.start, m.start - 16), m.start):
            spoken_to.add(n)
        if m.start >= para.start:
            (before_here if m.start < first.start else after_here).add(n)
            if m.start < first.start and _opens_sentence(text, para.start, m.start):
                openers.add(n)
        elif prev_is_narration and prev_para is not None and m.start >= prev_para.start:
            in_prev.add(n)
            if _opens_sentence(text, prev_para.start, m.start):
                previous_subject = n
    for n in g.pronoun_scores:
        pool[n] = None
    # recent narration mentions before the quote
    recent: dict[str, int] = {}
    last_named = None
    j = bisect.bisect_left(engine.narr_starts, first.start) - 1
    while j >= 0 and first.start - engine.narr[j].start < MENTION_WINDOW:
        m = engine.narr[j]
        j -= 1
        if len(m.names) == 1:
            if last_named is None:
                last_named = m.names[0]
            recent[m.names[0]] = recent.get(m.names[0], 0) + 1
    # the characters the narration names most in the last few pages, and a first-person narrator
    for n, _ in sorted(recent.items(), key=lambda kv: -kv[1])[:RECENT_CANDIDATES]:
        pool[n] = None
    if engine.index.narrator:
        pool[engine.index.narrator] = None
    next_subject = None
    after = g.last_paragraph + 1
    if after < len(engine.paragraphs) and after not in engine.quote_paragraphs:
        nxt_para = engine.paragraphs[after]
        i = bisect.bisect_left(engine.narr_starts, nxt_para.start)
        while i < len(engine.narr) and engine.narr[i].start < min(nxt_para.end, nxt_para.start + 200):
            m = engine.narr[i]
            i += 1
            if len(m.names) == 1 and _opens_sentence(text, nxt_para.start, m.start):
                next_subject = m.names[0]
                break
    opener = None
    i = bisect.bisect_left(engine.narr_starts, para.start)
    if i < len(engine.narr) and engine.narr[i].start == para.start and len(engine.narr[i].names) == 1:
        opener = engine.narr[i].names[0]
    return _Narration(
        names=tuple(pool),
        tag=_tag(engine, k),
        before_here=before_here,
        after_here=after_here if last_here < para.end else set(),
        openers=openers,
        in_previous=in_prev,
        previous_subject=previous_subject,
        recent=recent,
        last_named=last_named,
        opener=opener,
        bare=not text[para.start : first.start].strip(" \n\"'“‘"),
        next_subject=next_subject,
        spoken_to=spoken_to,
    )


def candidates(
    engine: _Engine, k: int, speakers: list[str | None], linked: list[bool] | None = None
) -> tuple[list[str], list[list]]:
    """The characters who may speak utterance ``k`` and their features (rows in the order of :data:`FEATURES`).

    ``speakers`` are the rules' speakers of every utterance (the context the features read); ``linked`` is
    :func:`links` (computed when not given)."""
    groups = engine.groups
    g = groups[k]
    lo, hi = _exchange(engine, k, linked)
    narrator = engine.index.narrator

    pool: dict[str, None] = {}
    if speakers[k]:
        pool[speakers[k]] = None
    for j in range(lo, hi + 1):
        if j != k and speakers[j]:
            pool[speakers[j]] = None
    for j in (k - 1, k + 1):
        if lo <= j <= hi:
            for n in sorted(groups[j].addressees):
                pool[n] = None
    facts = engine.rank_cache.get(k)
    if facts is None:
        facts = engine.rank_cache[k] = _narration(engine, k)
    for n in facts.names:
        pool[n] = None
    tag = facts.tag
    participants = {speakers[j] for j in range(lo, hi + 1) if j != k and speakers[j]}
    if narrator and participants:
        participants.add(narrator)
    rule = speakers[k]
    method = g.method
    prev = groups[k - 1] if k - 1 >= lo else None
    nxt = groups[k + 1] if k + 1 <= hi else None

    def spk(j: int) -> str | None:
        return speakers[j] if lo <= j <= hi else None

    p1, p2, p3, n1, n2, n3 = spk(k - 1), spk(k - 2), spk(k - 3), spk(k + 1), spk(k + 2), spk(k + 3)
    next_explicit = nxt is not None and nxt.method in ("explicit", "script")

    direct = prev is not None and g.paragraph - prev.last_paragraph == 1
    bare = facts.bare
    sure_back = k - 2 >= lo and min(groups[k - 1].confidence, groups[k - 2].confidence) >= SURE
    sure_ahead = k + 2 <= hi and min(groups[k + 1].confidence, groups[k + 2].confidence) >= SURE
    last_turn: dict[str, int] = {}
    turns: dict[str, int] = {}
    for j in range(lo, hi + 1):
        who = speakers[j]
        if j != k and who:
            turns[who] = turns.get(who, 0) + 1
            if j < k:
                last_turn[who] = j

    names = list(pool)
    # Each row starts at 0 and only the features that hold are set, role by role (the speaker two turns back,
    # the one called by name, ...): far fewer steps than asking every question of every candidate.
    table = {c: [0.0] * len(FEATURES) for c in names}

    def put(c: str | None, feature: str, value: float = 1.0) -> None:
        row = table.get(c) if c is not None else None
        if row is not None:
            row[_AT[feature]] = value

    if rule is not None:
        put(rule, "rule")
        put(rule, "rule_conf", g.confidence)
        method_feature = _RULE_FEATURES.get(method)
        if method_feature:
            put(rule, method_feature)
    put(p1, "prev1")
    if direct:
        put(p1, "prev1_direct")
        if bare:
            put(p1, "prev1_bare")
    put(p2, "prev2")
    if p1 is not None and p1 != p2:
        put(p2, "prev2_alt")
        if sure_back:
            put(p2, "prev2_alt_sure")
        if len(participants) == 2:
            put(p2, "prev2_alt_pair")
    put(p3, "prev3")
    put(n1, "next1")
    if next_explicit:
        put(n1, "next1_explicit")
    put(n2, "next2")
    if n1 is not None and n1 != n2:
        put(n2, "next2_alt")
        if sure_ahead:
            put(n2, "next2_alt_sure")
    put(n3, "next3")
    if prev is not None:
        for c in prev.addressees:
            put(c, "addressed_prev")
        for c in prev.mentioned:
            put(c, "named_prev")
    if nxt is not None:
        for c in nxt.addressees:
            put(c, "addressed_next")
    for c, j in last_turn.items():
        put(c, "turns_since", 1 / (k - j))
    for c, count in turns.items():
        put(c, "turns_in_exchange", math.log1p(count))
    for c in g.addressees:
        put(c, "addressed_here")
    for c in g.mentioned:
        put(c, "named_here")
    if tag is not None and tag.pronoun in ("he", "she"):
        for c in names:
            pron = engine.pronoun.get(c)
            if pron == tag.pronoun:
                put(c, "pronoun_fits")
            if (pron is not None and pron != tag.pronoun) or c == narrator:
                put(c, "pronoun_clash")
    for c, value in g.pronoun_scores.items():
        put(c, "pronoun_score", max(-3.0, min(6.0, value)) / 3)
    for c in facts.before_here:
        put(c, "in_paragraph_before")
    put(facts.opener, "opens_paragraph")
    for c in facts.openers:
        put(c, "subject_before")
    put(facts.previous_subject, "subject_previous")
    put(facts.last_named, "last_named")
    for c in facts.after_here:
        put(c, "in_paragraph_after")
    for c in facts.in_previous:
        put(c, "in_previous_paragraph")
    put(facts.next_subject, "subject_next")
    for c in facts.spoken_to:
        put(c, "spoken_to_here")

    for c, count in facts.recent.items():
        put(c, "recent_mentions", math.log1p(count))
    for c in participants:
        put(c, "participant")
        if len(participants) == 2:
            put(c, "pair")
    for c in names:
        put(c, "frequency", math.log1p(engine.frequency.get(c, 0)) / 5)
    put(narrator, "narrator")
    rows = [table[c] for c in names]
    return names, rows


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
