#!/usr/bin/env python
"""Train the heading scorer (articlecli/labeller/headings.py) from ../shared/corpus alone.

  python bench/train_headings.py                    # 5 host folds out of fold -> bench/headings_oof.json
  python bench/train_headings.py --save-model m.json   # also the model trained on every document
  ARTICLECLI_HEADING_MODEL=m.json python bench/evaluate.py   # that model through the whole pipeline
  python bench/train_headings.py --table            # the README table from bench/headings_oof.json
  python bench/train_headings.py --sample 3 --check-fold 0   # what tests/test_headings_fold.py re-runs

Only wcxb has heading gold (trafilatura-eval has none), so the documents are the wcxb pages whose
gold states their headings ([] included: a page with none teaches what is not a heading). Every page
goes through the rules (pipeline.rule_stage, heading scorer off); the candidates the scorer would
decide get their vectors (headings.heading_rows) and a label: the line is a gold heading (N() as the
scorer compares them). Two logistic regressions, one for Markdown input and one for the other dumps.
Each one's two thresholds (demote a rule heading below, promote another line at or above) are the
pair that maximises the mean heading F1 of the documents it was trained on (in sample, so the
held-out fold never chooses them). Out of fold: hosts split into 5 folds as
bench/train_labeller.py splits them; each fold is decided by the model of the other four and scored
as bench/evaluate.py scores headings (the scorer only turns kept units into headings or paragraphs,
so the body text does not change). Deterministic: a fixed fold assignment and solver.

The scorer is off by default: out of fold it ties the rules on F1 (precision higher, the container
scope lower; see headings_oof.json and the README). No weights ship; the table and the CI check run
stay, so the comparison is repeatable.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articlecli.frontends.decoding import normalize_text
from articlecli.frontends.text import read_units
from articlecli.labeller import HEADING_MODEL_ENV, HEADING_RULES_ONLY
from articlecli.labeller import headings as scorer
from articlecli.options import ParseOptions
from articlecli.pipeline import rule_stage
from bench.corpus import Doc, corpus_dir, load_index
from bench.scoring import heading_scores, n
from bench.train_labeller import FOLDS, assign_folds, differing_figures

OOF_TABLE = Path(__file__).resolve().parent / "headings_oof.json"
# Inverse regularisation strength (sklearn's C) on standardised features.
C = 1.0
# Thresholds tried when choosing each head's two decision thresholds on its training documents: below
# `demote` a rule heading becomes a paragraph, at or above `promote` another candidate a heading (1.01:
# never). Two, not one: the rules are right about most lines, and the model pays only where it is sure.
DEMOTE_THRESHOLDS = (0.0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25)
PROMOTE_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
CHECK_SAMPLE = 3
CHECK_FOLD = 0
CHECK_TOLERANCE = 0.005
HEADS = ("markdown", "text")


@dataclass
class DocRows:
    key: str
    renderer: str
    scope: str
    markdown: bool
    listing: bool
    rows: list[list[float]]
    y: list[int]
    texts: list[str]
    has_next: list[bool]
    rule_heading: list[bool]
    gold: dict[str, Any]

    @property
    def head(self) -> str:
        return "markdown" if self.markdown else "text"

    @property
    def scored(self) -> bool:
        return any(self.gold["visible"]["headings"] or [])


def extract(doc: Doc) -> DocRows:
    gold = doc.read_gold()
    units, input_format = read_units(normalize_text(doc.read_text()))
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    labels = dict(view.body_labels)
    markdown = input_format == "markdown"
    body = [i for i in sorted(labels) if labels[i][0] in ("heading", "paragraph", "list-item", "quote")]
    chosen = scorer.candidates(units, view.features, body, labels, markdown)
    rows = scorer.heading_rows(units, view.features, body, labels, chosen, markdown, view.has_stopwords)
    gold_keys = {n(h) for h in gold["headings"]}
    texts = [units[body[p]].text for p in chosen]
    return DocRows(
        doc.key,
        doc.renderer,
        doc.scope,
        markdown,
        view.region.listing,
        rows,
        [int(n(t) in gold_keys) for t in texts],
        texts,
        [p + 1 < len(body) for p in chosen],
        [labels[body[p]][0] == "heading" for p in chosen],
        {"headings": gold["headings"], "visible": {"headings": gold["visible"]["headings"]}},
    )


def _extracted(docs: Sequence[Doc], cache: Path | None) -> list[DocRows]:
    """Every document's candidates; --cache keeps them between runs (extraction is deterministic)."""
    if cache is not None and cache.is_file():
        with cache.open("rb") as fh:
            cached: dict[str, DocRows | None] = pickle.load(fh)
        if all(doc.key in cached for doc in docs):
            return [d for d in (cached[doc.key] for doc in docs) if d is not None]
    data = {doc.key: extract(doc) if doc.read_gold().get("headings") is not None else None for doc in docs}
    if cache is not None:
        with cache.open("wb") as fh:
            pickle.dump(data, fh)
    return [d for d in data.values() if d is not None]


