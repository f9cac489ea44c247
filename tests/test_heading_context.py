"""Rule headings read against their neighbours' layout (labeller/heading_context.py)."""

from __future__ import annotations

import pytest
from scrapes import BODIES, TITLES

from articlecli import parse_text
from articlecli.labeller.heading_context import is_field_line

EXTRA = (
    "Work on the southern ramps will start first, so that the bridge can reopen to buses while the main span "
    "is repaired, and a temporary ferry will carry cyclists across the harbour during the busiest months.",
    "The council will publish a detailed timetable in the autumn, once the contractors have been chosen and "
    "the engineers have finished a second survey of the steel supports under the water.",
)


def headings_of(article) -> list[str]:
    return [s.heading for s in article.sections if s.heading]


def rule_of(article, text: str) -> list[str]:
    return [d.rule for d in article.decisions if d.text.strip() == text]


def indented(blocks: list[tuple[int, str]]) -> str:
    """A browser-like dump (inscriptis): every block on its own line at its nesting depth, blank lines between."""
    return "\n\n".join(" " * depth + text for depth, text in blocks) + "\n"


def test_a_line_nested_deeper_than_its_neighbours_heads_nothing():
    # A box inside the article column: its label sits two levels deeper than the text around it. (A label that
    # opens with a call to action, "Download the council report", is a button's and leaves the body altogether:
    # debris `call-to-action-line`, tests/test_debris.py.)
    text = indented(
        [
            (6, TITLES["en"]),
            (6, BODIES["en"][0]),
            (6, "What changes for commuters"),
            (6, BODIES["en"][1]),
            (12, "The council report in figures"),
            (6, BODIES["en"][2]),
            (6, EXTRA[0]),
        ]
    )
    article = parse_text(text)
    assert headings_of(article) == ["What changes for commuters"]
    assert rule_of(article, "The council report in figures") == ["nested-heading"]
    assert "The council report in figures" in [p for s in article.sections for p in s.paragraphs]


def test_a_heading_at_the_text_depth_or_further_out_stays():
    text = indented(
        [
            (8, TITLES["en"]),
            (8, BODIES["en"][0]),
            (4, "What changes for commuters"),
            (8, BODIES["en"][1]),
            (8, "What happens next"),
            (8, BODIES["en"][2]),
            (8, EXTRA[0]),
        ]
    )
    assert headings_of(parse_text(text)) == ["What changes for commuters", "What happens next"]


def test_a_long_nested_line_is_a_card_headline_and_stays_a_heading():
    # Eight words or more: a teaser card's headline, which pages' own gold keeps as a heading as often as not.
    headline = "Ferry Timetable Changes for the Busiest Summer Months Ahead"
    text = indented(
        [
            (6, TITLES["en"]),
            (6, BODIES["en"][0]),
            (10, headline),
            (6, BODIES["en"][1]),
            (6, BODIES["en"][2]),
        ]
    )
    assert headline in headings_of(parse_text(text))


def test_a_section_heading_right_above_its_first_subheading():
    # "Planning the Works" heads a section whose first subsection follows at once: the line under it is
    # the subheading, not text, so the short-line rule alone leaves it a paragraph.
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "Planning the Works",
        "Southern Ramps First",
        BODIES["en"][1],
        "A Second Survey",
        BODIES["en"][2],
        EXTRA[0],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["Planning the Works", "Southern Ramps First", "A Second Survey"]
    assert rule_of(article, "Planning the Works") == ["heading-above-subheading"]


def test_a_section_heading_above_its_subheading_in_a_glued_dump():
    # get_text() with no separator: the article is one line, cut where one element ended and the next began;
    # no blank lines anywhere, so the finished sentence above is the section heading's edge.
    line = "".join(
        [
            BODIES["en"][0],
            "Planning the Works: Ramps and Ferries",
            "Southern Ramps First",
            BODIES["en"][1],
            BODIES["en"][2],
            "Funding the Repairs",
            *EXTRA,
        ]
    )
    article = parse_text(f"HomeNewsTransportCity\n{TITLES['en']}\n{line}\n")
    assert headings_of(article) == [
        "Planning the Works: Ramps and Ferries",
        "Southern Ramps First",
        "Funding the Repairs",
    ]
    assert rule_of(article, "Planning the Works: Ramps and Ferries") == ["heading-above-subheading"]


