"""Listed files to Tasks: a plain file is one task; JSON Lines and WARC/WET files are containers
of many, read as a stream here (in the parent) so memory does not grow with the container."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator

from .listing import InputFile
from .model import FAILED, KIND_BYTES, KIND_FILE, KIND_HTML, KIND_JSON_RECORD, KIND_NOT_HTML, Result, Task

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".wet", ".warc.gz", ".wet.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
GZIP_MAGIC = b"\x1f\x8b"
WARC_EXTRA_HINT = "reading WARC/WET files needs the warc extra: pip install 'articlecli[warc]'"


def container_kind(name: str) -> str:
    """'jsonl', 'warc', 'html' or 'file', from the file name."""
    lower = name.lower()
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("warc", WARC_SUFFIXES), ("html", HTML_SUFFIXES)):
        if lower.endswith(suffixes):
            return kind
    return "file"


def read_tasks(
    item: InputFile, out_rel: str | None, indexes: Iterator[int], record_rel: RecordPath
) -> Iterator[Task | Result]:
    """The tasks of one listed file; a container that breaks midway ends with one FAILED result."""
    kind = container_kind(item.rel)
    if kind == "file" or kind == "html":
        task_kind = KIND_FILE if kind == "file" else KIND_HTML
        yield Task(next(indexes), item.path, task_kind, out_rel=out_rel, fingerprint=item.fingerprint, size=item.size)
        return
    records = _jsonl_records(item.path) if kind == "jsonl" else _warc_records(item.path)
    number = 0
    try:
        for number, task_kind, url, payload in records:
            yield Task(
                next(indexes),
                item.path,
                task_kind,
                record=number,
                url=url,
                payload=payload,
                out_rel=record_rel(item.rel, number),
                fingerprint=item.fingerprint,
                size=len(payload),
            )
    except (OSError, EOFError, ValueError, ImportError) as exc:  # truncated gzip, I/O error, missing extra
        message = WARC_EXTRA_HINT if isinstance(exc, ImportError) else f"{type(exc).__name__}: {exc}"
        yield Result(next(indexes), item.path, FAILED, record=number + 1, error_kind="unreadable", message=message)


class RecordPath:
    """Output path of record N of a container: '<container rel>/<N><ext>' (a folder named like the file)."""

    def __init__(self, extension: str) -> None:
        self.extension = extension

    def __call__(self, container_rel: str, record: int) -> str:
        return f"{container_rel}/{record}{self.extension}"


def _open(path: str) -> gzip.GzipFile | io.BufferedReader:
    with open(path, "rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == GZIP_MAGIC else open(path, "rb")


def _jsonl_records(path: str) -> Iterator[tuple[int, str, str | None, bytes]]:
    """(line number, kind, url, line) per non-blank line; the worker decodes the JSON."""
    with _open(path) as stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield number, KIND_JSON_RECORD, None, line


def _warc_records(path: str) -> Iterator[tuple[int, str, str | None, bytes]]:
    """(record number, kind, target URI, payload) per WET conversion (text) or WARC response (HTML) record.

    Record numbers count every record of the file from 1, warcinfo and request records included,
    so they point into the file as it is.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with open(path, "rb") as stream:
        for number, record in enumerate(ArchiveIterator(stream, parse_http=True), start=1):
            if record.record_type == WarcRecordType.conversion:
                kind = KIND_BYTES
            elif record.record_type == WarcRecordType.response:
                kind = KIND_HTML if _is_html_response(record.http_content_type) else KIND_NOT_HTML
            else:
                continue
            url = record.headers.get("WARC-Target-URI")
            yield number, kind, url, record.reader.read()


def _is_html_response(content_type: str | None) -> bool:
    """An HTTP Content-Type of a page (text/html, application/xhtml+xml); a missing one is tried as a page."""
    return content_type is None or "html" in content_type.lower()
