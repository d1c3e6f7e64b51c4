"""Finding dialogue in every convention the kit supports, on small passages and on the seed scene rewritten."""

from __future__ import annotations

import pytest

import seed_variants
from workshop import find_dialogue, scene_from_text
from workshop.speakers.cast import Cast, Character
from workshop.errors import WorkshopError
from workshop.text.quotes import find_quotes


def quoted(text: str, style: str = "auto") -> list[str]:
    scene = scene_from_text(text, detect_notes=False)
    return [scene.text[s.start : s.end] for s in find_quotes(scene, style=style).spans]


def test_straight_and_curly_double_quotes():
    assert quoted('"Go," she said. "Now."') == ["Go,", "Now."]
    assert quoted("“Go,” she said. “Now.”") == ["Go,", "Now."]
    assert quoted("«Allez», dit-elle.") == ["Allez"]


def test_a_quote_broken_by_its_tag_is_one_utterance_of_two_segments():
    scene = scene_from_text('"I had this, um, dream," Natasha started slowly. "The kind…"')
    spans = find_quotes(scene).spans
    assert [scene.text[s.start : s.end] for s in spans] == ["I had this, um, dream,", "The kind…"]
    assert spans[0].group == spans[1].group


def test_each_paragraph_is_its_own_utterance():
    spans = find_quotes(scene_from_text('"One."\n\n"Two."')).spans
    assert spans[0].group != spans[1].group


def test_single_quotes_are_told_apart_from_apostrophes():
    text = (
        "'I don't know,' said Tom. 'The Joneses' dog ate 'em all, and it's gone.'\n\n"
        "He'd gone to the Smiths' place by eight o'clock."
    )
    assert quoted(text) == ["I don't know,", "The Joneses' dog ate 'em all, and it's gone."]


def test_curly_single_quotes_and_nested_double_quotes():
    text = "‘She said “never”, then left,’ Tom said. ‘Rock ’n’ roll.’"
    assert quoted(text, "single") == ["She said “never”, then left,", "Rock ’n’ roll."]


def test_nested_single_quotes_inside_double_quotes_stay_inside():
    assert quoted('"He told me \'never again\' and left," she said.') == ["He told me 'never again' and left,"]


def test_a_speech_over_several_paragraphs_is_one_utterance_without_a_warning():
    text = '"It began in spring.\n\n"Then summer came.\n\n"And that was all," he said.\n\nShe nodded.'
    scene = scene_from_text(text)
    result = find_quotes(scene)
    assert [scene.text[s.start : s.end] for s in result.spans] == [
        "It began in spring.",
        "Then summer came.",
        "And that was all,",
    ]
    assert len({s.group for s in result.spans}) == 1
    assert [s.closed for s in result.spans] == [False, False, True]
    assert result.notices == []


def test_an_unclosed_quote_ends_at_its_paragraph_and_is_reported_by_line():
    text = 'Intro.\n\n"Wait, she said.\n\nHe left the room.\n\n"Bye," he said.'
    scene = scene_from_text(text)
    result = find_quotes(scene)
    assert [scene.text[s.start : s.end] for s in result.spans] == ["Wait, she said.", "Bye,"]
    assert [(n.code, n.line) for n in result.notices] == [("unclosed-quote", 3)]


def test_em_dash_dialogue():
    text = "— Where were you? — she asked. — Out.\n\n― Nowhere, he said.\n\nThe door shut."
    assert quoted(text) == ["Where were you?", "Out.", "Nowhere, he said."]


def test_double_hyphen_dialogue_is_the_typewritten_em_dash():
    text = (
        "--What is your name? -- the teacher asked.\n\n"
        "--I am new here, sir.\n\n"
        "--And where do you live? -- Miss Cole pressed him. -- Tell me--tell me now.\n\n"
        "He did not answer at once.\n\n"
        "--Clongowes."
    )
    assert quoted(text) == ["What is your name?", "I am new here, sir.", "And where do you live?", "Tell me--tell me now.", "Clongowes."]
    cast = Cast([Character("Miss Cole", ("the teacher",), "she"), Character("Stephen Dedalus", ("Stephen",), "he")])
    dialogue = find_dialogue(scene_from_text(text, detect_notes=False), cast)
    assert dialogue.style == "dash"
    # the tag after the second double hyphen names the speaker, as after an em-dash
    assert [(s.speaker, s.method) for s in dialogue.segments if s.method in ("explicit", "split")] == [
        ("Miss Cole", "explicit"), ("Miss Cole", "explicit"), ("Miss Cole", "split")
    ]


