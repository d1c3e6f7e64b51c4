import json
import random
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from workshop.compare.pairs import (
    CLEARLY_DIFFERENT,
    describe_distinctiveness,
    MEASURE_VERDICTS,
    NO_CLEAR_DIFFERENCE,
    measure_verdict,
    metric,
    compare_dialogue,
    compare_lines,
    LINE_METRICS,
    compare_pair,
    line_counts,
    texts_value,
    value,
)
from workshop.errors import WorkshopError
from workshop.compare.uncertainty import SIMILAR, TOO_LITTLE

GOLD = Path(__file__).parent / "data" / "safehouse.gold.json"
FAST = dict(n_boot=200, n_perm=100)


def gold_lines() -> dict[str, list[str]]:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    pieces, speaker = defaultdict(list), {}
    for seg in data["segments"]:
        pieces[seg["utterance"]].append(seg["text"])
        speaker[seg["utterance"]] = seg["speaker"]
    out = defaultdict(list)
    for u in sorted(pieces):
        out[speaker[u]].append(" ".join(pieces[u]))
    return dict(out)


def terse_and_garrulous(n: int, seed: int = 0) -> dict[str, list[str]]:
    rng = random.Random(seed)
    terse = ["No.", "Sit.", "Gun's loaded.", "Not tonight.", "Door. Now.", "He lied.", "Drink it.", "Car's outside."]
    openers = ["Well, I suppose", "Oh, I do think", "You know, perhaps", "Now, I must say", "Honestly, I believe"]
    middles = ["it would be lovely if we", "the vicar and I really ought to", "we might perhaps", "one could very well"]
    ends = ["have the whole family round for tea on Sunday, wouldn't it?", "talk about the garden and the roses, really.",
            "go down to the seaside and see your poor cousin Margaret!", "ask about the little shop on the corner, dear."]
    return {
        "Terse": [rng.choice(terse) for _ in range(n)],
        "Aunt": [f"{rng.choice(openers)} {rng.choice(middles)} {rng.choice(ends)}" for _ in range(n)],
    }


def test_line_counts_add_up_to_the_profile():
    from workshop.voice.profile import profile_texts

    for lines in gold_lines().values():
        whole = profile_texts(lines, "x").scalar_metrics()
        counts = line_counts(lines)
        for m in LINE_METRICS:
            assert value(counts[m.name], m) == pytest.approx(whole[m.name], nan_ok=True), m.name
    assert texts_value(["One two three. Four.", "Five six?"], "mean_sentence_words") == pytest.approx(2.0)
    assert texts_value(["One two three. Four.", "Five six?"], "questions_per_100_sentences") == pytest.approx(100 / 3)


def test_seed_scene_natasha_and_bruce_differ_with_intervals_that_exclude_zero():
    lines = gold_lines()
    result = compare_lines({"Natasha": lines["Natasha"], "Bruce": lines["Bruce"]}, with_norms=False, **FAST)
    pair = result.pairs[0]
    by = {m.metric: m for m in pair.metrics}
    # Natasha talks in longer sentences and longer speeches; Bruce trails off (ellipses)
    for name, sign in (("mean_sentence_words", 1), ("mean_utterance_words", 1), ("ellipses_per_100_words", -1)):
        m = by[name]
        assert m.verdict == CLEARLY_DIFFERENT, name
        assert sign * m.ci_low > 0 and sign * m.ci_high > 0, name  # the whole interval on one side of zero
    assert by["mean_sentence_words"].a > by["mean_sentence_words"].b
    assert {"mean_sentence_words", "mean_utterance_words"} & {m.metric for m in pair.strongest()}
    # distinct on several measures; the overall score stays modest because there are only ~200 words of Bruce
    assert "distinct" in pair.verdict and "not clearly" not in pair.verdict
    assert 0 < pair.distinctiveness < pair.distinctiveness_high
    assert pair.distinctiveness <= 1 and pair.habits_component.part > 0


def test_same_voice_control_two_halves_of_natasha_come_out_alike():
    natasha = gold_lines()["Natasha"]
    for seed in range(3):
        lines = natasha[:]
        random.Random(seed).shuffle(lines)
        half = len(lines) // 2
        pair = compare_pair("first half", lines[:half], "second half", lines[half:], **FAST)
        assert pair.distinctiveness < 0.05
        verdicts = [m.verdict for m in pair.metrics]
        assert sum(v in (SIMILAR, NO_CLEAR_DIFFERENCE, TOO_LITTLE) for v in verdicts) >= 0.8 * len(verdicts)
        clear = [m for m in pair.metrics if m.verdict == CLEARLY_DIFFERENT]
        # the headline agrees with the details: a random split can leave one half with the short speeches
        if clear:
            assert pair.verdict.startswith(f"clearly different on {len(clear)} measure")
            assert "overall distinctiveness" in pair.verdict and "not" not in pair.verdict
        else:
            assert "not clearly distinct" in pair.verdict


