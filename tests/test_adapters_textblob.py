"""Parts of speech (optional): textblob's PatternTagger, offline."""

from __future__ import annotations

import socket

import pytest

from workshop.voice.profile import profile_texts

pytest.importorskip("textblob")


def test_parts_of_speech_by_hand(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    # The/DT old/JJ dog/NN sleeps/VBZ . Wow/UH , she/PRP runs/VBZ quickly/RB !  -> 8 tagged words
    p = profile_texts(["The old dog sleeps. Wow, she runs quickly!"], "X", pos=True)
    pos = p.diction["parts_of_speech"]
    assert pos["verb"] == pytest.approx(2 / 8)
    assert pos["noun"] == pos["adjective"] == pos["adverb"] == pos["interjection"] == pytest.approx(1 / 8)
    assert pos["preposition"] == 0.0
    assert p.note_for("parts_of_speech")  # 8 words: a hint only


def test_parts_of_speech_only_when_asked():
    assert "parts_of_speech" not in profile_texts(["The old dog sleeps."], "X").diction


def test_parts_of_speech_without_textblob_is_a_note(monkeypatch):
    from workshop.adapters import textblob_adapter

    monkeypatch.setattr(textblob_adapter, "available", lambda: False)
    p = profile_texts(["The old dog sleeps."], "X", pos=True)
    assert p.diction["parts_of_speech"] is None
    assert "textblob" in p.note_for("parts_of_speech")
