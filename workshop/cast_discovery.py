"""Finding the cast in the text when the writer gives no cast file.

Only people who *speak* become characters: a name must be the subject of a speech tag ("said Bruce", "Nat shot
back") or act in a paragraph that holds dialogue ("Natasha pursed her lips. "Did we?""). Names that only turn up
in narration or inside quotes (a friend mentioned in passing) stay out.

Steps:

1. Candidate names: capitalised words and runs of them in the narration, titles kept ("Mr. Darcy"). A single word
   must also appear capitalised in the middle of a sentence somewhere (so "Still" or "Steam" at the start of a
   sentence is not a name) and must not be used more often in lower case than capitalised.
2. Speakers: candidates that are the subject of a tag or of a beat beside a quote.
3. Variants merged: "Bruce Banner", "Bruce" and "Banner" are one character when only one full name contains the
   word; a short form is a nickname ("Nat") when it begins exactly one character's first name and is not a name
   of its own. The canonical name is the form the text uses most.
4. Pronouns: from the he/him/his or she/her/hers that follow the character's name in the narration, and from
   titles (Mr. -> he, Mrs. -> she).

When a cast file is given it overrides all this (``Cast.source == "file"``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from workshop.attribution_lexicon import lexicon
from workshop.attribution_names import NameIndex, candidate_runs
from workshop.attribution_tags import TagReader
from workshop.cast import Cast, Character
from workshop.errors import Notice
from workshop.quotes import QuotedSpan
from workshop.scene import Scene

_STOP = {
    "i", "i'm", "i'll", "i'd", "i've", "he", "she", "it", "we", "they", "you", "me", "him", "her", "his", "hers",
    "its", "our", "their", "my", "your", "the", "a", "an", "and", "but", "or", "so", "then", "now", "well", "oh",
    "ah", "yes", "no", "not", "what", "who", "why", "how", "when", "where", "there", "here", "this", "that",
    "these", "those", "god", "lord", "heaven", "hell", "christ", "jesus", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "chapter", "english", "french", "american",
    "okay", "ok", "hmm", "mm", "um", "uh", "oh", "ooh", "hey", "hi", "hello", "goodbye", "please", "sorry",
    "thanks", "mom", "dad", "mum", "sir", "madam", "ma'am", "miss", "mr", "mrs", "ms", "dr",
}
_MID_SENTENCE_CAP = re.compile(
    r"(?:(?<=[a-z,;:—–\-])[ \t\r\n]+|(?<=[\"”(]) ?|(?:(?<=Mr\.)|(?<=Mrs\.)|(?<=Ms\.)|(?<=Dr\.)|(?<=St\.))\s+)"
    r"([A-Z][a-z]+(?:['’-][A-Za-z]+)*)"
)
_CAPITALISED = re.compile(r"(?<![\w'’])([A-Z][a-z]+(?:['’-][A-Za-z]+)*)")
_ACTS = re.compile(r"(?:['’]s?\s+\w+)?\s+(?:\w+ly\s+)?([a-z]+)")
_FUNCTION = {
    "before", "after", "and", "or", "but", "nor", "in", "on", "at", "to", "of", "for", "with", "from", "as", "than",
    "that", "who", "whom", "which", "whose", "himself", "herself", "too", "either", "neither", "or", "if", "the",
}
_HE = re.compile(r"(?<![\w'’])(?:he|himself)(?![\w'’])", re.IGNORECASE)
_SHE = re.compile(r"(?<![\w'’])(?:she|herself)(?![\w'’])", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?](?=\s)")
_NEXT_SUBJECT = re.compile(r"\s+(He|She)\b")
_OTHER_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")
_POSSESSIVE = re.compile(r"['’]s?$")
MAX_NAME_WORDS = 5
"""The most words a name found in the text has ("Lady Catherine de Bourgh" has four; none of the twelve novels'
names found has more than four)."""
PRONOUN_REACH = 300
"""How far after a name its pronouns are looked for (to the end of its sentence, at most this many characters):
a bound that keeps a paragraph of names without a full stop from being read once per name."""


@dataclass
class Discovery:
    """The characters found, most mentioned first, and a notice when none could be found."""

    characters: list[Character]
    notices: list[Notice] = field(default_factory=list)


def discover_cast(scene: Scene, spans: list[QuotedSpan]) -> Discovery:
    """Find the speaking characters of ``scene`` from its narration and the quotes ``spans`` (speech only)."""
    text = scene.text
    if not spans:
        return Discovery([])
    narration = _narration_ranges(scene, spans)
    counts = _candidates(text, narration)
    if not counts:
        return Discovery([], [Notice("cast-none", "No cast file, and no character names found near the dialogue.")])
    provisional = Cast([Character(name) for name in counts], source="found")
    index = NameIndex(provisional)
    mentions = [m for a, b in narration for m in index.mentions(text, a, b)]
    reader = TagReader(text, mentions, index)
    speaking = _speakers(scene, spans, reader)
    if not speaking:
        return Discovery(
            [], [Notice("cast-none", "No cast file, and no name is tied to any line of dialogue; add a cast file.")]
        )
    groups = _merge(speaking, counts)
    characters = []
    for forms in groups:
        canonical = max(forms, key=lambda f: (counts.get(f, 0), len(f), f))
        aliases = tuple(sorted((f for f in forms if f != canonical), key=lambda f: (-counts.get(f, 0), f)))
        characters.append(Character(canonical, aliases, _pronoun(text, narration, forms)))
    characters.sort(key=lambda ch: (-sum(counts.get(f, 0) for f in ch.names), ch.name))
    return Discovery(characters)


def _narration_ranges(scene: Scene, spans: list[QuotedSpan]) -> list[tuple[int, int]]:
    by_para: dict[int, list[QuotedSpan]] = defaultdict(list)
    for s in spans:
        by_para[s.paragraph].append(s)
    out = []
    for p in scene.story_paragraphs:
        pos = p.start
        for s in sorted(by_para.get(p.index, []), key=lambda s: s.start):
            if s.start - 1 > pos:
                out.append((pos, s.start - 1))
            pos = max(pos, s.end + 1)
        if pos < p.end:
            out.append((pos, p.end))
    return out


def _candidates(text: str, narration: list[tuple[int, int]]) -> Counter:
    """Capitalised names in the narration, with how often each form occurs."""
    titles = lexicon().titles
    mid: Counter = Counter()
    caps: Counter = Counter()
    lower: Counter = Counter()
    forms: Counter = Counter()
    for word in re.findall(r"(?<![\w'’])[a-z]+", text):
        lower[word] += 1
    for a, b in narration:
        chunk = text[max(0, a - 2) : b]
        for m in _MID_SENTENCE_CAP.finditer(chunk):
            mid[m.group(1)] += 1
        for m in _CAPITALISED.finditer(text, a, b):
            caps[m.group(1)] += 1

    def name_like(word: str) -> bool:
        clean = word.rstrip(".")
        if not clean or clean.isupper() and len(clean) > 1:
            return False
        if clean.lower() in titles:
            return True
        if clean.lower() in _STOP:
            return False
        if lower[clean.lower()] > mid[clean]:
            return False
        # in the middle of a sentence somewhere, or opening two sentences and never written in lower case
        return mid[clean] > 0 or (caps[clean] >= 2 and lower[clean.lower()] == 0)

    for a, b in narration:
        for m in candidate_runs(text, a, b):
            words = m.group().split()
            if words and words[0].lower() in ("the", "a", "an", "her", "his", "my", "old", "young", "little", "poor", "dear"):
                continue  # "the Hulk" is a description, not a name
            words = [_POSSESSIVE.sub("", w) for w in words]
            run: list[str] = []
            for w in words + [""]:
                if w and name_like(w):
                    if w.endswith(".") and w.rstrip(".").lower() not in titles:
                        run.append(w.rstrip("."))  # a full stop ends the name ("Natasha. She")
                        _add_run(run, titles, forms)
                        run = []
                        continue
                    run.append(w)
                    continue
                _add_run(run, titles, forms)
                run = []
    out: Counter = Counter()
    for form, n in forms.items():
        parts = form.split()
        content = [p for p in parts if p.rstrip(".").lower() not in titles]
        if not content:
            continue
        out[form] = n
    return out


def _add_run(run: list[str], titles: dict[str, str], forms: Counter) -> None:
    end = len(run)
    while end and run[end - 1].rstrip(".").lower() in titles:
        end -= 1
    if not end or end > MAX_NAME_WORDS:
        return  # (a longer run of capitalised words is a heading or a title, not a name)
    name = " ".join(run[:end])
    if len(name) > 1:
        forms[name] += 1


def _speakers(scene: Scene, spans: list[QuotedSpan], reader: TagReader) -> set[str]:
    """Names that are the subject of a tag, or act in the narration of a paragraph with dialogue."""
    text = scene.text
    found: set[str] = set()
    by_para: dict[int, list[QuotedSpan]] = defaultdict(list)
    for s in spans:
        by_para[s.paragraph].append(s)
    paragraphs = {p.index: p for p in scene.paragraphs}
    for index, quotes in by_para.items():
        p = paragraphs[index]
        quotes.sort(key=lambda s: s.start)
        for k, s in enumerate(quotes):
            nxt = quotes[k + 1].start - 1 if k + 1 < len(quotes) else p.end
            prv = quotes[k - 1].end + 1 if k else p.start
            close = s.end + (1 if s.closed else 0)
            body = text[s.start : s.end].rstrip()
            comma = body.endswith((",", "—", "-")) or text[close : close + 1] == ","
            for tag in (reader.after(close, nxt, comma) if close < nxt else None,
                        reader.before(prv, s.start - 1) if prv < s.start - 1 else None):
                if tag is not None and tag.kind == "name":
                    found.update(tag.names)
        # beats: names acting in the paragraph's narration
        pos = p.start
        for s in quotes + [None]:
            end = (s.start - 1) if s is not None else p.end
            if end > pos:
                for cs, ce, tag in reader._subjects(pos, end):
                    if tag.kind != "name":
                        continue
                    lead = text[max(pos, cs - 3) : cs]
                    starts_clause = cs == pos or re.search(r"(?:^|[.!?;]['’\"”)]?\s+|^\s+)$", lead) is not None
                    acts = _ACTS.match(text, ce, end)
                    if starts_clause and acts and acts.group(1).lower() not in _FUNCTION:
                        found.update(tag.names)
            if s is not None:
                pos = s.end + 1
    return found


def _merge(speaking: set[str], counts: Counter) -> list[list[str]]:
    """Group the forms of one character: a full name with its parts ("Bruce Banner", "Bruce", "Banner"), a
    titled name with the bare one ("Mr. Darcy", "Darcy"), and nicknames ("Nat" for "Natasha"). Forms with
    different titles ("Mr. Bennet", "Mrs. Bennet") are different people; a bare word that fits several people
    is left alone unless one of them is mentioned far more."""
    titles = lexicon().titles

    def content(form: str) -> tuple[str, ...]:
        return tuple(w for w in form.split() if w.rstrip(".").lower() not in titles)

    def title(form: str) -> str | None:
        first = form.split()[0].rstrip(".").lower()
        return first if first in titles else None

    # the forms to group: speaking forms, and the other forms of their words the text uses
    speaking_words = {w for f in speaking for w in content(f)}
    forms = set(speaking)
    for form in counts:
        words = content(form)
        if words and (len(words) >= 2 or title(form)) and (words[0] in speaking_words or words[-1] in speaking_words):
            forms.add(form)
    anchors = sorted(f for f in forms if len(content(f)) >= 2 or title(f))
    # bare words that are part of a full name in play ("Banner" of "Bruce Banner")
    full_words = {w for f in anchors if len(content(f)) >= 2 for w in (content(f)[0], content(f)[-1])}
    forms |= {f for f in counts if len(f.split()) == 1 and f in full_words}
    bare = sorted(f for f in forms if f not in anchors)

    def compatible(group: set[str], form: str) -> bool:
        t = title(form)
        firsts = {content(g)[0] for g in group if len(content(g)) >= 2}
        if t and any(title(g) and title(g) != t for g in group):
            return False
        if t and len(content(form)) == 1 and firsts and content(form)[0] not in firsts:
            return False  # "Mrs. Bennet" is not "Elizabeth Bennet": families share surnames
        return not (len(content(form)) >= 2 and firsts and content(form)[0] not in firsts)

    groups: list[set[str]] = []
    for f in sorted(anchors, key=lambda f: (-len(content(f)), -counts.get(f, 0), f)):
        words = set(content(f))
        fits = [
            g for g in groups
            if compatible(g, f) and any(set(content(x)) <= words or words <= set(content(x)) for x in g)
        ]
        if len(fits) == 1:
            fits[0].add(f)
        else:
            groups.append({f})
    loose: list[str] = []
    for f in bare:
        word = content(f)[0] if content(f) else f
        owners = [g for g in groups if any(word in content(x) for x in g)]
        weight = sorted(((sum(counts.get(x, 0) for x in g), i) for i, g in enumerate(owners)), reverse=True)
        if len(owners) == 1 or (len(owners) > 1 and weight[0][0] >= 2 * weight[1][0]):
            owners[weight[0][1]].add(f)
        else:
            loose.append(f)
    groups.extend({f} for f in loose)
    # nicknames: a short form that begins exactly one character's first name ("Nat" -> "Natasha")
    out: list[set[str]] = []
    for g in groups:
        only = next(iter(g))
        if len(g) == 1 and len(content(only)) == 1 and not title(only):
            word = content(only)[0]
            hosts = [
                h for h in groups
                if h is not g and any(content(f) and content(f)[0] != word and content(f)[0].startswith(word) for f in h)
            ]
            if len(word) >= 3 and len(hosts) == 1:
                hosts[0] |= g
                continue
        out.append(g)
    return [sorted(g) for g in out if g & speaking]


def _pronoun(text: str, narration: list[tuple[int, int]], forms: list[str]) -> str | None:
    """she/he from the pronouns that follow the character's name in the narration, or from a title."""
    titles = lexicon().titles
    for f in forms:
        first = f.split()[0].rstrip(".").lower()
        if first in titles and titles[first] in ("he", "she"):
            return titles[first]
    pattern = re.compile(
        r"(?<![\w'’])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?![\w])"
    )
    he = she = 0
    next_subject: dict[int, re.Match[str] | None] = {}  # (names in one sentence share its next sentence)
    for a, b in narration:
        for m in pattern.finditer(text, a, b):
            # the rest of this sentence and the start of the next: "Agnes Pell was waiting. She had been..."
            reach = min(b, m.end() + PRONOUN_REACH)
            stop = _SENTENCE_STOP.search(text, m.end(), reach)
            cut = stop.end() if stop else reach
            window = text[m.end() : cut]
            if cut not in next_subject:
                next_subject[cut] = _NEXT_SUBJECT.match(text, cut, b) if stop or cut == b else None
            nxt = next_subject[cut]
            other = _OTHER_NAME.search(window)
            if other:
                window = window[: other.start()]
            he += len(_HE.findall(window)) + (1 if nxt and nxt.group(1).lower() == "he" else 0)
            she += len(_SHE.findall(window)) + (1 if nxt and nxt.group(1).lower() == "she" else 0)
    if he > she:
        return "he"
    if she > he:
        return "she"
    return None
