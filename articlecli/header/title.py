"""Choose the article title among the lines above and at the start of the main text.

The strongest evidence is agreement between two places that name the page: the HTML <title>
(the first line of a whole-page scrape), a Markdown '#' heading, the last item of a breadcrumb
trail, a repeated line, a line directly above the byline or date. Position near the start of the
main text breaks ties.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from articlecli.frontends import browser
from articlecli.frontends.unit import Unit
from articlecli.header.record import META_MAX_WORDS
from articlecli.lazy_regex import lazy_compile
from articlecli.records import dates
from articlecli.records.features import UnitFeatures

TITLE_MAX_WORDS = 30
# A Japanese or Chinese sentence's full stops. Such a sentence has no spaces, so it is one "word" and
# TITLE_MAX_WORDS never bars it: the rules and the ranker (title_rank.candidates) read these as a sentence's end.
CJK_FULL_STOPS = ("。", "．", "｡")
# A title never ends a sentence: the marks after which a line is a sentence or a lead-in, not a headline.
NOT_TITLE_ENDINGS = (".", ",", ":", ";", *CJK_FULL_STOPS)
# Lines this far above the main text are still considered (site chrome may sit in between).
TITLE_SEARCH_ABOVE = 60
# The title may also be a heading inside the first 1/N of the main text.
TITLE_SEARCH_BODY_SHARE = 3
STRONG_EVIDENCE = 4.0
# How many lines above a candidate a breadcrumb trail ending with it may stand.
BREADCRUMB_LOOKBACK = 3
# A site name appended to the <title>: "Title | Site", "Title - Site" (at most this many words).
SITE_SUFFIX_MAX_WORDS = 5

SITE_SEPARATORS = lazy_compile(r"\s+[|\-–—·:•]\s+|\s+::\s+")
_BREADCRUMB_TAIL = lazy_compile(r"(?:>|»|›|/|\\|→)\s*$")
HAS_LETTERS = lazy_compile(r"[^\W\d_]{2}")
# Whole-page dumps glue the <title> to the first page text after a run of spaces.
GLUE_GAP = lazy_compile(r"\s{3,}")
_CONTENT_WORD = lazy_compile(r"[^\W\d_]{4,}")
# A repeated line is evidence only when it is long enough not to be a menu label.
REPEAT_MIN_WORDS = 3
# A short line "in" the page title (a category, the site name) is no evidence: it must cover this share.
IN_PAGE_TITLE_MIN_SHARE = 0.5
# The first line of the dump (the <title>, or the first heading of a clipped article) is trusted
# when this share of its content words recurs in the main text.
FIRST_LINE_MIN_OVERLAP = 0.5
FIRST_LINE_EVIDENCE = 5.0
FIRST_LINE_BODY_UNITS = 40
DATE_PENALTY = 3.0
# A candidate whose content words recur in the first units of the main text announces the article.
OVERLAP_BODY_UNITS = 20
OVERLAP_MIN_WORDS = 2
OVERLAP_WEIGHT = 3.0


@dataclass(frozen=True, eq=False)
class TitleChoice:
    """The unit a title rule chose, its text, its evidence score and the rule's name."""

    index: int
    text: str
    evidence: float
    rule: str


