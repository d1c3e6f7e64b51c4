"""Notebook 08 (the teacher's view of a class) in a real browser: JupyterLab and Voilà on 127.0.0.1, driven through
Debian's Chromium. The teacher runs every cell, reads the overview of the demo class, sees the class picture, and
opens a student's critique. Screenshots go to pytest's tmp dir (and to $VW_ARTIFACTS when it is set)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from browser_support import KERNEL_READY, chromium_page, jupyter_lab, keep_artifact, missing_browser_tools, voila

pytestmark = pytest.mark.browser

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "08-the-whole-class.ipynb"
_missing = missing_browser_tools()
if _missing:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=f"browser test skipped: {_missing}")]

VIEW = ".vw-class-overview"
SCENES = ["amira.txt", "ben.txt", "chloe.txt", "dev.md", "eli.txt"]


def _copy_notebook(tmp_path: Path) -> Path:
    target = tmp_path / NOTEBOOK.name  # Lab autosaves outputs: always work on a copy
    shutil.copy2(NOTEBOOK, target)
    return target


def _shot(page, tmp_path: Path, name: str, selector: str, *, full_page: bool = False) -> Path:
    page.locator(selector).first.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=full_page)
    keep_artifact(path)
    return path


def _read_the_class(page, tmp_path: Path, app: str, timings: dict[str, float]) -> list[Path]:
    """The overview lists every scene, the picture is drawn, and choosing a scene opens its critique."""
    from playwright.sync_api import expect

    table = page.locator(f"{VIEW} .vw-class-table").first
    expect(table).to_contain_text("eli.txt", timeout=60_000)
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(SCENES))
    assert [rows.nth(i).locator("td").first.inner_text() for i in range(len(SCENES))] == SCENES
    expect(rows.nth(1)).to_contain_text("distinctiveness 0.0")  # the flatmates who sound alike
    expect(page.locator(f"{VIEW} h3").first).to_contain_text("5 scenes, 5 critiqued")
    picture = page.locator(f"{VIEW} .vw-class-picture").first
    assert picture.evaluate("img => img.complete && img.naturalWidth > 400")
    # the class's own values in the measures' units, why these two, and the short characters drawn hollow
    svg = picture.evaluate("img => fetch(img.src).then(r => r.text())")
    assert "percentile" not in svg and "(per 100 words)" in svg and "differ most" in svg
    assert "Hollow points have too little text" in svg and svg.count("vw-class-hollow") >= 1
    expect(page.locator(f"{VIEW}").first).to_contain_text("the caption under the picture says why these two")
    shots = [_shot(page, tmp_path, f"notebook-08-{app}-overview.png", f"{VIEW} .vw-class-table")]
    shots.append(_shot(page, tmp_path, f"notebook-08-{app}-picture.png", f"{VIEW} .vw-class-picture"))

    frame = page.frame_locator(f"{VIEW} .vw-critique-frame").first
    expect(frame.locator("h1")).to_contain_text("Voice critique: amira", timeout=30_000)
    started = time.perf_counter()
    page.locator(f"{VIEW} .widget-dropdown select").first.select_option("eli.txt")
    expect(frame.locator("h1")).to_contain_text("Voice critique: eli", timeout=30_000)
    timings["open a critique"] = time.perf_counter() - started
    expect(frame.locator("body")).to_contain_text("Walt")
    shots.append(_shot(page, tmp_path, f"notebook-08-{app}-critique.png", f"{VIEW} .vw-critique-frame"))
    return shots


def test_notebook_08_in_jupyterlab(tmp_path: Path) -> None:
    notebook = _copy_notebook(tmp_path)
    timings: dict[str, float] = {}
    with jupyter_lab(tmp_path) as server, chromium_page(viewport=(1400, 1000)) as page:
        page.goto(server.page_url(f"/lab/tree/{notebook.name}"))
        page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=30_000)
        page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first.wait_for(timeout=30_000)
        page.wait_for_function(KERNEL_READY, timeout=30_000)
        started = time.perf_counter()
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        shots = _read_the_class(page, tmp_path, "jupyterlab", timings)
        timings["run all and read"] = time.perf_counter() - started
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
        assert errors == 0, f"a cell wrote to stderr:\n{page.locator('.jp-OutputArea-output').all_inner_texts()}"
        assert page.locator(".jp-RenderedHTMLCommon table").count() >= 2  # the two tables below the widget
    print(f"\nJupyterLab timings (s): {timings}; screenshots: {[str(s) for s in shots]}")


def test_notebook_08_as_voila_app(tmp_path: Path) -> None:
    notebook = _copy_notebook(tmp_path)
    timings: dict[str, float] = {}
    with voila(notebook) as server, chromium_page(viewport=(1400, 1000)) as page:
        started = time.perf_counter()
        page.goto(server.page_url("/"))
        shots = _read_the_class(page, tmp_path, "voila", timings)
        timings["render and read"] = time.perf_counter() - started
        assert "ClassOverview(" not in page.inner_text("body")  # a code-free app
    print(f"\nVoila timings (s): {timings}; screenshots: {[str(s) for s in shots]}")
