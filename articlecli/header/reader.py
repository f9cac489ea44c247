"""The header zone around the body start: finds the title and labels its copies, then reads the metadata
lines (breadcrumbs, reading time, bylines, dates, categories and tags) into a Header, calling on
bylines.py, page_dates.py and taxonomy.py for each kind."""

from __future__ import annotations

from collections.abc import Callable

from articlecli.frontends.unit import Unit
from articlecli.header.byline_shapes import (
    cut_names_at_page_lines,
    find_byline_in_source_lines,
    find_colon_label_byline,
    find_name_above_author_more,
    find_name_in_date_source_line,
    find_name_with_role_field,
    find_team_byline,
    find_title_as_byline,
    strip_portrait_words,
)
from articlecli.header.bylines import (
    byline_at,
    find_author_box,
    find_author_link,
    find_byline_anywhere,
    find_dated_byline_anywhere,
    find_name_above_role,
    find_name_beside_any_date,
    find_name_beside_date,
    find_name_beside_title,
    find_word_beside_date,
    names_in_date_line,
    nearest_byline,
    plausible_names,
    tidy_names,
)
from articlecli.header.glued_bylines import find_glued_byline, find_name_glued_to_date
from articlecli.header.glued_names import tidy_glued_names
from articlecli.header.headline_bylines import find_byline_after_headline
from articlecli.header.line_rest import page_title_rest, read_date_line_rest
from articlecli.header.meta_labels import label_phrases, unglue_labels
from articlecli.header.page_dates import (
    find_fallback_date,
    find_loose_dates,
    label_above,
    may_hold_date,
    prefer_date_beside_title,
    prefer_nearest_date,
    prefer_original_date,
    take_dates,
    words_besides,
)
from articlecli.header.record import META_MAX_WORDS, Header
from articlecli.header.taxonomy import (
    after_words,
    breadcrumb_parts,
    is_breadcrumb,
    mark_category_lines,
    split_breadcrumbs,
    split_list,
)
from articlecli.header.title import TitleChoice, TitlePage, find_title
from articlecli.header.title_rank import MODEL_RULE, active_title_model, rerank
from articlecli.lazy_regex import lazy_compile
from articlecli.records import dates
from articlecli.records.features import UnitFeatures
from articlecli.records.lexicon import Lexicon, available_languages, line_key
from articlecli.records.names import byline_names
from articlecli.records.record import RecordTable

# How many units before the body start are searched for the title and metadata.
HEADER_WINDOW = 25
# Metadata lines (byline, date, categories) are also looked for this far into the body.
BODY_LOOKAHEAD = 4


def parse_header(
    units: list[Unit],
    features: RecordTable,
    body: tuple[int, int],
    lexicon: Lexicon,
    language: str | None,
) -> Header:
    """Find the title and metadata around the main text `body` (start, end units).

    A top-level heading early inside the main text is the title: the body then starts after it.
    """
    header = Header(units=units)
    header.page_order = features.numeric_order
    body_start = body[0]
    choice = _find_title(units, features, body, header, lexicon, language)
    if choice is not None and choice.index >= body_start:
        body_start = choice.index + 1
    header.body_start = body_start
    header.body_end = max(body[1], body_start)
    window = range(max(0, body_start - HEADER_WINDOW), min(len(units), body_start + BODY_LOOKAHEAD))
    preferred = nearest_byline(units, features, window, lexicon, header)
    for index in window:
        if index in header.labels:
            continue
        _read_meta_line(units, features, index, lexicon, language, header, preferred)
    _find_authors_elsewhere(units, features, window, lexicon, language, header)
    header.authors = cut_names_at_page_lines(tidy_names(header.authors, units), units, lexicon)
    header.authors = tidy_glued_names(header.authors, units, lexicon)
    header.authors = strip_portrait_words(header.authors, lexicon)
    prefer_nearest_date(header, window)
    prefer_date_beside_title(units, features, window, header, lexicon)
    find_loose_dates(units, features, window, language, header, lexicon)
    if not header.published and header.updated:
        # The header's only date is an 'Updated'/'Stand' one: it is the date the page shows for itself.
        header.set_published(header.updated, header.updated_unit, "updated-date-only")
    if not header.published:
        find_fallback_date(units, features, window, language, header, lexicon)
    prefer_original_date(units, features, header, lexicon)
    mark_category_lines(units, features, header, body_start)
    return header


