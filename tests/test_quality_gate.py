"""Quality gate: articlecli on a fixed third of the corpus must meet bench/minimums.json.

Pin new figures with `python bench/evaluate.py --sample 3 --write-minimums > bench/minimums.json`
(measured minus a 0.005 margin), or raise a single line by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import gate
from bench.corpus import ENV_VAR, Selection, corpus_dir
from bench.evaluate import evaluate
from bench.peers import SystemUnavailable
from bench.report import errors_summary


def test_quality_gate() -> None:
    root = corpus_dir()
    if not (root / "index.jsonl").is_file():
        pytest.skip(f"evaluation corpus not found at {root} (set {ENV_VAR} to run the quality gate)")
    pinned = gate.load()
    try:
        ev = evaluate(["articlecli"], Selection(sample=gate.GATE_SAMPLE))
    except SystemUnavailable as exc:
        pytest.fail(f"articlecli could not be evaluated: {exc}")
    failures = gate.check(ev.figures["articlecli"], pinned)
    if failures:
        errors = errors_summary(ev.records)
        crashed = f"\n{errors['count']} docs raised, e.g. {errors['first']}" if errors["count"] else ""
        pytest.fail(
            f"{len(failures)} figure(s) miss their pinned value in bench/minimums.json on {len(ev.records)} docs "
            f"(sample every {gate.GATE_SAMPLE}rd doc):\n  " + "\n  ".join(failures) + crashed,
            pytrace=False,
        )
