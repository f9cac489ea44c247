"""A metadata line is read whole: each piece of a date line or of the <title> line goes to its field
(date, authors, categories, title) or to `removed` with a reason (header/line_rest.py)."""

from __future__ import annotations

import pytest

from articlecli import parse_text

EN = (
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after "
    "engineers warned that the structure could no longer carry heavy traffic safely and repairs were due."
)
DE = (
    "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke ab dem nächsten Frühjahr für Autos zu "
    "sperren, nachdem Ingenieure vor der maroden Konstruktion gewarnt hatten und die Reparatur teuer wird."
)
ZH = "市议会周二投票决定从明年春天起禁止汽车通行旧港口大桥，因为工程师警告说该结构已无法安全承载重型交通。"


def page(title: str, meta: str, paragraph: str) -> str:
    return f"{title}\n\n{meta}\n\n{paragraph}\n\n{paragraph}\n"


def removed_pieces(article, line: int) -> dict[str, str]:
    return {item.text: item.reason for item in article.removed if item.line == line}


def test_byline_and_categories_after_the_date():
    article = parse_text(page("Harbour bridge to close", "March 3, 2024 by Jane Smith in Oceans, Biology", EN))
    assert article.published == "2024-03-03"
    assert article.authors == ("Jane Smith",)
    assert article.categories == ("Oceans", "Biology")
    assert removed_pieces(article, 3) == {}


def test_date_label_and_clock_time_belong_to_the_date_and_the_byline_to_the_authors():
    article = parse_text(page("Hafenbrücke wird gesperrt", "Stand: 14.12.2024 10:00 Uhr | Von Anna Müller, NDR", DE))
    assert article.published == "2024-12-14"
    assert any("Anna Müller" in author for author in article.authors)
    assert article.categories == ()
    assert removed_pieces(article, 3) == {}


def test_text_beside_a_date_without_a_field_is_removed_with_a_reason():
    article = parse_text(page("港口大桥将关闭", "2024年3月12日 作者：李明", ZH))
    assert article.published == "2024-03-12"
    assert removed_pieces(article, 3) == {"作者：李明": "date-line-text"}


def test_section_and_headline_beside_a_date():
    article = parse_text(page("Stadtrat Hamburg", "12.03.2024 | Politik | Stadtrat beschließt neue Radwege", DE))
    placed = " ".join([article.title or "", *article.categories, *removed_pieces(article, 3)])
    assert "Politik" in placed
    assert "Stadtrat beschließt neue Radwege" in placed


@pytest.mark.parametrize(
    "line,title,site",
    [
        ("Bridge closes to cars | Harbour Gazette", "Bridge closes to cars", "Harbour Gazette"),
        ("Bridge closes to cars - News - Harbour Gazette", "Bridge closes to cars", "News - Harbour Gazette"),
    ],
)
def test_the_site_name_cut_off_the_page_title_is_reported(line, title, site):
    article = parse_text(page(line, "By Jane Smith", EN).replace("close the old harbour bridge", "close the bridge"))
    assert article.title == title
    assert removed_pieces(article, 1) == {site: "site-name"}
