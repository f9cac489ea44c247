"""Rule headings read against their neighbours' layout: which short lines head no section of the article.

A heading rule (`short-line-before-text` and its kin in pipeline._label_body) looks at one line and the
text under it. Some layouts say more: a dump that keeps the page's nesting as indentation (a browser-like
renderer) puts a section heading at the indentation of the text it heads, or further out; a short line
indented deeper than both the line above and the line below sits inside a nested block (a card's label,
a button, a badge, a caption) and heads nothing. Each rule here is named so --explain shows it.
"""

from __future__ import annotations

from collections.abc import Iterator

from articlecli.frontends.text import title_case
from articlecli.frontends.unit import Unit
from articlecli.lazy_regex import lazy_compile
from articlecli.records.features import UnitFeatures
from articlecli.records.lexicon import Lexicon
from articlecli.records.record import RecordTable
from articlecli.sections import HEADING_MAX_WORDS

Labels = dict[int, tuple[str, str]]

NESTED_HEADING = "nested-heading"
# Columns by which a line must sit deeper than both neighbours: one column is noise of alignment (a
# numbered line's marker), two is a nesting step of the layout (renderers indent nested blocks by 2 or more).
NESTED_MIN_STEP = 2
# A nested line of more words is as often a card's headline that the article's own gold keeps as a heading
# (eight words or more: 57% gold on the dev corpus, against 5-24% for one to seven words).
NESTED_MAX_WORDS = 7


def _indent_of_neighbour(units: list[Unit], index: int, step: int) -> int | None:
    """Indentation of the nearest unit with text before (step -1) or after (step +1) `index`."""
    other = index + step
    while 0 <= other < len(units):
        if units[other].text:
            return units[other].indent
        other += step
    return None


def _rule_headings(units: list[Unit], kept: list[int], labels: Labels) -> Iterator[int]:
    """The kept units labelled heading by a rule, not Markdown '#' lines (the page's own headings, which these
    rules leave alone), each tested as the walk reaches it."""
    for index in kept:
        if labels[index][0] == "heading" and units[index].heading_level is None:
            yield index


def demote_nested_headings(units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels) -> None:
    """A rule heading (not a Markdown '#' line) indented deeper than the lines above and below it becomes a
    paragraph (`nested-heading`): on the dev corpus such lines of up to seven words are gold headings 10% of
    the time, against 51% for the rule's headings overall (indented dumps, every wcxb page)."""
    for index in _rule_headings(units, kept, labels):
        unit = units[index]
        if not unit.indent or features[index].words > NESTED_MAX_WORDS:
            continue
        above = _indent_of_neighbour(units, index, -1)
        below = _indent_of_neighbour(units, index, 1)
        if above is None or below is None:
            continue
        if unit.indent >= above + NESTED_MIN_STEP and unit.indent >= below + NESTED_MIN_STEP:
            labels[index] = ("paragraph", NESTED_HEADING)


HEADING_ABOVE_SUBHEADING = "heading-above-subheading"
# The text under the subheading: a paragraph, not another label (15 words: a sentence of prose; the
# section headings this rule finds sit above a subheading and its paragraph 37-54% of the time against
# 10-20% when a short line follows, measured on the dev corpus's plain-text dumps).
SECTION_TEXT_MIN_WORDS = 15


def promote_section_headings(
    units: list[Unit],
    features: list[UnitFeatures],
    kept: list[int],
    labels: Labels,
    *,
    markdown_input: bool,
    blank_layout: bool,
) -> None:
    """A heading right above a subheading: a blank-framed, title-case line left as a paragraph because the
    line under it is not longer text (it is the subheading) becomes a heading (`heading-above-subheading`),
    when a finished paragraph ends above it and a paragraph follows the subheading: "Overcoming Common
    Challenges" / "Planning Ahead" / "The first weeks are ...". Markdown marks its own headings."""
    if markdown_input:
        return
    for position in range(1, len(kept) - 2):
        index = kept[position]
        if labels[index] != ("paragraph", "main-text"):
            continue
        unit, feats = units[index], features[index]
        above, below, text = kept[position - 1], kept[position + 1], kept[position + 2]
        if labels[below][0] != "heading" or labels[above][0] not in ("paragraph", "list-item", "quote"):
            continue
        # Where blank lines mark blocks, a heading is a block of its own; elsewhere the finished sentence
        # above (below) is the block edge.
        if (blank_layout and not _blank_framed(units, index)) or not _is_heading_shape(unit, feats):
            continue
        if not units[above].text.rstrip().endswith(_SENTENCE_CLOSERS):
            continue
        if labels[text][0] != "paragraph" or features[text].words < SECTION_TEXT_MIN_WORDS:
            continue
        labels[index] = ("heading", HEADING_ABOVE_SUBHEADING)


