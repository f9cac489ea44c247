"""Which site a page belongs to: the host of its URL where known, else the folder it was read from.

A URL is known from the container (a JSON Lines record's `url`, a WARC record's target URI) or from
a URL line at the top of the dump ("https://…", "URL: https://…", "Source: https://…"), as several
scrapers write one. Archive captures (web.archive.org/web/<time>/<url>) belong to the archived site.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from articlecli.lazy_regex import lazy_compile

# A scraper that records the page's address does so in its first lines.
URL_LINE_LOOKAHEAD = 5
_URL_LINE = lazy_compile(
    r"(?:(?:url|source|link|canonical|permalink)\s*[:=]\s*)?<?(https?://[^\s<>]+)>?", re.IGNORECASE
)
ARCHIVE_HOSTS = frozenset({"web.archive.org", "web-beta.archive.org", "wayback.archive.org"})
_ARCHIVED = lazy_compile(r"^/web/[0-9]{4,14}[a-z_]*/+(.+)$")


# The page's URL line, if any, is among its first lines: that much of a file is decoded to look for it.
URL_PROBE_BYTES = 8192


def page_head(data: bytes) -> str:
    """The first bytes of a page, decoded leniently: enough for url_line, without decoding the page."""
    return data[:URL_PROBE_BYTES].decode("utf-8", "replace")


def url_line(text: str) -> str | None:
    """The page's own URL when one of its first non-blank lines is nothing but that URL (maybe labelled)."""
    seen = 0
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        match = _URL_LINE.fullmatch(stripped)
        if match:
            return match.group(1)
        seen += 1
        if seen >= URL_LINE_LOOKAHEAD:
            break
    return None


def site_host(url: str | None) -> str | None:
    """'https://www.BBC.co.uk:443/news/x' -> 'bbc.co.uk'; an archive capture's host is the archived site's."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if host in ARCHIVE_HOSTS:
        archived = _ARCHIVED.match(parts.path)
        if archived:
            inner = archived.group(1)
            return site_host(inner if "://" in inner else f"http://{inner}")
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def folder_group(path: str | PurePath, root: str | PurePath | None = None) -> str:
    """The group of a file read from a folder: its folder's path starting at the folder the user named.

    `learn scrapes/site-a/` groups site-a/x.txt as 'site-a'; `learn scrapes/` groups it as
    'scrapes/site-a'. A file named on its own belongs to its folder's name.
    """
    parent = PurePath(path).parent
    if root is not None:
        base = PurePath(root)
        try:
            rel = parent.relative_to(base)
        except ValueError:
            rel = None
        if rel is not None:
            return "/".join(part for part in (base.name, *rel.parts) if part and part != ".") or base.name or "."
    return parent.name or "."


def folder_matches(group: str, path: str | PurePath) -> bool:
    """True when the file at `path` lies directly in a folder whose path ends with `group`."""
    wanted = [part for part in group.split("/") if part]
    parts = PurePath(path).parent.parts
    return bool(wanted) and list(parts[-len(wanted) :]) == wanted


def host_matches(group: str, host: str) -> bool:
    """The page's host is the learned host or one of its subdomains ('news.bbc.co.uk' for 'bbc.co.uk')."""
    return host == group or host.endswith("." + group)
