"""Boilerplate inside the main-text run: photo credits, captions, author boxes and the run's tail."""

from __future__ import annotations

import pytest
from scrapes import BODIES, TITLES

from articlecli import parse_text


def page(language: str, *, middle=(), end=(), header=()) -> str:
    body = BODIES[language]
    blocks = [TITLES[language], *header, body[0], *middle, *body[1:], *end]
    return "\n\n".join(blocks) + "\n"


def reasons_for(article, line: str) -> list[str]:
    return [r.reason for r in article.removed if r.text == line.strip()]


def assert_body_intact(article, language: str) -> None:
    assert [p for s in article.sections for p in s.paragraphs] == list(BODIES[language])


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("de", "Foto: Christof Stache"),
        ("de", "Bild: TebNad/Shutterstock.com"),
        ("en", "Photo by Ev on Unsplash"),
        ("en", "Image: Getty"),
        ("es", "Foto: Archivo El País"),
        ("en", "Photo courtesy of Noble Desktop"),
        ("en", "Courtesy of Hilton"),
        ("en", "Photo courtesy Method Architecture"),
        ("en", "Photograph by Jeremy Holden, Fauna & Flora International"),
        ("en", "Feature image by Girlfriend Collective"),
        ("de", "Bildcredit: (c) yakushkina - depositphotos.com"),
    ],
)
def test_photo_credit_between_paragraphs_is_removed(language, line):
    article = parse_text(page(language, middle=[line]))
    assert reasons_for(article, line) == ["photo-credit"]
    assert_body_intact(article, language)


@pytest.mark.parametrize(
    "line",
    [
        "Die alte Hafenbrücke im Abendlicht. Foto: Archiv/Stadtwerke",
        "Die alte Hafenbrücke im Abendlicht. (Foto: dpa)",
        "Die alte Hafenbrücke im Abendlicht. | © Getty Images",
        "Die alte Hafenbrücke im Abendlicht / (C) Kab Niang",
        "Die alte Hafenbrücke im Abendlicht© Rike/pixelio.de",
    ],
)
def test_caption_ending_in_a_credit_is_removed(line):
    article = parse_text(page("de", middle=[line]))
    assert reasons_for(article, line) == ["image-caption"]
    assert_body_intact(article, "de")


def test_sentence_opening_with_courtesy_is_kept():
    line = "Courtesy of the new bridge, the buses no longer drive through the old town every morning and evening."
    article = parse_text(page("en", middle=[line]))
    assert line in [p for s in article.sections for p in s.paragraphs]


def test_list_point_c_is_no_copyright_sign():
    line = "Die Stadt kann die Brücke (a) sanieren, (b) neu bauen oder (c) ganz abreißen."
    article = parse_text(page("de", middle=[line]))
    assert line in [p for s in article.sections for p in s.paragraphs]


def test_sentence_mentioning_a_photo_is_kept():
    line = "Auf dem Foto ist die Brücke vor der Sanierung zu sehen, als noch täglich Busse darüber fuhren."
    article = parse_text(page("de", middle=[line]))
    assert line in [p for s in article.sections for p in s.paragraphs]


def test_author_box_takes_its_bio():
    bio = "Jossi Loibl schreibt seit mehr als 25 Jahren über Verkehr und Stadtplanung."
    article = parse_text(page("de", end=["Über den Autor", bio]))
    assert reasons_for(article, "Über den Autor") == ["author-box"]
    assert reasons_for(article, bio) == ["author-box"]
    assert_body_intact(article, "de")


def test_bio_opening_with_the_bylines_name_is_removed():
    bio = "Sara Zinnecker ist Redakteurin im Team Verkehr und schreibt über Brücken, Busse und Bahnen."
    article = parse_text(page("de", header=["Von Sara Zinnecker"], end=[bio]))
    assert article.authors == ("Sara Zinnecker",)
    assert reasons_for(article, bio) == ["author-bio"]
    assert_body_intact(article, "de")


# Reader comments after the article: the main-text run reaches into them and is cut at "Kommentare".
COMMENTS = [
    "Kommentare",
    "Ich fahre jeden Tag über diese Brücke und finde es richtig, dass die Stadt endlich etwas tut, auch wenn "
    "der Umweg über die Ringstraße für uns Pendler viel Zeit kostet.",
    "Das hätte man schon vor zehn Jahren entscheiden müssen, dann wären die Reparaturen heute deutlich "
    "billiger gewesen als die vierzig Millionen, die jetzt im Bericht stehen.",
]


def test_short_lines_after_the_last_paragraph_are_removed():
    tail = ["Verkehr", "Stadtrat", "Neue Radwege am Nordufer", "Was die Sperrung für Pendler bedeutet"]
    article = parse_text(page("de", end=[*tail, *COMMENTS]))
    for line in tail:
        assert reasons_for(article, line) == ["after-last-prose"]
    assert_body_intact(article, "de")


