"""Running systems over documents in a process pool and scoring each prediction.

Each task is one (system, document) pair; the worker times only the system call,
in CPU seconds of the worker process, so docs/s is the system's single-core
throughput whatever else loads the machine. It also turns
any exception or timeout into an empty prediction plus an error string, so one
bad document never stops a run.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.corpus import Doc
from bench.peers import System, build
from bench.scoring import EMPTY, Prediction, score_document

Record = dict[str, Any]
DEFAULT_TIMEOUT = 60.0
_built: dict[str, System] = {}


class DocTimeout(Exception):
    """The system spent longer than the per-document budget."""


def _on_alarm(_signum: int, _frame: Any) -> None:
    raise DocTimeout


def _system(name: str) -> System:
    if name not in _built:
        _built[name] = build(name)
    return _built[name]


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def coerce(pred: Any) -> Prediction:
    """Validate a system's output; anything malformed raises and becomes a per-doc error."""
    if not isinstance(pred, Prediction):
        raise TypeError(f"system returned {type(pred).__name__}, not Prediction")
    body = pred.body if isinstance(pred.body, str) else ""
    return Prediction(
        title=_text_or_none(pred.title),
        authors=tuple(a for a in pred.authors if isinstance(a, str)),
        published=_text_or_none(pred.published),
        headings=tuple(h for h in pred.headings if isinstance(h, str)),
        body=body,
    )


def _timed_call(system: System, text: str, doc: Doc, timeout: float) -> tuple[Prediction, float, str | None]:
    # A pathological input (regex backtracking, huge page) must not stall the run;
    # a wall-clock alarm also catches a system blocked on I/O.
    use_alarm = timeout > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGALRM, _on_alarm) if use_alarm else None
    start = time.process_time()
    try:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, timeout)
        pred, error = coerce(system(text, doc)), None
    except DocTimeout:
        pred, error = EMPTY, f"timeout after {timeout:g}s"
    except Exception as exc:
        pred, error = EMPTY, f"{type(exc).__name__}: {exc}"[:300]
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
    return pred, time.process_time() - start, error


def evaluate_doc(task: tuple[str, Doc, float]) -> Record:
    """Run one system on one document and score it; the record is JSON-serialisable."""
    name, doc, timeout = task
    text, gold = doc.read_text(), doc.read_gold()
    pred, seconds, error = _timed_call(_system(name), text, doc, timeout)
    return doc_record(name, doc, gold, pred, seconds, error)


def doc_record(
    system: str,
    doc: Doc,
    gold: Mapping[str, Any],
    pred: Prediction,
    seconds: float,
    error: str | None = None,
    *,
    renderer: str | None = None,
    path: Path | None = None,
) -> Record:
    """One document's scored record (what --per-doc writes and report.Figures reads): its place in the
    corpus, its scores, and the gold and predicted title, authors and date. `renderer` and `path` default
    to the corpus dump's."""
    return {
        "system": system,
        "dataset": doc.dataset,
        "id": doc.id,
        "renderer": renderer or doc.renderer,
        "scope": doc.scope,
        "language": doc.language,
        "path": str(path or doc.text_path),
        "seconds": seconds,
        "error": error,
        "scores": score_document(pred, gold),
        "gold": {k: gold.get(k) for k in ("title", "authors", "published")},
        "pred": {"title": pred.title, "authors": list(pred.authors), "published": pred.published},
    }


def _tasks(systems: Sequence[str], docs: Sequence[Doc], timeout: float) -> list[tuple[str, Doc, float]]:
    return [(name, doc, timeout) for name in systems for doc in docs]


def run(
    systems: Sequence[str], docs: Sequence[Doc], workers: int = 2, timeout: float = DEFAULT_TIMEOUT
) -> list[Record]:
    """Every (system, doc) record, sorted by system order then (dataset, id)."""
    tasks = _tasks(systems, docs, timeout)
    if workers <= 1:
        records = list(_progress(map(evaluate_doc, tasks), len(tasks)))
    else:
        with multiprocessing.Pool(workers) as pool:
            # Small chunks keep every worker busy to the end despite very uneven doc sizes.
            chunk = max(1, min(16, len(tasks) // 64))
            records = list(_progress(pool.imap_unordered(evaluate_doc, tasks, chunksize=chunk), len(tasks)))
    order = {name: i for i, name in enumerate(systems)}
    return sorted(records, key=lambda r: (order[r["system"]], r["dataset"], r["id"]))


def _progress(records: Iterable[Record], total: int) -> Iterator[Record]:
    """A done/total counter on an interactive stderr; peers take minutes on the full corpus."""
    show = sys.stderr.isatty()
    for done, record in enumerate(records, 1):
        if show and (done % 50 == 0 or done == total):
            print(f"\r{done}/{total} docs", end="\n" if done == total else "", file=sys.stderr, flush=True)
        yield record
