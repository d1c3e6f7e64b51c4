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

import bisect
import re
from collections import Counter, defaultdict
from functools import lru_cache
from dataclasses import dataclass, field, replace

from workshop.adapters import first_names_adapter as first_names
from workshop.speakers.lexicon import lexicon
from workshop.speakers.names import NameIndex, candidate_runs
from workshop.speakers.tags import TagReader, called_after_comma, last_sentence_break, verb_at
from workshop.speakers.cast import Cast, Character, normalise_name
from workshop.errors import Notice
from workshop.files.word_lists import packaged_word_list
from workshop.speakers.narrator import NEIGHBOUR_PARAGRAPHS as NARRATOR_NEIGHBOURS
from workshop.speakers.narrator import FIRST_PERSON_WORD, Line, NarratorFound, find_narrator, first_person, i_beat, names_said, vocatives
from workshop.text.quotes import QuotedSpan
from workshop.text.scene import Scene

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
    r"(?:(?<=[a-z,;:—–\-])[ \t\r\n]+|(?<=[,;—–\-][\"”])\s*|(?<=\()|(?:(?<=Mr\.)|(?<=Mrs\.)|(?<=Ms\.)|(?<=Dr\.)|(?<=St\.))\s+)"
    r"([A-Z][a-z]+(?:['’-][A-Za-z]+)*)"
)
_MAY_SAY_NAME = re.compile(r"[Nn]ame|[Cc]all\s+me")
"""What every phrase :func:`workshop.speakers.narrator.names_said` reads holds."""
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z]+)*")
_TITLE_STOPS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.")


def mid_sentence_caps(chunk: str) -> list[str]:
    """What ``_MID_SENTENCE_CAP.findall(chunk)`` gives (the capitalised words inside a sentence), found about five
    times faster: the capitalised words first (a plain pattern the regular-expression engine scans quickly), then
    what stands before each checked by hand (a pattern that opens on lookbehinds is tried at every character of a
    novel). The same words in the same order (tests/test_cast_discovery.py compares the two)."""
    out: list[str] = []
    for m in _CAPITALISED_WORD.finditer(chunk):
        p = m.start()
        if p == 0:
            continue
        before = chunk[p - 1]
        if before == "(":
            out.append(m.group())
            continue
        q = p
        while q > 0 and chunk[q - 1] in " \t\r\n":
            q -= 1
        if q < p and q > 0 and (("a" <= chunk[q - 1] <= "z") or chunk[q - 1] in ",;:—–-"):
            out.append(m.group())
            continue
        r = p
        while r > 0 and chunk[r - 1].isspace():
            r -= 1
        if r >= 2 and chunk[r - 1] in "\"”" and chunk[r - 2] in ",;—–-":
            out.append(m.group())
            continue
        if r < p and chunk.endswith(_TITLE_STOPS, 0, r):
            out.append(m.group())
    return out


_OPENS_BEFORE_SUBJECT = re.compile(
    r"(?:^|[.!?;:][\"”'’)]?\s+)([A-Z][a-z]+),?\s+(?:he|she|they|we|I|it|you|the|a|an|his|her|their|its|there|this)\b"
)
"""A capitalised word that opens a sentence and is followed by its subject ("Presently she called", "Still the
rain fell"): an adverb or a conjunction, never a name (a name is not followed by "she")."""
_ADVERB_OPENING = re.compile(
    r"[\s\"”'’)]*(?:[A-Z][a-z]+ly|Then|Now|Still|Presently|Suddenly|Finally|Meanwhile|Again|At last|At length),?\s+"
)
"""A sentence opened by an adverb before its subject: "Presently Marilla came out"."""


def _sentence_start(text: str, start: int, pos: int) -> int:
    """Where the sentence holding ``pos`` begins, within ``text[start:pos]``."""
    cut = last_sentence_break(text, start, pos)
    return start if cut < 0 else cut + 1
