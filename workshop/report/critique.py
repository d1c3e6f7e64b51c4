"""The critique summary: who talks, how each voice sounds, how distinct the voices are, and what to try next.

The pieces the notebooks, widgets and the ``critique`` command share:

* :class:`Voice` — one speaker to compare: a character of the scene or of a reference scene, with their lines
  and their profile (:func:`scene_voices`, :func:`reference_voices`).
* :func:`comparison_view` — one voice beside another (or beside the norms of published fiction) on one family
  of measures, as an HTML table and a picture: what the comparison widget shows.
* :func:`build_critique` → :class:`Critique` → :func:`render` as Markdown, self-contained HTML, JSON or CSV.

Numbers come from :mod:`workshop.voice.profile`, :mod:`workshop.compare.pairs` and :mod:`workshop.compare.norms.table`; this module only
chooses, words and arranges them. Every piece of scene text that reaches HTML goes through :func:`html.escape`.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from workshop.files.csv_safety import csv_text
from workshop.speakers.dialogue import Dialogue
from workshop.errors import WorkshopError
from workshop.voice.metrics import METRICS
from workshop.compare.norms.table import CLASSIC_PEOPLE, ordinal

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from workshop.compare.pairs import NormPlacement, PairComparison
    from workshop.compare.norms.table import NormsTable
    from workshop.voice.profile import ProfileSet, VoiceProfile

NORMS = "norms"
"""The comparison target meaning "characters in classic published fiction" (the shipped norms)."""

FORMATS = ("md", "html", "json", "csv")

FAMILIES: dict[str, str] = {"readability": "Readability", "rhythm": "Rhythm", "diction": "Word choice"}

FAMILY_MEASURES: dict[str, tuple[str, ...]] = {
    "readability": (
        "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
        "automated_readability_index", "dale_chall",
    ),
    "rhythm": (
        "mean_sentence_words", "cv_sentence_words", "mean_utterance_words", "fragments_per_100_sentences",
        "questions_per_100_sentences", "exclamations_per_100_sentences", "trailing_per_100_sentences",
        "interruptions_per_100_sentences", "stutters_per_100_words", "fillers_per_100_words",
        "monosyllable_share",
    ),
    "diction": (
        "mean_word_length", "rare_word_share", "mtld", "contractions_per_100_words", "hedges_per_100_words",
        "intensifiers_per_100_words", "certainty_per_100_words", "profanity_per_100_words",
        "first_person_per_100_words", "second_person_per_100_words", "address_per_100_words",
    ),
}  # fmt: skip
"""The measures each family shows, in the order a writer reads them (labels from :data:`workshop.voice.metrics.METRICS`)."""

SMALL_SCENE_WORDS = 300
"""Below this many words a character's numbers are hints, not findings (the critique says so)."""


# ------------------------------------------------------------------------------------------------ talk


@dataclass(frozen=True)
class TalkShare:
    """How much one character talks: words and turns, and their shares of the scene's dialogue (0-1)."""

    name: str
    words: int
    turns: int
    word_share: float
    turn_share: float


