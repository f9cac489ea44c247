"""The page's published and updated dates: date lines in the header zone, labelled or nearest the title, and
where the header has none, dates in glued units, labelled lines, datelines and lone date lines beyond it.
Passed over everywhere: a listed item's or a changelog's date, a data sheet's field, the weather box's day,
a theme's hidden machine stamp beside the date it shows, and the masthead's day between a page's <title> and
its headline.

Reading a date out of a string is dates.py's job; this module chooses which of the page's dates are its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

from articlecli.frontends.unit import Unit
from articlecli.header.record import META_MAX_WORDS, Header
from articlecli.lazy_regex import lazy_compile
from articlecli.records import dates
from articlecli.records.lexicon import PREFIX_CATEGORIES, Lexicon, PhraseSet, line_key
from articlecli.records.record import RecordTable

# Without a date in the header, short date lines are looked for this many units above the body start
# and anywhere below it; a date in a long (glued) unit only this close to its start or to the title.
DATE_SEARCH_BEFORE = 60
DATE_LINE_MAX_OTHER_WORDS = 6
DATE_SEARCH_MAX_DISTINCT = 2
# ... unless one of them sits this close below the body start, just past the header window.
DATE_NEAR_BODY_UNITS = 7
LONG_UNIT_DATE_CHARS = 150


def take_dates(text: str, lexicon: Lexicon, language: str | None, header: Header, index: int | None = None) -> bool:
    found = _shown_dates(
        text, dates.find_dates_in_page_order(text, language, header.page_order), language, header.page_order
    )
    if not found:
        return False
    if words_besides(text, found) > META_MAX_WORDS:
        return False
    if index is not None and _linked_list_item(header.units[index], found):
        return False
    if index is not None and _dated_entry(header.units, index, found, language, header):
        return False
    if index is not None and _not_the_pages_date(header.units, index, found, lexicon):
        return False
    labels = _date_labels(text, lexicon)
    if not labels and _reads_as_sentence(text, found):
        return False
    kinds = [_date_kind(labels, item.start) for item in found]
    if all(kind == "other" for kind in kinds):
        return False
    # A label at the head of the line, after a byline at most ('von Mathilda Trausch, Online-Redaktion
    # Veröffentlicht: 26.12.2022'), makes it the page's labelled date, not one closing a sentence ('Preprints
    # (earlier versions) of this paper are available at ..., first published 04.Apr.2019').
    opening = bool(labels) and len(text[: labels[0][0]].split()) < SENTENCE_MIN_OTHER_WORDS
    for item, kind in zip(found, kinds, strict=True):
        if kind == "other":
            continue
        is_update = kind == "updated"
        if not is_update and index is not None and all(i != index for i, _, _ in header.date_lines):
            header.date_lines.append((index, item.value, kind == "published" and opening))
        if is_update and header.updated is None:
            header.updated, header.updated_unit = item.value, index
        elif not is_update and header.published is None:
            header.set_published(item.value, index, "date-line")
        elif header.published and header.updated is None and item.value > header.published:
            header.updated = item.value
    return True


# 'Isabell Angele2022-12-07T10:10:52+01:0025. Dezember 2022|': a full timestamp, date and time to the second,
# is a theme's hidden machine stamp beside the date it shows (WordPress themes print the post's modified time
# so, in a `<span class="updated rich-snippet-hidden">`); scraped as text it is the page's last change.
_MACHINE_STAMP = lazy_compile(r"(?:19|20)\d\d-\d\d?-\d\d?T\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")


def _is_machine_stamp(text: str, item: dates.FoundDate) -> bool:
    """The date is written as a timestamp to the second, '2025-10-30T10:45:07-04:00' (machine-stamp)."""
    return _MACHINE_STAMP.match(text, item.start) is not None


def _shown_dates(
    text: str, found: list[dates.FoundDate], language: str | None, page_order: Callable[[], bool | None]
) -> list[dates.FoundDate]:
    """The dates of the line read without its machine stamps, where it shows a date written for readers
    besides them (machine-stamp): 'Tom 2024-04-18T13:00:39+00:00 March 22nd, 2024 | Reviews' is dated
    22 March; a stamp glued to the shown date ('+01:0025. Dezember 2022') no longer hides it."""
    if not any(_is_machine_stamp(text, item) for item in found):
        return found
    blanked = _MACHINE_STAMP.sub(lambda match: " " * len(match.group()), text)
    return dates.find_dates_in_page_order(blanked, language, page_order) or found


# 'Verlag: Heyne' / 'Übersetzer: Sonja Häußler' / 'Erscheinungsdatum: 14.08.2017' / 'Preis: 12,99 €', 'Datum:
# 31/08/2019' among 'ISO-Zahl: 640' and 'Belichtungszeit: 60 x 3 Minuten': a 'Label: date' line among this many
# 'Label: value' lines or more whose labels no header phrase list knows is one field of a data sheet (a book's,
# a product's, a photo's), dated for the thing it describes, not for the page. Two: a byline block has one
# such line at most beside its header labels ('Words: Solene Rauturier' / 'Category: Top Picks' / 'Published:').
DATA_SHEET_MIN_FIELDS = 2
# ... counting the fields this many units above and below it (a sheet's lines sit together).
DATA_SHEET_UNITS = 4
# A field is a short line, its label a few words: a title with a colon ('Polarisierende BH-Werbung: Kim
# Kardashian, Eisberge und falsche Nippel', nine words) is none.
DATA_SHEET_FIELD_MAX_WORDS = 6
DATA_SHEET_LABEL_MAX_WORDS = 3
_FIELD_LABEL = lazy_compile(r"^\W*([^\W\d_][^:]*?)\s*:(?!//)")
# The header's own labels ('Category:', 'Written by:', 'Tags:', 'Updated:') make a byline block, not a sheet.
_HEADER_LABEL_CATEGORIES = (*PREFIX_CATEGORIES, "reading-time", "author-role", "other-byline")


def _data_sheet_date(units: list[Unit], index: int, found: list[dates.FoundDate], lexicon: Lexicon) -> bool:
    """The line is a 'Label: date' field among DATA_SHEET_MIN_FIELDS or more 'Label: value' lines of
    labels no header phrase list holds, within DATA_SHEET_UNITS (data-sheet-date)."""
    text = units[index].text
    label = _FIELD_LABEL.match(text)
    if not label or text[label.end() : found[0].start].strip():
        return False
    fields = 0
    for other in range(max(0, index - DATA_SHEET_UNITS), min(len(units), index + DATA_SHEET_UNITS + 1)):
        if other != index and _unknown_field(units[other].text, lexicon):
            fields += 1
    return fields >= DATA_SHEET_MIN_FIELDS


def _unknown_field(text: str, lexicon: Lexicon) -> bool:
    """'Verlag: Heyne': a short 'Label: value' line whose label is none of the header's."""
    match = _FIELD_LABEL.match(text)
    if not match or len(text.split()) > DATA_SHEET_FIELD_MAX_WORDS or not text[match.end() :].strip():
        return False
    label = match.group(1)
    if len(label.split()) > DATA_SHEET_LABEL_MAX_WORDS:
        return False
    key = line_key(label)
    return not any(
        key in lexicon.phrases(category).exact or lexicon.phrases(category).leading_phrase(key)
        for category in _HEADER_LABEL_CATEGORIES
    )


