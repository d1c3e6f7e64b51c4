"""A class's folder of 30 scenes for the batch tests: the team's own scenes (texts/), variants of them (renamed,
cut, curly quotes, Markdown, Windows line ends, Latin-1, with and without a cast file beside them), and three
broken on purpose (an empty file, a binary file, a scene with a malformed cast file beside it)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "texts"
TEAM = [TEXTS / "sample" / "the-lighthouse.txt", *sorted((TEXTS / "references").glob("*.txt"))]

BROKEN = {
    "zz-empty.txt": "empty",
    "zz-binary.txt": "binary",
    "zz-bad-cast.txt": "cast",
}
"""The scenes that cannot be done, and a word their one-line reason must contain."""


def curly(text: str) -> str:
    """Straight double quotes as curly ones, opening and closing in turn within each paragraph."""
    out = []
    for paragraph in text.split("\n\n"):
        opening, chars = True, []
        for ch in paragraph:
            if ch == '"':
                chars.append("\u201c" if opening else "\u201d")
                opening = not opening
            else:
                chars.append(ch)
        out.append("".join(chars))
    return "\n\n".join(out).replace("'", "\u2019")


def cut(text: str, share: float = 0.6) -> str:
    """The first ``share`` of the paragraphs: a scene handed in unfinished."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(paragraphs[: max(4, int(len(paragraphs) * share))]) + "\n"


def make_class_folder(folder: Path) -> dict[str, str | None]:
    """Write the 30 scenes into ``folder``; return each scene's file name -> the word its reason must contain
    (None for a scene that must be critiqued)."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str | None] = {}

    def scene(name: str, text: str | bytes, cast: Path | str | None = None) -> None:
        path = folder / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        if isinstance(cast, Path):
            shutil.copy(cast, path.with_name(path.stem + ".cast.toml"))
        elif isinstance(cast, str):
            path.with_name(path.stem + ".cast.toml").write_text(cast, encoding="utf-8")
        expected[name] = BROKEN.get(name)

    for n, source in enumerate(TEAM, 1):
        text = source.read_text(encoding="utf-8")
        cast = source.with_name(source.stem + ".cast.toml")
        scene(source.name, text, cast)  # as the team wrote it, with its cast file
        scene(f"student-{n:02d}.txt", text)  # renamed, no cast: the kit finds the characters
        scene(f"student-{n:02d}-cut.txt", cut(text), cast)
        scene(f"student-{n:02d}-curly.txt", curly(text))
        scene(f"student-{n:02d}.md", text)
    scene("student-06-windows.txt", TEAM[0].read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    scene("student-07-latin1.txt", curly(TEAM[1].read_text(encoding="utf-8")).replace("\u201c", '"')
          .replace("\u201d", '"').replace("\u2019", "'").replace("e", "\u00e9", 3).encode("latin-1"))
    scene("zz-empty.txt", b"")
    scene("zz-binary.txt", bytes(range(256)) * 8)
    scene("zz-bad-cast.txt", TEAM[0].read_text(encoding="utf-8"), "[[character]]\nname = \n")
    return expected
