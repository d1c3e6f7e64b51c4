"""What the critique says, read as a writing teacher would: the scene's own voices first, verbatim quotations in
every format, one verdict on distinctiveness, usually-zero measures as rates, no advice from the norms."""

from __future__ import annotations

import html
import json
import re

import pytest

from workshop import find_dialogue, scene_from_text
from workshop.report import critique
from workshop.report.differences import SETTLED_WORDS, verdict
from workshop.report.quoting import CUT, example_lines, is_verbatim, line_example, trim
from workshop.speakers.cast import Cast, Character
from workshop.text.scene import read_scene

FIRST_PERSON = '''I woke before the alarm. The kitchen was cold.

"You're up early."

"Couldn't sleep."

I poured the coffee and said nothing for a while. The radio muttered.

"Are you going to tell me?"

"Tell you what?"
'''


@pytest.fixture(scope="module")
def seed(seed_path):
    scene = read_scene(seed_path)
    dialogue = find_dialogue(scene)
    return scene, critique.build_critique(dialogue, against="the-teenager")


def quotations(rendered: str, fmt: str) -> list[str]:
    """Every quotation a rendered critique shows (the outline wraps each in curly quotes, and only quotations)."""
    if fmt == "json":
        data = json.loads(rendered)
        found = []
        for story in data["stories"] + data["reference_stories"]:
            found += [d["example"] for d in story["differences"] + story["maybe"] if d["example"]]
        for ch in data["characters"]:
            found += ch["examples"]
        return found + data["unknown_lines"]
    if fmt == "html":
        rendered = html.unescape(rendered)
    return re.findall(r"“(.*?)”", rendered, flags=re.S)


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "json"])
def test_every_quotation_of_every_format_is_a_span_of_the_scene(seed, fmt) -> None:
    from workshop.compare.references import load_reference

    scene, c = seed
    reference = load_reference("the-teenager").dialogue.scene.text
    found = quotations(critique.render(c, fmt), fmt)
    assert len(found) >= 8
    from_scene = [q for q in found if is_verbatim(q, scene.text)]
    bad = [q for q in found if not is_verbatim(q, scene.text) and not is_verbatim(q, reference)]
    assert not bad, bad
    assert len(from_scene) >= 8


def test_quotations_are_cut_only_at_sentence_or_word_boundaries() -> None:
    text = ("But, I can't ever... I've wanted a family. Maybe it's me being naive, but before the Other Guy, it "
            "was just something I knew I wanted. Someday. And now I can't have that.")
    cut = trim(text, 140)
    assert cut.endswith(CUT) and len(cut) <= 142
    assert cut.removesuffix(CUT).rstrip() in text
    kept = cut.removesuffix(CUT).rstrip()
    assert text[len(kept)] == " " or kept.endswith((".", "?", "!"))  # never "Someda…"
    long_word = trim("a" * 10 + " " + "b" * 200, 140)
    assert long_word == "a" * 10 + CUT
    assert is_verbatim("I had this, um, dream", 'said. "I had this, um, dream," she said. "The kind that...')
    assert not is_verbatim("I had this, um, dream, The kind that...", '"I had this, um, dream," she said. "The kind that..."')


def test_example_lines_never_join_the_pieces_of_a_split_quote() -> None:
    from workshop.compare.pairs import Line

    line = Line(("I had this, um, dream,", "The kind that..."))
    assert example_lines([line], 2) == ["I had this, um, dream", "The kind that..."]
    assert line_example([line], "ellipses_per_100_words", True) == "The kind that..."


def test_the_seed_critique_leads_with_how_natasha_and_bruce_differ(seed) -> None:
    _scene, c = seed
    md = critique.render(c, "md")
    headings = re.findall(r"^## (.*)$", md, flags=re.M)
    assert headings[0] == "Who talks" and headings[1] == "How Natasha and Bruce differ"
    assert headings[-1] == "Read these numbers with care"
    assert headings.index("For the teacher: the numbers") > headings.index("Things to try")
    assert any(h.startswith("For the teacher: against characters in classic novels (1813") for h in headings)
    (story,) = c.stories
    bruce = {d.metric for d in story.differences + story.maybe if d.who == "Bruce"}
    natasha = {d.metric for d in story.differences + story.maybe if d.who == "Natasha"}
    assert {"ellipses_per_100_words", "questions_per_100_sentences", "fragments_per_100_sentences"} <= bruce
    assert "stutters_per_100_words" in bruce
    assert {"mean_utterance_words", "mean_sentence_words"} <= natasha
    lead = md.split("## How Natasha and Bruce differ", 1)[1].split("\n## ", 1)[0]
    assert lead.count("“") >= 5 and "classic" not in lead and "percentile" not in lead


