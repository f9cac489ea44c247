"""Locate the main text: score each unit for content, then take the best-scoring contiguous run.

A paragraph of real prose scores by its length; boilerplate phrases, link lists and runs of short
menu-like lines cost. The maximum-sum run (Kadane) is the article body: it bridges a heading or an
ad between paragraphs but not a whole navigation menu.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from articlecli.frontends.unit import Unit
from articlecli.header.title import strip_site_suffix
from articlecli.records.features import UnitFeatures
from articlecli.records.record import ZONE_REASONS

# A unit of at least this many words with enough function words is prose.
PROSE_MIN_WORDS = 8
# Without final punctuation a line needs this many words to count as prose (titles are not prose).
UNPUNCTUATED_PROSE_MIN_WORDS = 20
# Share of function words below which a long line is a keyword list, not prose.
PROSE_MIN_STOPWORD_SHARE = 0.12
# Link density above which a unit is navigation rather than text.
LINK_HEAVY = 0.5
# Word score is capped so one huge unit does not swallow the page around it.
PROSE_SCORE_CAP = 150
SHORT_LINE_COST = 0.5
LINK_LINE_COST = 3.0
BOILERPLATE_COST = 6.0
# After this share of the body's prose, a comments/related-links line ends the article; earlier
# it is more likely a sidebar block above the article.
TERMINATOR_MIN_SHARE = 0.5
TERMINATORS = frozenset({"related-links", "comments", "prev-next", "newsletter", "cookie-notice"})
# A consent dialog ends the article only as a dialog: another consent line within this many units.
# One lone label ("Show details", "Accept") is too generic to end anything.
CONSENT_LOOKAHEAD = 12
# A "Read more:" / "Related:" callout inside an article is followed by more article-length prose;
# a real related-links block is followed by short teasers. Units looked at after the callout, and
# the prose length (words) that marks the article as continuing.
CALLOUT_LOOKAHEAD = 4
CONTINUED_PROSE_MIN_WORDS = 40
CALLOUT_CATEGORIES = frozenset({"related-links"})
CALLOUT_SPAN = 12
CONTINUED_SPAN_MIN_WORDS = 80


@dataclass(frozen=True, eq=False)
class Region:
    """The page's main-text run of units, and what started and ended it."""

    start: int
    end: int  # exclusive
    terminated_by: str | None = None
    # Found by the no-prose fallback: its lines are listing items, not article paragraphs.
    listing: bool = False
    # The rule that moved the start down past page chrome, and where the run began before.
    started_by: str | None = None
    chrome_start: int = 0
    # HTML: the standfirst under the <h1> that the run was moved up to (LEAD_BELOW_TITLE).
    lead: int | None = None


def is_prose(features: UnitFeatures, has_stopwords: bool) -> bool:
    if features.words < PROSE_MIN_WORDS or features.link_density > LINK_HEAVY:
        return False
    # A short question is a heading ("What are the trends for 2025?"), not prose.
    if (not features.sentence_end or features.key_ends_question) and features.words < UNPUNCTUATED_PROSE_MIN_WORDS:
        return False
    if has_stopwords:
        return features.stopword_share >= PROSE_MIN_STOPWORD_SHARE
    return True


# HTML: prose outside the page's one <main>/<article> (Unit.zone "outside-main", set by the HTML front
# end) is a cookie dialog, a terms-of-service modal, a footer pitch or a teaser far more often than the
# article: it scores nothing (neutral, so the run may still bridge it). Measured on the wcxb sample:
# weight 0.25 of its words body wF1 .831, 0 (this) .834, a short line's cost .834.
OUTSIDE_MAIN_PROSE_SCORE = 0.0


# A long line whose visible characters are mostly not letters is data written out as text, not prose: an inline
# image's SVG markup ("![](data:image/svg+xml,<svg viewBox=...>)"), a spec table or a filter row glued onto one
# line ("Filter by Price$20.00 to $49.99 (1) $50.00 to ..."). In the run's choice it costs like a short line, so
# a block of them does not outweigh the article. Over the wcxb pages, prose-length lines under half letters hold
# 175 gold body words and 82,917 others; at 0.6 the gold share rises (1,083 gold words of 1,733 at 0.60-0.65).
DATA_LINE_MAX_LETTER_SHARE = 0.5


