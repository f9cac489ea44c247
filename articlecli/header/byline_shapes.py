"""More byline shapes, tried after the fallbacks of bylines.py when the header gave no author.

Each finder is one named rule (`--explain` shows its name on the line it read):

- `byline-source-line`: a scraper joined the byline's source line to its neighbours in one unit
  ('vor 11 Minuten' + 'von Rudolf Fischer, Simon Kohler'); the byline test runs on each source line.
- `byline-colon-label`: 'Quelle: dpa/lno', 'Interview: Julia Lauter', a label that names the writer only
  before a colon (per-language data `[byline-colon-label]`).
- `date-source-line-name`: the same for a date unit joined from several source lines: the names of a
  date line are read from each line (the unit keeps its `date` label).
- `name-with-role-field`: names, then the writer's role or the publication label in the next field
  ('Manoj Jain and Jagpreet Chhatwal | Guest Columnists', 'Harald Bauer Autor').
- `byline-team`: 'By The Currency editors', a byline word and a team or desk (per-language data
  `[team-word]`).
- `author-box-more`: an author box's name above the link to the writer's other posts ('Weitere
  Beiträge', 'View all posts'; per-language data `[author-more]`).
- `name-cut-at-page-line`: a name glued to the next field, cut where the page shows the parts apart.
- `title-is-byline`: the title search took the byline for the headline (a whole-page dump without the
  `<title>` line or heading marks, as text browsers print it: 'Matthew Davis' / '11 Jan 2019'); the title
  unit, only a person's name or a byline right beside the date line, names the author.
"""

from __future__ import annotations

from collections.abc import Iterator

from articlecli.frontends.unit import Unit
from articlecli.header.bylines import (
    NAME_EDGE,
    beside,
    is_date_line,
    is_proper_name,
    is_ui_phrase,
    names_in_date_line,
    nearest_first,
    plausible_names,
)
from articlecli.header.meta_labels import is_label_text
from articlecli.header.record import META_MAX_WORDS, Header
from articlecli.lazy_regex import lazy_compile
from articlecli.records.lexicon import Lexicon, line_key
from articlecli.records.names import byline_names, is_role, looks_like_name, split_names, strip_emphasis
from articlecli.records.record import RecordTable

# A joined unit this long is a paragraph with a byline-like opening ('Von ... an ...'): its source lines
# are not read. Twice a metadata line: a date line and a byline joined.
JOINED_BYLINE_MAX_WORDS = META_MAX_WORDS * 2

_LEADING_MARKS = " |·•-–—/»>*+"


def find_byline_in_source_lines(
    units: list[Unit], features: RecordTable, window: range, lexicon: Lexicon, header: Header
) -> None:
    """A byline that is one source line of a joined unit in the header window ('vor 11 Minuten' /
    'von Rudolf Fischer, Simon Kohler' in one unit): the unit's lines are tested one by one, the unit
    nearest the title (or the body start) first (rule `byline-source-line`)."""
    for index in nearest_first(window, _title_or_body_start(header, window)):
        unit = units[index]
        if len(unit.raw) < 2 or features[index].words > JOINED_BYLINE_MAX_WORDS or features[index].boilerplate:
            continue
        if index in header.labels and header.labels[index][0] not in ("removed", "date"):
            continue
        for line in unit.raw:
            names = byline_names(strip_emphasis(line).strip().lstrip(_LEADING_MARKS), lexicon)
            names = plausible_names(names, header) if names else []
            if names:
                header.authors = names
                if index not in header.labels:
                    header.label(index, "byline", "byline-source-line")
                return


# 'Quelle: MDR THÜRINGEN/ls', 'Interview: Julia Lauter': a label that names the author only with a colon
# and the name after it on the same line ('Interview' alone is a section label). A line longer than this
# is a sentence or a caption.
COLON_LABEL_MAX_WORDS = 8
# Of the names after the label, at most this many: a longer list is a list of sources, not the writer.
COLON_LABEL_MAX_NAMES = 2


