"""The form in which a line is counted across a site's pages: its line key with numbers masked.

"© 2009 BBC" and "© 2017 BBC", "9 captures" and "36 captures" are the same template line; a line
that carries a date ("Page last updated at 00:36 GMT, Thursday, 12 March 2009") is the page's own
metadata, so it has no key at all and is never counted as template.
"""

from __future__ import annotations

import re
from functools import lru_cache

from articlecli.records.dates import is_month_name, is_weekday
from articlecli.records.lexicon import available_languages, line_key

# Template lines are labels, menus, notices and footers. A longer line is the page's own text (or a
# paragraph the page happens to share, which is no business of the template).
KEY_MAX_WORDS = 40
NUMBER_MASK = "#"

_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")


@lru_cache(maxsize=1)
def _calendar_languages() -> tuple[str, ...]:
    """Every language we ship phrases for: month and weekday names are masked whatever the site's language."""
    return available_languages()


def _is_calendar_word(word: str) -> bool:
    languages = _calendar_languages()
    return is_month_name(word, languages) or is_weekday(word, languages)


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
    tokens = _TOKEN.findall(key)
    if any(not token[0].isdigit() and _is_calendar_word(token) for token in tokens):
        return None
    return re.sub(r"\d+", NUMBER_MASK, key)