def is_data_line(text: str) -> bool:
    """Under DATA_LINE_MAX_LETTER_SHARE of the line's visible characters are letters."""
    if text.isascii():
        # The same counts in one C pass each: in ASCII, str.isalpha is exactly A-Z and a-z, and str.isspace
        # exactly _ASCII_SPACE (the test runs on every prose line of every page).
        data = text.encode("ascii")
        visible = len(data.translate(None, _ASCII_SPACE))
        letters = len(data.translate(None, _ASCII_NOT_LETTER))
        return letters < DATA_LINE_MAX_LETTER_SHARE * visible
    visible = len(text) - sum(map(str.isspace, text))
    return sum(map(str.isalpha, text)) < DATA_LINE_MAX_LETTER_SHARE * visible


_ASCII_SPACE = bytes(c for c in range(128) if chr(c).isspace())
_ASCII_NOT_LETTER = bytes(c for c in range(128) if not chr(c).isalpha())


def unit_score(unit: Unit, features: UnitFeatures, has_stopwords: bool) -> float:
    if features.boilerplate:
        return -BOILERPLATE_COST
    if features.link_density > LINK_HEAVY:
        return -LINK_LINE_COST
    if is_prose(features, has_stopwords) and not is_data_line(unit.text):
        if unit.zone == "outside-main":
            return OUTSIDE_MAIN_PROSE_SCORE
        return float(min(features.words, PROSE_SCORE_CAP))
    if unit.heading_level:
        return -0.5
    if unit.zone == "main":
        # HTML: a short line inside the page's main container (a checklist item, a spec row) is its text.
        return 0.0
    return -SHORT_LINE_COST


# Without prose, a line of this many words is an item (a product name) rather than a menu label.
LISTING_ITEM_MIN_WORDS = 3


def _label_score(unit: Unit, features: UnitFeatures) -> float:
    if features.boilerplate:
        return -BOILERPLATE_COST
    # A linked teaser sentence is an item of a link hub; a short link is its menu.
    if features.link_density > LINK_HEAVY and features.words < PROSE_MIN_WORDS:
        return -LINK_LINE_COST
    if not unit.text:
        return 0.0
    if unit.zone == "outside-main":
        return -SHORT_LINE_COST
    return float(min(features.words, PROSE_SCORE_CAP) - (LISTING_ITEM_MIN_WORDS - 1))


def find_region(
    units: list[Unit],
    features: list[UnitFeatures],
    has_stopwords: bool,
    *,
    thin_tail: bool = True,
    lead_below_title: bool = False,
) -> Region:
    """The main-text run. `thin_tail` off (HTML input) keeps the run's end where the terminators put it: the
    HTML front end's zones already score the page's chrome, and the rule measured there cost snippet hits.
    `lead_below_title` (HTML input) starts the run at the standfirst between the page's <h1> and its byline."""
    scores = [unit_score(u, f, has_stopwords) for u, f in zip(units, features, strict=True)]
    _damp_menu_descriptions(units, scores)
    _damp_template_prose(features, scores)
    _damp_consent_dialog(features, scores)
    _charge_zones_once(units, features, scores)
    start, end = max_run(scores)
    if end <= start:
        # No prose at all (a product listing, a link hub): the densest run of label lines is the content.
        start, end = max_run([_label_score(u, f) for u, f in zip(units, features, strict=True)])
        return Region(start, end, listing=end > start)
    listing = _listing_over_prose(units, features, scores, start, end)
    if listing is not None:
        return listing
    below_title = _start_at_title(units, features, scores, start, end)
    controls = markup_controls(units, features, [score > 0 for score in scores]) | repeated_item_controls(
        units, features, [start <= index < end and score > 0 for index, score in enumerate(scores)]
    )
    region = _apply_terminator(below_title, end, scores, features, controls)
    if thin_tail:
        region = _cut_thin_tail(region, scores, features)
    if below_title == start:
        if lead_below_title:
            return _start_at_lead(units, features, has_stopwords, region)
        return region
    return replace(region, started_by=CHROME_ABOVE_TITLE, chrome_start=start)


