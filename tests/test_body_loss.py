"""bench/body_loss.py: a page's lost body words put in one class, on small realistic dumps."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.body_loss import classify, table

ARTICLE = (
    "The harbour was rebuilt over ten years by the city council, which raised the money from a port tax and "
    "from the sale of the old warehouses along the quay.",
    "Work started in the spring, when the first barges arrived with stone from the northern quarries, and the "
    "old piers were taken down one by one by the crews.",
    "The new quays are twice as long as the old piers, and the largest cargo ships of the northern routes can "
    "now dock at them in every season of the year.",
)
# Prose under the article that the run takes in and the gold leaves out: a site pitch.
PITCH = (
    "Our team of harbour engineers has built more than forty ports on three continents, and we would love to "
    "hear about your project and help you plan it from the first sketch.",
)
MENU = ("Home", "News", "Projects", "Contact")


def page(*paragraphs: str) -> str:
    return "\n\n".join([*MENU, "How the city rebuilt its harbour", *paragraphs]) + "\n"


def test_prose_kept_after_the_gold_is_too_wide_after():
    loss = classify("wcxb/t1", "bs4-lines", page(*ARTICLE, *PITCH), {"body": "\n".join(ARTICLE)}, "en")
    assert loss is not None
    assert loss.kind == "too-wide:after"
    assert [text for _, _, _, text in loss.leaked] == list(PITCH)
    assert 0.8 < loss.f1 < 0.9


def test_a_gold_the_dump_does_not_hold_is_not_in_dump():
    gold = {"body": "A forum post the page loads with JavaScript, so no text dump of it holds a single word of it."}
    loss = classify("wcxb/t2", "markdown", page(*ARTICLE), gold, "en")
    assert loss is not None and loss.kind == "gold-not-in-dump"


def test_no_gold_body_no_class_and_the_table_adds_up():
    assert classify("trafilatura-eval/t3", "markdown", page(*ARTICLE), {"with": ["harbour"]}, "de") is None
    exact = classify("wcxb/t4", "inscriptis", page(*ARTICLE), {"body": "\n".join(ARTICLE)}, "en")
    wide = classify("wcxb/t1", "bs4-lines", page(*ARTICLE, *PITCH), {"body": "\n".join(ARTICLE)}, "en")
    assert exact is not None and exact.kind == "small" and exact.f1 == 1.0
    assert wide is not None
    lines = table([exact, wide]).splitlines()
    assert lines[-1].startswith("all") and f"{(1 - wide.f1) / 2:.4f}" in lines[-1]
