"""Bylines a glued dump ran into the next field.

A scraper that concatenates text nodes without a separator (BeautifulSoup's `get_text()`) leaves no
space between a byline and what follows it: 'By Arlene MarturanoSouth Carolina Garden-based Learning
Network', 'think aboutPaul IusztinOct 07, 2025951512Share'. The byline readers of bylines.py read
whole lines; these fallbacks read the glued pieces, each where a general mark of glue (a lowercase
letter run straight into a capital, a name run straight into a date) shows an element's edge. Both
run only when no other rule found an author.
"""

from __future__ import annotations

from articlecli.frontends.unit import Unit
from articlecli.header.meta_labels import label_phrases
from articlecli.header.record import META_MAX_WORDS, Header
from articlecli.lazy_regex import lazy_compile
from articlecli.records import dates
from articlecli.records.lexicon import Lexicon, line_key
from articlecli.records.names import byline_names, is_role, looks_like_name
from articlecli.records.record import RecordTable

# A name ends at a glued field where four lowercase letters run into a capital ('MarturanoSouth'):
# the short first humps of names ('McDonald', 'DeVries', 'MacArthur') have three at most.
_GLUED_FIELD = lazy_compile(r"(?<=[a-zà-öø-ÿ]{4})(?=[A-ZÀ-ÖØ-Þ])")
# A byline is read from the first characters of a line only: a glued line may hold a whole page.
GLUED_BYLINE_MAX_CHARS = 200


def glued_byline_names(text: str, lexicon: Lexicon) -> list[str]:
    """'By Arlene MarturanoSouth Carolina ...' -> ['Arlene Marturano']: a byline whose names byline_names
    cannot read as the line stands, read up to its first glued field. The byline opens the line, or is
    glued to the element before it ('Full bioBy Richard Garner', 'your project.By Richard Garner')."""
    head = text[:GLUED_BYLINE_MAX_CHARS]
    # (Cheap tests first: this runs on every line of a page without an author.) A byline opening the line
    # is read here only when a glued field follows it.
    starts = [0] if _GLUED_FIELD.search(head) and byline_names(head, lexicon) is not None else []
    first_words = lexicon.phrases("byline-prefix").first_words
    for glued in _GLUED_START.finditer(head):
        # The glued byline word is a word of its own ('bioBy Richard'), not a hump of one ('GetItByEvent').
        word = _OWN_WORD.match(head, glued.start())
        if word and word.group(1).casefold() in first_words and not _in_camel_word(head, glued.start()):
            starts.append(glued.start())
    for start in starts:
        piece = head[start:]
        if start and byline_names(piece, lexicon) is None:
            continue
        match = _GLUED_FIELD.search(piece)
        names = byline_names(piece[: match.start()] if match else piece, lexicon)
        if names and (match or start):
            return names
    return []


_OWN_WORD = lazy_compile(r"([^\W\d_]+)\s")


def _in_camel_word(text: str, capital: int) -> bool:
    """The capital at `capital` is a hump of a camelCase word ('HyperText'), not the start of a glued element
    after a lowercase word ('bioBy') or a sentence end ('project.By')."""
    start = capital
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start < capital and text[start].isupper()


# An element glued to the one before it: a capital right after a lowercase letter or a sentence end.
_GLUED_START = lazy_compile(r"(?<=[a-zà-öø-ÿ.!?])[A-ZÀ-ÖØ-Þ]")
# Written from the capital, the pair's first character tested by a look-behind: the search skips ahead to
# the next capital instead of stopping at every lowercase letter (same lines found; 824K corpus lines).
_ANY_JOIN = lazy_compile(r"[A-ZÀ-ÖØ-Þ](?<=[a-zà-öø-ÿ.!?].)")


def find_glued_byline(units: list[Unit], features: RecordTable, lexicon: Lexicon, header: Header) -> None:
    """Rule `glued-byline`: a line opening with a byline word glued to the next field names the author
    wherever it stands; the one nearest the body start wins."""
    best: tuple[int, list[str]] | None = None
    for index, unit in enumerate(units):
        # Both kinds need a join (a capital right after a lowercase letter or a sentence end): most lines
        # have none, and are passed over by one search.
        if not _ANY_JOIN.search(unit.text, 0, GLUED_BYLINE_MAX_CHARS):
            continue
        if index in header.labels or features[index].boilerplate:
            continue
        names = glued_byline_names(unit.text, lexicon)
        names = [name for name in names if not _is_page_word_run(name, header)]
        if names and (best is None or abs(index - header.body_start) < abs(best[0] - header.body_start)):
            best = (index, names)
    if best is not None:
        _take(units, features, header, best[0], best[1], "glued-byline")


