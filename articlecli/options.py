"""Options for one parse, built once by the caller and passed by keyword."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from articlecli.site.profile import SiteProfile


@dataclass(frozen=True)
class ParseOptions:
    """`language` forces the page language (ISO 639-1) instead of detecting it.

    `site` is the learned template of the page's site (see articlecli.site): its lines are removed
    as `site-template` unless they are this page's title, a heading with its own text or its prose.
    """

    language: str | None = None
    site: SiteProfile | None = None
