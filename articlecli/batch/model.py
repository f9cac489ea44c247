"""What flows through a batch: a Task (one document to parse) and its Result."""

from __future__ import annotations

from dataclasses import dataclass, field

# Result statuses. A batch counts each; the exit code is decided from FAILED and NO_BODY.
OK = "ok"
NO_BODY = "no-body"
FAILED = "failed"
SKIPPED = "skipped"
UP_TO_DATE = "up-to-date"  # --resume: the output on disk is current, nothing was parsed

# Task kinds: how the worker gets at the document.
KIND_FILE = "file"  # payload None: the worker reads `source` from disk (no bytes through the pipe)
KIND_BYTES = "bytes"  # payload: the raw document (WET conversion record, or a file read by the parent)
KIND_JSON_RECORD = "json-record"  # payload: one JSON Lines line, decoded by the worker
KIND_HTML = "html"  # payload: an HTML page (WARC response body), or None: the worker reads `source` (.html files)
KIND_NOT_HTML = "not-html"  # a WARC response that is no page (image, PDF): reported as skipped, never parsed


@dataclass(frozen=True, slots=True)
class Task:
    """One document to parse. `index` is its position in the input order (outputs keep that order).

    `record` is the line number (JSON Lines) or record number (WARC) inside a container file, 1-based;
    `out_rel` the output path relative to the output folder; `fingerprint` identifies the input's
    version (size and mtime of the file it came from) for --resume.
    """

    index: int
    source: str
    kind: str
    record: int | None = None
    url: str | None = None
    payload: bytes | None = None
    out_rel: str | None = None
    fingerprint: str = ""
    size: int = 0


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one Task. `outputs` maps an output format to the rendered document."""

    index: int
    source: str
    status: str
    record: int | None = None
    url: str | None = None
    error_kind: str | None = None
    message: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)
    size: int = 0
    out_rel: str | None = None
    fingerprint: str = ""

    def to_report(self) -> dict[str, object]:
        """The error report line for a result that is not OK."""
        return {
            "source": self.source,
            "record": self.record,
            "url": self.url,
            "status": self.status,
            "error": self.error_kind,
            "message": self.message,
        }


def result_for(task: Task, status: str, error_kind: str | None = None, message: str | None = None) -> Result:
    """A Result that carries no output (failed, skipped or up to date)."""
    return Result(
        index=task.index,
        source=task.source,
        status=status,
        record=task.record,
        url=task.url,
        error_kind=error_kind,
        message=message,
        size=task.size,
        out_rel=task.out_rel,
        fingerprint=task.fingerprint,
    )
