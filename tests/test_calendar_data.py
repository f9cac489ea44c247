"""The stored CLDR calendar names (data/calendar.txt, written by bench/make_calendar.py) that records.dates reads
instead of loading babel's locale data: the same names, in the same order, as babel gives."""

from __future__ import annotations

import sys

import pytest

from articlecli.records import dates
from bench.make_calendar import TARGET, calendar_text


def test_the_stored_file_is_what_babel_gives_now():
    # Fails after a babel upgrade that changed CLDR's names: run `python bench/make_calendar.py`.
    assert TARGET.read_text(encoding="utf-8") == calendar_text()


@pytest.mark.parametrize("language", ["de", "fr", "pl", "ru", "ja", "en"])
def test_a_stored_language_reads_as_babel_reads_it(language):
    stored = dates.stored_calendar(language)
    assert stored is not None
    assert stored == dates.babel_calendar(language)
    assert (1, "January") in dates.stored_calendar("en")["months"]


def test_a_language_the_file_lacks_is_read_from_babel():
    # 'iw' (Hebrew's old code) is no locale identifier of its own: babel reads it through its aliases.
    assert dates.stored_calendar("iw") is None
    assert dates.stored_calendar("xx") is None
    assert dates.babel_calendar("xx") is None


def test_word_dates_need_no_babel(monkeypatch):
    # Without babel importable, the stored names still read a German and a French date.
    monkeypatch.setitem(sys.modules, "babel", None)
    dates._month_names.cache_clear()
    dates._word_date_patterns.cache_clear()
    try:
        assert [d.value for d in dates.find_dates("Berlin, 17. März 2014", "de")] == ["2014-03-17"]
        assert [d.value for d in dates.find_dates("Publié le 3 février 2021", "fr")] == ["2021-02-03"]
        assert dates.is_weekday("Dienstag,", ("de", "en"))
    finally:
        dates._month_names.cache_clear()
        dates._word_date_patterns.cache_clear()
