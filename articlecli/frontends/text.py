"""The text front end: raw lines to units (logical lines), the shared intermediate form.

A unit is one paragraph, heading or list item as the scraper left it, with the source line numbers
it came from and layout hints (Markdown heading level, list or quote marker, link density, blank
lines around it). Lines that a naive scraper split at inline links are joined back here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, pairwise
from operator import itemgetter
from typing import Final

from articlecli.data import read_words
from articlecli.frontends import browser, markdown, segment
from articlecli.frontends.unit import Unit
from articlecli.lazy_regex import lazy_compile

# A line ending like this finishes a sentence, so the next line starts a new unit.
_TERMINAL = lazy_compile(r"[.!?:;…\"'”»)\]]$")
# A line starting like this continues the previous one ("Read the\nfull report\nhere.").
_CONTINUATION_START = lazy_compile(r"^(?:[a-zà-öø-ÿß][\w'’-]*|[,.;:!?)\]%»”])")
# A dash clause continues an unfinished line: a bold lead-in ("Touchscreen" / "– Smartphones have no keys").
_DASH_CLAUSE = lazy_compile(r"^[–—]\s")
_YEAR = lazy_compile(r"\b(?:19|20)\d\d\b")
_PUNCT_START = lazy_compile(r"^[,.;:!?)\]%»”]")
# The same tests as character sets, for _continues, which runs on nearly every line of a page: each
# pattern above decides on one character (the first, or the last), and a set lookup costs a tenth of
# a regex call.
_TERMINAL_CHARS = frozenset(".!?:;…\"'”»)]")
_PUNCT_START_CHARS = frozenset(",.;:!?)]%»”")
_CONTINUATION_START_CHARS = _PUNCT_START_CHARS | frozenset(
    "ß" + "".join(map(chr, [*range(ord("a"), ord("z") + 1), *range(0xE0, 0xF7), *range(0xF8, 0x100)]))
)
# A capitalised line this short still continues a line that ended on a function word or a label
# colon ("Posted on" / "June 29, 2020", "Published:" / "Jan 29, 2025").
CAPITALISED_FRAGMENT_MAX_WORDS = 6
LABEL_MAX_WORDS = 3


@lru_cache(maxsize=1)
def _label_words() -> tuple[frozenset[str], frozenset[str]]:
    """One-word byline labels ("by", "von") and date labels ("published"), in every language we know."""
    from articlecli.records.lexicon import available_languages, load_lexicon

    lexicon = load_lexicon(available_languages())

    dates = frozenset(
        p for c in ("published-prefix", "updated-prefix") for p in lexicon.phrases(c).exact if " " not in p
    )
    # Function words ("de", "di") start ordinary continuations far more often than date labels.
    return segment.byline_labels(), dates - segment.joiner_words()


def _byline_follows(rest: str) -> bool:
    """The words after a byline label ("by") are a name: "by Jane Doe" starts a metadata line."""
    # Imported only here: an import statement costs microseconds even when the module is loaded, and
    # this runs for most lines of a page (a million two-letter lines spent 6 s in it).
    from articlecli.records.names import looks_like_name

    return looks_like_name(rest)


# A scanned source line is a plain tuple, read by unpacking or by the index names below: a tuple costs a
# third of a dataclass instance to build, and a page has hundreds of lines (a dump of short lines, a
# million). Its fields: the source line number, the raw line, its text (markers and Markdown syntax
# removed), the Markdown heading level, list item, numbered item, quote, link characters, a blank line
# before it, its indentation, and whether it is a setext underline ("=====" under a Markdown heading,
# which belongs to the heading above it).
_Line = tuple[int, str, str, int | None, bool, bool, bool, int, bool, int, bool]
_NUMBER: Final = 0
_RAW: Final = 1
_TEXT: Final = 2
_LEVEL: Final = 3
_LIST_ITEM: Final = 4
_LINK_CHARS: Final = 7
_BLANK_BEFORE: Final = 8
_UNDERLINE: Final = 10


def read_units(text: str) -> tuple[list[Unit], str]:
    """Split normalised text into units; also say whether it was read as 'markdown' or 'text'."""
    return read_lines(text.split("\n"))


def read_lines(raw_lines: list[str]) -> tuple[list[Unit], str]:
    """read_units of the text made of `raw_lines` (the normalised text split at "\n"; see
    frontends.decoding.normalize_lines), which a large page is read as without one string of it all."""
    is_markdown = markdown.looks_like_markdown(raw_lines)
    # A lynx dump ends on its list of link targets: read the page above it, with its link markers stripped.
    references = None if is_markdown else browser.reference_list_start(raw_lines)
    page_lines = raw_lines if references is None else raw_lines[:references]
    # None: the page is not glued, so no line is cut.
    words = None if is_markdown else _glue_protected(raw_lines)
    # Gaps mark element edges only where the dump lays nothing out with spaces (rule `gap-cut`).
    gaps = words is not None and not _laid_out(page_lines)
    # A page joined onto one line with spaces (BeautifulSoup's get_text(" ")) is cut back into pieces
    # (frontends.segment); `cuts` gets the rule that cut each piece off the one before it.
    one_line = words is None and not is_markdown and segment.is_wall_page(page_lines)
    cuts: dict[int, str] = {}
    lines = _scan_lines(page_lines, is_markdown, words, one_line, gaps, cuts)
    # Its link markers go, also from a dump cut off above the list (many "[12]link" markers counting up).
    if references is not None or (not is_markdown and browser.numbers_links(page_lines)):
        lines = [_with_markers_stripped(line) for line in lines]
    # A text browser wraps paragraphs at the terminal's width: a line its next line's first word did not fit on goes on.
    width = None if is_markdown else browser.wrap_width(page_lines)
    units = _join_fragments(lines, width)
    if cuts:
        _mark_cuts(units, cuts)
    if references is not None:
        units += browser.reference_units(raw_lines, references, len(units))
    return units, "markdown" if is_markdown else "text"


def _mark_cuts(units: list[Unit], cuts: dict[int, str]) -> None:
    """Name on each unit the rule that cut it from a wall line (`cuts`: by the index of its first scanned line)."""
    position = 0
    for unit in units:
        rule = cuts.get(position)
        if rule is not None:
            unit.cut = rule
        position += len(unit.lines)


def _with_markers_stripped(line: _Line) -> _Line:
    number, raw, text, level, list_item, numbered, quote, _, blank_before, indent, underline = line
    text, link_chars = browser.strip_markers(text)
    return (number, raw, text, level, list_item, numbered, quote, link_chars, blank_before, indent, underline)


# Scrapers that concatenate text nodes without a separator glue a whole page into one line:
# "...WirecutterAdvertisementSkip To ContentWe independently review...". A long line with many
# lower-to-upper case joins is cut back into its pieces there.
GLUED_LINE_MIN_CHARS = 300
GLUED_JOINS_PER_KCHAR = 2.0
# Not after an apostrophe: "d’Assad", "l’Europe" are words, not joins. The join is the start of the
# match: the capital, followed by a letter, with the character before it tested by a look-behind. A search
# skips ahead to the next capital; written from the character before the join, it stopped at every
# lowercase letter (same joins on the 42,204 corpus lines of 200+ characters, 4 times faster).
_GLUE_POINT = lazy_compile(r"[A-ZÀ-ÖØ-Þ](?<=[a-zà-öø-ÿ0-9.!?…:;)\]].)(?=[a-zà-öø-ÿA-ZÀ-ÖØ-Þ])")


# A camelCase word ("TurboTax", "McCombs", "iPhone"): humps of a capital and lowercase letters.
_CAMEL_WORD = lazy_compile(r"[A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ]+(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)+")
_LETTERS = lazy_compile(r"[^\W\d_]*")
# The first hump of the next word: a byline glued twice ("InTanja Karrasch", "InTanja KarraschTags") is one context.
_NEXT_WORD = lazy_compile(r"[^\w\n]{0,3}([^\W\d_][a-zà-öø-ÿ]*|)")
_RIGHT_HUMP = lazy_compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+")
CAMEL_MIN_CONTEXTS = 2
# A letter run longer than this is glued words, not one camelCase name (and is not matched whole:
# 'aB' * 2,000,000 is one run of four million letters).
CAMEL_WORD_MAX_CHARS = 64
# Brand words start with a short hump ("Mc", "i", "You", "Turbo"); glued menu items with whole words.
CAMEL_HUMP_MAX_CHARS = 6


def _word_start(text: str, index: int, floor: int = 0) -> int:
    while index > floor and text[index - 1].isalpha():
        index -= 1
    return index


def _hump_pair(text: str, capital: int) -> str:
    """The two humps joined before `capital` ("Turbo" + "Tax"), or "" when no lowercase hump ends there."""
    start = capital
    while start > 0 and text[start - 1].islower():
        start -= 1
    if start == capital:
        return ""
    if start > 0 and text[start - 1].isupper():
        start -= 1
    right = _RIGHT_HUMP.match(text, capital)
    return text[start : right.end()] if right else ""


def _camel_words(text: str, joins: list[int]) -> frozenset[str]:
    """Hump pairs ("TurboTax") of camelCase words the page writes on their own, before different words.

    `joins` are the capitals that follow a lowercase letter. A menu glued twice the same way
    repeats its joins too, but always before the same next word.
    """
    contexts: dict[str, set[str]] = {}
    starts: set[int] = set()
    previous_capital = previous_start = 0
    for capital in joins:
        # The walk back stops at the previous join: a word with thousands of joins ('aBaBaB…') is
        # walked once, not once per join.
        start = _word_start(text, capital - 1, previous_capital)
        if start == previous_capital and previous_capital:
            start = previous_start
        previous_capital, previous_start = capital, start
        if start in starts:
            continue
        starts.add(start)
        letters = _LETTERS.match(text, capital, capital + CAMEL_WORD_MAX_CHARS + 1)
        end = letters.end() if letters else capital
        word = text[start:end]
        if end - start <= CAMEL_WORD_MAX_CHARS and _CAMEL_WORD.fullmatch(word):
            after = _NEXT_WORD.match(text, end)
            contexts.setdefault(word, set()).add(after.group(1) if after else "")
    pairs: set[str] = set()
    for word, followers in contexts.items():
        if len(followers) >= CAMEL_MIN_CONTEXTS:
            for capital in (m.start() for m in _CASE_JOIN.finditer(word)):
                pair, right = _hump_pair(word, capital), _RIGHT_HUMP.match(word, capital)
                if right and len(pair) - len(right.group()) <= CAMEL_HUMP_MAX_CHARS:
                    pairs.add(pair)
    return frozenset(pairs)


# A sentence run straight into the next one ("...the end.Next block") is the surest mark of glued text.
# The pattern starts with the rare character and looks behind last: a leading lookbehind is tried at
# every position of the page, which made these scans most of the cost of reading a long page.
_SENTENCE_JOIN = lazy_compile(r"[.!?](?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])(?<=[a-zà-öø-ÿ]{2}.)")
# The capital of a lowercase-to-uppercase join ("WirecutterAdvertisement").
_CASE_JOIN = lazy_compile(r"[A-ZÀ-ÖØ-Þ](?<=[a-zà-öø-ÿ].)(?=[a-zà-öø-ÿ])")


def _sentence_joins(text: str) -> int:
    """Sentence joins that do not share letters ("ab.Cd" and "de.Fg" in "ab.Cde.Fg" count once)."""
    count, free_from = 0, 0
    for match in _SENTENCE_JOIN.finditer(text):
        if match.start() - 2 >= free_from:
            count, free_from = count + 1, match.start() + 3
    return count


GLUED_SENTENCE_JOINS_MIN = 2
GLUED_SENTENCE_JOINS_PER_KCHAR = 0.2
GLUED_CASE_JOINS_PER_KCHAR = 1.5


def _glue_protected(lines: list[str]) -> frozenset[str] | None:
    """None when the page (its `lines`) is not glued; else the camelCase joins that are words, not glue.

    One camelCase word ("TechHive") in a long paragraph is no sign of glue; a page whose
    elements were concatenated has joins throughout, at sentence ends too.
    """
    if max(map(len, lines)) < GLUED_LINE_MIN_CHARS:
        return None
    # The scans below read the page as one string (joined here only when a line is long enough to be glued).
    text = "\n".join(lines)
    kchars = len(text) / 1000
    # Enough joins to learn the camelCase words from and to pass the density test below; a page of
    # millions of joins is not walked to the end (the count is then a lower bound, which suffices).
    wanted = max(CAMEL_SAMPLE_JOINS, 2 * int(GLUED_CASE_JOINS_PER_KCHAR * kchars) + 1)
    joins = [m.start() for m in islice(_CASE_JOIN.finditer(text), wanted)]
    sentence_joins = _sentence_joins(text)
    if sentence_joins >= GLUED_SENTENCE_JOINS_MIN and sentence_joins >= GLUED_SENTENCE_JOINS_PER_KCHAR * kchars:
        return _camel_words(text, joins[:CAMEL_SAMPLE_JOINS])
    # Words only take joins away: too few joins in all is an answer without looking for words.
    if len(joins) < GLUED_CASE_JOINS_PER_KCHAR * kchars:
        return None
    protect = _camel_words(text, joins[:CAMEL_SAMPLE_JOINS])
    sample = joins[:CAMEL_SAMPLE_JOINS]
    kept = sum(1 for capital in sample if not protect or _hump_pair(text, capital) not in protect)
    case_joins = kept * len(joins) / len(sample)
    return protect if case_joins >= GLUED_CASE_JOINS_PER_KCHAR * kchars else None


# The camelCase vocabulary of a page is learnt from its first joins: enough for any real page, and a
# line of millions of joins costs no more than this.
CAMEL_SAMPLE_JOINS = 20000


def _unglue(raw: str, camel_words: frozenset[str] = frozenset(), gaps: bool = False) -> list[str]:
    """The pieces of a glued line, or the line itself when it is ordinary text."""
    if len(raw) < GLUED_LINE_MIN_CHARS:
        return [raw]
    # Far more joins than glued elements ever have ('aBcaBcaBc…', a hashed token) is not glued text;
    # the search stops as soon as it knows.
    # (subn counts in C, without a Python object per match: a line of millions of joins costs a scan.)
    if _GLUE_POINT.subn("", raw)[1] > len(raw) // GLUED_PIECE_MEAN_MIN_CHARS:
        return [raw]
    cuts = _with_edge_cuts([m.start() for m in _GLUE_POINT.finditer(raw)], raw, gaps)
    # A piece shorter than the minimum belongs to the piece before it: its own start is no cut.
    shortest = max(GLUED_PIECE_MIN_CHARS, len(raw) // GLUED_MAX_PIECES_PER_LINE)
    cuts = [start for start, end in pairwise([*cuts, len(raw)]) if end - start >= shortest]
    if camel_words:
        cuts = [cut for cut in cuts if _hump_pair(raw, cut) not in camel_words]
    if len(cuts) < GLUED_JOINS_PER_KCHAR * len(raw) / 1000:
        return [raw]
    edges = [0, *cuts, len(raw)]
    pieces = [raw[a:b] for a, b in pairwise(edges)]
    pieces = _split_tails([piece for piece in pieces if piece.strip()])
    return [part for piece in pieces for part in _inner_heads(piece)]


# Element edges the lower-to-upper join misses, each a glued heading's or paragraph's start seen on glued
# pages: a closing quote before a capital ('to-do lists.”Types of meditation'); a finished sentence before
# a numbered heading ('in 2025.1. Udemy', 'including:2. Save Money', 'comments."6. Virtual Reality'); a
# lowercase letter before the one-letter words 'A'/'I' that open a sentence ('Content CalendarA content
# calendar keeps'); and a zero-width joiner (a page builder's empty element) before a capital. None of
# them occurs inside ordinary text.
# Each alternative starts with the character at or before the cut ('”', '#' or a digit, 'A'/'I'), the text
# before it tested by a look-behind from there: a pattern that starts with a character class lets the
# search skip to the next such character, where the same edges written as empty matches between look-arounds
# ('(?<=[a-z]{3})(?=[AI]\s+[a-z]{2})') were tested at every position of a long line. The cut is after the
# quote or joiner, before the number or the 'A'/'I' (_EDGE_AFTER).
_EDGE_POINT = lazy_compile(
    # The one character every alternative starts with, as one class the search skips to (an alternation
    # of classes gives the regex engine no first character to skip to: it tried every alternative at
    # every position of the line); each alternative then tests which character it was by a look-behind.
    r"[”\u200d#\dAI]"
    r"(?:(?<=[”\u200d])(?=[A-ZÀ-ÖØ-Þ])"
    r"|(?:(?<=#)(?=\d{1,2}\s+[A-ZÀ-ÖØ-Þ])|(?<=\d)(?=\d?\.\s+[A-ZÀ-ÖØ-Þ]))"
    r"(?:(?<=[a-zà-öø-ÿ)][.!?:].)|(?<=[.!?][\"”].)|(?<=\d{4}\..))"
    r"|(?<=[AI])(?:(?<=[a-zà-öø-ÿ]{3}.)|(?<=\?.))(?=\s+[a-zà-öø-ÿ]{2}))"
)
# The characters after which an _EDGE_POINT match cuts (at its end); it cuts before the others (at its start).
_EDGE_AFTER = "”\u200d"


# A numbered heading glued straight onto the end of a sentence that has no full stop, a list item's or a
# caption's ('Monitor network activity for suspicious behavior7. Train Your Team', 'Influencer marketing5. We
# Are Social'): a lowercase word run into a number of one or two digits with its full stop, then a capital.
# Not a date's day ('Nicole Collignon22. Februar 2020': the word after it is a month).
_NUMBER_AFTER_WORD = lazy_compile(r"\d(?<=[a-zà-öø-ÿ]{3}.)\d?\.\s+([A-ZÀ-ÖØ-Þ][^\W\d_]*)")


def _numbered_heading_starts(raw: str) -> list[int]:
    """Where a numbered heading glued onto the word before it starts (see _NUMBER_AFTER_WORD)."""
    return [m.start() for m in _NUMBER_AFTER_WORD.finditer(raw) if not segment.is_calendar_word(m[1])]


def _with_edge_cuts(cuts: list[int], raw: str, gaps: bool = False) -> list[int]:
    """The glue points of a glued line with its element edges (_EDGE_POINT, _NUMBER_AFTER_WORD) added, in order,
    and with its gaps (_GAP_POINT) when `gaps`."""
    edges = [m.end() if m[0] in _EDGE_AFTER else m.start() for m in _EDGE_POINT.finditer(raw)]
    edges += _numbered_heading_starts(raw)
    if gaps:
        edges += gap_cuts(raw)
    return sorted({*cuts, *edges}) if edges else cuts


# Rule `gap-cut` (glued pages only): a glued dump keeps the source whitespace between elements, and an element
# edge shows as a gap the text itself never writes: two or more spaces, tabs or no-break spaces
# ('drugs.\xa0\xa0Concerns with compounded versions of these drugs\xa0A compounded drug',
# 'Step 1 - Backing up your data   Step 2 - Protecting'), before a capital or a digit. The cut falls after
# the gap, which stays at the end of the piece before it. Not after a short lowercase word: a preposition or
# a byline word ('Posted 11. April 2018  by  Walter von Aachen', 'am  3. Februar') ends no element; nor after a
# field separator ('Von Patrick Czerny -   4. Februar 2022': the fields of one byline element).
# The gap is matched from its first character only and taken whole (possessive): a run of a million spaces
# is scanned once, not once from each of its characters with backtracking. It starts with the gap's first
# character and looks behind it (that no gap character precedes) from there: a pattern that starts with a
# look-behind gives the regex engine no character to skip to, and it was tried at every position of the line.
_GAP_POINT = lazy_compile(r"[ \t\u00a0](?<![ \t\u00a0].)[ \t\u00a0]++(?=[A-ZÀ-ÖØ-Þ0-9])")
GAP_FUNCTION_WORD_MAX_CHARS = 3
_FIELD_SEPARATORS = frozenset("-–—|·•/,")
# Two plain spaces after a sentence end are how many people type between sentences ('as well.  Please call'):
# a gap inside a paragraph, not an element edge (a no-break space, a tab or a third space is).
TYPED_SENTENCE_GAP = "  "
_SENTENCE_ENDS = frozenset(".!?")


# A dump that lays its text out with spaces (a browser-like renderer: indented blocks, table columns) writes
# gaps for layout, not only between glued elements: its lines are indented, where a glued dump strips them.
# On the dev corpus every glued page of a layout renderer indents 88% of its lines or more, every other
# glued page under 20%.
LAYOUT_INDENTED_MIN_SHARE = 0.5


def _laid_out(lines: list[str]) -> bool:
    """Most of the page's text lines (`lines`) are indented: its gaps are layout, not glue."""
    text_lines = indented = 0
    for line in lines:
        if line.strip():
            text_lines += 1
            indented += line[0].isspace()
    return indented >= LAYOUT_INDENTED_MIN_SHARE * text_lines


