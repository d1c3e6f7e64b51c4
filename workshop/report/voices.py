"""Voices to compare: the scene's characters and the kit's reference characters, compared pairwise or placed among
the norms."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from workshop.compare.norms.table import CLASSIC_PEOPLE, load_norms, place, sentence
from workshop.compare.pairs import NormPlacement, compare_pair, dialogue_lines
from workshop.compare.references import load_reference, reference_names
from workshop.speakers.dialogue import Dialogue
from workshop.text.samples import texts_dir
from workshop.voice.profile import profile_dialogue, profile_texts

if TYPE_CHECKING:
    from workshop.compare.norms.table import NormsTable
    from workshop.compare.pairs import NormPlacement, PairComparison
    from workshop.voice.profile import ProfileSet, VoiceProfile

NORMS = "norms"
"""The comparison target meaning "characters in classic published fiction" (the shipped norms)."""


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

    profiles = profiles or profile_dialogue(dialogue)
    lines = dialogue_lines(dialogue)
    return {p.name: Voice(p.name, p.name, p.name, lines.get(p.name, []), p) for p in profiles.characters}


@lru_cache(maxsize=1)
def _kit_references() -> tuple[Voice, ...]:

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


def norms_population() -> str:
    """The shipped norms named for what they are: "characters in classic novels (1813-1926)"."""

    table = load_norms()
    return table.population if table is not None else CLASSIC_PEOPLE


def comparison_targets(include_references: bool = True) -> list[tuple[str, str]]:
    """What else a character can be compared with, as (label, value) pairs: the reference characters (named by the
    title of their scene), then the norms, named for what they are ("Characters in classic novels (1813-1926)")."""

    targets = [(v.label, v.key) for v in _kit_references()] if include_references else []
    population = norms_population()
    return targets + [(population[:1].upper() + population[1:], NORMS)]


def compare_voices(a: Voice, b: Voice) -> "PairComparison":
    """How distinct ``a`` and ``b`` sound (:func:`workshop.compare.pairs.compare_pair` on their lines)."""

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



def reference_titles() -> dict[str, str]:
    """Each kit reference scene's name and title, read from the scene's first line ("the-detective" -> "The Night
    Clerk"), without profiling anything: what the command's help and the widget both show."""

    folder = texts_dir() / "references"
    out = {}
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        first = next((line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()), "")
        out[path.stem] = first.lstrip("#").strip() or path.stem
    return out


def references_help() -> str:
    """The kit's reference scenes for a command's help: "the-detective (The Night Clerk), the-aunt (...)"."""
    return ", ".join(f"{name} ({title})" for name, title in reference_titles().items())
