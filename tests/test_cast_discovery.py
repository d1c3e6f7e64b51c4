"""Finding the cast when the writer gives no cast file."""

from __future__ import annotations

from workshop import find_dialogue, scene_from_text
from workshop.speakers.cast import Cast, Character
from workshop.speakers.discovery import discover_cast
from workshop.text.quotes import find_quotes


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


def _speakers(text: str) -> list[str | None]:
    return [s.speaker for s in find_dialogue(scene_from_text(text, detect_notes=False)).segments]


def test_a_tag_closing_the_paragraph_before_finds_a_speaker_nothing_else_names():
    text = (
        "The lamp had burned down to a blue bead. Everyone in the room had an opinion, and nobody wanted to give "
        "it first.\n\nBut Sidney said:\n\n\"We leave at dawn, whether the boat is mended or not.\""
    )
    assert found(text).names == ["Sidney"]
    assert _speakers(text) == ["Sidney"]


def test_two_names_side_by_side_are_two_people():
    text = (
        "Mrs. Allan had come up the lane with a basket of plums. Anne ran to meet her at the gate.\n\n"
        '"You shouldn\'t have," said Anne.\n\n'
        '"Nonsense," said Mrs. Allan. "The tree is bowed to the ground with them."\n\n'
        "With Mrs. Allan Anne fell into step, and they went in by the kitchen door. Anne set the basket down.\n\n"
        '"Shall I make jam?" Anne asked.\n\n'
        '"Only if you promise me a jar," said Mrs. Allan.'
    )
    cast = found(text)
    assert sorted(cast.names) == ["Anne", "Mrs. Allan"]
    assert cast.canonical("Mrs. Allan Anne") is None
    assert _speakers(text) == ["Anne", "Mrs. Allan", "Mrs. Allan", "Anne", "Mrs. Allan"]


def test_places_and_words_that_open_sentences_are_not_characters():
    text = (
        "At Green Gables the kettle was always on. Green Gables stood at the end of the lane, white and square.\n\n"
        "Presently Marilla came out onto the step. Presently she called across the yard.\n\n"
        '"Matthew, the cow is in the turnips again."\n\n'
        '"I\'ll see to it," Matthew said. He put down his rake.\n\n'
        'Presently Marilla sighed. "You said that yesterday."'
    )
    cast = found(text)
    assert sorted(cast.names) == ["Marilla", "Matthew"]
    assert cast.pronoun_of("Marilla") == "she"
    assert _speakers(text) == ["Marilla", "Matthew", "Marilla"]


def test_a_name_inside_a_longer_name_of_the_other_gender_is_someone_else():
    text = (
        "Hamidullah Begum sat by the window with her embroidery. She had heard the carriage long before anyone.\n\n"
        '"He is late again," said Hamidullah Begum. She did not look up.\n\n'
        "Hamidullah came in shaking the rain from his coat. He bowed to his aunt.\n\n"
        '"Forgive me," said Hamidullah. "The roads are rivers."\n\n'
        '"The roads are always rivers when you are late," she said.'
    )
    cast = found(text)
    assert sorted(cast.names) == ["Hamidullah", "Hamidullah Begum"]
    assert cast.pronoun_of("Hamidullah") == "he" and cast.pronoun_of("Hamidullah Begum") == "she"
    assert _speakers(text) == ["Hamidullah Begum", "Hamidullah", "Hamidullah", "Hamidullah Begum"]


def test_a_description_with_a_capital_that_speaks_is_a_character():
    text = (
        "The table was long, and the Hatter sat at the far end of it with the Dormouse asleep beside him.\n\n"
        '"Your hair wants cutting," said the Hatter.\n\n'
        '"You should learn not to make remarks," Ada said.\n\n'
        "The Hatter opened his eyes very wide. He leaned forward. \"Why is a raven like a desk?\"\n\n"
        '"I give it up," said Ada.\n\n'
        '"Nor I," said the Mock Turtle from under the table.'
    )
    cast = found(text)
    assert sorted(cast.names) == ["Ada", "the Hatter", "the Mock Turtle"]
    assert cast.pronoun_of("the Hatter") == "he"
    assert cast.canonical("the Dormouse") is None  # named, never speaks
    assert _speakers(text) == ["the Hatter", "Ada", "the Hatter", "Ada", "the Mock Turtle"]


def test_someone_called_by_name_in_the_dialogue_is_a_speaker():
    text = (
        "The kettle sang. Mr. Bumble stirred his tea and looked up at the matron.\n\n"
        '"Are you hard-hearted, Mrs. Corney?" said Mr. Bumble.\n\n'
        '"What a very curious question!" came the answer.'
    )
    cast = found(text)
    assert sorted(cast.names) == ["Mr. Bumble", "Mrs. Corney"]


