"""How distinct do the characters sound? Every pair compared measure by measure, with a distinctiveness score.

For every pair of characters (and for a character beside a reference character) the kit reports:

* **Measure by measure** — words per sentence, questions, trailing off, fillers, contractions, I/you... — each
  character's value, the difference A - B with its 95% bootstrap interval (the lines redrawn at random 1,000
  times), effect sizes (Cohen's d, Cliff's delta) and a verdict: *clearly different*, *similar*, *no clear
  difference* (both have enough text for the measure, but the interval includes no difference and is too wide
  for "similar"), or *too little text to tell* (one of them has less text than the measure needs: its minimum
  sample in :data:`workshop.voice.metrics.METRICS`, or fewer than 5 lines) (see :mod:`workshop.compare.uncertainty` and
  :data:`MEASURE_VERDICTS`).
* **A distinctiveness score from 0 to 1**, made of four equal parts, each asking the same question of a
  different kind of evidence: *how much more different do the two sound than two random piles of the same
  lines would?* (The lines of both speakers are pooled and dealt out at random 200 times into two piles of the
  same sizes; that is what "one voice" looks like with this much text.)

  1. *Function-word fingerprint* (Burrows' Delta, :mod:`workshop.compare.stylometry`):
     part = ``1 - (95th percentile of Delta over the random piles) / (observed Delta)``, kept between 0 and 1.
  2. *Style matching* (1 - LSM, :mod:`workshop.compare.lsm`), read against the random piles the same way.
  3. *The tag test* (:mod:`workshop.compare.tagtest`): part = ``(lower end of the accuracy's 95% interval - chance) /
     (1 - chance)``, kept between 0 and 1.
  4. *Measured habits*: the average gap over the line-by-line measures below, each in units of its ordinary
     line-to-line spread (``mean |A - B| / sd``), read against the random piles like 1 and 2. (The issue asked
     for parts 1-3; this fourth part lets rhythm and hesitation — what a reader hears first — count too.)

  ``distinctiveness = (part 1 + part 2 + part 3 + part 4) / 4``; the cast's score is the mean over its pairs.

  In a writer's words: 0 means "no more different than chance"; 0.5 means half of the measured gap is beyond
  anything chance produced. Short texts make random piles look very different too, and widen the tag test's
  interval, so less text always pulls the score toward 0: a small sample can hide a difference, but it cannot
  create one. The uncertainty shows as a range: ``distinctiveness_high`` is the same score read against the
  *typical* random pile (the median) and the tag test's plain accuracy — what the score could be with more
  text. Read the score as: under 0.1 hard to tell apart (or too little text), 0.1-0.25 somewhat distinct,
  0.25-0.5 distinct, 0.5 and above very distinct. Under 0.1 the verdict never says "not distinct" while some
  measure is clearly different: it names them and says why the score is low ("clearly different on 3 measures
  (average sentence length, ...); overall distinctiveness 0.04 is held down because Bruce has only 206 words");
  a strong tag test (part 3 at least 0.2) counts the same way (:func:`describe_distinctiveness`).

  On the annotated classic novels (``bench/compare_pdnc.py``), pairs of major characters score 0-0.63 (median
  about 0.3) while two random halves of one character's lines score 0-0.06 (mostly exactly 0).

* **Norms** — each measure placed among characters of classic novels (:mod:`workshop.compare.norms.table`).

Results are dataclasses with ``to_dict()`` (the JSON of ``python -m workshop compare``) and pandas DataFrames
(:meth:`Comparison.pairs_frame`, :meth:`Comparison.metrics_frame`, :meth:`Comparison.norms_frame`).

The measures compared are the profile's own (:mod:`workshop.voice.profile`, labels from :mod:`workshop.voice.metrics`),
counted line by line so that their uncertainty can be bootstrapped over lines: each is a ratio of sums over a
character's lines, ``scale * sum(numerator) / sum(denominator)`` (words per sentence = words / sentences;
questions per 100 sentences = 100 x questions / sentences...), which over all the lines is exactly the number
the profile shows.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from workshop.errors import WorkshopError
from workshop.voice.metrics import measure
from workshop.voice.profile import cast_names
from workshop.voice.tokens import words
from workshop.compare.json_values import clean
from workshop.compare.lines import (  # (re-exported: the comparisons' public names)
    COMPARED_METRICS,
    LINE_METRICS,
    METRIC_NAMES,
    Line,
    LineMetric,
    as_lines,
    line_counts,
    line_text,
    metric,
    pieces_of,
    texts_value,
    value,
)
from workshop.compare.norms.table import NormPlacement, NormsTable, load_norms, place
from workshop.compare.lsm import category_matrix, lsm_scores
from workshop.compare.stylometry import (
    FunctionWordNorms,
    burrows_delta,
    cosine_distance,
    count_matrix,
    default_norms,
    population_norms,
    relative_frequencies,
    zscores,
)
from workshop.compare.tagtest import TagTestResult, tag_test
from workshop.compare.uncertainty import (
    CLEARLY_DIFFERENT,
    DEFAULT_SEED,
    MIN_UNITS,
    SIMILAR,
    TOO_LITTLE,
    bootstrap_difference,
    cliffs_delta,
    cohens_d,
    pooled_sd,
    split_null,
    verdict,
)

if TYPE_CHECKING:
    import pandas as pd

    from workshop.speakers.dialogue import Dialogue

NO_CLEAR_DIFFERENCE = "no clear difference"
"""The verdict when both characters have enough text for the measure but the 95% interval still includes no
difference without being narrow enough to call them similar: any gap is too small or too irregular to show."""

MEASURE_VERDICTS: dict[str, str] = {
    CLEARLY_DIFFERENT: "the 95% interval excludes no difference and the gap is at least small",
    SIMILAR: "enough text to rule out a sizeable gap",
    NO_CLEAR_DIFFERENCE: "both have enough text for this measure, but any gap is too small or too irregular to "
    "show (the interval includes no difference and is too wide to call them similar)",
    TOO_LITTLE: "one of the two has less text than this measure needs",
}
"""Every verdict a measure can get, with what it means (the legend of the table and of the JSON)."""

# --------------------------------------------------------------------------------------------------------------
# Measures counted line by line
# --------------------------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------------------------
# Comparing two characters
# --------------------------------------------------------------------------------------------------------------


@dataclass
class MetricDifference:
    """One measure for two speakers: their values, A - B with its bootstrap interval, effect sizes, verdict."""

    metric: str
    label: str
    family: str
    a: float
    b: float
    difference: float
    ci_low: float
    ci_high: float
    cohens_d: float
    cliffs_delta: float
    verdict: str
    n_a: int
    n_b: int

    def to_dict(self) -> dict[str, Any]:
        return {k: clean(v) for k, v in asdict(self).items()}


@dataclass
class Component:
    """One ingredient of the distinctiveness score: the observed value, what random splits of the same lines
    give (median and 95th percentile), and the part of the score it contributes (0 to 1)."""

    observed: float
    null_median: float
    null_high: float
    part: float
    part_high: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {k: clean(v) for k, v in asdict(self).items()}


@dataclass
class PairComparison:
    """Everything the kit says about how two speakers differ."""

    a: str
    b: str
    lines_a: int
    lines_b: int
    words_a: int
    words_b: int
    distinctiveness: float
    delta: float
    cosine: float
    lsm: float
    delta_component: Component
    lsm_component: Component
    tag_test: TagTestResult
    metrics: list[MetricDifference]
    notes: list[str] = field(default_factory=list)
    reference: str | None = None
    habits_component: Component | None = None
    distinctiveness_high: float = float("nan")

    @property
    def verdict(self) -> str:
        """The score in words."""
        habits = self.habits_component.part if self.habits_component else 0.0
        clear = sum(m.verdict == CLEARLY_DIFFERENT for m in self.metrics)
        fewest_name = self.a if self.words_a <= self.words_b else self.b
        return describe_distinctiveness(
            self.distinctiveness, min(self.words_a, self.words_b), clear, habits, _tag_part(self.tag_test),
            clear_labels=[m.label for m in self.strongest(3)], fewest_name=fewest_name,
        )

    def strongest(self, k: int = 3) -> list[MetricDifference]:
        """The measures that set the two apart most clearly (clearly different, biggest effect first)."""
        clear = [m for m in self.metrics if m.verdict == CLEARLY_DIFFERENT]
        return sorted(clear, key=lambda m: -abs(m.cohens_d) if math.isfinite(m.cohens_d) else 0.0)[:k]

    def to_dict(self) -> dict[str, Any]:
        t = self.tag_test
        d: dict[str, Any] = {
            "a": self.a,
            "b": self.b,
            "distinctiveness": clean(self.distinctiveness),
            "distinctiveness_range": [clean(self.distinctiveness), clean(self.distinctiveness_high)],
            "verdict": self.verdict,
            "delta": clean(self.delta),
            "cosine": clean(self.cosine),
            "lsm": clean(self.lsm),
            "tag_test": {
                "accuracy": clean(t.accuracy),
                "chance": clean(t.chance),
                "n": t.n,
                "ci_low": clean(t.ci_low),
                "ci_high": clean(t.ci_high),
                "notes": list(t.notes),
            },
            "components": {
                "delta": self.delta_component.to_dict(),
                "lsm": self.lsm_component.to_dict(),
                "tag_test": clean(_tag_part(t)),
                "habits": self.habits_component.to_dict() if self.habits_component else None,
            },
            "lines": {"a": self.lines_a, "b": self.lines_b},
            "words": {"a": self.words_a, "b": self.words_b},
            "metrics": [m.to_dict() for m in self.metrics],
            "strongest": [m.metric for m in self.strongest()],
            "notes": list(self.notes),
        }
        if self.reference is not None:
            d["reference"] = self.reference
        return d


def _lower_label(label: str) -> str:
    """"Average sentence length" -> "average sentence length" (but "I / me / my" keeps its capital)."""
    return label if label[:2] in ("I ", "I/") else label[:1].lower() + label[1:]


def describe_distinctiveness(
    score: float,
    fewest_words: int,
    clear_measures: int = 0,
    habits_part: float = 0.0,
    tag_part: float = 0.0,
    *,
    clear_labels: Sequence[str] = (),
    fewest_name: str = "",
) -> str:
    """Words for a distinctiveness score that never contradict the measure-by-measure details.

    From 0.1 up the score speaks for itself (somewhat distinct, distinct, very distinct). Under 0.1 the pair is
    never called "not distinct" while some measure is clearly different: the headline names those measures
    (``clear_labels``, clearest first) and says why the overall score is low, e.g. "clearly different on 3
    measures (average sentence length, ...); overall distinctiveness 0.04 is held down because Bruce has only
    206 words". A strong tag test (its part at least 0.2) counts the same way. Only with no such evidence is a
    pair "not clearly distinct (too little text to be sure ...)" (under 500 words) or "hard to tell apart".
    ``habits_part`` is kept for callers of the old signature; it no longer changes the words.
    """
    del habits_part
    if not math.isfinite(score):
        return "could not be measured"
    if score >= 0.5:
        return "very distinct"
    if score >= 0.25:
        return "distinct"
    if score >= 0.1:
        return "somewhat distinct"
    words = f"{fewest_words} word{'' if fewest_words == 1 else 's'}"
    who = f"{fewest_name} has only {words}" if fewest_name else f"one of them has only {words}"
    evidence = []
    if clear_measures >= 1:
        named = [_lower_label(x) for x in list(clear_labels)[:3]]
        more = ", ..." if clear_measures > len(named) else ""
        what = f" ({', '.join(named)}{more})" if named else ""
        evidence.append(f"clearly different on {clear_measures} measure{'s' if clear_measures != 1 else ''}{what}")
    if tag_part >= 0.2:
        evidence.append("told apart by the tag test")
    if evidence:
        said = " and ".join(evidence)
        if fewest_words < 1000:
            return f"{said}; overall distinctiveness {score:.2f} is held down because {who}"
        return f"{said}; otherwise alike (overall distinctiveness {score:.2f})"
    if fewest_words < 500:
        return f"not clearly distinct (too little text to be sure: {who})"
    return "hard to tell apart"


def _tag_part(t: TagTestResult, *, optimistic: bool = False) -> float:
    acc = t.accuracy if optimistic else t.ci_low
    if not math.isfinite(acc) or t.chance >= 1:
        return 0.0
    return float(min(1.0, max(0.0, (acc - t.chance) / (1 - t.chance))))


def _excess_part(observed: float, null: np.ndarray) -> Component:
    null = null[np.isfinite(null)]
    if not math.isfinite(observed) or len(null) == 0:
        return Component(observed, float("nan"), float("nan"), 0.0)
    high = float(np.percentile(null, 95))
    median = float(np.median(null))
    part = 0.0 if observed <= 0 else max(0.0, min(1.0, 1.0 - high / observed))
    part_high = 0.0 if observed <= 0 else max(0.0, min(1.0, 1.0 - median / observed))
    return Component(observed, median, high, part, part_high)


def _delta_stat(norms: FunctionWordNorms) -> Callable[..., np.ndarray]:
    def stat(ca: np.ndarray, ta: np.ndarray, cb: np.ndarray, tb: np.ndarray) -> np.ndarray:
        za = zscores(relative_frequencies(ca, ta), norms.mean, norms.sd)
        zb = zscores(relative_frequencies(cb, tb), norms.mean, norms.sd)
        return np.asarray(burrows_delta(za, zb))

    return stat


def _lsm_dissimilarity(ca: np.ndarray, ta: np.ndarray, cb: np.ndarray, tb: np.ndarray) -> np.ndarray:
    pa = 100 * relative_frequencies(ca, ta)
    pb = 100 * relative_frequencies(cb, tb)
    return 1.0 - lsm_scores(pa, pb).mean(axis=-1)


def _few_words_note(name_a: str, words_a: int, name_b: str, words_b: int) -> list[str]:
    fewest = min(words_a, words_b)
    if fewest >= 500:
        return []
    return [f"{name_a if words_a <= words_b else name_b} has only {fewest} word{'' if fewest == 1 else 's'}: "
            "function-word measures (Delta, LSM) "
            "are rough under 500 words, so the score is held down rather than guessed up."]


def _function_word_parts(
    toks_a: list[list[str]], toks_b: list[list[str]], norms: FunctionWordNorms | None, *, n_perm: int, seed: int
) -> tuple[float, float, Component, float, Component]:
    """Delta (with the cosine distance) and LSM dissimilarity on function words, each read against random splits
    of the same lines: ``(delta, cosine, delta part, LSM dissimilarity, LSM part)``."""
    all_toks = toks_a + toks_b
    # Delta on function words, against random splits of the same lines
    if norms is None:
        norms = default_norms() or population_norms(
            [sum(toks_a, []), sum(toks_b, [])], source="the two speakers"
        )
    fw_counts, totals = count_matrix(all_toks, norms.words)
    n_a = len(toks_a)
    stat = _delta_stat(norms)
    ca, cb = fw_counts[:n_a].sum(0, keepdims=True), fw_counts[n_a:].sum(0, keepdims=True)
    ta, tb = totals[:n_a].sum(keepdims=True), totals[n_a:].sum(keepdims=True)
    delta_obs = float(stat(ca, ta, cb, tb)[0])
    za = zscores(relative_frequencies(ca, ta), norms.mean, norms.sd)
    zb = zscores(relative_frequencies(cb, tb), norms.mean, norms.sd)
    cos = float(np.asarray(cosine_distance(za, zb)).ravel()[0])
    delta_null = split_null(fw_counts, totals, n_a, stat, n_perm=n_perm, seed=seed)
    delta_comp = _excess_part(delta_obs, delta_null)
    # LSM, against random splits
    cat = category_matrix(all_toks)
    lsm_dis = float(_lsm_dissimilarity(cat[:n_a].sum(0, keepdims=True), ta, cat[n_a:].sum(0, keepdims=True), tb)[0])
    lsm_null = split_null(cat, totals, n_a, _lsm_dissimilarity, n_perm=n_perm, seed=seed + 1)
    lsm_comp = _excess_part(lsm_dis, lsm_null)
    return delta_obs, cos, delta_comp, lsm_dis, lsm_comp


def compare_pair(
    name_a: str,
    lines_a: Sequence[str],
    name_b: str,
    lines_b: Sequence[str],
    *,
    n_boot: int = 1000,
    n_perm: int = 200,
    seed: int = DEFAULT_SEED,
    norms: FunctionWordNorms | None = None,
    metrics: Sequence[LineMetric] = LINE_METRICS,
) -> PairComparison:
    """Compare two speakers given as lists of lines (one per line of dialogue: a string, a :class:`Line`, or the
    list of its quoted pieces; the measures count a line piece by piece, as the profile does).

    ``n_boot`` bootstrap redraws per measure, ``n_perm`` random splits for the distinctiveness baseline, ``seed``
    makes every random step repeatable. ``norms`` are the function-word norms for Delta (default: the shipped
    norms of classic-novel characters, else the two speakers).
    """
    lines_a = [t for t in as_lines(lines_a) if words(t)]
    lines_b = [t for t in as_lines(lines_b) if words(t)]
    if not lines_a or not lines_b:
        missing = name_a if not lines_a else name_b
        raise WorkshopError(f"{missing} has no lines of dialogue to compare.")
    toks_a = [words(t) for t in lines_a]
    toks_b = [words(t) for t in lines_b]
    words_a, words_b = sum(map(len, toks_a)), sum(map(len, toks_b))
    notes = _few_words_note(name_a, words_a, name_b, words_b)
    n_a = len(lines_a)
    fw = _function_word_parts(toks_a, toks_b, norms, n_perm=n_perm, seed=seed)
    delta_obs, cos, delta_comp, lsm_dis, lsm_comp = fw
    # the tag test
    tag = tag_test(list(lines_a) + list(lines_b), [name_a] * n_a + [name_b] * len(lines_b), seed=seed)
    diffs, habits_comp = _measure_parts(lines_a, lines_b, metrics, n_boot=n_boot, n_perm=n_perm, seed=seed)
    score = combine_parts([delta_comp.part, lsm_comp.part, _tag_part(tag), habits_comp.part])
    score_high = combine_parts(
        [delta_comp.part_high, lsm_comp.part_high, _tag_part(tag, optimistic=True), habits_comp.part_high]
    )
    return PairComparison(
        name_a, name_b, n_a, len(lines_b), words_a, words_b, float(score), delta_obs, cos, 1.0 - lsm_dis, delta_comp,
        Component(1.0 - lsm_comp.observed, 1.0 - lsm_comp.null_median, 1.0 - lsm_comp.null_high, lsm_comp.part,
                  lsm_comp.part_high),
        tag,
        diffs,
        notes + list(tag.notes),
        habits_component=habits_comp,
        distinctiveness_high=max(score, score_high),
    )


def _measure_parts(
    lines_a: Sequence[str], lines_b: Sequence[str], metrics: Sequence[LineMetric], *, n_boot: int, n_perm: int,
    seed: int
) -> tuple[list[MetricDifference], Component]:
    """Measure by measure (each difference with its bootstrap interval), and the habits part of the score."""
    counts_a = line_counts(lines_a, metrics)
    counts_b = line_counts(lines_b, metrics)
    diffs = [
        _metric_difference(m, counts_a[m.name], counts_b[m.name], n_boot=n_boot, seed=seed + 7 * i)
        for i, m in enumerate(metrics)
    ]
    return diffs, _habits_component(metrics, counts_a, counts_b, n_perm=n_perm, seed=seed + 2)


def combine_parts(parts: Sequence[float]) -> float:
    """The distinctiveness score from its parts (each 0-1): their mean."""
    return float(np.mean(parts))


def _habits_component(
    metrics: Sequence[LineMetric], counts_a: dict[str, np.ndarray], counts_b: dict[str, np.ndarray], *, n_perm: int, seed: int
) -> Component:
    """Mean standardized gap over the line-by-line measures, against random splits of the same lines."""
    names = [m.name for m in metrics]
    scales = np.array([m.scale for m in metrics])
    both = {k: np.vstack([counts_a[k], counts_b[k]]) for k in names}
    num = np.column_stack([both[k][:, 0] for k in names])
    den = np.column_stack([both[k][:, 1] for k in names])
    sds = np.array([pooled_sd(_per_unit(counts_a[k], m.scale), _per_unit(counts_b[k], m.scale))
                    for k, m in zip(names, metrics)])
    usable = np.isfinite(sds) & (sds > 0)
    if not usable.any():
        return Component(float("nan"), float("nan"), float("nan"), 0.0)
    k = len(names)

    def stat(ca: np.ndarray, ta: np.ndarray, cb: np.ndarray, tb: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            ra = scales * ca[:, :k] / ca[:, k:]
            rb = scales * cb[:, :k] / cb[:, k:]
            gap = np.abs(ra - rb)[:, usable] / sds[usable]
        return np.nanmean(np.where(np.isfinite(gap), gap, np.nan), axis=1)

    n_a = len(next(iter(counts_a.values())))
    matrix = np.hstack([num, den])
    ones = np.ones(len(matrix))
    observed = float(stat(matrix[:n_a].sum(0, keepdims=True), ones[:1], matrix[n_a:].sum(0, keepdims=True), ones[:1])[0])
    null = split_null(matrix, ones, n_a, stat, n_perm=n_perm, seed=seed)
    return _excess_part(observed, null)


def minimum_sample(name: str) -> tuple[int, str]:
    """The smallest sample at which a measure starts to mean something (:data:`workshop.voice.metrics.METRICS`):
    ``(count, "words" | "sentences" | "utterances")``; an unknown measure is an error."""
    info = measure(name)
    return info.minimum, info.sample


def enough_text(m: LineMetric, counts: np.ndarray) -> bool:
    """Whether a character's lines reach the measure's minimum sample (counted in the measure's own unit:
    the sum of the per-line denominators, words, sentences or speeches)."""
    least, _unit = minimum_sample(m.name)
    return bool(counts[:, 1].sum() >= least) and int((counts[:, 1] > 0).sum()) >= MIN_UNITS


def measure_verdict(raw: str, m: LineMetric, ca: np.ndarray, cb: np.ndarray) -> str:
    """The verdict shown for a measure: the interval's verdict (:func:`workshop.compare.uncertainty.verdict`), except
    that "too little text to tell" is kept only when one of the two has less text than the measure needs
    (:func:`enough_text`). With enough text on both sides, an interval that still includes zero without being
    narrow enough for "similar" means :data:`NO_CLEAR_DIFFERENCE`."""
    if raw == TOO_LITTLE and enough_text(m, ca) and enough_text(m, cb):
        return NO_CLEAR_DIFFERENCE
    return raw


def _metric_difference(m: LineMetric, ca: np.ndarray, cb: np.ndarray, *, n_boot: int, seed: int) -> MetricDifference:
    iv = bootstrap_difference(ca[:, 0], cb[:, 0], ca[:, 1], cb[:, 1], scale=m.scale, n_boot=n_boot, seed=seed)
    per_a = _per_unit(ca, m.scale)
    per_b = _per_unit(cb, m.scale)
    sd = pooled_sd(per_a, per_b)
    raw = verdict(iv, len(per_a), len(per_b), sd=sd, level=(abs(value(ca, m)) + abs(value(cb, m))) / 2)
    return MetricDifference(
        m.name,
        m.label,
        m.family,
        value(ca, m),
        value(cb, m),
        iv.estimate,
        iv.low,
        iv.high,
        cohens_d(per_a, per_b),
        cliffs_delta(per_a, per_b),
        measure_verdict(raw, m, ca, cb),
        len(per_a),
        len(per_b),
    )


def _per_unit(counts: np.ndarray, scale: float) -> np.ndarray:
    keep = counts[:, 1] > 0
    return scale * counts[keep, 0] / counts[keep, 1]


# --------------------------------------------------------------------------------------------------------------
# A whole cast, references and norms
# --------------------------------------------------------------------------------------------------------------


@dataclass
class Comparison:
    """The result of :func:`compare_lines` / :func:`compare_dialogue`."""

    characters: list[str]
    pairs: list[PairComparison]
    references: list[PairComparison] = field(default_factory=list)
    norms: list[NormPlacement] = field(default_factory=list)
    cast_tag_test: TagTestResult | None = None
    notes: list[str] = field(default_factory=list)
    norms_corpus: str = ""
    norms_population: str = ""
    """Who the norms describe ("characters in classic novels"), for sentences."""

    @property
    def cast_distinctiveness(self) -> float:
        """The mean of the pairs' scores (NaN with fewer than two characters)."""
        scores = [p.distinctiveness for p in self.pairs if math.isfinite(p.distinctiveness)]
        return float(np.mean(scores)) if scores else float("nan")

    @property
    def closest_pair(self) -> PairComparison | None:
        return min(self.pairs, key=lambda p: p.distinctiveness, default=None)

    def to_dict(self) -> dict[str, Any]:
        closest = self.closest_pair
        cast: dict[str, Any] = {
            "characters": self.characters,
            "distinctiveness": clean(self.cast_distinctiveness),
            "closest_pair": [closest.a, closest.b] if closest else None,
        }
        if self.cast_tag_test is not None:
            t = self.cast_tag_test
            cast["tag_test"] = {"accuracy": clean(t.accuracy), "chance": clean(t.chance), "n": t.n,
                                "ci_low": clean(t.ci_low), "ci_high": clean(t.ci_high)}
        return {
            "cast": cast,
            "pairs": [p.to_dict() for p in self.pairs],
            "references": [p.to_dict() for p in self.references],
            "norms": [n.to_dict() for n in self.norms],
            "norms_corpus": self.norms_corpus,
            "notes": list(self.notes),
            "verdicts": dict(MEASURE_VERDICTS),
        }

    def pairs_frame(self) -> "pd.DataFrame":
        """One row per pair (and per reference pairing): scores and tag test."""
        import pandas as pd  # (lazy: pandas is slow to import and only notebooks ask for frames)

        rows = []
        for kind, group in (("pair", self.pairs), ("reference", self.references)):
            for p in group:
                rows.append({
                    "kind": kind, "a": p.a, "b": p.b, "reference": p.reference,
                    "distinctiveness": p.distinctiveness, "verdict": p.verdict, "delta": p.delta,
                    "lsm": p.lsm, "tag_accuracy": p.tag_test.accuracy, "tag_chance": p.tag_test.chance,
                    "tag_n": p.tag_test.n, "words_a": p.words_a, "words_b": p.words_b,
                })
        return pd.DataFrame(rows)

    def metrics_frame(self) -> "pd.DataFrame":
        """One row per pair and measure (tidy): values, difference, interval, effect sizes, verdict."""
        import pandas as pd  # (lazy: pandas is slow to import and only notebooks ask for frames)

        rows = []
        for kind, group in (("pair", self.pairs), ("reference", self.references)):
            for p in group:
                for m in p.metrics:
                    rows.append({"kind": kind, "a": p.a, "b": p.b, "reference": p.reference, **asdict(m)})
        return pd.DataFrame(rows)

    def norms_frame(self) -> "pd.DataFrame":
        import pandas as pd  # (lazy: pandas is slow to import and only notebooks ask for frames)

        return pd.DataFrame([asdict(n) for n in self.norms],
                            columns=["character", "metric", "label", "value", "percentile", "sentence", "note", "family"])