def share_of_talk(dialogue: Dialogue) -> list[TalkShare]:
    """Words and turns per character (attributed lines only), most words first. Words are counted the way the
    profiles count them (so "I-I'm" and "I...I" agree everywhere in the kit)."""
    from workshop.voice.profile import analyze_unit

    words: dict[str, int] = {}
    turns: dict[str, int] = {}
    for utterance in dialogue.utterances:
        if utterance.speaker is None:
            continue
        n_words = len(analyze_unit(tuple(s.text for s in utterance.segments)).words)
        words[utterance.speaker] = words.get(utterance.speaker, 0) + n_words
        turns[utterance.speaker] = turns.get(utterance.speaker, 0) + 1
    total_w, total_t = sum(words.values()), sum(turns.values())
    return [
        TalkShare(name, words[name], turns[name], words[name] / total_w if total_w else 0.0,
                  turns[name] / total_t if total_t else 0.0)
        for name in sorted(words, key=lambda n: (-words[n], n))
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------- voices


@dataclass
class Voice:
    """One speaker to compare: ``key`` is unique across the scene and the references."""

    key: str
    name: str
    label: str
    lines: list[str]
    profile: "VoiceProfile"
    reference: str | None = None

    @property
    def words(self) -> int:
        return int(self.profile.words)


def scene_voices(dialogue: Dialogue, profiles: "ProfileSet | None" = None) -> dict[str, Voice]:
    """Every character of the scene who speaks, most words first, as :class:`Voice` objects."""
    from workshop.compare.pairs import dialogue_lines
    from workshop.voice.profile import profile_dialogue

    profiles = profiles or profile_dialogue(dialogue)
    lines = dialogue_lines(dialogue)
    return {p.name: Voice(p.name, p.name, p.name, lines.get(p.name, []), p) for p in profiles.characters}


@lru_cache(maxsize=1)
def _kit_references() -> tuple[Voice, ...]:
    from workshop.voice.profile import profile_texts
    from workshop.compare.references import load_reference, reference_names

    voices = []
    for ref_name in reference_names():
        ref = load_reference(ref_name)
        title = ref.dialogue.scene.text.strip().splitlines()[0].strip() if ref.dialogue.scene.text.strip() else ref_name
        for character, lines in ref.lines().items():
            profile = profile_texts(lines, character, names=ref.characters)
            voices.append(Voice(f"ref:{ref_name}:{character}", character, f"{character} (reference: {title})",
                                lines, profile, ref_name))
    return tuple(voices)


def reference_voices() -> dict[str, Voice]:
    """The characters of the kit's reference scenes (``texts/references``), keyed ``ref:SCENE:NAME``."""
    return {v.key: v for v in _kit_references()}


def reference_summaries() -> list[dict[str, Any]]:
    """One entry per kit reference scene: name, title, what it demonstrates, and its characters."""
    from workshop.text.samples import texts_dir

    readme = texts_dir() / "references" / "README.md"
    about: dict[str, str] = {}
    if readme.exists():
        current = ""
        for line in readme.read_text(encoding="utf-8").splitlines():
            if line.startswith("- `") and "` —" in line:
                current = line[3 : line.index("`", 3)].removesuffix(".txt")
                about[current] = line.split("` —", 1)[1].strip()
            elif current and line.startswith("  ") and line.strip():
                about[current] += " " + line.strip()
            else:
                current = ""
        for key, text in about.items():
            text = text.replace("**", "").replace("`", "")
            if text.startswith("*") and "*:" in text:  # "*Title*: what it shows"
                text = text.split("*:", 1)[1].strip()
            about[key] = text.replace("*", "")
    out: dict[str, dict[str, Any]] = {}
    for v in _kit_references():
        entry = out.setdefault(v.reference or "", {"name": v.reference, "title": v.label.split("reference: ")[-1][:-1],
                                                   "about": about.get(v.reference or "", ""), "characters": []})
        entry["characters"].append({"key": v.key, "name": v.name, "words": v.words})
    return list(out.values())


def comparison_targets(include_references: bool = True) -> list[tuple[str, str]]:
    """What else a character can be compared with, as (label, value) pairs: reference characters, the norms."""
    targets = [("Published fiction (norms)", NORMS)]
    if include_references:
        targets += [(v.label, v.key) for v in _kit_references()]
    return targets


def compare_voices(a: Voice, b: Voice) -> "PairComparison":
    """How distinct ``a`` and ``b`` sound (:func:`workshop.compare.pairs.compare_pair` on their lines)."""
    from workshop.compare.pairs import compare_pair

    result = compare_pair(a.name, a.lines, b.name if b.name != a.name else b.label, b.lines)
    if b.reference:
        result.reference = b.reference
    return result


def place_voice(voice: Voice, table: "NormsTable | None" = None) -> dict[str, "NormPlacement"]:
    """Where each of the voice's measures falls among the characters of ``table`` (default: the kit's
    characters in classic novels; empty without norms).

    The values placed are the voice's own profile values, so every number the kit shows for a character agrees
    (table, picture, critique); measures the profile does not have are placed from the lines
    (:func:`workshop.compare.norms.table.place`).
    """
    from workshop.compare.pairs import NormPlacement
    from workshop.compare.norms.table import load_norms, place, sentence

    table = table or load_norms()
    if table is None:
        return {}
    values = voice.profile.scalar_metrics()
    out: dict[str, NormPlacement] = {}
    missing = []
    for metric, norm in table.metrics.items():
        value = values.get(metric)
        if value is None:
            missing.append(metric)
            continue
        pct = norm.percentile_of(value)
        out[metric] = NormPlacement(voice.name, metric, norm.label, value, pct,
                                    sentence(voice.name, norm.label, pct, table.population),
                                    voice.profile.note_for(metric) or "", norm.family)
    if missing:
        out.update({p.metric: p for p in place(voice.name, voice.lines, table, metrics=missing)})
    return out


# ---------------------------------------------------------------------------------------------- formatting


def fmt(value: float | None, metric: str | None = None) -> str:
    """A number as a writer reads it: shares in percent, small numbers with one decimal, NaN as a dash."""
    if value is None or not isinstance(value, (int, float)) or not math.isfinite(value):
        return "–"
    info = METRICS.get(metric or "")
    if info is not None and "share" in info.unit:
        return f"{100 * value:.0f}%"
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.1f}"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    """``1 word``, ``2 words`` (``plural`` for irregular words: ``_plural(n, "speech", "speeches")``)."""
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


_SAMPLE_NOUNS = {"words": ("word", "words"), "sentences": ("sentence", "sentences"),
                 "utterances": ("speech", "speeches")}


def too_little_for(profile: "VoiceProfile", metric: str) -> tuple[int, int, str] | None:
    """``(sample, minimum, sample kind)`` when ``profile`` has less text than ``metric`` needs (its
    :data:`~workshop.voice.metrics.METRICS` minimum), else None. Such a measure is never a highlight or a prompt."""
    info = METRICS.get(metric)
    if info is None or not info.minimum:
        return None
    n = {"words": profile.words, "sentences": profile.sentences, "utterances": profile.utterances}.get(info.sample)
    if n is None or n >= info.minimum:
        return None
    return int(n), int(info.minimum), info.sample


def _left_out_sentence(name: str, left_out: dict[tuple[int, str], list[str]], sizes: dict[str, int]) -> str:
    """One caveat: which measures would stand out for ``name`` but rest on too little text (at most five named)."""
    labels = sorted({label for group in left_out.values() for label in group}, key=str.lower)
    needs = []
    for (minimum, sample), _group in sorted(left_out.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        one, many = _SAMPLE_NOUNS.get(sample, (sample[:-1], sample))
        needs.append((sample, minimum, many, _plural(sizes.get(sample, 0), one, many)))
    shown = ", ".join(labels[:5]) + (f" and {len(labels) - 5} more" if len(labels) > 5 else "")
    have = {}
    for sample, minimum, many, count in needs:
        have.setdefault(sample, (count, []))[1].append(minimum)
    need_text = "; ".join(
        f"{name} has {count}, these need {min(ms)}{'' if min(ms) == max(ms) else f'-{max(ms)}'} {_SAMPLE_NOUNS.get(sample, (sample, sample))[1]}"
        for sample, (count, ms) in have.items())
    return (f"Left out of {name}'s highlights and suggestions, too little text to tell: {shown} ({need_text}). "
            "They still appear in the profile tables, marked as hints.")


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _label(metric: str) -> str:
    info = METRICS.get(metric)
    return info.label if info else metric.replace("_", " ")


def _unit(metric: str) -> str:
    info = METRICS.get(metric)
    if info is None:
        return ""
    return "percent" if "share" in info.unit else info.unit


def family_table(profiles: "ProfileSet", family: str, *, names: Sequence[str] | None = None) -> Any:
    """A family's measures for each character (and the narration) as a DataFrame a notebook shows:
    one row per measure (its label and unit), one column per character, and a column of cautions."""
    import pandas as pd

    if family not in FAMILY_MEASURES:
        raise WorkshopError(f"No family of measures called {family!r}; choose one of {', '.join(FAMILY_MEASURES)}.")
    chosen = [profiles.get(n) for n in names] if names else [*profiles.characters, profiles.narration]
    rows = []
    for metric in FAMILY_MEASURES[family]:
        row: dict[str, Any] = {"measure": f"{_label(metric)} ({_unit(metric)})"}
        cautions = []
        for p in chosen:
            value = p.scalar_metrics().get(metric, math.nan)
            row[p.name] = fmt(value, metric)
            if p.note_for(metric) and p.kind == "character":
                cautions.append(p.name)
        row["too little text for"] = ", ".join(cautions)
        rows.append(row)
    return pd.DataFrame(rows).set_index("measure")


# ---------------------------------------------------------------------------------------------- comparison view


@dataclass
class ComparisonView:
    """What the comparison widget shows for one choice: rows, an HTML rendering, and a picture to draw."""

    a: str
    b: str
    family: str
    headline: str
    rows: list[dict[str, Any]]
    html: str
    figure: Callable[[], "Figure"]
    svg: Callable[[], str] = lambda: ""


def comparison_view(
    a: Voice,
    b: Voice | None,
    family: str,
    *,
    pair: "PairComparison | None" = None,
    places_a: dict[str, "NormPlacement"] | None = None,
    places_b: dict[str, "NormPlacement"] | None = None,
    examples: int = 0,
) -> ComparisonView:
    """``a`` beside ``b`` (or beside the norms when ``b`` is None) on one family of measures.

    ``pair`` (from :func:`compare_voices`) adds differences with intervals and verdicts; ``places_a``/``places_b``
    (from :func:`place_voice`) place both on the norms' 0-100 scale for the picture. ``examples`` example lines
    of each voice are quoted under the table.
    """
    from workshop.report import plots

    if family not in FAMILY_MEASURES:
        raise WorkshopError(f"No family of measures called {family!r}; choose one of {', '.join(FAMILY_MEASURES)}.")
    places_a = places_a or {}
    places_b = places_b or {}
    diffs = {m.metric: m for m in pair.metrics} if pair is not None else {}
    va, vb = a.profile.scalar_metrics(), (b.profile.scalar_metrics() if b else {})
    rows: list[dict[str, Any]] = []
    for metric in FAMILY_MEASURES[family]:
        row: dict[str, Any] = {"metric": metric, "label": _label(metric), "unit": _unit(metric),
                               "a": va.get(metric, math.nan), "note_a": a.profile.note_for(metric) or ""}
        if b is not None:
            row["b"] = vb.get(metric, math.nan)
            row["note_b"] = b.profile.note_for(metric) or ""
            d = diffs.get(metric)
            row["verdict"] = d.verdict if d else ("too little text to tell" if row["note_a"] or row["note_b"] else "")
            row["interval"] = (d.ci_low, d.ci_high) if d else None
        place = places_a.get(metric)
        row["percentile_a"] = place.percentile if place else math.nan
        if b is not None:
            place_b = places_b.get(metric)
            row["percentile_b"] = place_b.percentile if place_b else math.nan
        rows.append(row)

    if b is None:
        headline = ("Where each measure falls among characters of classic novels (50 = typical; under 10 or "
                    "over 90 = unusual).")
    elif pair is not None:
        strongest = ", ".join(m.label.lower() for m in pair.strongest(3)) or "no single measure"
        verdict = pair.verdict[:1].upper() + pair.verdict[1:]
        headline = (f"{verdict} (distinctiveness {pair.distinctiveness:.2f} on a scale from 0, no more different "
                    f"than chance, to 1). Clearest differences: {strongest}.")
    else:
        headline = f"{a.label} against {b.label}."
    html_text = _view_html(a, b, family, headline, rows, examples)

    labels = [r["label"] for r in rows]
    series = {a.label: [r["percentile_a"] for r in rows]} | ({b.label: [r["percentile_b"] for r in rows]} if b else {})
    title = f"{FAMILIES[family]}: {a.name} against {b.name if b else 'published fiction'}"

    def figure() -> "Figure":
        return plots.profile_bars(labels, series, title=title)

    def svg() -> str:
        return plots.profile_bars_svg(labels, series, title=title)

    return ComparisonView(a.key, b.key if b else NORMS, family, headline, rows, html_text, figure, svg)


def _view_html(a: Voice, b: Voice | None, family: str, headline: str, rows: list[dict[str, Any]], examples: int) -> str:
    parts = [f"<h3 class='vw-headline'>{_esc(a.label)} against {_esc(b.label if b else 'published fiction')}</h3>",
             f"<p>{_esc(headline)}</p>"]
    head = ["Measure", _esc(a.name)]
    if b is not None:
        head += [_esc(b.name), "Difference"]
    else:
        head += ["Percentile in classic novels"]
    out = ["<table class='vw-table' style='border-collapse:collapse;font-size:15px'>",
           "<thead><tr>" + "".join(f"<th style='text-align:left;padding:4px 10px'>{h}</th>" for h in head)
           + "</tr></thead><tbody>"]
    for r in rows:
        info = METRICS.get(r["metric"])
        higher = f"; higher = {info.higher}" if info is not None and info.higher else ""
        cells = [f"<span title='{_esc(info.explanation if info else '')}'>"
                 f"{_esc(r['label'])}</span> <small>({_esc(r['unit'])}{_esc(higher)})</small>",
                 _esc(fmt(r["a"], r["metric"])) + ("*" if r["note_a"] else "")]
        if b is not None:
            cells.append(_esc(fmt(r["b"], r["metric"])) + ("*" if r.get("note_b") else ""))
            cells.append(_esc(r["verdict"]) if r["verdict"] else "<span style='color:#888'>not tested</span>")
        else:
            pct = r["percentile_a"]
            cells.append("–" if not math.isfinite(pct) else f"{pct:.0f}")
        out.append("<tr>" + "".join(f"<td style='padding:3px 10px;border-top:1px solid #ddd'>{c}</td>" for c in cells)
                   + "</tr>")
    out.append("</tbody></table>")
    parts.append("".join(out))
    if any(r["note_a"] or r.get("note_b") for r in rows):
        parts.append("<p><small>* Too little text for this number to mean much yet: read it as a hint.</small></p>")
    if b is not None and any(not r["verdict"] for r in rows):
        parts.append("<p class='vw-legend'><small><span style='color:#888'>not tested</span>: the kit has no "
                     "line-by-line test for this measure, so it gives no verdict; the two numbers are still "
                     "worth comparing by ear.</small></p>")
    if examples:
        for voice in (a, b):
            if voice is None or not voice.lines:
                continue
            picks = example_lines(voice.lines, examples)
            parts.append(f"<p><b>{_esc(voice.name)}</b>, for example: "
                         + " · ".join(f"“{_esc(t)}”" for t in picks) + "</p>")
    return "<div class='vw-view'>" + "".join(parts) + "</div>"


def example_lines(lines: Sequence[str], k: int, *, max_chars: int = 140) -> list[str]:
    """``k`` lines that show a voice: the longest and the shortest first, then from the middle; trimmed."""
    usable = [" ".join(t.split()).rstrip(",") for t in lines if t.strip()]
    if not usable or k <= 0:
        return []
    ordered = sorted(set(usable), key=lambda t: (len(t), t))
    picks: list[str] = []
    for candidate in [ordered[-1], ordered[0], ordered[len(ordered) // 2], *ordered]:
        if candidate not in picks:
            picks.append(candidate)
        if len(picks) == k:
            break
    return [t if len(t) <= max_chars else t[: max_chars - 1].rstrip() + "…" for t in picks]


# ---------------------------------------------------------------------------------------------- critique


@dataclass
class Highlight:
    """A measure on which a character stands out among characters in classic novels."""

    metric: str
    label: str
    value: float
    percentile: float
    sentence: str
    example: str = ""
    note: str = ""


@dataclass
class CharacterSection:
    name: str
    words: int
    turns: int
    word_share: float
    highlights: list[Highlight]
    signature_words: list[str]
    openers: list[str]
    examples: list[str]
    notes: list[str]


@dataclass
class PairSection:
    a: str
    b: str
    distinctiveness: float
    verdict: str
    reasons: list[str]
    tag_accuracy: float
    tag_chance: float
    reference: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Critique:
    """Everything the critique summary says, as data (``to_dict()`` is the JSON output)."""

    scene: str
    words: int
    dialogue_words: int
    unattributed: int
    talk: list[TalkShare]
    characters: list[CharacterSection]
    pairs: list[PairSection]
    references: list[PairSection]
    prompts: list[str]
    caveats: list[str]
    norms_corpus: str = ""
    against: str | None = None
    rhythm: list[tuple[int, str, int]] = field(default_factory=list, repr=False)
    pictures: dict[str, bytes] = field(default_factory=dict, repr=False)
    population: str = CLASSIC_PEOPLE
    """Who the norms describe, for sentences (the norms themselves are named in ``norms_corpus``)."""

    def to_dict(self) -> dict[str, Any]:
        def clean(v: Any) -> Any:
            if isinstance(v, float):
                return round(v, 4) if math.isfinite(v) else None
            if isinstance(v, list):
                return [clean(x) for x in v]
            if isinstance(v, dict):
                return {k: clean(x) for k, x in v.items()}
            if hasattr(v, "__dataclass_fields__"):
                return {k: clean(getattr(v, k)) for k in v.__dataclass_fields__}
            return v

        out = {k: clean(getattr(self, k)) for k in self.__dataclass_fields__
               if k not in ("pictures", "rhythm", "population")}
        return out

    def highlights_frame(self) -> Any:
        """Every character's highlights as a DataFrame: character, measure, value, percentile, example line."""
        import pandas as pd

        rows = [{"character": ch.name, "measure": h.label, "value": _value_with_unit(h.value, h.metric),
                 "percentile in classic novels": round(h.percentile), "for example": h.example}
                for ch in self.characters for h in ch.highlights]
        return pd.DataFrame(rows, columns=["character", "measure", "value", "percentile in classic novels",
                                           "for example"])


