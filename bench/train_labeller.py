#!/usr/bin/env python
"""Train the labeller model from ../shared/corpus alone, measure it out of fold, ship it.

  python bench/train_labeller.py                      # folds, cross-dataset, ship model + out-of-fold table
  python bench/train_labeller.py --families           # only: LightGBM vs logistic regression, unit level
  python bench/train_labeller.py --check-fold 0       # re-run one fold, compare with the shipped table

Steps: every dev document is run through the rules (pipeline.rule_stage) and its units turned into
vectors (labeller/unit_vectors.py) and labels (bench/align.py). Hosts (from the index's url) are
split into 5 folds; for each fold a model trained on the other four decodes the fold's documents
through the whole pipeline, and those documents are scored exactly as bench/evaluate.py scores
them. The out-of-fold table, the rules-only table on the same documents, train-on-one-dataset /
test-on-the-other and the confidence deciles go to articlecli/data/labeller/oof.json; the model
trained on every document goes to articlecli/data/labeller/model.json. Deterministic: fixed fold
assignment, a deterministic solver, no random state.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import pickle
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articlecli.frontends.decoding import normalize_text
from articlecli.frontends.text import read_units
from articlecli.labeller import LABELLER_MODEL_ENV, LABELLER_RULES_ONLY
from articlecli.labeller import decode as decoding
from articlecli.labeller.unit_vectors import FEATURE_NAMES, unit_vectors
from articlecli.options import ParseOptions
from articlecli.pipeline import article_from, rule_stage
from bench import gate, report
from bench.align import align
from bench.corpus import Doc, corpus_dir, load_index
from bench.peers import prediction_from_article
from bench.runner import doc_record

PACKAGE_DATA = Path(__file__).resolve().parent.parent / "articlecli" / "data" / "labeller"
FOLDS = 5
# Inverse regularisation strength of both logistic models (sklearn's C), on standardised features.
C_BODY = 1.0
C_HEADING = 1.0
# Body F1 counts words, so a unit weighs by its length, damped so one long unit does not outweigh a page.
WEIGHT_CAP_WORDS = 200
# Confidence deciles reported in the README (lowest and highest tenth of pages by confidence).
DECILES = 10
# A page's units weigh together as much as this many units at most, so long pages do not dominate.
TEXT_TARGET = frozenset({"body", "heading", "body-any"})
NOT_TEXT = frozenset({"title", "byline", "date", "boilerplate"})
# Figures compared by --check-fold and tests/test_labeller_fold.py, and their tolerance.
CHECK_METRICS = ("body_f1", "headings_f1", "with_hit", "without_leak", "title_exact", "authors_f1", "date_acc")
CHECK_TOLERANCE = 0.005
# The check run that CI repeats: every third document, this fold held out (a third of a fold's cost).
CHECK_SAMPLE = 3
CHECK_FOLD = 0


# --- extraction ------------------------------------------------------------------


@dataclass
class DocData:
    doc: Doc
    rows: list[list[float]]
    labels: list[str | None]
    words: list[int]
    has_headings: bool


def host(doc: Doc) -> str:
    netloc = urlsplit(doc.url or "").netloc.lower()
    netloc = netloc.removeprefix("www.")
    return netloc or f"no-host:{doc.key}"


def extract(doc: Doc) -> DocData:
    text, gold = doc.read_text(), doc.read_gold()
    units, input_format = read_units(normalize_text(text))
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    rows = unit_vectors(view)
    labels = align(units, gold, view.language)
    words = [f.words for f in view.features]
    return DocData(doc, rows, labels, words, gold.get("headings") is not None and gold.get("body") is not None)


def _pool_map(fn: Any, items: Sequence[Any], workers: int) -> list[Any]:
    if workers <= 1:
        return list(map(fn, items))
    with multiprocessing.Pool(workers) as pool:
        return pool.map(fn, items, chunksize=8)


def assign_folds(docs: Sequence[Doc], folds: int = FOLDS) -> dict[str, int]:
    """Hosts into folds: largest hosts first, each to the fold with fewest documents (ties: lowest fold).
    Hosts of equal size are ordered by a hash of their name, so the split depends on nothing else."""
    sizes = Counter(host(doc) for doc in docs)
    order = sorted(sizes, key=lambda h: (-sizes[h], hashlib.sha1(h.encode()).hexdigest()))
    load = [0] * folds
    fold_of: dict[str, int] = {}
    for name in order:
        target = min(range(folds), key=lambda f: (load[f], f))
        fold_of[name] = target
        load[target] += sizes[name]
    return {doc.key: fold_of[host(doc)] for doc in docs}


# --- fitting ---------------------------------------------------------------------


@dataclass
class Matrix:
    x: np.ndarray
    body_y: np.ndarray
    body_w: np.ndarray
    body_mask: np.ndarray
    heading_mask: np.ndarray
    heading_y: np.ndarray


def stack(data: Iterable[DocData]) -> Matrix:
    rows: list[list[float]] = []
    labels: list[str | None] = []
    words: list[int] = []
    heading_ok: list[bool] = []
    for item in data:
        rows.extend(item.rows)
        labels.extend(item.labels)
        words.extend(item.words)
        heading_ok.extend([item.has_headings] * len(item.rows))
    x = np.asarray(rows, dtype=np.float64).reshape(-1, len(FEATURE_NAMES))
    body_mask = np.array([label in TEXT_TARGET or label in NOT_TEXT for label in labels], dtype=bool)
    body_y = np.array([label in TEXT_TARGET for label in labels], dtype=np.int8)
    weight = np.sqrt(np.minimum(np.asarray(words, dtype=np.float64), WEIGHT_CAP_WORDS) + 1.0)
    heading_mask = np.array([ok and label in ("body", "heading") for ok, label in zip(heading_ok, labels, strict=True)])
    heading_y = np.array([label == "heading" for label in labels], dtype=np.int8)
    return Matrix(x, body_y, weight, body_mask, heading_mask, heading_y)


def _fit_linear(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    if len(set(y.tolist())) < 2:
        # No positive (or no negative) example (a dataset without heading gold): a model that always
        # answers 0.5, which leaves the rules alone.
        zeros = [0.0] * x.shape[1]
        return {"weights": zeros, "bias": 0.0, "mean": zeros, "scale": [1.0] * x.shape[1]}
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    model.fit((x - mean) / scale, y, sample_weight=w)
    return {
        "weights": [round(float(v), 6) for v in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
    }


def fit_units(m: Matrix) -> dict[str, Any]:
    body = _fit_linear(m.x[m.body_mask], m.body_y[m.body_mask], m.body_w[m.body_mask], C_BODY)
    heading = _fit_linear(m.x[m.heading_mask], m.heading_y[m.heading_mask], m.body_w[m.heading_mask], C_HEADING)
    return {"version": 1, "features": list(FEATURE_NAMES), "body": body, "heading": heading}


# --- out-of-fold decoding ----------------------------------------------------------


# A document, its vectors (read once, at extraction), and the (name, model file, override set) to decode.
Task = tuple[Doc, list[list[float]], tuple[tuple[str, str, str], ...]]


def decode_doc(task: Task) -> dict[str, dict[str, Any]]:
    """Run the rules on one doc once, then decode with each (name, model file, override set) given
    (model "none": the rules alone) and score each result as bench/evaluate.py does. The vectors are
    the extraction's and each model scores the units once, whatever the number of override sets. The
    page vector for the confidence is read with the first model."""
    doc, rows, models = task
    text, gold = doc.read_text(), doc.read_gold()
    start = time.process_time()
    units, input_format = read_units(normalize_text(text))
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    rules_seconds = time.process_time() - start
    sets = {s.name: s for s in decoding.OVERRIDE_SETS}
    scored: dict[str, list[float]] = {}
    out = {}
    vector = None
    for name, model_path, set_name in models:
        start = time.process_time()
        model = None if model_path == LABELLER_RULES_ONLY else decoding.load_model(model_path)
        if model is not None and model_path not in scored:
            scored[model_path] = decoding.unit_scores(view, model, rows)[0]
        if model is not None:
            decoded = decoding.decode(view, model, sets[set_name], rows, scored[model_path])
        else:
            decoded = decoding.Decoded()
        article = article_from(view, decoded, source=str(doc.text_path), input_format=input_format)
        seconds = rules_seconds + time.process_time() - start
        if vector is None and model is not None and units:
            vector = decoding.confidence_vector(view, scored[model_path])
        record = doc_record("articlecli", doc, gold, prediction_from_article(article), seconds)
        out[name] = {**record, "confidence_vector": vector}
    return out


def run_decoding(tasks: Sequence[Task], workers: int) -> dict[str, list[Any]]:
    """Records per model name, each list in (dataset, id) order."""
    by_name: dict[str, list[Any]] = defaultdict(list)
    for result in _pool_map(decode_doc, tasks, workers):
        for name, record in result.items():
            by_name[name].append(record)
    for records in by_name.values():
        records.sort(key=lambda r: (r["dataset"], r["id"]))
    return by_name


def figures_of(records: Sequence[dict[str, Any]]) -> dict[str, float | None]:
    values = report.aggregate(records).values
    return {k: (round(v, 4) if v is not None else None) for k, v in values.items() if not k.endswith("docs_per_s")}


# --- confidence --------------------------------------------------------------------


def _fit_confidence(x: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    """Least squares from the page vector to body F1, then isotonic calibration of its output."""
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import Ridge

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    ridge = Ridge(alpha=1.0).fit((x - mean) / scale, y)
    raw = ridge.predict((x - mean) / scale)
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(raw, y)
    steps = [
        [round(float(a), 6), round(float(b), 4)] for a, b in zip(iso.X_thresholds_, iso.y_thresholds_, strict=True)
    ]
    return {
        "features": list(decoding.CONFIDENCE_FEATURES),
        "weights": [round(float(v), 6) for v in ridge.coef_],
        "bias": round(float(ridge.intercept_), 6),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "calibration": steps,
    }


def _apply_confidence(spec: dict[str, Any], x: np.ndarray) -> np.ndarray:
    raw = ((x - np.asarray(spec["mean"])) / np.asarray(spec["scale"])) @ np.asarray(spec["weights"]) + spec["bias"]
    xs = [a for a, _ in spec["calibration"]]
    ys = [b for _, b in spec["calibration"]]
    positions = np.clip(np.searchsorted(xs, raw, side="right") - 1, 0, len(ys) - 1)
    return np.asarray(ys)[positions]


def confidence_table(records: Sequence[dict[str, Any]], fold_of: dict[str, int]) -> tuple[dict[str, Any], list[Any]]:
    """Out-of-fold confidence on wcxb pages (those with a gold body): deciles of body F1 by confidence."""
    rows = [r for r in records if r["confidence_vector"] is not None and r["scores"].get("body_f1") is not None]
    x = np.asarray([r["confidence_vector"] for r in rows])
    y = np.asarray([r["scores"]["body_f1"] for r in rows])
    folds = np.asarray([fold_of[f"{r['dataset']}/{r['id']}"] for r in rows])
    predicted = np.zeros(len(rows))
    for fold in range(FOLDS):
        test = folds == fold
        spec = _fit_confidence(x[~test], y[~test])
        predicted[test] = _apply_confidence(spec, x[test])
    # Ties broken by document order (stable sort): the deciles do not depend on anything else.
    order = np.argsort(predicted, kind="stable")
    deciles = []
    for part in np.array_split(order, DECILES):
        deciles.append(
            {
                "docs": len(part),
                "mean_confidence": round(float(predicted[part].mean()), 4),
                "mean_body_f1": round(float(y[part].mean()), 4),
            }
        )
    corr = float(np.corrcoef(predicted, y)[0, 1]) if len(rows) > 1 else None
    summary = {
        "docs": len(rows),
        "deciles": deciles,
        "pearson": round(corr, 4) if corr is not None else None,
        "mean_abs_error": round(float(np.abs(predicted - y).mean()), 4),
    }
    return summary, [x, y]


# --- families (unit level) -----------------------------------------------------------


def compare_families(data: Sequence[DocData], fold_of: dict[str, int]) -> dict[str, Any]:
    """Unit-level out-of-fold comparison of logistic regression and LightGBM on the body target."""
    import lightgbm as lgb
    from sklearn.metrics import log_loss, roc_auc_score

    out: dict[str, Any] = {}
    preds: dict[str, list[np.ndarray]] = defaultdict(list)
    truths: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for fold in range(FOLDS):
        train = stack(d for d in data if fold_of[d.doc.key] != fold)
        test = stack(d for d in data if fold_of[d.doc.key] == fold)
        spec = _fit_linear(
            train.x[train.body_mask], train.body_y[train.body_mask], train.body_w[train.body_mask], C_BODY
        )
        xt = test.x[test.body_mask]
        margin = ((xt - np.asarray(spec["mean"])) / np.asarray(spec["scale"])) @ np.asarray(spec["weights"])
        preds["logistic"].append(1 / (1 + np.exp(-(margin + spec["bias"]))))
        gbm = lgb.LGBMClassifier(
            n_estimators=200, num_leaves=31, learning_rate=0.05, deterministic=True, seed=0, n_jobs=2, verbose=-1
        )
        gbm.fit(train.x[train.body_mask], train.body_y[train.body_mask], sample_weight=train.body_w[train.body_mask])
        preds["lightgbm-200x31"].append(np.asarray(gbm.predict_proba(xt))[:, 1])
        # The rules' own decision (kept as text or heading), as a 0/1 score.
        preds["rules"].append(xt[:, FEATURE_NAMES.index("rule_text")] + xt[:, FEATURE_NAMES.index("rule_heading")])
        truths.append(test.body_y[test.body_mask])
        weights.append(test.body_w[test.body_mask])
    y = np.concatenate(truths)
    w = np.concatenate(weights)
    for name, parts in preds.items():
        p = np.concatenate(parts)
        out[name] = {
            "auc": round(float(roc_auc_score(y, p, sample_weight=w)), 4),
            "log_loss": round(float(log_loss(y, np.clip(p, 1e-6, 1 - 1e-6), sample_weight=w)), 4),
            "accuracy": round(float(((p > 0.5) == y).astype(float) @ w / w.sum()), 4),
        }
    out["units"] = len(y)
    return out


# --- main ----------------------------------------------------------------------------


def _write_model(spec: dict[str, Any], directory: Path, name: str) -> str:
    path = directory / name
    path.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")
    return str(path)


def _label_counts(data: Sequence[DocData]) -> dict[str, int]:
    counts = Counter(label or "masked" for item in data for label in item.labels)
    return dict(sorted(counts.items()))


def train(args: argparse.Namespace) -> dict[str, Any]:
    root = corpus_dir(args.corpus)
    docs = load_index(root)[:: args.sample]
    fold_of = assign_folds(docs)
    started = time.perf_counter()
    data = _extracted(docs, args)
    print(f"extracted {len(data)} docs in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    result: dict[str, Any] = {
        "command": "python bench/train_labeller.py" + (f" --sample {args.sample}" if args.sample > 1 else ""),
        "docs": len(docs),
        "folds": FOLDS,
        "fold_docs": [sum(1 for k in fold_of.values() if k == f) for f in range(FOLDS)],
        "labels": _label_counts(data),
        "settings": {"C_body": C_BODY, "C_heading": C_HEADING, "weight_cap_words": WEIGHT_CAP_WORDS},
        "thresholds": {
            "remove_below": decoding.REMOVE_BELOW,
            "keep_above": decoding.KEEP_ABOVE,
            "heading_above": decoding.HEADING_ABOVE,
            "paragraph_below": decoding.PARAGRAPH_BELOW,
            "region_threshold": decoding.REGION_THRESHOLD,
            "region_word_cap": decoding.REGION_WORD_CAP,
        },
    }
    only = args.check_fold
    sets = [overrides.name for overrides in decoding.OVERRIDE_SETS]
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        fold_paths = {
            fold: _write_model(fit_units(stack(d for d in data if fold_of[d.doc.key] != fold)), where, f"f{fold}.json")
            for fold in range(FOLDS)
            if only is None or fold == only
        }
        if only is not None:
            chosen = args.check_overrides
            tasks: list[Task] = [
                (d.doc, d.rows, (("oof", fold_paths[only], chosen),)) for d in data if fold_of[d.doc.key] == only
            ]
            result["per_fold"] = {str(only): _check_figures(run_decoding(tasks, args.workers)["oof"])}
            return result
        cross = {
            test_on: _write_model(
                fit_units(stack(d for d in data if d.doc.dataset == train_on)), where, f"x{test_on}.json"
            )
            for train_on, test_on in (("wcxb", "trafilatura-eval"), ("trafilatura-eval", "wcxb"))
        }
        shipped = fit_units(stack(data))
        shipped_path = _write_model(shipped, where, "shipped.json")
        # The CI check run: what `--sample 3 --check-fold 0` computes, from the same extracted documents.
        check_keys = {doc.key for doc in docs[::CHECK_SAMPLE]}
        check_folds = assign_folds([d.doc for d in data if d.doc.key in check_keys])
        check_train = (d for d in data if d.doc.key in check_keys and check_folds[d.doc.key] != CHECK_FOLD)
        check_path = _write_model(fit_units(stack(check_train)), where, "check.json")
        check_docs = {k for k, fold in check_folds.items() if fold == CHECK_FOLD}
        tasks = []
        for d in data:
            models = [("rules", LABELLER_RULES_ONLY, "none")]
            for name in sets:
                models += [
                    (f"oof:{name}", fold_paths[fold_of[d.doc.key]], name),
                    (f"cross:{name}", cross[d.doc.dataset], name),
                    (f"shipped:{name}", shipped_path, name),
                ]
                if d.doc.key in check_docs:
                    models.append((f"check:{name}", check_path, name))
            # The out-of-fold model first: the confidence vector is read with it.
            models.sort(key=lambda m: not m[0].startswith("oof:"))
            tasks.append((d.doc, d.rows, tuple(models)))
        runs = run_decoding(tasks, args.workers)
    print(f"decoded in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    rules = figures_of(runs["rules"])
    ablation = {name: figures_of(runs[f"oof:{name}"]) for name in sets}
    chosen = choose_overrides(rules, ablation)
    result["overrides"] = asdict(next(o for o in decoding.OVERRIDE_SETS if o.name == chosen))
    result["override_sets"] = {
        name: {**_verdict(rules, figures), **{k: figures.get(k) for k in _ABLATION_KEYS}}
        for name, figures in ablation.items()
    }
    oof = runs[f"oof:{chosen}"]
    result["per_fold"] = {
        str(fold): _check_figures([r for r in oof if fold_of[f"{r['dataset']}/{r['id']}"] == fold])
        for fold in range(FOLDS)
    }
    result["check"] = {
        "command": f"python bench/train_labeller.py --sample {CHECK_SAMPLE} --check-fold {CHECK_FOLD}",
        "overrides": chosen,
        "per_fold": {str(CHECK_FOLD): _check_figures(runs[f"check:{chosen}"])} if args.sample == 1 else {},
    }
    result["rules_only"] = rules
    result["out_of_fold"] = figures_of(oof)
    result["cross_dataset"] = figures_of(runs[f"cross:{chosen}"])
    result["shipped_in_sample"] = figures_of(runs[f"shipped:{chosen}"])
    confidence, (cx, cy) = confidence_table(oof, fold_of)
    result["confidence"] = confidence
    shipped["confidence"] = _fit_confidence(cx, cy)
    shipped["overrides"] = result["overrides"]
    args.out.mkdir(parents=True, exist_ok=True)
    _write_model(shipped, args.out, "model.json")
    result["seconds"] = round(time.perf_counter() - started)
    return result


# Figures an override set must not lower (the quality gate's keys: overall, per dataset, renderer, scope)
# and the gain it must show. A set that lowers none and raises some is kept; of several, the largest gain.
GATE_NOISE = 0.0005
_ABLATION_KEYS = (
    "wcxb.body_f1",
    "all.headings_f1",
    "all.headings_p",
    "all.with_hit",
    "all.without_leak",
    "trafilatura-eval.without_leak",
)


def _verdict(rules: dict[str, float | None], figures: dict[str, float | None]) -> dict[str, Any]:
    drops, gain = [], 0.0
    for key in gate.gated_keys():
        before, after = rules.get(key), figures.get(key)
        if before is None or after is None:
            continue
        change = (before - after) if gate.lower_is_better(key) else (after - before)
        if change < -GATE_NOISE:
            drops.append(f"{key} {before:.3f} -> {after:.3f}")
        gain += max(change, 0.0)
    return {"drops": drops, "gain": round(gain, 4)}


def choose_overrides(rules: dict[str, float | None], ablation: dict[str, dict[str, float | None]]) -> str:
    """The override set kept: no gated figure below the rules', the largest total gain; else none."""
    verdicts = {name: _verdict(rules, figures) for name, figures in ablation.items()}
    kept = [name for name, v in verdicts.items() if not v["drops"] and v["gain"] > 0]
    return max(kept, key=lambda name: (verdicts[name]["gain"], name)) if kept else "none"