# A name glued to the date that follows it: the name's first capital follows a lowercase letter or a
# sentence end with no space ('aboutPaul Iusztin'), opens the line, or follows a gap of spaces; the
# date follows the name's last letter directly or after a comma and spaces ('IusztinOct 07, 2025',
# 'Michael Mäser,  02.02.2022'), or the date line's label or reading time does ('Matteo LarattaLast
# Updated:', 'Trevor Jackins9 min read'). Two or three capitalised words: one word is as often a site or
# a menu entry.
# (The left edge is tested on each match, _glued_left_edge: lookbehinds tried at every position of every line
# made this search most of the rule's cost. No match can hide a better-edged one: inside a match every
# capital follows a single space.)
_NAME_BEFORE_FIELD = lazy_compile(
    r"([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+(?: [A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+){1,2})(?=,? {0,3}[A-ZÀ-ÖØ-Þ\d])"
)
_EDGE_CHARS = frozenset(".!?”)")


def _glued_left_edge(text: str, start: int) -> bool:
    """What stands before a name at `start`: nothing, a lowercase letter or a sentence end with no space, two
    capitals (an acronym or a time zone: 'ESTHarry'), or two spaces (a gap between elements)."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.islower() or before in _EDGE_CHARS:
        return True
    pair = text[start - 2 : start]
    return len(pair) == 2 and ((pair.isupper() and pair.isalpha()) or pair.isspace())


# The date labels a byline is glued to, when no date follows at once.
_DATE_LABELS = ("published-prefix", "updated-prefix")
# A digit, or a capital right after a lowercase letter: two searches that each skip ahead to their first
# character (one alternation stopped at every lowercase letter; the same lines pass, 824K corpus lines).
_DIGIT = lazy_compile(r"\d")
_LOWER_UPPER = lazy_compile(r"[A-ZÀ-ÖØ-Þ](?<=[a-zà-öø-ÿ].)")


def _may_hold_field(text: str) -> bool:
    """A date (digits) or a field glued on at a lower-to-upper join in the first GLUED_NAME_MAX_CHARS."""
    return bool(_DIGIT.search(text, 0, GLUED_NAME_MAX_CHARS) or _LOWER_UPPER.search(text, 0, GLUED_NAME_MAX_CHARS))


# Only the start of a unit is searched: the header of a glued page, not the comments at its end.
GLUED_NAME_MAX_CHARS = 600
# The date or field after the name is read from this many characters.
FIELD_WINDOW_CHARS = 40


def names_glued_to_date(text: str, language: str | None, lexicon: Lexicon) -> list[tuple[int, str]]:
    """(position, name) of each name run straight into a date, or a date line's label or reading time,
    that starts where the name ends."""
    head = text[:GLUED_NAME_MAX_CHARS]
    found: list[tuple[int, str]] = []
    for match in _NAME_BEFORE_FIELD.finditer(head):
        name = match.group(1)
        if not _glued_left_edge(head, match.start(1)):
            continue
        rest = head[match.end() : match.end() + FIELD_WINDOW_CHARS].lstrip(", ")
        # A label or a role must be glued on ('LarattaLast Updated:'): 'Kaspersky Next XDR Expert' is a product.
        after = head[match.end() : match.end() + 1]
        # (A reading time is glued on at its number: 'Jackins9 min read'.)
        glued = head[match.end() - 1 : match.end()].islower() and (after.isupper() or after.isdigit())
        field = glued and _opens_date_field(rest, lexicon)
        # 'Rodrigo HerreraDiego Ramírez03-05-2022': glued to a capitalised word, the name may be the tail of
        # the teaser title before it; after a lowercase word ('aboutPaul') or a sentence end it starts there.
        # Rule `name-between-glued-title-and-reading-time`: a reading time glued on after the name ('Your
        # BusinessTrevor Jackins9 min readUpdated October 8, 2025') is the article's own header, not a
        # teaser's date: the name is read there too.
        if (
            head[match.start(1) - 1 : match.start(1)].islower()
            and _in_camel_word(head, match.start(1))
            and not _opens_reading_time(rest, lexicon)
        ):
            continue
        date = dates.find_dates(rest, language)
        if ((date and date[0].start == 0) or field) and looks_like_name(name):
            found.append((match.start(1), name))
    return found


def name_glued_onto_date(text: str, language: str | None) -> str | None:
    """Rule `dated-byline-glued-name`: on a date line with a byline word, a name a glued dump ran straight into
    the line's first date, with no space ('...über ihren Roman “Schutzzone” Nicole Collignon22. Februar 2020'),
    is the line's author: the byline word and the names before it belong to the text the name was glued
    after ('Die Autorin Nora Bossong im Gespräch'). None when no name is glued onto the date."""
    found = dates.find_dates(text[:GLUED_NAME_MAX_CHARS], language)
    if not found or not text[found[0].start - 1 : found[0].start].islower():
        return None
    match = _NAME_AT_END.search(text, 0, found[0].start)
    return match.group(1) if match and looks_like_name(match.group(1)) else None


# Two or three capitalised words ending where the date starts (as _NAME_BEFORE_FIELD: one word is as often a
# site or a menu entry).
_NAME_AT_END = lazy_compile(r"(?<![\w-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+(?: [A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+){1,2})$")


def _opens_reading_time(text: str, lexicon: Lexicon) -> bool:
    """`text` opens with a reading time run up to the next glue join ('9 min readUpdated October 8')."""
    join = _FIELD_END.search(text, 1)
    field = text[: join.start()] if join else text
    return field[:1].isdigit() and lexicon.phrases("reading-time").matches_whole(line_key(field))


def _opens_date_field(text: str, lexicon: Lexicon) -> bool:
    """The glued field that `text` opens (up to the next glue join) is a date label, a reading time or the
    author's role ('Harry RabinowitzTech Reporter')."""
    join = _FIELD_END.search(text, 1)
    field = text[: join.start()] if join else text
    key = line_key(field)
    if any(lexicon.phrases(category).leading_phrase(key) for category in _DATE_LABELS):
        # A label ends with its colon or has its date after it ('Preferred Service Date' is a form field).
        after = dates.find_dates(text[len(field) :]) if join else []
        return field.rstrip().endswith(":") or bool(after and after[0].start == 0)
    return (
        lexicon.phrases("reading-time").matches_whole(key)
        # A role is a title: capitalised words ('Tech Reporter'), not a button's phrase ('Talk to an Expert').
        or (all(word[:1].isupper() for word in field.split()) and is_role(key, lexicon))
    )