def _line_example(lines: Sequence[str], metric: str, high: bool) -> str:
    """The line that shows a measure best: the most of it when the character is high, else a typical short one."""
    from workshop.compare.pairs import line_counts
    from workshop.compare.pairs import metric as line_metric

    try:
        m = line_metric(metric)
    except WorkshopError:
        return ""
    usable = [t for t in lines if t.strip()]
    if not usable:
        return ""
    counts = line_counts(usable, [m])[m.name]
    scored = []
    for text, (num, den) in zip(usable, counts):
        if den <= 0:
            continue
        ratio = num / den
        scored.append(((-ratio if high else ratio), len(text), text))
    if not scored:
        return ""
    text = min(scored)[2]
    text = " ".join(text.split()).rstrip(",")
    return text if len(text) <= 160 else text[:159].rstrip() + "…"


_PROMPTS_HIGH = {
    "rhythm": "On {label_low}, {name} is higher than almost {any_character} ({value}). Read "
              "{their} lines aloud: is the effect what you want in every line? Try one moment where the habit "
              "breaks under pressure, and see what it reveals.",
    "diction": "On {label_low}, {name} is higher than almost {any_character} ({value}). That "
               "is a strong signature: make sure it serves the character, and cut it where it only fills space.",
    "readability": "{name}'s lines read as harder than almost any character's ({label}: {value}). If {name} is "
                   "meant to sound learned or formal, keep it; if not, break a long sentence in two.",
}
_PROMPTS_LOW = {
    "rhythm": "On {label_low}, {name} is lower than almost {any_character} ({value}). If "
              "that restraint is the point, use it: give {name} one line that goes against it at the scene's turn.",
    "diction": "{name} almost never shows {label_low} ({value}). Is that a choice? A single instance, well placed, "
               "would stand out.",
    "readability": "{name}'s lines are very plain to read ({label}: {value}). Plain can be powerful; check that "
                   "{name} still has words of {their} own.",
}


