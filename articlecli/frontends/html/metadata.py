"""Page metadata from markup, in order of trust: JSON-LD, OpenGraph and article:* meta, other meta
(author, citation_*, parsely-*, sailthru.*, dc.*), microdata and <time datetime>, rel=author,
<html lang>. The first source that states a field gives it; the visible text fills the rest later
(header/markup.apply_markup).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urljoin

from articlecli.frontends.html import jsonld
from articlecli.frontends.html.dom import main_container
from articlecli.header.markup import MarkupMeta, strip_named_site
from articlecli.lazy_regex import lazy_compile
from articlecli.records.lexicon import lexicon_for
from articlecli.records.names import split_names

# Meta keys per field, most trusted first (after JSON-LD). Keys are lowercased name/property/itemprop.
TITLE_KEYS = (
    "og:title",
    "citation_title",
    "parsely-title",
    "sailthru.title",
    "dc.title",
    "dcterms.title",
    "twitter:title",
)
AUTHOR_KEYS = (
    "article:author", "author", "citation_author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "byl", "twitter:creator:name",
)  # fmt: skip
PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time", "citation_publication_date",
    "citation_date", "citation_online_date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date",
    "dcterms.date", "dcterms.issued", "dcterms.created", "date", "pubdate", "publishdate", "publish-date",
    "publication_date", "article.published", "datepublished",
)  # fmt: skip
UPDATED_KEYS = ("article:modified_time", "og:updated_time", "dcterms.modified", "datemodified", "last-modified")
SECTION_KEYS = ("article:section", "parsely-section")
TAG_KEYS = ("article:tag", "parsely-tags", "sailthru.tags", "news_keywords")
SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description")
IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
URL_KEYS = ("og:url",)
LANGUAGE_KEYS = ("og:locale", "content-language", "dc.language", "language")

# A leading "By"/"Von"/"Par" in an author field is not part of the name.
_BY = lazy_compile(r"^(?:by|von|par|por|di|door|av|af)\s+", re.IGNORECASE)
_ISO_DAY = lazy_compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_COMPACT_DAY = lazy_compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)")
_LANGUAGE = lazy_compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
# Author values that are not names: profile URLs, handles, e-mail addresses.
_NOT_A_NAME = lazy_compile(r"https?://|www\.|@|\.com\b|/")
# "Surname, Given names": one word, a comma, then given names or initials and nothing else.
_SURNAME_FIRST = lazy_compile(r"^[^\W\d_][\w'’-]*,\s*(?:[^\W\d_][\w.'’-]*\s?){1,3}$")
# An author field longer than this is a sentence, not a name list.
AUTHOR_MAX_WORDS = 12


def read_metadata(root: Any, url: str | None = None) -> MarkupMeta:
    """Everything the page states about itself in markup."""
    metas = _meta_values(root)
    scripts = [
        value
        for script in root.iter("script")
        if (script.get("type") or "").strip().lower() == "application/ld+json"
        for value in jsonld.parse_script(script.text or "")
    ]
    found = jsonld.nodes(scripts)
    index = jsonld.by_id(found)
    article = _article_node(found)
    sources: dict[str, str] = {}

    def pick(field: str, *candidates: tuple[str, Any]) -> Any:
        for source, value in candidates:
            if value:
                sources[field] = source
                return value
        return None

    publisher = jsonld.text_of(_resolved(article, "publisher", index)) if article else None
    site_name = pick("site_name", ("meta", _first(metas, SITE_KEYS)), ("json-ld", publisher))
    canonical = _canonical(root)
    page_url = pick(
        "url",
        ("link-canonical", canonical),
        ("meta", _first(metas, URL_KEYS)),
        ("json-ld", jsonld.url_of(article.get("url"), index) if article else None),
        ("caller", url),
    )
    base = page_url or url
    title = pick(
        "title",
        ("json-ld", jsonld.text_of(article.get("headline") or article.get("name")) if article else None),
        ("meta", _first(metas, TITLE_KEYS)),
    )
    authors = pick(
        "authors",
        ("json-ld", _jsonld_authors(article, index, site_name or publisher) if article else None),
        ("meta", _meta_authors(metas, site_name)),
        ("microdata", _microdata_authors(root, site_name)),
        ("rel-author", _rel_authors(root, site_name)),
    )
    jsonld_dates = (
        (_day(article.get("datePublished") or article.get("dateCreated")), _day(article.get("dateModified")))
        if article
        else (None, None)
    )
    meta_dates = (_first_day(metas, PUBLISHED_KEYS), _first_day(metas, UPDATED_KEYS))
    time_date = _time_published(root)
    published = pick("published", ("json-ld", jsonld_dates[0]), ("meta", meta_dates[0]), ("time", time_date))
    updated = pick("updated", ("json-ld", jsonld_dates[1]), ("meta", meta_dates[1]))
    stated = tuple(dict.fromkeys(d for d in (*jsonld_dates, *meta_dates, time_date) if d))
    categories = pick(
        "categories",
        ("json-ld", _strings(article.get("articleSection")) if article else None),
        ("meta", _unique(v for key in SECTION_KEYS for v in metas.get(key, ()))),
    )
    tags = pick(
        "tags",
        ("json-ld", _keywords(article.get("keywords")) if article else None),
        ("meta", _unique(k for key in TAG_KEYS for v in metas.get(key, ()) for k in _keywords(v))),
    )
    breadcrumbs = pick("breadcrumbs", ("json-ld", _breadcrumbs(found, index)))
    language = pick(
        "language",
        ("html-lang", _language(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang"))),
        ("json-ld", _language(jsonld.text_of(article.get("inLanguage"))) if article else None),
        ("meta", _language(_first(metas, LANGUAGE_KEYS))),
    )
    description = pick(
        "description",
        ("json-ld", jsonld.text_of(article.get("description")) if article else None),
        ("meta", _first(metas, DESCRIPTION_KEYS)),
    )
    image = pick(
        "image",
        ("json-ld", jsonld.url_of(article.get("image"), index) if article else None),
        ("meta", _first(metas, IMAGE_KEYS)),
    )
    return MarkupMeta(
        title=strip_named_site(title, site_name) if title else None,
        authors=tuple(authors or ()),
        published=published,
        updated=updated,
        categories=tuple(categories or ()),
        tags=tuple(tags or ()),
        breadcrumbs=tuple(breadcrumbs or ()),
        language=language,
        url=_absolute(page_url, base),
        site_name=site_name,
        description=description,
        image=_absolute(image, base),
        stated_dates=stated,
        sources=tuple(sorted(sources.items())),
    )


def page_title(root: Any) -> str | None:
    """The text of <title> (the first one, in <head> or wherever the page put it)."""
    for element in root.iter("title"):
        text = " ".join((element.text or "").split())
        if text:
            return text
    return None


# --- sources ---------------------------------------------------------------------------------


def _meta_values(root: Any) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = meta.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    return values


def _first(metas: dict[str, list[str]], keys: Iterable[str]) -> str | None:
    for key in keys:
        for value in metas.get(key, ()):
            if value:
                return value
    return None


def _first_day(metas: dict[str, list[str]], keys: Iterable[str]) -> str | None:
    for key in keys:
        for value in metas.get(key, ()):
            day = _day(value)
            if day:
                return day
    return None


def _article_node(found: list[jsonld.Node]) -> jsonld.Node | None:
    """The node describing the article: an Article type first, else a page type with a name."""
    for wanted in (jsonld.ARTICLE_TYPES, jsonld.PAGE_TYPES):
        for node in found:
            if jsonld.type_names(node) & wanted and (node.get("headline") or node.get("name")):
                return node
    return None


def _resolved(node: jsonld.Node | None, key: str, index: dict[str, jsonld.Node]) -> Any:
    if node is None:
        return None
    value = node.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return jsonld.resolve(value, index)


def _jsonld_authors(node: jsonld.Node, index: dict[str, jsonld.Node], organisation: str | None) -> list[str]:
    """Person authors; an organisation (by type, or named as the publisher) is not a person."""
    names: list[str] = []
    for name, is_organisation in jsonld.people(node.get("author") or node.get("creator"), index):
        if is_organisation:
            continue
        names.extend(_split_author_value(name, organisation))
    return _unique(names)


def _meta_authors(metas: dict[str, list[str]], site_name: str | None) -> list[str]:
    for key in AUTHOR_KEYS:
        names = [name for value in metas.get(key, ()) for name in _split_author_value(value, site_name)]
        if names:
            return _unique(names)
    return []


def _microdata_authors(root: Any, site_name: str | None) -> list[str]:
    names: list[str] = []
    for element in root.xpath("//*[@itemprop='author']"):
        inner = element.xpath(".//*[@itemprop='name']")
        source = inner[0] if inner else element
        value = source.get("content") or " ".join("".join(source.itertext()).split())
        names.extend(_split_author_value(value, site_name))
    return _unique(names)


def _rel_authors(root: Any, site_name: str | None) -> list[str]:
    names: list[str] = []
    for element in root.xpath("//a[@rel='author'] | //link[@rel='author']"):
        if element.tag == "a":
            names.extend(_split_author_value(" ".join("".join(element.itertext()).split()), site_name))
    return _unique(names)


def _split_author_value(value: str, organisation: str | None) -> list[str]:
    """One author field as names: 'By Jane Doe and John Roe' -> both; URLs, handles and the site are not names."""
    value = _BY.sub("", " ".join(value.split())).strip(" ,;|")
    if not value or _NOT_A_NAME.search(value) or len(value.split()) > AUTHOR_MAX_WORDS:
        return []
    if organisation and value.casefold() == organisation.casefold():
        return []
    if _SURNAME_FIRST.match(value):
        # 'Ng, Alice' (citation_author's form) is one name, not two.
        return [value]
    names = split_names(value, lexicon_for(None))
    return names or [value]


def _time_published(root: Any) -> str | None:
    """<time> marked as the publication date, else the first <time datetime> inside the page's one
    main container (a <time> elsewhere dates a comment, a teaser or a sidebar post)."""
    marked = root.xpath(
        "//time[@itemprop='datePublished' or @pubdate]/@datetime | //*[@itemprop='datePublished']/@content"
    )
    main = main_container(root)
    values = [*marked, *(main.xpath(".//time/@datetime") if main is not None else ())]
    for value in values:
        day = _day(value)
        if day:
            return day
    return None


def _canonical(root: Any) -> str | None:
    for value in root.xpath("//link[@rel='canonical']/@href"):
        if value.strip():
            return str(value).strip()
    return None


def _breadcrumbs(found: list[jsonld.Node], index: dict[str, jsonld.Node]) -> list[str]:
    for node in found:
        if "breadcrumblist" in jsonld.type_names(node):
            names = jsonld.breadcrumb_names(node, index)
            if names:
                return names
    return []


# --- values ----------------------------------------------------------------------------------


def _day(value: Any) -> str | None:
    """YYYY-MM-DD as the page states it (no time-zone shift), from ISO or written dates."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    match = _ISO_DAY.search(value) or _COMPACT_DAY.match(value)
    if match:
        year, month, day = (int(part) for part in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    from articlecli.records.dates import find_dates

    found = find_dates(value)
    return found[0].value if found else None


def _strings(value: Any) -> list[str]:
    return _unique(text for item in jsonld.as_list(value) if (text := jsonld.text_of(item)))


def _keywords(value: Any) -> list[str]:
    """Keywords as a list or one comma-separated string."""
    items: list[str] = []
    for item in jsonld.as_list(value):
        text = jsonld.text_of(item)
        if text:
            items.extend(part.strip() for part in text.split(","))
    return _unique(item for item in items if item)


def _language(value: str | None) -> str | None:
    if not value:
        return None
    match = _LANGUAGE.match(value.strip())
    return match.group(1).lower()[:2] if match and len(match.group(1)) == 2 else None


def _absolute(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    return urljoin(base, value) if base and not value.startswith(("http://", "https://")) else value


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.casefold(), value)
    return list(seen.values())
