"""Tag shapes and names beyond "said Anna": each on a small scene written for the test, with its answers worked out by
hand (issue 9, part B)."""

from __future__ import annotations

from workshop import find_dialogue, scene_from_text
from workshop.speakers.cast import Cast, Character
from workshop.speakers.names import NameIndex


def speakers(text: str, cast: Cast) -> list[tuple[str, str | None, str]]:
    """(segment text, speaker, method) for every segment."""
    dialogue = find_dialogue(scene_from_text(text, detect_notes=False), cast)
    return [(s.text, s.speaker, s.method) for s in dialogue.segments]


def test_it_was_x_who_spoke_names_the_speaker_after_or_before_the_quote():
    cast = Cast(
        [
            Character("Hercule Poirot", ("Poirot",), "he"),
            Character("Captain Hastings", ("Hastings",), "he"),
            Character("Miss Lemon", (), "she"),
        ]
    )
    text = (
        "Hastings paced by the window. Miss Lemon sorted the post.\n\n"
        '"The train leaves at nine," Hastings said.\n\n'
        '"Then we shall be on it." It was Poirot who spoke, from the depths of his armchair.\n\n'
        '"Both of us?"\n\n'
        'It was Miss Lemon who answered. "All three of us, I think."\n'
    )
    got = speakers(text, cast)
    assert [(s, m) for _, s, m in got] == [
        ("Captain Hastings", "explicit"),
        ("Hercule Poirot", "explicit"),
        ("Captain Hastings", "turn-taking"),
        ("Miss Lemon", "explicit"),
    ]


def test_as_x_said_and_as_x_put_it_name_the_one_whose_words_they_are():
    cast = Cast([Character("Tom", (), "he"), Character("Ada", (), "she"), Character("Mr. Pike", ("Pike",), "he")])
    text = (
        "Tom and Ada waited at the gate while Mr. Pike counted the sheep.\n\n"
        '"A fine flock," Tom said.\n\n'
        '"Fine enough," Ada agreed. "But the rain will come, as Mr. Pike said, before the week is out."\n\n'
        '"Better to be wet than sorry," as Mr. Pike put it when he came back.\n\n'
        '"Well said," as Ada said later, "though nobody laughed."\n'
    )
    assert [(s, m) for _, s, m in speakers(text, cast)] == [
        ("Tom", "explicit"),
        ("Ada", "explicit"),
        ("Ada", "split"),  # "as Mr. Pike said" inside her quote is hers to say
        ("Mr. Pike", "explicit"),
        ("Ada", "explicit"),
        ("Ada", "explicit"),
    ]


def test_a_possessive_in_a_tag_names_someone_else():
    cast = Cast(
        [
            Character("Brenda", (), "she"),
            Character("Mr. Gaskell", ("Gaskell", "the solicitor"), "he"),
            Character("Nora", ("Brenda's cousin",), "she"),
        ]
    )
    text = (
        "Brenda sat very straight in the office. Her solicitor, a thin man called Gaskell, read the will aloud.\n\n"
        '"It leaves everything to the nephew," said Brenda\'s solicitor.\n\n'
        '"That cannot be right," Brenda said.\n\n'
        '"I am afraid it is," said Brenda\'s cousin from the door.\n\n'
        'Brenda\'s solicitor said, "Nobody can change it now."\n'
    )
    assert [(s, m) for _, s, m in speakers(text, cast)] == [
        ("Mr. Gaskell", "explicit"),
        ("Brenda", "explicit"),
        ("Nora", "explicit"),
        ("Mr. Gaskell", "explicit"),
    ]
    # a possessive word of a cast name is never a name of that character: "Brenda's" is Brenda's
    index = NameIndex(cast)
    assert index.lookup("Brenda's") == ()


def test_a_possessive_relation_outside_the_cast_is_not_its_owner():
    cast = Cast([Character("Brenda", (), "she"), Character("Tom", (), "he")])
    text = (
        "Brenda and Tom waited in the hall.\n\n"
        '"He is late," Tom said.\n\n'
        '"He always is," said Brenda\'s lawyer.\n'
    )
    got = speakers(text, cast)
    assert got[1][1] != "Brenda"


def test_words_that_come_from_someones_lips_or_voice_are_theirs():
    cast = Cast([Character("Anna", (), "she"), Character("Viktor", (), "he")])
    text = (
        "Anna and Viktor stood on the bridge.\n\n"
        '"Go home," came from Anna\'s lips, barely a whisper.\n\n'
        '"Not without you." Viktor\'s voice came low and steady.\n\n'
        'Anna\'s voice came again: "Then we both stay."\n\n'
        'The answer came from Viktor\'s lips at last. "Yes."\n'
    )
    assert [(s, m) for _, s, m in speakers(text, cast)] == [
        ("Anna", "explicit"),
        ("Viktor", "explicit"),
        ("Anna", "explicit"),
        ("Viktor", "explicit"),
    ]


