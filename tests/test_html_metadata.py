"""Metadata from markup: JSON-LD (also broken, in @graph and arrays), meta tags, <time>, rel=author, lang."""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from articlecli import parse_html
from articlecli.frontends.html.dom import parse_document
from articlecli.frontends.html.jsonld import parse_script
from articlecli.frontends.html.metadata import read_metadata
from articlecli.header.markup import MarkupMeta, apply_markup
from articlecli.header.record import Header
from tests.html_pages import ARTICLE, HEAD, TITLE, jsonld, page


def meta_of(head: str, body: str = "<p>Text.</p>"):
    return read_metadata(parse_document(page(head, body)))


NEWS_ARTICLE = """{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "Old harbour bridge to close to cars next spring",
  "datePublished": "2024-12-14T08:30:00+01:00",
  "dateModified": "2024-12-15T10:00:00+01:00",
  "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
  "publisher": {"@type": "Organization", "name": "The Harbour Times"},
  "articleSection": "Local",
  "keywords": "bridge, traffic, council",
  "image": {"@type": "ImageObject", "url": "https://harbourtimes.example/img/bridge.jpg"},
  "description": "The council votes to close the bridge."
}"""

YOAST_GRAPH = """{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","@id":"https://blog.example/#website","name":"Example Blog"},
 {"@type":"WebPage","@id":"https://blog.example/post/#webpage","name":"Ten ways to cook rice | Example Blog","url":"https://blog.example/post/"},
 {"@type":"Article","@id":"https://blog.example/post/#article","isPartOf":{"@id":"https://blog.example/post/#webpage"},
  "author":{"@id":"https://blog.example/#/schema/person/1"},"headline":"Ten ways to cook rice",
  "datePublished":"2023-05-02T09:00:00+00:00","image":{"@id":"https://blog.example/post/#primaryimage"}},
 {"@type":"ImageObject","@id":"https://blog.example/post/#primaryimage","url":"https://blog.example/rice.jpg"},
 {"@type":"BreadcrumbList","itemListElement":[
   {"@type":"ListItem","position":2,"name":"Recipes","item":"https://blog.example/recipes/"},
   {"@type":"ListItem","position":1,"name":"Home","item":"https://blog.example/"},
   {"@type":"ListItem","position":3,"name":"Ten ways to cook rice"}]},
 {"@type":"Person","@id":"https://blog.example/#/schema/person/1","name":"Maria Rossi"}
]}"""


def test_news_article_gives_every_field() -> None:
    meta = meta_of(HEAD + jsonld(NEWS_ARTICLE))
    assert meta.title == TITLE
    assert meta.authors == ("Jane Doe", "John Roe")
    assert (meta.published, meta.updated) == ("2024-12-14", "2024-12-15")
    assert meta.categories == ("Local",)
    assert meta.tags == ("bridge", "traffic", "council")
    assert meta.image == "https://harbourtimes.example/img/bridge.jpg"
    assert meta.description == "The council votes to close the bridge."
    assert meta.source("title") == "json-ld"


def test_graph_resolves_author_and_image_references_and_orders_breadcrumbs() -> None:
    meta = meta_of(jsonld(YOAST_GRAPH))
    assert meta.title == "Ten ways to cook rice"
    assert meta.authors == ("Maria Rossi",)
    assert meta.published == "2023-05-02"
    assert meta.image == "https://blog.example/rice.jpg"
    assert meta.breadcrumbs == ("Home", "Recipes", "Ten ways to cook rice")


def test_array_of_nodes_picks_the_article_not_the_organisation() -> None:
    script = '[{"@type":"Organization","name":"Acme"},{"@type":["BlogPosting"],"headline":"Release notes","datePublished":"2022-01-31"}]'
    meta = meta_of(jsonld(script))
    assert (meta.title, meta.published) == ("Release notes", "2022-01-31")


def test_organisation_author_is_not_a_person() -> None:
    script = '{"@type":"NewsArticle","headline":"Markets rally","author":{"@type":"Organization","name":"Reuters"}}'
    assert meta_of(jsonld(script)).authors == ()
    mixed = '{"@type":"NewsArticle","headline":"Markets rally","author":[{"@type":"NewsMediaOrganization","name":"AFP"},{"@type":"Person","name":"Ana Lima"}]}'
    assert meta_of(jsonld(mixed)).authors == ("Ana Lima",)


