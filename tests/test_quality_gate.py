"""Quality gate: articlecli on a fixed third of the corpus's text dumps must meet bench/minimums.json, and
on a fixed sixth of its original HTML pages bench/minimums_html.json.

Pin new figures with `python bench/evaluate.py --sample 3 --write-minimums > bench/minimums.json` and
`python bench/evaluate.py --system articlecli-html --sample 6 --write-minimums > bench/minimums_html.json`
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


@pytest.mark.parametrize(
    ("system", "sample", "minimums"),
    [
        ("articlecli", gate.GATE_SAMPLE, gate.MINIMUMS),
        (gate.HTML_SYSTEM, gate.HTML_GATE_SAMPLE, gate.MINIMUMS_HTML),
    ],
)
def test_quality_gate(system: str, sample: int, minimums: Path) -> None:
    root = corpus_dir()
    if not (root / "index.jsonl").is_file():
        pytest.skip(f"evaluation corpus not found at {root} (set {ENV_VAR} to run the quality gate)")
    pinned = gate.load(minimums)
    try:
        ev = evaluate([system], Selection(sample=sample))
    except SystemUnavailable as exc:
        pytest.fail(f"{system} could not be evaluated: {exc}")
    failures = gate.check(ev.figures[system], pinned)
    if failures:
        errors = errors_summary(ev.records)
        crashed = f"\n{errors['count']} docs raised, e.g. {errors['first']}" if errors["count"] else ""
        pytest.fail(
            f"{len(failures)} figure(s) of {system} miss their pinned value in bench/{minimums.name} on "
            f"{len(ev.records)} docs (every {sample}th doc):\n  " + "\n  ".join(failures) + crashed,
            pytrace=False,
        )
