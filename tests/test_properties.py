"""Properties that hold for any input at all: spans in order, apart, inside the text, and exactly the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop import find_dialogue, scene_from_text
from workshop.errors import WorkshopError
from workshop.text.scene import decode

PIECES = st.sampled_from(
    ['"', "“", "”", "'", "‘", "’", "—", "―", "«", "»", " ", "\n", "\n\n", "\r\n", "\r", "said", "she", "Anna",
     "Tom:", "ANNA\n", ",", ".", "?", "…", "...", "don't", "Mr.", "(beat)", "[", "]", "A/N:", "***", "\t", "é"]
)
TEXTS = st.one_of(
    st.lists(PIECES, max_size=60).map("".join),
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join),
)


def check_spans(text: str, style: str = "auto") -> None:
    try:
        scene = scene_from_text(text)
    except WorkshopError:
        assert not text.replace("\ufeff", "", 1).strip()
        return
    dialogue = find_dialogue(scene, style=style)
    previous_end = 0
    for seg in dialogue.segments:
        assert 0 <= seg.start <= seg.end <= len(scene.text)
        assert seg.start >= previous_end
        assert scene.text[seg.start : seg.end] == seg.text
        assert seg.speaker is None or dialogue.cast.canonical(seg.speaker) == seg.speaker
        assert 0.0 <= seg.confidence <= 1.0
        previous_end = seg.end
    utterances = [s.utterance for s in dialogue.segments]
    assert utterances == sorted(utterances)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_ordered_non_overlapping_exact_spans(text):
    check_spans(text)


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.sampled_from(["double", "single", "dash", "script"]))
def test_forced_styles_keep_the_same_guarantees(text, style):
    check_spans(text, style)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_with_a_plain_message(data):
    try:
        text, encoding = decode(data)
    except WorkshopError as exc:
        assert str(exc)
        return
    assert encoding in {"utf-8", "utf-16", "utf-32", "cp1252", "latin-1"}
    assert isinstance(text, str)