@pytest.mark.parametrize(
    "script",
    [
        # A trailing comma, as hand-edited templates leave.
        '{"@type":"NewsArticle","headline":"Flood warning lifted","datePublished":"2021-03-04",}',
        # A raw line break inside a string.
        '{"@type":"NewsArticle","headline":"Flood warning\nlifted","datePublished":"2021-03-04"}',
        # Wrapped in an HTML comment / CDATA, as old CMSs do.
        '<!--{"@type":"NewsArticle","headline":"Flood warning lifted","datePublished":"2021-03-04"}-->',
        # Two objects in one script.
        '{"@type":"WebSite","name":"News"}\n{"@type":"NewsArticle","headline":"Flood warning lifted","datePublished":"2021-03-04"}',
        # An unescaped quote: no repair decodes it, the field reader still finds the date.
        '{"@type":"NewsArticle","headline":"Flood warning lifted","datePublished":"2021-03-04","description":"He said "go" now"}',
    ],
)
def test_broken_json_ld_still_yields_the_fields(script: str) -> None:
    meta = meta_of(jsonld(script))
    assert meta.published == "2021-03-04"
    assert " ".join((meta.title or "").split()) == "Flood warning lifted"


def test_hopeless_json_ld_is_ignored() -> None:
    assert parse_script("this is not json {{{") == []
    assert meta_of(jsonld("this is not json {{{")).title is None


def test_opengraph_and_article_meta() -> None:
    head = """<meta property="og:title" content="Rail strike called off | Daily Post">
<meta property="og:site_name" content="Daily Post">
<meta property="og:description" content="Unions accept the offer.">
<meta property="og:image" content="/img/train.jpg">
<meta property="og:url" content="https://dailypost.example/rail-strike">
<meta property="article:published_time" content="2020-06-30T18:00:00Z">
<meta property="article:modified_time" content="2020-07-01T09:00:00Z">
<meta property="article:author" content="https://www.facebook.com/dailypost">
<meta name="author" content="Tom Baker">
<meta property="article:section" content="Transport">
<meta property="article:tag" content="rail"><meta property="article:tag" content="unions">"""
    meta = meta_of(head)
    assert meta.title == "Rail strike called off"  # the site suffix is not part of the title
    assert meta.site_name == "Daily Post"
    assert meta.authors == ("Tom Baker",)  # a profile URL is not a name
    assert (meta.published, meta.updated) == ("2020-06-30", "2020-07-01")
    assert (meta.categories, meta.tags) == (("Transport",), ("rail", "unions"))
    assert meta.image == "https://dailypost.example/img/train.jpg"
    assert meta.url == "https://dailypost.example/rail-strike"


@pytest.mark.parametrize(
    ("head", "authors", "published"),
    [
        (
            '<meta name="citation_author" content="Ng, Alice"><meta name="citation_author" content="Bob Smith"><meta name="citation_publication_date" content="2019/04/12">',
            ("Ng, Alice", "Bob Smith"),
            "2019-04-12",
        ),
        (
            '<meta name="parsely-author" content="Carla Diaz"><meta name="parsely-pub-date" content="2018-11-05T12:00:00Z">',
            ("Carla Diaz",),
            "2018-11-05",
        ),
        (
            '<meta name="sailthru.author" content="Dan Wu"><meta name="sailthru.date" content="2017-08-09 10:00:00">',
            ("Dan Wu",),
            "2017-08-09",
        ),
        (
            '<meta name="DC.creator" content="Eva Berg"><meta name="DC.date.issued" content="2016-02-29">',
            ("Eva Berg",),
            "2016-02-29",
        ),
        ('<meta name="author" content="By Jane Doe and John Roe">', ("Jane Doe", "John Roe"), None),
    ],
)
def test_other_meta_sources(head: str, authors: tuple[str, ...], published: str | None) -> None:
    meta = meta_of(head)
    assert meta.authors == authors
    assert meta.published == published


def test_site_name_as_author_is_not_a_person() -> None:
    meta = meta_of('<meta property="og:site_name" content="Daily Post"><meta name="author" content="Daily Post">')
    assert meta.authors == ()


def test_time_datetime_inside_the_article_and_rel_author() -> None:
    body = '<article><h1>Storm</h1><a rel="author" href="/p/lee">Lee Park</a><time datetime="2015-10-21T07:28:00">Oct 21</time><p>Text.</p></article><aside><time datetime="2001-01-01">old</time></aside>'
    meta = meta_of("<title>Storm</title>", body)
    assert meta.published == "2015-10-21"
    assert meta.authors == ("Lee Park",)
    assert meta.source("published") == "time"


def test_a_time_outside_the_article_dates_something_else() -> None:
    body = '<article><h1>Storm</h1><p>Text.</p></article><aside><time datetime="2001-01-01">old teaser</time></aside>'
    assert meta_of("<title>Storm</title>", body).published is None


