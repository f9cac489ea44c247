"""The heading scorer: which short lines of the main text are its subheadings.

The rules (pipeline._label_body, sections.is_subheading) propose headings from a line's shape and
what follows it; on a text dump that is right about half the time. This small learned model looks at
every kept unit that could be a heading (every rule heading, and every short kept line) with the
rules' decision in hand, and overrides the rules only where it is sure: a rule heading with P(heading)
below the model file's `demote` threshold becomes a paragraph (or list item / quote, as its marker
says), another candidate at or above `promote` a heading; between the two the rules' decision stands.

Features come from the records alone: shape (words, characters, final punctuation, capitals,
digits, list/quote/`#` marks, indentation, blank lines around), the neighbouring kept units (their
length, whether they are prose, lists or short lines), position within the region, how common short
lines and headings are on the page, how many candidates share the line's shape (a page's headings
repeat one pattern), and the rule that proposed, kept or demoted it; and page context, the candidate
against the page's rule headings: the section under it (its words against the page's median section,
whether it holds prose), the words since the previous heading, its position by words, the share of
the page's prose still below it, the next line's length against the page's median paragraph, how
regularly the page's headings alternate with prose, the share of the page's other headings that
share its capitalisation, final mark, numbering and Markdown level, its length and function-word
share against theirs, and the run of short lines it sits in. No site name, no word of a page, no renderer:
only the input format (Markdown or not) chooses between the file's two weight sets, since in a
Markdown dump the '#' marks already say most of it.

Off by default, on measurement: out of fold (bench/train_headings.py, 5 host folds) the scorer ties
the rules on heading F1 (.581 against .581) for precision .621 against .601, and costs the container
scope .007 (gradient-boosted trees on the same vectors lose on Markdown input): the errors left are
lines that look like headings and are headings, of a block the gold leaves out (sidebar and
call-to-action headings inside the region, product cards), which no per-line decision separates. The
bench runs a trained file through the whole pipeline with $ARTICLECLI_HEADING_MODEL
(bench/train_headings.py --save-model FILE); inference is pure Python.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from articlecli.frontends.unit import Unit
from articlecli.labeller import heading_model_file
from articlecli.labeller.content import is_prose
from articlecli.labeller.inbody import BODY_LABELS
from articlecli.lazy_regex import lazy_compile
from articlecli.records.features import UnitFeatures

# A kept unit is a candidate when the rules made it a heading, or when it is short enough to be one:
# gold subheadings of the dev corpus are 1-20 words (longer lines without a mark are paragraphs).
CANDIDATE_MAX_WORDS = 20
CANDIDATE_MAX_CHARS = 160
# A "short line" in the page and neighbour signals: a label-sized line without a sentence end.
SHORT_WORDS = 8
# A line is in title case when at least this share of its words start with a capital (short words
# such as "of", "and" are lower case in English title case).
TITLE_CASE_SHARE = 0.6
# Neighbours either side for the local density of short lines.
LOCAL_WINDOW = 3
# The rules' names for how a unit became a heading (or not): one indicator each.
_RULES = (
    "short-line-before-text",
    "line-between-paragraphs",
    "piece-before-paragraph",
    "subheading-under-heading",
    "short-line-after-short-lines",
    "markdown-heading",
    "contents-entry",
    "main-text",
    "list-marker",
    # The context rules (labeller/heading_context.py, sections.py, inbody.py) that kept or demoted a line.
    "repeated-list-heading",
    "heading-above-subheading",
    "outdented-heading",
    "nested-heading",
    "empty-late-heading",
    "heading-in-tail",
    "listing-item",
    "call-to-action-not-heading",
    "repeated-field-not-heading",
    "field-not-heading",
    "piece-of-block-not-heading",
    "dateline-not-heading",
    "admonition-not-heading",
    "cut-sentence-not-heading",
    "contents-title-not-heading",
)
_NUMBERED = lazy_compile(r"^(?:\d{1,3}|[ivxIVX]{1,4}|[A-Za-z])[.):]\s")
_HAS_LETTER = lazy_compile(r"[^\W\d_]")

FEATURE_NAMES: tuple[str, ...] = (
    "rule_heading",
    "md_heading",
    "md_level_1_2",
    "md_level_3",
    "md_level_4_plus",
    "log_words",
    "one_word",
    "up_to_3_words",
    "log_chars",
    "end_question",
    "end_colon",
    "end_period",
    "end_exclamation",
    "end_other_punct",
    "end_digit",
    "sentence_end",
    "title_share",
    "upper_share",
    "all_caps",
    "digit_share",
    "starts_digit",
    "numbered_prefix",
    "list_item",
    "numbered",
    "quote",
    "link_density",
    "stopword_share",
    "blank_before",
    "blank_after",
    "indented",
    "left_of_next",
    "repeated",
    "no_next",
    "next_log_words",
    "next_prose",
    "next_list",
    "next_short",
    "next_md_heading",
    "next_candidate_heading",
    "next_sentence_end",
    "no_previous",
    "previous_sentence_end",
    "previous_log_words",
    "previous_rule_heading",
    "previous_short",
    "previous_list",
    "relative_position",
    "page_short_share",
    "page_rule_heading_share",
    "page_md_headings_log",
    "page_kept_log",
    "page_has_stopwords",
    "local_short_density",
    "words_vs_median",
    "same_shape_log",
    "same_shape_share",
    *(f"rule:{name}" for name in _RULES),
    # Page context: how the candidate compares with the page's rule headings and the text around them.
    "section_log_words",
    "section_vs_median",
    "section_has_prose",
    "section_empty",
    "gap_log_words",
    "words_before_share",
    "prose_after_share",
    "next_vs_median_paragraph",
    "page_heading_log",
    "page_alternation",
    "case_match_share",
    "final_match_share",
    "numbered_match_share",
    "level_match_share",
    "length_vs_headings",
    "stopwords_vs_headings",
    "run_of_candidates",
)


class _Linear:
    """A logistic model over standardised features (weights folded with the means and scales)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        scale = spec["scale"]
        self.weights = [w / s for w, s in zip(spec["weights"], scale, strict=True)]
        self.bias = spec["bias"] - sum(w * m for w, m in zip(self.weights, spec["mean"], strict=True))
        # Two thresholds: a rule heading below `demote` becomes a paragraph, another candidate at or
        # above `promote` a heading; between them the rules' decision stands.
        self.demote: float = spec["demote"]
        self.promote: float = spec["promote"]

    def probability(self, row: list[float]) -> float:
        margin = self.bias + sum(map(float.__mul__, self.weights, row))
        return 1.0 / (1.0 + math.exp(-margin)) if margin > -500 else 0.0