# A page whose prose is a small blurb (a footer pitch, a cookie text) beside a much longer run of
# item lines (headlines, product names, teasers) is a listing or a home page: the items are its content.
LISTING_PROSE_MAX = 100.0
LISTING_OVER_PROSE_RATIO = 4.0
# A blurb below the items is the page's footer (the shop's "about us", the privacy note under a sign-up form), not the
# listing's introduction: the items win when they weigh as much as it. A blurb above them may introduce the listing
# and needs LISTING_OVER_PROSE_RATIO. Whole corpus: wcxb body F1 +.0003 (two pages, 0 worse); "below the first
# item" at ratio 2 took 9 trafilatura-eval pages' short news text for a listing (leak .151 -> .154).
LISTING_OVER_FOOTER_RATIO = 1.0
LISTING_OVER_PROSE = "listing-over-prose"


def _listing_over_prose(
    units: list[Unit], features: list[UnitFeatures], scores: list[float], start: int, end: int
) -> Region | None:
    prose = sum(s for s in scores[start:end] if s > 0)
    if prose > LISTING_PROSE_MAX:
        return None
    labels = _item_scores(units, features)
    first, last = max_run(labels)
    items = sum(s for s in labels[first:last] if s > 0)
    ratio = LISTING_OVER_FOOTER_RATIO if start >= last else LISTING_OVER_PROSE_RATIO
    if items < ratio * prose:
        return None
    # The blurb the prose run found (and what lies between it and the items) is named for --explain.
    return Region(first, last, listing=True, started_by=LISTING_OVER_PROSE, chrome_start=min(start, first))


def _item_scores(units: list[Unit], features: list[UnitFeatures]) -> list[float]:
    """Label scores where menu lines cost: a line the page shows twice is template (a menu drawn for
    desktop and mobile, a card's "Add to cart"), a short bulleted line ("* Repair Service") a menu entry.
    """
    scores = []
    for unit, feats in zip(units, features, strict=True):
        score = _label_score(unit, feats)
        menu_entry = unit.list_item and not unit.numbered and feats.words < PROSE_MIN_WORDS
        scores.append(min(score, -SHORT_LINE_COST) if feats.repeats > 1 or menu_entry else score)
    return scores


# A sentence between two list items is a mega-menu entry's description, not article text; it
# still counts, at this share, so a list inside an article does not cut the article.
MENU_DESCRIPTION_WEIGHT = 0.25


def _damp_menu_descriptions(units: list[Unit], scores: list[float]) -> None:
    for index in range(1, len(units) - 1):
        between_items = units[index - 1].list_item and units[index + 1].list_item
        if scores[index] > 0 and between_items and not units[index].list_item:
            scores[index] *= MENU_DESCRIPTION_WEIGHT


# A prose paragraph the page prints TEMPLATE_PROSE_MIN_REPEATS times or more is a card's template text (an
# ad disclosure under every sponsored item, a shop's "free returns" blurb per product, a placeholder): it
# scores nothing, so the run is chosen by the page's own prose. Only when that own prose (paragraphs shown
# once) is at least TEMPLATE_PROSE_MIN_OWN words, and outweighs the template's distinct text: a coupon listing
# whose only sentences are the repeated terms keeps them, and a whole article the dump prints three times
# (a page drawn for three screen sizes) is many distinct paragraphs, not a few repeated ones.
TEMPLATE_PROSE_MIN_REPEATS = 3
TEMPLATE_PROSE_MIN_OWN = 100.0


