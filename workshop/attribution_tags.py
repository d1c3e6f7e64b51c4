"""Reading speech tags: the narration just after or just before a quote that says who speaks it.

A tag is a subject (a cast name, a pronoun, a description such as "the old man", or "I" for a first-person
narrator) joined to a speech verb, in either order: "said Bruce", "Bruce stuttered", "she said", "said the old
man", "Nat shot back". A name directly followed by another verb after a quote that ends with a comma
(``"That I was an Avenger," Natasha tilted her head``) is read as a tag too, less surely.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from workshop.attribution_lexicon import lexicon
from workshop.attribution_names import Mention

_ADV = r"(?:\w+ly|then|again|too|also|now|still|just|only|once\s+more|at\s+last|at\s+once|at\s+length|presently|suddenly|instantly|quite|rather|half|finally|softly|aloud|back)"
_AUX = r"(?:could|would|did|had|has|have|was|were|might|must|should|will|can|may|began\s+to|went\s+on|continued)"
_PRONOUNS = {"he": "he", "she": "she", "they": "they", "i": "i", "we": "we", "him": "he", "her": "she"}
_DET = r"(?:the|his|her|their|my|our|a|an|its|your|this|that|one\s+of\s+the)"


_PRON_WORD = re.compile(r"(?<![\w'’])(he|she|I|He|She)(?![\w'’])")
_NP = re.compile(r"(?<![\w'’])(?:the|his|her|their|my|our|a|an|that|this)\s+(?:[a-z][\w\-’']*\s+){0,2}[a-z][\w\-]*", re.IGNORECASE)
_PREV_WORD = re.compile(r"(\w+)\s+$")
_PREPOSITIONS = {
    "to", "at", "with", "towards", "toward", "near", "of", "for", "from", "on", "upon", "into", "about", "like",
    "than", "behind", "beside", "after", "over", "under", "round", "around", "against", "unto", "saw",
    "kissed", "watched", "heard", "let", "made", "or", "nor", "by",
}
_GAP = re.compile(r"\s*(?:(?:the|a|an|old|young|little|poor|good|dear|gallant|voice\s+of|[a-z\-]+ed|[a-z\-]+ful|[a-z\-]+ish|[a-z\-]+y|[a-z\-]+ing)\s+){0,4}")
_GAP_DET = re.compile(r"\s*(?:the\s+|poor\s+|little\s+|old\s+)?")
_WAS = re.compile(r"(?:was|were)\s", re.IGNORECASE)
_CLAUSE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bMs)[.!?;](?=\s|$|[\"“”'’])")
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bMs)[.!?;][\"”'’]?\s+")


@dataclass(frozen=True)
class Tag:
    """What a tag says about the speaker. ``kind``: name | pronoun | descriptive | narrator."""

    kind: str
    names: tuple[str, ...] = ()
    pronoun: str | None = None
    pos: int = 0
    strong: bool = True  # a speech verb (not just any verb after a comma)
    phrase: str = ""


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    v = lexicon().verb_pattern
    return {
        # after the quote, verb first: ", said he" / "said the old man"
        "verb_first": re.compile(rf"\s*(?:{_ADV}\s+)?{v}\s+(?:{_ADV}\s+)?", re.IGNORECASE),
        # a pronoun subject then a verb: "she said", "he could only say"
        "pron_verb": re.compile(
            rf"(he|she|they|I|we)\s+(?:{_ADV}\s+|{_AUX}\s+){{0,3}}{v}", re.IGNORECASE
        ),
        "pron": re.compile(r"(he|she|they|I|we)(?![\w'’])", re.IGNORECASE),
        # after a name: its verb ("stuttered", "finally said", "shot back at him")
        "verb_after_name": re.compile(rf"(?:,\s+[^,\"“”]{{1,40}},)?\s+(?:{_ADV}\s+|{_AUX}\s+){{0,3}}{v}", re.IGNORECASE),
        "any_verb_after_name": re.compile(r"\s+(?:\w+ly\s+)?[a-z]+(?:ed|ped|ted|ked)\b|\s+(?:was|had|did|made|took|gave|shook|threw|stood|sat|rose|held|let|put|set|felt|knew|saw|turned)\b"),
        "possessive": re.compile(r"['’]s?\s+(?:\w+\s+)?(?:voice|tone|reply|answer|words|response|retort|whisper|cry|remark|exclamation|question|view|comment|rejoinder)\b", re.IGNORECASE),
        "np": re.compile(rf"({_DET}(?:\s+[\w\-’']+){{1,4}}?)(?=\s*[,.;:!?—]|\s+(?:to|with|in|at|as|and|who|but|while|for|on|when|from|after|before|again|then|quickly|slowly|of\s+\w+)\b|\s*$)", re.IGNORECASE),
        "np_verb": re.compile(rf"({_DET}(?:\s+[\w\-’']+){{1,4}}?)\s+(?:{_ADV}\s+|{_AUX}\s+){{0,2}}{v}", re.IGNORECASE),
        "lead": re.compile(r"[\s,;:!?.—–\-_)]*"),
    }


def _resolve_np(phrase: str, index) -> Tag | None:
    """A descriptive phrase: a cast alias ("the Jew", "the patronne") or a noun that tells the gender ("the old
    man"). The phrase may run on past its noun ("the patronne said"): shorter beginnings are tried too."""
    words = phrase.split()
    nouns = lexicon().nouns
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
    """Reads the tags around quotes, given the cast's mentions in the text (sorted by start)."""

    def __init__(self, text: str, mentions: list[Mention], index) -> None:
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.index = index
        self.p = _patterns()

    def _mention_at(self, pos: int) -> Mention | None:
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.mentions) and self.mentions[i].start == pos:
            return self.mentions[i]
        return None

    def _mentions_in(self, a: int, b: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def _pronoun_tag(self, word: str, pos: int, strong: bool = True) -> Tag:
        w = _PRONOUNS.get(word.lower(), word.lower())
        if w == "i":
            return Tag("narrator", pos=pos, strong=strong, phrase=word)
        return Tag("pronoun", pronoun=w, pos=pos, strong=strong, phrase=word)

    # -------------------------------------------------------------- subjects

    def _subjects(self, a: int, b: int) -> list[tuple[int, int, Tag]]:
        """Possible subjects in ``text[a:b]``: cast names, he/she/I, and descriptions ("the old man"), as
        (start, end, tag), left to right; names after a preposition ("towards Lucy") are left out."""
        text = self.text
        out: list[tuple[int, int, Tag]] = []
        for m in self._mentions_in(a, b):
            out.append((m.start, m.end, Tag("name", m.names, pos=m.start, phrase=text[m.start : m.end])))
        for pm in _PRON_WORD.finditer(text, a, b):
            out.append((pm.start(), pm.end(), self._pronoun_tag(pm.group(1), pm.start())))
        for nm in _NP.finditer(text, a, b):
            if any(s <= nm.start() < e or nm.start() <= s < nm.end() for s, e, _ in out):
                continue
            tag = _resolve_np(nm.group(0), self.index)
            if tag is not None:
                out.append((nm.start(), nm.end(), Tag(tag.kind, tag.names, tag.pronoun, nm.start(), True, tag.phrase)))
        out.sort(key=lambda x: x[0])
        kept = []
        for s, e, tag in out:
            prev = _PREV_WORD.search(text, max(a, s - 14), s)
            if prev and prev.group(1).lower() in _PREPOSITIONS:
                continue
            kept.append((s, e, tag))
        return kept

    def _clause_end(self, s: int, b: int) -> int:
        m = _CLAUSE_END.search(self.text, s, b)
        return m.start() + 1 if m else b

    def after(self, a: int, b: int, comma: bool) -> Tag | None:
        """A tag at the start of the narration ``text[a:b]`` that follows a quote. ``comma``: the quote ended
        with a comma (or dash), so what follows continues its sentence."""
        text, p = self.text, self.p
        lead = p["lead"].match(text, a, b)
        s = lead.end() if lead else a
        if s >= b:
            return None
        end = self._clause_end(s, min(b, s + 160))
        subjects = self._subjects(s, end)
        # "said Bruce", "said he", "said the old man", "exclaimed the voice of old Mr. Emerson"
        vm = p["verb_first"].match(text, s, end)
        if vm:
            for cs, ce, tag in subjects:
                if cs < vm.end():
                    continue
                if _GAP.fullmatch(text, vm.end(), cs):
                    return tag
                break
        if subjects:
            cs, ce, tag = subjects[0]
            if _GAP_DET.fullmatch(text, s, cs):
                if p["verb_after_name"].match(text, ce, end) or p["possessive"].match(text, ce, end):
                    return tag
                if comma and p["any_verb_after_name"].match(text, ce, end):
                    return Tag(tag.kind, tag.names, tag.pronoun, tag.pos, False, tag.phrase)
            # "was Mr. Emerson's reply", "was all he could say"
            if _WAS.match(text, s, end) and cs - s < 40:
                if p["verb_after_name"].match(text, ce, end) or p["possessive"].match(text, ce, end):
                    return tag
        return None

    def before(self, a: int, b: int) -> Tag | None:
        """A tag in the narration ``text[a:b]`` that leads into a quote ("Bruce stuttered, ", "Mr. Darcy,
        drawing near, said to her--")."""
        text, p = self.text, self.p
        tail = text[a:b].rstrip()
        if not tail:
            return None
        if tail[-1] not in ",:—–-" and not tail[-1].isalpha():
            return None
        end = a + len(tail)
        start = a
        for m in _SENTENCE_END.finditer(text, a, end):
            start = m.end()
        verbs = list(re.finditer(lexicon().verb_pattern, text[start:end], re.IGNORECASE))
        verbs = [v for v in verbs if not text[start + v.start() - 1 : start + v.start()].isalnum()] if verbs else []
        subjects = self._subjects(start, end)
        if not verbs:
            for cs, ce, tag in reversed(subjects):
                if p["possessive"].match(text, ce, end):
                    return tag
            return None
        v = verbs[-1]
        vs, ve = start + v.start(), start + v.end()
        for cs, ce, tag in subjects:
            if cs >= ve and _GAP.fullmatch(text, ve, cs) and cs - ve < 30:
                return tag  # "said Mr. Collins"
        before_v = [x for x in subjects if x[1] <= vs]
        if before_v:
            return before_v[-1][2]
        return None