_TAG_AFTER_QUESTION = re.compile(r"[?!…][\"”]\s*([A-Z][a-z]+(?:['’-][A-Za-z]+)*)\s+(?:\w+ly\s+)?([a-z]+)")
"""A capitalised word inside a sentence: after a lower-case word or a comma, after a quote that ends on a comma
or dash ('"Fine," Bruce said'), after a title. (After '"Fine." ' a new sentence may start: "Thus" there is no
name.)"""
_CAPITALISED = re.compile(r"(?<![\w'’])([A-Z][a-z]+(?:['’-][A-Za-z]+)*)")
_ACTS = re.compile(r"(?:['’]s?\s+\w+)?\s+(?:\w+ly\s+)?([a-z]+)")
_FUNCTION = {
    "before", "after", "and", "or", "but", "nor", "in", "on", "at", "to", "of", "for", "with", "from", "as", "than",
    "that", "who", "whom", "which", "whose", "himself", "herself", "too", "either", "neither", "or", "if", "the",
    # being, not acting: "the Hulk was dangerous" says nothing of who speaks
    "was", "were", "is", "are", "be", "been", "seemed", "seems",
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
    guessed: set[str] = field(default_factory=set)
    """The characters whose pronoun came from the first-name dictionary, not from the text or a title."""


def discover_cast(scene: Scene, spans: list[QuotedSpan]) -> Discovery:
    """Find the speaking characters of ``scene`` from its narration and the quotes ``spans`` (speech only)."""
    text = scene.text
    if not spans:
        return Discovery([])
    narration = _narration_ranges(scene, spans)
    lower = lower_words(text)
    counts = _candidates(text, narration, lower)
    quoted = _titled_in_quotes(text, spans, counts)
    provisional = Cast([Character(name) for name in list(counts) + list(quoted)], source="found")
    index = NameIndex(provisional)
    mentions = [m for a, b in narration for m in index.mentions(text, a, b)]
    reader = TagReader(text, mentions, index)
    speaking, lines, described, pronoun_tags, turns = _speakers(
        scene, spans, reader, _vocative_test(text, narration, lower), index, counts
    )
    narrated = counts
    counts = counts + quoted
    # the genders the text itself settles for each form (a title, clear pronouns after it), read once
    evidence = gender_evidence(text, narration, mentions)
    strong = {f: form_gender(f, evidence.get(f, Counter()), {}, guess=False) for f in counts}
    if described:
        for phrase, n in _epithets(described, speaking, strong, turns).items():
            counts[phrase] += n
            speaking.add(phrase)
    speaking.update(_antecedents(pronoun_tags, mentions, speaking, strong, text))
    first_person_words = sum(len(FIRST_PERSON_WORD.findall(text, a, b)) for a, b in narration)
    if first_person(lines, first_person_words):
        _keep_given_names(lines, text, narration)
    characters, guessed = _characters(speaking, counts, evidence, strong)
    # ("my name is", "call me", "name's": only the stretches that hold "name" or "call me" are read for them)
    said = [name for a, b in narration if _MAY_SAY_NAME.search(text, a, b) for name in names_said(text[a:b])]
    narrator = find_narrator(lines, counts, [n for ch in characters for n in ch.names], said, first_person_words)
    if narrator is not None:
        characters = _with_narrator(characters, narrator)
        characters = _formal_names_of_narrator(characters, lines, spans, text, index, set(quoted) - set(narrated))
    if not characters:
        if not counts:
            return Discovery([], [Notice("cast-none", "No cast file, and no character names found near the dialogue.")])
        return Discovery(
            [], [Notice("cast-none", "No cast file, and no name is tied to any line of dialogue; add a cast file.")]
        )
    return Discovery(characters, guessed=guessed & {ch.name for ch in characters})


def _characters(speaking: set[str], counts: Counter, evidence: dict[str, Counter],
                strong: dict[str, str | None]) -> tuple[list[Character], set[str]]:
    """The speaking forms merged into characters (most talked-of first), each with its pronoun; and the names
    whose pronoun is only the usual gender of the first name (a guess)."""
    characters: list[Character] = []
    guessed: set[str] = set()
    if not speaking:
        return characters, guessed
    names_known = first_name_prior(f for f in speaking if _title(f) is None and len(_content(f)) == 1)
    # genders the text itself settles (a title, its pronouns) keep two people apart; a first name's usual
    # gender does not ("Nat" may be Natasha's)
    gender = {f: strong.get(f) or form_gender(f, evidence.get(f, Counter()), {}, guess=False) for f in counts}
    groups = _merge(speaking, counts, gender)
    # the usual gender of the characters' first names (a fallback, and a check on a few stray pronouns)
    prior = first_name_prior(f for forms in groups for f in forms if _title(f) is None)
    for forms in groups:
        canonical = _canonical(forms, counts, names_known)
        aliases = tuple(sorted((f for f in forms if f != canonical), key=lambda f: (-counts.get(f, 0), f)))
        total = sum((evidence.get(f, Counter()) for f in forms), Counter())
        pronoun = next((gender[f] for f in forms if _title(f) and gender.get(f)), None)
        settled = pronoun or form_gender(canonical, total, prior, guess=False)
        if not settled:
            pronoun = form_gender(canonical, total, prior)
            if pronoun is not None and pronoun == form_gender(canonical, Counter(), prior):
                guessed.add(canonical)
        characters.append(Character(canonical, aliases, pronoun or settled))
    characters.sort(key=lambda ch: (-sum(counts.get(f, 0) for f in ch.names), ch.name))
    return characters, guessed


def _formal_names_of_narrator(
    characters: list[Character], lines: list[Line], spans: list[QuotedSpan], text: str, index: NameIndex,
    dialogue_only: set[str],
) -> list[Character]:
    """A first-person narrator is "I" in the narration and, in the others' mouths, often a title and a family name
    ("Mr. Barnes", "Monsieur Barnes") that the narration never uses. A character found only as such a titled name
    said in the dialogue, called out in others' lines beside the narrator's own and never in the narrator's lines,
    is the narrator: its names join the narrator's (two characters for one person split the turns of a talk)."""
    narrator = next((ch for ch in characters if ch.narrator), None)
    if narrator is None:
        return characters
    candidates = [ch for ch in characters
                  if ch is not narrator and all(n in dialogue_only and _title(n) for n in ch.names)]
    if not candidates:
        return characters  # (before reading every quote for the names it calls)
    rank = {g: k for k, g in enumerate(sorted({s.group for s in spans}))}
    lines_calling: dict[str, set[int]] = defaultdict(set)  # name -> the lines that call it
    for span in spans:
        for name in _calls(text, span, index):
            lines_calling[name].add(rank[span.group])
    merged: list[Character] = []
    for ch in candidates:
        beside = mine = 0
        for k in sorted(set().union(*(lines_calling.get(n, set()) for n in ch.names))):
            if k >= len(lines):
                continue
            line = lines[k]
            if line.narrators:
                mine += 1
            elif any(
                0 <= j < len(lines) and lines[j].narrators
                and abs(lines[j].paragraph - line.paragraph) <= NARRATOR_NEIGHBOURS
                for j in (k - 1, k + 1)
            ):
                beside += 1
        if beside and not mine:
            merged.append(ch)
    if not merged:
        return characters
    aliases = tuple(dict.fromkeys(narrator.aliases + tuple(n for ch in merged for n in ch.names)))
    return [replace(narrator, aliases=aliases) if ch is narrator else ch for ch in characters if ch not in merged]


def _with_narrator(characters: list[Character], found: NarratorFound) -> list[Character]:
    """The characters with the first-person narrator first: a character of the narrator's name becomes the
    narrator; otherwise a new one, called by the name the text gives or "Narrator"."""
    name = found.display_name
    same = next((ch for ch in characters if name in ch.names), None)
    narrator = Character(name, (), None, True) if same is None else replace(same, narrator=True)
    return [narrator] + [ch for ch in characters if ch is not same]


def _vocative_test(text: str, narration: list[tuple[int, int]], lower: Counter | None = None):
    """Whether a capitalised word called out in a quote can be a name: not a title, a word for a person ("Mother",
    "Doctor") or an endearment ("Darling"), not a stop word, and never written in lower case in the text.
    ``lower``: the text's words in lower case, counted (see :func:`lower_words`), when already counted."""
    titles = lexicon().titles
    nouns = lexicon().people
    lower = lower_words(text) if lower is None else lower

    def is_name(word: str) -> bool:
        key = word.lower()
        return (
            len(word) > 1
            and key not in _STOP
            and key not in titles
            and key not in nouns
            and key not in _endearments()
            and key not in _function_words()
            and not key.endswith("ly")
            and lower[key] == 0
        )

    return is_name


def _keep_given_names(lines: list[Line], text: str, narration: list[tuple[int, int]]) -> None:
    """Keep, of the words called out in the lines, those that are names: capitalised in the middle of a sentence
    of the narration somewhere, or listed as a given name in the name dictionary ("Natasha, I'm sorry" is
    called; "Together, as in..." is not)."""
    words = {w for line in lines for w in line.called}
    if not words:
        return
    mid = {w for a, b in narration for w in mid_sentence_caps(text[max(0, a - 2) : b])}
    known = first_names.lookup(w for w in words if w not in mid)
    for line in lines:
        line.called = [w for w in line.called if w in mid or known.get(w.lower()) is not None]


def _lexicon_words(name: str) -> frozenset[str]:
    return frozenset(packaged_word_list("lexicons", name))


@lru_cache(maxsize=1)
def _endearments() -> frozenset[str]:
    return _lexicon_words("endearments.txt")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return _lexicon_words("function_words.txt")


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


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]+")


