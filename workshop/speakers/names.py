"""Finding the cast's names in the text: every alias, titles included, and the parts of a full name that only one
character answers to ("Bill" for "Bill Gorton" when no one else is called Bill)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workshop.speakers.lexicon import lexicon
from functools import lru_cache

from workshop.speakers.cast import NARRATOR_ALIASES, Cast
from workshop.speakers.cast import normalise_name as _normalise


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    return _normalise(name)

PARTICLES = (
    "of", "de", "la", "le", "van", "von", "du", "the", "der", "den", "ter", "ten", "di", "da", "del", "della", "des",
    "dos", "das", "zu", "af", "bin", "ibn", "al", "el",
)
"""Small words inside a name: "Lady Catherine de Bourgh", "Mr. van der Luyden", "Vasco da Gama", "the King of Hearts"."""
# A run of capitalised words, optionally led by a determiner ("the Jew", "the White Rabbit") or joined by particles
# ("the King of Hearts", "Lady Catherine de Bourgh", "Mr. van der Luyden"); titles keep their full stop ("Mr. Darcy").
CANDIDATE = re.compile(
    r"(?<![\w'’])(?:(?:[Tt]he|[Aa]n?|[Hh]er|[Hh]is|[Mm]y|[Oo]ld|[Yy]oung|[Ll]ittle|[Pp]oor|[Dd]ear)\s+)*"
    r"[A-Z][\w'’]*(?:-[\w'’]+)*(?:(?:\.\s+|\s+)(?:(?:" + "|".join(PARTICLES) + r")\s+)*[A-Z][\w'’]*(?:-[\w'’]+)*)*"
)
_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_WHITESPACE = re.compile(r"\s")
_CAPITAL_START = re.compile(r"[A-Z](?<![\w'’][A-Z])")
"""A capital letter opening a word: every run CANDIDATE finds holds one (after any determiners)."""
_LEADING_WORDS = ("the", "a", "an", "her", "his", "my", "old", "young", "little", "poor", "dear")
_LEADING_BY_LAST_LETTER: dict[str, tuple[str, ...]] = {}
for _w in _LEADING_WORDS:
    for _form in (_w, _w[0].upper() + _w[1:]):
        _LEADING_BY_LAST_LETTER[_form[-1]] = (*_LEADING_BY_LAST_LETTER.get(_form[-1], ()), _form)


def candidate_runs(text: str, start: int = 0, end: int | None = None):
    """The matches of CANDIDATE in ``text[start:end]``, exactly as ``CANDIDATE.finditer`` gives them, about twice
    as quickly on a novel.

    CANDIDATE opens with a look-behind, so the regex engine has to try it at every character. Here the engine
    skips to the next capital letter that opens a word (a quick scan), the determiners just before it
    ("the old Queen") are read backwards, and CANDIDATE itself is matched from the leftmost place it can start:
    the same place ``finditer`` would reach first, so the same match (the tests compare both on random text)."""
    end = len(text) if end is None else end
    pos = start
    search = _CAPITAL_START.search
    match = CANDIDATE.match
    while True:
        found = search(text, pos, end)
        if found is None:
            return
        capital = found.start()
        lead_ins = []  # where a run of determiners leading to this capital could begin, nearest first
        q = capital
        while True:
            w = q
            while w > pos and text[w - 1].isspace():
                w -= 1
            if w == q or w <= pos:
                break
            forms = _LEADING_BY_LAST_LETTER.get(text[w - 1], ())
            begins = next((w - len(f) for f in forms if w - len(f) >= pos and text.startswith(f, w - len(f))), None)
            if begins is None:
                break
            lead_ins.append(begins)
            q = begins
        m = None
        for begin in reversed(lead_ins):
            m = match(text, begin, end)
            if m is not None:
                break
        if m is None:
            m = match(text, capital, end)
        if m is None:  # (cannot happen: a capital opening a word always starts a run; kept safe)
            pos = capital + 1
            continue
        yield m
        pos = m.end()
_POSSESSIVE = re.compile(r"['’]s?$")
_HEAD_END = {"at", "of", "in", "with", "on", "from", "who", "whose", "that", "by", "near"}
_DETERMINERS = {"the", "a", "an", "his", "her", "my", "their", "our"}
_STOP = set(PARTICLES) | {
    "the", "a", "an", "her", "his", "my", "of", "de", "la", "le", "van", "von", "du", "old", "young", "little",
    "poor", "dear", "i", "he", "she", "it", "we", "they", "you", "in", "on", "at", "but", "and", "oh", "yes", "no",
    "well", "then", "now", "so", "what", "who", "why", "how", "when", "there", "here", "this", "that", "not",
    "god", "heaven", "lord", "sir", "madam", "miss", "mr", "mrs", "ms", "dr", "st", "mother", "father",
}


SHARED_PART_OWNERS = 2
"""A first or last name that this many characters share ("Robert" of Robert Cohn and Robert Prentiss) still counts
as a name of either; more than this (all the Bennets) and the bare word is left alone."""


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    names: tuple[str, ...]  # canonical names it may refer to (more than one when the alias is shared)


class NameIndex:
    """Look up cast names in text."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.narrator: str | None = cast.narrator
        """The first-person narrator ("I"), if the cast has one (see :attr:`workshop.speakers.cast.Cast.narrator`)."""
        index = _full_names(cast)
        _add_name_parts(cast, index)
        _add_description_heads(cast, index)
        self.index = {k: tuple(sorted(v)) for k, v in index.items()}
        self.longest = max((len(k.split()) for k in self.index), default=1)
        # first words of the names that have several: a token not among them can only be a one-word name
        self.first_words = frozenset(k.split()[0] for k in self.index if " " in k)
        self.pronoun = {ch.name: ch.pronouns for ch in cast}
        # descriptions used as names ("the gentleman in the white waistcoat"): matched in any case
        described = sorted(
            (k for k in self.index if len(k.split()) >= 2 and k.split()[0] in _DETERMINERS),
            key=len,
            reverse=True,
        )
        self.described, self._described_lower = _described_patterns(described)

    def _described_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Where the descriptions used as names stand in ``text[start:end]``, in any case."""
        lo = max(0, start - 1)  # one character before: the word-edge check looks behind the start
        low = text[lo:end].lower()
        if self._described_lower is None or len(low) != end - lo:  # (lower() changed a length: rare scripts)
            return [m.span() for m in self.described.finditer(text, start, end)] if self.described else []
        return [(m.start() + lo, m.end() + lo) for m in self._described_lower.finditer(low, start - lo)]

    def lookup(self, phrase: str) -> tuple[str, ...]:
        return self.index.get(normalise_name(phrase), ())

    def match_at(self, text: str, start: int, end: int) -> tuple[int, int, tuple[str, ...]] | None:
        """The longest alias inside ``text[start:end]`` that begins at its first word (or after a leading
        determiner), as (start, end, names)."""
        tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
        for first in range(min(len(tokens), 3)):
            for n in range(min(self.longest, len(tokens) - first), 0, -1):
                s, e = tokens[first][0], tokens[first + n - 1][1]
                names = self.lookup(text[s:e])
                if names:
                    return s, e, names
            if text[tokens[first][0]].isupper() and normalise_name(text[tokens[first][0] : tokens[first][1]]) not in lexicon().titles:
                break  # a capitalised word that is not a name: stop (don't skip into the middle of a phrase)
        return None

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every cast name in ``text[start:end]``, left to right."""
        end = len(text) if end is None else end
        titles = lexicon().titles
        out: list[Mention] = []
        index = self.index
        for m in candidate_runs(text, start, end):
            s, e = m.start(), m.end()
            run = m.group()
            if _WHITESPACE.search(run) is None:
                # one capitalised word (most runs: "The", "She", "Elizabeth"): looked up directly, without the
                # token walk below, which gives the same answer for a single word
                key = normalise_name(run)
                names = index.get(key)
                if not names and (key.endswith("'s") or key.endswith("'")):
                    names = index.get(_POSSESSIVE.sub("", key))
                if names:
                    out.append(Mention(s, e, names))
                continue
            tokens = [(t.start(), t.end()) for t in _TOKEN.finditer(text, s, e)]
            i = 0
            last_end = 0  # index of the token after the last name found in this run
            while i < len(tokens):
                found = None
                first = normalise_name(text[tokens[i][0] : tokens[i][1]])
                widest = min(self.longest, len(tokens) - i) if first in self.first_words else 1
                for n in range(widest, 0, -1):
                    a, b = tokens[i][0], tokens[i + n - 1][1]
                    key = normalise_name(text[a:b])
                    names = self.index.get(key)
                    if not names and (key.endswith("'s") or key.endswith("'")):
                        names = self.index.get(_POSSESSIVE.sub("", key))
                    if names:
                        found = (a, b, names, n)
                        break
                if found:
                    a, b, names, n = found
                    if i > 0 and normalise_name(text[tokens[i - 1][0] : tokens[i - 1][1]]) in titles:
                        a = tokens[i - 1][0]  # "Mr. Jaffers" when only "Jaffers" is listed
                    if i > last_end and len(names) == 1 and all(
                        text[tokens[j][0]].isupper() for j in range(last_end, i)
                    ) and normalise_name(text[tokens[last_end][0] : tokens[last_end][1]]) in titles:
                        a = tokens[last_end][0]  # "Master Charles Bates" when "Bates" is listed: one name
                    last_end = i + n
                    if text[a].isupper() or " " in text[a:b]:
                        out.append(Mention(a, b, names))
                    i += n
                else:
                    i += 1
        if self.described is not None:
            extra = []
            for a, b in self._described_spans(text, start, end):
                names = self.index.get(normalise_name(text[a:b]))
                if names:
                    extra.append(Mention(a, b, names))
            if extra:
                out = _merge(out, extra)
        return out


