"""Find and parse calendar dates written in many languages and common numeric forms.

Month names come from CLDR through babel, so any language babel knows is covered, not only the
ones we wrote lists for.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from itertools import filterfalse
from typing import NamedTuple

from articlecli.data import read_data
from articlecli.lazy_regex import lazy_compile

MIN_YEAR = 1990
MAX_YEAR = 2100
# Numeric dates are read month-first only for languages whose sites usually write them that way.
MONTH_FIRST_LANGUAGES = frozenset({"en"})


# A NamedTuple, as the article's per-line records are (model.RemovedLine): a frozen dataclass's class
# costs a CLI run about 1 ms to create (Python 3.11 compiles each generated method with exec).
class FoundDate(NamedTuple):
    """A date found in a line: its ISO value and the span of its text."""

    value: str
    start: int
    end: int


_ISO = lazy_compile(
    r"(?<!\d)((?:19|20)\d\d)-(\d\d?)-(\d\d?)(?:[T ](\d\d):(\d\d)(?::(\d\d))?(Z|[+-]\d\d:?\d\d)?)?(?!\d)"
)
_YMD = lazy_compile(r"(?<!\d)((?:19|20)\d\d)[/.](\d\d?)[/.](\d\d?)(?!\d)")
_DMY = lazy_compile(r"(?<![\d.])(\d\d?)([./-])(\d\d?)\2((?:19|20)\d\d(?=\d\d?[./:-]\d)|(?:19|20)?\d\d(?!\d))")
# _DMY for long texts: "(?<![\d.])(\d" and "(\d(?<![\d.]\d)" match the same, but a pattern that starts
# with a digit class lets the search skip ahead to the next digit instead of testing every position.
_DMY_SCAN = lazy_compile(_DMY.pattern.replace(r"(?<![\d.])(\d", r"(\d(?<![\d.]\d)", 1))
# "18. 05. 2014", "13. 1. 2020": dotted day and month with a space after each dot.
_DMY_SPACED = lazy_compile(r"(?<![\d.])(\d\d?)\.\s(\d\d?)\.\s?((?:19|20)\d\d)(?!\d)")
_CJK = lazy_compile(r"((?:19|20)\d\d)\s*年\s*(\d\d?)\s*月\s*(\d\d?)\s*日")


def _make_day(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _fold(text: str) -> str:
    stripped = unicodedata.normalize("NFKD", text.casefold())
    if stripped.isascii():
        return stripped
    return "".join(filterfalse(unicodedata.combining, stripped))


# The CLDR names of every language with a plain code, written from babel by bench/make_calendar.py.
CALENDAR_DATA = "calendar.txt"
_CALENDAR_FIELDS = ("months", "days")


def _calendar_names(languages: tuple[str, ...], field: str) -> Iterator[tuple[int, str]]:
    """(number, accent-folded name) for CLDR's `field` ("months" or "days") in every width sites print."""
    for language in languages:
        # babel turns the code into a file name: only a plain 2-3 letter code gets that far.
        if not (language.isascii() and language.isalpha() and 2 <= len(language) <= 3):
            continue
        names = stored_calendar(language)
        if names is None:
            names = babel_calendar(language)
        if names is not None:
            for number, name in names[field]:
                yield number, _fold(name).rstrip(".")


def babel_calendar(language: str) -> dict[str, list[tuple[int, str]]] | None:
    """CLDR's month and weekday names of `language` from babel: {field: [(number, name), ...]} in the order
    _calendar_names reads them (format, then stand-alone; wide, then abbreviated); None for a language
    babel does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    names: dict[str, list[tuple[int, str]]] = {}
    for field in _CALENDAR_FIELDS:
        table = getattr(locale, field)
        names[field] = [
            (number, name)
            for context in ("format", "stand-alone")
            for width in ("wide", "abbreviated")
            for number, name in table.get(context, {}).get(width, {}).items()
        ]
    return names


def stored_calendar(language: str) -> dict[str, list[tuple[int, str]]] | None:
    """babel_calendar(language) as the package data stores it (data/calendar.txt), None for a language the
    file lacks. Loading babel's locale data cost 6-10 ms of CPU for each language a process meets (babel
    itself 60 ms); the file is read once and a language's line parsed when first asked for."""
    line = _calendar_lines().get(language)
    if line is None:
        return None
    return {field: [(number, name) for number, name in pairs] for field, pairs in json.loads(line).items()}