_SENTENCE_CLOSERS = (".", "!", "?", '"', "”", ")")


def _blank_framed(units: list[Unit], index: int) -> bool:
    return units[index].blank_before and index + 1 < len(units) and units[index + 1].blank_before


def _is_heading_shape(unit: Unit, feats: UnitFeatures) -> bool:
    """Short, capitalised words, no final punctuation, not a link, list item or quote."""
    text = unit.text
    if unit.list_item or unit.quote or feats.link_density > 0.5 or feats.words > HEADING_MAX_WORDS:
        return False
    if text.endswith((".", ",", ";", "!", "…", ":")) or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    return title_case(text)


OUTDENTED_HEADING = "outdented-heading"


def promote_outdented_headings(
    units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels, *, markdown_input: bool
) -> None:
    """The converse of `nested-heading`: a blank-framed, title-case line of two words or more, set further
    out than both the line above and the line below it, is the heading of the nested block under it
    (`outdented-heading`), even when what follows is short (a card's fields, a list of short lines): on the
    dev corpus's indented dumps 58% of such lines are gold headings, against 10% of the short lines left
    as paragraphs. One word is as often a label ("Price")."""
    if markdown_input:
        return
    for position, index in enumerate(kept[:-1]):
        if labels[index] != ("paragraph", "main-text"):
            continue
        unit, feats = units[index], features[index]
        if feats.words < 2 or not _blank_framed(units, index) or not _is_heading_shape(unit, feats):
            continue
        if labels[kept[position + 1]][0] not in ("paragraph", "list-item", "quote", "heading"):
            continue
        above = _indent_of_neighbour(units, index, -1)
        below = _indent_of_neighbour(units, index, 1)
        if above is None or below is None:
            continue
        if unit.indent + NESTED_MIN_STEP <= above and unit.indent + NESTED_MIN_STEP <= below:
            labels[index] = ("heading", OUTDENTED_HEADING)


DATELINE_HEADING = "dateline-not-heading"
# Words a dateline holds besides its date: its label ("Updated", "Last updated", "Publié le").
DATELINE_LABEL_MAX_WORDS = 2
# A longer line is a sentence that names a date ("Election results of November 5, 2024 by county"), and the
# date search is left to the lines that can be datelines.
DATELINE_MAX_WORDS = 8


def demote_datelines(units: list[Unit], features: RecordTable, kept: list[int], labels: Labels) -> None:
    """A rule heading that is a date with at most a short label ("Updated March 4, 2026", "June 13, 2022")
    is a teaser's or a post's dateline, not a section heading (`dateline-not-heading`): on the dev corpus
    none of the 32 such headings is a gold heading. It stays in the body as a paragraph."""
    for index in _rule_headings(units, kept, labels):
        if features[index].words > DATELINE_MAX_WORDS:
            continue
        found = features.dates(index)
        if not found:
            continue
        text = units[index].text
        rest = text[: found[0].start] + " " + text[found[-1].end :]
        words = [word for word in rest.split() if any(ch.isalnum() for ch in word)]
        if len(words) <= DATELINE_LABEL_MAX_WORDS and not any(ch.isdigit() for ch in rest):
            labels[index] = ("paragraph", DATELINE_HEADING)


DATED_META_HEADING = "dated-meta-not-heading"


def _names_the_date(text: str, start: int) -> bool:
    """True when the word right before a date is a lower-case word: a title that names a day ("Election results
    of November 5, 2024", "Spotify outage on April 16, 2025"), not a meta line where the date follows a name, a
    label or a separator ("Robert (verified owner) – June 7, 2020", "Posted Mar 5, 2026", "Mar 07, 2026 · 4 min")."""
    before = text[:start].split()
    word = before[-1] if before else ""
    return word.isalpha() and word[:1].islower()


