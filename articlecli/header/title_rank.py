"""A learned ranker over the title candidates the rules looked at.

The rules (title.py) score every line above and early in the main text and keep the best; the ranker
sees the same lines (and the cleaned forms of the page's first line, the HTML <title> of a whole-page
scrape) with the rules' own scores beside shape, position, repetition, similarity to the first line,
and whether a byline or date is next to them, and picks one by a conditional logit (a softmax over
the page's candidates). It overrides the rules only when its pick is not the rules', its
probability clears the model file's threshold, and it is surer of its pick than of the rules' by
MIN_MARGIN_OVER_RULES. No feature names a site, a word of a page or a
renderer. Weights: articlecli/data/labeller/title.json, trained by bench/train_title.py; evaluated
here in pure Python.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import attrgetter, itemgetter, mul
from pathlib import Path
from typing import Any

from articlecli.data import read_data
from articlecli.frontends.unit import Unit
from articlecli.header import title as rules
from articlecli.lazy_regex import lazy_compile
from articlecli.records import dates
from articlecli.records.features import UnitFeatures

# The bench names a fold's model file here ("none": the rules alone), as for the labeller model.
TITLE_MODEL_ENV = "ARTICLECLI_TITLE_MODEL"
RULES_ONLY = "none"
# The rule name of a title the ranker chose, followed by its probability ("model:0.87").
MODEL_RULE = "model:"

# The model overrides the rules only when its pick's probability exceeds that of the rules' own pick by this
# much: a near tie is a guess, and another title also moves the body start, the byline and the date. Measured
# (2026-12-07, third session, candidate level, 5 host folds): title exact out of fold .7465 -> .7470 at 0.05
# (.7475 at 0.1), and the in-sample losses of the retrained model were near ties (.37 against .35, .40
# against .40: a kicker or a shortened `<title>` over the headline); 0.1 costs bs4-lines on the gate's sample.
MIN_MARGIN_OVER_RULES = 0.05

# How the candidate's text was made from its line.
KINDS = ("line", "cleaned", "first-head", "first-suffix", "first-part", "anchor")

# Features a candidate is compared on with the page's other candidates: the title is the one that leads.
_PAGE_BEST = ("prose_overlap", "body_overlap", "first_line_share", "words_log", "rule_score", "chrome_copies_log")
_PAGE_LEAST = ("prose_gap_log",)

FEATURE_NAMES: tuple[str, ...] = (
    "rule_pick",
    "rule_index",
    "rule_score",
    "rule_evidence",
    "rule_rank_0",
    "rule_rank_1",
    "rule_rank_2",
    "rule_margin",
    "unscored",
    *(f"kind_{kind}" for kind in KINDS),
    "first_line",
    "first_line_trusted",
    "heading_1",
    "heading_2",
    "heading_3",
    "words_log",
    "words_le_2",
    "words_ge_15",
    "caps_share",
    "capitalised_share",
    "stopword_share",
    "ends_question",
    "has_colon",
    "has_separator",
    "has_date",
    "has_digit",
    "link_density",
    "above",
    "above_log",
    "inside_log",
    "at_start",
    "order_log",
    "first_heading",
    "repeats_log",
    "in_first_line",
    "starts_first_line",
    "first_line_share",
    "body_overlap",
    "meta_before",
    "meta_after",
    "prose_after",
    "blank_before",
    "prev_heading",
    "next_heading",
    "later_copy",
    "next_title_like",
    "prev_title_like",
    "glue_gap",
    "page_first_words_log",
    "region_start_log",
    "above_rule_pick",
    "below_rule_pick",
    "cut_part_elsewhere",
    "cut_part_words_log",
    # Where the site's name recurs (see _PageContext), and what stands between the line and the article's text.
    "chrome_copies_log",
    "in_footer_line",
    "prose_gap_log",
    "title_like_before_prose",
    "meta_before_prose",
    "prose_overlap",
    "part_of_other",
    "cut_from_other",
    "holds_part",
    "holds_cut",
    "kicker_shape",
    "short_neighbours",
    "first_part_leading",
    "first_part_trailing",
    "copy_below",
    "menu_run_above_log",
    # A headline's own marks: a byline or date right below, a copy on the next lines, the page's first
    # top-level heading (the one line also offered from outside the rules' window: _first_h1_anchor).
    "heads_meta",
    "copy_next",
    "first_h1",
    # A line a scraper glued together: a join of two words without a space, a date before the headline.
    "glue_join",
    "date_at_start",
    # Whether the candidate leads the page's candidates on a feature (set by _with_page_features).
    *(f"best_{name}" for name in _PAGE_BEST),
    *(f"least_{name}" for name in _PAGE_LEAST),
)
# A link's reference number opening a line (rerank's link-label guard).
_LINK_REFERENCE_START = lazy_compile(r"\[\d{1,4}\]")
# The rules' own pick among the candidates (the margin test of rerank).
_RULE_PICK = FEATURE_NAMES.index("rule_pick")
_CONTAINMENT = FEATURE_NAMES.index("part_of_other")
_BEST_OF = tuple(FEATURE_NAMES.index(name) for name in _PAGE_BEST)
_LEAST_OF = tuple(FEATURE_NAMES.index(name) for name in _PAGE_LEAST)
_RANKED_AT = FEATURE_NAMES.index(f"best_{_PAGE_BEST[0]}")

_WORD = lazy_compile(r"[^\W\d_]{2,}")
# The one-hot kind features of each kind.
_KIND_FLAGS = {kind: tuple(float(kind == k) for k in KINDS) for kind in KINDS}
# A word's first character (the words of str.split are never empty).
_FIRST_CHAR = itemgetter(0)
_DIGIT = lazy_compile(r"\d")
_BOILERPLATE = attrgetter("boilerplate")
_SEPARATOR = lazy_compile(r"\s[|\-–—·•]\s")
# How many of the main text's first units its content words are read from (as title.OVERLAP_BODY_UNITS).
BODY_UNITS = 20
# How many lines at each end of the page are searched for the site name a <title> suffix cut off.
CHROME_UNITS = 200
# What may follow the <title> on the first line of a whole-page scrape (a glued menu), in words.
FIRST_LINE_REST_MAX_WORDS = 60
# A following line this long with function words is prose (the headline's first paragraph).
PROSE_MIN_WORDS = 15
# How far below a candidate its first prose line is looked for; a headline stands a few lines above it
# (a kicker, a byline block, a date, a photo between), a menu label far above.
PROSE_SEARCH_UNITS = 40
# How many lines between a candidate and its prose are read for titles and metadata (the header block).
PROSE_GAP_READ = 8
# How many prose lines below a candidate its words are compared with (the lead and the next paragraph).
PROSE_OVERLAP_LINES = 2
# A name shorter than this (in characters) is found inside too many words to count its copies.
COPY_MIN_CHARS = 3
# The line below a kicker (a section label of at most this many words) is this many words longer.
KICKER_WORDS = 3
KICKER_GAP = 2
# The neighbours read for a menu around a candidate (each side), and what a menu label's length is.
NEIGHBOURS = 2
MENU_LABEL_MAX_WORDS = 3
# How many lines below a candidate are searched for a copy of it, and how long a menu run above it is counted.
COPY_BELOW_UNITS = 5
MENU_RUN_MAX = 20


@dataclass(frozen=True, eq=False, repr=False)
class Candidate:
    """A title candidate: its unit, its text, the form it was cut to, and its feature vector."""

    index: int
    text: str
    kind: str
    vector: tuple[float, ...]


@dataclass(frozen=True, eq=False, repr=False)
class TitleModel:
    """The ranker's weights and the standardisation of its features."""

    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float
    # The weights on the raw (unstandardised) vector and the constant: one multiply-add per feature.
    coefficients: tuple[float, ...] = ()
    offset: float = 0.0

    def __post_init__(self) -> None:
        coefficients = tuple(w / s for w, s in zip(self.weights, self.scale, strict=True))
        object.__setattr__(self, "coefficients", coefficients)
        object.__setattr__(self, "offset", -sum(c * m for c, m in zip(coefficients, self.mean, strict=True)))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TitleModel:
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ValueError("title model was trained on other features; retrain with bench/train_title.py")
        return cls(tuple(data["weights"]), tuple(data["mean"]), tuple(data["scale"]), float(data["threshold"]))

    def margin(self, vector: tuple[float, ...]) -> float:
        return self.offset + sum(map(mul, self.coefficients, vector))