@cache
def _calendar_lines() -> dict[str, str]:
    """Each language's line of the calendar data (its JSON, not yet parsed), by language code."""
    lines: dict[str, str] = {}
    for line in read_data(CALENDAR_DATA).splitlines():
        if line and not line.startswith("#"):
            code, _, names = line.partition("\t")
            lines[code] = names
    return lines


@lru_cache(maxsize=32)
def _month_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Accent-folded month name (wide and abbreviated, format and stand-alone) -> month number."""
    names: dict[str, int] = {}
    for number, folded in _calendar_names(languages, "months"):
        if len(folded) >= 3:
            names.setdefault(folded, number)
    # English abbreviations as sites print them, beyond CLDR's ("Sept").
    names.setdefault("sept", 9)
    return names


@lru_cache(maxsize=32)
def _word_date_patterns(languages: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    months = sorted(_month_names(languages), key=len, reverse=True)
    month = "(" + "|".join(re.escape(m) for m in months) + r")\.?"
    day_suffix = r"(?:st|nd|rd|th|er|\.|º|°)?"
    day = r"(\d{1,2})" + day_suffix
    # The year may be glued to following digits: "6. November 20236. November 2023", "202207:59 hs".
    year = r"((?:19|20)\d\d)"
    joiner = r"(?:\s*,?\s*(?:de|del|di|van|of)?\s*|\s*[-/]\s*)"
    # '(?<!\d)(\d{1,2})' written from its first digit ('(\d(?<!\d\d)\d?)', the same matches and groups): a
    # pattern that starts with a character class lets the search skip to the next digit instead of testing
    # the look-behind at every position (numeric_order runs it over the whole page).
    day_first = re.compile(rf"(\d(?<!\d\d)\d?){day_suffix}{joiner}{month}{joiner}{year}")
    month_first = re.compile(rf"(?<![\w]){month}\s*{day}\s*,?\s*{year}")
    return day_first, month_first


# Every date form has a year of at least two digits in a row; most lines have none.
_TWO_DIGITS = lazy_compile(r"\d\d")
_YEAR_LIKE = lazy_compile(r"(?:19|20)\d\d")
_THREE_LETTERS = lazy_compile(r"[^\W\d_]{3}")


def find_dates(text: str, language: str | None = None, month_first: bool | None = None) -> list[FoundDate]:
    """Every full date (with a year) in `text`, in order of appearance.

    `month_first` fixes how ambiguous numeric dates (03/04/2020) are read, e.g. from `numeric_order`
    of the whole page; None reads them by the language's habit.
    """
    if not _TWO_DIGITS.search(text):
        return []
    return list(_find_dates(text, language, month_first))


def find_dates_in_page_order(text: str, language: str | None, page_order: Callable[[], bool | None]) -> list[FoundDate]:
    """find_dates(text, language, page_order()), with the page's numeric order (numeric_order, a scan of
    the whole page) asked for only when `text` holds a numeric date that reads differently month-first and
    day-first: every order reads any other text alike, and on five pages in six no line the header asks
    about holds one."""
    if not _TWO_DIGITS.search(text):
        return []
    return list(_find_dates(text, language, page_order() if _reads_by_order(text) else None))


def _reads_by_order(text: str) -> bool:
    """Whether a numeric date of `text` is ambiguous (_numeric_day reads it by `month_first`): _DMY's two
    numbers both a possible month, and different ('03/04/2020', not '13/04/2020' or '04/04/2020')."""
    if not _NUMERIC_DATE_HINT.search(text):
        return False
    for match in _DMY.finditer(text):
        first, second = int(match[1]), int(match[3])
        if first <= 12 and second <= 12 and first != second:
            return True
    return False


# The header and title passes test the same lines again.
@lru_cache(maxsize=2048)
def _find_dates(text: str, language: str | None, month_first: bool | None) -> tuple[FoundDate, ...]:
    return _dates_read(text, _numeric_dates(text, language, month_first), _word_languages(language))


def _dates_read(text: str, numeric: list[FoundDate], languages: tuple[str, ...]) -> tuple[FoundDate, ...]:
    """The dates of `text`: its `numeric` ones and those with month names of `languages`, in order of
    appearance, without those inside a link's address, overlaps, or a machine stamp beside the shown date."""
    found = numeric
    if _YEAR_LIKE.search(text) and _THREE_LETTERS.search(text):
        found.extend(_word_dates_in(text, languages))
    found.sort(key=lambda d: d.start)
    if "/" in text and found:
        found = _outside_urls(text, found)
    return tuple(_drop_stamp_before_shown(text, _drop_overlaps(found)))


