"""Building the critique of a scene from its profiles and comparisons (:func:`build_critique`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workshop.compare.norms.table import CLASSIC_PEOPLE, load_norms
from workshop.compare.pairs import compare_pair, dialogue_lines
from workshop.compare.references import load_reference
from workshop.errors import WorkshopError
from workshop.report import plots
from workshop.report.differences import Difference, PairStory, pair_story
from workshop.report.formatting import SAMPLE_NOUNS as _SAMPLE_NOUNS
from workshop.report.formatting import fmt, value_with_unit
from workshop.report.formatting import plural as _plural
from workshop.report.formatting import unit as _unit
from workshop.report.model import CharacterSection, Critique, Highlight, PairSection
from workshop.report.quoting import example_lines, tidy, trim
from workshop.report.signature import signature_words
from workshop.report.talk import TalkShare, rhythm_points, share_of_talk
from workshop.report.views import FAMILY_MEASURES, usually_zero
from workshop.report.voices import Voice, place_voice, scene_voices
from workshop.report.wording import habit, how_often
from workshop.speakers.dialogue import Dialogue
from workshop.speakers.narrator import FIRST_PERSON_WORD
from workshop.voice.metrics import METRICS
from workshop.voice.profile import profile_dialogue

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



_FORMS = {"she": ("she", "her", "her"), "he": ("he", "him", "his")}


def pronoun_forms(pronoun: str | None) -> tuple[str, str, str]:
    """(subject, object, possessive) for a cast pronoun; "they" forms when it is unknown."""
    return _FORMS.get((pronoun or "").lower(), ("they", "them", "their"))


def _prompt_for(d: Difference, pronouns: dict[str, str]) -> str:
    """One revision prompt from one habit that sets a character apart from another in this scene (never from the
    norms): what the habit does, and a way to use it. No statistics: the numbers are in the sections above."""
    subj, obj, their = pronoun_forms(pronouns.get(d.who))
    group = habit(d.metric).group
    if group == "hesitation":
        return (f"{d.who}'s voice is in {their} hesitations. Find the moment where {d.who} is surest and let "
                f"{obj} say one line straight through, with no pause or stumble: a reader will hear the change.")
    if group == "questions":
        return (f"{d.who} asks and {d.other} answers. Try one exchange where it turns round: {d.other} asks, and "
                f"{d.who} has to answer.")
    if group == "fragments":
        return (f"{d.who} talks in fragments. Give {obj} one full, finished sentence at the moment that matters "
                "most, and see how it lands.")
    if group == "length":
        return (f"{d.who} {habit(d.metric).does}, {d.other} does not. At the turn of the scene, give {d.who} one "
                f"short line instead, and let it land.")
    return (f"{d.who} {habit(d.metric).more} than {d.other}. Read {their} lines aloud: does the habit serve every "
            "line? Try one moment where it breaks under pressure.")


def _prompts(stories: Sequence[PairStory], talk: Sequence[TalkShare], pronouns: dict[str, str],
             unattributed: int) -> list[str]:
    prompts: list[str] = []
    prompted: set[str] = set()
    for story in stories[:3]:
        for d in story.differences:
            if d.who in prompted:
                continue
            prompted.add(d.who)
            prompts.append(_prompt_for(d, pronouns))
        if not story.differences:
            prompts.append(f"Cover the tags and read {story.a}'s and {story.b}'s lines aloud: could a reader tell "
                           "who is speaking? Give one of them a habit the other never has: a length of sentence, "
                           "a kind of word, a way of asking.")
        if not story.settled and story.more_words:
            fewest = min((t for t in talk if t.name in (story.a, story.b)), key=lambda t: t.words, default=None)
            if fewest is not None:
                prompts.append(f"Keep writing: about {story.more_words:,} more words of {fewest.name}'s talk would "
                               f"let the kit say how different {story.a} and {story.b} sound overall.")
    if len(talk) > 1 and talk[0].word_share > 0.75:
        prompts.append(f"{talk[0].name} has most of the words. If the others are meant to hold their own, give them "
                       "a line that interrupts, refuses or changes the subject.")
    if len(talk) == 1:
        name = talk[0].name
        prompts.append(f"Only {name} speaks. Read {name}'s lines aloud and ask what only this character would say; "
                       f"then compare {name} with a reference voice you choose.")
    if unattributed:
        prompts.append("Some lines still have no speaker: tell the kit who says them (notebook 01, or a corrections "
                       "file beside the scene), and every number will include them.")
    return prompts


def _norms_highlights(voice: Voice, table: "NormsTable | None", name: str) -> tuple[list[Highlight], dict]:
    """Where a voice stands out among the norms' characters: measures that are zero for most of them as rates
    ("most ... never trail off; Natasha does, 2 times in every 100 sentences"), the others by percentile when
    under the 10th or over the 90th. Measures resting on too little text are left out (returned apart)."""
    highlights: list[Highlight] = []
    left_out: dict[tuple[int, str], list[str]] = {}
    if table is None:
        return highlights, left_out
    population = table.population
    for metric, placement in place_voice(voice, table).items():
        pct, value = placement.percentile, placement.value
        if not math.isfinite(pct) or not math.isfinite(value):
            continue
        norm = table.metrics.get(metric)
        zero_median = norm is not None and len(norm.percentiles) > 2 and norm.percentiles[len(norm.percentiles) // 2] == 0
        if zero_median or usually_zero(metric):
            if value <= 0:
                continue
            short = too_little_for(voice.profile, metric)
            if short is not None:
                left_out.setdefault((short[1], short[2]), []).append(placement.label)
                continue
            h = habit(metric)
            sentence = f"Most {population} never {h.do}; {name} does, {how_often(value, metric)}."
            highlights.append(Highlight(metric, placement.label, value, pct, sentence, "", placement.note, True))
            continue
        if 10 < pct < 90:
            continue
        short = too_little_for(voice.profile, metric)
        if short is not None:  # an extreme built on too little text is noise: a caveat, not a highlight
            left_out.setdefault((short[1], short[2]), []).append(placement.label)
            continue
        sentence = placement.sentence
        if sentence.startswith(placement.label + ": "):  # the value itself, so "0.26%" is never read as nothing
            sentence = f"{placement.label} ({value_with_unit(value, metric)}): " + sentence[len(placement.label) + 2:]
        highlights.append(Highlight(metric, placement.label, value, pct, sentence, "", placement.note))
    curated = {m for family in FAMILY_MEASURES.values() for m in family}
    highlights.sort(key=lambda h: (bool(h.note), not h.rate, h.metric not in curated, -abs(h.percentile - 50),
                                   h.metric))
    return highlights, left_out


def _cast_sentence(dialogue: Dialogue, cast_note: str | None) -> str:
    """Which cast the critique used, and who is in it: "the cast file safehouse.cast.toml: Natasha (she), ..."."""
    people = []
    for ch in dialogue.cast:
        extra = [p for p in (ch.pronouns, "narrator" if ch.narrator or ch.name == dialogue.cast.narrator else "")
                 if p]
        people.append(ch.name + (f" ({', '.join(extra)})" if extra else ""))
    who = ", ".join(people) if people else "nobody"
    if cast_note:
        return f"Cast ({cast_note}): {who}."
    source = getattr(dialogue.cast, "source", "")
    if source == "found":
        return (f"Cast found by the kit: {who}. Confirm or fix it in notebook 01, or type it with --cast, so every "
                "line counts for the right person.")
    return f"Cast (from the cast file): {who}."


def _unknown_quotes(dialogue: Dialogue, most: int = 3) -> list[str]:
    """The first few lines with no speaker, quoted verbatim (one quoted piece each)."""
    out = []
    for seg in dialogue.unattributed:
        text = trim(tidy(seg.text))
        if text and text not in out:
            out.append(text)
        if len(out) == most:
            break
    return out


def no_critique_reason(dialogue: Dialogue) -> str:
    """Why a scene has nothing to critique, in one message with the way out."""

    if not dialogue.segments:
        return ("No dialogue found in this scene: nothing is in quotation marks (or opened with a dash), so there "
                "are no voices to critique. If the dialogue is marked another way, say how with --style (for "
                "example --style single or --style dash).")
    text = dialogue.scene.text
    quoted = sum(s.end - s.start for s in dialogue.segments)
    narration_words = max(1, len(text.split()) - quoted // 6)
    first_person = len(FIRST_PERSON_WORD.findall(text)) / narration_words >= 0.02
    n = len(dialogue.segments)
    if first_person:
        return (f"None of the {n} quoted lines has a speaker yet. The story is told as \"I\": tell the kit who the "
                "narrator is and who else speaks: in notebook 01, mark the narrator in the cast list and press "
                "Save; or on the command line add a cast, e.g. --cast \"Sam (narrator, he), Ana (she)\".")
    return (f"None of the {n} quoted lines has a speaker yet, so there is nothing to critique. Give the kit the "
            "cast (notebook 01, or --cast \"Ana (she), Ben (he)\"), or check the quotes with: python -m workshop "
            "quotes SCENE.")


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
    cast_note: str | None = None,
) -> Critique:
    """Gather the critique of a scene; ``against`` is a reference (a kit reference scene name, a scene path or a
    catalog work), read by :func:`workshop.compare.references.load_reference` with ``against_cast`` (its cast file)
    and ``fetch`` (allow downloading a catalog work once). ``norms`` places the characters among other norms than
    the kit's characters in classic novels (:func:`workshop.compare.norms.file.load_norms_file`): in the teacher's
    section only, never as advice. ``cast_note`` says where the cast came from ("the cast file X")."""

    profiles = profiles or profile_dialogue(dialogue)
    talk = [t for t in share_of_talk(dialogue) if t.words > 0]  # a wordless line ("…") is no voice to critique
    if not talk:
        raise WorkshopError(no_critique_reason(dialogue))
    voices = scene_voices(dialogue, profiles)
    names = [t.name for t in talk][:max_characters]
    table = norms or load_norms()
    population = table.people if table is not None else CLASSIC_PEOPLE
    pronouns = {n: (dialogue.cast.pronoun_of(n) or "") for n in names}
    caveats: list[str] = []

    lines = dialogue_lines(dialogue, names)
    pairs, stories = _scene_pairs(names, lines, pronouns)
    references: list[PairSection] = []
    reference_stories: list[PairStory] = []
    against_title = ""
    if against:
        references, reference_stories, against_title = _reference_pairs(
            against, against_cast, fetch, names, lines, pronouns)

    signatures = signature_words(lines, names=dialogue.cast.names)
    characters = _character_sections(talk[:max_characters], voices, table, signatures, pronouns, caveats)

    unattributed = len(dialogue.unattributed)
    prompts = _prompts(stories, talk, pronouns, unattributed)
    caveats.append("Every measure counts surface features (words, sentences, punctuation). They point at what to "
                   "listen for; your ear and your readers decide.")
    if table is not None:
        caveats.append(f"The norms are {table.population}: " + table.describe() + " They are a yardstick from "
                       "another time, not a target: no suggestion in this critique rests on them.")

    words = sum(len(dialogue.scene.text[p.start:p.end].split()) for p in dialogue.scene.story_paragraphs)
    critique = Critique(dialogue.scene.name, words, sum(t.words for t in talk), unattributed, talk, characters,
                        pairs, references, prompts, caveats, table.describe() if table else "", against,
                        rhythm_points(dialogue), population=population, stories=stories,
                        reference_stories=reference_stories, against_title=against_title,
                        cast_used=_cast_sentence(dialogue, cast_note), unknown_lines=_unknown_quotes(dialogue),
                        norms_name=table.population if table is not None else "")
    if pictures:
        critique.pictures = critique_pictures(critique, profiles)
    return critique


def _scene_pairs(names: list[str], lines: dict[str, list[str]],
                 pronouns: dict[str, str]) -> tuple[list[PairSection], list[PairStory]]:
    """Each pair of the scene's speakers compared: the short verdict (section) and the long story."""
    pairs: list[PairSection] = []
    stories: list[PairStory] = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if not lines[a] or not lines[b]:
                continue
            compared = compare_pair(a, lines[a], b, lines[b])
            pairs.append(_pair_section(compared))
            stories.append(pair_story(compared, lines, pronouns=pronouns))  # (the section keeps the short verdict)
    return pairs, stories


