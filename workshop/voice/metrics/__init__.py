"""The metric catalogue: every scalar a voice profile reports, with its label and meaning for writers.

``METRICS[name]`` is a :class:`MetricInfo`: family (readability / rhythm / diction), a label in writer's words,
the unit, a one-line explanation, and the smallest sample (``sample`` words/sentences/utterances, at least
``minimum`` of them) at which the number starts to mean something. Below that the profile still shows the
number, with a note. Comparisons, widgets and the critique use this table to label things consistently.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MetricInfo:
    name: str
    family: str
    label: str
    unit: str
    explanation: str
    sample: str = "words"
    minimum: int = 0
    higher: str = ""
    """What a higher value means, in a few words (empty when it is not a simple more/less)."""


def _m(name, family, label, unit, explanation, sample="words", minimum=0, higher=""):
    return MetricInfo(name, family, label, unit, explanation, sample, minimum, higher)


_ALL = [
    # readability
    _m("flesch_reading_ease", "readability", "Flesch reading ease", "score (0-100)",
       "How easy the lines are to read: shorter sentences and shorter words score higher.", "words", 100, "easier"),
    _m("flesch_kincaid_grade", "readability", "Flesch-Kincaid grade", "US school grade",
       "The school grade that could read the lines, from sentence and word length.", "words", 100, "harder"),
    _m("gunning_fog", "readability", "Gunning fog index", "years of schooling",
       "Years of schooling needed, from sentence length and the share of long unfamiliar words.", "words", 100,
       "harder"),
    _m("smog_index", "readability", "SMOG grade", "US school grade",
       "School grade from the number of words of three or more syllables per 30 sentences.", "sentences", 30,
       "harder"),
    _m("coleman_liau_index", "readability", "Coleman-Liau index", "US school grade",
       "School grade from letters per word and sentences per word.", "words", 100, "harder"),
    _m("automated_readability_index", "readability", "Automated readability index", "US school grade",
       "School grade from characters per word and words per sentence.", "words", 100, "harder"),
    _m("dale_chall", "readability", "Dale-Chall score", "score",
       "Difficulty from the share of words outside a list of 3,000 familiar words; 4.9 or less is easy for a "
       "fourth-grader, 9 and above is college level.", "words", 100, "harder"),
    # rhythm
    _m("mean_sentence_words", "rhythm", "Average sentence length", "words per sentence",
       "How many words a sentence runs, on average.", "sentences", 10, "longer sentences"),
    _m("median_sentence_words", "rhythm", "Typical sentence length", "words per sentence",
       "The middle sentence length: half the sentences are shorter, half longer.", "sentences", 10,
       "longer sentences"),
    _m("sd_sentence_words", "rhythm", "Spread of sentence lengths", "words",
       "How far sentence lengths stray from the average (standard deviation).", "sentences", 10, "more varied"),
    _m("cv_sentence_words", "rhythm", "Variety of sentence length", "ratio",
       "Spread divided by the average: near 0 is a steady beat, near 1 lurches between long and short.",
       "sentences", 10, "more varied"),
    _m("mean_utterance_words", "rhythm", "Words per speech", "words",
       "How many words the character says each time they speak.", "utterances", 5, "longer speeches"),
    _m("mean_utterance_sentences", "rhythm", "Sentences per speech", "sentences",
       "How many sentences the character says each time they speak.", "utterances", 5, "longer speeches"),
    _m("share_of_words", "rhythm", "Share of the talk (words)", "share (0-1)",
       "The part of all the dialogue's words this character says (for the narration: its part of the scene).",
       "words", 0, "talks more"),
    _m("share_of_turns", "rhythm", "Share of the talk (turns)", "share (0-1)",
       "The part of all speeches that are this character's.", "utterances", 0, "speaks more often"),
    _m("fragments_per_100_sentences", "rhythm", "Fragments", "per 100 sentences",
       "Sentences with no verb (\"Together.\" \"Just us?\").", "sentences", 20, "more fragments"),
    _m("questions_per_100_sentences", "rhythm", "Questions", "per 100 sentences",
       "Sentences that end in a question mark.", "sentences", 20, "asks more"),
    _m("exclamations_per_100_sentences", "rhythm", "Exclamations", "per 100 sentences",
       "Sentences that end in an exclamation mark.", "sentences", 20, "exclaims more"),
    _m("trailing_per_100_sentences", "rhythm", "Trailing off", "per 100 sentences",
       "Sentences that end in an ellipsis (… or ...).", "sentences", 20, "trails off more"),
    _m("interruptions_per_100_sentences", "rhythm", "Cut off", "per 100 sentences",
       "Sentences that end in a dash: broken off or interrupted.", "sentences", 20, "cut off more"),
    _m("ellipses_per_100_words", "rhythm", "Ellipses", "per 100 words",
       "Every … or ..., at the end of a sentence or inside it.", "words", 100, "more pauses"),
    _m("dashes_per_100_words", "rhythm", "Dashes", "per 100 words",
       "Every dash that breaks a sentence (—, –, --, or a spaced hyphen).", "words", 100, "more breaks"),
    _m("stutters_per_100_words", "rhythm", "Stutters", "per 100 words",
       "Hyphenated stutters such as \"I-I\" or \"y-you\".", "words", 100, "stutters more"),
    _m("false_starts_per_100_words", "rhythm", "False starts", "per 100 words",
       "A word said twice in a row, maybe with a filler between (\"I...I didn't\", \"I, uh, I\").", "words",
       100, "restarts more"),
    _m("fillers_per_100_words", "rhythm", "Fillers", "per 100 words",
       "Um, uh, ah, hmm, and a set-off well, like, I mean, you know.", "words", 100, "more fillers"),
    _m("hesitations_per_100_words", "rhythm", "All hesitations", "per 100 words",
       "Ellipses, stutters, false starts and fillers together.", "words", 100, "more hesitant"),
    _m("monosyllable_share", "rhythm", "One-syllable words", "share (0-1)",
       "The share of words with a single syllable: plain, punchy talk runs high.", "words", 50,
       "plainer words"),
    _m("syllables_per_word", "rhythm", "Syllables per word", "syllables",
       "Average syllables per word.", "words", 50, "longer words"),
    _m("stressed_syllable_share", "rhythm", "Stressed syllables", "share (0-1)",
       "The share of syllables that carry stress (by the pronunciation dictionary; small words like \"the\" "
       "and \"to\" read light): blunt talk in heavy words runs high, chatty or Latinate talk runs low.",
       "words", 50, "heavier beat"),
    # diction
    _m("mtld", "diction", "Vocabulary range (MTLD)", "words",
       "How many words go by, on average, before the speaker starts repeating words.", "words", 100,
       "wider vocabulary"),
    _m("hdd", "diction", "Vocabulary range (HD-D)", "ratio (0-1)",
       "The share of different words expected in any 42 words the speaker says.", "words", 100,
       "wider vocabulary"),
    _m("ttr", "diction", "Different words / all words", "ratio (0-1)",
       "Type-token ratio. It falls as a text gets longer: compare only samples of the same length.", "words",
       100, "more varied words"),
    _m("mean_word_length", "diction", "Word length", "letters per word",
       "Average letters per word.", "words", 50, "longer words"),
    _m("mean_zipf", "diction", "Everyday-ness of words", "Zipf (0-8)",
       "How common the words are in English on the Zipf scale: 6 is everyday, 3 is once in a million words.",
       "words", 50, "more common words"),
    _m("rare_word_share", "diction", "Rare words", "share (0-1)",
       "The share of words rarer than once in a million words of English (names and coinages included).",
       "words", 100, "more rare words"),
    _m("contractions_per_100_words", "diction", "Contractions", "per 100 words",
       "Don't, I'm, we've, gonna...: how informal the talk is.", "words", 100, "more informal"),
    _m("hedges_per_100_words", "diction", "Hedges", "per 100 words",
       "Maybe, perhaps, I think, sort of: softening a claim.", "words", 100, "more tentative"),
    _m("intensifiers_per_100_words", "diction", "Intensifiers", "per 100 words",
       "Very, really, totally, absolutely: turning the volume up.", "words", 100, "more emphatic"),
    _m("certainty_per_100_words", "diction", "Certainty", "per 100 words",
       "Definitely, exactly, of course, never: closing off doubt.", "words", 100, "more certain"),
    _m("profanity_per_100_words", "diction", "Swearing", "per 100 words",
       "Mild and strong swearing together.", "words", 100, "swears more"),
    _m("profanity_mild_per_100_words", "diction", "Mild swearing", "per 100 words",
       "Damn, hell, God, bloody...", "words", 100, "swears more"),
    _m("profanity_strong_per_100_words", "diction", "Strong swearing", "per 100 words",
       "What television would bleep.", "words", 100, "swears more"),
    _m("first_person_per_100_words", "diction", "I / me / my", "per 100 words",
       "How much the character talks about themselves.", "words", 100, "more self-focused"),
    _m("first_plural_per_100_words", "diction", "We / us / our", "per 100 words",
       "How much the character speaks for a group.", "words", 100, "more \"we\""),
    _m("second_person_per_100_words", "diction", "You / your", "per 100 words",
       "How much the character talks to or about the listener.", "words", 100, "more listener-focused"),
    _m("third_person_per_100_words", "diction", "He / she / they", "per 100 words",
       "How much the character talks about other people.", "words", 100, "more about others"),
    _m("address_per_100_words", "diction", "Forms of address", "per 100 words",
       "Calling someone by name, title or endearment (\"Natasha,\" \"sir\", \"honey\").", "words", 100,
       "addresses people more"),
    _m("function_word_share", "diction", "Function words", "share (0-1)",
       "The share of small grammatical words (the, of, and, I, is...). The full profile of them is a "
       "fingerprint of style.", "words", 500, "more function words"),
    _m("sentiment", "diction", "Mood (VADER)", "score (-1 to 1)",
       "Average positive or negative feeling of the speeches, sentence by sentence, by the VADER sentiment "
       "lexicon (dialogue only).", "utterances",
       10, "more positive"),
    _m("positive_share", "diction", "Positive speeches", "share (0-1)",
       "The share of speeches VADER scores clearly positive (0.05 or more).", "utterances", 10, "more positive"),
    _m("negative_share", "diction", "Negative speeches", "share (0-1)",
       "The share of speeches VADER scores clearly negative (-0.05 or less).", "utterances", 10,
       "more negative"),
]  # fmt: skip

METRICS: dict[str, MetricInfo] = {m.name: m for m in _ALL}
"""Every scalar metric of a voice profile, by name."""

FAMILIES = ("readability", "rhythm", "diction")


def metric_info(name: str) -> MetricInfo:
    """The catalogue entry for ``name``; an unknown name is an error that lists the valid ones."""
    try:
        return METRICS[name]
    except KeyError:
        from workshop.errors import WorkshopError

        raise WorkshopError(f"No metric called {name!r}. Known metrics: {', '.join(METRICS)}.") from None


def metrics_of(family: str) -> list[MetricInfo]:
    """The catalogue entries of one family, in catalogue order."""
    return [m for m in _ALL if m.family == family]