def lower_words(text: str) -> Counter:
    """How often each word is written in lower case in ``text`` (read once per scene: cast discovery asks it of
    candidate names and of words called out in the dialogue)."""
    return Counter(_LOWER_WORD.findall(text))  # (Counter counts an iterable in C: a novel's words in a blink)


def _candidates(text: str, narration: list[tuple[int, int]], lower: Counter | None = None) -> Counter:
    """Capitalised names in the narration, with how often each form occurs (``lower``: see :func:`lower_words`)."""
    titles = lexicon().titles
    mid: Counter = Counter()
    caps: Counter = Counter()
    forms: Counter = Counter()
    lower = lower_words(text) if lower is None else lower
    for a, b in narration:
        chunk = text[max(0, a - 2) : b]
        mid.update(mid_sentence_caps(chunk))
        for m in _TAG_AFTER_QUESTION.finditer(chunk):
            if verb_at(chunk, m.start(2), len(chunk)) is not None:
                mid[m.group(1)] += 1  # '"Why what?" Nat shot back': a name in the tag of a question
        caps.update(_CAPITALISED.findall(text, a, b))

    openers = {
        m.group(1) for a, b in narration for m in _OPENS_BEFORE_SUBJECT.finditer(text[max(0, a - 2) : b])
    }

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
        if clean in openers and not mid[clean]:
            return False  # "Presently she called": a word that opens a sentence before its subject
        # in the middle of a sentence somewhere, or opening two sentences and never written in lower case
        return mid[clean] > 0 or (caps[clean] >= 2 and lower[clean.lower()] == 0)

    for a, b in narration:
        for m in candidate_runs(text, a, b):
            words = m.group().split()
            if len(words) >= 2 and words[0] in ("the", "The"):
                described = _capitalised_description(words[1:])
                if described:
                    forms[described] += 1  # "the Hatter", "the Mock Turtle": a description used as a name
                continue
            if words and words[0].lower() in ("the", "a", "an", "her", "his", "my", "old", "young", "little", "poor", "dear"):
                continue  # "his Majesty" is not a name
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
    forms = _split_adjacent(forms, titles)
    out: Counter = Counter()
    for form, n in forms.items():
        parts = form.split()
        content = [p for p in parts if p.rstrip(".").lower() not in titles]
        if not content and not _description(form):
            continue
        out[form] = n
    return out


def _split_adjacent(forms: Counter, titles: dict[str, str]) -> Counter:
    """Two names that only stand side by side ("With Mrs. Allan Anne fell...", "at the Lilas Brett said") are two
    names, not one: a run seen once is cut after a title and one name, or after a description ("the Lilas"),
    when what follows is a name the text uses on its own elsewhere (twice at least) and never with a title
    ("Anne": a family name takes titles, "Mrs. Bennet", and may follow a given name, "Elizabeth Bennet")."""
    titled_words = {f.split()[-1] for f in forms if len(f.split()) == 2 and f.split()[0].rstrip(".").lower() in titles}
    out = Counter(forms)
    for form, n in forms.items():
        words = form.split()
        if n != 1 or len(words) < 3:
            continue
        if _description(form):
            cut = next((k for k in range(2, len(words)) if forms.get(" ".join(words[k:]), 0) >= 2), None)
        elif words[0].rstrip(".").lower() in titles and words[1].rstrip(".").lower() not in titles:
            cut = 2
        else:
            continue
        if cut is None:
            continue
        left, right = " ".join(words[:cut]), " ".join(words[cut:])
        if out.get(right, 0) >= 2 and right.split()[0] not in titled_words and (_description(left) or out.get(left, 0) >= 1):
            out[form] -= 1
            out[left] += 1
            out[right] += 1
            if out[form] <= 0:
                del out[form]
    return out


def _capitalised_description(words: list[str]) -> str | None:
    """"the Hatter", "the Mock Turtle", "the Queen of Hearts" from the words after "the" (up to a full stop or a
    possessive), or None when they are not capitalised words."""
    kept: list[str] = []
    for w in words:
        if w in ("of", "de", "la", "le", "du") and kept:
            kept.append(w)
            continue
        clean = _POSSESSIVE.sub("", w.rstrip("."))
        if not clean[:1].isupper() or (clean.isupper() and len(clean) > 1) or clean.lower() in _STOP:
            break
        kept.append(clean)
        if w.endswith(".") or clean != w.rstrip("."):
            break  # a full stop or a possessive ends the description
    while kept and kept[-1] in ("of", "de", "la", "le", "du"):
        kept.pop()
    return "the " + " ".join(kept) if kept else None


def _description(form: str) -> bool:
    """Whether a found form is a description used as a name ("the Hatter")."""
    return form.startswith("the ")


def _add_run(run: list[str], titles: dict[str, str], forms: Counter) -> None:
    end = len(run)
    while end and run[end - 1].rstrip(".").lower() in titles:
        end -= 1
    if not end or end > MAX_NAME_WORDS:
        return  # (a longer run of capitalised words is a heading or a title, not a name)
    name = " ".join(run[:end])
    if len(name) > 1:
        forms[name] += 1