# 'Thursday, Nov 5th 2020' / '7PM' / '6°C' / '10PM' / '7°C' / '5-Day Forecast': a date line this few units from
# a line that is a temperature alone is the site's today-and-weather widget, dated the day of the scrape.
WEATHER_WIDGET_UNITS = 3
_TEMPERATURE = lazy_compile(r"^\s*[-+−]?\d{1,3}\s?°\s?[CF]?\s*$")
# 'Subscribe Login Search 38°F' / 'Thursday, November 9th 2023': a page joined onto one line (frontends.segment)
# keeps the widget's temperature at the end of the menu piece before its day.
_TEMPERATURE_END = lazy_compile(r"(?:^|\s)[-+−]?\d{1,3}\s?°\s?[CF]?\s*$")


def _weather_widget_date(units: list[Unit], index: int) -> bool:
    """A temperature line within WEATHER_WIDGET_UNITS of the date line, or a line ending with a temperature
    just above it (weather-widget-date)."""
    near = range(max(0, index - WEATHER_WIDGET_UNITS), min(len(units), index + WEATHER_WIDGET_UNITS + 1))
    if index > 0 and _TEMPERATURE_END.search(units[index - 1].text):
        return True
    return any(other != index and _TEMPERATURE.match(units[other].text) for other in near)


def _not_the_pages_date(units: list[Unit], index: int, found: list[dates.FoundDate], lexicon: Lexicon) -> bool:
    """A date line that is a data sheet's field or the weather box's day (data-sheet-date, weather-widget-date)."""
    return _data_sheet_date(units, index, found, lexicon) or _weather_widget_date(units, index)


def _lone_machine_stamp(text: str, found: list[dates.FoundDate], lexicon: Lexicon) -> bool:
    """An unlabelled line whose only dates are machine stamps: the theme's hidden modified time, not a date
    the page shows (machine-stamp)."""
    return all(_is_machine_stamp(text, item) for item in found) and not _date_labels(text, lexicon)


# '* [Daniel Lemire](…) on [Science and Technology links (December 14th 2019)](…)': a list item that is mostly
# link text, with words besides its date, is a linked post's or comment's entry in a widget (Recent Comments).
LINKED_ITEM_MIN_LINK_DENSITY = 0.5


def _linked_list_item(unit: Unit, found: list[dates.FoundDate]) -> bool:
    """A list item of linked text whose date comes with LISTED_ITEM_WORDS_BEFORE words or more (linked-list-item)."""
    return (
        unit.list_item
        and unit.link_density > LINKED_ITEM_MIN_LINK_DENSITY
        and words_besides(unit.text, found) >= LISTED_ITEM_WORDS_BEFORE
    )


# '2021-08-09 Emphasizing "non-requirements" …' / '2022-04-12 Link to Choosing Software': lines that open with
# different dates, each followed by its words, this few units apart are a changelog's or news list's entries.
DATED_ENTRY_UNITS = 3


