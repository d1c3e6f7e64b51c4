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
        "possessive": re.compile(r"['’]s?\s+(?:\w+\s+)?(?:voice|tone|reply|answer|words|response|retort|whisper|cry)\b", re.IGNORECASE),
        "np": re.compile(rf"({_DET}(?:\s+[\w\-’']+){{1,4}}?)(?=\s*[,.;:!?—]|\s+(?:to|with|in|at|as|and|who|but|while|for|on|when|from|after|before|again|then|quickly|slowly|of\s+\w+)\b|\s*$)", re.IGNORECASE),
        "np_verb": re.compile(rf"({_DET}(?:\s+[\w\-’']+){{1,4}}?)\s+(?:{_ADV}\s+|{_AUX}\s+){{0,2}}{v}", re.IGNORECASE),
        "lead": re.compile(r"[\s,;:!?.—–\-_)]*"),
    }


def _resolve_np(phrase: str, index) -> Tag | None:
    """A descriptive phrase: a cast alias ("the Jew") or a noun that tells the gender ("the old man")."""
    names = index.lookup(phrase)
    if not names:
        words = phrase.split()
        for k in range(len(words)):
            names = index.lookup(" ".join(words[k:]))
            if names:
                break
    if names:
        return Tag("name", names, phrase=phrase)
    nouns = lexicon().nouns
    words = [w.lower().strip("'’") for w in phrase.split()]
    for w in reversed(words):
        base = w[:-1] if w.endswith("s") and w[:-1] in nouns else w
        if base in nouns:
            p = nouns[base]
            return Tag("descriptive", pronoun=None if p == "they" else p, phrase=phrase)
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

    def after(self, a: int, b: int, comma: bool) -> Tag | None:
        """A tag at the start of the narration ``text[a:b]`` that follows a quote. ``comma``: the quote ended
        with a comma (or dash), so what follows continues its sentence."""
        text, p = self.text, self.p
        lead = p["lead"].match(text, a, b)
        s = lead.end() if lead else a
        if s >= b:
            return None
        # "said Bruce", "said he", "said the old man"
        vm = p["verb_first"].match(text, s, b)
        if vm:
            t = vm.end()
            m = self._mention_at(t)
            if m:
                return Tag("name", m.names, pos=t, phrase=text[m.start : m.end])
            pm = p["pron"].match(text, t, b)
            if pm:
                return self._pronoun_tag(pm.group(1), t)
            nm = p["np"].match(text, t, b)
            if nm:
                tag = _resolve_np(nm.group(1), self.index)
                if tag:
                    return Tag(tag.kind, tag.names, tag.pronoun, t, True, tag.phrase)
        # "Bruce stuttered", "Mr. Darcy replied", "Nat's voice was sharp"
        m = self._mention_at(s)
        if m is None and text[s : s + 4].lower() == "the ":
            m = self._mention_at(s + 4)
        if m:
            if p["verb_after_name"].match(text, m.end, b):
                return Tag("name", m.names, pos=s, phrase=text[m.start : m.end])
            if p["possessive"].match(text, m.end, b):
                return Tag("name", m.names, pos=s, phrase=text[m.start : m.end])
            if comma and p["any_verb_after_name"].match(text, m.end, b):
                return Tag("name", m.names, pos=s, strong=False, phrase=text[m.start : m.end])
            return None
        # "she said", "he could only say"
        pm = p["pron_verb"].match(text, s, b)
        if pm:
            return self._pronoun_tag(pm.group(1), s)
        pm = p["pron"].match(text, s, b)
        if pm and p["possessive"].match(text, pm.end(), b) is None and text[pm.end() : pm.end() + 1] != "'":
            if comma and p["any_verb_after_name"].match(text, pm.end(), b):
                return self._pronoun_tag(pm.group(1), s, strong=False)
        if text[s : s + 4].lower() in ("his ", "her ") and p["possessive"].match(text, s + 3 - 2, b):
            pass
        # "the old man replied"
        nm = p["np_verb"].match(text, s, b)
        if nm:
            tag = _resolve_np(nm.group(1), self.index)
            if tag:
                return Tag(tag.kind, tag.names, tag.pronoun, s, True, tag.phrase)
        return None

    def before(self, a: int, b: int) -> Tag | None:
        """A tag at the end of the narration ``text[a:b]`` that leads into a quote ("Bruce stuttered, ")."""
        text, p = self.text, self.p
        tail = text[a:b].rstrip()
        if not tail:
            return None
        if tail[-1] not in ",:—–-" and not tail[-1].isalpha():
            return None
        # the last clause: after the last full stop
        cut = max(tail.rfind(". "), tail.rfind("! "), tail.rfind("? "), tail.rfind(".\n"), tail.rfind("; "))
        start = a + cut + 2 if cut >= 0 else a
        # guard against titles: "Mr. Darcy said," -> keep the title with its name
        while cut >= 0 and re.search(r"(?:Mr|Mrs|Ms|Dr|St)$", tail[:cut]):
            cut2 = max(tail.rfind(". ", 0, cut), tail.rfind("! ", 0, cut), tail.rfind("? ", 0, cut))
            cut = cut2
            start = a + cut + 2 if cut >= 0 else a
        end = a + len(tail)
        best: Tag | None = None
        for m in self._mentions_in(start, end):
            if p["verb_after_name"].match(text, m.end, end) or p["possessive"].match(text, m.end, end):
                best = Tag("name", m.names, pos=m.start, phrase=text[m.start : m.end])
            else:
                back = text[max(start, m.start - 40) : m.start]
                if re.search(rf"{lexicon().verb_pattern}\s+(?:{_ADV}\s+)?(?:the\s+)?$", back, re.IGNORECASE):
                    best = Tag("name", m.names, pos=m.start, phrase=text[m.start : m.end])
        if best:
            return best
        for pm in p["pron_verb"].finditer(text, start, end):
            if pm.start() == start or not text[pm.start() - 1].isalnum():
                best = self._pronoun_tag(pm.group(1), pm.start())
        if best:
            return best
        for nm in p["np_verb"].finditer(text, start, end):
            tag = _resolve_np(nm.group(1), self.index)
            if tag:
                best = Tag(tag.kind, tag.names, tag.pronoun, nm.start(), True, tag.phrase)
        return best