# Where a glued field ends: a capital right after a lowercase letter or a colon ('readUpdated', 'Updated:If').
_FIELD_END = lazy_compile(r"(?<=[a-zà-öø-ÿ:])(?=[A-ZÀ-ÖØ-Þ])")


def find_name_glued_to_date(
    units: list[Unit], features: RecordTable, lexicon: Lexicon, header: Header, language: str | None
) -> None:
    """Rule `name-glued-to-date`: 'By Jane DoeMarch 3, 2021' without the 'By': a name a glued dump ran into
    the date after it, when the page has one such pair."""
    found: list[tuple[int, str]] = []
    last = len(units) - 1
    # A date has digits; a label or a role is glued on at a lower-to-upper join: most lines have neither
    # (unless the front end cut the line's source line, read on below). The lines are found in page order.
    candidates = [
        index
        for index, (unit, record) in enumerate(zip(units, features, strict=True))
        if not record.boilerplate
        and (_may_hold_field(unit.text) or (index < last and units[index + 1].lines[0] == unit.lines[-1]))
    ]
    for index in candidates:
        unit = units[index]
        text = unit.text
        # A date or title line the header took may go on with the byline ('...and Tips   Denise Everheart
        # August 23, 2023').
        if header.labels.get(index, ("date", ""))[0] not in ("date", "title"):
            continue
        # The front end may have cut the glued line between the name and the date: read on into the next
        # piece of the same source line ('Matteo Laratta' / 'Last Updated:').
        if index + 1 < len(units) and units[index + 1].lines[0] == unit.lines[-1] and len(text) < GLUED_NAME_MAX_CHARS:
            text += units[index + 1].text[:FIELD_WINDOW_CHARS]
        for position, name in names_glued_to_date(text, language, lexicon):
            if position >= len(unit.text):
                break
            # 'Letzte Änderung 14.02.2019': a date label is no name.
            key = line_key(name)
            if (
                not _has_page_word(name, header)
                and not lexicon.boilerplate_category(key)
                and not label_phrases(lexicon).leading_phrase(key)
            ):
                found.append((index, name))
    # Several name-and-date pairs are a listing's teasers ('How to ...Jane Doe2025/12/20'), each its own
    # author's: none of them is the page's.
    if len(found) == 1:
        _take(units, features, header, found[0][0], [found[0][1]], "name-glued-to-date")


def _has_page_word(name: str, header: Header) -> bool:
    """'Home Solutions', 'Blog Post': a name-like run with a word the page also writes in lowercase."""
    return any(w.strip(".,'’").casefold() in header.common_words for w in name.split())


def _is_page_word_run(name: str, header: Header) -> bool:
    """'Data Science', 'Mental Health': capitalised words the page also writes in lowercase."""
    words = [w.strip(".,'’").casefold() for w in name.split()]
    return bool(words) and all(w in header.common_words for w in words)


def _take(units: list[Unit], features: RecordTable, header: Header, index: int, names: list[str], rule: str) -> None:
    """The page's authors, read by `rule` from unit `index`: a short line is the byline; a long glued
    line keeps its label (its text goes on into the article) and --explain names the rule as its detail."""
    header.authors = names
    header.author_unit, header.author_rule = index, rule
    if features[index].words <= META_MAX_WORDS and index not in header.labels:
        header.label(index, "byline", rule)