def test_a_sentence_case_label_above_a_heading_stays_a_paragraph():
    # A button or teaser label ("Read more from our team") is not written in title case: no section heading.
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "Read more from our team",
        "Southern Ramps First",
        BODIES["en"][1],
        BODIES["en"][2],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert "Read more from our team" not in headings_of(article)
    assert "Southern Ramps First" in headings_of(article)


def test_a_title_case_line_above_a_heading_with_no_text_under_it_stays():
    # The subheading must introduce a paragraph: two labels over a short line are a widget, not sections.
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "Related Coverage",
        "Harbour News",
        "Bridge Works",
        BODIES["en"][1],
        BODIES["en"][2],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert not any(d.rule == "heading-above-subheading" for d in article.decisions)


def test_a_line_set_further_out_than_its_block_heads_it():
    # A card grid in a browser-like dump: each card's title sits two columns further out than its fields.
    text = indented(
        [
            (6, TITLES["en"]),
            (6, BODIES["en"][0]),
            (6, BODIES["en"][1]),
            (8, "Opening hours"),
            (6, "Harbour Ferry Service Timetable"),
            (8, "Daily from 6 am"),
            (8, "Bikes carried free"),
            (6, "North Bank Shuttle Bus"),
            (8, "Every 20 minutes"),
            (8, BODIES["en"][2]),
        ]
    )
    article = parse_text(text)
    assert rule_of(article, "Harbour Ferry Service Timetable") == ["outdented-heading"]
    assert rule_of(article, "North Bank Shuttle Bus") == ["outdented-heading"]
    # One word, or a line level with what follows it, is a field, not a heading.
    assert "Opening hours" not in headings_of(article)


def test_a_dateline_is_not_a_section_heading():
    # A post's dateline between two paragraphs has the shape of a heading (short, capitalised, no final stop).
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        BODIES["en"][1],
        "What Happens Next",
        BODIES["en"][2],
        "Updated March 4, 2026",
        EXTRA[0],
        EXTRA[1],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["What Happens Next"]
    assert rule_of(article, "Updated March 4, 2026") == ["dateline-not-heading"]
    assert "Updated March 4, 2026" in [p for s in article.sections for p in s.paragraphs]


def test_a_call_to_action_is_not_a_section_heading():
    # A promo box inside the article column: its button has the shape of a heading above the box's text.
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "Download the Council Report",
        EXTRA[0],
        "What Happens Next",
        BODIES["en"][1],
        BODIES["en"][2],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["What Happens Next"]
    # Demoted here, then removed as a button's label (debris `call-to-action-line`).
    assert rule_of(article, "Download the Council Report") == ["call-to-action-line"]


