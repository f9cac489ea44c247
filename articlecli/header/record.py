"""The Header record the header-zone passes fill in, and the limit they share for a metadata line."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

from articlecli.frontends.unit import Unit
from articlecli.lazy_regex import lazy_compile

# A metadata line is short: the date or names plus a few label words.
META_MAX_WORDS = 16


def _language_habit() -> bool | None:
    """A header read without a page: ambiguous numeric dates in the language's habit."""
    return None


@dataclass(eq=False)
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
    # The unit after the main text's last one (the region the header was read around).
    body_end: int = 0
    labels: dict[int, tuple[str, str]] = field(default_factory=dict)
    # Publication dates read from header lines: (unit index, date, has a published label), to prefer
    # a labelled one, then the one nearest the title.
    date_lines: list[tuple[int, str, bool]] = field(default_factory=list)
    # The rule that chose `published` and the unit it read it from (shown by --explain on that unit).
    date_rule: str = ""
    date_unit: int | None = None
    updated_unit: int | None = None
    # The rule that found `authors` in a line kept for what else it says (a glued line, glued_bylines.py)
    # and that unit (shown by --explain as the unit's detail).
    author_rule: str = ""
    author_unit: int | None = None
    # How the page writes ambiguous numeric dates (records.RecordTable.numeric_order; None = the language's
    # habit), asked for only by a line that holds such a date (dates.find_dates_in_page_order).
    page_order: Callable[[], bool | None] = field(default=_language_habit, repr=False)
    # The page's units, for common_words.
    units: list[Unit] = field(default_factory=list, repr=False)
    _common_words: LowercaseWords | None = field(default=None, repr=False)
    # Pieces of metadata lines that no field took (line_rest.py): unit index -> [(text, reason)],
    # reported in `removed` beside the line's own label.
    rest: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    # Per-parse memo of byline_at by unit index: several passes test the same header lines.
    bylines: dict[int, tuple[list[str], list[int]] | None] = field(default_factory=dict, repr=False)
    # Units that are a menu's facets ('By Role', 'By Need'; bylines.menu_facets), found on first use.
    facets: frozenset[int] | None = field(default=None, repr=False)

    def label(self, index: int, label: str, rule: str) -> None:
        self.labels.setdefault(index, (label, rule))

    def set_published(self, value: str, index: int | None, rule: str) -> None:
        """The page's publication date, read by `rule` from unit `index`."""
        self.published, self.date_unit, self.date_rule = value, index, rule

    def set_date_line(self, value: str, index: int, rule: str) -> None:
        """The page's publication date, read by `rule` from unit `index`, a date line: the unit is labelled a
        date by the same rule (unless an earlier pass labelled it)."""
        self.set_published(value, index, rule)
        self.label(index, "date", rule)

    @property
    def common_words(self) -> LowercaseWords:
        """Words the page writes in lowercase: a capitalised 'name' made only of them is a heading or
        a label. Set up on first use (most pages never test a name against them), each word counted
        when it is first asked about."""
        if self._common_words is None:
            self._common_words = LowercaseWords(self.units)
        return self._common_words


_PLAIN_WORD = lazy_compile(r"^[^\W\d_]+$")
# Units whose words the census splits at once: a page's header and body in one or two batches, while
# a page of a million lines never holds all its words in one list.
CENSUS_BATCH_UNITS = 512
# The word searches may test this many tokens per distinct token of the page in all (a name's few words
# test a handful each) before the census counts every word once instead.
CENSUS_SEARCH_BUDGET = 2
_EDGE_PUNCTUATION = ".,;:!?\"'()[]*_“”„«»"
# The census searches an ASCII page of at most this many characters in place (LowercaseWords): its
# lowercased copy is one byte a character; a longer page is cut into distinct tokens, a smaller copy.
CENSUS_PAGE_MAX_CHARS = 1 << 20
# Whitespace as str.split() cuts tokens (re's \s is str.isspace on str patterns).
_WHITESPACE = lazy_compile(r"\s")
# Stands in the census's copy of the page for a character that casefolds to several ('ß').
_MARK = "\x00"


def _token_span(page: str, at: int) -> tuple[int, int]:
    """Where the whitespace-delimited token holding position `at` of `page` starts and ends."""
    start = at
    while start and not page[start - 1].isspace():
        start -= 1
    found = _WHITESPACE.search(page, at)
    return start, found.start() if found else len(page)


