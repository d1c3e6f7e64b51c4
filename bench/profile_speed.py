"""How long a whole-novel profile takes, against NLTK Punkt splitting the same novel.

    /work/venv/bin/python bench/profile_speed.py [NOVEL_DIR]

Default novel: ../shared/pdnc/PrideAndPrejudice (text.txt, characters.json). The issue's bar: the whole profile,
dialogue finding included, within 3x the time Punkt takes to split the novel into sentences.

Times are CPU seconds of this process (``time.process_time``), so that other work on a shared machine disturbs
the comparison less than wall-clock time would. Each step is timed three ways (library imports are done before any timing, for Punkt as for us):
- cold: the first call in this process, loading whatever it loads lazily (pronunciation dictionary, word
  frequencies, sentiment lexicon, hyphenation patterns);
- new text: resources loaded, but every cache of words and utterances emptied first (best of five): the cost
  of profiling a novel the session has not seen;
- warm: a repeat on the same text (best of five), as when a notebook re-runs a cell.

Then, end to end as a user meets it: a fresh Python process that imports what it needs and does the job once
(Punkt: import NLTK and split; the kit: import it, find the dialogue, profile everyone), best of three.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _best(fn, repeats: int, reset=None) -> float:
    times = []
    for _ in range(repeats):
        if reset:
            reset()
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def _time(fn, repeats: int = 5, reset=None):
    t0 = time.process_time()
    result = fn()
    cold = time.process_time() - t0
    new = _best(fn, repeats, reset)
    warm = _best(fn, repeats)
    return result, cold, new, warm


_PUNKT_JOB = """
import time; t0 = time.process_time()
from nltk.tokenize.punkt import PunktSentenceTokenizer
PunktSentenceTokenizer().tokenize(TEXT)
print(time.process_time() - t0)
"""

_KIT_JOB = """
import time; t0 = time.process_time()
from workshop.cast import load_cast
from workshop.dialogue import find_dialogue
from workshop.profile import profile_dialogue
from workshop.scene import scene_from_text
profile_dialogue(find_dialogue(scene_from_text(TEXT, detect_notes=False), load_cast(CAST)))
print(time.process_time() - t0)
"""


def _fresh_process(job: str, text_path: Path, cast_path: Path, repeats: int = 3) -> float:
    import subprocess

    setup = f"TEXT = open({str(text_path)!r}, encoding='utf-8').read(); CAST = {str(cast_path)!r}\n"
    times = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", setup + job], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return min(times)


def main(argv: list[str]) -> int:
    novel = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "pdnc" / "PrideAndPrejudice"
    import nltk.tokenize.punkt  # noqa: F401  (import cost kept out of the timing)
    import wordfreq  # noqa: F401
    import vaderSentiment.vaderSentiment  # noqa: F401

    from workshop.adapters.nltk_adapter import punkt_sentences
    from workshop.cast import load_cast
    from workshop.dialogue import find_dialogue
    from workshop.profile import clear_caches, profile_dialogue
    from workshop.scene import read_scene

    scene = read_scene(novel / "text.txt", detect_notes=False)
    cast = load_cast(novel / "characters.json")
    words = len(scene.text.split())

    sentences, p_cold, p_new, p_warm = _time(lambda: punkt_sentences(scene.text, abbreviations=None))
    dialogue, d_cold, d_new, d_warm = _time(lambda: find_dialogue(scene, cast))
    profiles, pr_cold, pr_new, pr_warm = _time(
        lambda: profile_dialogue(dialogue), reset=lambda: clear_caches(words=True)
    )

    rows = [
        ("Punkt (untrained) split", p_cold, p_new, p_warm, f"{len(sentences)} sentences"),
        ("find_dialogue", d_cold, d_new, d_warm,
         f"{len(dialogue.segments)} segments, {len(dialogue.utterances)} utterances"),
        ("profile_dialogue (all characters)", pr_cold, pr_new, pr_warm,
         f"{len(profiles.characters)} characters + narration + scene"),
        ("dialogue + profile", d_cold + pr_cold, d_new + pr_new, d_warm + pr_warm, ""),
    ]  # fmt: skip
    print(f"{novel.name}: {words} words")
    print(f"{'step':36} {'cold s':>7} {'new s':>7} {'warm s':>7}  {'x Punkt (new)':>13}  notes")
    for name, cold, new, warm, note in rows:
        print(f"{name:36} {cold:7.3f} {new:7.3f} {warm:7.3f}  {new / p_new:13.2f}  {note}")
    punkt_fresh = _fresh_process(_PUNKT_JOB, novel / "text.txt", novel / "characters.json")
    kit_fresh = _fresh_process(_KIT_JOB, novel / "text.txt", novel / "characters.json")
    print(f"{'fresh process, imports included:':36} Punkt {punkt_fresh:.3f} s, dialogue + profile {kit_fresh:.3f} s"
          f" = {kit_fresh / punkt_fresh:.2f}x")
    total = rows[-1]
    print(
        f"\nWhole profile incl. dialogue finding, against Punkt: {total[1] / p_cold:.2f}x cold, "
        f"{total[2] / p_new:.2f}x new text, {total[3] / p_warm:.2f}x warm. The bar: 3x."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