def demote_dated_meta_lines(units: list[Unit], features: RecordTable, kept: list[int], labels: Labels) -> None:
    """A rule heading that holds a full date, not named inside a phrase (see _names_the_date), is a post's, a review's
    or a teaser's meta line (author and date, date and reading time, a forum post's stamp), not a section heading
    (`dated-meta-not-heading`; the dateline rule above takes a date with a short label only). On the dev corpus none
    of the 47 such headings is a gold heading. It stays in the body as a paragraph."""
    for index in _rule_headings(units, kept, labels):
        found = features.dates(index)
        if found and not _names_the_date(units[index].text, found[0].start):
            labels[index] = ("paragraph", DATED_META_HEADING)


CALL_TO_ACTION = "call-to-action-not-heading"


def demote_calls_to_action(
    units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels, lexicon: Lexicon
) -> None:
    """A rule heading that opens with a call to action from the phrase data ([call-to-action]: "Learn more
    about ...", "Back to ...", "Buy ...", "Download ...", "Mehr erfahren", "En savoir plus") is a button or a
    box's link, not a section heading (`call-to-action-not-heading`): on the dev corpus 22 of 244 such
    headings are gold headings, against half of the rule's headings overall. It stays in the body as a
    paragraph. Markdown '#' headings are the page's own and stay."""
    actions = lexicon.phrases("call-to-action")
    if not actions.exact:
        return
    for index in _rule_headings(units, kept, labels):
        key = features[index].key
        if key and actions.leading_phrase(key) is not None:
            labels[index] = ("paragraph", CALL_TO_ACTION)


CONTENTS_TITLE = "contents-title-not-heading"
ADMONITION = "admonition-not-heading"


def demote_box_titles(
    units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels, lexicon: Lexicon
) -> None:
    """Headings that title a box, not a section of the text, become paragraphs: the title of a table of
    contents ([contents-title]: "Table of contents", "In this article", "Inhaltsverzeichnis";
    `contents-title-not-heading`, Markdown '#' lines too: 1 of 45 such headings is gold on the dev corpus)
    and, found by the short-line rules only, an admonition's label ([admonition]: "Note", "Tip", "Warning";
    `admonition-not-heading`: 2 of 49 gold, where a Markdown '#' one is 3 of 5)."""
    contents, admonitions = lexicon.phrases("contents-title"), lexicon.phrases("admonition")
    for index in kept:
        if labels[index][0] != "heading":
            continue
        key = features[index].key
        if not key:
            continue
        if contents.matches_whole(key):
            labels[index] = ("paragraph", CONTENTS_TITLE)
        elif units[index].heading_level is None and admonitions.matches_whole(key):
            labels[index] = ("paragraph", ADMONITION)


FIELD_LINE = "field-not-heading"
# Words of a field's label ("Price", "Website", "Timeline estimate"); a longer text before a colon is a headline's
# first half ("How To Book a Flight For Beginners: A Thorough Guide").
FIELD_LABEL_MAX_WORDS = 3
# A field's value: nothing (the value is the next line), an amount, a number, a link or an address. A section
# heading's second half is words ("Step 5: Plan for the Future", "Aluminum Wiring: 1960s through 1970s" is the
# one shape this lets through, with a digit in its value but more than a number).
_FIELD_VALUE = lazy_compile(r"^(?:[$€£¥]|\d[\d.,:/ –-]*(?:\s|$)|https?://|www\.)|@\w|://")
_DIGIT = lazy_compile(r"\d")


def is_field_line(text: str) -> bool:
    """A label and its value ("Price: $18", "Website: https://…", "Timeline estimate: 2 to 6 weeks",
    "Website:") or the value cut from its label (": Las Vegas, USA"), not a headline with a colon."""
    if text.startswith(":"):
        return True
    label, colon, value = text.partition(":")
    if not colon or _DIGIT.search(label) or len(label.split()) > FIELD_LABEL_MAX_WORDS:
        return False
    value = value.strip()
    return not value or bool(_FIELD_VALUE.search(value))


def demote_field_lines(units: list[Unit], kept: list[int], labels: Labels) -> None:
    """A rule heading (not a Markdown '#' line) that is a field of a data card, a label and its value ("Price:
    $18", "Registration: https://…", "Timeline estimate: 1 to 2 weeks"), or a value cut from its label, is a
    paragraph (`field-not-heading`): on the dev corpus 2 of the 255 lines it changes are gold headings,
    against half of the rule's headings overall. A label with a number ("Step 3: …") heads a step."""
    for index in _rule_headings(units, kept, labels):
        if is_field_line(units[index].text):
            labels[index] = ("paragraph", FIELD_LINE)


