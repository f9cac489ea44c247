"""The rest of a metadata line: what a date line or the page's <title> line says besides the field it
was read for. Each piece goes to its field (authors, categories) or is reported as removed with a
reason, so no part of a metadata line is dropped without a word:

    '12.03.2024 | Politik | Stadtrat beschließt neue Radwege'  -> category 'Politik', removed 'date-line-text'
    'Stand: 14.12.2024 10:00 Uhr | Von Anna Müller, NDR'       -> the date's label and time, the byline
    'March 3, 2024 by Jane Smith in Oceans, Biology'           -> author, categories 'Oceans', 'Biology'
    'Title | Site Name' (the page-title rule)                  -> removed 'site-name'
"""

from __future__ import annotations

import re

from articlecli.header.meta_labels import label_phrases
from articlecli.header.record import Header
from articlecli.header.taxonomy import split_list
from articlecli.lazy_regex import lazy_compile
from articlecli.records import dates
from articlecli.records.lexicon import Lexicon, line_key
from articlecli.records.names import byline_names

# Reasons reported in `removed` for the pieces of a metadata line that no field took.
DATE_LINE_TEXT = "date-line-text"
BYLINE_AFFILIATION = "byline-affiliation"
OTHER_BYLINE = "other-byline"
SITE_NAME = "site-name"
REST_REASONS = (DATE_LINE_TEXT, BYLINE_AFFILIATION, OTHER_BYLINE, SITE_NAME)

# The fields of a date line: bars, bullets, a spaced dash or slash, a wide gap.
_PIECE_SEPARATORS = lazy_compile(r"\s*(?:[|•·⋅●]|\s[-–—/]\s)\s*|\s{3,}")
# A clock time and its unit belong to the date beside them ('10:00 Uhr', '8:45 am', '14h30').
_CLOCK = lazy_compile(
    r"(?<!\d)\d\d?[:.h]\d\d(?!\d)(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.|cet|cest|utc|gmt|mez|mesz)\b)?", re.IGNORECASE
)
# A byline files the post under a section: 'Jane Smith in Oceans, Biology' (as names.cut_category).
_IN_SECTION = lazy_compile(r"(?:^|\s+)(?:in|im|dans|en)\s+(?=[A-ZÀ-ÖØ-Þ])")
_EDGE = " \t,;:|·•⋅●-–—/()[]"
_LETTER = lazy_compile(r"[^\W\d_]")
# A short piece between the fields of a date line ('12.03.2024 | Politik | …') is the section the
# page files the article under; a longer one is text (a headline, a teaser).
SECTION_MAX_WORDS = 3
# Date joiners and tiny words left between a date and its label ('on', 'at', 'um', 'le').
JOINER_MAX_CHARS = 3


def read_date_line_rest(text: str, lexicon: Lexicon, language: str | None, header: Header) -> list[tuple[str, str]]:
    """Place what a date line says besides its dates; return the pieces no field took, with reasons."""
    found = dates.find_dates_in_page_order(text, language, header.page_order)
    segments: list[str] = []
    position = 0
    for item in found:
        segments.append(text[position : item.start])
        position = item.end
    segments.append(text[position:])
    rest: list[tuple[str, str]] = []
    sections: list[str] = []
    for segment in segments:
        for raw_piece in _PIECE_SEPARATORS.split(_CLOCK.sub(" ", segment)):
            piece = raw_piece.strip(_EDGE)
            if piece and _LETTER.search(piece):
                rest.extend(_place(piece, lexicon, header, sections))
    for section in sections:
        if section not in header.categories:
            header.categories.append(section)
    return rest


def _place(piece: str, lexicon: Lexicon, header: Header, sections: list[str]) -> list[tuple[str, str]]:
    key = line_key(piece)
    if not key or key in label_phrases(lexicon).exact or _is_joiner(piece):
        return []  # the date's own label ('Stand', 'Updated on') or a joiner ('on', 'um')
    for category in _DATE_LABELS:
        label = lexicon.phrases(category).leading_phrase(key)
        if label:
            after = " ".join(piece.split()[len(label.split()) :]).strip(_EDGE)
            return _place(after, lexicon, header, sections) if after and _LETTER.search(after) else []
    # 'by Jane Smith in Oceans, Biology': the section after 'in' is the article's categories.
    split = _IN_SECTION.search(piece)
    if split:
        head = piece[: split.start()].strip(_EDGE)
        if not head or _is_byline_or_names(head, lexicon, header):
            sections.extend(split_list(piece[split.end() :]))
            return _place(head, lexicon, header, sections) if head else []
    if _is_byline_or_names(piece, lexicon, header):
        return _beside_names(piece, lexicon, header)
    words = piece.split()
    if len(words) <= SECTION_MAX_WORDS and all(word[:1].isupper() or not word[:1].isalpha() for word in words):
        sections.append(piece)
        return []
    return [(piece, DATE_LINE_TEXT)]


_DATE_LABELS = ("published-prefix", "updated-prefix", "other-date-prefix")


def _is_joiner(piece: str) -> bool:
    return all(len(word) <= JOINER_MAX_CHARS and word.islower() for word in piece.split())


def _is_byline_or_names(piece: str, lexicon: Lexicon, header: Header) -> bool:
    if byline_names(piece, lexicon) is not None:
        return True
    return bool(header.authors) and _author_words(header) >= set(_words(piece))


def _beside_names(piece: str, lexicon: Lexicon, header: Header) -> list[tuple[str, str]]:
    """A byline piece: nothing left when its names are the authors; else what is not a name or a label."""
    names = byline_names(piece, lexicon) or []
    authors = _author_words(header)
    if not {word for name in names for word in _words(name)} <= authors:
        # Names the header did not take (it read the authors from another byline).
        return [(piece, OTHER_BYLINE)]
    labels = {word for phrase in lexicon.phrases("byline-prefix").exact for word in phrase.split()}
    left = " ".join(word for word in piece.split() if _fold(word) not in authors | labels).strip(_EDGE)
    return [(left, BYLINE_AFFILIATION)] if _LETTER.search(left) else []


def _words(text: str) -> list[str]:
    return [_fold(word) for word in text.split() if _fold(word)]


def _fold(word: str) -> str:
    return word.strip(_EDGE + ".'\"“”‘’«»").casefold()


def _author_words(header: Header) -> set[str]:
    return {word for name in header.authors for word in _words(name)}


def page_title_rest(line: str, title: str) -> list[tuple[str, str]]:
    """The site name (and section) the page-title rule cut off the <title> line."""
    if not line.startswith(title):
        return []
    rest = line[len(title) :].strip(_EDGE)
    return [(rest, SITE_NAME)] if rest and _LETTER.search(rest) else []
