"""The learned labeller: shipped model, overrides named in --explain, the page confidence."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from click.testing import CliRunner
from scrapes import BODIES, TITLES

from articlecli import parse_text
from articlecli.cli import main
from articlecli.frontends.text import read_units
from articlecli.labeller import LABELLER_MODEL_ENV, LABELLER_RULES_ONLY, decode
from articlecli.labeller.unit_vectors import FEATURE_NAMES, unit_vectors
from articlecli.options import ParseOptions
from articlecli.pipeline import article_from, rule_stage

MODEL_RULE = re.compile(r"model(-region)?:[01]\.\d\d")
MENU = ["Home", "News", "Sport", "Business", "Culture", "Weather", "Contact us"]
FOOTER = ["© 2024 Harbour Times. All rights reserved.", "Privacy policy", "Terms of use", "Cookie settings"]


def article_page(language: str = "en") -> str:
    blocks = [*MENU, TITLES[language], *BODIES[language], *FOOTER]
    return "\n\n".join(blocks) + "\n"


def menu_page() -> str:
    teasers = [f"{topic} news from around the harbour" for topic in ("Sport", "Business", "Culture", "Weather")]
    return "\n".join([*MENU, *teasers, *FOOTER, *MENU]) + "\n"


def test_shipped_model_loads_offline_and_matches_the_features():
    model = decode.load_model(None)
    assert len(model.body.weights) == len(FEATURE_NAMES)
    assert model.confidence is not None


def test_every_unit_gets_one_vector_of_the_named_features():
    units, input_format = read_units(article_page())
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    rows = unit_vectors(view)
    assert len(rows) == len(units)
    assert {len(row) for row in rows} == {len(FEATURE_NAMES)}
    assert all(isinstance(value, float) for row in rows for value in row)


WITH_MODEL = ParseOptions(confidence=True)


def test_the_model_runs_only_when_asked():
    assert parse_text(article_page()).confidence is None
    assert parse_text(article_page(), options=WITH_MODEL).confidence is not None


def test_explain_names_the_rule_or_the_model_with_its_score():
    article = parse_text(article_page(), options=WITH_MODEL)
    for decision in article.decisions:
        assert decision.rule and (not decision.rule.startswith("model") or MODEL_RULE.fullmatch(decision.rule))
    assert [p for s in article.sections for p in s.paragraphs] == list(BODIES["en"])


def test_rules_only_switch(monkeypatch):
    monkeypatch.setenv(LABELLER_MODEL_ENV, LABELLER_RULES_ONLY)
    article = parse_text(article_page(), options=WITH_MODEL)
    assert article.confidence is None
    assert not any(d.rule.startswith("model") for d in article.decisions)


def test_model_file_from_the_environment(tmp_path, monkeypatch):
    from importlib import resources

    shipped = json.loads(resources.files("articlecli.data").joinpath("labeller/model.json").read_text("utf-8"))
    shipped["features"] = shipped["features"][:-1]
    path = tmp_path / "stale.json"
    path.write_text(json.dumps(shipped), encoding="utf-8")
    monkeypatch.setenv(LABELLER_MODEL_ENV, str(path))
    with pytest.raises(ValueError, match="retrain"):
        parse_text(article_page())


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_confidence_is_a_calibrated_share_and_ranks_an_article_above_a_menu_page(language):
    article = parse_text(article_page(language), options=WITH_MODEL)
    menus = parse_text(menu_page(), options=WITH_MODEL)
    assert article.confidence is not None and menus.confidence is not None
    assert 0.0 <= menus.confidence <= 1.0 and 0.0 <= article.confidence <= 1.0
    assert article.confidence > menus.confidence


def test_confidence_is_in_the_json_output(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(article_page(), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(page), "--confidence"], catch_exceptions=False)
    record = json.loads(result.stdout)
    assert isinstance(record["confidence"], float)
    plain = CliRunner().invoke(main, ["parse", str(page)], catch_exceptions=False)
    assert json.loads(plain.stdout)["confidence"] is None


def constant_model(text_bias: float, heading_bias: float) -> decode.LabellerModel:
    """A model that gives every unit the same scores: the decoding rules alone decide what changes."""
    size = len(FEATURE_NAMES)

    def linear(bias: float) -> decode._Linear:
        return decode._Linear({"weights": [0.0] * size, "bias": bias, "mean": [0.0] * size, "scale": [1.0] * size})

    return decode.LabellerModel(linear(text_bias), linear(heading_bias), None, (), ())


def decoded_page(model: decode.LabellerModel, overrides: decode.Overrides, text: str):
    units, input_format = read_units(text)
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    return view, decode.decode(view, model, overrides)


def test_a_sure_model_removes_kept_text_but_never_header_lines_or_rule_headings():
    view, decoded = decoded_page(constant_model(-10.0, 0.0), decode.Overrides(remove_text=True), article_page())
    kept = [i for i, (label, _) in view.body_labels.items() if label in ("paragraph", "list-item", "quote")]
    assert kept and all(decoded.labels[i] == ("removed", "model:0.00") for i in kept)
    assert not set(decoded.labels) & set(view.header.labels)
    assert all(view.body_labels.get(i, ("",))[0] != "heading" for i in decoded.labels)


def test_a_sure_model_adds_lines_the_rules_removed_for_position_not_for_what_they_are():
    text = article_page().replace("Home", "* * *").replace("News", "Share on Facebook")
    view, decoded = decoded_page(constant_model(10.0, -10.0), decode.Overrides(add_text=True), text)
    added = {view.units[i].text for i, (label, rule) in decoded.labels.items() if label == "paragraph"}
    assert "Sport" in added and "Business" in added  # a menu run: removed for its position
    assert "* * *" not in added  # decoration
    assert "Share on Facebook" not in added  # a phrase-list match
    assert all(rule == "model:1.00" for _, rule in decoded.labels.values())


def test_no_override_set_changes_nothing_but_still_scores_the_page():
    model = decode.load_model(None)
    _, decoded = decoded_page(model, decode.Overrides(), article_page())
    assert decoded.labels == {}
    assert decoded.confidence is not None


COMMENTS = [
    "Reader comments",
    "I have lived by the harbour for forty years and I have never seen the water this high in winter.",
    "The council has known about this problem for a decade and has done nothing about it at all.",
    "My grandmother told stories of the great flood and the boats that were tied to the chapel door.",
]


def test_the_model_run_replaces_the_rules_region_and_explain_names_what_it_moved():
    """The main text as the maximum-sum run of the model's scores: where the model believes a block the
    rules took is not the article, the run leaves it out, and every line it moved says so."""
    text = "\n\n".join([*MENU, TITLES["en"], *BODIES["en"], *COMMENTS, *FOOTER]) + "\n"
    units, input_format = read_units(text)
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    comment_units = {u.index for u in units if u.text in COMMENTS}
    # The rules keep the comments (prose after the article, no phrase ends the run here).
    assert all(view.rule_label(i)[0] == "paragraph" for i in comment_units if units[i].text != COMMENTS[0])
    body = [0.95 if u.text in BODIES["en"] else 0.1 for u in units]
    region = decode.model_region(view, body)
    assert region is not None
    assert {units[i].text for i in range(region.start, region.end)} >= set(BODIES["en"])
    assert not comment_units & set(range(region.start, region.end))
    decoded = decode.Decoded(region=region, scores=tuple(body))
    article = article_from(view, decoded, source="page.txt", input_format=input_format)
    assert [p for s in article.sections for p in s.paragraphs] == list(BODIES["en"])
    moved = {d.text: d.rule for d in article.decisions if d.text in COMMENTS[1:]}
    assert moved and set(moved.values()) == {"model-region:0.10"}


def test_no_likely_text_leaves_the_rules_region():
    units, input_format = read_units(article_page())
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    assert decode.model_region(view, [0.05] * len(units)) is None
    view, decoded = decoded_page(constant_model(-10.0, 0.0), decode.Overrides(region=True), article_page())
    assert decoded.region is None and decoded.labels == {}


def cut_short_view(extra: list[str]):
    """A page whose rules' run ends right after the article (as when a widget gap ends it), with `extra`
    blocks below: the rules keep the article only."""
    text = "\n\n".join([*MENU, TITLES["en"], *BODIES["en"], *extra, *FOOTER]) + "\n"
    units, input_format = read_units(text)
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    last = max(u.index for u in units if u.text in BODIES["en"])
    labels = {i: label for i, label in view.body_labels.items() if i <= last}
    cut = replace(view, region=replace(view.region, end=last + 1), body_labels=labels)
    # The model holds the article and the extra prose text, the rest not.
    body = [0.95 if u.text in BODIES["en"] or u.text in extra else 0.1 for u in units]
    return cut, body, input_format


def test_the_extension_keeps_the_rules_run_and_carries_it_on_to_the_model_runs_end():
    view, body, input_format = cut_short_view(COMMENTS[1:])
    region = decode.extended_region(view, body)
    assert region is not None
    assert region.start == view.region.start
    assert {view.units[i].text for i in range(view.region.end, region.end)} == set(COMMENTS[1:])
    decoded = decode.Decoded(region=region, scores=tuple(body))
    article = article_from(view, decoded, source="page.txt", input_format=input_format)
    assert [p for s in article.sections for p in s.paragraphs] == [*BODIES["en"], *COMMENTS[1:]]
    moved = {d.text: d.rule for d in article.decisions if d.text in COMMENTS[1:]}
    assert set(moved.values()) == {"model-region:0.95"}


def test_the_extension_stops_before_a_boilerplate_phrase_even_where_the_model_believes_it():
    view, body, _ = cut_short_view(["Share on Facebook", *COMMENTS[1:]])
    assert view.features[view.region.end].boilerplate is not None
    assert decode.extended_region(view, body) is None


def test_the_extension_never_passes_the_terminator_the_rules_run_ended_on():
    view, body, _ = cut_short_view(COMMENTS[1:])
    ended = replace(view, region=replace(view.region, terminated_by="comments"))
    assert decode.extended_region(ended, body) is None


def test_the_extension_set_runs_through_decode_and_leaves_the_rules_run_where_the_model_agrees():
    view, decoded = decoded_page(decode.load_model(None), decode.Overrides(extend=True), article_page())
    assert decoded.region is None or decoded.region.start == view.region.start
    assert decode.Overrides(extend=True, headings=True).name == "extend+headings"
