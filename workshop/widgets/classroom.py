"""The teacher's view of a whole class: the overview table, the class picture, and any student's critique.

:class:`ClassOverview` presents what :func:`workshop.report.classroom.read_class` computes: one row per scene (who
talks, how distinct, the strongest contrast, lines without a speaker, or why a scene could not be read), every
character on the two measures that spread the class most (in the measures' own units, with a caption that says
why these two; optionally with the middle half of a norms set shaded for context), and a chooser that opens a student's critique (the same
page ``critique FOLDER -o OUTDIR --format html`` writes, shown in a frame so its styles stay its own).
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from workshop.report.class_plot import class_picture_svg
from workshop.report.classroom import MIN_WORDS, ClassResults, read_class
from workshop.report.overview import talk_words, unattributed_words


def demo_class_folder() -> Path:
    """The kit's demo class (``texts/class``): five short scenes written for the kit after one exercise."""
    from workshop.text.samples import texts_dir

    return texts_dir() / "class"


class ClassOverview(w.VBox):
    """A class's folder at a glance. ``.table``, ``.picture`` and ``.critique`` hold what is shown (a test reads
    them); ``.choice`` picks the student's critique to open; ``.results`` is everything computed.

    ``norms``: the norms file each critique compares with. ``band``: shade the middle half of a norms set in the
    picture for context, ``"classic"`` (the kit's characters in classic novels) or a norms file; off by default,
    because the class's own spread is the picture's point."""

    def __init__(self, folder: str | Path | None = None, *, norms: str | Path | None = None,
                 against: str | None = None, band: str | Path | None = None) -> None:
        from workshop.compare.norms.file import load_norms_file

        table = load_norms_file(norms) if norms is not None else None
        context = None
        if band is not None:
            from workshop.compare.norms.table import load_norms

            context = load_norms() if str(band) == "classic" else load_norms_file(band)
        self.folder = Path(folder) if folder is not None else demo_class_folder()
        self.results: ClassResults = read_class(self.folder, norms=table, against=against)
        done = self.results.critiqued
        self.heading = w.HTML(_heading(self.results))
        self.table = w.HTML(overview_table_html(self.results))
        self.table.add_class("vw-class-table")
        self.picture = w.Image(value=class_picture_svg(self.results, band=context).encode("utf-8"),
                               format="svg+xml", layout=w.Layout(max_width="900px", width="100%"))
        self.picture.add_class("vw-class-picture")
        self.measures = w.HTML(_measures_note(self.results))
        self.choice = w.Dropdown(options=done or [("(no scene could be critiqued)", "")], description="Open the critique of",
                                 style={"description_width": "initial"}, layout=w.Layout(width="520px"))
        self.critique = w.HTML()
        self.critique.add_class("vw-class-critique")
        self.choice.observe(lambda _c: self.show(self.choice.value), names="value")
        super().__init__([self.heading, self.table, self.measures, self.picture, self.choice, self.critique])
        self.add_class("vw-class-overview")
        if done:
            self.show(done[0])

    def show(self, name: str) -> None:
        """Show the critique of the scene ``name`` (a file name of the folder)."""
        if not name:
            self.critique.value = ""
            return
        page = self.results.scene(name).html()
        self.critique.value = (f"<iframe class='vw-critique-frame' title='Critique of {html.escape(name)}' "
                               f"srcdoc='{html.escape(page, quote=True)}' style='width:100%;height:640px;"
                               "border:1px solid #ccc'></iframe>")


def _heading(results: ClassResults) -> str:
    done, total = len(results.critiqued), len(results.scenes)
    failed = total - done
    return (f"<h3>{html.escape(results.folder.name)}: {total} scene{'' if total == 1 else 's'}, {done} critiqued"
            + (f", {failed} could not be read" if failed else "") + "</h3>"
            + (f"<p>The critiques compare with {html.escape(results.norms)}.</p>" if results.norms else ""))


def overview_table_html(results: ClassResults) -> str:
    """The overview's table (the columns of ``index.html``), every text from the scenes escaped."""
    head = ["Scene", "Who talks", "How distinct", "Strongest contrast", "Lines without a speaker",
            "Could not be read"]
    rows = []
    for s in results.scenes:
        cells = [s.name, *((talk_words(s.summary), s.summary.distinct or "—", s.summary.contrast or "—",
                            unattributed_words(s.summary)) if s.summary else ("—",) * 4), s.problem or ""]
        rows.append("<tr>" + "".join(f"<td style='padding:4px 8px;border-top:1px solid #ddd;vertical-align:top'>"
                                     f"{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    return ("<table style='border-collapse:collapse;font-size:14px'><thead><tr>"
            + "".join(f"<th style='text-align:left;padding:4px 8px'>{h}</th>" for h in head)
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _measures_note(results: ClassResults) -> str:
    """One line above the picture; the caption under it says why these two measures and which points are hollow."""
    metrics = results.spread(2)
    if len(metrics) < 2:
        return "<p>Too few characters have enough words to draw the class.</p>"
    return (f"<p>Each point is a character with at least {MIN_WORDS} words, at their own values on the two measures "
            "that spread this class most; the caption under the picture says why these two.</p>")
