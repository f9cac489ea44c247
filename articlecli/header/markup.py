"""Metadata a page states in its markup (JSON-LD, meta tags, <time>), and how it joins the Header.

The HTML front end fills a MarkupMeta; the pipeline lays it over what the visible text gave: a
field the markup states wins, a field it leaves empty keeps the visible reading. Which markup
source wins for each field is the front end's business (frontends/html/metadata.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from articlecli.header.record import Header
from articlecli.header.title import strip_site_suffix


@dataclass(frozen=True)
class MarkupMeta:
    """One page's metadata from its markup; empty where the markup says nothing.

    `sources` names, per field, the markup source that gave it (for --explain and tests).
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    breadcrumbs: tuple[str, ...] = ()
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None
    # Every date any markup source states for the page (published or modified), deduplicated.
    stated_dates: tuple[str, ...] = ()
    sources: tuple[tuple[str, str], ...] = ()

    def source(self, field: str) -> str | None:
        return dict(self.sources).get(field)


# The text rules that read the date line the page shows in its header: a date line by the title, a line a
# 'Published' label opens, the header's only 'Updated' line. Their date is the one readers see.
SHOWN_DATE_RULES = frozenset({"date-line", "labelled-date", "updated-date-only"})
SHOWN_OVER_MARKUP_RULE = "shown-date-over-markup"

# The title rules that guess for want of a headline: their title gives way to one the markup states.
GUESSED_TITLE_RULES = frozenset({"title-first-line"})


def strip_named_site(title: str, site_name: str | None) -> str:
    """The title without the site's name appended or prepended ("Story | Le Monde", "Le Monde - Story")."""
    if site_name:
        for separator in (" | ", " - ", " – ", " — ", " :: ", " · ", " • "):
            if title.endswith(separator + site_name):
                return title[: -len(separator + site_name)].strip()
            if title.startswith(site_name + separator):
                return title[len(site_name + separator) :].strip()
    return strip_site_suffix(title) if site_name and site_name.casefold() in title.casefold() else title


def apply_markup(header: Header, meta: MarkupMeta) -> None:
    """Fields the markup states replace the visible reading, except the title; the units the header labelled
    stay labelled.

    The title is the headline the page shows when the text rules found one (without the site's name, which
    the markup names): a page's markup title (JSON-LD headline, og:title) is often the one written for
    search and sharing, not the headline readers see. On the dev corpus's HTML, every third page, where
    both exist and differ in being right, the visible headline is the gold title on 126 pages and the
    markup's on 34. The markup title stays the answer when the text gives none, or only its fallback guess
    (`title-first-line`: the page's first line, for want of a headline)."""
    title_rule = header.labels.get(header.title_unit, ("", ""))[1] if header.title_unit is not None else ""
    if header.title and not (meta.title and title_rule in GUESSED_TITLE_RULES):
        header.title = strip_named_site(header.title, meta.site_name)
    elif meta.title:
        header.title = meta.title
    if meta.authors:
        header.authors = list(meta.authors)
    if header.published and header.published in meta.stated_dates:
        # The date the page shows is one its markup states too (often the modified one): the page's own
        # choice of which date to show wins over the markup's label.
        pass
    elif header.published and header.date_rule in SHOWN_DATE_RULES and meta.published:
        # The page shows a date line of its own that its markup does not state: the date readers see wins
        # over the markup's, which a template left stale or wrote in another time zone (shown-date-over-markup).
        header.date_rule = f"{header.date_rule}, {SHOWN_OVER_MARKUP_RULE}"
    elif meta.published:
        header.set_published(meta.published, None, "markup")
        if meta.updated or header.updated == header.published:
            header.updated = meta.updated
    elif meta.updated:
        header.updated = meta.updated
        if not header.published:
            header.set_published(meta.updated, None, "markup")
    if meta.categories:
        header.categories = list(meta.categories)
    if meta.tags:
        header.tags = list(meta.tags)
    if meta.breadcrumbs:
        header.breadcrumbs = list(meta.breadcrumbs)
