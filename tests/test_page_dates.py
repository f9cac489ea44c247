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


# --- machine-stamp: a timestamp to the second is a theme's hidden modified stamp ----------------------------


def test_a_machine_stamp_glued_to_the_shown_date_gives_way_to_it():
    # WordPress (Avada) prints the modified time in a hidden span right before the date it shows.
    line = "Isabell Angele2022-12-07T10:10:52+01:0025. Dezember 2022|"
    article = parse_text(scrape("de", line))
    assert article.published == "2022-12-25"


def test_a_machine_stamp_alone_below_the_text_is_no_page_date():
    article = parse_text(scrape("en", trailer=(*MORE["en"], "2025-10-30T10:45:07-04:00", "Share on Facebook")))
    assert article.published is None


def test_a_machine_stamp_that_is_the_lines_only_date_is_still_read():
    # Without a date written for readers on the line, the stamp is all there is (a forum's post time).
    article = parse_text(scrape("en", "Posted 2021-03-04T09:15:00Z"))
    assert article.published == "2021-03-04"


# --- data-sheet-date: a book's, an album's, a photo's data sheet ----------------------------------------------

REVIEW_SHEET = (
    "Samstag, 9. September 2017",
    "Verlag: Heyne",
    "Übersetzer: Sonja Häußler",
    "Erscheinungsdatum: 14.08.2017",
    "Preis: 12,99 € (D)",
)


def test_a_date_among_data_sheet_fields_is_not_the_pages():
    article = parse_text(scrape("de", *REVIEW_SHEET))
    assert article.published == "2017-09-09"


def test_a_data_sheets_date_is_the_last_resort():
    # An album review that shows no date of its own: the release's date is the best left.
    sheet = ("Brave New Woman", "Veröffentlichung: 04.02.2022", "Label: House of Clio (Sony Music)", "Genre: Pop")
    article = parse_text(scrape("de", *sheet))
    assert article.published == "2022-02-04"
    assert ("data-sheet-date-only", "Veröffentlichung: 04.02.2022") in date_rules(article)


def test_a_byline_block_of_header_labels_is_no_data_sheet():
    block = ("Words: Solene Rauturier", "Category: Top Picks", "Published: 03 Dec 2025")
    assert parse_text(scrape("en", *block)).published == "2025-12-03"


# --- weather-widget-date: the site's today-and-weather box ---------------------------------------------------


def test_a_date_beside_the_weather_is_the_days_not_the_pages():
    widget = ("Thursday, Nov 5th 2020", "7PM", "6°C", "10PM", "7°C", "5-Day Forecast")
    article = parse_text(scrape("en", *widget, "By Glen Owen", "Published: 26 September 2020"))
    assert article.published == "2020-09-26"


# --- labelled-date-in-text: a published label glued into a long line -----------------------------------------


def test_a_published_label_inside_a_glued_line_dates_the_page():
    glued = (
        "Pubs face penalties over loud music By Glen Owen And Brendan Carlin For The Mail On Sunday  Published:  "
        "22:00 GMT, 26 September 2020   |  Updated:  08:39 GMT, 28 September 2020 The government said on Saturday "
        "that pubs and bars which let customers sing and dance would be fined, and that the police would check."
    )
    text = "\n\n".join([*TOP, TITLES["en"], glued, *BODIES["en"]]) + "\n"
    article = parse_text(text)
    assert article.published == "2020-09-26"
    assert "published 2020-09-26 by labelled-date-in-text" in [d.detail for d in article.decisions]


def test_an_updated_label_first_in_the_glued_line_is_not_read_as_published():
    glued = (
        "Docker builds made fast by Itamar Turner-Trauring Last updated 04 Jun 2020, originally created 17 Jun 2019 "
        "You are building a Docker image and every build takes many minutes, so you want to know what to do next."
    )
    text = "\n\n".join([*TOP, TITLES["en"], glued, *BODIES["en"]]) + "\n"
    assert parse_text(text).published != "2019-06-17"


# --- original-date: the page says when it first came out -----------------------------------------------------


def test_an_originally_published_sentence_beats_an_unlabelled_date_line():
    note = "This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated since."
    article = parse_text(scrape("en", "30 Sep 2022, 11:07am", trailer=(note,)))
    assert article.published == "2019-09-26"
    assert article.updated == "2022-09-30"


def test_an_originally_published_sentence_does_not_override_a_published_label():
    note = "This blog post was originally published on the 21st of June 2017 and updated on the 18th of July 2025."
    article = parse_text(scrape("en", "Published April 13, 2023", trailer=(note,)))
    assert article.published == "2023-04-13"


# --- date-beside-title: the title's own date above a column of dated teasers ----------------------------------

TEASER_TITLES = (
    "Tram line to the airport opens",
    "Ferry fares rise again",
    "Harbour festival returns",
    "New library for the old town",
    "Council cuts parking fees",
    "Storm damages the pier",
    "School roofs to be repaired",
    "Market hall reopens",
    "Mayor visits twin town",
    "Bus drivers vote on pay",
    "Museum wins award",
    "Cycle lanes for the ring road",
    "Fishing fleet shrinks",
)