def _merge(mentions: list[Mention], described: list[Mention]) -> list[Mention]:
    """Add the described mentions, dropping the shorter mentions they cover (one pass over both lists)."""
    out: list[Mention] = []
    j = 0
    for d in described:
        while j < len(mentions) and mentions[j].end <= d.start:
            out.append(mentions[j])
            j += 1
        while j < len(mentions) and mentions[j].start < d.end:
            j += 1  # covered by the description
        out.append(d)
    out.extend(mentions[j:])
    return out


def _full_names(cast: Cast) -> dict[str, set[str]]:
    """Every name and alias of the cast (normalised) with the characters who bear it; "I" is left out (the tags
    read it as the narrator)."""
    index: dict[str, set[str]] = {}
    for ch in cast:
        for alias in ch.names:
            key = normalise_name(alias)
            if key in NARRATOR_ALIASES:
                continue  # "I" is read as the narrator by the tags, not looked up as a name
            index.setdefault(key, set()).add(ch.name)
    return index


def _add_name_parts(cast: Cast, index: dict[str, set[str]]) -> None:
    """Parts of full names: "Bill" for "Bill Gorton", "Darcy" for "Mr. Darcy" (when only one character has them,
    or a first name a few share)."""
    titles = lexicon().titles
    parts: dict[str, set[str]] = {}
    described_parts: set[str] = set()
    for ch in cast:
        for alias in ch.names:
            tokens = normalise_name(alias).split()
            if len(tokens) < 2:
                continue
            content = [t for t in tokens if t not in titles and t not in _STOP]
            for t in dict.fromkeys((content[0], content[-1])) if content else ():
                if len(t) > 1 and not _POSSESSIVE.search(t):
                    # (a possessive names someone else: "Brenda's" in "Brenda's Cousin" is Brenda)
                    parts.setdefault(t, set()).add(ch.name)
                    if tokens[0] in _DETERMINERS or t != content[0] or len(content) < 2:
                        # a word of a description ("gentleman") or a family name (the Honeychurches, "Mr.
                        # Bennet"): not a first name two people happen to share ("Robert" of "Mr. Robert Cohn"
                        # and "Robert Prentiss" is)
                        described_parts.add(t)
            # "Mr. Bennet" -> also "Bennet" with other titles is not added (another Bennet may exist)
    for key, owners in parts.items():
        if key not in index and (len(owners) == 1 or (len(owners) <= SHARED_PART_OWNERS and key not in described_parts)):
            # "Robert" for Robert Cohn or Robert Prentiss: either; recency and frequency decide (_pick)
            index[key] = owners
        elif key in index and len(index[key]) == 1 and not (owners & index[key]):
            # a one-word character ("Bounderby") who shares the name with a fuller one ("Josiah Bounderby"):
            # the word may mean either; recency decides
            index[key] = index[key] | owners