def _reference_pairs(against: str, against_cast: Any, fetch: bool, names: list[str], lines: dict[str, list[str]],
                     pronouns: dict[str, str]) -> tuple[list[PairSection], list[PairStory], str]:
    """Each of the scene's speakers compared with each voice of the reference ``against``; and its title."""
    ref = load_reference(against, cast=against_cast, fetch=fetch)
    against_title = reference_title(ref)
    references: list[PairSection] = []
    reference_stories: list[PairStory] = []
    for ref_name, ref_lines in ref.lines().items():
        both = {**lines, ref_name: ref_lines}
        for a in names:
            compared = compare_pair(a, lines[a], ref_name, ref_lines)
            compared.reference = ref.name
            section = _pair_section(compared)
            story = pair_story(compared, both, pronouns=pronouns, reference=ref_name)
            story.reference_title = against_title
            references.append(section)
            reference_stories.append(story)
    return references, reference_stories, against_title


def _character_sections(talk: list[TalkShare], voices: dict[str, Voice], table: "NormsTable | None",
                        signatures: dict[str, Any], pronouns: dict[str, str],
                        caveats: list[str]) -> list[CharacterSection]:
    """One section per speaker shown; adds to ``caveats`` the speakers with too few words or left-out measures."""
    characters: list[CharacterSection] = []
    for t in talk:
        voice = voices[t.name]
        highlights, left_out = _norms_highlights(voice, table, t.name)
        openers = [str(o["opener"]).capitalize() for o in voice.profile.diction.get("openers", [])
                   if int(o.get("count", 0)) >= 3]
        shown = highlights[:6]
        shown_metrics = {h.metric for h in shown}
        notes = [n.message for n in voice.profile.notes
                 if n.kind == "general" or (n.kind == "small-sample" and n.metric in shown_metrics)][:4]
        sizes = {"words": voice.profile.words, "sentences": voice.profile.sentences,
                 "utterances": voice.profile.utterances}
        own = signatures.get(t.name, [])
        characters.append(CharacterSection(t.name, t.words, t.turns, t.word_share, shown,
                                           [s.evidence() for s in own], openers[:3], example_lines(voice.lines, 3),
                                           notes, pronouns.get(t.name, ""), [(s.word, s.count) for s in own]))
        if t.words < SMALL_SCENE_WORDS:
            caveats.append(f"{t.name} says only {_plural(t.words, 'word')}: every number about {t.name} is a hint "
                           "to test against your ear, not a finding.")
        if left_out:
            caveats.append(_left_out_sentence(t.name, left_out, sizes))
    return characters