def _damp_template_prose(features: list[UnitFeatures], scores: list[float]) -> None:
    template = [
        index
        for index, feats in enumerate(features)
        if scores[index] > 0 and feats.repeats >= TEMPLATE_PROSE_MIN_REPEATS
    ]
    if not template:
        return
    own = sum(score for index, score in enumerate(scores) if score > 0 and features[index].repeats == 1)
    distinct = sum({features[index].key: scores[index] for index in template}.values())
    if own < max(TEMPLATE_PROSE_MIN_OWN, distinct):
        return
    for index in template:
        scores[index] = 0.0


# A consent dialog dumped with the page (a privacy preference centre: "Accept All", "Reject All", "Strictly
# Necessary Cookies", "Performance Cookies", ...) explains each purpose in a paragraph of prose, often more prose
# than a short article or a listing's intro has, and text dumps put it at the page's foot or head. Prose inside
# the dialog, with a cookie-notice line at most CONSENT_DIALOG_SPAN units above it and one at most as far below,
# scores nothing in the run's choice (its lines are read as before). An article right above or below a banner has
# the banner's lines on one side only. Simulated on the wcxb runs (span 10 to 30; one side with 2 to 4 lines
# near: a game shop's "Accept"/"Reject" age gate and an article close above a dialog lost their text).
CONSENT_DIALOG_SPAN = 20


def _damp_consent_dialog(features: list[UnitFeatures], scores: list[float]) -> None:
    notices = [index for index, feats in enumerate(features) if feats.boilerplate == "cookie-notice"]
    if len(notices) < 2:
        return
    for index, score in enumerate(scores):
        if score <= 0:
            continue
        below = bisect_right(notices, index)
        if 0 < below < len(notices) and (
            index - notices[below - 1] <= CONSENT_DIALOG_SPAN and notices[below] - index <= CONSENT_DIALOG_SPAN
        ):
            scores[index] = 0.0


# HTML: a markup zone of a widget set inside the text (a comment list under a Q&A page's answer, a
# share bar, a caption, an ad slot, a related-links box) marks every block of that widget, so the
# blocks after its first cost like a short line, not each like a boilerplate phrase: a widget of 20
# blocks between two parts of the text is one interruption, as it is to a reader. Its blocks are still
# removed (`in-<zone>`). Page-level chrome zones (navigation, header, footer, sidebar) keep the full
# cost per block: they delimit the article rather than interrupt it. Measured on every third
# corpus page as HTML (bench/evaluate.py --system articlecli-html --sample 3): every zone charged once
# raised with-hit .858 -> .866 but leak .069 -> .073 and body .843 -> .838 (runs bridged whole menus);
# the inline widgets alone: body .844, hit .861, leak .070.
# A form zone costs once too: a form set inside the text (a recipe's servings adjuster, a product
# page's options box, a filter box above a spec table) is one interruption; a form in the page's
# chrome (a search box) still sits among navigation and header blocks that keep their full cost.
# --sample 3: with-hit .861 -> .863, body .845, leak .067 unchanged, headings .738 -> .737; on the
# disjoint third (pages 1, 4, 7, ...): hit .853 -> .855, body .837 -> .838, leak .068 -> .069.
INLINE_WIDGET_ZONES = frozenset({"comments", "share", "caption", "advertisement", "related-links", "form"})
ZONE_CONTINUATION_COST = SHORT_LINE_COST


def _charge_zones_once(units: list[Unit], features: list[UnitFeatures], scores: list[float]) -> None:
    for index in range(1, len(units)):
        zone = units[index].zone
        if (
            zone in INLINE_WIDGET_ZONES
            and zone == units[index - 1].zone
            and features[index].boilerplate == ZONE_REASONS.get(zone)
            and scores[index] < -ZONE_CONTINUATION_COST
        ):
            scores[index] = -ZONE_CONTINUATION_COST


