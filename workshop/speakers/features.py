"""The ranker's features: what the rules left of the dialogue, as plain data, and the feature matrix built from it.

The rules engine (:mod:`workshop.speakers.attribution`) hands the ranker a :class:`RankerInput`: the text and its
paragraphs, the names the narration mentions, the cast's pronouns, and per utterance what the rules read there
(:class:`Utterance`: its tag, who is called or named in it, the scores the pronoun rules gave). The answers the
rules (or a pass of the ranker) give stand apart, as a list of :class:`Answer`, since they change from pass to pass
while the rest does not. :func:`feature_matrix` lists, for some utterances, the characters who could be speaking
(the speakers of the exchange around it, the names in the narration of its paragraph and the two before, those
addressed in the lines before and after, the characters the narration names most in the last 3000 characters, a
first-person narrator) and describes each with the yes/no and count features of :data:`FEATURES`: one row per
candidate, the input of the scoring in :mod:`workshop.speakers.ranker` and of the training in
:mod:`workshop.speakers.ranker_training`.

What the narration says around an utterance is read once (it is the same in every pass) and kept with the input;
the features of the speakers around it are computed for all candidates of a pass at once with numpy, one column at
a time, so a pass over a whole novel is a few array operations.

The features only use what the rules found (their speakers around the utterance, the names in the narration, the
tags and vocatives); never an annotation.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from workshop.speakers.names import Mention
from workshop.speakers.tags import Tag
from workshop.text.scene import Paragraph

CONTEXT = 6
"""How many utterances before and after (within one exchange) lend their speakers as candidates."""
NARRATION_PARAGRAPHS = 2
"""How many paragraphs before the utterance lend the names in their narration as candidates."""
RECENT_CANDIDATES = 3
"""The characters named most often in the narration of the last MENTION_WINDOW characters are candidates too."""
MENTION_WINDOW = 3000
SURE = 0.9
"""Answers the rules give with this confidence or more stay: "the doctor" when one character is a doctor, "his
wife" through the family name, "she said" when the cast has one woman are as good as a name."""

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
    "pronoun_score",  # the rules' score for the pronoun or description (Utterance.pronoun_scores), clipped to [-3, 6] / 3
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

_AT = {name: i for i, name in enumerate(FEATURES)}
_RULE_FEATURES = {
    "pronoun": "rule_pronoun",
    "descriptive": "rule_descriptive",
    "beat": "rule_beat",
    "vocative": "rule_vocative",
    "turn-taking": "rule_turn",
}


# ---------------------------------------------------------------- the input: plain data


@dataclass(frozen=True)
class Utterance:
    """What the rules read of one utterance (the same in every pass of the ranker)."""

    paragraph: int  # the paragraph of its first piece
    last_paragraph: int
    start: int  # where its first piece starts
    first_end: int  # where its first piece ends
    end_here: int  # where its last piece in its first paragraph ends
    tag: Tag | None  # its first pronoun or descriptive tag ("she said", "the old man replied"), not "they"/"we"
    addressees: frozenset[str]  # called by name in it (or turned to in the narration): the listeners
    mentioned: frozenset[str]  # named in it, not called: spoken about
    pronoun_scores: dict[str, float]  # the rules' scores for its pronoun or description, per character
    ruled_out: frozenset[str]  # characters its tag's own words exclude ("replied the boy" after a named speaker)
    outsider: bool  # the tag says someone outside the cast speaks ("said a man")


class Answer(NamedTuple):
    """Who speaks an utterance as the rules (or a pass of the ranker) stand, how it was found and how sure it is."""

    speaker: str | None
    method: str
    confidence: float


@dataclass
class RankerInput:
    """The dialogue as the rules leave it, for the ranker: everything its features read, and nothing of the
    rules' machinery."""

    text: str
    paragraphs: list[Paragraph]
    quote_paragraphs: frozenset[int]  # the paragraphs with a quoted piece
    utterances: list[Utterance]
    linked: list[bool]  # per utterance, whether it belongs to the exchange of the one before
    narration: list[Mention]  # the names the narration mentions (and a first-person narrator's "I"), in order
    pronouns: dict[str, str | None]  # every character of the cast (in the cast's order) with their pronoun
    narrator: str | None  # the first-person narrator, if the story has one
    frequency: dict[str, int]  # how often each character is named in the whole text
    found: bool = False  # the kit found the cast itself (no cast file)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)
    """What the features read once and keep for the passes after: the bounds of each exchange, the characters'
    numbers, the narration's mentions by paragraph, and per utterance :class:`_Narration`."""


