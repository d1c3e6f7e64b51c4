"""The on-disk cache of derived tables, and the tables built from it: same answers as the libraries themselves."""

from __future__ import annotations

import os
import sys

import pytest

from workshop.files import cache


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_cached_text_builds_once_then_reads(cache_in, tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("data v1", encoding="utf-8")
    calls = []

    def build() -> str:
        calls.append(1)
        return "table\nline 2"

    assert cache.cached_text("t.txt", [source], build) == "table\nline 2"
    assert cache.cached_text("t.txt", [source], build) == "table\nline 2"
    assert len(calls) == 1  # the second answer came from the file
    assert (cache_in / "t.txt").read_text(encoding="utf-8").splitlines()[1:] == ["table", "line 2"]
    assert not [p for p in cache_in.iterdir() if p.name.endswith(".tmp")]


def test_changed_source_rebuilds(cache_in, tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("data v1", encoding="utf-8")
    assert cache.cached_text("t.txt", [source], lambda: "old") == "old"
    source.write_text("data v2, longer", encoding="utf-8")  # another size: another signature
    assert cache.cached_text("t.txt", [source], lambda: "new") == "new"
    assert cache.cached_text("t.txt", [source], lambda: "never built") == "new"


def test_damaged_cache_file_is_rebuilt(cache_in, tmp_path):
    cache_in.mkdir()
    (cache_in / "t.txt").write_bytes(b"\xff\xfe not text")
    assert cache.cached_text("t.txt", [], lambda: "rebuilt") == "rebuilt"


def test_unwritable_or_disabled_cache_still_answers(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))  # a directory cannot be made under a file
    assert cache.cached_text("t.txt", [], lambda: "in memory") == "in memory"
    monkeypatch.setenv(cache.ENV_VAR, "")
    assert cache.cache_dir() is None
    assert cache.cached_text("t.txt", [], lambda: "no disk") == "no disk"


def test_default_cache_dir_is_per_user(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # platformdirs follows it on Linux (and ignores it elsewhere)
    folder = cache.cache_dir()
    assert folder is not None and folder.name == "voice-workshop"
    if sys.platform.startswith("linux"):
        assert folder == tmp_path / "voice-workshop"


@pytest.mark.parametrize("configured", [None, "custom"])
def test_tables_and_books_share_one_cache_folder(monkeypatch, tmp_path, configured):
    """The downloaded books live in the ``references`` folder of the same cache as the tables, whether the
    folder is the platform's or ``$VOICE_WORKSHOP_CACHE`` (the two used to disagree)."""
    from workshop.compare import references

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if configured is None:
        monkeypatch.delenv(cache.ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(cache.ENV_VAR, str(tmp_path / configured))
    assert references.cache_dir() == cache.cache_dir() / "references"


def test_books_need_a_cache_folder(monkeypatch):
    from workshop.compare import references
    from workshop.errors import WorkshopError

    monkeypatch.setenv(cache.ENV_VAR, "")
    with pytest.raises(WorkshopError, match="turned off"):
        references.cache_dir()


def test_stress_table_matches_the_phones(cache_in):
    from workshop.adapters import cmudict_adapter

    cmudict_adapter.stress_table.cache_clear()
    cmudict_adapter.stress.cache_clear()
    try:
        table = cmudict_adapter.stress_table()  # built and written to the temporary cache
        assert (cache_in / "cmudict-stress.txt").exists()
        cmudict_adapter.stress_table.cache_clear()
        assert cmudict_adapter.stress_table() == table  # read back from the file: the same table
        phones = cmudict_adapter.phone_table()
        assert len(table) == len(phones)
        for word in ["banana", "cat", "understanding", "'tis", "hmm", "shh", "a.m."]:
            digits = "".join(ch for ch in phones[word] if ch in "012")
            assert cmudict_adapter.stress(word) == digits, word
        assert cmudict_adapter.stress("hmm") == ""  # in the dictionary, but no vowel: no syllable
        assert cmudict_adapter.stress("zorblatting") is None
    finally:
        cmudict_adapter.stress_table.cache_clear()
        cmudict_adapter.stress.cache_clear()


def test_wordfreq_bands_give_wordfreqs_own_values(cache_in):
    import math

    from wordfreq import get_frequency_dict, zipf_frequency

    from workshop.adapters import wordfreq_adapter

    wordfreq_adapter.bands.cache_clear()
    wordfreq_adapter.numbers.cache_clear()
    wordfreq_adapter.zipf.cache_clear()
    try:
        freqs = get_frequency_dict("en")
        for word in ["the", "house", "didn't", "megalomaniacal", "i'm", "zorblatting"]:
            f = freqs.get(word, 0.0)
            expected = round(math.log10(f) + 9.0, 2) if f > 0 else 0.0
            assert wordfreq_adapter.zipf(word) == expected, word
        assert (cache_in / "wordfreq-en.txt").exists()
        # hyphenated words, possessives of them and a leading apostrophe: exactly wordfreq's own answer
        for word in ["to-morrow", "brother-in-law", "brother-in-law's", "bull's-eye", "self-importance", "'tis",
                     "'em", "tra-la-la", "x-ray", "honesty-is-the-best-policy-quoting", "zorbl-ating"]:  # fmt: skip
            assert wordfreq_adapter._COMPOUND.fullmatch(word), word
            assert wordfreq_adapter.zipf(word) == zipf_frequency(word, "en"), word
        # shapes wordfreq splits its own way are left to wordfreq
        for word in ["good-b'ye", "caf\u00e9", "123456"]:
            assert not wordfreq_adapter._COMPOUND.fullmatch(word), word
            assert word not in wordfreq_adapter.numbers()
            assert wordfreq_adapter.zipf(word) == zipf_frequency(word, "en"), word
        # common numbers: wordfreq's own scores, asked once when the cache was built
        assert (cache_in / "wordfreq-en-numbers.txt").exists()
        for word in ["4", "007", "42", "1813", "2024", "15th", "1st", "22nd", "3rd"]:
            assert word in wordfreq_adapter.numbers(), word
            assert wordfreq_adapter.zipf(word) == zipf_frequency(word, "en"), word
    finally:
        wordfreq_adapter.bands.cache_clear()
        wordfreq_adapter.numbers.cache_clear()
        wordfreq_adapter.zipf.cache_clear()


def test_cache_files_are_plain_text(cache_in):
    from workshop.adapters import cmudict_adapter

    cmudict_adapter.stress_table.cache_clear()
    try:
        cmudict_adapter.stress_table()
        first, second = (cache_in / "cmudict-stress.txt").read_text(encoding="utf-8").splitlines()[:2]
        assert first.startswith(cache.FORMAT) and "cmudict.dict:" in first
        assert len(second.split()) == 2
        assert os.path.getsize(cache_in / "cmudict-stress.txt") < 3_000_000
    finally:
        cmudict_adapter.stress_table.cache_clear()


def _cut_body(path, keep: float = 0.5, garbage: bytes = b"") -> None:
    """Keep the signature line as it is, and cut the rest (or replace it with ``garbage``)."""
    head, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(head + b"\n" + (garbage or body[: int(len(body) * keep)]))


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01 not a table at all", "wörd 1\n".encode() * 3])
def test_a_cut_or_garbage_body_under_an_intact_signature_is_rebuilt(cache_in, tmp_path, garbage):
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    table = "\n".join(f"word{i} {i}" for i in range(1000))
    assert cache.cached_text("t.txt", [source], lambda: table) == table
    _cut_body(cache_in / "t.txt", garbage=garbage)
    assert cache.cached_text("t.txt", [source], lambda: table) == table  # rebuilt, not the damaged copy
    assert cache.cached_text("t.txt", [source], lambda: "never built") == table  # and written back whole


def test_a_cut_stress_table_is_rebuilt_and_syllable_counts_do_not_change(cache_in):
    from workshop.adapters import cmudict_adapter

    words = "the lighthouse keeper said nothing and the inspector wrote it all down in his book".split() * 40
    try:
        cmudict_adapter.stress_table.cache_clear()
        cmudict_adapter.stress.cache_clear()
        full = len(cmudict_adapter.stress_table())
        counted = sum(cmudict_adapter.syllables(w) or 0 for w in words)
        _cut_body(cache_in / "cmudict-stress.txt", keep=0.3)
        cmudict_adapter.stress_table.cache_clear()
        cmudict_adapter.stress.cache_clear()
        assert len(cmudict_adapter.stress_table()) == full
        assert sum(cmudict_adapter.syllables(w) or 0 for w in words) == counted
    finally:
        cmudict_adapter.stress_table.cache_clear()
        cmudict_adapter.stress.cache_clear()


def test_a_non_number_in_a_cached_table_is_rebuilt_not_a_traceback(cache_in):
    from workshop.adapters import wordfreq_adapter

    wordfreq_adapter.numbers.cache_clear()
    try:
        good = wordfreq_adapter.numbers()
        path = cache_in / "wordfreq-en-numbers.txt"
        sig = cache.signature(wordfreq_adapter._sources())
        for head in (sig, f"{sig} body-sha256:{cache._digest(b'4 x.y')}"):  # an old-style head; a whole checksum
            path.write_bytes(head.encode() + b"\n4 x.y")
            wordfreq_adapter.numbers.cache_clear()
            assert wordfreq_adapter.numbers() == good
    finally:
        wordfreq_adapter.numbers.cache_clear()


def test_cached_file_is_the_text_itself_with_its_stamp_beside(cache_in, tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("v1", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return "word 1 W ER1 D\n"

    path = cache.cached_file("corpus/dict", [source], build)
    assert path == cache_in / "corpus" / "dict" and path.read_text(encoding="utf-8") == "word 1 W ER1 D\n"
    assert cache.cached_file("corpus/dict", [source], build) == path and len(calls) == 1
    path.write_text("word 1 W\n", encoding="utf-8")  # damaged (or edited): rebuilt
    assert cache.cached_file("corpus/dict", [source], build).read_text(encoding="utf-8") == "word 1 W ER1 D\n"
    assert len(calls) == 2


def test_cached_file_without_a_disk_cache_is_none(monkeypatch):
    monkeypatch.setenv(cache.ENV_VAR, "")
    assert cache.cached_file("x", [], lambda: "never built") is None