_VOCATIVE_LEAD = re.compile(
    r"[\W_]*(?:(?:oh|ah|my|dear|dearest|well|why|come|now|yes|no|nay|pray|o|indeed|good|poor|sweet|hello|hi|"
    r"hey|morning|evening|thank\s+you|thanks|sir|madam)[\W_]*)*",
    re.IGNORECASE,
)
"""What may stand before a name called at the start of a line: "Oh, Jane!", "Good morning, Mr. Darcy"."""
_VOCATIVE_AFTER = re.compile(r"\s*(?:[,!?.;—–]|--)|\s*$")
MIN_CALLS = 2
"""A name called out in the dialogue that the narration never uses must be called this often to count as a
speaker (a name the narration uses, or one with a title, needs one call)."""


@lru_cache(maxsize=1)
def _titled_pattern() -> re.Pattern:
    """A title of the lexicon (capitalised: "Mrs.", "Count", "Captain") followed by a capitalised name."""
    titles = sorted({t[:1].upper() + t[1:] for t in lexicon().titles if len(t) > 1}, key=len, reverse=True)
    return re.compile(
        r"(?<![\w'’])((?:" + "|".join(re.escape(t) for t in titles) + r")\.?\s+[A-Z][a-z][\w'’-]*)"
    )


def _titled_in_quotes(text: str, spans: list[QuotedSpan], known: Counter) -> Counter:
    """Titled names said in the dialogue only ("Hard-hearted, Mrs. Corney?", "Sit down, Count Mippipopolous"):
    a title makes them names."""
    pattern = _titled_pattern()
    titles = lexicon().titles
    out: Counter = Counter()
    for s in spans:
        for m in pattern.finditer(text, s.start, s.end):
            name = " ".join(_POSSESSIVE.sub("", m.group(1)).split())  # a line break inside is a space
            if name not in known and name.split()[-1].lower() not in titles and name.split()[-1].lower() not in _STOP:
                out[name] += 1
    return out


def _calls(text: str, span: QuotedSpan, index: NameIndex) -> list[str]:
    """The names called out in a quote: at its start (after "Oh,", "Well,"...) or set off by commas ("Are you
    hard-hearted, Mrs. Corney?"); not an item of a list of names ("Chicago, St. Louis, Kansas City")."""
    out = []
    for m in index.mentions(text, span.start, span.end):
        if len(m.names) != 1:
            continue
        before = text[max(span.start, m.start - 3) : m.start]
        at_start = _VOCATIVE_LEAD.fullmatch(text, span.start, m.start) is not None
        lead_ok = at_start or re.search(r"[,!?]\s*$", before) is not None or called_after_comma(text, span.start, m.start)
        if lead_ok and _VOCATIVE_AFTER.match(text, m.end, span.end) is not None and not (
            _LISTED_BEFORE.search(text, max(span.start, m.start - 30), m.start)
            and _LISTED_AFTER.match(text, m.end, span.end)
        ):
            out.append(m.names[0])
    return out


_LISTED_BEFORE = re.compile(r"(?<![\w'’])(?!(?:Oh|Ah|Well|Yes|No|Now|Why|Come|Look|Listen|Please|Hey|Hello|Sir|Madam)\b)[A-Z][\w'’.]*,\s*$")
_LISTED_AFTER = re.compile(r",\s*[A-Z]")
"""A name between two capitalised words set off by commas is an item of a list ("I been in Chicago, St. Louis,
Kansas City"), not someone called."""


EXCHANGE_PARAGRAPHS = 2
"""Two utterances at most this many paragraphs apart belong to one talk (as the engine links them)."""
MIN_EPITHET_TAGS = 2
"""A description with no capital ("the stranger", "the matron") becomes a character of its own when it is the
subject of at least this many speech tags ("said the stranger" twice), and it cannot be one of the characters
found by name (see :func:`_epithets`)."""
UNNAMED_NOUNS = frozenset({"stranger", "visitor", "newcomer", "voice", "figure", "unknown", "intruder"})
"""Nouns for someone the narration does not (yet) name: "the stranger" is nobody the text has named."""


def _epithets(
    described: Counter, speaking: set[str], gender: dict[str, str | None], turns: list[_Turn] | None = None
) -> Counter:
    """Descriptions the text uses as a character's name: the subject of MIN_EPITHET_TAGS tags or more. Writers
    vary a named character's tags with descriptions ("said the matron" for Mrs. Corney), so a description counts
    only when it cannot be one of the speakers found by name: its noun is for someone unnamed ("the stranger",
    "the voice"), or no speaker found by name is of its gender ("the old man" when the speakers found are all
    women; "the child" when none is found), or every named speaker of its talks answers it turn for turn (see
    :func:`_answers_the_named`). Not when a speaker found carries its noun as a title ("the doctor"
    when Dr. Kemp speaks) or it repeats a description with a capital."""
    nouns = lexicon().people
    named = [f for f in speaking if not _description(f)]
    titles = {_title(f) for f in named if _title(f)}
    capitalised = {f.lower() for f in speaking if _description(f)}
    out: Counter = Counter()
    for phrase, n in described.items():
        noun = phrase.split()[-1]
        if n < MIN_EPITHET_TAGS or phrase in capitalised or noun in titles or noun in ("other", "others"):
            continue
        implied = nouns.get(noun.rstrip("s") if noun not in nouns else noun)
        if noun in UNNAMED_NOUNS:
            out[phrase] = n
        elif implied in ("he", "she") and not any(gender.get(f) in (None, implied) for f in named):
            out[phrase] = n
        elif not named:
            out[phrase] = n
        elif turns and _answers_the_named(
            phrase, turns, [f for f in named if implied not in ("he", "she") or gender.get(f) in (None, implied)]
        ):
            out[phrase] = n
    return out