def gap_cuts(raw: str) -> list[int]:
    """Where a gap between two elements of a glued line ends (rule `gap-cut`)."""
    cuts = []
    for match in _GAP_POINT.finditer(raw):
        start = _word_start(raw, match.start())
        word = raw[start : match.start()]
        before = raw[match.start() - 1 : match.start()]
        if before in _FIELD_SEPARATORS or (match[0] == TYPED_SENTENCE_GAP and before in _SENTENCE_ENDS):
            continue
        if not (word.islower() and len(word) <= GAP_FUNCTION_WORD_MAX_CHARS):
            cuts.append(match.end())
    return cuts


# Cutting is bounded. No element of a page is one or two characters long: shorter pieces stay with
# the piece before ('aB' * 2,000,000 is one piece, not two million lines). A line with more joins than
# one per GLUED_PIECE_MEAN_MIN_CHARS characters is not cut at all (the densest real glued lines of the
# corpus have one per 6.6 characters: menus of short words). And a line is cut into at most
# GLUED_MAX_PIECES_PER_LINE pieces, by raising the shortest piece (the most of a real line in the
# corpus: 3,980), so one line costs a bounded number of units whatever its pattern.
GLUED_PIECE_MIN_CHARS = 3
GLUED_PIECE_MEAN_MIN_CHARS = 5
GLUED_MAX_PIECES_PER_LINE = 5000


