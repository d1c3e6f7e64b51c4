"""A small learned ranker that chooses who speaks an utterance without a named tag: its weights, its scoring and
its passes.

The rules of :mod:`workshop.speakers.attribution` run first and hand over the dialogue as plain data
(:class:`workshop.speakers.features.RankerInput` and one :class:`~workshop.speakers.features.Answer` per
utterance). Then, for every utterance they could not pin to a named tag (pronoun and descriptive tags, beats,
vocatives, turn-taking, and the ones left unknown), :func:`workshop.speakers.features.feature_matrix` lists the
characters who could be speaking and describes each with a few yes/no and count features (:data:`FEATURES`), and
this module scores them with one weight per feature. The probabilities are a softmax over the candidates of the
utterance (a conditional logit model), computed for all of a pass at once (one matrix product).

- Answers the rules give with confidence 0.9 or more stay (:data:`SURE`): a title, a family word, the only woman.
- An utterance the rules left unknown gets a speaker only when the best candidate's probability reaches the
  threshold stored with the weights (0.5) and there are at least two candidates; otherwise it stays unknown.
- Two passes (:func:`rank_passes`): the second looks again at the utterances whose neighbours changed speaker in
  the first, reading the first pass's answers as context (it was trained on such contexts).
- The confidence reported is the probability times the share of utterances whose right speaker was among the
  candidates on the tuning novels (:func:`confidence`); on the novels this tracks the share that is right.

The weights live in ``workshop/data/attribution/ranker.json`` and are rebuilt by ``scripts/train_attribution.py``
(with :mod:`workshop.speakers.ranker_training`) from the eight tuning novels of ../shared/pdnc (never the four
held out). A weights file trained on another feature list is an error (:class:`WeightsMismatch`), never a ranker
silently switched off.
"""

from __future__ import annotations

import json
import math
import operator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from workshop.speakers import features
from workshop.speakers.features import FEATURES, SURE, Answer, RankerInput

__all__ = ["FEATURES", "SURE", "RANKED_METHODS", "Weights", "WeightsMismatch", "confidence", "load_weights",
           "parse_weights", "softmax", "score", "rankable", "rank", "rank_pass", "rank_passes", "context_changed",
           "method_for"]

RANKED_METHODS = ("pronoun", "descriptive", "beat", "vocative", "turn-taking", "none")
"""The methods whose choice the ranker may revise; named tags, scripts and "said a man" stay as the rules read them."""


@dataclass(frozen=True)
class Weights:
    names: tuple[str, ...]
    values: tuple[float, ...]
    threshold: float
    """Below this probability an utterance the rules left unknown stays unknown."""
    coverage: float = 1.0
    """The share of utterances (tuning novels) whose right speaker was among the candidates: the probability of
    being right is the softmax probability times this (see :func:`confidence`)."""
    coverage_found: float = 1.0
    """The same share when the kit found the cast itself (scenes of the tuning novels read without their cast
    file): a speaker discovery missed is never a candidate, so the probabilities are scaled down more."""


class WeightsMismatch(RuntimeError):
    """The weights file does not fit the features the code computes (a feature added, renamed or dropped since
    the weights were trained): the ranker cannot run, and switching it off silently would hide a drop in
    accuracy. Retrain with ``python scripts/train_attribution.py``."""


def confidence(probability: float, weights: Weights, found: bool = False) -> float:
    """The confidence to report for a choice: right only if the speaker is among the candidates (coverage, or
    coverage_found when the kit ``found`` the cast itself) and then the one picked (the softmax probability,
    which assumes the speaker is among them)."""
    return round(probability * (weights.coverage_found if found else weights.coverage), 3)


def parse_weights(data: dict, where: str = "the weights file") -> tuple[Weights, ...]:
    """The sets of weights (one per pass) of a weights file's JSON; :class:`WeightsMismatch` when a set does not
    name exactly the features of :data:`FEATURES`, or the file holds no pass."""
    passes = data.get("passes") if isinstance(data, dict) else None
    if not passes:
        raise WeightsMismatch(f"{where} holds no passes of weights: retrain with python scripts/train_attribution.py")
    out = []
    for number, one in enumerate(passes, 1):
        weights = one.get("weights", {})
        missing = [n for n in FEATURES if n not in weights]
        unknown = sorted(set(weights) - set(FEATURES))
        if missing or unknown:
            said = "; ".join(
                part
                for part in (
                    f"missing {', '.join(missing)}" if missing else "",
                    f"unknown {', '.join(unknown)}" if unknown else "",
                )
                if part
            )
            raise WeightsMismatch(
                f"{where}, pass {number}, was trained on another feature list than the ranker computes ({said}): "
                "retrain with python scripts/train_attribution.py"
            )
        out.append(
            Weights(
                FEATURES,
                tuple(float(weights[n]) for n in FEATURES),
                float(one.get("threshold", 0.0)),
                float(one.get("coverage", 1.0)),
                float(one.get("coverage_found", one.get("coverage", 1.0))),
            )
        )
    return tuple(out)


WEIGHTS_FILE = ("data", "attribution", "ranker.json")


