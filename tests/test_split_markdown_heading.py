"""html2text's headings split from their marks: "##" alone on a line, then the heading's text (frontends/text.py)."""

# Scraped pages keep their long lines.
# ruff: noqa: E501

from __future__ import annotations

from articlecli import parse_text
from articlecli.frontends.text import read_units

# A review round-up whose <h2> elements open with a <br>: html2text writes their marks on a line of their own.
ROUND_UP = """\
* [Home](/)
* [Reviews](/reviews)
* [Games](/games)

# The Best Board Games of the Year

By [Sam Porter](/authors/sam-porter)

Even as video games keep exploring new ground, the tabletop scene keeps growing too, and this year brought more good games than any year we can remember.

![Box art](/files/box-1.jpg)

##

Harbour Lights

Published by Tidewater Games

A quick card game about steering boats home through the fog, Harbour Lights takes ten minutes to learn and rewards players who read the table rather than their own hand.

![Box art](/files/box-2.jpg)

##

Orchard Run

Published by Meadow Press

Orchard Run asks players to plan a season of harvests, trading baskets with neighbours and racing the first frost, and it plays just as well with two as with five.

| Players | Time |
|---|---|
| 2-5 | 30 min |
"""


def test_text_under_lone_heading_marks_is_the_heading() -> None:
    units, input_format = read_units(ROUND_UP)
    assert input_format == "markdown"
    levels = {unit.text: unit.heading_level for unit in units}
    assert levels["Harbour Lights"] == 2
    assert levels["Orchard Run"] == 2
    # The line under the heading is its section's text, not a heading.
    assert levels["Published by Tidewater Games"] is None


def test_split_headings_head_their_sections_and_the_marks_are_removed() -> None:
    article = parse_text(ROUND_UP)
    headings = [section.heading for section in article.sections if section.heading]
    assert headings == ["Harbour Lights", "Orchard Run"]
    mark_lines = {number for number, line in enumerate(ROUND_UP.split("\n"), start=1) if line == "##"}
    assert mark_lines <= {removed.line for removed in article.removed}


def test_lone_marks_above_a_table_row_or_a_link_give_no_heading() -> None:
    text = "* [Home](/)\n* [News](/news)\n\n##\n\nPlatform | Average cost | Lead quality\n\n##\n\n[All filters](/filters)\n\nSome text of the page that goes on for a while.\n"
    units, input_format = read_units(text)
    assert input_format == "markdown"
    assert all(unit.heading_level is None for unit in units)
