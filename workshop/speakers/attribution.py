"""Who speaks each quoted segment.

Evidence is combined most reliable first:

1. script cues (the format names the speaker);
2. explicit tags: a cast name with a speech verb, in either order ("said Bruce", "Bruce stuttered", "Nat shot
   back"), before or after the quote, even at the end of the paragraph before ("Mr. Darcy replied,");
3. pronoun and descriptive tags ("she said", "the old man replied") resolved to a character by gender, the names
   just before, who is in the exchange, and who was addressed (see ``_Engine._candidates``); a relative ("said his
   wife", "her father replied") through the family name of the one whose relative speaks (``_Engine._kin``);
4. action beats: the character who acts in the narration of the quote's paragraph (main clause first; someone
   said to keep silent does not speak);
5. split quotes: the pieces of one utterance share their speaker, unless another character acts between them;
6. vocatives and turn-taking: a name addressed in a line (or turned to, asked, told in the narration around it) is
   its listener, and answers the line straight after; within an exchange turns alternate from the nearest known
   speakers (surest when both sides agree; when they disagree, the side not parted from the turn by a paragraph of
   narration wins, since that is where a third person comes in or the same one goes on).
7. the ranker (:mod:`workshop.speakers.ranker`): for every utterance without a named tag, a small model
   learned on the annotated novels weighs the candidates (the answer of steps 3-6, the speakers around it, the
   names in the narration, who was addressed, whether a "she said" fits) and picks the likeliest; its
   probability becomes the confidence. The method shown stays the evidence behind the choice (pronoun, beat,
   vocative, turn-taking).

A name several characters answer to (two Miss Bennets; "Robert" for Robert Cohn and Robert Prentiss) goes to the one
of them who spoke in the last few utterances, else the one named last, else the one named most often.

When the evidence runs out the speaker stays ``None``. Only cast names (given or discovered) are ever returned.
Each segment gets ``method`` (a key of :data:`workshop.speakers.dialogue.METHODS`) and ``confidence``: the share of the
pieces attributed that way that were right on the annotated novels (see :data:`CONFIDENCE`, bench/pdnc.py).

The engine reads the text in a few linear passes (names found once for the whole text, tags read around each
quote with word-by-word verb lookups), so a whole novel takes a fraction of a second.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from workshop.speakers.lexicon import lexicon, listener_verbs
from workshop.speakers import confidence as confidence_found
from workshop.speakers import ranker
from workshop.speakers.discovery import discover_cast
from workshop.speakers.features import Answer, RankerInput, Utterance
from workshop.speakers.names import Mention, NameIndex
from workshop.speakers.tags import Tag, TagReader, called_after_comma, clause_weight
from workshop.speakers.cast import Cast, Character, normalise_name
from workshop.errors import Notice
from workshop.speakers.narrator import I_WORD
from workshop.text.quotes import QuotedSpan
from workshop.text.scene import Scene

LINK_PARAGRAPHS = 2
LINK_CHARS = 400
"""Two utterances belong to one exchange when at most this many paragraphs and characters of narration part them."""

MENTIONED_PENALTY = 1.5
LEAD_SUBJECT_WEIGHT = 3.0
DESCRIBED_WEIGHT = 1.5
MAX_ALTERNATION = 2
"""Turn-taking reaches at most this many turns from a known speaker, unless both sides agree."""
GAP_PENALTY = 0.5
MENTION_WINDOW = 3000
DIRECT_PENALTY = 2.5
PREV2_WEIGHT = 0.75
"""How much the speaker two lines back counts when resolving "he said": no more than the other recent speakers
(since the one called by name straight before counts for much more, see PREV_ADDRESSEE_WEIGHT)."""

PARTICIPANT_WEIGHT = 2.0
"""How much being a speaker in the current exchange counts when resolving "he said" (see _candidates)."""
OPENER_WEIGHT = 2.0
"""How much more the name opening the latest sentence of the tag's paragraph counts: "He" carries that subject on."""
DESCRIBED_GAP = 2
"""A description ("replied the boy") within this many paragraphs of a named speaker's line is someone else."""
NEXT_SPEAKER_PENALTY = 2.0
"""How much less likely "she said" is the one the next line names as its speaker (people seldom speak twice running)."""
PICK_SPEAKER_WINDOW = 6
"""A name several characters share goes to the one of them who spoke within this many utterances before."""
FORWARD_WINDOW = 1500
FORWARD_WEIGHT = 1.5
"""When no one a pronoun could mean was named before it (a scene opening mid-conversation), the first ones named in
the narration within this many characters after it count, with this weight for the first (halved for the next)."""
PREV_ADDRESSEE_WEIGHT = 4.0
"""How much being called by name in the line straight before counts when resolving "he said": the one called
answers (only straight after; across a paragraph of narration the call has lapsed)."""

CONFIDENCE = {
    "script": 0.99,
    "only-one": 0.95,
    "explicit": 0.97,
    "explicit-weak": 0.88,
    "pronoun": 0.78,
    "descriptive": 0.64,
    "descriptive-title": 0.95,
    "descriptive-kin": 0.95,
    "beat": 0.73,
    "beat-pronoun": 0.65,
    "beat-narrator": 0.64,
    "vocative": 0.78,
    "turn-taking-agreed": 0.87,
    "turn-taking": 0.65,
    "turn-taking-chain": 0.64,
    "turn-taking-pair": 0.6,
}
"""Confidence per method (and variant): the share of pieces it attributed that were right on the twelve annotated
novels of ../shared/pdnc (bench/pdnc.py prints the table; "split" pieces take the confidence of the piece whose tag
they share). "turn-taking-agreed": alternation from both sides gives the same speaker; "turn-taking": from one side,
at most two turns away; "turn-taking-chain": further; "turn-taking-pair": a scene with only two characters;
"descriptive-kin": "said his wife", "her father replied" resolved through the family name (see _kin). The ranker
(step 7) then replaces the confidence of every answer it chooses (all but those at 0.9 or more) with its own
probability times the share of utterances whose speaker was among its candidates (see
:func:`workshop.speakers.ranker.confidence`), so the values below for pronoun, descriptive, beat, vocative and
turn-taking describe the rules alone (the ranker reads them as evidence: after changing them, rebuild its weights
with scripts/train_attribution.py). The
values for scripts and for "only-one" (a pronoun with a single possible character in the cast, as in a two-person
scene) are not measured on the novels (they have no scripts and large casts); they are set at the level of a named
tag, which is what they amount to."""


@dataclass
class AttributionResult:
    cast: Cast
    notices: list[Notice] = field(default_factory=list)


@dataclass
class _Group:
    """One utterance: the quoted pieces of one paragraph (or one speech over several paragraphs)."""

    number: int
    members: list[int]  # indices into segments
    paragraph: int  # paragraph of the first piece
    last_paragraph: int
    speaker: str | None = None
    method: str = "none"
    confidence: float = 0.0
    tags: list[tuple[int, Tag]] = field(default_factory=list)  # (segment index, tag)
    addressees: set[str] = field(default_factory=set)
    mentioned: set[str] = field(default_factory=set)  # named inside the quote, not addressed: spoken about
    outsider: bool = False  # the tag says someone outside the cast speaks ("said a man")
    pronoun_scores: dict[str, float] = field(default_factory=dict)  # the first _resolve's scores (for the ranker)
    ruled_out: set[str] = field(default_factory=set)
    """Characters the tag's own words exclude ("replied the boy" just after a named speaker's line is not that
    speaker; "said his wife" is not "he"): the ranker does not choose them either."""
    owners: set[str] = field(default_factory=set)
    """Characters a possessive in the tag names ("said Brenda's lawyer"): nobody gives them the line."""


_LISTENER_VERBS = "|".join(re.escape(v) for v in listener_verbs())
"""The verbs whose object is the listener ("asked Tom"), from listener_verbs.txt, as a regular-expression choice."""
_TO_NAME = re.compile(
    r"[^.!?;\"“”]*?(?:\b(?:to|at|towards|addressing)"
    r"|(?:\b(?:I|he|she|we|they)|\b[A-Z][a-z]+)\s+(?:" + _LISTENER_VERBS + "))"
    r"\s+(?:the\s+)?(?=[A-Z])"
)
_LEAD_TO = re.compile(
    r"\b(?:(?:turned|turning|turns|said|says|saying|spoke|speaking|whispered|whispering|added|replied|cried)\s+to"
    r"|addressing|" + _LISTENER_VERBS + r")\s+(?:the\s+)?(?=[A-Z])"
)
"""Narration leading into a quote that names its listener: "Emma turned to Harriet", "she asked Tom"."""
_TURNED_TO = re.compile(r"\b(?:(?:turned|turning|turns)\s+to|addressing)\s+(?:the\s+)?(?=[A-Z])")
_SENTENCE_ON = re.compile(r"[.!?;][\"”'’]?\s+\S|\bwho\b")
_SENTENCE_BREAK = re.compile(r"[.!?;][\"”'’]?\s|[\"“”]")
SAME_SENTENCE_WEIGHT = 3.0
_ENDS_WITH_SPEECH_VERB = re.compile(
    r"\b(?:he|she|I|[A-Z][a-z]+)\s+(?:\w+ly\s+)?(?:went on|continued|proceeded|began|resumed|added)"
    r"(?:\s+(?:again|thus|aloud|\w+ly))?\.$"
)
_VOCATIVE_LEAD = re.compile(
    r"[\W_]*(?:(?:oh|ah|my|dear|dearest|well|why|come|now|yes|no|nay|pray|o|indeed|good|poor|sweet|hello|hi|"
    r"hey|morning|evening|thank\s+you|thanks|sir|madam)[\W_]*)*",
    re.IGNORECASE,
)
_SENTENCE_STOP = re.compile(r"(?:[.!?;]|--|—)['’\"”]?\s*")


