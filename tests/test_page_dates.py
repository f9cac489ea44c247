"""Which of a page's dates is its own: the rules that avoid a listed item's date, and the last-resort ones."""

from __future__ import annotations

import pytest
from scrapes import BODIES, TITLES

from articlecli import parse_text
from articlecli.records.dates import find_dates, numeric_order

TOP = ("Skip to content",)


# Paragraphs after the body, so that a stamp below them lies outside the header's window.
MORE = {
    "en": tuple(
        f"Paragraph {n} of the report goes on about the bridge, the river and the town council." for n in range(6)
    ),
    "de": tuple(
        f"Absatz {n} des Berichts handelt von der Brücke, dem Fluss und dem Stadtrat der Gemeinde." for n in range(6)
    ),
}


def scrape(language: str, *header: str, trailer: tuple[str, ...] = ()) -> str:
    """Chrome, the title, `header` blocks, the body paragraphs, `trailer`; blocks a blank line apart."""
    blocks = [*TOP, TITLES[language], *header, *BODIES[language], *trailer]
    return "\n\n".join(blocks) + "\n"


def date_rules(article) -> list[tuple[str, str]]:
    """(rule, text) of the lines labelled as dates."""
    return [(d.rule, d.text) for d in article.decisions if d.label == "date"]


# --- published-sentence: the stamp a theme writes as a sentence ------------------------------------------


@pytest.mark.parametrize(
    ("language", "stamp", "day"),
    [
        (
            "de",
            "Dieser Beitrag wurde am 04/02/2020 von kj in Bundesgericht, Strafrecht veröffentlicht. "
            "Schlagworte: StGB 12, SVG 90.",
            "2020-02-04",
        ),
        (
            "de",
            "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter "
            "Allgemein abgelegt. Du kannst die Kommentare zu diesem Eintrag durch den RSS 2.0 Feed verfolgen.",
            "2019-11-27",
        ),
        ("en", "This entry was posted on Friday, March 6, 2020 by Jo Smith and is filed under News.", "2020-03-06"),
        ("en", "this post was submitted on 04 Mar 2026", "2026-03-04"),
    ],
)
def test_publication_stamp_written_as_a_sentence(language, stamp, day):
    article = parse_text(scrape(language, trailer=(*MORE[language], stamp, "Leave a comment")))
    assert article.published == day
    assert f"published {day} by published-sentence" in [d.detail for d in article.decisions]


def test_a_sentence_naming_a_date_without_a_publication_verb_is_no_stamp():
    # 'that date' is no label here: the tax deadline is not the page's date.
    line = "The end of the tax season is April 15, 2025. If you are unable to file before that date, ask."
    assert parse_text(scrape("en", trailer=(*MORE["en"], line))).published is None


def test_a_stamp_sentence_with_an_updated_label_is_not_the_publication_date():
    line = "This page was published long ago and last updated on 29 January 2020 by the editors."
    assert parse_text(scrape("en", trailer=(*MORE["en"], line))).published is None


# --- nearby-written-date: an ambiguous numeric date read by the page's written dates -----------------------


@pytest.mark.parametrize(
    ("texts", "month_first"),
    [
        # 02/10/2020: Oct 2 lies four days from 'Sept. 29, 2020', Feb 10 months away: day first.
        (["02/10/2020", "MANCHESTER, Sept. 29, 2020 -- Students walk past the halls."], False),
        # 02/10/2020: Feb 10 lies near 'February 7, 2020': month first.
        (["02/10/2020", "The vote of February 7, 2020 changed this."], True),
        # No written date near either reading: no evidence.
        (["02/10/2020", "Founded on July 1, 2001."], None),
    ],
)
def test_ambiguous_numeric_dates_take_the_reading_near_the_written_ones(texts, month_first):
    assert numeric_order(texts, "en") is month_first


# --- older-of-date-pair ------------------------------------------------------------------------------------


@pytest.mark.parametrize("pair", [("May 21, 2025", "April 24, 2025"), ("April 24, 2025", "May 21, 2025")])
def test_of_two_adjacent_date_lines_the_older_is_the_publication_date(pair):
    # A theme's modified and published dates side by side, unlabelled, in either order.
    article = parse_text(scrape("en", "\n".join(pair)))
    assert article.published == "2025-04-24"
    assert ("older-of-date-pair", "April 24, 2025") in date_rules(article)


# --- dated-list, linked-list-item, dated-entry: a list's dates are not the page's ----------------------------


def test_a_list_of_dated_items_far_from_title_and_text_gives_no_date():
    # A forum's 'Neueste Themen' box between the title and the text: eight threads, eight dates.
    threads = [f"Thema {n}: Neuigkeiten aus dem Verein  von lupa  {n:02d}/03/16, 10:{n:02d}" for n in range(1, 9)]
    header = ("Forum", "Mitglieder", "Suche", "Neueste Themen", *threads, "Impressum", "Kontakt", "Datenschutz")
    article = parse_text(scrape("de", *header))
    assert article.published is None
    assert {rule for rule, _ in date_rules(article)} == {"dated-list"}


def test_a_date_inside_a_linked_list_item_is_not_the_pages():
    # Markdown: a 'Recent Comments' widget above the title, each entry a list item of links.
    widget = (
        "## Recent Comments\n"
        "  * [Daniel Lemire](https://lemire.me/en/) on "
        "[Science and Technology links (December 14th 2019)](https://lemire.me/blog/2019/12/14/links/#comment-1)"
    )
    text = "\n\n".join([*TOP, widget, f"# {TITLES['en']}", *BODIES["en"], "Posted on August 2, 2019"]) + "\n"
    assert parse_text(text).published == "2019-08-02"


def test_lines_opening_with_different_dates_are_a_changelogs_entries():
    updates = (
        "Updates",
        '2021-08-09 Emphasizing "non-requirements" for analysis',
        "2022-04-12 Link to Choosing Software",
        "2023-06-12 Further arguments for raising awareness",
    )
    article = parse_text(scrape("en", *updates, trailer=("Published on", "2021-01-18T19:55")))
    assert article.published == "2021-01-18"


# --- day-range ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Wochenbericht 14. - 20. Januar 2022", "2022-01-14"),
        ("9.–11. September 2022 in Köln", "2022-09-09"),
        ("1-3 March 2020", "2020-03-01"),
        # A page number before the date is no span.
        ("Seite 3 - 20. Januar 2022", "2022-01-20"),
        ("am 20. Januar 2022", "2022-01-20"),
    ],
)
def test_a_span_of_days_is_dated_by_its_first_day(text, day):
    assert [found.value for found in find_dates(text, "de")] == [day]