def test_the_date_right_below_the_title_beats_the_teasers_dates_by_the_text():
    # The title and its date, then a column of teasers, each with its date, down to the text: the header window
    # (anchored on the body start) sees only teaser dates, and the nearest of them is a teaser's.
    teasers = [line for n, title in enumerate(TEASER_TITLES) for line in (title, f"{26 - n} February 2020")]
    page = [f"{TITLES['en']} | Northport News", *TOP, "News", "Sport", TITLES["en"], "18 March 2020", *teasers]
    article = parse_text("\n\n".join([*page, "Photo: City of Northport", *BODIES["en"]]) + "\n")
    assert article.published == "2020-03-18"
    assert ("date-beside-title", "18 March 2020") in date_rules(article)


def test_a_teaser_date_is_not_taken_for_a_title_without_one():
    teasers = [line for n, title in enumerate(TEASER_TITLES) for line in (title, f"{26 - n} February 2020")]
    page = [f"{TITLES['en']} | Northport News", *TOP, "News", "Sport", TITLES["en"], "Jane Doe", *teasers]
    article = parse_text("\n\n".join([*page, "Photo: City of Northport", *BODIES["en"]]) + "\n")
    assert all(rule != "date-beside-title" for rule, _ in date_rules(article))


# --- date-below-headline: the headline and its date line inside what reads as text ---------------------------

NOTICES = (
    "Vielen Dank für Ihre Registrierung. Sie haben jetzt den Aktivierungslink für Ihr Konto per E-Mail erhalten.",
    "Sie haben die Ausgabe für die Schweiz ausgewählt. Wir wünschen Ihnen eine gehaltvolle Lektüre.",
    "Sie haben die Ausgabe für Deutschland ausgewählt. Wir wünschen Ihnen eine gehaltvolle Lektüre.",
    "Ihr Benutzerkonto ist aktiviert. Wir wünschen Ihnen viel Lesevergnügen.",
    "Vielen Dank für Ihre Bestellung. Wir wünschen Ihnen viel Lesevergnügen.",
)


def headline_page(date_line: str) -> str:
    """A news site's modal notices read as text above the headline (worded otherwise than the page's
    <title> line), its lead, `date_line`, the body and a teaser dated two days earlier."""
    blocks = [
        "Hafenbrücke: Stadtrat sperrt Brücke im Frühjahr für Autos | Nordport Zeitung",
        "Suchen",
        "Abonnieren",
        "Startseite",
        *NOTICES,
        "Der Stadtrat sperrt die alte Hafenbrücke im Frühjahr für Autos",
        "Nach den Warnungen der Ingenieure zieht die Stadt die Notbremse: Die Brücke trägt keinen Schwerverkehr mehr.",
        date_line,
        *BODIES["de"],
        "Meistgelesen",
        "Beat Beispiel 17.10.2019, 13:17 Artikel anzeigen",
    ]
    return "\n\n".join(blocks) + "\n"


def test_the_headline_inside_the_text_brings_its_date_line():
    article = parse_text(headline_page("Anna Muster, Nordport 19.10.2019, 23:38 Uhr"))
    assert article.published == "2019-10-19"
    assert ("date-below-headline", "Anna Muster, Nordport 19.10.2019, 23:38 Uhr") in date_rules(article)


def test_an_updated_line_below_the_headline_is_not_its_date():
    article = parse_text(headline_page("Aktualisiert: 19.10.2019, 23:38 Uhr"))
    assert all(rule != "date-below-headline" for rule, _ in date_rules(article))


# --- dateline: a glued dump keeps the source's spaces around the date ---------------------------------------


def test_dateline_with_a_run_of_spaces_before_the_text():
    first = "Michael Mäser,  02.02.2022  Share " + BODIES["de"][0]
    teaser = "31.01.2022 Wochenvorschau: Wer spielt wann und wo in der fünften Kalenderwoche?"
    page = [*TOP, "Turniere     Events     Jahresplan     Service", first, *BODIES["de"][1:], *MORE["de"], teaser]
    assert parse_text("\n".join(page) + "\n").published == "2022-02-02"


# --- related-card-date: the cards below the text -----------------------------------------------------------


def test_dates_under_a_related_posts_heading_are_the_cards_not_the_pages():
    cards = ("Featured", "Jul 3, 2019", "Summer dresses for every figure", "Jul 3, 2019", "Jul 3, 2019")
    listed = parse_text(scrape("en", trailer=(*MORE["en"], "Jane Doe", *cards, "Instagram")))
    assert listed.published == "2019-07-03"
    article = parse_text(scrape("en", trailer=(*MORE["en"], "Jane Doe", "Most Recent Posts", *cards, "Instagram")))
    assert article.published is None


def test_a_related_posts_date_below_the_title_is_not_the_pages():
    text = (*BODIES["en"], *MORE["en"][:3])
    without = [*TOP, TITLES["en"], *text, "22 August 2012", *MORE["en"][3:]]
    assert parse_text("\n\n".join(without) + "\n").published == "2012-08-22"
    page = [*TOP, TITLES["en"], *text, "Related posts", "22 August 2012", *MORE["en"][3:]]
    assert parse_text("\n\n".join(page) + "\n").published is None
