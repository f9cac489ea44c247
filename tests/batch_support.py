"""Shared helpers for the batch tests: small realistic input trees, WET files, running the command."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import uuid
from pathlib import Path

from click.testing import CliRunner, Result
from scrapes import BODIES, TITLES

from articlecli.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c2ad19efbe191da2.txt"
SCHEMA = ROOT / "articlecli" / "data" / "article.schema.json"
MENU_ONLY = "Home\nNews\nSport\nBusiness\nContact\n"


def article(lang: str = "en", title: str | None = None) -> str:
    """A small scraped page: breadcrumb, title, byline, date, three paragraphs, a footer line."""
    body = "\n\n".join(BODIES[lang])
    return f"Home > News\n\n{title or TITLES[lang]}\n\nBy Jane Doe\nDecember 14, 2024\n\n{body}\n\nYou may also like\n"


def make_tree(root: Path) -> dict[str, str]:
    """scrapes/{a/b.txt, a/c/d.txt, e.txt (markdown), menu.txt (no body), empty.txt} plus a hidden file."""
    files = {
        "a/b.txt": article("en"),
        "a/c/d.txt": article("fr"),
        "e.txt": f"# {TITLES['de']}\n\n" + "\n\n".join(BODIES["de"]) + "\n",
        "menu.txt": MENU_ONLY,
        "empty.txt": "",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / ".hidden.txt").write_text(article("en"), encoding="utf-8")
    return files


def invoke(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["batch", *args], input=input, catch_exceptions=False)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a real process (for stdout purity, signals and kill -9)."""
    return subprocess.run(
        [sys.executable, "-m", "articlecli", "batch", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def jsonl_records(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def warc_record(kind: str, uri: str, body: bytes, content_type: str) -> bytes:
    """One WARC/1.0 record as Common Crawl writes them."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-12-10T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=len(body))}>\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body + b"\r\n\r\n"


def make_wet(
    path: Path,
    pages: list[tuple[str, bytes]],
    html: list[tuple[str, bytes]] | None = None,
    other: list[tuple[str, str, bytes]] | None = None,
) -> None:
    """A gzip WET file, one gzip member per record: warcinfo, then conversion records, then
    (as in a WARC) response records carrying HTML, then responses of other content types."""
    records = [warc_record("warcinfo", "", b"software: articlecli-tests\r\n", "application/warc-fields")]
    records += [warc_record("conversion", url, body, "text/plain") for url, body in pages]
    responses = [(url, "text/html; charset=utf-8", page) for url, page in html or []] + list(other or [])
    for url, content_type, body in responses:
        http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
        records.append(warc_record("response", url, http, "application/http; msgtype=response"))
    with open(path, "wb") as handle:
        for record in records:
            handle.write(gzip.compress(record))


def tree_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and not _internal(p))


def _internal(path: Path) -> bool:
    return path.name.startswith((".", "_articlecli")) or ".articlecli" in path.parts