def test_names_with_small_particles_are_one_name():
    cast = Cast(
        [
            Character("Mr. van der Luyden", (), "he"),
            Character("Maxim de Winter", ("de Winter",), "he"),
            Character("Madame de la Tour", (), "she"),
            Character("Countess Olenska", (), "she"),
        ]
    )
    text = (
        "Mr. van der Luyden bowed to Countess Olenska and to de Winter.\n\n"
        '"You are welcome here," said Mr. van der Luyden.\n\n'
        '"Thank you," said de Winter.\n\n'
        '"We are most grateful," Madame de la Tour added. "Truly."\n\n'
        '"Not at all," said van der Luyden.\n'
    )
    assert [(s, m) for _, s, m in speakers(text, cast)] == [
        ("Mr. van der Luyden", "explicit"),
        ("Maxim de Winter", "explicit"),
        ("Madame de la Tour", "explicit"),
        ("Madame de la Tour", "split"),
        ("Mr. van der Luyden", "explicit"),
    ]
    index = NameIndex(cast)
    found = index.mentions("He met Mr. van der Luyden at noon.")
    assert [("He met Mr. van der Luyden at noon."[m.start : m.end], m.names) for m in found] == [
        ("Mr. van der Luyden", ("Mr. van der Luyden",))
    ]


def test_a_description_the_cast_uses_as_a_name_names_that_character():
    cast = Cast(
        [
            Character("Ivan Petrov", ("Doctor",), "he"),
            Character("Little Girl", (), "she"),
            Character("Mrs. Webb", (), "she"),
            Character("Mr. Webb", (), "he"),
        ]
    )
    text = (
        "Mr. Webb showed the doctor upstairs. Mrs. Webb was already there, and Mr. Webb sat down by the window.\n\n"
        '"Where does it hurt?" said the doctor.\n\n'
        "The little girl pointed at her chest. Mrs. Webb stroked her hair.\n\n"
        '"Here," said the little girl.\n\n'
        '"Since Monday," Mrs. Webb said. "She will not eat."\n\n'
        '"Let me listen," the doctor said.\n'
    )
    assert [(s, m) for _, s, m in speakers(text, cast)] == [
        ("Ivan Petrov", "explicit"),
        ("Little Girl", "explicit"),
        ("Mrs. Webb", "explicit"),
        ("Mrs. Webb", "split"),
        ("Ivan Petrov", "explicit"),
    ]


def test_a_first_name_two_characters_share_goes_to_the_one_present():
    cast = Cast(
        [
            Character("Robert Cohn", ("Mr. Robert Cohn",), "he"),
            Character("Robert Prentiss", ("Mr. Robert Prentiss",), "he"),
            Character("Jake", (), "he"),
        ]
    )
    assert NameIndex(cast).lookup("Robert") == ("Robert Cohn", "Robert Prentiss")
    text = (
        "Robert Cohn and Robert Prentiss came into the cafe. Jake waved them over.\n\n"
        '"Sit down," Jake said.\n\n'
        '"Thanks," said Robert Cohn. He looked tired.\n\n'
        '"I can\'t stay," Robert said. "I have to get back."\n\n'
        'Robert Prentiss laughed. "Stay for one drink," Robert said.\n'
    )
    assert [(s, m) for _, s, m in speakers(text, cast)] == [
        ("Jake", "explicit"),
        ("Robert Cohn", "explicit"),
        ("Robert Cohn", "explicit"),  # the Robert who spoke just before
        ("Robert Cohn", "split"),
        ("Robert Prentiss", "explicit"),  # the Robert the paragraph has just named in full
    ]


# ---------------------------------------------------------------- scenes that open mid-conversation


def test_a_scene_opening_on_she_said_learns_who_she_is_from_the_narration_after():
    cast = Cast([Character("Mrs. Reed", (), "she"), Character("John Reed", ("John",), "he"), Character("Eliza", (), "she")])
    text = (
        '"If he does not write by Friday," she added, "I shall know what to think of him."\n\n'
        "Mrs. Reed folded the letter and laid it on the table. John watched the fire and said nothing for a while.\n\n"
        '"He will write," he said at last.\n'
    )
    assert [(s, m) for _, s, m in speakers(text, cast)] == [
        ("Mrs. Reed", "pronoun"),
        ("Mrs. Reed", "pronoun"),
        ("John Reed", "pronoun"),
    ]


def test_an_untagged_opening_exchange_is_anchored_by_the_names_its_lines_call():
    cast = Cast(
        [
            Character("Harriet Smith", ("Harriet",), "she"),
            Character("Anne Grey", ("Miss Grey",), "she"),
            Character("Mr. Martin", (), "he"),
        ]
    )
    text = (
        '"What sort of man is he?"\n\n'
        '"Oh, not handsome. Not at all handsome. But he is kind, and he knows everybody."\n\n'
        '"Kind is something, I suppose. Do you see him often, Harriet?"\n\n'
        '"Every week. Dear Miss Grey, you would like him if you met him."\n\n'
        '"Perhaps I should."\n\n'
        "The carriage turned in at the gate, and neither of them said more.\n"
    )
    # "Dear Miss Grey" opens a sentence inside the quote: a call, not a mention
    assert [s for _, s, _ in speakers(text, cast)] == [
        "Anne Grey", "Harriet Smith", "Anne Grey", "Harriet Smith", "Anne Grey"
    ]