def _value_with_unit(value: float, metric: str) -> str:
    unit = _unit(metric)
    text = fmt(value, metric)
    bare = unit in ("percent", "ratio", "score", "") or "(" in unit or text == "–"
    return text if bare else f"{text} {unit}"


def build_critique(
    dialogue: Dialogue,
    *,
    against: str | None = None,
    profiles: "ProfileSet | None" = None,
    pictures: bool = True,
    max_characters: int = 6,
    against_cast: "str | Any | None" = None,
    fetch: bool = False,
    norms: "NormsTable | None" = None,
) -> Critique:
    """Gather the critique of a scene; ``against`` is a reference (a kit reference scene name, a scene path or a
    catalog work), read by :func:`workshop.compare.references.load_reference` with ``against_cast`` (its cast file) and
    ``fetch`` (allow downloading a catalog work once). ``norms`` places the characters among other norms than
    the kit's characters in classic novels (:func:`workshop.compare.norms.file.load_norms_file`)."""
    from workshop.compare.pairs import compare_pair, dialogue_lines
    from workshop.compare.norms.table import load_norms
    from workshop.voice.profile import profile_dialogue

    profiles = profiles or profile_dialogue(dialogue)
    talk = share_of_talk(dialogue)
    if not talk:
        raise WorkshopError(
            "No line of dialogue in this scene has a speaker yet, so there is nothing to critique. "
            "Check the quotes and speakers first (python -m workshop quotes, or notebook 01)."
        )
    voices = scene_voices(dialogue, profiles)
    names = [t.name for t in talk][:max_characters]
    table = norms or load_norms()
    population = table.people if table is not None else CLASSIC_PEOPLE
    any_character = ("any character in the classic novels" if population == CLASSIC_PEOPLE
                     else f"any of the {population}")
    caveats: list[str] = []
    prompts: list[str] = []

    characters: list[CharacterSection] = []
    for t in talk[:max_characters]:
        voice = voices[t.name]
        places = place_voice(voice, table)
        highlights = []
        left_out: dict[tuple[int, str], list[str]] = {}
        for metric, placement in places.items():
            pct = placement.percentile
            if not math.isfinite(pct) or 10 < pct < 90:
                continue
            short = too_little_for(voice.profile, metric)
            if short is not None:  # an extreme built on too little text is noise: a caveat, not a highlight
                left_out.setdefault((short[1], short[2]), []).append(placement.label)
                continue
            never = pct < 90 and placement.value == 0  # "never does X": true, but says less than a habit
            example = "" if never else _line_example(voice.lines, metric, pct >= 90)
            if example and any(example == h.example for h in highlights):
                example = ""  # one line shows one thing: do not quote "Ask." three times
            highlights.append(Highlight(metric, placement.label, placement.value, pct, placement.sentence,
                                        example, placement.note))
        curated = {m for family in FAMILY_MEASURES.values() for m in family}
        highlights.sort(key=lambda h: (bool(h.note), h.percentile < 90 and h.value == 0, h.metric not in curated,
                                       -abs(h.percentile - 50), h.metric))
        signature = [str(w["word"]) for w in voice.profile.diction.get("distinctive_words", []) if w.get("significant")]
        openers = [str(o["opener"]).capitalize() for o in voice.profile.diction.get("openers", [])
                   if int(o.get("count", 0)) >= 3]
        shown = highlights[:6]
        shown_metrics = {h.metric for h in shown}
        notes = [n.message for n in voice.profile.notes
                 if n.kind == "general" or (n.kind == "small-sample" and n.metric in shown_metrics)][:4]
        sizes = {"words": voice.profile.words, "sentences": voice.profile.sentences,
                 "utterances": voice.profile.utterances}
        characters.append(CharacterSection(t.name, t.words, t.turns, t.word_share, shown, signature[:8],
                                           openers[:3], example_lines(voice.lines, 3), notes))
        if t.words < SMALL_SCENE_WORDS:
            caveats.append(f"{t.name} says only {_plural(t.words, 'word')}: every number about {t.name} is a hint "
                           "to test against your ear, not a finding.")
        if left_out:
            caveats.append(_left_out_sentence(t.name, left_out, sizes))
        for h in [h for h in highlights if not h.note and not (h.percentile < 90 and h.value == 0)][:2]:
            family = METRICS[h.metric].family if h.metric in METRICS else "rhythm"
            template = (_PROMPTS_HIGH if h.percentile >= 90 else _PROMPTS_LOW).get(family, _PROMPTS_HIGH["rhythm"])
            pronoun = dialogue.cast.pronoun_of(t.name) if hasattr(dialogue.cast, "pronoun_of") else None
            their = {"she": "her", "he": "his"}.get(pronoun or "", "their")
            prompts.append(template.format(name=t.name, label=h.label, label_low=h.label.lower(),
                                           value=_value_with_unit(h.value, h.metric),
                                           pct=ordinal(round(h.percentile)), their=their,
                                           any_character=any_character))

    lines = dialogue_lines(dialogue, names)
    pairs: list[PairSection] = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if not lines[a] or not lines[b]:
                continue
            pairs.append(_pair_section(compare_pair(a, lines[a], b, lines[b])))
    for p in pairs:
        if p.distinctiveness < 0.1:
            why = "; ".join(p.reasons[:2]) or "no measure sets them clearly apart"
            prompts.append(f"{p.a} and {p.b} are {p.verdict} (distinctiveness {p.distinctiveness:.2f}; {why}). "
                           f"Cover the tags and read their lines: could you tell who is speaking? Give one of "
                           f"them a habit the other never has: a length of sentence, a kind of word, a way of "
                           f"asking.")

    references: list[PairSection] = []
    if against:
        from workshop.compare.references import load_reference

        ref = load_reference(against, cast=against_cast, fetch=fetch)
        for ref_name, ref_lines in ref.lines().items():
            for a in names:
                section = _pair_section(compare_pair(a, lines[a], ref_name, ref_lines))
                section.reference = ref.name
                references.append(section)

    if talk and talk[0].word_share > 0.75 and len(talk) > 1:
        prompts.append(f"{talk[0].name} has {talk[0].word_share:.0%} of the words. If the others are meant to "
                       "hold their own, give them a line that interrupts, refuses or changes the subject.")
    unattributed = len(dialogue.unattributed)
    if unattributed:
        caveats.append(f"{unattributed} quoted segment(s) have no speaker and are left out of every number; fix "
                       "them in notebook 01 (the attribution editor) or in the scene's corrections file.")
    caveats.append("Every measure counts surface features (words, sentences, punctuation). They point at what to "
                   "listen for; your ear and your readers decide.")
    if table is not None:
        caveats.append("Percentiles compare with " + table.describe())
    if not prompts:
        if len(talk) >= 2:
            prompts.append("No measure stands out strongly. Pick the line that matters most in the scene and "
                           "rewrite it twice, once in each character's most extreme voice, to hear the range.")
        elif talk[0].words < SMALL_SCENE_WORDS:
            prompts.append(f"Only {talk[0].name} speaks, in {_plural(talk[0].words, 'word')}: too little for any "
                           f"measure to say much yet. Write more of {talk[0].name}'s talk (or bring a longer "
                           f"scene), then look again; meanwhile read {talk[0].name}'s lines aloud and ask what "
                           "only this character would say.")
        else:
            prompts.append(f"No measure stands out strongly. Pick {talk[0].name}'s line that matters most and "
                           f"rewrite it twice, once plainer and once more the way only {talk[0].name} would "
                           "say it, to hear the range of the voice.")

    words = sum(len(dialogue.scene.text[p.start:p.end].split()) for p in dialogue.scene.story_paragraphs)
    critique = Critique(dialogue.scene.name, words, sum(t.words for t in talk), unattributed, talk, characters,
                        pairs, references, prompts, caveats, table.describe() if table else "", against,
                        rhythm_points(dialogue), population=population)
    if pictures:
        critique.pictures = critique_pictures(critique, profiles)
    return critique


