import hashlib
import io
import os
import subprocess
import sys
import urllib.error
from pathlib import Path

import pytest

from workshop.errors import WorkshopError
from workshop.compare.references import (
    catalog,
    catalog_from_toml,
    fetch_work,
    load_reference,
    reference_names,
    strip_gutenberg,
)

FIXTURE = Path(__file__).parent / "fixtures" / "references" / "tiny-gutenberg-book.txt"


class FakeOpener:
    """Stands in for urllib: records every URL asked for and answers with the fixture (no network)."""

    def __init__(self, payload: bytes | None = None, error: Exception | None = None):
        self.payload = FIXTURE.read_bytes() if payload is None else payload
        self.error = error
        self.calls: list[tuple[str, float]] = []

    def __call__(self, url: str, timeout: float):
        self.calls.append((url, timeout))
        if self.error:
            raise self.error
        return io.BytesIO(self.payload)


def test_catalog_has_the_classic_pairs():
    works = catalog()
    assert works["pride-and-prejudice"].gutenberg_id == 1342
    assert works["the-sign-of-the-four"].gutenberg_id == 2097
    assert works["alice-in-wonderland"].gutenberg_id == 11
    assert {"Elizabeth", "Mr. Darcy"} <= set(works["pride-and-prejudice"].cast.names)
    assert works["the-sign-of-the-four"].cast.canonical("Sherlock Holmes") == "Holmes"
    assert works["alice-in-wonderland"].cast.canonical("the Mad Hatter") == "the Hatter"
    assert works["the-sign-of-the-four"].url == "https://www.gutenberg.org/cache/epub/2097/pg2097.txt"
    with pytest.raises(WorkshopError, match="gutenberg_id"):
        catalog_from_toml('[[work]]\nkey = "x"\ntitle = "X"\n')


def test_strip_gutenberg_keeps_only_the_book():
    body = strip_gutenberg(FIXTURE.read_text(encoding="utf-8"))
    assert body.startswith("CHAPTER I. THE PARCEL") and "licence" not in body and "END OF" not in body


def test_fetch_caches_with_checksum_and_never_fetches_twice(tmp_path):
    opener = FakeOpener()
    path = fetch_work("the-sign-of-the-four", cache=tmp_path, opener=opener, timeout=5)
    assert opener.calls == [("https://www.gutenberg.org/cache/epub/2097/pg2097.txt", 5)]
    assert path == tmp_path / "the-sign-of-the-four.txt" and path.read_text().startswith("CHAPTER I.")
    sums = (tmp_path / "checksums.json").read_text()
    assert hashlib.sha256(path.read_bytes()).hexdigest() in sums
    assert fetch_work("the-sign-of-the-four", cache=tmp_path, opener=opener) == path
    assert len(opener.calls) == 1  # served from the cache
    path.write_text("tampered", encoding="utf-8")
    with pytest.raises(WorkshopError, match="checksum"):
        fetch_work("the-sign-of-the-four", cache=tmp_path, opener=opener)


def test_offline_says_so_clearly(tmp_path):
    opener = FakeOpener(error=urllib.error.URLError("no route to host"))
    with pytest.raises(WorkshopError, match="Are you online") as info:
        fetch_work("pride-and-prejudice", cache=tmp_path, opener=opener)
    assert "pg1342.txt" in str(info.value)
    assert not (tmp_path / "pride-and-prejudice.txt").exists()


def test_size_limit(tmp_path):
    with pytest.raises(WorkshopError, match="larger than"):
        fetch_work("emma", cache=tmp_path, opener=FakeOpener(payload=b"x" * 2000), max_bytes=1000)


def test_unknown_work():
    with pytest.raises(WorkshopError, match="not in the reference catalog"):
        fetch_work("moby-dick-in-space")


def test_catalog_reference_needs_fetch_then_loads(tmp_path):
    with pytest.raises(WorkshopError, match="--fetch"):
        load_reference("the-sign-of-the-four", cache=tmp_path)
    ref = load_reference("the-sign-of-the-four", fetch=True, cache=tmp_path, opener=FakeOpener())
    lines = ref.lines()
    assert set(lines) == {"Holmes", "Watson"}
    assert any("sailor" in t for t in lines["Holmes"]) and ref.source == "catalog"
    assert "Gutenberg #2097" in ref.description


def test_reference_scenes_load_with_their_casts():
    assert {"the-detective", "the-aunt", "the-butler", "the-teenager"} <= set(reference_names())
    expected = {"the-detective": {"Hale", "Pim"}, "the-aunt": {"Marjorie", "Tom"},
                "the-butler": {"Ashcombe", "Danny"}, "the-teenager": {"Kayla", "Dad"}}
    for name, cast in expected.items():
        ref = load_reference(name)
        assert set(ref.lines()) == cast, name
        assert not ref.dialogue.unattributed, name  # every line has its speaker
    by_path = load_reference(Path("texts/references/the-detective.txt").resolve())
    assert by_path.source == "file" and set(by_path.lines()) == {"Hale", "Pim"}
    with pytest.raises(WorkshopError, match="No reference called"):
        load_reference("the-astronaut")


