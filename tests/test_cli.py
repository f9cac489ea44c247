"""The articlecli command: output formats, stdin, --explain, errors and exit codes."""

# Scraped pages keep their long paragraph lines.
# ruff: noqa: E501

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from articlecli.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c2ad19efbe191da2.txt"
SEED_TITLE = "Bachar el-Assad contraint à fuir : révélations des responsables russes"

ARTICLE = """Home > News > Local

Old harbour bridge to close to cars next spring

By Jane Doe
December 14, 2024

The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers warned that the structure could no longer carry heavy traffic safely.

What residents say

Residents who live on the north bank said they were worried about longer journeys to work, while cycling groups welcomed the decision and asked for a wider path for bikes.

The council expects the repairs to cost about 40 million pounds and to take at least three years, according to a report published with the vote.

You may also like
"""
TITLE = "Old harbour bridge to close to cars next spring"
MENU_ONLY = "Home\nNews\nSport\nBusiness\nContact\n"


def invoke(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def assert_one_error_line(result, code: int, *fragments: str) -> str:
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("articlecli: error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


# --- JSON on stdout ----------------------------------------------------------------------------


def test_json_is_the_default_and_only_stdout(article_file):
    result = invoke("parse", str(article_file))
    assert result.exit_code == 0
    assert result.stderr == ""
    record = json.loads(result.stdout)
    assert record["source"] == str(article_file)
    assert record["title"] == TITLE
    assert record["authors"] == ["Jane Doe"]
    assert record["published"] == "2024-12-14"
    assert record["breadcrumbs"] == ["Home", "News", "Local"]
    assert [s["heading"] for s in record["sections"]] == [None, "What residents say"]
    assert result.stdout.endswith("}\n")


def test_json_key_order(article_file):
    record = json.loads(invoke("parse", str(article_file)).stdout)
    assert list(record) == [
        "source",
        "input_format",
        "title",
        "authors",
        "published",
        "updated",
        "categories",
        "tags",
        "breadcrumbs",
        "language",
        "url",
        "site_name",
        "description",
        "image",
        "sections",
        "text",
        "word_count",
        "confidence",
        "removed",
    ]


def test_json_is_utf8_not_ascii_escaped():
    result = invoke("parse", str(SEED))
    assert SEED_TITLE in result.stdout
    assert "\\u00e0" not in result.stdout


def test_stdin_dash(article_file):
    result = invoke("parse", "-", input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["source"] == "-"
    assert record["title"] == TITLE
    assert record == {**json.loads(invoke("parse", str(article_file)).stdout), "source": "-"}


def test_stdin_in_legacy_encoding():
    result = invoke("parse", "-", input=ARTICLE.replace("cars", "cafés").encode("cp1252"))
    assert result.exit_code == 0
    assert "cafés" in json.loads(result.stdout)["title"]


# --- every --format ----------------------------------------------------------------------------


def test_format_json_explicit(article_file):
    assert invoke("parse", str(article_file), "--format", "json").stdout == invoke("parse", str(article_file)).stdout


def test_format_jsonl(article_file):
    result = invoke("parse", str(article_file), "--format", "jsonl")
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1 and result.stdout.endswith("\n")
    assert json.loads(result.stdout) == json.loads(invoke("parse", str(article_file)).stdout)


def test_format_table(article_file):
    result = invoke("parse", str(article_file), "--format", "table")
    assert result.exit_code == 0
    assert result.stderr == ""
    for expected in (TITLE, "Jane Doe", "What residents say", "Removed lines", "related-links"):
        assert expected in result.stdout


def test_format_markdown(article_file):
    result = invoke("parse", str(article_file), "-f", "markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"# {TITLE}\n\n")
    assert "\n## What residents say\n\n" in result.stdout
    assert "By Jane Doe" in result.stdout
    assert "You may also like" not in result.stdout


def test_format_text(article_file):
    result = invoke("parse", str(article_file), "--format", "text")
    assert result.exit_code == 0
    blocks = result.stdout.rstrip("\n").split("\n\n")
    assert blocks[0] == TITLE
    assert blocks[1].startswith("The city council voted on Tuesday")
    assert "What residents say" in blocks
    assert "You may also like" not in result.stdout
    assert "{" not in result.stdout


def test_unknown_format_is_a_usage_error(article_file):
    result = invoke("parse", str(article_file), "--format", "xml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


# --- --explain ---------------------------------------------------------------------------------


def test_explain_table(article_file):
    result = invoke("parse", str(article_file), "--explain")
    assert result.exit_code == 0
    for expected in ("breadcrumb", "title", "byline", "date", "heading", "paragraph", "removed"):
        assert expected in result.stdout
    assert not result.stdout.lstrip().startswith("{")


def test_explain_json_lists_every_line(article_file):
    result = invoke("parse", str(article_file), "--explain", "--format", "json")
    assert result.exit_code == 0
    rows = [json.loads(row) for row in result.stdout.splitlines()]
    non_blank = [n for n, line in enumerate(ARTICLE.split("\n"), start=1) if line.strip()]
    assert [row["line"] for row in rows] == non_blank
    assert all(list(row) == ["line", "label", "rule", "text"] for row in rows)
    by_line = {row["line"]: row for row in rows}
    assert by_line[1]["label"] == "breadcrumb"
    assert (by_line[3]["label"], by_line[3]["text"]) == ("title", TITLE)
    assert by_line[5]["label"] == "byline"
    assert by_line[6]["label"] == "date"
    assert (by_line[10]["label"], by_line[10]["rule"]) == ("heading", "short-line-before-text")
    assert by_line[8]["label"] == "paragraph"
    assert (by_line[16]["label"], by_line[16]["rule"]) == ("removed", "related-links")


def test_explain_seed_table():
    result = invoke("parse", str(SEED), "--explain", "--format", "table")
    assert result.exit_code == 0
    assert "repeated-title" in result.stdout


# --- python -m articlecli ----------------------------------------------------------------------


def test_python_dash_m():
    proc = subprocess.run(
        [sys.executable, "-m", "articlecli", "parse", str(SEED)], capture_output=True, check=False, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    assert json.loads(proc.stdout.decode("utf-8"))["title"] == SEED_TITLE


def test_python_dash_m_error_has_no_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "articlecli", "parse", str(tmp_path / "missing.txt")],
        capture_output=True,
        check=False,
        text=True,
    )
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [f"articlecli: error: no such file: {tmp_path / 'missing.txt'}"]


def test_python_dash_m_help_names_articlecli():
    proc = subprocess.run([sys.executable, "-m", "articlecli", "--help"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    assert proc.stdout.startswith("Usage: articlecli ")


# --- errors and exit codes ---------------------------------------------------------------------


def test_missing_file_exit_3(tmp_path):
    missing = tmp_path / "nope.txt"
    result = invoke("parse", str(missing))
    assert_one_error_line(result, 3, str(missing))


def test_directory_exit_3(tmp_path):
    result = invoke("parse", str(tmp_path))
    assert_one_error_line(result, 3, str(tmp_path), "directory")


@pytest.mark.parametrize(
    "data",
    [
        bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 8,
        bytes.fromhex("504b0304140000000800") + bytes(range(256)) * 8,
    ],
    ids=["png", "zip"],
)
def test_binary_file_exit_4(tmp_path, data):
    path = tmp_path / "photo.txt"
    path.write_bytes(data)
    assert_one_error_line(invoke("parse", str(path)), 4, str(path), "binary")


def test_binary_stdin_exit_4():
    data = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 8
    assert_one_error_line(invoke("parse", "-", input=data), 4, "stdin")


def test_stray_bytes_after_a_bom_are_replaced_with_a_warning(tmp_path):
    # Was exit 4 ("not utf-8-sig"): a real scrape with a few broken bytes is still an article.
    path = tmp_path / "broken.txt"
    page = ARTICLE.replace("the north bank", "the Rive Gauche, côté nord,").encode("utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + page.replace(b"worried", b"wor\xffried"))
    result = invoke("parse", str(path))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["title"] == TITLE
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"articlecli: warning: {path}: 1 line(s) had bytes that are not valid UTF-8")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\r\n", b"\xef\xbb\xbf\n"], ids=["empty", "whitespace", "bom-only"])
def test_empty_file_exit_5(tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert_one_error_line(invoke("parse", str(path)), 5, str(path), "empty")


def test_empty_stdin_exit_5():
    assert_one_error_line(invoke("parse", "-", input=b"\n  \n"), 5, "empty")


def test_no_body_exit_6_still_prints_record(tmp_path):
    path = tmp_path / "menu.txt"
    path.write_text(MENU_ONLY, encoding="utf-8")
    result = invoke("parse", str(path))
    assert result.exit_code == 6
    record = json.loads(result.stdout)
    assert record["source"] == str(path)
    assert record["sections"] == []
    assert record["text"] == ""
    assert [r["line"] for r in record["removed"]] == [1, 2, 3, 4, 5]
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("articlecli: ")
    assert "no article body" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("output_format", ["jsonl", "markdown", "text", "table"])
def test_no_body_exit_6_in_every_format(tmp_path, output_format):
    path = tmp_path / "menu.txt"
    path.write_text(MENU_ONLY, encoding="utf-8")
    result = invoke("parse", str(path), "--format", output_format)
    assert result.exit_code == 6
    assert len(result.stderr.splitlines()) == 1


def test_missing_argument_is_a_usage_error():
    result = invoke("parse")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


# --- help --------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], *[[name] for name in sorted(main.commands)]])
def test_help_has_examples(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    examples = result.stdout.split("Examples:", 1)[1]
    assert "articlecli " in examples


def test_parse_help_documents_exit_codes():
    result = invoke("parse", "--help")
    for code in ("3", "4", "5", "6"):
        assert code in result.stdout.split("Exit codes:", 1)[1]


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert "0.1.0" in result.stdout
