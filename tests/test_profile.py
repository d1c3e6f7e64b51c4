"""Voice profiles end to end: the JSON contract, small and empty input, frames, the seed scene, the command."""

from __future__ import annotations

import json
import math

import pytest

from workshop.speakers.cast import Cast, Character
from workshop.cli.main import main
from workshop.speakers.dialogue import Dialogue, Segment, find_dialogue
from workshop.voice.metrics import METRICS, metric_info
from workshop.voice.profile import ProfileSet, VoiceProfile, profile_dialogue, profile_texts
from workshop.text.scene import read_scene, scene_from_text

CONTRACT = {
    "top": {"name", "utterances", "words", "sentences", "readability", "rhythm", "diction", "notes"},
    "readability": {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                    "coleman_liau_index", "automated_readability_index", "dale_chall"},
    "rhythm": {"mean_sentence_words", "sd_sentence_words", "sentence_words", "mean_utterance_words",
               "share_of_words", "questions_per_100_sentences", "ellipses_per_100_words", "dashes_per_100_words",
               "stutters_per_100_words", "fillers_per_100_words"},
    "diction": {"mtld", "hdd", "mean_word_length", "mean_zipf", "rare_word_share", "contractions_per_100_words",
                "hedges_per_100_words", "intensifiers_per_100_words", "profanity_per_100_words",
                "first_person_per_100_words", "second_person_per_100_words", "distinctive_words"},
}  # fmt: skip

CAST = Cast([Character("Natasha", ("Nat", "Natasha Romanov"), "she"), Character("Bruce", ("Banner",), "he")], "test")


def seed_dialogue_from_gold(seed_path, seed_gold) -> Dialogue:
    scene = read_scene(seed_path)
    segments = [
        Segment(index=i, start=g["start"], end=g["end"], text=scene.text[g["start"] : g["end"]],
                utterance=g["utterance"], paragraph=0, line=g["line"], speaker=g["speaker"], method="correction",
                confidence=1.0)
        for i, g in enumerate(seed_gold["segments"])
    ]  # fmt: skip
    return Dialogue(scene, CAST, segments, "double")


@pytest.fixture(scope="module")
def seed_profiles(seed_path, seed_gold) -> ProfileSet:
    return profile_dialogue(seed_dialogue_from_gold(seed_path, seed_gold))


def test_json_contract(seed_profiles):
    data = json.loads(json.dumps(seed_profiles.to_dict(), allow_nan=False))  # plain JSON: no NaN, no objects
    assert set(data) >= {"scene", "narration", "characters"}
    for prof in [data["scene"], data["narration"], *data["characters"]]:
        assert set(prof) >= CONTRACT["top"]
        for family in ("readability", "rhythm", "diction"):
            assert set(prof[family]) >= CONTRACT[family], family
        for note in prof["notes"]:
            assert set(note) >= {"metric", "message"}
    assert [c["name"] for c in data["characters"]] == ["Natasha", "Bruce"]  # most words first


def test_seed_scene_hears_what_a_careful_reader_hears(seed_profiles):
    nat, bruce = seed_profiles.get("Natasha"), seed_profiles.get("Bruce")
    rn, rb = nat.rhythm, bruce.rhythm
    # Natasha talks more and in longer sentences; Bruce asks, trails off, stutters and fills.
    assert nat.words > 1.5 * bruce.words
    assert rn["mean_sentence_words"] > 1.2 * rb["mean_sentence_words"]
    assert rb["questions_per_100_sentences"] > 2 * rn["questions_per_100_sentences"]
    assert rb["ellipses_per_100_words"] > 5 * rn["ellipses_per_100_words"]
    assert rb["stutters_per_100_words"] > 0 == rn["stutters_per_100_words"]
    assert rb["fillers_per_100_words"] > 2 * rn["fillers_per_100_words"]
    assert rb["hesitations_per_100_words"] > 4 * rn["hesitations_per_100_words"]
    assert rb["trailing_per_100_sentences"] > rn["trailing_per_100_sentences"]
    # Bruce's three hyphen stutters: "y-you", "a-about", "I-I'm"
    assert rb["counts"]["stutters"] == 3