@lru_cache(maxsize=8)
def _load(path: str | None) -> TitleModel | None:
    if path is None:
        text = read_data("labeller/title.json")
        data = json.loads(text)
        if not data.get("enabled"):
            return None
    else:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    return TitleModel.from_json(data)


def active_title_model() -> TitleModel | None:
    """The packaged model when its file says it is on, or the file $ARTICLECLI_TITLE_MODEL names."""
    chosen = os.environ.get(TITLE_MODEL_ENV)
    if chosen == RULES_ONLY:
        return None
    return _load(chosen or None)


def _words(text: str) -> frozenset[str]:
    return frozenset(map(str.casefold, _WORD.findall(text)))


def _first_line_forms(head: str, is_site_name: Callable[[str], bool] | None = None) -> list[tuple[str, str]]:
    """The cleaned forms of the page's first line from its head (`title.first_line_head`): the head,
    without a site suffix, each part.

    A separator followed by a phrase in lowercase continues the headline ("Plant-based diet – tips and
    tricks", "Minions malen – mit Malerrolle und bunten Farben"): the line is not cut there. A lowercase
    site name is a word or two ("watson", "together ag"). `is_site_name`, when given, says whether the
    suffix is a site name: the first line is then the headline itself (see `_heads_meta`), cut only before
    a site name, and not into its parts ('Barcamp Graz 2015 – Politcamp Call for Action' has two, neither
    a site's name)."""
    if len(head) > rules.FIRST_LINE_MAX_CHARS:
        return []
    parts = _headline_parts(head)
    forms = [(head, "first-head")]
    suffix = rules.strip_site_suffix(head)
    cut = head[len(suffix) :] if head.startswith(suffix) else ""
    if cut and not _continues_headline(cut) and (is_site_name is None or is_site_name(cut)):
        forms.append((suffix, "first-suffix"))
    if len(parts) > 1 and is_site_name is None:
        forms += [(part, "first-part") for part in parts]
    return forms