def test_double_hyphens_inside_quoted_paragraphs_and_rules_of_hyphens_are_not_dash_dialogue():
    text = (
        '"I cannot--I will not," said Emma.\n\n'
        "--------\n\n"
        "--- a rule of three hyphens ---\n\n"
        '"No," said Harriet -- and she meant it.'
    )
    assert quoted(text) == ["I cannot--I will not,", "No,"]


def test_play_script_and_screenplay():
    play = "MACBETH: Is this a dagger?\nLADY M. (aside): Hardly.\n\nBANQUO: Peace."
    scene = scene_from_text(play)
    spans = find_quotes(scene).spans
    assert [(s.cue, scene.text[s.start : s.end]) for s in spans] == [
        ("Macbeth", "Is this a dagger?"),
        ("Lady M.", "Hardly."),
        ("Banquo", "Peace."),
    ]
    screen = "INT. KITCHEN - NIGHT\n\nANNA\n(whispering)\nIs he asleep?\n\nTOM\nFinally."
    scene = scene_from_text(screen)
    assert [(s.cue, scene.text[s.start : s.end]) for s in find_quotes(scene).spans] == [
        ("Anna", "Is he asleep?"),
        ("Tom", "Finally."),
    ]


def test_style_can_be_forced_and_unknown_styles_are_explained():
    text = "'Hello,' she said, \"quoting\" nobody."
    assert quoted(text, "double") == ["quoting"]
    assert quoted(text, "single") == ["Hello,"]
    with pytest.raises(WorkshopError, match="Unknown dialogue style"):
        quoted(text, "smoke-signals")