def _find_authors_elsewhere(
    units: list[Unit],
    features: RecordTable,
    window: range,
    lexicon: Lexicon,
    language: str | None,
    header: Header,
) -> None:
    """When the metadata lines named no author: the fallbacks, most precise first (each a named rule that
    --explain shows); the first that finds an author ends the search."""
    fallbacks: tuple[Callable[[], None], ...] = (
        lambda: find_byline_in_source_lines(units, features, window, lexicon, header),
        lambda: find_name_in_date_source_line(units, features, window, lexicon, header),
        lambda: find_name_beside_date(units, features, window, header, lexicon, language),
        lambda: find_title_as_byline(units, features, lexicon, language, header),
        lambda: find_name_above_role(units, features, window, lexicon, header),
        lambda: find_name_with_role_field(units, features, window, lexicon, header),
        lambda: find_byline_anywhere(units, features, lexicon, header),
        lambda: find_dated_byline_anywhere(units, features, lexicon, header),
        lambda: find_author_link(units, features, lexicon, header),
        lambda: find_author_box(units, features, lexicon, header),
        lambda: find_name_beside_title(units, features, lexicon, language, header),
        lambda: find_word_beside_date(units, features, window, header, lexicon, language),
        lambda: find_name_beside_any_date(units, features, header, lexicon, language),
        lambda: find_colon_label_byline(units, features, lexicon, header),
        lambda: find_team_byline(units, features, lexicon, header),
        lambda: find_name_above_author_more(units, features, lexicon, header),
        lambda: find_glued_byline(units, features, lexicon, header),
        lambda: find_name_glued_to_date(units, features, lexicon, header, language),
        lambda: find_byline_after_headline(units, features, window, lexicon, header),
    )
    for find in fallbacks:
        if header.authors:
            return
        find()


# --- title ------------------------------------------------------------------------------------


def _find_title(
    units: list[Unit],
    features: list[UnitFeatures],
    region: tuple[int, int],
    header: Header,
    lexicon: Lexicon,
    language: str | None,
) -> TitleChoice | None:
    is_meta = MetaLineTest(units, features, lexicon, language)
    scored: dict[int, tuple[float, float]] = {}
    # What the rules compute once for the page and the ranker reads again.
    page = TitlePage(units, features, region, is_meta)
    choice = find_title(units, features, region, is_meta, scored, page)
    model = active_title_model()
    if model is not None:
        choice = rerank(units, features, region, is_meta, scored, choice, model, page)
    if choice is None:
        return None
    header.title = choice.text
    _label_title_copies(units, choice, header)
    return choice


def _label_title_copies(units: list[Unit], choice: TitleChoice, header: Header) -> None:
    """The first line carrying the title is the title; later identical lines are repeats."""
    title = choice.text
    first_index = choice.index
    glued_prefix = ""
    # A cleaned form of the first line (the <title> without its site name), by the rules or the ranker.
    from_first = choice.index == 0 and choice.text != units[0].text and choice.rule.startswith(MODEL_RULE)
    if choice.rule == "page-title" or from_first:
        header.title_unit = 0
        header.label(0, "title", choice.rule)
        rest = page_title_rest(units[0].text, title)
        if rest:
            header.rest[0] = rest
        return
    for index, unit in enumerate(units[: choice.index + 1]):
        if unit.text == title:
            first_index = index
            break
        if unit.text.endswith(title) and len(unit.text) - len(title) <= 80:
            first_index, glued_prefix = index, unit.text[: -len(title)]
            break
    header.title_unit = first_index
    if glued_prefix:
        header.breadcrumbs = split_breadcrumbs(glued_prefix)
        header.label(first_index, "title", "glued-breadcrumb-title")
    else:
        header.label(first_index, "title", choice.rule)
    for index, unit in enumerate(units):
        if index != first_index and unit.text == title:
            header.label(index, "removed", "repeated-title")


class MetaLineTest:
    """`is_meta_line` for the lines of one page, one verdict per distinct text (`verdicts`), shared by the
    title rules and the title ranker; a unit's text is keyed from its record, not again."""

    def __init__(self, units: list[Unit], features: list[UnitFeatures], lexicon: Lexicon, language: str | None):
        self.lexicon = lexicon
        self.language = language
        self.verdicts: dict[str, bool] = {}
        # The records' keys of the units' texts ("" for a line too long to have one).
        self._keys = dict(zip([unit.text for unit in units], [feats.key for feats in features], strict=True))

    def __call__(self, text: str) -> bool:
        verdict = self.verdicts.get(text)
        if verdict is None:
            verdict = self.verdicts[text] = is_meta_line(text, self.lexicon, self.language, self._keys.get(text, ""))
        return verdict


def is_meta_line(text: str, lexicon: Lexicon, language: str | None, key: str = "") -> bool:
    """A byline, date, reading-time, breadcrumb or category line: never the title. `key` is line_key(text)
    when the caller has it."""
    key = key or line_key(text)
    if lexicon.phrases("reading-time").matches_whole(key) or byline_names(text, lexicon) is not None:
        return True
    if label_phrases(lexicon).leading_phrase(key):
        return True
    parts = breadcrumb_parts(text)
    if len(parts) >= 2:
        root = line_key(_without_trail_label(parts[0], lexicon))
        if root in lexicon.phrases("breadcrumb-root").exact:
            return True
    found = dates.find_dates(text, language) or _dates_in_other_language(text, language)
    return bool(found) and words_besides(text, found) <= META_DATE_MAX_OTHER_WORDS


