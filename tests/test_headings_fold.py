"""The heading scorer's out-of-fold table cannot go stale: one fold re-run must reproduce it.

bench/train_headings.py writes bench/headings_oof.json, including the figures of a small check run
(every third document, fold 0 held out). This test repeats that run (candidates and labels from the
rules and the gold, training, deciding the held-out pages) and compares within a small tolerance.
"""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articlecli.labeller import HEADING_MODEL_ENV, HEADING_RULES_ONLY
from bench.corpus import ENV_VAR, corpus_dir
from bench.train_headings import CHECK_FOLD, CHECK_SAMPLE, OOF_TABLE, check, run

# The difference in a heading figure the bench calls noise (the common evaluation rule).
NOISE = 0.003


def test_check_fold_reproduces_the_heading_table(monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus_dir()
    if not (root / "index.jsonl").is_file():
        pytest.skip(f"evaluation corpus not found at {root} (set {ENV_VAR} to re-run a fold)")
    pytest.importorskip("sklearn", reason="the training library is in the bench extra")
    monkeypatch.setenv(HEADING_MODEL_ENV, HEADING_RULES_ONLY)  # run() reads the rules alone; restored after the test
    table = json.loads(OOF_TABLE.read_text(encoding="utf-8"))
    result = run(Namespace(corpus=None, sample=CHECK_SAMPLE, check_fold=CHECK_FOLD, cache=None, save_model=None))
    problems = check(result, table["check"])
    assert not problems, "re-run fold differs from headings_oof.json:\n  " + "\n  ".join(problems)
    # The held-out pages were really decided and scored.
    figures = result["per_fold"][str(CHECK_FOLD)]
    assert figures["all.docs"] > 20
    assert 0.3 < figures["all.headings_f1"] < 1.0


def test_the_table_says_why_the_scorer_is_off() -> None:
    """The scorer stays off by default while, out of fold, it does not beat the rules' heading F1 by more
    than noise, or costs a renderer or scope more than noise."""
    table = json.loads(OOF_TABLE.read_text(encoding="utf-8"))
    rules, scorer = table["rules_only"], table["out_of_fold"]
    gain = scorer["all.headings_f1"] - rules["all.headings_f1"]
    drops = [k for k in rules if k.endswith(".headings_f1") and scorer[k] < rules[k] - NOISE]
    assert gain <= NOISE or drops