def find_colon_label_byline(units: list[Unit], features: RecordTable, lexicon: Lexicon, header: Header) -> None:
    """'Label: Name' with a label of the `byline-colon-label` data, in the header window or anywhere on
    the page (a source line stands below the text), the one nearest the body start first (rule
    `byline-colon-label`)."""
    labels = lexicon.phrases("byline-colon-label")
    if not labels.exact:
        return
    candidates = [i for i in range(len(units)) if features[i].words <= COLON_LABEL_MAX_WORDS and ":" in units[i].text]
    for index, text in _free_lines_nearest_first(candidates, units, features, header):
        label, colon, rest = text.partition(":")
        if not colon or line_key(label) not in labels.exact:
            continue
        name = rest.strip(NAME_EDGE)
        names = plausible_names(split_names(name, lexicon), header) if name else []
        if not names and _is_source_name(name):
            names = [name]
        if 1 <= len(names) <= COLON_LABEL_MAX_NAMES:
            header.authors = names
            if index not in header.labels:
                header.label(index, "byline", "byline-colon-label")
            return


# An agency or desk after a source label, as the page writes it: 'MDR THÜRINGEN/ls', 'dpa/lno',
# 'hessenschau.de/bb', 'kathpress' (one to three words, no sentence punctuation).
_SOURCE_NAME = lazy_compile(r"^[^\W\d_][\w.&/\-]*(?: [^\W\d_][\w.&/\-]*){0,2}$")


def _is_source_name(text: str) -> bool:
    return bool(_SOURCE_NAME.match(text))


def _title_or_body_start(header: Header, window: range) -> int:
    """Where the header's own lines cluster: the title's unit when it is in the window, else the body start."""
    title = header.title_unit
    return title if title is not None and title in window else header.body_start


def _free_lines_nearest_first(
    indexes: list[int], units: list[Unit], features: RecordTable, header: Header
) -> Iterator[tuple[int, str]]:
    """The candidate lines nearest the body start first, each with its text without emphasis and leading
    marks; a boilerplate line or one the header has taken (title, byline, date...) is passed by."""
    for index in nearest_first(indexes, header.body_start):
        if features[index].boilerplate:
            continue
        if index in header.labels and header.labels[index][0] != "removed":
            continue
        yield index, strip_emphasis(units[index].text).strip().lstrip(_LEADING_MARKS)


def find_name_in_date_source_line(
    units: list[Unit], features: RecordTable, window: range, lexicon: Lexicon, header: Header
) -> None:
    """A date unit the scraper joined from several source lines ('Dec. 19, 2025 · Niko Matsakis' / 'on
    behalf of' / 'Vision Doc group'): the name test of a date line runs on each source line that holds a
    date, the unit nearest the title first (rule `date-source-line-name`)."""
    for index in nearest_first(window, _title_or_body_start(header, window)):
        if header.labels.get(index, ("", ""))[0] != "date" or len(units[index].raw) < 2:
            continue
        if features[index].words > JOINED_BYLINE_MAX_WORDS:
            continue
        for line in units[index].raw:
            names = plausible_names(names_in_date_line(line, lexicon, features.language), header)
            if names:
                header.authors = names
                return


# A line this short can be a section link, a site name or a name alone (the lines a glued name is cut at).
PAGE_LINE_MAX_CHARS = 40


def cut_names_at_page_lines(names: list[str], units: list[Unit], lexicon: Lexicon) -> list[str]:
    """A name of 3+ words that a scraper glued to the next field, cut where the page shows the parts
    apart (rule `name-cut-at-page-line`): the trailing words are a line of their own elsewhere (the site
    name of the logo: 'Sarah Schnieder Reiterrevue International'), or the leading words are (the author
    box: 'Harsh Vaibhav Global Commons' with 'Harsh Vaibhav' alone below the text), or the trailing word
    is a field label ('Daniel Lemire Categories'). tidy_names already cuts a single trailing word."""
    lines: set[str] | None = None
    labels = lexicon.phrases("category-prefix").exact | lexicon.phrases("tag-prefix").exact
    tidy: list[str] = []
    for name in names:
        words = name.split()
        if len(words) < 3 or "," in name:
            tidy.append(name)
            continue
        if lines is None:
            lines = {line_key(unit.text) for unit in units if len(unit.text.strip(NAME_EDGE)) <= PAGE_LINE_MAX_CHARS}
        cut = len(words)
        for k in range(len(words) - 1, 1, -1):
            head, tail = " ".join(words[:k]), " ".join(words[k:])
            if not looks_like_name(head):
                continue
            if line_key(tail) in lines or line_key(tail) in labels or line_key(head) in lines:
                cut = k
                break
        tidy.append(" ".join(words[:cut]) if cut < len(words) else name)
    return tidy


