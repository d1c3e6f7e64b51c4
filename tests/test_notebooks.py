"""Every classroom notebook runs top to bottom in a fresh kernel with the network cut off, in under 30 s.

The notebooks are committed without outputs and must agree with their sources in ``notebooks/src``.
"""

from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
EXPECTED = [
    "00-start-here", "01-finding-the-voices", "02-readability", "03-rhythm", "04-word-choice",
    "05-compare-characters", "06-against-the-references", "07-critique-summary", "08-the-whole-class",
]  # fmt: skip

NO_NETWORK = '''
import socket as _socket
_real_connect = _socket.socket.connect
def _loopback_only(self, address, *args):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost") and not host.startswith("/"):
        raise OSError(f"network access attempted from a notebook: {address!r}")
    return _real_connect(self, address, *args)
_socket.socket.connect = _loopback_only
'''
"""Run first in the kernel (and left out of the notebook files): any connection beyond loopback fails loudly."""


def test_the_nine_notebooks_are_there() -> None:
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_without_outputs_and_built_from_source(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name} has outputs"
    spec = importlib.util.spec_from_file_location("notebook_build", ROOT / "notebooks" / "build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert path.read_text(encoding="utf-8") == build.render(ROOT / "notebooks" / "src" / f"{path.stem}.py"), (
        f"{path.name} differs from notebooks/src/{path.stem}.py: run python notebooks/build.py"
    )


def _execute(path: Path, workdir: Path) -> tuple[nbformat.NotebookNode, float]:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(NO_NETWORK))
    started = time.perf_counter()
    # the working directory is a fresh folder, as a student's would be: nothing is written into the kit
    NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}).execute()
    return nb, time.perf_counter() - started


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> dict[str, tuple[nbformat.NotebookNode | None, float, BaseException | None]]:
    """Run all the notebooks, four kernels at a time (each in its own fresh kernel and folder)."""
    from concurrent.futures import ThreadPoolExecutor

    env_before = dict(os.environ)
    os.environ.update({"MPLBACKEND": "Agg", "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"})

    folders = {path: tmp_path_factory.mktemp(path.stem) for path in NOTEBOOKS}  # made here, not in the threads

    def run(path: Path):
        try:
            nb, seconds = _execute(path, folders[path])
            return path.stem, (nb, seconds, None)
        except BaseException as exc:  # reported by the notebook's own test
            return path.stem, (None, 0.0, exc)

    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            return dict(pool.map(run, NOTEBOOKS))
    finally:
        os.environ.clear()
        os.environ.update(env_before)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_offline(path: Path, executed) -> None:
    source = nbformat.read(path, as_version=4)
    first = source.cells[0]
    assert first.cell_type == "markdown" and "What you'll do" in first.source and "What you need" in first.source
    text = "\n".join(c.source for c in source.cells)
    assert "Your turn" in text and "Instructor notes" in text
    nb, seconds, error = executed[path.stem]
    if error is not None:
        raise error
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    stderr = [o.text for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "stream" and o.name == "stderr" and "Warning" in o.text]
    assert not stderr, stderr
    # measured while four notebooks run at once, so a notebook alone is faster still
    assert seconds < 30, f"{path.name} took {seconds:.1f} s"


def test_a_wrong_path_in_a_notebook_is_a_note_not_a_traceback(tmp_path: Path) -> None:
    """The commonest mistake: a scene (or cast) path that does not exist. The student sees the message only."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('from workshop.widgets import open_scene\nscene = open_scene("my-scene.txt")'),
        nbformat.v4.new_code_cell('scene = open_scene(cast="no-such-cast.toml")'),
        nbformat.v4.new_code_cell('{}["a key"]'),  # any other error keeps its usual traceback
    ]
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    scene_cell, cast_cell, other_cell = nb.cells
    for cell, message in [(scene_cell, "There is no file at my-scene.txt"),
                          (cast_cell, "There is no cast file at no-such-cast.toml")]:
        assert [o.output_type for o in cell.outputs] == ["display_data"], cell.outputs
        page = cell.outputs[0].data["text/html"]
        assert message in page and "Traceback" not in page and "WorkshopError" not in page
    assert [o.output_type for o in other_cell.outputs] == ["error"]