def _dated_entry(
    units: list[Unit], index: int, found: list[dates.FoundDate], language: str | None, header: Header
) -> bool:
    """The line opens with its date and words follow, and a line within DATED_ENTRY_UNITS does the same with
    another date (dated-entry)."""
    if not _opens_with_date(units[index].text, found):
        return False
    for other in range(max(0, index - DATED_ENTRY_UNITS), min(len(units), index + DATED_ENTRY_UNITS + 1)):
        if other == index:
            continue
        near = dates.find_dates_in_page_order(units[other].text, language, header.page_order)
        if near and near[0].value != found[0].value and _opens_with_date(units[other].text, near):
            return True
    return False


def _opens_with_date(text: str, found: list[dates.FoundDate]) -> bool:
    """Nothing but punctuation before the first date, and two words or more after it."""
    first = found[0]
    return not any(c.isalnum() for c in text[: first.start]) and len(text[first.end :].split()) >= 2


# 'Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr statt.': a sentence about an event.
SENTENCE_MIN_OTHER_WORDS = 6


def _reads_as_sentence(text: str, found: list[dates.FoundDate]) -> bool:
    """An unlabelled line of several words besides its date, closed by a full stop or question mark;
    not '... started by pelex, May 26, 2025.', where the date itself closes the line."""
    end = text.rstrip()[-1:]
    if end not in ".?!" or words_besides(text, found) < SENTENCE_MIN_OTHER_WORDS:
        return False
    return end != "." or any(c.isalpha() for c in text[found[-1].end :])


def prefer_nearest_date(header: Header, window: range) -> None:
    """Several header lines with different dates (listings, sidebars): the one nearest the article's
    start is its own."""
    if len({value for _, value, _ in header.date_lines}) < 2:
        return
    anchor = header.body_start
    if header.title_unit is not None and header.title_unit in window:
        anchor = header.title_unit
    date_lines = header.date_lines
    rule = "date-nearest-title"
    headline = _headline_repeat(header, window)
    if (
        headline is not None
        and any(item[0] > headline for item in date_lines)
        and any(item[0] < headline for item in date_lines)
    ):
        # The page opens with its <title> and says it again as the headline: the dates between the two are
        # the site's masthead's (today's date, a ticker), those after the headline the article's
        # (DATE_AFTER_HEADLINE_RULE).
        date_lines = [item for item in date_lines if item[0] > headline]
        anchor = headline
        rule = DATE_AFTER_HEADLINE_RULE
    # 'Start date' / 'Jun 14, 2025' above a forum's first post dated otherwise: the label says which.
    labelled = [item for item in date_lines if item[2]]
    # A date line above the body start is the header's; one inside the text ('Preise ab 01.01.2024') only
    # where the header has none.
    start = header.body_start
    index, value, _ = min(
        labelled or date_lines, key=lambda item: (item[0] >= start, abs(item[0] - anchor), item[0] < anchor)
    )
    if header.updated == value:
        header.updated = None
    if not labelled and _date_pair(date_lines):
        # 'May 21, 2025' over 'April 24, 2025': a theme's modified and published dates side by side, in
        # either order; a page is changed after it is published, so the older is its publication date.
        index, value, _ = min(date_lines, key=lambda item: item[1])
        if header.updated == value:
            header.updated = None
        header.set_published(value, index, "older-of-date-pair")
        header.labels[index] = ("date", "older-of-date-pair")
        return
    if not labelled and _listed_date_far_from_start(header, index):
        # Every line of the list is a listed item's: none says which is the page's (dated-list).
        header.published = header.updated = header.date_unit = None
        header.date_rule = DATED_LIST_RULE
        for item in header.date_lines:
            header.labels[item[0]] = ("date", DATED_LIST_RULE)
        return
    header.set_published(value, index, rule)


DATE_AFTER_HEADLINE_RULE = "date-after-headline"


def _headline_repeat(header: Header, window: range) -> int | None:
    """The first repeat of the title after it (`repeated-title`) inside the header window, where the title the
    header found is the page's first unit (its <title>): the headline the page shows above its text."""
    if header.title_unit != 0:
        return None
    repeats = (i for i in window if i > 0 and header.labels.get(i) == ("removed", "repeated-title"))
    return next(repeats, None)


# 'Achtsam durch die Krise' / '18. März 2020', then a column of teasers each with its date down to the text: the
# title the header found stands above its window (anchored on the body start), and the window's date lines
# disagree. A short date line this close below the title is the page's own: a title's date sits right under it.
TITLE_DATE_LINE_UNITS = 2


def prefer_date_beside_title(
    units: list[Unit], features: RecordTable, window: range, header: Header, lexicon: Lexicon
) -> None:
    """The header's date lines gave different dates (date-nearest-title, dated-list) and the title lies above
    the header window: a short date line within TITLE_DATE_LINE_UNITS below the title, neither a member's nor
    an updated one nor a list's entry, beats them (date-beside-title)."""
    title = header.title_unit
    if header.date_rule not in ("date-nearest-title", DATED_LIST_RULE) or title is None or title >= window.start:
        return
    for index in range(title + 1, min(title + 1 + TITLE_DATE_LINE_UNITS, window.start)):
        line = _title_date_line(units, features, index, lexicon)
        if line is None or _listed_item_date(units[index].text, line[0][0], features.language):
            continue
        found = line[0]
        if header.updated == found[0].value:
            header.updated = None
        header.set_date_line(found[0].value, index, "date-beside-title")
        return


