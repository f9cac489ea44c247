"""HTML input at the edges: detection by content, decoding, bad pages, the CLI and stdin."""

# ruff: noqa: E501

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from articlecli import detect_format, parse_bytes, parse_html, parse_text
from articlecli.cli import main
from articlecli.errors import ArticleError, EmptyInputError, MarkupError
from articlecli.frontends.html.charset import decode_html
from tests.html_pages import PARAGRAPHS, TITLE, page

# --- detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "\ufeff  <!doctype HTML>\n<html>",
        "<html lang='fr'><head><title>x</title></head>",
        "<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN' 'x'>\n<html xmlns='http://www.w3.org/1999/xhtml'>",
        "<!-- saved from url=(0042)https://example.com/ -->\n<html><head>",
        "<div class='article'><h1>Title</h1><p>One paragraph.</p><p>Another.</p></div>",
    ],
)
def test_html_is_detected_by_content(text: str) -> None:
    assert detect_format(text) == "html"
    assert detect_format(text.encode("utf-8")) == "html"


@pytest.mark.parametrize(
    "text",
    [
        # A text dump that talks about tags.
        "How to make text bold\n\nWrap it in <b> tags: <b>bold</b>. The <div> element is a block.\n",
        # Markdown with inline HTML.
        "# Release notes\n\nUse the <kbd>Ctrl</kbd> key. See <a href='x'>the docs</a>.\n\n- one\n- two\n",
        # A text dump whose first line is a tag name in angle brackets, then prose.
        "<p> is the paragraph element. Browsers put a margin above and below every paragraph by default, which is why two of them never touch.\n",
        "Plain article text with no markup at all.\n",
    ],
)
def test_text_and_markdown_that_mention_tags_stay_text(text: str) -> None:
    assert detect_format(text) == "text"
    assert parse_text(text).input_format in ("text", "markdown")


def test_utf16_html_bytes_are_detected() -> None:
    assert detect_format(page().encode("utf-16")) == "html"


# --- decoding ----------------------------------------------------------------------------------


def test_meta_charset_decides_legacy_bytes() -> None:
    html = page(
        '<meta charset="windows-1252"><title>Caf\u00e9</title>', "<p>Le caf\u00e9 co\u00fbte 2\u00a0\u20ac.</p>"
    )
    assert "Le café coûte 2\xa0€." in decode_html(html.encode("cp1252"))


def test_http_equiv_charset_and_latin1_label_read_as_cp1252() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><title>x</title>'
    data = page(head, "<p>It\u2019s \u201cquoted\u201d</p>").encode("cp1252")
    assert "It’s “quoted”" in decode_html(data)


def test_utf8_page_with_a_stale_legacy_declaration_stays_utf8() -> None:
    data = page('<meta charset="iso-8859-1"><title>x</title>', "<p>Größe ändern</p>").encode("utf-8")
    assert "Größe ändern" in decode_html(data)


def test_bom_wins() -> None:
    data = b"\xef\xbb\xbf" + page('<meta charset="windows-1252"><title>x</title>', "<p>naïve</p>").encode("utf-8")
    assert "naïve" in decode_html(data)


# --- bad input ---------------------------------------------------------------------------------

# Every bad page either parses quickly or fails with an ArticleError: never another exception.
BAD_PAGE_SECONDS = 10.0


def _parses_or_fails_cleanly(data: bytes | str) -> None:
    start = time.perf_counter()
    try:
        parse_html(data)
    except ArticleError as exc:
        assert exc.exit_code in (4, 5)
    assert time.perf_counter() - start < BAD_PAGE_SECONDS


def test_deep_nesting_is_refused_with_a_clear_error() -> None:
    deep = "<html><body>" + "<div>" * 100_000 + "text" + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(MarkupError, match="deeper than"):
        parse_html(deep)


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body>" + "<b>" * 50_000 + "bold",
        "<html><body><p>Unclosed <div>tags <span>everywhere <table><tr><td>cell",
        "<html><body><p>NUL\x00bytes\x00inside\x00 a paragraph of text</p></body></html>",
        "<html><head><title>Only a head</title></head></html>",
        "<html><frameset cols='50%,50%'><frame src='a.html'><frame src='b.html'></frameset></html>",
        "<html><body><svg><g>"
        + "<circle r='1'/>" * 10_000
        + "</g></svg><math><mrow><mi>x</mi></mrow></math><p>After the islands.</p></body></html>",
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><html><body><p>&lol4;</p></body></html>',
        '<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png"><iframe src="http://127.0.0.1:9/"></iframe><link rel="stylesheet" href="http://127.0.0.1:9/s.css"><p>No fetch.</p></body></html>',
    ],
)
def test_pathological_pages_parse_in_bounded_time_or_fail_cleanly(markup: str) -> None:
    _parses_or_fails_cleanly(markup)
    _parses_or_fails_cleanly(markup.encode("utf-8"))


def test_entity_expansion_is_never_performed() -> None:
    lol = '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol "LOLLOL">]><html><body><p>&lol;&lol;</p></body></html>'
    assert "LOLLOL" not in parse_html(lol).text


def test_a_large_page_parses() -> None:
    # 1 MB here, to stay fast; bench/speed.py --only html times the 5 and 50 MB pages.
    body = "".join(f"<div class='row'><p>{PARAGRAPHS[i % 3]} Item {i}.</p></div>" for i in range(5_000))
    article = parse_html(page(body=body))
    assert article.has_body
    assert article.word_count > 100_000


def test_empty_html_input_is_an_empty_input_error() -> None:
    with pytest.raises(EmptyInputError):
        parse_html("   ")


# --- CLI ---------------------------------------------------------------------------------------


def test_cli_parses_an_html_file_by_content(tmp_path) -> None:
    target = tmp_path / "saved-page.txt"  # the name says text; the content decides
    target.write_text(page(), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(target)], catch_exceptions=False)
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["input_format"] == "html"
    assert record["title"] == TITLE
    assert record["site_name"] == "The Harbour Times"
    assert record["url"] == "https://harbourtimes.example/news/bridge-closing"
    assert record["sections"][0]["paragraphs"][0] == PARAGRAPHS[0]


def test_cli_reads_html_on_stdin_in_its_own_encoding() -> None:
    data = page('<meta charset="windows-1252"><title>Caf\u00e9 news</title>').encode("cp1252")
    result = CliRunner().invoke(main, ["parse", "-"], input=data, catch_exceptions=False)
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["input_format"] == "html"
    assert record["source"] == "-"


def test_cli_reports_an_unparseable_page_in_one_line(tmp_path) -> None:
    target = tmp_path / "deep.html"
    target.write_text("<html><body>" + "<div>" * 5000 + "x", encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(target)], catch_exceptions=False)
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "deeper than" in result.stderr


def test_text_output_has_the_new_fields_as_null() -> None:
    record = json.loads(CliRunner().invoke(main, ["parse", "-"], input="Title\n\n" + PARAGRAPHS[0] + "\n").stdout)
    assert {k: record[k] for k in ("url", "site_name", "description", "image")} == dict.fromkeys(
        ("url", "site_name", "description", "image")
    )


def test_parse_bytes_routes_html() -> None:
    assert parse_bytes(page().encode("utf-8")).input_format == "html"
