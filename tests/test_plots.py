"""The pictures: the right things drawn, labelled for writers, large enough to read from the back of a room."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

from matplotlib.figure import Figure

from workshop.report import plots


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(match=lambda a: hasattr(a, "get_text")) if t.get_text()]


def test_share_of_talk_labels_percentages_worked_out_by_hand() -> None:
    fig = plots.share_of_talk(["Owen", "Agnes"], [327, 79], [14, 14])
    texts = _texts(fig)
    # 327 / 406 = 80.54% -> "81%"; 79 / 406 = 19.46% -> "19%"; 14 / 28 turns = "50%"
    assert "81% of words (327)" in texts and "19% of words (79)" in texts
    assert "50% of turns (14)" in texts
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Owen", "Agnes"]
    title = [t for t in fig.findobj(match=lambda a: hasattr(a, "get_text")) if t.get_text() == "Who does the talking"]
    assert title and title[0].get_fontsize() >= 16 and ax.xaxis.label.get_fontsize() >= 14


def test_profile_bars_on_the_percentile_scale_with_gaps_for_missing_values() -> None:
    fig = plots.profile_bars(["Questions", "Hedges"], {"Agnes": [4.0, math.nan], "Owen": [91.0, 100.0]})
    ax = fig.axes[0]
    widths = sorted(round(p.get_width(), 1) for p in ax.patches if p.get_height() < 1 and p.get_width() > 0
                    and p.get_facecolor()[3] > 0.5)
    assert 4.0 in widths and 91.0 in widths and 100.0 in widths
    assert "not measured" in _texts(fig)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Questions", "Hedges"][::-1] or \
        [t.get_text() for t in ax.get_yticklabels()] == ["Questions", "Hedges"]
    assert "percentile among characters in classic novels" in ax.get_xlabel()
    legend_texts = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert legend_texts == ["Agnes", "Owen"]


def test_profile_bars_svg_is_valid_and_escaped() -> None:
    svg = plots.profile_bars_svg(["Questions"], {"<Agnes>": [4.0], "Owen": [math.nan]}, title="Rhythm & pace")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    texts = [t.text for t in root.iter() if t.tag.endswith("text")]
    assert "<Agnes>" in texts and "Rhythm & pace" in texts and "not measured" in texts
    # the bar of 4th percentile is 4% of the plot width
    rects = [r for r in root.iter() if r.tag.endswith("rect") and r.get("height") == "19"]
    assert len(rects) == 1 and float(rects[0].get("width")) == round(0.04 * (900 - 250 - 30), 1)


def test_rhythm_strip_one_point_per_sentence_coloured_by_speaker() -> None:
    points = [(1, "Agnes", 2), (2, "Owen", 40), (3, "Agnes", 1), (4, "Owen", 13)]
    fig = plots.rhythm_strip(points, names=["Owen", "Agnes"])
    ax = fig.axes[0]
    offsets = {c.get_label(): c.get_offsets().tolist() for c in ax.collections if c.get_label() in ("Owen", "Agnes")}
    assert offsets == {"Owen": [[2, 40], [4, 13]], "Agnes": [[1, 2], [3, 1]]}
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Owen", "Agnes"]
    assert ax.get_ylabel() == "words in the sentence"
    empty = plots.rhythm_strip([])
    assert "No attributed sentences to show yet." in _texts(empty)


def test_distinctive_words_solid_when_clearly_theirs() -> None:
    fig = plots.distinctive_words(["Owen", "Agnes"], [[("um", 2.5, True), ("rather", 1.1, False)], []])
    owen_ax, agnes_ax = fig.axes[:2]
    bars = [p for p in owen_ax.patches]
    assert sorted(round(p.get_width(), 1) for p in bars) == [1.1, 2.5]
    assert {round(p.get_width(), 1): p.get_alpha() for p in bars} == {2.5: 1.0, 1.1: 0.4}
    assert "no word stands out" in _texts(fig)
    assert plots.WORD_CHOICE_KEY in _texts(fig)  # the key says what pale bars mean
    assert owen_ax.get_xlabel() == "strength of evidence (z-score)"
    assert len(plots.figure_bytes(fig)) > 1000
