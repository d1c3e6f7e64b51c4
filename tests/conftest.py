"""Shared fixtures: paths to the seed scene and the annotated novels beside the repository."""

from __future__ import annotations

import importlib
import json
import socket
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


class NetworkUsed(AssertionError):
    """Raised by the ``no_network`` fixture when anything tries to connect or download."""


@pytest.fixture
def no_network(monkeypatch):
    """Unplug the network for one test: connecting, resolving a host or ``nltk.download`` fails the test.

    Yields the list of attempts (empty at the end, or the test fails)."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise NetworkUsed(f"network access attempted: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(importlib.import_module("nltk"), "download", refuse)
    yield attempts
    assert attempts == [], f"the kit tried to reach the network: {attempts}"