def test_seed_scene_direction_holds_with_the_kits_own_attribution(seed_path):
    profiles = profile_dialogue(find_dialogue(read_scene(seed_path), CAST))
    nat, bruce = profiles.get("Natasha").rhythm, profiles.get("Bruce").rhythm
    assert nat["mean_sentence_words"] > bruce["mean_sentence_words"]
    assert bruce["questions_per_100_sentences"] > nat["questions_per_100_sentences"]
    assert bruce["hesitations_per_100_words"] > nat["hesitations_per_100_words"]


def test_narration_and_scene(seed_profiles):
    nar, scene = seed_profiles.narration, seed_profiles.scene
    assert nar.kind == "narration" and scene.kind == "scene"
    talk = sum(c.words for c in seed_profiles.characters)
    assert scene.words == nar.words + talk  # every word of the seed scene is attributed in the gold
    assert nar.rhythm["mean_sentence_words"] > seed_profiles.get("Bruce").rhythm["mean_sentence_words"]
    assert nar.diction["first_person_per_100_words"] < 1  # third-person narration
    assert math.isnan(nar.diction["sentiment"]) and nar.note_for("sentiment")
    shares = [c.rhythm["share_of_words"] for c in seed_profiles.characters]
    assert sum(shares) == pytest.approx(1.0)


