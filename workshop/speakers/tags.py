"""Reading speech tags: the narration just after or just before a quote that says who speaks it.

A tag is a subject (a cast name, a pronoun, a description such as "the old man", or "I" for a first-person
narrator) joined to a speech verb, in either order: "said Bruce", "Bruce stuttered", "she said", "said the old
man", "Nat shot back". A name directly followed by another verb after a quote that ends with a comma
(``"That I was an Avenger," Natasha tilted her head``) is read as a tag too, less surely.

Verbs are looked up word by word in the speech-verb list (a set), never through one huge regular expression,
so a whole novel is read in a fraction of a second.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from workshop.speakers.lexicon import lexicon
from workshop.speakers.names import Mention, NameIndex

_PRONOUNS = {"he": "he", "she": "she", "they": "they", "i": "i", "we": "we", "it": "it"}
_ADVERBS = {
    "then", "again", "too", "also", "now", "still", "just", "only", "presently", "suddenly", "instantly", "quite",
    "rather", "half", "finally", "softly", "aloud", "once", "at", "last", "length", "more", "thus", "now",
    "immediately", "in", "reply", "return", "turn", "all", "simply", "merely", "almost", "even", "calmly",
}
_AUX = {"could", "would", "did", "had", "has", "have", "was", "were", "might", "must", "should", "will", "can",
        "may", "began", "to", "went", "on", "continued", "only", "not", "but", "help", "forbear", "by", "of",
        "without", "in", "after", "before"}
_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_SPACE = re.compile(r"\s*")
_PRON_WORD = re.compile(r"(?<![\w'’])(he|she|I|He|She|it|It)(?![\w'’])")
_NP = re.compile(
    r"(?<![\w'’])(?:the|his|her|their|my|our|a|an|that|this)\s+(?:[a-z][\w\-’']*\s+){0,2}[a-z][\w\-]*",
    re.IGNORECASE,
)
_PREV_WORD = re.compile(r"(\w+)\s+$")
_PREPOSITIONS = {
    "to", "at", "with", "towards", "toward", "near", "of", "for", "from", "on", "upon", "into", "about", "like",
    "than", "behind", "beside", "after", "over", "under", "round", "around", "against", "unto", "kissed", "or",
    "nor", "by", "addressing", "addressed", "accosting", "interrupting", "answering", "asking", "telling", "told",
    "asked", "answered", "thanked", "thanking", "greeting", "greeted",
}
_GAP_DET = re.compile(r"\s*(?:the\s+|poor\s+|little\s+|old\s+)?")
_WAS_HIS = re.compile(
    r"(?:was|were|came)\s+(?:\w+\s+)?(his|her)\s+(?:\w+\s+)?(?:answer|reply|response|rejoinder|remark|retort|"
    r"cry|exclamation|observation|comment|greeting|question|words)\b",
    re.IGNORECASE,
)
_WAS = re.compile(r"(?:was|were)\s", re.IGNORECASE)
_CLAUSE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bMs)[.!?;](?=\s|$|[\"“”'’])")
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bMs)[.!?;](?:[\"”'’]?\s+|--|—)")
_LEAD = re.compile(r"[\s,;:!?.—–\-_)]*")
_POSSESSIVE = re.compile(
    r"['’]s?\s+(?:\w+\s+)?(?:voice|tone|reply|answer|words|response|retort|whisper|cry|remark|exclamation|"
    r"question|view|comment|rejoinder|observation|reflection|protest|greeting|answer)\b",
    re.IGNORECASE,
)
_OTHER_VERB = re.compile(
    r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|was|had|did|made|took|gave|shook|threw|stood|sat|rose|held|let|put|set|felt|knew|"
    r"saw|turned|bit|bent|drew|came|went|ran|met|caught|kept|left|broke|fell|grew|hid|hung|lit|lay|led|spun|"
    r"struck|swung|tore|wore|woke|tilted|looked|smiled|grinned|nodded|shrugged)\b"
)


_SENTENCE_END_AFTER = re.compile(r"[.!?](?=\s|$)")
_SILENT = re.compile(r"\b(?:silent|silence|said nothing|say nothing|no answer|no reply|not answer|n['’]t answer|without a word|held (?:his|her) tongue|speechless|mute)\b", re.IGNORECASE)
_BREAKS_SILENCE = re.compile(r"\b(?:break|breaks|broke|breaking|broken)\s+(?:the\s+|a\s+|their\s+)?silence", re.IGNORECASE)
_ADVERB_LEAD = re.compile(r"\s*(?:(?:then|and|but|so|now|still|just|finally|again|at last|suddenly|slowly|quickly)\b[\s,]*)+", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:since|until|till|when|whenever|while|as|because|if|though|although|that|who|whom|which|before|after|unless|whether|where)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_COORDINATE = re.compile(r"(?:,|;|\band|\bbut)\s+(?:\w+\s+){0,1}$", re.IGNORECASE)
_COPULA = re.compile(r"\s+(?:was|were|is|are|had\s+been|seemed|looked\s+like)\b")


_SENTENCE_BREAK = re.compile(r"[.!?;] ")


@lru_cache(maxsize=4)
def _sentence_breaks(text: str) -> list[int]:
    """Where ". ", "! ", "? " and "; " stand in ``text`` (found once per text: the cache holds the text itself,
    and a string keeps its hash)."""
    return [m.start() for m in _SENTENCE_BREAK.finditer(text)]


def last_sentence_break(text: str, start: int, pos: int) -> int:
    """The last of ". ", "! ", "? ", "; " lying within ``text[start:pos]``, or -1: what the largest of four
    ``rfind`` would give, found by bisection (each rfind read back to ``start``: a paragraph with thousands of
    names and no full stop was read again for each)."""
    breaks = _sentence_breaks(text)
    k = bisect.bisect_right(breaks, pos - 2) - 1
    return breaks[k] if k >= 0 and breaks[k] >= start else -1


def clause_weight(text: str, a: int, cs: int, ce: int, b: int) -> float:
    """How much the subject ``text[cs:ce]`` in the narration ``text[a:b]`` looks like the one acting (and so
    speaking): a main clause counts more than a subordinate one ("since she...", "until Bruce..."), an action
    more than "was", the subject of a relative clause that speaks ("Lydia, who, flying to her, cried") most; a
    character said to keep silent does not speak."""
    sent_start = last_sentence_break(text, a, cs)
    sent_start = a if sent_start < 0 else sent_start + 2
    m = _SENTENCE_END_AFTER.search(text, ce, b)
    sentence = text[sent_start : m.end() if m else b]
    if _SILENT.search(sentence) and not _SILENT.search(text[sent_start:cs]) and not _BREAKS_SILENCE.search(sentence):
        # the subject is the one keeping silent unless the silence belongs to an earlier clause
        return 0.0
    if _RELATIVE_WHO.match(text, ce, b):
        return 3.0
    lead = text[sent_start:cs]
    if not lead.strip() or _ADVERB_LEAD.fullmatch(lead):
        weight = 2.0
    elif _SUBORDINATE.search(lead):
        weight = 0.5
    elif _COORDINATE.search(lead):
        weight = 1.5
    else:
        weight = 1.0
    if _COPULA.match(text, ce, b):
        weight *= 0.5
    return weight


_RELATIVE_WHO = re.compile(r",\s+who\b")
_CLEFT = re.compile(r"[Ii]t\s+(?:was|is)\s+(?:only\s+|then\s+)?")
"""'It was Poirot who spoke': the name after it is the speaker when "who" and a speech verb follow it."""
_WHO_SPOKE = re.compile(r",?\s+(?:who|that)\b")
_AS = re.compile(r"[Aa]s\s+")
"""'"...," as Mr. Pike put it': the name after it speaks (the words quoted are theirs)."""
_PUT_IT = re.compile(r"\s+(?:(?:had|has|would|will|might|once|later|always|so\s+\w+ly|\w+ly)\s+)?(?:put|puts)\s+it\b")
_FROM_LIPS = re.compile(
    r"(?:[Tt]he\s+(?:\w+\s+)?(?:answer|reply|words?|response|cry|question|retort)\s+)?"
    r"(?:came|comes|come|fell|dropped|issued|escaped|burst|broke|slipped)\s+(?:\w+\s+){0,2}?from\s+"
)
"""'"Go home," came from Anna's lips': the one whose lips (mouth, throat) the words came from speaks."""
_LIPS = re.compile(r"(?:['’]s?)?\s+(?:\w+\s+)?(?:lips|mouth|throat|tongue|pen)\b")
_OWNED_WORD = re.compile(r"\s+([a-z][a-z\-]*)\b")
_OWNED_SPEECH = {
    "voice", "voices", "tone", "tones", "reply", "answer", "words", "word", "response", "retort", "whisper", "cry",
    "remark", "exclamation", "question", "view", "comment", "rejoinder", "observation", "reflection", "protest",
    "greeting", "lips", "mouth", "throat", "tongue", "laugh", "laughter", "sigh", "shout", "scream", "call", "own",
}
"""Nouns after a possessive name that keep the name's owner the speaker ("Viktor's voice came", "Anna's reply")."""
_WHO_BEFORE = re.compile(r",\s+who\b(?:\s+\w+){0,4}\s*$")


