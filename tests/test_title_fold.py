"""The title ranker's out-of-fold table cannot go stale: one fold re-run must reproduce it.

bench/train_title.py writes articlecli/data/labeller/title_oof.json, including the figures of a small
check run (every third document, fold 0 held out, the shipped threshold). This test repeats that
run: candidates, labels, training on the other folds and parsing the held-out documents with the
fold's model and with the rules alone, and compares the figures within a small tolerance.
"""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.corpus import ENV_VAR, corpus_dir


def test_check_fold_reproduces_the_shipped_title_table() -> None:
    root = corpus_dir()
    if not (root / "index.jsonl").is_file():
        pytest.skip(f"evaluation corpus not found at {root} (set {ENV_VAR} to re-run a fold)")
    pytest.importorskip("sklearn", reason="the training libraries are in the bench extra")
    pytest.importorskip("scipy", reason="the training libraries are in the bench extra")
    from bench.train_title import CHECK_FOLD, CHECK_SAMPLE, PACKAGE_DATA, check, train

    table = json.loads((PACKAGE_DATA / "title_oof.json").read_text(encoding="utf-8"))
    args = Namespace(corpus=None, sample=CHECK_SAMPLE, check_fold=CHECK_FOLD, threshold=table["check"]["threshold"])
    result = train(args)
    problems = check(result, table["check"])
    assert not problems, "re-run fold differs from title_oof.json:\n  " + "\n  ".join(problems)
    # The re-run measured something real: held-out documents with a visible title were scored.
    assert result["out_of_fold"]["all.title_exact"] > 0.5
