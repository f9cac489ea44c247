"""Bylines a dump ran onto the headline, and names left with a piece of the next field on them.

Rules `byline-after-headline` (header/headline_bylines.py), `name-tail-at-page-name` and
`byline-glued-repeat` (header/glued_names.py)."""

from __future__ import annotations

import pytest

from articlecli import parse_text
from articlecli.frontends.unit import Unit
from articlecli.header.glued_names import cut_tail_at_page_name, drop_glued_repeats
from articlecli.header.headline_bylines import headline_and_byline
from articlecli.records.lexicon import load_lexicon

EN = load_lexicon(("en",))
DE = load_lexicon(("de",))

BODY_DE = (
    "Wenige Umfragen sind in den vergangenen Jahren wohl so häufig zitiert worden wie die, wonach fast die Hälfte "
    "der Menschen angibt, dass man in Deutschland seine Meinung nicht frei sagen könne, sondern vorsichtig sein "
    "müsse.\n"
    "In der Art, wie diese Umfrage des Instituts aus dem Jahr 2021 interpretiert und instrumentalisiert wird, geht "
    "dabei regelmäßig unter, worum es den Befragten eigentlich ging, und das ist mehr als eine Randnotiz wert.\n"
    "Das hat eine lange Tradition: Schon 1996 wurde das Thema von mehr als der Hälfte der Befragten als heikel in "
    "einer Unterhaltung genannt, und daran hat sich seitdem wenig geändert, wie neuere Zahlen zeigen.\n"
)

BODY_EN = (
    "Some exciting news about this year's conference for all you potential speakers out there: we are shaking "
    "things up, and the call for proposals is open to everyone who has a story to tell about their work.\n"
    "We are passionate about bringing in fresh stories about how these methods are being practiced in startups "
    "and established companies, nonprofits and governments, and we want to hear from you before the deadline.\n"
    "Send us a short description of your talk and a few lines about yourself, and the programme committee will "
    "get back to every applicant within four weeks of the closing date of the call.\n"
)


@pytest.mark.parametrize(
    ("line", "lexicon", "expected"),
    [
        (
            "Gute Tabus, schlechte Tabus: Die vertauschten Rollen von Stefan Niggemeier",
            DE,
            ("Gute Tabus, schlechte Tabus: Die vertauschten Rollen", ["Stefan Niggemeier"]),
        ),
        (
            "Saftiger Zitronenkuchen vom Blech: einfach köstlich!von Kathrin",
            DE,
            ("Saftiger Zitronenkuchen vom Blech: einfach köstlich!", ["Kathrin"]),
        ),
        (
            "Lean Startup Week Call for Proposals is Open by Eric Ries",
            EN,
            ("Lean Startup Week Call for Proposals is Open", ["Eric Ries"]),
        ),
        # 'von' inside the name introduces none: the byline word before it does.
        (
            "Eine Rede zur Zukunft Europas von Ursula von der Leyen",
            DE,
            ("Eine Rede zur Zukunft Europas", ["Ursula von der Leyen"]),
        ),
        ("Was zum hören in den Ferien von zahlenzauberin", DE, ("Was zum hören in den Ferien", ["zahlenzauberin"])),
    ],
)
def test_a_headline_with_its_byline_run_on_is_split(line, lexicon, expected):
    assert headline_and_byline(line, lexicon) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Photo taken at the harbour by John Smith",  # a credit, not a byline
        "Sort by Price",  # a menu: no headline before the byline word
        "The new tax rules were described in detail by Jane Doe.",  # prose: the name does not end the line
        "Published by Jane Doe and the whole editorial team today",  # more after the names
    ],
)
def test_lines_that_are_no_headline_with_a_byline(line):
    assert headline_and_byline(line, EN) is None


def test_the_headline_below_the_title_names_its_author():
    page = (
        "„Heikles“ Thema\n"
        "3. November 2023\n"
        "Gute Tabus, schlechte Tabus: Die vertauschten Rollen in der Debatte über Israel\n"
        "von\n"
        "Stefan Niggemeier\n\n" + BODY_DE
    )
    assert parse_text(page).authors == ("Stefan Niggemeier",)


def test_the_headline_the_page_also_shows_alone_names_its_author():
    page = (
        "Startup Lessons Learned\n\nLogin\n\nSubscribe\n\nPosts\n\n"
        "Lean Startup Week Call for Proposals is Open Until July 31 by Eric Ries\n\n"
        "View it in your browser.\n\n"
        "Lean Startup Week Call for Proposals is Open Until July 31\n"
        "Jul 21, 2017 02:19 pm\n\n" + BODY_EN
    )
    assert parse_text(page).authors == ("Eric Ries",)


def test_a_title_that_names_its_subject_gives_no_author():
    # 'von Windenergieanlagen' is a noun, 'Abschied von Angela Merkel' the article's subject.
    for title in ("Forschung zum Bau von Windenergieanlagen", "Ein langer Abschied von Angela Merkel"):
        page = f"{title}\n\n" + BODY_DE
        assert parse_text(page).authors == ()


def _unit(text: str) -> Unit:
    return Unit(index=0, lines=(1,), raw=(text,), text=text)


def test_a_glued_lowercase_word_is_cut_where_the_page_shows_the_name_alone():
    units = [_unit("Dan Pantelo")]
    assert cut_tail_at_page_name("Dan Panteloaverage", units) == "Dan Pantelo"
    # Without the page's own copy of the name nothing is cut ('Martin' ends with a word too).
    assert cut_tail_at_page_name("Kevin Martin", [_unit("Kevin Mart")]) == "Kevin Martin"
    assert cut_tail_at_page_name("Dan Panteloaverage", []) == "Dan Panteloaverage"


def test_a_byline_printed_twice_and_glued_is_read_once():
    names = ["Claire Wilson", "COOBy Claire Wilson", "Published"]
    assert drop_glued_repeats(names, EN) == ["Claire Wilson"]
    # Two different authors stay.
    assert drop_glued_repeats(["Claire Wilson", "Jane Doe"], EN) == ["Claire Wilson", "Jane Doe"]


def test_the_glued_byline_of_a_page_reads_one_name():
    page = (
        "Industry Insights\n"
        "Top 39 Electrical Construction Companies in 2025\n"
        "By Claire Wilson, Co-Founder & COOBy Claire Wilson, Published Apr 26, 2023\n"
        "Updated Aug 21, 2025\n\n" + BODY_EN
    )
    assert parse_text(page).authors == ("Claire Wilson",)


def test_a_sentence_ending_in_von_and_a_noun_is_no_byline():
    # A cookie notice of a space-joined page: the 'name' ends with a particle and a full stop.
    assert (
        headline_and_byline("Durch Nutzung unserer Dienste stimmen Sie unserer Verwendung von Cookies zu.", DE) is None
    )
    assert headline_and_byline("Die Seite nutzt die Hilfe von Cookies zu", DE) is None
