"""First-person narrators: found without a cast file, named when the text names them, marked in a cast file."""

from __future__ import annotations

import pytest

from workshop import find_dialogue, scene_from_text
from workshop.speakers.cast import Cast, Character, cast_from_dict, cast_to_toml
from workshop.errors import WorkshopError
from workshop.speakers.narrator import vocatives


def _dialogue(text: str, cast: Cast | None = None):
    return find_dialogue(scene_from_text(text, detect_notes=False), cast)


def _speakers(dialogue) -> list[str | None]:
    return [s.speaker for s in dialogue.segments]


HARBOUR = (
    "The ferry was late again. I leaned on the rail and watched the gulls.\n\n"
    '"You\'ll catch your death out here," said Marguerite, coming up beside me.\n\n'
    '"I like the cold," I said.\n\n'
    '"Nobody likes the cold, Tomas." She handed me a paper cup. "Drink that."\n\n'
    "I drank it. It was mostly sugar.\n\n"
    '"Better?" she asked.\n\n'
    '"Much," I told her. "Thank you."\n\n'
    "She shrugged and turned back to the water.\n\n"
    '"There it is," she said at last.'
)
"""Hand-written: a narrator others call by name ("Nobody likes the cold, Tomas."), with "said I"-style tags,
"I told her", and a beat ("I drank it.")."""


def test_a_first_person_narrator_is_found_and_named_by_what_others_call_them():
    dialogue = _dialogue(HARBOUR)
    cast = dialogue.cast
    assert cast.narrator == "Tomas"
    assert cast.get("Tomas").narrator is True
    assert sorted(cast.names) == ["Marguerite", "Tomas"]
    assert _speakers(dialogue) == [
        "Marguerite", "Tomas", "Marguerite", "Marguerite", "Marguerite", "Tomas", "Tomas", "Marguerite"
    ]


def test_a_narrator_the_text_never_names_is_called_narrator():
    text = (
        "I found the key under the mat, where it always was.\n\n"
        '"You\'re early," said Oskar from the kitchen.\n\n'
        '"The train was on time for once," I said.\n\n'
        "I hung up my coat. \"Is there coffee?\"\n\n"
        '"There\'s always coffee," he said.'
    )
    dialogue = _dialogue(text)
    assert dialogue.cast.narrator == "Narrator"
    assert _speakers(dialogue) == ["Oskar", "Narrator", "Narrator", "Oskar"]


def test_the_narrator_can_give_their_own_name():
    text = (
        '"And who are you?" asked the clerk. His name was Ferris, and he did not like me.\n\n'
        '"My name is Ada Quill," I said. "I have an appointment."\n\n'
        '"Not with us," said Ferris.'
    )
    dialogue = _dialogue(text)
    assert dialogue.cast.narrator == "Ada Quill"
    assert _speakers(dialogue)[1:] == ["Ada Quill", "Ada Quill", "Ferris"]


def test_a_letter_in_the_first_person_inside_a_third_person_story_makes_no_narrator():
    text = (
        "Harriet opened the letter at the window.\n\n"
        "Dear Harriet, I write in haste. I have sold the house and I cannot say more. I shall come on Sunday. "
        "I remain your loving brother, Edmund.\n\n"
        '"He has sold it," said Harriet.\n\n'
        '"Sold what?" asked Lionel.\n\n'
        '"The house." She folded the letter. "Everything."'
    )
    dialogue = _dialogue(text)
    assert dialogue.cast.narrator is None
    assert _speakers(dialogue) == ["Harriet", "Lionel", "Harriet", "Harriet"]


def test_vocatives_are_names_called_out_not_words_that_open_a_sentence():
    def is_name(word: str) -> bool:
        return word not in ("Oh", "Together")

    assert vocatives("Natasha, I'm sorry.", is_name) == ["Natasha"]
    assert vocatives("Come here, Watson.", is_name) == ["Watson"]
    assert vocatives("I tell you, Jake, it's over.", is_name) == ["Jake"]
    assert vocatives("Together, as in us?", is_name) == []
    assert vocatives("Together.", is_name) == []