# A team byline: the byline word, then at most this many words ('the Lavazza Team', 'The Currency editors').
TEAM_MAX_WORDS = 5
_DIGIT_WORD = lazy_compile(r"\s\S*\d.*$")
_ARTICLES = frozenset({"the", "der", "die", "das", "dem", "den", "la", "el", "le", "l'"})


def find_team_byline(units: list[Unit], features: RecordTable, lexicon: Lexicon, header: Header) -> None:
    """'By The Currency editors', 'By the Lavazza Team 2–3 minutes': a byline word and a team or desk
    whose last word is team data (`[team-word]`), wherever it stands, the one nearest the body start first
    (rule `byline-team`). Such a line fails the name test (lowercase words), so the other byline rules
    pass it by; the team is the author as the page writes it."""
    teams = lexicon.phrases("team-word").exact
    prefixes = lexicon.phrases("byline-prefix")
    if not teams:
        return
    firsts = prefixes.first_words
    candidates = [
        i
        for i in range(len(units))
        if features[i].words <= TEAM_MAX_WORDS + 4 and features[i].key.split(" ", 1)[0] in firsts
    ]
    for index, text in _free_lines_nearest_first(candidates, units, features, header):
        key = line_key(text)
        phrase = prefixes.leading_phrase(key) if key else None
        if phrase is None:
            continue
        rest = _DIGIT_WORD.sub("", " ".join(text.split()[len(phrase.split()) :])).strip(NAME_EDGE)
        words = rest.split()
        if not 2 <= len(words) <= TEAM_MAX_WORDS:
            continue
        if not (words[0][:1].isupper() or words[0].casefold() in _ARTICLES):
            continue
        if not any(line_key(" ".join(words[-size:])) in teams for size in (1, 2)):
            continue
        header.authors = [rest]
        if index not in header.labels:
            header.label(index, "byline", "byline-team")
        return


# The fields of a byline line without a byline word: bars, bullets, a wide gap.
_ROLE_FIELDS = lazy_compile(r"\s+[|•·]\s+|\s{2,}")
# At most this many names before the role ('Manoj Jain and Jagpreet Chhatwal | Guest Columnists').
ROLE_LINE_MAX_NAMES = 3


def find_name_with_role_field(
    units: list[Unit], features: RecordTable, window: range, lexicon: Lexicon, header: Header
) -> None:
    """A header line of personal names followed by the writer's role or the publication label, in the next
    field or as the last word ('Manoj Jain and Jagpreet Chhatwal | Guest Columnists', 'Jacobo Betancur
    Peláez | Publicado hace 3 horas', 'Harald Bauer Autor'): the names are the authors (rule
    `name-with-role-field`). find_name_above_role reads a role after a comma or on the next line."""
    anchor = header.title_unit if header.title_unit is not None and header.title_unit in window else header.body_start
    published = lexicon.phrases("published-prefix")
    for index in sorted(window, key=lambda i: (abs(i - anchor), i)):
        if not 3 <= features[index].words <= META_MAX_WORDS * 2 or features[index].boilerplate:
            continue
        if index in header.labels and header.labels[index][0] != "removed":
            continue
        text = strip_emphasis(units[index].text).strip(NAME_EDGE)
        if text == header.title or not text[:1].isupper():
            continue
        pieces = _ROLE_FIELDS.split(text)
        if len(pieces) >= 2:
            head, field = pieces[0], pieces[1]
            if not (_is_role_field(field, lexicon) or published.leading_phrase(line_key(field))):
                continue
        else:
            words = text.split()
            if len(words) < 3 or not is_role(words[-1], lexicon):
                continue
            head = " ".join(words[:-1])
        names = plausible_names(split_names(head, lexicon), header)
        if not 1 <= len(names) <= ROLE_LINE_MAX_NAMES:
            continue
        if all(len(name.split()) >= 2 and is_proper_name(name, header, features.language) for name in names):
            header.authors = names
            if index not in header.labels:
                header.label(index, "byline", "name-with-role-field")
            return


