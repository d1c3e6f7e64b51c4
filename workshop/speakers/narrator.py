"""Finding a first-person narrator, and the narrator's name, when the writer gives no cast file.

A story told as "I" has a speaker the text never names in its narration: the narrator. The narration says "I"
where a third-person story would say "Natasha", so the cast must hold a character for "I" or every "I said" line
is lost and turn-taking hands the narrator's turns to someone else.

**Is there a narrator?** Letters, diaries and a narrator's asides ("I am afraid", "as I said in the last chapter")
put "I" into third-person stories too, so a stray "I" is not enough. The narration must make "I" speak or act
beside the dialogue: a speech tag with "I" as its subject ("said I", "I asked", "I told her") or an action beat
that opens with "I" in a paragraph that holds dialogue ("I shrugged. "Fine.""). One tag and one more such sign
(or two more words of the first person in the narration: "me", "my"), or three beats, make a narrator
(:data:`MIN_SIGNS`).

**What is the narrator called?** The narrator never names themself in the narration, but others call them by
name. The name is taken from, in order of strength:

1. the narrator's own words or narration saying it: "my name is Ishmael", "call me Ishmael", "name's Jake";
2. a name others call out (a vocative: "Natasha, I'm sorry", "Come here, Watson.") in a line just before or just
   after one of the narrator's own lines (the one addressed answers, or was answering): one vote each; a name
   called out anywhere else by someone else counts half.

A name counts only if the narration never uses it (the narration would say "I"), it is not the name of another
speaker found in the text, and it wins clearly: at least one vote from beside the narrator's lines or their own
words, and, when other names were called too, at least MIN_VOTES and more than any other. Otherwise the narrator
is called "Narrator": an unknown name stays unknown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

MIN_SIGNS = 2
"""Tags with "I" as subject plus beats opening with "I" needed for a narrator, at least one of them a tag
(or MIN_BEATS beats without a tag)."""
MIN_BEATS = 3
MIN_FIRST_PERSON_WORDS = 2
"""With a single "I" tag and no beat, the narration must say I/me/my/myself this many times (the tag's "I"
included)."""
FIRST_PERSON_WORD = re.compile(r"(?<![\w'’])(?:I|me|my|mine|myself)(?![\w])")
MIN_VOTES = 1.5
"""When several names are called out beside the narrator's lines, the winner needs this many votes (one call
just before or after a narrator's line is 1) and more than any other; a name alone needs one such call."""
NEIGHBOUR_PARAGRAPHS = 3
"""A line within this many paragraphs of one of the narrator's own lines counts as said beside it."""

NARRATOR_NAME = "Narrator"
"""What the narrator is called when the text never gives the name."""

I_WORD = re.compile(r"(?<![\w'’])I(?=['’](?:m|d|ll|ve)\b|(?![\w'’]))")
"""The word "I" (also in "I'm", "I'd", "I'll", "I've")."""
_I_OPENS = re.compile(
    r"\W*(?:(?:then|and|but|so|now|finally)\s+)?I\s+(?:\w+ly\s+)?"
    r"(?!am\b|was\b|had\b|have\b|do\b|did\b|could\b|would\b|should\b|might\b|must\b|can\b|will\b)[a-z]{2,}"
)
_I_BEAT = re.compile(
    r"(?:[.!?;:][\"”'’)]?\s+|[,;]\s+(?:and|but|then|so)\s+)(?:(?:then|and|but|so|now|finally)\s+)?I\s+(?:\w+ly\s+)?"
    r"(?!am\b|was\b|had\b|have\b|do\b|did\b|could\b|would\b|should\b|might\b|must\b|can\b|will\b)[a-z]{2,}"
)
"""A clause of the narration that opens with "I" and a verb ("I shrugged", "Then I set my shoulders"); "I was",
"I had", "I could" are left out: they describe rather than act."""
_MY_NAME = re.compile(
    r"(?:\b[Mm]y\s+name\s+(?:is|was|'s|’s)|\b[Cc]all\s+me|\b[Nn]ame['’]s)\s+((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)"
)
_VOCATIVE_OPEN = re.compile(
    r"^\W*(?i:(?:oh|ah|well|yes|no|hey|hi|hello|look|listen|now|come|why|dear|my\s+dear|good\s+morning|"
    r"good\s+night|thanks|thank\s+you|sorry)[\s,!]+)*([A-Z][a-z][\w'’-]*)\s*(?:,|!\s+\S)"
)
"""A name called out at the start of a sentence of dialogue, before a comma: "Natasha, I'm sorry"."""
_VOCATIVE_CLOSE = re.compile(
    r",\s+(?:(?:my\s+)?(?:dear|dearest|old|poor|good)\s+(?:old\s+)?)?([A-Z][a-z][\w'’-]*)(?:\s*[.!?…]*\s*$|,\s)"
)
"""A name called out after a comma, at the end of a sentence of dialogue or between commas: "Come here,
Watson.", "I tell you, Jake, it's over"."""