def test_a_cast_file_marks_the_narrator_with_narrator_true():
    cast = cast_from_dict(
        {"character": [{"name": "Tomas", "narrator": True}, {"name": "Marguerite", "pronouns": "she"}]}
    )
    assert cast.narrator == "Tomas"
    assert "narrator = true" in cast_to_toml(cast)
    assert cast_from_dict({"character": [{"name": "Tomas", "aliases": ["I"]}]}).narrator == "Tomas"
    dialogue = _dialogue(HARBOUR, cast)
    assert _speakers(dialogue) == [
        "Marguerite", "Tomas", "Marguerite", "Marguerite", "Marguerite", "Tomas", "Tomas", "Marguerite"
    ]


def test_a_cast_file_with_two_narrators_or_a_narrator_that_is_not_true_or_false_is_refused():
    with pytest.raises(WorkshopError, match="only one character can be the narrator"):
        cast_from_dict({"character": [{"name": "A", "narrator": True}, {"name": "B", "narrator": True}]})
    with pytest.raises(WorkshopError, match="true or false"):
        cast_from_dict({"character": [{"name": "A", "narrator": "yes"}]})


def test_the_seed_scene_told_by_natasha_in_the_first_person_is_right_without_a_cast(seed_path, seed_gold):
    import seed_variants

    text, expected = seed_variants.first_person(seed_path.read_text(encoding="utf-8"), seed_gold)
    dialogue = _dialogue(text)
    # Bruce calls her "Natasha" just after one of her own lines: the narrator takes that name
    assert dialogue.cast.narrator == "Natasha"
    assert sorted(dialogue.cast.names) == ["Bruce", "Natasha"]
    assert [(s.text, s.speaker) for s in dialogue.segments] == expected


def test_the_narrators_formal_name_in_the_others_mouths_is_the_narrator():
    """The narration says "I"; Marguerite calls the narrator "Tomas" and the porter calls him "Mr. Weller", a
    titled name the narration never uses and the narrator never calls out: one narrator, Tomas, also called
    Mr. Weller (not a second character who would share his lines)."""
    text = (
        "The ferry was late again. I leaned on the rail and watched the gulls.\n\n"
        '"You\'ll catch your death out here," said Marguerite.\n\n'
        '"I like the cold," I said.\n\n'
        '"Nobody likes the cold, Tomas." She went below.\n\n'
        "The porter came along the deck with my bag.\n\n"
        '"Your case, Mr. Weller."\n\n'
        '"Thank you," I said. "Leave it by the door."\n\n'
        '"Very good, Mr. Weller," said the porter.'
    )
    dialogue = _dialogue(text)
    cast = dialogue.cast
    assert cast.narrator == "Tomas"
    assert "Mr. Weller" in cast.get("Tomas").aliases
    assert "Mr. Weller" not in cast.names


def test_after_the_narration_moves_the_narrator_on_the_narrator_is_the_other_side_of_the_new_talk():
    """Hanna says goodbye and goes; the narration takes the narrator to Oskar. The untagged lines after "Oskar
    said" alternate between Oskar and the narrator, not Hanna (the last other speaker before the narration)."""
    text = (
        '"See you at supper, then," I said.\n\n'
        '"At seven," said Hanna, and went out.\n\n'
        "I walked down to the boathouse and found Oskar there, mending a net.\n\n"
        '"You\'re late," Oskar said.\n\n'
        '"The bus was slow."\n\n'
        '"It always is."\n\n'
        '"Not always."'
    )
    assert _speakers(_dialogue(text)) == ["Narrator", "Hanna", "Oskar", "Narrator", "Oskar", "Narrator"]


KITCHEN = """I woke before the alarm. The kitchen was cold, and Joe was already at the table with the paper.

"You're up early."

I put the kettle on. "Couldn't sleep."

He turned a page. "Are you going to tell me?"

I shrugged and looked out at the rain. "Tell you what? There's nothing to tell."

He folded the paper and looked at me for a long time. "You always say that."
"""


def test_a_narrator_without_pronouns_does_not_hide_the_only_he() -> None:
    # The writer's cast names the narrator but gives no pronoun for them (the narration says "I"): "He turned a
    # page." still means Joe, the only "he" (all five lines went to the narrator before).
    from workshop import find_dialogue, scene_from_text
    from workshop.speakers.cast_inline import parse_inline_cast

    dialogue = find_dialogue(scene_from_text(KITCHEN), cast=parse_inline_cast("Sam (narrator), Joe (he)"))
    speakers = [u.speaker for u in dialogue.utterances]
    assert speakers == ["Joe", "Sam", "Joe", "Sam", "Joe"]
