"""The HTML front end: markup to units with hints, and the one pipeline's decisions on them."""

# ruff: noqa: E501

from __future__ import annotations

from articlecli import parse_html
from articlecli.frontends.html.reader import read_html
from articlecli.frontends.unit import Unit
from tests.html_pages import PARAGRAPHS, TITLE, page

LONG = PARAGRAPHS[0]


def units_of(body: str, head: str = "<title>Page</title>") -> list[Unit]:
    return read_html(page(head, body)).units


def unit_with(units: list[Unit], text: str) -> Unit:
    return next(u for u in units if text in u.text)


def test_inline_elements_do_not_split_a_paragraph_and_entities_are_decoded() -> None:
    units = units_of(
        "<p>Caf&eacute; prices <b>rose</b> by <a href='/x'>five&nbsp;percent</a>, <i>officials</i> said &amp; left.</p>"
    )
    assert unit_with(units, "Café").text == "Café prices rose by five percent, officials said & left."


def test_br_breaks_a_line_and_the_next_line_follows_without_a_blank() -> None:
    units = units_of("<p>12 Harbour Road<br>Portsmouth<br/>PO1 2AB</p>")
    lines = [u for u in units if u.text in ("12 Harbour Road", "Portsmouth", "PO1 2AB")]
    assert [u.text for u in lines] == ["12 Harbour Road", "Portsmouth", "PO1 2AB"]
    assert [u.blank_before for u in lines] == [True, False, False]


def test_pre_keeps_its_lines() -> None:
    unit = unit_with(units_of("<pre>def f(x):\n    return x + 1\n</pre>"), "def f")
    assert unit.pre
    assert unit.text == "def f(x):\n    return x + 1"


def test_headings_lists_quotes_tables_and_links_become_hints() -> None:
    units = units_of(
        "<h3>Key dates</h3><ol><li>First step</li></ol><ul><li>A point</li></ul>"
        "<blockquote><p>We will rebuild it.</p></blockquote>"
        "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>40m</td></tr></table>"
        "<p><a href='/a'>Read the full report</a> here</p>"
    )
    assert unit_with(units, "Key dates").heading_level == 3
    first, point = unit_with(units, "First step"), unit_with(units, "A point")
    assert (first.list_item, first.numbered, point.list_item, point.numbered) == (True, True, True, False)
    assert unit_with(units, "rebuild").quote
    row = unit_with(units, "2024")
    assert row.table and row.text == "2024 | 40m"
    link = unit_with(units, "full report")
    assert link.link_chars == len("Read the full report")


