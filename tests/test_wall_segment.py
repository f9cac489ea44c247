"""A page joined onto one line with spaces (BeautifulSoup get_text(" ")): frontends/segment.py cuts it back."""

from __future__ import annotations

import pytest

from articlecli import parse_text
from articlecli.frontends.segment import split_wall
from articlecli.frontends.text import read_units

_PARAGRAPHS = [
    "The city council voted on Tuesday to close the old harbour bridge for two years of repairs.",
    "Engineers will replace the deck first and then strengthen the piers, working mostly at night.",
    "Boats will still pass under the bridge during the day, the harbour office said on Wednesday.",
    "Cyclists asked the mayor for a temporary ferry, which the council will discuss in March.",
    "The repairs will cost 40 million euros, of which the region pays half and the state the rest.",
    "Shop owners near the bridge fear that fewer visitors will come while the works last.",
]
_SECOND = [
    "The ferry would run every twenty minutes from the fish market to the old customs house.",
    "A study of the crossing found that most people who use it walk or ride a bicycle.",
    "Council members said they would decide on the ferry before the end of the summer.",
]
TITLE = "Old harbour bridge to close for two years of repairs"
# <title>, menu, headline, byline, date, the text with a subheading, related links and a footer, on one line.
WALL = " ".join(
    [
        f"{TITLE} | The Harbour Gazette",
        "Home News Sport Weather Business Culture Contact Subscribe",
        TITLE,
        "March 12, 2024",
        "By Maria Jensen",
        *(_PARAGRAPHS * 3),
        "What Happens to the Ferry Plan",
        *(_SECOND * 3),
        "Related Posts New playground opens in the old town Market hall gets a new roof",
        "Privacy policy Terms of use Cookie settings",
    ]
)


def test_a_wall_line_is_cut_into_pieces_that_join_back_into_it() -> None:
    pieces = split_wall(WALL)
    assert "".join(piece for piece, _ in pieces) == WALL
    assert len(pieces) > len(_PARAGRAPHS) * 3
    assert all(piece.strip() for piece, _ in pieces)


def test_a_wall_page_gives_title_byline_and_date() -> None:
    article = parse_text(WALL)
    assert article.title == TITLE
    assert article.authors == ("Maria Jensen",)
    assert article.published == "2024-03-12"


def test_a_wall_page_body_is_in_separate_paragraphs_and_its_subheading_a_heading() -> None:
    article = parse_text(WALL)
    paragraphs = [paragraph for section in article.sections for paragraph in section.paragraphs]
    assert _PARAGRAPHS[0] in paragraphs and _SECOND[1] in paragraphs
    assert "What Happens to the Ferry Plan" in [section.heading for section in article.sections]
    assert "Home News Sport" not in article.text
    assert "Cookie settings" not in article.text


def test_no_text_of_a_wall_page_is_lost() -> None:
    article = parse_text(WALL)
    decided = "".join(decision.text for decision in article.decisions)
    assert decided == WALL
    assert {decision.line for decision in article.decisions} == {1}


def test_explain_names_the_rule_that_cut_each_piece() -> None:
    details = {decision.detail for decision in parse_text(WALL).decisions}
    for rule in ("wall-title-repeat", "wall-byline", "wall-sentence", "wall-heading"):
        assert f"split from a wall line by {rule}" in details


def test_a_date_in_a_header_run_is_a_piece_of_its_own() -> None:
    line = "Home News Sport Weather March 12, 2024 The council voted on Tuesday to close the bridge."
    pieces = [(piece.strip(), rule) for piece, rule in split_wall(line)]
    assert ("March 12, 2024", "wall-date") in pieces


@pytest.mark.parametrize(
    ("text", "kept_whole"),
    [
        ("Die Sitzung am 3. Februar 2022 begann spät.", "am 3. Februar 2022"),
        ("The paper by Dr. Vahid Osman was read aloud.", "Dr. Vahid Osman"),
        ("Prices rose across the U.S. (2025) as well.", "U.S. (2025)"),
    ],
)
def test_no_sentence_cut_after_an_ordinal_or_abbreviation(text: str, kept_whole: str) -> None:
    assert any(kept_whole in piece for piece, _ in split_wall(text))


def test_a_headline_repeating_only_part_of_the_title_is_cut_before_not_inside() -> None:
    line = (
        "Seven Trends to Watch in 2024 About Services Contact Seven Trends to Watch in 2025 "
        "Look out for these trends in the coming year. " + " ".join(_PARAGRAPHS)
    )
    pieces = [piece.strip() for piece, _ in split_wall(line)]
    assert "Seven Trends to Watch in 2025" in pieces


def test_a_page_of_ordinary_lines_is_not_a_wall() -> None:
    page = "\n\n".join([TITLE, *_PARAGRAPHS, *_SECOND])
    units, _ = read_units(page)
    assert all(unit.cut is None for unit in units)


def _pieces(line: str) -> list[str]:
    return [piece.strip() for piece, _ in split_wall(line)]


def test_a_date_written_in_another_language_is_cut_out_of_a_header_run() -> None:
    line = (
        "Dresden Kultur Service Polizeibericht 31. Oktober 2023 Suche nach: Startseite Kultur Die Ausstellung öffnet."
    )
    assert "31. Oktober 2023" in _pieces(line)


def test_a_date_label_and_weekday_stay_on_the_date_piece() -> None:
    line = (
        "Datenschutz Kontakt Impressum Veröffentlicht am 10. Februar 2019 9. Februar 2019 von Heiko Laufen im Winter "
        "Subscribe Login 38°F Thursday, November 9th 2023 E-Edition Local News"
    )
    pieces = _pieces(line)
    assert "Veröffentlicht am 10. Februar 2019" in pieces
    assert "9. Februar 2019" in pieces
    assert "Thursday, November 9th 2023" in pieces


# The masthead shows today's date between the <title> and the headline; the article's own date is below the headline.
MASTHEAD_WALL = " ".join(
    [
        f"{TITLE} - The Harbour Gazette",
        "October 12, 2024",
        "Home News Sport Weather Business Culture Contact",
        TITLE,
        "By Maria Jensen",
        "March 12, 2024",
        *(_PARAGRAPHS * 3),
        *(_SECOND * 3),
        "Related Posts New playground opens in the old town Market hall gets a new roof",
    ]
)


def test_a_wall_page_takes_the_date_below_its_headline_not_the_mastheads() -> None:
    article = parse_text(MASTHEAD_WALL)
    assert article.title == TITLE
    assert article.published == "2024-03-12"
    rules = {decision.rule for decision in article.decisions if decision.label == "date"}
    assert "date-line" in rules


def test_a_wall_page_reads_the_published_label_beside_its_date() -> None:
    wall = MASTHEAD_WALL.replace("By Maria Jensen March 12, 2024", "Published: March 12, 2024 Updated: March 14, 2024")
    article = parse_text(wall)
    assert article.published == "2024-03-12"
    assert article.updated == "2024-03-14"
