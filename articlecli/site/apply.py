"""How a site profile is used on one page: its template lines become boilerplate for the labeller.

A unit whose key (keys.site_key) is in the site's template is marked with the boilerplate rule
`site-template` before the main text is located, so the region scoring (labeller/content.py) counts
it as boilerplate and the body labelling removes it with that rule name. A template line is kept as
the page's own text when, on this page:

- it is a heading with its own text: a '#' heading or a short line with prose of this page below it,
  before any other template line ("Story highlights" above the page's highlights and first paragraph;
  not "Most popular" above the day's headlines and the next template block);
- it is part of the article's prose: a prose unit between two prose units of this page;
- it is the title: the header reads the page unmarked, and its labels take precedence (pipeline).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import TypeVar

from articlecli.frontends.unit import Unit
from articlecli.header.record import Header
from articlecli.labeller.content import LINK_HEAVY, Region, is_prose
from articlecli.records.features import UnitFeatures
from articlecli.site.keys import site_key, strip_title_affixes
from articlecli.site.profile import SiteProfile

SITE_TEMPLATE = "site-template"
# A heading is short: longer lines without a sentence end are teasers and labels, not headings.
HEADING_MAX_WORDS = 12


def template_shares(
    units: list[Unit],
    features: list[UnitFeatures],
    site: SiteProfile,
    has_stopwords: bool,
    header_lines: frozenset[int] = frozenset(),
) -> dict[int, float]:
    """Unit index -> share of the site's pages showing it, for the units to mark as template.

    `header_lines` (the title, byline and date lines) are not a heading's own text: the last menu
    entry above the title is no heading of the article below.
    """
    found: dict[int, float] = {}
    for unit, feats in zip(units, features, strict=True):
        # A phrase-list rule already names the line more precisely ("share", "newsletter").
        if not unit.text or feats.boilerplate:
            continue
        share = site.share(site_key(unit.text))
        if share is not None:
            found[unit.index] = share
    if not found:
        return found
    text_units = [unit.index for unit in units if unit.text]
    own_prose = {i for i in text_units if i not in found and is_prose(features[i], has_stopwords)}
    protected = set()
    for position, index in enumerate(text_units):
        if index not in found:
            continue
        above = text_units[position - 1] if position else None
        below = text_units[position + 1] if position + 1 < len(text_units) else None
        heading = _heading_like(units[index], features[index]) and _own_text_below(
            text_units, position, found, own_prose, header_lines
        )
        inside_prose = above in own_prose and below in own_prose and is_prose(features[index], has_stopwords)
        if heading or inside_prose:
            protected.add(index)
    return {index: share for index, share in found.items() if index not in protected}


# A heading's own text starts within this many lines below it ("Story highlights" above a few short
# highlight lines, then the article's first paragraph).
HEADING_TEXT_LOOKAHEAD = 8


def _own_text_below(
    text_units: list[int],
    position: int,
    template: dict[int, float],
    own_prose: set[int],
    header_lines: frozenset[int],
) -> bool:
    """Prose of this page follows before any other template line (or the page's header) does."""
    for index in text_units[position + 1 : position + 1 + HEADING_TEXT_LOOKAHEAD]:
        if index in own_prose:
            return True
        if index in template or index in header_lines:
            return False
    return False


def _heading_like(unit: Unit, feats: UnitFeatures) -> bool:
    if unit.heading_level is not None:
        return True
    return feats.words <= HEADING_MAX_WORDS and not feats.sentence_end and feats.link_density <= LINK_HEAVY


Features = TypeVar("Features", bound=list[UnitFeatures])


def mark_template(features: Features, shares: dict[int, float]) -> Features:
    """The features with the template units marked as boilerplate `site-template` (the input is not changed;
    the copy is of the same type, so a page's record table keeps its page-level context)."""
    if not shares:
        return features
    marked = copy.copy(features)
    for index in shares:
        marked[index] = replace(features[index], boilerplate=SITE_TEMPLATE)
    return marked


def explain_notes(shares: dict[int, float], site: SiteProfile) -> dict[int, str]:
    """What --explain shows beside the rule: the share of the site's pages with the line."""
    return {index: f"on {share:.0%} of {site.pages} pages of {site.name}" for index, share in shares.items()}


# The profile may move the main text off template lines, not onto another block: when the marked run
# leaves out more than this share of the words the plain run kept on lines of this page (not template,
# not the header's), it found a different block (a listing whose items recur across the site's
# listings, a shop page's own lists), and the plain run stays. Counting prose only (measured): the site
# corpus gains .004 more precision, the dev corpus loses a wanted snippet on a Steam page.
LOST_OWN_TEXT_MAX_SHARE = 0.1


def trim_region(
    plain: Region,
    marked: Region,
    shares: dict[int, float],
    features: list[UnitFeatures],
    header_lines: frozenset[int] = frozenset(),
) -> Region:
    """The main text found with the template marked, within limits (_trim_edges, LOST_OWN_TEXT_MAX_SHARE)."""
    region = _trim_edges(plain, marked, shares)
    own = [i for i in range(plain.start, plain.end) if i not in shares and i not in header_lines]
    total = sum(features[i].words for i in own)
    lost = sum(features[i].words for i in own if not region.start <= i < region.end)
    return plain if lost > LOST_OWN_TEXT_MAX_SHARE * total else region


def _trim_edges(plain: Region, marked: Region, shares: dict[int, float]) -> Region:
    """The main text found with the template marked, but never narrower than the one found without it
    except by template lines: the profile trims the site's template, not lines of this page that the
    plain run kept (a page's highlights between its byline and its first paragraph).

    Each edge of the marked run moves back out towards the plain run's edge up to the nearest template line.
    """
    if marked.end <= plain.start or plain.end <= marked.start or not plain.end > plain.start:
        return marked
    region = marked
    start = marked.start
    while start > plain.start and start - 1 not in shares:
        start -= 1
    if start < marked.start:
        whole = start == plain.start
        region = replace(
            region,
            start=start,
            started_by=plain.started_by if whole else marked.started_by,
            chrome_start=plain.chrome_start if whole else marked.chrome_start,
        )
    end = marked.end
    while end < plain.end and end not in shares:
        end += 1
    if end > marked.end:
        region = replace(region, end=end, terminated_by=plain.terminated_by if end == plain.end else None)
    return region


# A title line on at least this share of the site's pages is a label of the template ("Site Version",
# the site's name), not this page's title. Below it, a "template" title is more likely this page's
# headline that other pages of the same weeks list as a teaser, and it stays the title.
TEMPLATE_TITLE_MIN_SHARE = 0.5


def template_title(header_labels: dict[int, tuple[str, str]], shares: dict[int, float]) -> bool:
    """True when the header, read without the profile, took a line of the site's template as the title."""
    return any(
        label == "title" and shares.get(index, 0.0) >= TEMPLATE_TITLE_MIN_SHARE
        for index, (label, _) in header_labels.items()
    )


def better_title(plain: Header, marked: Header) -> Header:
    """The header read with the template marked, if its title is longer than the template line the plain
    read took: a masthead ("Tidewater Gazette") gives way to the headline, not to a menu entry ("Letters")."""
    if marked.title and (not plain.title or len(marked.title.split()) > len(plain.title.split())):
        return marked
    return plain


def site_title(title: str | None, site: SiteProfile | None, title_line: str | None = None) -> str | None:
    """The title without the site's name where the site's <title> lines put it (keys.strip_title_affixes).

    A title that is the site's learned name itself (the ranker took the name half of "Tidewater Gazette -
    <headline>") gives way to its line with the name cut off, when that leaves a title."""
    if not title or site is None or not (site.title_prefixes or site.title_suffixes):
        return title
    if title_line and title_line != title:
        key = site_key(title)
        if key in site.title_prefixes or key in site.title_suffixes:
            cut = strip_title_affixes(title_line, site.title_prefixes, site.title_suffixes)
            if cut != title_line:
                return cut
    return strip_title_affixes(title, site.title_prefixes, site.title_suffixes)
