"""The learned labeller: shipped model, overrides named in --explain, the page confidence."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from scrapes import BODIES, TITLES

from articlecli import parse_text
from articlecli.cli import main
from articlecli.frontends.text import read_units
from articlecli.labeller import decode
from articlecli.labeller.unit_vectors import FEATURE_NAMES, unit_vectors
from articlecli.options import ParseOptions
from articlecli.pipeline import rule_stage

MODEL_RULE = re.compile(r"model:[01]\.\d\d")
MENU = ["Home", "News", "Sport", "Business", "Culture", "Weather", "Contact us"]
FOOTER = ["© 2024 Harbour Times. All rights reserved.", "Privacy policy", "Terms of use", "Cookie settings"]


def article_page(language: str = "en") -> str:
    blocks = [*MENU, TITLES[language], *BODIES[language], *FOOTER]
    return "\n\n".join(blocks) + "\n"


def menu_page() -> str:
    teasers = [f"{topic} news from around the harbour" for topic in ("Sport", "Business", "Culture", "Weather")]
    return "\n".join([*MENU, *teasers, *FOOTER, *MENU]) + "\n"


def test_shipped_model_loads_offline_and_matches_the_features():
    model = decode._load(None)
    assert len(model.body.weights) == len(FEATURE_NAMES)
    assert model.confidence is not None


def test_every_unit_gets_one_vector_of_the_named_features():
    units, input_format = read_units(article_page())
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    rows = unit_vectors(view)
    assert len(rows) == len(units)
    assert {len(row) for row in rows} == {len(FEATURE_NAMES)}
    assert all(isinstance(value, float) for row in rows for value in row)


def test_explain_names_the_rule_or_the_model_with_its_score():
    article = parse_text(article_page())
    for decision in article.decisions:
        assert decision.rule and (not decision.rule.startswith("model") or MODEL_RULE.fullmatch(decision.rule))
    assert [p for s in article.sections for p in s.paragraphs] == list(BODIES["en"])


def test_rules_only_switch(monkeypatch):
    monkeypatch.setenv(decode.MODEL_ENV, decode.RULES_ONLY)
    article = parse_text(article_page())
    assert article.confidence is None
    assert not any(d.rule.startswith("model") for d in article.decisions)


def test_model_file_from_the_environment(tmp_path, monkeypatch):
    from importlib import resources

    shipped = json.loads(resources.files("articlecli.data").joinpath("labeller/model.json").read_text("utf-8"))
    shipped["features"] = shipped["features"][:-1]
    path = tmp_path / "stale.json"
    path.write_text(json.dumps(shipped), encoding="utf-8")
    monkeypatch.setenv(decode.MODEL_ENV, str(path))
    with pytest.raises(ValueError, match="retrain"):
        parse_text(article_page())


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_confidence_is_a_calibrated_share_and_ranks_an_article_above_a_menu_page(language):
    article = parse_text(article_page(language))
    menus = parse_text(menu_page())
    assert article.confidence is not None and menus.confidence is not None
    assert 0.0 <= menus.confidence <= 1.0 and 0.0 <= article.confidence <= 1.0
    assert article.confidence > menus.confidence


def test_confidence_is_in_the_json_output(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(article_page(), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)], catch_exceptions=False)
    record = json.loads(result.stdout)
    assert isinstance(record["confidence"], float)
