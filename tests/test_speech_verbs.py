"""The verb lists are data, and the patterns that use them are built from the data files (no second copy inside a
regular expression): the listener verbs of the tags and lead-ins, and the speech verbs the quote finder reads."""

from __future__ import annotations

from workshop import scene_from_text
from workshop.speakers import attribution
from workshop.speakers.lexicon import lexicon, listener_verbs
from workshop.text.quotes import find_quotes
from workshop.text.speech_verbs import speech_verbs


def test_every_listener_verb_of_the_data_file_names_the_listener():
    verbs = listener_verbs()
    assert {"asked", "told", "thanked", "besought"} <= set(verbs)
    for verb in verbs:
        lead = f"Emma {verb} Harriet. "
        assert attribution._LEAD_TO.search(lead), verb
        assert attribution._TO_NAME.match(f", she {verb} Harriet"), verb
    assert not attribution._LEAD_TO.search("Emma liked Harriet. ")  # not on the list: not a listener


def test_the_quote_finder_and_the_tags_read_one_list_of_speech_verbs():
    assert lexicon().verbs is speech_verbs()
    assert {"said", "whispered", "shot back"} <= speech_verbs()
    # a short quote after a speech verb is speech; after another word it is a quoted word nobody says
    said = scene_from_text('He whispered "Yes."', detect_notes=False)
    named = scene_from_text('It was called "Yes."', detect_notes=False)
    assert [s.kind for s in find_quotes(said).spans] == ["speech"]
    assert [s.kind for s in find_quotes(named).spans] == ["mention"]
