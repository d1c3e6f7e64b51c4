"""The whole kit runs with the network unplugged: any attempt to connect or download fails the test."""

from __future__ import annotations

import socket

import pytest
from conftest import NetworkUsed

from workshop.cli.main import main


def test_guard_really_blocks(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    no_network.clear()


COMMANDS = [
    ["quotes", "{seed}", "--format", "jsonl"],
    ["profile", "{seed}", "--format", "json"],
    ["compare", "{seed}", "--format", "json"],
    ["critique", "{seed}", "--format", "html", "-o", "{tmp}/critique.html"],
    ["critique", "--format", "md", "-o", "{tmp}/sample.md"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_runs_offline(no_network, command, seed_path, tmp_path, capsys):
    name = command[0]
    pytest.importorskip(f"workshop.cli.{name}")
    argv = [part.format(seed=seed_path, tmp=tmp_path) for part in command]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out or (tmp_path / argv[-1].rsplit("/", 1)[-1]).exists()