def test_a_family_name_shows_with_its_title_and_a_first_name_gives_a_pronoun_when_the_text_does_not():
    text = (
        '"Good morning," said Mr. Quimby.\n\n"Morning," said Quimby\'s clerk, Edwina.\n\n'
        '"The ledger?" said Quimby.\n\n"On your desk," said Edwina.'
    )
    cast = found(text)
    assert cast.canonical("Quimby") == "Mr. Quimby"
    assert cast.get("Mr. Quimby").name == "Mr. Quimby"
    # the narration never calls Edwina "she": her first name's usual gender does
    assert cast.pronoun_of("Edwina") == "she"


def test_a_word_that_opens_a_sentence_after_a_quote_is_not_a_name():
    text = (
        '"We should go," said Petra. "It\'s late."\n\n'
        '"Five more minutes." Thus ended the argument, and Petra waited.\n\n'
        '"Now," said Petra.'
    )
    assert found(text).names == ["Petra"]


def test_a_description_for_someone_unnamed_is_a_character_but_not_one_for_a_named_speaker():
    text = (
        "Mrs. Corney set down the teapot. A knock came at the door, and a man in a wet cloak stepped in.\n\n"
        '"Is this the workhouse?" asked the stranger.\n\n'
        '"It is," said the matron. "And who may you be?"\n\n'
        '"Nobody you would know," said the stranger.\n\n'
        '"Then state your business," said Mrs. Corney.\n\n'
        '"A bed for the night," the stranger said. "No more."\n\n'
        '"We have none," said the matron, and folded her arms.'
    )
    cast = found(text)
    # "the stranger" is nobody the text has named; "the matron" is Mrs. Corney, named just before
    assert sorted(cast.names) == ["Mrs. Corney", "the stranger"]
    assert _speakers(text) == [
        "the stranger", "Mrs. Corney", "Mrs. Corney", "the stranger", "Mrs. Corney", "the stranger", "the stranger",
        "Mrs. Corney",
    ]


def _said(text: str) -> list[str | None]:
    return [s.speaker for s in find_dialogue(scene_from_text(text, detect_notes=False)).segments]


def test_the_man_a_he_said_points_back_to_is_a_speaker():
    """Mr. Okoro is never the subject of a named tag or a beat beside a quote; his lines are all "he replied". The
    reader takes "he" for the last man named as a subject before it, so he speaks (he was missing from the cast,
    and his lines went to the women)."""
    text = (
        "It was late when Mr. Okoro came home from the mill. He hung his coat by the door.\n\n"
        "At supper Priya spoke of the flood, and when she asked about the bridge he replied, \"It will hold. "
        "It held in the spring.\"\n\n"
        '"You said that last year," said Priya.\n\n'
        "Mr. Okoro put down his spoon. For a while nobody spoke.\n\n"
        '"Last year I was wrong," he said.'
    )
    cast = found(text)
    assert "Mr. Okoro" in cast.names and cast.get("Mr. Okoro").pronouns == "he"
    assert _said(text) == ["Mr. Okoro", "Priya", "Mr. Okoro"]


def test_a_place_or_a_name_after_a_preposition_is_no_antecedent():
    """"Lisbon was grey ... She had lived in Lisbon": a name the text puts people "in" as often as not is a place,
    and "between the harbour and Rosehill ever since" is no subject: neither is whom "she said" points back to,
    even when the text says "she" after it; Ines, a woman's name, is."""
    text = (
        "The wind rose, and Ines went to the window. Lisbon was grey under the rain. She had lived in Lisbon all "
        "her life, and she had walked between the harbour and Rosehill ever since she was small.\n\n"
        '"It is coming," she said to Tomas.\n\n'
        '"Then we go in," said Tomas.\n\n'
        '"Not yet," she said.'
    )
    cast = found(text)
    assert "Lisbon" not in cast.names and "Rosehill" not in cast.names
    assert _said(text) == ["Ines", "Tomas", "Ines"]


def test_a_subjects_own_possessive_tells_the_gender_the_name_dictionary_would_guess_wrong():
    """Kyle is mostly a man's name; the narration says twice that this Kyle shakes her own head, so she is a
    woman, and a "he said" beside her is the other speaker's."""
    text = (
        'Kyle shook her head. "No."\n\n'
        '"Then why come?" Dev said.\n\n'
        'Kyle pulled her scarf tighter. "Because you asked."\n\n'
        '"I did," he said.'
    )
    cast = found(text)
    assert cast.get("Kyle").pronouns == "she"
    assert _said(text) == ["Kyle", "Dev", "Kyle", "Dev"]


