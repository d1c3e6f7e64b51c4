"""Norms from any corpus: a folder of scenes or novels becomes percentile tables of the kit's measures.

``python -m workshop norms build FOLDER -o NORMS.json`` (see :mod:`workshop.cli.norms`) reads every text of
the folder (:mod:`workshop.text.scene_folder`), finds who says what, keeps each character with at least ``min_words``
words of dialogue, measures them exactly as a student's character is measured (the profile's measures,
:func:`workshop.compare.norms.table.character_values`, with the cast's names as forms of address), and writes, for each
measure, the 0th to 100th percentiles over those characters, plus the mean and spread of each function word's
rate (for Burrows' Delta). Only figures are written: no text, no names, no file names.

Who says a line comes, in this order, from a hand-attributed quotes file beside the text (``NAME.quotes.jsonl``,
:mod:`workshop.speakers.hand_speakers`), else from the kit's attribution with the corrections file beside the text
applied (``NAME.corrections.toml``) and the cast file beside it (``NAME.cast.toml``). The corpus block says how
many lines had a speaker checked by hand. The kit's shipped norms (``workshop/data/norms.json``) are one output
of this: ``scripts/build_norms.py`` writes the annotated novels' hand attribution as quotes files and runs it.

Each text is read by :func:`workshop.cli.norms.text_figures` (around :func:`read_text_figures`), a top-level
function of (scene file, options) returning figures only,
so the texts are mapped on the machine's cores like the scenes of a batch (:mod:`workshop.cli.parallel`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np

from workshop.compare.lines import Line
from workshop.compare.norms.table import character_values
from workshop.compare.pairs import dialogue_lines
from workshop.compare.stylometry import count_matrix, function_words, relative_frequencies
from workshop.errors import WorkshopError
from workshop.speakers.cast import Cast, Character, load_cast
from workshop.speakers.hand_speakers import read_hand_speakers
from workshop.text.scene import read_scene
from workshop.speakers.scene_file import read_scene_file
from workshop.text.scene_folder import SceneFile
from workshop.voice.metrics import METRICS
from workshop.voice.profile import cast_names
from workshop.voice.tokens import words

SKIP = frozenset({"share_of_words", "share_of_turns", "ttr"})
"""Left out of the norms: a share of the talk depends on the scene, and the raw type-token ratio on its length."""

DEFAULT_MIN_WORDS = 500
FEW_CHARACTERS = 20
"""Below this many characters a percentile table is rough (each character is five percentiles or more)."""

KIT_ACCURACY = "about 85%"
"""How often the kit names the right speaker on hand-annotated novels (bench/pdnc.py), said in the norms'
description when some speakers were not checked by hand."""


@dataclass(frozen=True)
class NormsOptions:
    min_words: int = DEFAULT_MIN_WORDS
    style: str = "auto"
    keep_notes: bool = False


@dataclass
class CharacterFigures:
    """One character's figures: how many words, each measure's value, each function word's count."""

    words: int
    values: dict[str, float]
    function_word_counts: list[int]


@dataclass
class TextFigures:
    """What one text gives the norms (figures only), or why it could not be read."""

    name: str
    characters: list[CharacterFigures] = field(default_factory=list)
    lines: int = 0
    lines_by_hand: int = 0
    problem: str | None = None
    notices: list[str] = field(default_factory=list)


def read_text_figures(scene: SceneFile, options: NormsOptions) -> TextFigures:
    """Every character of one text (with the files beside it) with at least ``options.min_words`` words, measured;
    a problem with the text raises (the command, :func:`workshop.cli.norms.text_figures`, turns it into the
    record's one-line ``problem`` so that one bad text never stops the corpus)."""
    if scene.problem:
        raise WorkshopError(scene.problem)
    notices: list[str] = []
    if scene.quotes is not None:
        text = read_scene(scene.path, detect_notes=False)  # a quotes file's offsets index the whole text
        cast = load_cast(scene.cast) if scene.cast else None
        hand = read_hand_speakers(scene.quotes, text.text, cast.canonical if cast else None)
        lines = hand.lines
        if cast is None:
            cast = Cast([Character(name) for name in lines], source="found")
        names = cast_names(SimpleNamespace(cast=cast))
        total = sum(len(ls) for ls in lines.values()) + hand.unattributed
        by_hand = total
    else:
        _text, dialogue = read_scene_file(scene, style=options.style, keep_notes=options.keep_notes)
        notices = [str(n) for n in dialogue.notices]
        lines = {name: [tuple(" ".join(p.split()) for p in line.pieces) for line in ls]
                 for name, ls in dialogue_lines(dialogue).items()}
        names = cast_names(dialogue)
        utterances = dialogue.utterances
        total = len(utterances)
        by_hand = sum(1 for u in utterances if any(s.method == "correction" for s in u.segments))
    characters = [measured for name, ls in sorted(lines.items())
                  if (measured := measure_character(name, ls, names, options.min_words)) is not None]
    return TextFigures(scene.name, characters, total, by_hand, notices=notices)


