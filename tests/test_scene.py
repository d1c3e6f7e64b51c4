"""Reading scenes: encodings, line endings, paragraphs, author's notes, and every kind of bad file."""

from __future__ import annotations

import pytest
from limits import time_limit

from workshop.errors import WorkshopError
from workshop.text.scene import read_scene, scene_from_text


def write(tmp_path, data: bytes, name: str = "scene.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_bom_is_removed_and_offsets_index_the_text_without_it(tmp_path):
    scene = read_scene(write(tmp_path, '\ufeff"Hi," she said.'.encode("utf-8")))
    assert scene.text == '"Hi," she said.'
    assert scene.encoding == "utf-8"
    assert not scene.notices


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_are_kept_and_paragraphs_found(tmp_path, newline):
    raw = newline.join(["First line of one", "paragraph.", "", "Second paragraph."])
    scene = read_scene(write(tmp_path, raw.encode()))
    assert scene.text == raw  # untouched
    assert [scene.text[p.start : p.end] for p in scene.paragraphs] == [
        f"First line of one{newline}paragraph.",
        "Second paragraph.",
    ]
    assert [p.line for p in scene.paragraphs] == [1, 4]
    assert scene.line_of(raw.index("Second")) == 4


def test_one_paragraph_per_line_when_the_file_has_no_blank_lines(tmp_path):
    scene = read_scene(write(tmp_path, b"One.\nTwo.\nThree."))
    assert [scene.text[p.start : p.end] for p in scene.paragraphs] == ["One.", "Two.", "Three."]


def test_windows_1252_falls_back_with_a_notice(tmp_path):
    scene = read_scene(write(tmp_path, b"\x93Hello,\x94 she said. Caf\xe9."))
    assert scene.text == "“Hello,” she said. Café."
    assert scene.encoding == "cp1252"
    assert [n.code for n in scene.notices] == ["encoding"]
    assert "UTF-8" in scene.notices[0].message


def test_bytes_undefined_in_windows_1252_fall_back_to_latin_1(tmp_path):
    scene = read_scene(write(tmp_path, b"Odd \x81 byte."))
    assert scene.encoding == "latin-1"
    assert scene.text == "Odd \x81 byte."


def test_utf16_with_a_bom_is_read(tmp_path):
    scene = read_scene(write(tmp_path, '"Yes," he said.'.encode("utf-16")))
    assert scene.text == '"Yes," he said.'


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty"),
        (b"  \n\n \t", "empty"),
        (b"PK\x03\x04\x14\x00rest-of-a-docx", "Word document"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"\x00\x01\x02binary\x00" * 20, "binary"),
    ],
)
def test_unreadable_files_get_a_plain_message(tmp_path, data, words):
    with pytest.raises(WorkshopError, match=words):
        read_scene(write(tmp_path, data))


def test_missing_path_and_folder_are_explained(tmp_path):
    with pytest.raises(WorkshopError, match="no file"):
        read_scene(tmp_path / "nope.txt")
    with pytest.raises(WorkshopError, match="folder"):
        read_scene(tmp_path)


def test_huge_files_are_refused_before_reading(tmp_path):
    path = write(tmp_path, b"word " * 1000)
    with pytest.raises(WorkshopError, match="Split it"):
        read_scene(path, max_bytes=1000)


def test_other_suffixes_are_read_with_a_notice(tmp_path):
    scene = read_scene(write(tmp_path, b"Text.", name="scene.rtx"))
    assert [n.code for n in scene.notices] == ["suffix"]


def test_seed_scene_authors_notes_are_found_and_left_out(seed_path, seed_gold):
    scene = read_scene(seed_path)
    lines = [(scene.line_of(ex.start), scene.line_of(ex.end - 1)) for ex in scene.excluded]
    assert lines == [tuple(r) for r in seed_gold["excluded_lines"]]
    assert scene.text[scene.excluded[0].start :].startswith("I should start out")
    assert scene.text[scene.excluded[1].start :].startswith("[So, from watching")
    assert scene.story_paragraphs[0].line == 5
    kept = read_scene(seed_path, detect_notes=False)
    assert not kept.excluded and kept.paragraphs[0].line == 1


def test_marked_notes_are_found_and_plain_openings_are_not():
    text = "A/N: Thanks for the reviews!\n\n***\n\nShe ran.\n\n\"Stop,\" he said.\n\nShe didn't."
    scene = scene_from_text(text)
    assert [scene.text[e.start : e.end] for e in scene.excluded] == ["A/N: Thanks for the reviews!"]
    story = "It rained.\n\n\n\"Stop,\" he said.\n\nShe didn't.\n\n[Later that night.]x"
    assert scene_from_text(story).excluded == []


