"""Sentences, words and syllables of dialogue, counted the way a reader hears them.

Readability formulas were built for printed prose, and the usual counters (textstat's among them) break on
dialogue: they drop sentences of one or two words ("No." "Why not?"), never end a sentence at ``…``, glue words
joined by an unspaced dash ("listen—you" becomes one word), turn "I-I" into "II", and give "Hmm" no syllable.
Every count the profiles use comes from this module instead.

Sentences
    A sentence ends at ``.``, ``?``, ``!``, ``…`` or ``...`` (any run of them, with closing quotes or brackets)
    when whitespace and then a capital letter, a digit, an opening quote or bracket, or a leading ellipsis
    follow, or when the text ends. So "No." and "Why not?" are sentences of their own however short they are.
    A single ``.`` after an abbreviation (``Mr.``, see ``abbreviations.txt``) or a lone capital initial does not
    end a sentence. An unspaced ellipsis ("Oh...I didn't") is a pause inside the sentence; a spaced one before a
    capital ("didn't want... I just meant") ends it. Text that ends with a dash ends an interrupted sentence.
    Each quoted segment of an utterance ends its sentence, unless the next segment carries on in lower case
    ("I think," she said, "you should go.").

Words
    From :mod:`workshop.voice.tokens`, the kit's one tokenizer (Unicode letters and digits, inner apostrophes
    of both kinds and hyphens, stutters resolved).

Syllables
    From the CMU Pronouncing Dictionary (first pronunciation); for a word it does not know, Pyphen's
    hyphenation points + 1; a hyphenated compound is the sum of its parts. Every word with a letter has at
    least one syllable ("Hmm" has one). A stutter counts the syllables of the word stuttered, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workshop.adapters import cmudict_adapter, pyphen_adapter
from workshop.voice.lexicons import lexicon
from workshop.voice.tokens import HAS_WORD_RE as _HAS_WORD_RE
from workshop.voice.tokens import WORD_RE, lower, normalise, resolve_stutter, word_tokens, words_of

__all__ = [
    "END_KINDS", "ELLIPSIS_RE", "WORD_RE", "Sentence", "count_dashes", "has_verb", "is_contraction", "is_fragment",
    "letters", "lower", "normalise", "resolve_stutter", "split_sentences", "split_sentences_raw", "syllables",
    "word_tokens", "words_of",
]  # fmt: skip
_LAST_WORD_RE = re.compile(r"([\w.]+)$")
_TERM_RE = re.compile(r"(?:[.!?\u2026]+)[\"'\u201d\u2019)\]]*")
_OPENERS = "\"'\u201c\u2018([\u2026.-\u2014\u2013"
ELLIPSIS_RE = re.compile(r"\u2026|\.(?:\s?\.){2,}")
_DASH_RUN_RE = re.compile(r"[\u2014\u2013-]+")
_CLOSERS = "\"'\u201d\u2019"


def count_dashes(text: str) -> int:
    """Dashes that break a sentence: every run of em or en dashes, every ``--``, a hyphen with space on both
    sides (or at the very end after a word: "I was going to-"). Hyphens inside words do not count."""
    if "-" not in text and "\u2014" not in text and "\u2013" not in text:
        return 0
    n = 0
    for m in _DASH_RUN_RE.finditer(text):
        run = m.group()
        if run != "-":
            n += 1
            continue
        before = text[m.start() - 1 : m.start()]
        after_at = _CLOSER_RUN_RE.match(text, m.end()).end()  # type: ignore[union-attr]  # (* always matches)
        after = text[after_at : after_at + 1]  # (looked at in place: slicing off the rest at every hyphen was
        if (not before or before.isspace()) and (not after or after.isspace()):  # quadratic in the text)
            n += 1
        elif before and not before.isspace() and _SPACE_RE.match(text, after_at).end() == len(text):  # type: ignore[union-attr]
            n += 1
    return n


_CLOSER_RUN_RE = re.compile(f"[{re.escape(_CLOSERS)}]*")
_DASH_END_RE = re.compile(r"(?:\u2014|\u2013|-)[\"'\u201d\u2019)\]]*\s*$")
_SUBJECTS = frozenset({"i", "you", "he", "she", "we", "they", "it", "there", "who", "that", "this"})
_VERB_SUFFIXES = ("n't", "'m", "'re", "'ve", "'ll", "'d")
_S_CONTRACTION_BASES = frozenset(
    {"it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "let", "this", "everything",
     "nothing", "something", "everyone", "somebody", "nobody", "why", "when"}
)  # fmt: skip

END_KINDS = ("statement", "question", "exclamation", "trailing", "interrupted", "open")
"""How a sentence ends: ``.``; ``?``; ``!``; an ellipsis; a dash; no end mark (a segment cut by a tag)."""


@dataclass(slots=True, unsafe_hash=True)  # read-only by convention, hashable by value as if frozen: a frozen
class Sentence:  # dataclass takes five times as long to build, and a novel makes thousands of these
    """One sentence: its text, its words (lower case, stutters resolved) and how it ends."""

    text: str
    words: tuple[str, ...]
    end: str
    stutters: int = 0

    @property
    def n_words(self) -> int:
        return len(self.words)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return lexicon("abbreviations").words


def _end_kind(mark: str, text: str) -> str:
    if "?" in mark:
        return "question"
    if "!" in mark:
        return "exclamation"
    if "\u2026" in mark or "..." in mark:
        return "trailing"
    if "." in mark:
        return "statement"
    return "open"


_SPACE_RE = re.compile(r"\s*")


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    # What follows the mark, found by skipping whitespace in place (slicing off the rest of a long paragraph at
    # every full stop made splitting quadratic in the paragraph's length).
    end = match.end()
    nxt_at = _SPACE_RE.match(text, end).end()  # type: ignore[union-attr]  # \s* always matches
    if nxt_at == len(text):  # only whitespace after the mark
        return True
    if nxt_at == end:  # no space after the mark
        return False
    nxt = text[nxt_at]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    mark = match.group().rstrip("\"'\u201d\u2019)]")
    if mark == ".":
        before = text[max(0, match.start() - 24) : match.start()]
        m = _LAST_WORD_RE.search(before)
        if m:
            prev = m.group(1).lower()
            if prev in _abbreviations() or (len(m.group(1)) == 1 and m.group(1).isupper()):
                return False
    return True


def split_sentences_raw(text: str) -> list[tuple[str, str]]:
    """``[(sentence text, end kind), ...]`` for one stretch of text (see the module docstring)."""
    out: list[tuple[str, str]] = []
    start = 0
    for m in _TERM_RE.finditer(text):
        if m.end() <= start or not _is_boundary(text, m):
            continue
        piece = text[start : m.end()].strip()
        if piece:
            out.append((piece, _end_kind(m.group(), piece)))
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append((rest, "interrupted" if _DASH_END_RE.search(rest) else "open"))
    # Leading punctuation alone ("..." before a quote) is not a sentence: fold it into the next one.
    merged: list[tuple[str, str]] = []
    carried: list[str] = []  # (joined once: growing a string piece by piece was quadratic on ". . . . .")
    for piece, kind in out:
        if not _HAS_WORD_RE.search(piece):
            carried.append(piece)
            continue
        merged.append((" ".join([*carried, piece]) if carried else piece, kind))
        carried = []
    carry = " ".join(carried)
    if carry and merged:
        last, _kind = merged[-1]
        merged[-1] = (last + " " + carry, _end_kind(carry, carry) if _end_kind(carry, carry) != "open" else _kind)
    if merged and merged[-1][1] in ("statement", "open") and _DASH_END_RE.search(merged[-1][0]):
        merged[-1] = (merged[-1][0], "interrupted")
    return merged


def split_sentences(segments: str | list[str] | tuple[str, ...]) -> list[Sentence]:
    """The sentences of an utterance given as one text or as its quoted segments, in order."""
    if isinstance(segments, str):
        segments = [segments]
    pieces: list[tuple[list[str], str]] = []  # a sentence's parts, joined at the end (a sentence carried on over
    for seg in segments:  # thousands of segments was copied whole at each: quadratic)
        raw = split_sentences_raw(seg)
        if not raw:
            continue
        if pieces and pieces[-1][1] == "open" and raw[0][0][:1].islower():
            text0, kind0 = raw[0]
            pieces[-1][0].append(text0)
            pieces[-1] = (pieces[-1][0], kind0)
            raw = raw[1:]
        pieces.extend(([piece], kind) for piece, kind in raw)
    sentences = []
    for parts, kind in pieces:
        text = " ".join(parts)
        words, stutters = words_of(text)
        if words:
            sentences.append(Sentence(text, tuple(words), kind, stutters))
    return sentences


@lru_cache(maxsize=131072)
def syllables(word: str) -> int:
    """Syllables in one word (lower case), as the module docstring says."""
    if not word.isalpha() and not any(ch.isalpha() for ch in word):  # (isalpha first: the quick common case)
        return 1 if word and any(ch.isdigit() for ch in word) else 0
    n = cmudict_adapter.syllables(word)
    if n is not None and n > 0:
        return n
    if "-" in word:
        return sum(max(1, syllables(part)) for part in word.split("-") if part)
    return max(1, pyphen_adapter.syllables(word))


def letters(word: str) -> int:  # (not cached: cheaper than a cache look-up; its callers cache per word)
    """Letters and digits in a word (apostrophes and hyphens not counted)."""
    return sum(map(str.isalnum, word))


def is_contraction(word: str) -> bool:  # (not cached: a few set and suffix tests; the profiles cache per word)
    """``don't``, ``I'm``, ``we've``, ``it's`` (not the possessive ``Clint's``), and informal forms (``gonna``)."""
    if lexicon("contractions_informal").has_word(word):
        return True
    if "'" not in word:
        return False
    if word.endswith(_VERB_SUFFIXES) or word in ("won't", "can't", "shan't", "ain't"):
        return True
    if word.endswith("'s"):
        return word[:-2] in _S_CONTRACTION_BASES
    return False


def has_verb(words: tuple[str, ...] | list[str]) -> bool:
    """Whether a sentence shows a verb by the kit's rough test (see :func:`is_fragment`)."""
    verbs = lexicon("verbs_common").words
    for i, w in enumerate(words):
        if w in verbs or w.endswith(_VERB_SUFFIXES) or (w.endswith("ed") and len(w) > 4):
            return True
        if w.endswith("'s") and w[:-2] in _S_CONTRACTION_BASES:
            return True
        if w in _SUBJECTS and i + 1 < len(words) and words[i + 1] not in verbs:
            return True
    return False


def is_fragment(sentence: Sentence) -> bool:
    """A sentence with no verb by a rough test: no common verb (``verbs_common.txt``), no auxiliary contraction,
    no word in -ed, and no subject pronoun followed by another word. "Together." "Just us?" "The Red Room."
    are fragments; "I like you." is not."""
    return sentence.n_words > 0 and not has_verb(sentence.words)
