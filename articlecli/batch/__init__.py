"""Batch parsing: many inputs (folders, globs, JSON Lines, WARC/WET) through a process pool or a
Dask cluster, with atomic outputs, resume and an error report.

    from articlecli.batch import iter_results, process_document
    for result in iter_results(["scrapes/"], jobs=2):
        print(result.source, result.status, result.outputs["json"][:80] if result.outputs else "")

`process_document(task, settings)` is the pure per-document function a pool or a cluster maps.
"""

from __future__ import annotations

from .model import FAILED, NO_BODY, OK, SKIPPED, UP_TO_DATE, Result, Task
from .patterns import PathFilter
from .runner import BatchConfig, Inputs, iter_results, run_batch
from .settings import FORMATS, WorkSettings
from .work import process_document

__all__ = [
    "FAILED",
    "FORMATS",
    "NO_BODY",
    "OK",
    "SKIPPED",
    "UP_TO_DATE",
    "BatchConfig",
    "Inputs",
    "PathFilter",
    "Result",
    "Task",
    "WorkSettings",
    "iter_results",
    "process_document",
    "run_batch",
]
