"""The unit records table: one record per unit, page-level facts, lazy fields computed once."""

from __future__ import annotations

from articlecli.frontends.text import read_units
from articlecli.records.lexicon import lexicon_for, stopwords
from articlecli.records.record import RecordTable, build_records

PAGE = """Home > News > Politics

Council approves the new harbour bridge

By Jane Doe | 03/04/2024

Share on Facebook

The city council voted on Tuesday to approve the new harbour bridge, ending a debate that has lasted for years.
Construction is expected to start in the spring, and the bridge should open to traffic two years later.

Other pages of the site write dates day first: 25/12/2023 was the last open day.

Share on Facebook
"""


def _table(text: str = PAGE, language: str = "en") -> tuple[list, RecordTable]:
    units, _ = read_units(text)
    return units, build_records(units, lexicon_for(language), stopwords(language), language)


def test_one_record_per_unit_in_unit_order():
    units, table = _table()
    assert len(table) == len(units)
    assert [record.position for record in table] == list(range(len(units)))


def test_eager_fields_describe_the_text():
    units, table = _table()
    share = next(i for i, u in enumerate(units) if u.text == "Share on Facebook")
    assert table[share].boilerplate == "share"
    assert table[share].key == "share on facebook"
    prose = next(i for i, u in enumerate(units) if u.text.startswith("The city council"))
    assert table[prose].words == 20 and table[prose].sentence_end and table[prose].stopword_share > 0.2
    assert table[prose].boilerplate is None


def test_repeats_count_identical_lines_on_the_page():
    units, table = _table()
    assert [table[i].repeats for i, u in enumerate(units) if u.text == "Share on Facebook"] == [2, 2]
    assert table[0].repeats == 1


def test_dates_follow_the_pages_numeric_order():
    # 25/12/2023 can only be day-first, so the page's ambiguous 03/04/2024 is 3 April, not March 4.
    units, table = _table()
    assert table.month_first is False
    byline = next(i for i, u in enumerate(units) if u.text.startswith("By Jane"))
    found = table.dates(byline)
    assert [item.value for item in found] == ["2024-04-03"]
    assert units[byline].text[found[0].start : found[0].end] == "03/04/2024"
    assert table.dates(0) == []


def test_lazy_fields_are_kept_once_computed(monkeypatch):
    from articlecli.records import record

    units, table = _table()
    byline = next(i for i, u in enumerate(units) if u.text.startswith("By Jane"))
    calls = []

    def counted(text, lexicon):
        calls.append(text)
        return real(text, lexicon)

    real = record.byline_names
    monkeypatch.setattr(record, "byline_names", counted)
    assert table.byline_names(byline) == ["Jane Doe"]
    assert table.byline_names(byline) == ["Jane Doe"]
    assert table.byline_names(0) is None
    assert table.byline_names(0) is None
    assert calls == [units[byline].text, units[0].text]
    # The caller's list is its own: changing it does not change what the table keeps.
    table.byline_names(byline).append("Someone Else")
    assert table.byline_names(byline) == ["Jane Doe"]


def test_shape_counts_character_classes_and_layout():
    units, table = _table()
    byline = next(i for i, u in enumerate(units) if u.text.startswith("By Jane"))
    shape = table.shape(byline)
    assert (shape.chars, shape.capitals, shape.digits, shape.final) == (len("By Jane Doe | 03/04/2024"), 3, 8, "4")
    assert shape.blank_before and shape.blank_after


def test_phrases_list_every_category_matched():
    units, table = _table()
    share = next(i for i, u in enumerate(units) if u.text == "Share on Facebook")
    assert ("share", "share on facebook") in table.phrases(share)
    byline = next(i for i, u in enumerate(units) if u.text.startswith("By Jane"))
    assert ("byline-prefix", "by") in table.phrases(byline)


def test_name_likeness():
    _units, table = _table("Jane Doe\n\nThe council voted on the bridge today, after a long debate in the town hall.\n")
    assert table.name_like(0)
    assert not table.name_like(1)


def test_words_of_unspaced_cjk_text_count_by_characters():
    _units, table = _table("東京都は新しい橋の建設を承認しました\n\nÜber die neue Brücke über den Fluss\n", "ja")
    # 18 CJK characters and no spaces: 9 words; accented Latin text counts its spaced words.
    assert table[0].words == 9
    assert table[1].words == 7


def test_opening_key_of_a_label_is_its_key_and_of_a_long_line_its_first_words():
    greeting = "Hallo, ich bin Anna, Foodbloggerin und Backbuchautorin, " + " ".join(["und ich backe gern"] * 12) + "."
    units, table = _table(PAGE + "\n" + greeting + "\n", "de")
    share = next(i for i, u in enumerate(units) if u.text == "Share on Facebook")
    assert table.opening_key(share) == table[share].key == "share on facebook"
    long_line = next(i for i, u in enumerate(units) if u.text == greeting)
    # Longer than a label: no key of its own, but the opening words read as one (casefolded, ends trimmed).
    assert table[long_line].key == ""
    opening = table.opening_key(long_line)
    assert opening.startswith("hallo, ich bin anna, foodbloggerin und backbuchautorin, und ich backe gern")
    assert len(opening.split()) == 40
    assert table.opening_key(long_line) is opening


def test_two_digit_lines_list_every_unit_that_can_hold_a_date():
    page = """Posted in Travel | 5 comments

A weekend on the coast

Published: 12 March 2024

Page 3 of 9

The ferry leaves at 7:45 from pier 2, and the trip takes about ninety minutes.
"""
    units, table = _table(page)
    lines = table.two_digit_lines()
    assert [units[i].text for i in lines] == ["Published: 12 March 2024", units[-1].text]
    # Every unit with a date is listed (the page-wide date searches walk only these).
    assert {i for i in range(len(units)) if table.dates(i)} <= set(lines)
    assert table.two_digit_lines() is lines
