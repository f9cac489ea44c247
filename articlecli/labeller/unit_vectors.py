"""The labeller model's inputs: one vector of numbers per unit, read from what the rules already know.

Everything here is shape, density, position, per-language data (function words, phrase categories)
and the rules' own decisions, for the unit and its neighbours. No site name, no word of a page and
no renderer name enters a vector. This is the one module that turns the page's records into model
inputs, so the records table can replace its sources without touching the model or the decoder.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from operator import sub, truediv

from articlecli.frontends.unit import Unit
from articlecli.header.record import Header
from articlecli.labeller.content import LINK_HEAVY, TERMINATORS, Region, is_prose
from articlecli.labeller.inbody import BODY_LABELS
from articlecli.lazy_regex import lazy_compile
from articlecli.records.features import RecordTable

Labels = dict[int, tuple[str, str]]


# Not frozen: its fields are the page's lists and dicts, which freezing would not protect (a stage makes a new
# view with dataclasses.replace), and the frozen guard's two generated methods cost start-up time.
@dataclass(eq=False, repr=False)
class RuleView:
    """What the rules decided about a page's units: the input of the labeller model."""

    units: list[Unit]
    features: RecordTable
    region: Region
    header: Header
    body_labels: Labels
    language: str | None
    has_stopwords: bool
    markdown_input: bool
    # --explain details of site-template lines, and the title as the site profile gives it.
    notes: dict[int, str]
    title: str | None

    def rule_label(self, index: int) -> tuple[str, str]:
        """The label and rule the rules alone give the unit (outside the region: removed)."""
        found = self.header.labels.get(index) or self.body_labels.get(index)
        return found if found is not None else ("removed", "outside-region")


# The rules' label for a unit, in the groups the model sees (one indicator each).
_RULE_GROUPS = ("title", "byline", "date", "meta", "heading", "text", "removed-in-region", "outside-region")
_META_LABELS = frozenset({"breadcrumb", "category", "tag", "tags", "categories"})
# Word-count bins: a label, a short line, a sentence, a paragraph, a long paragraph.
_WORD_BINS = (0, 3, 7, 19, 49)
# Neighbours the model sees on each side, and the window widths of the smoothed context signals.
_NEIGHBOURS = (-2, -1, 1, 2)
_WINDOWS = (3, 10, 30)

_BASE = (
    "words_log",
    "chars_log",
    *(f"words_le_{b}" for b in _WORD_BINS),
    "stopword_share",
    "link_density",
    "link_heavy",
    "sentence_end",
    "ends_question",
    "ends_colon",
    "boilerplate",
    "boilerplate_terminator",
    "markdown_heading",
    "heading_level",
    "list_item",
    "numbered",
    "quote",
    "blank_before",
    "blank_after",
    "indented",
    "caps_share",
    "digit_share",
    "no_letter",
    "title_case",
    "repeated",
    "prose",
    "position",
    "in_region",
    "before_region_log",
    "after_region_log",
    *(f"rule_{g}" for g in _RULE_GROUPS),
)
_NEIGHBOUR_FIELDS = ("words_log", "prose", "link_density", "boilerplate", "rule_text", "rule_heading", "blank_before")
_DOC = (
    "doc_units_log",
    "doc_markdown",
    "doc_listing",
    "doc_region_share",
    "doc_region_words_share",
    "doc_no_stopwords",
)
# Page-relative signals: the unit's length against the page's longest, where it sits from the title,
# and the length of the run of rule-kept text it belongs to.
_RELATIVE = ("words_vs_longest", "below_title", "title_distance_log", "text_run_log")

FEATURE_NAMES: tuple[str, ...] = (
    *_BASE,
    *(f"{name}@{offset:+d}" for offset in _NEIGHBOURS for name in _NEIGHBOUR_FIELDS),
    *(f"prose_mean_{w}" for w in _WINDOWS),
    *(f"text_mean_{w}" for w in _WINDOWS),
    *_RELATIVE,
    *_DOC,
)
_INDEX = {name: i for i, name in enumerate(_BASE)}
_NEIGHBOUR_COLUMNS = tuple(_INDEX[name] for name in _NEIGHBOUR_FIELDS)
_PROSE, _TEXT = _INDEX["prose"], _INDEX["rule_text"]


# The indicator columns as ready-made rows: one lookup per unit instead of a comparison per column.
_WORD_BIN_ROWS = tuple(tuple(float(words <= b) for b in _WORD_BINS) for words in range(_WORD_BINS[-1] + 2))
_GROUP_ROWS = {group: tuple(float(group == g) for g in _RULE_GROUPS) for group in _RULE_GROUPS}


def _rule_group(label: str, rule: str, in_region: bool) -> str:
    if label in ("title", "byline", "date", "heading"):
        return label
    if label in _META_LABELS:
        return "meta"
    if label in BODY_LABELS:
        return "text"
    return "removed-in-region" if in_region and rule != "outside-region" else "outside-region"


# In ASCII text the letters are A-Z and a-z, the capitals A-Z and the digits 0-9 (str.isalpha, isupper
# and isdigit of each character): bytes.translate deletes a class in one C pass.
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_ASCII_CAPITALS = bytes(range(65, 91))
_ASCII_DIGITS = bytes(range(48, 58))
_NON_ASCII = lazy_compile(r"[^\x00-\x7f]")