@dataclass
class NarratorFound:
    """A first-person narrator found in the text: ``name`` is the name the text gives them, or None."""

    name: str | None
    tags: int
    beats: int
    votes: dict[str, float] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        return self.name or NARRATOR_NAME


@dataclass
class Line:
    """One utterance as the narrator search sees it: where it is, what its tags and beats say, whom it calls."""

    paragraph: int
    narrator_tag: bool = False  # a tag with "I" as subject ("said I")
    narrator_beat: bool = False  # a clause opening with "I" in the narration of its paragraph
    other_tag: bool = False  # a tag naming someone else ("said Bruce", "she said")
    called: list[str] = field(default_factory=list)  # names called out in the line (vocatives)
    said_name: list[str] = field(default_factory=list)  # "my name is X" in the line

    @property
    def narrators(self) -> bool:
        """Whether the narrator speaks this line: a tag with "I" (and no other tag), or a beat with "I"."""
        return (self.narrator_tag or self.narrator_beat) and not self.other_tag


def i_beat(text: str, start: int, end: int) -> bool:
    """Whether the narration ``text[start:end]`` holds a clause that opens with "I" and a verb."""
    return _I_OPENS.match(text, start, end) is not None or _I_BEAT.search(text, start, end) is not None


def vocatives(quote: str, is_name: Callable[[str], bool]) -> list[str]:
    """The names called out in a line of dialogue: at its start ("Natasha, I'm sorry") or after a comma at the
    end of a sentence ("Come here, Watson."), kept when ``is_name`` accepts the word."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", quote.strip()):
        for pattern in (_VOCATIVE_OPEN, _VOCATIVE_CLOSE):
            for m in pattern.finditer(sentence):
                word = m.group(1)
                if is_name(word):
                    out.append(word)
    return list(dict.fromkeys(out))


def names_said(text: str) -> list[str]:
    """Names given with "my name is", "call me", "name's"."""
    return [m.group(1) for m in _MY_NAME.finditer(text)]


def first_person(lines: list[Line], first_person_words: int = 0) -> bool:
    """Whether the narration speaks as "I" beside the dialogue often enough for a narrator (see MIN_SIGNS);
    ``first_person_words``: how many times the narration says I, me, my, mine or myself."""
    tags = sum(line.narrator_tag and not line.other_tag for line in lines)
    beats = sum(line.narrator_beat and not line.narrator_tag and not line.other_tag for line in lines)
    return (
        (tags >= 1 and (tags + beats >= MIN_SIGNS or first_person_words >= MIN_FIRST_PERSON_WORDS))
        or beats >= MIN_BEATS
    )


def find_narrator(
    lines: list[Line],
    narration_names: Iterable[str],
    speakers: Iterable[str],
    narration_said: Iterable[str] = (),
    first_person_words: int = 0,
) -> NarratorFound | None:
    """The narrator of a scene whose utterances are ``lines`` (in order), or None when the scene is not told in
    the first person. ``narration_names``: the capitalised names the narration uses (never the narrator's);
    ``speakers``: the other speakers found; ``narration_said``: names the narration gives with "my name is";
    ``first_person_words``: how often the narration says I, me, my, mine or myself."""
    if not first_person(lines, first_person_words):
        return None
    tags = sum(line.narrator_tag for line in lines)
    beats = sum(line.narrator_beat and not line.narrator_tag for line in lines)
    in_narration = {w.lower() for name in narration_names for w in name.split()}
    taken = {w.lower() for name in speakers for w in name.split()}

    def allowed(name: str) -> bool:
        return name.lower() not in in_narration and name.lower() not in taken

    votes: Counter = Counter()
    strong: Counter = Counter()
    for name in narration_said:
        if allowed(name.split()[0]):
            votes[name] += 3
            strong[name] += 1
    for k, line in enumerate(lines):
        if line.narrators:
            for name in line.said_name:
                if allowed(name.split()[0]):
                    votes[name] += 3
                    strong[name] += 1
            continue
        beside = any(
            0 <= j < len(lines) and lines[j].narrators and abs(lines[j].paragraph - line.paragraph) <= NEIGHBOUR_PARAGRAPHS
            for j in (k - 1, k + 1)
        )
        for name in line.called:
            if allowed(name):
                votes[name] += 1.0 if beside else 0.5
                strong[name] += int(beside)
    name = None
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and strong[ranked[0][0]]:
        top, score = ranked[0]
        if len(ranked) == 1 or (score >= MIN_VOTES and score > ranked[1][1]):
            name = top
    return NarratorFound(name, tags, beats, dict(votes))