def _answers_the_named(phrase: str, turns: list[_Turn], named: list[str]) -> bool:
    """Whether a description ("the mariner") is someone other than every speaker named in the talks where it
    speaks: each of them (of its gender) takes a turn straight before or after one of its turns ('"Pleasant
    day," said the mariner.' / '"Very," said Mr. Marvel.'): in the next paragraph it is another who speaks, so the
    description is not their other name. At least one such speaker must be there."""
    present: set[str] = set()
    answered: set[str] = set()
    for k, turn in enumerate(turns):
        if phrase not in turn.described:
            continue
        lo = k
        while lo > 0 and turns[lo].first - turns[lo - 1].last <= EXCHANGE_PARAGRAPHS:
            lo -= 1
        hi = k
        while hi + 1 < len(turns) and turns[hi + 1].first - turns[hi].last <= EXCHANGE_PARAGRAPHS:
            hi += 1
        for j in range(lo, hi + 1):
            present.update(turns[j].names)
        for j in (k - 1, k + 1):
            if (
                0 <= j < len(turns)
                and abs(turns[j].first - turn.first) == 1
                and len(turns[j].names) == 1
                and not turns[j].described
            ):
                answered.update(turns[j].names)
    words = {w: {f for f in present if w in _content(f)} for f in present for w in _content(f)}
    same = lambda f: set().union(*(words[w] for w in _content(f))) if _content(f) else {f}  # noqa: E731
    candidates = {f for f in present if f in named}
    return bool(answered & candidates) and all(same(f) & answered for f in candidates)


def _lead_in(scene: Scene, paragraphs: dict, by_para: dict, index: int, first: QuotedSpan, reader: TagReader):
    """The tag that ends the paragraph before a paragraph opening with a quote ("But Sidney said:"), or None."""
    text = scene.text
    p = paragraphs[index]
    if text[p.start : first.start].strip(" \t\n\"'“‘") or index - 1 not in paragraphs:
        return None
    before = paragraphs[index - 1]
    if scene.is_excluded(before.start):
        return None
    quoted = by_para.get(index - 1)
    start = max(q.end + 1 for q in quoted) if quoted else before.start
    tail = text[start : before.end].rstrip()
    if not tail or tail[-1] not in ",:—–-":
        return None
    return reader.before(max(start, before.end - 300), before.end)


def _acting(text: str, reader: TagReader, pos: int, end: int) -> set[str]:
    """The names that open a clause of the narration ``text[pos:end]`` and act ("Natasha pursed her lips",
    "Presently Marilla came out"; not "Natasha was tired")."""
    out: set[str] = set()
    for cs, ce, tag in reader._subjects(pos, end):
        if tag.kind != "name":
            continue
        lead = text[max(pos, cs - 3) : cs]
        starts_clause = (
            cs == pos
            or re.search(r"(?:^|[.!?;]['’\"”)]?\s+|^\s+)$", lead) is not None
            or _ADVERB_OPENING.fullmatch(text, _sentence_start(text, pos, cs), cs) is not None
        )
        acts = _ACTS.match(text, ce, end)
        if starts_clause and acts and acts.group(1).lower() not in _FUNCTION:
            out.update(tag.names)
    return out


def _speakers(
    scene: Scene, spans: list[QuotedSpan], reader: TagReader, is_name, index: NameIndex, narrated: Counter
) -> tuple[set[str], list[Line], Counter, list[tuple[int, str]], list[_Turn]]:
    """Names that are the subject of a tag, act in the narration of a paragraph with dialogue, or are called by
    name in a line (whom a line speaks to answers it); and what each utterance says of a first-person narrator
    (see :mod:`workshop.speakers.narrator`); and how often each description with no capital ("the matron") is the subject
    of a tag. ``narrated``: the names the narration uses."""
    text = scene.text
    found: set[str] = set()
    pronoun_tags: list[tuple[int, str]] = []  # ("he said" position, "he") for the antecedents of pronoun tags
    turns: dict[int, _Turn] = {}  # per utterance: its paragraphs and who its tags name
    called: Counter = Counter()
    described: Counter = Counter()
    names = index  # (the loop over paragraphs below reuses the name "index")
    for s in spans:
        called.update(_calls(text, s, index))
    by_para: dict[int, list[QuotedSpan]] = defaultdict(list)
    for s in spans:
        by_para[s.paragraph].append(s)
    lines: dict[int, Line] = {}
    for s in sorted(spans, key=lambda s: s.start):
        line = lines.setdefault(s.group, Line(s.paragraph))
        quote = text[s.start : s.end]
        line.called.extend(n for n in vocatives(quote, is_name) if n not in line.called)
        if _MAY_SAY_NAME.search(quote):
            line.said_name.extend(names_said(quote))
    paragraphs = {p.index: p for p in scene.paragraphs}
    for index, quotes in sorted(by_para.items()):
        p = paragraphs[index]
        quotes.sort(key=lambda s: s.start)
        lead = _lead_in(scene, paragraphs, by_para, index, quotes[0], reader)
        if lead is not None and lead.kind == "name":
            found.update(lead.names)  # "But Sidney said:" closing the paragraph before
        for k, s in enumerate(quotes):
            nxt = quotes[k + 1].start - 1 if k + 1 < len(quotes) else p.end
            prv = quotes[k - 1].end + 1 if k else p.start
            close = s.end + (1 if s.closed else 0)
            body = text[s.start : s.end].rstrip()
            comma = body.endswith((",", "—", "-")) or text[close : close + 1] == ","
            turn = turns.setdefault(s.group, _Turn(s.paragraph, s.paragraph))
            turn.last = s.paragraph
            for tag in (reader.after(close, nxt, comma) if close < nxt else None,
                        reader.before(prv, s.start - 1) if prv < s.start - 1 else None):
                if tag is None:
                    continue
                if tag.kind == "name":
                    found.update(tag.names)
                    turn.names.update(tag.names)
                if tag.kind == "descriptive" and tag.phrase.lower().startswith("the "):
                    described[" ".join(tag.phrase.lower().split())] += 1
                    turn.described.add(" ".join(tag.phrase.lower().split()))
                if tag.kind == "pronoun" and tag.strong and tag.pronoun in ("he", "she"):
                    pronoun_tags.append((tag.pos, tag.pronoun))
                if tag.kind == "narrator" and tag.strong:
                    lines[s.group].narrator_tag = True
                elif tag.kind in ("name", "pronoun", "descriptive"):
                    lines[s.group].other_tag = True
        # beats: names acting in the paragraph's narration
        pos = p.start
        for s in quotes + [None]:
            end = (s.start - 1) if s is not None else p.end
            if end > pos:
                if i_beat(text, pos, end):
                    lines[quotes[0].group].narrator_beat = True
                found.update(_acting(text, reader, pos, end))
            if s is not None:
                pos = s.end + 1
    # a paragraph of narration inside a talk (dialogue in the paragraphs before and after it): the ones it shows
    # acting take part ("Miss Bartlett burst into self-accusations and regrets.")
    for p in scene.story_paragraphs:
        if p.index not in by_para and p.index - 1 in by_para and p.index + 1 in by_para:
            found.update(_acting(text, reader, p.start, p.end))
    called.update(_turned_to(scene, by_para, names))
    found.update(n for n, k in called.items() if n in narrated or _title(n) or k >= MIN_CALLS)
    return found, [lines[g] for g in sorted(lines)], described, pronoun_tags, [turns[g] for g in sorted(turns)]