def _pair_section(p: "PairComparison") -> PairSection:
    reasons = []
    for m in p.strongest(3):
        reasons.append(f"{m.label.lower()}: {p.a} {fmt(m.a, m.metric)}, {p.b} {fmt(m.b, m.metric)} "
                       f"(difference {fmt(m.difference, m.metric)}, 95% interval {fmt(m.ci_low, m.metric)} to "
                       f"{fmt(m.ci_high, m.metric)})")
    t = p.tag_test
    return PairSection(p.a, p.b, p.distinctiveness, p.verdict, reasons, t.accuracy, t.chance, p.reference,
                       list(p.notes))


PICTURE_SPEAKERS = 10
"""Speakers drawn one by one in the share-of-talk picture; the others are one bar."""
RHYTHM_SPEAKERS = 4
"""Speakers drawn in the rhythm strip (more colours than this cannot be told apart on a projector)."""


def critique_pictures(critique: Critique, profiles: "ProfileSet") -> dict[str, bytes]:
    """The critique's pictures as PNG bytes: share of talk, rhythm strip, distinctive words."""
    from workshop.report import plots

    out = {}
    names = [t.name for t in critique.talk]
    # A novel can have thirty speakers: the pictures show the main ones (the text still lists everyone).
    shown, rest = critique.talk[:PICTURE_SPEAKERS], critique.talk[PICTURE_SPEAKERS:]
    talk_names = [t.name for t in shown] + ([f"{len(rest)} others"] if rest else [])
    talk_words = [t.words for t in shown] + ([sum(t.words for t in rest)] if rest else [])
    talk_turns = [t.turns for t in shown] + ([sum(t.turns for t in rest)] if rest else [])
    out["share of talk"] = plots.figure_bytes(plots.share_of_talk(talk_names, talk_words, talk_turns))
    main = set(names[:RHYTHM_SPEAKERS])
    out["rhythm"] = plots.figure_bytes(
        plots.rhythm_strip([p for p in critique.rhythm if p[1] in main], names=names[:RHYTHM_SPEAKERS]))
    chars = [profiles.get(n) for n in names[:3]]
    out["word choice"] = plots.figure_bytes(plots.distinctive_words(*distinctive_word_lists(chars)))
    return out


