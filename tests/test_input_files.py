"""Reading the scene a writer names: devices, pipes and sockets are refused, bad paths are one line, the bytes
read are capped whatever size the filesystem reports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from limits import time_limit

from workshop.errors import WorkshopError
from workshop.text.scene import read_scene

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "scene.txt"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path):
    path = tmp_path / "scene.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def test_a_device_is_refused_before_anything_is_read():
    with time_limit(10), pytest.raises(WorkshopError, match="is a device"):
        read_scene("/dev/zero")  # its reported size is 0: the old size check let it through to read for ever


def test_a_named_pipe_with_no_writer_does_not_hang(fifo):
    with time_limit(10), pytest.raises(WorkshopError, match="is a named pipe"):
        read_scene(fifo)


def test_a_socket_is_refused(unix_socket):
    with pytest.raises(WorkshopError, match="is a socket"):
        read_scene(unix_socket)


def test_a_path_through_a_file_names_the_file(tmp_path):
    (tmp_path / "chapter.txt").write_text("Hello.", encoding="utf-8")
    with pytest.raises(WorkshopError, match="chapter.txt is a file, not a folder"):
        read_scene(tmp_path / "chapter.txt" / "scene.txt")


def test_an_unreadable_file_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "scene.txt"
    path.write_text("Hello.", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)  # (the tests may run as root, which no file mode stops)
    with pytest.raises(WorkshopError, match="permission denied"):
        read_scene(path)


def test_a_file_name_too_long_is_one_line(tmp_path):
    with pytest.raises(WorkshopError, match="File name too long"):
        read_scene(tmp_path / ("a" * 300 + ".txt"))


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux /proc")
def test_the_cap_is_on_bytes_read_not_on_the_size_reported():
    from workshop.files.input_files import read_file_bytes

    path = Path("/proc/self/maps")  # a regular file whose reported size is 0
    assert path.stat().st_size == 0
    assert len(read_file_bytes(path, limit=40)) == 41
    with pytest.raises(WorkshopError, match="larger than"):
        read_scene(path, max_bytes=40)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("which", ["/dev/zero", "fifo", "socket", "under a file", "long name"])
def test_the_command_line_says_one_line_and_exits_2(which, request, tmp_path):
    (tmp_path / "chapter.txt").write_text("Hello.", encoding="utf-8")
    path = {
        "/dev/zero": "/dev/zero",
        "fifo": str(request.getfixturevalue("fifo")) if which == "fifo" else "",
        "socket": str(request.getfixturevalue("unix_socket")) if which == "socket" else "",
        "under a file": str(tmp_path / "chapter.txt" / "scene.txt"),
        "long name": str(tmp_path / ("a" * 300)),
    }[which]
    result = _cli("critique", path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("voice-workshop: ")
    assert "Traceback" not in result.stderr and "something went wrong inside the kit" not in result.stderr