@dataclass(frozen=True)
class Tag:
    """What a tag says about the speaker. ``kind``: script | name | pronoun | descriptive | narrator."""

    kind: str
    names: tuple[str, ...] = ()
    pronoun: str | None = None
    pos: int = 0
    strong: bool = True  # a speech verb (not just any verb after a comma)
    phrase: str = ""
    owner: tuple[str, ...] = ()
    """For "said Brenda's solicitor": the characters the possessive names (Brenda), who are not the speaker."""


_GENERIC_ADJECTIVES = {"old", "young", "little", "poor", "dear", "elder", "younger", "eldest", "youngest", "own", "new", "former", "late"}
_GAP_WORD = re.compile(r"\s*([a-z][a-z\-]*)\s+")
_NOT_GAP = {
    "to", "at", "with", "towards", "toward", "near", "for", "from", "on", "upon", "into", "about", "like", "than",
    "her", "him", "his", "them", "it", "me", "us", "you", "and", "but", "as", "in", "when", "while", "after",
    "before", "by", "that", "who", "which", "so", "then", "if", "not", "this", "there",
}


def gap_ok(text: str, a: int, b: int, limit: int = 4) -> bool:
    """Whether only a few describing words stand between a verb and its subject ("said the gallant Mr. Elton",
    "said wise Lucy", "exclaimed the voice of old Mr. Emerson"), and no preposition ("said to Lucy")."""
    pos, n = a, 0
    while True:
        sp = _SPACE.match(text, pos, b).end()
        if sp >= b:
            return True
        m = _GAP_WORD.match(text, pos, b)
        if not m or n >= limit:
            return False
        w = m.group(1)
        if w in _NOT_GAP and not (w == "of" and n and text[pos - 9 : pos].strip().endswith(("voice", "tones"))):
            if w != "of":
                return False
            prev = text[max(a, pos - 12) : pos].strip().split()
            if not prev or prev[-1].lower() not in ("voice", "tones", "tone", "view", "cry"):
                return False
        pos, n = m.end(), n + 1


