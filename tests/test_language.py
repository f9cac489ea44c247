"""Language identification: the article's paragraphs decide, not the page's longest block."""

from __future__ import annotations

import pytest

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


def _full_vote(blocks: list[str]) -> str | None:
    """The vote asking every block (what detect_language_by_vote answered before it learned to stop early)."""
    from articlecli.records import language

    votes: dict[str, float] = {}
    for block in blocks:
        sample = " ".join(block[: language.VOTE_MAX_CHARS].split())
        if len(sample) < language.VOTE_MIN_CHARS:
            continue
        labels, scores = language._model().predict(sample, k=1)
        code = str(labels[0]).removeprefix("__label__")
        votes[code] = votes.get(code, 0.0) + len(sample) * float(scores[0])
    total = sum(votes.values())
    if not total:
        return language.detect_language(" ".join(blocks))
    winner = max(sorted(votes), key=votes.__getitem__)
    if votes[winner] < language.VOTE_MIN_SHARE * total:
        return language.detect_language(" ".join(blocks))
    return winner


ENGLISH_BLOCKS = [line for line in ENGLISH_ARTICLE.splitlines() if line.strip()]
GERMAN_BLOCKS = [sentence + "." for sentence in GERMAN_FOOTER.split(". ") if sentence]


def test_early_stop_answers_as_the_full_vote() -> None:
    # Longest first, as the pipeline orders them: a clear majority, a split page, a late minority.
    for blocks in (
        ENGLISH_BLOCKS,
        GERMAN_BLOCKS + ENGLISH_BLOCKS,
        ENGLISH_BLOCKS[:2] + GERMAN_BLOCKS,
        ENGLISH_BLOCKS[:1] + GERMAN_BLOCKS[:1] + ENGLISH_BLOCKS[1:2] + GERMAN_BLOCKS[1:2],
    ):
        ordered = sorted(blocks, key=len, reverse=True)
        assert detect_language_by_vote(ordered) == _full_vote(ordered)


def test_vote_stops_once_the_rest_cannot_change_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from articlecli.records import language

    asked: list[str] = []
    model = language._model()

    class Counting:
        def predict(self, text: str, k: int = 1) -> tuple[tuple[str, ...], object]:
            asked.append(text)
            return model.predict(text, k=k)

    monkeypatch.setattr(language, "_model", lambda: Counting())
    blocks = sorted(ENGLISH_BLOCKS * 3, key=len, reverse=True)
    assert detect_language_by_vote(blocks) == "en"
    assert 0 < len(asked) < len(blocks)