def compare_lines(
    lines: Mapping[str, Sequence[str]],
    *,
    against: Mapping[str, Sequence[str]] | None = None,
    reference: str = "reference",
    with_norms: bool = True,
    n_boot: int = 1000,
    n_perm: int = 200,
    seed: int = DEFAULT_SEED,
    cast_names: Iterable[str] = (),
    norms: "NormsTable | None" = None,
) -> Comparison:
    """Compare every pair of characters (``name -> list of lines``), each character with every character of
    ``against`` (a reference scene, labelled ``reference``), and each character with the norms.

    ``cast_names`` are the names a character may be called by, for forms of address in the norms
    (:func:`compare_dialogue` fills them in from the scene's cast, as the profile does). ``norms`` is the norms
    table to place the characters in (default: the kit's characters of classic novels)."""
    lines = {n: as_lines(ls) for n, ls in lines.items()}
    if against:
        against = {n: as_lines(ls) for n, ls in against.items()}
    names = [n for n, ls in lines.items() if any(words(t) for t in ls)]
    notes: list[str] = []
    dropped = [n for n in lines if n not in names]
    if dropped:
        notes.append(f"No words to compare for: {', '.join(dropped)}.")
    if len(names) < 2 and not against:
        raise WorkshopError(
            "Comparing voices needs at least two characters with dialogue (or a reference: --against). "
            f"Found: {', '.join(names) or 'nobody'}."
        )
    kw = dict(n_boot=n_boot, n_perm=n_perm, seed=seed)
    pairs = [compare_pair(a, lines[a], b, lines[b], **kw) for i, a in enumerate(names) for b in names[i + 1 :]]
    refs: list[PairComparison] = []
    for a in names:
        for b, ref_lines in (against or {}).items():
            if not any(words(t) for t in ref_lines):
                continue
            p = compare_pair(a, lines[a], b, ref_lines, **kw)
            p.reference = reference
            refs.append(p)
    cast_tag = None
    if len(names) > 2:
        all_lines = [(n, t) for n in names for t in lines[n] if words(t)]
        cast_tag = tag_test([t for _, t in all_lines], [n for n, _ in all_lines], seed=seed)
    placements: list[NormPlacement] = []
    corpus = population = ""
    if with_norms:
        table = norms or load_norms()
        if table is not None:
            corpus, population = table.describe(), table.people
            for n in names:
                placements.extend(place(n, lines[n], table, names=cast_names))
    return Comparison(names, pairs, refs, placements, cast_tag, notes, corpus, population)