def test_clearly_different_voices_score_high_and_less_text_never_inflates():
    big = terse_and_garrulous(60)
    full = compare_pair("Terse", big["Terse"], "Aunt", big["Aunt"], **FAST)
    assert full.distinctiveness > 0.5 and full.verdict == "very distinct"
    assert full.tag_test.accuracy > 0.95 and full.tag_test.chance == 0.5
    small = compare_pair("Terse", big["Terse"][:6], "Aunt", big["Aunt"][:6], **FAST)
    assert small.distinctiveness < full.distinctiveness
    assert small.tag_test.notes  # says the tag test is rough


def test_same_voice_control_on_constructed_voice():
    # twelve different draws of one (very repetitive) voice, split in two: usually 0, on average far below the
    # 0.5+ that two different voices get; an unlucky split can score a little (each part has a 5% false alarm)
    scores, accuracies = [], []
    for g in range(12):
        lines = terse_and_garrulous(80, seed=g)["Aunt"]
        pair = compare_pair("A", lines[:40], "B", lines[40:], n_boot=50, n_perm=100)
        scores.append(pair.distinctiveness)
        accuracies.append(pair.tag_test.accuracy)
    scores.sort()
    assert scores[len(scores) // 2] == 0.0
    assert sum(scores) / len(scores) < 0.1
    assert max(accuracies) < 0.75


def test_json_contract_and_frames():
    result = compare_lines(terse_and_garrulous(15), with_norms=True, **FAST)
    d = result.to_dict()
    pair = d["pairs"][0]
    assert {"a", "b", "distinctiveness", "delta", "lsm", "tag_test", "metrics"} <= set(pair)
    assert {"accuracy", "chance", "n"} <= set(pair["tag_test"])
    assert {"metric", "a", "b", "difference", "ci_low", "ci_high", "verdict"} <= set(pair["metrics"][0])
    assert d["references"] == []
    assert {"character", "metric", "value", "percentile"} <= set(d["norms"][0])
    json.dumps(d, allow_nan=False)  # NaN became null
    assert len(result.pairs_frame()) == 1
    assert set(result.metrics_frame()["verdict"]) <= {"clearly different", "similar", "no clear difference",
                                                      "too little text to tell"}
    assert list(d["verdicts"]) == ["clearly different", "similar", "no clear difference", "too little text to tell"]
    assert set(d["verdicts"]) == set(MEASURE_VERDICTS)
    assert {"character", "percentile"} <= set(result.norms_frame().columns)
    assert 0 <= d["cast"]["distinctiveness"] <= 1


def test_against_a_reference_and_errors():
    voices = terse_and_garrulous(12)
    result = compare_lines({"Terse": voices["Terse"]}, against={"Aunt": voices["Aunt"]}, reference="aunt-scene",
                           with_norms=False, **FAST)
    assert result.pairs == [] and len(result.references) == 1
    assert result.references[0].to_dict()["reference"] == "aunt-scene"
    with pytest.raises(WorkshopError, match="at least two characters"):
        compare_lines({"Terse": voices["Terse"]}, with_norms=False)
    with pytest.raises(WorkshopError, match="no lines"):
        compare_pair("A", ["..."], "B", ["Hello there."])


def test_compare_dialogue_on_the_sample_scene():
    from workshop.speakers.cast import load_cast
    from workshop.speakers.dialogue import find_dialogue
    from workshop.text.samples import sample_cast_path, sample_scene_path
    from workshop.text.scene import read_scene

    dialogue = find_dialogue(read_scene(sample_scene_path()), load_cast(sample_cast_path()))
    result = compare_dialogue(dialogue, with_norms=False, **FAST)
    assert {result.pairs[0].a, result.pairs[0].b} == {"Agnes", "Owen"}


def _lines_of(sentences_per_line: int, n_lines: int, words_per_sentence: float = 6.0):
    # (numerator, denominator) per line for words per sentence: words and sentences
    return np.array([[words_per_sentence * sentences_per_line, sentences_per_line]] * n_lines, dtype=float)


def test_too_little_text_only_below_the_measures_minimum():
    # words per sentence needs 10 sentences (workshop.voice.metrics.METRICS) and at least 5 lines on each side
    m = metric("mean_sentence_words")
    enough = _lines_of(2, 6)  # 6 lines, 12 sentences
    assert measure_verdict(TOO_LITTLE, m, enough, enough) == NO_CLEAR_DIFFERENCE
    assert measure_verdict(TOO_LITTLE, m, enough, _lines_of(1, 6)) == TOO_LITTLE  # 6 sentences: below 10
    assert measure_verdict(TOO_LITTLE, m, _lines_of(3, 4), enough) == TOO_LITTLE  # 12 sentences, only 4 lines
    # the other verdicts are never changed
    for v in (CLEARLY_DIFFERENT, SIMILAR):
        assert measure_verdict(v, m, enough, enough) == v
        assert measure_verdict(v, m, _lines_of(1, 2), enough) == v


def test_two_long_voices_with_an_unclear_gap_get_no_clear_difference_not_too_little_text():
    # 200 lines each, exactly the same mix (20 hedged lines "Perhaps we should go home now.", 180 "Go home now."):
    # plenty of text (660 words each, hedges need 100), the gap is 0, but a habit in one line out of ten leaves
    # a wide interval: hedges 3.03 per 100 words each, interval about +/-1.8, wider than the +/-0.76 "similar"
    # band. (Pride and Prejudice's Elizabeth and Mrs. Bennet got "too little text to tell" on 14,411 and 4,397
    # words before.)
    base = ["Perhaps we should go home now."] * 20 + ["Go home now."] * 180
    a, b = base[:], base[:]
    random.Random(1).shuffle(a)
    random.Random(2).shuffle(b)
    pair = compare_pair("A", a, "B", b, n_boot=200, n_perm=20, metrics=[metric("hedges_per_100_words")])
    m = pair.metrics[0]
    assert m.a == pytest.approx(100 * 20 / 660) and m.b == m.a and m.difference == 0
    assert m.ci_low < 0 < m.ci_high and m.ci_high - m.ci_low > 2 * 0.25 * m.a
    assert m.verdict == NO_CLEAR_DIFFERENCE
    # the same voice on 4 lines: too little text to tell
    few = compare_pair("A", a[:4], "B", b, n_boot=200, n_perm=20, metrics=[metric("hedges_per_100_words")])
    assert few.metrics[0].verdict == TOO_LITTLE


def test_headline_never_says_not_distinct_when_a_measure_is_clearly_different():
    # the QA case: Agnes beside Hale, questions 4.0 vs 41.2 (interval -72.4 to -9.5) but a score under 0.1
    one = describe_distinctiveness(0.03, 180, 1, 0.0, 0.0, clear_labels=["Questions"], fewest_name="Agnes")
    assert one == "clearly different on 1 measure (questions); overall distinctiveness 0.03 is held down because " \
                  "Agnes has only 180 words"
    three = describe_distinctiveness(0.04, 206, 4, 0.1, 0.0, fewest_name="Bruce",
                                     clear_labels=["Average sentence length", "I / me / my", "Ellipses"])
    assert three == ("clearly different on 4 measures (average sentence length, I / me / my, ellipses, ...); "
                     "overall distinctiveness 0.04 is held down because Bruce has only 206 words")
    assert describe_distinctiveness(0.05, 5000, 2, clear_labels=["Questions", "Fillers"], fewest_name="Jane") == (
        "clearly different on 2 measures (questions, fillers); otherwise alike (overall distinctiveness 0.05)")
    assert describe_distinctiveness(0.05, 300, 0, 0.0, 0.3, fewest_name="Bo") == (
        "told apart by the tag test; overall distinctiveness 0.05 is held down because Bo has only 300 words")
    assert describe_distinctiveness(0.02, 300, 0, fewest_name="Bo") == (
        "not clearly distinct (too little text to be sure: Bo has only 300 words)")
    assert describe_distinctiveness(0.02, 3000, 0) == "hard to tell apart"
    assert describe_distinctiveness(0.3, 100, 5) == "distinct"


def test_seed_headline_names_the_clear_measures_and_the_short_side():
    lines = gold_lines()
    pair = compare_lines({"Natasha": lines["Natasha"], "Bruce": lines["Bruce"]}, with_norms=False, **FAST).pairs[0]
    clear = [m for m in pair.metrics if m.verdict == CLEARLY_DIFFERENT]
    assert len(clear) >= 3
    if pair.distinctiveness < 0.1:
        assert pair.verdict.startswith(f"clearly different on {len(clear)} measures (")
        assert f"because Bruce has only {pair.words_b} words" in pair.verdict
    assert "not" not in pair.verdict