def test_language_from_html_lang() -> None:
    assert read_metadata(parse_document(page(HEAD, "<p>x</p>", lang="de-AT"))).language == "de"


def test_json_ld_wins_over_meta_tags() -> None:
    head = '<meta property="og:title" content="A teaser title">' + jsonld(
        '{"@type":"Article","headline":"The real headline"}'
    )
    assert meta_of(head).title == "The real headline"


def test_markup_metadata_reaches_the_article() -> None:
    article = parse_html(page(HEAD + jsonld(NEWS_ARTICLE)), source="bridge.html")
    assert article.input_format == "html"
    assert article.title == TITLE
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.published == "2024-12-14"
    assert article.site_name == "The Harbour Times"
    assert article.url == "https://harbourtimes.example/news/bridge-closing"
    assert article.description == "The council votes to close the bridge."


def test_visible_text_fills_what_markup_leaves_out() -> None:
    body = f"<main><article><h1>{TITLE}</h1><p>By Jane Doe</p><p>December 14, 2024</p><p>The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers warned that the structure could no longer carry heavy traffic safely.</p></article></main>"
    article = parse_html(page("<title>Bridge</title>", body))
    assert article.title == TITLE
    assert article.authors == ("Jane Doe",)
    assert article.published == "2024-12-14"
    assert (article.url, article.site_name, article.image) == (None, None, None)


def test_the_headline_the_page_shows_wins_over_a_search_title_in_the_markup() -> None:
    # og:title and the JSON-LD headline were written for search and sharing; readers see the <h1>.
    head = (
        "<title>Bridge closure: what it means for your commute | The Harbour Times</title>"
        '<meta property="og:site_name" content="The Harbour Times">'
        '<meta property="og:title" content="Bridge closure: what it means for your commute">'
        + jsonld('{"@type":"NewsArticle","headline":"Bridge closure: what it means for your commute"}')
    )
    article = parse_html(page(head, ARTICLE))
    assert article.title == TITLE


def test_the_visible_headline_loses_the_site_name_the_markup_names() -> None:
    body = ARTICLE.replace(f"<h1>{TITLE}</h1>", f"<h1>{TITLE} | The Harbour Times</h1>")
    article = parse_html(page(HEAD + '<meta property="og:title" content="Bridge to close">', body))
    assert article.title == TITLE


@pytest.mark.parametrize(
    ("visible", "rule", "expected"),
    [
        (None, None, "Harbour bridge to close"),  # the text found no title at all
        ("Skip to content", "title-first-line", "Harbour bridge to close"),  # only the first line, for want of one
        ("Old harbour bridge to close", "title-top-heading", "Old harbour bridge to close"),  # the page's <h1>
    ],
)
def test_the_markup_title_stands_where_the_text_only_guesses(
    visible: str | None, rule: str | None, expected: str
) -> None:
    header = Header(title=visible, title_unit=0 if rule else None)
    if rule:
        header.label(0, "title", rule)
    apply_markup(header, MarkupMeta(title="Harbour bridge to close", site_name="The Harbour Times"))
    assert header.title == expected


def test_the_date_the_page_shows_wins_when_the_markup_states_it_too() -> None:
    script = '{"@type":"NewsArticle","headline":"Bridge","datePublished":"2020-01-02","dateModified":"2024-12-14"}'
    body = "<main><article><h1>Bridge</h1><p>Updated December 14, 2024</p><p>The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers warned that the structure could no longer carry heavy traffic safely.</p></article></main>"
    assert parse_html(page(jsonld(script), body)).published == "2024-12-14"


def test_the_date_line_the_page_shows_wins_over_a_markup_date_it_does_not_state() -> None:
    # The visible date line is the day readers see; the markup's datePublished (a day off: written in UTC, or
    # a template's stale value) is not stated anywhere on the page.
    script = '{"@type":"NewsArticle","headline":"Bridge","datePublished":"2024-12-13T23:30:00Z"}'
    body = "<main><article><h1>Bridge</h1><p>December 14, 2024</p><p>The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers warned that the structure could no longer carry heavy traffic safely.</p></article></main>"
    assert parse_html(page(jsonld(script), body)).published == "2024-12-14"


def test_the_markup_date_stands_where_the_page_shows_none_of_its_own() -> None:
    script = '{"@type":"NewsArticle","headline":"Bridge","datePublished":"2024-12-13"}'
    body = "<main><article><h1>Bridge</h1><p>The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers warned that the structure could no longer carry heavy traffic safely.</p></article></main>"
    assert parse_html(page(jsonld(script), body)).published == "2024-12-13"