def test_calls_to_action_are_read_in_the_page_language():
    blocks = [
        TITLES["de"],
        BODIES["de"][0],
        "Mehr erfahren über die Brücke",
        BODIES["de"][1],
        "Wie es weitergeht",
        BODIES["de"][2],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert rule_of(article, "Mehr erfahren über die Brücke") == ["call-to-action-line"]
    assert "Wie es weitergeht" in headings_of(article)


def test_a_markdown_heading_that_opens_with_an_action_stays():
    # A '#' line is the page's own heading, whatever its words ("Download and install" in a manual).
    lines = [f"# {TITLES['en']}", BODIES["en"][0], "## Download and install", BODIES["en"][1], BODIES["en"][2]]
    assert headings_of(parse_text("\n\n".join(lines) + "\n")) == ["Download and install"]


def test_a_table_of_contents_title_and_a_note_label_head_no_section():
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "Table of Contents",
        "What Happens Next",
        "Note",
        BODIES["en"][1],
        "What Happens Next",
        BODIES["en"][2],
        EXTRA[0],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["What Happens Next"]
    assert rule_of(article, "Note") == ["admonition-not-heading"]


def test_a_markdown_table_of_contents_title_is_no_section():
    lines = [
        f"# {TITLES['en']}",
        BODIES["en"][0],
        "## In this article",
        "* [What happens next](#next)",
        "## What happens next",
        BODIES["en"][1],
        BODIES["en"][2],
    ]
    article = parse_text("\n\n".join(lines) + "\n")
    assert headings_of(article) == ["What happens next"]
    # Demoted to a paragraph here, then taken out of the body by labeller/debris's `contents-title-line`.
    assert rule_of(article, "## In this article") == ["contents-title-line"]


def test_a_card_field_is_not_a_section_heading():
    # An event listing's card: its registration field (label and link) sits between paragraphs like a heading.
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "1. Harbour Bridge Open Day",
        BODIES["en"][1],
        "Registration: https://example.org/open-day",
        EXTRA[0],
        "2. Ferry Festival",
        BODIES["en"][2],
        "Tickets: $15 for adults",
        EXTRA[1],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["1. Harbour Bridge Open Day", "2. Ferry Festival"]
    assert rule_of(article, "Registration: https://example.org/open-day") == ["field-not-heading"]
    assert rule_of(article, "Tickets: $15 for adults") == ["field-not-heading"]
    assert "Tickets: $15 for adults" in [p for s in article.sections for p in s.paragraphs]


def test_a_headline_with_a_colon_stays_a_heading():
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "Step 2: Plan the Detour",
        BODIES["en"][1],
        "Ferries: What Changes for Cyclists",
        BODIES["en"][2],
        EXTRA[0],
    ]
    assert headings_of(parse_text("\n\n".join(blocks) + "\n")) == [
        "Step 2: Plan the Detour",
        "Ferries: What Changes for Cyclists",
    ]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Price: $18", True),
        ("Website:", True),
        ("Timeline estimate: 2 to 6 weeks", True),
        ("Contact: press@example.org", True),
        (": Las Vegas, USA", True),
        ("Step 5: Plan for the Future", False),
        ("Aluminum Wiring: 1960s through 1970s", False),
        ("How To Book a Flight For Beginners: A Thorough Guide", False),
        ("Q: How quickly can I start?", False),
    ],
)
def test_field_line_shapes(line: str, field: bool) -> None:
    assert is_field_line(line) is field


def test_labels_repeated_above_each_cards_list_head_their_lists():
    # A review of two products: "Pros" and "Cons" come back for each one, each above its own bullet points.
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "1. The Harbour Ferry",
        BODIES["en"][1],
        "Pros",
        "* Runs every twenty minutes\n* Carries bicycles free of charge",
        "Cons",
        "* Stops at midnight\n* No step-free access at the north pier",
        "2. The Night Bus",
        BODIES["en"][2],
        "Pros",
        "* Runs all night\n* Stops at both hospitals",
        "Cons",
        "* Slow through the old town\n* Crowded after concerts",
        EXTRA[0],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["1. The Harbour Ferry", "Pros", "Cons", "2. The Night Bus", "Pros", "Cons"]
    assert rule_of(article, "Pros") == ["repeated-list-heading", "short-line-before-text"]


def test_a_short_block_cut_over_two_lines_is_no_heading_where_blank_lines_mark_blocks():
    # A scraper that puts a blank line around every block broke a teaser's text at its inline markup: the
    # two pieces of one block are not a heading, whatever their length.
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "What Changes for Commuters",
        BODIES["en"][1],
        "Buses return\nto the bridge",
        BODIES["en"][2],
        EXTRA[0],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["What Changes for Commuters"]
    assert rule_of(article, "Buses return") == ["piece-of-block-not-heading"]
    assert "Buses return to the bridge" in [p for s in article.sections for p in s.paragraphs]


def test_a_heading_glued_to_its_paragraph_stays_where_blank_lines_do_not_mark_every_edge():
    # A dump whose blank lines sit between some paragraphs only: a heading directly above its text is a heading.
    lines = [
        TITLES["en"],
        "",
        BODIES["en"][0],
        "",
        "What Changes for Commuters",
        BODIES["en"][1],
        BODIES["en"][2],
        "",
        EXTRA[0],
    ]
    assert headings_of(parse_text("\n".join(lines) + "\n")) == ["What Changes for Commuters"]


def test_a_label_cut_from_its_value_is_not_a_heading():
    # An event card whose fields the scraper cut at their bold labels: "Location" / ": Harbour Hall, Oslo".
    lines = [
        TITLES["en"],
        "",
        BODIES["en"][0],
        "",
        "What Happens Next",
        "",
        BODIES["en"][1],
        "Location",
        ": Harbour Hall, next to the north pier and the old ferry terminal",
        BODIES["en"][2],
        "",
        EXTRA[0],
    ]
    article = parse_text("\n".join(lines) + "\n")
    assert headings_of(article) == ["What Happens Next"]
    assert rule_of(article, "Location") == ["cut-sentence-not-heading"]