# A lowercase phrase of this many words after a separator goes on with the headline; a site name written
# in lowercase is shorter ("watson", "together ag").
CONTINUATION_MIN_WORDS = 3
# The separator characters around a part of the first line.
_CUT_STRIP = " |-–—·:•\t"


def _continues_headline(part: str) -> bool:
    """`part` (up to the next separator) is a phrase in lowercase: the rest of a headline, not a site's name."""
    words = rules.SITE_SEPARATORS.split(part.strip(_CUT_STRIP), maxsplit=1)[0].split()
    return len(words) >= CONTINUATION_MIN_WORDS and words[0][:1].islower() and "." not in words[0]


def _headline_parts(head: str) -> list[str]:
    """The first line's parts between separators, a lowercase phrase joined to the part before it."""
    parts: list[str] = []
    last = 0
    for match in rules.SITE_SEPARATORS.finditer(head):
        if _continues_headline(head[match.end() :]):
            continue
        parts.append(head[last : match.start()].strip())
        last = match.end()
    parts.append(head[last:].strip())
    return [part for part in parts if part]


def candidates(
    units: list[Unit],
    features: list[UnitFeatures],
    region: tuple[int, int],
    is_meta: Callable[[str], bool],
    scored: dict[int, tuple[float, float]],
    choice: rules.TitleChoice | None,
    page: rules.TitlePage | None = None,
) -> list[Candidate]:
    """Every line the rules scored down to the main text's start or their pick (as printed, and without glued
    metadata), and the first line's forms. `page`: the one the rules searched (title.TitlePage), whose
    first-line form and main-text words are then not computed again."""
    if not units:
        return []
    if page is None:
        page = rules.TitlePage(units, features, region, is_meta)
    start = region[0]
    ranked = sorted(scored, key=lambda i: -scored[i][0])
    rank = {index: position for position, index in enumerate(ranked)}
    best_score = scored[ranked[0]][0] if ranked else 0.0
    first_words = _words(units[0].text)
    first_key = units[0].text.casefold()
    body_words = page.body_words(start + BODY_UNITS)
    first_words_log = math.log1p(features[0].words)
    first = rules.first_line_head(units[0].text)
    first_choice = page.first_choice()
    pick = choice.index if choice is not None else -10
    seen: set[str] = set()
    found: list[Candidate] = []
    # The page's language, when the metadata test knows it (reader.MetaLineTest), for a leading date's month.
    language = getattr(is_meta, "language", None)
    first_heading = next((i for i in sorted(scored) if units[i].heading_level), None)
    first_h1 = next((i for i, u in enumerate(units[:ANCHOR_SCAN_UNITS]) if u.heading_level == 1), None)

    # A repeated candidate line has a later copy when the page holds more copies than the lines up to it:
    # counted in one pass down to the lowest candidate instead of a scan of the rest of the page per line.
    lowest = max(start, choice.index if choice is not None else start)
    lines = sorted(i for i in scored if i <= lowest)
    lines += _lines_opening_text(units, features, start, lowest, is_meta)
    lowest = max(lowest, lines[-1]) if lines else lowest
    copies_upto: dict[int, int] = {}
    repeated = {units[i].text for i in (0, *lines) if features[i].repeats > 1}
    if repeated:
        running: dict[str, int] = {}
        for position, unit in enumerate(units[: lowest + 1]):
            if unit.text in repeated:
                running[unit.text] = running.get(unit.text, 0) + 1
                copies_upto[position] = running[unit.text]

    # Whether a line reads as a title, by index: each line is asked about as the neighbour of two candidates.
    title_likes: dict[int, bool] = {}

    def title_like(index: int) -> bool:
        verdict = title_likes.get(index)
        if verdict is None:
            verdict = title_likes[index] = _title_like(units, features, index)
        return verdict

    meta_line = page.meta_line
    context = _PageContext(units, features, meta_line, title_like)

    def in_chrome(name: str) -> bool:
        """The site name a <title> suffix holds recurs in the page's chrome (menu, footer): its first and last
        lines, one string (a name never spans two lines: it holds no line break)."""
        return name.casefold() in context.chrome()

    head_parts = _headline_parts(first)
    first_part, last_part = (head_parts[0], head_parts[-1]) if len(head_parts) > 1 else ("", "")

    def cut_part(index: int, text: str) -> str:
        """What a cleaned form of the first line left out (the site name a suffix held, or nothing)."""
        if index != 0 or not first.startswith(text):
            return ""
        return first[len(text) :].strip(_CUT_STRIP)

    def add(index: int, text: str, kind: str, order: int) -> None:
        text = text.strip()
        if not text or text in seen or not rules.HAS_LETTERS.search(text):
            return
        words = text.split()
        # A candidate ending in a CJK full stop is a sentence (the rules bar it too). Only these: the model weighs a
        # Latin final full stop by itself, and its features count words by spaces, which such a sentence has none of.
        if len(words) > rules.TITLE_MAX_WORDS or text.endswith(rules.CJK_FULL_STOPS):
            return
        seen.add(text)
        unit, feats = units[index], features[index]
        score, evidence = scored.get(index, (0.0, 0.0))
        position = rank.get(index, 99)
        distance = index - start
        letters = list(filter(str.isalpha, text))
        own = _words(text)
        before = units[index - 1] if index > 0 else None
        after = units[index + 1] if index + 1 < len(units) else None
        meta_before = meta_line(index - 1)
        meta_after = meta_line(index + 1)
        prose_after = False
        for i in range(index + 1, min(len(units), index + 4)):
            if features[i].words >= PROSE_MIN_WORDS and features[i].stopword_share > 0:
                prose_after = True
                break
        key = text.casefold()
        cut = cut_part(index, text)
        vector = (
            1.0 if choice is not None and text == choice.text else 0.0,
            1.0 if choice is not None and index == choice.index else 0.0,
            score / 10.0,
            evidence / 10.0,
            1.0 if position == 0 else 0.0,
            1.0 if position == 1 else 0.0,
            1.0 if position == 2 else 0.0,
            (best_score - score) / 10.0 if index in scored else 1.0,
            1.0 if index not in scored else 0.0,
            *_KIND_FLAGS[kind],
            1.0 if index == 0 else 0.0,
            1.0 if index == 0 and first_choice is not None else 0.0,
            1.0 if unit.heading_level == 1 else 0.0,
            1.0 if unit.heading_level == 2 else 0.0,
            1.0 if (unit.heading_level or 0) >= 3 else 0.0,
            math.log1p(len(words)),
            1.0 if len(words) <= 2 else 0.0,
            1.0 if len(words) >= 15 else 0.0,
            sum(map(str.isupper, letters)) / len(letters) if letters else 0.0,
            sum(map(str.isupper, map(_FIRST_CHAR, words))) / len(words),
            feats.stopword_share,
            1.0 if text.endswith(("?", "!")) else 0.0,
            1.0 if ":" in text else 0.0,
            1.0 if _SEPARATOR.search(text) else 0.0,
            1.0 if dates.find_dates(text) else 0.0,
            1.0 if _DIGIT.search(text) else 0.0,
            feats.link_density,
            1.0 if distance < 0 else 0.0,
            math.log1p(-distance) if distance < 0 else 0.0,
            math.log1p(distance) if distance > 0 else 0.0,
            1.0 if distance == 0 else 0.0,
            math.log1p(order),
            1.0 if index == first_heading else 0.0,
            math.log1p(feats.repeats - 1),
            1.0 if index > 0 and len(key) >= 8 and key in first_key else 0.0,
            1.0 if index > 0 and first_key.startswith(key) else 0.0,
            len(own & first_words) / len(own) if own and index > 0 else 0.0,
            len(own & body_words) / len(own) if own and index < start else 0.0,
            1.0 if meta_before else 0.0,
            1.0 if meta_after else 0.0,
            1.0 if prose_after else 0.0,
            1.0 if unit.blank_before else 0.0,
            1.0 if before is not None and bool(before.heading_level) else 0.0,
            1.0 if after is not None and bool(after.heading_level) else 0.0,
            1.0 if feats.repeats > copies_upto.get(index, feats.repeats) else 0.0,
            1.0 if title_like(index + 1) else 0.0,
            1.0 if title_like(index - 1) else 0.0,
            1.0 if rules.GLUE_GAP.search(unit.text) else 0.0,
            first_words_log,
            math.log1p(start),
            1.0 if 0 < pick - index <= 2 else 0.0,
            1.0 if 0 < index - pick <= 2 else 0.0,
            1.0 if cut and in_chrome(cut) else 0.0,
            math.log1p(len(cut.split())),
            *context.vector(index, text, key, kind, len(words)),
            1.0 if kind == "first-part" and text == first_part else 0.0,
            1.0 if kind == "first-part" and text == last_part else 0.0,
            *context.shape_below(index, key),
            1.0 if _heads_meta_at(meta_line, index) else 0.0,
            1.0 if _copy_next(units, index) else 0.0,
            1.0 if index == first_h1 else 0.0,
            1.0 if _has_glue_join(text) else 0.0,
            1.0 if _date_at_start(text, language) else 0.0,
            # (the best_/least_ features follow: _with_page_features adds them)
        )
        found.append(Candidate(index, text, kind, vector))

    if choice is not None:
        # The rules' own pick first (a cleaned form may be no line's text).
        add(choice.index, choice.text, "line" if choice.text == units[choice.index].text else "cleaned", 0)
    if first_choice is not None:
        add(0, first_choice[0].text, "first-suffix", 0)
    # A first line that goes on long after its head is a page glued into one line: taking its head as the
    # title would take the line, and the text in it, out of the article.
    # (Not on a text browser's rendering: its first line is the page's first element, no <title>.)
    if page.has_title_line and features[0].words - len(first.split()) <= FIRST_LINE_REST_MAX_WORDS:
        site_name = None
        if _heads_meta(units, meta_line):
            site_name = partial(rules.is_site_name, units=units)
        for form, kind in _first_line_forms(first, site_name):
            add(0, form, kind, 0)
    # A line inside the main text below the rules' pick is no candidate (taking it would cut the text above
    # it) unless a few words of teaser stand above it (_lines_opening_text).
    for order, index in enumerate(lines, start=1):
        add(index, units[index].text, "line", order)
        cleaned = rules.without_glued_meta(rules.TitleChoice(index, units[index].text, 0.0, "line"), is_meta)
        if cleaned is not None:
            add(index, cleaned.text, "cleaned", order)
    # The page's first top-level heading when the rules' window left it out: a menu may stand far above it, or
    # the main text begin at a teaser above it.
    anchor = _first_h1_anchor(units, features, start, first_h1, meta_line, {c.index for c in found})
    if anchor is not None:
        add(anchor, units[anchor].text, "anchor", len(lines) + 1)
    return _with_page_features(found)