# HTML: the standfirst of a news page sits between the <h1> and the byline, date line, share bar and
# lead image, each of which costs, so the run starts below them and the lead is left "before-main-text".
# A prose paragraph close under the page's <h1>, with nothing but such short lines between it and the
# run, is the article's lead: the run starts there. The lines between keep their own labels (byline,
# date, in-share, in-caption are read as before). Bounds, in non-empty blocks: the h1 at most
# LEAD_MAX_BELOW_TITLE above the lead (the lead comes right under the title), the lead at most
# LEAD_MAX_GAP above the run (a byline, a date, a share bar of a few links, a caption), at most
# LEAD_MAX_PARAGRAPHS prose blocks (a standfirst, not a teaser list).
LEAD_MAX_BELOW_TITLE = 3
LEAD_MAX_GAP = 12
LEAD_MAX_PARAGRAPHS = 2
LEAD_BELOW_TITLE = "lead-below-title"


def _start_at_lead(units: list[Unit], features: list[UnitFeatures], has_stopwords: bool, region: Region) -> Region:
    above = [index for index in range(region.start) if units[index].text]
    titles = [position for position, index in enumerate(above) if units[index].heading_level == 1]
    if not titles or len(above) - titles[-1] - 1 > LEAD_MAX_BELOW_TITLE + LEAD_MAX_GAP + LEAD_MAX_PARAGRAPHS:
        return region
    between = above[titles[-1] + 1 :]
    leads = [position for position, index in enumerate(between) if is_prose(features[index], has_stopwords)]
    if not leads or len(leads) > LEAD_MAX_PARAGRAPHS or leads[0] >= LEAD_MAX_BELOW_TITLE:
        return region
    if len(between) - leads[-1] - 1 > LEAD_MAX_GAP:
        return region
    first = between[leads[0]]
    if features[first].boilerplate or units[first].heading_level is not None:
        return region
    return replace(region, start=first, lead=first)


def max_run(scores: list[float]) -> tuple[int, int]:
    best_sum, best = 0.0, (0, 0)
    running, run_start = 0.0, 0
    for index, score in enumerate(scores):
        if running <= 0:
            running, run_start = score, index
        else:
            running += score
        if running > best_sum:
            best_sum, best = running, (run_start, index + 1)
    return best


def _apply_terminator(
    start: int, end: int, scores: list[float], features: list[UnitFeatures], controls: frozenset[int] = frozenset()
) -> Region:
    total = sum(s for s in scores[start:end] if s > 0)
    seen = 0.0
    for index in range(start, end):
        category = features[index].boilerplate
        if (
            category in TERMINATORS
            and index not in controls
            and (category != "cookie-notice" or _consent_dialog(index, features))
            and seen >= TERMINATOR_MIN_SHARE * total
            and not _article_continues(index, end, scores, features, category)
        ):
            return Region(start, index, category)
        seen += max(scores[index], 0.0)
    return Region(start, end)


# HTML: the zone of unhinted blocks inside the page's main container (frontends/html/reader.INSIDE_MAIN).
MAIN_ZONE = "main"
COMMENTS = "comments"
# Terminator lines of one kind inside the main container, each after text of its own ("Read more about
# the Samsung range." under every product of a best-of list), are the items' links, not the tail's start.
# Three, not two: one inline callout and the related box under the article already make two. HTML
# --sample 3: body wF1 .844 -> .845, headings .735 -> .737, hit and leak unchanged.
ITEM_CONTROL_MIN_LINES = 3
# Text input: share of the gaps between one repeated control's items that hold text (repeated_item_controls).
ITEM_WITH_TEXT_MIN_SHARE = 0.5
# Lines are one control when their first words agree: "Read more about the Samsung range.", "Read more about
# the Bosch range." under each product of a best-of list name the item after the control's own words. Three
# words, not two: "Read more" alone is a two-word control. Whole corpus against whole lines: wcxb body F1 +.0002
# (one product list .655 -> .968, one listing .740 -> .724), hit, leak and headings unchanged.
CONTROL_KEY_WORDS = 3


