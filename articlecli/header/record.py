"""The Header record the header-zone passes fill in, and the limit they share for a metadata line."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from articlecli.frontends.unit import Unit

# A metadata line is short: the date or names plus a few label words.
META_MAX_WORDS = 16


@dataclass
class Header:
    """Metadata found in the header zone and the units it consumed, with the rule for each."""

    title: str | None = None
    title_unit: int | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    breadcrumbs: list[str] = field(default_factory=list)
    body_start: int = 0
    labels: dict[int, tuple[str, str]] = field(default_factory=dict)
    # Publication dates read from header lines: (unit index, date, has a published label), to prefer
    # a labelled one, then the one nearest the title.
    date_lines: list[tuple[int, str, bool]] = field(default_factory=list)
    # How the page writes ambiguous numeric dates (dates.numeric_order); None = the language's habit.
    month_first: bool | None = None
    # The page's units, for common_words.
    units: list[Unit] = field(default_factory=list, repr=False)
    _common_words: frozenset[str] | None = field(default=None, repr=False)
    # Pieces of metadata lines that no field took (line_rest.py): unit index -> [(text, reason)],
    # reported in `removed` beside the line's own label.
    rest: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    # Per-parse memo of byline_at by unit index: several passes test the same header lines.
    bylines: dict[int, tuple[list[str], list[int]] | None] = field(default_factory=dict, repr=False)

    def label(self, index: int, label: str, rule: str) -> None:
        self.labels.setdefault(index, (label, rule))

    @property
    def common_words(self) -> frozenset[str]:
        """Words the page writes in lowercase: a capitalised 'name' made only of them is a heading or
        a label. Counted on first use: most pages never test a name against them."""
        if self._common_words is None:
            self._common_words = _lowercase_words(self.units)
        return self._common_words


_PLAIN_WORD = re.compile(r"^[^\W\d_]+$")
# Units whose words the census splits at once: a page's header and body in one or two batches, while
# a page of a million lines never holds all its words in one list.
CENSUS_BATCH_UNITS = 512


def _lowercase_words(units: list[Unit]) -> frozenset[str]:
    """Plain words the page writes in lowercase at least as often as capitalised (a name's slug in a
    menu or a 'Hi melissa,' does not make the name common)."""
    lower: dict[str, int] = {}
    upper: dict[str, int] = {}
    # Pages repeat their words: test each distinct token once, weighted by how often it occurs.
    # A few hundred units at a time (one join and split in C instead of a call per unit), not one
    # split of the joined page: that list held every word of the page at once (about ten times the
    # page's size in memory).
    tokens: Counter[str] = Counter()
    for start in range(0, len(units), CENSUS_BATCH_UNITS):
        tokens.update(" ".join([unit.text for unit in units[start : start + CENSUS_BATCH_UNITS]]).split())
    for token, count in tokens.items():
        word = token.strip(".,;:!?\"'()[]*_“”„«»")
        # isalpha() implies the regex and not isalnum() rules it out: the regex only for the rest.
        if word.isalpha() or (word.isalnum() and _PLAIN_WORD.match(word)):
            counts = lower if word[0].islower() else upper
            key = word.casefold()
            counts[key] = counts.get(key, 0) + count
    return frozenset(w for w, n in lower.items() if n >= upper.get(w, 0))
