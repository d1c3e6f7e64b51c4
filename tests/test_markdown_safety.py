"""The Markdown critique never carries raw HTML from the scene: names and lines are escaped."""

from __future__ import annotations

from workshop import Cast, Character, find_dialogue, scene_from_text
from workshop.report.critique import build_critique, render_markdown

SCENE = (
    '"<script>alert(1)</script> and you know it," said Mallory. "Tom & Jerry <b>bold</b> all day long, I say."\n\n'
    '"No, I do not know it, and I will not pretend to," said Rook. "Go home, Mallory, the night is cold."\n\n'
    '"<img src=x onerror=alert(2)> is not a picture," said Mallory. "It never was one, not in this house."\n\n'
    '"Then what is it?" Rook asked. "Tell me once and then let me sleep, for pity\'s sake."\n'
)


def test_markdown_critique_escapes_html_from_the_scene():
    cast = Cast([Character("Mallory <i>", ("Mallory",), "he"), Character("Rook", pronouns="he")])
    critique = build_critique(find_dialogue(scene_from_text(SCENE, name="<b>scene</b>"), cast), pictures=False)
    text = render_markdown(critique)
    for raw in ("<script", "<img", "<b>", "<i>"):
        assert raw not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text or "&lt;img src=x" in text
    assert "Mallory &lt;i&gt;" in text  # the name is there, escaped
    assert "&lt;b&gt;scene&lt;/b&gt;" in text.splitlines()[0]
    assert "Tom & Jerry &lt;b&gt;" in text  # a plain ampersand is not markup: left as written


def test_an_entity_typed_in_the_scene_cannot_turn_into_markup():
    from workshop.report.critique import _md

    assert _md("&lt;script&gt; &amp; &#60;x") == "&amp;lt;script&amp;gt; &amp;amp; &amp;#60;x"
