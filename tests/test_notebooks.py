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


def strip_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook as committed: no outputs, no execution counts, no metadata JupyterLab adds when it saves."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata = {k: v for k, v in cell.metadata.items() if k not in ("execution", "scrolled", "collapsed")}
    return nb


def _committed(path: Path) -> str | None:
    """The notebook as the last commit holds it, or None outside a git checkout."""
    import subprocess

    try:
        done = subprocess.run(["git", "show", f"HEAD:notebooks/{path.name}"], cwd=ROOT, capture_output=True,
                              text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _build():
    spec = importlib.util.spec_from_file_location("notebook_build", ROOT / "notebooks" / "build.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_without_outputs_and_built_from_source(path: Path) -> None:
    """The committed notebook has no outputs, and the notebook agrees with its source once outputs are set aside:
    JupyterLab autosaves outputs into the working file while a class uses it, and that must not fail the tests."""
    built = _build().render(ROOT / "notebooks" / "src" / f"{path.stem}.py")
    working = strip_outputs(nbformat.read(path, as_version=4))
    assert [c.source for c in working.cells] == [c.source for c in nbformat.reads(built, as_version=4).cells], (
        f"{path.name} differs from notebooks/src/{path.stem}.py: run python notebooks/build.py"
    )
    committed = _committed(path)
    if committed is not None:
        for cell in nbformat.reads(committed, as_version=4).cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, f"{path.name} was committed with outputs"


def test_a_notebook_with_autosaved_outputs_still_passes(tmp_path: Path) -> None:
    """What JupyterLab leaves after a class: outputs and counts in the working file. The check above ignores them."""
    path = NOTEBOOKS[1]
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [nbformat.v4.new_output("stream", text="Owen 327 words\n")]
            cell.execution_count = 3
    saved = strip_outputs(nb)
    built = nbformat.reads(_build().render(ROOT / "notebooks" / "src" / f"{path.stem}.py"), as_version=4)
    assert [c.source for c in saved.cells] == [c.source for c in built.cells]
    assert all(c.outputs == [] for c in saved.cells if c.cell_type == "code")


def test_a_pasted_scene_ending_in_a_quotation_mark_runs(tmp_path: Path, monkeypatch) -> None:
    """Most scenes end on a line of dialogue: pasted as the scene cell says (on the empty line between the triple
    quotes), the cell is still valid Python and the scene is the text as pasted."""
    monkeypatch.chdir(tmp_path)
    cell = next(c.source for c in nbformat.read(NOTEBOOKS[1], as_version=4).cells
                if c.cell_type == "code" and "PASTED" in c.source and "SCENE = None" in c.source)
    scene_text = '"Where were you?" asked Ann.\n\n"Out," said Tom. "Just out."'
    lines = cell.split("\n")
    empty = lines.index("", lines.index('PASTED = r"""'))
    pasted = "\n".join(lines[:empty] + [scene_text] + lines[empty + 1 :])
    namespace: dict = {}
    exec(compile(pasted, "scene-cell", "exec"), namespace)  # a SyntaxError here is the trap
    from workshop.widgets import open_scene

    scene = open_scene(namespace["SCENE"], text=namespace["PASTED"], cast=namespace["CAST"])
    assert scene.scene.text.rstrip("\n") == scene_text
    assert set(scene.characters) == {"Ann", "Tom"}


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
