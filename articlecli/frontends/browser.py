"""Text-browser dumps (`lynx -dump`): numbered link markers in the text and the link list at the end.

lynx writes each link as "[12]link text" and lists every target at the end of the dump under a
"References" line ("  12. https://…", then "Hidden links:" for links without text). The list is not
page text: its lines become units removed as `link-references`. The markers are stripped from the
text and the text after each counts as link text, so menus of markers read as link lists; also on a
dump cut off above its list, recognised by its markers alone (`numbers_links`).
"""

from __future__ import annotations

from itertools import pairwise

from articlecli.frontends.unit import Unit
from articlecli.lazy_regex import lazy_compile

LINK_REFERENCES = "link-references"
# The line lynx opens its link list with, and the sub-headings inside it (lynx writes them in English; read
# with or without their colon, as other text browsers' lists differ in that).
_LIST_OPENERS = frozenset({"References"})
_LIST_SUBHEADS = frozenset({"Visible links:", "Hidden links:", "Visible links", "Hidden links"})
# "  12. https://…": a number and a URI. The target is the page's own href, which may hold spaces
# ("mailto: info@…", "javascript: void(-1);") and even line breaks (a share link's text, a form's body).
_REFERENCE = lazy_compile(r"^\s*(\d{1,6})\.\s+[A-Za-z][A-Za-z0-9+.-]*:")
_MARKER = lazy_compile(r"\[(\d{1,6})\]")
# lynx does not mark where a link's text ends: the text after a marker, up to the next marker or this
# many words (a menu entry or a linked phrase), is counted as link text.
LINK_TEXT_MAX_WORDS = 4


def reference_list_start(lines: list[str]) -> int | None:
    """The index of the "References" line that opens a link list running to the end, else None.

    The list is the last "References" line's tail when that tail is the browser's numbered link list: its
    reference lines numbered up from 1 in order (a page's own bibliography is not numbered by URIs), and
    its other lines (the pieces of an href with line breaks in it) fewer than its references.
    """
    for index in range(len(lines) - 1, -1, -1):
        if "References" in lines[index] and lines[index].strip() in _LIST_OPENERS:
            return index if _is_link_list(lines[index + 1 :]) else None
    return None


def _is_link_list(lines: list[str]) -> bool:
    numbers: list[int] = []
    others = 0
    for line in lines:
        text = line.strip()
        if not text or text in _LIST_SUBHEADS:
            continue
        reference = _REFERENCE.match(line)
        if reference is None:
            others += 1
            continue
        number = int(reference.group(1))
        if number <= (numbers[-1] if numbers else 0) or (not numbers and number != 1):
            return False
        numbers.append(number)
    return len(numbers) > others


# A dump cut off above its link list still carries the markers: "[12]link text", the number glued to the
# text it labels and counting up through the page. A footnote ("[3] Wer im …"), a citation ("essential
# [4], [5]"), an array print ("[0] => 1") and a Markdown link ("[2](https://…)") are not glued to a word
# that follows. So many glued markers, nearly all numbered up, are a text browser's: lynx numbers every
# link of a page, the shortest of the 391 lynx dumps of bench/other_scrapers.py --sample 6 has 9 such
# markers; the corpus's own dumps have at most 8 (a wiki's citation links, not in order).
_GLUED_MARKER = lazy_compile(r"\[(\d{1,6})\](?=[^\s()\[\].,;:!?])")
MARKERS_MIN = 9
MARKERS_MIN_ASCENDING_SHARE = 0.9


def numbers_links(lines: list[str]) -> bool:
    """True when the dump's links carry a text browser's "[12]" markers (with or without its link list)."""
    numbers = [int(m.group(1)) for line in lines if "[" in line for m in _GLUED_MARKER.finditer(line)]
    if len(numbers) < MARKERS_MIN:
        return False
    ascending = sum(after > before for before, after in pairwise(numbers))
    return ascending >= MARKERS_MIN_ASCENDING_SHARE * (len(numbers) - 1)