def _last_sentence_start(text: str, a: int, b: int) -> int | None:
    """Where the last sentence inside ``text[a:b]`` starts (after its full stop, question or exclamation mark,
    semicolon or dash), or None when ``text[a:b]`` holds no sentence end."""
    last = None
    for m in _SENTENCE_STOP.finditer(text, a, b):
        last = m.end()
    return last


_SENTENCE_STOP_IN = re.compile(r";|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?](?:['’\"”)]|\s|$)")
"""The end of a sentence (or a semicolon) inside narration; the full stop of a title ("Mr. Elton") is none."""
_SENTENCE_OPEN = re.compile(r"[.!?;]['’\"”]?\s+$")
_STARTS_TAG = re.compile(r"[\s,;:!?.—–\-_)]*$")
_OUTSIDER = "\0outsider"
_UNKNOWN_PEOPLE = {"stranger", "strangers", "voice", "voices", "somebody", "someone", "newcomer"}
_TITLE_NOUNS = {
    "doctor": {"dr", "doctor"}, "captain": {"captain", "capt"}, "professor": {"professor", "prof"},
    "colonel": {"colonel", "col"}, "major": {"major"}, "general": {"general", "gen"}, "sergeant": {"sergeant", "sgt"},
    "lieutenant": {"lieutenant", "lt"}, "inspector": {"inspector"}, "detective": {"detective"},
    "reverend": {"reverend", "rev"}, "vicar": {"rev", "reverend"}, "judge": {"judge"}, "senator": {"senator"},
    "count": {"count"}, "countess": {"countess"}, "duke": {"duke"}, "duchess": {"duchess"}, "baron": {"baron"},
    "king": {"king"}, "queen": {"queen"}, "prince": {"prince"}, "princess": {"princess"}, "nurse": {"nurse"},
}
_GENERIC_WORDS = {
    "the", "a", "an", "his", "her", "their", "my", "our", "this", "that", "old", "young", "little", "poor", "other",
    "elder", "younger", "eldest", "youngest", "first", "second", "third", "good", "dear", "same", "big", "tall",
}
_KIN = {
    "wife": "she", "husband": "he", "lady": "she", "mother": "she", "father": "he", "son": "he",
    "daughter": "she", "sister": "she", "brother": "he",
}
_KIN_TITLES = {
    "wife": {"mrs", "lady"}, "lady": {"mrs", "lady"}, "husband": {"mr", "sir", "lord"}, "mother": {"mrs", "lady"},
    "father": {"mr", "sir", "lord"},
}
_KIN_TITLES = {k: _KIN_TITLES.get(k, set()) for k in ("wife", "husband", "lady", "mother", "father", "son", "daughter", "sister", "brother")}
"""Family words a descriptive tag uses ("said his wife") with the pronoun of the relative they name."""
_NEW_SENTENCE = re.compile(r"\s+(?:The|He|She|It|His|Her|They|A|An)\s")
_ACTS = re.compile(r"(?:['’]s?\s+\w+)?\s+(?:\w+ly\s+|just\s+|only\s+|then\s+|too\s+|,\s+)?[a-z]")


def attribute(scene: Scene, segments: list, spans: list[QuotedSpan], cast: Cast | None) -> AttributionResult:
    """Fill in ``speaker``, ``method`` and ``confidence`` on each segment (in place).

    ``spans`` are the speech spans the segments were made from, in the same order. Without a cast (or with an
    empty one that is not the writer's) the cast is found in the text (see :mod:`workshop.speakers.discovery`); a
    writer's cast left empty, because it names nobody in the scene, gives nobody any line. The cast returned is the one
    used: the writer's (a script cue it lacks is reported and its lines left unattributed), or the one found plus
    any speaker a script names that it lacks (the caller's cast object is not changed).
    """
    cast, guessed, notices = _cast_to_use(scene, spans, cast)
    engine = _Engine(scene, segments, spans, cast)
    engine.run()
    if cast.source.startswith("found"):
        _calibrate_found(segments, guessed)
    return AttributionResult(cast, notices)


@dataclass
class RulesAnswers:
    """The dialogue as the rules (steps 1-6) leave it, before the ranker: what the ranker reads (``data``), the
    rules' answer for each utterance, and the cast used. The training of the ranker starts from here."""

    data: RankerInput
    answers: list[Answer]
    cast: Cast


def read_by_rules(scene: Scene, segments: list, spans: list[QuotedSpan], cast: Cast | None) -> RulesAnswers:
    """The answers of the rules alone, as :func:`attribute` reaches them before its ranker (the segments are not
    changed)."""
    cast, _, _ = _cast_to_use(scene, spans, cast)
    engine = _Engine(scene, segments, spans, cast)
    engine.run_rules()
    return RulesAnswers(engine.ranker_input(), engine.answers(), cast)


def _cast_to_use(scene: Scene, spans: list[QuotedSpan], cast: Cast | None) -> tuple[Cast, set[str], list[Notice]]:
    """The cast the attribution uses (see :func:`attribute`), the characters whose gender discovery guessed from
    the first-name dictionary, and the notices about the cast."""
    notices: list[Notice] = []
    guessed: set[str] = set()
    if cast is None or (len(cast) == 0 and cast.source != "file"):
        found = discover_cast(scene, spans)
        cast = Cast(list(found.characters), source="found")
        guessed = found.guessed
        notices.extend(found.notices)
    if cast.source == "file":  # the writer named the cast: a cue it lacks is reported, not made a speaker
        notices.extend(_cues_outside_the_cast(cast, spans))
    else:
        cast = _with_script_cues(cast, spans)
    return cast, guessed, notices


def _calibrate_found(segments: list, guessed: set[str]) -> None:
    """The confidences recalibrated for a cast the kit found itself (see :mod:`workshop.speakers.confidence`);
    ``guessed``: the characters whose gender came from the first-name dictionary, not the text."""
    for seg in segments:
        if seg.speaker is not None:
            kind = confidence_found.kind_of(seg.method, seg.confidence, seg.speaker in guessed)
            seg.confidence = confidence_found.calibrate(seg.confidence, kind)


_SUBORDINATE_I = re.compile(
    r"(?:\b(?:which|that|who|because|since|as|if|when|while|though|although|until|till|unless|whom|where)|[(])\s+$",
    re.IGNORECASE,
)
"""What stands just before an "I" of a subordinate clause ("(which I allowed", "because I was"): such an "I" is
background, not the narrator acting, and is not read as a mention."""


def _with_narrator_mentions(mentions: list[Mention], narrator: list[Mention]) -> list[Mention]:
    """The two sorted lists of mentions merged in order (a name and an "I" never start at the same place)."""
    return sorted(mentions + narrator, key=lambda m: m.start) if narrator else mentions


def _cues_outside_the_cast(cast: Cast, spans: list[QuotedSpan]) -> list[Notice]:
    """One notice naming the script's speakers that the writer's cast file lacks (their lines stay unattributed)."""
    lines: dict[str, int] = {}
    for span in spans:
        if span.cue and cast.canonical(span.cue) is None:
            lines[span.cue] = lines.get(span.cue, 0) + 1
    if not lines:
        return []
    names = sorted(lines, key=lambda c: (-lines[c], c))
    shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
    total = sum(lines.values())
    return [Notice("cue-not-in-cast",
                   f"The script gives lines to {shown}, who {'is' if len(names) == 1 else 'are'} not in the cast file: "
                   f"{'that line is' if total == 1 else f'those {total} lines are'} left without a speaker. Add "
                   f"{'the name' if len(names) == 1 else 'the names'} to the cast file (or as an alias) if they are "
                   "characters.")]


