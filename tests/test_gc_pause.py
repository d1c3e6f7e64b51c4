"""The collector pause: only the command line pauses it, switched back as it was, and the kit leaves no reference
cycles for it to collect."""

from __future__ import annotations

import gc

import pytest

from workshop.speakers.cast import load_cast
from workshop.speakers.dialogue import find_dialogue
from workshop.cli.gc_pause import collector_paused
from workshop.voice.profile import clear_caches, profile_dialogue
from workshop.text.samples import sample_cast_path, sample_scene_path
from workshop.text.scene import read_scene


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(ZeroDivisionError), collector_paused():
            1 / 0
        assert gc.isenabled() is enabled
        find_dialogue(read_scene(sample_scene_path()))
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_the_library_never_switches_the_collector(monkeypatch):
    """In a notebook the collector is the kernel's: finding, profiling and critiquing never turn it off."""
    from workshop.report.critique import build_critique

    def refuse():
        raise AssertionError("gc.disable() called by the library")

    scene, cast = read_scene(sample_scene_path()), load_cast(sample_cast_path())
    monkeypatch.setattr(gc, "disable", refuse)
    dialogue = find_dialogue(scene, cast)
    profile_dialogue(dialogue)
    build_critique(dialogue, pictures=False)


def test_the_command_line_pauses_it_for_the_command(monkeypatch, capsys):
    from workshop.cli import main as cli
    from workshop.cli import quotes

    seen = []
    monkeypatch.setattr(quotes, "run", lambda args: seen.append(gc.isenabled()) or 0)
    was = gc.isenabled()
    assert cli.main(["quotes"]) == 0
    assert seen == [False] and gc.isenabled() is was


def test_a_whole_run_leaves_no_cycles_behind():
    scene = read_scene(sample_scene_path())
    cast = load_cast(sample_cast_path())
    profile_dialogue(find_dialogue(scene, cast))  # resources loaded and caches filled first
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        clear_caches(words=True)
        profile = profile_dialogue(find_dialogue(scene, cast))
        assert profile.characters
        del profile
        assert gc.collect() == 0  # nothing unreachable: reference counting alone freed everything
    finally:
        if was:
            gc.enable()
