"""The per-document function a local pool or a Dask cluster maps: Task in, Result out, no side effects.

It never raises: bad input becomes a FAILED result with an error kind, and a bug in the parser
becomes a FAILED result of kind `internal`, so one document never stops a batch.
"""

from __future__ import annotations

import gzip
import io
import json
from dataclasses import replace
from typing import Any

from articlecli.api import parse_bytes, parse_html, parse_text, read_input
from articlecli.errors import (
    ArticleError,
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputIsDirectoryError,
    InputNotFoundError,
    UnreadableInputError,
)
from articlecli.model import Article
from articlecli.options import ParseOptions
from articlecli.render.json_out import article_to_dict
from articlecli.render.plain import render_markdown, render_text
from articlecli.site.groups import page_head
from articlecli.site.profile import options_for_page

from .model import (
    FAILED,
    KIND_BYTES,
    KIND_FILE,
    KIND_HTML,
    KIND_JSON_RECORD,
    KIND_NOT_HTML,
    NO_BODY,
    OK,
    SKIPPED,
    Result,
    Task,
    result_for,
)
from .settings import WorkSettings

# A WARC response whose HTTP Content-Type says it is no page (an image, a PDF, a script).
NOT_HTML_REASON = "WARC response is not an HTML page"
# An .html.gz file is decompressed up to this size: a page is never near it, a gzip bomb is stopped.
GZIP_PAGE_MAX_BYTES = 64 * 1024 * 1024

ERROR_KINDS: dict[type[ArticleError], str] = {
    InputNotFoundError: "not-found",
    InputIsDirectoryError: "not-a-file",
    UnreadableInputError: "unreadable",
    BinaryInputError: "binary",
    DecodeError: "undecodable",
    EmptyInputError: "empty",
}
BAD_RECORD = "bad-record"  # a JSON Lines line that is not an object with a text field


class BadRecordError(ArticleError):
    """A JSON Lines record that cannot be a document."""


def process_document(task: Task, settings: WorkSettings) -> Result:
    """Parse one document and render it in every format of `settings`. Never raises."""
    try:
        return _process(task, settings)
    except BadRecordError as exc:
        return _failed(task, BAD_RECORD, str(exc))
    except ArticleError as exc:
        return _failed(task, ERROR_KINDS.get(type(exc), "bad-input"), str(exc))
    except Exception as exc:  # a parser bug must cost this document only
        return _failed(task, "internal", f"{type(exc).__name__}: {exc}")


def _process(task: Task, settings: WorkSettings) -> Result:
    extra: dict[str, Any] = {} if task.record is None else {"record": task.record, "url": task.url}
    url = task.url
    if task.kind == KIND_NOT_HTML:
        return _skipped(task, url, NOT_HTML_REASON)
    if task.kind == KIND_HTML and task.payload is not None:
        # A WARC response whose Content-Type says it is a page: HTML by the server's word.
        options = _page_options(settings, url, "", task.source)
        article = parse_html(task.payload, source=task.source, url=url, options=options)
    elif task.kind == KIND_JSON_RECORD:
        fields = decode_record(task.payload or b"")
        url = fields.get("url") if isinstance(fields.get("url"), str) else None
        extra["url"] = url
        if isinstance(fields.get("id"), (str, int)):
            extra["id"] = str(fields["id"])
        field_name, document = record_document(fields)
        if not document.strip():
            raise EmptyInputError(f"record {field_name} is empty or whitespace only")
        options = _page_options(settings, url, "" if field_name == "html" else document, task.source)
        if field_name == "html":
            article = parse_html(document, source=task.source, url=url, options=options)
        else:
            article = parse_text(document, source=task.source, options=options)
    elif task.kind in (KIND_FILE, KIND_BYTES, KIND_HTML):
        # A file is told HTML or text by its content (parse_bytes), whatever its name; .html.gz is unpacked.
        if task.payload is not None:
            data = task.payload
        else:
            data = _read_html_file(task.source) if task.kind == KIND_HTML else read_input(task.source)
        head = page_head(data) if settings.profile is not None else ""
        article = parse_bytes(data, source=task.source, options=_page_options(settings, url, head, task.source))
    else:
        raise ValueError(f"unknown task kind {task.kind!r}")
    outputs = {name: render(article, name, extra) for name in settings.formats}
    return Result(
        index=task.index,
        source=task.source,
        status=OK if article.has_body else NO_BODY,
        record=task.record,
        url=url,
        error_kind=None if article.has_body else NO_BODY,
        message=None if article.has_body else "no article body found",
        outputs=outputs,
        size=task.size,
        out_rel=task.out_rel,
        fingerprint=task.fingerprint,
    )


