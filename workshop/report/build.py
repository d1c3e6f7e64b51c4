"""Building the critique of a scene from its profiles and comparisons (:func:`build_critique`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workshop.compare.norms.table import CLASSIC_PEOPLE, ordinal
from workshop.errors import WorkshopError
from workshop.report.formatting import SAMPLE_NOUNS as _SAMPLE_NOUNS, fmt, plural as _plural, value_with_unit as _value_with_unit
from workshop.report.model import CharacterSection, Critique, Highlight, PairSection
from workshop.report.quoting import example_lines, line_example as _line_example
from workshop.report.talk import rhythm_points, share_of_talk
from workshop.report.views import FAMILY_MEASURES
from workshop.report.voices import place_voice, scene_voices
from workshop.speakers.dialogue import Dialogue
from workshop.voice.metrics import METRICS

if TYPE_CHECKING:
    from workshop.compare.norms.table import NormsTable
    from workshop.compare.pairs import PairComparison
    from workshop.voice.profile import ProfileSet, VoiceProfile

SMALL_SCENE_WORDS = 300
"""Below this many words a character's numbers are hints, not findings (the critique says so)."""



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


def distinctive_word_lists(profiles: Sequence["VoiceProfile"], k: int = 8
                           ) -> tuple[list[str], list[list[tuple[str, float, bool]]]]:
    """Names and, for each, its signature words as ``(word, z, clearly theirs)`` (for the picture)."""
    names = [p.name for p in profiles]
    words = [[(str(w["word"]), float(w["z"]), bool(w["significant"])) for w in p.diction.get("distinctive_words", [])[:k]]
             for p in profiles]
    return names, words