def _stripped_fixture() -> bytes:
    return strip_gutenberg(FIXTURE.read_text(encoding="utf-8")).encode("utf-8")


def test_a_cached_book_with_no_checksum_on_record_is_not_trusted(tmp_path):
    path = tmp_path / "the-sign-of-the-four.txt"
    path.write_bytes(_stripped_fixture().replace(b"sailor", b"tailor"))  # edited, and no checksums.json
    with pytest.raises(WorkshopError, match="no checksum on record.*--fetch"):
        load_reference("the-sign-of-the-four", cache=tmp_path)
    opener = FakeOpener()
    ref = load_reference("the-sign-of-the-four", fetch=True, cache=tmp_path, opener=opener)  # downloaded afresh
    assert len(opener.calls) == 1 and path.read_bytes() == _stripped_fixture()
    assert any("sailor" in t for t in ref.lines()["Holmes"])
    assert load_reference("the-sign-of-the-four", cache=tmp_path).source == "catalog"  # now on record


def test_a_checksum_shipped_in_the_catalog_is_checked(tmp_path, monkeypatch):
    import dataclasses

    import workshop.compare.references as references

    good = hashlib.sha256(_stripped_fixture()).hexdigest()
    works = dict(catalog())
    works["the-sign-of-the-four"] = dataclasses.replace(works["the-sign-of-the-four"], sha256=good)
    monkeypatch.setattr(references, "catalog", lambda: works)
    path = tmp_path / "the-sign-of-the-four.txt"
    path.write_bytes(_stripped_fixture())
    assert fetch_work("the-sign-of-the-four", cache=tmp_path, download=False) == path  # no record needed
    path.write_bytes(_stripped_fixture() + b"\nAn added line.\n")
    with pytest.raises(WorkshopError, match="checksum mismatch"):
        fetch_work("the-sign-of-the-four", cache=tmp_path, download=False)
    path.unlink()
    with pytest.raises(WorkshopError, match="checksum in the kit's catalog"):
        fetch_work("the-sign-of-the-four", cache=tmp_path, opener=FakeOpener(payload=b"*** START OF THE PROJECT "
                                                                              b"GUTENBERG EBOOK X ***\nOther book."))
    assert not path.exists()  # a download that does not match is never written
    with pytest.raises(WorkshopError, match="sha256 must be 64"):
        catalog_from_toml('[[work]]\nkey = "x"\ntitle = "X"\ngutenberg_id = 1\nsha256 = "abc"\n')


@pytest.mark.parametrize("folder", ["the-sign-of-the-four.txt", "checksums.json"])
def test_a_cached_book_or_checksums_file_that_is_a_folder_is_one_line(tmp_path, folder):
    root = Path(__file__).resolve().parents[1]
    books = tmp_path / "references"  # the books' folder of the kit's cache (workshop.files.cache.cache_dir)
    books.mkdir()
    (books / "the-sign-of-the-four.txt").write_bytes(_stripped_fixture())
    if folder == "the-sign-of-the-four.txt":
        (books / folder).unlink()
    (books / folder).mkdir()
    result = subprocess.run([sys.executable, "-m", "workshop", "compare", "--against", "the-sign-of-the-four"],
                            capture_output=True, text=True, cwd=root, timeout=180,
                            env={**os.environ, "VOICE_WORKSHOP_CACHE": str(tmp_path)})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("voice-workshop: ")]
    assert len(errors) == 1 and "please report" not in errors[0] and folder in errors[0], result.stderr


def test_a_deeply_nested_checksums_file_is_damaged_not_a_recursion_error(tmp_path):
    """A checksums.json of 100,000 nested lists made json.loads raise RecursionError, which reached the user as
    'something went wrong inside the kit ... please report'; it is a damaged file like any other."""
    root = Path(__file__).resolve().parents[1]
    books = tmp_path / "references"  # the books' folder of the kit's cache (workshop.files.cache.cache_dir)
    books.mkdir()
    (books / "the-sign-of-the-four.txt").write_bytes(_stripped_fixture())
    (books / "checksums.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(WorkshopError, match="checksums.json is damaged"):
        load_reference("the-sign-of-the-four", cache=books)
    result = subprocess.run([sys.executable, "-m", "workshop", "compare", "--against", "the-sign-of-the-four"],
                            capture_output=True, text=True, cwd=root, timeout=180,
                            env={**os.environ, "VOICE_WORKSHOP_CACHE": str(tmp_path)})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("voice-workshop: ")]
    assert len(errors) == 1 and "checksums.json is damaged" in errors[0], result.stderr