REPEATED_LIST_HEADING = "repeated-list-heading"


def restore_list_headings(units: list[Unit], kept: list[int], labels: Labels) -> None:
    """A heading repeated on the page that was taken for a table-of-contents entry (`contents-entry`) but sits
    right above a list heads that list: "Pros" / "Cons" / "What we like" above each product's bullet points
    (`repeated-list-heading`). A contents entry is followed by the next entry, not by a list of its own: on the
    dev corpus 115 of the 161 lines it changes are gold headings."""
    for position, index in enumerate(kept[:-1]):
        if labels[index] != ("paragraph", "contents-entry"):
            continue
        if units[kept[position + 1]].list_item and labels[kept[position + 1]][0] == "list-item":
            labels[index] = ("heading", REPEATED_LIST_HEADING)


PIECE_OF_BLOCK = "piece-of-block-not-heading"
# pipeline's rule for a line alone between two paragraphs where blank lines do not mark every block edge.
LINE_BETWEEN_PARAGRAPHS = "line-between-paragraphs"
# A heading's permalink mark right under it, with no blank line between ("¶", "#install"): not a line of
# the heading's block (the same shape as pipeline's anchor test).
_PERMALINK = lazy_compile(r"#[a-z\d_-]*|[^\w\s]+")


def _joined_to_next(units: list[Unit], index: int) -> bool:
    after = index + 1
    while after < len(units) and not units[after].blank_before and _PERMALINK.fullmatch(units[after].text):
        after += 1
    return after < len(units) and not units[after].blank_before and bool(units[after].text)


def demote_block_pieces(
    units: list[Unit], kept: list[int], labels: Labels, *, markdown_input: bool, blank_layout: bool
) -> None:
    """Where blank lines mark the blocks of the page, a heading is a block of its own; a rule heading that is a
    piece of a longer block (joined from several source lines, or with no blank line above or below it: the
    scraper cut a paragraph, a card or a table row at its inline markup, "Even in the" / "U+10000" / "range,")
    is a paragraph (`piece-of-block-not-heading`): on the dev corpus 1 of the 336 lines it changes is a
    gold heading. Where no blank lines mark blocks, lines of one block follow each other as
    headings and paragraphs do, and this says nothing."""
    if markdown_input or not blank_layout:
        return
    for index in _rule_headings(units, kept, labels):
        # A line between two paragraphs with no blank line anywhere was taken as a heading for that very shape.
        if labels[index][1] == LINE_BETWEEN_PARAGRAPHS:
            continue
        unit = units[index]
        if len(unit.lines) > 1 or not unit.blank_before or _joined_to_next(units, index):
            labels[index] = ("paragraph", PIECE_OF_BLOCK)


INDENTED_LINE_BETWEEN_PARAGRAPHS = "indented-line-not-heading"


def demote_indented_lines_between_paragraphs(units: list[Unit], kept: list[int], labels: Labels) -> None:
    """A `line-between-paragraphs` heading (a line alone between two paragraphs with no blank line around it, taken
    as a heading where the page source's own line breaks were kept) that is indented is a line of a nested block
    in a dump that lays the page out as indentation: a menu entry above its description ("Pricing" / "Explore our
    plans ..."), a FAQ card's question, a slider's label (`indented-line-not-heading`). There the depth, not a
    missing blank line, sets a heading apart; on the dev corpus none of the 35 such lines is a gold heading."""
    for index in _rule_headings(units, kept, labels):
        if labels[index][1] == LINE_BETWEEN_PARAGRAPHS and units[index].indent >= NESTED_MIN_STEP:
            labels[index] = ("paragraph", INDENTED_LINE_BETWEEN_PARAGRAPHS)


CUT_SENTENCE = "cut-sentence-not-heading"
# Marks that continue a text and cannot open one: a colon before a field's value, a comma, a semicolon, a closing
# bracket, a full stop. An opening bracket or a dash can open a subtitle ("(and why it matters)"), so they stay out.
_CONTINUATION_OPENERS = (":", ",", ";", ")", "]", ".")


