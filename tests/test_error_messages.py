"""Every WorkshopError is one line, even when it quotes input that holds line breaks or control characters."""

from pathlib import Path

import pytest

from workshop.errors import WorkshopError, one_line
from workshop.speakers.cast import load_cast


def test_a_cast_name_with_a_line_break_gives_a_one_line_message(tmp_path: Path) -> None:
    # Found by bench/fuzz.py: the name was printed raw, so the message ran over two lines.
    cast = tmp_path / "cast.toml"
    cast.write_text('[[character]]\nname = "\\nW\\u0001\\u00a7"\ngender = "M"\n', encoding="utf-8")
    with pytest.raises(WorkshopError) as caught:
        load_cast(cast)
    message = str(caught.value)
    assert "\n" not in message and "\x01" not in message
    assert "\\nW\\x01§" in message


def test_one_line_keeps_ordinary_text_and_escapes_only_control_characters() -> None:
    assert one_line("Café — “ok”, Zoë’s line") == "Café — “ok”, Zoë’s line"
    assert one_line("a\r\nb\tc\u2028d") == "a\\r\\nb\\tc\\u2028d"
