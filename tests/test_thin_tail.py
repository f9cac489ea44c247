"""The main-text run's end: a gap of page chrome after which little prose is left (labeller/content.py)."""

from __future__ import annotations

from scrapes import BODIES, TITLES
from test_debris import MORE_EN

from articlecli import parse_text

# The article's topic links under it, written as Markdown links: link rows cost, short lines do not. No phrase
# of the widget lists, so only the run's shape can end the article here.
SHARE_ROWS = (
    "[Harbour](https://example.org/topics/harbour)",
    "[Bridges and tunnels](https://example.org/topics/bridges-and-tunnels)",
    "[City council](https://example.org/topics/city-council)",
    "[Traffic](https://example.org/topics/traffic)",
)
# A teaser's standfirst below them: prose, so the maximum-sum run takes it in.
TEASER = (
    "Plans for a second ferry line between the two banks were presented to the council on Monday evening, "
    "with a first boat expected to sail before the end of the year."
)


def page(*blocks: str) -> str:
    return "\n\n".join([TITLES["en"], *blocks]) + "\n"


def paragraphs(article) -> list[str]:
    return [p for s in article.sections for p in s.paragraphs]


def test_a_teaser_below_the_share_rows_is_cut_off():
    article = parse_text(page(*BODIES["en"], *MORE_EN, *SHARE_ROWS, TEASER))
    assert paragraphs(article) == [*BODIES["en"], *MORE_EN]
    assert [r.reason for r in article.removed if r.text == TEASER] == ["after-thin-tail"]


def test_a_long_section_after_the_links_is_the_article():
    # The same rows between two halves of the article: what follows is no thin tail.
    article = parse_text(page(*BODIES["en"], *SHARE_ROWS, *MORE_EN, TEASER))
    assert paragraphs(article) == [*BODIES["en"], *MORE_EN, TEASER]


def test_a_code_block_of_short_lines_does_not_end_the_article():
    # Short lines cost little and do not count as chrome: the paragraph after a long listing stays.
    listing = "\n\n".join(f"    git checkout -b branch-{n}" for n in range(30))
    article = parse_text(page(*BODIES["en"], *MORE_EN, listing, TEASER))
    assert TEASER in paragraphs(article)


# A service page's footer: a menu of link rows, some of them footer phrases ("About us"), then a sign-up pitch
# of more prose than a thin tail holds (a third of the article's): the page's template rather than its text.
FOOTER_MENU = (
    "Company",
    *(f"[{name}](https://example.org/{name.lower().replace(' ', '-')})" for name in (
        "About us", "Careers", "Press room", "Contact", "Locations", "Partners", "Investors", "Help centre",
    )),
)  # fmt: skip
PITCH = (
    "Join more than two thousand local businesses that already plan their deliveries with us and save hours "
    "every single week on the phone with their drivers and suppliers.",
    "Sign up today and get your first month free, with no credit card needed and a personal onboarding call "
    "with one of our friendly product specialists.",
)


def test_a_pitch_below_a_footer_menu_is_cut_off():
    article = parse_text(page(*BODIES["en"], *MORE_EN, *FOOTER_MENU, *PITCH))
    assert paragraphs(article) == [*BODIES["en"], *MORE_EN]
    assert {r.reason for r in article.removed if r.text in PITCH} == {"after-thin-tail"}


def test_prose_after_a_few_link_rows_is_still_the_article():
    # Three topic links between the halves of an article: a short gap, the pitch-sized text below it stays.
    article = parse_text(page(*BODIES["en"], *MORE_EN, *SHARE_ROWS[:3], *PITCH))
    assert paragraphs(article) == [*BODIES["en"], *MORE_EN, *PITCH]