def _opens_as_continuation(text: str) -> bool:
    text = text.lstrip()
    return text.startswith(_CONTINUATION_OPENERS) and not text.startswith(("...", "…"))


def _continued_in_lower_case(units: list[Unit], index: int) -> bool:
    """The next line of the dump that has text follows with no blank line between and opens in lower case: the
    rest of a sentence the scraper cut at its inline markup ("Battery Resourcers" / "created a recycling process
    that ...", a linked company name). Caseless scripts never open in lower case, and are left alone."""
    after = _next_with_text(units, index)
    return after is not None and not units[after].blank_before and units[after].text[:1].islower()


def demote_cut_sentences(units: list[Unit], kept: list[int], labels: Labels) -> None:
    """A rule heading (not a Markdown '#' line) that a scraper made of a sentence or a field cut at its inline
    markup is not a heading (`cut-sentence-not-heading`): the heading's own second line, or the next kept
    line, opens with a mark that continues a text ("Location" / ": Las Vegas, USA", "Western European" /
    "), and"), or the next line of the dump follows it with no blank line between and opens in lower case
    ("Wait for a minimum of one week before resubmitting or pinging reviewers" / "possibly longer during busy
    times"). On the dev corpus 2 of the 140 lines the marks change are gold headings, and none of the 34 the
    lower-case opening changes (a section heading's text opens with a capital, or after a blank line where the
    layout has them: with one between, such lines are gold 42% of the time, and stay)."""
    for position, index in enumerate(kept):
        unit = units[index]
        if labels[index][0] != "heading" or unit.heading_level is not None:
            continue
        pieces = unit.raw[1:]
        following = units[kept[position + 1]].text if position + 1 < len(kept) else ""
        if (
            any(map(_opens_as_continuation, pieces))
            or _opens_as_continuation(following)
            or _continued_in_lower_case(units, index)
        ):
            labels[index] = ("paragraph", CUT_SENTENCE)


CUT_NAME = "cut-name-not-heading"
# A lower-case word this long is a content word of a sentence ("include", "choices", "recently"); a title-case
# heading leaves only short function words in lower case ("with", "into", "for", "and").
SENTENCE_WORD_MIN_CHARS = 5


def _next_with_text(units: list[Unit], index: int) -> int | None:
    after = index + 1
    while after < len(units) and not units[after].text:
        after += 1
    return after if after < len(units) else None


def _reads_as_sentence_up_to_a_name(text: str) -> bool:
    """A sentence's words, the last one capitalised: "Top choices for CPAs include Ultra"."""
    words = text.split()
    return (
        len(words) > 1
        and words[-1][:1].isupper()
        and not text.endswith(("?", ".", "!"))
        and any(word[:1].islower() and len(word) >= SENTENCE_WORD_MIN_CHARS for word in words[:-1])
    )


def demote_cut_names(units: list[Unit], kept: list[int], labels: Labels) -> None:
    """A rule heading (not a Markdown '#' line) that the glued-text front end cut off the rest of its source line at
    a lower-to-upper case join, and that reads as a sentence ending on a capitalised word, was cut inside a name
    written in camel case ("Top choices for CPAs include Ultra" / "Tax CS, Lacerte and ...", "the arrival of
    Open" / "AI's product feed ..."), not at the edge of a heading element: a paragraph (`cut-name-not-heading`).
    A heading glued to its text ends on its own last word, and title-case headings have no long lower-case word.
    On the dev corpus 2 of the 36 lines it changes are gold headings."""
    for index in _rule_headings(units, kept, labels):
        if not _reads_as_sentence_up_to_a_name(units[index].text):
            continue
        after = _next_with_text(units, index)
        if after is not None and units[index].lines[-1] == units[after].lines[0]:
            labels[index] = ("paragraph", CUT_NAME)


TABLE_ROW = "table-row-not-heading"
# Spaces between two cells of a row that a renderer laid out in columns (inscriptis pads each cell to its column's
# width): one or two spaces sit between words and after a full stop, three or more only in a layout.
COLUMN_GAP_MIN_SPACES = 3
# A cell separator written out: a pipe between spaces, as a card prints its fields in a row ("Bib Gourmand | Noho",
# "Bridgestone Team | 5 min read"); glued to a word it is a code's syntax or a name ("A|B").
_COLUMN_GAP = lazy_compile(rf"\S {{{COLUMN_GAP_MIN_SPACES},}}\S|\S \| \S")


