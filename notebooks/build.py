"""Build the classroom notebooks (``NN-name.ipynb``) from their sources in ``src/`` (``NN-name.py``).

The sources are plain Python files split into cells by ``# %%`` lines (``# %% [markdown]`` for text, whose lines
start with ``# ``), so the lessons can be read and reviewed as text. Run ``python notebooks/build.py`` after editing
a source; ``tests/test_notebooks.py`` checks that the notebooks agree with their sources. The notebooks are
written without outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent


def cells_of(source: str) -> list[nbformat.NotebookNode]:
    cells: list[nbformat.NotebookNode] = []
    kind, lines = None, []

    def flush() -> None:
        if kind is None:
            return
        text = "\n".join(lines).strip("\n")
        if kind == "markdown":
            text = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in text.splitlines())
            cells.append(nbformat.v4.new_markdown_cell(text))
        else:
            cells.append(nbformat.v4.new_code_cell(text))

    for line in source.splitlines():
        if line.startswith("# %%"):
            flush()
            kind, lines = ("markdown" if "[markdown]" in line else "code"), []
        else:
            lines.append(line)
    flush()
    return cells


SCENE_MARK = "# %% [scene]"
"""A line in a source replaced by ``src/_scene_cell.txt``: the same "your scene" cells in every notebook."""


def build(src: Path) -> nbformat.NotebookNode:
    source = src.read_text(encoding="utf-8")
    if SCENE_MARK in source:
        source = source.replace(SCENE_MARK, (src.parent / "_scene_cell.txt").read_text(encoding="utf-8").strip())
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = cells_of(source)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{src.stem[:2]}-{i:02d}"
    return nb


def render(src: Path) -> str:
    return nbformat.writes(build(src)) + "\n"


def main() -> int:
    for src in sorted((HERE / "src").glob("*.py")):
        (HERE / f"{src.stem}.ipynb").write_text(render(src), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