def verb_at(text: str, pos: int, end: int) -> int | None:
    """If a speech verb (one word, or a verb with its particle: "shot back") starts at ``pos``, where it ends."""
    m = _WORD.match(text, pos, end)
    if not m:
        return None
    lex = lexicon()
    word = m.group().lower()
    sp = _SPACE.match(text, m.end(), end).end()
    m2 = _WORD.match(text, sp, end)
    if m2 and f"{word} {m2.group().lower()}" in lex.verbs:
        return m2.end()
    return m.end() if word in lex.verbs else None


_OBJECT = re.compile(r"\s+(?:the|a|an|his|her|their|its|my|your|our|this|that|these|those|some)\s+[a-z]", re.IGNORECASE)


_REPORTED = re.compile(r"\s+(?:that|whether)\b", re.IGNORECASE)


def _takes_object(text: str, vs: int, ve: int, end: int) -> bool:
    """Whether the verb ``text[vs:ve]``, written after its subject, quotes no words: it reports them ("Elizabeth
    replied that it was", "asked whether"), or it is one of the lexicon's object verbs with an object after it
    ("had finished her second song", "returned the book")."""
    if _REPORTED.match(text, ve, end):
        return True  # "Elizabeth replied that it was": speech reported, not quoted
    return text[vs:ve].lower() in lexicon().object_verbs and _OBJECT.match(text, ve, end) is not None


