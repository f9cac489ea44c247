"""Rule headings read against their neighbours' layout: which short lines head no section of the article.

A heading rule (`short-line-before-text` and its kin in pipeline._label_body) looks at one line and the
text under it. Some layouts say more: a dump that keeps the page's nesting as indentation (a browser-like
renderer) puts a section heading at the indentation of the text it heads, or further out; a short line
indented deeper than both the line above and the line below sits inside a nested block (a card's label,
a button, a badge, a caption) and heads nothing. Each rule here is named so --explain shows it.
"""

from __future__ import annotations

from articlecli.frontends.unit import Unit
from articlecli.records.features import UnitFeatures

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


def demote_nested_headings(units: list[Unit], features: list[UnitFeatures], kept: list[int], labels: Labels) -> None:
    """A rule heading (not a Markdown '#' line) indented deeper than the lines above and below it becomes a
    paragraph (`nested-heading`): on the dev corpus such lines of up to seven words are gold headings 10% of
    the time, against 51% for the rule's headings overall (indented dumps, every wcxb page)."""
    for index in kept:
        label, _ = labels[index]
        unit = units[index]
        if label != "heading" or unit.heading_level is not None or not unit.indent:
            continue
        if features[index].words > NESTED_MAX_WORDS:
            continue
        above = _indent_of_neighbour(units, index, -1)
        below = _indent_of_neighbour(units, index, 1)
        if above is None or below is None:
            continue
        if unit.indent >= above + NESTED_MIN_STEP and unit.indent >= below + NESTED_MIN_STEP:
            labels[index] = ("paragraph", NESTED_HEADING)