def reference_title(ref: Any) -> str:
    """A reference's title as the writer sees it everywhere (the first line of a kit reference scene, e.g. "The
    Night Clerk"), else its name."""
    text = ref.dialogue.scene.text.strip()
    if getattr(ref, "source", "") == "scene" and text:
        return text.splitlines()[0].strip().lstrip("#").strip() or ref.name
    return getattr(ref, "description", "") or ref.name


def _pair_section(p: "PairComparison") -> PairSection:
    reasons = []
    for m in p.strongest(3):
        reasons.append(f"{m.label.lower()}: {p.a} {fmt(m.a, m.metric)}, {p.b} {fmt(m.b, m.metric)} "
                       f"(difference {fmt(m.difference, m.metric)}, 95% interval {fmt(m.ci_low, m.metric)} to "
                       f"{fmt(m.ci_high, m.metric)})")
    measures = []
    for m in p.metrics:
        measures.append(f"{m.label} ({_unit(m.metric)}): {p.a} {fmt(m.a, m.metric)}, {p.b} {fmt(m.b, m.metric)}; "
                        f"difference {fmt(m.difference, m.metric)}, 95% interval {fmt(m.ci_low, m.metric)} to "
                        f"{fmt(m.ci_high, m.metric)}: {m.verdict}.")
    t = p.tag_test
    return PairSection(p.a, p.b, p.distinctiveness, p.verdict, reasons, t.accuracy, t.chance, p.reference,
                       list(p.notes), p.distinctiveness_high, t.ci_low, t.ci_high, measures)


PICTURE_SPEAKERS = 10
"""Speakers drawn one by one in the share-of-talk picture; the others are one bar."""
RHYTHM_SPEAKERS = 4
"""Speakers drawn in the rhythm strip (more colours than this cannot be told apart on a projector)."""


def critique_pictures(critique: Critique, profiles: "ProfileSet") -> dict[str, bytes]:
    """The critique's pictures as PNG bytes: share of talk, rhythm strip, distinctive words."""

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
    shown_chars = critique.characters[:3]
    out["word choice"] = plots.figure_bytes(plots.signature_words([c.name for c in shown_chars],
                                                                  [c.signature_counts for c in shown_chars]))
    return out


def distinctive_word_lists(profiles: Sequence["VoiceProfile"], k: int = 8
                           ) -> tuple[list[str], list[list[tuple[str, float, bool]]]]:
    """Names and, for each, its signature words as ``(word, z, clearly theirs)`` (for the picture)."""
    names = [p.name for p in profiles]
    words = [[(str(w["word"]), float(w["z"]), bool(w["significant"])) for w in p.diction.get("distinctive_words", [])[:k]]
             for p in profiles]
    return names, words

