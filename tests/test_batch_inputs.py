"""articlecli batch over containers: JSON Lines (plain and gzip) and Common Crawl WET files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from batch_support import SEED, article, invoke, jsonl_records, make_wet, tree_files

SEED_TITLE = "Bachar el-Assad contraint à fuir : révélations des responsables russes"


def _crawl_lines() -> list[str]:
    return [
        json.dumps({"url": "https://example.org/bridge", "id": 17, "text": article("en")}),
        "",  # blank lines are not records
        json.dumps({"url": "https://example.org/md", "markdown": "# Titre\n\n" + article("fr")}),
        json.dumps({"url": "https://example.org/page", "html": "<html><p>Hi</p></html>"}),
        "{not json",
        json.dumps({"url": "https://example.org/none", "title": "no document field"}),
    ]


def test_jsonl_input_keeps_record_url_and_id(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join(_crawl_lines()) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = invoke(str(crawl), "--jsonl", "-", "--errors", str(errors), "-j", "2")
    records = jsonl_records(result.stdout)
    assert [(r["source"], r["record"], r["url"]) for r in records] == [
        (str(crawl), 1, "https://example.org/bridge"),
        (str(crawl), 3, "https://example.org/md"),
    ]
    assert records[0]["id"] == "17" and records[0]["title"] == "Old harbour bridge to close to cars next spring"
    report = jsonl_records(errors.read_text("utf-8"))
    assert [(r["record"], r["status"], r["error"]) for r in report] == [
        (4, "skipped", "html"),
        (5, "failed", "bad-record"),
        (6, "failed", "bad-record"),
    ]
    assert result.exit_code == 11


def test_gzip_jsonl_records_mirror_into_a_folder_named_like_the_file(tmp_path: Path) -> None:
    crawl = tmp_path / "in" / "crawl.jsonl.gz"
    crawl.parent.mkdir()
    crawl.write_bytes(gzip.compress((json.dumps({"text": article("de")}) + "\n").encode()))
    out = tmp_path / "out"
    result = invoke(str(crawl.parent), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert tree_files(out) == ["_errors.jsonl", "crawl.jsonl.gz/1.json"]
    record = json.loads((out / "crawl.jsonl.gz" / "1.json").read_text("utf-8"))
    assert list(record)[:3] == ["source", "record", "url"] and record["record"] == 1


def test_truncated_gzip_fails_the_rest_of_the_container_only(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": article("en", f"Story number {n} of the day")}) + "\n" for n in range(40))
    broken = tmp_path / "broken.jsonl.gz"
    data = gzip.compress(lines.encode())
    broken.write_bytes(data[: len(data) // 2])
    fine = tmp_path / "fine.txt"
    fine.write_text(article("en"), encoding="utf-8")
    result = invoke(str(broken), str(fine), "--jsonl", "-", "--errors", str(tmp_path / "e.jsonl"))
    report = jsonl_records((tmp_path / "e.jsonl").read_text("utf-8"))
    assert [r["error"] for r in report] == ["unreadable"]
    assert jsonl_records(result.stdout)[-1]["source"] == str(fine)
    assert result.exit_code == 11


def test_wet_conversion_records_are_parsed_and_responses_skipped(tmp_path: Path) -> None:
    wet = tmp_path / "CC-MAIN-test.warc.wet.gz"
    make_wet(
        wet,
        pages=[
            ("https://www.example.fr/assad", SEED.read_bytes()),
            ("https://example.org/bridge", article("en").encode()),
        ],
        html=[("https://example.org/page.html", b"<html><body><p>Hello</p></body></html>")],
    )
    errors = tmp_path / "errors.jsonl"
    result = invoke(str(wet), "--jsonl", "-", "--errors", str(errors), "-j", "2")
    records = jsonl_records(result.stdout)
    assert [(r["record"], r["url"]) for r in records] == [
        (2, "https://www.example.fr/assad"),
        (3, "https://example.org/bridge"),
    ]
    assert records[0]["title"] == SEED_TITLE and records[0]["language"] == "fr"
    skipped = jsonl_records(errors.read_text("utf-8"))
    assert [(r["record"], r["status"], r["url"]) for r in skipped] == [(4, "skipped", "https://example.org/page.html")]
    assert result.exit_code == 0  # skipped is not failed