def _with_script_cues(cast: Cast, spans: list[QuotedSpan]) -> Cast:
    """The cast with every speaker a script cue names (a script states its speakers outright)."""
    extra: list[Character] = []
    known = {c.lower() for c in cast.aliases_index()}
    for span in spans:
        if span.cue and cast.canonical(span.cue) is None and span.cue.lower() not in known:
            extra.append(Character(span.cue))
            known.add(span.cue.lower())
    if not extra:
        return cast
    source = cast.source if cast.source.endswith("found") else f"{cast.source}+found"
    return Cast(list(cast.characters) + extra, source=source)


@dataclass
class _Talk:
    """An exchange as alternation reads it: its utterances (``run``), the speakers known at which of its turns
    (``known``, by position; ``order``: those positions sorted), the partner of its one known speaker, its known
    speakers, and whether a first-person narrator speaks in it (``told``)."""

    run: list[int]
    known: dict[int, str]
    order: list[int]
    partner: str | None
    speakers: set[str]
    told: bool


class _Engine:
    def __init__(self, scene: Scene, segments: list, spans: list[QuotedSpan], cast: Cast) -> None:
        self.scene = scene
        self.text = scene.text
        self.segments = segments
        self.spans = spans
        self.cast = cast
        self.index = NameIndex(cast)
        self.pronoun = {ch.name: ch.pronouns for ch in cast}
        all_mentions = self.index.mentions(self.text)
        # split mentions into those inside quotes and those in narration
        self.q_starts = [s.start for s in spans]
        self.narr: list[Mention] = []
        self.inq: list[Mention] = []
        for m in all_mentions:
            (self.inq if self._inside_quote(m.start) else self.narr).append(m)
        if self.index.narrator:
            self.narr = _with_narrator_mentions(self.narr, self._narrator_mentions())
        self.narr_starts = [m.start for m in self.narr]
        self.frequency: dict[str, int] = {}
        for m in all_mentions:
            if len(m.names) == 1:
                self.frequency[m.names[0]] = self.frequency.get(m.names[0], 0) + 1
        self.inq_starts = [m.start for m in self.inq]
        self.tags = TagReader(self.text, self.narr, self.index)
        self.paragraphs = scene.paragraphs
        self.para_starts = [p.start for p in self.paragraphs]
        self.quote_paragraphs = {s.paragraph for s in spans}
        self.groups = self._groups()
        self._surname_cache: dict[str, set[str]] = {}
        self._kin_found = False  # the last _resolve named a relative ("said his wife")

    # ------------------------------------------------------------------ structure

    def _narrator_mentions(self) -> list[Mention]:
        """Every "I" of the narration, as a mention of the first-person narrator: where a third-person story
        names its character ("Natasha shrugged"), a first-person one says "I" ("I shrugged"), and the beats, the
        names around a line and the recent mentions read it the same way."""
        narrator = (self.index.narrator,)
        text = self.text
        return [
            Mention(m.start(), m.end(), narrator)
            for m in I_WORD.finditer(text)
            if not self._inside_quote(m.start()) and not _SUBORDINATE_I.search(text, max(0, m.start() - 20), m.start())
        ]

    def _inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.q_starts, pos) - 1
        return i >= 0 and self.spans[i].start <= pos < self.spans[i].end

    def _groups(self) -> list[_Group]:
        groups: list[_Group] = []
        by_number: dict[int, _Group] = {}
        for i, span in enumerate(self.spans):
            g = by_number.get(span.group)
            if g is None:
                g = _Group(len(groups), [], span.paragraph, span.paragraph)
                by_number[span.group] = g
                groups.append(g)
            g.members.append(i)
            g.last_paragraph = span.paragraph
        return groups

    def _para(self, index: int):
        return self.paragraphs[index]

    # ------------------------------------------------------------------ run

    def run(self) -> None:
        self.run_rules()
        self._rerank()
        self._finish()

    def run_rules(self) -> None:
        """Steps 1-6 of the module's docstring: each utterance's speaker by the rules alone."""
        for g in self.groups:
            self._read_tags(g)
            self._read_vocatives(g)
        # explicit evidence first, everywhere
        for g in self.groups:
            self._explicit(g)
        # then pronoun/descriptive tags and beats, left to right (they need the conversation so far)
        for k, g in enumerate(self.groups):
            if g.speaker is None:
                self._resolve_anaphoric(k, g)
        for k, g in enumerate(self.groups):
            if g.speaker is None and not g.outsider:
                self._beat(k, g)
        self._vocative_anchors()
        self._alternate_runs()
        self._turn_taking()

    # ------------------------------------------------------------------ evidence readers

    def _read_tags(self, g: _Group) -> None:
        """The tags of each piece of an utterance: a script's cue, else the tag after the piece, one shared with
        the piece before (a sentence broken by its tag), the one before it, or one ending the paragraph before; and
        whom the tag or the narration leading in speaks to."""
        text = self.text
        after_tag = None  # the tag read after the piece before, when that piece ended on a comma or dash
        for pos, i in enumerate(g.members):
            span = self.spans[i]
            if span.cue:
                speaker = self.cast.canonical(span.cue)
                if speaker is None:  # a cue the writer's cast file lacks: someone outside the cast speaks
                    g.outsider = True
                else:
                    g.tags.append((i, Tag("script", (speaker,))))
                continue
            para = self._para(span.paragraph)
            nxt = self.spans[i + 1] if i + 1 < len(self.spans) else None
            prv = self.spans[i - 1] if i > 0 else None
            close = span.end + (1 if span.closed else 0)
            after_end = nxt.start - 1 if nxt is not None and nxt.paragraph == span.paragraph else para.end
            before_start = prv.end + 1 if prv is not None and prv.paragraph == span.paragraph else para.start
            quote_text = text[span.start : span.end].rstrip()
            comma = quote_text.endswith((",", "—", "-", "–")) or text[close : close + 1] in (",", "—")
            tag = self._tag_after(span, close, after_end, before_start, comma)
            interrupting = (
                pos > 0
                and after_tag is not None
                and prv is not None
                and prv.paragraph == span.paragraph
                and not _SENTENCE_STOP_IN.search(text, before_start, span.start - 1)
            )
            shared = after_tag if interrupting else None
            after_tag = tag if comma else None
            if tag is None and shared is not None:
                # the narration between two pieces of one sentence is one tag, read after the first: '"Well," said
                # the undertaker's wife, when Oliver had finished his supper, "have you done?"' (not Oliver's)
                tag = shared
            elif tag is None and before_start < span.start - 1:
                tag = self.tags.before(max(before_start, span.start - 1 - 300), span.start - 1)
            if tag is None and before_start >= span.start - 1 and span.paragraph > 0:
                tag = self._tag_ending_paragraph_before(span, prv)
            if tag is not None:
                g.tags.append((i, tag))
                if close < after_end:
                    self._spoken_to_in_tag(g, close, after_end)
            if pos == 0:
                self._lead_in_addressee(g, span, before_start)

    def _tag_after(self, span: QuotedSpan, close: int, after_end: int, before_start: int, comma: bool) -> Tag | None:
        """The tag in the narration after a piece; when that narration is a new sentence ('"...--" The Rabbit
        started violently'), a tag leading into the piece is preferred (a new sentence is weaker)."""
        text = self.text
        if close >= after_end:
            return None
        tag = self.tags.after(close, min(after_end, close + 200), comma)
        if tag is not None and not comma and _NEW_SENTENCE.match(text, close, after_end):
            if before_start < span.start - 1:
                lead_in = self.tags.before(max(before_start, span.start - 1 - 300), span.start - 1)
                tag = lead_in or tag
        return tag

    def _tag_ending_paragraph_before(self, span: QuotedSpan, prv: QuotedSpan | None) -> Tag | None:
        """A piece opening its paragraph whose tag ends the paragraph before: '"Mr. Darcy replied with great
        intrepidity,\n\n"Miss Elizabeth Bennet."', or 'She went on.\n\n"From the very beginning..."'."""
        text = self.text
        prev_para = self._para(span.paragraph - 1)
        tail_start = prv.end + 1 if prv is not None and prv.paragraph == prev_para.index else prev_para.start
        tail = text[tail_start : prev_para.end].rstrip()
        cut_off = (
            prv is not None
            and prv.paragraph == prev_para.index
            and tail.endswith(("--", "—", "–"))
            and not tail.rstrip("-—–").endswith(":")
            and not _SENTENCE_STOP_IN.search(tail)
            and prv.end < prev_para.end
            and self.tags.after(prv.end + (1 if prv.closed else 0), prev_para.end, True) is not None
        )
        if tail and tail[-1] in ",:—–-" and not self.scene.is_excluded(prev_para.start) and not cut_off:
            # (not '"If it were admissible," said the gallant Mr. Elton--': the tag of the quote before,
            # cut off by the next speaker)
            return self.tags.before(max(tail_start, prev_para.end - 300), prev_para.end)
        if (
            tail
            and tail_start == prev_para.start
            and _ENDS_WITH_SPEECH_VERB.search(tail)
            and not self.scene.is_excluded(prev_para.start)
        ):
            # the paragraph before ends on its speech verb
            return self.tags.before(max(tail_start, prev_para.end - 300), prev_para.end - 1)
        return None

    def _spoken_to_in_tag(self, g: _Group, close: int, after_end: int) -> None:
        """"said she to Charlotte": Charlotte is spoken to."""
        to = _TO_NAME.match(self.text, close, min(after_end, close + 60))
        if to:
            j = bisect.bisect_left(self.narr_starts, to.end())
            if j < len(self.narr) and self.narr[j].start == to.end() and len(self.narr[j].names) == 1:
                g.addressees.add(self.narr[j].names[0])

    def _lead_in_addressee(self, g: _Group, span: QuotedSpan, before_start: int) -> None:
        """"Emma turned to Harriet. "...": the one turned to or asked in the sentence leading in is spoken to, in the
        quote's paragraph or ending the paragraph of narration just before it."""
        lead_end = span.start - 1
        lead_start = before_start
        own_para = before_start >= span.start - 1
        if own_para and span.paragraph > 0 and span.paragraph - 1 not in self.quote_paragraphs:
            prev_para = self._para(span.paragraph - 1)
            if not self.scene.is_excluded(prev_para.start):
                lead_start, lead_end = prev_para.start, prev_para.end
        if lead_start < lead_end:
            self._lead_addressee(g, max(lead_start, lead_end - 200), lead_end, lead_end != span.start - 1)

    def _lead_addressee(self, g: _Group, a: int, b: int, turned_only: bool = False) -> None:
        """The character turned to or asked in the last sentence of the narration ``text[a:b]`` (see _LEAD_TO) is
        spoken to. ``turned_only``: a paragraph of its own before the quote, where only "turned to Tom" or "addressing
        Tom" is sure enough (an "asked Tom" there is often a question told, not the quote that follows)."""
        text = self.text
        for to in (_TURNED_TO if turned_only else _LEAD_TO).finditer(text, a, b):
            j = bisect.bisect_left(self.narr_starts, to.end())
            if j < len(self.narr) and self.narr[j].start == to.end() and len(self.narr[j].names) == 1:
                m = self.narr[j]
                if not _SENTENCE_ON.search(text, m.end, b):
                    g.addressees.add(m.names[0])

    def _read_vocatives(self, g: _Group) -> None:
        """Names addressed inside the quote: "Natasha, I'm sorry", "..., Mr. Darcy?", "Oh, Jane!"."""
        text = self.text
        for i in g.members:
            span = self.spans[i]
            j = bisect.bisect_left(self.inq_starts, span.start)
            while j < len(self.inq) and self.inq[j].start < span.end:
                m = self.inq[j]
                j += 1
                before = text[max(span.start, m.start - 3) : m.start]
                after = text[m.end : m.end + 2]
                at_start = _VOCATIVE_LEAD.fullmatch(text, span.start, m.start) is not None
                lead_ok = at_start or re.search(r"[,!?]\s*$|^\s*$", before) is not None or called_after_comma(
                    text, span.start, m.start
                )
                if not lead_ok:
                    # "Six years hence! Dear Miss Woodhouse, he would be...": a sentence that opens on the name
                    opening = _last_sentence_start(text, max(span.start, m.start - 40), m.start)
                    lead_ok = opening is not None and _VOCATIVE_LEAD.fullmatch(text, opening, m.start) is not None
                follow_ok = re.match(r"\s*(?:[,!?.;—–]|--)|$", text[m.end : m.end + 3]) is not None or m.end >= span.end
                if len(m.names) != 1:
                    continue
                if lead_ok and follow_ok:
                    g.addressees.add(m.names[0])
                else:
                    g.mentioned.add(m.names[0])

    def _set(self, g: _Group, name: str | None, method: str, conf: float | None = None) -> None:
        if name is None:
            return
        if method not in ("explicit", "script") and name in g.owners:
            return  # "said Brenda's lawyer" is not Brenda
        g.speaker, g.method = name, method
        g.confidence = CONFIDENCE.get(method, 0.5) if conf is None else conf

    def _pick(self, names: tuple[str, ...], pos: int, g: _Group | None = None, written: str = "") -> str:
        """One character for a name several share (two Miss Bennets; "Robert" for Robert Cohn and Robert Prentiss):
        when they are of different genders (all known), the only one whose own name it is as ``written`` ("Hamidullah" is Hamidullah,
        not Hamidullah Begum), else
        the one named by a name of their own opening a sentence earlier in the same paragraph, else the one who spoke just before, else
        the most recently mentioned by a name of their own, else the one mentioned most often."""
        if len(names) == 1:
            return names[0]
        genders = [self.pronoun.get(n) for n in names]
        if written and None not in genders and len(set(genders)) > 1:
            # a man and a woman do not share a bare name: the one whose own name it is
            key = normalise_name(written)
            own = [n for n in names if any(normalise_name(a) == key for a in self._names_of(n))]
            if len(own) == 1:
                return own[0]
        i = bisect.bisect_left(self.narr_starts, pos) - 1
        para_start = self.para_starts[bisect.bisect_right(self.para_starts, pos) - 1] if self.para_starts else 0
        while i >= 0 and self.narr[i].start >= para_start:
            m = self.narr[i]
            i -= 1
            if len(m.names) == 1 and m.names[0] in names and (
                m.start == para_start or _SENTENCE_OPEN.search(self.text, max(para_start, m.start - 3), m.start)
            ):
                # 'Robert Prentiss laughed. "Stay," Robert said.': the one just named in full, acting
                return m.names[0]
        if g is not None:
            k = g.number - 1
            while k >= 0 and g.number - k <= PICK_SPEAKER_WINDOW:
                if self.groups[k].speaker in names:
                    return self.groups[k].speaker  # type: ignore[return-value]
                k -= 1
        i = bisect.bisect_left(self.narr_starts, pos) - 1
        while i >= 0 and pos - self.narr[i].start < 5000:
            m = self.narr[i]
            if len(m.names) == 1 and m.names[0] in names:
                return m.names[0]
            i -= 1
        return max(names, key=lambda n: (self.frequency.get(n, 0), n))

    def _names_of(self, name: str) -> tuple[str, ...]:
        ch = self.cast.get(name)
        return ch.names if ch is not None else (name,)

    def _generic(self, tag: Tag) -> bool:
        """A description that names a cast member only generically ("the girl", "the son") and that character
        has not been mentioned lately: read it as a description, not a name."""
        if any(c.isupper() for c in tag.phrase):
            return False
        if self.cast.source.startswith("found") and len(tag.names) == 1 and normalise_name(tag.phrase) == normalise_name(tag.names[0]):
            return False  # cast discovery made this description a character ("the stranger"): it is its name
        words = [w.strip("'’") for w in tag.phrase.lower().split()]
        nouns = lexicon().nouns
        if not all(w in nouns or w in _GENERIC_WORDS for w in words):
            return False  # a distinctive description ("the gentleman in the white waistcoat") is a name
        pos = tag.pos
        titled = self._titled(tag.phrase)
        rival = titled is not None and titled not in tag.names
        if not rival and self._described_in_full(tag) and self._described_lately(tag):
            return False
        i = bisect.bisect_left(self.narr_starts, pos) - 1
        while i >= 0 and pos - self.narr[i].start < 4000:
            m = self.narr[i]
            i -= 1
            if set(m.names) & set(tag.names):
                if rival and self._generic_words(self.text[m.start : m.end]):
                    # "the doctor" again, when the cast also has a Doctor Losberne: the words themselves do not
                    # say which is meant
                    continue
                return False
        return True

    def _described_in_full(self, tag: Tag) -> bool:
        """Whether a description in a tag is word for word what the cast calls the character ("said the little girl"
        for a character the cast names "Little Girl", "the doctor" for one with the alias "Doctor"): the cast's own
        words name them, as a name would. (A shorter description, "the girl" for "Little Girl", does not.)"""
        if len(tag.names) != 1:
            return False
        words = normalise_name(tag.phrase).split()
        bare = " ".join(words[1:]) if words and words[0] in ("the", "a", "an") else " ".join(words)
        character = self.cast.get(tag.names[0])
        return character is not None and any(
            bare == " ".join(w for w in normalise_name(n).split() if w not in ("the", "a", "an")) for n in character.names
        )

    def _described_lately(self, tag: Tag) -> bool:
        """Whether the narration used the tag's description in the few pages before it ("The little girl looked
        up." before "said the little girl"): the one described is in the scene."""
        words = tag.phrase.split()
        if not words:
            return False
        pattern = re.compile(r"(?<![\w'’])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w'’])", re.IGNORECASE)
        start = max(0, tag.pos - 4000)
        return any(not self._inside_quote(m.start()) for m in pattern.finditer(self.text, start, tag.pos))

    @staticmethod
    def _generic_words(phrase: str) -> bool:
        words = [w.strip("'’") for w in phrase.lower().split()]
        nouns = lexicon().nouns
        return bool(words) and all(w in nouns or w in _GENERIC_WORDS for w in words)

    def _explicit(self, g: _Group) -> None:
        for i, tag in g.tags:
            if tag.kind == "script":
                self._set(g, tag.names[0], "script")
                return
        for i, tag in g.tags:
            if tag.kind == "name" and tag.strong:
                if self._generic(tag):
                    continue
                self._set(g, self._pick(tag.names, tag.pos, g, tag.phrase), "explicit")
                return
            if tag.kind == "narrator" and self.index.narrator:
                self._set(g, self.index.narrator, "explicit")
                return
        for i, tag in g.tags:
            if tag.kind == "name" and not tag.strong and not self._generic(tag):
                self._set(g, self._pick(tag.names, tag.pos, g, tag.phrase), "explicit", CONFIDENCE["explicit-weak"])
                return

    # ------------------------------------------------------------------ resolving "she said" / "the old man said"

    def _candidates(self, k: int, g: _Group, pos: int, pronoun: str | None, beat: bool = False) -> dict[str, float]:
        """Score the characters a pronoun or description at ``pos`` may stand for: the names in the narration
        before it (or, with none, just after it), the conversation's recent speakers, the subject of the narration
        paragraph before, the people of the exchange, who was called in the line before; less those called or
        named in this line and the one the next line names as its speaker."""
        scores: dict[str, float] = {}

        def fits(name: str) -> bool:
            if name == self.index.narrator:
                return False  # a first-person narrator is "I", never "he" or "she" or "the old man"
            if pronoun is None:
                return True
            p = self.pronoun.get(name)
            if pronoun == "it":
                return p in (None, "they")
            return p is None or p == pronoun

        def add(name: str, value: float) -> None:
            if fits(name):
                bonus = 0.0 if pronoun is None or self.pronoun.get(name) == pronoun else -0.5
                scores[name] = scores.get(name, bonus) + value

        seen: set[str] = set()
        if not self._score_named_before(pos, fits, add, seen):
            self._score_named_after(pos, fits, add, seen)
        self._score_recent_speakers(k, g, scores, add)
        self._score_lead_subject(pos, add)
        # the people in this exchange: one of them is speaking
        for name in sorted(self._participants(k, exclude_self=True)):  # sorted: ties never follow set order
            add(name, PARTICIPANT_WEIGHT)
        # somebody addressed in the previous line tends to answer
        if k > 0 and g.paragraph - self.groups[k - 1].last_paragraph <= 1:
            for name in sorted(self.groups[k - 1].addressees):
                add(name, PREV_ADDRESSEE_WEIGHT)
        self._score_penalties(k, g, scores)
        return scores

    def _score_named_before(self, pos: int, fits, add, seen: set[str]) -> int:
        """Narration mentions before the tag, nearest first (the current paragraph counts most, the last name
        opening a sentence there more, one in the tag's own sentence more still): how many were scored."""
        para_start = self.paragraphs[bisect.bisect_right(self.para_starts, pos) - 1].start
        i = bisect.bisect_left(self.narr_starts, pos) - 1
        rank = 0
        opener_seen = False
        while i >= 0 and pos - self.narr[i].start < MENTION_WINDOW and rank < 6:
            m = self.narr[i]
            i -= 1
            if len(m.names) != 1:
                continue
            name = m.names[0]
            if name in seen or not fits(name):
                continue
            seen.add(name)
            weight = 3.0 if m.start >= para_start else 2.0 / (1 + rank)
            if not opener_seen and m.start >= para_start and (
                m.start == para_start or _SENTENCE_OPEN.search(self.text, max(para_start, m.start - 3), m.start)
            ):
                # the last name opening a sentence of this paragraph: "He" carries that subject on
                weight += OPENER_WEIGHT
                opener_seen = True
            if rank == 0 and m.start >= para_start and not _SENTENCE_BREAK.search(self.text, m.end, pos):
                weight += SAME_SENTENCE_WEIGHT  # "Mr. Elton looked all alarm, as he exclaimed"
            add(name, weight)
            rank += 1
        return rank

    def _score_named_after(self, pos: int, fits, add, seen: set[str]) -> None:
        """Nobody it could be was named before it (a scene that opens on "she said"): the reader learns who from
        the narration that follows, so the first ones named after it who fit count, less."""
        rank = 0
        j = bisect.bisect_right(self.narr_starts, pos)
        while j < len(self.narr) and self.narr[j].start - pos < FORWARD_WINDOW and rank < 3:
            m = self.narr[j]
            j += 1
            if len(m.names) != 1 or m.names[0] in seen or not fits(m.names[0]):
                continue
            seen.add(m.names[0])
            add(m.names[0], FORWARD_WEIGHT / (1 + rank))
            rank += 1

    def _score_recent_speakers(self, k: int, g: _Group, scores: dict[str, float], add) -> None:
        """The conversation: recent speakers count; the last one less when this line follows straight on."""
        prev = self._recent_speakers(k, 4)
        for j, name in enumerate(prev):
            if name is not None:
                add(name, PREV2_WEIGHT if j == 1 else 0.75)
        if prev and prev[0] is not None and g.paragraph != self.groups[k - 1].last_paragraph:
            if prev[0] in scores:
                # the last speaker rarely speaks the next paragraph straight after (one time in twenty), but
                # often again after a paragraph of narration (four times in ten)
                direct = g.paragraph - self.groups[k - 1].last_paragraph == 1
                scores[prev[0]] -= DIRECT_PENALTY if direct else GAP_PENALTY

    def _score_lead_subject(self, pos: int, add) -> None:
        """The subject of the narration paragraph just before ("Mr. Hurst looked at her with astonishment.")."""
        here = bisect.bisect_right(self.para_starts, pos) - 1
        if here > 0 and here - 1 not in self.quote_paragraphs:
            lead = self.paragraphs[here - 1]
            j = bisect.bisect_left(self.narr_starts, lead.end) - 1
            while j >= 0 and self.narr[j].start >= lead.start:
                m = self.narr[j]
                j -= 1
                opens = m.start == lead.start or _SENTENCE_OPEN.search(self.text, max(lead.start, m.start - 3), m.start)
                if opens and len(m.names) == 1:
                    add(m.names[0], LEAD_SUBJECT_WEIGHT)  # the last sentence-opening name there
                    break

    def _score_penalties(self, k: int, g: _Group, scores: dict[str, float]) -> None:
        """Who is probably not speaking: the one called in this line, one named in it (people seldom speak of
        themselves by name), the one the next line names as its speaker."""
        for name in g.addressees:
            if name in scores:
                scores[name] -= 4.0
        for name in g.mentioned - g.addressees:
            if name in scores:
                scores[name] -= MENTIONED_PENALTY
        if k + 1 < len(self.groups):
            nxt = self.groups[k + 1]
            if nxt.method in ("explicit", "script") and nxt.speaker in scores and nxt.paragraph != g.last_paragraph:
                scores[nxt.speaker] -= NEXT_SPEAKER_PENALTY

    def _recent_speakers(self, k: int, n: int) -> list[str | None]:
        out: list[str | None] = []
        j = k - 1
        while j >= 0 and len(out) < n:
            if self._para(self.groups[k].paragraph).start - self._para(self.groups[j].last_paragraph).end > 3000:
                break
            out.append(self.groups[j].speaker)
            j -= 1
        return out

    def _the_other(self, k: int) -> str | None:
        """"said the other": in an exchange of two, the one who did not speak last."""
        people = self._participants(k, exclude_self=True)
        prev = self.groups[k - 1].speaker if k > 0 else None
        if len(people) == 2 and prev in people:
            return next(iter(people - {prev}))
        return None

    def _titled(self, phrase: str) -> str | None:
        """The one character whose title the description names ("the doctor" for Dr. Okafor), or None."""
        words = phrase.lower().split()
        if not words or words[0] != "the":
            return None
        titles = _TITLE_NOUNS.get(words[-1])
        if not titles:
            return None
        owners = {
            ch.name for ch in self.cast for n in ch.names if n.split()[0].rstrip(".").lower() in titles
        }
        return next(iter(owners)) if len(owners) == 1 else None

    def _possessor(self, pos: int, pronoun: str) -> str | None:
        """The nearest character of that gender named before ``pos`` (the "her" of "her sister")."""
        i = bisect.bisect_left(self.narr_starts, pos) - 1
        while i >= 0 and pos - self.narr[i].start < 3000:
            m = self.narr[i]
            i -= 1
            if len(m.names) == 1 and self.pronoun.get(m.names[0]) == pronoun:
                return m.names[0]
        return None

    def _surnames(self, name: str) -> set[str]:
        """The family names a character goes by: the last word of each of their names of two words or more."""
        found = self._surname_cache.get(name)
        if found is None:
            ch = self.cast.get(name)
            names = ch.names if ch is not None else (name,)
            found = {n.split()[-1].lower() for n in names if len(n.split()) >= 2 and n.split()[-1][:1].isupper()}
            self._surname_cache[name] = found
        return found

    def _kin(self, k: int, g: _Group, pos: int, gender: str, noun: str) -> list[str]:
        """"said his wife", "her father replied": the cast members of that family (sharing a surname with the
        one whose relative speaks) that the noun fits; the possessor is the nearest character of that gender
        named in the narration, addressed in this line, or speaking just before."""
        wanted = _KIN[noun]
        owners: list[str] = []
        if k > 0 and self.groups[k - 1].speaker and self.pronoun.get(self.groups[k - 1].speaker) == gender:
            owners.append(self.groups[k - 1].speaker)  # type: ignore[arg-type]
        owners += [n for n in sorted(g.addressees) if self.pronoun.get(n) == gender]
        possessor = self._possessor(pos, gender)
        if possessor:
            owners.append(possessor)
        for owner in owners:
            family = self._surnames(owner)
            if not family:
                continue
            kin = [
                ch.name
                for ch in self.cast
                if ch.name != owner
                and ch.pronouns == wanted
                and ch.name not in g.addressees
                and self._surnames(ch.name) & family
            ]
            if _KIN_TITLES[noun]:
                # "his wife": Mrs. Bennet, not Miss Bennet; "her father": Mr. Bennet
                kin = [n for n in kin if self._titles(n) & _KIN_TITLES[noun]]
            elif noun in ("daughter", "sister"):
                kin = [n for n in kin if "mrs" not in self._titles(n)]
            if kin:
                return kin
        return []

    def _titles(self, name: str) -> set[str]:
        ch = self.cast.get(name)
        names = ch.names if ch is not None else (name,)
        return {n.split()[0].rstrip(".").lower() for n in names if len(n.split()) >= 2}

    def _only_one(self, pronoun: str | None) -> bool:
        """Whether the cast has exactly one character this pronoun can mean (and every character's pronoun is
        known): then "she said" names the speaker as surely as a name would."""
        if pronoun not in ("he", "she") or any(ch.pronouns is None for ch in self.cast):
            return False
        return sum(1 for ch in self.cast if ch.pronouns == pronoun and ch.name != self.index.narrator) == 1

    def _resolve(
        self,
        k: int,
        g: _Group,
        pos: int,
        pronoun: str | None,
        phrase: str = "",
        described: tuple[str, ...] = (),
        owner: tuple[str, ...] = (),
    ) -> str | None:
        """The character a pronoun or description at ``pos`` stands for, or None. When the likely ones are ruled
        out (the person addressed), the only other character of that gender in the cast, if there is one.

        "said her sister": the most likely "she" is the one whose sister speaks, so the next one is taken."""
        scores = {n: v for n, v in self._candidates(k, g, pos, pronoun).items() if n not in g.addressees}
        for name in described:
            # "the old woman" is also what the cast calls one character: she is a likely one
            if name not in g.addressees:
                scores[name] = scores.get(name, 0.0) + DESCRIBED_WEIGHT
        if not g.pronoun_scores:
            g.pronoun_scores = dict(scores)
        words = phrase.lower().split()
        if len(words) >= 2 and words[0] in ("his", "her") and pronoun == {"his": "he", "her": "she"}[words[0]]:
            possessor = self._possessor(pos, pronoun)
            if possessor in scores:
                del scores[possessor]
                g.ruled_out.add(possessor)
        for name in owner:
            # "said Brenda's solicitor": not Brenda
            scores.pop(name, None)
            g.ruled_out.add(name)
            g.owners.add(name)
        if words and (words[0] == "the" or owner) and k > 0 and g.paragraph - self.groups[k - 1].last_paragraph <= DESCRIBED_GAP:
            last = self.groups[k - 1].speaker
            if last in scores and last not in described:
                # '"Do you live here?" inquired Oliver. "I do," replied the boy.': a writer who has just named the
                # one speaking before describes someone else
                del scores[last]
                g.ruled_out.add(last)
        if len(words) == 2 and words[0] in ("his", "her") and words[1] in _KIN:
            kin = self._kin(k, g, pos, {"his": "he", "her": "she"}[words[0]], words[1])
            if len(kin) == 1 and (kin[0] in scores or max(scores.values(), default=0.0) <= 0):
                self._kin_found = True
                return kin[0]
        if scores:
            best, top = max(scores.items(), key=lambda kv: kv[1])
            if top > 0:
                return best
        if pronoun in ("he", "she"):
            fitting = [ch.name for ch in self.cast if ch.pronouns == pronoun and ch.name not in g.addressees]
            if len(fitting) == 1:
                return fitting[0]
        return None

    def _resolve_anaphoric(self, k: int, g: _Group) -> None:
        for i, tag in g.tags:
            described: tuple[str, ...] = ()
            if tag.kind == "name" and self._generic(tag):
                words = tag.phrase.split()
                noun = lexicon().people.get(words[-1].lower()) if words else None
                described = tag.names
                tag = Tag("descriptive", pronoun=None if noun in (None, "they") else noun, pos=tag.pos, phrase=tag.phrase)
            if tag.kind == "descriptive":
                words = tag.phrase.lower().split()
                if words and (words[0] in ("a", "an", "one") or words[-1] in _UNKNOWN_PEOPLE):
                    g.outsider = True  # "said a man", "the stranger said": someone not named, so nobody in the cast
                    return
                if words[-2:] == ["the", "other"] or words == ["the", "other", "one"]:
                    other = self._the_other(k)
                    if other is not None:
                        self._set(g, other, "descriptive")
                        return
                titled = self._titled(tag.phrase)
                if titled is not None and titled not in g.addressees:
                    self._set(g, titled, "descriptive", CONFIDENCE["descriptive-title"])  # "the doctor": Dr. Okafor
                    return
            if tag.kind in ("pronoun", "descriptive"):
                if tag.pronoun in ("they", "we"):
                    continue
                phrase = tag.phrase if tag.kind == "descriptive" else ""
                best = self._resolve(k, g, tag.pos, tag.pronoun, phrase, described, tag.owner)
                if best is None:
                    continue
                method = "pronoun" if tag.kind == "pronoun" else "descriptive"
                conf = CONFIDENCE["only-one"] if self._only_one(tag.pronoun) else None
                if self._kin_found:
                    conf, self._kin_found = CONFIDENCE["descriptive-kin"], False
                self._set(g, best, method, conf)
                return

    # ------------------------------------------------------------------ beats

    def _subject_weight(self, a: int, cs: int, ce: int, b: int) -> float:
        return clause_weight(self.text, a, cs, ce, b)

    def _beat(self, k: int, g: _Group) -> None:
        """A character who acts in the paragraph: the subject nearest the quote in the narration before it
        ("Natasha pursed her lips. "Did we?""), else the first subject in the narration after it."""
        para = self._para(g.paragraph)
        text = self.text
        first = self.spans[g.members[0]]
        last = max((self.spans[i] for i in g.members if self.spans[i].paragraph == g.paragraph), key=lambda s: s.end)
        pieces: list[tuple[int, int, bool]] = []
        if first.start - 1 > para.start:
            pieces.append((para.start, first.start - 1, True))
        inside = [self.spans[i] for i in g.members if self.spans[i].paragraph == g.paragraph]
        for left, right in zip(inside, inside[1:]):
            if right.start - 1 > left.end + 1:
                pieces.append((left.end + 1, right.start - 1, False))
        if last.end + 1 < para.end:
            pieces.append((last.end + 1, para.end, False))
        for a, b, before in pieces:
            subjects = [
                (cs, ce, tag)
                for cs, ce, tag in self.tags._subjects(a, b)
                if (tag.kind == "name" or tag.pronoun in ("he", "she") or (tag.kind == "narrator" and self.index.narrator))
                and _ACTS.match(text, ce, b)
            ]
            if not before:
                # only the narration's own sentences: not a quote inside it
                subjects = [x for x in subjects if not self._inside_quote(x[0])]
            if not subjects:
                continue
            ranked = [(self._subject_weight(a, x[0], x[1], b), n if before else -n, x) for n, x in enumerate(subjects)]
            weight, _, (cs, ce, tag) = max(ranked, key=lambda r: (r[0], r[1]))
            if weight <= 0:
                continue
            if tag.kind == "name":
                name = self._pick(tag.names, cs, g)
                if name in g.addressees or name in g.owners:
                    continue  # spoken to; or the tag's own words say it is not them ("said Brenda's lawyer")
                self._set(g, name, "beat")
                # "I decided to remain silent until Bruce spelled it out": the one keeping silent does not speak
                g.ruled_out.update(
                    n for w, _, x in ranked if w == 0 and x[2].kind == "name" and len(x[2].names) == 1
                    for n in x[2].names if n != name
                )
                return
            if tag.kind == "narrator":
                # "I was looking over my desk. "Where do you want to eat?"": the narrator
                if self.index.narrator not in g.addressees:
                    self._set(g, self.index.narrator, "beat", CONFIDENCE["beat-narrator"])
                    return
                continue
            if tag.pronoun in ("he", "she"):
                best = self._resolve(k, g, cs, tag.pronoun)
                if best is not None:
                    only = self._only_one(tag.pronoun)
                    self._set(g, best, "beat", CONFIDENCE["only-one" if only else "beat-pronoun"])
                    return

    # ------------------------------------------------------------------ vocatives and turn-taking

    def _linked(self, a: _Group, b: _Group) -> bool:
        """Whether two utterances belong to one exchange (little narration between them)."""
        gap_start = self._para(a.last_paragraph).end
        gap_end = self._para(b.paragraph).start
        if b.paragraph - a.last_paragraph > LINK_PARAGRAPHS:
            return False
        return gap_end - gap_start < LINK_CHARS

    def _participants(self, k: int, exclude_self: bool = False) -> set[str]:
        """Who speaks in the exchange around utterance ``k`` (linked utterances on either side); in a scene with
        only two characters, those two."""
        if len(self.cast) == 2 and not exclude_self:
            return set(self.cast.names)
        people: set[str] = set()
        groups = self.groups
        j = k
        while j > 0 and k - j < 8 and self._linked(groups[j - 1], groups[j]):
            j -= 1
            if groups[j].speaker:
                people.add(groups[j].speaker)
        j = k
        while j + 1 < len(groups) and j - k < 8 and self._linked(groups[j], groups[j + 1]):
            j += 1
            if groups[j].speaker:
                people.add(groups[j].speaker)
        if self.index.narrator and people and not exclude_self:
            people.add(self.index.narrator)  # a first-person narrator is in every exchange they tell
        return people

    def _runs(self) -> list[list[int]]:
        """Exchanges: maximal stretches of linked utterances (indices into groups)."""
        runs: list[list[int]] = []
        for k in range(len(self.groups)):
            if runs and self._linked(self.groups[k - 1], self.groups[k]):
                runs[-1].append(k)
            else:
                runs.append([k])
        return runs

    def _alternate_runs(self) -> None:
        """Fill the gaps of each exchange by alternation from the nearest known turns on both sides: from the
        left, the last two different speakers alternate on; from the right, likewise backwards. When both sides
        agree the answer is surer; when they disagree the nearer side wins."""
        groups = self.groups
        for run in self._runs():
            known = {
                pos: groups[k].speaker or _OUTSIDER for pos, k in enumerate(run) if groups[k].speaker or groups[k].outsider
            }
            if not known or len(known) == len(run):
                continue
            speakers = set(known.values()) - {_OUTSIDER}
            talk = _Talk(run, known, sorted(known), self._partner(run, speakers), speakers,
                         bool(self.index.narrator) and self.index.narrator in speakers)
            for pos, k in enumerate(run):
                g = groups[k]
                if g.speaker is None and not g.outsider:
                    self._alternate_one(talk, pos, g)

    def _partner(self, run: list[int], speakers: set[str]) -> str | None:
        """Who is spoken to in an exchange with only one speaker known: the one called most, else a first-person
        narrator (in every talk they tell), else the one the narration around it names most."""
        if len(speakers) != 1:
            return None
        addressed = Counter(n for k in run for n in sorted(self.groups[k].addressees))
        only = next(iter(speakers))
        partner = next((n for n, _ in addressed.most_common() if n != only), None)
        if partner is None and self.index.narrator and only != self.index.narrator:
            partner = self.index.narrator  # a first-person narrator is in every talk they tell
        if partner is None:
            partner = self._named_around(run, only)
        return partner

    def _alternate_one(self, talk: _Talk, pos: int, g: _Group) -> None:
        """The speaker of the turn at ``pos`` of an exchange by alternation (see :meth:`_alternate_runs`)."""
        groups, run, known, order = self.groups, talk.run, talk.known, talk.order
        partner, told = talk.partner, talk.told
        prev = groups[run[pos - 1]] if pos else None
        if prev is not None and prev.speaker and pos - 1 in known and g.paragraph - prev.last_paragraph == 1:
            addressed = [n for n in prev.addressees if n != prev.speaker]
            if len(addressed) == 1 and addressed[0] not in g.addressees:
                self._set(g, addressed[0], "vocative")
                return
        left = right = None
        dl = dr = 0
        cut = bisect.bisect_left(order, pos)
        if cut > 0:
            a = order[cut - 1]
            other = next((known[p] for p in reversed(order[max(0, cut - 8) : cut]) if known[p] != known[a]
                          and self._same_talk(run, p, a, known[a], told)), self._other_side(partner, known[a], told))
            dl = pos - a
            left = known[a] if dl % 2 == 0 else other
        if cut < len(order):
            c = order[cut]
            other = next((known[p] for p in order[cut : cut + 8] if known[p] != known[c]
                          and self._same_talk(run, c, p, known[c], told)), self._other_side(partner, known[c], told))
            dr = c - pos
            right = known[c] if dr % 2 == 0 else other
        options = [
            (d, name)
            for d, name in ((dl, left), (dr, right))
            if name and name != _OUTSIDER and name not in g.addressees | g.mentioned
        ]
        if not options:
            return
        if len(options) == 2 and options[0][1] == options[1][1]:
            self._set(g, options[0][1], "turn-taking", CONFIDENCE["turn-taking-agreed"])
            return
        d, name = options[0]
        broken_left = self._narration_between(run, pos - dl, pos)
        if len(options) == 2 and broken_left and not self._narration_between(run, pos, pos + dr):
            # the alternation from the left broke at the narration between (someone new spoke, or the same
            # one went on): the turns after it follow the side with no break
            d, name = options[1]
        if len(options) == 2 and prev is not None and options[1][1] in prev.addressees - {prev.speaker}:
            d, name = options[1]  # the line before spoke to this one: they answer
        if d <= MAX_ALTERNATION or len(talk.speakers | ({partner} if partner else set())) == 2:
            self._set(g, name, "turn-taking", CONFIDENCE["turn-taking" if d <= 2 else "turn-taking-chain"])

    def _other_side(self, partner: str | None, speaker: str, told: bool) -> str | None:
        """The other side of a talk when no other speaker of it is known: the partner found for the exchange, else
        the first-person narrator when they speak in this exchange (``told``)."""
        if partner is not None or not told:
            return partner
        narrator = self.index.narrator
        return narrator if narrator and speaker not in (narrator, _OUTSIDER) else None

    def _same_talk(self, run: list[int], a: int, b: int, speaker: str, told: bool) -> bool:
        """Whether turns run[a] and run[b] (a < b) can be two sides of one talk for alternation: always, except in a
        first-person story whose narrator speaks in this exchange (``told``), when a paragraph of narration parts
        them and ``speaker`` is not the narrator: someone who spoke before the narration may have left the talk
        ("'See you at lunch.' I found Bill up in his room."), and the narrator is the other side instead (a
        narrator who takes part in an exchange is in each of its talks; a storyteller who tells others' talks is
        not, so an exchange where the narrator never speaks is left alone)."""
        if not told or speaker == self.index.narrator:
            return True
        return not self._narration_between(run, a, b)

    def _vocative_anchors(self) -> None:
        """An exchange in which nobody is known yet (a scene that opens mid-conversation, without a tag) whose lines
        call two people by name ("Dear Miss Woodhouse", "Harriet"): those two are talking, and a line that calls one
        of them is the other's. (One name called, and one other character named in the narration around the
        exchange: those two.) The lines so anchored let alternation fill the rest."""
        groups = self.groups
        for run in self._runs():
            if len(run) < 2 or any(groups[k].speaker or groups[k].outsider for k in run):
                continue
            addressed = sorted({n for k in run for n in groups[k].addressees})
            if len(addressed) == 2:
                pair = set(addressed)
            elif len(addressed) == 1:
                other = self.index.narrator if self.index.narrator not in (None, addressed[0]) else None
                other = other or self._named_around(run, addressed[0])
                if other is None:
                    continue
                pair = {addressed[0], other}
            else:
                continue
            for k in run:
                called = groups[k].addressees & pair
                if len(called) == 1:
                    self._set(groups[k], next(iter(pair - called)), "vocative")

    def _named_around(self, run: list[int], speaker: str) -> str | None:
        """The character other than ``speaker`` named most often in the narration of an exchange (from the
        paragraph before it to its end), when one is named more than any other: the other party of a talk whose one
        known voice is ``speaker``."""
        groups = self.groups
        first = self._para(max(0, groups[run[0]].paragraph - 1)).start
        last = self._para(groups[run[-1]].last_paragraph).end
        i = bisect.bisect_left(self.narr_starts, first)
        named: Counter = Counter()
        while i < len(self.narr) and self.narr[i].start < last:
            m = self.narr[i]
            i += 1
            if len(m.names) == 1 and m.names[0] != speaker and m.names[0] != self.index.narrator:
                named[m.names[0]] += 1
        top = named.most_common(2)
        if len(top) == 1 or (len(top) == 2 and top[0][1] > top[1][1]):
            return top[0][0]
        return None

    def _narration_between(self, run: list[int], a: int, b: int) -> bool:
        """Whether a paragraph of narration parts two of the turns run[a]..run[b] of an exchange."""
        groups = self.groups
        return any(groups[run[j + 1]].paragraph - groups[run[j]].last_paragraph >= 2 for j in range(a, b))

    def _turn_taking(self) -> None:
        groups = self.groups
        for _ in range(3):
            changed = False
            for k, g in enumerate(groups):
                if g.speaker is not None or g.outsider:
                    continue
                prev = groups[k - 1] if k > 0 and self._linked(groups[k - 1], g) else None
                prev2 = groups[k - 2] if prev is not None and k > 1 and self._linked(groups[k - 2], prev) else None
                nxt = groups[k + 1] if k + 1 < len(groups) and self._linked(g, groups[k + 1]) else None
                nxt2 = groups[k + 2] if nxt is not None and k + 2 < len(groups) and self._linked(nxt, groups[k + 2]) else None
                # the previous line addressed someone by name: they answer
                if prev is not None and prev.speaker and g.paragraph - prev.last_paragraph == 1:
                    addressed = [n for n in prev.addressees if n != prev.speaker]
                    if len(addressed) == 1 and addressed[0] not in g.addressees:
                        self._set(g, addressed[0], "vocative")
                        changed = True
                        continue
                # alternation: two turns by two different speakers before (then after) this one; the one two away
                # speaks again
                taken = False
                sides = ((prev, prev2), (nxt, nxt2))
                if (
                    prev is not None
                    and nxt is not None
                    and g.paragraph - prev.last_paragraph >= 2
                    and nxt.paragraph - g.last_paragraph == 1
                ):
                    sides = sides[::-1]  # narration parts this turn from the one before, not from the one after
                for near, far in sides:
                    if near is None or far is None or not near.speaker or not far.speaker:
                        continue
                    if near.speaker != far.speaker and far.speaker not in g.addressees:
                        strong = min(near.confidence, far.confidence) >= CONFIDENCE["explicit"]
                        conf = CONFIDENCE["turn-taking" if strong else "turn-taking-chain"]
                        self._set(g, far.speaker, "turn-taking", conf)
                        changed = taken = True
                        break
                if taken:
                    continue
                # a two-person exchange: the line addressed to one is spoken by the other, and a line that
                # follows one of them is the other's
                people = self._participants(k)
                if len(people) == 2:
                    if len(g.addressees & people) == 1:
                        self._set(g, next(iter(people - g.addressees)), "vocative")
                        changed = True
                        continue
                    if (
                        len(self.cast) == 2
                        and prev is not None
                        and prev.speaker in people
                        and not (people - {prev.speaker}) & g.addressees
                    ):
                        self._set(g, next(iter(people - {prev.speaker})), "turn-taking", CONFIDENCE["turn-taking-pair"])
                        changed = True
                        continue
            if not changed:
                break

    # ------------------------------------------------------------------ the learned ranker

    def _rerank(self) -> None:
        """Let the ranker (:mod:`workshop.speakers.ranker`) choose among the candidates of every utterance the
        rules resolved without a named tag, once per set of weights shipped (each pass reads the answers of the
        one before as its context). Then alternation and turn-taking run again for the lines still unknown: the
        ranker's answers around them are better anchors than the rules' were."""
        answers = self.answers()
        ranked = ranker.rank_passes(self.ranker_input(), answers, ranker.load_weights())
        for g, was, now in zip(self.groups, answers, ranked):
            if now != was:
                self._set(g, now.speaker, now.method, now.confidence)
        self._alternate_runs()
        self._turn_taking()

    def answers(self) -> list[Answer]:
        """The answer of every utterance as it stands."""
        return [Answer(g.speaker, g.method, g.confidence) for g in self.groups]

    def ranker_input(self) -> RankerInput:
        """What the ranker reads of the dialogue, as plain data (see :mod:`workshop.speakers.features`)."""
        spans = self.spans
        utterances = []
        for g in self.groups:
            first = spans[g.members[0]]
            end_here = max(spans[i].end for i in g.members if spans[i].paragraph == g.paragraph)
            tag = next(
                (t for _, t in g.tags if t.kind in ("pronoun", "descriptive") and t.pronoun not in ("they", "we")), None
            )
            utterances.append(
                Utterance(
                    paragraph=g.paragraph,
                    last_paragraph=g.last_paragraph,
                    start=first.start,
                    first_end=first.end,
                    end_here=end_here,
                    tag=tag,
                    addressees=frozenset(g.addressees),
                    mentioned=frozenset(g.mentioned),
                    pronoun_scores=dict(g.pronoun_scores),
                    ruled_out=frozenset(g.ruled_out),
                    outsider=g.outsider,
                )
            )
        groups = self.groups
        return RankerInput(
            text=self.text,
            paragraphs=list(self.paragraphs),
            quote_paragraphs=frozenset(self.quote_paragraphs),
            utterances=utterances,
            linked=[k > 0 and self._linked(groups[k - 1], groups[k]) for k in range(len(groups))],
            narration=list(self.narr),
            pronouns=dict(self.pronoun),
            narrator=self.index.narrator,
            frequency=dict(self.frequency),
            found=self.cast.source.startswith("found"),
        )

    # ------------------------------------------------------------------ writing the answer onto the segments

    def _someone_else_acts(self, i: int, current: str) -> str | None:
        """A character other than ``current`` who opens a sentence of the narration just before segment ``i``,
        in the same paragraph (a beat between the pieces), or None."""
        span = self.spans[i]
        if i == 0 or self.spans[i - 1].paragraph != span.paragraph:
            return None
        a, b = self.spans[i - 1].end + 1, span.start - 1
        if b - a < 4:
            return None
        for cs, ce, tag in self.tags._subjects(a, b):
            if tag.kind != "name" or not _ACTS.match(self.text, ce, b):
                continue
            if clause_weight(self.text, a, cs, ce, b) < 2.0 or _STARTS_TAG.match(self.text, a, cs):
                continue
            name = self._pick(tag.names, cs)
            if name != current:
                return name
        return None

    def _finish(self) -> None:
        for k, g in enumerate(self.groups):
            with_tag = {i for i, t in g.tags if t}  # (a set: a paragraph of thousands of quotes has as many tags)
            tagged = {i: t for i, t in g.tags if t.kind in ("name", "script") and t.strong}
            pronouns = {i: t for i, t in g.tags if t.kind == "pronoun" and t.pronoun in ("he", "she")}
            current = g.speaker
            for i in g.members:
                seg = self.segments[i]
                own = tagged.get(i)
                said = pronouns.get(i)
                if said is not None and current is not None and self.pronoun.get(current) not in (None, said.pronoun):
                    # '"Let us drink to--" he began. "To the bride," Anna said.': "he" is not the one named for
                    # the other piece
                    other = self._resolve(k, g, said.pos, said.pronoun)
                    if other is not None and other != current:
                        current = other
                        seg.speaker, seg.method, seg.confidence = other, "pronoun", CONFIDENCE["pronoun"]
                        continue
                if own is not None and g.method in ("explicit", "script"):
                    name = self._pick(own.names, own.pos, g, own.phrase)
                    if name != current:
                        current = name
                    seg.speaker, seg.method, seg.confidence = name, g.method, g.confidence
                    continue
                switch = self._someone_else_acts(i, current) if own is None and current is not None else None
                if switch is not None:
                    # '"Thanks," Krum said. Woolsey shook his head. "I've got to file..."': Woolsey speaks now
                    current = switch
                    seg.speaker, seg.method, seg.confidence = current, "beat", CONFIDENCE["beat"]
                    continue
                seg.speaker = current
                if current is None:
                    seg.method, seg.confidence = "none", 0.0
                elif i in with_tag or len(g.members) == 1 or g.method not in ("explicit", "pronoun", "descriptive"):
                    seg.method, seg.confidence = g.method, g.confidence
                else:
                    seg.method, seg.confidence = "split", g.confidence