def test_a_field_repeated_on_every_card_is_not_a_heading():
    # A listing of agencies: each card ends with its source credit, shaped like a heading above the next card.
    blocks = [TITLES["en"], BODIES["en"][0]]
    for number, (name, source) in enumerate(
        [("Harbour Media", "Harbour Weekly"), ("North Pier Studio", "Pier Gazette"), ("Ferry Lane", "City Post")],
        start=1,
    ):
        blocks += [f"{number}. {name}", EXTRA[number % 2], f"Source: {source}", BODIES["en"][number - 1]]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["1. Harbour Media", "2. North Pier Studio", "3. Ferry Lane"]
    assert rule_of(article, "Source: Pier Gazette") == ["repeated-field-not-heading"]


def test_a_series_of_sections_under_one_title_stays():
    blocks = [TITLES["en"], BODIES["en"][0]]
    texts = [BODIES["en"][1], BODIES["en"][2], EXTRA[0]]
    for part, text in zip(["Planning Ahead", "Getting Around", "Staying Safe"], texts, strict=True):
        blocks += [f"Bridge Works: {part}", text]
    assert headings_of(parse_text("\n\n".join(blocks) + "\n")) == [
        "Bridge Works: Planning Ahead",
        "Bridge Works: Getting Around",
        "Bridge Works: Staying Safe",
    ]


def test_a_heading_right_above_its_capitalised_text_stays():
    # A dump whose blank lines sit between some paragraphs only, a real subheading right above its paragraph,
    # which opens with a capital.
    lines = [
        TITLES["en"],
        "",
        BODIES["en"][0],
        "",
        "What Changes for Commuters",
        BODIES["en"][1],
        "Harbour Works",
        "The contract to repair the southern ramps went to a local firm, and its crews will start in the spring "
        "once the engineers have signed off the plans for the temporary supports.",
        BODIES["en"][2],
        "",
        EXTRA[0],
    ]
    article = parse_text("\n".join(lines) + "\n")
    assert headings_of(article) == ["What Changes for Commuters", "Harbour Works"]


def test_a_name_cut_off_the_sentence_it_opens_is_no_heading():
    # A scraper that puts every text node on a line and a blank line between blocks (bs4-lines) put a linked
    # company name on a line of its own, the rest of its sentence right under it (not joined back: the name
    # ends on a bracket): the text under a section heading opens with a capital, the rest of a sentence in
    # lower case.
    lines = [
        TITLES["en"],
        "",
        BODIES["en"][0],
        "",
        "What Changes for Commuters",
        "",
        BODIES["en"][1],
        "Harbour Works (HW)",
        "won the contract to repair the southern ramps, and its crews will start in the spring once the "
        "engineers have signed off the plans for the temporary supports.",
        "",
        BODIES["en"][2],
        "",
        EXTRA[0],
    ]
    article = parse_text("\n".join(lines) + "\n")
    assert headings_of(article) == ["What Changes for Commuters"]
    assert rule_of(article, "Harbour Works (HW)") == ["cut-sentence-not-heading"]


def test_a_table_row_laid_out_in_columns_is_no_heading():
    # A browser-like dump (inscriptis) lays a table out cell by cell, padded to each column's width: its rows
    # are short lines without a full stop above longer text, and no section heading.
    blocks = [
        (0, TITLES["en"]),
        (0, BODIES["en"][0]),
        (0, "What the Repairs Cost"),
        (0, BODIES["en"][1]),
        (0, "Repair                 Estimated cost         Notes"),
        (
            0,
            "Southern ramps         40 million pounds      The work starts first, so that buses can return "
            "to the bridge while the main span is repaired and repainted over two summers.",
        ),
        (0, BODIES["en"][2]),
        (0, EXTRA[0]),
    ]
    article = parse_text(indented(blocks))
    assert headings_of(article) == ["What the Repairs Cost"]
    assert rule_of(article, "Repair                 Estimated cost         Notes") == ["table-row-not-heading"]