def _code_fingerprint() -> str:
    """A hash of the package's code and data: vectors extracted by other rules are never reused."""
    package = Path(__file__).resolve().parent.parent / "articlecli"
    digest = hashlib.sha1()
    # The trained model and its table are what the cached vectors train, not what they are made of.
    trained = package / "data" / "labeller"
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".json", ".tsv") and path.parent != trained:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _extracted(docs: Sequence[Doc], args: argparse.Namespace) -> list[DocData]:
    """Every document's vectors and labels; --cache keeps them in a file between runs (extraction is
    deterministic, so a cached run gives the same result as a fresh one). The cache holds the code's
    fingerprint: after any change to the rules or the vectors it is extracted again."""
    cache: Path | None = getattr(args, "cache", None)
    fingerprint = _code_fingerprint() if cache is not None else ""
    if cache is not None and cache.is_file():
        with cache.open("rb") as fh:
            cached = pickle.load(fh)
        if isinstance(cached, tuple) and cached[0] == fingerprint:
            wanted = {doc.key for doc in docs}
            data = [d for d in cached[1] if d.doc.key in wanted]
            if len(data) == len(wanted):
                return data
    data = _pool_map(extract, docs, args.workers)
    if cache is not None:
        with cache.open("wb") as fh:
            pickle.dump((fingerprint, data), fh)
    return data