# A heading glued to text carries no mark but its shape: a few words, capitalised, no sentence end.
GLUED_HEADING_MAX_WORDS = 10
# The text a glued heading introduces: a sentence of at least this many words.
GLUED_TEXT_MIN_WORDS = 8
# Not after an abbreviation ("Dr. Vahid Osman", "Apple Inc. Board"): the sentence ends on a lowercase word or an
# acronym ("SAT, LSAT, and MCAT."). Not on a capitalised word: a name ending a sentence ('… the function app in
# Azure. Values in the Connection', cut inside 'ConnectionStrings') is as often followed by a sentence.
_LAST_SENTENCE_END = lazy_compile(r".*\s(?:[a-zà-öø-ÿ]{3,}|[A-ZÀ-ÖØ-Þ]{2,})[.!?]\s+(?=[A-ZÀ-ÖØ-Þ0-9])", re.DOTALL)
_HAS_SENTENCE_END = lazy_compile(r"[.!?](?:\s|$)")


# A numbered heading's number ('3. Offer Pricing Options'): its full stop ends no sentence.
_HEADING_NUMBER = lazy_compile(r"\d{1,2}\.\s+(?=[A-ZÀ-ÖØ-Þ])")


def _title_like(text: str) -> bool:
    """A short run that could be a heading: capital or digit first, no sentence inside, no end mark but '?'."""
    words = text.split()
    if not 0 < len(words) <= GLUED_HEADING_MAX_WORDS or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if text.rstrip().endswith((".", "!", ",", ";", ":", "…")):
        return False
    number = _HEADING_NUMBER.match(text)
    return not _HAS_SENTENCE_END.search(text.rstrip("? "), number.end() if number else 0)