def test_a_name_in_a_list_of_names_in_the_dialogue_is_not_someone_called():
    """"I've lived in Leeds, St. Ives, Dover." St. Ives is set off by commas as a name called out would be
    ("Come here, Mrs. Tate."), but between two other names it is an item of a list: no speaker."""
    text = (
        'The driver looked at me in the mirror. "Where you from?" he asked.\n\n'
        '"All over," I said. "I\'ve lived in Leeds, St. Ives, Dover."\n\n'
        '"Never been south myself," said the driver. He turned onto the coast road.\n\n'
        '"You should," I said. "The sea is better there."'
    )
    cast = found(text)
    assert "St. Ives" not in cast.names
    assert _said(text)[1:3] == [cast.narrator, cast.narrator]


def test_a_role_that_answers_a_named_speaker_turn_for_turn_is_someone_else():
    """"said the sailor" and "said Mr. Hobb" take turns, one paragraph after the other: the sailor is not another
    name for Mr. Hobb but a character of his own (the role nouns of role_nouns.txt make "said the sailor" a tag)."""
    text = (
        "Mr. Hobb sat on the bench outside the inn. Presently an old sailor came out and sat down beside him.\n\n"
        '"Fine weather," said the sailor.\n\n'
        '"Very," said Mr. Hobb.\n\n'
        '"Good for the boats," said the sailor.\n\n'
        '"I suppose so," said Mr. Hobb. He looked away down the street.\n\n'
        '"You are not from here," said the sailor.\n\n'
        '"No."'
    )
    cast = found(text)
    assert sorted(cast.names) == ["Mr. Hobb", "the sailor"]
    assert _said(text) == ["the sailor", "Mr. Hobb", "the sailor", "Mr. Hobb", "the sailor", "Mr. Hobb"]


def test_a_role_used_for_a_named_speaker_who_never_answers_it_stays_that_speaker():
    """Mr. Ruddle is "the clerk" as well: he speaks in the same talk and never answers "the clerk", so the
    description is not made a character of its own."""
    text = (
        'Mr. Ruddle, the clerk, did not look up. "Your name?" said Mr. Ruddle.\n\n'
        '"Ada Quill," said Ada.\n\n'
        '"And your business?" said the clerk.\n\n'
        '"A licence," said Ada.\n\n'
        '"Second door," said the clerk, and went back to his ledger.'
    )
    cast = found(text)
    assert "the clerk" not in cast.names


def test_someone_acting_in_a_paragraph_of_narration_inside_a_talk_takes_part():
    """Miss Fenwick is never named in a tag: she acts in a paragraph of narration between two lines of the talk,
    so she is one of its speakers (only beats in a paragraph with dialogue counted)."""
    text = (
        '"You told her," said Lucy.\n\n'
        '"I may have mentioned it."\n\n'
        "Miss Fenwick folded her hands and looked at the floor.\n\n"
        '"Then she knows everything," said Lucy.\n\n'
        '"Not everything."'
    )
    cast = found(text)
    assert "Miss Fenwick" in cast.names
    assert _said(text) == ["Lucy", "Miss Fenwick", "Lucy", "Miss Fenwick"]


def test_the_one_turned_to_in_a_talk_takes_part():
    """'Anna turned to Mr. Weston. "Why do you smile?"': the one the narration turns to is spoken to and answers,
    so they speak in the talk, as a name called out in a line does (the narration names him nowhere else)."""
    text = (
        "Anna put down her cup and turned to Mr. Weston.\n\n"
        '"Why do you smile?" said she.\n\n'
        '"Nay, why do you?"\n\n'
        '"I asked first," said Anna.'
    )
    dialogue = find_dialogue(scene_from_text(text, detect_notes=False))
    assert sorted(dialogue.cast.names) == ["Anna", "Mr. Weston"]
    assert [s.speaker for s in dialogue.segments] == ["Anna", "Mr. Weston", "Anna"]


def test_mid_sentence_capitals_are_found_as_the_pattern_finds_them():
    """The quick scan for capitalised words inside a sentence gives what the pattern it replaces gives, on prose
    and on random strings of the characters both look at."""
    import random

    from workshop.speakers.discovery import _MID_SENTENCE_CAP, mid_sentence_caps

    prose = (
        'Then Mr. Darcy came in; and Mrs.\nBennet rose. "Well," said she,--"Jane, come." (Lydia laughed.) '
        "Mary-Ann O'Brien and St. Clair met Dr.  Kemp, Winnie-the-Pooh and the Queen of Hearts."
    )
    assert mid_sentence_caps(prose) == _MID_SENTENCE_CAP.findall(prose)
    tokens = ["Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Ann", "Jo-Ann", "O'Brien", "a", ",", ";", ":", "—", "–", "-",
              '"', "”", "(", " ", "\n", "\t", "\u00a0", "x", "Zed’s", "B", ".", "’"]
    rng = random.Random(9)
    for _ in range(20000):
        chunk = "".join(rng.choice(tokens) for _ in range(rng.randint(1, 10)))
        assert mid_sentence_caps(chunk) == _MID_SENTENCE_CAP.findall(chunk), chunk