def _with_page_features(found: list[Candidate]) -> list[Candidate]:
    """Each vector with what it says beside the page's other candidates (one new vector a candidate):

    - the containment features (_containment_flags) in the four slots from _CONTAINMENT;
    - 1.0 where the candidate has the page's highest value of a _PAGE_BEST feature (and the lowest of a
      _PAGE_LEAST one), in the slots from _RANKED_AT: a conditional logit weighs each candidate alone, and
      "the line whose words the lead repeats most" is a comparison."""
    if not found:
        return found
    vectors = [c.vector for c in found]
    best = [(i, max(map(itemgetter(i), vectors))) for i in _BEST_OF]
    least = [(i, min(map(itemgetter(i), vectors))) for i in _LEAST_OF]
    out = []
    for c, vector, flag in zip(found, vectors, _containment_flags(found), strict=True):
        ranked = [1.0 if vector[i] >= top and top > 0 else 0.0 for i, top in best]
        ranked += [1.0 if vector[i] <= low else 0.0 for i, low in least]
        vector = vector[:_CONTAINMENT] + tuple(flag) + vector[_CONTAINMENT + 4 : _RANKED_AT] + tuple(ranked)
        out.append(Candidate(c.index, c.text, c.kind, vector))
    return out


def _containment_flags(found: list[Candidate]) -> list[list[float]]:
    """Each candidate's containment features: whether its text lies inside another candidate's at a separator,
    or elsewhere, and whether another's lies inside its own at a separator, or elsewhere.

    A part cut at a separator ("Title" of "Title | Site", "Site" of "Site - Title") is one kind; a text cut
    elsewhere ("Bhindi masala" of "Bhindi masala (okra stir fry)", a headline without its second half) is
    the other: the longer line is then the whole headline."""
    keys = [c.text.casefold() for c in found]
    flags = [[0.0, 0.0, 0.0, 0.0] for _ in found]
    # One count in the joined keys skips the pairwise test for a key found nowhere but in itself (most).
    joined = "\n".join(keys)
    for inner, key in enumerate(keys):
        if len(key) < HOLDS_MIN_CHARS or joined.count(key) < 2:
            continue
        for outer, other in enumerate(keys):
            if len(other) <= len(key) or key not in other:
                continue
            at = other.find(key)
            before, after = other[:at].rstrip(), other[at + len(key) :].lstrip()
            at_separator = (not before or before.endswith(_SEPARATOR_CHARS)) and (
                not after or after.startswith(_SEPARATOR_CHARS)
            )
            kind = 0 if at_separator else 1
            flags[inner][kind] = 1.0
            flags[outer][2 + kind] = 1.0
    return flags


