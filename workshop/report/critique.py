"""The critique summary, in one import for notebooks, widgets and the command.

The pieces live in modules with one job each:

* :mod:`workshop.report.talk` — who talks and how much; :mod:`workshop.report.voices` — the voices to compare
  (scene characters, reference characters) and how to compare or place them;
* :mod:`workshop.report.views` — what the comparison widget and the notebooks' tables show;
* :mod:`workshop.report.quoting` — example lines, always spans of the scene as written;
* :mod:`workshop.report.model` — the critique as dataclasses; :mod:`workshop.report.build` builds it;
* :mod:`workshop.report.formats` — the registry of export formats (md, html, txt, json, csv), one module each;
* :mod:`workshop.report.write` — writing a file whole or not at all.
"""

from __future__ import annotations

from workshop.report.build import SMALL_SCENE_WORDS, build_critique, critique_pictures, distinctive_word_lists, too_little_for
from workshop.report.formats import EXPORT_FORMATS, FORMATS, ExportFormat, export_format, render
from workshop.report.formats.html_format import render_html
from workshop.report.formats.markdown import render_markdown
from workshop.report.formats.csv_format import render_csv
from workshop.report.formatting import fmt, md_escape as _md
from workshop.report.model import CharacterSection, Critique, Highlight, PairSection
from workshop.report.quoting import example_lines
from workshop.report.talk import TalkShare, rhythm_points, share_of_talk
from workshop.report.views import FAMILIES, FAMILY_MEASURES, ComparisonView, comparison_view, family_table
from workshop.report.voices import (
    NORMS,
    Voice,
    compare_voices,
    comparison_targets,
    place_voice,
    reference_summaries,
    reference_voices,
    scene_voices,
)
from workshop.report.write import write_critique

__all__ = [
    "EXPORT_FORMATS", "FAMILIES", "FAMILY_MEASURES", "FORMATS", "NORMS", "SMALL_SCENE_WORDS", "CharacterSection",
    "ComparisonView", "Critique", "ExportFormat", "Highlight", "PairSection", "TalkShare", "Voice", "_md",
    "build_critique", "compare_voices", "comparison_targets", "comparison_view", "critique_pictures",
    "distinctive_word_lists", "example_lines", "export_format", "family_table", "fmt", "place_voice",
    "reference_summaries", "reference_voices", "render", "render_csv", "render_html", "render_markdown",
    "rhythm_points", "scene_voices", "share_of_talk", "too_little_for", "write_critique",
]  # fmt: skip
