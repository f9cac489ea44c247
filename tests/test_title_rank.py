"""The title ranker: its candidates, its pick, and how --explain names it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlecli import parse_text
from articlecli.frontends.decoding import normalize_text
from articlecli.frontends.text import read_units
from articlecli.header import title_rank
from articlecli.header.title import find_title
from articlecli.labeller.content import find_region
from articlecli.records.lexicon import lexicon_for, stopwords
from articlecli.records.record import build_records

# A clipped article: its headline, then a standfirst in the same shape, then the byline and text.
CLIPPED = (
    "\n\n".join(
        (
            "Wie Städte ihre Radwege planen",
            "Neue Zählstellen zeigen, wo der Verkehr wächst",
            "Von Anna Müller",
            "Die Stadt hat im vergangenen Jahr an zwölf Stellen gezählt, wie viele Menschen mit dem Rad fahren, "
            "und die Zahlen sind deutlich gestiegen, vor allem auf den Wegen in die Innenstadt.",
            "Im Stadtrat wird nun darüber beraten, welche Strecken zuerst ausgebaut werden sollen und wie viel Geld "
            "dafür im nächsten Haushalt bereitsteht.",
        )
    )
    + "\n"
)


def _is_byline(text: str) -> bool:
    return text.startswith("Von ")


def _candidates(text: str) -> tuple[list[title_rank.Candidate], object]:
    units, _ = read_units(normalize_text(text))
    lexicon = lexicon_for("de")
    records = build_records(units, lexicon, stopwords("de"), "de")
    region = find_region(units, records, True)
    scored: dict[int, tuple[float, float]] = {}
    choice = find_title(units, records, (region.start, region.end), _is_byline, scored)
    found = title_rank.candidates(units, records, (region.start, region.end), _is_byline, scored, choice)
    return found, choice


def test_candidates_hold_the_rules_pick_first_and_every_scored_line() -> None:
    found, choice = _candidates(CLIPPED)
    assert choice is not None
    names = title_rank.FEATURE_NAMES
    assert found[0].text == choice.text and found[0].vector[names.index("rule_pick")] == 1.0
    texts = [c.text for c in found]
    assert "Wie Städte ihre Radwege planen" in texts
    assert "Neue Zählstellen zeigen, wo der Verkehr wächst" in texts
    assert len(set(texts)) == len(texts)
    assert all(len(c.vector) == len(names) for c in found)


def _model_file(tmp_path: Path, feature: str, threshold: float) -> Path:
    """A model that prefers the page's first line by one feature alone."""
    names = title_rank.FEATURE_NAMES
    weights = [5.0 if name == feature else 0.0 for name in names]
    spec = {"features": list(names), "weights": weights, "mean": [0.0] * len(names), "scale": [1.0] * len(names)}
    path = tmp_path / "title.json"
    path.write_text(json.dumps({**spec, "threshold": threshold}), encoding="utf-8")
    return path


def test_the_model_pick_is_the_title_and_explain_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 0.5)))
    article = parse_text(CLIPPED)
    assert article.title == "Wie Städte ihre Radwege planen"
    title_lines = [d for d in article.decisions if d.label == "title"]
    assert [d.text for d in title_lines] == ["Wie Städte ihre Radwege planen"]
    assert title_lines[0].rule.startswith(title_rank.MODEL_RULE)
    assert float(title_lines[0].rule.removeprefix(title_rank.MODEL_RULE)) >= 0.5


def test_below_the_threshold_the_rules_decide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, title_rank.RULES_ONLY)
    rules = parse_text(CLIPPED)
    # A probability can never reach 1.01: the model never overrides.
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 1.01)))
    unsure = parse_text(CLIPPED)
    assert unsure.title == rules.title
    assert [d.rule for d in unsure.decisions if d.label == "title"] == [
        d.rule for d in rules.decisions if d.label == "title"
    ]


# A journal page dumped with its issue line first: the line holds a date, so it is metadata.
DATED_FIRST = (
    "\n\n".join(
        (
            "Published on 25.Jun.2019 in Vol 7 , No 6 (2019)",
            "Efficacy of a Meditation App to Reduce Stress in College Students",
            "Background: Stress is common among college students, and the number of students who report it has "
            "grown in each of the last ten years, with effects on their grades and their health.",
            "Methods: We recruited students from one university and asked half of them to use the app for ten "
            "minutes a day over eight weeks, while the others waited for the same offer.",
        )
    )
    + "\n"
)


def test_the_model_never_crowns_a_metadata_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(title_rank.TITLE_MODEL_ENV, str(_model_file(tmp_path, "first_line", 0.5)))
    # The same model crowns the first line where it is a headline (the test above) ...
    assert parse_text(CLIPPED).title == "Wie Städte ihre Radwege planen"
    # ... but not where the first line is a date line: the page keeps its title and its date.
    article = parse_text(DATED_FIRST)
    assert article.title == "Efficacy of a Meditation App to Reduce Stress in College Students"
    assert not any(d.rule.startswith(title_rank.MODEL_RULE) for d in article.decisions)
    assert article.published is not None and article.published.startswith("2019-06-25")


def test_a_model_for_other_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"features": ["words"], "weights": [1.0], "mean": [0], "scale": [1], "threshold": 0.5}))
    with pytest.raises(ValueError, match="retrain"):
        title_rank.TitleModel.from_json(json.loads(path.read_text()))
