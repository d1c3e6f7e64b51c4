"""Reference characters whose lines ship with the kit: found by any of their names, compared with offline, their
source named in the file, and their lines read back exactly."""

from __future__ import annotations

import json
import tomllib
from importlib import resources

import pytest

from workshop.cli.main import main
from workshop.compare.offline_references import (
    find_offline_character,
    offline_characters,
    offline_dialogue,
    offline_names,
)
from workshop.compare.references import load_reference, resolve_reference
from workshop.errors import WorkshopError

SHIPPED = {"Elizabeth Bennet", "Mr. Darcy", "Alice", "Sherlock Holmes", "Dr. Watson", "Emma Woodhouse"}


def test_the_best_known_characters_ship():
    assert set(offline_names()) == SHIPPED


def test_every_shipped_file_names_its_source_and_its_check():
    folder = resources.files("workshop") / "data" / "references"
    files = sorted(p for p in folder.iterdir() if p.name.endswith(".toml"))
    assert len(files) == 4
    for item in files:
        raw = item.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
        source = data["source"]
        assert source["title"] and source["author"] and 1800 < source["year"] < 1900
        assert f"Project Gutenberg eBook #{source['gutenberg_id']}" in raw.splitlines()[2]
        assert "public domain" in source["edition"]
        assert source["checked"].startswith("Read by hand: ")
        for ch in data["character"]:
            assert ch["lines_read"] == len(ch["lines"]) + ch["lines_dropped"]


@pytest.mark.parametrize("name, expected", [
    ("Sherlock Holmes", "Sherlock Holmes"), ("holmes", "Sherlock Holmes"), ("sherlock-holmes", "Sherlock Holmes"),
    ("Dr Watson", "Dr. Watson"), ("Lizzy", "Elizabeth Bennet"), ("darcy", "Mr. Darcy"), ("Miss Woodhouse", "Emma Woodhouse"),
])
def test_found_by_any_of_their_names(name, expected):
    found = find_offline_character(name)
    assert found is not None and found.full_name == expected


def test_an_unknown_name_is_not_guessed():
    assert find_offline_character("Moriarty") is None
    assert find_offline_character("") is None
    with pytest.raises(WorkshopError, match="Sherlock Holmes"):
        resolve_reference("Moriarty")


def test_a_few_thousand_words_each_and_nobody_else():
    for ch in offline_characters().values():
        assert 1000 <= ch.words <= 4000, ch.full_name
        assert all(piece.strip() for line in ch.lines for piece in line)


def test_the_lines_read_back_exactly():
    holmes = find_offline_character("Sherlock Holmes")
    dialogue = offline_dialogue(holmes)
    assert dialogue.speakers == ["Sherlock Holmes"]
    assert [tuple(s.text for s in u.segments) for u in dialogue.utterances] == list(holmes.lines)
    assert all(dialogue.scene.text[s.start:s.end] == s.text for s in dialogue.segments)


def test_load_reference_needs_no_network_and_names_the_book(no_network):
    ref = load_reference("Alice")
    assert ref.source == "offline" and ref.name == "Alice's Adventures in Wonderland"
    assert list(ref.lines()) == ["Alice"]
    assert "Lewis Carroll, 1865; Project Gutenberg #11" in ref.description


def test_compare_against_holmes_offline(no_network, seed_path, capsys):
    assert main(["compare", str(seed_path), "--against", "Sherlock Holmes", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reference"]["source"] == "offline"
    assert "The Sign of the Four" in data["reference"]["description"]
    against = data["references"]
    assert against and all(p["b"] == "Sherlock Holmes" for p in against)


def test_critique_against_a_shipped_character_offline(no_network, tmp_path):
    out = tmp_path / "c.md"
    assert main(["critique", "--against", "Elizabeth Bennet", "-o", str(out)]) == 0
    assert "Elizabeth Bennet" in out.read_text(encoding="utf-8")


def test_a_catalog_book_not_downloaded_points_at_the_shipped_lines(no_network, tmp_path):
    with pytest.raises(WorkshopError, match='--against "Sherlock Holmes"'):
        load_reference("the-sign-of-the-four", cache=tmp_path)


def test_no_cast_file_for_shipped_lines():
    with pytest.raises(WorkshopError, match="leave out --against-cast"):
        load_reference("Alice", cast="x.cast.toml")