# A link's address ('https://site/2015/03/24/story', '](/2019/12/14/links)') dates the page it points to.
_URL = lazy_compile(r"(?:https?://|www\.)[^\s)>\]]+|\]\([^)\s]+")


def _outside_urls(text: str, found: list[FoundDate]) -> list[FoundDate]:
    spans = [match.span() for match in _URL.finditer(text)]
    if not spans:
        return found
    starts = [start for start, _ in spans]

    def in_url(position: int) -> bool:
        nearest = bisect_right(starts, position) - 1
        return nearest >= 0 and position < spans[nearest][1]

    return [item for item in found if not in_url(item.start)]


# 'Tom 2024-04-18T13:00:39+00:00 March 22nd, 2024': a theme's machine timestamp (often the modified time)
# printed just before the date the page shows; the shown one is the page's.
_STAMP_GAP = 3


def _drop_stamp_before_shown(text: str, found: list[FoundDate]) -> list[FoundDate]:
    if len(found) < 2:
        return found
    kept = []
    for item, after in zip(found, [*found[1:], None], strict=True):
        is_stamp = "T" in text[item.start : item.end] and item.end - item.start > 16
        if is_stamp and after is not None and after.start - item.end <= _STAMP_GAP:
            continue
        kept.append(item)
    return kept


def _drop_overlaps(found: list[FoundDate]) -> list[FoundDate]:
    kept: list[FoundDate] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


# numeric_order joins the page's lines to scan them in batches of about this many characters: one batch
# for an ordinary page, a bounded copy for a large one.
DATE_SCAN_BATCH_CHARS = 1 << 16


def _joined_batches(texts: list[str]) -> Iterator[str]:
    """`texts` joined with line breaks, in consecutive batches of about DATE_SCAN_BATCH_CHARS characters."""
    start = size = 0
    for end, text in enumerate(texts, start=1):
        size += len(text) + 1
        if size >= DATE_SCAN_BATCH_CHARS:
            yield "\n".join(texts[start:end])
            start, size = end, 0
    if start < len(texts) or not texts:
        yield "\n".join(texts[start:])


def numeric_order(texts: list[str], language: str | None = None) -> bool | None:
    """Whether the page writes numeric dates month-first, judged from its unambiguous ones
    (13/04/2020 is day-first, 04/13/2020 month-first), else from the same day written out in words
    elsewhere on the page ('02-12-2025' and 'December 02, 2025'); None without evidence or with both."""
    day_first = month_first = 0
    ambiguous: list[tuple[int, int, str]] = []
    # A numeric date has no whitespace and a line break reads like a text edge to _DMY's lookarounds,
    # so one scan of the joined lines finds what a scan of each line would; the lines are joined a batch
    # at a time (a large page joined whole was a copy of it, four bytes a character with one emoji).
    for joined in _joined_batches(texts):
        for match in _DMY_SCAN.finditer(joined):
            first, second = int(match[1]), int(match[3])
            if 12 < first <= 31 and 1 <= second <= 12:
                day_first += 1
            elif 12 < second <= 31 and 1 <= first <= 12:
                month_first += 1
            elif first != second:
                ambiguous.append((first, second, match[4]))
    if not day_first and not month_first and ambiguous:
        day_first, month_first = _order_by_written_days("\n".join(texts), ambiguous, language)
    if day_first and not month_first:
        return False
    if month_first and not day_first:
        return True
    return None