def markup_controls(units: list[Unit], features: list[UnitFeatures], text: Sequence[bool]) -> frozenset[int]:
    """HTML: terminator lines that are a widget's or an item's own label, not the start of the page's tail.

    An "Add a comment" line inside a comments zone belongs to a comment list the zone already removes
    (a Q&A page has one under each answer); a "Subscribe" in a newsletter zone does start the page's
    tail. Inside the page's main container, lines of
    one kind under each item, with text between them (`text`: which units are text), are the items'
    controls: the "Reply" under every post of a thread, the "Read more about ..." under every product
    of a best-of list. None ends the article, here or in the body's tail rules (inbody's
    after-widget). A line repeated only at the top and the foot ("Subscribe") still does. Text units
    have no zone.
    """
    found = set()
    in_main: dict[str, list[int]] = {}
    for index, (unit, feats) in enumerate(zip(units, features, strict=True)):
        if unit.zone is None or feats.boilerplate not in TERMINATORS:
            continue
        if unit.zone == feats.boilerplate == COMMENTS:
            found.add(index)
        elif unit.zone == MAIN_ZONE:
            in_main.setdefault(feats.boilerplate, []).append(index)
    for lines in in_main.values():
        if len(lines) >= ITEM_CONTROL_MIN_LINES and all(
            any(text[above + 1 : below]) for above, below in pairwise(lines)
        ):
            found.update(lines)
    return frozenset(found)


# A page that is a list of items (a news listing, a list of press mentions, a forum thread, a Q&A page's
# answers) prints the same control under every item ("Read more", "Comment", "Reply", "Add a comment"): a
# terminator phrase that, read once under an article, starts the page's tail. Text input has no markup zone to
# tell them apart (markup_controls), so: lines of one text, at least ITEM_CONTROL_MIN_LINES items (a control
# printed twice in a row is one item's), the first before half of the run's text, most items holding text
# between them, are the items' own controls: they end neither the run nor the body (inbody's after-widget), and
# are still removed under their phrase's reason. An article followed by related teasers has its "Read more"
# lines only after its text. Whole corpus, text in (`python bench/evaluate.py --workers 1`): wcxb body F1
# .827 -> .830 (R .889 -> .896, P .828 -> .827; 32 docs better, 13 worse), headings .580 -> .582, all hit / leak
# .868 / .131 -> .871 / .132; trafilatura-eval leak .171 -> .172 (3 snippets: a comment thread whose "Antworten"
# starts before half of the text). HTML (--system articlecli-html --sample 3): body .845 -> .846, hit .865 ->
# .866, leak .065, headings .737 -> .736. With CONTROL_KEY_WORDS: wcxb body .831.


def repeated_item_controls(units: list[Unit], features: list[UnitFeatures], text: Sequence[bool]) -> frozenset[int]:
    """Terminator lines without a markup zone that repeat one text under each item, from the first half of
    the text on (`text`: which units are the run's text)."""
    texts = [index for index, is_text in enumerate(text) if is_text]
    if not texts:
        return frozenset()
    first_text, last_text = texts[0], texts[-1]
    groups: dict[str, list[int]] = {}
    for index in range(first_text, last_text):
        feats = features[index]
        if units[index].zone is None and feats.boilerplate in TERMINATORS and feats.key:
            groups.setdefault(" ".join(feats.key.split()[:CONTROL_KEY_WORDS]), []).append(index)
    found: list[int] = []
    for lines in groups.values():
        # A control printed twice in a row ("Comment", "Comment": an icon and its label) is one item's.
        items = [lines[0]] + [
            below for top, below in pairwise(lines) if any(unit.text for unit in units[top + 1 : below])
        ]
        if len(items) < ITEM_CONTROL_MIN_LINES:
            continue
        above = sum(1 for index in texts if index < items[0])
        if above >= TERMINATOR_MIN_SHARE * len(texts):
            continue
        # Most items hold text of their own (a teaser's standfirst); some show only a title.
        with_text = sum(1 for top, below in pairwise(items) if any(text[top + 1 : below]))
        if with_text >= ITEM_WITH_TEXT_MIN_SHARE * (len(items) - 1):
            found.extend(lines)
    return frozenset(found)