def _check_figures(records: Sequence[dict[str, Any]]) -> dict[str, float | None]:
    return {k: v for k, v in figures_of(records).items() if k.startswith("all.") and k[4:] in CHECK_METRICS}


def differing_figures(
    figures: dict[str, float | None], pinned: dict[str, Any], label: str, tolerance: float = CHECK_TOLERANCE
) -> list[str]:
    """The figures of a re-run that differ from the pinned ones by more than the tolerance (or that one
    of the two lacks), one line each, prefixed by `label`. Every training script's fold check uses it."""
    problems = []
    for key, value in figures.items():
        want = pinned.get(key)
        # One figure missing where the other has it differs; two present figures differ past the tolerance.
        one_missing = (value is None) != (want is None)
        if one_missing or (value is not None and want is not None and abs(value - want) > tolerance):
            problems.append(f"{label} {key}: {value} (table: {want})")
    return problems


def check(result: dict[str, Any], table: dict[str, Any]) -> list[str]:
    """Figures of the re-run fold(s) that differ from the shipped table by more than the tolerance."""
    problems = []
    for fold, figures in result["per_fold"].items():
        problems += differing_figures(figures, table["per_fold"].get(fold, {}), f"fold {fold}")
    return problems


# The README's table: (column title, metric keys joined by " / ").
TABLE_COLUMNS = (
    ("body word F1 (wcxb)", ("wcxb.body_f1",)),
    ("body P / R", ("wcxb.body_p", "wcxb.body_r")),
    ("headings F1 (P)", ("all.headings_f1", "all.headings_p")),
    ("title exact", ("all.title_exact",)),
    ("authors F1", ("all.authors_f1",)),
    ("date acc / wrong", ("all.date_acc", "all.date_wrong")),
    ("traf-eval hit / leak", ("trafilatura-eval.with_hit", "trafilatura-eval.without_leak")),
    ("all hit / leak", ("all.with_hit", "all.without_leak")),
)
TABLE_ROWS = (
    ("rules only", "rules_only"),
    ("model, out of fold (5 folds by host)", "out_of_fold"),
    ("model, trained on the other dataset", "cross_dataset"),
    ("shipped model, in sample", "shipped_in_sample"),
)


