"""Notebook 01 in a real browser with a first-person scene: the writer confirms the cast, naming the narrator, and
the kit then attributes the lines (the editor and the critique change). Also the critique page and the cast
editor in the Voilà app, with screenshots (pytest's tmp dir, and $VW_ARTIFACTS when it is set)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser_support import KERNEL_READY, chromium_page, jupyter_lab, keep_artifact, missing_browser_tools, voila

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_01 = ROOT / "notebooks" / "01-finding-the-voices.ipynb"
NOTEBOOK_05 = ROOT / "notebooks" / "05-compare-characters.ipynb"
_missing = missing_browser_tools()
if _missing:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=f"browser test skipped: {_missing}")]

KITCHEN = '''I woke before the alarm. The kitchen was cold, and Joe was already at the table with the paper.

"You're up early," Joe said.

I put the kettle on. "Couldn't sleep."

He turned a page. "Are you going to tell me?"

I shrugged and looked out at the rain. "Tell you what? There's nothing to tell."

He folded the paper and looked at me for a long time. "You always say that."

"Because it's always true," I said.
'''


def _notebook_on(tmp_path: Path, source: Path, scene: str) -> Path:
    """A copy of the notebook whose scene cell opens ``scene`` (Lab autosaves outputs: never the kit's own file)."""
    nb = json.loads(source.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "code" and text.startswith("SCENE = None"):
            cell["source"] = text.replace("SCENE = None", f"SCENE = {scene!r}", 1)
    target = tmp_path / source.name
    target.write_text(json.dumps(nb), encoding="utf-8")
    return target


def _shot(page, tmp_path: Path, selector: str, name: str) -> Path:
    page.locator(selector).first.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    path = tmp_path / name
    page.screenshot(path=str(path))
    keep_artifact(path)
    return path


def test_confirming_a_first_person_cast_in_notebook_01(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    (tmp_path / "kitchen.txt").write_text(KITCHEN, encoding="utf-8")
    notebook = _notebook_on(tmp_path, NOTEBOOK_01, "kitchen.txt")
    with jupyter_lab(tmp_path) as server, chromium_page() as page:
        page.goto(server.page_url(f"/lab/tree/{notebook.name}"))
        page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=30_000)
        page.wait_for_function(KERNEL_READY, timeout=30_000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        editor = page.locator(".vw-cast-editor").first
        expect(editor).to_contain_text("Save the cast", timeout=60_000)
        status = page.locator(".vw-editor .vw-status").first
        expect(status).to_contain_text("with no speaker", timeout=30_000)
        _shot(page, tmp_path, ".vw-cast-editor", "notebook-01-cast-before.png")
        # the kit found Joe and an unnamed narrator; the writer names the narrator Sam (and keeps the tick)
        narrator = editor.locator(".vw-cast-row input[type='checkbox']:checked")
        expect(narrator).to_have_count(1, timeout=10_000)
        ticked = page.locator("input[type='checkbox']:checked")
        row = editor.locator(".vw-cast-row", has=ticked).first
        name_box = row.locator(".widget-text input").first
        name_box.fill("Sam")
        name_box.press("Enter")
        expect(editor.locator(".vw-cast-row input[type='checkbox']:checked")).to_have_count(1, timeout=10_000)
        sam = editor.locator(".vw-cast-row", has=ticked).first
        expect(sam.locator(".widget-text input").first).to_have_value("Sam", timeout=10_000)
        editor.locator("button", has_text="Save the cast").click()
        saved = page.locator(".vw-cast-status").first
        expect(saved).to_contain_text("kitchen.cast.toml", timeout=30_000)
        expect(saved).to_contain_text("Sam", timeout=5_000)
        # the line list follows the new cast: the narrator's lines are now Sam's
        expect(page.locator(".vw-editor select").first).to_be_visible()
        page.wait_for_function("() => [...document.querySelectorAll('.vw-editor select')].some("
                               "s => s.options[s.selectedIndex] && s.options[s.selectedIndex].text === 'Sam')",
                               timeout=30_000)
        shot = _shot(page, tmp_path, ".vw-cast-editor", "notebook-01-cast-saved.png")
    cast_file = tmp_path / "kitchen.cast.toml"
    assert "narrator = true" in cast_file.read_text(encoding="utf-8")
    # every command afterwards uses it: the critique now names the narrator and gives them lines
    done = subprocess.run([sys.executable, "-m", "workshop", "critique", "kitchen.txt"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "(Using the cast file beside the scene: kitchen.cast.toml.)" in done.stderr
    assert "Sam (narrator)" in done.stdout and "- Sam:" in done.stdout and "Narrator:" not in done.stdout, done.stdout
    assert "How Joe and Sam differ" in done.stdout or "How Sam and Joe differ" in done.stdout
    print(f"\nscreenshot: {shot}")


def test_the_app_shows_the_cast_and_the_comparison_leads_with_the_scene(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    target = tmp_path / NOTEBOOK_05.name
    shutil.copy2(NOTEBOOK_05, target)
    with voila(target) as server, chromium_page() as page:
        page.goto(server.page_url("/"))
        result = page.locator(".vw-comparison .vw-result").first
        expect(result).to_contain_text("Owen and Agnes differ", timeout=60_000)
        expect(page.locator(".vw-cast-editor").first).to_contain_text("Owen")
        body = page.inner_text("body")
        assert "--keep-notes" not in body and "open_scene(" not in body
        path = tmp_path / "notebook-05-voila-cast.png"
        page.screenshot(path=str(path), full_page=True)
        keep_artifact(path)


def test_the_critique_page_in_a_browser(tmp_path: Path, seed_path: Path) -> None:
    """The seed scene's HTML critique as a student opens it: the differences first, the statistics folded."""
    from playwright.sync_api import expect

    page_file = tmp_path / "critique.html"
    done = subprocess.run([sys.executable, "-m", "workshop", "critique", str(seed_path), "--format", "html", "-o",
                           str(page_file)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    with chromium_page() as page:
        page.goto(page_file.as_uri())
        headings = page.locator("h2").all_inner_texts()
        assert headings[:2] == ["Who talks", "How Natasha and Bruce differ"]
        expect(page.locator("details.vw-teacher").first).not_to_have_attribute("open", "")
        assert not page.locator("details.vw-teacher ul").first.is_visible()  # one click away
        path = tmp_path / "critique-seed.png"
        page.screenshot(path=str(path), full_page=True)
        keep_artifact(path)
