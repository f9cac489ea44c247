"""bench/heading_loss.py: every missed gold heading traced to the unit holding it, on a small realistic dump."""

# ruff: noqa: E501

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.heading_loss import DocLoss, measure, parse, show

PAGE = """Home
News
Sport
Weather
Contact

How the city rebuilt its harbour

The harbour was rebuilt over ten years by the city council, which raised the money from a port tax and from the sale of the old warehouses along the quay.

Work started in the spring, when the first barges arrived with stone from the northern quarries, and the old piers were taken down one by one by the crews.

The new quays

The new quays are twice as long as the old piers, and the largest cargo ships of the northern routes can now dock at them in every season of the year.

Our partners

The work was paid for with the help of three banks and the regional government, which gave the city a loan at a low rate for thirty years.

The money
The council raised most of the money from a tax on every ship that docked, and the rest from the sale of the old warehouses to a developer from the capital.

What comes next Next year the city will open a ferry line to the islands, and the old customs house will become a museum of the port and its trade over the centuries.

Related stories
Share this
"""
GOLD_HEADINGS = ["The new quays", "Weather", "The money", "What comes next", "Where the stone came from"]
GOLD = {"headings": GOLD_HEADINGS, "visible": {"headings": [True] * len(GOLD_HEADINGS)}}


@pytest.fixture(scope="module")
def loss() -> DocLoss:
    return measure("wcxb/test", "bs4-lines", parse(PAGE), GOLD)


def test_each_missed_heading_is_traced_to_the_unit_holding_it(loss: DocLoss) -> None:
    assert loss.parsed is not None
    assert "The new quays" in loss.parsed.headings
    found = {m.heading: (m.kind, m.detail) for m in loss.misses}
    assert found == {
        # a menu item the page's edges removed with the menu run
        "Weather": ("removed:navigation-menu:outside", "open/short"),
        # its own line, kept as a paragraph: blank line above, prose below
        "The money": ("kept:paragraph:main-text", "blank/prose"),
        # run into the start of its paragraph: the detail is that unit's rule
        "What comes next": ("glued:start:paragraph", "main-text"),
        "Where the stone came from": ("absent", ""),
    }


def test_false_headings_by_rule_and_oracle_gain(loss: DocLoss) -> None:
    assert [f.rule for f in loss.false] == ["short-line-before-text"]
    assert loss.emitted == {"short-line-before-text": 2}
    # One gold heading of five found, one false of two output: P .5, R .2.
    assert loss.f1 == pytest.approx(2 * 0.5 * 0.2 / 0.7)
    # Finding the glued heading too: P 2/3, R 2/5.
    assert loss.oracle["glued:start:paragraph"] == pytest.approx(0.5 - loss.f1)


def test_show_prints_the_misses_of_a_class_or_the_false_headings_of_a_rule(
    loss: DocLoss, capsys: pytest.CaptureFixture[str]
) -> None:
    show([loss], "kept:paragraph", "blank/prose", 10)
    out = capsys.readouterr().out
    assert "gold 'The money'" in out and ">>^" in out
    show([loss], "kept:paragraph", "open/", 10)
    assert capsys.readouterr().out == ""
    show([loss], "fp:short-line-before-text", None, 10)
    out = capsys.readouterr().out
    assert "false heading by short-line-before-text" in out and "Our partners" in out


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # the gold keeps the line as text of its own, not as a heading
        ("The harbour was rebuilt over ten years.\nOur partners\nThe work was paid for.", "own-line"),
        # the gold runs it into a longer line
        ("Work started in the spring. Our partners paid for it.", "in-line"),
        # not in the gold body, which ends before it (a widget after the article)
        (
            "The harbour was rebuilt over ten years by the city council, which raised the money from a port tax and "
            "from the sale of the old warehouses along the quay.",
            "after",
        ),
        # not in the gold body, whose text sits on both sides of it (a widget inside the article)
        (
            "The harbour was rebuilt over ten years by the city council, which raised the money from a port tax and "
            "from the sale of the old warehouses along the quay.\nThe council raised most of the money from a tax on "
            "every ship that docked, and the rest from the sale of the old warehouses to a developer from the capital.",
            "inside",
        ),
        # no text of the gold body in the dump
        ("Nothing of this page.", "before"),
    ],
)
def test_false_headings_are_placed_against_the_gold_body(body: str, place: str) -> None:
    loss = measure("wcxb/test", "bs4-lines", parse(PAGE), {**GOLD, "body": body})
    assert [f.place for f in loss.false] == [place]
    # Dropping it: one gold heading of one output, R .2.
    assert loss.false_oracle == {place: pytest.approx(2 * 1.0 * 0.2 / 1.2 - loss.f1)}