@dataclass(frozen=True)
class Thresholds:
    demote: float
    promote: float


def predicted(doc: DocRows, probabilities: Sequence[float] | None, thresholds: Thresholds) -> list[str]:
    """The page's output headings: the rules' (probabilities None, or a listing page) or the scorer's."""
    if probabilities is None or doc.listing:
        return [t for t, rule in zip(doc.texts, doc.rule_heading, strict=True) if rule]
    return [
        t
        for t, p, has_next, rule in zip(doc.texts, probabilities, doc.has_next, doc.rule_heading, strict=True)
        if scorer.decide("heading" if rule else "paragraph", p, thresholds, has_next, _PLAIN) == "heading"
    ]


class _PlainUnit:
    list_item = False
    quote = False


_PLAIN: Any = _PlainUnit()


def fit(docs: Sequence[DocRows]) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    x = np.asarray([r for d in docs for r in d.rows], dtype=np.float64).reshape(-1, len(scorer.FEATURE_NAMES))
    y = np.asarray([v for d in docs for v in d.y], dtype=np.int8)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    if len(set(y.tolist())) < 2:
        zeros = [0.0] * x.shape[1]
        return {
            "weights": zeros,
            "bias": 0.0,
            "mean": zeros,
            "scale": [1.0] * x.shape[1],
            "demote": 0.0,
            "promote": 1.01,
        }
    if FAMILY["name"] == "lightgbm":
        return _fit_lightgbm(docs, x, y)
    model = LogisticRegression(C=C, max_iter=3000, solver="lbfgs")
    model.fit((x - mean) / scale, y)
    spec = {
        "weights": [round(float(v), 6) for v in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "demote": 0.0,
        "promote": 1.01,
    }
    linear = scorer._Linear(spec)
    probs = [[linear.probability(r) for r in d.rows] for d in docs]
    spec.update(_best_thresholds(docs, probs))
    return spec


def _best_thresholds(docs: Sequence[DocRows], probs: Sequence[Sequence[float]]) -> dict[str, float]:
    """The (demote, promote) pair with the best mean heading F1 on these (training) documents; ties go
    to the pair that changes the rules least."""
    pairs = [Thresholds(d, p) for d in DEMOTE_THRESHOLDS for p in PROMOTE_THRESHOLDS]
    best = max(pairs, key=lambda t: (round(_mean_f1(docs, probs, t), 6), -t.demote, t.promote))
    return {"demote": best.demote, "promote": best.promote}


# The model family: "logistic" (what the pipeline can run) or "lightgbm" (--family, the comparison only).
FAMILY = {"name": "logistic"}


def _fit_lightgbm(docs: Sequence[DocRows], x: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    """Gradient-boosted trees on the same vectors, threshold chosen the same way (for the comparison)."""
    import lightgbm as lgb

    gbm = lgb.LGBMClassifier(
        n_estimators=150, num_leaves=15, learning_rate=0.05, deterministic=True, seed=0, n_jobs=1, verbose=-1
    )
    gbm.fit(x, y)
    probs = [list(np.asarray(gbm.predict_proba(np.asarray(d.rows)))[:, 1]) if d.rows else [] for d in docs]
    return {"gbm": gbm, **_best_thresholds(docs, probs)}


def _probabilities(spec: dict[str, Any], rows: list[list[float]]) -> list[float]:
    if "gbm" in spec:
        return list(spec["gbm"].predict_proba(np.asarray(rows))[:, 1]) if rows else []
    linear = scorer._Linear(spec)
    return [linear.probability(r) for r in rows]


def _mean_f1(docs: Sequence[DocRows], probs: Sequence[Sequence[float]], thresholds: Thresholds) -> float:
    values = [
        heading_scores(predicted(d, p, thresholds), d.gold)["headings_f1"] for d, p in zip(docs, probs, strict=True)
    ]
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else 0.0


def fit_model(docs: Sequence[DocRows]) -> dict[str, Any]:
    spec: dict[str, Any] = {"version": 1, "features": list(scorer.FEATURE_NAMES)}
    for head in HEADS:
        spec[head] = fit([d for d in docs if d.head == head])
    return spec


def decide_docs(docs: Sequence[DocRows], spec: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Per document: renderer, scope and heading scores under the model (None: the rules alone)."""
    out = []
    for d in docs:
        if spec is None:
            heads = predicted(d, None, Thresholds(0.0, 1.01))
        else:
            head = spec[d.head]
            heads = predicted(d, _probabilities(head, d.rows), Thresholds(head["demote"], head["promote"]))
        out.append({"key": d.key, "renderer": d.renderer, "scope": d.scope, **heading_scores(heads, d.gold)})
    return out


def figures(records: Sequence[dict[str, Any]]) -> dict[str, float | None]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        for name in ("all", f"renderer:{r['renderer']}", f"scope:{r['scope']}"):
            groups[name].append(r)
    result: dict[str, float | None] = {}
    for name in sorted(groups, key=lambda k: (k != "all", k)):
        for metric in ("headings_p", "headings_r", "headings_f1"):
            defined = [r[metric] for r in groups[name] if r[metric] is not None]
            result[f"{name}.{metric}"] = round(sum(defined) / len(defined), 4) if defined else None
        result[f"{name}.docs"] = float(sum(1 for r in groups[name] if r["headings_f1"] is not None))
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    os.environ[HEADING_MODEL_ENV] = HEADING_RULES_ONLY
    root = corpus_dir(args.corpus)
    # Folds over every document of the (sampled) corpus, as bench/train_labeller.py assigns them.
    every = load_index(root)[:: args.sample]
    fold_of = assign_folds(every)
    docs = [d for d in every if d.dataset == "wcxb"]
    started = time.perf_counter()
    data = _extracted(docs, getattr(args, "cache", None))
    print(f"extracted {len(data)} docs in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    folds = range(FOLDS) if args.check_fold is None else (args.check_fold,)
    oof: list[dict[str, Any]] = []
    per_fold = {}
    for fold in folds:
        train = [d for d in data if fold_of[d.key] != fold]
        test = [d for d in data if fold_of[d.key] == fold]
        decided = decide_docs(test, fit_model(train))
        per_fold[str(fold)] = {k: v for k, v in figures(decided).items() if k.startswith("all.")}
        oof += decided
    result: dict[str, Any] = {
        "command": "python bench/train_headings.py" + (f" --sample {args.sample}" if args.sample > 1 else ""),
        "docs": len(data),
        "scored_docs": sum(d.scored for d in data),
        "candidates": sum(len(d.y) for d in data),
        "positives": sum(sum(d.y) for d in data),
        "per_fold": per_fold,
    }
    if args.check_fold is not None:
        return result
    shipped = fit_model(data)
    result["rules_only"] = figures(decide_docs(data, None))
    result["out_of_fold"] = figures(oof)
    result["shipped_in_sample"] = figures(decide_docs(data, shipped))
    result["thresholds"] = {head: {k: shipped[head][k] for k in ("demote", "promote")} for head in HEADS}
    result["settings"] = {"C": C, "candidate_max_words": scorer.CANDIDATE_MAX_WORDS}
    # The CI check: every third document, fold 0 held out (tests/test_headings_fold.py repeats it).
    check_every = every[::CHECK_SAMPLE]
    check_keys = {d.key for d in check_every}
    check_data = [d for d in data if d.key in check_keys]
    check_folds = assign_folds(check_every)
    check_train = [d for d in check_data if check_folds[d.key] != CHECK_FOLD]
    check_test = [d for d in check_data if check_folds[d.key] == CHECK_FOLD]
    result["check"] = {
        "command": f"python bench/train_headings.py --sample {CHECK_SAMPLE} --check-fold {CHECK_FOLD}",
        "per_fold": (
            {
                str(CHECK_FOLD): {
                    k: v
                    for k, v in figures(decide_docs(check_test, fit_model(check_train))).items()
                    if k.startswith("all.")
                }
            }
            if args.sample == 1
            else {}
        ),
    }
    if args.save_model is not None:
        args.save_model.write_text(json.dumps(shipped, separators=(",", ":")) + "\n", encoding="utf-8")
    result["seconds"] = round(time.perf_counter() - started)
    return result


def check(result: dict[str, Any], table: dict[str, Any]) -> list[str]:
    """Figures of the re-run fold that differ from the shipped table by more than the tolerance."""
    problems = []
    for fold, values in result["per_fold"].items():
        problems += differing_figures(values, table["per_fold"].get(fold, {}), f"fold {fold}", CHECK_TOLERANCE)
    return problems


def markdown_table(table: dict[str, Any]) -> str:
    rows = (
        ("rules only", "rules_only"),
        ("scorer, out of fold (5 host folds)", "out_of_fold"),
        ("trained on all, in sample", "shipped_in_sample"),
    )
    groups = [k[: -len(".headings_f1")] for k in table["rules_only"] if k.endswith(".headings_f1")]
    lines = ["| headings F1 (P / R) | " + " | ".join(groups) + " |", "|---" * (len(groups) + 1) + "|"]
    for label, key in rows:
        f = table[key]
        cells = [
            f"{f[g + '.headings_f1']:.3f} ({f[g + '.headings_p']:.3f} / {f[g + '.headings_r']:.3f})" for g in groups
        ]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="evaluation corpus (default ../shared/corpus)")
    parser.add_argument("--sample", type=int, default=1, help="every k-th wcxb document (iterating, the CI check)")
    parser.add_argument("--check-fold", type=int, help="re-run one fold and compare with headings_oof.json")
    parser.add_argument("--out", type=Path, default=OOF_TABLE, help="the out-of-fold table (JSON)")
    parser.add_argument("--save-model", type=Path, help="write the model trained on every document here")
    parser.add_argument(
        "--family",
        choices=("logistic", "lightgbm"),
        default="logistic",
        help="model family (lightgbm: comparison only, nothing saved)",
    )
    parser.add_argument("--cache", type=Path, help="keep the extracted candidates in this file (iterating)")
    parser.add_argument("--table", action="store_true", help="print the README table from headings_oof.json")
    args = parser.parse_args(argv)
    if args.table:
        print(markdown_table(json.loads(args.out.read_text(encoding="utf-8"))), end="")
        return 0
    FAMILY["name"] = args.family
    if args.family != "logistic":
        args.out = args.out.with_name(f"headings_oof_{args.family}.json")
        args.save_model = None
    result = run(args)
    if args.check_fold is not None:
        table = json.loads(args.out.read_text(encoding="utf-8"))
        problems = check(result, table["check"])
        print("\n".join(problems) if problems else f"fold {args.check_fold} reproduces headings_oof.json")
        return 1 if problems else 0
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(markdown_table(result), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
