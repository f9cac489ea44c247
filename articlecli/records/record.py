"""The unit records: one row per unit, built once per page, that every later stage reads.

`build_records` makes a `RecordTable`: a list of `UnitRecord`s, one per unit and in unit order (so
`table[i]` is the record of `units[i]`), with what the page as a whole decides (its language, phrase
lexicon, how it writes numeric dates, how often each line repeats). A record's eager fields are the
ones the labeller reads for every unit (text key, word count, function-word share, link density,
sentence end, boilerplate phrase); the table computes the costly, rarely read ones on first use and
keeps them (dates, shape, every phrase category matched, byline names, name-likeness), so no stage
reads the same line's text twice for the same fact.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import compress, islice
from typing import NamedTuple

from articlecli.frontends.unit import Unit
from articlecli.lazy_regex import lazy_compile
from articlecli.records import dates
from articlecli.records.dates import FoundDate
from articlecli.records.lexicon import Lexicon, line_key, line_keys
from articlecli.records.names import byline_names, looks_like_name

# A word token.
_WORD_TOKEN = lazy_compile(r"\w+")
# Two digits in a row: every full date has them (dates.find_dates reads no text without them).
_TWO_DIGITS = lazy_compile(r"\d\d")


@cache
def _cjk() -> re.Pattern[str]:
    """Kana, CJK ideographs and Hangul; compiled on first need (its character set takes milliseconds
    to compile, a share of a one-page CLI run, and pages in Latin scripts never need it)."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


# A sentence ends with one of _SENTENCE_ENDERS, then any _CLOSERS ("…end.»", "(…end.)").
_SENTENCE_ENDERS = (".", "!", "?", "…", "。", "！", "？")
_CLOSERS = "'\"”’»)"
# CJK text has no spaces; this many characters count as one word for length tests.
CJK_CHARS_PER_WORD = 2
# Lines longer than this are never matched against phrase lists (phrases are labels, not prose).
PHRASE_MAX_WORDS = 40
# Function-word share is estimated on this many leading characters of a long unit.
DENSITY_SAMPLE_CHARS = 600


# Not frozen: one is built per unit, and freezing costs a setattr per field (as for Unit).
@dataclass(slots=True, eq=False)
class UnitRecord:
    """What the pipeline knows about one unit, computed once per page."""

    # The phrase-comparison form of the text (records.lexicon.line_key); "" for lines too long to be labels.
    key: str
    words: int
    # Share of the unit's word tokens that are function words of the page language.
    stopword_share: float
    # Share of the text that was link text (Markdown links).
    link_density: float
    # Ends with sentence punctuation (past closing quotes and brackets).
    sentence_end: bool
    # The boilerplate category the whole line matches (records.lexicon.BOILERPLATE_CATEGORIES), if any.
    boilerplate: str | None
    key_ends_question: bool
    # The unit's index on the page.
    position: int = 0
    # How many units of the page carry exactly this text (1: the line is not repeated).
    repeats: int = 1
    # A blank line (or the end of the page) follows the unit.
    blank_after: bool = True
    # (The fields computed on first use are kept by the RecordTable, by unit index: most units never
    # need them, and five empty slots a record were 40 bytes a line on a page of a million lines.)


class UnitShape(NamedTuple):
    """How the unit's text looks: counts of character classes and its layout marks."""

    chars: int
    letters: int
    capitals: int
    digits: int
    # Neither letter, digit nor space: punctuation and symbols.
    punctuation: int
    # The last character of the text ("" for an empty unit): '.', '?', ':' ...
    final: str
    heading_level: int | None
    list_item: bool
    numbered: bool
    quote: bool
    indent: int
    blank_before: bool
    blank_after: bool


# What a unit's text alone decides (the eager fields but link_density), keyed by that text.
TextFeatures = tuple[str, int, float, bool, str | None, bool]


class _Unknown:
    """The page's numeric date order before it is computed (None is one of its values)."""


_UNKNOWN = _Unknown()


