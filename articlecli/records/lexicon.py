"""Per-language phrase lists (package data) and the matcher that labels a line with them.

Each `data/phrases/<lang>.txt` holds `[category]` sections, one lowercase phrase a line. A lone `#`
word stands for a number; a trailing ` *` means "followed by anything". The category name is the
rule name reported in `removed` and `--explain`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any

from articlecli.data import list_data, read_data

BOILERPLATE_CATEGORIES = (
    "related-links",
    "comments",
    "share",
    "follow",
    "newsletter",
    "cookie-notice",
    "advertisement",
    "navigation",
    "prev-next",
    "login",
    "footer",
)
PREFIX_CATEGORIES = (
    "byline-prefix",
    "published-prefix",
    "updated-prefix",
    "other-date-prefix",
    "category-prefix",
    "tag-prefix",
    "photo-credit",
    "byline-colon-label",
)
WORD_CATEGORIES = (
    "breadcrumb-root",
    "conjunction",
    "reading-time",
    "author-role",
    "author-box",
    "author-path",
    "other-byline",
    "published-verb",
    "original-date",
    "team-word",
    "author-more",
    "call-to-action",
    "call-to-action-end",
    "contents-title",
    "admonition",
    "site-notice",
    "author-intro",
    "author-about",
    "photo-agency",
    "portrait-word",
)

# Boilerplate phrases also match a line that merely starts with them, when the line is this short:
# "Share on Facebook Twitter Email" is a share row, a 20-word sentence starting "Share" is not.
BOILERPLATE_PREFIX_MAX_WORDS = 6

# Curly and typographic quotes, and the straight quote each is compared as.
_QUOTE_PAIRS = (
    ("‘", "'"),
    ("’", "'"),
    ("‚", "'"),
    ("‛", "'"),
    ("´", "'"),
    ("`", "'"),
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("«", '"'),
    ("»", '"'),
)


def _straight_quotes(text: str) -> str:
    """`text` with each of _QUOTE_PAIRS' quotes replaced by its straight quote.

    One str.replace per quote the text holds (each a scan in C): str.translate of a text that is not
    ASCII looks every character up in a dict, which was most of the cost of a page's keys."""
    for quote, straight in _QUOTE_PAIRS:
        if quote in text:
            text = text.replace(quote, straight)
    return text


# Stages test the same lines again (features, title, header): the key is computed once per text.
# Texts longer than this are not cached: the cache outlives the parse, and its memory would grow
# with line length rather than with the number of entries.
LINE_KEY_CACHE_MAX_CHARS = 1000


def line_key(text: str) -> str:
    """The form phrases are compared in: NFKC, casefolded, straight quotes, one space, ends trimmed."""
    if len(text) > LINE_KEY_CACHE_MAX_CHARS:
        return _line_key(text)
    return _cached_line_key(text)


def _line_key(text: str) -> str:
    if not text.isascii():
        text = _straight_quotes(unicodedata.normalize("NFKC", text))
    return _trim_edges(" ".join(text.casefold().split()))


_cached_line_key = lru_cache(maxsize=8192)(_line_key)


def line_keys(texts: list[str]) -> list[str]:
    """`line_key` of each of `texts` (which hold no line break), in one pass over the page.

    NFKC (of the lines that are not ASCII, where it can change anything), the quote translation and
    casefolding map each line on its own, and no character maps to a line break, so casefolding runs
    once over the joined lines, in C, instead of once per line.
    """
    normalized = [text if text.isascii() else _straight_quotes(unicodedata.normalize("NFKC", text)) for text in texts]
    joined = "\n".join(normalized)
    if joined.count("\n") != len(texts) - 1:
        return [line_key(text) for text in texts]
    return [_trim_edges(" ".join(line.split())) for line in joined.casefold().split("\n")]