# ---------------------------------------------------------------- exchanges


def _bounds(data: RankerInput) -> tuple[list[int], list[int]]:
    """For every utterance, the first and last utterance of the exchange around it, at most CONTEXT away: found
    in one sweep, once per input."""
    cached = data._memo.get("bounds")
    if cached is not None:
        return cached
    linked = data.linked
    n = len(linked)
    first = [0] * n  # the first utterance of the whole exchange
    for k in range(1, n):
        first[k] = first[k - 1] if linked[k] else k
    last = [0] * n
    for k in range(n - 1, -1, -1):
        last[k] = last[k + 1] if k + 1 < n and linked[k + 1] else k
    lo = [max(f, k - CONTEXT) for k, f in enumerate(first)]
    hi = [min(e, k + CONTEXT) for k, e in enumerate(last)]
    data._memo["bounds"] = (lo, hi)
    return lo, hi


def exchange(data: RankerInput, k: int) -> tuple[int, int]:
    """The first and last utterance of the exchange around ``k``, at most CONTEXT away."""
    lo, hi = _bounds(data)
    return lo[k], hi[k]


def rankable(data: RankerInput, answers: list[Answer], k: int, methods: tuple[str, ...]) -> bool:
    """Whether the ranker may choose the speaker of utterance ``k``: an answer by one of ``methods`` below SURE,
    and, for an utterance the rules left unknown with no tag, an exchange around it (a line after a long stretch
    of narration stays unknown)."""
    u, answer = data.utterances[k], answers[k]
    if u.outsider or answer.method not in methods or answer.confidence >= SURE:
        return False
    if answer.speaker is None and u.tag is None:
        lo, hi = exchange(data, k)
        return lo < hi
    return True


# ---------------------------------------------------------------- the narration around an utterance


@dataclass(slots=True)
class _Narration:
    """What the narration around an utterance says, the same in every pass (kept in the input's memo)."""

    names: dict[str, None]  # candidates from the narration, the pronoun tag and the narrator, in order
    bare: bool  # the paragraph opens with the quote (no beat of its own)
    near: tuple[str, ...]  # called by name in the lines just before and after (candidates)
    # the features that hold whoever speaks around the utterance (the narration, the tag's scores, who is called
    # or named in this line and the lines beside it), as cells: character (see _ids), feature column, value
    cell_ids: list[int]
    cell_columns: list[int]
    cell_values: list[float]


class _Mentions:
    """The characters the narration names (one name per mention), read once per input: by paragraph (the
    narration windows of neighbouring utterances overlap, so each paragraph's names are listed once), and in the
    MENTION_WINDOW characters before a position."""

    def __init__(self, data: RankerInput) -> None:
        self.ids = _ids(data)
        singles = [(m.start, m.names[0]) for m in data.narration if len(m.names) == 1]
        self.starts = [start for start, _ in singles]
        self.names = [name for _, name in singles]
        # (position, name) per paragraph
        self.by_paragraph: dict[int, list[tuple[int, str]]] = {}
        paragraphs = data.paragraphs
        para_starts = [p.start for p in paragraphs]
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


_TURNS_TO = re.compile(r"\b(?:to|towards|toward|at|addressing|asked|told|answered|upon)\s+(?:the\s+)?$")
_SENTENCE_END = re.compile(r"[.!?;]['’\"”)]?\s+$")


def _opens_sentence(text: str, start: int, pos: int) -> bool:
    """Whether the name at ``pos`` opens a sentence of the narration that starts at ``start``."""
    return pos == start or _SENTENCE_END.search(text, max(start, pos - 4), pos) is not None


def _mentions(data: RankerInput) -> _Mentions:
    mentions = data._memo.get("mentions")
    if mentions is None:
        mentions = data._memo["mentions"] = _Mentions(data)
    return mentions