_NO_CONTAINMENT = (0.0, 0.0, 0.0, 0.0)
# A candidate inside another counts when it is this long (not a one-word label found in any line).
HOLDS_MIN_CHARS = 8
# What separates the parts of a <title> or a headline ("Title | Site", "Kicker: Headline").
_SEPARATOR_CHARS = ("|", "-", "–", "—", "·", "•", ":", "::", "/", "»", ">")


class _PageContext:
    """What a candidate's page says around it, computed once per page and per line as asked: how often the
    candidate's text recurs in the page's chrome (its first and last lines: a site's name in the menu,
    the footer, the © line), the distance to the first prose line below it, what stands between, and
    how many of its words that prose repeats. None of it names a word or a site."""

    def __init__(
        self,
        units: list[Unit],
        features: list[UnitFeatures],
        meta_line: Callable[[int], bool],
        title_like: Callable[[int], bool],
    ) -> None:
        # meta_line: title.TitlePage.meta_line of the page (the rules' test of a title's neighbours).
        self.units, self.features, self.meta_line, self.title_like = units, features, meta_line, title_like
        self._chrome: str | None = None
        self._footer: str | None = None
        self._prose: dict[int, list[int]] = {}
        self._folded: dict[int, str] = {}

    def chrome(self) -> str:
        if self._chrome is None:
            units = self.units
            lines = [u.text for u in units[1 : 1 + CHROME_UNITS]]
            lines += [u.text for u in units[max(1 + CHROME_UNITS, len(units) - CHROME_UNITS) :]]
            self._chrome = "\n".join(lines).casefold()
        return self._chrome

    def footer(self) -> str:
        if self._footer is None:
            kinds = map(_BOILERPLATE, self.features)
            lines = [u.text for u, kind in zip(self.units, kinds, strict=True) if kind == "footer"]
            self._footer = "\n".join(lines).casefold()
        return self._footer

    def folded(self, index: int) -> str:
        """The casefolded text of a line (each line is read as the neighbour of several candidates)."""
        text = self._folded.get(index)
        if text is None:
            text = self._folded[index] = self.units[index].text.casefold()
        return text

    def prose_below(self, index: int) -> list[int]:
        """The first PROSE_OVERLAP_LINES prose lines below `index` within PROSE_SEARCH_UNITS."""
        found = self._prose.get(index)
        if found is None:
            found = []
            features = self.features
            for later in range(index + 1, min(len(features), index + 1 + PROSE_SEARCH_UNITS)):
                feats = features[later]
                if feats.words >= PROSE_MIN_WORDS and feats.stopword_share > 0 and not feats.boilerplate:
                    found.append(later)
                    if len(found) >= PROSE_OVERLAP_LINES:
                        break
            self._prose[index] = found
        return found

    def shape_below(self, index: int, key: str) -> tuple[float, float]:
        """Whether the text recurs in the next few lines (a headline printed twice, in a share box, a rating
        line) and how many menu labels stand right above the candidate (a page's menu ends at the headline)."""
        units, features = self.units, self.features
        copy = False
        if index > 0:
            folded = self.folded
            for i in range(index + 1, min(len(units), index + 1 + COPY_BELOW_UNITS)):
                if key in folded(i):
                    copy = True
                    break
        run = 0
        for i in range(index - 1, max(-1, index - 1 - MENU_RUN_MAX), -1):
            if features[i].words == 0:
                continue
            if features[i].words > MENU_LABEL_MAX_WORDS:
                break
            run += 1
        return (1.0 if copy else 0.0, math.log1p(run))

    def vector(self, index: int, text: str, key: str, kind: str, words: int) -> tuple[float, ...]:
        units, features = self.units, self.features
        copies = 0
        in_footer = False
        if len(key) >= COPY_MIN_CHARS:
            copies = self.chrome().count(key)
            if 0 < index <= CHROME_UNITS or index >= len(units) - CHROME_UNITS:
                copies -= self.folded(index).count(key)
            in_footer = key in self.footer()
        prose = self.prose_below(index)
        gap = (prose[0] - index - 1) if prose else PROSE_SEARCH_UNITS
        between = range(index + 1, min(len(units), index + 1 + min(gap, PROSE_GAP_READ)))
        title_like = self.title_like
        titles = 0
        for i in between:
            if title_like(i):
                titles += 1
        meta = any(map(self.meta_line, between))
        own = rules.text_content_words(text)
        overlap = 0.0
        if own and prose:
            repeated = set().union(*[rules.text_content_words(units[i].text) for i in prose])
            overlap = len(own & repeated) / len(own)
        below = index + 1
        kicker = (
            words <= KICKER_WORDS
            and below < len(units)
            and self.title_like(below)
            and features[below].words >= words + KICKER_GAP
        )
        around = [i for i in range(max(0, index - NEIGHBOURS), min(len(units), index + NEIGHBOURS + 1)) if i != index]
        short = 0
        for i in around:
            if features[i].words <= MENU_LABEL_MAX_WORDS:
                short += 1
        return (
            math.log1p(max(0, copies)),
            1.0 if in_footer else 0.0,
            math.log1p(gap),
            math.log1p(titles),
            1.0 if meta else 0.0,
            overlap,
            *_NO_CONTAINMENT,  # set by _with_page_features
            1.0 if kicker else 0.0,
            short / len(around) if around else 0.0,
        )