def title_case(text: str) -> bool:
    """Headings capitalise their words ("Key Takeaways") or ask ("What software do pros use?"); tails of
    sentences and button labels ("Book now") do not."""
    words = [word for word in text.split() if len(word) > 3]
    return text.rstrip().endswith("?") or all(word[:1].isupper() or word[:1].isdigit() for word in words)


def _heading_case(text: str) -> bool:
    """title_case, where the small words a heading leaves lowercase ("Transform Your Business with Us") are no
    sentence's words."""
    joiners = segment.joiner_words()
    return title_case(" ".join(word for word in text.split() if word.casefold() not in joiners))


def _opens_text(text: str) -> bool:
    return len(text.split()) >= GLUED_TEXT_MIN_WORDS and bool(_HAS_SENTENCE_END.search(text))


def _split_tails(pieces: list[str]) -> list[str]:
    """Cut a heading off the end of a piece: "...can help. Key Takeaways" glued to "This guide ranks...".

    The glue point after the piece is an element edge, so a short title-like run after the piece's
    last sentence end, introducing text, was the next element: the heading above that text.
    """
    out: list[str] = []
    for piece, following in zip(pieces, [*pieces[1:], ""], strict=True):
        head = _LAST_SENTENCE_END.match(piece)
        # One word is as likely the first hump of a camelCase name cut at its join ("UltraTax").
        if (
            head
            and len(piece[head.end() :].split()) > 1
            and _title_like(piece[head.end() :])
            and _heading_case(piece[head.end() :])
            and _opens_text(piece[: head.end()])
            and _opens_text(following)
        ):
            out.extend((piece[: head.end()], piece[head.end() :]))
        else:
            out.append(piece)
    return out


