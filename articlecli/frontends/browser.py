"""Text-browser dumps (`lynx -dump`): numbered link markers in the text and the link list at the end.

lynx writes each link as "[12]link text" and lists every target at the end of the dump under a
"References" line ("  12. https://…", then "Hidden links:" for links without text). The list is not
page text: its lines become units removed as `link-references`. The markers are stripped from the
text and the text after each counts as link text, so menus of markers read as link lists.
"""

from __future__ import annotations

from itertools import pairwise

from articlecli.frontends.unit import Unit
from articlecli.lazy_regex import lazy_compile

LINK_REFERENCES = "link-references"
# The line lynx opens its link list with, and the sub-headings inside it (lynx writes them in English).
_LIST_OPENERS = frozenset({"References"})
_LIST_SUBHEADS = frozenset({"Visible links:", "Hidden links:"})
# "  12. https://…": a number and a URI (the target may hold spaces from the page's own href).
_REFERENCE = lazy_compile(r"^\s*\d{1,6}\.\s+[A-Za-z][A-Za-z0-9+.-]*:\S")
_MARKER = lazy_compile(r"\[(\d{1,6})\]")
# lynx does not mark where a link's text ends: the text after a marker, up to the next marker or this
# many words (a menu entry or a linked phrase), is counted as link text.
LINK_TEXT_MAX_WORDS = 4


def reference_list_start(lines: list[str]) -> int | None:
    """The index of the "References" line that opens a link list running to the end, else None."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start, references = end, 0
    while start and (not lines[start - 1].strip() or _in_list(lines[start - 1])):
        start -= 1
        references += bool(_REFERENCE.match(lines[start]))
    if references and start and lines[start - 1].strip() in _LIST_OPENERS:
        return start - 1
    return None


def _in_list(line: str) -> bool:
    return bool(_REFERENCE.match(line)) or line.strip() in _LIST_SUBHEADS


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
