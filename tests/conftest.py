"""Shared fixtures: paths to the seed scene and the annotated novels beside the repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "scenes" / "safehouse.txt"
PDNC = SHARED / "pdnc"
GOLD = ROOT / "tests" / "data" / "safehouse.gold.json"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/scenes/safehouse.txt is not beside the repository")
    return SEED


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pdnc_dir() -> Path:
    if not PDNC.exists():
        pytest.skip("../shared/pdnc is not beside the repository")
    return PDNC
