"""Decoding: the labeller model's unit scores turned into body decisions, and the page's confidence.

The rules label every unit first (pipeline.rule_stage). The model (weights in
data/labeller/model.json, written by bench/train_labeller.py) scores each unit from its vector
(unit_vectors.py): the probability that it is article text. Where the model is confident and
disagrees with the rules, it overrides them; the line's rule then reads `model:<score>` so
--explain names what decided it. Title, byline and date lines taken by the header stay the rules'.
"""

from __future__ import annotations

import json
import math
import os
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import mul
from pathlib import Path
from typing import Any

from articlecli.data import read_data
from articlecli.labeller import LABELLER_MODEL_ENV, LABELLER_RULES_ONLY
from articlecli.labeller.content import Region, max_run
from articlecli.labeller.inbody import BODY_LABELS
from articlecli.labeller.unit_vectors import FEATURE_NAMES, RuleView, unit_vectors
from articlecli.lazy_regex import lazy_compile

# The model removes a unit the rules kept below this text probability, and keeps one the rules removed
# only above the upper bound: where it is unsure, the rules stand. A first cut at .4 (chosen on the
# out-of-fold unit scores) traded recall for precision with no gain in body F1 and cost headings
# (short lines score low as text), so removals are stricter and never touch a rule heading.
REMOVE_BELOW = 0.3
KEEP_ABOVE = 0.9
# A kept unit becomes a heading when the heading model is this sure, and a rule heading becomes a
# paragraph below the lower bound (out of fold, about six in seven of such changes are right).
HEADING_ABOVE = 0.7
PARAGRAPH_BELOW = 0.2
# Removals the rules make precisely, which the model never undoes: a phrase-list match (its category
# is the reason), a line without text (decoration, image), a repeated title, a reading time, and the
# in-body rules that read a line in its context (credits, captions, author boxes, the run's tail).
PRECISE_REMOVALS = frozenset(
    {
        "decoration",
        "image",
        "repeated-title",
        "reading-time",
        "heading-without-text",
        "photo-credit",
        "image-caption",
        "author-box",
        "author-bio",
        "after-last-prose",
        "after-widget",
    }
)
_HAS_LETTER = lazy_compile(r"[^\W\d_]")
# The model's main-text run: the maximum-sum run of (P(text) - REGION_THRESHOLD) × words, each unit's
# words capped (as content.PROSE_SCORE_CAP caps the rules' score) so one huge unit does not swallow the
# page around it. Chosen out of fold on every third dev document, against the rules' wcxb body F1 .823,
# trafilatura-eval hit .939 / leak .180 (bench/train_labeller.py then measures the set on all of them):
# threshold .3: body .831, hit .929, leak .214; .35: .829, .920, .190; .4: .828, .915, .173;
# .45: .824, .902, .154; .5: .815. The .4 run gains body F1 and lowers the leak.
REGION_THRESHOLD = 0.4
REGION_WORD_CAP = 150
# The `extend` override keeps the rules' run and lets the model's run only carry on below its end: the
# rules' start and every unit they keep stay. Measured out of fold on all dev documents (the rules:
# wcxb body .826, trafilatura-eval hit .927 / leak .184): trimming the rules' run at either edge where
# P(text) is low loses more text than boilerplate at every bound tried (.1, .2, .3: body .826, .825,
# .825; hit .927, .927, .924); the model's run replacing the rules' (`region`) gains body but loses
# hit; carrying the rules' run on to the model's run end gains both but leaks (body .831, hit .933,
# leak .189), almost all of it past a terminator or a boilerplate phrase. So the extension never
# passes either. A further cut at the last unit above a stricter text probability was chosen on the
# folds (each fold choosing among .4, .6, .75 on the other four): four folds chose .4, the run's own
# threshold (no cut), the fifth nothing (its heading F1 fell by .001), so there is no second constant.


@dataclass(frozen=True)
class Overrides:
    """Which decisions the model may take from the rules. The shipped model file names its set: the
    training script keeps only overrides whose out-of-fold table beats the rules with no slice dropping."""

    remove_text: bool = False
    add_text: bool = False
    headings: bool = False
    # The main-text run is the model's maximum-sum run (model_region) instead of the rules' region.
    region: bool = False
    # The rules' run carried on to the end of the model's run (extended_region).
    extend: bool = False

    @property
    def name(self) -> str:
        flags = (
            ("region", self.region),
            ("extend", self.extend),
            ("remove", self.remove_text),
            ("add", self.add_text),
            ("headings", self.headings),
        )
        return "+".join(n for n, on in flags if on) or "none"


NO_OVERRIDES = Overrides()
# Every set the training script measures (a full factorial would triple its run for sets never kept).
OVERRIDE_SETS = (
    Overrides(),
    Overrides(headings=True),
    Overrides(remove_text=True, add_text=True),
    Overrides(region=True),
    Overrides(extend=True),
    Overrides(extend=True, headings=True),
)