def _order_by_written_days(text: str, ambiguous: list[tuple[int, int, str]], language: str | None) -> tuple[int, int]:
    """Votes (day-first, month-first) of ambiguous numeric dates whose one reading the page also writes in words."""
    written = {item.value for item in _word_dates(text, language)}
    day_first = month_first = 0
    for first, second, year_text in ambiguous:
        as_month_first = _numeric_day(first, second, year_text, None, True)
        as_day_first = _numeric_day(first, second, year_text, None, False)
        in_mf = as_month_first is not None and as_month_first.isoformat() in written
        in_df = as_day_first is not None and as_day_first.isoformat() in written
        if in_mf and not in_df:
            month_first += 1
        elif in_df and not in_mf:
            day_first += 1
    if not day_first and not month_first:
        return _order_by_nearby_written_days(written, ambiguous)
    return day_first, month_first


# '02/10/2020' on a page whose text speaks of 'Sept. 29, 2020': of the two readings, the one within this many
# days of a date the page writes in words is its order (a page's dates cluster around its day).
NEARBY_WRITTEN_DAYS = 14


def _order_by_nearby_written_days(written: set[str], ambiguous: list[tuple[int, int, str]]) -> tuple[int, int]:
    """Votes (day-first, month-first) of ambiguous numeric dates of which only one reading lies within
    NEARBY_WRITTEN_DAYS of a date the page writes in words (nearby-written-date)."""
    days = [dt.date.fromisoformat(value) for value in written]
    if not days:
        return 0, 0

    def near(day: dt.date | None) -> bool:
        return day is not None and any(abs((day - other).days) <= NEARBY_WRITTEN_DAYS for other in days)

    day_first = month_first = 0
    for first, second, year_text in ambiguous:
        near_mf = near(_numeric_day(first, second, year_text, None, True))
        near_df = near(_numeric_day(first, second, year_text, None, False))
        if near_mf and not near_df:
            month_first += 1
        elif near_df and not near_mf:
            day_first += 1
    return day_first, month_first


# Every numeric form has a digit right before a '-', '/' or '.' (_ISO, _YMD, _DMY, _DMY_SPACED) or is a CJK
# date (年): one scan for these rules out all five scans on most lines (two lines in three that reach it).
_NUMERIC_DATE_HINT = lazy_compile(r"\d[./-]|年")


def _numeric_dates(text: str, language: str | None, month_first: bool | None = None) -> list[FoundDate]:
    found: list[FoundDate] = []
    if not _NUMERIC_DATE_HINT.search(text):
        return found
    for match in _ISO.finditer(text):
        day = _make_day(int(match[1]), int(match[2]), int(match[3]))
        if day:
            found.append(FoundDate(day.isoformat(), match.start(), match.end()))
    for match in _YMD.finditer(text):
        day = _make_day(int(match[1]), int(match[2]), int(match[3]))
        if day:
            found.append(FoundDate(day.isoformat(), match.start(), match.end()))
    for match in _CJK.finditer(text):
        day = _make_day(int(match[1]), int(match[2]), int(match[3]))
        if day:
            found.append(FoundDate(day.isoformat(), match.start(), match.end()))
    for match in _DMY_SPACED.finditer(text):
        day = _make_day(int(match[3]), int(match[2]), int(match[1]))
        if day:
            found.append(FoundDate(day.isoformat(), match.start(), match.end()))
    for match in _DMY.finditer(text):
        day = _numeric_day(int(match[1]), int(match[3]), match[4], language, month_first)
        if day:
            found.append(FoundDate(day.isoformat(), match.start(), match.end()))
    return found


def _numeric_day(
    first: int, second: int, year_text: str, language: str | None, month_first: bool | None = None
) -> dt.date | None:
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000
    if month_first is None:
        month_first = (language or "en") in MONTH_FIRST_LANGUAGES
    if first > 12:
        month_first = False
    elif second > 12:
        month_first = True
    month, day = (first, second) if month_first else (second, first)
    return _make_day(year, month, day)


