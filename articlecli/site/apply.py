"""How a site profile is used on one page: its template lines become boilerplate for the labeller.

A unit whose key (keys.site_key) is in the site's template is marked with the boilerplate rule
`site-template` before the main text is located, so the region scoring (labeller/content.py) counts
it as boilerplate and the body labelling removes it with that rule name. A template line is kept as
the page's own text when, on this page:

- it is a heading with its own text: a '#' heading or a short line directly above prose of this page
  (a template heading above the site's recurring blurb is not protected: the blurb is template too);
- it is part of the article's prose: a prose unit between two prose units of this page;
- it is the title: the header reads the page unmarked, and its labels take precedence (pipeline).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import TypeVar

from articlecli.frontends.unit import Unit
from articlecli.labeller.content import is_prose
from articlecli.records.features import UnitFeatures
from articlecli.site.keys import site_key
from articlecli.site.profile import SiteProfile

SITE_TEMPLATE = "site-template"
# A heading is short: longer lines without a sentence end are teasers and labels, not headings.
HEADING_MAX_WORDS = 12


def template_shares(
    units: list[Unit], features: list[UnitFeatures], site: SiteProfile, has_stopwords: bool
) -> dict[int, float]:
    """Unit index -> share of the site's pages showing it, for the units to mark as template."""
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
        if below in own_prose and _heading_like(units[index], features[index]):
            protected.add(index)
        elif above in own_prose and below in own_prose and is_prose(features[index], has_stopwords):
            protected.add(index)
    return {index: share for index, share in found.items() if index not in protected}


def _heading_like(unit: Unit, feats: UnitFeatures) -> bool:
    if unit.heading_level is not None:
        return True
    return feats.words <= HEADING_MAX_WORDS and not feats.sentence_end and feats.link_density <= 0.5


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