def test_one_word_character_gets_notes_not_an_error():
    p = profile_texts(["Hmm."], "Agnes")
    assert p.words == 1 and p.sentences == 1
    assert p.readability["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 - 84.6)
    noted = {n.metric for n in p.notes}
    assert {"flesch_reading_ease", "smog_index", "mtld", "function_word_share", "sentiment"} <= noted
    assert any("only 1 word" in n.message for n in p.notes)
    json.dumps(p.to_dict(), allow_nan=False)


def test_empty_text_gives_nan_with_a_note():
    p = profile_texts([], "Nobody")
    assert p.words == 0 and math.isnan(p.readability["flesch_reading_ease"]) and math.isnan(p.diction["mtld"])
    assert p.notes and p.notes[0].metric == "*"
    assert p.to_dict()["readability"]["flesch_reading_ease"] is None


def test_scene_with_no_narration_and_one_speaker():
    scene = scene_from_text('"Come in."\n\n"Sit down. Please sit."\n')
    profiles = profile_dialogue(find_dialogue(scene))  # no cast file: the scene names nobody
    assert profiles.narration.words == 0
    assert any(n.metric == "*" for n in profiles.narration.notes)
    # Nothing says who speaks: the lines count in the scene, and the set says how many are unattributed.
    assert profiles.scene.words == 6 and profiles.scene.sentences == 3
    assert profiles.unattributed_utterances == 2 - len(profiles.characters)


def test_profile_texts_is_quick_to_repeat_and_takes_segments():
    a = profile_texts([["No, I mean,", "Us. Why?"]], "Bruce")
    assert a.sentences == 3 and a.rhythm["counts"]["questions"] == 1
    b = profile_texts(["No, I mean,", "Us. Why?"], "Bruce")  # two utterances
    assert b.utterances == 2


def test_scalar_metrics_and_catalogue_agree(seed_profiles):
    p = seed_profiles.get("Bruce")
    scalars = p.scalar_metrics()
    assert set(scalars) == set(METRICS)
    assert all(isinstance(v, float) for v in scalars.values())
    for info in METRICS.values():
        assert info.family in ("readability", "rhythm", "diction") and info.label and info.unit and info.explanation
    from workshop.errors import WorkshopError

    with pytest.raises(WorkshopError, match="Known metrics"):
        metric_info("loudness")


def test_frames(seed_profiles):
    wide = seed_profiles.wide_frame()
    assert list(wide.index) == ["Scene", "Narration", "Natasha", "Bruce"]
    assert wide.loc["Bruce", "questions_per_100_sentences"] == pytest.approx(
        seed_profiles.get("Bruce").rhythm["questions_per_100_sentences"]
    )
    long = seed_profiles.long_frame()
    assert set(long.columns) >= {"character", "family", "metric", "value", "note"}
    assert len(long) == 4 * len(METRICS)
    row = long[(long.character == "Bruce") & (long.metric == "function_word_share")].iloc[0]
    assert "only" in row.note  # 200-odd words: under the 500 the function-word profile needs


def test_distinctive_words_in_a_constructed_scene():
    lines = []
    for _ in range(15):
        lines += ['"Look, honestly, the wind is rising," said Agnes.', '"Indubitably the barometer concurs," said Owen.']
    scene = scene_from_text("\n\n".join(lines) + "\n")
    cast = Cast([Character("Agnes", (), "she"), Character("Owen", (), "he")], "t")
    profiles = profile_dialogue(find_dialogue(scene, cast))
    agnes = [w["word"] for w in profiles.get("Agnes").diction["distinctive_words"] if w["significant"]]
    owen = [w["word"] for w in profiles.get("Owen").diction["distinctive_words"] if w["significant"]]
    assert {"honestly", "wind", "rising"} <= set(agnes) and "the" not in agnes
    assert {"indubitably", "barometer", "concurs"} <= set(owen)
    assert profiles.get("Agnes").diction["openers"][0] == {"opener": "look,", "count": 15, "share": 1.0}


def test_profiling_touches_no_network(no_network, seed_path):
    from workshop.adapters import textstat_adapter

    profiles = profile_dialogue(find_dialogue(read_scene(seed_path), CAST))
    assert profiles.get("Bruce").words > 0
    assert textstat_adapter.scores(profiles.get("Natasha").diction and "Hello there. How are you?")


def test_progress_bar_goes_to_stderr(seed_path, capsys):
    profile_dialogue(find_dialogue(read_scene(seed_path), CAST), progress=True)
    captured = capsys.readouterr()
    assert captured.out == "" and "Profiling voices" in captured.err


def test_command_formats(seed_path, tmp_path, capsys):
    cast = tmp_path / "cast.toml"
    cast.write_text('[[character]]\nname = "Natasha"\naliases = ["Nat"]\n\n[[character]]\nname = "Bruce"\n')
    assert main(["profile", str(seed_path), "--cast", str(cast), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in data["characters"]][:2] == ["Natasha", "Bruce"]

    assert main(["profile", str(seed_path), "--cast", str(cast), "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert "Average sentence length" in table and "Natasha" in table and "NOTES" in table

    out = tmp_path / "p.csv"
    assert main(["profile", str(seed_path), "--cast", str(cast), "--format", "csv", "-o", str(out)]) == 0
    header = out.read_text().splitlines()[0]
    assert header.startswith("character,kind,family,metric,label,value,unit,note")
    assert main(["profile", str(seed_path), "--format", "csv", "-o", str(out)]) == 2  # exists, no --force
    assert "already exists" in capsys.readouterr().err


def test_command_table_top(tmp_path, capsys):
    scene = tmp_path / "s.txt"
    scene.write_text('"Hello," said Ann.\n\n"Hi," said Bob.\n\n"Yo," said Cy.\n')
    cast = tmp_path / "c.toml"
    cast.write_text('[[character]]\nname = "Ann"\n[[character]]\nname = "Bob"\n[[character]]\nname = "Cy"\n')
    assert main(["profile", str(scene), "--cast", str(cast), "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert "2 more characters talk less" in out
    assert main(["profile", str(scene), "--cast", str(cast), "--top", "0"]) == 2


def test_command_bad_input(tmp_path, capsys):
    assert main(["profile", str(tmp_path / "missing.txt")]) == 2
    assert "voice-workshop:" in capsys.readouterr().err


def test_voice_profile_is_a_dataclass_with_to_dict():
    p = profile_texts(["Hello there."], "X")
    assert isinstance(p, VoiceProfile) and p.to_dict()["name"] == "X"


def test_profile_texts_bad_input_is_a_clear_message():
    from workshop.errors import WorkshopError

    with pytest.raises(WorkshopError, match="list of strings"):
        profile_texts("Hello there.", "X")
    with pytest.raises(WorkshopError, match="must be text"):
        profile_texts(["fine", 42], "X")