def _add_description_heads(cast: Cast, index: dict[str, set[str]]) -> None:
    """The head of a long description: "the jailer" for "The Jailer At The Dodger's Trial", when no one else could
    be meant."""
    heads: dict[str, set[str]] = {}
    for ch in cast:
        for alias in ch.names:
            words = normalise_name(alias).split()
            if len(words) >= 4 and words[0] in _DETERMINERS:
                cut = next((j for j, w in enumerate(words) if j >= 2 and w in _HEAD_END), None)
                if cut is not None:
                    heads.setdefault(" ".join(words[:cut]), set()).add(ch.name)
    for key, owners in heads.items():
        if key not in index:
            index[key] = owners  # two jailers: recency decides which


def _described_patterns(described: list[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The search for descriptions used as names (longest first), in any case; and the same search on
    lower-cased text, quicker: each branch opens with its first letter as a literal (so the regex engine skips
    straight to the places that letter occurs) and checks the word edge behind it after reading it. Keys are
    tried in the same order, so the matches are the same."""
    if not described:
        return None, None
    any_case = re.compile(
        r"(?<![\w'’])(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in described) + r")(?![\w'’])",
        re.IGNORECASE,
    )
    by_letter: dict[str, list[str]] = {}
    for k in described:
        by_letter.setdefault(k[0], []).append(k)
    lower = re.compile(
        "(?:"
        + "|".join(
            re.escape(c) + r"(?<![\w'’]" + re.escape(c) + ")(?:"
            + "|".join(re.escape(k[1:]).replace(r"\ ", r"\s+") for k in keys) + ")"
            for c, keys in by_letter.items()
        )
        + r")(?![\w'’])"
    )
    return any_case, lower
