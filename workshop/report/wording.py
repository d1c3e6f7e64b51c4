"""How the critique says a measure in a fifteen-year-old's words: the habit it counts, and how often.

The metric catalogue (:mod:`workshop.voice.metrics`) gives each measure a label and a unit for a table; a critique
needs a sentence instead: "Bruce trails off more often: 14 times in every 100 sentences; Natasha 2." Each entry of
:data:`HABITS` says what a character *does* when the measure is high (``does``: "asks questions"), the same in the
plain form (``do``: "ask a question", for "most characters never ask a question"), and what a higher value is
(``more``: "asks more questions"). Measures without an entry are worded from their label.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workshop.report.formatting import fmt, label
from workshop.voice.metrics import METRICS


@dataclass(frozen=True)
class Habit:
    does: str
    do: str
    more: str
    group: str = "other"
    """What kind of habit, for the revision prompts: "hesitation", "questions", "fragments", "length", "other"."""


HABITS: dict[str, Habit] = {
    "mean_sentence_words": Habit("talks in long sentences", "talk in long sentences", "talks in longer sentences",
                                 "length"),
    "mean_utterance_words": Habit("makes long speeches", "make long speeches", "makes longer speeches",
                                  "length"),
    "questions_per_100_sentences": Habit("asks questions", "ask a question", "asks more questions", "questions"),
    "exclamations_per_100_sentences": Habit("exclaims", "exclaim", "exclaims more (!)", "other"),
    "fragments_per_100_sentences": Habit("speaks in fragments", "speak in fragments",
                                         "speaks in fragments (sentences with no verb) more often", "fragments"),
    "trailing_per_100_sentences": Habit("trails off", "trail off", "trails off (…) more often", "hesitation"),
    "interruptions_per_100_sentences": Habit("breaks off mid-sentence", "break off mid-sentence",
                                             "breaks off mid-sentence (—) more often", "hesitation"),
    "ellipses_per_100_words": Habit("pauses with dots (…)", "pause with dots (…)",
                                    "pauses with dots (…) more often", "hesitation"),
    "dashes_per_100_words": Habit("uses dashes", "use a dash", "uses more dashes (—)", "hesitation"),
    "stutters_per_100_words": Habit("stutters", "stutter", "stutters more (I-I, w-what)", "hesitation"),
    "fillers_per_100_words": Habit("uses fillers", "use a filler (um, uh)", "uses more fillers (um, uh, well)",
                                   "hesitation"),
    "mean_word_length": Habit("uses long words", "use long words", "uses longer words"),
    "rare_word_share": Habit("uses rare words", "use a rare word", "uses more rare words"),
    "contractions_per_100_words": Habit("uses contractions", "use contractions", "uses more contractions (don't, I'm)"),
    "hedges_per_100_words": Habit("hedges", "hedge", "hedges more (maybe, I think)", "hesitation"),
    "intensifiers_per_100_words": Habit("uses intensifiers", "use an intensifier", "uses more intensifiers (really, so)"),
    "certainty_per_100_words": Habit("sounds certain", "sound certain", "sounds more certain (always, definitely)"),
    "profanity_per_100_words": Habit("swears", "swear", "swears more"),
    "first_person_per_100_words": Habit("talks about themselves", "talk about themselves",
                                        "says I, me and my more often"),
    "second_person_per_100_words": Habit("says you", "say you", "says you and your more often"),
    "address_per_100_words": Habit("calls people by name", "call someone by name",
                                   "calls people by name more often"),
}  # fmt: skip


def habit(metric: str) -> Habit:
    """The entry for ``metric``, or one made from its label ("scores higher on <label>")."""
    found = HABITS.get(metric)
    if found is not None:
        return found
    text = label(metric).lower()
    return Habit(f"scores high on {text}", f"score high on {text}", f"scores higher on {text}")


def how_often(value: float, metric: str) -> str:
    """A value in everyday words: "14 times in every 100 sentences", "8.0 words a sentence", "0.26% of words"."""
    if not math.isfinite(value):
        return "not measured"
    unit = _unit_of(metric)
    if unit.startswith("per 100 "):
        per = unit.removeprefix("per 100 ")
        if value == 0:
            return "never"
        n = round(value) if value >= 1.5 else round(value, 1)
        times = "once" if n == 1 else f"{n:g} times"
        return f"{times} in every 100 {per}"
    if metric == "mean_sentence_words":
        return f"{value:.1f} words a sentence"
    if metric == "mean_utterance_words":
        return f"{value:.0f} words a speech"
    if metric == "mean_word_length":
        return f"{value:.1f} letters a word"
    return fmt(value, metric)


def short_value(value: float, metric: str) -> str:
    """The other character's value, after :func:`how_often` has given the unit: "2", "5.6", "0.26%"."""
    if not math.isfinite(value):
        return "not measured"
    if value == 0 and _unit_of(metric).startswith("per 100 "):
        return "never"
    unit = _unit_of(metric)
    if unit.startswith("per 100 "):
        return f"{round(value):g}" if value >= 1.5 else f"{round(value, 1):g}"
    if metric == "mean_utterance_words":
        return f"{value:.0f}"
    return fmt(value, metric)


def _unit_of(metric: str) -> str:

    info = METRICS.get(metric)
    return info.unit if info else ""
