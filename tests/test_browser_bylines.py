"""Bylines as other scrapers print them: whole-page dumps of text browsers (w3m, lynx), resiliparse and
html-text, where the fields a corpus renderer puts a line each share one line, list levels carry w3m's
glyphs, and the page has no `<title>` line or heading marks."""

from __future__ import annotations

import pytest
from scrapes import BODIES, TITLES

from articlecli import parse_text
from articlecli.frontends import browser
from articlecli.frontends.text import read_units
from articlecli.header.byline_shapes import find_title_as_byline, strip_portrait_words
from articlecli.header.bylines import names_in_date_line, tidy_names
from articlecli.header.record import Header
from articlecli.records.lexicon import Lexicon, lexicon_for, load_lexicon, stopwords
from articlecli.records.record import RecordTable, build_records

TOP = ("Skip to content",)


def page(language: str, *header: str, title: str | None = None) -> str:
    """Chrome, the title, header blocks below it and the body (blocks split by a blank line)."""
    return "\n\n".join([*TOP, title or TITLES[language], *header, *BODIES[language]]) + "\n"


def test_w3m_list_glyphs_are_bullets():
    # w3m draws the levels of a list as '•', '○'/'□' and '●'/'■'; the glyph is no part of the text.
    units, _ = read_units("Menu\n\n• Home\n  □ World\n  ■ Science\n● Matthew Davis\n")
    assert [(u.text, u.list_item) for u in units[1:]] == [
        ("Home", True),
        ("World", True),
        ("Science", True),
        ("Matthew Davis", True),
    ]


def test_w3m_bulleted_name_and_date_fields_give_the_author():
    # A post header written as a list: name, separator, date, reading time.
    article = parse_text(page("en", "● Matthew Davis\n● |\n● 11 Jan 2019\n● |\n● 4 min"))
    assert article.authors == ("Matthew Davis",)
    assert article.published == "2019-01-11"


def test_name_written_twice_in_a_row_is_one_name():
    # Once for the eye, once for a screen reader: 'Written by: Colin Gray Colin Gray'.
    assert tidy_names(["Colin Gray Colin Gray", "Ann Lee"], []) == ["Colin Gray", "Ann Lee"]
    article = parse_text(page("en", "Written by: Colin Gray Colin Gray\nLast update on: August 25, 2025"))
    assert article.authors == ("Colin Gray",)


def test_a_one_word_repeated_name_is_left_alone():
    # 'Liken Liken' is a like button's label, not a doubled name; two words are not a repeated run of two.
    assert tidy_names(["Liken Liken"], []) == ["Liken Liken"]


def test_poster_before_middle_dot_fields_with_comment_counter():
    # The fields a line each in one rendering ('Paddy' / '·' / 'April 19, 2019' / ...) share a line in another.
    article = parse_text(
        page("de", "Paddy · April 19, 2019 · Mac · 7 comments", title="Lightroom läuft wieder flüssig")
    )
    assert article.authors == ("Paddy",)
    assert article.published == "2019-04-19"


def test_section_label_before_a_bar_is_no_poster():
    # A bar or a dash after the first field opens a section label or a dateline as often.
    lexicon = load_lexicon(("de", "en"))
    assert names_in_date_line("Sport | April 19, 2019 | 7 comments", lexicon, "de") == []
    assert names_in_date_line("Berlin – 3. Mai 2022 – 12:30", lexicon, "de") == []


def test_poster_after_the_date_before_the_comment_counter():
    lexicon = load_lexicon(("de", "en"))
    assert names_in_date_line("5 Min. 1. November 2023 Cortyn 1 Kommentar Lesezeichen", lexicon, "de") == ["Cortyn"]
    assert names_in_date_line("May 5, 2024 Leave a comment", lexicon, "en") == []


def test_name_before_a_tag_list_loses_the_first_tag():
    # The tags follow the name on a date line with no mark between ('… Hallenstein Azad, Bushido, …').
    lexicon = load_lexicon(("de", "en"))
    line = "6. November 2023 Octavius Hallenstein Azad, Bushido, finished, Seitenhieb"
    assert names_in_date_line(line, lexicon, "de") == ["Octavius Hallenstein"]
    # A one-word name before the tags is not guessed at.
    line = "1. Februar 2022 Steffi Kaufratgeber, Beschäftigung, Katzen, Katzenbeschäftigung"
    assert names_in_date_line(line, lexicon, "de") == []


def test_credentials_after_a_name_are_no_tag_list():
    lexicon = load_lexicon(("en",))
    assert names_in_date_line("May 5, 2024 Jane Doe, MD, PhD", lexicon, "en") == ["Jane Doe"]
    assert names_in_date_line("May 5, 2024 Jane Doe, John Roe, Max Mann", lexicon, "en") == ["Jane Doe"]