def test_the_narration_between_two_pieces_of_one_sentence_is_one_tag():
    """'"Well," said the landlady, when Tom had finished his soup, "have you done?"': the narration that parts the
    pieces says who speaks both; "Tom had finished" inside it is no second tag (a verb such as "finished" can be
    a speech verb)."""
    text = (
        "Mrs. Pike watched the boy eat, and said nothing until the bowl was empty.\n\n"
        '"Well," said the landlady, when Tom had finished his soup, "have you done?"\n\n'
        '"Yes, ma\'am," said Tom.'
    )
    cast = Cast([Character("Mrs. Pike", (), "she"), Character("Tom", (), "he")])
    dialogue = find_dialogue(scene_from_text(text), cast)
    assert [s.speaker for s in dialogue.segments] == ["Mrs. Pike", "Mrs. Pike", "Tom"]


def test_a_speech_verb_with_an_object_is_no_tag():
    """"when Ada had finished her song, said aloud": "finished" is a speech verb ("'...,' she finished"), but with
    an object after it ("her song") it reports no speech, so Ada is not the one who speaks; "He" is."""
    text = (
        "Ada sang on, and Mr. Pell listened with his eyes shut.\n\n"
        "He bore it bravely, and when Ada had finished her second song, said aloud,\n\n"
        '"That will do very well, child."'
    )
    cast = Cast([Character("Ada", (), "she"), Character("Mr. Pell", (), "he")])
    assert [s.speaker for s in find_dialogue(scene_from_text(text), cast).segments] == ["Mr. Pell"]


def test_a_tag_cut_off_by_a_dash_belongs_to_the_quote_before_not_the_next():
    """'"If it were admissible to contradict a lady," said the gallant Mr. Pell--' ends a paragraph: the dash is
    Ada cutting him off, so the next paragraph is hers, not his (a tag ending the paragraph before a quote with a
    comma or a colon leads into it; one cut off after a quote of its own does not)."""
    text = (
        'Ada set down the cup. "You have made her graceful and easy," said Mr. Pell.\n\n'
        '"I have done very little."\n\n'
        '"If it were admissible to contradict a lady," said the gallant Mr. Pell--\n\n'
        '"I have only lent her a few books."\n\n'
        '"Exactly so."'
    )
    cast = Cast([Character("Ada", (), "she"), Character("Mr. Pell", (), "he")])
    assert [s.speaker for s in find_dialogue(scene_from_text(text), cast).segments] == [
        "Mr. Pell", "Ada", "Mr. Pell", "Ada", "Mr. Pell"
    ]


def test_a_speech_verb_reporting_with_that_is_no_tag():
    """'... Is it true?" Ada replied that it was. "Very well..."': "replied that" reports Ada's answer in the
    narration; the words quoted around it are still Mr. Pell's."""
    text = (
        "Ada was called down to the study.\n\n"
        '"Come here, child," cried Mr. Pell as she came in. "I have sent for you on a serious matter. Is it '
        'true?" Ada replied that it was. "Very well. Then we must talk."'
    )
    cast = Cast([Character("Ada", (), "she"), Character("Mr. Pell", (), "he")])
    assert [s.speaker for s in find_dialogue(scene_from_text(text), cast).segments] == ["Mr. Pell"] * 3


def test_a_name_called_out_before_a_double_hyphen_is_called():
    """"Tom--you came!": the typewritten dash after a name sets it off as a call, as a comma or an em dash does.
    A scene that opens on lines calling each other's names, with no tag, is the talk of those called: the one
    called answers."""
    text = (
        '"Tom--you came!"\n\n'
        '"Of course, Mr. Pell--I promised."\n\n'
        '"Sit down, then."\n\n'
        "Tom took the chair by the fire. Mr. Pell stayed at the window. Ada watched them both from the door."
    )
    cast = Cast([Character("Ada", (), "she"), Character("Mr. Pell", (), "he"), Character("Tom", (), "he")])
    assert [s.speaker for s in find_dialogue(scene_from_text(text), cast).segments] == ["Mr. Pell", "Tom", "Mr. Pell"]


def test_a_name_called_with_endearments_after_a_comma_is_called():
    """"...but for you, my dearest, kindest Margaret!": a name set off by a comma and led by words of address is
    called out, not spoken about. In a scene that opens mid-talk with one side tagged, the one called is the other
    side, and the untagged lines before the call are theirs."""
    text = (
        '"I never thought it would come to this."\n\n'
        '"Nor I," said Mr. Hale. "But it has, and we must bear it."\n\n'
        '"Must we go so soon?"\n\n'
        '"Within the month. I could not bear it but for you, my dearest, kindest Margaret!"\n\n'
        "Dixon came in with the lamp, and nobody said more."
    )
    cast = Cast([Character("Margaret", (), "she"), Character("Mr. Hale", (), "he"), Character("Dixon", (), "she")])
    got = [(s, m) for _, s, m in speakers(text, cast)]
    assert [s for s, _ in got] == ["Margaret", "Mr. Hale", "Mr. Hale", "Margaret", "Mr. Hale"]
