"""The seed scene rewritten in other dialogue conventions, with the gold segments carried over.

Each builder returns (text, expected) where expected is the list of (segment text, speaker) in order.
"""

from __future__ import annotations

import re


def _story(text: str, gold: dict) -> tuple[str, list[dict]]:
    """The story part of the seed scene (author's notes cut off) and the gold segments re-based into it."""
    lines = text.splitlines(keepends=True)
    first, last = gold["excluded_lines"][0][1], gold["excluded_lines"][1][0]
    start = sum(len(line) for line in lines[:first])
    end = sum(len(line) for line in lines[: last - 1])
    start += len(text[start:end]) - len(text[start:end].lstrip("\n"))
    segments = [dict(g, start=g["start"] - start, end=g["end"] - start) for g in gold["segments"]]
    return text[start:end].rstrip("\n") + "\n", segments


def _replace_marks(story: str, segments: list[dict], opener: str, closer: str) -> str:
    out, pos = [], 0
    for g in segments:
        out.append(story[pos : g["start"] - 1])
        out.append(opener + story[g["start"] : g["end"]])
        out.append(closer if story[g["end"] : g["end"] + 1] == '"' else "")
        pos = g["end"] + (1 if story[g["end"] : g["end"] + 1] == '"' else 0)
    out.append(story[pos:])
    return "".join(out)


def curly(text: str, gold: dict) -> tuple[str, list[tuple[str, str]]]:
    story, segments = _story(text, gold)
    return _replace_marks(story, segments, "“", "”"), [(g["text"], g["speaker"]) for g in segments]


def single_curly(text: str, gold: dict) -> tuple[str, list[tuple[str, str]]]:
    story, segments = _story(text, gold)
    expected = [(g["text"].replace("'", "’"), g["speaker"]) for g in segments]
    return _replace_marks(story, segments, "‘", "’").replace("'", "’"), expected


def single_straight(text: str, gold: dict) -> tuple[str, list[tuple[str, str]]]:
    story, segments = _story(text, gold)
    return _replace_marks(story, segments, "'", "'"), [(g["text"], g["speaker"]) for g in segments]


def _paragraph_utterances(segments: list[dict]) -> list[list[dict]]:
    groups: dict[int, list[dict]] = {}
    for g in segments:
        groups.setdefault(g["utterance"], []).append(g)
    return list(groups.values())


def script(text: str, gold: dict) -> tuple[str, list[tuple[str, str]]]:
    """A play script: one ``NAME: speech`` line per utterance (pieces of a split quote joined by a space)."""
    _, segments = _story(text, gold)
    lines, expected = [], []
    for utterance in _paragraph_utterances(segments):
        speech = " ".join(" ".join(g["text"].split()) for g in utterance)
        lines.append(f"{utterance[0]['speaker'].upper()}: {speech}")
        expected.append((speech, utterance[0]["speaker"]))
    return "\n\n".join(lines) + "\n", expected


def screenplay(text: str, gold: dict) -> tuple[str, list[tuple[str, str]]]:
    """Screenplay: a capitalised cue line above each speech, with a parenthetical now and then."""
    _, segments = _story(text, gold)
    blocks, expected = [], []
    for k, utterance in enumerate(_paragraph_utterances(segments)):
        speech = " ".join(" ".join(g["text"].split()) for g in utterance)
        direction = "(quietly)\n" if k % 5 == 0 else ""
        blocks.append(f"{utterance[0]['speaker'].upper()}\n{direction}{speech}")
        expected.append((speech, utterance[0]["speaker"]))
    return "INT. SAFE HOUSE - MORNING\n\n" + "\n\n".join(blocks) + "\n", expected


def em_dash(text: str, gold: dict) -> tuple[str, list[tuple[str, str]]]:
    """Continental style: each utterance is a paragraph opening with an em-dash; the tag follows after a dash."""
    _, segments = _story(text, gold)
    paragraphs, expected = [], []
    for utterance in _paragraph_utterances(segments):
        speaker = utterance[0]["speaker"]
        pieces = [re.sub(r"\s+", " ", g["text"]).strip() for g in utterance]
        body = f"— {pieces[0]} — said {speaker}."
        if len(pieces) > 1:
            body += " — " + " ".join(pieces[1:])
            expected += [(pieces[0], speaker), (" ".join(pieces[1:]), speaker)]
        else:
            expected.append((pieces[0], speaker))
        paragraphs.append(body)
    return "\n\n".join(paragraphs) + "\n", expected


_FIRST_PERSON = (
    # Natasha tells the scene as "I": her names and pronouns in the narration become I/me/my (the dialogue and
    # Bruce's names are left as they are)
    (r"\bNatasha Romanov\b", "I"),
    (r"\b(?:Natasha|Nat)'s(?=, too)", "mine"),
    (r"\bNatasha herself\b", "I myself"),
    (r"\b(?:Natasha|Nat)'s\b", "my"),
    (r"\b(to|from|with|at|for|about|on|against) (?:Natasha|Nat)\b", r"\1 me"),
    (r"\b(?:Natasha|Nat)\b", "I"),
    (r"\bherself\b", "myself"),
    (r"\bher(?=[\s]*(?:[.,;:?!\"]|$|to\b|back\b|from\b|spoke\b))", "me"),
    (r"\bher\b", "my"),
    (r"\bHer\b", "My"),
    (r"\b[Ss]he\b", "I"),
    # the two of them, told from inside: "between them" -> "between us"
    (r"\b(between|of) them\b", r"\1 us"),
    (r"\bthem both\b", "us both"),
    (r"\btheir (noses|first)\b", r"our \1"),
    (r"\b(that|least|as) they (were|finally)\b", r"\1 we \2"),
)


def first_person(text: str, gold: dict) -> tuple[str, list[tuple[str, str]]]:
    """The scene told by Natasha in the first person: her narration turned to I/me/my, her tags to "I said",
    "I shot back"; Bruce still named. The dialogue itself is unchanged, and so are the speakers."""
    story, segments = _story(text, gold)
    out, pos = [], 0
    for g in segments + [{"start": len(story) + 1, "end": len(story)}]:
        narration = story[pos : g["start"] - 1] if g["start"] <= len(story) else story[pos:]
        for pattern, replacement in _FIRST_PERSON:
            narration = re.sub(pattern, replacement, narration)
        out.append(narration)
        if g["start"] <= len(story):
            out.append(story[g["start"] - 1 : g["end"]])
            pos = g["end"]
    return "".join(out), [(g["text"], g["speaker"]) for g in segments]
