"""Language identification: the article's paragraphs decide, not the page's longest block."""

from __future__ import annotations

from articlecli import parse_text
from articlecli.records.language import detect_language_by_vote

ENGLISH_ARTICLE = """\
How the city rebuilt its tram network in five years

The first line reopened in spring, two years after the old depot closed for good.
Engineers had to replace almost every switch on the network, and the council paid for it with a bond.

Ridership has grown by a third since then, and the buses that replaced the trams are gone.
Most passengers say the new cars are quieter and arrive on time far more often than before.

The last section, along the river, is due to open next year if the bridge repairs stay on schedule.

"""
GERMAN_FOOTER = (
    "Impressum: Diese Website wird von der Stadtverwaltung betrieben. Alle Inhalte sind "
    "urheberrechtlich geschützt und dürfen ohne vorherige schriftliche Zustimmung weder "
    "vervielfältigt noch verbreitet oder öffentlich zugänglich gemacht werden. Für die Inhalte "
    "externer Links übernehmen wir keine Haftung, da wir uns diese Inhalte nicht zu eigen "
    "machen und sie regelmäßig nicht überprüfen können."
)


def test_english_article_under_a_long_german_footer_is_english() -> None:
    assert parse_text(ENGLISH_ARTICLE + GERMAN_FOOTER + "\n").language == "en"


def test_vote_is_none_without_enough_text() -> None:
    assert detect_language_by_vote(["Home", "News", "Login"]) is None


def test_vote_follows_the_majority_of_blocks() -> None:
    blocks = [
        "Der Gemeinderat hat am Dienstag beschlossen, die Straßenbahn bis zum Bahnhof zu verlängern.",
        "Die Arbeiten sollen im Frühjahr beginnen und etwa zwei Jahre dauern, sagte der Bürgermeister.",
        "Share this article with your friends and follow us for more updates.",
    ]
    assert detect_language_by_vote(blocks) == "de"