_TURNED_TO = re.compile(r"\b(?:(?:turned|turning|turns)\s+(?:round\s+)?to|addressing|addressed)\s+(?:the\s+)?(?=[A-Z])")


def _turned_to(scene: Scene, by_para: dict[int, list[QuotedSpan]], index: NameIndex) -> list[str]:
    """The names the narration turns to in a talk ("she turned to Frank Churchill.", "addressing Mr. Weston"): in
    the narration of a paragraph with dialogue, or in the paragraph of narration just before one. The one turned to
    is spoken to, and answers: they take part in the talk, as a name called out in a line does."""
    text = scene.text
    paragraphs = {p.index: p for p in scene.story_paragraphs}
    out: list[str] = []
    for number, quotes in sorted(by_para.items()):
        regions: list[tuple[int, int]] = []
        p = paragraphs.get(number)
        if p is None:
            continue
        pos = p.start
        for s in sorted(quotes, key=lambda s: s.start):
            if s.start - 1 > pos:
                regions.append((pos, s.start - 1))
            pos = max(pos, s.end + 1)
        if pos < p.end:
            regions.append((pos, p.end))
        before = paragraphs.get(number - 1)
        if before is not None and number - 1 not in by_para:
            regions.append((before.start, before.end))
        for a, b in regions:
            for m in _TURNED_TO.finditer(text, a, b):
                named = index.mentions(text, m.end(), min(b, m.end() + 60))
                if named and named[0].start == m.end() and len(named[0].names) == 1:
                    out.append(named[0].names[0])
    return out


@dataclass
class _Turn:
    """One utterance as cast discovery reads it: its first and last paragraph, the names and the descriptions
    ("the mariner") its tags give as its speaker."""

    first: int
    last: int
    names: set[str] = field(default_factory=set)
    described: set[str] = field(default_factory=set)


ANTECEDENT_TAGS = 1
"""A name the narration uses becomes a speaker when it is the antecedent of this many "he said" / "she said" tags
(see :func:`_antecedents`)."""
ANTECEDENT_REACH = 1500
"""How far back (in characters) the antecedent of a "he said" is looked for."""


_CLAUSE_LEAD = re.compile(
    r"(?:^|[.!?;:—(]['’\"”)]?|,['’\"”]?|\b(?:and|but|then|when|while|as|after|before|until|till|since|if|though|"
    r"although|because|so|now|where|whereupon|once)|^[\"“]?)\s*$",
    re.IGNORECASE,
)
_PLACE_LEAD = re.compile(r"\b(?:in|at|to|from|into|near|towards|toward|through|across|round|around|of|for)\s+$")
_VERB_AFTER = re.compile(
    r"\s+(?:\w+ly\s+|then\s+|now\s+|still\s+|only\s+|just\s+|too\s+)?"
    r"(?:[a-z]+ed|was|were|had|has|is|did|does|could|would|should|might|must|will|can|may|said|says|saw|came|went|"
    r"took|made|knew|thought|felt|gave|got|stood|sat|ran|began|seemed|looked|turned|put|let|kept|left|held|heard|"
    r"told|asked|found|rose|laughed|smiled|sighed|shook|threw|drew|spoke|broke|fell|grew|hung|lay|led|meant|met|"
    r"paid|read|sent|set|shut|stopped|struck|swung|thought|understood|wore|wrote|went|goes|looks|turns)\b"
)