def _date_pair(date_lines: list[tuple[int, str, bool]]) -> bool:
    """The header's only two date lines stand next to each other (date-pair)."""
    return len(date_lines) == 2 and abs(date_lines[0][0] - date_lines[1][0]) == 1


# 'Neueste Themen' over eight dated thread titles, an archive's dated teasers above the text: this many
# different dates on the header's date lines make a list of dated items ...
DATED_LIST_MIN_DATES = 4
# ... of which only one right at the title (this many units away) or just above the text start is the page's.
DATED_LIST_TITLE_UNITS = 3
DATED_LIST_TEXT_UNITS = 4
DATED_LIST_RULE = "dated-list"


def _listed_date_far_from_start(header: Header, index: int) -> bool:
    """The header's date lines hold DATED_LIST_MIN_DATES different dates or more and the nearest of them,
    `index`, sits neither beside the title nor just above the text: a list's item, not the page's date."""
    if len({value for _, value, _ in header.date_lines}) < DATED_LIST_MIN_DATES:
        return False
    title = header.title_unit
    if title is not None and abs(index - title) <= DATED_LIST_TITLE_UNITS:
        return False
    return not header.body_start - DATED_LIST_TEXT_UNITS <= index <= header.body_start


_DATE_LABEL_KINDS = (("published-prefix", "published"), ("updated-prefix", "updated"), ("other-date-prefix", "other"))


def _date_labels(text: str, lexicon: Lexicon) -> list[tuple[int, str]]:
    """Where the date labels of `text` start and their kind: 'published', 'updated' or 'other'
    ('Joined:', 'Registriert:', a forum member's dates). Of two overlapping labels ('date' in
    'date modified') the longer one counts."""
    folded = text.casefold()
    spans: list[tuple[int, int, str]] = []
    for category, kind in _DATE_LABEL_KINDS:
        phrases = lexicon.phrases(category)
        # A phrase in the text has its first word there: one scan of the text for the phrases' first words
        # (a trie) rules out most lines before the substring test of each phrase (270 in the three categories).
        if not phrases.first_words_search.search(folded):
            continue
        for phrase in phrases.exact:
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


def label_above(units: list[Unit], index: int, lexicon: Lexicon) -> str:
    """'Start date' over 'Jun 14, 2025' (one text node a line): the label line above names the date."""
    if index == 0 or not units[index - 1].text:
        return ""
    above = units[index - 1].text
    if line_key(above) in _date_label_lines(lexicon):
        return above + " "
    # 'participants last post by xJewishNinjax' over 'Jan 8, 2026': a member's or a thread's last date is
    # named inside a short line too. (_date_labels finds an 'other' label only where a first word of one is
    # in the casefolded line: most lines are out by that one search, before the three categories' scans.)
    if (
        len(above.split()) <= OTHER_LABEL_ABOVE_MAX_WORDS
        and lexicon.phrases("other-date-prefix").first_words_search.search(above.casefold())
        and any(kind == "other" for _, kind in _date_labels(above, lexicon))
    ):
        return above + " "
    return ""


@lru_cache(maxsize=32)
def _date_label_lines(lexicon: Lexicon) -> frozenset[str]:
    """The exact phrases of the three date-label categories in one set: a label line above is one probe."""
    return frozenset().union(*(lexicon.phrases(category).exact for category, _ in _DATE_LABEL_KINDS))


def may_hold_date(units: list[Unit], index: int, text: str) -> bool:
    """Whether `text` (unit `index`'s, or a form of it) with the label line above prefixed (label_above) can
    hold a date: every date has two digits in a row (dates.find_dates), and the label is joined with a
    space, so where neither line has them no date is there, whatever the label above."""
    return bool(_TWO_DIGITS.search(text)) or (index > 0 and bool(_TWO_DIGITS.search(units[index - 1].text)))


# A forum's stats line over its last post's date: 'participants last post by <name>', a few words.
OTHER_LABEL_ABOVE_MAX_WORDS = 8


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


def find_loose_dates(
    units: list[Unit],
    features: RecordTable,
    window: range,
    language: str | None,
    header: Header,
    lexicon: Lexicon,
) -> None:
    """Without a date line in the header, accept a date inside a short line near the body start."""
    if header.published or header.date_rule == DATED_LIST_RULE:
        return
    for index in window:
        if index in header.labels or features[index].words > META_MAX_WORDS:
            continue
        text = units[index].text
        found = features.dates(index)
        if not found or _linked_list_item(units[index], found) or _dated_entry(units, index, found, language, header):
            continue
        if _not_the_pages_date(units, index, found, lexicon):
            continue
        # Not what take_dates turned down: a member's 'Joined:' date, a sentence about an event.
        labels = _date_labels(text, lexicon)
        if _date_kind(labels, found[0].start) == "other" or (not labels and _reads_as_sentence(text, found)):
            continue
        header.set_published(found[0].value, index, "date-in-header-line")
        return