@dataclass(frozen=True)
class HeadingModel:
    """Two weight sets: for Markdown input (where '#' marks exist) and for every other text dump."""

    markdown: _Linear
    text: _Linear

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HeadingModel:
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ValueError("heading model was trained on other features; retrain with bench/train_headings.py")
        return cls(_Linear(data["markdown"]), _Linear(data["text"]))


@lru_cache(maxsize=8)
def _load(path: str) -> HeadingModel:
    return HeadingModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def active_model() -> HeadingModel | None:
    """The model file $ARTICLECLI_HEADING_MODEL names; None (the rules alone) when unset or "none"."""
    chosen = heading_model_file()
    return None if chosen is None else _load(chosen)


def candidates(
    units: list[Unit],
    features: list[UnitFeatures],
    body: list[int],
    labels: dict[int, tuple[str, str]],
    markdown_input: bool,
) -> list[int]:
    """Positions in `body` (the kept body units, in order) of the units the model decides."""
    found = []
    for position, index in enumerate(body):
        label = labels[index][0]
        if label == "heading":
            found.append(position)
        elif markdown_input:
            continue
        elif (
            features[index].words <= CANDIDATE_MAX_WORDS
            and len(units[index].text) <= CANDIDATE_MAX_CHARS
            and position + 1 < len(body)
            and _HAS_LETTER.search(units[index].text)
        ):
            found.append(position)
    return found