@dataclass(frozen=True)
class Decoded:
    """The model's overrides (unit index -> label, rule), the page's confidence, and the model's main-text
    run with each unit's text probability when the region or extend override is on (pipeline.article_from relabels
    the body inside it with the rules)."""

    labels: dict[int, tuple[str, str]] = field(default_factory=dict)
    confidence: float | None = None
    region: Region | None = None
    scores: tuple[float, ...] = ()


class _Linear:
    """A logistic model: weights per feature, and the means and scales the features were standardised with."""

    def __init__(self, spec: dict[str, Any]) -> None:
        scale = spec["scale"]
        self.weights = [w / s for w, s in zip(spec["weights"], scale, strict=True)]
        self.bias = spec["bias"] - sum(w * m for w, m in zip(self.weights, spec["mean"], strict=True))

    def margin(self, row: list[float]) -> float:
        # operator.mul is a C function; float.__mul__ goes through a slot wrapper at each of the 85 products.
        return self.bias + sum(map(mul, self.weights, row))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -500 else 0.0


@dataclass(frozen=True)
class LabellerModel:
    """The shipped model: unit text probability, heading probability, and the page-confidence model."""

    body: _Linear
    heading: _Linear
    # The page-confidence part; the bench's fold models have none (it is trained on their output).
    confidence: _Linear | None
    calibration_x: tuple[float, ...]
    calibration_y: tuple[float, ...]
    overrides: Overrides = Overrides()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LabellerModel:
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ValueError("labeller model was trained on other features; retrain with bench/train_labeller.py")
        confidence = data.get("confidence")
        calibration = confidence["calibration"] if confidence else []
        return cls(
            _Linear(data["body"]),
            _Linear(data["heading"]),
            _Linear(confidence) if confidence else None,
            tuple(x for x, _ in calibration),
            tuple(y for _, y in calibration),
            Overrides(**data.get("overrides", {})),
        )

    def calibrated(self, raw: float) -> float:
        """Piecewise-constant (isotonic) map from the confidence model's output to expected body F1."""
        at = bisect_right(self.calibration_x, raw) - 1
        return self.calibration_y[max(at, 0)]


@lru_cache(maxsize=8)
def load_model(path: str | None) -> LabellerModel:
    """The labeller model in `path`, or the packaged one (None); read once per path."""
    text = read_data("labeller/model.json") if path is None else Path(path).read_text(encoding="utf-8")
    return LabellerModel.from_json(json.loads(text))


def active_model() -> LabellerModel | None:
    """The packaged model, or the file $ARTICLECLI_LABELLER_MODEL names ("none": rules only)."""
    chosen = os.environ.get(LABELLER_MODEL_ENV)
    if chosen == LABELLER_RULES_ONLY:
        return None
    return load_model(chosen or None)


def unit_scores(
    view: RuleView, model: LabellerModel, rows: list[list[float]] | None = None
) -> tuple[list[float], list[list[float]]]:
    """Per unit: the probability that it is article text; and the vectors, for the heading model. `rows`
    are the page's vectors when the caller has them already (the training script reads them once)."""
    rows = unit_vectors(view) if rows is None else rows
    margin = model.body.margin
    return [_sigmoid(margin(row)) for row in rows], rows


def decode(
    view: RuleView,
    model: LabellerModel | None = None,
    overrides: Overrides | None = None,
    rows: list[list[float]] | None = None,
    body: list[float] | None = None,
) -> Decoded:
    """The model's overrides of the rules' labels (the model file's set unless `overrides` is given).
    `rows` and `body` are the page's vectors and text probabilities when the caller has them (the
    training script decodes one page with several override sets)."""
    model = model or active_model()
    if model is None or not view.units:
        return Decoded()
    if body is None or rows is None:
        body, rows = unit_scores(view, model, rows)
    chosen = overrides if overrides is not None else model.overrides
    labels = _override(view, model, chosen, body, rows)
    region = model_region(view, body) if chosen.region else extended_region(view, body) if chosen.extend else None
    return Decoded(labels, page_confidence(view, body, model), region, tuple(body) if region else ())


def model_region(view: RuleView, body: list[float]) -> Region | None:
    """The main-text run scored by the model: the maximum-sum run of (P(text) - REGION_THRESHOLD), each
    unit weighted by its words (capped). It starts no higher than the header's end, as the rules' run
    does. None when no unit is likely text (the rules' region stands)."""
    scores = [
        (p - REGION_THRESHOLD) * min(features.words, REGION_WORD_CAP)
        for p, features in zip(body, view.features, strict=True)
    ]
    start, end = max_run(scores)
    if end <= start:
        return None
    body_start = view.header.body_start
    if body_start > start:
        start, end = body_start, max(end, body_start)
    return Region(start, end)


