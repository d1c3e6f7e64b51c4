"""Who talks and how much: words and turns per character, and the rhythm of sentence lengths through the scene."""

from __future__ import annotations

from dataclasses import dataclass

from workshop.speakers.dialogue import Dialogue
from workshop.voice.profile import analyze_unit


@dataclass(frozen=True)
class TalkShare:
    """How much one character talks: words and turns, and their shares of the scene's dialogue (0-1)."""

    name: str
    words: int
    turns: int
    word_share: float
    turn_share: float


def share_of_talk(dialogue: Dialogue) -> list[TalkShare]:
    """Words and turns per character (attributed lines only), most words first. Words are counted the way the
    profiles count them (so "I-I'm" and "I...I" agree everywhere in the kit)."""

    words: dict[str, int] = {}
    turns: dict[str, int] = {}
    for utterance in dialogue.utterances:
        if utterance.speaker is None:
            continue
        n_words = len(analyze_unit(tuple(s.text for s in utterance.segments)).words)
        words[utterance.speaker] = words.get(utterance.speaker, 0) + n_words
        turns[utterance.speaker] = turns.get(utterance.speaker, 0) + 1
    total_w, total_t = sum(words.values()), sum(turns.values())
    return [
        TalkShare(name, words[name], turns[name], words[name] / total_w if total_w else 0.0,
                  turns[name] / total_t if total_t else 0.0)
        for name in sorted(words, key=lambda n: (-words[n], n))
    ]  # fmt: skip


def rhythm_points(dialogue: Dialogue) -> list[tuple[int, str, int]]:
    """``(position, speaker, words)`` for every sentence of attributed dialogue, in scene order."""

    points: list[tuple[int, str, int]] = []
    for utterance in dialogue.utterances:
        if utterance.speaker is None:
            continue
        unit = analyze_unit(tuple(s.text for s in utterance.segments))
        for sentence in unit.sentences:
            if sentence.words:
                points.append((len(points) + 1, utterance.speaker, len(sentence.words)))
    return points