def measure_character(name: str, lines, names=frozenset(), min_words: int = 0) -> CharacterFigures | None:
    """One character's figures from their lines (each a tuple of quoted pieces), or None under ``min_words``."""
    as_lines = [Line(pieces) for pieces in lines]
    tokens = [t for line in as_lines for t in words(line)]
    if len(tokens) < max(1, min_words):
        return None
    values = {k: float(v) for k, (v, _source, _note) in character_values(as_lines, name, names=names).items()
              if k not in SKIP and math.isfinite(v)}
    counts, _totals = count_matrix([tokens], function_words())
    return CharacterFigures(len(tokens), values, [int(c) for c in counts[0]])


def norms_data(texts: list[TextFigures], *, name: str, min_words: int = DEFAULT_MIN_WORDS) -> dict:
    """The norms file's content (as ``workshop/data/norms.json``) from the figures of every text."""
    read = [t for t in texts if t.problem is None]
    characters = [c for t in read for c in t.characters]
    if len(characters) < 2:
        found = f"only {len(characters)} character has" if characters else "no character has"
        raise WorkshopError(f"Norms need at least two characters with {min_words} words of dialogue or more; "
                            f"{found} that many in {len(read)} readable text{'s' if len(read) != 1 else ''}. "
                            "Add texts, or lower --min-words (e.g. --min-words 150 for short scenes).")
    per_metric: dict[str, list[float]] = {}
    for c in characters:
        for key, value in c.values.items():
            per_metric.setdefault(key, []).append(value)
    grid = np.arange(101)
    metrics = {}
    for key in sorted(per_metric):
        info = METRICS.get(key)
        values = np.array(per_metric[key])
        metrics[key] = {
            "label": info.label if info else key.replace("_", " "),
            "family": info.family if info else "",
            "source": "profile",
            "n": len(values),
            "percentiles": [round(float(x), 4) for x in np.percentile(values, grid)],
        }
    vocab = function_words()
    counts = np.array([c.function_word_counts for c in characters], dtype=float)
    rates = relative_frequencies(counts, np.array([c.words for c in characters], dtype=float))
    fw = {w: [round(float(rates[:, j].mean()), 7), round(float(rates[:, j].std(ddof=1)), 7)]
          for j, w in enumerate(vocab)}
    total_words = sum(c.words for c in characters)
    lines = sum(t.lines for t in read)
    by_hand = sum(t.lines_by_hand for t in read)
    hand_share = by_hand / lines if lines else 0.0
    return {"corpus": corpus_block(name, len(characters), total_words, min_words, len(read), hand_share),
            "metrics": metrics, "function_words": fw}


def corpus_block(name: str, characters: int, words: int, min_words: int, texts: int, hand_share: float) -> dict:
    """What the norms are made of, in figures and one paragraph (no text, no names but the corpus's own)."""
    if hand_share >= 0.995:
        speakers = "with every speaker checked by hand"
    elif hand_share > 0:
        speakers = (f"with {hand_share:.0%} of the lines' speakers checked by hand and the rest as the kit "
                    f"attributed them ({KIT_ACCURACY} right on hand-annotated novels)")
    else:
        speakers = f"with speakers as the kit attributed them ({KIT_ACCURACY} right on hand-annotated novels)"
    description = (f"Dialogue of {characters:,} characters (at least {min_words:,} words each, {words:,} words in "
                   f"all) from {texts:,} text{'s' if texts != 1 else ''} of {name}, {speakers}.")
    if characters < FEW_CHARACTERS:
        description += (f" With only {characters} characters the percentiles are rough: each character moves them "
                        f"by {100 / characters:.0f} points or more.")
    return {"name": name, "population": f"characters in {name}", "description": description,
            "characters": characters, "words": words, "min_words": min_words, "texts": texts,
            "speakers_checked_by_hand": round(hand_share, 3), "built_by": "python -m workshop norms build"}