def extended_region(view: RuleView, body: list[float]) -> Region | None:
    """The rules' run carried on down to the end of the model's run (model_region), never past a
    terminator the rules' run ended on nor past a unit a phrase list names boilerplate; the rules' start
    and every unit inside their run stay. None when the model's run ends no lower (the rules' run stands)."""
    region = view.region
    if region.listing or region.terminated_by is not None or region.end <= region.start:
        return None
    run = model_region(view, body)
    if run is None or run.end <= region.end:
        return None
    end = next((i for i in range(region.end, run.end) if view.features[i].boilerplate is not None), run.end)
    # Cut short there, it ends as the model's run does: on a unit the model holds text.
    while end > region.end and body[end - 1] < REGION_THRESHOLD:
        end -= 1
    return replace(region, end=end) if end > region.end else None


# The rule name of lines the model's run took in or left out, against the rules' decision.
MODEL_REGION = "model-region"


def _override(
    view: RuleView, model: LabellerModel, chosen: Overrides, body: list[float], rows: list[list[float]]
) -> dict[int, tuple[str, str]]:
    labels: dict[int, tuple[str, str]] = {}
    if not (chosen.remove_text or chosen.add_text or chosen.headings):
        return labels
    header = view.header.labels
    # On a listing page (the rules' no-prose fallback) every item line is the content: headings stay the rules'.
    relabel_headings = chosen.headings and not view.region.listing
    for index in range(len(view.units)):
        if index in header:
            continue
        label, rule = view.rule_label(index)
        p = body[index]
        kept = label in BODY_LABELS
        if not kept and (p <= KEEP_ABOVE or not chosen.add_text):
            continue
        # The heading model only where its answer is used: kept units and units the model adds.
        heading = _sigmoid(model.heading.margin(rows[index]))
        if chosen.remove_text and kept and label != "heading" and p < REMOVE_BELOW:
            labels[index] = ("removed", f"model:{p:.2f}")
        elif not kept and _may_add(view, index, rule):
            is_heading = heading > HEADING_ABOVE
            labels[index] = ("heading" if is_heading else _text_label(view, index), f"model:{p:.2f}")
        elif not relabel_headings or not kept:
            continue
        elif label != "heading" and heading > HEADING_ABOVE and not view.units[index].list_item:
            labels[index] = ("heading", f"model:{heading:.2f}")
        elif label == "heading" and heading < PARAGRAPH_BELOW:
            labels[index] = (_text_label(view, index), f"model:{heading:.2f}")
    return labels


def _may_add(view: RuleView, index: int, rule: str) -> bool:
    """The rules removed the unit for its position (outside the run, a menu run), not for what it is."""
    if rule in PRECISE_REMOVALS or view.features[index].boilerplate:
        return False
    # Below a terminator (comments, related links) the rules ended the article on a phrase: it stays ended.
    if view.region.terminated_by is not None and index >= view.region.end:
        return False
    text = view.units[index].text
    return bool(_HAS_LETTER.search(text)) and not text.startswith("#")


def _text_label(view: RuleView, index: int) -> str:
    unit = view.units[index]
    return "list-item" if unit.list_item else "quote" if unit.quote else "paragraph"


CONFIDENCE_FEATURES = (
    "kept_words_log",
    "kept_mean_p",
    "kept_doubtful_share",
    "removed_likely_share",
    "kept_share",
    "mean_margin",
    "units_log",
)
# A unit's score is doubtful between these bounds (neither clearly text nor clearly not).
DOUBT_LOW, DOUBT_HIGH = 0.3, 0.7


def confidence_vector(view: RuleView, body: list[float]) -> list[float]:
    """Page-level signals of how clean the rules' decision looks to the model: the words behind it and how
    sure the model is of each unit (read on the rules' labels, so it does not depend on the override set)."""
    kept_words = removed_words = doubtful = likely_removed = 0.0
    weighted_p = margin = 0.0
    for index, p in enumerate(body):
        words = float(view.features[index].words)
        label = view.rule_label(index)
        margin += abs(p - 0.5)
        if label[0] in BODY_LABELS:
            kept_words += words
            weighted_p += p * words
            doubtful += words * (DOUBT_LOW < p < DOUBT_HIGH)
        else:
            removed_words += words
            likely_removed += words * (p > DOUBT_HIGH)
    total = kept_words + removed_words or 1.0
    return [
        math.log1p(kept_words),
        weighted_p / kept_words if kept_words else 0.0,
        doubtful / kept_words if kept_words else 1.0,
        likely_removed / total,
        kept_words / total,
        margin / len(body) if body else 0.0,
        math.log1p(len(body)),
    ]


def page_confidence(view: RuleView, body: list[float], model: LabellerModel) -> float | None:
    if model.confidence is None:
        return None
    raw = model.confidence.margin(confidence_vector(view, body))
    return round(model.calibrated(raw), 3)