def test_writer_can_exclude_lines_and_ranges():
    text = "Note to self.\nMore notes.\n\n\"Hi,\" she said.\n\nEnd."
    scene = scene_from_text(text, exclude_lines=[(1, 2)], detect_notes=False)
    assert scene.story_paragraphs[0].line == 4
    scene = scene_from_text(text, exclude=[(0, 5)], detect_notes=False)
    assert scene.is_excluded(0) and not scene.is_excluded(5)
    with pytest.raises(WorkshopError, match="outside"):
        scene_from_text(text, exclude_lines=[(3, 99)])


def test_pasted_text_with_a_bom_and_nothing_else():
    assert scene_from_text("\ufeffHi.").text == "Hi."
    with pytest.raises(WorkshopError, match="empty"):
        scene_from_text("   \n")


def _per_line_story(n: int = 12) -> list[str]:
    """Paragraphs of the length novels have, one per line, as a word processor saves them."""
    lines = []
    for i in range(n):
        lines.append(f'"Where were you on the night of the {i + 1}th, when the lamps went out along the quay and '
                     f'nobody could see a thing?" asked Martha, folding the letter twice before she looked up.')
        lines.append(f"Tom shrugged. He had been at the harbour wall with the others, counting boats, and he said so.")
    return lines


def test_title_blank_line_then_one_paragraph_per_line_is_read_line_by_line():
    lines = _per_line_story()
    text = "The Night Watch\n\n" + "\n".join(lines) + "\n"
    scene = scene_from_text(text)
    assert [scene.text[p.start : p.end] for p in scene.paragraphs] == ["The Night Watch", *lines]
    assert not [n for n in scene.notices if n.code == "layout"]  # one layout throughout: nothing to say


def test_hard_wrapped_paragraphs_and_verse_stay_whole():
    wrapped = ("It was the best of times, it was the worst of times, it was the age of\n"
               "wisdom, it was the age of foolishness, it was the epoch of belief.")
    verse = "Twinkle, twinkle, little bat!\nHow I wonder what you're at!\nUp above the world you fly,\nLike a tea-tray."
    scene = scene_from_text(f"{wrapped}\n\n{verse}\n\nThe end.")
    assert [scene.text[p.start : p.end] for p in scene.paragraphs] == [wrapped, verse, "The end."]
    assert not scene.notices


def test_a_mixed_layout_is_read_region_by_region_with_a_notice():
    wrapped = "She had not slept. The letter lay on the table where he had\nleft it, unopened, all night."
    lines = _per_line_story(3)
    text = f"{wrapped}\n\n" + "\n".join(lines) + "\n\nThe end."
    scene = scene_from_text(text)
    assert [scene.text[p.start : p.end] for p in scene.paragraphs] == [wrapped, *lines, "The end."]
    [notice] = [n for n in scene.notices if n.code == "layout"]
    assert notice.line == 4 and "lines 4-9" in notice.message


def test_long_runs_of_spaces_and_tabs_split_in_linear_time():
    # a search for "blank line, blank line" retried every position of a run of spaces: 100 kB took 45 s
    for run in (" " * 300_000, "\t" * 300_000, " \t" * 150_000):
        with time_limit(10):
            scene = scene_from_text(f"One.\n\n{run}x\n\nTwo.")
        assert [scene.text[p.start : p.end] for p in scene.paragraphs] == ["One.", "x", "Two."]


def test_a_utf8_file_with_one_windows_1252_paragraph_keeps_its_utf8_dialogue(tmp_path):
    utf8 = "“Where were you?” Anna asked.\n\n“Out,” said Tom. “Café Noir.”\n\n".encode("utf-8")
    pasted = b"\x93Fine,\x94 she said, and that was all.\n\n"  # Windows-1252 curly quotes, from an old word processor
    scene = read_scene(write(tmp_path, utf8 + pasted + "“Goodnight.”\n".encode("utf-8")))
    assert scene.encoding == "utf-8"
    assert scene.text == ("“Where were you?” Anna asked.\n\n“Out,” said Tom. “Café Noir.”\n\n"
                          "“Fine,” she said, and that was all.\n\n“Goodnight.”\n")
    [notice] = scene.notices
    assert (notice.code, notice.line) == ("encoding", 5) and "line 5" in notice.message
    from workshop import find_dialogue

    dialogue = find_dialogue(scene)
    assert [s.text for s in dialogue.segments] == ["Where were you?", "Out,", "Café Noir.", "Fine,", "Goodnight."]
    assert all(scene.text[s.start : s.end] == s.text for s in dialogue.segments)


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_utf32_with_a_bom_is_read_as_utf32(tmp_path, codec):
    text = "“Yes,” he said.\n\nShe nodded."
    data = ("\ufeff" + text).encode(codec) if codec.endswith("be") else text.encode(codec)
    scene = read_scene(write(tmp_path, data))
    assert scene.text == text and scene.encoding == "utf-32"