def test_a_sentence_cut_inside_a_camel_case_name_is_no_heading():
    # get_text() with no separator: the article is one line, cut at every lower-to-upper case join. A join inside
    # a name ("HarbourWorks") cuts a sentence, whose first piece reads as a sentence up to the name's first hump.
    line = "".join(
        [
            BODIES["en"][0],
            "Southern Ramps First",
            BODIES["en"][1],
            "The council awarded the repair contract to HarbourWorks, a local firm whose crews rebuilt the "
            "northern piers, after a tender that drew bids from four companies across the region.",
            BODIES["en"][2],
            *EXTRA,
        ]
    )
    article = parse_text(f"HomeNewsTransportCity\n{TITLES['en']}\n{line}\n")
    assert headings_of(article) == ["Southern Ramps First"]
    assert rule_of(article, "The council awarded the repair contract to Harbour") == ["cut-name-not-heading"]


REVIEW = (
    "Sturdy and light, they kept my feet comfortable on a ten mile walk along the coast path and dried quickly "
    "after the rain, so I would buy them again."
)


def test_a_meta_line_with_a_date_is_not_a_section_heading():
    # A review's author and date, laid out like a heading above the review's text; a title that names a day
    # in a phrase ("... of March 4, 2026") stays a heading.
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        BODIES["en"][1],
        "What Readers Say",
        BODIES["en"][2],
        "Robert (verified owner) – June 7, 2020",
        REVIEW,
        "Ferry timetable changes of March 4, 2026",
        EXTRA[0],
        EXTRA[1],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["What Readers Say", "Ferry timetable changes of March 4, 2026"]
    assert rule_of(article, "Robert (verified owner) – June 7, 2020") == ["dated-meta-not-heading"]
    assert "Robert (verified owner) – June 7, 2020" in [p for s in article.sections for p in s.paragraphs]


@pytest.mark.parametrize("depth", [0, 4])
def test_a_line_between_paragraphs_heads_them_only_outside_an_indented_layout(depth: int) -> None:
    # A line alone between two paragraphs, no blank line around it: where the dump keeps the source's line
    # breaks it is a heading; where the dump lays the page out as indentation, it is a nested block's label.
    margin = " " * depth
    lines = [
        TITLES["en"],
        "",
        BODIES["en"][0],
        "",
        "What changes for commuters",
        "",
        BODIES["en"][1],
        "",
        BODIES["en"][2],
        "Ferry passes",
        EXTRA[0],
        "",
        EXTRA[1],
    ]
    article = parse_text("\n".join(margin + line if line else "" for line in lines) + "\n")
    if depth:
        assert headings_of(article) == ["What changes for commuters"]
        assert rule_of(article, "Ferry passes") == ["indented-line-not-heading"]
    else:
        assert headings_of(article) == ["What changes for commuters", "Ferry passes"]
        assert rule_of(article, "Ferry passes") == ["line-between-paragraphs"]


def test_a_card_row_with_pipes_between_its_cells_is_no_heading():
    # A listing's card prints its award and its neighbourhood in one row, cells split by a pipe, above the card's text.
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "Where to Eat Near the Bridge",
        BODIES["en"][1],
        "Bib Gourmand | East Village",
        "A small harbour kitchen that serves grilled fish, bread baked in the morning and a short list of local wines.",
        BODIES["en"][2],
        EXTRA[0],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["Where to Eat Near the Bridge"]
    assert rule_of(article, "Bib Gourmand | East Village") == ["table-row-not-heading"]


def test_a_line_with_a_web_or_mail_address_is_no_heading():
    # A contact line and a shop link are laid out like headings above the text that follows them.
    blocks = [
        TITLES["en"],
        BODIES["en"][0],
        "What Changes for Commuters",
        BODIES["en"][1],
        "Questions? ferry-desk@harbour-council.org",
        BODIES["en"][2],
        "Bike lights $24.99 at https://shop.example.com/lights",
        EXTRA[0],
        EXTRA[1],
    ]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert headings_of(article) == ["What Changes for Commuters"]
    assert rule_of(article, "Questions? ferry-desk@harbour-council.org") == ["address-not-heading"]
    assert rule_of(article, "Bike lights $24.99 at https://shop.example.com/lights") == ["address-not-heading"]