class TitlePage:
    """What the title search reads more than once on one page, computed on first use and kept: the rules
    (find_title) and the title ranker (title_rank.candidates) search the same lines of the same page, and
    both ask for the first line's cleaned form and the content words of the main text's first units."""

    def __init__(
        self,
        units: list[Unit],
        features: list[UnitFeatures],
        region: tuple[int, int],
        is_meta: Callable[[str], bool],
    ) -> None:
        self.units, self.features, self.region, self.is_meta = units, features, region, is_meta
        self._first_choice: list[tuple[TitleChoice, float] | None] = []
        self._body_words: dict[int, set[str]] = {}
        self._meta_lines: dict[int, bool] = {}
        self._title_line: list[bool] = []

    @property
    def has_title_line(self) -> bool:
        """The first line may be the page's <title>: not in a text browser's rendering of the page's body
        (browser.renders_page_body), whose first line is the page's first element ("Publisher Logo")."""
        if not self._title_line:
            # The units' own lines, without the blank lines between them: a paragraph's last line then meets the
            # next paragraph's first and counts as a line that was not full, which keeps the test strict (with
            # the blank lines, two corpus pages of wrapped code samples lost their <title> line's title).
            raw = [line for unit in self.units[: browser.RENDERING_SCAN_LINES] for line in unit.raw]
            self._title_line.append(not browser.renders_page_body(raw))
        return self._title_line[0]

    def meta_line(self, index: int) -> bool:
        """The unit at `index` is a byline, date or breadcrumb line (`is_meta`) of at most META_MAX_WORDS words:
        the test of a title's neighbours, by the rules and the ranker alike. False outside the page."""
        verdict = self._meta_lines.get(index)
        if verdict is None:
            units = self.units
            verdict = self._meta_lines[index] = (
                0 <= index < len(units)
                and self.features[index].words <= META_MAX_WORDS
                and self.is_meta(units[index].text)
            )
        return verdict

    def first_choice(self) -> tuple[TitleChoice, float] | None:
        """first_line_choice of the page (the first line, cleaned, when the main text repeats its words)."""
        if not self._first_choice:
            titled = self.has_title_line
            self._first_choice.append(
                first_line_choice(self.units, self.features, self.region, self.is_meta) if titled else None
            )
        return self._first_choice[0]

    def body_words(self, end: int) -> set[str]:
        """content_words of the units from the main text's start up to `end` (not to be changed)."""
        found = self._body_words.get(end)
        if found is None:
            found = self._body_words[end] = content_words(self.units[self.region[0] : end])
        return found