def _narration(data: RankerInput, k: int, hi: int) -> _Narration:
    """What the narration around utterance ``k`` says (``hi``: the last utterance of its exchange, see
    :func:`exchange`): the candidates it names, and the cells of the features it sets."""
    u = data.utterances[k]
    para = data.paragraphs[u.paragraph]
    mentions = _mentions(data)
    pool: dict[str, None] = {}
    cells: dict[tuple[str, int], float] = {}
    _narration_before(data, u, mentions.by_paragraph, pool, cells)
    _narration_here(data, u, mentions.by_paragraph, pool, cells)
    for n in u.pronoun_scores:
        pool[n] = None
    # recent narration mentions before the quote; the characters the narration names most in the last few pages
    recent, last_named, top = mentions.at(u.start)
    if last_named is not None:
        cells[last_named, _LAST_NAMED] = 1.0
    pool.update(top)
    if last_named is None:
        # nobody named before it (a scene that opens on this talk): the ones its narration names after it, to the
        # end of the exchange and the paragraph after, may be speaking
        end_paragraph = data.utterances[hi].last_paragraph + 1
        for p in range(u.paragraph + 1, min(end_paragraph, len(data.paragraphs) - 1) + 1):
            for _, n in mentions.by_paragraph.get(p, ()):
                pool[n] = None
    # and a first-person narrator
    if data.narrator:
        pool[data.narrator] = None
    _narration_after(data, u, mentions.by_paragraph, cells)
    near = _lines_around(data, k, hi, cells)
    ids = mentions.ids
    recent_ids, recent_values = recent
    return _Narration(
        near=near,
        names=pool,
        bare=not data.text[para.start : u.start].strip(" \n\"'“‘"),
        cell_ids=[ids.setdefault(c, len(ids)) for c, _ in cells] + recent_ids,
        cell_columns=[column for _, column in cells] + [_RECENT_MENTIONS] * len(recent_ids),
        cell_values=list(cells.values()) + recent_values,
    )


_ByParagraph = dict[int, list[tuple[int, str]]]


def _narration_before(
    data: RankerInput, u: Utterance, by_paragraph: _ByParagraph, pool: dict, cells: dict
) -> None:
    """The names in the narration of the paragraphs before the utterance's (candidates), and the features of the
    narration paragraph just before it."""
    here = u.paragraph
    for p in range(max(0, here - NARRATION_PARAGRAPHS), here):
        for _, n in by_paragraph.get(p, ()):
            pool[n] = None
    if here > 0 and (here - 1) not in data.quote_paragraphs:
        start_before = data.paragraphs[here - 1].start
        previous_subject = None
        for start, n in by_paragraph.get(here - 1, ()):
            cells[n, _IN_PREVIOUS_PARAGRAPH] = 1.0
            if _opens_sentence(data.text, start_before, start):
                previous_subject = n
        if previous_subject is not None:
            cells[previous_subject, _SUBJECT_PREVIOUS] = 1.0


def _narration_here(data: RankerInput, u: Utterance, by_paragraph: _ByParagraph, pool: dict, cells: dict) -> None:
    """The names in the narration of the utterance's own paragraph (candidates), before and after its quote."""
    text = data.text
    para = data.paragraphs[u.paragraph]
    named_here = by_paragraph.get(u.paragraph, [])
    after_too = u.end_here < para.end  # narration follows the quote in its paragraph
    for start, n in named_here:
        pool[n] = None
        if _TURNS_TO.search(text, max(para.start, start - 16), start):
            cells[n, _SPOKEN_TO_HERE] = 1.0
        if start < u.start:
            cells[n, _IN_PARAGRAPH_BEFORE] = 1.0
            if _opens_sentence(text, para.start, start):
                cells[n, _SUBJECT_BEFORE] = 1.0
        elif after_too:
            cells[n, _IN_PARAGRAPH_AFTER] = 1.0
    if named_here and named_here[0][0] == para.start:
        cells[named_here[0][1], _OPENS_PARAGRAPH] = 1.0


def _narration_after(data: RankerInput, u: Utterance, by_paragraph: _ByParagraph, cells: dict) -> None:
    """The name opening the narration paragraph just after the utterance (often the listener reacting)."""
    after = u.last_paragraph + 1
    if after < len(data.paragraphs) and after not in data.quote_paragraphs:
        start_after = data.paragraphs[after].start
        for start, n in by_paragraph.get(after, ()):
            if start >= start_after + 200:
                break
            if _opens_sentence(data.text, start_after, start):
                cells[n, _SUBJECT_NEXT] = 1.0
                break


def _lines_around(data: RankerInput, k: int, hi: int, cells: dict) -> tuple[str, ...]:
    """What the line and the lines beside it (in its exchange) say of the characters: the cells of who is called
    or named, and the ones called in the lines just before and after (candidates)."""
    lo = exchange(data, k)[0]
    u = data.utterances[k]
    prev = data.utterances[k - 1] if k - 1 >= lo else None
    nxt = data.utterances[k + 1] if k + 1 <= hi else None
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
    for c in sorted(u.addressees):
        cells[c, _ADDRESSED_HERE] = 1.0
    for c in sorted(u.mentioned):
        cells[c, _NAMED_HERE] = 1.0
    for c, value in u.pronoun_scores.items():
        cells[c, _PRONOUN_SCORE] = max(-3.0, min(6.0, value)) / 3
    return tuple(near)


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


