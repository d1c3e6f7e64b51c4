"""The teacher's overview of a folder in a real browser (headless Debian Chromium): the table shows every scene,
an unreadable one with its reason, and a scene's link opens its critique with its pictures.

Screenshots go to pytest's tmp dir (and to $VW_ARTIFACTS when it is set), like the other browser tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser_support import chromium_page, keep_artifact, missing_browser_tools
from class_folder import TEAM
from workshop.cli.main import main

pytestmark = pytest.mark.browser
_missing = missing_browser_tools()
if _missing:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=f"browser test skipped: {_missing}")]


def test_the_overview_page_shows_the_class_and_links_each_critique(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    folder = tmp_path / "week 3 <draft>"  # a space and characters that must be escaped and quoted in links
    folder.mkdir()
    lighthouse = TEAM[0]
    shutil.copy(lighthouse, folder / "Mara's scene.txt")
    shutil.copy(lighthouse.with_name(lighthouse.stem + ".cast.toml"), folder / "Mara's scene.cast.toml")
    teenager = next(p for p in TEAM if p.stem == "the-teenager")
    shutil.copy(teenager, folder / "jonah.md")
    (folder / "ruth.txt").write_bytes(b"")
    out = tmp_path / "marked"
    assert main(["critique", str(folder), "-o", str(out), "--format", "html"]) == 0

    with chromium_page(viewport=(1280, 900)) as page:
        page.goto(out.joinpath("index.html").as_uri())
        expect(page.locator("h1")).to_contain_text("Critiques: week 3 <draft>")
        expect(page.locator("#counts")).to_have_text("3 scenes: 2 critiqued, 1 could not be critiqued.")
        rows = page.locator("#overview tbody tr")
        expect(rows).to_have_count(3)
        cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(3)]
        assert [c[0] for c in cells] == ["jonah.md", "Mara's scene.txt", "ruth.txt"]
        assert cells[1][1].startswith(("Owen ", "Agnes ")) and "distinctiveness" in cells[1][2]
        assert ": " in cells[1][3] and cells[1][4] == "0 of 37 (0%)"
        assert "empty" in cells[2][5] and rows.nth(2).locator("a").count() == 0
        shot = tmp_path / "batch-overview.png"
        page.screenshot(path=str(shot), full_page=True)
        keep_artifact(shot)

        rows.nth(1).locator("a").click()
        expect(page.locator("h1")).to_have_text("Voice critique: Mara's scene")
        assert page.url.endswith("Mara%27s%20scene.html")
        pictures = page.locator("img")
        assert pictures.count() >= 2
        assert all(pictures.nth(i).evaluate("img => img.complete && img.naturalWidth > 100")
                   for i in range(pictures.count()))
        shot = tmp_path / "batch-critique.png"
        page.screenshot(path=str(shot))
        keep_artifact(shot)
        page.go_back()
        expect(page.locator("#overview tbody tr")).to_have_count(3)
