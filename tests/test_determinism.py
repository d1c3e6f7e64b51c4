"""The same file gives byte-identical ``quotes`` output under any PYTHONHASHSEED.

Python salts the hash of every string per process, so the order in which a set of names is walked changes from
run to run. Any choice or tie that followed such an order (which of two characters a bare surname joins, which of
two equal candidates wins) made the speakers differ between runs. Each run here is a fresh process with its own
seed, without a cast file (so cast discovery runs too)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KITCHEN = Path(__file__).parent / "data" / "hollis_kitchen.txt"
"""A hand-written scene: a bare surname ("said Hollis") that a mother (Mrs. Hollis) and a daughter (Ada Hollis)
share, the case where the order the names were merged in once decided who spoke."""


def _quotes(path: Path, seed: int) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    done = subprocess.run(
        [sys.executable, "-m", "workshop", "quotes", str(path), "--format", "jsonl"],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.strip(), "no output"
    return done.stdout


def test_a_scene_without_a_cast_gives_the_same_output_under_every_hash_seed():
    outputs = {seed: _quotes(KITCHEN, seed) for seed in (0, 1, 2, 3, 4, 5)}
    assert len(set(outputs.values())) == 1, "the output depends on the hash seed"


@pytest.mark.slow
def test_a_novel_without_a_cast_gives_the_same_output_under_every_hash_seed(pdnc_dir):
    novel = pdnc_dir / "PrideAndPrejudice" / "text.txt"
    outputs = {seed: _quotes(novel, seed) for seed in (0, 1, 2, 3)}
    assert len(set(outputs.values())) == 1, "the output depends on the hash seed"
