"""The pages `articlecli learn` reads: text dumps in folders (grouped by folder) and JSON Lines records.

Folders are walked in name order, hidden entries skipped. A text dump is a .txt, .text, .md or
.markdown file (a file named on the command line is read whatever its name); a JSON Lines file
(.jsonl, .ndjson, optionally .gz) holds one page per line, {"text" or "markdown": ..., "url": ...}.
Everything else in a folder (gold files, HTML, images) is counted and left alone. Pages are yielded one
at a time, so learning streams.
"""

from __future__ import annotations

import gzip
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from articlecli.errors import ArticleError
from articlecli.frontends.decoding import decode_bytes
from articlecli.site.groups import folder_group
from articlecli.site.learn import Document

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass
class SourceStats:
    """What was read: pages, and what was left out by reason ('other-file', 'unreadable', 'bad-record')."""

    pages: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def read_documents(paths: Iterable[str], stats: SourceStats) -> Iterator[Document]:
    """(text, url, group) for every page under `paths`, in order; `stats` counts as it goes."""
    for spec in paths:
        if os.path.isdir(spec):
            for path in _walk(spec):
                yield from _read(path, folder_group(path, spec), stats, explicit=False)
        else:
            yield from _read(spec, folder_group(os.path.abspath(spec)), stats, explicit=True)


def _walk(root: str) -> Iterator[str]:
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(folder, name)


def _read(path: str, group: str, stats: SourceStats, *, explicit: bool) -> Iterator[Document]:
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        yield from _records(path, group, stats)
        return
    if not explicit and not lower.endswith(TEXT_SUFFIXES):
        stats.skipped["other-file"] += 1
        return
    try:
        text = decode_bytes(Path(path).read_bytes())
    except (OSError, ArticleError):
        stats.skipped["unreadable"] += 1
        return
    if not text.strip():
        stats.skipped["empty"] += 1
        return
    stats.pages += 1
    yield text, None, group


def _records(path: str, group: str, stats: SourceStats) -> Iterator[Document]:
    try:
        with open(path, "rb") as probe:
            gzipped = probe.read(2) == b"\x1f\x8b"
        stream = gzip.open(path, "rb") if gzipped else open(path, "rb")  # noqa: SIM115 (closed below)
        with stream:
            for line in stream:
                if not line.strip():
                    continue
                page = _record(line)
                if page is None:
                    stats.skipped["bad-record"] += 1
                    continue
                stats.pages += 1
                yield page[0], page[1], group
    except (OSError, EOFError):
        stats.skipped["unreadable"] += 1


def _record(line: bytes) -> tuple[str, str | None] | None:
    try:
        fields = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(fields, dict):
        return None
    text = next((fields[name] for name in ("text", "markdown") if isinstance(fields.get(name), str)), None)
    if not text or not text.strip():
        return None
    url = fields.get("url")
    return text, url if isinstance(url, str) else None