def _is_role_field(text: str, lexicon: Lexicon) -> bool:
    """A role, also in the plural ('Guest Columnists', 'Contributing Writers')."""
    return is_role(text, lexicon) or (text.endswith("s") and is_role(text[:-1], lexicon))


def find_name_above_author_more(units: list[Unit], features: RecordTable, lexicon: Lexicon, header: Header) -> None:
    """An author box: a personal name, then the link to the writer's other posts or profile ('Heinz
    Steiner' / 'Weitere Beiträge', 'Elizabeth Gibney' / 'Search for this author in:'; data
    `[author-more]`), wherever it stands, the one nearest the body start first (rule `author-box-more`)."""
    more = lexicon.phrases("author-more")
    if not more.exact:
        return
    firsts = more.first_words
    candidates = [
        i
        for i in range(1, len(units))
        if features[i].words <= 6 and features[i].key.split(" ", 1)[0] in firsts and more.matches_whole(features[i].key)
    ]
    for index in nearest_first(candidates, header.body_start):
        above = index - 1
        if not any(char.isalnum() for char in units[above].text) and above > 0:
            above -= 1
        if above in header.labels and header.labels[above][0] != "removed":
            continue
        text = strip_emphasis(units[above].text).strip(NAME_EDGE)
        if not 2 <= len(text.split()) <= 4 or text == header.title or not looks_like_name(text):
            continue
        if is_proper_name(text, header, features.language) and plausible_names([text], header):
            header.authors = [text]
            if above not in header.labels:
                header.label(above, "byline", "author-box-more")
            return


# A personal name has two to four words ('Matthew Davis', 'Christoph von Eichhorn'); a longer line is a
# headline, a shorter one a section label as often as a first name.
TITLE_NAME_MIN_WORDS = 2
TITLE_NAME_MAX_WORDS = 4


def find_title_as_byline(
    units: list[Unit], features: RecordTable, lexicon: Lexicon, language: str | None, header: Header
) -> None:
    """Rule `title-is-byline`: the unit the title search chose is a byline ('By Elaine Chen') or only a
    person's name, right above or below the date line ('Charlie Hills' / 'Nov 02, 2025'). A page dumped
    whole by a text browser has no `<title>` line and no heading marks, so its short capitalised byline
    line competes with the headline; a headline is seldom a bare name set beside the date."""
    index = header.title_unit
    if index is None or header.labels.get(index, ("", ""))[1] == "page-title":
        return
    if not any(
        i is not None and is_date_line(features, i, header) for i in (beside(units, index, -1), beside(units, index, 1))
    ):
        return
    text = strip_emphasis(units[index].text).strip(NAME_EDGE)
    names = byline_names(text, lexicon)
    if not names:
        if not TITLE_NAME_MIN_WORDS <= len(text.split()) <= TITLE_NAME_MAX_WORDS or any(c.isdigit() for c in text):
            return
        if not looks_like_name(text) or not is_proper_name(text, header, language):
            return
        if is_role(text, lexicon) or is_label_text(text, lexicon) or is_ui_phrase(text, lexicon):
            return
        names = [text]
    names = plausible_names(names, header)
    if names:
        header.authors = names
        header.author_unit, header.author_rule = index, "title-is-byline"


def strip_portrait_words(names: list[str], lexicon: Lexicon) -> list[str]:
    """'Nina Pineda Image' -> 'Nina Pineda', "Charlie Hills's avatar" -> 'Charlie Hills': the words an
    image's alt text adds to the person's name (data `[portrait-word]`), which a text browser prints as a
    line beside the byline; a name of two words or more is left."""
    portrait = lexicon.phrases("portrait-word").exact
    tidy: list[str] = []
    for name in names:
        words = name.split()
        for size in (2, 1):
            if len(words) - size >= 2 and line_key(" ".join(words[-size:])) in portrait:
                words = words[:-size]
                words[-1] = _POSSESSIVE.sub("", words[-1])
                break
        tidy.append(" ".join(words) if len(words) != len(name.split()) else name)
    return tidy


_POSSESSIVE = lazy_compile(r"['’]s$")