def verb_follows(text: str, pos: int, end: int, *, apposition: bool = True) -> bool:
    """Whether a speech verb follows ``pos``, perhaps after adverbs or auxiliaries ("finally said", "could only
    say") or a short aside between commas ("Bruce, with a sigh, said")."""
    if apposition and text.startswith(",", pos):
        close = text.find(",", pos + 1, min(end, pos + 45))
        if close > 0 and not any(c in text[pos:close] for c in "\"“”"):
            pos = close + 1
    for _ in range(4):
        pos = _SPACE.match(text, pos, end).end()
        if pos >= end:
            return False
        ve = verb_at(text, pos, end)
        if ve is not None:
            return not _takes_object(text, pos, ve, end)
        m = _WORD.match(text, pos, end)
        if not m:
            return False
        w = m.group().lower()
        if not (w.endswith("ly") or w in _ADVERBS or w in _AUX):
            return False
        pos = m.end()
    return False


def _resolve_np(phrase: str, index: NameIndex) -> Tag | None:
    """A descriptive phrase: a cast alias ("the Jew", "the patronne") or a noun that tells the gender ("the old
    man"). The phrase may run on past its noun ("the patronne said"): shorter beginnings are tried too."""
    words = phrase.split()
    nouns = lexicon().people
    for n in range(len(words), 1, -1):
        head = words[:n]
        for k in range(n):
            names = index.lookup(" ".join(head[k:]))
            if names:
                return Tag("name", names, phrase=" ".join(head))
        last = head[-1].lower().strip("'’")
        base = last[:-1] if last.endswith("s") and last[:-1] in nouns else last
        if base in nouns:
            p = nouns[base]
            return Tag("descriptive", pronoun=None if p == "they" else p, phrase=" ".join(head))
    return None


