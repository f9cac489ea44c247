"""articlecli batch over containers: JSON Lines (plain and gzip) and Common Crawl WET files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from batch_support import SEED, article, invoke, jsonl_records, make_wet, tree_files

SEED_TITLE = "Bachar el-Assad contraint à fuir : révélations des responsables russes"


def _html_page(language: str) -> str:
    """The text of article(language) as a saved web page: a title, a nav menu, the paragraphs."""
    lines = article(language).split("\n")
    paragraphs = "".join(f"<p>{line}</p>" for line in lines[1:] if line.strip())
    return (
        f"<html lang='{language}'><head><title>{lines[0]}</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<article><h1>{lines[0]}</h1>{paragraphs}</article></body></html>"
    )


def _crawl_lines() -> list[str]:
    return [
        json.dumps({"url": "https://example.org/bridge", "id": 17, "text": article("en")}),
        "",  # blank lines are not records
        json.dumps({"url": "https://example.org/md", "markdown": "# Titre\n\n" + article("fr")}),
        json.dumps({"url": "https://example.org/page", "html": _html_page("en")}),
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
        (str(crawl), 4, "https://example.org/page"),
    ]
    assert records[0]["id"] == "17" and records[0]["title"] == "Old harbour bridge to close to cars next spring"
    # The html record goes through the HTML front end: its menu is removed, its paragraphs kept.
    assert records[2]["input_format"] == "html"
    assert records[2]["title"] == records[0]["title"]
    assert records[2]["text"].split("\n\n")[0] == records[0]["text"].split("\n\n")[0]
    assert "Home" not in records[2]["text"]
    report = jsonl_records(errors.read_text("utf-8"))
    assert [(r["record"], r["status"], r["error"]) for r in report] == [
        (5, "failed", "bad-record"),
        (6, "failed", "bad-record"),
    ]
    # A record that is JSON but no document still names its page; the broken line has no url to give.
    assert [r["url"] for r in report] == [None, "https://example.org/none"]
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


def test_warc_conversion_and_html_response_records_are_parsed_other_responses_skipped(tmp_path: Path) -> None:
    wet = tmp_path / "CC-MAIN-test.warc.wet.gz"
    make_wet(
        wet,
        pages=[
            ("https://www.example.fr/assad", SEED.read_bytes()),
            ("https://example.org/bridge", article("en").encode()),
        ],
        html=[("https://example.org/page.html", _html_page("en").encode())],
        other=[("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n")],
    )
    errors = tmp_path / "errors.jsonl"
    result = invoke(str(wet), "--jsonl", "-", "--errors", str(errors), "-j", "2")
    records = jsonl_records(result.stdout)
    assert [(r["record"], r["url"], r["input_format"]) for r in records] == [
        (2, "https://www.example.fr/assad", "text"),
        (3, "https://example.org/bridge", "text"),
        (4, "https://example.org/page.html", "html"),
    ]
    assert records[0]["title"] == SEED_TITLE and records[0]["language"] == "fr"
    assert records[2]["title"] == records[1]["title"] and records[2]["language"] == "en"
    skipped = jsonl_records(errors.read_text("utf-8"))
    assert [(r["record"], r["status"], r["error"], r["url"]) for r in skipped] == [
        (5, "skipped", "not-html", "https://example.org/logo.png")
    ]
    assert result.exit_code == 0  # skipped is not failed


def test_html_files_in_a_folder_go_through_the_html_front_end(tmp_path: Path) -> None:
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    (scrapes / "page.html").write_text(_html_page("en"), encoding="utf-8")
    (scrapes / "seite.html.gz").write_bytes(gzip.compress(_html_page("de").encode()))
    (scrapes / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b" " * (65 * 1024 * 1024)))
    result = invoke(str(scrapes), "--jsonl", "-", "--errors", str(tmp_path / "e.jsonl"))
    records = {Path(r["source"]).name: r for r in jsonl_records(result.stdout)}
    assert sorted(records) == ["page.html", "seite.html.gz"]
    assert {r["input_format"] for r in records.values()} == {"html"}
    assert records["seite.html.gz"]["language"] == "de"
    assert "News" not in records["page.html"]["text"]
    report = jsonl_records((tmp_path / "e.jsonl").read_text("utf-8"))
    assert [(Path(r["source"]).name, r["error"]) for r in report] == [("bomb.html.gz", "unreadable")]
    assert result.exit_code == 11


def test_a_file_named_html_is_parsed_by_its_content(tmp_path: Path) -> None:
    scrapes = tmp_path / "scrapes"
    scrapes.mkdir()
    (scrapes / "saved-as.html").write_text(article("en"), encoding="utf-8")  # a text dump, whatever its name
    result = invoke(str(scrapes), "--jsonl", "-")
    [record] = jsonl_records(result.stdout)
    assert record["input_format"] == "text"
    assert record["title"] == "Old harbour bridge to close to cars next spring"
    assert result.exit_code == 0
