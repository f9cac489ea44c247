"""The shipped out-of-fold table cannot go stale: one fold re-run must reproduce it.

bench/train_labeller.py writes articlecli/data/labeller/oof.json, including the figures of a small
check run (every third document, fold 0 held out). This test repeats that run: features, labels,
training and decoding of the held-out documents, and compares the figures within a small tolerance.
"""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import ENV_VAR, corpus_dir
from bench.train_labeller import CHECK_FOLD, CHECK_SAMPLE, PACKAGE_DATA, check, train


def test_check_fold_reproduces_the_shipped_table() -> None:
    root = corpus_dir()
    if not (root / "index.jsonl").is_file():
        pytest.skip(f"evaluation corpus not found at {root} (set {ENV_VAR} to re-run a fold)")
    pytest.importorskip("sklearn", reason="the training library is in the bench extra")
    table = json.loads((PACKAGE_DATA / "oof.json").read_text(encoding="utf-8"))
    args = Namespace(
        corpus=None,
        workers=2,
        sample=CHECK_SAMPLE,
        check_fold=CHECK_FOLD,
        check_overrides=table["check"]["overrides"],
        cache=None,
    )
    result = train(args)
    problems = check(result, table["check"])
    assert not problems, "re-run fold differs from oof.json:\n  " + "\n  ".join(problems)
    # The re-run measured something real: the held-out documents were scored.
    assert result["per_fold"][str(CHECK_FOLD)]["all.body_f1"] > 0.5