# A heading joined with spaces between two paragraphs of a glued piece, both edges a source line break: '…may have
# contributed to these adverse events. Salt forms should not be used to compound semaglutide The agency is aware…'.
# After a finished sentence, a heading-shaped run, then a sentence opener (_spaced_head_end) starting a text.
_SENTENCE_BOUNDARY = lazy_compile(r"[.!?](?<=[a-zà-öø-ÿ0-9)].)[\"”’]?\s+(?=[A-ZÀ-ÖØ-Þ0-9])")
# The text after such a heading is read this far for its first sentence: each test costs a bounded slice, so a
# piece of a million sentence ends is read in linear time.
INNER_TEXT_LOOKAHEAD_CHARS = 1000


def _inner_heads(piece: str) -> list[str]:
    """The piece cut before and after each heading joined inside it with spaces (see _SENTENCE_BOUNDARY)."""
    parts: list[str] = []
    start = 0
    for boundary in _SENTENCE_BOUNDARY.finditer(piece):
        head_start = boundary.end()
        if head_start < start:
            continue
        end = _spaced_head_end(piece, head_start)
        if end is None:
            continue
        head = piece[head_start:end].strip()
        if (
            len(head) < GLUED_HEAD_MIN_CHARS
            or not _title_like(head)
            or head.count(",") > GLUED_HEAD_MAX_COMMAS
            or _FIELD_VALUE.search(head)
            or not _opens_text(piece[end : end + INNER_TEXT_LOOKAHEAD_CHARS])
        ):
            continue
        parts += [piece[start:head_start], piece[head_start:end]]
        start = end
    return [*parts, piece[start:]] if parts else [piece]


# Rule `glued-heading-start` (glued pages only): a heading whose element had no whitespace before the next one
# starts its paragraph's line ('Power ConsiderationsThe first reminder that this isn't…', 'What to do in an
# accidentWe're committed to everyone's safety.', 'The Cost of Moving in Jackson, NJIn Jackson labor-only moving
# help…'): the first join of the line, a lowercase letter, digit, '?' or ')' run into a capitalised word, or an
# acronym run into one ('NJIn', 'BMCOne'), with a heading's shape before it and a sentence after it. The line is
# cut there into the heading and its text; every line length, since a glued paragraph is often short.
_HEAD_JOIN = lazy_compile(
    r"[A-ZÀ-ÖØ-Þ](?=[a-zà-öø-ÿ])"
    # An acronym's plural ('MOOCs', 'LLMs') is one word.
    r"(?:(?<=[a-zà-öø-ÿ0-9?)].)|(?<=[A-ZÀ-ÖØ-Þ]{2}.)(?!s\b))"
    # The one-letter words 'A' and 'I' open a sentence after a lowercase word or a question ('Content CalendarA
    # content…', 'a PC or a Laptop?A desktop PC…').
    r"|[AI](?:(?<=[a-zà-öø-ÿ]{3}.)|(?<=\?.))(?=\s+[a-zà-öø-ÿ]{2})"
)
# The heading is near the line's start: at most GLUED_HEADING_MAX_WORDS words, and this many characters.
GLUED_HEAD_MAX_CHARS = 100
# An attribution or an address is cut into fields by commas ('Jim Long, Managing Partner, The Long Law Firm,
# PLLCThe content…'); a heading has one at most ('The Cost of Moving in Jackson, NJ').
GLUED_HEAD_MAX_COMMAS = 1
# A field's value ('Delivery: 30 hours, self-paced…', 'Price: $18') is no heading.
_FIELD_VALUE = lazy_compile(r":\s*[\d$€£]")
# The text the heading introduces: a paragraph, not a card's one-line teaser ('SurgicalCustomized surgery
# designed to fit each patient's unique needs.'): on the dev corpus's glued pages 4 of the 31 cuts before 12 to
# 19 words were gold headings, against 19 of 66 before longer text.
GLUED_HEAD_TEXT_MIN_WORDS = 20
# Characters after a glued word that tell its copies elsewhere on the page from this one.
GLUED_WORD_CONTEXT_CHARS = 12
# A one-word head shorter than this is as often the first hump of a camelCase name ('PayPal', 'YouTube').
GLUED_HEAD_MIN_CHARS = 4