def rhythm_points(dialogue: Dialogue) -> list[tuple[int, str, int]]:
    """``(position, speaker, words)`` for every sentence of attributed dialogue, in scene order."""
    from workshop.voice.profile import analyze_unit

    points: list[tuple[int, str, int]] = []
    for utterance in dialogue.utterances:
        if utterance.speaker is None:
            continue
        unit = analyze_unit(tuple(s.text for s in utterance.segments))
        for sentence in unit.sentences:
            if sentence.words:
                points.append((len(points) + 1, utterance.speaker, len(sentence.words)))
    return points


def distinctive_word_lists(profiles: Sequence["VoiceProfile"], k: int = 8
                           ) -> tuple[list[str], list[list[tuple[str, float, bool]]]]:
    """Names and, for each, its signature words as ``(word, z, clearly theirs)`` (for the picture)."""
    names = [p.name for p in profiles]
    words = [[(str(w["word"]), float(w["z"]), bool(w["significant"])) for w in p.diction.get("distinctive_words", [])[:k]]
             for p in profiles]
    return names, words


# ---------------------------------------------------------------------------------------------- rendering


def render(critique: Critique, fmt_name: str) -> str:
    """The critique as ``md``, ``html`` (one self-contained file), ``json`` or ``csv``."""
    if fmt_name == "md":
        return render_markdown(critique)
    if fmt_name == "html":
        return render_html(critique)
    if fmt_name == "json":
        return json.dumps(critique.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt_name == "csv":
        return render_csv(critique)
    raise WorkshopError(f"Unknown format {fmt_name!r}; choose one of {', '.join(FORMATS)}.")


def _sections(c: Critique) -> list[tuple[str, list[tuple[str, Any]]]]:
    """The critique as (heading, blocks) where a block is ("p", text), ("ul", [text]) or ("img", name)."""
    out: list[tuple[str, list[tuple[str, Any]]]] = []
    cast_items = [f"{t.name}: {_plural(t.words, 'word')} in {_plural(t.turns, 'turn')} ({t.word_share:.0%} of the words, "
                  f"{t.turn_share:.0%} of the turns)" for t in c.talk]
    out.append(("Who talks", [("p", f"{_plural(c.dialogue_words, 'word')} of dialogue in a scene of "
                                     f"{_plural(c.words, 'word')}."),
                              ("ul", cast_items), ("img", "share of talk")]))
    for ch in c.characters:
        blocks: list[tuple[str, Any]] = []
        if ch.highlights:
            items = []
            for h in ch.highlights:
                rest = h.sentence.split(": ", 1)[1] if h.sentence.startswith(h.label + ": ") else h.sentence
                item = f"{h.label}: {_value_with_unit(h.value, h.metric)}. {rest}"
                if h.example:
                    item += f" For example: “{h.example}”"
                if h.note:
                    item += f" ({h.note})"
                items.append(item)
            blocks.append(("ul", items))
        elif ch.words < SMALL_SCENE_WORDS:
            blocks.append(("p", f"Too little text from {ch.name} ({_plural(ch.words, 'word')}) for any measure to "
                                "stand out with confidence."))
        else:
            blocks.append(("p", f"No measure puts {ch.name} among the most unusual 10% of {c.population}: a voice "
                                "in the middle of the range."))
        if ch.signature_words:
            blocks.append(("p", f"Words that are {ch.name}'s own in this scene: {', '.join(ch.signature_words)}."))
        if ch.openers:
            blocks.append(("p", f"{ch.name} often starts with: {', '.join(ch.openers)}."))
        if ch.examples:
            blocks.append(("p", f"Some of {ch.name}'s lines: " + " / ".join(f"“{e}”" for e in ch.examples)))
        if ch.notes:
            blocks.append(("ul", ch.notes))
        out.append((f"{ch.name}'s voice", blocks))
    if c.pairs:
        out.append(("How distinct the voices are", [("img", "rhythm")] + [
            ("p", f"{p.a} and {p.b}: {p.verdict} (distinctiveness {p.distinctiveness:.2f} on a 0-1 scale; the tag test "
                  f"gives {fmt(100 * p.tag_accuracy)}% of lines back to the right speaker, chance is "
                  f"{fmt(100 * p.tag_chance)}%)." + (" Why: " + "; ".join(p.reasons) + "." if p.reasons else ""))
            for p in c.pairs]))
    if c.references:
        out.append((f"Against the reference {c.against}", [
            ("p", f"{p.a} beside {p.b}: {p.verdict} (distinctiveness {p.distinctiveness:.2f})."
                  + (" Clearest differences: " + "; ".join(p.reasons) + "." if p.reasons else ""))
            for p in c.references]))
    out.append(("Word choice", [("img", "word choice")]))
    out.append(("Things to try", [("ul", c.prompts)]))
    out.append(("Read these numbers with care", [("ul", c.caveats)]))
    return out


def render_markdown(c: Critique) -> str:
    """The critique as Markdown. Scene text, names and lines are escaped (``<``, ``>``, ``&``): many Markdown
    viewers render raw HTML, and a scene must never put a ``<script>`` into the critique."""
    lines = [f"# Voice critique: {_md(c.scene)}", ""]
    for heading, blocks in _sections(c):
        if all(kind == "img" for kind, _ in blocks):
            continue  # pictures are only in the HTML format
        lines += [f"## {_md(heading)}", ""]
        for kind, content in blocks:
            if kind == "p":
                lines += [_md(content), ""]
            elif kind == "ul":
                lines += [f"- {_md(item)}" for item in content] + [""]
        # pictures are left out of Markdown: use the HTML format for a file with pictures
    return "\n".join(lines).rstrip() + "\n"


def _md(text: Any) -> str:
    """Text for Markdown with no live HTML in it: ``<`` and ``>`` as entities, and ``&`` wherever it would start
    an entity (``&lt;`` typed in a scene stays visible as typed; a plain "Tom & Jerry" stays as it is)."""
    return _ENTITY_START.sub("&amp;", str(text)).replace("<", "&lt;").replace(">", "&gt;")


_ENTITY_START = re.compile(r"&(?=#?\w+;)")


_CSS = """body{font-family:Georgia,serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}
h1,h2{font-family:Helvetica,Arial,sans-serif}img{max-width:100%}li{margin:.3em 0}"""


def render_html(c: Critique) -> str:
    """One self-contained HTML file: styles inline, pictures embedded as base64 PNG, every text escaped."""
    parts = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
             f"<title>Voice critique: {_esc(c.scene)}</title><style>{_CSS}</style></head><body>",
             f"<h1>Voice critique: {_esc(c.scene)}</h1>"]
    for heading, blocks in _sections(c):
        parts.append(f"<h2>{_esc(heading)}</h2>")
        for kind, content in blocks:
            if kind == "p":
                parts.append(f"<p>{_esc(content)}</p>")
            elif kind == "ul":
                parts.append("<ul>" + "".join(f"<li>{_esc(item)}</li>" for item in content) + "</ul>")
            elif kind == "img" and content in c.pictures:
                data = base64.b64encode(c.pictures[content]).decode("ascii")
                parts.append(f"<img alt='{_esc(content)}' src='data:image/png;base64,{data}'>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render_csv(c: Critique) -> str:
    """Tidy rows: section, character, other, measure, value, percentile or difference, text (cells a spreadsheet
    would run as formulas are neutralised: :mod:`workshop.files.csv_safety`)."""
    rows: list[list[Any]] = []
    for t in c.talk:
        rows.append(["talk", t.name, "", "words", t.words, "", f"{t.word_share:.0%} of the words"])
        rows.append(["talk", t.name, "", "turns", t.turns, "", f"{t.turn_share:.0%} of the turns"])
    for ch in c.characters:
        for h in ch.highlights:
            rows.append(["highlight", ch.name, "", h.metric, round(h.value, 4), round(h.percentile, 1), h.sentence])
    for p in c.pairs + c.references:
        rows.append(["pair" if p.reference is None else "reference", p.a, p.b, "distinctiveness",
                     round(p.distinctiveness, 4) if math.isfinite(p.distinctiveness) else "", "", p.verdict])
    for text in c.prompts:
        rows.append(["prompt", "", "", "", "", "", text])
    for text in c.caveats:
        rows.append(["caveat", "", "", "", "", "", text])
    return csv_text(["section", "character", "other", "measure", "value", "percentile", "text"], rows)


def write_critique(critique: Critique, path: "str | Any", fmt_name: str, *, force: bool = False) -> Any:
    """Write the critique to ``path``; an existing file is only replaced with ``force``. Returns the path.

    The file is written whole or not at all (:mod:`workshop.files.atomic_write`): a failure keeps an existing file."""
    from pathlib import Path

    from workshop.files.atomic_write import check_output_path, write_file

    hint = "choose to replace it, or give another file name"
    check_output_path(path, force=force, exists_hint=hint)
    write_file(path, render(critique, fmt_name), force=force, exists_hint=hint)
    return Path(path)
