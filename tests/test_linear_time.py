"""Scanning time grows linearly with the input: long runs of one pattern that made a step quadratic.

Each input below took minutes before its step was made linear (100 kB of the pattern took 35-60 s; these are
larger still); the limits are many times what the linear steps take (see tests/limits.py). Times themselves are
measured in bench/pathological.py.
"""

from __future__ import annotations

import pytest
from limits import time_limit

from workshop import scene_from_text
from workshop.speakers.discovery import discover_cast
from workshop.text.quotes import find_quotes


def _scene(body: str):
    return scene_from_text(f'"Hi," said Anna.\n\n{body}x\n\n"Bye," said Tom.', detect_notes=False)


@pytest.mark.parametrize("unit", ["'Hello,' she said. 'Go' ", "'a' "])
def test_a_long_paragraph_of_single_quotes(unit):
    scene = _scene(unit * (200_000 // len(unit)))
    with time_limit(20):
        result = find_quotes(scene, style="single")
    pieces = [scene.text[s.start : s.end] for s in result.spans]
    assert pieces[:2] == (["Hello,", "Go"] if unit.startswith("'H") else ["a", "a"])


@pytest.mark.parametrize("unit", ["a ", "the ", "Anna, ", "Anna " + " " * 40])
def test_names_found_in_a_long_paragraph(unit):
    scene = _scene(unit * (200_000 // len(unit)))
    speech = [s for s in find_quotes(scene).spans if s.kind == "speech"]
    with time_limit(20):
        found = discover_cast(scene, speech)
    assert {c.name for c in found.characters} <= {"Anna", "Tom"}


def test_a_run_of_letters_longer_than_any_word_is_counted_quickly():
    from workshop.adapters import pyphen_adapter

    with time_limit(5):  # Pyphen tried its patterns at every letter: 10 s for a million letters
        assert pyphen_adapter.syllables("kxq" * 333_333 + "a") == 1
    assert pyphen_adapter.syllables("hyphenation") == 3  # words of a normal length still go to Pyphen (hy-phen-ation)


def test_sentences_and_dashes_of_a_long_speech():
    from workshop.voice.units import count_dashes, split_sentences_raw

    with time_limit(10):  # the rest of the text was sliced off at every hyphen: 2.8 s for 400 kB, 17 s for 1 MB
        assert count_dashes("a-" * 500_000) == 1  # (only the last one, before the end, breaks a sentence)
    with time_limit(10):  # word-less pieces were carried by growing a string: 6.4 s for 400 kB of ". "
        assert split_sentences_raw("Go. " + ". " * 500_000) == [("Go. " + ". " * 499_999 + ".", "statement")]


def test_a_sentence_carried_on_over_many_segments():
    from workshop.voice.units import split_sentences

    with time_limit(15):  # the sentence so far was copied at each segment: 50 s for a million
        [sentence] = split_sentences(["and"] * 1_000_000)
    assert sentence.n_words == 1_000_000


def _peak_mb(work) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_the_tag_test_does_not_build_a_lines_by_vocabulary_table():
    from workshop.compare.tagtest import tag_test

    def word(i: int) -> str:
        return "".join(chr(97 + i // 26**k % 26) for k in range(3))

    lines = [f"{word(i)} {word(i + 1)} and so on" for i in range(8000)]  # 8,000 lines, 8,000 different words
    peak = _peak_mb(lambda: tag_test(lines, ["Anna", "Tom"] * 4000))
    assert peak < 60  # the dense table alone was 8,000 x 8,000 x 4 bytes, and each fold copied most of it


def test_the_bootstrap_draws_its_resamples_in_blocks():
    import numpy as np

    from workshop.compare.uncertainty import bootstrap_difference

    a, b = np.arange(10_000, dtype=float), np.arange(12_000, dtype=float)
    assert _peak_mb(lambda: bootstrap_difference(a, b)) < 100  # 1,000 x 12,000 indices were 96 MB, times three


def test_each_speakers_lines_are_gathered_in_one_pass(monkeypatch):
    from workshop import Cast, Character, find_dialogue
    from workshop.compare.pairs import dialogue_lines
    from workshop.speakers.dialogue import Dialogue

    names = [f"{a}{b}" for a in ("Ab", "Cor", "Del", "Fen", "Gil") for b in ("ard", "ina", "omir", "usa", "eth", "ric", "ola", "and")]
    scene = scene_from_text("\n\n".join(f'"Line {i}," said {n}.' for i, n in enumerate(names * 3)))
    dialogue = find_dialogue(scene, Cast([Character(n) for n in names]))
    reads = []
    original = Dialogue.utterances
    monkeypatch.setattr(Dialogue, "utterances", property(lambda self: reads.append(1) or original.fget(self)))
    lines = dialogue_lines(dialogue)
    assert len(reads) == 1  # not once per speaker: 314 speakers x 70,000 segments on a 20 MB scene
    assert sorted(lines) == sorted(names) and all(len(v) == 3 for v in lines.values())


def test_attribution_in_a_paragraph_of_thousands_of_lines_or_names():
    from workshop import find_dialogue

    cues = _scene("ANNA\n" * 100_000)  # (500 kB) every name looked back to its sentence's start: 6.8 s for 200 kB
    with time_limit(20):
        find_dialogue(cues)
    # a speech holding 80,000 single-quoted pieces: each piece's tags were searched among all the speech's
    speech = scene_from_text("'Hi,' said Tom.\n\n'" + "'Hello,' she said. 'Go' " * 40_000 + "x,' said Anna.")
    with time_limit(20):  # half as many took 13.5 s before, 2.7 s after
        dialogue = find_dialogue(speech)
    assert len(dialogue.segments) == 80_000