# The first top-level heading is a candidate from this many lines above the main text's start (the rules search
# TITLE_SEARCH_ABOVE: a site's menu can be longer) down into the main text while at most OPENING_MAX_WORDS
# of it stand above (a title lower down cuts the text above it out of the article). Measured (2026-12-07, third
# session, candidate level out of fold): the first top-level heading alone brings the candidate ceiling
# .860 -> .875 and title exact .724 -> .745; adding every line that heads a byline or date line or is printed
# twice as well (six at most) added .001 to the ceiling and cost .002 of title exact.
ANCHOR_ABOVE = 300
# The first top-level heading is looked for in this many lines.
ANCHOR_SCAN_UNITS = 400


def _heads_meta_at(meta_line: Callable[[int], bool], index: int) -> bool:
    """A byline or date line stands one or two lines below `index`, and none right above (inside the block)."""
    return (meta_line(index + 1) or meta_line(index + 2)) and not meta_line(index - 1)


def _copy_next(units: list[Unit], index: int) -> bool:
    """The line is printed again on one of the next two lines (a headline and its copy in a share box)."""
    text = units[index].text
    return any(units[i].text == text for i in range(index + 1, min(len(units), index + 3)))


def _first_h1_anchor(
    units: list[Unit],
    features: list[UnitFeatures],
    start: int,
    first_h1: int | None,
    meta_line: Callable[[int], bool],
    taken: set[int],
) -> int | None:
    """The page's first top-level heading when it is no candidate yet, title-shaped, no metadata line, and
    within reach of the main text's start (see ANCHOR_ABOVE)."""
    if first_h1 is None or first_h1 < 1 or first_h1 in taken or first_h1 < start - ANCHOR_ABOVE:
        return None
    if not rules.eligible_line(units[first_h1], features[first_h1]) or meta_line(first_h1):
        return None
    # Inside the main text, as for the lines opening it: only a few words of teaser may stand above it.
    if first_h1 > start and sum(f.words for f in features[start:first_h1]) > OPENING_MAX_WORDS:
        return None
    return first_h1