# A text browser renders the page's body: its dump has no <title> line. Read from the page's first lines.
RENDERING_SCAN_LINES = 400


def renders_page_body(lines: list[str]) -> bool:
    """True when the dump is a text browser's rendering of the page (wrapped at a terminal width, or its
    links numbered): it opens with the page's first element (a logo's alt text, a skip link, a cookie
    banner), not with the page's <title> as a whole-page scrape of the markup does."""
    head = lines[:RENDERING_SCAN_LINES]
    return wrap_width(head) is not None or numbers_links(head)


def strip_markers(text: str) -> tuple[str, int]:
    """`text` without its "[12]" markers, and how many of its characters were link text."""
    if "[" not in text:
        return text, 0
    pieces = _MARKER.split(text)
    # split() alternates text and marker numbers: pieces[0], n1, pieces[2], n2, pieces[4], …
    kept = [pieces[0]]
    link_chars = 0
    for after in pieces[2::2]:
        link_chars += len(" ".join(after.split()[:LINK_TEXT_MAX_WORDS]))
        if kept[-1][-1:].isalpha() and after[:1].isupper():
            # "By[47]Rhonda Krause": the marker stands where an element starts, which the page spaced by its
            # style, not by a space in the text; without the marker the two words would run together (a
            # capital after a letter: "alternate[2]alternate", a page's <link> list, stays one word).
            kept.append(" ")
        kept.append(after)
    stripped = "".join(kept)
    return stripped, min(link_chars, len(stripped))


def reference_units(lines: list[str], start: int, first_index: int) -> list[Unit]:
    """One removed unit per non-blank line of the link list from `lines[start]` on."""
    units: list[Unit] = []
    blank_before = True
    for number, raw in enumerate(lines[start:], start=start + 1):
        text = raw.strip()
        if not text:
            blank_before = True
            continue
        units.append(
            Unit(
                first_index + len(units),
                (number,),
                (raw,),
                text,
                link_chars=len(text),
                blank_before=blank_before,
                boilerplate=LINK_REFERENCES,
            )
        )
        blank_before = False
    return units


# --- hard-wrapped dumps (lynx, w3m, `fmt`): paragraphs broken at a fixed terminal width ----------------

# Widths text browsers and mail tools wrap at lie in this range (lynx and w3m: 80 by default); a dump
# with longer lines was not wrapped.
WRAP_MIN_WIDTH = 60
WRAP_MAX_WIDTH = 200
# A line is full when the next line's first word would not have fitted on it. In a wrapped dump many
# lines are (every line of a paragraph but its last); a dump that merely has short lines has few.
WRAP_MIN_FULL_SHARE = 0.15
WRAP_MIN_FULL_LINES = 5


def wrap_width(lines: list[str]) -> int | None:
    """The width the dump was wrapped at, or None when its lines were not wrapped."""
    width = max(map(len, map(str.rstrip, lines)), default=0)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    pairs = full = 0
    for line, following in pairwise(lines):
        if line.strip() and following.strip():
            pairs += 1
            full += wraps_before(line, following, width)
    return width if full >= WRAP_MIN_FULL_LINES and full >= WRAP_MIN_FULL_SHARE * pairs else None


def wraps_before(line: str, following: str, width: int) -> bool:
    """True when `following` goes on with `line`: its first word did not fit on `line` at `width`."""
    first = following.split(maxsplit=1)[0] if following.strip() else ""
    if not first or len(line.rstrip()) + 1 + len(first) <= width:
        return False
    # A rule drawn across the width (w3m draws <hr> as a line of "━") is full but holds no word: the
    # line after it, or a rule after a full line, was not wrapped ("━━━━" + "Add to list" is no paragraph).
    return bool(_WORD_CHAR.search(line)) and bool(_WORD_CHAR.search(first))


_WORD_CHAR = lazy_compile(r"[^\W_]")