VARIANTS = ["curly", "single_curly", "single_straight", "script", "screenplay", "em_dash"]
EXPECTED_STYLE = {
    "curly": "double",
    "single_curly": "single",
    "single_straight": "single",
    "script": "script",
    "screenplay": "script",
    "em_dash": "dash",
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_seed_scene_rewritten_in_other_conventions_finds_every_segment(variant, seed_path, seed_gold):
    text, expected = getattr(seed_variants, variant)(seed_path.read_text(encoding="utf-8"), seed_gold)
    dialogue = find_dialogue(scene_from_text(text))
    assert dialogue.style == EXPECTED_STYLE[variant]
    assert [" ".join(s.text.split()) for s in dialogue.segments] == [" ".join(t.split()) for t, _ in expected]
    for seg in dialogue.segments:
        assert text[seg.start : seg.end] == seg.text


@pytest.mark.parametrize("variant", VARIANTS)
def test_seed_scene_rewritten_keeps_every_speaker(variant, seed_path, seed_gold):
    text, expected = getattr(seed_variants, variant)(seed_path.read_text(encoding="utf-8"), seed_gold)
    dialogue = find_dialogue(scene_from_text(text))
    assert [s.speaker for s in dialogue.segments] == [speaker for _, speaker in expected]


def test_single_quotes_one_paragraph_per_line_under_a_title_are_not_a_script():
    # Lines with a colon after their first word ("Alice said nothing: ...") and short capitalised lines read like
    # script cues when the whole body was taken as one paragraph; one paragraph per line, they are a few among many.
    body = [
        "'I wonder how many miles I've fallen by this time?' she said aloud, and then, as nobody answered, she "
        "went on walking down the long passage towards the little door.",
        "Alice said nothing: she had never been so much contradicted in her life before, and she felt that she "
        "was losing her temper.",
        "'Come, there's no use in crying like that!' said Alice to herself, rather sharply; 'I advise you to "
        "leave off this minute!'",
        "And so it was indeed: she was now only ten inches high, and her face brightened up at the thought that "
        "she was now the right size.",
        "'Who are you?' said the Caterpillar, without taking the pipe out of its mouth or looking at her at all.",
        "CHORUS.",
        "'I hardly know, sir, just at present,' Alice replied, rather shyly, for she had changed several times "
        "since she got up that morning.",
        "THE END",
    ]
    more = [f"'Number {i}, if you please,' said the Gryphon, 'and mind you count them properly this time, every "
            f"one of them,' and it waited." for i in range(1, 9)]
    text = "Down the Passage\n\n" + "\n".join(body + more) + "\n"
    dialogue = find_dialogue(scene_from_text(text))
    assert dialogue.style == "single"
    assert [s.text for s in dialogue.segments][:3] == [
        "I wonder how many miles I've fallen by this time?",
        "Come, there's no use in crying like that!",
        "I advise you to leave off this minute!",
    ]
    assert len(dialogue.segments) == 5 + 2 * len(more)


def test_corner_brackets_are_a_style_of_their_own():
    text = "「你去哪儿了？」她问。\n\n「『回家』，他说的。」汤姆回答。\n\n「おはよう」と言った。"
    scene = scene_from_text(text)
    result = find_quotes(scene)
    assert result.style == "corner"
    assert [scene.text[s.start : s.end] for s in result.spans] == ["你去哪儿了？", "『回家』，他说的。", "おはよう"]
    assert result.notices == []
    unclosed = scene_from_text("「等一下，她说。\n\n他走了。")
    result = find_quotes(unclosed)
    assert [(n.code, n.line) for n in result.notices] == [("unclosed-quote", 1)]
    assert quoted("『Alone』 and 「pair」", "corner") == ["Alone", "pair"]


def test_a_quote_left_open_in_the_middle_of_a_paragraph_is_warned_by_line():
    text = "He came in late.\n\n“Where were you? “I waited,” she said.\n\n“Out,” he said."
    scene = scene_from_text(text)
    result = find_quotes(scene)
    assert [scene.text[s.start : s.end] for s in result.spans] == ["Where were you?", "I waited,", "Out,"]
    assert [(n.code, n.line) for n in result.notices] == [("unclosed-quote", 3)]
    assert "before it closes" in result.notices[0].message


# ---------------------------------------------------------------- the registry: a new style is one entry


def test_every_style_comes_from_the_registry():
    from workshop.cli.main import build_parser
    from workshop.text.quote_styles import QUOTE_STYLES, quote_style
    from workshop.text.quotes import STYLES

    assert STYLES == tuple(QUOTE_STYLES) == ("double", "single", "corner", "dash", "script")
    style_option = next(a for a in build_parser()._subparsers._group_actions[0].choices["quotes"]._actions
                        if a.dest == "style")
    assert style_option.choices == ["auto", *QUOTE_STYLES]
    assert {s.name for s in QUOTE_STYLES.values() if s.detect is None} == {"double"}  # the fallback of auto
    with pytest.raises(WorkshopError, match="choose one of auto, double, single, corner, dash, script"):
        quote_style("smoke signals")


def test_a_new_style_is_one_registry_entry(monkeypatch):
    """French typesetting with guillemets as a style of its own, nesting like the corner brackets: one
    marked_style entry, and find_quotes, auto-detection and the reopening of a long speech all follow."""
    import workshop.text.quote_styles as registry
    from workshop.text import quote_marks

    monkeypatch.setattr(registry, "QUOTE_STYLES", dict(registry.QUOTE_STYLES))  # the test's entry goes away after
    registry.register(registry.marked_style(
        "guillemets", "French guillemets «...» with ‹...› inside",
        quote_marks.bracketed({"«": "»", "‹": "›"}), "«‹",
        detect=lambda e: e.count("«‹") >= 2 and e.count("«") > e.count('"“'), detect_order=0,
    ))
    text = "«Tu viens ?» demanda-t-elle. «Il a dit ‹non›, je crois.»\n\nIl rit. «Alors,\n\n«viens.»"
    scene = scene_from_text(text, detect_notes=False)
    found = find_quotes(scene)
    assert found.style == "guillemets"
    assert [scene.text[s.start : s.end] for s in found.spans] == [
        "Tu viens ?", "Il a dit ‹non›, je crois.", "Alors,", "viens."
    ]
    assert not found.notices  # «Alors, ... carried on by the paragraph reopening with «