def test_scripts_styles_templates_noscript_hidden_and_comments_never_reach_the_text() -> None:
    body = (
        "<script>var secret = 'SCRIPT';</script><style>.x{content:'STYLE'}</style>"
        "<template><p>TEMPLATE</p></template><noscript><p>NOSCRIPT</p></noscript>"
        "<div hidden><p>HIDDEN ATTR</p></div><div aria-hidden='true'>ARIA</div>"
        "<div style='display: none'>DISPLAY</div><!-- COMMENT -->"
        "<svg><text>SVG</text></svg><math><mi>MATHML</mi></math>"
        f"<p>{LONG}</p>"
    )
    text = " ".join(u.text for u in units_of(body))
    for word in ("SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "HIDDEN", "ARIA", "DISPLAY", "COMMENT", "SVG", "MATHML"):
        assert word not in text
    assert LONG in text


def test_noscript_is_read_when_it_is_all_the_page_shows() -> None:
    # A forum's crawler view: the page's text exists only for clients without JavaScript.
    body = f"<div id='app'></div><noscript><h1>Thread title</h1><p>{LONG}</p><p>{PARAGRAPHS[1]}</p></noscript>"
    assert LONG in parse_html(page("<title>Thread</title>", body)).text


def test_streamed_react_segments_are_shown() -> None:
    body = f"<div id='root'><main><h1>Post</h1></main></div><div hidden id='S:0'><p>{LONG}</p></div>"
    assert LONG in " ".join(u.text for u in units_of(body))


def test_chrome_zones_from_tags_roles_classes_and_ids() -> None:
    body = (
        "<nav><a href='/'>Home</a></nav><div role='contentinfo'>Legal notes</div>"
        "<div class='post-share social-bar'>Share this</div><div id='related-posts'>Other stories</div>"
        "<div class='newsletter-signup'>Get our newsletter</div><div class='byline'>By Jane Doe</div>"
        f"<main><article><header><h1>{TITLE}</h1></header><p>{LONG}</p><footer>Filed under Local</footer></article></main>"
    )
    units = units_of(body)
    zones = {text: unit_with(units, text).zone for text in ("Home", "Legal", "Share", "Other", "newsletter", "Jane")}
    assert zones == {
        "Home": "navigation",
        "Legal": "footer",
        "Share": "share",
        "Other": "related-links",
        "newsletter": "newsletter",
        "Jane": "byline",
    }
    # <header>/<footer> inside the article are the article's own, not page chrome.
    assert unit_with(units, TITLE).zone == "main"
    assert unit_with(units, "Filed under").zone == "main"


def test_an_element_that_holds_the_article_gives_no_hint() -> None:
    # A WordPress body class "comments-open" and an ASP.NET form around the whole page.
    body = f"<div class='comments-open'><form id='aspnetForm'><h1>{TITLE}</h1><p>{LONG}</p></form></div>"
    assert unit_with(units_of(body), "harbour bridge").zone is None


def test_a_hint_covering_the_whole_thread_marks_content_not_chrome() -> None:
    posts = "".join(f"<div class='comment'><p>{p}</p></div>" for p in PARAGRAPHS)
    units = units_of(f"<h1>Help with my bridge</h1>{posts}")
    assert unit_with(units, "city council").zone is None


def test_chrome_is_removed_with_its_zone_as_the_reason_and_nothing_is_lost() -> None:
    article = parse_html(page(), source="bridge.html")
    assert article.title == TITLE
    assert article.text.split("\n\n") == [PARAGRAPHS[0], "What residents say", PARAGRAPHS[1], PARAGRAPHS[2]]
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["News"] == "in-navigation"
    assert (
        reasons[
            "I have crossed this bridge every day for thirty years and I think the council is making the right call here, sadly."
        ]
        == "in-comments"
    )
    # Every block of the page is in the article (title, byline, body) or removed with a reason.
    units = read_html(page()).units
    kept_or_removed = {d.text for d in article.decisions}
    assert all(u.text in kept_or_removed for u in units)
    assert all(d.rule for d in article.decisions)


def test_removed_lines_point_at_the_source_line_of_their_element() -> None:
    article = parse_html(page(), source="bridge.html")
    source_lines = page().split("\n")
    for removed in article.removed:
        assert removed.text.split()[0] in source_lines[removed.line - 1] or removed.text in " ".join(source_lines)


def test_text_units_keep_the_default_hints() -> None:
    from articlecli.frontends.text import read_units

    units, _ = read_units("Title\n\nSome text here.\n")
    assert all(u.zone is None and not u.pre and not u.table for u in units)


def test_a_long_preformatted_block_goes_through_the_pipeline_with_its_lines() -> None:
    code = "\n".join(f"    result_{i} = compute(value_{i}, factor={i})  # step {i}" for i in range(60))
    article = parse_html(page("<title>Code</title>", f"<main><h1>Code</h1><p>{LONG}</p><pre>{code}</pre></main>"))
    assert LONG in article.text
    assert all(not r.text.startswith("result_") for r in article.removed)


def test_a_headline_kicker_is_a_line_of_its_own_above_the_headline() -> None:
    # German and Swiss news pages open the <h1> with a kicker span and a screen-reader separator.
    head = "<title>Klimaschutz: Bohren, bis es heiß wird | Die Zeitung</title>"
    body = (
        '<main><article><h1 class="article-heading"><span class="article-heading__kicker">Klimaschutz</span>'
        '<span class="visually-hidden">: </span><span class="article-heading__title">Bohren, bis es heiß wird</span></h1>'
        f"<p>{LONG}</p><p>{PARAGRAPHS[1]}</p></article></main>"
    )
    units = units_of(body, head)
    texts = [u.text for u in units]
    at = texts.index("Klimaschutz")
    assert (units[at].heading_level, texts[at + 1], units[at + 1].heading_level) == (
        None,
        "Bohren, bis es heiß wird",
        1,
    )
    assert parse_html(page(head, body)).title == "Bohren, bis es heiß wird"


def test_a_kicker_class_outside_the_headline_changes_nothing() -> None:
    # A related card's eyebrow ("select") in an <h3> stays part of its heading's line, as does any span
    # that merely looks like one outside a heading.
    units = units_of(
        '<h3 class="related-item__title"><span class="related-item__eyebrow">select</span> Smart plugs</h3>'
        f'<p><span class="kicker">Note</span> {LONG}</p>'
    )
    assert unit_with(units, "Smart plugs").text == "select Smart plugs"
    assert unit_with(units, LONG).text == f"Note {LONG}"