# 'March 26, 2018 at 1:09 pm', '24. Juni 2016 um 10:25 Uhr': the date-at-time stamp of comment lists
# (WordPress, Disqus), in the languages whose themes write it so.
_COMMENT_TIME = lazy_compile(r"\s*,?\s*(?:at|um|à|a las|alle)\s+\d\d?[:.h]\d\d", re.IGNORECASE)


def find_fallback_date(
    units: list[Unit],
    features: RecordTable,
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
    Not where the header's date lines were found to be a list's (dated-list).
    """
    if header.date_rule == DATED_LIST_RULE:
        return
    start = header.body_start
    for index in sorted(window, key=lambda i: (abs(i - start), i)):
        text = units[index].text
        is_title = header.labels.get(index, ("", ""))[0] == "title"
        # Body paragraphs mention dates of events, not of publication.
        if not is_title and (features[index].words <= META_MAX_WORDS or index >= start):
            continue
        found = features.dates(index)
        low, high = 0, LONG_UNIT_DATE_CHARS
        if header.title and header.title in text and not is_title:
            at = text.index(header.title) + len(header.title)
            low, high = at - LONG_UNIT_DATE_CHARS, at + 2 * LONG_UNIT_DATE_CHARS
        for item in found:
            if is_title or low <= item.start <= high or (len(text) < 400 and len(text) - item.end <= 40):
                header.set_published(item.value, index, "date-in-title" if is_title else "date-in-long-unit")
                return
    if _find_date_below_title(units, features, window, header, lexicon):
        return
    if _find_labelled_date(units, features, window, language, header, lexicon):
        return
    if _find_dateline(units, language, header, lexicon):
        return
    if _find_date_below_headline(units, features, header, lexicon):
        return
    updated_words = lexicon.phrases("updated-prefix").exact | {"edited"}
    candidates: list[tuple[int, str]] = []
    near: list[tuple[int, str]] = []
    # Dates of related cards: they count among the page's many dates, but none is the page's.
    cards: set[str] = set()
    # Only a unit with two digits in a row holds a date (two_digit_lines, in page order).
    lines = features.two_digit_lines()
    for index in lines[bisect_left(lines, max(0, start - DATE_SEARCH_BEFORE)) :]:
        if index in window:
            continue
        found = _short_date_line(units, features, index)
        if not found:
            continue
        text = units[index].text
        if _label_position(text, updated_words) is not None or _COMMENT_TIME.match(text[found[0].end :]):
            continue
        if _lone_machine_stamp(text, found, lexicon) or _not_the_pages_date(units, index, found, lexicon):
            continue
        if _listed_item_date(text, found[0], language):
            continue
        if _under_related_heading(features, index, lexicon):
            cards.add(found[0].value)
            continue
        candidates.append((index, found[0].value))
        if start <= index < start + DATE_NEAR_BODY_UNITS:
            near.append((index, found[0].value))
    # Card dates count among the page's distinct dates: a page full of dates gives none.
    few = len(cards | {value for _, value in candidates}) <= DATE_SEARCH_MAX_DISTINCT
    if candidates and few:
        # Of two dates, the one the page repeats (its date above and below the text; a single related item).
        counts = Counter(value for _, value in candidates)
        index, value = max(candidates, key=lambda item: counts[item[1]])
        header.set_published(value, index, "lone-date-line")
    elif near:
        header.set_date_line(near[0][1], near[0][0], "near-date-line")
    elif (
        not (
            _find_updated_date(units, features, window, header, lexicon)
            or _find_published_sentence(units, features, header, lexicon)
            or _find_labelled_date_in_text(units, features, header, lexicon)
            or _find_data_sheet_date(units, features, window, header, lexicon)
        )
        and cards
        and few
    ):
        # No date: the page's few lone dates were related cards' (named for bench/date_rules.py, as dated-list).
        header.date_rule = RELATED_CARD_RULE


# A page's date line stands just below its title even where the header window (anchored at the body
# start) misses it: the title far above a long teaser or image block, or the date a few lines into the body
# after the title's image caption. Past this many units below the title a date line belongs to what follows.
TITLE_DATE_UNITS = 12


def _title_date_line(
    units: list[Unit], features: RecordTable, index: int, lexicon: Lexicon
) -> tuple[list[dates.FoundDate], str | None] | None:
    """A short date line near the title that may be the page's own: its dates and their kind (from the
    labels on it or on the line above). None for a lone machine stamp, a member's or an otherwise not the
    page's date, and an 'other' or 'updated' one. (date-below-title and date-beside-title read it so.)"""
    found = _short_date_line(units, features, index)
    if not found or _lone_machine_stamp(units[index].text, found, lexicon):
        return None
    if _not_the_pages_date(units, index, found, lexicon):
        return None
    above = label_above(units, index, lexicon)
    kind = _date_kind(_date_labels(above + units[index].text, lexicon), found[0].start + len(above))
    if kind in ("other", "updated"):
        return None
    return found, kind