def test_newsletter_pitch_after_a_late_widget_label_is_removed():
    pitch = "Mit unserem Newsletter erhalten Sie jeden Monat die wichtigsten Nachrichten aus der Stadt."
    article = parse_text(page("de", end=["Folgen Sie uns", pitch, *COMMENTS]))
    assert reasons_for(article, pitch) == ["after-widget"]
    assert_body_intact(article, "de")


# Two more paragraphs of the German story: the article is long, the donation box under it is not short.
MORE_DE = [
    "Die Sperrung gilt zunächst für drei Jahre. In dieser Zeit sollen die Stahlträger unter der Fahrbahn "
    "vollständig ersetzt und die beiden Rampen am Südufer neu gebaut werden, damit Busse früher zurückkehren.",
    "Für Radfahrer richtet die Stadt während der Bauarbeiten eine Fähre ein, die in den Sommermonaten alle "
    "zwanzig Minuten zwischen dem Nordufer und dem Museumshafen verkehren soll.",
]
DONATION_BOX = [
    "Jetzt unterstützen",
    "Unabhängiger Journalismus kostet Geld. Mit Ihrem Beitrag helfen Sie uns, unsere Berichterstattung "
    "weiter auszubauen und sie auch in Zukunft kostenlos und für alle zugänglich zu halten.",
    "Schon mit einem kleinen monatlichen Betrag sichern Sie die Arbeit unserer Redaktion und ermöglichen "
    "Recherchen, die ohne die Unterstützung unserer Leserinnen und Leser nicht möglich wären.",
    "Ich akzeptiere die Datenschutzvereinbarung und bin damit einverstanden, dass meine Angaben zur "
    "Bearbeitung meiner Spende gespeichert werden.",
]


def test_a_donation_box_after_a_late_widget_label_is_removed():
    article = parse_text(page("de", middle=MORE_DE, end=["Folgen Sie uns", *DONATION_BOX, *COMMENTS]))
    for line in DONATION_BOX[1:]:
        assert reasons_for(article, line) == ["after-widget"]
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert all(paragraph in paragraphs for paragraph in MORE_DE)


# A Markdown article with its own subheadings, as a scraper renders the page around it.
ARTICLE_MD = [
    f"# {TITLES['en']}",
    BODIES["en"][0],
    "## What changes for commuters",
    BODIES["en"][1],
    "## What happens next",
    BODIES["en"][2],
    "Work on the southern ramps will start first, so that the bridge can reopen to buses while the main span "
    "is repaired, and a temporary ferry will carry cyclists across the harbour during the busiest months.",
    "The council will publish a detailed timetable in the autumn, once the contractors have been chosen and "
    "the engineers have finished a second survey of the steel supports under the water.",
]
# The page's teaser block under the article: category titles over teaser headlines, then a site blurb
# that the main-text run bridges to.
TEASERS = [
    ("Popular", "Where can I recycle old paint and batteries in the city this spring?"),
    ("Events", "Free shredding days for household papers at three libraries across the north bank"),
    ("City Services", "How the new food scrap drop-off program works and where to find a bin"),
    ("Cart Basics", "Why you should never put your recyclables into a plastic bag before collection day"),
    ("Your Questions", "What happens to the glass bottles you drop off at the neighbourhood container"),
    ("Simple Steps", "A beginner's guide to cutting down kitchen waste without buying anything new at all"),
]
BLURB = "This site is run by volunteers from the city."


def _teaser_block() -> list[str]:
    lines = []
    for category, headline in TEASERS:
        lines += [f"### {category}", f"#### {headline}"]
    return lines


def headings_of(article) -> list[str]:
    return [s.heading for s in article.sections if s.heading]


def test_headings_of_a_teaser_block_after_the_article_are_not_its_sections():
    article = parse_text("\n\n".join([*ARTICLE_MD, *_teaser_block(), BLURB]) + "\n")
    assert headings_of(article) == ["What changes for commuters", "What happens next"]
    rules = {d.rule for d in article.decisions if d.text.startswith("### ")}
    assert rules == {"heading-in-tail"}
    # The block's lines stay in the body (the gold of many pages keeps a listing's items): only the headings go.
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert "Popular" in paragraphs


def test_a_listing_of_cards_keeps_its_headings():
    # No article above: the cards are the page's content, their headings its sections.
    article = parse_text("\n\n".join(["# Recycling guides", *_teaser_block(), BLURB]) + "\n")
    assert "Popular" in headings_of(article)
    assert not any(d.rule == "heading-in-tail" for d in article.decisions)


def test_an_empty_heading_late_in_the_article_is_a_widget_title():
    lines = [*ARTICLE_MD, "## Newsroom picks", "## Background", BODIES["en"][0]]
    article = parse_text("\n\n".join(lines) + "\n")
    assert headings_of(article) == ["What changes for commuters", "What happens next", "Background"]
    assert [d.rule for d in article.decisions if d.text == "## Newsroom picks"] == ["empty-late-heading"]


