"""Pause Python's cyclic garbage collector while one command runs, in the command's own process only.

Reading a novel builds tens of thousands of small objects that live on in caches (sentences, speeches, word
features). Each time enough objects have been made, Python's cyclic collector walks through every object it
tracks, and every so often through all of them: on Pride and Prejudice one such full walk costs about 0.07 s,
a third of the time it takes to find the whole novel's dialogue. The kit's own structures hold no reference
cycles (the tests check that a run leaves none behind), so their memory is freed by reference counting alone and
the collector has nothing to find in them. While :func:`collector_paused` is active the collector does not run;
it is switched back on afterwards, exactly as it was.

Only the command line pauses it (:func:`workshop.cli.main.main` around the command, and each scene of a folder
run in its worker): a process that runs one command and exits. The library's functions never switch it: in a
notebook the collector belongs to the student's whole kernel (their own objects, other libraries' cycles),
which a function of the kit has no business stopping, even for a while.

Measured on the 20 MB critique (bench/pathological.py's big scene, ``python -m workshop critique``, two runs each
on a loaded 2-core machine): CPU 51.9 and 54.8 s paused, 61.8 and 59.9 s not paused (about 12% saved), the same
peak memory (577-627 MB). In a notebook the library now runs with the collector on: the slowest case of
tests/test_linear_time.py (find_dialogue on 100,000 script cues) takes 3.4 s of CPU instead of 2.7 s.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Within the block, the cyclic garbage collector does not run (restored afterwards, even on an error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
