"""Metadata a page states in its markup (JSON-LD, meta tags, <time>), and how it joins the Header.

The HTML front end fills a MarkupMeta; the pipeline lays it over what the visible text gave: a
field the markup states wins, a field it leaves empty keeps the visible reading. Which markup
source wins for each field is the front end's business (frontends/html/metadata.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from articlecli.header.record import Header


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


def apply_markup(header: Header, meta: MarkupMeta) -> None:
    """Fields the markup states replace the visible reading; the units the header labelled stay labelled."""
    if meta.title:
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