def _trim_edges(key: str) -> str:
    """`key` without punctuation, symbols and spaces at either end (but '#' and '©', which phrases use).

    A loop over the usually zero to two such characters: a regex substitution tries its
    end-of-line alternative at every position of the line.
    """
    # Most keys start and end with a letter or digit: nothing to trim.
    if key[:1].isalnum() and key[-1:].isalnum():
        return key
    # Most of the rest end on ASCII punctuation (a sentence's full stop): stripped in C, and the loop
    # below only continues past a character that is not ASCII.
    key = key.strip(_ASCII_EDGE_JUNK)
    if key[:1].isalnum() and key[-1:].isalnum():
        return key
    start, end = 0, len(key)
    while start < end and _is_edge_junk(key[start]):
        start += 1
    while end > start and _is_edge_junk(key[end - 1]):
        end -= 1
    return key[start:end]


# The ASCII characters _is_edge_junk is true of (ASCII letters and digits are what str.isalnum is true of there).
_ASCII_EDGE_JUNK = "".join(chr(code) for code in range(128) if not chr(code).isalnum() and chr(code) not in "#©")


def _is_edge_junk(char: str) -> bool:
    """Not a letter or digit (str.isalnum: the regex class \\w without '_'), '#' or '©'."""
    return not char.isalnum() and char not in "#©"


# Longest phrase, in words, that the "starts with" lookups try.
MAX_PHRASE_WORDS = 8
_TRAILING_PUNCT = ":：,.;|-–—"