def demote_table_rows(units: list[Unit], kept: list[int], labels: Labels) -> None:
    """A rule heading (not a Markdown '#' line) with a column gap or a pipe between cells inside it is a table's
    or a card's row, laid out cell by cell ("Renovation Type     Estimated Cost Range     Notes", "Thin LTO.
    5%", "Bib Gourmand | Crown Heights"), not a section heading (`table-row-not-heading`): on the dev corpus 1 of
    the 106 lines it changes is a gold heading."""
    for index in _rule_headings(units, kept, labels):
        if _COLUMN_GAP.search(units[index].text):
            labels[index] = ("paragraph", TABLE_ROW)


ADDRESS_LINE = "address-not-heading"
# A web address or an e-mail address inside the text (not a domain name alone: "Booking.com" titles a section).
_ADDRESS = lazy_compile(r"https?://|\bwww\.\w|\w@\w[\w-]*\.\w")


def demote_address_lines(units: list[Unit], kept: list[int], labels: Labels) -> None:
    """A rule heading (not a Markdown '#' line) that holds a web or e-mail address is a contact line, a shop link
    or a credit ("CVAE_info@conejousd.org", "USA Amazon $24.99 : https://amzn.to/…", "Photo Max Bender on
    https://unsplash.com/…"), not a section heading (`address-not-heading`): none of the 11 such lines of the dev
    corpus is a gold heading."""
    for index in _rule_headings(units, kept, labels):
        if _ADDRESS.search(units[index].text):
            labels[index] = ("paragraph", ADDRESS_LINE)


REPEATED_FIELD = "repeated-field-not-heading"
# Cards of one listing repeat their fields: a label seen before the colon of this many rule headings is a field's
# ("Website: TheraBreath", "Website: Spotlight Oral Care", ...). Two is as often a pair of parallel headings
# ("Pros: …" / "Cons: …" differ; "Part one: …" twice).
REPEATED_FIELD_MIN = 3


# Words of a label that make it a name of its own when they are capitalised ("Backpacking Essentials", "Best of
# the Best"): the series title of a run of section headings ("Backpacking Essentials: Food and Fuel"), where a
# field's label is one word ("Website", "Source") or a phrase ("Reported by", "Best for").
SERIES_LABEL_MIN_NAMES = 2
# Shorter words are articles and prepositions, capitalised or not in a title.
SERIES_NAME_MIN_CHARS = 4


def _series_title(label: str, value: str) -> bool:
    names = [word for word in label.split() if len(word) >= SERIES_NAME_MIN_CHARS and word[:1].isupper()]
    return len(names) >= SERIES_LABEL_MIN_NAMES and title_case(value)


def _field_label(text: str) -> str | None:
    """The label of a "Label: value" line (at most FIELD_LABEL_MAX_WORDS words, no digit, not a series title),
    casefolded."""
    label, colon, value = text.partition(":")
    if not colon or not value.strip() or _DIGIT.search(label) or len(label.split()) > FIELD_LABEL_MAX_WORDS:
        return None
    if _series_title(label, value):
        return None
    return label.strip().casefold() or None


def demote_repeated_fields(units: list[Unit], kept: list[int], labels: Labels) -> None:
    """Rule headings (not Markdown '#' lines) that share the label before their colon with two or more others
    ("Website: TheraBreath", "Website: Quip", "Website: Spotlight", one per product card) are the cards' fields,
    not section headings (`repeated-field-not-heading`). Questions stay: "Q: …?" heads each answer of a FAQ; and
    so does a series of sections titled by a name of two capitalised words or more ("Backpacking Essentials:
    Hiking Gear", "Backpacking Essentials: Food and Fuel"). On the dev corpus the rule changes 12 pages' headings,
    all for the better."""
    found: dict[str, list[int]] = {}
    for index in _rule_headings(units, kept, labels):
        unit = units[index]
        if unit.text.endswith("?"):
            continue
        label = _field_label(unit.text)
        if label is not None:
            found.setdefault(label, []).append(index)
    for indices in found.values():
        if len(indices) >= REPEATED_FIELD_MIN:
            for index in indices:
                labels[index] = ("paragraph", REPEATED_FIELD)