def test_a_run_of_empty_headings_is_the_page_list():
    resources = ["## Tutoring playbook for districts", "## Toolkit for tutoring programs", "## Funding briefs"]
    lines = [*ARTICLE_MD, *resources, "## Additional resources", BODIES["en"][0]]
    article = parse_text("\n\n".join(lines) + "\n")
    assert headings_of(article)[2:] == [r[3:] for r in resources] + ["Additional resources"]


TESTIMONIALS = [
    "The new bike path saved me twenty minutes every morning on my way to work.",
    "Our shop on the quay has never had so many customers walking past the window.",
    "My children can finally cycle to school on their own without crossing the main road.",
    "The ferry is a lovely way to start the day, even when it rains over the harbour.",
]


def test_a_slider_drawn_twice_keeps_its_first_copy():
    # A carousel renders its slides again (a clone for the endless scroll): the second run is removed.
    blocks = [TITLES["en"], BODIES["en"][0], *TESTIMONIALS, *TESTIMONIALS, *BODIES["en"][1:]]
    article = parse_text("\n\n".join(blocks) + "\n")
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert [p for p in paragraphs if p in TESTIMONIALS] == TESTIMONIALS
    assert all(reasons_for(article, line) == ["repeated-in-body"] for line in TESTIMONIALS)
    assert all(p in paragraphs for p in BODIES["en"])


def test_a_line_repeated_by_each_item_stays():
    # A field each listed item shows ("Free estimates from local pros") is the page's own text, each time.
    items = []
    for name in ("North Bank Electric", "Harbour Solar", "Quayside Chargers"):
        items += [
            name,
            f"{name} installs home charging stations for electric cars across the city.",
            "Free estimates from local pros",
        ]
    blocks = [TITLES["en"], BODIES["en"][0], *items, *BODIES["en"][1:]]
    article = parse_text("\n\n".join(blocks) + "\n")
    assert not any(d.rule == "repeated-in-body" for d in article.decisions)


@pytest.mark.parametrize(
    ("language", "byline", "title"),
    [
        ("de", "Von Sara Zinnecker", "Über Sara"),
        ("en", "By Jane Fowler", "About Jane Fowler"),
    ],
)
def test_an_author_box_titled_with_the_bylines_name_takes_its_bio(language, byline, title):
    # The box's title is the writer's name, not a label; the bio under it does not open with the name.
    bio = {
        "de": "Seit zwölf Jahren schreibe ich über Verkehr, Brücken und Stadtplanung, am liebsten vom Fahrrad aus.",
        "en": "For twelve years she has written about transport, bridges and town planning, mostly from a bicycle.",
    }[language]
    article = parse_text(page(language, header=[byline], end=[title, bio]))
    assert reasons_for(article, title) == ["author-box"]
    assert reasons_for(article, bio) == ["author-box"]
    assert_body_intact(article, language)


def test_about_another_name_stays():
    # "Über <name>" of someone other than the byline's author is a section of the article.
    line = "Über Anna Berger"
    text = "Anna Berger leitet seit zwei Jahren das Bauamt und hat die Sperrung der Brücke vorbereitet."
    article = parse_text(page("de", header=["Von Sara Zinnecker"], end=[line, text]))
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    assert text in paragraphs


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Getty Images"),
        ("en", "Noah Berger / AP"),
        ("de", "iStock.com)"),
        ("de", "Thinkstock"),
        ("de", "Christof Stache / picture alliance"),
        ("fr", "Nathan Alliard / Photononstop / AFP"),
        ("es", "Imagen del puerto | EFE"),
    ],
)
def test_a_line_naming_a_picture_agency_is_a_credit(language, line):
    article = parse_text(page(language, middle=[line]))
    assert reasons_for(article, line) == ["photo-credit"]
    assert_body_intact(article, language)


def test_a_sentence_naming_an_agency_stays():
    line = "Reuters reported on Monday that the council had voted to close the bridge, citing two officials."
    article = parse_text(page("en", middle=[line]))
    assert line in [p for s in article.sections for p in s.paragraphs]


def test_title_above_a_photo_credit_and_text_is_a_heading():
    # A product list: each item's name, its picture's credit, then the text about it.
    item = (
        "Cosori Electric Gooseneck Kettle\n\nCredit: Amazon\n\n"
        "The kettle holds its temperature for an hour, pours slowly enough for filter coffee and costs less than "
        "most of its rivals, which is why it tops our list this year."
    )
    article = parse_text(page("en", middle=[item]))
    assert "Cosori Electric Gooseneck Kettle" in [s.heading for s in article.sections]
    assert reasons_for(article, "Credit: Amazon") == ["photo-credit"]