def find_title(
    units: list[Unit],
    features: list[UnitFeatures],
    region: tuple[int, int],
    is_meta: Callable[[str], bool],
    scored: dict[int, tuple[float, float]] | None = None,
    page: TitlePage | None = None,
) -> TitleChoice | None:
    """The best title line, or a cleaned <title> line when nothing better exists.

    `scored`, when given, receives every searched line's (score, evidence): the title ranker's inputs.
    `page` holds what the search computes once per page (made here when not given: the caller passes the
    one it hands the ranker too)."""
    start, end = region
    if not units:
        return None
    if page is None:
        page = TitlePage(units, features, region, is_meta)
    # A text browser's rendering has no <title> line: its first line is searched as any other line, and is
    # no evidence for the others nor the answer when no line scores.
    titled = page.has_title_line
    page_title = units[0].text if titled else ""
    counts = Counter([unit.text for unit in units[: start + 10]])
    last = min(len(units), start + max(1, (end - start) // TITLE_SEARCH_BODY_SHARE))
    # In a short text, only the line heading a byline block is searched below that share (see _heads_meta_block).
    header_last = max(last, min(end, start + IN_REGION_HEADER_UNITS + 1))
    best: TitleChoice | None = None
    best_score = 0.0
    body_words = page.body_words(min(end, start + OVERLAP_BODY_UNITS))
    first = page.first_choice()
    if first is not None:
        best, best_score = first
        best_score += _overlap_score(best.text, 0, start, body_words)
    scores: dict[int, float] = {}
    in_region_header_seen = False
    for index in range(max(0, start - TITLE_SEARCH_ABOVE), header_last):
        if not eligible_line(units[index], features[index]) or (index == 0 and titled and not units[0].heading_level):
            continue
        if is_meta(units[index].text):
            continue
        heads_meta = index >= start and not in_region_header_seen
        heads_meta = heads_meta and _heads_meta_block(features, index, start, page.meta_line)
        if index >= last and not heads_meta:
            continue
        evidence, rule = _evidence(units, features, index, page_title, counts, page.meta_line)
        score = evidence + _shape_score(units[index], features[index]) + _position_score(index, start, evidence)
        score += _overlap_score(units[index].text, index, start, body_words)
        score += _outdent_score(units, features, index, start)
        if heads_meta:
            # The region began at a notice or teaser above the header: judge this line as if it opened the text.
            in_region_header_seen, rule = True, "title-heads-meta-in-text"
            score += _position_score(index, index + 1, evidence) - _position_score(index, start, evidence)
            below = content_words(units[index + 1 : index + 1 + OVERLAP_BODY_UNITS])
            score += _overlap_score(units[index].text, index, index + 1, below)
        scores[index] = score
        if scored is not None:
            scored[index] = (score, evidence)
        if score >= best_score and score > 0:
            # On a tie the later line wins: the title sits right above the body, site chrome above it.
            best, best_score = TitleChoice(index, units[index].text, evidence, rule), score
    if best is None and titled and eligible_line(units[0], features[0]):
        return TitleChoice(0, strip_site_suffix(page_title), 0.0, "page-title")
    if best is not None and (best.index > 0 or best.text == units[0].text):
        best = _headline_of_pair(units, features, best, best_score, scores)
    return without_glued_meta(best, is_meta)


# Scrapers that join text nodes without a space glue the headline to the date, byline or breadcrumb
# printed next to it: "...offiziell eröffnetSie sind hier: ...", "17 Feb 2020Saftiger ...!von Kathrin".
_TITLE_GLUE = lazy_compile(
    r"(?<=[a-zà-öø-ÿß])(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿß]|\d)|(?<=\d)(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿß])|(?<=[!?])(?=[^\W\d_])"
)
# Whether _TITLE_GLUE has a join in a text, by two searches that each skip ahead to their first character:
# a capital or digit with the join's other side tested around it, and a '!' or '?' before a letter.
# _TITLE_GLUE is made of empty matches between look-arounds, tried at every position of the text; the
# two searches find a join in the same lines (300,000 corpus lines), about five times faster.
_TITLE_GLUE_AT_CAPITAL_OR_DIGIT = lazy_compile(
    r"[A-ZÀ-ÖØ-Þ\d](?:(?<=[a-zà-öø-ÿß\d][A-ZÀ-ÖØ-Þ])[a-zà-öø-ÿß]|(?<=[a-zà-öø-ÿß]\d))"
)
_TITLE_GLUE_AFTER_END = lazy_compile(r"[!?][^\W\d_]")


def title_glue_pieces(text: str) -> list[str]:
    """_TITLE_GLUE.split(text), the split only run on a text that has a join."""
    if _TITLE_GLUE_AT_CAPITAL_OR_DIGIT.search(text) or _TITLE_GLUE_AFTER_END.search(text):
        return _TITLE_GLUE.split(text)
    return [text]


# A date at the end of the title line, after a space: "... Rice Noodles) September 28, 2020".
GLUED_TITLE_MIN_WORDS = 3
_GLUED_LABEL = lazy_compile(r"^[^\W\d_][\w&-]*(?: [\w&-]+)?\s{2,}(?=\S)")
REPEATED_HEAD_MIN_CHARS = 12


# A title glued to a date, byline or trail has a few pieces; hundreds are a glued page, and testing
# every split of them is quadratic.
TITLE_GLUE_MAX_PIECES = 24


# The rules' names for a pick that stepped over the line above it (a kicker) or cut metadata off its line.
KICKER_RULE = "title-below-kicker"
GLUED_META_RULE = "title-without-glued-meta"


def without_glued_meta(choice: TitleChoice | None, is_meta: Callable[[str], bool]) -> TitleChoice | None:
    """The title without a date, byline or breadcrumb glued to its start or end."""
    if choice is None:
        return None
    pieces = title_glue_pieces(choice.text)
    if len(pieces) > TITLE_GLUE_MAX_PIECES:
        return choice
    kept = list(pieces)
    while len(kept) > 1 and _is_meta_piece(kept[0], is_meta):
        kept.pop(0)
    for position in range(1, len(kept)):
        head, rest = "".join(kept[:position]).strip(), "".join(kept[position:])
        # A breadcrumb trail glued after the headline ends with the headline again.
        if _is_meta_piece(kept[position], is_meta) or (len(head) >= REPEATED_HEAD_MIN_CHARS and head in rest):
            kept = kept[:position]
            break
    text = "".join(kept).strip()
    # A section label or share button glued before the headline keeps the source's gap: "TV  Neue Traumfrau ...".
    label = _GLUED_LABEL.match(text)
    rule = GLUED_META_RULE
    if label and len(text[label.end() :].split()) >= GLUED_TITLE_MIN_WORDS:
        text, rule = text[label.end() :], "title-without-glued-label"
    found = dates.find_dates(text)
    if found and found[-1].end >= len(text.rstrip(" .,;|-–—")) and found[-1].start > 0:
        head = text[: found[-1].start].rstrip(" ,;|-–—·•")
        if len(head.split()) >= GLUED_TITLE_MIN_WORDS:
            text = head
    if text == choice.text or len(text.split()) < 1 or not HAS_LETTERS.search(text):
        return choice
    return TitleChoice(choice.index, text, choice.evidence, rule)


def _is_meta_piece(text: str, is_meta: Callable[[str], bool]) -> bool:
    text = text.strip(" ,;|")
    return bool(text) and is_meta(text)


# Two title-like lines in a row above the text: a headline and its standfirst (the first wins), or a
# short kicker (section label) and the headline (the second wins). The kicker has at most this many words.
KICKER_MAX_WORDS = 3
# The other line of the pair may score this much lower and still be taken.
PAIR_SCORE_MARGIN = 3.0
# Below a kicker on the first line, the headline is this many words longer.
KICKER_FIRST_LINE_GAP = 2
_DIGIT = lazy_compile(r"\d")


def _headline_of_pair(
    units: list[Unit],
    features: list[UnitFeatures],
    best: TitleChoice,
    best_score: float,
    scores: dict[int, float],
) -> TitleChoice:
    index = best.index
    feats = features[index]
    above, below = index - 1, index + 1
    if feats.words > KICKER_MAX_WORDS and _standfirst_pair(units, features, above, index, scores, best_score):
        return TitleChoice(above, units[above].text, best.evidence, "title-above-standfirst")
    # A section label has no function words or digits ("Politik", "Camera & Gear Reviews").
    if feats.words > KICKER_MAX_WORDS or feats.stopword_share or _DIGIT.search(units[index].text):
        return best
    if below not in scores or features[below].words < feats.words + (KICKER_FIRST_LINE_GAP if index == 0 else 1):
        return best
    below_unit = units[below]
    # The first line of a clipped article outscores everything by its position; its pair is judged by shape.
    close = index == 0 or scores[below] >= best_score - PAIR_SCORE_MARGIN
    if not close or below_unit.heading_level != units[index].heading_level:
        return best
    # Not a trail repeating the label, nor a menu glued into one line ("Home     API     Docs").
    if units[index].text.casefold() in below_unit.text.casefold() or GLUE_GAP.search(below_unit.text):
        return best
    return TitleChoice(below, below_unit.text, best.evidence, KICKER_RULE)


def _standfirst_pair(
    units: list[Unit], features: list[UnitFeatures], above: int, index: int, scores: dict[int, float], best_score: float
) -> bool:
    """The line above `index` is a headline and `index` its standfirst."""
    if above not in scores or scores[above] < best_score - PAIR_SCORE_MARGIN:
        return False
    head, feats = units[above], features[above]
    if feats.words <= KICKER_MAX_WORDS or not feats.stopword_share or head.heading_level != units[index].heading_level:
        return False
    # A breadcrumb trail ending with the title, or the title repeated with a prefix, is no headline.
    text, own = head.text.casefold(), units[index].text.casefold()
    return own not in text and text not in own and not dates.find_dates(head.text)


# A first line longer than this is no <title> (at most TITLE_MAX_WORDS words and a short site name):
# it is not searched for separators, which on a line of megabytes took seconds.
FIRST_LINE_MAX_CHARS = 2000


def first_line_head(text: str) -> str:
    """The first line before a glue gap (where a scraper ran the next field into it); longer than
    FIRST_LINE_MAX_CHARS when the line has no gap within the limit."""
    # A gap starting within the limit lies wholly in the slice, so the head is the one of the whole line.
    return GLUE_GAP.split(text.strip()[: FIRST_LINE_MAX_CHARS + 100], maxsplit=1)[0]


def first_line_choice(
    units: list[Unit], features: list[UnitFeatures], region: tuple[int, int], is_meta: Callable[[str], bool]
) -> tuple[TitleChoice, float] | None:
    """The first line, without a glued tail or a site suffix, when its words recur in the main text.

    In a whole-page scrape it is the HTML <title>; in an article clipped from the page, its heading.
    Menu lines ("Skip to content", "Home") share no words with the article.
    """
    unit, feats = units[0], features[0]
    if feats.boilerplate or unit.list_item or (feats.link_density > 0.5 and not unit.heading_level):
        return None
    head = first_line_head(unit.text)
    if len(head) > FIRST_LINE_MAX_CHARS:
        return None
    if " | " in head:
        # 'Site | Title', 'Title | Section | Site': a bar separates page chrome; the longest part is the title.
        head = max(head.split(" | "), key=len).strip()
    text = strip_site_suffix(head)
    if text != head and not is_site_name(head[len(text) :], units):
        text = head
    text = _strip_site_prefix(text, units)
    words = text.split()
    if not (1 <= len(words) <= TITLE_MAX_WORDS) or not HAS_LETTERS.search(text) or is_meta(text):
        return None
    if text.endswith((".", ",", ":", ";")):
        return None
    start, end = region
    own = set(map(str.casefold, _CONTENT_WORD.findall(text)))
    if not own:
        return None
    # The first line itself never counts as the main text it is compared with. The units are read
    # until enough of its words are found: the title's words are usually in the first paragraphs.
    needed = FIRST_LINE_MIN_OVERLAP * len(own)
    found: set[str] = set()
    for other in units[max(1, start) : min(end, start + FIRST_LINE_BODY_UNITS)]:
        found |= own & text_content_words(other.text)
        if len(found) >= needed:
            break
    else:
        return None
    score = FIRST_LINE_EVIDENCE + _shape_score(unit, feats) + (1.0 if text != head else 0.0)
    rule = "page-title" if text != unit.text else "title-first-line"
    return TitleChoice(0, text, FIRST_LINE_EVIDENCE, rule), score


# Renderers that indent nested blocks (inscriptis) print a heading left of the text below it.
OUTDENT_BONUS = 3.0
OUTDENT_NEXT = 1
OUTDENT_MIN_WORDS = 3


def _outdent_score(units: list[Unit], features: list[UnitFeatures], index: int, start: int) -> float:
    """Text renderers that indent nested blocks print a heading further left than the text below it."""
    if index >= start or start >= len(units) or features[index].words < OUTDENT_MIN_WORDS:
        return 0.0
    indent = units[index].indent
    # The first OUTDENT_NEXT units below that are not boilerplate (not the whole stretch down to the text).
    below = (u for u in units[index + 1 : start + 1] if not features[u.index].boilerplate)
    following = list(islice(below, OUTDENT_NEXT))
    if not following or units[start].indent <= indent:
        return 0.0
    if all(u.indent > indent for u in following):
        return OUTDENT_BONUS
    return 0.0


# A byline/date block next to a line early in the main text marks that line as the article's own headline
# (the region began at a notice or teaser above it) when prose follows the block within this many units,
# the line is this close to the start and at most this many words of text come before it.
META_BLOCK_PROSE_WITHIN = 4
IN_REGION_HEADER_UNITS = 10
IN_REGION_HEADER_MAX_WORDS = 60
# The paragraph that follows a headline: long enough to be the article's first paragraph (content.py's
# PROSE_MIN_WORDS is lower: it only asks whether a line is prose at all).
HEADLINE_PROSE_MIN_WORDS = 15


def _heads_meta_block(features: list[UnitFeatures], index: int, start: int, meta: Callable[[int], bool]) -> bool:
    """`index` is a line early in the text above a byline/date block, or below a lone date line, then prose.
    `meta`: TitlePage.meta_line of the page."""
    feats = features[index]
    # A name, a category or a photo credit above the byline is no headline: it has no function words.
    if index - start > IN_REGION_HEADER_UNITS or feats.words < OUTDENT_MIN_WORDS or not feats.stopword_share:
        return False
    # Below the article's first paragraphs, a line above a byline heads a quoted or related article.
    if sum(features[i].words for i in range(start, index)) > IN_REGION_HEADER_MAX_WORDS:
        return False

    # Above the byline, or below a lone date line (blogs); a line between two such lines belongs to the block.
    if meta(index - 1):
        if meta(index + 1):
            return False
        block_end = index
    elif meta(index + 1):
        block_end = index + 1
    else:
        return False
    while meta(block_end + 1):
        block_end += 1
    for later in range(block_end + 1, min(len(features), block_end + 1 + META_BLOCK_PROSE_WITHIN)):
        feats = features[later]
        if feats.words >= HEADLINE_PROSE_MIN_WORDS and feats.stopword_share and not feats.boilerplate:
            return True
    return False


def content_words(units: list[Unit]) -> set[str]:
    """The casefolded content words of `units` (the first stretch of the main text)."""
    return set().union(*[text_content_words(unit.text) for unit in units])


@lru_cache(maxsize=1024)
def text_content_words(text: str) -> frozenset[str]:
    # Cached: the title search reads overlapping stretches of the main text.
    return frozenset(map(str.casefold, _CONTENT_WORD.findall(text)))


def _overlap_score(text: str, index: int, start: int, body_words: set[str]) -> float:
    """The title announces the article: its content words recur in the first paragraphs."""
    if index >= start:
        return 0.0
    own = text_content_words(text)
    if len(own) < OVERLAP_MIN_WORDS:
        return 0.0
    return OVERLAP_WEIGHT * len(own & body_words) / len(own)


_LEADING_SEGMENT = lazy_compile(r"^(\S[^|:\-–—·•]{0,40}?)(?:\s+[|\-–—·•]\s+|:\s+)(?=\S)")


def _strip_site_prefix(text: str, units: list[Unit]) -> str:
    """'Site - Title', 'Blog: Title' -> 'Title' when the leading name is printed as a line of its own."""
    match = _LEADING_SEGMENT.match(text)
    if not match:
        return text
    name = match.group(1).strip().casefold()
    rest = text[match.end() :].strip()
    if len(name.split()) > 4 or len(rest.split()) < 2:
        return text
    if any(other.text.strip().casefold() == name for other in units[1:]):
        return rest
    return text


def is_site_name(suffix: str, units: list[Unit]) -> bool:
    """A <title> suffix is the site's name when it is bar-separated, a domain, or printed again on the page.

    'Title - Subtitle' in an article heading is not cut: the subtitle is not repeated elsewhere.
    """
    suffix = suffix.strip()
    name = suffix.lstrip("|-–—·:•").strip()
    if suffix.startswith("|") or re.search(r"\w\.[a-z]{2,}\b", name.casefold()):
        return True
    words = name.split()
    if words and len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return not name.endswith(("?", "!"))
    folded = name.casefold()
    # Line by line (a copy of the whole page, casefolded, cost ten times its size at the peak).
    return len(folded) >= 3 and any(folded in other.text.casefold() for other in units[1:])


# A copyright mark belongs to a photo credit or a caption ("… pro Jahr © APA/dpa/Jens Büttner") or the page's
# footer, never to a headline: no gold title of the 2,342 dev pages holds one, and every title the rules or the
# ranker took with one (3 pages) was a caption.
COPYRIGHT_MARK = "©"
# A form field as text browsers draw it: a text box as a run of underscores (lynx "____________________") or
# as blanks between brackets (w3m "[                    ]"). A line holding one is a search box or a form's
# label ("Suche nach: ____________________ Suche"), never a headline.
_FORM_FIELD = lazy_compile(r"_{5}|\[ {5}")
# A server's error message printed above the page ("Warning: mysql_get_server_info(): Access denied … in
# /www/htdocs/…/simpletagging.php on line 299"): a label, the message, and the script's path and line, which the
# interpreter writes the same in every language of the page.
_SERVER_MESSAGE = lazy_compile(r"^[A-Z][A-Za-z ]{2,20}:\s.*\bin /\S+ on line \d+$")


_DIGITS = tuple("0123456789")


def is_server_message(text: str) -> bool:
    """`text` is a server's error message (_SERVER_MESSAGE), never a title."""
    return text.endswith(_DIGITS) and bool(_SERVER_MESSAGE.match(text))


def eligible_line(unit: Unit, feats: UnitFeatures) -> bool:
    text = unit.text
    if feats.boilerplate or not HAS_LETTERS.search(text) or COPYRIGHT_MARK in text:
        return False
    if ("_" in text or "[" in text) and _FORM_FIELD.search(text):
        return False
    if is_server_message(text):
        return False
    if feats.link_density > 0.5 and not unit.heading_level:
        return False
    if unit.list_item and not unit.heading_level:
        return False
    return 1 <= feats.words <= TITLE_MAX_WORDS and not text.endswith(NOT_TITLE_ENDINGS)


def _evidence(
    units: list[Unit],
    features: list[UnitFeatures],
    index: int,
    page_title: str,
    counts: Counter[str],
    meta_line: Callable[[int], bool],
) -> tuple[float, str]:
    """The outside evidence for the line at `index`. `meta_line`: TitlePage.meta_line of the page."""
    unit = units[index]
    text = unit.text
    score, rule = 0.0, "title-position"
    if index > 0 and len(text) >= 8 and text in page_title:
        if page_title.startswith(text):
            score, rule = 6.0, "title-matches-page-title"
        elif len(text) >= IN_PAGE_TITLE_MIN_SHARE * len(strip_site_suffix(page_title)):
            score, rule = 4.0, "title-in-page-title"
    if unit.heading_level == 1:
        score, rule = score + 6, "title-top-heading"
    elif unit.heading_level == 2:
        score += 2
    if counts[text] > 1 and features[index].words >= REPEAT_MIN_WORDS:
        score += 2
    # "Main > Blog > Title" a line or a few above: the trail ends with this page's title.
    for previous in units[max(0, index - BREADCRUMB_LOOKBACK) : index]:
        if not previous.text.endswith(text):
            continue
        head = previous.text[: -len(text)]
        if head and _BREADCRUMB_TAIL.search(head):
            score, rule = score + 4, "title-ends-breadcrumb"
            break
    # The title sits above the byline/date block, not inside it (a metadata line has at most META_MAX_WORDS).
    inside_meta = meta_line(index - 1) or (index >= 2 and meta_line(index - 2))
    if not inside_meta and (meta_line(index + 1) or meta_line(index + 2)):
        score += 3
    if dates.find_dates(text):
        score -= DATE_PENALTY
    return score, rule


def _shape_score(unit: Unit, feats: UnitFeatures) -> float:
    score = 1.0 if feats.words >= 3 else 0.0
    if feats.words > 20:
        score -= 2
    if feats.sentence_end and not unit.text.endswith(("?", "!")):
        score -= 1
    return score


def _position_score(index: int, start: int, evidence: float) -> float:
    distance = start - index
    if 0 < distance <= 3:
        return 2.0
    if 0 < distance <= 8:
        return 1.0
    if distance > 8:
        return -min((distance - 8) / 10, 3.0)
    if distance == 0:
        return 1.0
    # Further inside the main text: only a heading with outside evidence is a plausible title.
    inside = -distance
    return -1.0 - min(inside, 2 if evidence >= STRONG_EVIDENCE else 99)


def strip_site_suffix(page_title: str) -> str:
    """'Title | Site' -> 'Title' when the part after the last separator is a short site name."""
    if len(page_title) > FIRST_LINE_MAX_CHARS:
        return page_title
    parts = SITE_SEPARATORS.split(page_title)
    if len(parts) >= 2 and len(parts[-1].split()) <= SITE_SUFFIX_MAX_WORDS and parts[0].strip():
        separator = SITE_SEPARATORS.findall(page_title)[-1]
        head = page_title[: page_title.rfind(separator)].strip()
        # 'Title - Section - Site': a short capitalised section name before the site goes too.
        section = parts[-2].split()
        if len(parts) >= 3 and len(section) <= 2 and all(w[:1].isupper() and w[-1:].isalnum() for w in section):
            separator = SITE_SEPARATORS.findall(head)[-1]
            head = head[: head.rfind(separator)].strip()
        return head
    return page_title