class RecordTable(list[UnitRecord]):
    """The records of a page's units, in unit order, and the page-level context their lazy fields need."""

    __slots__ = (
        "_bylines",
        "_dates",
        "_month_first",
        "_name_like",
        "_opening_keys",
        "_phrases",
        "_shapes",
        "_two_digit_lines",
        "language",
        "lexicon",
        "units",
    )

    def __init__(self, records: list[UnitRecord], units: list[Unit], lexicon: Lexicon, language: str | None) -> None:
        super().__init__(records)
        self.units = units
        self.lexicon = lexicon
        self.language = language
        # How the page writes ambiguous numeric dates: computed on first use (see numeric_order).
        self._month_first: bool | _Unknown | None = _UNKNOWN
        # The fields computed on first use, by unit index. A copy of the table (site/apply.mark_template)
        # shares them: they depend on the unit's text and layout, which the copy does not change.
        self._dates: dict[int, tuple[FoundDate, ...]] = {}
        self._shapes: dict[int, UnitShape] = {}
        self._phrases: dict[int, tuple[tuple[str, str], ...]] = {}
        self._bylines: dict[int, list[str] | None] = {}
        self._name_like: dict[int, bool] = {}
        self._opening_keys: dict[int, str] = {}
        self._two_digit_lines: list[int] | None = None

    @property
    def month_first(self) -> bool | None:
        """How the page writes ambiguous numeric dates (dates.numeric_order); None = the language's habit."""
        return self.numeric_order()

    def numeric_order(self) -> bool | None:
        """`month_first`, computed on the first call: a scan of the whole page that only a line holding an
        ambiguous numeric date needs (dates.find_dates_in_page_order asks for it then)."""
        order = self._month_first
        if isinstance(order, _Unknown):
            order = self._month_first = dates.numeric_order([unit.text for unit in self.units], self.language)
        return order

    def dates(self, index: int) -> list[FoundDate]:
        """Every full date in the unit's text, read in the page's language and numeric date order."""
        found = self._dates.get(index)
        if found is None:
            found = self._dates[index] = tuple(
                dates.find_dates_in_page_order(self.units[index].text, self.language, self.numeric_order)
            )
        return list(found)

    def two_digit_lines(self) -> list[int]:
        """The indexes of the units whose text holds two digits in a row, in page order: the only units
        `dates` can find a date in. Found once a page, in one pass in C: the header's page-wide date and
        byline searches each walked every unit with a regex search of its own to find them."""
        found = self._two_digit_lines
        if found is None:
            texts = [unit.text for unit in self.units]
            found = self._two_digit_lines = list(compress(range(len(texts)), map(_TWO_DIGITS.search, texts)))
        return found

    def shape(self, index: int) -> UnitShape:
        shape = self._shapes.get(index)
        if shape is None:
            shape = self._shapes[index] = _shape(self.units[index], self[index].blank_after)
        return shape

    def phrases(self, index: int) -> tuple[tuple[str, str], ...]:
        """(category, phrase) for every phrase category that matches the whole line or opens it."""
        found = self._phrases.get(index)
        if found is None:
            key = self[index].key
            found = self._phrases[index] = _phrase_matches(key, self.lexicon) if key else ()
        return found

    def opening_key(self, index: int) -> str:
        """The key a line-opening phrase rule reads: the unit's own, or, for a line longer than a label (its key
        is "", PHRASE_MAX_WORDS), the key of its first PHRASE_MAX_WORDS words. A greeting or a notice that runs on
        past 40 words ("Hallo, ich bin Foodbloggerin, Backbuchautorin, ...") opens the same way as a short one.
        Kept: the labeller's site-notice and author-intro rules read the same long lines."""
        record = self[index]
        if record.key or record.words <= PHRASE_MAX_WORDS:
            return record.key
        found = self._opening_keys.get(index)
        if found is None:
            opening = self.units[index].text.split(None, PHRASE_MAX_WORDS)[:PHRASE_MAX_WORDS]
            found = self._opening_keys[index] = line_key(" ".join(opening))
        return found

    def byline_names(self, index: int) -> list[str] | None:
        """records.names.byline_names of the unit's text: None when it opens with no byline word."""
        if index in self._bylines:
            found = self._bylines[index]
        else:
            found = self._bylines[index] = byline_names(self.units[index].text, self.lexicon)
        return None if found is None else list(found)

    def name_like(self, index: int) -> bool:
        """The whole text looks like a person's or organisation's name (records.names.looks_like_name)."""
        found = self._name_like.get(index)
        if found is None:
            found = self._name_like[index] = looks_like_name(self.units[index].text)
        return found


# Markup zones (Unit.zone, from the HTML front end) that only ever hold page chrome: a unit inside
# one counts as boilerplate "in-<zone>" ("in-comments", "in-navigation"), as a matching phrase would.
# The names differ from the phrase categories on purpose: a zone marks every block of a widget, so
# it costs like boilerplate but never ends the article the way one "Comments" line does (content
# TERMINATORS). Byline, date and breadcrumb zones are header hints, not removals; text units have
# no zone.
MARKUP_BOILERPLATE = frozenset(
    {
        "navigation",
        "sidebar",
        "form",
        "page-header",
        "footer",
        "comments",
        "related-links",
        "share",
        "cookie-notice",
        "newsletter",
        "advertisement",
        "caption",
    }
)
ZONE_REASONS = {zone: f"in-{zone}" for zone in MARKUP_BOILERPLATE}


