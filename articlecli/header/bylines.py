"""The article's authors: byline lines ('By Jane Doe', a label over the names), names inside date lines,
and names printed without a byline word (beside the date or title, above a role, in an author box)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache

from articlecli.frontends.unit import Unit
from articlecli.header.glued_bylines import name_glued_onto_date
from articlecli.header.meta_labels import is_label_text, unglue_labels
from articlecli.header.page_dates import label_above
from articlecli.header.record import META_MAX_WORDS, Header
from articlecli.header.taxonomy import LIST_SEPARATORS
from articlecli.lazy_regex import lazy_compile
from articlecli.records import dates
from articlecli.records.features import UnitFeatures
from articlecli.records.lexicon import Lexicon, line_key, stopwords
from articlecli.records.names import (
    HANDLE,
    MARKED_HANDLE,
    PARTICLES,
    byline_inside,
    byline_names,
    clean_name,
    cut_category,
    is_role,
    looks_like_name,
    split_names,
    strip_emphasis,
    trim_date_joiners,
)
from articlecli.records.record import RecordTable

# "Article written by:" — a label line that ends with a byline word, names on the next line.
BYLINE_LABEL_MAX_WORDS = 5

# What separates a name from the marks around it on a byline (pipes, bullets, dashes, colons, emphasis).
NAME_EDGE = " |·•,-–—/»:_*"
_LEADING_MARKS = " |·•-–—/»>*"
# Where a glued dump keeps the page's own whitespace, a long gap separates two elements.
_GLUED_GAP = lazy_compile(r"\s{3,}")


def _is_common_phrase(name: str, header: Header) -> bool:
    """'Functionality', 'Use Case', 'Popular Days': capitalised words the page also uses as plain words."""
    words = [w.strip(".,'’").casefold() for w in name.split(",")[0].split()]
    words = [w for w in words if w and w not in PARTICLES]
    return bool(words) and name[:1].isupper() and all(w in header.common_words for w in words)


def _opens_with_common_word(name: str, header: Header) -> bool:
    """'Open Future', 'Aktuelle Meldung', 'Mental Health': a given name is not a word the page writes in
    lowercase; a capitalised adjective or noun opening a section label is."""
    first = name.split()[0].strip(".,'’").casefold()
    return first not in PARTICLES and first in header.common_words


def plausible_names(names: list[str], header: Header) -> list[str]:
    return [name for name in names if not _is_common_phrase(name, header)]


# A name glued to the next field: 'Turner-TrauringLast updated', 'MarturanoSouth Carolina'. Five lowercase
# letters before the capital: 'McDonald', 'DeSiato', 'MacArthur', 'SubbaRao' keep theirs.
_GLUED_FIELD = lazy_compile(r"(?<=[a-zà-öø-ÿ]{5})(?=[A-ZÀ-ÖØ-Þ])")


def tidy_names(names: list[str], units: list[Unit]) -> list[str]:
    """Names cut where a glued dump ran them into the next field: at a lower→Upper join inside a word,
    and before trailing words that stand alone elsewhere on the page as a line of their own (a section
    link: 'Carola Pönisch Kultur', 'Daniel Lemire Categories'); and a name written twice in a row, as a page
    writes it once for the eye and once for a screen reader ('Colin Gray Colin Gray')."""
    lines: set[str] | None = None
    tidy: list[str] = []
    for name in names:
        words = _undoubled(name.split())
        if len(words) >= 2:
            for i, word in enumerate(words[1:], start=1):
                match = _GLUED_FIELD.search(word)
                if match:
                    words = [*words[:i], word[: match.start()]]
                    break
        if len(words) >= 3 and "," not in name:
            if lines is None:
                lines = {unit.text.strip(NAME_EDGE).casefold() for unit in units if len(unit.text) <= 40}
            while len(words) >= 3 and words[-1].casefold() in lines:
                words.pop()
        tidy.append(" ".join(words) if words != name.split() else name)
    return tidy


def _undoubled(words: list[str]) -> list[str]:
    """'Colin Gray Colin Gray' -> 'Colin Gray': the same run of two or more words twice in a row."""
    half = len(words) // 2
    if half >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return words[:half]
    return words


# --- byline lines -----------------------------------------------------------------------------


def nearest_byline(
    units: list[Unit], features: list[UnitFeatures], window: range, lexicon: Lexicon, header: Header
) -> int | None:
    """Of several byline lines in the header window, the one closest to the title (or the body start):
    a 'Contributors' box or a related-article byline stands farther away."""
    anchor = header.title_unit if header.title_unit is not None and header.title_unit in window else header.body_start
    found = [
        i
        for i in window
        if i not in header.labels
        and features[i].words <= META_MAX_WORDS * 2
        and byline_at(units, i, lexicon, header, features[i].key)
    ]
    return min(found, key=lambda i: (abs(i - anchor), i)) if found else None


# The first words of a line, through the start of the word after them.
_LEAD_WORDS = 8
_PAST_LEAD_WORDS = lazy_compile(rf"\s*(?:\S+\s+){{{_LEAD_WORDS}}}(?=\S)")


def _short_lead(text: str) -> str | None:
    """A long line's first glued piece (the text before its first gap) when it has at most _LEAD_WORDS
    words, else None. The gap is looked for only among the first words: a paragraph of a thousand
    characters is not scanned to its end for a gap that would leave a lead too long anyway."""
    past = _PAST_LEAD_WORDS.match(text)
    gap = _GLUED_GAP.search(text, 0, past.end()) if past is not None else _GLUED_GAP.search(text)
    if gap is None:
        # No gap before the next word: the lead has more than _LEAD_WORDS words (or is the whole line).
        return None if past is not None else text
    return text[: gap.start()]


def find_byline_anywhere(units: list[Unit], features: list[UnitFeatures], lexicon: Lexicon, header: Header) -> None:
    """A whole line 'By Jane Doe' is a byline wherever it stands (some themes put it at the end);
    the one nearest the body start wins."""
    opens_byline = _byline_opening_match(lexicon)
    # The lines that may hold a byline, found in one walk in page order (a metadata-length line by its
    # record's key), then tried nearest first. A byline starts with a byline word ("By", glued "ByJane"),
    # or is a short label (at most BYLINE_LABEL_MAX_WORDS words) ending in one.
    candidates = []
    for index, record in enumerate(features):
        if record.words <= META_MAX_WORDS and record.key:
            if opens_byline(record.key):
                candidates.append(index)
            continue
        # A long line has no key (records keep keys for label-length lines): its first glued piece's,
        # unless that piece has more than _LEAD_WORDS words.
        long_line = record.words > META_MAX_WORDS
        lead = _short_lead(units[index].text) if long_line else _GLUED_GAP.split(units[index].text, 1)[0]
        if lead is not None and opens_byline(record.key or line_key(lead)):
            candidates.append(index)
    for index in nearest_first(candidates, header.body_start):
        if index in header.labels:
            continue
        byline = byline_at(units, index, lexicon, header, features[index].key)
        if byline:
            header.authors = byline[0]
            # A long glued line carries the article's text after the byline: it stays in the body.
            for taken in byline[1] if features[index].words <= META_MAX_WORDS * 2 else []:
                header.label(taken, "byline", "byline-prefix")
            return


@lru_cache(maxsize=32)
def _byline_opening_match(lexicon: Lexicon) -> Callable[[str], re.Match[str] | None]:
    """Matches a line key (words split by single spaces, line_key) that starts with a first word of the byline
    phrases (glued "byjane" too), or is a label of at most BYLINE_LABEL_MAX_WORDS words whose last word, colons
    aside, is a first or last word of a byline phrase ("article written by:").

    One match per key, in C: the scan reads every line of the page, and a Python test per key (a call, a
    count of spaces, a partition, a strip, a set lookup) cost most of this fallback. A phrase word that ends
    in a colon is left out of the labels: a last word with its colons stripped never equals it."""
    openers, closers = _byline_word_sets(lexicon)
    # Already a trie of the first words ('b(?:ei|y)|v(?:an|on)|...'), matched at the key's start.
    starts = lexicon.phrases("byline-prefix").first_words_search.pattern
    labels = sorted({word for word in openers + closers if not word.endswith(":")}, key=lambda word: (-len(word), word))
    if not labels:
        return re.compile(starts).match
    # Up to BYLINE_LABEL_MAX_WORDS - 1 words and their spaces, taken once (the lookahead and its backreference
    # hold them as a possessive quantifier would, which Python 3.10 lacks: a key of more words fails at once
    # instead of the label words being tried after every word), then the last word and its colons to the end.
    words = "|".join(map(re.escape, labels))
    label = rf"(?=(?P<lead>(?:[^ ]* ){{0,{BYLINE_LABEL_MAX_WORDS - 1}}}))(?P=lead)(?:{words}):*\Z"
    return re.compile(rf"(?:{starts})|{label}").match


def find_dated_byline_anywhere(units: list[Unit], features: RecordTable, lexicon: Lexicon, header: Header) -> None:
    """A date line with a byline word inside ('6. Dezember 2022 von Fatima in Gefühle', 'Posted on
    December 20, 2025 by Jean-Luc Aufranc') names the author wherever it stands: themes print it above
    the title, below the body, or in a header the main-text region left out. The one nearest the body
    start wins."""
    has_word = _inner_byline_word_test(lexicon)
    # The short lines with a byline word, found in page order from the records' keys, then read nearest first;
    # only those with two digits in a row (two_digit_lines), which a line needs to hold a date.
    candidates = []
    for index in features.two_digit_lines():
        record = features[index]
        if record.words <= META_MAX_WORDS * 2 and not record.boilerplate and has_word(record.key):
            candidates.append(index)
    for index in nearest_first(candidates, header.body_start):
        if index in header.labels and header.labels[index][0] not in ("date", "removed"):
            continue
        if not features.dates(index):
            continue
        text = units[index].text
        names = plausible_names(names_in_date_line(text, lexicon, features.language), header)
        glued = names == [name_glued_onto_date(text, features.language)]
        rule = "dated-byline-glued-name" if glued else "dated-byline"
        if names:
            header.authors = names
            if index not in header.labels:
                header.label(index, "byline", rule)
            return


@lru_cache(maxsize=32)
def _inner_byline_words(lexicon: Lexicon) -> frozenset[str]:
    """Every word of the byline phrases, in the form line keys write them: a cheap filter."""
    return frozenset(word for phrase in lexicon.phrases("byline-prefix").exact for word in phrase.split())


@lru_cache(maxsize=32)
def _inner_byline_word_test(lexicon: Lexicon) -> Callable[[str], bool]:
    """Whether a line key holds a word of the byline phrases (_inner_byline_words) as a whole word, colons
    after it aside: a label keeps its colon in the key ('Veröffentlicht: 05.01.2020 | Autor: gnaddrig').

    The page's keys are tested as split, in one set test, and only a key with a colon has its words
    stripped: a phrase word that ends in a colon is left out of the set, since a key word with its colons
    stripped never equals it, and a key word found in the set as it stands then ends in no colon."""
    words = frozenset(word for word in _inner_byline_words(lexicon) if not word.endswith(":"))

    def holds(key: str) -> bool:
        if ":" not in key:
            return not words.isdisjoint(key.split())
        return not words.isdisjoint(word.rstrip(":") for word in key.split())

    return holds


# A Markdown link's text and target: '[Jane Doe](/author/jane-doe "Posts by Jane Doe")' (not an image's).
_MARKDOWN_LINK = lazy_compile(r"(?<!!)\[([^\[\]\n]{2,80})\]\(\s*([^()\s]+)")
# A target's scheme and host: the words that lead to an author's page are in its path and query.
_URL_HOST = lazy_compile(r"^[a-z][a-z0-9+.-]*://[^/?#]*", re.IGNORECASE)
_PATH_WORD = lazy_compile(r"[^\W\d_]+")
# An author link is read only on a short line: a byline or a line of author links, not a paragraph.
AUTHOR_LINK_MAX_WORDS = META_MAX_WORDS * 2


def find_author_link(units: list[Unit], features: list[UnitFeatures], lexicon: Lexicon, header: Header) -> None:
    """A Markdown link to an author's page ('[Jane Doe](/author/jane-doe)', '[piizog](/members/piizog.77075/)')
    names the author: the theme links the byline to the writer's archive. The line nearest the title wins;
    every author link on it is an author."""
    path_words = lexicon.phrases("author-path").exact
    if not path_words:
        return
    anchor = header.title_unit if header.title_unit is not None else header.body_start
    # A link's target is part of its source line, and an author slug follows a word of `author-path` in it:
    # the short lines whose joined source lines hold a link and such a word anywhere (casefolded as the
    # targets are) are found in page order, then read nearest the anchor first. (Joined by a character that
    # is neither ']' nor '(': a '](' in the joined lines lies within one.)
    has_path_word = lexicon.phrases("author-path").first_words_search.search
    candidates = [
        index
        for index, (unit, record) in enumerate(zip(units, features, strict=True))
        if record.words <= AUTHOR_LINK_MAX_WORDS
        and "](" in (joined := "\n".join(unit.raw))
        and has_path_word(joined.casefold())
    ]
    for index in nearest_first(candidates, anchor):
        unit = units[index]
        if header.labels.get(index, ("", ""))[0] in ("title", "breadcrumb", "category", "tag"):
            continue
        names: list[str] = []
        for raw in unit.raw:
            for match in _MARKDOWN_LINK.finditer(raw):
                path = _URL_HOST.sub("", match.group(2)).casefold()
                slug = _author_slug(path, path_words)
                if slug is None or _ends_with_other_byline(raw[: match.start()], lexicon):
                    continue
                for name in _link_names(match.group(1), lexicon):
                    # A slug spelling the name out vouches for it ('Our Editors' at '/author/our-editors');
                    # under an id the name must not be a phrase of the page's own words.
                    agrees = slug_agrees(slug, name)
                    if name in names or not (agrees == SLUG_SPELLS or plausible_names([name], header)):
                        continue
                    # A slug of other words may be the writer's handle ('/author/ruhe/' under 'Helmut Rubik'):
                    # then the text must be a person's full name, not a button ('Start Shopping Now').
                    if agrees or (" " in name and _is_proper_name(name, header, lexicon.languages[0])):
                        names.append(name)
        if names and len(names) <= MAX_LINKED_AUTHORS:
            header.authors = names
            if index not in header.labels:
                header.label(index, "byline", "author-link")
            return


# More linked names than this on one line is a list of writers (a team page, a menu), not a byline.
MAX_LINKED_AUTHORS = 4


def _ends_with_other_byline(text: str, lexicon: Lexicon) -> bool:
    """'last post by [ggery](/members/ggery.97/)', 'Kommentar von [Jane](/author/jane)': the link names a
    poster or commenter, not the writer (`other-byline`)."""
    words = line_key(text[-40:]).split()
    others = lexicon.phrases("other-byline").exact
    return any(" ".join(words[-k:]) in others for k in (2, 3) if len(words) >= k)


def _author_slug(path: str, path_words: frozenset[str]) -> str | None:
    """'/author/jane-doe' -> 'jane-doe', '/members/piizog.77075/' -> 'piizog.77075', '?author=14' -> '14':
    the segment after an author word, the writer's own slug or number; None when the path has no author
    word or nothing after it ('/users' or '/people' alone is the site's directory)."""
    match = next((m for m in _PATH_SEGMENT.finditer(path) if m.group(1) in path_words), None)
    if match is None:
        return None
    slug = _SLUG_SEGMENT.search(path[match.end() :])
    return slug.group(0) if slug else None


# An author word is a whole segment of the path or a query key: '/author/', '?author='; not a word inside
# another slug ('/category/mtb-news-user-award/').
_PATH_SEGMENT = lazy_compile(r"(?<![^/?&;])([^\W\d_]+)(?=[/=])")
# The first segment after the author word: '/jane-doe/', '=14', '/41/aaronut' -> '41'.
_SLUG_SEGMENT = lazy_compile(r"[^/?#&=]*[^\W_][^/?#&=]*")
# A slug token this long with a letter is a word of the slug (a name, 'sign-in', 'home'); a shorter one
# is an id or the writer's initials ('14', 'sk' for Sadhbh Kelly).
SLUG_WORD_MIN = 4


# slug_agrees: the slug spells the name out, or is only an id or initials (truthy both).
SLUG_SPELLS = 2
SLUG_ID = 1


def slug_agrees(slug: str, name: str) -> int:
    """The link's author slug names the same writer as its text: 'jane-doe' for 'Jane Doe', 'heinzst'
    for 'Heinz Steiner', a number or initials for anyone. A slug of other words ('/user/sign-in' under
    'Start Shopping Now', '/members/home' under 'Premium Dashboard', another user's page) is a menu or
    account link, not the byline (rule `author-link`)."""
    words = [w for w in re.findall(r"[^\W_]+", _ascii_fold(slug)) if len(w) >= SLUG_WORD_MIN and not w.isdigit()]
    if not words:
        return SLUG_ID
    name_words = [w for w in re.findall(r"[^\W_]+", _ascii_fold(name)) if len(w) >= 3]
    joined_name = "".join(name_words)
    return SLUG_SPELLS if any(w in word or word in joined_name for w in name_words for word in words) else 0


def _ascii_fold(text: str) -> str:
    """'Pönisch' -> 'ponisch': slugs drop accents."""
    return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()


def _link_names(text: str, lexicon: Lexicon) -> list[str]:
    """The author names an author link's text gives: 'Jane Doe', 'By Jane Doe', 'piizog'; not a label
    such as 'View all posts' or 'Alle Artikel'."""
    text = strip_emphasis(text).strip(NAME_EDGE + " ")
    if not text or is_ui_phrase(text, lexicon) or is_label_text(text, lexicon):
        return []
    found = byline_names(text, lexicon)
    return found if found is not None else split_names(text, lexicon, loose=True)


def nearest_first(indexes: Iterable[int], start: int) -> list[int]:
    """Unit indexes by their distance from `start` (the nearer first, the earlier on a tie). The finders
    filter the page's units by a cheap test first and sort only those. (A start outside the page orders
    them as the page's nearest edge would.)"""
    return sorted(indexes, key=lambda i: (abs(i - start), i))


@lru_cache(maxsize=32)
def _byline_word_sets(lexicon: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """First and last words of the byline phrases: a cheap filter before the full test."""
    phrases = [phrase.split() for phrase in lexicon.phrases("byline-prefix").exact if phrase]
    return tuple(sorted({p[0] for p in phrases})), tuple(sorted({p[-1] for p in phrases}))


def byline_at(
    units: list[Unit], index: int, lexicon: Lexicon, header: Header, key: str = ""
) -> tuple[list[str], list[int]] | None:
    """Author names a byline at `index` gives, and the units it spans.

    'By Jane Doe' on one line, or a label alone ('By', 'Written by:', 'Authors of this article:')
    with the names on the next line; a lone noun label ('Author', 'Autor') may also follow the name
    ('Jane Doe' / 'Author', as author boxes print it). `key` is the unit's line key when the caller has it
    (its record's; "" to have it computed here).
    """
    if index not in header.bylines:
        if not may_hold_byline(key or line_key(units[index].text), lexicon):
            header.bylines[index] = None
            return None
        found = _raw_byline_at(units, index, lexicon)
        # (The page's menu facets are looked for only once a line reads as a byline: most pages never need them.)
        if found and index in menu_facets(units, lexicon, header):
            found = None
        names = plausible_names(found[0], header) if found else []
        header.bylines[index] = (names, found[1]) if found and names else None
    return header.bylines[index]


def may_hold_byline(key: str, lexicon: Lexicon) -> bool:
    """False when the line with this key (records.lexicon.line_key of the unit's text) cannot be a byline
    for _raw_byline_at, which then needs not run: most header lines are passed over by two string tests.

    _raw_byline_at finds names only where its text opens with a byline phrase (byline_names: the first
    word of the key of the line's first part starts with the phrase's first word), or ends with one (a
    label: the key's last words are the phrase). Its text is the unit's with emphasis and leading marks
    removed and a space put in before glued labels: edits at non-alphanumeric characters, or splits of
    a word; so the first word it reads starts the unit's key, and the last word it reads ends it."""
    # (The phrases' first words in one scan, as key.startswith(openers).)
    if lexicon.phrases("byline-prefix").first_words_search.match(key):
        return True
    return key.endswith(_byline_word_sets(lexicon)[1])


# Rule `menu-facet-not-byline`: a menu that sorts by facet ('SolutionsBy RoleRemote Work…By IndustryHealthcare…
# By Use Case' in a glued dump, cut into 'By Role' / 'By Industry' / 'By Use Case') writes a byline word before
# a capitalised word, several times with different words, close together. A page's byline is one; posts'
# bylines stand a post apart. Two or more one-word facets near each other make the menu; a two-word entry
# beside them that menu entries follow ('By Use Case' / 'Remote Desktop') is one of its facets too.
# How near (in units) the facets of one menu stand: each facet is followed by its own entries (up to 19 seen
# between two facets of one glued menu), where the bylines of a thread's posts stand a whole post apart.
MENU_FACET_WINDOW_UNITS = 24


def menu_facets(units: list[Unit], lexicon: Lexicon, header: Header) -> frozenset[int]:
    """The units of the page (`units`) that are a facet menu's 'By <Word>' entries, found once per page."""
    if header.facets is None:
        words = _one_word_byline_words(lexicon)
        single: list[int] = []
        double: list[int] = []
        for index, unit in enumerate(units):
            # (Split no further than one past three words: a long unit is not split to its end.)
            parts = unit.text.split(None, 3)
            if (
                2 <= len(parts) <= 3
                and parts[0].casefold() in words
                and all(part[:1].isupper() and part.isalpha() for part in parts[1:])
            ):
                (single if len(parts) == 2 else double).append(index)
        # The candidates are in page order: those within the window of each are a slice (at most 2 * window + 1).
        core = [
            index
            for index in single
            if any(
                units[other].text != units[index].text
                for other in single[
                    bisect_left(single, index - MENU_FACET_WINDOW_UNITS) : bisect_right(
                        single, index + MENU_FACET_WINDOW_UNITS
                    )
                ]
            )
        ]
        # A two-word entry near them is a facet when menu entries follow it ('By Use Case' / 'Remote Desktop');
        # a byline ('By Trevor Jackins') is followed by its date or the text.
        near = [
            index
            for index in double
            if bisect_right(core, index + MENU_FACET_WINDOW_UNITS) > bisect_left(core, index - MENU_FACET_WINDOW_UNITS)
            and _menu_entry_after(units, index)
        ]
        header.facets = frozenset(core + near)
    return header.facets


# A menu entry: a few words, no digit (a date line has them).
MENU_ENTRY_MAX_WORDS = 4


def _menu_entry_after(units: list[Unit], index: int) -> bool:
    """The unit after `index` is a menu entry: a few words with no digit."""
    if index + 1 >= len(units):
        return False
    text = units[index + 1].text
    return len(text.split()) <= MENU_ENTRY_MAX_WORDS and not any(char.isdigit() for char in text)


@lru_cache(maxsize=32)
def _one_word_byline_words(lexicon: Lexicon) -> frozenset[str]:
    """'by', 'von', 'par': the byline phrases of one word."""
    return frozenset(p for p in lexicon.phrases("byline-prefix").exact if " " not in p)


def _raw_byline_at(units: list[Unit], index: int, lexicon: Lexicon) -> tuple[list[str], list[int]] | None:
    # '— by Jane Doe', '• words written by Jane Doe': a separator or bullet before the byline word.
    text = unglue_labels(strip_emphasis(units[index].text), lexicon).lstrip(_LEADING_MARKS)
    names = byline_names(text, lexicon)
    if names:
        return names, [index]
    desk = _desk_under_label(units[index], lexicon) if names is not None else ""
    if desk:
        return [desk], [index]
    handle = _lone_handle(text, lexicon) if names is not None else None
    if handle and not _in_prose(handle, units):
        return [handle], [index]
    # More words than a label has (split no further than one past the limit).
    if len(text.split(None, BYLINE_LABEL_MAX_WORDS)) > BYLINE_LABEL_MAX_WORDS:
        return None
    key = line_key(text)
    label_words = key.split()
    prefixes = lexicon.phrases("byline-prefix").exact
    starts = [i for i in range(len(label_words)) if " ".join(label_words[i:]) in prefixes]
    if not starts:
        return None
    # 'Sort by' / 'Featured', 'Docs Contributors' / 'Acknowledgements', 'Increase Text': a menu or sort
    # label that merely ends with a one-word byline word. Words before a lone byline word make a label
    # only with a colon ('Visualizations by:') or as an author-box heading ('About the author').
    if lexicon.boilerplate_category(key):
        return None
    if (
        starts[0] > 0
        and len(label_words) - starts[0] == 1
        and not text.rstrip().endswith(":")
        and not lexicon.phrases("author-box").matches_whole(key)
    ):
        return None
    following = split_names(units[index + 1].text, lexicon) if index + 1 < len(units) else []
    if following:
        return following, [index, index + 1]
    # 'by' / 'mady', 'Artikel von:' / 'hausinfo': a user name alone on the line below the label.
    handle = units[index + 1].text.strip(NAME_EDGE) if index + 1 < len(units) and starts[0] == 0 else ""
    if handle and " " not in handle and _is_handle(handle, lexicon) and not _in_prose(handle, units):
        return [handle], [index, index + 1]
    # 'By' / 'Staff and news service reports', 'Written by' / 'Ask the Doctors': under a line that is only
    # the byline label, a short line that is no name by its case is a desk or a team, as it stands (a
    # role in brackets after it cut: 'Brit Weirich (Medizinredakteurin)').
    desk = _desk_name(handle, lexicon) if starts[0] == 0 else ""
    if desk:
        return [desk], [index, index + 1]
    if starts[0] == 0 and index + 1 < len(units):
        # 'Written by' / 'Adrien Ramirez, 4+ years covering computer hardware': the label and the line below
        # read as one byline line, as a dump that keeps them on one line gives them (the name, its
        # description cut). After the desk test: 'Jane Doe | The Newsroom' as written stays one author.
        joined = byline_names(f"{text.rstrip()} {units[index + 1].text.strip()}", lexicon)
        if joined:
            return joined, [index, index + 1]
    if len(label_words) == 1 and len(key) >= 5 and key in prefixes and index > 0:
        before = units[index - 1].text.strip(NAME_EDGE)
        if len(before.split()) >= 2 and not before.endswith(":"):
            previous = split_names(before, lexicon)
            if len(previous) == 1:
                return previous, [index - 1, index]
    return None


# A desk or team under a byline label: 'Ask the Doctors', 'Staff and news service reports' (a sentence or
# a teaser is longer).
DESK_MAX_WORDS = 6


def _desk_name(line: str, lexicon: Lexicon) -> str:
    """The desk or team a line under a byline label names, a role in brackets and a trailing date joiner cut
    ('Brit Weirich (Medizinredakteurin)' -> 'Brit Weirich'); "" when the line is no desk line."""
    desk = trim_date_joiners(_TRAILING_ALIAS.sub("", line), lexicon.languages)
    return desk if _is_desk_line(desk, lexicon) else ""


def _is_desk_line(text: str, lexicon: Lexicon) -> bool:
    """A short capitalised line without digits or sentence punctuation that no label or menu test takes
    (rule `byline-prefix`, the names under the label)."""
    words = text.split()
    if not 2 <= len(words) <= DESK_MAX_WORDS or not text[:1].isupper() or text[-1] in ".:!?":
        return False
    if any(char.isdigit() for char in text) or is_label_text(text, lexicon):
        return False
    return not is_ui_phrase(text, lexicon)


def _desk_under_label(unit: Unit, lexicon: Lexicon) -> str:
    """The same desk line when the scraper joined it to the label's line ('By' + 'Ask the Doctors'): the
    label alone on the unit's first source line."""
    if len(unit.raw) != 2 or line_key(unit.raw[0]) not in lexicon.phrases("byline-prefix").exact:
        return ""
    return _desk_name(strip_emphasis(unit.raw[1]).strip(NAME_EDGE), lexicon)


def _lone_handle(text: str, lexicon: Lexicon) -> str | None:
    """'by ibby', 'von eseppelt': a byline word and one lowercase user name, the whole line."""
    words = text.split()
    if len(words) < 2:
        return None
    prefix = lexicon.phrases("byline-prefix").leading_phrase(line_key(" ".join(words[:-1])))
    if prefix is None or len(prefix.split()) != len(words) - 1:
        return None
    handle = words[-1].strip(NAME_EDGE)
    return handle if _is_handle(handle, lexicon) else None


def _is_handle(word: str, lexicon: Lexicon) -> bool:
    """A user name: letters first, no function word, label or theme word."""
    if not HANDLE.match(word) or not word[:1].isalpha():
        return False
    key = word.casefold()
    if any(key in stopwords(language) for language in lexicon.languages) or is_label_text(word, lexicon):
        return False
    return not lexicon.boilerplate_category(line_key(word))


# A line this long is prose: a user name that also stands in prose is a word ('Browse by industry').
PROSE_MIN_WORDS = 10


def _in_prose(word: str, units: list[Unit]) -> bool:
    key = word.casefold()
    return any(
        len(words) >= PROSE_MIN_WORDS and key in (w.strip(".,;:!?()\"'").casefold() for w in words)
        for words in (unit.text.split() for unit in units)
    )


# --- names on date lines ----------------------------------------------------------------------


def names_in_date_line(text: str, lexicon: Lexicon, language: str | None) -> list[str]:
    """Author names on a date line: after a byline word anywhere ('May 5, 2024 by Jane Doe'), or a lone
    name leading or closing it ('Jane Doe · March 25, 2025', '25.10.2022 - Reiner Nagel')."""
    # Icon fonts and unpaired emphasis leave '__' / '**' between the fields: they separate like '|'.
    text = strip_emphasis(_LONE_MARKS.sub(" | ", text))
    found = dates.find_dates(text, language)
    if not found:
        return []
    inside = byline_inside(text, lexicon)
    if inside:
        # Rule `dated-byline-glued-name`: a name glued onto the date is the line's author, not the one the
        # byline word introduced in the text before it ('Die Autorin Nora Bossong im Gespräch … Nicole
        # Collignon22. Februar 2020').
        glued = name_glued_onto_date(text, language)
        return [glued] if glued and glued not in inside else inside
    head = text[: found[0].start]
    lead = clean_name(head.strip(NAME_EDGE), lexicon).strip(NAME_EDGE)
    lead = trim_date_joiners(_TRAILING_ALIAS.sub("", lead), lexicon.languages)
    tail_fields = LIST_SEPARATORS.split(text[found[-1].end :].strip(NAME_EDGE))
    tail = tail_fields[0]
    if _opens_tag_list(tail_fields[1:]):
        # '6. November 2023 Octavius Hallenstein Azad, Bushido, finished': the post's tags follow the name
        # with no mark between (each a link of its own on the page): the name's last word is the first tag.
        tail = tail.rsplit(None, 1)[0] if len(tail.split()) > 1 else ""
    trail = cut_category(clean_name(tail.strip(NAME_EDGE), lexicon).strip(NAME_EDGE))
    for piece in (lead, trail):
        if _is_name_piece(piece, lexicon, language):
            return [piece]
    # 'Date | 13:10 Uhr | Jane Doe', 'Date • Section • Jane Doe': the fields between separators, the last
    # one that is a name (a section label comes first on such lines).
    pieces = [cut_category(clean_name(p.strip(NAME_EDGE), lexicon)) for p in _FIELD_SEPARATORS.split(text)]
    named = [p for p in pieces if _is_plain_field(p) and _is_name_piece(p, lexicon, language)]
    if named:
        return [named[-1]]
    # 'raoul (raoul) May 3, 2024, 8:45am', 'Redaktion 1. November 2023': a forum or blog post header
    # opens with the poster's one-word name; 'Berlin, 3. Mai 2022' (a comma) is a dateline instead.
    # The fields may stand apart by a separator as well as by a line break ('Paddy · April 19, 2019 · Mac ·
    # 7 comments', the same fields a line each in another rendering of the page).
    poster = _TRAILING_ALIAS.sub("", head.strip().rstrip(_FIELD_MARKS).rstrip())
    # A plain word needs the post's clock time as well ('Redaktion 1. November 2023 10:29'): a section
    # label or a dateline city can stand before a bare date too ('Nachricht 12.03.2020').
    timed = bool(MARKED_HANDLE.match(poster) or _CLOCK_TIME.search(text[found[0].end :]))
    timed = timed or _ends_with_comment_count(text[found[-1].end :], lexicon)
    if poster and " " not in poster and timed and _is_lone_poster(poster, lexicon, language):
        return [poster]
    # '5 Min. 1. November 2023 Cortyn 1 Kommentar': the poster after the date, the comment counter after it
    # (where a dump that gives each field a line shows 'Cortyn' alone beside the date).
    after = text[found[-1].end :].split(None, 1)
    if len(after) == 2 and _opens_comment_count(after[1], lexicon):
        name = after[0].strip(NAME_EDGE)
        if " " not in name and _is_lone_poster(name, lexicon, language):
            return [name]
    return []


# The fields of a date line: 'Date | 13:10 Uhr | Jane Doe', 'Date • Section • Jane Doe'.
_FIELD_SEPARATORS = lazy_compile(r"\s+[|•·∙/–—]\s+|\s{3,}")
# The marks a post header sets between its fields (a "|" or a dash opens a section label or a dateline
# as often: "Sport | April 19, 2019", "Berlin – 3. Mai 2022").
_FIELD_MARKS = "•·∙"


# A domain ('ACHGUT.COM') in a field: the site's name, not a person's.
_DOMAIN = lazy_compile(r"\w\.\w{2,}")


# A tag list after a date line's name: this many one-word fields after the first comma.
TAG_LIST_MIN_FIELDS = 2
# A tag is a word of this many letters or more, not in capitals: 'MD', 'PhD', 'RN' after a name are its
# credentials ('Jane Doe, MD, PhD').
TAG_MIN_CHARS = 4


def _opens_tag_list(fields: list[str]) -> bool:
    """'Bushido, finished, Seitenhieb': the fields after the first comma are single words, a tag list."""
    tags = fields[:TAG_LIST_MIN_FIELDS]
    return len(tags) == TAG_LIST_MIN_FIELDS and all(
        " " not in tag and tag.isalpha() and len(tag) >= TAG_MIN_CHARS and not tag.isupper() for tag in tags
    )


# A comment counter is a number and a word or two ('1 Kommentar', '12 comments', '3 Kommentare bisher').
COMMENT_COUNT_MAX_WORDS = 3


def _opens_comment_count(rest: str, lexicon: Lexicon) -> bool:
    """'1 Kommentar Lesezeichen': the text opens with the post's comment counter (the comments data)."""
    words = line_key(rest).split()
    if not words or not words[0].isdigit():
        return False
    comments = lexicon.phrases("comments")
    return any(
        comments.matches_whole(" ".join(words[:n])) for n in range(2, min(len(words), COMMENT_COUNT_MAX_WORDS) + 1)
    )


def _ends_with_comment_count(rest: str, lexicon: Lexicon) -> bool:
    """'Susan December 9, 2024 0 Comments': the post's comment counter after the date marks a post header
    as a clock time does (the comments data, '# comments'); the counter may be the last of the fields
    after the date ('Paddy · April 19, 2019 · Mac · 7 comments')."""
    comments = lexicon.phrases("comments")
    key = line_key(rest)
    if not key:
        return False
    if comments.matches_whole(key):
        return True
    last = line_key(_FIELD_SEPARATORS.split(rest)[-1])
    return bool(last) and last != key and comments.matches_whole(last)


def _is_plain_field(piece: str) -> bool:
    """No digits, no domain, not a slogan in capitals ('DIE ACHSE DES GUTEN')."""
    if any(char.isdigit() for char in piece) or _DOMAIN.search(piece):
        return False
    return not (piece.isupper() and len(piece.split()) > 3)


def _is_name_piece(piece: str, lexicon: Lexicon, language: str | None) -> bool:
    return (
        len(piece.split()) >= 2
        and looks_like_name(piece)
        and not is_label_text(piece, lexicon)
        and not _has_function_word(piece, language)
        and not is_ui_phrase(piece, lexicon)
    )


_CLOCK_TIME = lazy_compile(r"(?<!\d)\d\d?[:.h]\d\d(?!\d)")
_LONE_MARKS = lazy_compile(r"(?:^|\s)[*_]+(?=\s|$)")
# A display name repeated in brackets after the user name: 'amondale (Amondale)'.
_TRAILING_ALIAS = lazy_compile(r"\s*\([^()]*\)$")


def _is_lone_poster(word: str, lexicon: Lexicon, language: str | None) -> bool:
    """One word that can be a poster's name: a capitalised word or a user handle, not a label, weekday
    or function word."""
    if len(word) < 3 or word.isupper() or not word[-1].isalnum() or not (looks_like_name(word) or HANDLE.match(word)):
        return False
    key = word.casefold()
    if key in stopwords(language) or key in stopwords("en") or dates.is_weekday(word, lexicon.languages):
        return False
    return not is_label_text(word, lexicon) and not lexicon.boilerplate_category(line_key(word))


# --- authors without a byline word ------------------------------------------------------------


def find_name_beside_date(
    units: list[Unit],
    features: list[UnitFeatures],
    window: range,
    header: Header,
    lexicon: Lexicon,
    language: str | None,
) -> None:
    """A lone name right above or below the date line ("Jane Doe" / "October 11, 2024") is the author."""
    date_lines = [i for i in window if header.labels.get(i, ("", ""))[0] == "date"]
    for date_index in date_lines:
        for step in (-1, 1):
            index = beside(units, date_index, step)
            name = _lone_name_at(units, features, index, header, lexicon, language) if index is not None else None
            if name and index is not None and not doubtful_name_beside_date(name, header):
                header.authors = [name]
                header.label(index, "byline", "name-beside-date")
                return


def doubtful_name_beside_date(name: str, header: Header) -> bool:
    """A lone line beside the date that is a section or teaser label rather than a person ('Get Started',
    'ML Tools', 'Evidence Based', 'Faire Lieferketten' under a title on supply chains): a word after the
    first is one the page writes in lowercase (a surname seldom is), or a word of the title (a writer's
    name is seldom in the headline)."""
    words = [word.strip(".,'’") for word in name.split()]
    if any(word.casefold() in header.common_words for word in words[1:] if not word.isupper()):
        return True
    title = {word.strip(".,:;!?'’\"()").casefold() for word in (header.title or "").split()}
    return any(len(word) > 3 and word.casefold() in title for word in words)


def find_name_beside_any_date(
    units: list[Unit], features: RecordTable, header: Header, lexicon: Lexicon, language: str | None
) -> None:
    """The same as find_name_beside_date for a date line anywhere on the page ('Thomas Hanke' / '27.04.2020
    - 18:50 Uhr' where the region or the title was found elsewhere); the one nearest the body start wins."""
    found: list[tuple[int, str]] = []
    # The short lines with two digits in a row (a date has them: two_digit_lines), in page order.
    dated = [index for index in features.two_digit_lines() if features[index].words <= META_MAX_WORDS]
    for date_index in dated:
        if header.labels.get(date_index, ("date", ""))[0] != "date" or not features.dates(date_index):
            continue
        # 'answered May 2, 2009' / 'Kevin Dente', 'edited Oct 16' / 'Greg Askew': an answer's or an edit's
        # date names someone else's post.
        # The label may stand on the line above ('answered' / 'May 2, 2009 at 0:09').
        key = line_key(label_above(units, date_index, lexicon)) + " " + features[date_index].key
        if lexicon.phrases("other-byline").leading_phrase(key.strip()):
            continue
        labelled = bool(lexicon.phrases("published-prefix").leading_phrase(key.strip()))
        for step in (-1, 1):
            index = beside(units, date_index, step)
            if labelled and step == 1 and index is not None and _posted_handle(units, index, header, lexicon):
                # 'asked May 2, 2009' / 'jldugger': the poster's user name under a labelled post date.
                found.append((index, units[index].text.strip(NAME_EDGE)))
                break
            name = _lone_name_at(units, features, index, header, lexicon, language) if index is not None else None
            # Far from the header, the stricter test: two or more capitalised words the page never
            # writes in lowercase ('Weitere News', 'Senior Member' are labels; a handle may be a widget's).
            if (
                name
                and index is not None
                and " " in name
                and _is_proper_name(name, header, language)
                and not is_role(name, lexicon)
            ):
                found.append((index, name))
                break
    if not found:
        return
    # Several name-and-date pairs are the posts of a thread (or teasers): the first post's is the author's.
    start = header.title_unit if header.title_unit is not None else 0
    later = [item for item in found if item[0] >= start]
    if len(found) > 1 and later:
        index, name = later[0]
    else:
        index, name = min(found, key=lambda item: (abs(item[0] - header.body_start), item[0]))
    header.authors = [name]
    header.label(index, "byline", "name-beside-date")


def _posted_handle(units: list[Unit], index: int, header: Header, lexicon: Lexicon) -> bool:
    text = units[index].text.strip(NAME_EDGE)
    if index in header.labels or " " in text or not _is_handle(text, lexicon):
        return False
    return not _in_prose(text, units)


def beside(units: list[Unit], index: int, step: int) -> int | None:
    """The unit next to `index` in direction `step`; 'Jane Doe' / '|' / 'October 11, 2024': a separator or
    icon line between is skipped."""
    index += step
    if 0 <= index < len(units) and not any(char.isalnum() for char in units[index].text):
        index += step
    return index if 0 <= index < len(units) else None


def _lone_name_at(
    units: list[Unit], features: list[UnitFeatures], index: int, header: Header, lexicon: Lexicon, language: str | None
) -> str | None:
    """The line at `index` when it is only a name (2+ words, or a user handle) that no label or heading
    test takes for something else."""
    if index in header.labels:
        return None
    raw = units[index].text.strip()
    text = raw.strip(NAME_EDGE)
    if features[index].boilerplate or text == header.title or raw.endswith(":"):
        return None
    if len(text.split()) < 2 and not _USER_HANDLE.match(text):
        return None
    if (
        looks_like_name(text)
        and not _is_common_phrase(text, header)
        and not _opens_with_common_word(text, header)
        # 'CLICK HERE FOR CATALOG': a call to action in capitals, longer than a name in capitals.
        and not (text.isupper() and len(text.split()) > 3)
        # 'Example H2', 'Top 10 Picks': a person's name has no digits (a one-word handle may).
        and (" " not in text or not any(char.isdigit() for char in text))
        and not _has_function_word(text, language)
        and not is_ui_phrase(text, lexicon)
        # 'National Biotech Reporter', 'Senior Editor': the writer's role, printed beside the date as the
        # name is (the name may be taken for the headline on a page without heading marks).
        and not is_role(text, lexicon)
    ):
        return text
    return None


# A one-word name beside the date must also stand this close below the title ('Title' / 'Newsdesk' / 'Dec 19').
LONE_NAME_TITLE_DISTANCE = 3


def find_word_beside_date(
    units: list[Unit],
    features: list[UnitFeatures],
    window: range,
    header: Header,
    lexicon: Lexicon,
    language: str | None,
) -> None:
    """The last resort: one word alone between the title and the date line ('Title' / 'Newsdesk' /
    'Dec 19, 2025'), a first name, a desk or a poster's handle."""
    for date_index in (i for i in window if header.labels.get(i, ("", ""))[0] == "date"):
        for step in (-1, 1):
            index = date_index + step
            if 0 <= index < len(units) and not units[index].text.strip(NAME_EDGE):
                index += step
            if index < 0 or index >= len(units) or index in header.labels or features[index].boilerplate:
                continue
            raw = units[index].text.strip()
            text = strip_emphasis(raw).strip(NAME_EDGE)
            if " " in text or raw.endswith(":") or text == header.title:
                continue
            if _is_lone_name_by_title(text, index, header, lexicon, language):
                header.authors = [text]
                header.label(index, "byline", "word-beside-date")
                return


def _is_lone_name_by_title(text: str, index: int, header: Header, lexicon: Lexicon, language: str | None) -> bool:
    """'Newsdesk', 'Kev', 'Redaktion' between the title and the date: a one-word name (a first name, a
    desk, a poster's handle) where the page writes its byline; not a word the page writes in lowercase."""
    title = header.title_unit
    if title is None or not 0 < index - title <= LONE_NAME_TITLE_DISTANCE:
        return False
    if not _is_lone_poster(text, lexicon, language) or text.casefold() in header.common_words:
        return False
    return not dates.is_month_name(text, lexicon.languages)


# A forum handle above or below a post date: 'MikeNils', 'ColdJ', 'archuser38013' (a camel-case join or a digit).
_USER_HANDLE = lazy_compile(r"^(?=.*(?:[a-z][A-Z]|[A-Za-z]\d))[A-Za-z][\w.\-]{2,30}$")


def find_name_above_role(
    units: list[Unit], features: list[UnitFeatures], window: range, lexicon: Lexicon, header: Header
) -> None:
    """'Christoph Hein' / 'Chefredakteur', or 'Mike Marshall, Shipping Expert': a name with the
    writer's role is the author."""
    for index in window:
        if index in header.labels or features[index].boilerplate:
            continue
        text = units[index].text.strip(NAME_EDGE)
        head, _, tail = text.partition(",")
        if tail and is_role(tail, lexicon) and len(tail.split()) <= 4:
            name = head.strip()
        elif (
            index + 1 < len(units)
            and len(units[index + 1].text.split()) <= 4
            and is_role(units[index + 1].text.strip(NAME_EDGE), lexicon)
        ):
            name = text
        else:
            continue
        if (
            2 <= len(name.split()) <= 4
            and looks_like_name(name)
            and not _is_common_phrase(name, header)
            and name != header.title
            and not is_role(name, lexicon)
        ):
            header.authors = [name]
            header.label(index, "byline", "name-with-role")
            return


def find_author_box(units: list[Unit], features: list[UnitFeatures], lexicon: Lexicon, header: Header) -> None:
    """'About the author' / 'Über den Autor' and a name within the next few short lines: an author box
    (usually below the body)."""
    phrases = lexicon.phrases("author-box")
    for index in range(len(units)):
        # A line this short has its key in its record (records.record.PHRASE_MAX_WORDS).
        if features[index].words > 6 or not phrases.matches_whole(features[index].key):
            continue
        for following in range(index + 1, min(len(units), index + 4)):
            text = units[following].text.strip(NAME_EDGE)
            if following in header.labels and header.labels[following][0] != "removed":
                break
            usable = text != header.title and not features[following].boilerplate
            names = plausible_names(split_names(text, lexicon), header) if usable else []
            if len(names) == 1 and len(names[0].split(",")[0].split()) >= 2:
                header.authors = names
                header.label(following, "byline", "author-box")
                return
            if features[following].words > 4:
                break


# A lone name line this many units above or below the title ('Jane Doe' / image / 'Title').
NAME_BEFORE_TITLE = 3
NAME_AFTER_TITLE = 6


def _is_proper_name(text: str, header: Header, language: str | None) -> bool:
    """Stricter than looks_like_name, for a name without any byline word: every word is a capitalised
    word the page never writes in lowercase ('Get Started', 'Grüne Energie' are not), none is a function
    word ('Der Tagesspiegel', 'Our Blogs'), and the line is not in capitals ('TABLE OF CONTENTS')."""
    stops = _name_stopwords(language)
    words = [w.strip(".,'’") for w in text.split()]
    if text.isupper():
        return False
    for word in words:
        key = word.casefold()
        if (key in PARTICLES and word.islower()) or (len(word) == 1 and word.isupper()):
            continue
        if not word[:1].isupper() or key in header.common_words or key in stops:
            return False
    return True


# The public name of the test for header/byline_shapes.py (the fallbacks of that module).
is_proper_name = _is_proper_name


@lru_cache(maxsize=32)
def _name_stopwords(language: str | None) -> frozenset[str]:
    """The function words of `language` and English, which no word of a proper name is."""
    return stopwords(language) | stopwords("en")


# English prepositions and determiners that never stand inside a personal name ('Find A Location', 'Tips
# For Students'); the English stopword list also holds given names ('will', 'bill', 'don') and nouns.
_EN_FUNCTION_WORDS = frozenset({"a", "an", "of", "for", "to", "in", "on", "at", "with", "from", "your", "our", "all"})
# The other languages' stopword lists: only their short words (articles, prepositions, pronouns).
FUNCTION_WORD_MAX = 4


def _has_function_word(text: str, language: str | None) -> bool:
    """'Für Hochschulen', 'Das Mitternachtskabinett', 'Tips For Students': a capitalised phrase with a
    function word before its last word (name particles such as 'van', 'de' aside)."""
    local = stopwords(language) if language and language != "en" else frozenset()
    for word in text.split()[:-1]:
        key = word.strip(".,'’").casefold()
        if key in PARTICLES or (word.isupper() and len(word) > 1):
            continue
        if key in _EN_FUNCTION_WORDS or (len(key) <= FUNCTION_WORD_MAX and key in local):
            return True
    return False


def is_ui_phrase(text: str, lexicon: Lexicon) -> bool:
    """'Print Recipe', 'Contact Sales', 'Explore All', 'Article Tags': a button or label, not a name. The
    line, its first word (the imperative of a button) or its last word is a theme label on its own."""
    words = line_key(text).split()
    if not words:
        return False
    pieces = {" ".join(words), words[0], words[-1]}
    return any(lexicon.boilerplate_category(piece) or is_label_text(piece, lexicon) for piece in pieces)


def _neighbours(units: list[Unit], index: int, step: int, count: int = 2) -> list[int]:
    """The next `count` units with text in direction `step` (image and separator lines skipped)."""
    found: list[int] = []
    index += step
    while 0 <= index < len(units) and len(found) < count:
        if units[index].text.strip(NAME_EDGE):
            found.append(index)
        index += step
    return found


def is_date_line(features: RecordTable, index: int, header: Header) -> bool:
    if header.labels.get(index, ("", ""))[0] == "date" or header.labels.get(index, ("", ""))[1] == "reading-time":
        return True
    return features[index].words <= META_MAX_WORDS and bool(features.dates(index))


def find_name_beside_title(
    units: list[Unit], features: RecordTable, lexicon: Lexicon, language: str | None, header: Header
) -> None:
    """A line that is only a person's name (or several: 'Jane Doe, John Roe & Max Mustermann'), near the
    title and beside the date or reading-time line, is the author printed without a byline word; the
    nearest one wins, a line of several names over a lone one."""
    title = header.title_unit
    if title is None or header.labels.get(title, ("", ""))[1] == "page-title":
        return
    low, high = max(0, title - NAME_BEFORE_TITLE), min(len(units), title + NAME_AFTER_TITLE + 1)
    found: list[tuple[int, list[str]]] = []
    for index in sorted(range(low, high), key=lambda i: (abs(i - title), i)):
        if index == title or index in header.labels or features[index].boilerplate:
            continue
        text = strip_emphasis(units[index].text).strip(NAME_EDGE)
        if text == header.title or features[index].words > META_MAX_WORDS:
            continue
        # Menus, category links and product names are short capitalised lines too; an author's name
        # sits beside the article's date. (Tested first: most lines near a title have no date beside
        # them, and the date look-ups are kept per line, where splitting the text into names is not.)
        before = _neighbours(units, index, -1)
        after = _neighbours(units, index, 1)
        if not any(is_date_line(features, i, header) for i in before + after):
            continue
        names = [n for n in split_names(text, lexicon) if 2 <= len(_bare_name(n).split()) <= 4]
        if not names or not all(_is_proper_name(_bare_name(n), header, language) for n in names):
            continue
        if any(is_role(name, lexicon) for name in names):
            continue
        if is_role(text, lexicon) or is_label_text(text, lexicon) or is_ui_phrase(text, lexicon):
            continue
        found.append((index, names))
    if found:
        # A list of several names beats a lone name nearer the title (a category or product line).
        index, names = max(found, key=lambda item: len(item[1]) > 1)
        header.authors = names
        header.label(index, "byline", "name-beside-title" if len(names) == 1 else "names-beside-title")


def _bare_name(name: str) -> str:
    return name.split(",")[0].strip()