def _ids(data: RankerInput) -> dict[str, int]:
    """A number for every character name the features meet (the columns of their arrays), kept per input."""
    ids = data._memo.get("ids")
    if ids is None:
        ids = data._memo["ids"] = {}
        for name in data.pronouns:
            ids.setdefault(name, len(ids))
    return ids


# ---------------------------------------------------------------- the matrix


@dataclass(frozen=True)
class Candidates:
    """The characters who may speak one utterance: their rows in the matrix are ``first`` to ``first + len(names)``."""

    utterance: int
    names: list[str]
    first: int


@dataclass(frozen=True)
class FeatureMatrix:
    """The candidates of some utterances and their features: one row per candidate, one column per feature (in
    the order of :data:`FEATURES`)."""

    candidates: list[Candidates]
    rows: np.ndarray


@dataclass
class _Cells:
    """The candidates of a pass listed utterance by utterance, with what the narration says of them (the cells
    of :class:`_Narration`, by slot), before the matrix is filled."""

    entries: list[Candidates] = field(default_factory=list)
    row_ids: list[int] = field(default_factory=list)  # the character of each row
    slot_sizes: list[int] = field(default_factory=list)
    bare: list[bool] = field(default_factory=list)
    tag_pronoun: list[str | None] = field(default_factory=list)
    slots: list[int] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    columns: list[int] = field(default_factory=list)
    values: list[float] = field(default_factory=list)


def _list_candidates(data: RankerInput, ks: list[int], speakers: list[str | None]) -> _Cells:
    """The pool of each utterance in ``ks``: the rules' answer, the speakers of the exchange, those called in the
    lines beside it, the names of the narration (in this order: the first of equal candidates wins), less those
    the tag's own words exclude."""
    los, his = _bounds(data)
    ids = _ids(data)
    out = _Cells()
    for k in ks:
        facts = data._memo.get(k)
        if facts is None:
            facts = data._memo[k] = _narration(data, k, his[k])
        pool: dict[str | None, None] = {speakers[k]: None}
        pool.update(dict.fromkeys(speakers[los[k] : his[k] + 1]))
        pool.pop(None, None)
        pool.update(dict.fromkeys(facts.near))
        pool.update(facts.names)
        for name in data.utterances[k].ruled_out:
            pool.pop(name, None)
        if not pool:
            continue
        names = list(pool)
        slot = len(out.entries)
        out.entries.append(Candidates(k, names, len(out.row_ids)))
        out.row_ids.extend([ids.setdefault(n, len(ids)) for n in names])
        out.slot_sizes.append(len(names))
        out.bare.append(facts.bare)
        tag = data.utterances[k].tag
        out.tag_pronoun.append(tag.pronoun if tag is not None and tag.pronoun in ("he", "she") else None)
        out.slots.extend([slot] * len(facts.cell_ids))
        out.ids.extend(facts.cell_ids)
        out.columns.extend(facts.cell_columns)
        out.values.extend(facts.cell_values)
    return out


@dataclass
class _Frame:
    """The arrays the columns are computed from: per row its slot (``per_row``), utterance (``K``) and character
    (``C``); per slot its utterance (``slot_k``) and exchange (``lo``, ``hi``); per utterance its speaker (``S``,
    as a number, -1 for none) and confidence; and the speakers up to CONTEXT turns away from each slot."""

    per_row: np.ndarray
    slot_k: np.ndarray
    K: np.ndarray
    C: np.ndarray
    S: np.ndarray
    conf: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    window: dict[int, np.ndarray]

    def conf_at(self, d: int) -> np.ndarray:
        return self.conf[np.clip(self.slot_k + d, 0, len(self.conf) - 1)]


