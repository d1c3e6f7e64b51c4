"""Name finding's quick paths give exactly what the plain regexes give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.speakers.names import CANDIDATE, NameIndex, candidate_runs
from workshop.speakers.cast import Cast, Character

_PIECES = ["the", "The", "a", "A", "an", "An", "her", "His", "my", "My", "old", "Old", "young", "little", "poor",
           "Dear", "dear", "of", "de", "Mr.", "Mrs.", "Queen", "Jones", "bathe", "Sofia", "O'Hara", "\u2019Tis",
           "Jean-Luc", "x", "'", "\u2019", "-", ".", ",", "!", "\n", "  ", " ", "\t", "B", "\u00c9"]  # fmt: skip


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_runs_led_by_determiners_match_the_regex():
    text = 'Said my dear Mr. Bennet to the old Queen of Hearts; "My dear," bathe Old Jones.'
    expected = _spans(CANDIDATE.finditer(text))
    assert _spans(candidate_runs(text)) == expected
    assert [text[a:b] for a, b in expected] == [
        "Said", "my dear Mr. Bennet", "the old Queen of Hearts", "My", "Old Jones",
    ]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "\n", "  "])), max_size=14), st.data())
def test_candidate_runs_equal_the_regex_on_any_text(tokens, data):
    text = "".join(t + s for t, s in tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _spans(candidate_runs(text, start, end)) == _spans(CANDIDATE.finditer(text, start, end))


def test_descriptions_found_in_any_case_as_the_ignorecase_regex_finds_them():
    cast = Cast([Character("The Old Gentleman", aliases=("the gentleman in the white waistcoat",)),
                 Character("A Stranger")], source="test")  # fmt: skip
    index = NameIndex(cast)
    text = ("THE OLD GENTLEMAN nodded. the  gentleman in the white\nwaistcoat coughed; a stranger came; "
            "bathe old gentleman; The Old Gentlemen.")  # fmt: skip
    expected = _spans(index.described.finditer(text))
    assert index._described_spans(text, 0, len(text)) == expected
    assert [text[a:b] for a, b in expected] == [
        "THE OLD GENTLEMAN", "the  gentleman in the white\nwaistcoat", "a stranger",
    ]  # fmt: skip
    for start in range(0, len(text), 7):
        assert index._described_spans(text, start, len(text)) == _spans(index.described.finditer(text, start))