def _short(feats: UnitFeatures) -> bool:
    return feats.words <= SHORT_WORDS and not feats.sentence_end


def _shape_key(unit: Unit, feats: UnitFeatures) -> tuple[Any, ...]:
    text = unit.text
    final = text[-1:]
    return (
        unit.heading_level,
        final if not final.isalnum() else "a",
        unit.blank_before,
        feats.blank_after,
        unit.list_item,
        min(feats.words, SHORT_WORDS + 1) // 3,
    )


def heading_rows(
    units: list[Unit],
    features: list[UnitFeatures],
    body: list[int],
    labels: dict[int, tuple[str, str]],
    chosen: list[int],
    markdown_input: bool,
    has_stopwords: bool,
) -> list[list[float]]:
    """One feature vector (FEATURE_NAMES) per chosen position of `body`."""
    if not chosen:
        return []
    n = len(body)
    short = [_short(features[i]) for i in body]
    short_share = sum(short) / n
    rule_headings = sum(1 for i in body if labels[i][0] == "heading")
    md_headings = sum(1 for i in body if units[i].heading_level is not None)
    sorted_words = sorted(features[i].words for i in body)
    median_log = math.log1p(sorted_words[n // 2])
    shapes = {position: _shape_key(units[body[position]], features[body[position]]) for position in chosen}
    shape_counts: dict[tuple[Any, ...], int] = {}
    for key in shapes.values():
        shape_counts[key] = shape_counts.get(key, 0) + 1
    prefix = [0]
    for flag in short:
        prefix.append(prefix[-1] + flag)
    page = [
        short_share,
        rule_headings / n,
        math.log1p(md_headings),
        math.log1p(n),
        float(has_stopwords),
    ]
    rows = []
    for position in chosen:
        index = body[position]
        unit, feats = units[index], features[index]
        text = unit.text
        label, rule = labels[index]
        words = feats.words
        final = text[-1:]
        tokens = text.split()
        letters = upper = digits = 0
        for char in text:
            if char.isalpha():
                letters += 1
                upper += char.isupper()
            elif char.isdigit():
                digits += 1
        level = unit.heading_level or 0
        row = [
            float(label == "heading"),
            float(level > 0),
            float(0 < level <= 2),
            float(level == 3),
            float(level >= 4),
            math.log1p(words),
            float(words == 1),
            float(words <= 3),
            math.log1p(len(text)),
            float(final == "?"),
            float(final == ":"),
            float(final == "."),
            float(final == "!"),
            float(bool(final) and not final.isalnum() and final not in "?:.!"),
            float(final.isdigit()),
            float(feats.sentence_end),
            sum(1 for t in tokens if t[:1].isupper()) / len(tokens) if tokens else 0.0,
            upper / letters if letters else 0.0,
            float(letters > 3 and upper == letters),
            digits / len(text) if text else 0.0,
            float(text[:1].isdigit()),
            float(bool(_NUMBERED.match(text))),
            float(unit.list_item),
            float(unit.numbered),
            float(unit.quote),
            feats.link_density,
            feats.stopword_share,
            float(unit.blank_before),
            float(feats.blank_after),
            float(unit.indent > 0),
        ]
        if position + 1 < n:
            nxt = body[position + 1]
            nunit, nfeats = units[nxt], features[nxt]
            row += [
                float(unit.indent < nunit.indent),
                float(feats.repeats > 1),
                0.0,
                math.log1p(nfeats.words),
                float(is_prose(nfeats, has_stopwords)),
                float(nunit.list_item),
                float(short[position + 1]),
                float(nunit.heading_level is not None),
                float(labels[nxt][0] == "heading"),
                float(nfeats.sentence_end),
            ]
        else:
            row += [0.0, float(feats.repeats > 1), 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
        if position:
            prev = body[position - 1]
            pfeats = features[prev]
            row += [
                0.0,
                float(pfeats.sentence_end),
                math.log1p(pfeats.words),
                float(labels[prev][0] == "heading"),
                float(short[position - 1]),
                float(units[prev].list_item),
            ]
        else:
            row += [1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
        low, high = max(0, position - LOCAL_WINDOW), min(n, position + LOCAL_WINDOW + 1)
        local = (prefix[high] - prefix[low] - short[position]) / max(1, high - low - 1)
        same = shape_counts[shapes[position]]
        row.append(position / n)
        row += page
        row += [local, math.log1p(words) - median_log, math.log1p(same), same / len(chosen)]
        row += [float(rule == name) for name in _RULES]
        rows.append(row)
    for row, context in zip(rows, _context_rows(units, features, body, labels, chosen, has_stopwords), strict=True):
        row += context
    return rows


def _case_style(text: str) -> str:
    """The capitalisation pattern of a line: all capitals, title case, sentence case or one word."""
    tokens = [t for t in text.split() if _HAS_LETTER.search(t)]
    if len(tokens) < 2:
        return "one"
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return "caps"
    capitalised = sum(1 for t in tokens if t[:1].isupper())
    return "title" if capitalised / len(tokens) >= TITLE_CASE_SHARE else "sentence"


def _final_class(text: str) -> str:
    final = text.rstrip()[-1:]
    return "a" if final.isalnum() else final


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _context_rows(
    units: list[Unit],
    features: list[UnitFeatures],
    body: list[int],
    labels: dict[int, tuple[str, str]],
    chosen: list[int],
    has_stopwords: bool,
) -> list[list[float]]:
    """Page-context features per chosen position: the candidate against the page's rule headings.

    A page's own subheadings share a style (capitalisation, final mark, numbering, Markdown level,
    length) and head sections of prose; the headings of a block the article does not include (a
    sidebar, product cards, a teaser list) differ from them, head short sections, cluster in runs of
    short lines and sit where little prose is left.
    """
    n = len(body)
    words = [features[i].words for i in body]
    prose = [is_prose(features[i], has_stopwords) for i in body]
    short = [_short(features[i]) for i in body]
    heads = [p for p in range(n) if labels[body[p]][0] == "heading"]
    is_head = [False] * n
    for p in heads:
        is_head[p] = True
    total_words = sum(words) or 1
    total_prose = sum(w for w, flag in zip(words, prose, strict=True) if flag) or 1
    before = [0]
    prose_before = [0]
    for w, flag in zip(words, prose, strict=True):
        before.append(before[-1] + w)
        prose_before.append(prose_before[-1] + (w if flag else 0))
    # The section under each position: the units up to the next rule heading.
    next_head = [n] * (n + 1)
    for p in range(n - 1, -1, -1):
        next_head[p] = p if is_head[p] else next_head[p + 1]
    prev_head = [-1] * n
    last = -1
    for p in range(n):
        prev_head[p] = last
        if is_head[p]:
            last = p

    def section(p: int) -> tuple[int, int]:
        end = next_head[p + 1] if p + 1 < n else n
        return end, before[end] - before[p + 1]

    head_sections = [math.log1p(section(p)[1]) for p in heads]
    median_section = _median(head_sections)
    median_paragraph = math.log1p(_median([float(w) for w, flag in zip(words, prose, strict=True) if flag]))
    alternation = sum(1 for p in heads if p + 1 < n and prose[p + 1]) / len(heads) if heads else 0.0
    texts = [units[i].text for i in body]
    styles = {p: (_case_style(texts[p]), _final_class(texts[p]), bool(_NUMBERED.match(texts[p]))) for p in heads}
    head_logs = {p: math.log1p(words[p]) for p in heads}
    head_stops = {p: features[body[p]].stopword_share for p in heads}
    case_counts: dict[str, int] = {}
    final_counts: dict[str, int] = {}
    numbered_count = 0
    level_counts: dict[int | None, int] = {}
    for p in heads:
        case, final, numbered = styles[p]
        case_counts[case] = case_counts.get(case, 0) + 1
        final_counts[final] = final_counts.get(final, 0) + 1
        numbered_count += numbered
        level = units[body[p]].heading_level
        level_counts[level] = level_counts.get(level, 0) + 1
    rows = []
    for p in chosen:
        text = texts[p]
        case, final, numbered = _case_style(text), _final_class(text), bool(_NUMBERED.match(text))
        level = units[body[p]].heading_level
        own = 1 if is_head[p] else 0
        others = len(heads) - own
        end, section_words = section(p)
        section_log = math.log1p(section_words)
        gap = before[p] - before[prev_head[p] + 1]
        run_start = p
        while run_start > 0 and short[run_start - 1]:
            run_start -= 1
        run_end = p
        while run_end + 1 < n and short[run_end + 1]:
            run_end += 1
        if others:
            # Self, when a rule heading, shares its own numbering: the other headings' count leaves it out.
            same_numbered = numbered_count - own if numbered else others - numbered_count
            other_logs = [v for q, v in head_logs.items() if q != p]
            other_stops = [v for q, v in head_stops.items() if q != p]
            match = [
                (case_counts.get(case, 0) - own) / others,
                (final_counts.get(final, 0) - own) / others,
                same_numbered / others,
                (level_counts.get(level, 0) - own) / others,
                math.log1p(words[p]) - _median(other_logs),
                features[body[p]].stopword_share - sum(other_stops) / len(other_stops),
            ]
        else:
            match = [0.0] * 6
        rows.append(
            [
                section_log,
                section_log - median_section,
                float(any(prose[p + 1 : end])),
                float(end == p + 1),
                math.log1p(gap),
                before[p] / total_words,
                (prose_before[n] - prose_before[p + 1]) / total_prose,
                math.log1p(words[p + 1]) - median_paragraph if p + 1 < n else 0.0,
                math.log1p(len(heads)),
                alternation,
                *match,
                math.log1p(run_end - run_start + 1),
            ]
        )
    return rows


def relabel(
    units: list[Unit],
    features: list[UnitFeatures],
    labels: dict[int, tuple[str, str]],
    *,
    markdown_input: bool,
    has_stopwords: bool,
    listing: bool,
    model: HeadingModel | None = None,
) -> None:
    """Decide the heading candidates of the body labels in place; a changed unit's rule is `model:<P>`."""
    model = model or active_model()
    if model is None or listing:
        return
    body = [index for index in sorted(labels) if labels[index][0] in BODY_LABELS]
    chosen = candidates(units, features, body, labels, markdown_input)
    rows = heading_rows(units, features, body, labels, chosen, markdown_input, has_stopwords)
    linear = model.markdown if markdown_input else model.text
    for position, row in zip(chosen, rows, strict=True):
        index = body[position]
        p = linear.probability(row)
        decided = decide(labels[index][0], p, linear, position + 1 < len(body), units[index])
        if decided != labels[index][0]:
            labels[index] = (decided, f"model:{p:.2f}")


def decide(label: str, p: float, thresholds: _Linear | Any, has_next: bool, unit: Unit) -> str:
    """The unit's label given its heading probability: the model overrides the rules only where it is
    sure (a rule heading below `thresholds.demote`, another line at or above `thresholds.promote`);
    a heading needs text after it."""
    if label == "heading":
        if p >= thresholds.demote:
            return label
        return "list-item" if unit.list_item else "quote" if unit.quote else "paragraph"
    return "heading" if p >= thresholds.promote and has_next else label
