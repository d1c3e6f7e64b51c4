"""The one reader of the kit's word-list files, and every list of the kit read through it."""

from __future__ import annotations

from importlib import resources

import pytest

from workshop.errors import WorkshopError
from workshop.files.word_lists import packaged_word_list, parse_word_list


def test_comments_blanks_case_apostrophes_spaces_and_repeats():
    text = "# header\nThe\n\nand  # trailing comment\nthe\nDidn\u2019t\nkind   of\n   \n#only a comment\n"
    assert parse_word_list(text) == ("the", "and", "didn't", "kind of")


def test_a_missing_list_is_one_line():
    with pytest.raises(WorkshopError, match="workshop/data/lexicons/no_such_list.txt"):
        packaged_word_list("lexicons", "no_such_list.txt")


def test_every_shipped_list_reads_the_same_as_its_raw_lines():
    """Each list the kit ships, parsed by the shared reader, holds exactly the lower-cased non-comment lines of
    the file (so the lexicons, the attribution lists and the LSM categories read their files alike)."""
    data = resources.files("workshop") / "data"
    lists = [(folder.name, f.name) for folder in data.iterdir() if folder.is_dir()
             for f in folder.iterdir() if f.name.endswith(".txt")]
    assert {folder for folder, _ in lists} == {"lexicons", "lsm", "attribution"}
    for folder, name in lists:
        raw = (data / folder / name).read_text(encoding="utf-8")
        expected = [" ".join(line.split("#", 1)[0].split()).lower() for line in raw.splitlines()]
        assert packaged_word_list(folder, name) == tuple(dict.fromkeys(e for e in expected if e)), name


def test_the_users_of_word_lists_see_the_files():
    from workshop.compare.lsm import categories
    from workshop.compare.stylometry import function_words
    from workshop.speakers.lexicon import lexicon as attribution_lexicon
    from workshop.voice.lexicons import lexicon

    assert function_words() == packaged_word_list("lexicons", "function_words.txt")
    assert categories()["articles"] == ("a", "an", "the")
    assert lexicon("hedges").has_word("maybe")
    assert attribution_lexicon().titles["mr"] == "he"