def _subject_at(text: str, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]`` stands as the subject of a clause: it opens a sentence or a clause (after
    a full stop, a comma, "and", "when"...) and a verb follows it ("When Mr. Bennet arrived", "Lucy turned", "Lucy
    then said"; "and Windy Corner ever since" is no subject), not after a preposition or a verb ("to Hartfield", "met Lucy") and not a possessive ("Lucy's hat")."""
    return _CLAUSE_LEAD.search(text, max(0, start - 14), start) is not None and _VERB_AFTER.match(text, end) is not None


def _antecedents(
    pronoun_tags: list[tuple[int, str]], mentions, speaking: set[str], gender: dict[str, str | None], text: str = ""
) -> set[str]:
    """Names that "he said" / "she said" tags point back to: for each such tag, the nearest name before it in the
    narration whose gender (a title, the text's clear pronouns, else its first name's usual gender) is the
    pronoun's, as a reader resolves a pronoun. A name that is no speaker yet and is that antecedent ANTECEDENT_TAGS times or more speaks ("When Mr.
    Bennet arrived, he had ..." ... "Say nothing of that," he replied). Only names standing as the subject of a
    clause count (see :func:`_subject_at`: "at Windy Corner she said" does not make a house speak), and not a
    name written after "in", "at", "to", "from" as often as not (a place: "Italy ... she"); a name of unknown
    gender is passed over (a place, or a name the text gives no pronoun)."""
    located: Counter = Counter()  # mentions of each form after a preposition of place ("in Italy"), and in all
    for m in mentions:
        if len(m.names) == 1:
            located[m.names[0], bool(_PLACE_LEAD.search(text, max(0, m.start - 12), m.start))] += 1
    # the mentions that can be antecedents: one name, the subject of its clause, not a place
    subjects = [
        m for m in mentions
        if len(m.names) == 1 and located[m.names[0], True] < located[m.names[0], False]
        and _subject_at(text, m.start, m.end)
    ]
    starts = [m.start for m in subjects]
    # a name the text gives no gender takes its first name's usual one ("Ines")
    unknown = {m.names[0] for m in subjects if gender.get(m.names[0]) is None and _title(m.names[0]) is None}
    usual = first_name_prior(unknown) if unknown else {}
    votes: Counter = Counter()
    for pos, pronoun in pronoun_tags:
        i = bisect.bisect_left(starts, pos) - 1
        while i >= 0 and pos - subjects[i].start <= ANTECEDENT_REACH:
            form = subjects[i].names[0]
            i -= 1
            said = gender.get(form)
            if said is None and _content(form):
                said = usual.get(_content(form)[0])
            if said != pronoun:
                continue
            if form not in speaking:
                votes[form] += 1
            break
    return {form for form, n in votes.items() if n >= ANTECEDENT_TAGS}


_PARTICLE_HYPHEN = re.compile(r"-(?:the|of|de|la|le|du|von|van)-")


def _content(form: str) -> tuple[str, ...]:
    """The words of a form that name the person: without titles ("Mr. Darcy" -> Darcy), the words after "the" of
    a description ("the King" -> King), a hyphenated name with a particle in two ("Winnie-the-Pooh" -> Winnie,
    Pooh)."""
    if _description(form):
        return tuple(form.split()[1:])
    titles = lexicon().titles
    out: list[str] = []
    for w in form.split():
        if w.rstrip(".").lower() in titles:
            continue
        out.extend(p for p in _PARTICLE_HYPHEN.split(w) if p)
    return tuple(out)


def _title(form: str) -> str | None:
    if _description(form):
        return None
    first = form.split()[0].rstrip(".").lower()
    return first if first in lexicon().titles else None


def _parts(form: str) -> tuple[str, ...]:
    """The words that can stand alone for a form: the first and last name of a full name, the head noun of a
    description ("Rabbit" of "the White Rabbit", "Queen" of "the Queen of Hearts")."""
    words = _content(form)
    if not words:
        return ()
    if _description(form):
        head = words[: words.index("of")] if "of" in words else words
        return (head[-1],) if head else ()
    return tuple(dict.fromkeys((words[0], words[-1])))


def _ladys_family_name(group: set[str], word: str) -> bool:
    """Whether ``word`` is only the family name of a woman the text names by title ("Bingley" of "Miss Bingley",
    "Hall" of "Mrs. Hall"): the narration says "Bingley" for a man of the family, and "Miss Bingley" for her."""
    titles = lexicon().titles
    titled = [x for x in group if _title(x)]
    return bool(titled) and all(
        titles.get(_title(x)) == "she" and _content(x) == (word,) for x in titled
    ) and all(_content(x) == (word,) for x in group)


def _merge(speaking: set[str], counts: Counter, gender: dict[str, str | None]) -> list[list[str]]:
    """Group the forms of one character: a full name with its parts ("Bruce Banner", "Bruce", "Banner"), a
    titled name with the bare one ("Mr. Darcy", "Darcy"), a description with the name it repeats ("the Piglet",
    "Piglet"), and nicknames ("Nat" for "Natasha"). Forms with different titles ("Mr. Bennet", "Mrs. Bennet") or
    of different genders (``gender``: "he"/"she" per form, from titles, the text's pronouns and first names:
    "Hamidullah" is not "Hamidullah Begum") are different people; a bare word that fits several people is left
    alone unless one of them is mentioned far more."""
    content, title = _content, _title

    def clash(group: set[str], form: str) -> bool:
        g = gender.get(form)
        return g is not None and any(gender.get(x) not in (None, g) for x in group)

    # the forms to group: speaking forms, and the other forms of their words the text uses
    speaking_words = {w for f in speaking for w in content(f)}
    forms = set(speaking)
    for form in counts:
        words = content(form)
        if words and (len(words) >= 2 or title(form)) and (words[0] in speaking_words or words[-1] in speaking_words):
            forms.add(form)
    anchors = sorted(f for f in forms if (len(content(f)) >= 2 and not _description(f)) or title(f))
    # bare words that are part of a full name in play ("Banner" of "Bruce Banner")
    full_words = {w for f in anchors if len(content(f)) >= 2 for w in _parts(f)}
    forms |= {f for f in counts if len(f.split()) == 1 and f in full_words}
    bare = sorted(f for f in forms if f not in anchors)

    def compatible(group: set[str], form: str) -> bool:
        t = title(form)
        firsts = {content(g)[0] for g in group if len(content(g)) >= 2}
        if clash(group, form):
            return False
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
        words = content(f)
        word = (_parts(f) or words or (f,))[-1] if _description(f) else (words[0] if words else f)
        owners = [
            g for g in groups
            if not clash(g, f)
            and any(word in (_parts(x) if _description(x) else content(x)) for x in g)
            and not (gender.get(f) is None and _ladys_family_name(g, word))
        ]
        weight = sorted(((sum(counts.get(x, 0) for x in g), i) for i, g in enumerate(owners)), reverse=True)
        if len(owners) == 1 or (len(owners) > 1 and weight[0][0] >= 2 * weight[1][0]):
            owners[weight[0][1]].add(f)
        else:
            loose.append(f)
    # the same words with and without "the" ("the Piglet", "Piglet"), or a description's head alone ("Rabbit")
    by_words: dict[tuple[str, ...], set[str]] = {}
    for f in loose:
        key = content(f) if len(content(f)) != 1 else content(f)
        same = by_words.get(key)
        if same is not None and not clash(same, f):
            same.add(f)
        else:
            by_words[key] = {f}
    groups.extend(by_words.values())
    # nicknames: a short form that begins exactly one character's first name ("Nat" -> "Natasha")
    out: list[set[str]] = []
    for g in groups:
        only = next(iter(g))
        if len(g) == 1 and len(content(only)) == 1 and not title(only) and not _description(only):
            word = content(only)[0]
            hosts = [
                h for h in groups
                if h is not g
                and not clash(h, only)
                and any(content(f) and content(f)[0] != word and content(f)[0].startswith(word) for f in h)
            ]
            if len(word) >= 3 and len(hosts) == 1:
                hosts[0] |= g
                continue
        out.append(g)
    return [sorted(g) for g in out if g & speaking]


def _clear(evidence: Counter) -> bool:
    he, she = evidence.get("he", 0), evidence.get("she", 0)
    return max(he, she) >= 1 and max(he, she) >= _GENDER_MARGIN * min(he, she)


def _canonical(forms: list[str], counts: Counter, prior: dict[str, str | None]) -> str:
    """The name to show for a character: the form the text uses most, except that a bare family name gives way
    to its titled form ("Mr. Bounderby" rather than "Bounderby": the title tells which of the family is meant). A
    word the name dictionary knows as a given name ("Robert") is not a family name."""
    best = max(forms, key=lambda f: (counts.get(f, 0), len(f), f))
    words = _content(best)
    if _title(best) or _description(best) or len(words) != 1 or prior.get(words[0]) or words[0] in prior:
        return best
    titled = [f for f in forms if _title(f) and _content(f) == words]
    return max(titled, key=lambda f: (counts.get(f, 0), f)) if titled else best


_SAME_SENTENCE_REACH = 100
"""How far into its own sentence a he/she after a name is read as that name's (further on, it is more often
someone else's)."""
_CLAUSE_BREAK = re.compile(r"[;:]|--|—")

_GENDER_MARGIN = 2.0
_OVERRIDE_PRIOR = 2
"""The narration must say "she" after a name this many times (and clearly) to make a Robert a woman."""
"""The narration's he/she after a name settle its gender when one is at least this many times the other."""


_OWN_POSSESSIVE = re.compile(
    r"\s+(?:\w+ly\s+)?[a-z]+(?:\s+(?:up|down|back|out|away|over|off))?\s+(his|her)\s+(?!(?:to|that|the|a|an|and|in|on|at|with|for|of|by|from|as|if|what|how)\b)[a-z]",
    re.IGNORECASE,
)
"""'Louisa opened her arms', 'Bruce rubbed his neck': the subject's own possessive straight after their verb."""


def gender_evidence(text: str, narration: list[tuple[int, int]], mentions) -> dict[str, Counter]:
    """How often "he"/"himself" and "she"/"herself" follow each name in the narration: in the rest of its
    sentence (up to the next name) and as the subject of the next sentence ("Agnes Pell was waiting. She had
    been..."); and a name that is a clause's subject by the possessive straight after its verb ("Louisa opened her
    arms": an object "her" is not counted, "kissed her."). ``mentions``: the names found in the narration, in
    order (one name each)."""
    ends = dict(narration)
    starts = sorted(ends)
    out: dict[str, Counter] = defaultdict(Counter)
    for k, m in enumerate(mentions):
        name = m.names[0] if len(m.names) == 1 else _written(text, m)
        if name is None:
            continue
        i = bisect.bisect_right(starts, m.start) - 1
        b = ends[starts[i]] if i >= 0 else len(text)
        nxt_name = mentions[k + 1].start if k + 1 < len(mentions) else b
        reach = min(b, m.end + PRONOUN_REACH)
        stop = _SENTENCE_STOP.search(text, m.end, reach)
        cut = stop.end() if stop else reach
        window_end = min(cut, nxt_name, m.end + _SAME_SENTENCE_REACH)
        clause = _CLAUSE_BREAK.search(text, m.end, window_end)
        if clause:
            window_end = clause.start()  # "Emma knew what was coming; ... how long he had been gone": someone else
        he = len(_HE.findall(text, m.end, window_end))
        she = len(_SHE.findall(text, m.end, window_end))
        if _subject_at(text, m.start, m.end):
            own = _OWN_POSSESSIVE.match(text, m.end, window_end)
            if own:
                he += own.group(1).lower() == "his"
                she += own.group(1).lower() == "her"
        if nxt_name >= cut and (stop or cut == b):
            nxt = _NEXT_SUBJECT.match(text, cut, b)
            if nxt:
                he += nxt.group(1).lower() == "he"
                she += nxt.group(1).lower() == "she"
        out[name]["he"] += he
        out[name]["she"] += she
    return out


def _written(text: str, mention) -> str | None:
    """Of the forms a mention may stand for, the one written there ("Hamidullah", not "Hamidullah Begum")."""
    written = normalise_name(text[mention.start : mention.end])
    return next((n for n in mention.names if normalise_name(n) == written), None)


def form_gender(form: str, evidence: Counter, prior: dict[str, str | None], *, guess: bool = True) -> str | None:
    """"he"/"she" for one form of a name: its title, else the text's pronouns when they agree clearly, else
    the usual gender of its first name (``prior``: first name -> pronoun), else the noun of a description
    ("the King"), else the text's pronouns if they lean one way at all, else None. With ``guess`` False, only a
    title or clear pronouns give an answer."""
    titles = lexicon().titles
    t = _title(form)
    if t and titles[t] in ("he", "she"):
        return titles[t]
    he, she = evidence.get("he", 0), evidence.get("she", 0)
    words = _content(form)
    usual = prior.get(words[0]) if words and not _description(form) else None
    if max(he, she) >= 1 and max(he, she) >= _GENDER_MARGIN * min(he, she):
        said = "he" if he > she else "she"
        if usual is None or said == usual or (
            max(he, she) >= _OVERRIDE_PRIOR and max(he, she) >= 2 * _GENDER_MARGIN * min(he, she)
        ):
            return said
        return usual  # one "She sat" after "Robert" is more likely someone else than a woman called Robert
    if not guess:
        return None
    if usual:
        return usual
    if _description(form) and words:
        noun = lexicon().people.get(words[-1].lower())
        if noun in ("he", "she"):
            return noun
    if he != she:
        return "he" if he > she else "she"
    return None


def first_name_prior(forms) -> dict[str, str | None]:
    """The usual gender of the first word of each name that has no title (from the name dictionary): "he",
    "she", None for a given name of either, and no entry for a word the dictionary does not list."""
    words = {c[0] for f in forms if not _description(f) and not _title(f) and (c := _content(f))}
    shares = first_names.lookup(words)
    out: dict[str, str | None] = {}
    for w in words:
        share = shares.get(w.lower())
        if share is None:
            continue
        out[w] = None
        if share:
            if share.get("F", 0.0) >= first_names.PRIOR_SHARE:
                out[w] = "she"
            elif share.get("M", 0.0) >= first_names.PRIOR_SHARE:
                out[w] = "he"
    return out