def build_records(units: list[Unit], lexicon: Lexicon, stopwords: frozenset[str], language: str | None) -> RecordTable:
    """The records of `units`: one pass over the page, each distinct text analysed once."""
    texts = [unit.text for unit in units]
    counts = Counter(texts)
    found = dict(zip(counts, page_text_features(list(counts), lexicon, stopwords), strict=True))
    # A blank line (or the end of the page) follows a unit when the next unit has one before it.
    blank_after = [unit.blank_before for unit in islice(units, 1, None)]
    if units:
        blank_after.append(True)
    records: list[UnitRecord] = []
    append = records.append
    for position, (unit, text, blank) in enumerate(zip(units, texts, blank_after, strict=True)):
        key, words, stopword_share, sentence_end, boilerplate, ends_question = found[text]
        if unit.boilerplate:
            boilerplate = unit.boilerplate
        if unit.zone is not None and boilerplate is None:
            boilerplate = ZONE_REASONS.get(unit.zone)
        # Positional: keyword arguments cost measurably at one call per unit.
        append(
            UnitRecord(
                key,
                words,
                stopword_share,
                # The one 0.0 for a line without links, and the unit's own index object: not a float and an
                # int of their own for every line of a large page.
                min(1.0, unit.link_chars / len(text)) if unit.link_chars and text else 0.0,
                sentence_end,
                boilerplate,
                ends_question,
                unit.index if unit.index == position else position,
                counts[text],
                blank,
            )
        )
    return RecordTable(records, units, lexicon, language)


def text_features(text: str, lexicon: Lexicon, stopwords: frozenset[str]) -> TextFeatures:
    """The fields of a record that the unit's text alone decides."""
    return page_text_features([text], lexicon, stopwords)[0]


def page_text_features(texts: list[str], lexicon: Lexicon, stopwords: frozenset[str]) -> list[TextFeatures]:
    """`text_features` of each of `texts` (distinct lines of a page, no line breaks inside).

    Each feature is computed for all lines at once, by maps over C functions where one exists, and the
    rows are zipped at the end: a page has hundreds of lines, and a Python loop per line and feature was
    most of the cost. Keys are found in one pass over the joined lines (records.lexicon.line_keys).
    """
    if not texts:
        return []
    counts = list(map(len, map(str.split, texts)))
    for position in [position for position, plain in enumerate(map(str.isascii, texts)) if not plain]:
        # CJK characters are not ASCII: a line with fewer non-ASCII characters than it would take to
        # outnumber its spaced words (accented Latin text) skips the CJK count.
        text = texts[position]
        non_ascii = len(text) - len(text.encode("ascii", "ignore"))
        if non_ascii // CJK_CHARS_PER_WORD > counts[position]:
            counts[position] = max(counts[position], len(_cjk().findall(text)) // CJK_CHARS_PER_WORD)
    if max(counts) <= PHRASE_MAX_WORDS:
        # Every line is short enough to be a label: all have keys.
        keys = line_keys(texts)
        boilerplate = lexicon.boilerplate_categories(keys)
        sources = keys
    else:
        short = [position for position, words in enumerate(counts) if words <= PHRASE_MAX_WORDS]
        keys = [""] * len(texts)
        boilerplate = [None] * len(texts)
        short_keys = line_keys([texts[p] for p in short])
        for position, key, category in zip(short, short_keys, lexicon.boilerplate_categories(short_keys), strict=True):
            keys[position] = key
            boilerplate[position] = category
        # The tokens of the function-word share: of the key, or of a long line's opening characters.
        sources = [
            key if words <= PHRASE_MAX_WORDS else text[:DENSITY_SAMPLE_CHARS].casefold()
            for text, key, words in zip(texts, keys, counts, strict=True)
        ]
    # Each line's word tokens (one findall per line: no joined copy of the page to scan for breaks), and
    # how many of them are function words (counted in C).
    tokens = list(map(_WORD_TOKEN.findall, sources))
    shares = [
        sum(map(stopwords.__contains__, line_tokens)) / len(line_tokens) if line_tokens else 0.0
        for line_tokens in tokens
    ]
    # Both end tests look past closing quotes and brackets: strip them once, test the last character.
    tails = [text.rstrip(_CLOSERS) for text in texts]
    sentence_ends = [tail.endswith(_SENTENCE_ENDERS) for tail in tails]
    questions = [tail.endswith(("?", "？")) for tail in tails]
    return list(zip(keys, counts, shares, sentence_ends, boilerplate, questions, strict=True))


def _shape(unit: Unit, blank_after: bool) -> UnitShape:
    text = unit.text
    letters = sum(map(str.isalpha, text))
    capitals = sum(map(str.isupper, text))
    digits = sum(map(str.isdigit, text))
    spaces = sum(map(str.isspace, text))
    return UnitShape(
        len(text),
        letters,
        capitals,
        digits,
        len(text) - letters - digits - spaces,
        text[-1:],
        unit.heading_level,
        unit.list_item,
        unit.numbered,
        unit.quote,
        unit.indent,
        unit.blank_before,
        blank_after,
    )


def _phrase_matches(key: str, lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for category in sorted(lexicon.categories):
        phrases = lexicon.phrases(category)
        if phrases.matches_whole(key):
            found.append((category, key))
            continue
        phrase = phrases.leading_phrase(key)
        if phrase:
            found.append((category, phrase))
    return tuple(found)
