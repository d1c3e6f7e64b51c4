"""The collector pause: switched back as it was, and the kit leaves no reference cycles for it to collect."""

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


def test_profiling_in_a_kernel_never_switches_the_collector(monkeypatch):
    # issue 12: the pause belongs to the command's own process, not to a student's Jupyter kernel
    dialogue = find_dialogue(read_scene(sample_scene_path()), load_cast(sample_cast_path()))
    switched: list[str] = []
    monkeypatch.setattr(gc, "disable", lambda: switched.append("disable"))
    profile_dialogue(dialogue)
    assert switched == []
