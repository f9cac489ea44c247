"""The aligner that labels each unit of a dev page from its gold (bench/align.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from scrapes import BODIES, TITLES

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articlecli.frontends.decoding import normalize_text
from articlecli.frontends.text import read_units
from bench.align import align

MENU = ["Home", "News", "Sport", "Subscribe to our newsletter", "Share on Facebook"]
FOOTER = ["© 2024 Harbour Times. All rights reserved.", "Privacy policy | Terms of use | Contact"]


def labelled(text: str, gold: dict) -> list[tuple[str, str | None]]:
    units, _ = read_units(normalize_text(text))
    return [(unit.text, label) for unit, label in zip(units, align(units, gold, "en"), strict=True)]


def label_of(pairs: list[tuple[str, str | None]], text: str) -> str | None:
    found = [label for unit, label in pairs if unit == text]
    assert found, f"no unit {text!r} in {pairs}"
    return found[0]


def en_page(*, heading: str = "What the engineers found") -> str:
    body = BODIES["en"]
    blocks = [
        *MENU,
        TITLES["en"],
        "By Jane Doe",
        "March 4, 2024",
        body[0],
        heading,
        body[1],
        body[2],
        "Wind and salt had worn the steel",
        *FOOTER,
    ]
    return "\n\n".join(blocks) + "\n"


def wcxb_gold(**extra: object) -> dict:
    body = BODIES["en"]
    gold = {
        "title": TITLES["en"],
        "authors": ["Jane Doe"],
        "published": "2024-03-04",
        "headings": ["What the engineers found"],
        "body": "\n".join([body[0], "What the engineers found", body[1], body[2]]),
    }
    gold.update(extra)
    return gold


def test_whole_body_gold_labels_title_byline_date_heading_body_and_boilerplate():
    pairs = labelled(en_page(), wcxb_gold())
    assert label_of(pairs, TITLES["en"]) == "title"
    assert label_of(pairs, "By Jane Doe") == "byline"
    assert label_of(pairs, "March 4, 2024") == "date"
    assert label_of(pairs, "What the engineers found") == "heading"
    for paragraph in BODIES["en"]:
        assert label_of(pairs, paragraph) == "body"
    for line in ["Subscribe to our newsletter", "Share on Facebook", *FOOTER]:
        assert label_of(pairs, line) == "boilerplate"


def test_short_menu_word_that_also_occurs_in_a_body_sentence_is_masked():
    # "News" is not in the body; "Sport" is a word of no gold line; "bridge" occurs inside a sentence.
    text = en_page().replace("Home", "bridge")
    pairs = labelled(text, wcxb_gold())
    assert label_of(pairs, "bridge") is None
    assert label_of(pairs, "News") == "boilerplate"


def test_long_unit_with_the_body_words_in_another_order_is_not_body():
    shuffled = " ".join(reversed(BODIES["en"][0].split()))
    pairs = labelled(en_page(heading=shuffled), wcxb_gold())
    assert label_of(pairs, shuffled) == "boilerplate"


def test_body_line_with_different_punctuation_is_still_body():
    body = BODIES["en"][1].replace(",", "").replace(".", " !")
    text = en_page().replace(BODIES["en"][1], body)
    pairs = labelled(text, wcxb_gold())
    assert label_of(pairs, body) == "body"


def test_snippet_gold_labels_only_what_the_snippets_settle():
    gold = {
        "title": TITLES["en"],
        "authors": None,
        "published": None,
        "headings": None,
        "body": None,
        "with": ["engineers warned that the structure could no longer carry heavy traffic"],
        "without": ["All rights reserved", "Share on Facebook"],
    }
    pairs = labelled(en_page(), gold)
    assert label_of(pairs, BODIES["en"][0]) == "body-any"
    assert label_of(pairs, FOOTER[0]) == "boilerplate"
    assert label_of(pairs, "Share on Facebook") == "boilerplate"
    # Nothing settles the other paragraphs, the heading or the menu: masked, not guessed.
    for line in [BODIES["en"][1], "What the engineers found", "News", FOOTER[1]]:
        assert label_of(pairs, line) is None
    assert label_of(pairs, TITLES["en"]) == "title"


@pytest.mark.parametrize("line", ["* * *", "—", "|"])
def test_units_without_text_are_masked(line):
    pairs = labelled(en_page().replace("News", line), wcxb_gold())
    units, _ = read_units(normalize_text(line + "\n"))
    assert label_of(pairs, units[0].text) is None


def test_author_name_inside_a_long_sentence_is_not_a_byline():
    sentence = "Jane Doe, who has covered the harbour for a decade, said the council had few other choices left."
    pairs = labelled(en_page().replace("Sport", sentence), wcxb_gold())
    assert label_of(pairs, sentence) == "boilerplate"