def _find_date_below_title(
    units: list[Unit], features: RecordTable, window: range, header: Header, lexicon: Lexicon
) -> bool:
    """The first short date line within TITLE_DATE_UNITS below the title (date-below-title), unless it is a
    member's or updated date, a listed item's or a comment's. ('20. Mai 2010 um 23:03 Uhr' alone is the page's.)"""
    title = header.title_unit
    if title is None:
        return False
    for index in range(title + 1, min(len(units), title + 1 + TITLE_DATE_UNITS)):
        if index in header.labels:
            continue
        line = _title_date_line(units, features, index, lexicon)
        if line is None:
            continue
        found, kind = line
        # A poster's name, then the date and time: a comment's stamp ('Amna March 26, 2018 at 1:09 pm').
        named = kind is None and bool(units[index].text[: found[0].start].strip())
        if named and _COMMENT_TIME.match(units[index].text[found[0].end :]):
            continue
        # Below the title, words and a comma before the date are a byline's ('Übersetzung Sarah-Indra
        # Jungblut, 12.12.22'); without the comma, a listed item's title.
        before = units[index].text[: found[0].start].rstrip()
        if not before.endswith(",") and _listed_item_date(units[index].text, found[0], features.language):
            continue
        if _dated_entry(units, index, found, features.language, header):
            continue
        if _under_related_heading(features, index, lexicon):
            continue
        header.set_date_line(found[0].value, index, "date-below-title")
        return True
    return False


# 'Der Nervenkrieg um den Brexit geht in die nächste Runde' / lead / 'Markus M. Haefliger, London, Beat Bumbacher
# 19.10.2019, 23:38 Uhr' below notices the dump put above it: the article's headline inside the text, a
# short line holding this share of the title's words (a title of this many words at least) ...
HEADLINE_TITLE_WORD_SHARE = 0.8
HEADLINE_MIN_TITLE_WORDS = 3
HEADLINE_MAX_WORDS = 25
# ... with its date line (names, a date, a time) this few units below it, the lead between.
HEADLINE_DATE_UNITS = 3
_WORD = lazy_compile(r"\w+")


def _find_date_below_headline(units: list[Unit], features: RecordTable, header: Header, lexicon: Lexicon) -> bool:
    """The first line from the body start that repeats HEADLINE_TITLE_WORD_SHARE of the title's words, and a
    line of at most META_MAX_WORDS words within HEADLINE_DATE_UNITS below it whose first date is neither a
    member's nor an updated one nor a comment's stamp (date-below-headline): the page's headline and date
    line, where the header window (anchored on the body start) and the title the header took (the page's
    <title> line, worded otherwise) miss them. Not a line the header labelled (the title's exact repeat)."""
    title_words = {word.casefold() for word in _WORD.findall(header.title or "")}
    if len(title_words) < HEADLINE_MIN_TITLE_WORDS:
        return False
    for index in range(header.body_start, len(units)):
        # The title's own repeat ('repeated-title') is a quote or a print view's: the header read around the title.
        if index == header.title_unit or features[index].words > HEADLINE_MAX_WORDS or index in header.labels:
            continue
        words = {word.casefold() for word in _WORD.findall(units[index].text)}
        if len(title_words & words) < HEADLINE_TITLE_WORD_SHARE * len(title_words):
            continue
        for below in range(index + 1, min(len(units), index + 1 + HEADLINE_DATE_UNITS)):
            text = units[below].text
            if features[below].words > META_MAX_WORDS or not _TWO_DIGITS.search(text):
                continue
            found = features.dates(below)
            if not found or _lone_machine_stamp(text, found, lexicon) or _COMMENT_TIME.match(text[found[0].end :]):
                continue
            if _not_the_pages_date(units, below, found, lexicon):
                continue
            if _date_kind(_date_labels(text, lexicon), found[0].start) in ("other", "updated"):
                continue
            if _under_related_heading(features, below, lexicon):
                continue
            header.set_date_line(found[0].value, below, "date-below-headline")
            return True
        return False
    return False


# 'Kolumne: Als Ob Über Nichtverlängerungen 11. Juli 2023', 'Just This Next Step - December 16, 2019': a
# date after this many words of text (a weekday name aside) closes a listed item, a related article's or a
# quoted source's; a page's own date line opens with it or with a label or a name ('By Jo Smith Thursday, ...').
LISTED_ITEM_WORDS_BEFORE = 3


def _listed_item_date(text: str, first: dates.FoundDate, language: str | None) -> bool:
    """The line's first date comes after LISTED_ITEM_WORDS_BEFORE words or more (date-after-text)."""
    languages = tuple(dict.fromkeys(x for x in (language, "en") if x))
    words = [word for word in text[: first.start].split() if not dates.is_weekday(word, languages)]
    return len(words) >= LISTED_ITEM_WORDS_BEFORE