def _without_trail_label(root: str, lexicon: Lexicon) -> str:
    """A trail's first item without the menu label printed before it: "Sie sind hier: Home" -> "Home"."""
    label, colon, rest = root.partition(":")
    if colon and rest.strip() and lexicon.boilerplate_category(line_key(label)) == "navigation":
        return rest
    return root


# A day, a word and a year ("17. Januar 2014", "4 de mayo de 2020"), or a word, a day and a year ("März 3, 2020").
_WORD_DATE_SHAPE = lazy_compile(
    r"(?<!\d)\d{1,2}\.?\s*(?:de\s+)?[^\W\d_]{3,}\.?,?\s*(?:del?\s+)?(?:19|20)\d\d"
    r"|[^\W\d_]{3,}\.?\s*\d{1,2}\.?,?\s*(?:19|20)\d\d"
)
# The year both forms of _WORD_DATE_SHAPE end with: a line without one has no date of that shape.
_YEAR = lazy_compile(r"(?:19|20)\d\d")
# A date line holds its date and at most this many other words ("Published on", a weekday, "Uhr").
META_DATE_MAX_OTHER_WORDS = 3
# ... so at most this many words in all: the longest written date has five ("4 de mayo de 2020").
DATE_LINE_MAX_WORDS = META_DATE_MAX_OTHER_WORDS + 5


def _dates_in_other_language(text: str, language: str | None) -> list[dates.FoundDate]:
    """The dates of `text` read with the month names of another language the phrase data has: a site
    prints its dates in its own language even where the page's text was voted another ("17. Januar 2014"
    on a page whose article is in English)."""
    # Only month names differ between languages, and a line with more words than a date line holds is no
    # date line whatever its date. The shape is tested first: reading another language's month names loads
    # its calendar data (0.23 s of CPU for all of them, once per process). Before the shape, its year: both
    # forms of the shape end with one, and a search that skips to the next '1' or '2' is cheaper than the
    # shape's, which starts with a look-behind and is tried at every position (most title candidates the
    # metadata-line test reads have no year).
    if not _YEAR.search(text):
        return []
    if len(text.split(None, DATE_LINE_MAX_WORDS)) > DATE_LINE_MAX_WORDS or not _WORD_DATE_SHAPE.search(text):
        return []
    for other in available_languages():
        if other not in (language, "en"):
            found = dates.find_dates(text, other)
            if found:
                return found
    return []


# --- metadata lines ---------------------------------------------------------------------------


def _read_meta_line(
    units: list[Unit],
    features: list[UnitFeatures],
    index: int,
    lexicon: Lexicon,
    language: str | None,
    header: Header,
    preferred: int | None = None,
) -> None:
    unit, feats = units[index], features[index]
    if feats.words > META_MAX_WORDS * 2:
        return
    text = unglue_labels(unit.text, lexicon)
    # A line this short has its key in its record (records.record.PHRASE_MAX_WORDS).
    key = feats.key if text == unit.text else line_key(text)
    if is_breadcrumb(unit, lexicon, header, index):
        header.breadcrumbs = split_breadcrumbs(unit.text)
        header.label(index, "breadcrumb", "breadcrumb-trail")
        return
    if lexicon.phrases("reading-time").matches_whole(key):
        header.label(index, "removed", "reading-time")
        return
    byline = byline_at(units, index, lexicon, header, feats.key) if preferred is None or index == preferred else None
    if byline and not header.authors:
        header.authors = byline[0]
        for taken in byline[1]:
            header.label(taken, "byline", "byline-prefix")
        take_dates(text, lexicon, language, header, index)
        return
    # (A line that cannot hold a date is told before the label above it is looked up.)
    if (
        feats.words <= META_MAX_WORDS
        and may_hold_date(units, index, text)
        and take_dates(label_above(units, index, lexicon) + text, lexicon, language, header, index)
    ):
        header.label(index, "date", "date-line")
        if not header.authors:
            header.authors = plausible_names(names_in_date_line(text, lexicon, language), header)
        rest = read_date_line_rest(text, lexicon, language, header)
        if rest:
            header.rest[index] = rest
        return
    for category, target in (("category-prefix", header.categories), ("tag-prefix", header.tags)):
        phrase = lexicon.phrases(category).leading_phrase(key)
        if phrase and not target:
            values = split_list(after_words(text, len(phrase.split())))
            if values:
                target.extend(values)
                header.label(index, category.removesuffix("-prefix"), category)
                return
