"""The form in which a line is counted across a site's pages: its line key with numbers masked.

"© 2009 BBC" and "© 2017 BBC", "9 captures" and "36 captures" are the same template line; a line
that carries a date (a month or weekday name beside a number: "Page last updated at 00:36 GMT,
Thursday, 12 March 2009") is the page's own metadata, so it has no key at all and is never template.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from articlecli.lazy_regex import lazy_compile
from articlecli.records.dates import is_calendar_word_any_language
from articlecli.records.lexicon import line_key

# Template lines are labels, menus, notices, footers and blurbs (an archive's 90-word collection note).
# A longer line is the page's own text.
KEY_MAX_WORDS = 150
NUMBER_MASK = "#"

_HAS_LETTER = lazy_compile(r"[^\W\d_]")
_HAS_DIGIT = lazy_compile(r"\d")
_TOKEN = lazy_compile(r"\d+|[^\W\d_]+")


def site_key(text: str) -> str | None:
    """The counted form of a unit's text, or None for a line that is never template.

    None: no letter at all, more than KEY_MAX_WORDS words, or a date (a number beside a month or
    weekday name). Digit runs become '#', so page counters and years do not split a template line.
    """
    if not _HAS_LETTER.search(text) or len(text.split()) > KEY_MAX_WORDS:
        return None
    key = line_key(text)
    if not _HAS_DIGIT.search(key):
        return key or None
    if _has_date(_TOKEN.findall(key)):
        return None
    return re.sub(r"\d+", NUMBER_MASK, key)


# Calendar words shorter than this ("di", "do", "to": Dutch, German and Danish weekday abbreviations)
# are too often ordinary words.
CALENDAR_WORD_MIN_CHARS = 3


def _has_date(tokens: list[str]) -> bool:
    """A month or weekday name right beside a number: '12 March 2009', 'Fri January 4, 2013'."""
    for position, token in enumerate(tokens):
        if token[0].isdigit() or len(token) < CALENDAR_WORD_MIN_CHARS:
            continue
        beside = tokens[max(0, position - 1) : position + 2]
        # Month and weekday names of any language: the site's is not known.
        if any(other[0].isdigit() for other in beside) and is_calendar_word_any_language(token):
            return True
    return False


# What separates a page's title from the site's name in its <title> line (as header.title reads it).
TITLE_SEPARATORS = lazy_compile(r"\s+[|\-–—·:•»]\s+|\s+::\s+")
# A title keeps at least this many words once the site's name is cut off it.
TITLE_MIN_WORDS = 2


def strip_title_affixes(title: str, prefixes: Mapping[str, float], suffixes: Mapping[str, float]) -> str:
    """'CNN.com - Rita batters the coast' -> 'Rita batters the coast' when 'CNN.com' opens the <title> line
    of many of the site's pages (a learned prefix); the same for a learned suffix ('… | Tidewater Gazette')."""
    pieces = TITLE_SEPARATORS.split(title)
    separators = TITLE_SEPARATORS.findall(title)
    start, end = 0, len(pieces)
    if end - start >= 2 and site_key(pieces[start]) in prefixes:
        start += 1
    if end - start >= 2 and site_key(pieces[end - 1]) in suffixes:
        end -= 1
    if (start, end) == (0, len(pieces)):
        return title
    kept = pieces[start]
    for separator, piece in zip(separators[start : end - 1], pieces[start + 1 : end], strict=True):
        kept += separator + piece
    return kept if len(kept.split()) >= TITLE_MIN_WORDS else title