@lru_cache(maxsize=1)
def load_weights() -> tuple[Weights, ...]:
    """The shipped weights, one set per pass (see :func:`parse_weights`)."""
    path = resources.files("workshop").joinpath(*WEIGHTS_FILE)
    return parse_weights(json.loads(path.read_text(encoding="utf-8")), "workshop/" + "/".join(WEIGHTS_FILE))


def softmax(scores: list[float]) -> list[float]:
    """exp(s) / sum(exp(s)), computed without overflow."""
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def score(rows: list[list[float]], weights: Weights) -> list[float]:
    """The probability of each candidate (one row of features each)."""
    return softmax([sum(map(operator.mul, weights.values, row)) for row in rows])


def rankable(data: RankerInput, answers: list[Answer], k: int) -> bool:
    """Whether the ranker may choose the speaker of utterance ``k`` (answered by a method of
    :data:`RANKED_METHODS`, below :data:`SURE`)."""
    return features.rankable(data, answers, k, RANKED_METHODS)


def rank(
    data: RankerInput, answers: list[Answer], weights: Weights, only: set[int] | None = None
) -> list[tuple[int, str, float, list[float] | None]]:
    """One pass of the ranker over the rankable utterances (those in ``only`` when given), reading ``answers``
    as they stand: (utterance, the likeliest candidate, its probability, its feature row when it is not the
    answer given, else None) for every utterance that gets a speaker. All candidates are scored at once (one
    matrix product, one softmax per utterance). An utterance left unknown keeps no speaker when the best
    probability is below the threshold or there is only one candidate (whose probability of 1 says nothing)."""
    ks = [k for k in (range(len(answers)) if only is None else sorted(only)) if rankable(data, answers, k)]
    matrix = features.feature_matrix(data, ks, answers)
    if not matrix.candidates:
        return []
    X = matrix.rows
    flat = X @ np.asarray(weights.values)
    starts = np.fromiter((c.first for c in matrix.candidates), dtype=np.intp, count=len(matrix.candidates))
    sizes = np.diff(np.append(starts, len(flat)))
    top = np.repeat(np.maximum.reduceat(flat, starts), sizes)
    totals = np.add.reduceat(np.exp(flat - top), starts)
    # the first candidate of each utterance with the top score (as max() would pick)
    at_top = np.flatnonzero(flat == top)
    _, first = np.unique(np.searchsorted(starts, at_top, side="right") - 1, return_index=True)
    out = []
    for c, i, total in zip(matrix.candidates, at_top[first].tolist(), totals.tolist()):
        k = c.utterance
        probability = 1.0 / total
        name = c.names[i - c.first]
        if answers[k].speaker is None and (probability < weights.threshold or len(c.names) < 2):
            continue
        out.append((k, name, probability, None if name == answers[k].speaker else X[i].tolist()))
    return out


def rank_pass(data: RankerInput, answers: list[Answer], weights: Weights, only: set[int] | None = None) -> list[Answer]:
    """The answers after one pass of the ranker (over the utterances in ``only`` when given). It reads the
    answers as they stand before the pass, so each choice sees the same context it was trained on. A choice the
    ranker makes over the rules is shown with the strongest evidence it has (:func:`method_for`); its confidence
    is the probability scaled by the coverage (:func:`confidence`)."""
    out = list(answers)
    for k, name, probability, row in rank(data, answers, weights, only):
        tag = data.utterances[k].tag
        method = answers[k].method if row is None else method_for(row, tag.kind if tag is not None else None)
        out[k] = Answer(name, method, confidence(probability, weights, data.found))
    return out


def rank_passes(data: RankerInput, answers: list[Answer], passes: tuple[Weights, ...]) -> list[Answer]:
    """The answers after every pass (one per set of weights): each pass after the first looks again only at the
    utterances whose neighbours changed speaker in the pass before (see :func:`context_changed`)."""
    only: set[int] | None = None
    for weights in passes:
        after = rank_pass(data, answers, weights, only)
        only = context_changed(data, answers, after)
        answers = after
    return answers


def context_changed(data: RankerInput, before: list[Answer], after: list[Answer]) -> set[int]:
    """The utterances whose neighbours (up to three turns away, in the same exchange) changed speaker from
    ``before`` to ``after``: the ones a further pass looks at again."""
    out: set[int] = set()
    for j, (was, now) in enumerate(zip(before, after)):
        if was.speaker == now.speaker:
            continue
        lo, hi = features.exchange(data, j)
        out.update(k for k in range(max(lo, j - 3), min(hi, j + 3) + 1) if k != j)
    return out


def method_for(row: list[float], tag: str | None = None) -> str:
    """The method to show a writer for a candidate the ranker chose over the rules: the strongest evidence it has
    (``tag``: the kind of the utterance's pronoun or descriptive tag, if any)."""
    f = dict(zip(FEATURES, row))
    if tag is not None and not f["pronoun_clash"]:
        return tag
    if f["addressed_prev"]:
        return "vocative"
    if f["in_paragraph_before"] or f["in_paragraph_after"]:
        return "beat"
    return "turn-taking"