def _glued_head(raw: str, camel_words: frozenset[str], page: str, near: tuple[int, int] = (0, -1)) -> list[str]:
    """The line cut after the heading glued to its start (rule `glued-heading-start`), or the line itself.
    `page` is the page's text, where a word written elsewhere ('LDAPNightmare', 'ScienceSoft') is no join; it is
    looked up between the offsets `near` (by default everywhere)."""
    join = _HEAD_JOIN.search(raw, 0, GLUED_HEAD_MAX_CHARS + 2)
    # The earlier of the two ends: a glued join and a space before a sentence opener.
    ends = [end for end in (join.start() if join else None, _spaced_head_end(raw)) if end is not None]
    if not ends:
        return [raw]
    cut = min(ends)
    head, rest = raw[:cut].strip(), raw[cut:]
    if (
        len(head) < GLUED_HEAD_MIN_CHARS
        or not _title_like(head)
        or head.count(",") > GLUED_HEAD_MAX_COMMAS
        or _FIELD_VALUE.search(head)
        or "@" in head
        or _starts_byline(rest)
        or len(rest.split()) < GLUED_HEAD_TEXT_MIN_WORDS
        or not _HAS_SENTENCE_END.search(rest)
        or (camel_words and _hump_pair(raw, cut) in camel_words)
    ):
        return [raw]
    if raw[cut - 1].isalpha():
        start = _word_start(raw, cut)
        # 'iPhone', 'eBay', 'McKinsey': a short first hump is a name's, not a heading's last word.
        if cut - start < GLUED_HEAD_MIN_CHARS - 1 and not raw[start:cut].isupper():
            return [raw]
        end = _word_end(raw, cut)
        # The glued word with what follows it here: a word that also stands before other text is a word.
        lo, hi = near if near[1] >= 0 else (0, len(page))
        if page.count(raw[start:end], lo, hi) > page.count(raw[start : end + GLUED_WORD_CONTEXT_CHARS], lo, hi):
            return [raw]
    return [raw[:cut], rest]


# A heading joined to its paragraph with a space (the source's line break between the two elements): 'Size of
# Home Renovation The bigger the home, the bigger the bill', 'Insurance to help protect you Whether you are
# logged on…'. The first capitalised word of the line that a lowercase word follows, after a word with no mark
# at its end, is where the sentence starts; it is a heading's end only when that word is a sentence opener
# (data/sentence_openers.txt): a name opens a sentence as often ('… tirzepatide FDA received reports').
# The small words a title-case heading leaves lowercase ('Workouts for the Beginner') follow a word of it.
_SPACED_SENTENCE_START = lazy_compile(r"(?<=[^\W_]) ([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+) ([a-zà-öø-ÿ]+)")


def _spaced_head_end(raw: str, head_start: int = 0) -> int | None:
    """Where the sentence after a heading (starting at `head_start`) joined to it with a space starts (see
    _SPACED_SENTENCE_START), or None."""
    joiners = segment.joiner_words()
    for start in _SPACED_SENTENCE_START.finditer(raw, head_start, head_start + GLUED_HEAD_MAX_CHARS + 2):
        if start[2] in joiners:
            continue
        return start.start(1) if start[1].casefold() in sentence_openers() else None
    return None


@lru_cache(maxsize=1)
def sentence_openers() -> frozenset[str]:
    """Words that open a sentence (data/sentence_openers.txt)."""
    return read_words("sentence_openers.txt")


def _glued_heads(raw_lines: list[str], camel_words: frozenset[str], gaps: bool) -> dict[int, list[str]]:
    """The pieces of the lines of a glued page, by line number: every long line's (its glue cuts, _unglue),
    each cut again after a heading glued to its start (rule `glued-heading-start`, _glued_head), and every
    shorter line's that such a heading is cut from."""
    page = "\n".join(raw_lines)
    lines: dict[int, list[str]] = {}
    # Each cut looks its glued word up in the text around it: a page holds a bounded number of cuts.
    budget = GLUED_HEAD_MAX_CUTS
    offset = 0
    for number, raw in enumerate(raw_lines, start=1):
        near = (max(0, offset - GLUED_WORD_LOOKUP_CHARS), offset + len(raw) + GLUED_WORD_LOOKUP_CHARS)
        offset += len(raw) + 1
        if len(raw) >= GLUED_LINE_MIN_CHARS:
            pieces = _unglue(raw, camel_words, gaps)
            if budget > 0:
                cut = [part for piece in pieces for part in _glued_head(piece, camel_words, page, near)]
                budget -= len(cut) - len(pieces)
                pieces = cut
            lines[number] = pieces
        elif len(raw) > GLUED_HEAD_TEXT_MIN_WORDS * 2 and budget > 0:
            pieces = _glued_head(raw, camel_words, page, near)
            if len(pieces) > 1:
                lines[number] = pieces
                budget -= 1
    return lines


# Far more pieces than any real page's glued headings need (the most cuts on a glued page of the dev corpus:
# 24); past them a page of thousands of such lines is read without the cut, at a bounded cost. Each cut looks
# its word up this far around its line: a whole article page, not a whole hostile dump.
GLUED_HEAD_MAX_CUTS = 500
GLUED_WORD_LOOKUP_CHARS = 100_000


def _starts_byline(text: str) -> bool:
    """The text opens with a byline ('By Wanda Zyborska…'): the piece before it is a teaser's title."""
    word = text.split(None, 1)[0].casefold() if text.strip() else ""
    return word in _label_words()[0]


def _word_end(text: str, index: int) -> int:
    while index < len(text) and text[index].isalpha():
        index += 1
    return index