def find_dates_any_language(text: str) -> list[FoundDate]:
    """Every full date in `text` with month names of every language the package has data for, for a stage
    that runs before the page's language is known (frontends.segment cuts a wall line at its dates: 'Polizeibericht
    31. Oktober 2023 Suche nach:' is cut at the German date as 'October 12, 2020' is at the English one).
    Ambiguous numeric dates are read by no language's habit; where the dates stand is what such a caller uses."""
    if not _TWO_DIGITS.search(text):
        return []
    return list(_find_dates_any_language(text))


@lru_cache(maxsize=256)
def _find_dates_any_language(text: str) -> tuple[FoundDate, ...]:
    return _dates_read(text, _numeric_dates(text, None), tuple(dict.fromkeys(("en", *phrase_languages()))))


def is_calendar_word_any_language(word: str) -> bool:
    """A weekday or month name of any language the package has phrase data for: for a stage that runs before
    the page's language is known (frontends.segment) or counts lines across a site in any language (site.keys)."""
    languages = phrase_languages()
    return is_month_name(word, languages) or is_weekday(word, languages)


@cache
def phrase_languages() -> tuple[str, ...]:
    """records.lexicon.available_languages, listed from the package data once per process."""
    from articlecli.records.lexicon import available_languages

    return available_languages()


def _word_languages(language: str | None) -> tuple[str, ...]:
    """The languages whose month names are read in a text of `language`: its own, then English."""
    return tuple(dict.fromkeys(x for x in (language, "en") if x))


def _word_dates(text: str, language: str | None) -> list[FoundDate]:
    return _word_dates_in(text, _word_languages(language))


def _word_dates_in(text: str, languages: tuple[str, ...]) -> list[FoundDate]:
    # Offsets are those of the folded text; they match the input except after rare ligatures.
    folded = _fold(text)
    names = _month_names(languages)
    day_first, month_first = _word_date_patterns(languages)
    found: list[FoundDate] = []
    for match in day_first.finditer(folded):
        start, first_day = _range_start(folded, match.start(), int(match[1]))
        day = _make_day(int(match[3]), names[match[2]], first_day)
        if day:
            found.append(FoundDate(day.isoformat(), start, match.end()))
    for match in month_first.finditer(folded):
        day = _make_day(int(match[3]), names[match[1]], int(match[2]))
        if day:
            found.append(FoundDate(day.isoformat(), match.start(), match.end()))
    return found


# 'Wochenbericht 14. - 20. Januar 2022', '9.–11. September 2022': a span of days in one month is dated by its
# first day (a weekly report's or an event's start), not by the day the month name follows.
# The first day carries its dot ('14. -') or the dash stands between the two numbers ('1-3'): 'Seite 3 - 20.
# Januar' is no span.
_DAY_RANGE_BEFORE = lazy_compile(r"(?<![\d.])(\d\d?)(?:\.\s*[-–]\s*|[-–])$")


def _range_start(folded: str, start: int, day: int) -> tuple[int, int]:
    """(start, day) of a day-first date, moved to the first day of a day range that ends with it (day-range)."""
    match = _DAY_RANGE_BEFORE.search(folded, max(0, start - 8), start)
    if match is None or not 1 <= int(match[1]) < day:
        return start, day
    return match.start(), int(match[1])


@lru_cache(maxsize=32)
def _weekday_names(languages: tuple[str, ...]) -> frozenset[str]:
    """Accent-folded weekday names (wide and abbreviated) of `languages`."""
    return frozenset(folded for _, folded in _calendar_names(languages, "days") if len(folded) >= 2)


def is_weekday(word: str, languages: tuple[str, ...] = ("en",)) -> bool:
    """'Tuesday,', 'Dienstag', 'lundi': a weekday name that may precede a date."""
    return _fold(word).strip(".,;:") in _weekday_names(languages)


def is_month_name(word: str, languages: tuple[str, ...] = ("en",)) -> bool:
    """'March', 'mars', 'Sept.': a month name (wide or abbreviated, CLDR) of one of `languages`."""
    return _fold(word).strip(".,;:") in _month_names(languages)