def _frame(data: RankerInput, cells: _Cells, answers: list[Answer]) -> _Frame:
    los, his = _bounds(data)
    ids = _ids(data)
    n = len(answers)
    entries = cells.entries
    slot_k = np.fromiter((e.utterance for e in entries), dtype=np.intp, count=len(entries))
    per_row = np.repeat(np.arange(len(entries)), cells.slot_sizes)  # the slot of each row
    S = np.fromiter((ids.setdefault(a.speaker, len(ids)) if a.speaker else -1 for a in answers), dtype=np.intp, count=n)
    lo = np.asarray(los)[slot_k]
    hi = np.asarray(his)[slot_k]

    def near(d: int) -> np.ndarray:
        """The speaker (number) of the utterance ``d`` away from each slot's, -1 outside its exchange."""
        j = slot_k + d
        return np.where((j >= lo) & (j <= hi), S[np.clip(j, 0, n - 1)], -1)

    return _Frame(
        per_row=per_row,
        slot_k=slot_k,
        K=slot_k[per_row],
        C=np.array(cells.row_ids),
        S=S,
        conf=np.fromiter((a.confidence for a in answers), dtype=float, count=n),
        lo=lo,
        hi=hi,
        window={d: near(d) for d in range(-CONTEXT, CONTEXT + 1) if d},
    )


def feature_matrix(data: RankerInput, ks: list[int], answers: list[Answer]) -> FeatureMatrix:
    """The candidates of the utterances ``ks`` and their features: one :class:`Candidates` per utterance with
    candidates, and one row per candidate (in the order of :data:`FEATURES`).

    ``answers`` are the answers of every utterance as they stand (the context the features read). The candidates
    are listed utterance by utterance; the features are then computed for all of them at once with numpy (a
    comparison of whole columns per feature instead of questions asked of each candidate)."""
    cells = _list_candidates(data, ks, [a.speaker for a in answers])
    X = np.zeros((len(cells.row_ids), len(FEATURES)))
    if not cells.entries:
        return FeatureMatrix(cells.entries, X)
    f = _frame(data, cells, answers)
    _rule_columns(X, f, answers)
    alt_back = _turn_columns(X, f, data, cells, answers)
    _exchange_columns(X, f, data, alt_back)
    _character_columns(X, f, data, cells)
    _narration_columns(X, f, data, cells)
    return FeatureMatrix(cells.entries, X)


def _rule_columns(X: np.ndarray, f: _Frame, answers: list[Answer]) -> None:
    """The rules' answer: whether they chose this character, how surely, and by which method."""
    rule = f.S[f.K] == f.C
    X[:, _RULE] = rule
    X[:, _RULE_CONF] = np.where(rule, f.conf[f.K], 0.0)
    method_column = np.fromiter((_RULE_COLUMNS.get(answers[k].method, -1) for k in f.slot_k), dtype=np.intp,
                                count=len(f.slot_k))[f.per_row]
    rows = np.flatnonzero(rule & (method_column >= 0))
    X[rows, method_column[rows]] = 1.0


def _turn_columns(X: np.ndarray, f: _Frame, data: RankerInput, cells: _Cells, answers: list[Answer]) -> np.ndarray:
    """The turns around the utterance: who spoke one, two, three turns before and after, and how lately. Returns
    prev2_alt (the exchange's columns read it)."""
    utterances, per_row, slot_k, C, w = data.utterances, f.per_row, f.slot_k, f.C, f.window
    n, slots = len(utterances), len(slot_k)
    p1, p2, p3, n1, n2, n3 = (w[d][per_row] for d in (-1, -2, -3, 1, 2, 3))
    has_prev = slot_k - 1 >= f.lo
    direct = has_prev & np.fromiter(
        (utterances[k].paragraph - utterances[k - 1].last_paragraph == 1 if k > 0 else False for k in slot_k),
        dtype=bool, count=slots,
    )
    prev1 = p1 == C
    X[:, _PREV1] = prev1
    X[:, _PREV1_DIRECT] = prev1 & direct[per_row]
    X[:, _PREV1_BARE] = prev1 & (direct & np.array(cells.bare))[per_row]
    prev2 = p2 == C
    X[:, _PREV2] = prev2
    alt_back = prev2 & (p1 >= 0) & (p1 != p2)
    X[:, _PREV2_ALT] = alt_back
    sure_back = (slot_k - 2 >= f.lo) & (np.minimum(f.conf_at(-1), f.conf_at(-2)) >= SURE)
    X[:, _PREV2_ALT_SURE] = alt_back & sure_back[per_row]
    X[:, _PREV3] = p3 == C
    next1 = n1 == C
    X[:, _NEXT1] = next1
    explicit_next = (slot_k + 1 <= f.hi) & np.fromiter(
        (k + 1 < n and answers[k + 1].method in ("explicit", "script") for k in slot_k), dtype=bool, count=slots,
    )
    X[:, _NEXT1_EXPLICIT] = next1 & explicit_next[per_row]
    next2 = n2 == C
    X[:, _NEXT2] = next2
    alt_ahead = next2 & (n1 >= 0) & (n1 != n2)
    X[:, _NEXT2_ALT] = alt_ahead
    sure_ahead = (slot_k + 2 <= f.hi) & (np.minimum(f.conf_at(1), f.conf_at(2)) >= SURE)
    X[:, _NEXT2_ALT_SURE] = alt_ahead & sure_ahead[per_row]
    X[:, _NEXT3] = n3 == C
    turns = np.zeros(len(C))
    since = np.zeros(len(C))
    for d in range(CONTEXT, 0, -1):
        back = w[-d][per_row] == C
        since = np.where(back, 1.0 / d, since)
        turns += back
        turns += w[d][per_row] == C
    X[:, _TURNS_SINCE] = since
    X[:, _TURNS_IN_EXCHANGE] = np.log1p(turns)
    return alt_back