def _scan_lines(
    raw_lines: list[str],
    is_markdown: bool,
    camel_words: frozenset[str] | None = None,
    one_line: bool = False,
    gaps: bool = False,
    cuts: dict[int, str] | None = None,
) -> list[_Line]:
    lines: list[_Line] = []
    append = lines.append
    blank_before = True
    underlined = _setext_headings(raw_lines) if is_markdown else {}
    split_heads = _split_heading_texts(raw_lines) if is_markdown else {}
    cut_lines = _glued_heads(raw_lines, camel_words, gaps) if camel_words is not None else {}
    for number, raw in enumerate(raw_lines, start=1):
        body = raw.lstrip()
        if not body:
            blank_before = True
            continue
        if underlined:
            if number in underlined:
                append((number, raw, "", None, False, False, False, 0, False, 0, True))
                continue
            if number + 1 in underlined:
                # The line above an underline is its heading, never a list item.
                _, _, text, _, _, _, quote, link_chars, _, indent, _ = _scan_line(
                    number, raw, is_markdown, blank_before
                )
                level = underlined[number + 1]
                append((number, raw, text, level, False, False, quote, link_chars, blank_before, indent, False))
                blank_before = False
                continue
        if one_line:
            # Every line of a wall page is cut (a text node with a line break of its own leaves a shorter line
            # beside the wall). The pieces of a line were adjacent on the page: no blank line between them.
            for position, (piece, rule) in enumerate(segment.split_wall(raw)):
                if cuts is not None:
                    cuts[len(lines)] = rule
                line = _scan_line(number, piece, is_markdown, blank_before and not position)
                if segment.is_menu_run(piece):
                    # A run of capitalised items is a menu's link text: counted as links, as a browser dump marks them.
                    line = (*line[:_LINK_CHARS], len(line[_TEXT]), *line[_LINK_CHARS + 1 :])  # type: ignore[assignment]
                append(line)
        elif number in cut_lines:
            # A glued page's long lines (_unglue) and the lines a glued heading is cut from (_glued_heads). The
            # pieces of a line were adjacent on the page: no blank line between them.
            for position, piece in enumerate(cut_lines[number]):
                append(_scan_line(number, piece, is_markdown, blank_before and not position))
        elif number in split_heads:
            # The heading's text under its lone marks (`_split_heading_texts`) takes the level of the marks.
            _, _, text, _, list_item, numbered, quote, link_chars, _, indent, _ = _scan_line(
                number, raw, is_markdown, blank_before
            )
            level = split_heads[number]
            append((number, raw, text, level, list_item, numbered, quote, link_chars, blank_before, indent, False))
        elif is_markdown or body[0] in _MARKER_STARTS or body[0].isdecimal():
            append(_scan_line(number, raw, is_markdown, blank_before))
        else:
            # Most lines of a text dump carry no mark at all: made here without a call (a dump of a million
            # short lines spends its time per line).
            append(
                (number, raw, body.rstrip(), None, False, False, False, 0, blank_before, len(raw) - len(body), False)
            )
        blank_before = False
    return lines


# Converters underline a heading to its full length (markdownify), people nearly so; a short "---" under a
# long line is a rule the page wrote after a paragraph, not an underline.
SETEXT_MIN_UNDERLINE_SHARE = 0.5
SETEXT_MAX_WORDS = 20


def _setext_headings(raw_lines: list[str]) -> dict[int, int]:
    """Line numbers of setext underlines, with the level they give the line right above them.

    The line above must be text: not blank, not a '#' heading, a list item or a quote (CommonMark
    reads '---' under those as a rule), and not an underline itself.
    """
    found: dict[int, int] = {}
    for number in range(2, len(raw_lines) + 1):
        raw, above = raw_lines[number - 1], raw_lines[number - 2]
        # An underline starts with one of " =-" ("" is in every string, and a blank line underlines nothing).
        if not raw or raw[0] not in " =-" or number - 1 in found or not above.strip():
            continue
        level = markdown.setext_level(raw)
        body = above.strip()
        if (
            level
            and len(raw.strip()) >= SETEXT_MIN_UNDERLINE_SHARE * len(body)
            and len(body.split()) <= SETEXT_MAX_WORDS
            and markdown.heading_level(body) is None
            and markdown.bullet_prefix(above) is None
            and not markdown.is_numbered(body)
            and markdown.quote_prefix(body) is None
            and markdown.setext_level(above) is None
            and not markdown.is_rule(body)
        ):
            found[number] = level
    return found


# A heading split from its marks: html2text writes "##" alone on a line, then a blank line, then the
# heading's text, when the heading's element opens with a line break or a block (`<h2><br>Jungo</h2>`,
# `<h3><div>…</div></h3>`). A heading is a few words; a longer line under lone marks is a paragraph.
SPLIT_HEADING_MAX_WORDS = 12
_LONE_MARKS = lazy_compile(r"#{1,6}")
# First characters of a line that is no heading's text: Markdown's own marks (another heading, a link or
# image, an emphasis or bullet, a table row, a quote); a table's header row ("Plan | Price") holds a "|".
_MARKED_STARTS = frozenset("#[!*+-|>_")


def _split_heading_texts(raw_lines: list[str]) -> dict[int, int]:
    """Line numbers of heading texts whose marks stand alone on the line above them (one blank line may lie
    between), with the level the marks give them (`split-markdown-heading`)."""
    found: dict[int, int] = {}
    for number, raw in enumerate(raw_lines, start=1):
        # Most lines hold no '#': one test in C passes them (a dump of a million short lines).
        if "#" not in raw:
            continue
        marks = raw.strip()
        if not _LONE_MARKS.fullmatch(marks):
            continue
        below = number + 1 if number < len(raw_lines) and raw_lines[number].strip() else number + 2
        if below > len(raw_lines):
            continue
        text = raw_lines[below - 1].strip()
        if (
            text
            and text[0] not in _MARKED_STARTS
            and "|" not in text
            and not markdown.is_numbered(text)
            and len(text.split()) <= SPLIT_HEADING_MAX_WORDS
        ):
            found[below] = len(marks)
    return found


# A Markdown '#' line indented this many columns or more is a line of an indented code block, not a heading
# (CommonMark lets an ATX heading's marks be indented by at most three spaces; decoding has made tabs spaces):
# the comments of a shell or Python listing, "    # create logger", "    # ==== Basic one liners ====".
# On the dev corpus 145 such lines were output as headings, 8 of them gold (all inside a code block).
CODE_BLOCK_MIN_INDENT = 4

# First characters of a bullet (markdown._BULLET: symbols, or an indented "o").
_MARKER_STARTS = frozenset("*+-•◦▪·‣●○□■o")


def _scan_line(number: int, raw: str, is_markdown: bool, blank_before: bool) -> _Line:
    body = raw.lstrip()
    indent = len(raw) - len(body)
    if not is_markdown and body[:1] not in _MARKER_STARTS and not body[:1].isdecimal():
        # Most lines of a text dump carry no mark at all: nothing below would change them.
        return (number, raw, body.rstrip(), None, False, False, False, 0, blank_before, indent, False)
    body = body.rstrip()
    level: int | None = None
    quote = False
    list_item = False
    # Bullets and numbers start with one of a few characters: skip both regexes for other lines.
    marked = body[:1] in _MARKER_STARTS or body[:1].isdecimal()
    numbered = marked and markdown.is_numbered(body)
    link_chars = 0
    if is_markdown:
        # Both regexes need their marker character: test for it first.
        heading = markdown.heading_level(body) if body[:1] == "#" and indent < CODE_BLOCK_MIN_INDENT else None
        if heading:
            level, body = heading
        prefix = markdown.quote_prefix(body) if ">" in body else None
        if prefix:
            quote, body = True, body[len(prefix) :]
    bullet = markdown.bullet_prefix(raw) if marked else None
    if bullet and level is None:
        list_item, body = True, raw[len(bullet) :].strip()
    if is_markdown and markdown.has_inline_syntax(body):
        if markdown.is_rule(body):
            body = ""
        body, link_chars = markdown.strip_inline(body)
    return (number, raw, body, level, list_item or numbered, numbered, quote, link_chars, blank_before, indent, False)