def _consent_dialog(index: int, features: list[UnitFeatures]) -> bool:
    following = features[index + 1 : index + 1 + CONSENT_LOOKAHEAD]
    return any(f.boilerplate == "cookie-notice" for f in following)


def _article_continues(index: int, end: int, scores: list[float], features: list[UnitFeatures], category: str) -> bool:
    """True when an inline related-links callout is followed closely by a long prose paragraph."""
    if category not in CALLOUT_CATEGORIES:
        return False
    following = scores[index + 1 : min(end, index + 1 + CALLOUT_LOOKAHEAD)]
    if any(score >= CONTINUED_PROSE_MIN_WORDS for score in following):
        return True
    # Several shorter paragraphs (a subheading and its text) also continue the article, as long as
    # no other boilerplate line (the next teaser's "Read more") comes first.
    prose = 0.0
    for position in range(index + 1, min(end, index + 1 + CALLOUT_SPAN)):
        if features[position].boilerplate:
            break
        prose += max(scores[position], 0.0)
    return prose >= CONTINUED_SPAN_MIN_WORDS


# The page's title inside the run: text above it that Kadane bridged (a cookie banner, a mega-menu's
# descriptions) is page chrome when it is a small share of the text below the title. The title is the
# first line repeating the <title> (the first line of a whole-page dump) or the page's only '#' heading.
# Chrome is at most as much prose as the article below the title (a ratio, before / after).
CHROME_MAX_RATIO_TO_TEXT = 1.0
# The repeat must be a real title, not "Home" or a forum's user name: some characters and two words,
# and at least half the length of the <title> text it repeats.
TITLE_ANCHOR_MIN_CHARS = 8
TITLE_ANCHOR_MIN_WORDS = 2
TITLE_ANCHOR_MIN_SHARE = 0.5
# More '#' headings than this and the first is no longer the page's title.
TOP_HEADINGS_MAX = 2
# Non-empty lines between the last prose above and the title: fewer, and that prose is the article's lead.
TITLE_ANCHOR_MIN_GAP = 2
# Non-empty lines between the title and the first prose below it: more, and the repeat is a teaser or footer.
TITLE_ANCHOR_MAX_LEAD = 15
CHROME_ABOVE_TITLE = "chrome-above-title"


def _start_at_title(units: list[Unit], features: list[UnitFeatures], scores: list[float], start: int, end: int) -> int:
    anchor = _title_anchor(units, features)
    if anchor is None or not start < anchor < end:
        return start
    before = sum(s for s in scores[start:anchor] if s > 0)
    after = sum(s for s in scores[anchor:end] if s > 0)
    if before > CHROME_MAX_RATIO_TO_TEXT * after:
        return start
    # A lead paragraph right above a repeated title is the article's own; chrome ends well above the title.
    last_prose = max(i for i in range(start, anchor) if scores[i] > 0)
    if sum(1 for u in units[last_prose + 1 : anchor] if u.text) < TITLE_ANCHOR_MIN_GAP:
        return start
    # The article's text follows its title closely; a repeat far above any text is a teaser or a footer link.
    lead = next((i for i in range(anchor + 1, end) if scores[i] > 0), end)
    if sum(1 for u in units[anchor + 1 : lead] if u.text) > TITLE_ANCHOR_MAX_LEAD:
        return start
    return anchor + 1


def _title_anchor(units: list[Unit], features: list[UnitFeatures]) -> int | None:
    top = [u.index for u in units if u.heading_level == 1]
    if 0 < len(top) <= TOP_HEADINGS_MAX and top[0] > 0:
        return top[0]
    first_line = units[0].text if units else ""
    page_title = strip_site_suffix(first_line)
    for unit in units[1:]:
        text = unit.text
        if (
            len(text) >= TITLE_ANCHOR_MIN_CHARS
            and features[unit.index].words >= TITLE_ANCHOR_MIN_WORDS
            and len(text) >= TITLE_ANCHOR_MIN_SHARE * len(page_title)
            and text in first_line
            and not features[unit.index].boilerplate
        ):
            return unit.index
    return None