def _page_options(settings: WorkSettings, url: str | None, head: str, source: str) -> ParseOptions:
    """The parse options with the profile's site for this document (its URL, URL line or folder)."""
    if settings.profile is None:
        return settings.parse_options
    options, _ = options_for_page(settings.parse_options, settings.profile, url=url, text=head, path=source)
    return options


def render(article: Article, output_format: str, extra: dict[str, Any]) -> str:
    """One document in one format. `extra` (record, url, id of a container record) follows `source`.

    For a plain file `extra` is empty and json/jsonl are byte-identical to `articlecli parse`.
    """
    if output_format == "markdown":
        return render_markdown(article)
    if output_format == "text":
        return render_text(article)
    record = article_to_dict(article)
    if extra:
        if "url" in extra:
            # The record's URL (JSON Lines `url`, WARC-Target-URI) first; an HTML page's canonical link
            # (the article's own `url`) where the record has none.
            article_url = record.pop("url", None)
            extra = {**extra, "url": extra["url"] or article_url}
        record = {"source": record.pop("source"), **extra, **record}
    if output_format == "json":
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    if output_format == "jsonl":
        return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    raise ValueError(f"unknown output format {output_format!r}")


def decode_record(line: bytes) -> dict[str, Any]:
    try:
        fields = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRecordError(f"not a JSON object: {exc}") from exc
    if not isinstance(fields, dict):
        raise BadRecordError(f"not a JSON object but a {type(fields).__name__}")
    return fields


def record_document(fields: dict[str, Any]) -> tuple[str, str]:
    """(field name, document) of a JSON Lines record: its text dump first, else its HTML."""
    for name in ("text", "markdown", "html"):
        value = fields.get(name)
        if isinstance(value, str):
            return name, value
    raise BadRecordError('record has no "text", "markdown" or "html" string field')


def _read_html_file(path: str) -> bytes:
    """An .html file's bytes; an .html.gz file decompressed (bounded, so a gzip bomb stops early)."""
    data = read_input(path)
    if not path.endswith(".gz"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            page = stream.read(GZIP_PAGE_MAX_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise UnreadableInputError(f"not a readable gzip file: {exc}") from exc
    if len(page) > GZIP_PAGE_MAX_BYTES:
        raise UnreadableInputError(f"decompresses to more than {GZIP_PAGE_MAX_BYTES // (1024 * 1024)} MiB")
    return page


def _skipped(task: Task, url: str | None, reason: str) -> Result:
    return replace(result_for(task, SKIPPED, "not-html", reason), url=url)


def _failed(task: Task, kind: str, message: str) -> Result:
    return replace(result_for(task, FAILED, kind, message), url=task.url or _record_url(task))


def _record_url(task: Task) -> str | None:
    """The `url` of a JSON Lines record that failed after its line was read, so the error report
    names the page; None when the line is no JSON object or has no string url."""
    if task.kind != KIND_JSON_RECORD or not task.payload:
        return None
    try:
        fields = decode_record(task.payload)
    except BadRecordError:
        return None
    url = fields.get("url")
    return url if isinstance(url, str) else None