# eq=False: a set is the lexicon's own object, cached by identity (lru_cache keys of the rules that read it);
# hashing its phrase tuples by value on every cached call bought nothing. No repr: a dump of a thousand phrases.
@dataclass(frozen=True, eq=False, repr=False)
class PhraseSet:
    """The phrases of one category: exact lines, 'starts with' prefixes, and pattern phrases.

    Pattern phrases ('#' or ' *') stay text until a line needs them (see PhrasePatterns).
    """

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    patterns: tuple[str, ...]

    def matches_whole(self, key: str) -> bool:
        if key in self.exact:
            return True
        if self.prefixes and key.startswith(self.prefix_groups.get(key.partition(" ")[0], ())):
            return True
        return self.combined is not None and self.combined.fullmatch(key)

    @cached_property
    def prefix_groups(self) -> dict[str, tuple[str, ...]]:
        """The prefixes by their first word (each ends with a space, so a key it starts has that first
        word): a line is compared with a few prefixes, not all."""
        groups: dict[str, tuple[str, ...]] = {}
        for prefix in self.prefixes:
            first = prefix.partition(" ")[0]
            groups[first] = (*groups.get(first, ()), prefix)
        return groups

    @cached_property
    def combined(self) -> PhrasePatterns | None:
        return PhrasePatterns(self.patterns) if self.patterns else None

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every exact phrase: a line whose first word is none of them starts with none."""
        return frozenset(phrase.partition(" ")[0] for phrase in self.exact)

    @cached_property
    def first_words_search(self) -> re.Pattern[str]:
        """Finds whether any of `first_words` is anywhere in a text (as `any(word in text for word in
        first_words)`, in one scan; the match found is the shortest word at the first place one starts).

        The words are written as a trie ('b(?:ei|y)|v(?:an|on)|...'): a flat alternation made the regex
        engine try every word at every position of the text, the trie tries one branch per character."""
        return re.compile(_trie_source(self.first_words))

    def leading_phrase(self, key: str) -> str | None:
        """The longest phrase that `key` starts with, followed by a word boundary."""
        # Every candidate below is the first word itself (trimmed or not) or starts with it and a space;
        # most keys start with no phrase's first word, told before the key is cut into its words.
        head = key.split(None, 1)
        first = head[0] if head else ""
        if first not in self.first_words and first.rstrip(_TRAILING_PUNCT) not in self.first_words:
            return None
        words = key.split(None, MAX_PHRASE_WORDS)
        for count in range(min(len(words), MAX_PHRASE_WORDS), 0, -1):
            candidate = " ".join(words[:count])
            if candidate in self.exact:
                return candidate
            trimmed = candidate.rstrip(_TRAILING_PUNCT)
            if trimmed != candidate and trimmed in self.exact:
                return trimmed
        return None


@dataclass(frozen=True, eq=False, repr=False)
class Lexicon:
    """All phrase categories for a set of languages, merged."""

    languages: tuple[str, ...]
    categories: dict[str, PhraseSet]

    def phrases(self, category: str) -> PhraseSet:
        return self.categories.get(category, _EMPTY)

    def boilerplate_category(self, key: str) -> str | None:
        """The boilerplate rule a line matches as a whole (or as a short line starting with it)."""
        index = _boilerplate_index(self)
        category = index.exact.get(key)
        if category:
            return category
        # A key is one space between words, none at the ends: its first word is what precedes the first space.
        first, space, _ = key.partition(" ")
        group = index.prefix_groups.get(first) if index.prefixes else None
        if group:
            for prefix, category in group:
                if key.startswith(prefix):
                    return category
        if index.patterns is not None and index.patterns.fullmatch(key):
            return next(c for c in BOILERPLATE_CATEGORIES if self.phrases(c).matches_whole(key))
        # A row of labels has two words or more, the first a leading phrase's: the words are split only then.
        if not space or (first not in index.leading_first and first.rstrip(_TRAILING_PUNCT) not in index.leading_first):
            return None
        # One word more than the limit is enough to tell a longer line.
        words = key.split(None, BOILERPLATE_PREFIX_MAX_WORDS)
        if 1 < len(words) <= BOILERPLATE_PREFIX_MAX_WORDS:
            # "Share Facebook Twitter Email" is a row of buttons: a phrase followed only by more
            # known labels. "Share prices tumble" starts with one but goes on with real words.
            for count in range(len(words) - 1, 0, -1):
                category = index.leading.get(" ".join(words[:count]).rstrip(_TRAILING_PUNCT))
                if category and all(w.strip(_TRAILING_PUNCT) in index.exact for w in words[count:]):
                    return category
        return None

    def boilerplate_categories(self, keys: list[str]) -> list[str | None]:
        """`boilerplate_category` of each of `keys` (line_key forms of a page's lines, in one call).

        Most lines of a page match no boilerplate phrase, and most of those can be told by a few set
        probes (their first word and first character start no phrase of any kind): the loop tells them
        without a call per line, and hands the rest to boilerplate_category."""
        index = _boilerplate_index(self)
        exact = index.exact
        prefix_groups = index.prefix_groups if index.prefixes else {}
        leading_first = index.leading_first
        patterns = index.patterns
        # A pattern phrase can match only a key that starts with its first word (see PhrasePatterns), any
        # key when one pattern starts with a placeholder that is not a number.
        pattern_starts = patterns.starts_by_char if patterns is not None else {}
        pattern_numbers = patterns is not None and patterns.numbers
        if patterns is not None and patterns.any_start:
            return [self.boilerplate_category(key) for key in keys]
        found: list[str | None] = []
        append = found.append
        full = self.boilerplate_category
        for key in keys:
            category = exact.get(key)
            if category is None:
                first, space, _ = key.partition(" ")
                head = key[:1]
                starts = pattern_starts.get(head)
                if (
                    first in prefix_groups
                    or (starts is not None and key.startswith(starts))
                    or (pattern_numbers and head.isdecimal())
                    # A row of labels: a few words (a key has one space between words), the first a phrase's.
                    or (
                        space
                        and key.count(" ") < BOILERPLATE_PREFIX_MAX_WORDS
                        and (first in leading_first or first.rstrip(_TRAILING_PUNCT) in leading_first)
                    )
                ):
                    category = full(key)
            append(category)
        return found


# Not frozen: its fields are dicts, which freezing would not protect; built once per lexicon.
@dataclass(eq=False, repr=False)
class _BoilerplateIndex:
    """Every boilerplate phrase of a lexicon, by the way a line is looked up in it."""

    exact: dict[str, str]
    prefixes: tuple[str, ...]
    prefix_categories: tuple[tuple[str, str], ...]
    patterns: PhrasePatterns | None
    leading: dict[str, str]
    # First words of the `leading` phrases (see PhraseSet.first_words).
    leading_first: frozenset[str]
    # `prefix_categories` by first word, in order (see PhraseSet.prefix_groups).
    prefix_groups: dict[str, tuple[tuple[str, str], ...]]


@lru_cache(maxsize=64)
def _boilerplate_index(lexicon: Lexicon) -> _BoilerplateIndex:
    """All boilerplate categories merged into lookups, so one line costs a few dict probes."""
    exact: dict[str, str] = {}
    prefix_categories: list[tuple[str, str]] = []
    patterns: list[str] = []
    leading: dict[str, str] = {}
    for category in BOILERPLATE_CATEGORIES:
        phrases = lexicon.phrases(category)
        for phrase in sorted(phrases.exact):
            exact.setdefault(phrase, category)
            if category != "navigation":
                leading.setdefault(phrase, category)
        prefix_categories.extend((prefix, category) for prefix in phrases.prefixes)
        patterns.extend(phrases.patterns)
    prefix_groups: dict[str, tuple[tuple[str, str], ...]] = {}
    for prefix, category in prefix_categories:
        first = prefix.partition(" ")[0]
        prefix_groups[first] = (*prefix_groups.get(first, ()), (prefix, category))
    return _BoilerplateIndex(
        exact,
        tuple(p for p, _ in prefix_categories),
        tuple(prefix_categories),
        PhrasePatterns(tuple(patterns)) if patterns else None,
        leading,
        frozenset(phrase.partition(" ")[0] for phrase in leading),
        prefix_groups,
    )


class PhrasePatterns:
    """Pattern phrases ('# min read', 'share on *') matched against a whole key.

    A pattern can only match a key that starts with its first word (a digit for '#'), so the
    patterns are grouped by first word and each group's alternation is compiled on first need:
    compiling them all up front costs a tenth of a second, more than a one-page CLI run.
    """

    def __init__(self, phrases: tuple[str, ...]) -> None:
        groups: dict[str, list[str]] = {}
        for phrase in phrases:
            words, _ = _pattern_words(phrase)
            groups.setdefault(words[0] if words else "", []).append(phrase)
        self._groups = {first: tuple(group) for first, group in groups.items()}
        self._starts = tuple(sorted(set(self._groups) - {"#"}))
        self.any_start = "" in self._groups
        # Some pattern starts with a number ('#'): it can only match a key starting with a digit.
        self.numbers = "#" in self._groups
        self._compiled: dict[str, re.Pattern[str]] = {}
        # The first words by their first character: a key is compared with a few, not all.
        self.starts_by_char: dict[str, tuple[str, ...]] = {}
        for first in filter(None, self._starts):
            self.starts_by_char[first[0]] = (*self.starts_by_char.get(first[0], ()), first)

    def fullmatch(self, key: str) -> bool:
        head = key[:1]
        starts = self.starts_by_char.get(head)
        if starts is not None and key.startswith(starts):
            for first in starts:
                if key.startswith(first) and self._pattern(first).fullmatch(key) is not None:
                    return True
        # '#' is r"\d+": str.isdecimal is the regex class \d.
        if self.numbers and head.isdecimal() and self._pattern("#").fullmatch(key) is not None:
            return True
        return self.any_start and self._pattern("").fullmatch(key) is not None

    def _pattern(self, first: str) -> re.Pattern[str]:
        pattern = self._compiled.get(first)
        if pattern is None:
            pattern = self._compiled[first] = _combined_pattern(first, self._groups[first])
        return pattern


def _trie_source(words: Iterable[str]) -> str:
    """Regex source that finds any of `words` (a search finds one wherever a word starts; a word that
    another one starts with ends the branch: the longer word holds it)."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def source(node: dict[str, Any]) -> str:
        if "" in node:
            return ""
        branches = [re.escape(char) + source(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    # No words: the empty pattern, as the empty alternation was (it matches anywhere).
    return source(tree) if tree else ""


@lru_cache(maxsize=256)
def _combined_pattern(first: str, phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation instead of one fullmatch per phrase, the group's shared first word written once:
    'A(?:B|C)' matches the strings '(?:AB)|(?:AC)' does, but the regex engine reads the first word once
    instead of once per phrase (the eighteen '# comments', '# shares', ... phrases read a key's number
    eighteen times)."""
    if not first:
        return re.compile("|".join(f"(?:{_pattern_source(p)})" for p in phrases))
    rests = []
    for phrase in phrases:
        words, open_end = _pattern_words(phrase)
        rests.append("".join(r"\s*" + _word_source(word) for word in words[1:]) + (_OPEN_END if open_end else ""))
    return re.compile(_word_source(first) + "(?:" + "|".join(rests) + ")")


_EMPTY = PhraseSet(frozenset(), (), ())


def _pattern_words(phrase: str) -> tuple[list[str], bool]:
    """The words of a pattern phrase, and whether it ended in '*' ('followed by anything')."""
    words = phrase.split()
    if words[-1] == "*":
        return words[:-1], True
    return words, False


def _pattern_source(phrase: str) -> str:
    """A pattern phrase as regex source: '#' is a number, a trailing '*' is 'a word boundary, then anything'."""
    words, open_end = _pattern_words(phrase)
    return r"\s*".join(map(_word_source, words)) + (_OPEN_END if open_end else "")


# A trailing '*': a word boundary, then anything.
_OPEN_END = r"(?:\W.*)?"


def _word_source(word: str) -> str:
    """A pattern phrase's word as regex source: '#' is a number."""
    return r"\d+(?:[.,]\d+)?" if word == "#" else re.escape(word)


@cache
def _raw_phrases(language: str) -> dict[str, tuple[str, ...]]:
    # Only a name from the package's own listing becomes a resource name: a language code from a
    # caller or the detector is never turned into a path (a code without a list has no phrases).
    if language not in available_languages():
        return {}
    text = read_data(f"phrases/{language}.txt")
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        # '#' starts a comment only above the first section; inside one it is the number placeholder.
        if not line or (current is None and line.startswith("#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return {name: tuple(items) for name, items in sections.items()}


@cache
def available_languages() -> tuple[str, ...]:
    """The languages with a phrase list in the package data."""
    return tuple(sorted(name[:-4] for name in list_data("phrases") if name.endswith(".txt")))


@lru_cache(maxsize=64)
def load_lexicon(languages: tuple[str, ...]) -> Lexicon:
    """Merge the phrase lists of `languages` (unknown languages contribute nothing)."""
    merged: dict[str, list[str]] = {}
    for language in languages:
        for category, phrases in _raw_phrases(language).items():
            merged.setdefault(category, []).extend(phrases)
    categories = {}
    for category, merged_phrases in merged.items():
        exact: set[str] = set()
        prefixes: list[str] = []
        patterns: list[str] = []
        for phrase in merged_phrases:
            if "#" in phrase.split():
                patterns.append(phrase)
            elif phrase.endswith(" *"):
                # The stem must end a word: "share on *" matches "share on x", not "share one".
                prefixes.append(line_key(phrase[:-2]) + " ")
                patterns.append(phrase)
            else:
                exact.add(line_key(phrase))
        categories[category] = PhraseSet(frozenset(exact), tuple(prefixes), tuple(patterns))
    return Lexicon(languages, categories)


def lexicon_for(language: str | None) -> Lexicon:
    """The phrases for a page in `language`: its own lists plus English, the usual theme language."""
    if not language or language == "en":
        return load_lexicon(("en",))
    return load_lexicon((language, "en"))


@lru_cache(maxsize=64)
def stopwords(language: str | None) -> frozenset[str]:
    """Function words of `language` (from the stop-words package), used for text density."""
    from stop_words import LANGUAGE_MAPPING, get_stop_words

    name = LANGUAGE_MAPPING.get(language or "en")
    if name is None:
        return frozenset()
    return frozenset(word.casefold() for word in get_stop_words(name))
