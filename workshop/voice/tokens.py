"""Words: the one tokenizer of the kit. Every measure (profiles, Delta, LSM, the tag test, word counts) reads a
text's words through :func:`words`, so they all see the same words.

A word is a run of letters and digits in any script ("Café" stays ``café``), with inner apostrophes
(``didn't``) and inner single hyphens (``sling-shot``, one word); an apostrophe opens a few clipped words ('em,
'bout, 'cause). Dashes (``—``, ``–``, ``--``, a spaced hyphen) separate words. A hyphenated stutter ("I-I",
"y-you", "a-about": each piece before the last a beginning of the last) is one word, the last piece, with one
stutter per repeated piece. Words are compared in lower case, and every apostrophe-like mark (’ ʼ ´ ` ‘) is a
plain ``'``: "don’t" and "don't" are the same word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD_RE = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*|['\u2019](?:em|bout|cause|til|tis|twas)(?![\w'])")
# (The two branches start with different characters, so their order does not change any match; the common one
# goes first.)
HAS_WORD_RE = re.compile(r"[^\W_]")
"""Whether a piece of text holds a word at all: every match of WORD_RE holds a letter or digit, and any letter or
digit starts one."""

_STUTTER_EXCLUDED = frozenset({"re", "co", "de", "un", "ex", "bi", "pre", "non", "anti", "mid", "sub", "so"})
_APOSTROPHES = ("\u2019", "\u02bc", "\u00b4", "`", "\u2018")
_DOUBLE_QUOTES = ("\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb")


def lower(text: str) -> str:
    """Lower case, with every apostrophe-like mark (’ ʼ ´ ` ‘) made a plain ``'``."""
    text = text.lower()
    for mark in _APOSTROPHES:  # str.replace after a quick scan: much faster than str.translate with a table
        if mark in text:
            text = text.replace(mark, "'")
    return text


def normalise(word: str) -> str:
    return lower(word)


def straight_quotes(text: str) -> str:
    """``text`` with curly apostrophes and quotation marks made straight (case kept), for tools that know only
    the straight ones: VADER reads "don’t" as an unknown word but "don't" as a negation."""
    for mark in _APOSTROPHES:
        if mark in text:
            text = text.replace(mark, "'")
    for mark in _DOUBLE_QUOTES:
        if mark in text:
            text = text.replace(mark, '"')
    return text


def resolve_stutter(token: str) -> tuple[str, int]:
    """``"y-you" -> ("you", 1)``, ``"I-I-I" -> ("i", 2)``, ``"sling-shot" -> ("sling-shot", 0)``."""
    word = normalise(token)
    if "-" not in word:
        return word, 0
    parts = word.split("-")
    n = 0
    while n < len(parts) - 1:
        piece, rest = parts[n], parts[n + 1]
        if piece and rest.startswith(piece) and (piece == rest or (len(piece) <= 2 and piece not in _STUTTER_EXCLUDED)):
            n += 1
        else:
            break
    if n == 0:
        return word, 0
    return "-".join(parts[n:]), n


def words_of(text: str) -> tuple[list[str], int]:
    """The words of ``text`` (lower case, stutters resolved) and the number of stutters."""
    tokens = WORD_RE.findall(lower(text))
    if "-" not in text:
        return tokens, 0
    out: list[str] = []
    stutters = 0
    for token in tokens:
        if "-" in token:
            word, n = resolve_stutter(token)
            stutters += n
            out.append(word)
        else:
            out.append(token)
    return out, stutters


def words(text: str) -> list[str]:
    """The words of ``text``: lower case, apostrophes straight, stutters resolved (see the module docstring)."""
    return words_of(text)[0]


word_tokens = words


def words_of_texts(texts: str | Iterable[str]) -> list[str]:
    """The words of a text, or of several texts one after the other (a speaker's lines)."""
    if isinstance(texts, str):
        return words(texts)
    out: list[str] = []
    for t in texts:
        out.extend(words(t))
    return out


def word_count(text: str) -> int:
    """How many words ``text`` holds, counted as every measure counts them (not ``str.split``, which counts
    "—" or "..." standing alone as words and "listen—you" as one)."""
    return len(words(text))