def _letters(text: str) -> tuple[int, int, int]:
    """Letters, capital letters and digits in the text (map over str methods: C speed, no Python loop)."""
    raw = text.encode("ascii", "ignore")
    size = len(raw)
    letters = size - len(raw.translate(None, _ASCII_LETTERS))
    capitals = size - len(raw.translate(None, _ASCII_CAPITALS))
    digits = size - len(raw.translate(None, _ASCII_DIGITS))
    if size < len(text):
        # The other characters (accented letters, curly quotes, CJK) are tested one by one.
        other = _NON_ASCII.findall(text)
        letters += sum(map(str.isalpha, other))
        capitals += sum(map(str.isupper, other))
        digits += sum(map(str.isdigit, other))
    return letters, capitals, digits


def _title_case(text: str) -> bool:
    """Every word of more than three characters starts with a capital or a digit (and there is one)."""
    found = False
    # A loop that stops at the first lowercase word: prose fails on its first few words.
    for word in text.split():
        if len(word) > 3:
            if not (word[:1].isupper() or word[:1].isdigit()):
                return False
            found = True
    return found


def _base_row(view: RuleView, index: int, seen: Counter[str], total: int) -> list[float]:
    unit, feats = view.units[index], view.features[index]
    region = view.region
    text = unit.text
    letters, capitals, digits = _letters(text[:400])
    sample = min(len(text), 400) or 1
    in_region = region.start <= index < region.end
    label, rule = view.rule_label(index)
    group = _rule_group(label, rule, in_region)
    following = view.units[index + 1] if index + 1 < total else None
    words = feats.words
    return [
        math.log1p(words),
        math.log1p(len(text)),
        *_WORD_BIN_ROWS[min(words, _WORD_BINS[-1] + 1)],
        feats.stopword_share,
        feats.link_density,
        float(feats.link_density > LINK_HEAVY),
        float(feats.sentence_end),
        float(feats.key_ends_question),
        float(text.endswith(":")),
        float(feats.boilerplate is not None),
        float(feats.boilerplate in TERMINATORS),
        float(unit.heading_level is not None),
        float(unit.heading_level or 0),
        float(unit.list_item),
        float(unit.numbered),
        float(unit.quote),
        float(unit.blank_before),
        float(following is None or following.blank_before),
        float(unit.indent > 0),
        capitals / letters if letters else 0.0,
        digits / sample,
        float(letters == 0),
        float(_title_case(text)),
        float(seen[text] > 1),
        float(is_prose(feats, view.has_stopwords)),
        index / total,
        float(in_region),
        math.log1p(region.start - index) if index < region.start else 0.0,
        math.log1p(index - region.end + 1) if index >= region.end else 0.0,
        *_GROUP_ROWS[group],
    ]


def unit_vectors(view: RuleView) -> list[list[float]]:
    """One row of len(FEATURE_NAMES) numbers per unit, in unit order."""
    total = len(view.units)
    if not total:
        return []
    seen = Counter(unit.text for unit in view.units)
    base = [_base_row(view, index, seen, total) for index in range(total)]
    empty = [0.0] * len(_NEIGHBOUR_COLUMNS)
    neighbour_rows = [[row[c] for c in _NEIGHBOUR_COLUMNS] for row in base]
    prose = [row[_PROSE] for row in base]
    text = [row[_TEXT] for row in base]
    window_means = [_window_mean(series, w) for series in (prose, text) for w in _WINDOWS]
    region = view.region
    words = [f.words for f in view.features]
    all_words = sum(words) or 1
    doc = [
        math.log1p(total),
        float(view.markdown_input),
        float(region.listing),
        (region.end - region.start) / total,
        sum(words[region.start : region.end]) / all_words,
        float(not view.has_stopwords),
    ]
    longest = max(words) or 1
    title = view.header.title_unit
    runs = _run_lengths(text)
    rows = []
    for index, row in enumerate(base):
        out = list(row)
        for offset in _NEIGHBOURS:
            other = index + offset
            out.extend(neighbour_rows[other] if 0 <= other < total else empty)
        out.extend(means[index] for means in window_means)
        out.append(words[index] / longest)
        out.append(float(title is not None and index > title))
        out.append(math.log1p(abs(index - title)) if title is not None else 0.0)
        out.append(math.log1p(runs[index]))
        out.extend(doc)
        rows.append(out)
    return rows


def _run_lengths(flags: list[float]) -> list[int]:
    """For each position, the length of the run of equal flags it lies in."""
    out = [0] * len(flags)
    start = 0
    for index in range(1, len(flags) + 1):
        if index == len(flags) or flags[index] != flags[start]:
            out[start:index] = [index - start] * (index - start)
            start = index
    return out


def _window_mean(series: list[float], half: int) -> list[float]:
    """Mean of the series over [i - half, i + half], clipped at the page edges (prefix sums: linear)."""
    prefix = [0.0, *accumulate(series)]
    size = len(series)
    # The window of i is [max(0, i - half), min(size, i + half + 1)): the bounds as ranges, the sums
    # and means by maps in C, not a Python loop.
    lows = [0] * min(half + 1, size) + list(range(1, size - half))
    highs = list(range(half + 1, size + 1)) + [size] * min(half, size)
    get = prefix.__getitem__
    return list(map(truediv, map(sub, map(get, highs), map(get, lows)), map(sub, highs, lows)))