class TagReader:
    """Reads the tags around quotes, given the cast's mentions in the narration (sorted by start)."""

    def __init__(self, text: str, mentions: list[Mention], index: NameIndex) -> None:
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.index = index

    def _mentions_in(self, a: int, b: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def _owned_speech(self, ce: int, end: int) -> bool:
        """Whether the name ending at ``ce`` owns the words ("Viktor's voice came", "was Mr. Emerson's reply"): the
        name's character speaks. The name may end on its "'s" or stand before it."""
        text = self.text
        return _POSSESSIVE.match(text, ce - 2 if text[ce - 2 : ce] in ("'s", "’s") else ce, end) is not None

    def _owned_person(self, cs: int, ce: int, tag: Tag, end: int) -> tuple[Tag, int] | None:
        """'said Brenda's solicitor', 'Brenda's old nurse said': a possessive name followed by a noun names someone
        else, the one the noun says (a cast name for the whole phrase or its noun when there is one, else a
        description that the owner cannot be). Returns the tag and where the noun ends, or None when the name is no
        possessive or its noun says the owner speaks ("Viktor's voice")."""
        text = self.text
        if tag.kind != "name":
            return None
        p = ce
        if text[p - 2 : p] not in ("'s", "’s") and text[p - 1 : p] not in ("'", "’"):
            if text[p : p + 2] in ("'s", "’s"):
                p += 2
            elif text[p : p + 1] in ("'", "’") and text[p - 1 : p] == "s":
                p += 1
            else:
                return None
        words = []
        q = p
        for _ in range(3):
            m = _OWNED_WORD.match(text, q, end)
            if not m:
                break
            words.append(m.group(1))
            q = m.end()
            if m.group(1) not in _GENERIC_ADJECTIVES:
                break
        if not words or words[-1] in _GENERIC_ADJECTIVES or words[-1] in _OWNED_SPEECH or words[-1] in lexicon().verbs:
            return None
        head = words[-1]
        head_end = q
        phrase = text[cs:head_end]
        names = self.index.lookup(phrase) or self.index.lookup(f"the {head}") or self.index.lookup(head)
        if names and not set(names) & set(tag.names):
            return Tag("name", names, pos=cs, phrase=phrase), head_end
        people = lexicon().people
        noun = people.get(head[:-1] if head.endswith("s") and head[:-1] in people else head)
        return Tag("descriptive", pronoun=None if noun in (None, "they") else noun, pos=cs, phrase=phrase, owner=tag.names), head_end

    def _pronoun_tag(self, word: str, pos: int, strong: bool = True) -> Tag:
        w = _PRONOUNS.get(word.lower(), word.lower())
        if w == "i":
            return Tag("narrator", pos=pos, strong=strong, phrase=word)
        return Tag("pronoun", pronoun=w, pos=pos, strong=strong, phrase=word)

    def _subjects(self, a: int, b: int, *, objects: bool = False) -> list[tuple[int, int, Tag]]:
        """Possible subjects in ``text[a:b]``: cast names, he/she/I, and descriptions ("the old man"), as
        (start, end, tag), left to right; those after a preposition ("towards Lucy") are left out."""
        text = self.text
        out: list[tuple[int, int, Tag]] = []
        for m in self._mentions_in(a, b):
            out.append((m.start, m.end, Tag("name", m.names, pos=m.start, phrase=text[m.start : m.end])))
        named = {m_start for m_start, _, _ in out}
        for pm in _PRON_WORD.finditer(text, a, b):
            if pm.start() not in named:  # "I" the engine already reads as the narrator's name
                out.append((pm.start(), pm.end(), self._pronoun_tag(pm.group(1), pm.start())))
        for nm in _NP.finditer(text, a, b):
            if any(s <= nm.start() < e or nm.start() <= s < nm.end() for s, e, _ in out):
                continue
            tag = _resolve_np(nm.group(0), self.index)
            if tag is not None:
                end = nm.start() + len(tag.phrase) if tag.phrase else nm.end()
                out.append((nm.start(), end, Tag(tag.kind, tag.names, tag.pronoun, nm.start(), True, tag.phrase)))
        out.sort(key=lambda x: x[0])
        if objects:
            return out
        kept = []
        for s, e, tag in out:
            prev = _PREV_WORD.search(text, max(a, s - 14), s)
            if prev and prev.group(1).lower() in _PREPOSITIONS:
                if prev.group(1).lower() == "by" and re.search(r"ed\s+by\s+$", text[max(a, s - 20) : s]):
                    kept.append((s, e, tag))  # "accosted by Miss Bingley": the agent
                    continue
                if not (prev.group(1).lower() == "of" and re.search(r"(?:voice|tones?|cry|view)\s+of\s+$", text[max(a, s - 20) : s])):
                    continue
            kept.append((s, e, tag))
        return kept

    def after(self, a: int, b: int, comma: bool) -> Tag | None:
        """A tag at the start of the narration ``text[a:b]`` that follows a quote. ``comma``: the quote ended
        with a comma (or dash), so what follows continues its sentence."""
        text = self.text
        s = _LEAD.match(text, a, b).end()
        if s >= b:
            return None
        m = _CLAUSE_END.search(text, s, min(b, s + 160))
        end = m.start() + 1 if m else min(b, s + 160)
        subjects = self._subjects(s, end, objects=True)
        # "said Bruce", "said he", "said the old man", "exclaimed the voice of old Mr. Emerson"
        vend = None
        first = _WORD.match(text, s, end)
        if first:
            vend = verb_at(text, s, end)
            if vend is None and (first.group().lower().endswith("ly") or first.group().lower() in _ADVERBS):
                nxt = _SPACE.match(text, first.end(), end).end()
                vend = verb_at(text, nxt, end)
        if vend is not None:
            for cs, ce, tag in subjects:
                if cs < vend:
                    continue
                if gap_ok(text, vend, cs):
                    owned = self._owned_person(cs, ce, tag, end)
                    return owned[0] if owned else tag  # "said Brenda's solicitor": not Brenda
                break
        elif first and first.group().endswith("ed") and first.group().islower() and subjects:
            # "quavered Lucy", "enunciated Miss Bartlett": a verb not on the list, but the shape of a tag
            cs, ce, tag = subjects[0]
            if tag.kind == "name" and gap_ok(text, first.end(), cs, limit=1):
                return tag
        shaped = self._shaped(s, end, subjects)
        if shaped is not None:
            return shaped
        pm = _WAS_HIS.match(text, s, end)
        if pm:
            return Tag("pronoun", pronoun="he" if pm.group(1).lower() == "his" else "she", pos=pm.start(1), phrase=pm.group(1))
        if subjects:
            cs, ce, tag = subjects[0]
            gap = _GAP_DET.match(text, s, cs)
            if gap and gap.end() == cs:
                owned = self._owned_person(cs, ce, tag, end)
                if owned is not None and verb_follows(text, owned[1], end):
                    return owned[0]  # "Brenda's solicitor said": not Brenda
                if verb_follows(text, ce, end) or self._owned_speech(ce, end):
                    return tag
                if comma and _OTHER_VERB.match(text, ce, end):
                    return Tag(tag.kind, tag.names, tag.pronoun, tag.pos, False, tag.phrase)
            # "was Mr. Emerson's reply", "was all he could say"
            if _WAS.match(text, s, end) and cs - s < 40:
                if verb_follows(text, ce, end) or self._owned_speech(ce, end):
                    return tag
        return None

    def _shaped(self, s: int, end: int, subjects: list[tuple[int, int, Tag]]) -> Tag | None:
        """The tags that open with something other than their subject or verb, read at ``s``: "It was Poirot who
        spoke", "as Mr. Pike put it", "as Ada said", "came from Anna's lips"."""
        text = self.text

        def first_after(pos: int) -> tuple[int, int, Tag] | None:
            for cs, ce, tag in subjects:
                if cs < pos:
                    continue
                gap = _GAP_DET.match(text, pos, cs)
                return (cs, ce, tag) if gap and gap.end() == cs else None
            return None

        m = _CLEFT.match(text, s, end)
        if m:
            found = first_after(m.end())
            if found is not None:
                cs, ce, tag = found
                who = _WHO_SPOKE.match(text, ce, end)
                if (who and verb_follows(text, who.end(), end)) or self._owned_speech(ce, end):
                    return tag
        m = _AS.match(text, s, end)
        if m:
            found = first_after(m.end())
            if found is not None:
                cs, ce, tag = found
                if tag.kind != "pronoun" or tag.pronoun in ("he", "she"):
                    if verb_follows(text, ce, end, apposition=False) or _PUT_IT.match(text, ce, end):
                        return tag
        m = _FROM_LIPS.match(text, s, end)
        if m:
            found = first_after(m.end())
            if found is not None and _LIPS.match(text, found[1] - 2 if text[found[1] - 2 : found[1]] in ("'s", "’s") else found[1], end):
                return found[2]
        return None

    def _sentence_before(self, a: int, end: int) -> Tag | None:
        """A sentence of its own before a quote ("It was Miss Lemon who answered.", "The answer came from Viktor's
        lips.", "Anna's voice came again."), read only for the shapes that say outright that its subject speaks."""
        text = self.text
        start = a
        for m in _SENTENCE_END.finditer(text, a, end):
            start = m.end()
        subjects = self._subjects(start, end, objects=True)
        shaped = self._shaped(start, end, subjects)
        if shaped is not None:
            return shaped
        if subjects:
            cs, ce, tag = subjects[0]
            if tag.kind == "name" and cs == start and self._owned_speech(ce, end):
                return tag  # "Viktor's voice came low."
        return None

    def before(self, a: int, b: int) -> Tag | None:
        """A tag in the narration ``text[a:b]`` that leads into a quote ("Bruce stuttered, ", "Mr. Darcy,
        drawing near, said to her--")."""
        text = self.text
        tail = text[a:b].rstrip()
        if not tail:
            return None
        if tail[-1] == "." and len(tail) > 1:
            return self._sentence_before(a, a + len(tail) - 1)
        if tail[-1] not in ",:—–-" and not tail[-1].isalpha():
            return None
        end = a + len(tail)
        start = a
        for m in _SENTENCE_END.finditer(text, a, end):
            start = m.end()
        verbs = []
        for w in _WORD.finditer(text, start, end):
            ve = verb_at(text, w.start(), end)
            if ve is not None:
                verbs.append((w.start(), ve))
        subjects = self._subjects(start, end)
        if not verbs:
            shaped = self._shaped(start, end, self._subjects(start, end, objects=True))
            if shaped is not None:
                return shaped  # "As Poirot put it:"
            for cs, ce, tag in reversed(subjects):
                if self._owned_speech(ce, end):
                    return tag
            return None
        vs, ve = verbs[-1]
        for cs, ce, tag in subjects:
            if cs >= ve and cs - ve < 30 and gap_ok(text, ve, cs):
                owned = self._owned_person(cs, ce, tag, end)
                return owned[0] if owned else tag  # "said Mr. Collins"; "said Brenda's solicitor"
        who = _WHO_BEFORE.search(text, start, vs)
        if who:
            # "the White Rabbit, who said in a low voice": the one the relative clause is about
            for cs, ce, tag in reversed(self._subjects(start, who.start() + 1, objects=True)):
                if ce == who.start():
                    return tag
        before_v = [
            x for x in subjects if x[1] <= vs and not (x[2].pronoun == "it" and not verb_follows(text, x[1], vs + 1))
        ]
        if before_v:
            owned_subjects = []
            for cs, ce, tag in before_v:
                owned = self._owned_person(cs, ce, tag, vs + 1)
                # "Brenda's solicitor said,": the solicitor, if the noun runs up to the verb
                owned_subjects.append((cs, ce, owned[0]) if owned and verb_follows(text, owned[1], ve) else (cs, ce, tag))
            before_v = owned_subjects

            def weight(n_x):
                n, (cs, ce, tag) = n_x
                w = clause_weight(text, start, cs, ce, end)
                if verb_follows(text, ce, ve, apposition=False):
                    w += 2.0  # "he said", "Bruce finally said": the verb's own subject
                return (w, n)

            return max(enumerate(before_v), key=weight)[1][2]
        return None


_ADDRESS_WORDS = frozenset({"my", "dear", "dearest", "poor", "sweet", "good", "little", "own", "old", "young", "kind"})
_CLAUSE_COMMA = re.compile(r",\s*((?:[a-z]+,?\s+)*)$")
ADDRESS_REACH = 40
"""How far back (in characters) the comma before a name called out with its endearments is looked for."""


def called_after_comma(text: str, start: int, pos: int) -> bool:
    """Whether the name at ``pos`` in the quote that starts at ``start`` follows a comma with only words of address
    between ("...but for you, dearest, loveliest Elizabeth!", "Thank you, my dear Jane."): a name set off by a comma
    and led by endearments or superlatives is called out, as a bare name after a comma is. (Not "...as you, poor
    Harriet do", where a verb follows: the caller checks what comes after the name.)"""
    m = _CLAUSE_COMMA.search(text, max(start, pos - ADDRESS_REACH), pos)
    if m is None:
        return False
    words = m.group(1).replace(",", " ").split()
    return bool(words) and all(w in _ADDRESS_WORDS or (w.endswith("est") and len(w) > 4) for w in words)