# The run's end. Kadane takes in what follows the article when its prose outweighs the page chrome between:
# a teaser list with standfirsts, an author box, a comment or two under a share row. A gap inside the run (units
# that are not prose) holding page chrome that costs at least THIN_TAIL_GAP_COST (boilerplate phrases and
# link rows; short lines do not count: a code block or a list of short items is the article's), after which
# the run holds at most THIN_TAIL_MAX_SHARE of the prose before it, ends the article there (`after-thin-tail`):
# at the gap's first boilerplate line (a widget's title), else at its first link row. A phrase line and a link
# row, or three link rows: an inline ad or a "Read more" callout inside an article costs less.
# Measured on every 3rd dev doc (wcxb body F1, trafilatura-eval hit / leak from .8266, .937 / .167; with every
# non-prose unit counted in the cost): 9 / .2 .8270, .935 / .149; 12 / .2 .8279, .936 / .151; 15 / .2 .8279,
# .936 / .159; 12 / .1 .8270, .936 / .158; 9 / .3 .8254, .935 / .146. A looser share cuts the last section
# after an inline widget.
# Chrome only (this rule), cost / share: 12 / .2 .8278, .936 / .155; 9 / .2 (this) .8278, .936 / .155, wcxb leak
# .120 -> .113; 6 / .2 .8285, .934 / .147 (hit -.003); 6 / .12 .8280, .936 / .156.
# Text input only: on HTML (every 3rd dev page, `--system articlecli-html --sample 3`) it took snippet hit
# .857 -> .851 for leak .067 -> .061 (17 pages lost a wanted snippet), since there the zones have priced the chrome.
THIN_TAIL_GAP_COST = 9.0
THIN_TAIL_MAX_SHARE = 0.2
THIN_TAIL = "thin-tail"
# A wider gap of page chrome (a footer menu of ten link rows, or five phrase lines), holding at least one
# boilerplate phrase (a widget's or the footer's title), ends the article even when more prose follows it: up to
# WIDE_GAP_MAX_SHARE of the prose before it (a sign-up modal's text, an SEO blurb, a footer pitch). Chosen on the
# gaps of every wcxb page's run (cost 9 to 60, share .2 to 1.5, with and without the phrase), measured on the whole
# corpus (`python bench/evaluate.py --workers 1`): wcxb body F1 .8321 -> .8325 (P .8288 -> .8297; 8 pages better,
# 2 worse), all leak .125 -> .124, trafilatura-eval hit .929 and every renderer and scope row unchanged or up.
WIDE_GAP_COST = 30.0
WIDE_GAP_MAX_SHARE = 0.5


def _cut_thin_tail(region: Region, scores: list[float], features: list[UnitFeatures]) -> Region:
    """The run ends at the first gap of page chrome after which little prose is left (`thin-tail`)."""
    if region.terminated_by is not None:
        return region
    start, end = region.start, region.end
    total = sum(s for s in scores[start:end] if s > 0)
    before = 0.0
    index = start
    while index < end:
        if scores[index] > 0:
            before += scores[index]
            index += 1
            continue
        cost, first_chrome, first_phrase = 0.0, None, None
        while index < end and scores[index] <= 0:
            if scores[index] <= -LINK_LINE_COST:
                cost -= scores[index]
                first_chrome = index if first_chrome is None else first_chrome
                if features[index].boilerplate and first_phrase is None:
                    first_phrase = index
            index += 1
        thin = cost >= THIN_TAIL_GAP_COST and total - before <= THIN_TAIL_MAX_SHARE * before
        wide = cost >= WIDE_GAP_COST and first_phrase is not None and total - before <= WIDE_GAP_MAX_SHARE * before
        if index < end and (thin or wide):
            cut = first_phrase if first_phrase is not None else first_chrome
            return replace(region, end=cut if cut is not None else start, terminated_by=THIN_TAIL)
    return region
