"""The quality gate: pinned figures in bench/minimums.json and the check against a run.

minimums.json is a flat ``{"<group>.<metric>": value}`` file, one figure a line.
For higher-is-better metrics the value is a minimum; for the lower-is-better ones
(``date_wrong``, ``without_leak``, ``error_rate``) it is a maximum. Keys starting
with "_" are comments.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path

from bench.report import LOWER_IS_BETTER, Figures

MINIMUMS = Path(__file__).resolve().parent / "minimums.json"
GATE_SAMPLE = 3
# The HTML front end's gate: every sixth page's original HTML through parse_html. Half the text gate's pages,
# because an HTML page costs about twice a text dump and the suite must stay a few minutes.
MINIMUMS_HTML = Path(__file__).resolve().parent / "minimums_html.json"
HTML_GATE_SAMPLE = 6
HTML_SYSTEM = "articlecli-html"
MARGIN = 0.005
NOTE = (
    "Pinned figures for tests/test_quality_gate.py (articlecli, --sample 3). Minimums, except "
    "date_wrong, without_leak and error_rate, which are maxima. Suggest values with: "
    "python bench/evaluate.py --sample 3 --write-minimums"
)
NOTE_HTML = (
    "Pinned figures for tests/test_quality_gate.py (articlecli-html: the original HTML, --sample 6). Minimums, "
    "except date_wrong, without_leak and error_rate, which are maxima. Suggest values with: "
    "python bench/evaluate.py --system articlecli-html --sample 6 --write-minimums"
)

_OVERALL = (
    "title_exact", "title_lenient", "authors_f1", "authors_exact", "date_acc", "date_wrong",
    "headings_f1", "body_p", "body_r", "body_f1", "shingle_f1", "with_hit", "without_leak",
    "coverage", "error_rate",
)  # fmt: skip
_PER_DATASET = {
    "wcxb": ("title_exact", "authors_f1", "date_acc", "headings_f1", "body_f1", "with_hit"),
    "trafilatura-eval": ("title_exact", "authors_f1", "date_acc", "with_hit"),
}
# Per renderer and per scope, so one input style cannot silently drop.
_SLICED = ("title_exact", "body_f1", "with_hit")
RENDERERS = ("bs4-lines", "bs4-glued", "inscriptis", "markdown")
SCOPES = ("page", "container")


def gated_keys() -> list[str]:
    keys = [f"all.{m}" for m in _OVERALL]
    keys += [f"{ds}.{m}" for ds, metrics in _PER_DATASET.items() for m in metrics]
    keys += [f"renderer:{r}.{m}" for r in RENDERERS for m in _SLICED]
    keys += [f"scope:{s}.{m}" for s in SCOPES for m in _SLICED]
    return keys


def html_gated_keys() -> list[str]:
    """The HTML gate's keys: the text gate's less the renderer slices (which scraper rendered the corpus's
    text dump of a page says nothing about the page's HTML)."""
    return [key for key in gated_keys() if not key.startswith("renderer:")]


def lower_is_better(key: str) -> bool:
    return key.rsplit(".", 1)[-1] in LOWER_IS_BETTER


def load(path: Path = MINIMUMS) -> dict[str, float]:
    with path.open(encoding="utf-8") as fh:
        pinned: dict[str, float] = json.load(fh)
    return {k: float(v) for k, v in pinned.items() if not k.startswith("_")}


def check(figures: Figures, pinned: Mapping[str, float]) -> list[str]:
    """One readable line per pinned figure the run does not meet."""
    failures = []
    for key, bound in pinned.items():
        value = figures.values.get(key)
        count = figures.counts.get(key, 0)
        if value is None:
            if (bound > 0 and not lower_is_better(key)) or (bound < 1 and lower_is_better(key)):
                failures.append(f"{key}: not measured (no documents), pinned {bound:.3f}")
        elif lower_is_better(key) and value > bound:
            failures.append(f"{key}: {value:.4f} > maximum {bound:.3f} (n={count})")
        elif not lower_is_better(key) and value < bound:
            failures.append(f"{key}: {value:.4f} < minimum {bound:.3f} (n={count})")
    return failures


def suggest(figures: Figures, keys: list[str] | None = None, note: str = NOTE) -> dict[str, float | str]:
    """Measured figures with a small margin, rounded so the measured run still passes."""
    out: dict[str, float | str] = {"_note": note}
    for key in keys or gated_keys():
        value = figures.values.get(key)
        if lower_is_better(key):
            out[key] = 1.0 if value is None else min(1.0, math.ceil((value + MARGIN) * 1000) / 1000)
        else:
            out[key] = 0.0 if value is None else max(0.0, math.floor((value - MARGIN) * 1000) / 1000)
    return out


def dumps(pinned: Mapping[str, float | str]) -> str:
    """One figure a line, so raising a minimum is a one-line diff."""
    return json.dumps(dict(pinned), indent=2, ensure_ascii=False) + "\n"


def placeholder() -> dict[str, float | str]:
    """Unpinned: every minimum 0.0 and every maximum 1.0."""
    return suggest(Figures())
