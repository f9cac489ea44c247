"""The header zone: title, breadcrumbs, byline, dates, categories and tags around the body start."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from articlecli import dates
from articlecli.features import UnitFeatures
from articlecli.lexicon import Lexicon, PhraseSet, line_key, stopwords
from articlecli.names import (
    _PARTICLES,
    HANDLE,
    MARKED_HANDLE,
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
from articlecli.title import TitleChoice, find_title
from articlecli.units import Unit

# How many units before the body start are searched for the title and metadata.
HEADER_WINDOW = 25
# Metadata lines (byline, date, categories) are also looked for this far into the body.
BODY_LOOKAHEAD = 4
# A metadata line is short: the date or names plus a few label words.
META_MAX_WORDS = 16
# Without a date in the header, short date lines are looked for this many units above the body start
# and anywhere below it; a date in a long (glued) unit only this close to its start or to the title.
DATE_SEARCH_BEFORE = 60
DATE_LINE_MAX_OTHER_WORDS = 6
DATE_SEARCH_MAX_DISTINCT = 2
# ... unless one of them sits this close below the body start, just past the header window.
DATE_NEAR_BODY_UNITS = 7
LONG_UNIT_DATE_CHARS = 150
CATEGORY_MAX_ITEMS = 8
# "Article written by:" — a label line that ends with a byline word, names on the next line.
BYLINE_LABEL_MAX_WORDS = 5
CATEGORY_ITEM_MAX_WORDS = 4

_BREADCRUMB_SEPARATORS = re.compile(r"\s*(?:>|»|›|/|\\|→|::|\|)\s*")
# A character every separator contains: lines without one are not split (the split regex tries
# its leading \s* at every position of the line).
_BREADCRUMB_SEPARATOR_CHAR = re.compile(r"[>»›/\\→:|]")
_LIST_SEPARATORS = re.compile(r"\s*(?:,|;|\||•|·)\s*")
_GLUED_WORDS = re.compile(r"(?<=[a-zà-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ])")
_GLUED_LABEL = re.compile(r"(?:(?<=[a-zà-öø-ÿ])|(?<=\d\d))(?=[A-ZÀ-ÖØ-Þ])")


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
    # Per-parse memo of _byline_at by unit index: several passes test the same header lines.
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


def parse_header(
    units: list[Unit],
    features: list[UnitFeatures],
    body: tuple[int, int],
    lexicon: Lexicon,
    language: str | None,
) -> Header:
    """Find the title and metadata around the main text `body` (start, end units).

    A top-level heading early inside the main text is the title: the body then starts after it.
    """
    header = Header(units=units)
    header.month_first = dates.numeric_order([unit.text for unit in units])
    body_start = body[0]
    choice = _find_title(units, features, body, header, lexicon, language)
    if choice is not None and choice.index >= body_start:
        body_start = choice.index + 1
    header.body_start = body_start
    window = range(max(0, body_start - HEADER_WINDOW), min(len(units), body_start + BODY_LOOKAHEAD))
    preferred = _nearest_byline(units, features, window, lexicon, header)
    for index in window:
        if index in header.labels:
            continue
        _read_meta_line(units, features, index, lexicon, language, header, preferred)
    if not header.authors:
        _find_name_beside_date(units, features, window, header, lexicon, language)
    if not header.authors:
        _find_name_above_role(units, features, window, lexicon, header)
    if not header.authors:
        _find_byline_anywhere(units, features, lexicon, header)
    if not header.authors:
        _find_author_box(units, features, lexicon, header)
    if not header.authors:
        _find_name_beside_title(units, features, lexicon, language, header)
    _prefer_nearest_date(header, window)
    _find_loose_dates(units, features, window, language, header, lexicon)
    if not header.published and header.updated:
        # The header's only date is an 'Updated'/'Stand' one: it is the date the page shows for itself.
        header.published = header.updated
    if not header.published:
        _find_fallback_date(units, features, window, language, header, lexicon)
    _mark_category_lines(units, features, window, header, body_start)
    return header


# --- title -----------------------------------------------------------------------------------


def _find_title(
    units: list[Unit],
    features: list[UnitFeatures],
    region: tuple[int, int],
    header: Header,
    lexicon: Lexicon,
    language: str | None,
) -> TitleChoice | None:
    verdicts: dict[str, bool] = {}

    def is_meta(text: str) -> bool:
        if text not in verdicts:
            verdicts[text] = _is_meta_line(text, lexicon, language)
        return verdicts[text]

    choice = find_title(units, features, region, is_meta)
    if choice is None:
        return None
    header.title = choice.text
    _label_title_copies(units, choice, header)
    return choice


def _label_title_copies(units: list[Unit], choice: TitleChoice, header: Header) -> None:
    """The first line carrying the title is the title; later identical lines are repeats."""
    title = choice.text
    first_index = choice.index
    glued_prefix = ""
    if choice.rule == "page-title":
        header.title_unit = 0
        header.label(0, "title", "page-title")
        return
    for index, unit in enumerate(units[: choice.index + 1]):
        if unit.text == title:
            first_index = index
            break
        if unit.text.endswith(title) and len(unit.text) - len(title) <= 80:
            first_index, glued_prefix = index, unit.text[: -len(title)]
            break
    header.title_unit = first_index
    if glued_prefix:
        header.breadcrumbs = split_breadcrumbs(glued_prefix)
        header.label(first_index, "title", "glued-breadcrumb-title")
    else:
        header.label(first_index, "title", choice.rule)
    for index, unit in enumerate(units):
        if index != first_index and unit.text == title:
            header.label(index, "removed", "repeated-title")


def split_breadcrumbs(text: str) -> list[str]:
    """'Home > News > World', 'Accueil » Politique', 'Home Actualité', 'HomeNews' -> items."""
    text = text.strip(" >»›/|")
    parts = _breadcrumb_parts(text)
    if len(parts) == 1:
        parts = _GLUED_WORDS.sub(" ", parts[0]).split()
    return [p.strip() for p in parts if p.strip()]


def _breadcrumb_parts(text: str) -> list[str]:
    """The non-empty pieces of `text` between breadcrumb separators."""
    if not _BREADCRUMB_SEPARATOR_CHAR.search(text):
        return [text] if text else []
    return [p for p in _BREADCRUMB_SEPARATORS.split(text) if p]


def _is_meta_line(text: str, lexicon: Lexicon, language: str | None) -> bool:
    """A byline, date, reading-time, breadcrumb or category line: never the title."""
    key = line_key(text)
    if lexicon.phrases("reading-time").matches_whole(key) or byline_names(text, lexicon) is not None:
        return True
    if _label_phrases(lexicon).leading_phrase(key):
        return True
    parts = _breadcrumb_parts(text)
    if len(parts) >= 2 and line_key(parts[0]) in lexicon.phrases("breadcrumb-root").exact:
        return True
    found = dates.find_dates(text, language)
    return bool(found) and _words_besides(text, found) <= 3


_PLAIN_WORD = re.compile(r"^[^\W\d_]+$")


def _lowercase_words(units: list[Unit]) -> frozenset[str]:
    """Plain words the page writes in lowercase at least as often as capitalised (a name's slug in a
    menu or a 'Hi melissa,' does not make the name common)."""
    lower: dict[str, int] = {}
    upper: dict[str, int] = {}
    # Pages repeat their words: test each distinct token once, weighted by how often it occurs.
    tokens = Counter(" ".join([unit.text for unit in units]).split())
    for token, count in tokens.items():
        word = token.strip(".,;:!?\"'()[]*_“”„«»")
        # isalpha() implies the regex and not isalnum() rules it out: the regex only for the rest.
        if word.isalpha() or (word.isalnum() and _PLAIN_WORD.match(word)):
            counts = lower if word[0].islower() else upper
            key = word.casefold()
            counts[key] = counts.get(key, 0) + count
    return frozenset(w for w, n in lower.items() if n >= upper.get(w, 0))


def _is_common_phrase(name: str, header: Header) -> bool:
    """'Functionality', 'Use Case', 'Popular Days': capitalised words the page also uses as plain words."""
    words = [w.strip(".,'’").casefold() for w in name.split(",")[0].split()]
    words = [w for w in words if w and w not in _PARTICLES]
    return bool(words) and name[:1].isupper() and all(w in header.common_words for w in words)


def _opens_with_common_word(name: str, header: Header) -> bool:
    """'Open Future', 'Aktuelle Meldung', 'Mental Health': a given name is not a word the page writes in
    lowercase; a capitalised adjective or noun opening a section label is."""
    first = name.split()[0].strip(".,'’").casefold()
    return first not in _PARTICLES and first in header.common_words


def _plausible_names(names: list[str], header: Header) -> list[str]:
    return [name for name in names if not _is_common_phrase(name, header)]


# --- authors without a byline word ------------------------------------------------------------


def _find_name_beside_date(
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
            index = date_index + step
            # 'Jane Doe' / '|' / 'October 11, 2024': skip a separator-only line between.
            if 0 <= index < len(units) and not units[index].text.strip(_NAME_EDGE):
                index += step
            if index < 0 or index >= len(units) or index in header.labels:
                continue
            raw = units[index].text.strip()
            text = raw.strip(_NAME_EDGE)
            if features[index].boilerplate or text == header.title or raw.endswith(":"):
                continue
            if len(text.split()) < 2 and not _USER_HANDLE.match(text):
                continue
            if (
                looks_like_name(text)
                and not _is_common_phrase(text, header)
                and not _opens_with_common_word(text, header)
                # 'CLICK HERE FOR CATALOG': a call to action in capitals, longer than a name in capitals.
                and not (text.isupper() and len(text.split()) > 3)
                # 'Example H2', 'Top 10 Picks': a person's name has no digits (a one-word handle may).
                and (" " not in text or not any(char.isdigit() for char in text))
                and not _has_function_word(text, language)
                and not _is_ui_phrase(text, lexicon)
            ):
                header.authors = [text]
                header.label(index, "byline", "name-beside-date")
                return


# A forum handle above or below a post date: 'MikeNils', 'ColdJ', 'archuser38013' (a camel-case join or a digit).
_USER_HANDLE = re.compile(r"^(?=.*(?:[a-z][A-Z]|[A-Za-z]\d))[A-Za-z][\w.\-]{2,30}$")


def _find_name_above_role(
    units: list[Unit], features: list[UnitFeatures], window: range, lexicon: Lexicon, header: Header
) -> None:
    """'Christoph Hein' / 'Chefredakteur', or 'Mike Marshall, Shipping Expert': a name with the
    writer's role is the author."""
    for index in window:
        if index in header.labels or features[index].boilerplate:
            continue
        text = units[index].text.strip(_NAME_EDGE)
        head, _, tail = text.partition(",")
        if tail and is_role(tail, lexicon) and len(tail.split()) <= 4:
            name = head.strip()
        elif (
            index + 1 < len(units)
            and len(units[index + 1].text.split()) <= 4
            and is_role(units[index + 1].text.strip(_NAME_EDGE), lexicon)
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


def _nearest_byline(
    units: list[Unit], features: list[UnitFeatures], window: range, lexicon: Lexicon, header: Header
) -> int | None:
    """Of several byline lines in the header window, the one closest to the title (or the body start):
    a 'Contributors' box or a related-article byline stands farther away."""
    anchor = header.title_unit if header.title_unit is not None and header.title_unit in window else header.body_start
    found = [
        i
        for i in window
        if i not in header.labels and features[i].words <= META_MAX_WORDS * 2 and _byline_at(units, i, lexicon, header)
    ]
    return min(found, key=lambda i: (abs(i - anchor), i)) if found else None


def _find_byline_anywhere(units: list[Unit], features: list[UnitFeatures], lexicon: Lexicon, header: Header) -> None:
    """A whole line 'By Jane Doe' is a byline wherever it stands (some themes put it at the end);
    the one nearest the body start wins."""
    openers, closers = _byline_word_sets(lexicon)
    label_words = frozenset(openers + closers)
    start = header.body_start
    for index in _by_distance(start, len(units)):
        if index in header.labels:
            continue
        if features[index].words > META_MAX_WORDS and len(_GLUED_GAP.split(units[index].text, 1)[0].split()) > 8:
            continue
        words = features[index].key.split()
        if not words:
            continue
        # A byline starts with a byline word ("By", glued "ByJane"), or is a short label ending in one.
        if not words[0].startswith(openers) and not (
            len(words) <= BYLINE_LABEL_MAX_WORDS and words[-1].rstrip(":") in label_words
        ):
            continue
        byline = _byline_at(units, index, lexicon, header)
        if byline:
            header.authors = byline[0]
            for taken in byline[1]:
                header.label(taken, "byline", "byline-prefix")
            return


def _by_distance(start: int, count: int) -> list[int]:
    """range(count) ordered by distance from `start`, the lower index first on a tie."""
    start = min(max(start, 0), count)
    order: list[int] = []
    for distance in range(max(start, count - start) + 1):
        if distance and start - distance >= 0:
            order.append(start - distance)
        if start + distance < count:
            order.append(start + distance)
    return order


def _find_author_box(units: list[Unit], features: list[UnitFeatures], lexicon: Lexicon, header: Header) -> None:
    """'About the author' / 'Über den Autor' and a name within the next few short lines: an author box
    (usually below the body)."""
    phrases = lexicon.phrases("author-box")
    for index, unit in enumerate(units):
        if features[index].words > 6 or not phrases.matches_whole(line_key(unit.text)):
            continue
        for following in range(index + 1, min(len(units), index + 4)):
            text = units[following].text.strip(_NAME_EDGE)
            if following in header.labels and header.labels[following][0] != "removed":
                break
            usable = text != header.title and not features[following].boilerplate
            names = _plausible_names(split_names(text, lexicon), header) if usable else []
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
    stops = stopwords(language) | stopwords("en")
    words = [w.strip(".,'’") for w in text.split()]
    if text.isupper():
        return False
    for word in words:
        key = word.casefold()
        if (key in _PARTICLES and word.islower()) or (len(word) == 1 and word.isupper()):
            continue
        if not word[:1].isupper() or key in header.common_words or key in stops:
            return False
    return True


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
        if key in _PARTICLES or (word.isupper() and len(word) > 1):
            continue
        if key in _EN_FUNCTION_WORDS or (len(key) <= FUNCTION_WORD_MAX and key in local):
            return True
    return False


def _is_ui_phrase(text: str, lexicon: Lexicon) -> bool:
    """'Print Recipe', 'Contact Sales', 'Explore All', 'Article Tags': a button or label, not a name. The
    line, its first word (the imperative of a button) or its last word is a theme label on its own."""
    words = line_key(text).split()
    if not words:
        return False
    pieces = {" ".join(words), words[0], words[-1]}
    return any(lexicon.boilerplate_category(piece) or _is_label_text(piece, lexicon) for piece in pieces)


def _neighbours(units: list[Unit], index: int, step: int, count: int = 2) -> list[int]:
    """The next `count` units with text in direction `step` (image and separator lines skipped)."""
    found: list[int] = []
    index += step
    while 0 <= index < len(units) and len(found) < count:
        if units[index].text.strip(_NAME_EDGE):
            found.append(index)
        index += step
    return found


def _is_date_line(
    units: list[Unit], features: list[UnitFeatures], index: int, language: str | None, header: Header
) -> bool:
    if header.labels.get(index, ("", ""))[0] == "date" or header.labels.get(index, ("", ""))[1] == "reading-time":
        return True
    return features[index].words <= META_MAX_WORDS and bool(
        dates.find_dates(units[index].text, language, header.month_first)
    )


def _find_name_beside_title(
    units: list[Unit], features: list[UnitFeatures], lexicon: Lexicon, language: str | None, header: Header
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
        text = strip_emphasis(units[index].text).strip(_NAME_EDGE)
        if text == header.title or features[index].words > META_MAX_WORDS:
            continue
        names = [n for n in split_names(text, lexicon) if 2 <= len(_bare_name(n).split()) <= 4]
        if not names or not all(_is_proper_name(_bare_name(n), header, language) for n in names):
            continue
        if any(is_role(name, lexicon) for name in names):
            continue
        if is_role(text, lexicon) or _is_label_text(text, lexicon) or _is_ui_phrase(text, lexicon):
            continue
        # Menus, category links and product names are short capitalised lines too; an author's name
        # sits beside the article's date.
        before = _neighbours(units, index, -1)
        after = _neighbours(units, index, 1)
        if not any(_is_date_line(units, features, i, language, header) for i in before + after):
            continue
        found.append((index, names))
    if found:
        # A list of several names beats a lone name nearer the title (a category or product line).
        index, names = max(found, key=lambda item: len(item[1]) > 1)
        header.authors = names
        header.label(index, "byline", "name-beside-title" if len(names) == 1 else "names-beside-title")


def _bare_name(name: str) -> str:
    return name.split(",")[0].strip()


@lru_cache(maxsize=32)
def _byline_word_sets(lexicon: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """First and last words of the byline phrases: a cheap filter before the full test."""
    phrases = [phrase.split() for phrase in lexicon.phrases("byline-prefix").exact if phrase]
    return tuple(sorted({p[0] for p in phrases})), tuple(sorted({p[-1] for p in phrases}))


def _byline_at(units: list[Unit], index: int, lexicon: Lexicon, header: Header) -> tuple[list[str], list[int]] | None:
    """Author names a byline at `index` gives, and the units it spans.

    'By Jane Doe' on one line, or a label alone ('By', 'Written by:', 'Authors of this article:')
    with the names on the next line; a lone noun label ('Author', 'Autor') may also follow the name
    ('Jane Doe' / 'Author', as author boxes print it).
    """
    if index not in header.bylines:
        found = _raw_byline_at(units, index, lexicon)
        names = _plausible_names(found[0], header) if found else []
        header.bylines[index] = (names, found[1]) if found and names else None
    return header.bylines[index]


def _raw_byline_at(units: list[Unit], index: int, lexicon: Lexicon) -> tuple[list[str], list[int]] | None:
    text = _unglue_labels(strip_emphasis(units[index].text), lexicon)
    names = byline_names(text, lexicon)
    if names:
        return names, [index]
    if len(text.split()) > BYLINE_LABEL_MAX_WORDS:
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
    if len(label_words) == 1 and len(key) >= 5 and key in prefixes and index > 0:
        before = units[index - 1].text.strip(_NAME_EDGE)
        if len(before.split()) >= 2 and not before.endswith(":"):
            previous = split_names(before, lexicon)
            if len(previous) == 1:
                return previous, [index - 1, index]
    return None


# --- metadata lines --------------------------------------------------------------------------


def _read_meta_line(
    units: list[Unit],
    features: list[UnitFeatures],
    index: int,
    lexicon: Lexicon,
    language: str | None,
    header: Header,
    preferred: int | None = None,
) -> None:
    unit, feats = units[index], features[index]
    if feats.words > META_MAX_WORDS * 2:
        return
    text = _unglue_labels(unit.text, lexicon)
    key = line_key(text)
    if _is_breadcrumb(unit, key, lexicon, header, index):
        header.breadcrumbs = split_breadcrumbs(unit.text)
        header.label(index, "breadcrumb", "breadcrumb-trail")
        return
    if lexicon.phrases("reading-time").matches_whole(key):
        header.label(index, "removed", "reading-time")
        return
    byline = _byline_at(units, index, lexicon, header) if preferred is None or index == preferred else None
    if byline and not header.authors:
        header.authors = byline[0]
        for taken in byline[1]:
            header.label(taken, "byline", "byline-prefix")
        _take_dates(text, key, lexicon, language, header, index)
        return
    if feats.words <= META_MAX_WORDS and _take_dates(
        _label_above(units, index, lexicon) + text, key, lexicon, language, header, index
    ):
        header.label(index, "date", "date-line")
        if not header.authors:
            header.authors = _plausible_names(_names_in_date_line(text, lexicon, language), header)
        return
    for category, target in (("category-prefix", header.categories), ("tag-prefix", header.tags)):
        phrase = lexicon.phrases(category).leading_phrase(key)
        if phrase and not target:
            values = _split_list(_after_words(text, len(phrase.split())))
            if values:
                target.extend(values)
                header.label(index, category.removesuffix("-prefix"), category)
                return


_NAME_EDGE = " |·•,-–—/»:_*"
# Where a glued dump keeps the page's own whitespace, a long gap separates two elements.
_GLUED_GAP = re.compile(r"\s{3,}")


def _names_in_date_line(text: str, lexicon: Lexicon, language: str | None) -> list[str]:
    """Author names on a date line: after a byline word anywhere ('May 5, 2024 by Jane Doe'), or a lone
    name leading or closing it ('Jane Doe · March 25, 2025', '25.10.2022 - Reiner Nagel')."""
    # Icon fonts and unpaired emphasis leave '__' / '**' between the fields: they separate like '|'.
    text = strip_emphasis(_LONE_MARKS.sub(" | ", text))
    found = dates.find_dates(text, language)
    if not found:
        return []
    inside = byline_inside(text, lexicon)
    if inside:
        return inside
    head = text[: found[0].start]
    lead = clean_name(head.strip(_NAME_EDGE), lexicon).strip(_NAME_EDGE)
    lead = trim_date_joiners(_TRAILING_ALIAS.sub("", lead), lexicon.languages)
    tail = _LIST_SEPARATORS.split(text[found[-1].end :].strip(_NAME_EDGE))[0]
    trail = cut_category(clean_name(tail.strip(_NAME_EDGE), lexicon).strip(_NAME_EDGE))
    for piece in (lead, trail):
        if (
            len(piece.split()) >= 2
            and looks_like_name(piece)
            and not _is_label_text(piece, lexicon)
            and not _has_function_word(piece, language)
            and not _is_ui_phrase(piece, lexicon)
        ):
            return [piece]
    # 'raoul (raoul) May 3, 2024, 8:45am', 'Redaktion 1. November 2023': a forum or blog post header
    # opens with the poster's one-word name; 'Berlin, 3. Mai 2022' (a comma) is a dateline instead.
    poster = _TRAILING_ALIAS.sub("", head.strip())
    # A plain word needs the post's clock time as well ('Redaktion 1. November 2023 10:29'): a section
    # label or a dateline city can stand before a bare date too ('Nachricht 12.03.2020').
    timed = bool(MARKED_HANDLE.match(poster) or _CLOCK_TIME.search(text[found[0].end :]))
    if poster and " " not in poster and timed and _is_lone_poster(poster, lexicon, language):
        return [poster]
    return []


_CLOCK_TIME = re.compile(r"(?<!\d)\d\d?[:.h]\d\d(?!\d)")
_LONE_MARKS = re.compile(r"(?:^|\s)[*_]+(?=\s|$)")
# A display name repeated in brackets after the user name: 'amondale (Amondale)'.
_TRAILING_ALIAS = re.compile(r"\s*\([^()]*\)$")


def _is_lone_poster(word: str, lexicon: Lexicon, language: str | None) -> bool:
    """One word that can be a poster's name: a capitalised word or a user handle, not a label, weekday
    or function word."""
    if len(word) < 3 or word.isupper() or not word[-1].isalnum() or not (looks_like_name(word) or HANDLE.match(word)):
        return False
    key = word.casefold()
    if key in stopwords(language) or key in stopwords("en") or dates.is_weekday(word, lexicon.languages):
        return False
    return not _is_label_text(word, lexicon) and not lexicon.boilerplate_category(line_key(word))


def _is_label_text(text: str, lexicon: Lexicon) -> bool:
    key = line_key(text)
    reading_time = lexicon.phrases("reading-time")
    return bool(
        _label_phrases(lexicon).leading_phrase(key)
        or reading_time.leading_phrase(key)
        or reading_time.matches_whole(key)
    )


_LABEL_CATEGORIES = ("published-prefix", "updated-prefix", "byline-prefix", "category-prefix", "tag-prefix")


@lru_cache(maxsize=32)
def _label_phrases(lexicon: Lexicon) -> PhraseSet:
    """The phrases of every label category in one set: one 'starts with' search instead of five.

    A line starts with a label of some category exactly when it starts with one of the union.
    """
    return PhraseSet(frozenset().union(*(lexicon.phrases(c).exact for c in _LABEL_CATEGORIES)), (), ())


# Several passes read the same header lines.
@lru_cache(maxsize=1024)
def _unglue_labels(text: str, lexicon: Lexicon) -> str:
    """'By Korin MillerPublished: Jan 29, 2025' -> 'By Korin Miller | Published: Jan 29, 2025'.

    Only where the glued right-hand part starts with a metadata label, so 'McDonald' stays whole.
    """
    pieces: list[str] = []
    last = 0
    # A year glued to the next label counts too: 'Posted on 25. Januar 2022Author Redaktion'.
    for match in _GLUED_LABEL.finditer(text):
        key = line_key(text[match.start() :])
        if _label_phrases(lexicon).leading_phrase(key):
            pieces.append(text[last : match.start()])
            last = match.start()
    pieces.append(text[last:])
    return _unglue_dates(" | ".join(pieces))


_GLUED_DATE = re.compile(r"(?<=[a-zà-öø-ÿ]{2})(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}\.?\s?\d)")


def _unglue_dates(text: str) -> str:
    """'Irene OkpanachiDecember 13, 2025' -> 'Irene Okpanachi | December 13, 2025': a name glued to a
    date at a lower-to-upper join, only where a date starts right at the join."""
    if len(text) > 200:
        return text
    for match in reversed(list(_GLUED_DATE.finditer(text))):
        found = dates.find_dates(text[match.start() :])
        if found and found[0].start == 0:
            text = text[: match.start()] + " | " + text[match.start() :]
    return text


def _take_dates(
    text: str, key: str, lexicon: Lexicon, language: str | None, header: Header, index: int | None = None
) -> bool:
    found = dates.find_dates(text, language, header.month_first)
    if not found:
        return False
    if _words_besides(text, found) > META_MAX_WORDS:
        return False
    labels = _date_labels(text, lexicon)
    if not labels and _reads_as_sentence(text, found):
        return False
    kinds = [_date_kind(labels, item.start) for item in found]
    if all(kind == "other" for kind in kinds):
        return False
    for item, kind in zip(found, kinds, strict=True):
        if kind == "other":
            continue
        is_update = kind == "updated"
        if not is_update and index is not None and all(i != index for i, _, _ in header.date_lines):
            header.date_lines.append((index, item.value, kind == "published"))
        if is_update and header.updated is None:
            header.updated = item.value
        elif not is_update and header.published is None:
            header.published = item.value
        elif header.published and header.updated is None and item.value > header.published:
            header.updated = item.value
    return True


# 'Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr statt.': a sentence about an event.
SENTENCE_MIN_OTHER_WORDS = 6


def _reads_as_sentence(text: str, found: list[dates.FoundDate]) -> bool:
    """An unlabelled line of several words besides its date, closed by a full stop or question mark;
    not '... started by pelex, May 26, 2025.', where the date itself closes the line."""
    end = text.rstrip()[-1:]
    if end not in ".?!" or _words_besides(text, found) < SENTENCE_MIN_OTHER_WORDS:
        return False
    return end != "." or any(c.isalpha() for c in text[found[-1].end :])


def _prefer_nearest_date(header: Header, window: range) -> None:
    """Several header lines with different dates (listings, sidebars): the one nearest the article's
    start is its own."""
    if len({value for _, value, _ in header.date_lines}) < 2:
        return
    anchor = header.body_start
    if header.title_unit is not None and header.title_unit in window:
        anchor = header.title_unit
    # 'Start date' / 'Jun 14, 2025' above a forum's first post dated otherwise: the label says which.
    labelled = [item for item in header.date_lines if item[2]]
    _, value, _ = min(labelled or header.date_lines, key=lambda item: (abs(item[0] - anchor), item[0] < anchor))
    if header.updated == value:
        header.updated = None
    header.published = value


_DATE_LABEL_KINDS = (("published-prefix", "published"), ("updated-prefix", "updated"), ("other-date-prefix", "other"))


def _date_labels(text: str, lexicon: Lexicon) -> list[tuple[int, str]]:
    """Where the date labels of `text` start and their kind: 'published', 'updated' or 'other'
    ('Joined:', 'Registriert:', a forum member's dates). Of two overlapping labels ('date' in
    'date modified') the longer one counts."""
    folded = text.casefold()
    spans: list[tuple[int, int, str]] = []
    for category, kind in _DATE_LABEL_KINDS:
        for phrase in lexicon.phrases(category).exact:
            if phrase and phrase in folded:
                for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded):
                    spans.append((match.start(), match.end(), kind))
    spans.sort(key=lambda span: (span[0], -span[1]))
    labels: list[tuple[int, str]] = []
    covered = -1
    for start, end, kind in spans:
        if start >= covered:
            labels.append((start, kind))
            covered = end
    return labels


def _label_above(units: list[Unit], index: int, lexicon: Lexicon) -> str:
    """'Start date' over 'Jun 14, 2025' (one text node a line): the label line above names the date."""
    if index == 0 or not units[index - 1].text:
        return ""
    key = line_key(units[index - 1].text)
    for category, _ in _DATE_LABEL_KINDS:
        if key in lexicon.phrases(category).exact:
            return units[index - 1].text + " "
    return ""


def _date_kind(labels: list[tuple[int, str]], at: int) -> str | None:
    """'Updated 11 May ... Originally published 9 May': a date belongs to the nearest label before it."""
    before = [kind for start, kind in labels if start <= at]
    return before[-1] if before else None


def _label_position(text: str, phrases: frozenset[str]) -> int | None:
    """Where the first of `phrases` starts as a whole word in `text` ("Stand:" but not "Standke")."""
    folded = text.casefold()
    positions = []
    for phrase in phrases:
        match = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded) if phrase and phrase in folded else None
        if match:
            positions.append(match.start())
    return min(positions) if positions else None


def _find_loose_dates(
    units: list[Unit],
    features: list[UnitFeatures],
    window: range,
    language: str | None,
    header: Header,
    lexicon: Lexicon,
) -> None:
    """Without a date line in the header, accept a date inside a short line near the body start."""
    if header.published:
        return
    for index in window:
        if index in header.labels or features[index].words > META_MAX_WORDS:
            continue
        text = units[index].text
        found = dates.find_dates(text, language, header.month_first)
        if not found:
            continue
        # Not what _take_dates turned down: a member's 'Joined:' date, a sentence about an event.
        labels = _date_labels(text, lexicon)
        if _date_kind(labels, found[0].start) == "other" or (not labels and _reads_as_sentence(text, found)):
            continue
        header.published = found[0].value
        return


# 'March 26, 2018 at 1:09 pm': the date-at-time stamp of comment lists (WordPress, Disqus).
_COMMENT_TIME = re.compile(r"\s*,?\s*at\s+\d\d?[:.]\d\d", re.IGNORECASE)


def _find_fallback_date(
    units: list[Unit],
    features: list[UnitFeatures],
    window: range,
    language: str | None,
    header: Header,
    lexicon: Lexicon,
) -> None:
    """No publication date in the header lines: try, in order of reliability,
    1. a date in the title unit or a long unit of the window (glued dumps), near its start or the title;
    2. a short line anywhere opened by a published or byline label (labelled-date);
    3. a dateline opening one of the first body paragraphs;
    4. a short date line farther away (above the header window, or anywhere below the body start),
       unless it is an 'updated/edited' line or a comment stamp, or the page has many such dates
       (comments, listings) and none sits just below the body start (near-date-line).
    """
    start = header.body_start
    for index in sorted(window, key=lambda i: (abs(i - start), i)):
        text = units[index].text
        is_title = header.labels.get(index, ("", ""))[0] == "title"
        # Body paragraphs mention dates of events, not of publication.
        if not is_title and (features[index].words <= META_MAX_WORDS or index >= start):
            continue
        found = dates.find_dates(text, language, header.month_first)
        low, high = 0, LONG_UNIT_DATE_CHARS
        if header.title and header.title in text and not is_title:
            at = text.index(header.title) + len(header.title)
            low, high = at - LONG_UNIT_DATE_CHARS, at + 2 * LONG_UNIT_DATE_CHARS
        for item in found:
            if is_title or low <= item.start <= high or (len(text) < 400 and len(text) - item.end <= 40):
                header.published = item.value
                return
    if _find_labelled_date(units, features, window, language, header, lexicon):
        return
    if _find_dateline(units, language, header, lexicon):
        return
    updated_words = lexicon.phrases("updated-prefix").exact | {"edited"}
    candidates: list[str] = []
    near: list[tuple[int, str]] = []
    for index in range(max(0, start - DATE_SEARCH_BEFORE), len(units)):
        if index in window or features[index].words > META_MAX_WORDS:
            continue
        text = units[index].text
        found = dates.find_dates(text, language, header.month_first)
        if not found or _words_besides(text, found) > DATE_LINE_MAX_OTHER_WORDS:
            continue
        if _label_position(text, updated_words) is not None or _COMMENT_TIME.match(text[found[0].end :]):
            continue
        candidates.append(found[0].value)
        if start <= index < start + DATE_NEAR_BODY_UNITS:
            near.append((index, found[0].value))
    if candidates and len(set(candidates)) <= DATE_SEARCH_MAX_DISTINCT:
        header.published = candidates[0]
    elif near:
        header.published = near[0][1]
        header.label(near[0][0], "date", "near-date-line")


def _find_labelled_date(
    units: list[Unit],
    features: list[UnitFeatures],
    window: range,
    language: str | None,
    header: Header,
    lexicon: Lexicon,
) -> bool:
    """A short line anywhere that a published label opens ('Published Jun 4, 2025', 'asked Feb 4, 2014',
    'Erschienen am: 01.11.2023'): the page's own date, however far from the title or however many
    other dates the page shows."""
    published = lexicon.phrases("published-prefix")
    byline = lexicon.phrases("byline-prefix")
    for index in range(len(units)):
        # Every date has two digits in a row: most lines are out before the label lookups.
        if index in window or features[index].words > META_MAX_WORDS or not _TWO_DIGITS.search(units[index].text):
            continue
        text = _label_above(units, index, lexicon) + units[index].text
        key = line_key(text)
        is_pub = published.leading_phrase(key)
        is_by = not is_pub and byline.leading_phrase(key)
        if not is_pub and not is_by:
            continue
        found = dates.find_dates(text, language, header.month_first)
        if not found:
            continue
        kind = _date_kind(_date_labels(text, lexicon), found[0].start)
        if kind == "published" or (is_by and kind is None) or (is_by and kind == "updated"):
            header.published = found[0].value
            header.label(index, "date", "labelled-date")
            return True
    return False


_TWO_DIGITS = re.compile(r"\d\d")
# A dateline opening the first paragraphs: '27.1.2022 - Bei der ...', 'RAJSHAHI, Dec 20, 2025 (BSS) -',
# '(21. November 2022) Energieverbraucher ...', 'Red. / 31.10.2023 Die ...'.
_DATELINE_BEFORE = re.compile(r"^(?:\W*|.*[/|•·–—(]\s*|[A-ZÀ-Þ][\w.]*(?: [A-ZÀ-Þ][\w.]*)?,\s*)$")
_DATELINE_AFTER = re.compile(r"^(?:\s*$|\s*[-–—|/)•·:,(]|\s*\d\d?[:.]\d\d|\s*[„\"“«]|\s?[A-ZÀ-Þ])")
DATELINE_UNITS = 5
DATELINE_MAX_CHARS = 40


@lru_cache(maxsize=32)
def _dateline_labels(lexicon: Lexicon) -> PhraseSet:
    """'By Ela on 31. October, 2023 | ...', 'Posted on December 20, 2025 by ...' (not 'Last updated')."""
    phrases = lexicon.phrases("byline-prefix").exact | lexicon.phrases("published-prefix").exact
    return PhraseSet(frozenset(phrases), (), ())


def _find_dateline(units: list[Unit], language: str | None, header: Header, lexicon: Lexicon) -> bool:
    """A date at the very start of one of the first body paragraphs, set off by punctuation."""
    labels = _dateline_labels(lexicon)
    for index in range(header.body_start, min(len(units), header.body_start + DATELINE_UNITS)):
        text = units[index].text
        head = text[: DATELINE_MAX_CHARS + 30]
        found = dates.find_dates(head, language, header.month_first)
        if not found or found[0].start > DATELINE_MAX_CHARS:
            continue
        before, after = head[: found[0].start], head[found[0].end :]
        labelled = labels.leading_phrase(line_key(before)) and len(before.split()) <= 5
        if (labelled or _DATELINE_BEFORE.match(before)) and _DATELINE_AFTER.match(after):
            header.published = found[0].value
            return True
    return False


def _words_besides(text: str, found: list[dates.FoundDate]) -> int:
    """Words left in `text` once its dates are taken out."""
    for item in reversed(found):
        text = text[: item.start] + text[item.end :]
    return len(text.split())


def _is_breadcrumb(unit: Unit, key: str, lexicon: Lexicon, header: Header, index: int) -> bool:
    if header.breadcrumbs or (header.title_unit is not None and index > header.title_unit):
        return False
    parts = _breadcrumb_parts(unit.text)
    if len(parts) < 2 or any(len(p.split()) > 8 for p in parts):
        return False
    root = line_key(parts[0])
    return root in lexicon.phrases("breadcrumb-root").exact or (len(parts) >= 3 and ">" in unit.text)


def _split_list(text: str) -> list[str]:
    items = [item.strip(" .") for item in _LIST_SEPARATORS.split(text)]
    return [item for item in items if item]


def _after_words(text: str, count: int) -> str:
    parts = text.split(None, count)
    rest = parts[count] if len(parts) > count else ""
    return rest.lstrip(":：-– ")


def _looks_like_list(text: str) -> bool:
    """'Politique, Transports, Île-de-France': short capitalised items separated by commas or bars."""
    if "," not in text and "|" not in text and "•" not in text:
        return False
    items = _split_list(text)
    return 2 <= len(items) <= CATEGORY_MAX_ITEMS and all(
        len(i.split()) <= CATEGORY_ITEM_MAX_WORDS and i[:1].isupper() for i in items
    )


def _mark_category_lines(
    units: list[Unit], features: list[UnitFeatures], window: range, header: Header, body_start: int
) -> None:
    """An unlabelled 'Syrie, Russie' line between the title and the body is the category list."""
    if header.categories or header.title_unit is None:
        return
    for index in range(header.title_unit + 1, min(body_start + 1, len(units))):
        if index in header.labels:
            continue
        if _looks_like_list(units[index].text) and not features[index].sentence_end:
            header.categories = _split_list(units[index].text)
            header.label(index, "category", "category-line")
            return