def test_one_verdict_that_cannot_contradict_the_measures(seed) -> None:
    _scene, c = seed
    (story,) = c.stories
    (pair,) = c.pairs
    clear = sum(": clearly different." in m for m in pair.measures)
    assert clear == len(story.differences) == 5
    assert f"differ in {clear} clear ways" in story.verdict
    assert "too early to say" in story.verdict and "Bruce has only 206 words" in story.verdict
    assert "About 800 more words of his talk would settle it" in story.verdict
    assert not story.settled and story.more_words == SETTLED_WORDS - 200
    # the short verdict (overviews, CSV) says the same: 5 clearly different measures, held down by Bruce's 206 words
    assert pair.verdict.startswith("clearly different on 5 measures") and "Bruce has only 206 words" in pair.verdict


def test_verdict_when_too_short_and_when_alike() -> None:
    from types import SimpleNamespace as NS

    tag = NS(accuracy=0.5, chance=0.5, ci_low=0.3, ci_high=0.7)
    alike = NS(a="Ann", b="Bob", metrics=[NS(verdict="no clear difference")], tag_test=tag, distinctiveness=0.0,
               words_a=120, words_b=90)
    text, settled, more = verdict(alike, {"Bob": "he"})
    assert text.startswith("Too short to tell yet") and "Bob's 90 words" in text and not settled and more == 950
    alike.words_a = alike.words_b = 2000
    text, settled, more = verdict(alike)
    assert "hard to tell apart" in text and settled and more == 0
    one = NS(**{**alike.__dict__, "metrics": [NS(verdict="clearly different")], "words_b": 1})
    assert "has only 1 word." in verdict(one)[0]


def test_no_advice_rests_on_the_norms_and_usually_zero_measures_are_rates(seed) -> None:
    _scene, c = seed
    assert not any("classic" in p or "novels" in p or "percentile" in p for p in c.prompts)
    assert not any(re.search(r"\(.*\(", p) or "interval" in p for p in c.prompts)
    natasha = next(ch for ch in c.characters if ch.name == "Natasha")
    trailing = next(h for h in natasha.highlights if h.metric == "trailing_per_100_sentences")
    assert trailing.rate and trailing.sentence == (
        "Most characters in classic novels (1813-1926) never trail off; Natasha does, 2 times in every 100 sentences.")
    assert not any(h.rate and "percentile" in h.sentence for ch in c.characters for h in ch.highlights)
    md = critique.render(c, "md")
    assert "0.26%" in md and "Natasha 0%, " not in md  # rare words shown with their value


def test_signature_words_are_content_words_with_evidence(seed) -> None:
    _scene, c = seed
    for ch in c.characters:
        for entry in ch.signature_words:
            word = entry.split(" (")[0]
            assert word not in {"don't", "because", "they", "for", "just", "it'd", "oh", "not"}
            assert re.search(r"\(\d+ times, \w+ (never|once|\d+ times)\)$", entry)
    bruce = next(ch for ch in c.characters if ch.name == "Bruce")
    assert "uh (2 times, Natasha never)" in bruce.signature_words
    assert "Hulk (2 times, Natasha never)" in bruce.signature_words  # spelt as the writer spells it


def test_the_critique_names_its_cast_and_the_lines_still_unknown() -> None:
    text = '"Hello," said Ann.\n\n"Hi," said Bob.\n\n"Who is there?"\n\n"Nobody."\n\n"Somebody!"\n'
    dialogue = find_dialogue(scene_from_text(text, name="t"), Cast([Character("Ann", pronouns="she"),
                                                                    Character("Bob", pronouns="he")]))
    c = critique.build_critique(dialogue, pictures=False, cast_note="typed with --cast")
    md = critique.render(c, "md")
    assert "Cast (typed with --cast): Ann (she), Bob (he)." in md
    if c.unattributed:
        assert f"Still unknown: {c.unattributed} quoted line" in md


def test_a_first_person_scene_with_no_speakers_says_how_to_fix_it() -> None:
    from workshop.errors import WorkshopError

    with pytest.raises(WorkshopError, match='told as "I".*narrator.*notebook 01.*--cast'):
        critique.build_critique(find_dialogue(scene_from_text(FIRST_PERSON, name="t")))


def test_a_wordless_line_does_not_stop_the_critique() -> None:
    text = '"Where were you?" asked Ann. "I waited all night for you to come home."\n\n"…" said Tom.\n'
    dialogue = find_dialogue(scene_from_text(text, name="t"), Cast([Character("Ann"), Character("Tom")]))
    c = critique.build_critique(dialogue, pictures=False)
    assert [t.name for t in c.talk] == ["Ann"]
    assert "1 words" not in critique.render(c, "md")