def dialogue_lines(dialogue: "Dialogue", names: Sequence[str] | None = None) -> dict[str, list[str]]:
    """``name -> each of their utterances`` for the given characters (default: every speaker), as :class:`Line`
    strings (the utterance's text) that keep the utterance's quoted pieces, so that the measures count them
    exactly as the profile does."""
    chosen = list(names) if names else list(dialogue.speakers)
    by_speaker = dialogue.lines_by_speaker()
    out: dict[str, list[str]] = {}
    for n in chosen:
        canon = dialogue.cast.canonical(n) or n
        out[canon] = [Line(tuple(seg.text for seg in u.segments)) for u in by_speaker.get(canon, [])]
    return out


def compare_dialogue(
    dialogue: "Dialogue",
    *,
    against: "Dialogue | None" = None,
    reference: str = "reference",
    characters: Sequence[str] | None = None,
    against_characters: Sequence[str] | None = None,
    max_characters: int = 8,
    min_words: int = 20,
    **kw: Any,
) -> Comparison:
    """Compare the characters of a scene (the ``max_characters`` who speak most, each with at least
    ``min_words`` words, unless ``characters`` names them) with each other, with a reference scene, and with
    the norms. Keyword arguments go to :func:`compare_lines`."""
    lines = dialogue_lines(dialogue, characters or _talkers(dialogue, max_characters, min_words))
    ref = None
    if against is not None:
        ref = dialogue_lines(against, against_characters or _talkers(against, max_characters, min_words))
    if "cast_names" not in kw:
        kw["cast_names"] = cast_names(dialogue)
    result = compare_lines(lines, against=ref, reference=reference, **kw)
    if not characters and len(dialogue.speakers) > len(lines):
        result.notes.append(
            f"Compared the {len(lines)} characters who say the most (at least {min_words} words each); "
            f"{len(dialogue.speakers) - len(lines)} others left out."
        )
    return result


def _talkers(dialogue: "Dialogue", most: int, min_words: int) -> list[str]:
    counts: dict[str, int] = {}
    for u in dialogue.utterances:
        if u.speaker:
            counts[u.speaker] = counts.get(u.speaker, 0) + len(words(u.text))
    return [n for n in dialogue.speakers if counts.get(n, 0) >= min_words][:most]
