"""Metadata labels ('By', 'Published:', 'Tags:', reading time) in header lines, and splitting a label or
date glued to the text before it."""

from __future__ import annotations

from functools import lru_cache

from articlecli.lazy_regex import lazy_compile
from articlecli.records import dates
from articlecli.records.lexicon import Lexicon, PhraseSet, line_key

# A capital after a lowercase letter or two digits. Written from the capital, not as the empty join before it
# ('(?:(?<=[a-z])|(?<=\d\d))(?=[A-Z])'): a pattern that starts with a character class lets the search skip
# to the next capital instead of testing every position. A match starts where the join is.
_GLUED_LABEL = lazy_compile(r"[A-ZÀ-ÖØ-Þ](?:(?<=[a-zà-öø-ÿ].)|(?<=\d\d.))")


def is_label_text(text: str, lexicon: Lexicon) -> bool:
    key = line_key(text)
    reading_time = lexicon.phrases("reading-time")
    return bool(
        label_phrases(lexicon).leading_phrase(key)
        or reading_time.leading_phrase(key)
        or reading_time.matches_whole(key)
    )


_LABEL_CATEGORIES = ("published-prefix", "updated-prefix", "byline-prefix", "category-prefix", "tag-prefix")


@lru_cache(maxsize=32)
def label_phrases(lexicon: Lexicon) -> PhraseSet:
    """The phrases of every label category in one set: one 'starts with' search instead of five.

    A line starts with a label of some category exactly when it starts with one of the union.
    """
    return PhraseSet(frozenset().union(*(lexicon.phrases(c).exact for c in _LABEL_CATEGORIES)), (), ())


# Labels are a few words: keying the rest of the line at every join made long glued lines quadratic.
LABEL_WINDOW_CHARS = 100


# Several passes read the same header lines.
@lru_cache(maxsize=1024)
def unglue_labels(text: str, lexicon: Lexicon) -> str:
    """'By Korin MillerPublished: Jan 29, 2025' -> 'By Korin Miller | Published: Jan 29, 2025'.

    Only where the glued right-hand part starts with a metadata label, so 'McDonald' stays whole.
    """
    pieces: list[str] = []
    last = 0
    # A year glued to the next label counts too: 'Posted on 25. Januar 2022Author Redaktion'.
    for match in _GLUED_LABEL.finditer(text):
        key = line_key(text[match.start() : match.start() + LABEL_WINDOW_CHARS])
        if label_phrases(lexicon).leading_phrase(key):
            pieces.append(text[last : match.start()])
            last = match.start()
    pieces.append(text[last:])
    return _unglue_dates(" | ".join(pieces))


# Written from the capital as _GLUED_LABEL: '(?<=[a-z]{2})(?=[A-Z][a-z]{2,}\.?\s?\d)'.
_GLUED_DATE = lazy_compile(r"[A-ZÀ-ÖØ-Þ](?<=[a-zà-öø-ÿ]{2}.)(?=[a-zà-öø-ÿ]{2,}\.?\s?\d)")


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