class LowercaseWords:
    """The plain words the page writes in lowercase at least as often as capitalised (a name's slug in
    a menu or a 'Hi melissa,' does not make the name common), as a membership test: `word in census`
    for a casefolded word.

    A token of the page is a whitespace-separated piece; its word is the token without the punctuation
    around it, if that is letters only (no digit, no '_'). Only the few words a name test asks about are
    counted. On a page of ordinary size whose casefolding keeps every character's position (no 'ß') the
    word is searched in the page's lines themselves, joined and casefolded, and each token holding it is
    cut out where it is found:
    no split of the page into tokens at all (that split and count were most of the census's cost). On
    other pages the tokens holding the word are found by one substring search over the page's distinct
    tokens, casefolded and one a line, instead of testing every token of the page.
    """

    def __init__(self, units: list[Unit]) -> None:
        self._units = units
        self._verdicts: dict[str, bool] = {}
        self._census: frozenset[str] | None = None
        # The searched text, the tokens it is cut into (None: the page's own lines, cut where a word is
        # found) and the first position of each.
        self._tokens: list[str] | None = None
        # The page's tokens holding a marked character (see below), as the page wrote them, with counts.
        self._marked: Counter[str] = Counter()
        self._counts: list[int] = []
        self._line_starts: list[int] = []
        texts = [unit.text for unit in units]
        if sum(map(len, texts)) <= CENSUS_PAGE_MAX_CHARS:
            page = "\n".join(texts)
            folded = page.casefold()
            # Casefolding maps each character to one or more and never makes or takes whitespace: when the
            # lengths agree, every character kept its position, and a token of the page is the
            # whitespace-delimited piece of `page` around where the word is found in `folded`.
            if len(folded) != len(page):
                # 'ß' (the one such character on nearly every such page) folds to 'ss': it is marked with
                # a NUL (the marked page keeps every position), and the few tokens holding one are tested
                # apart. A page with another such character ('ﬁ') is cut into tokens below.
                page = page.replace("ß", _MARK).replace("ẞ", _MARK)
                folded = page.casefold()
                if len(folded) == len(page):
                    self._marked = self._marked_tokens(page, texts)
            if len(folded) == len(page):
                self._page, self._folded = page, folded
                # Tokens tested before the whole census is counted (at least the distinct tokens' budget
                # below: the page's tokens, each after a space or a line break but the first).
                self._budget = CENSUS_SEARCH_BUDGET * (folded.count(" ") + len(texts))
                return
            del page, folded
        self._page = ""
        # Pages repeat their words: each distinct token once, with how often it occurs.
        tokens = self._token_counts()
        self._tokens = list(tokens)
        self._counts = list(tokens.values())
        # Casefolding maps each character on its own and never makes a line break or punctuation: line
        # i is tokens[i] casefolded, and a token whose word casefolds to w has w in its line.
        self._folded = "\n".join(self._tokens).casefold()
        self._line_starts = [0, *accumulate(len(line) + 1 for line in self._folded.split("\n"))]
        # Tokens the searches may test in all before the whole census is counted once instead: many
        # short words asked of a page of many distinct tokens stay linear in the page's size.
        self._budget = CENSUS_SEARCH_BUDGET * len(self._tokens)

    @staticmethod
    def _marked_tokens(page: str, texts: list[str]) -> Counter[str]:
        """The tokens of `page` holding a _MARK, each as `texts` (the lines `page` was joined from) wrote it."""
        original = "\n".join(texts)
        found: Counter[str] = Counter()
        at = page.find(_MARK)
        while at != -1:
            start, end = _token_span(page, at)
            found[original[start:end]] += 1
            at = page.find(_MARK, end)
        return found

    def _token_counts(self) -> Counter[str]:
        """Each distinct token of the page and how often it occurs. A few hundred units at a time, not one
        split of the joined page: that list held every word of the page at once (about ten times the
        page's size in memory)."""
        units = self._units
        tokens: Counter[str] = Counter()
        for start in range(0, len(units), CENSUS_BATCH_UNITS):
            tokens.update(" ".join([unit.text for unit in units[start : start + CENSUS_BATCH_UNITS]]).split())
        return tokens

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._census is not None:
            return word in self._census
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._verdicts[word] = self._is_lowercase(word)
        return verdict

    def _is_lowercase(self, key: str) -> bool:
        if not key:
            return False
        if self._tokens is None:
            return self._is_lowercase_in_page(key)
        lower = upper = 0
        folded, starts = self._folded, self._line_starts
        at = folded.find(key)
        while at != -1:
            self._budget -= 1
            if self._budget < 0:
                self._census = self._whole_census()
                return key in self._census
            line = bisect_right(starts, at) - 1
            word = self._tokens[line].strip(_EDGE_PUNCTUATION)
            # isalpha() implies the regex and not isalnum() rules it out: the regex only for the rest.
            if word.casefold() == key and (word.isalpha() or (word.isalnum() and _PLAIN_WORD.match(word))):
                if word[0].islower():
                    lower += self._counts[line]
                else:
                    upper += self._counts[line]
            # Each token once: go on from the next line.
            at = folded.find(key, starts[line + 1])
        return lower > 0 and lower >= upper

    def _is_lowercase_in_page(self, key: str) -> bool:
        """_is_lowercase searched in the page itself: each token holding `key` is cut out of the page where it is found
        and counted once per occurrence (the distinct tokens' counts, summed)."""
        if _WHITESPACE.search(key):
            return False  # a token holds no whitespace
        lower = upper = 0
        page, folded = self._page, self._folded
        at = folded.find(key)
        while at != -1:
            self._budget -= 1
            if self._budget < 0:
                self._census = self._whole_census()
                return key in self._census
            start, end = _token_span(page, at)
            word = page[start:end].strip(_EDGE_PUNCTUATION)
            # A marked token is tested below, as written (its NUL is no letter: never counted here).
            if word.casefold() == key and (word.isalpha() or (word.isalnum() and _PLAIN_WORD.match(word))):
                if word[0].islower():
                    lower += 1
                else:
                    upper += 1
            # Each token once: go on after it.
            at = folded.find(key, end)
        for token, count in self._marked.items():
            word = token.strip(_EDGE_PUNCTUATION)
            if word.casefold() == key and (word.isalpha() or (word.isalnum() and _PLAIN_WORD.match(word))):
                if word[0].islower():
                    lower += count
                else:
                    upper += count
        return lower > 0 and lower >= upper

    def _whole_census(self) -> frozenset[str]:
        """Every word the page writes in lowercase at least as often as capitalised, in one pass."""
        lower: dict[str, int] = {}
        upper: dict[str, int] = {}
        tokens = self._token_counts()
        for token, count in tokens.items():
            word = token.strip(_EDGE_PUNCTUATION)
            if word.isalpha() or (word.isalnum() and _PLAIN_WORD.match(word)):
                counts = lower if word[0].islower() else upper
                key = word.casefold()
                counts[key] = counts.get(key, 0) + count
        return frozenset(w for w, n in lower.items() if n >= upper.get(w, 0))
