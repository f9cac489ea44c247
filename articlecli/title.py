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

from articlecli.features import UnitFeatures
from articlecli.units import Unit

TITLE_MAX_WORDS = 30
# Lines this far above the main text are still considered (site chrome may sit in between).
TITLE_SEARCH_ABOVE = 60
# The title may also be a heading inside the first 1/N of the main text.
TITLE_SEARCH_BODY_SHARE = 3
STRONG_EVIDENCE = 4.0
# A site name appended to the <title>: "Title | Site", "Title - Site" (at most this many words).
SITE_SUFFIX_MAX_WORDS = 5

_SITE_SEPARATORS = re.compile(r"\s+[|\-–—·:•]\s+|\s+::\s+")
_BREADCRUMB_TAIL = re.compile(r"(?:>|»|›|/|\\|→)\s*$")
_HAS_LETTERS = re.compile(r"[^\W\d_]{2}")


@dataclass(frozen=True)
class TitleChoice:
    index: int
    text: str
    evidence: float
    rule: str


def find_title(
    units: list[Unit],
    features: list[UnitFeatures],
    region: tuple[int, int],
    is_meta: Callable[[str], bool],
) -> TitleChoice | None:
    """The best title line, or a cleaned <title> line when nothing better exists."""
    start, end = region
    if not units:
        return None
    page_title = units[0].text
    counts = Counter(unit.text for unit in units[: start + 10])
    last = min(len(units), start + max(1, (end - start) // TITLE_SEARCH_BODY_SHARE))
    best: TitleChoice | None = None
    best_score = 0.0
    for index in range(max(0, start - TITLE_SEARCH_ABOVE), last):
        if not _eligible(units[index], features[index]):
            continue
        evidence, rule = _evidence(units, features, index, page_title, counts, is_meta)
        score = evidence + _shape_score(units[index], features[index]) + _position_score(index, start, evidence)
        if score >= best_score and score > 0 and not is_meta(units[index].text):
            # On a tie the later line wins: the title sits right above the body, site chrome above it.
            best, best_score = TitleChoice(index, units[index].text, evidence, rule), score
    if best is None and _eligible(units[0], features[0]):
        return TitleChoice(0, strip_site_suffix(page_title), 0.0, "page-title")
    return best


def _eligible(unit: Unit, feats: UnitFeatures) -> bool:
    text = unit.text
    if feats.boilerplate or not _HAS_LETTERS.search(text):
        return False
    if feats.link_density > 0.5 and not unit.heading_level:
        return False
    if unit.list_item and not unit.heading_level:
        return False
    return 1 <= feats.words <= TITLE_MAX_WORDS and not text.endswith((".", ",", ":", ";"))


def _evidence(
    units: list[Unit],
    features: list[UnitFeatures],
    index: int,
    page_title: str,
    counts: Counter[str],
    is_meta: Callable[[str], bool],
) -> tuple[float, str]:
    unit = units[index]
    text = unit.text
    score, rule = 0.0, "title-position"
    if index > 0 and len(text) >= 8 and text in page_title:
        score, rule = (6.0, "title-matches-page-title") if page_title.startswith(text) else (4.0, "title-in-page-title")
    if unit.heading_level == 1:
        score, rule = score + 6, "title-top-heading"
    elif unit.heading_level == 2:
        score += 2
    if counts[text] > 1:
        score += 2
    previous = units[index - 1].text if index > 0 else ""
    if previous.endswith(text) and _BREADCRUMB_TAIL.search(previous[: -len(text)]):
        score, rule = score + 4, "title-ends-breadcrumb"
    for following in units[index + 1 : index + 3]:
        if features[following.index].words <= 16 and is_meta(following.text):
            score += 3
            break
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
    parts = _SITE_SEPARATORS.split(page_title)
    if len(parts) >= 2 and len(parts[-1].split()) <= SITE_SUFFIX_MAX_WORDS and parts[0].strip():
        separator = _SITE_SEPARATORS.findall(page_title)[-1]
        return page_title[: page_title.rfind(separator)].strip()
    return page_title