def test_lynx_marker_between_two_words_leaves_a_space():
    text, _ = browser.strip_markers("By[47]Rhonda Krause")
    assert text == "By Rhonda Krause"
    # Not inside a number or after punctuation.
    assert browser.strip_markers("Score:[12]2")[0] == "Score:2"
    assert browser.strip_markers("[3]Home [4]World")[0] == "Home World"
    # A lowercase word after the marker goes on the word before (a link inside a word, a <link> list).
    assert browser.strip_markers("alternate[2]alternate")[0] == "alternatealternate"


def test_role_line_beside_the_date_is_no_name():
    # The writer's role under the date is no name ('National Biotech Reporter').
    article = parse_text(page("en", "Dec. 18, 2025", "National Biotech Reporter"))
    assert "National Biotech Reporter" not in article.authors


def _header_with_title(text: str, title_index: int) -> tuple[Header, list, RecordTable, Lexicon]:
    units = read_units(text)[0]
    lexicon = lexicon_for("en")
    features = build_records(units, lexicon, stopwords("en"), "en")
    header = Header(units=units)
    header.title, header.title_unit = units[title_index].text, title_index
    header.label(title_index, "title", "title-position")
    return header, units, features, lexicon


@pytest.mark.parametrize(
    ("title_line", "authors"),
    [("Matthew Davis", ["Matthew Davis"]), ("By Elaine Chen", ["Elaine Chen"])],
)
def test_title_taken_from_the_byline_still_names_the_author(title_line, authors):
    # A whole-page dump with no <title> line and no heading marks: the byline right above the date competes
    # with the headline; when the title search takes it, the author is still read from it.
    text = f"Web analytics are leaking into meatspace\n\n{title_line}\n\n11 Jan 2019\n\nThe cameras note this.\n"
    header, units, features, lexicon = _header_with_title(text, 1)
    header.set_date_line("2019-01-11", 2, "date-line")
    find_title_as_byline(units, features, lexicon, "en", header)
    assert header.authors == authors
    assert (header.author_unit, header.author_rule) == (1, "title-is-byline")


@pytest.mark.parametrize(
    "title_line",
    ["Old Harbour Bridge", "Senior Technology Editor", "Get Started Today", "Bridge closes in 2026"],
)
def test_title_beside_the_date_that_is_no_name_names_nobody(title_line):
    text = f"Menu\n\n{title_line}\n\n11 Jan 2019\n\nThe old harbour bridge will close to cars next spring.\n"
    header, units, features, lexicon = _header_with_title(text, 1)
    header.set_date_line("2019-01-11", 2, "date-line")
    # 'Old' and 'Bridge' are written in lowercase on the page: a headline, not a person.
    find_title_as_byline(units, features, lexicon, "en", header)
    assert header.authors == []


def test_title_name_away_from_the_date_names_nobody():
    text = "Matthew Davis\n\nA story about the future of offline tracking.\n\n11 Jan 2019\n"
    header, units, features, lexicon = _header_with_title(text, 0)
    header.set_date_line("2019-01-11", 2, "date-line")
    find_title_as_byline(units, features, lexicon, "en", header)
    assert header.authors == []


def test_alt_text_words_after_a_name_are_cut():
    # A text browser prints an image's alt text as a line of its own beside the byline.
    lexicon = load_lexicon(("en",))
    names = ["Nina Pineda Image", "Rui Ma Profile Image", "Charlie Hills's avatar", "Eric Gerard Ruiz Avatar"]
    assert strip_portrait_words(names, lexicon) == ["Nina Pineda", "Rui Ma", "Charlie Hills", "Eric Gerard Ruiz"]
    # A name of two words keeps them ('Image' alone is no person), and so does a name without such a word.
    assert strip_portrait_words(["Ansel Image", "Jane Doe"], lexicon) == ["Ansel Image", "Jane Doe"]


def test_alt_text_line_above_the_byline_gives_the_plain_name():
    article = parse_text(page("en", "Nina Pineda Image\nFriday, November 14, 2025"))
    assert article.authors == ("Nina Pineda",)


def test_byline_label_above_a_name_with_its_description():
    # 'Written by' / 'Adrien Ramirez, 4+ years covering …': read as one byline line, the description cut.
    article = parse_text(page("en", "Written by\nAdrien Ramirez, 4+ years covering computer hardware, software"))
    assert article.authors == ("Adrien Ramirez",)


def test_byline_label_above_a_name_and_its_newsroom_keeps_the_line():
    # The line below the label, written as a desk signs ('Jane Doe | The Newsroom'), is the author as written.
    article = parse_text(page("en", "By", "Sergio Martinez | The Texas Newsroom"))
    assert article.authors == ("Sergio Martinez | The Texas Newsroom",)