def _exchange_columns(X: np.ndarray, f: _Frame, data: RankerInput, alt_back: np.ndarray) -> None:
    """Who takes part: the speakers of the exchange (and a first-person narrator with them)."""
    ids, per_row, C = _ids(data), f.per_row, f.C
    slots = len(f.slot_k)
    spoken = np.sort(np.stack(list(f.window.values()), axis=1), axis=1)
    changes = np.concatenate([np.ones((slots, 1), bool), spoken[:, 1:] != spoken[:, :-1]], axis=1)
    distinct = ((spoken >= 0) & changes).sum(axis=1)
    narrator = data.narrator
    narrator_id = ids.setdefault(narrator, len(ids)) if narrator else -2
    takes_part = distinct > 0
    count = distinct + (takes_part & ~(spoken == narrator_id).any(axis=1) if narrator else 0)
    turns = X[:, _TURNS_IN_EXCHANGE] > 0
    participant = turns | ((C == narrator_id) & takes_part[per_row])
    X[:, _PARTICIPANT] = participant
    X[:, _PAIR] = participant & (count == 2)[per_row]
    X[:, _PREV2_ALT_PAIR] = alt_back & (count == 2)[per_row]


def _character_columns(X: np.ndarray, f: _Frame, data: RankerInput, cells: _Cells) -> None:
    """The character alone: how often the text names them, the narrator, whether the tag's pronoun fits."""
    ids, C = _ids(data), f.C
    narrator = data.narrator
    narrator_id = ids.setdefault(narrator, len(ids)) if narrator else -2
    names_by_id = sorted(ids, key=ids.__getitem__)
    frequency = np.array([math.log1p(data.frequency.get(c, 0)) / 5 for c in names_by_id])
    X[:, _FREQUENCY] = frequency[C]
    is_narrator = C == narrator_id
    X[:, _NARRATOR] = is_narrator
    codes = {"he": 1, "she": 2}
    pronouns = np.array(
        [0 if (p := data.pronouns.get(c)) is None else codes.setdefault(p, len(codes) + 1) for c in names_by_id]
    )[C]
    tag = np.array([codes[p] if p else 0 for p in cells.tag_pronoun])[f.per_row]
    tagged = tag > 0
    X[:, _PRONOUN_FITS] = tagged & (pronouns == tag)
    X[:, _PRONOUN_CLASH] = tagged & (((pronouns != 0) & (pronouns != tag)) | is_narrator)


def _narration_columns(X: np.ndarray, f: _Frame, data: RankerInput, cells: _Cells) -> None:
    """What the narration and the lines say (cells found once per utterance): matched to rows by (slot, character)."""
    if not cells.ids:
        return
    width = len(_ids(data)) + 1
    keys = f.per_row * width + f.C
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    wanted = np.array(cells.slots) * width + np.array(cells.ids)
    at = np.clip(np.searchsorted(sorted_keys, wanted), 0, len(keys) - 1)
    hit = sorted_keys[at] == wanted
    X[order[at[hit]], np.array(cells.columns)[hit]] = np.array(cells.values)[hit]


def candidates(data: RankerInput, k: int, answers: list[Answer]) -> tuple[list[str], list[list[float]]]:
    """The characters who may speak utterance ``k`` and their features (rows in the order of :data:`FEATURES`),
    reading ``answers`` as the context."""
    m = feature_matrix(data, [k], answers)
    if not m.candidates:
        return [], []
    return m.candidates[0].names, m.rows.tolist()
