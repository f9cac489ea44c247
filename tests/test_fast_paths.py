"""The speed shortcuts give the same answers as the plain forms they replace."""

from __future__ import annotations

import random
import re
import unicodedata

from articlecli.header.bylines import _by_distance
from articlecli.records.dates import _DMY, _DMY_SCAN, _fold, numeric_order
from articlecli.records.lexicon import lexicon_for, line_key


def test_by_distance_is_the_sorted_order() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        count, start = rng.randint(0, 30), rng.randint(-5, 40)
        assert _by_distance(start, count) == sorted(range(count), key=lambda i: (abs(i - start), i))


def test_fold_matches_the_generator_form() -> None:
    for text in ("Ärger über März 2020", "Straße", "İstanbul", "ﬁle", "café", "12. Dezember 2024"):
        plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
        assert _fold(text) == plain


def test_dmy_scan_finds_what_dmy_finds() -> None:
    lines = ["Posted 13/04/2020, updated 1.2.2021", "v1.2.2021", "12.05.20", "3-4-2019 and 04/13/2020", "x"]
    joined = "\n".join(lines)
    assert [m.span() for m in _DMY_SCAN.finditer(joined)] == [m.span() for m in _DMY.finditer(joined)]
    assert numeric_order(["13/04/2020", "Home"]) is False
    assert numeric_order(["04/13/2020"]) is True
    assert numeric_order(["03/10/2023", "- 3 October 2023"], "en") is False
    assert numeric_order(["03/10/2023", "Home"], "en") is None


def test_phrase_shortcuts_keep_their_answers() -> None:
    lexicon = lexicon_for("de")
    byline = lexicon.phrases("byline-prefix")
    assert byline.leading_phrase(line_key("Von Jane Doe")) == "von"
    assert byline.leading_phrase(line_key("Vonnegut wrote")) is None
    assert lexicon.boilerplate_category(line_key("Share on Facebook")) == "share"
    assert lexicon.boilerplate_category(line_key("Share prices tumble")) is None
    assert lexicon.boilerplate_category(line_key("12 Kommentare")) == "comments"
    assert re.fullmatch(r"[a-z ]+", line_key("  Leave a   Reply: "))


def test_outside_urls_is_the_any_over_spans_form() -> None:
    from articlecli.records.dates import _URL, FoundDate, _outside_urls

    text = " ".join(
        f"https://x.com/2023/03/{day}/a 2023-03-{day:02d} [r](/2019/0{day % 9 + 1}/x) end" for day in range(1, 29)
    )
    # A candidate date at every position: inside and outside links, at span edges.
    found = [FoundDate("2023-03-01", position, position + 1) for position in range(len(text))]
    spans = [match.span() for match in _URL.finditer(text)]
    plain = [item for item in found if not any(start <= item.start < end for start, end in spans)]
    assert _outside_urls(text, found) == plain


def test_camel_words_walks_each_word_once_with_the_same_answer() -> None:
    from articlecli.frontends import text as units

    def plain_start(text: str, index: int, floor: int = 0) -> int:
        while index > 0 and text[index - 1].isalpha():
            index -= 1
        return index

    rng = random.Random(3)
    humps = ["Turbo", "Tax", "Mc", "Combs", "i", "Phone", "the", "Ultra", "aB", "Hive"]
    for _ in range(200):
        text = " ".join("".join(rng.choice(humps) for _ in range(rng.randint(1, 4))) for _ in range(30))
        joins = [m.start() for m in units._CASE_JOIN.finditer(text)]
        fast = units._camel_words(text, joins)
        original, units._word_start = units._word_start, plain_start
        try:
            assert units._camel_words(text, joins) == fast
        finally:
            units._word_start = original