# A line a scraper glued together (the glue_join feature): title.py's joins, an all-capitals label glued to a
# capitalised word ("MEDITATIONThe", "NYCGo"), and a word glued to a one-letter word ("BooksA Treatise").
_CAPS_GLUE = lazy_compile(
    r"(?<=[A-ZÀ-ÖØ-Þ]{2})(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿß])|(?<=[a-zà-öø-ÿß]{2})(?=[A-ZÀ-ÖØ-Þ] [A-ZÀ-ÖØ-Þ])"
)


def _has_glue_join(text: str) -> bool:
    return len(rules.title_glue_pieces(text)) > 1 or bool(_CAPS_GLUE.search(text))


def _date_at_start(text: str, language: str | None) -> bool:
    found = dates.find_dates(text, language)
    return bool(found) and found[0].start == 0 and found[0].end < len(text.rstrip())


# Lines just inside the main text are candidates while at most this many words of it stand above them (a
# teaser, a kicker, a photo credit the region began at), at most this many lines in.
OPENING_MAX_WORDS = 30
OPENING_UNITS = 6


def _lines_opening_text(
    units: list[Unit], features: list[UnitFeatures], start: int, lowest: int, is_meta: Callable[[str], bool]
) -> list[int]:
    """Title-shaped lines below `lowest` (the main text's start or the rules' pick) with only a few words of
    the main text above them."""
    found = []
    words = sum(features[i].words for i in range(start, lowest + 1))
    for index in range(lowest + 1, min(len(units), start + OPENING_UNITS + 1)):
        if words > OPENING_MAX_WORDS:
            break
        if rules.eligible_line(units[index], features[index]) and not is_meta(units[index].text):
            found.append(index)
        words += features[index].words
    return found


# How many lines below the first a byline or date line may stand for the first line to head it.
HEADS_META_WITHIN = 2


def _heads_meta(units: list[Unit], meta_line: Callable[[int], bool]) -> bool:
    """The first line stands right above a byline or date line: it is the article's headline (a clipped
    article), not the <title> of a whole page, whose next lines are the site's menu. `meta_line`:
    title.TitlePage.meta_line of the page."""
    return any(map(meta_line, range(1, min(len(units), 1 + HEADS_META_WITHIN))))


