"""Speaker attribution, one rule at a time, on small passages whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from workshop import find_dialogue, scene_from_text
from workshop.speakers.lexicon import inflections, lexicon
from workshop.speakers.tags import verb_at
from workshop.speakers.cast import Cast, Character
from workshop.speakers.dialogue import METHODS

NAT_BRUCE = Cast(
    [
        Character("Natasha", ("Nat", "Natasha Romanov", "Romanov"), "she"),
        Character("Bruce", ("Bruce Banner", "Banner"), "he"),
    ]
)
ANNA_TOM = Cast([Character("Anna", (), "she"), Character("Tom", ("Tom Hale",), "he"), Character("Mary", (), "she")])


def speakers(text: str, cast: Cast | None = NAT_BRUCE) -> list[tuple[str, str | None, str]]:
    """(segment text, speaker, method) for every segment."""
    dialogue = find_dialogue(scene_from_text(text, detect_notes=False), cast)
    return [(s.text, s.speaker, s.method) for s in dialogue.segments]


# ---------------------------------------------------------------- the word lists


def test_speech_verbs_are_read_from_the_data_file_with_their_endings():
    verbs = lexicon().verbs
    assert {"said", "says", "asked", "replied", "stuttered", "shot back", "whispering"} <= verbs
    assert "table" not in verbs
    assert inflections("snap") >= {"snaps", "snapped", "snapping"}
    assert inflections("cry") >= {"cries", "cried", "crying"}
    assert inflections("shoot back") >= {"shoots back"}
    text = "Nat shot back at him"
    assert verb_at(text, 4, len(text)) == len("Nat shot back")


def test_every_method_used_has_words_for_writers():
    used = set()
    for text in ('"Hi," said Bruce.', '"Hi," she said.', '"Hi."', 'Bruce sighed. "Hi."'):
        used |= {m for _, _, m in speakers(text)}
    assert used <= set(METHODS)


# ---------------------------------------------------------------- explicit tags


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"I used up all the hot water," said Bruce.', "Bruce"),
        ('"I used up all the hot water," Bruce said.', "Bruce"),
        ('"Why what?" Nat shot back at him.', "Natasha"),
        ('"Why what?" Natasha Romanov asked quietly.', "Natasha"),
        ('Still rubbing a towel over his head, Bruce stuttered, "Oh...I didn\'t realize."', "Bruce"),
        ('She was already regretting it when Bruce finally said, "I\'m sorry."', "Bruce"),
        ('"Missed our window," replied Banner, smiling.', "Bruce"),
    ],
)
def test_a_name_with_a_speech_verb_in_either_order_names_the_speaker(text, speaker):
    [(_, who, method)] = speakers(text)
    assert (who, method) == (speaker, "explicit")


def test_titles_are_part_of_the_name():
    cast = Cast([Character("Mr. Darcy", ("Darcy",), "he"), Character("Jaffers", (), "he")])
    assert speakers('"Indeed," said Mr. Darcy.', cast)[0][1] == "Mr. Darcy"
    assert speakers('"Indeed," Darcy replied.', cast)[0][1] == "Mr. Darcy"
    # the cast lists only "Jaffers"; the text adds the title
    assert speakers('"You\'re a rum customer," said Mr. Jaffers.', cast)[0][1] == "Jaffers"


def test_a_tag_at_the_end_of_the_paragraph_before_introduces_the_quote():
    text = 'Mr. Darcy replied with great intrepidity,\n\n"Miss Elizabeth Bennet."'
    cast = Cast([Character("Mr. Darcy", ("Darcy",), "he"), Character("Elizabeth", ("Miss Elizabeth Bennet",), "she")])
    assert speakers(text, cast) == [("Miss Elizabeth Bennet.", "Mr. Darcy", "explicit")]


def test_the_subject_of_the_tag_is_not_the_person_spoken_to():
    text = 'Seeing her frown, Tom bent towards Anna and said, "It will pass."'
    assert speakers(text, ANNA_TOM)[0][1] == "Tom"
    text = '"It will pass," said Tom to Anna.'
    assert speakers(text, ANNA_TOM)[0][1] == "Tom"


def test_a_name_that_acts_right_after_a_comma_ended_quote_is_the_speaker():
    text = '"That I was an Avenger," Natasha tilted her head slightly.'
    assert speakers(text)[0][1:] == ("Natasha", "explicit")


def test_the_voice_of_a_character_is_that_character():
    cast = Cast([Character("Mr. Emerson", ("Emerson",), "he"), Character("Lucy", (), "she")])
    assert speakers('"Hateful bishop!" exclaimed the voice of old Mr. Emerson.', cast)[0][1] == "Mr. Emerson"
    assert speakers('"Quite so," was Mr. Emerson\'s reply.', cast)[0][1] == "Mr. Emerson"


def test_only_cast_names_are_returned():
    assert speakers('"Hi," said Zed.', ANNA_TOM) == [("Hi,", None, "none")]


# ---------------------------------------------------------------- pronouns and descriptions


def test_a_pronoun_tag_goes_to_the_character_of_that_gender_in_the_scene():
    text = 'Anna came in with Tom.\n\n"Coffee?" he asked.\n\n"Please," she said.'
    assert speakers(text, ANNA_TOM) == [("Coffee?", "Tom", "pronoun"), ("Please,", "Anna", "pronoun")]


def test_a_pronoun_tag_prefers_the_character_just_mentioned():
    text = 'Mary left the room. Anna sat down by the fire.\n\n"It is cold," she said.'
    assert speakers(text, ANNA_TOM)[0][1] == "Anna"


TWO_MEN = Cast([Character("Anna", (), "she"), Character("Tom", ("Tom Hale",), "he"), Character("Sam", (), "he")])


def test_a_pronoun_opening_a_sentence_carries_on_the_subject_of_the_sentence_before():
    # Sam is named last, but Tom is the one the paragraph is about: "He" goes on from the name opening a sentence
    text = (
        '"Is it settled?" asked Anna.\n\nTom could never make allowance for the claims Sam had on the house. '
        'He sat musing a little while, and then said, "I shall stay here."'
    )
    assert speakers(text, TWO_MEN) == [("Is it settled?", "Anna", "explicit"), ("I shall stay here.", "Tom", "pronoun")]


@pytest.mark.parametrize(
    "middle",
    ['"Are you coming?" Anna asked Tom.', 'Anna turned to Tom. "Are you coming?"'],
)
def test_the_one_asked_or_turned_to_in_the_narration_answers(middle):
    # without the narration naming Tom as the listener, alternation would give the answer back to Sam
    text = f'"Where is the key?" said Sam.\n\n{middle}\n\n"In a minute."'
    assert [(t, s) for t, s, _ in speakers(text, TWO_MEN)] == [
        ("Where is the key?", "Sam"), ("Are you coming?", "Anna"), ("In a minute.", "Tom")
    ]


def test_a_pronoun_tag_straight_after_a_line_that_calls_someone_is_the_one_called():
    # Anna is the last woman named in the narration, but Tom has just asked Mary
    text = 'Anna came in with the bread.\n\n"Mary, will you pour?" asked Tom.\n\n"Of course," she said.'
    assert speakers(text, ANNA_TOM)[1][1:] == ("Mary", "pronoun")


def test_the_one_turned_to_at_the_end_of_the_narration_before_answers():
    # The second line is tagged by name. With "said she" the learned ranker gives it to Mary, who spoke before the
    # narration, not to Anna, whom the narration is about: a known limitation in short scenes (the rules alone
    # said Anna; on the annotated novels the ranker is right more often than the rules in such cases, 172 to 168).
    text = (
        '"It is a handsome present," said Mary.\n\nAnna made no answer, and turned to Tom.\n\n'
        '"Why do you smile?" said Anna.\n\n"Nay, why do you?"'
    )
    assert [s for _, s, _ in speakers(text, ANNA_TOM)] == ["Mary", "Anna", "Tom"]


def test_a_pronoun_tag_skips_the_person_addressed():
    text = 'Mary sat down by the fire.\n\n"Mary, it is cold," she said.'
    assert speakers(text, ANNA_TOM)[0][1] == "Anna"


def test_a_descriptive_tag_resolves_by_the_gender_of_its_noun():
    cast = Cast([Character("Agnes", ("Agnes Pell",), "she"), Character("Owen", ("Owen Tate",), "he")])
    text = 'Owen Tate climbed the stairs. Agnes Pell was waiting.\n\n"You\'re early," said the old woman.'
    assert speakers(text, cast) == [("You're early,", "Agnes", "descriptive")]


def test_a_description_answering_a_named_speaker_is_someone_else():
    # Tom is named more recently, but a writer who has just named the speaker does not describe him next line
    text = (
        'Sam sat by the fire with his back to the door.\n\n"Do you live here?" asked Tom.\n\n'
        '"I do," replied the boy.'
    )
    assert speakers(text, TWO_MEN) == [("Do you live here?", "Tom", "explicit"), ("I do,", "Sam", "descriptive")]


def test_a_description_in_the_cast_is_a_name():
    cast = Cast([Character("Fagin", ("The Jew",), "he"), Character("Oliver", (), "he")])
    text = 'Oliver looked up.\n\n"My dear," said the Jew, "sit down."'
    assert [s for _, s, _ in speakers(text, cast)] == ["Fagin", "Fagin"]


def test_a_first_person_narrator_speaks_the_i_said_lines():
    cast = Cast([Character("Jake", ("Jake Barnes", "I"), "he"), Character("Brett", (), "she")])
    assert speakers('"Good," I said.', cast)[0][1:] == ("Jake", "explicit")


# ---------------------------------------------------------------- beats


def test_a_character_acting_in_the_paragraph_speaks_its_quote():
    assert speakers('Natasha pursed her lips, raised her eyebrows at him. "Did we?"')[0][1:] == ("Natasha", "beat")
    assert speakers('"Did we?" Natasha pursed her lips.')[0][1] == "Natasha"


def test_a_beat_prefers_the_main_clause_and_skips_the_one_keeping_silent():
    text = 'Bruce raised his chin. Not surprising, since she rarely shared this much. "You are hard on yourself."'
    assert speakers(text)[0][1] == "Bruce"
    text = 'She decided to remain silent until Bruce spelled it out plainly. "You know I have to leave."'
    assert speakers(text)[0][1] == "Bruce"


def test_a_pronoun_beat_is_resolved_like_a_pronoun_tag():
    text = '"Shoulda joined you," Natasha said.\n\n"Missed our window," said Bruce.\n\nShe just shrugged. "Did we?"'
    assert speakers(text)[-1][1:] == ("Natasha", "beat")


# ---------------------------------------------------------------- split quotes, vocatives, turn-taking


def test_the_pieces_of_one_utterance_share_the_speaker():
    text = '"I had this, um, dream," Natasha started slowly. "The kind that seems normal."'
    assert speakers(text) == [
        ("I had this, um, dream,", "Natasha", "explicit"),
        ("The kind that seems normal.", "Natasha", "split"),
    ]


def test_two_tags_in_one_paragraph_give_two_speakers():
    text = '"Yes," said Tom. "No," said Anna.'
    assert [s for _, s, _ in speakers(text, ANNA_TOM)] == ["Tom", "Anna"]
    dialogue = find_dialogue(scene_from_text(text), ANNA_TOM)
    assert len(dialogue.utterances) == 2


def test_a_pronoun_of_the_other_gender_beside_a_named_tag_is_someone_else():
    # one paragraph, two tags: "he began" cannot be Anna, who is named for the second piece
    text = (
        '"Is everyone here?" asked Anna.\n\n'
        'Tom was on his feet, glass in hand. "Let us all drink to--" he began. "To the bride," Anna said.'
    )
    assert speakers(text, TWO_MEN)[1:] == [
        ("Let us all drink to--", "Tom", "pronoun"),
        ("To the bride,", "Anna", "explicit"),
    ]


def test_a_name_addressed_is_the_listener_not_the_speaker():
    text = '"Where were you?" asked Natasha.\n\n"Natasha, I\'m sorry."'
    assert speakers(text)[1][1:] == ("Bruce", "vocative")


def test_the_person_addressed_answers():
    text = '"Tom, where were you?" asked Anna.\n\n"Out."'
    assert speakers(text, ANNA_TOM)[1][1:] == ("Tom", "vocative")


def test_after_a_paragraph_of_narration_the_turns_follow_the_side_with_no_break():
    # Sam and Anna alternate before the narration, Anna and Tom after it: the untagged line is on Tom's side
    text = (
        '"Where is the key?" said Sam.\n\n"On the hook," said Anna.\n\n'
        "Tom came in from the garden, wiping his boots.\n\n"
        '"Has anyone seen my hat?"\n\n"It is on your head," said Anna.\n\n"So it is," said Tom.'
    )
    assert [s for _, s, _ in speakers(text, TWO_MEN)] == ["Sam", "Anna", "Tom", "Anna", "Tom"]


def test_when_the_two_sides_of_an_exchange_disagree_the_one_just_addressed_answers():
    # "It is." is Sam's by alternation from the left and Tom's from the right: the line before called Tom
    text = (
        '"Is anyone there?" said Anna.\n\n"Only me," said Sam.\n\n"Tom, is that you at the door?"\n\n'
        '"It is."\n\n"Come in, then," said Anna.\n\n"Thanks," said Tom.'
    )
    assert [s for _, s, _ in speakers(text, TWO_MEN)] == ["Anna", "Sam", "Anna", "Tom", "Anna", "Tom"]


def test_the_one_addressed_answers_only_the_line_straight_after():
    # after a paragraph of narration Anna has not answered: the untagged line is Sam's again
    text = (
        '"Eat your dinner, Anna," said Sam.\n\nAnna pushed her plate away and looked out at the rain.\n\n'
        '"Eat it, I said."\n\n"I am not hungry," said Anna.\n\n"Then go to bed," said Sam.'
    )
    assert [s for _, s, _ in speakers(text, TWO_MEN)] == ["Sam", "Sam", "Anna", "Sam"]


def test_with_one_voice_known_the_other_party_is_the_one_character_the_narration_names():
    text = 'Tom sat by the window.\n\n"Is it raining?" asked Anna.\n\n"Not yet."\n\n"Will it?"\n\n"Soon, I think."'
    assert [s for _, s, _ in speakers(text, TWO_MEN)] == ["Anna", "Tom", "Anna", "Tom"]


def test_with_one_voice_known_the_other_party_is_the_character_the_narration_names_most():
    text = (
        "Tom sat by the window. Sam came in, and Tom looked up.\n\n"
        '"Is it raining?" asked Anna.\n\n"Not yet."\n\n"Will it?"\n\n"Soon, I think."'
    )
    assert [s for _, s, _ in speakers(text, TWO_MEN)] == ["Anna", "Tom", "Anna", "Tom"]


def test_with_one_voice_known_a_first_person_narrator_is_the_other_party():
    # Bill is named too, but the one telling the story is in every talk they tell
    cast = Cast([Character("Jake", ("I",), "he"), Character("Brett", (), "she"), Character("Bill", (), "he")])
    text = (
        "We went down to the bar. Brett was there before us, with Bill.\n\n"
        '"Have a drink," said Brett.\n\n"What are you having?"\n\n"Whisky."\n\n"Two, then."'
    )
    assert [s for _, s, _ in speakers(text, cast)] == ["Brett", "Jake", "Brett", "Jake"]


def test_turns_alternate_in_a_two_person_exchange():
    text = (
        '"Tea?" asked Anna.\n\n"Please," said Tom.\n\n"Milk?"\n\n"No."\n\n"Sugar?"\n\n"Two."'
    )
    result = speakers(text, ANNA_TOM)
    assert [s for _, s, _ in result] == ["Anna", "Tom", "Anna", "Tom", "Anna", "Tom"]
    assert [m for _, _, m in result][2:] == ["turn-taking"] * 4


def test_turn_taking_stops_at_a_long_stretch_of_narration():
    gap = "The afternoon went by. " * 40
    text = f'"Tea?" asked Anna.\n\n"Please," said Tom.\n\n{gap}\n\n"Milk?"'
    assert speakers(text, Cast(list(ANNA_TOM) + [Character("Sam", (), "he")]))[-1][1] is None


def test_without_evidence_the_speaker_is_unknown():
    assert speakers('The room was quiet.\n\n"Hello?"', ANNA_TOM) == [("Hello?", None, "none")]


def test_confidence_is_higher_for_a_named_tag_than_for_turn_taking():
    text = '"Tea?" asked Anna.\n\n"Please," said Tom.\n\n"Milk?"'
    dialogue = find_dialogue(scene_from_text(text), ANNA_TOM)
    explicit, _, guessed = dialogue.segments
    assert explicit.method == "explicit" and guessed.method == "turn-taking"
    assert 0 < guessed.confidence < explicit.confidence <= 1


def test_a_surname_shared_by_two_characters_goes_to_the_one_just_named():
    cast = Cast([Character("Bounderby", (), None), Character("Josiah Bounderby", ("Mr. Bounderby",), "he")])
    text = 'Mr. Bounderby came in.\n\n"Well," said Bounderby.'
    assert speakers(text, cast)[0][1] == "Josiah Bounderby"


# ---------------------------------------------------------------- quotes that are not speech


def test_quoted_words_that_nobody_says_are_kept_as_mentions():
    text = (
        'The main building was called "the house," to distinguish it from the cottages. '
        'She was always talking about her "condition."\n\n"Come in," said Anna.'
    )
    dialogue = find_dialogue(scene_from_text(text), ANNA_TOM)
    assert [s.text for s in dialogue.segments] == ["Come in,"]
    assert [dialogue.scene.text[m.start : m.end] for m in dialogue.mentions] == ["the house,", "condition."]
    assert all(m.kind == "mention" for m in dialogue.mentions)


def test_short_quotes_after_a_speech_verb_or_that_exclaim_stay_speech():
    text = 'He answered "Yes." Then she cried "Stop!"'
    dialogue = find_dialogue(scene_from_text(text), ANNA_TOM)
    assert [s.text for s in dialogue.segments] == ["Yes.", "Stop!"]


def test_an_indented_letter_and_a_written_note_are_mentions():
    text = (
        'Jane read it aloud.\n\n     "My dear Friend,\n     Come as soon as you can.\n     Yours ever."\n\n'
        'It read: "Stopped night San Sebastian."\n\n"Well?" said Anna.'
    )
    dialogue = find_dialogue(scene_from_text(text), ANNA_TOM)
    assert [s.text for s in dialogue.segments] == ["Well?"]
    assert len(dialogue.mentions) == 2


# ---------------------------------------------------------------- scripts


def test_script_cues_name_the_speaker_and_a_cue_the_cast_file_lacks_is_reported():
    text = "NAT: Did we?\nBRUCE: Missed our window.\nCLINT: Hey, you two.\nNAT: Go away."
    cast = Cast([Character("Natasha", ("Nat",), "she"), Character("Bruce", (), "he")])
    dialogue = find_dialogue(scene_from_text(text), cast)
    assert [(s.speaker, s.method) for s in dialogue.segments] == [
        ("Natasha", "script"),
        ("Bruce", "script"),
        (None, "none"),  # Clint is not in the writer's cast: reported, not made a speaker
        ("Natasha", "script"),
    ]
    assert dialogue.cast.names == ["Natasha", "Bruce"] and dialogue.cast.source == "file"
    assert any(n.code == "cue-not-in-cast" and "Clint" in n.message for n in dialogue.notices)
    found = find_dialogue(scene_from_text(text))  # without a cast file, the cues are the cast
    assert [s.speaker for s in found.segments] == ["Nat", "Bruce", "Clint", "Nat"]


def test_a_description_naming_a_title_is_the_one_character_with_that_title():
    cast = Cast([Character("Marta", (), "she"), Character("Okafor", ("Dr. Okafor",), "he"), Character("Leo", (), "he")])
    text = 'Marta looked at Leo.\n\n"My alibi is the crossword," the doctor said without looking up.'
    assert speakers(text, cast) == [("My alibi is the crossword,", "Okafor", "descriptive")]


def test_someone_the_text_does_not_name_stays_unknown():
    text = '"Tea?" asked Anna.\n\n"Please," said Tom.\n\n"Move along there," said a man from the doorway.'
    assert speakers(text, ANNA_TOM)[-1] == ("Move along there,", None, "none")
    text = '"Tea?" asked Anna.\n\n"Please," said Tom.\n\n"Is this the inn?" the stranger asked.'
    assert speakers(text, ANNA_TOM)[-1][1] is None


def test_the_other_of_two_is_the_one_who_did_not_speak_last():
    text = '"Tea?" asked Anna.\n\n"Please," said Tom.\n\n"Milk?" said the other.'
    assert speakers(text, ANNA_TOM)[-1][1:] == ("Anna", "descriptive")


# ---------------------------------------------------------------- relatives named by a family word

FAMILY = Cast(
    [
        Character("Mr. Hale", ("Hale", "Mr. Tom Hale"), "he"),
        Character("Mrs. Hale", ("Martha Hale",), "she"),
        Character("Ruth", ("Miss Hale", "Ruth Hale"), "she"),
        Character("Mrs. Price", (), "she"),
    ]
)


def test_his_wife_is_the_married_woman_of_his_family():
    # Mr. Hale speaks, then "his wife" answers: Mrs. Hale (not Miss Hale, not Mrs. Price, a neighbour), though
    # Ruth was named last
    text = (
        'Mrs. Hale sat by the fire with Mrs. Price. Ruth was reading.\n\n"The roof leaks," said Mr. Hale.\n\n'
        '"It has leaked since May," said his wife, "and you knew it."'
    )
    assert [s for _, s, _ in speakers(text, FAMILY)] == ["Mr. Hale", "Mrs. Hale", "Mrs. Hale"]


def test_her_father_is_the_man_of_her_family():
    text = '"I will not go," said Ruth.\n\n"You will," said her father.'
    assert [s for _, s, _ in speakers(text, FAMILY)] == ["Ruth", "Mr. Hale"]


def test_said_she_to_a_name_is_not_said_by_that_name():
    # Mary is the last woman named, but "to Mary" makes her the listener
    text = 'Anna sat by the window. Mary came in.\n\n"Where were you?" said she to Mary.'
    assert speakers(text, ANNA_TOM) == [("Where were you?", "Anna", "pronoun")]


def test_a_first_name_two_characters_share_goes_to_the_one_in_view():
    cast = Cast(
        [
            Character("Robert Cohn", ("Cohn",), "he"),
            Character("Robert Prentiss", (), "he"),
            Character("Jake", (), "he"),
        ]
    )
    # "Robert" alone names either Robert; Cohn was the one named last
    text = 'Cohn came in with the tickets.\n\n"Come on," said Robert. "I\'ve got a cab."'
    assert [s for _, s, _ in speakers(text, cast)] == ["Robert Cohn", "Robert Cohn"]
    text = 'Robert Prentiss came in.\n\n"Come on," said Robert.'
    assert [s for _, s, _ in speakers(text, cast)] == ["Robert Prentiss"]


def test_a_name_two_characters_share_goes_to_the_one_in_the_conversation():
    cast = Cast(
        [
            Character("John Smith", ("Smith",), "he"),
            Character("Anne Smith", ("Smith",), "she"),
            Character("Jane", (), "she"),
        ]
    )
    text = (
        '"Hello," said John Smith.\n\n"Hi," said Jane.\n\nJane thought of Anne Smith, who was away.\n\n'
        '"Well," said Smith.'
    )
    assert [s for _, s, _ in speakers(text, cast)] == ["John Smith", "Jane", "John Smith"]


def test_the_doctor_stays_the_titled_doctor_when_the_cast_also_lists_a_nameless_doctor():
    cast = Cast(
        [
            Character("Mr. Losberne", ("Doctor Losberne",), "he"),
            Character("The Doctor", (), "he"),
            Character("Oliver", (), "he"),
        ]
    )
    text = (
        'Doctor Losberne came in.\n\n"Sit down," said the doctor.\n\n"Thank you," said Oliver.\n\n'
        '"Well," said the doctor.'
    )
    assert [s for _, s, _ in speakers(text, cast)] == ["Mr. Losberne", "Oliver", "Mr. Losberne"]