def markdown_table(table: dict[str, Any]) -> str:
    """The README tables from oof.json: overall figures per system, and body F1 per renderer/scope."""
    lines = ["| | " + " | ".join(title for title, _ in TABLE_COLUMNS) + " |", "|---" * (len(TABLE_COLUMNS) + 1) + "|"]
    for label, key in TABLE_ROWS:
        figures = table[key]
        cells = [" / ".join(report.fmt(figures.get(k)) for k in keys) for _, keys in TABLE_COLUMNS]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    slices = [k.rsplit(".", 1)[0] for k in table["rules_only"] if k.endswith(".docs")]
    for metric, prefixes in (("body_f1", ("renderer:", "scope:")), ("without_leak", ("renderer:", "scope:", "lang:"))):
        names = [name for name in slices if name.startswith(prefixes) and table["rules_only"].get(f"{name}.{metric}")]
        lines += ["", f"| {metric} | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
        for label, key in TABLE_ROWS:
            cells = [report.fmt(table[key].get(f"{name}.{metric}")) for name in names]
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def override_list(table: dict[str, Any]) -> str:
    """The README's list of override sets from oof.json: out-of-fold figures and verdict of each, then the kept one."""
    f = report.fmt
    lines = []
    # The kept-worthy sets first (no gated figure drops), each group by gain.
    ranked = sorted(
        table["override_sets"].items(),
        key=lambda item: (bool(item[1].get("drops")), -item[1].get("gain", 0), item[0]),
    )
    for name, figures in ranked:
        drops = figures.get("drops", [])
        verdict = (
            f"{len(drops)} gated figures drop (e.g. {', '.join(drops[:3])})"
            if drops
            else "no gated figure drops" + (f" (gain {f(figures['gain'])})" if figures.get("gain") else "")
        )
        lines.append(
            f"- `{name}`: body F1 {f(figures.get('wcxb.body_f1'))}, headings F1 {f(figures.get('all.headings_f1'))}"
            f" (P {f(figures.get('all.headings_p'))}), hit/leak {f(figures.get('all.with_hit'))}"
            f"/{f(figures.get('all.without_leak'))}, trafilatura-eval leak"
            f" {f(figures.get('trafilatura-eval.without_leak'))}; {verdict}"
        )
    lines += ["", f"Kept: **`{table['check']['overrides']}`**."]
    return "\n".join(lines) + "\n"


def confidence_line(table: dict[str, Any]) -> str:
    """The README's confidence sentence from oof.json: the deciles of body F1 by out-of-fold confidence."""
    f = report.fmt
    confidence = table["confidence"]
    deciles = confidence["deciles"]
    return (
        f"Out of fold on the {confidence['docs']:,} wcxb pages with a gold body: pages in the lowest decile of"
        f" confidence have a mean body F1 of {f(deciles[0]['mean_body_f1'])}, those in the highest"
        f" {f(deciles[-1]['mean_body_f1'])} (Pearson {f(confidence['pearson'])}, mean absolute error"
        f" {f(confidence['mean_abs_error'])}); by decile: {', '.join(f(d['mean_body_f1']) for d in deciles)}"
        f" (mean confidence {f(deciles[0]['mean_confidence'])} … {f(deciles[-1]['mean_confidence'])}).\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", help="evaluation corpus (default ../shared/corpus)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=1, help="every k-th document (for iterating; not for shipping)")
    parser.add_argument(
        "--families",
        action="store_true",
        help="only compare LightGBM with logistic regression (unit level, out of fold)",
    )
    parser.add_argument(
        "--check-fold", type=int, help="re-run one fold (with --sample 3: the CI check) and compare with oof.json"
    )
    parser.add_argument("--cache", type=Path, help="keep extracted vectors and labels in this file (iterating)")
    parser.add_argument("--out", type=Path, default=PACKAGE_DATA, help="where model.json and oof.json go")
    parser.add_argument(
        "--table",
        action="store_true",
        help="print the README tables, override sets and confidence line from oof.json; stop",
    )
    args = parser.parse_args(argv)
    if args.table:
        table = json.loads((args.out / "oof.json").read_text(encoding="utf-8"))
        print(markdown_table(table), override_list(table), confidence_line(table), sep="\n", end="")
        return 0
    os.environ.pop(LABELLER_MODEL_ENV, None)
    if args.families:
        docs = load_index(corpus_dir(args.corpus))[:: args.sample]
        print(json.dumps(compare_families(_extracted(docs, args), assign_folds(docs)), indent=1))
        return 0
    table = json.loads((args.out / "oof.json").read_text(encoding="utf-8")) if args.check_fold is not None else {}
    args.check_overrides = table.get("check", {}).get("overrides", "none")
    result = train(args)
    if args.check_fold is not None:
        problems = check(result, table["check"])
        print("\n".join(problems) if problems else f"fold {args.check_fold} reproduces oof.json")
        return 1 if problems else 0
    (args.out / "oof.json").write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("confidence",)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