# A line reads as a title: short, no final full stop, no link list, not a byline or date line.
TITLE_LIKE_MAX_WORDS = 20


def _title_like(units: list[Unit], features: list[UnitFeatures], index: int) -> bool:
    if not 0 <= index < len(units):
        return False
    feats = features[index]
    return (
        1 <= feats.words <= TITLE_LIKE_MAX_WORDS
        and not feats.sentence_end
        and not feats.boilerplate
        and feats.link_density <= 0.5
        and not units[index].list_item
    )


def softmax(margins: list[float]) -> list[float]:
    top = max(margins)
    exps = [math.exp(m - top) for m in margins]
    total = sum(exps)
    return [e / total for e in exps]


def rerank(
    units: list[Unit],
    features: list[UnitFeatures],
    region: tuple[int, int],
    is_meta: Callable[[str], bool],
    scored: dict[int, tuple[float, float]],
    choice: rules.TitleChoice | None,
    model: TitleModel,
    page: rules.TitlePage | None = None,
) -> rules.TitleChoice | None:
    """The model's pick when it differs from the rules', its probability clears the threshold and it is
    surer of it than of the rules' pick by MIN_MARGIN_OVER_RULES.

    A page with no main text keeps the rules' answer: the candidates are placed by the main text's
    start, and on a page of menu lines alone the model would crown the first one ("Home"). So does a page
    where the model picks a metadata line."""
    if region[1] <= region[0]:
        return choice
    found = candidates(units, features, region, is_meta, scored, choice, page)
    if not found:
        return choice
    probabilities = softmax([model.margin(c.vector) for c in found])
    best = max(range(len(found)), key=lambda i: (probabilities[i], -i))
    picked, probability = found[best], probabilities[best]
    if choice is not None and picked.text == choice.text:
        return choice
    if probability < model.threshold:
        return choice
    rules_pick = next((i for i, c in enumerate(found) if c.vector[_RULE_PICK] == 1.0), None)
    if rules_pick is not None and probability - probabilities[rules_pick] < MIN_MARGIN_OVER_RULES:
        return choice
    # A line the header reads as metadata (a byline, a date line, a breadcrumb), or a server's error message
    # printed above the page (the page's first line, offered as a <title>), is never the title: the
    # rules never crown one, and a model pick of one also costs the page its author or date ("Published on
    # 25.Jun.2019 in Vol 7", "Verfasst von: … | 31. Dezember 2008").
    if is_meta(picked.text) or rules.is_server_message(picked.text):
        return choice
    # The rules read the pick's line and rejected it: a kicker in capitals they stepped over to the headline below
    # it ("CAMBIO CLIMÁTICO" above "¿Ha llegado realmente la Antártida a los 20 grados?"), or their own pick with the
    # date or byline they cut off it glued on again ("… kommt es an12. Januar 2022, Themen: …").
    if choice is not None and _rules_rejected(picked, choice):
        return choice
    # On a text browser's rendering the first line is the page's first element ("Publisher Logo", "Skip to
    # content"), which the model, trained on dumps opening with the <title>, would take for one.
    if picked.index == 0 and page is not None and not page.has_title_line:
        return choice
    # A line opening with a link's reference number ("[14]Droplets", "[18]Read about Board Governance": the
    # numbered links of a text-browser dump) is a link label, not the page's headline: the rules' answer stands.
    if _LINK_REFERENCE_START.match(picked.text):
        return choice
    # A line with a scraper's glue gap holds two fields ("Impressum   Liebe Leser, …"): the model's pick is then
    # the line without its glued label, when that form is a candidate, and the rules' answer otherwise.
    if rules.GLUE_GAP.search(picked.text):
        cleaned = [c for c in found if c.index == picked.index and c.kind == "cleaned"]
        if not cleaned or is_meta(cleaned[0].text):
            return choice
        picked = cleaned[0]
    return rules.TitleChoice(picked.index, picked.text, 0.0, f"{MODEL_RULE}{probability:.2f}")


def _rules_rejected(picked: Candidate, choice: rules.TitleChoice) -> bool:
    """The model's pick is what the rules' pick was chosen over: the kicker line right above it (rule
    `title-below-kicker`) set in capitals over a headline that is not, or the same line with the metadata the
    rules cut off it (`title-without-glued-meta`)."""
    if choice.rule == rules.KICKER_RULE:
        # Only a kicker the page sets in capitals is a section label by its type alone: a short line in the
        # headline's case above it may be the page's own title ("[Vocabulary] -" above a forum thread's).
        return picked.index == choice.index - 1 and _in_capitals(picked.text) and not _in_capitals(choice.text)
    return choice.rule == rules.GLUED_META_RULE and picked.index == choice.index and choice.text in picked.text


def _in_capitals(text: str) -> bool:
    """Every letter of `text` is a capital (and it has letters)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
