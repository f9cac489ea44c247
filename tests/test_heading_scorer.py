"""The heading scorer's hook in the pipeline: off by default, and when a model file is named it only
moves kept lines between heading and paragraph, naming itself as the rule of what it changed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from articlecli import parse_text
from articlecli.labeller import HEADING_MODEL_ENV
from articlecli.labeller.headings import FEATURE_NAMES

PAGE = """Home | News | Sport | Contact

City council approves new cycling lanes

By Maria Lopez | 12 March 2024

The city council voted on Tuesday to build twelve kilometres of protected cycling lanes across the
centre, after two years of consultation with residents, shop owners and commuter groups.

What changes for drivers

Two central avenues lose one lane of traffic each, and parking on the east side of the river moves
to a new garage near the station, which opens in the autumn before the works begin.

When the works start

Construction begins in September and is expected to last eighteen months, with the busiest
junctions rebuilt during the school holidays to limit the disruption for families.

Related articles
"""


def _model(path: Path, bias: float) -> Path:
    spec = {"weights": [0.0] * len(FEATURE_NAMES), "bias": bias, "mean": [0.0] * len(FEATURE_NAMES)}
    spec["scale"] = [1.0] * len(FEATURE_NAMES)
    spec["demote"] = 0.5
    spec["promote"] = 0.5
    path.write_text(json.dumps({"version": 1, "features": list(FEATURE_NAMES), "markdown": spec, "text": spec}))
    return path


def _body(article: object) -> list[str]:
    return [block for s in article.sections for block in ((s.heading,) if s.heading else ()) + s.paragraphs]  # type: ignore[attr-defined]


def test_off_by_default_the_rules_find_the_subheadings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HEADING_MODEL_ENV, raising=False)
    article = parse_text(PAGE)
    assert [s.heading for s in article.sections if s.heading] == ["What changes for drivers", "When the works start"]
    rules = {d.text: d.rule for d in article.decisions}
    assert not any(rule.startswith("model:") for rule in rules.values())


def test_a_named_model_decides_and_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(HEADING_MODEL_ENV, raising=False)
    rules_only = parse_text(PAGE)
    # A model sure that nothing is a heading: the rule headings become paragraphs, nothing else moves.
    monkeypatch.setenv(HEADING_MODEL_ENV, str(_model(tmp_path / "never.json", -20.0)))
    article = parse_text(PAGE)
    assert [s.heading for s in article.sections if s.heading] == []
    assert _body(article) == _body(rules_only)
    decided = {d.text: (d.label, d.rule) for d in article.decisions}
    assert decided["What changes for drivers"] == ("paragraph", "model:0.00")
    assert [r.text for r in article.removed] == [r.text for r in rules_only.removed]


def test_a_parse_without_a_model_does_not_load_the_scorer() -> None:
    # A fresh interpreter: this test session may have imported the scorer already.
    code = (
        "import os, sys; os.environ.pop('ARTICLECLI_HEADING_MODEL', None); from articlecli import parse_text; "
        f"parse_text({PAGE!r}); print('articlecli.labeller.headings' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
