"""Notebook 05 in a real browser: JupyterLab and Voilà on 127.0.0.1, driven through Debian's Chromium.

A student opens the notebook, runs every cell, picks another character in the comparison widget and should see
the comparison change. Screenshots go to pytest's tmp dir (and to $VW_ARTIFACTS when it is set).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import browser_support
from browser_support import KERNEL_READY, chromium_page, jupyter_lab, keep_artifact, missing_browser_tools, voila

pytestmark = pytest.mark.browser

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "05-compare-characters.ipynb"
_missing = missing_browser_tools()
if _missing:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=f"browser test skipped: {_missing}")]

WIDGET = ".vw-comparison"
MY_SCENE = (
    '"Where were you?" asked Mara.\n\n"Out," said Jonah. "Walking. Thinking."\n\n'
    '"All night? Without a word to anyone? Do you know what that did to me?" asked Mara.\n\n"Yes," said Jonah.\n'
)
RESULT = ".vw-comparison .vw-result"


def _copy_notebook(tmp_path: Path) -> Path:
    """Lab autosaves outputs, and the widget may write a corrections file: always work on a copy."""
    target = tmp_path / NOTEBOOK.name
    shutil.copy2(NOTEBOOK, target)
    return target


def _change_character(page, timings: dict[str, float]) -> tuple[str, str]:
    """Pick the other character in the first dropdown; return the comparison text before and after."""
    from playwright.sync_api import expect

    result = page.locator(RESULT).first
    expect(result).to_contain_text("against", timeout=30_000)
    before = result.inner_text()
    picture = page.locator(f"{WIDGET} img").first
    picture_before = picture.get_attribute("src")
    first = page.locator(f"{WIDGET} .widget-dropdown select").first
    options = first.locator("option").all_inner_texts()
    current = first.evaluate("el => el.options[el.selectedIndex].text")
    others = [o for o in options if o != current]
    assert others, f"the comparison offers only one character to pick: {options}"
    started = time.perf_counter()
    first.select_option(label=others[0])
    expect(result).to_contain_text(f"{others[0]} against", timeout=10_000)
    timings["change"] = time.perf_counter() - started
    after = result.inner_text()
    expect(picture).not_to_have_attribute("src", picture_before or "", timeout=5_000)  # the picture redrew too
    # and the family of measures: word choice brings the hedges
    page.locator(f"{WIDGET} .widget-toggle-buttons button", has_text="Word choice").click()
    expect(result).to_contain_text("Hedges", timeout=5_000)
    return before, after


def _screenshot(page, tmp_path: Path, name: str, *, full_page: bool = False) -> Path:
    """What a student sees: the page scrolled so that the widget's top is at the top of the window.

    (JupyterLab scrolls the notebook inside its own panel, so a full-page or element screenshot would not show
    what is on screen; Voila is an ordinary page, so the whole page can be captured.)
    """
    page.locator(WIDGET).first.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=full_page)
    keep_artifact(path)
    return path


def test_notebook_05_in_jupyterlab(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    notebook = _copy_notebook(tmp_path)
    timings: dict[str, float] = {}
    with jupyter_lab(tmp_path) as server, chromium_page() as page:
        timings["server"] = server.started_seconds
        started = time.perf_counter()
        page.goto(server.page_url(f"/lab/tree/{notebook.name}"))
        page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=30_000)
        page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first.wait_for(timeout=30_000)
        page.wait_for_function(KERNEL_READY, timeout=30_000)
        timings["open"] = time.perf_counter() - started
        started = time.perf_counter()
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        expect(page.locator(RESULT).first).to_contain_text("against", timeout=30_000)
        timings["run all"] = time.perf_counter() - started
        before, after = _change_character(page, timings)
        assert before != after
        shot = _screenshot(page, tmp_path, "notebook-05-jupyterlab.png")
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
        assert errors == 0, f"a cell wrote to stderr:\n{page.locator('.jp-OutputArea-output').all_inner_texts()}"
        started_here = [server.process.pid, *browser_support._children(server.process.pid)]
    assert len(started_here) >= 2, "the notebook's kernel should be a child of the server"
    _assert_all_stopped(started_here)
    print(f"\nJupyterLab timings (s): {timings}; screenshot: {shot}")


def test_notebook_05_as_voila_app(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    notebook = _copy_notebook(tmp_path)
    timings: dict[str, float] = {}
    with voila(notebook) as server, chromium_page() as page:
        timings["server"] = server.started_seconds
        started = time.perf_counter()
        page.goto(server.page_url("/"))
        expect(page.locator(RESULT).first).to_contain_text("against", timeout=30_000)
        timings["render"] = time.perf_counter() - started
        # A code-free app: no code cell is shown.
        body = page.inner_text("body")
        assert "open_scene(" not in body and "ComparisonWidget(" not in body
        before, after = _change_character(page, timings)
        assert before != after
        shot = _screenshot(page, tmp_path, "notebook-05-voila.png", full_page=True)
        # a student brings their own scene into the app: upload it, and the comparison follows
        mine = tmp_path / "my-draft.txt"
        mine.write_text(MY_SCENE, encoding="utf-8")
        started = time.perf_counter()
        with page.expect_file_chooser() as chooser:
            page.locator(".vw-upload .widget-upload").click()
        chooser.value.set_files(str(mine))
        expect(page.locator(RESULT).first).to_contain_text("Jonah", timeout=15_000)
        timings["upload"] = time.perf_counter() - started
        expect(page.locator(".vw-upload-status").first).to_contain_text("my-draft (your scene)")
        _screenshot(page, tmp_path, "notebook-05-voila-upload.png")
        started_here = [server.process.pid, *browser_support._children(server.process.pid)]
    _assert_all_stopped(started_here)
    print(f"\nVoila timings (s): {timings}; screenshot: {shot}")


def _assert_all_stopped(pids: list[int]) -> None:
    left = [pid for pid in pids if browser_support._alive(pid)]
    assert not left, f"still running after the test: {left}"
    assert not browser_support._RUNNING


def test_an_interrupted_test_leaves_no_server_or_kernel_running(tmp_path: Path) -> None:
    """A stand-in server that starts a 'kernel' in a session of its own (as Jupyter does); the test body is
    interrupted (Ctrl+C); the server, its group and the kernel are all gone afterwards."""
    import subprocess
    import sys

    server_code = (
        "import subprocess, sys, time\n"
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'], start_new_session=True)\n"
        "time.sleep(60)\n"
    )
    seen: list[int] = []
    with pytest.raises(KeyboardInterrupt):
        with browser_support._server([sys.executable, "-c", server_code], cwd=tmp_path, env=dict(__import__("os").environ),
                                     log=tmp_path / "server.log") as process:
            assert isinstance(process, subprocess.Popen) and process.pid in browser_support._RUNNING
            deadline = time.monotonic() + 10
            while not browser_support._children(process.pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            seen = [process.pid, *browser_support._children(process.pid)]
            raise KeyboardInterrupt
    assert len(seen) == 2
    _assert_all_stopped(seen)
