"""The byline fallbacks of header/byline_shapes.py, each on the page shape it reads."""

from __future__ import annotations

import pytest
from scrapes import BODIES, TITLES

from articlecli import parse_text

TOP = ("Skip to content",)


def page(language: str, *header: str, trailer: tuple[str, ...] = ()) -> str:
    """Chrome, the title, header blocks below it, the body, a trailer (blocks split by a blank line; a block
    may hold several source lines that the text front end joins into one unit)."""
    return "\n\n".join([*TOP, TITLES[language], *header, *BODIES[language], *trailer]) + "\n"


def rule_of(article, line: str) -> list[str]:
    return [d.rule for d in article.decisions if d.text.strip() == line]


def test_byline_that_is_one_source_line_of_a_joined_unit():
    # The scraper kept the relative date and the byline as one block.
    article = parse_text(page("de", "vor 11 Minuten\nvon Rudolf Fischer, Simon Kohler"))
    assert article.authors == ("Rudolf Fischer", "Simon Kohler")


@pytest.mark.parametrize(
    ("language", "line", "authors"),
    [
        ("de", "Interview: Julia Lauter", ("Julia Lauter",)),
        ("de", "Quelle: MDR THÜRINGEN/ls", ("MDR THÜRINGEN/ls",)),
        ("de", "Quelle: dpa/lno", ("dpa/lno",)),
    ],
)
def test_colon_label_names_the_writer(language, line, authors):
    article = parse_text(page(language, trailer=(line,)))
    assert article.authors == authors
    assert rule_of(article, line) == ["byline-colon-label"]


def test_colon_label_without_colon_is_a_section_label():
    # 'Interview' alone over a section name is a category, never a byline label.
    assert parse_text(page("de", "Interview", "Porträt")).authors == ()


def test_colon_label_before_a_sentence_names_nobody():
    line = "Quelle: eigene Recherche und Angaben der Stadtverwaltung vom Vorjahr"
    assert parse_text(page("de", trailer=(line,))).authors == ()


def test_date_unit_joined_from_several_lines_names_its_author():
    article = parse_text(page("en", "Dec. 19, 2025 · Niko Matsakis\non behalf of\nVision Doc group"))
    assert article.authors == ("Niko Matsakis",)
    assert article.published == "2025-12-19"


def test_glued_name_cut_at_the_site_name_line():
    # The renderer ran the byline into the logo's site name, which also stands alone at the top.
    text = page("de", "Veröffentlicht am 03.02.2022 von Sarah Schnieder Reiterrevue International")
    text = "Reiterrevue International\n\n" + text
    assert parse_text(text).authors == ("Sarah Schnieder",)


def test_three_word_name_stays_whole():
    assert parse_text(page("en", "By Mary Ann Evans")).authors == ("Mary Ann Evans",)


@pytest.mark.parametrize("label", ["Get Started", "Evidence Based"])
def test_label_beside_date_with_a_word_the_page_writes_in_lowercase(label):
    # 'started' / 'based' stand in lowercase in the body: a button or a badge, not a surname.
    body = ("We started the plan based on what readers asked for, and it worked out well for most of them.",)
    text = page("en", label, "September 8, 2021", trailer=body)
    assert parse_text(text).authors == ()


def test_name_beside_date_still_read():
    assert parse_text(page("en", "Jane Whitfield", "September 8, 2021")).authors == ("Jane Whitfield",)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By the Lavazza Team 2–3 minutes", ("the Lavazza Team",)),
        ("By The Currency editors", ("The Currency editors",)),
    ],
)
def test_team_byline(line, authors):
    article = parse_text(page("en", line))
    assert article.authors == authors
    assert rule_of(article, line) == ["byline-team"]


def test_team_word_needs_a_byline_word():
    assert parse_text(page("en", "Meet the Lavazza Team")).authors == ()


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Manoj Jain and Jagpreet Chhatwal | Guest Columnists", ("Manoj Jain", "Jagpreet Chhatwal")),
        ("Jane Whitfield | Senior Editor", ("Jane Whitfield",)),
    ],
)
def test_names_then_role_field(line, authors):
    article = parse_text(page("en", line))
    assert article.authors == authors
    assert rule_of(article, line) == ["name-with-role-field"]


def test_menu_then_role_word_is_no_byline():
    # 'Pricing Plans' is no personal name (the page writes 'plans' in lowercase).
    body = ("Our plans change every year, and the pricing follows what readers need from us.",)
    assert parse_text(page("en", "Pricing Plans | Editor", trailer=body)).authors == ()


@pytest.mark.parametrize(
    ("language", "name", "more"),
    [("de", "Heinz Steiner", "Weitere Beiträge"), ("en", "Elizabeth Gibney", "Search for this author in:")],
)
def test_author_box_name_above_its_more_link(language, name, more):
    article = parse_text(page(language, trailer=(name, more)))
    assert article.authors == (name,)
    assert rule_of(article, name) == ["author-box-more"]


def test_comment_counter_marks_a_post_header():
    article = parse_text(page("en", "Susan December 9, 2024 0 Comments"))
    assert article.authors == ("Susan",)