def _labelled_short_lines(
    units: list[Unit], features: RecordTable, indexes: range, window: range, lexicon: Lexicon
) -> Iterator[tuple[int, str]]:
    """The metadata-sized lines among `indexes` outside the header `window` that could hold a date, each
    with the label of the line above it prefixed ('Published:' alone on its line). Cheap tests first: every
    date has two digits in a row (the page's lines with them are listed once, two_digit_lines), and most
    lines are long or hold no number, so they are out before the label lookups."""
    lines = features.two_digit_lines()
    for index in lines[bisect_left(lines, indexes.start) : bisect_left(lines, indexes.stop)]:
        if index in window or features[index].words > META_MAX_WORDS:
            continue
        yield index, label_above(units, index, lexicon) + units[index].text


def _find_labelled_date(
    units: list[Unit],
    features: RecordTable,
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
    for index, text in _labelled_short_lines(units, features, range(len(units)), window, lexicon):
        key = line_key(text)
        is_pub = published.leading_phrase(key)
        is_by = not is_pub and byline.leading_phrase(key)
        if not is_pub and not is_by:
            continue
        found = dates.find_dates_in_page_order(text, language, header.page_order)
        if not found:
            continue
        kind = _date_kind(_date_labels(text, lexicon), found[0].start)
        if kind == "published" or (is_by and kind is None) or (is_by and kind == "updated"):
            header.set_date_line(found[0].value, index, "labelled-date")
            return True
    return False


def _find_updated_date(
    units: list[Unit], features: RecordTable, window: range, header: Header, lexicon: Lexicon
) -> bool:
    """The first short line below the main text that an updated label opens ('Letzte Aktualisierung:
    28.01.2022', 'Last updated: November 13, 2025'), when the page shows no other date of its own
    (updated-date-below-text): the page's stamp, the only date it gives itself. Not an 'Updated on' among
    the title's byline lines: an edited article's, whose first date the page no longer shows."""
    updated = lexicon.phrases("updated-prefix")
    for index, text in _labelled_short_lines(units, features, range(header.body_end, len(units)), window, lexicon):
        if not updated.leading_phrase(line_key(text)):
            continue
        found = _short_date_line(units, features, index)
        if not found:
            continue
        header.set_date_line(found[0].value, index, "updated-date-below-text")
        return True
    return False


# 'Dieser Beitrag wurde am 04/02/2020 von kj in Bundesgericht veröffentlicht.', 'Posted on December 20, 2025
# by Jean-Luc Aufranc - 5 Comments on ...': a theme's publication stamp written as a sentence, a unit of at most
# this many words holding one date, with a publication verb at most this many words before or after it.
PUBLISHED_SENTENCE_MAX_WORDS = 60
PUBLISHED_SENTENCE_GAP_WORDS = 12


def _find_published_sentence(units: list[Unit], features: RecordTable, header: Header, lexicon: Lexicon) -> bool:
    """The first unit of the page whose only date a publication verb ('veröffentlicht', 'posted') names in
    the same sentence (published-sentence): the last resort, where no date line, labelled line or dateline
    was found. Not a unit that also holds an updated or member's label."""
    verbs = lexicon.phrases("published-verb").exact
    for index in features.two_digit_lines():
        if features[index].words > PUBLISHED_SENTENCE_MAX_WORDS:
            continue
        found = features.dates(index)
        if not found or len({item.value for item in found}) > 1:
            continue
        text = units[index].text
        at = _label_position(text, verbs)
        if at is None or any(kind != "published" for _, kind in _date_labels(text, lexicon)):
            continue
        if _words_between(text, at, found[0]) <= PUBLISHED_SENTENCE_GAP_WORDS:
            header.set_published(found[0].value, index, "published-sentence")
            return True
    return False


# '... By Glen Owen For The Mail On Sunday  Published:  22:00 GMT, 26 September 2020  |  Updated: ...', '... By
# Tomson Highway |Published on June 22, 2016  Email  Print ...': a published label, then the date this many
# characters from the label's start at most (the label, a colon, a time and zone between).
LABELLED_IN_TEXT_MAX_CHARS = 32


def _find_labelled_date_in_text(units: list[Unit], features: RecordTable, header: Header, lexicon: Lexicon) -> bool:
    """The first unit of any length whose first date label is a published one standing right before a date
    ('Published:', 'Published on') (labelled-date-in-text): the page's stamp glued into a long line. Near
    the last resort."""
    for index in features.two_digit_lines():
        text = units[index].text
        found = features.dates(index)
        if not found:
            continue
        # The unit's first label names its first date: 'Last updated 04 Jun 2020, originally created 17 Jun
        # 2019' shows the page's updated date first, what the page gives as its own.
        labels = _date_labels(text, lexicon)
        at, kind = labels[0] if labels else (0, None)
        after = [item for item in found if item.start > at]
        if kind == "published" and after and after[0].start - at <= LABELLED_IN_TEXT_MAX_CHARS:
            header.set_published(after[0].value, index, "labelled-date-in-text")
            return True
    return False


# 'This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated ...' below an
# unlabelled '30 Sep 2022, 11:07am': the page says which date is its first; the date follows the phrase
# ('originally published', 'erstmals veröffentlicht', per-language `[original-date]`) by this many words at most.
ORIGINAL_DATE_GAP_WORDS = 4


def prefer_original_date(units: list[Unit], features: RecordTable, header: Header, lexicon: Lexicon) -> None:
    """The page's date came from an unlabelled date line, and a unit of at most PUBLISHED_SENTENCE_MAX_WORDS
    words says the page was first published on an earlier day (original-date): that day is its
    publication, the date line's its last update. Not over a labelled 'Published' line."""
    if header.date_rule != "date-line" or header.date_unit is None or not header.published:
        return
    shown = label_above(units, header.date_unit, lexicon) + units[header.date_unit].text
    if _date_labels(shown, lexicon):
        return
    phrases = lexicon.phrases("original-date").exact
    for index in features.two_digit_lines():
        if features[index].words > PUBLISHED_SENTENCE_MAX_WORDS:
            continue
        text = units[index].text
        at = _label_position(text, phrases)
        if at is None:
            continue
        after = [item for item in features.dates(index) if item.start > at]
        if not after or _words_between(text, at, after[0]) > ORIGINAL_DATE_GAP_WORDS:
            continue
        if after[0].value < header.published:
            if header.updated is None:
                header.updated = header.published
            header.set_published(after[0].value, index, "original-date")
        return


def _find_data_sheet_date(
    units: list[Unit], features: RecordTable, window: range, header: Header, lexicon: Lexicon
) -> bool:
    """The last resort: the page shows no date of its own, but a data sheet of the header window gives a
    date neither updated nor a member's ('Veröffentlichung: 04.02.2022' beside 'Label: House of Clio' on an
    album's review) (data-sheet-date-only): a review's page is dated as the release it presents."""
    for index in window:
        found = _short_date_line(units, features, index)
        if not found or not _data_sheet_date(units, index, found, lexicon):
            continue
        if _date_kind(_date_labels(units[index].text, lexicon), found[0].start) in (None, "published"):
            header.set_date_line(found[0].value, index, "data-sheet-date-only")
            return True
    return False


def _words_between(text: str, at: int, item: dates.FoundDate) -> int:
    """Words between the label starting at `at` and the date `item`, on whichever side of it the label is."""
    gap = text[at : item.start] if at <= item.start else text[item.end : at]
    return len(gap.split())


_TWO_DIGITS = lazy_compile(r"\d\d")
# A dateline opening the first paragraphs: '27.1.2022 - Bei der ...', 'RAJSHAHI, Dec 20, 2025 (BSS) -',
# '(21. November 2022) Energieverbraucher ...', 'Red. / 31.10.2023 Die ...'.
_DATELINE_BEFORE = lazy_compile(r"^(?:\W*|.*[/|•·–—(]\s*|[A-ZÀ-Þ][\w.]*(?: [A-ZÀ-Þ][\w.]*)?,\s*)$")
# A capital after the date starts the text; glued dumps keep the source's run of spaces before it
# ('Michael Mäser,  02.02.2022  Share Nur die beiden ...').
_DATELINE_AFTER = lazy_compile(r"^(?:\s*$|\s*[-–—|/)•·:,(]|\s*\d\d?[:.]\d\d|\s*[„\"“«]|\s*[A-ZÀ-Þ])")
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
        found = dates.find_dates_in_page_order(head, language, header.page_order)
        if not found or found[0].start > DATELINE_MAX_CHARS:
            continue
        before, after = head[: found[0].start], head[found[0].end :]
        labelled = labels.leading_phrase(line_key(before)) and len(before.split()) <= 5
        if (labelled or _DATELINE_BEFORE.match(before)) and _DATELINE_AFTER.match(after):
            header.set_published(found[0].value, index, "dateline")
            return True
    return False


def _short_date_line(units: list[Unit], features: RecordTable, index: int) -> list[dates.FoundDate]:
    """The dates of a short line (META_MAX_WORDS words at most) that holds little besides them
    (DATE_LINE_MAX_OTHER_WORDS), else []: what the fallback, below-title and below-text searches take."""
    if features[index].words > META_MAX_WORDS:
        return []
    found = features.dates(index)
    if not found or words_besides(units[index].text, found) > DATE_LINE_MAX_OTHER_WORDS:
        return []
    return found


# 'Most Recent Posts' / 'Featured' / 'Jul 3, 2019' / a teaser's title: a date this many units below a related-links
# or previous/next heading dates one of the cards it lists, not the page.
RELATED_CARD_UNITS = 6
RELATED_CARD_RULE = "related-card-date"


def _under_related_heading(features: RecordTable, index: int, lexicon: Lexicon) -> bool:
    """A related-links or previous/next heading ('Related Posts', 'Next post') stands at most
    RELATED_CARD_UNITS units above the date line `index` (related-card-date). Read from the records' line keys
    (a line too long to be a label has none, and no such heading is one)."""
    for above in range(index - 1, max(-1, index - 1 - RELATED_CARD_UNITS), -1):
        key = features[above].key
        if key and any(lexicon.phrases(category).matches_whole(key) for category in _RELATED_CATEGORIES):
            return True
    return False


_RELATED_CATEGORIES = ("related-links", "prev-next")


def words_besides(text: str, found: list[dates.FoundDate]) -> int:
    """Words left in `text` once its dates are taken out."""
    for item in reversed(found):
        text = text[: item.start] + text[item.end :]
    return len(text.split())