def _join_fragments(lines: list[_Line], wrap_width: int | None = None) -> list[Unit]:
    """Units of runs of lines: a line joins the one above it when it continues it (see the tests below)."""
    units: list[Unit] = []
    start = 0
    last = len(lines) - 1
    for position in range(1, len(lines)):
        line = lines[position]
        # A line after a blank line starts a unit: no test joins it (an underline never follows a blank line).
        if not line[_BLANK_BEFORE]:
            previous = lines[position - 1]
            if (
                line[_UNDERLINE]
                or (wrap_width and _wrapped(previous, line, wrap_width))
                or _continues(previous, line)
                or _bridges(previous, line, lines[position + 1] if position < last else None)
            ):
                continue
        units.append(_make_unit(len(units), lines, start, position))
        start = position
    if lines:
        units.append(_make_unit(len(units), lines, start, len(lines)))
    return units


def _continues(previous: _Line, line: _Line) -> bool:
    """True when `line` is the rest of the sentence `previous` started (split at inline markup)."""
    if line[_BLANK_BEFORE] or line[_LEVEL] or previous[_LEVEL] or line[_LIST_ITEM]:
        return False
    text, previous_text = line[_TEXT], previous[_TEXT]
    if not previous_text or not text:
        return False
    first = text[0]
    if first in _PUNCT_START_CHARS:
        return True
    if previous_text[-1] == ":":
        return len(previous_text.split()) <= LABEL_MAX_WORDS and len(text.split()) <= CAPITALISED_FRAGMENT_MAX_WORDS
    if previous_text[-1] in _TERMINAL_CHARS:
        return False
    if first in "–—" and _DASH_CLAUSE.match(text):
        # Not after a dateline ("Berlin, 25 January 2022" / "– The minister said"): the header reads it alone.
        return not _YEAR.search(previous_text)
    if first in _CONTINUATION_START_CHARS:
        # "by Jane Doe" under a title is a byline, not the title's continuation (_starts_label, inline:
        # this runs for most lines of a dump of short lines).
        byline_words, date_words = _label_words()
        word, _, rest = text.partition(" ")
        word = word.casefold().rstrip(":")
        return word not in date_words and (word not in byline_words or not _byline_follows(rest))
    # The last word only: a long paragraph is not split to its end.
    last_word = previous_text.rsplit(None, 1)[-1]
    return last_word.casefold() in segment.joiner_words() and len(text.split()) <= CAPITALISED_FRAGMENT_MAX_WORDS


def _wrapped(previous: _Line, line: _Line, width: int) -> bool:
    """`line` is the rest of a paragraph a text browser broke at `width` (not a new heading or list item)."""
    return (
        not line[_BLANK_BEFORE]
        and not line[_LIST_ITEM]
        and not previous[_LEVEL]
        and bool(previous[_TEXT])
        and bool(line[_TEXT])
        and browser.wraps_before(previous[_RAW], line[_RAW], width)
    )


def _bridges(previous: _Line, line: _Line, following: _Line | None) -> bool:
    """A short capitalised link text between two pieces of one sentence ("informó" / "El País" / ", el")."""
    return (
        following is not None
        and not line[_BLANK_BEFORE]
        and not following[_BLANK_BEFORE]
        and not previous[_LEVEL]
        and not line[_LIST_ITEM]
        and bool(previous[_TEXT])
        # The one-character tests of _TERMINAL and _PUNCT_START as set lookups (see _TERMINAL_CHARS).
        and previous[_TEXT][-1] not in _TERMINAL_CHARS
        and following[_TEXT][:1] in _PUNCT_START_CHARS
        and len(line[_TEXT].split()) <= CAPITALISED_FRAGMENT_MAX_WORDS
    )


_numbers_of = itemgetter(_NUMBER)
_raws_of = itemgetter(_RAW)
_texts_of = itemgetter(_TEXT)
_link_chars_of = itemgetter(_LINK_CHARS)


def _make_unit(index: int, lines: list[_Line], start: int, end: int) -> Unit:
    """The unit of `lines[start:end]`."""
    number, raw, text, level, list_item, numbered, quote, link_chars, blank_before, indent, _ = lines[start]
    if end - start == 1:
        # Most units are one line: no joining, and the sums and tuples have one item.
        return Unit(
            index, (number,), (raw,), text.strip(), level, list_item, numbered, quote, link_chars, blank_before, indent
        )
    group = lines[start:end]
    return Unit(
        index=index,
        lines=tuple(map(_numbers_of, group)),
        raw=tuple(map(_raws_of, group)),
        text=_joined_text(list(map(_texts_of, group))).strip(),
        heading_level=level,
        list_item=list_item,
        numbered=numbered,
        quote=quote,
        link_chars=sum(map(_link_chars_of, group)),
        blank_before=blank_before,
        indent=indent,
    )


def _joined_text(texts: list[str]) -> str:
    """The texts of a unit's lines joined: a space between two lines unless the text so far is empty or
    the line starts with punctuation."""
    if all(texts):
        # The common case, joined in C (a unit can join a million lines): a line break, which no text
        # holds, marks each join, and is then dropped before punctuation and made a space elsewhere.
        joined = "\n".join(texts)
        for char in _PUNCT_START_CHARS:
            if "\n" + char in joined:
                joined = joined.replace("\n" + char, char)
        return joined.replace("\n", " ")
    pieces = [texts[0]]
    joined_any = bool(texts[0])
    for text in texts[1:]:
        if joined_any and text[:1] not in _PUNCT_START_CHARS:
            pieces.append(" ")
        pieces.append(text)
        joined_any = joined_any or bool(text)
    return "".join(pieces)
