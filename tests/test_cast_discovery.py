"""Finding the cast when the writer gives no cast file."""

from __future__ import annotations

from workshop import find_dialogue, scene_from_text
from workshop.cast import Cast, Character
from workshop.cast_discovery import discover_cast
from workshop.quotes import find_quotes


def found(text: str) -> Cast:
    return find_dialogue(scene_from_text(text, detect_notes=False)).cast


def test_speakers_named_in_tags_are_found_and_bystanders_are_not():
    text = (
        "Clint had lent them the house. Stark was in New York.\n\n"
        '"Tea?" asked Anna.\n\n'
        '"Please," said Tom. "Clint would want coffee."\n\n'
        "Anna nodded and put the kettle on. She smiled at Tom. He was tired."
    )
    cast = found(text)
    assert cast.source == "found"
    assert sorted(cast.names) == ["Anna", "Tom"]
    assert cast.canonical("Clint") is None and cast.canonical("Stark") is None


def test_a_name_acting_beside_a_quote_is_a_speaker():
    cast = found('Natasha pursed her lips. "Did we?"\n\nNatasha turned away and she sighed.')
    assert cast.names == ["Natasha"]
    assert cast.get("Natasha").pronouns == "she"


def test_capitalised_sentence_openers_are_not_names():
    text = (
        'Still rubbing his head, Bruce stuttered, "Oh."\n\n'
        'Steam wafted in. "Hi," Bruce said. Everything was quiet. Bruce looked up and he smiled.'
    )
    assert found(text).names == ["Bruce"]


def test_full_names_surnames_and_titles_are_merged():
    text = (
        'Bruce Banner came in. "Hi," said Bruce.\n\n'
        '"Hello," said Natasha. She watched as Banner sat down. Bruce Banner looked tired and he yawned.\n\n'
        '"You look tired," Natasha said.'
    )
    cast = found(text)
    bruce = cast.get("Banner")
    assert bruce is not None and set(bruce.names) == {"Bruce Banner", "Bruce", "Banner"}
    assert bruce.name == "Bruce Banner"  # the form the text uses most
    assert bruce.pronouns == "he"
    assert sorted(cast.names) == ["Bruce Banner", "Natasha"]


def test_titles_give_pronouns():
    text = '"Indeed," said Mr. Darcy.\n\n"Quite," said Mrs. Bennet.'
    cast = found(text)
    assert cast.pronoun_of("Mr. Darcy") == "he"
    assert cast.pronoun_of("Mrs. Bennet") == "she"


def test_a_nickname_joins_the_one_name_it_begins():
    text = (
        '"Hi," said Natasha. She sat down.\n\n"Hello," said Bruce.\n\n"Why what?" Nat shot back at him.'
    )
    cast = found(text)
    assert cast.canonical("Nat") == "Natasha"
    assert sorted(cast.names) == ["Bruce", "Natasha"]


def test_a_short_name_that_begins_two_names_is_left_alone():
    text = '"Hi," said Natasha.\n\n"Hey," said Natalie.\n\n"Yo," said Nat.'
    cast = found(text)
    assert cast.canonical("Nat") == "Nat"


def test_a_cast_file_overrides_discovery():
    text = '"Hi," said Bruce.\n\n"Hello," said Natasha.'
    given = Cast([Character("Natasha", ("Nat",), "she")])
    dialogue = find_dialogue(scene_from_text(text), given)
    assert dialogue.cast.source == "file"
    assert dialogue.cast.names == ["Natasha"]
    assert [s.speaker for s in dialogue.segments] == [None, "Natasha"]


def test_no_names_near_the_dialogue_gives_an_empty_cast_and_a_notice():
    scene = scene_from_text('"Hello?"\n\n"Is anyone there?"')
    discovery = discover_cast(scene, find_quotes(scene).spans)
    assert discovery.characters == []
    assert [n.code for n in discovery.notices] == ["cast-none"]
