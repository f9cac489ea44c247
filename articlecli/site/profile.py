"""The site profile: a small, readable, versioned JSON file holding each site's template lines.

Format (version 2)::

    {
      "format": "articlecli-site-profile",
      "version": 2,
      "settings": {"min_pages": 5, "min_share": 0.1, "min_template_pages": 5, "key_max_words": 150},
      "sites": {
        "bbc.co.uk": {"by": "host", "pages": 40,
                      "template": {"skip to content": 1.0, "© # bbc": 0.95, ...}},
        "scrapes/site-a": {"by": "folder", "pages": 12, "template": {...}}
      },
      "skipped": {"example.org": 2},
      "mixed": {"downloads": 36}
    }

`template` maps a line key (see keys.site_key: casefolded, numbers masked as '#') to the share of
the site's pages that show it, highest first. `skipped` lists the groups with too few pages to learn
from, `mixed` those whose most common line is on fewer than half their pages (a folder of many
sites' pages), with their page counts. Version 1 (one site per file, page counts instead of shares) is read
and migrated; a newer version is refused with a clear error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from articlecli.errors import ArticleError, InputIsDirectoryError, InputNotFoundError, UnreadableInputError
from articlecli.options import ParseOptions
from articlecli.site.groups import folder_matches, host_matches, site_host, url_line

FORMAT = "articlecli-site-profile"
VERSION = 2
BY_HOST = "host"
BY_FOLDER = "folder"
SHARE_DECIMALS = 3


class ProfileError(ArticleError):
    """A profile file that cannot be used (not JSON, not a profile, a newer version, an unknown site)."""

    exit_code = 2


@dataclass(frozen=True, eq=False)
class SiteProfile:
    """One site's template: line key -> share of the site's pages showing it."""

    name: str
    pages: int
    template: Mapping[str, float]
    by: str = BY_FOLDER
    # The site's name before or after the title in its pages' <title> lines (key -> share of pages).
    title_prefixes: Mapping[str, float] = field(default_factory=dict)
    title_suffixes: Mapping[str, float] = field(default_factory=dict)

    def share(self, key: str | None) -> float | None:
        return self.template.get(key) if key is not None else None


@dataclass(frozen=True, eq=False)
class Profile:
    """Every learned site of a profile file, the learning settings, and the groups too small to learn."""

    sites: Mapping[str, SiteProfile]
    settings: Mapping[str, float | int] = field(default_factory=dict)
    skipped: Mapping[str, int] = field(default_factory=dict)
    # Groups with enough pages but no line on half of them (not one site's pages), and their page counts.
    mixed: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SiteMatch:
    """Which site of a profile a page uses, and why (`how`): site-option, host, folder, only-site;
    or why none: unknown-host (the page names a host the profile does not know), left-alone (its host
    or folder is a group the learner left alone) or ambiguous."""

    site: SiteProfile | None
    how: str
    host: str | None = None


def match_site(
    profile: Profile,
    *,
    site: str | None = None,
    url: str | None = None,
    text: str | None = None,
    path: str | PurePath | None = None,
) -> SiteMatch:
    """Pick the profile's site for one page: an explicit name, else the page's URL host (the container's
    URL, else a URL line in the text), else the folder the page lies in, else the profile's only site.

    Raises ProfileError for an explicit `site` the profile does not hold.
    """
    if site is not None:
        # A folder site may be named by its last folders: 'cnn' for 'news-sites/cnn', when that is unique.
        named = [s for s in profile.sites.values() if s.name == site or s.name.endswith("/" + site.strip("/"))]
        if site in profile.sites:
            named = [profile.sites[site]]
        if len(named) != 1:
            known = ", ".join(sorted(profile.sites)) or "none"
            raise ProfileError(f"the profile has no site {site!r} (it has: {known})")
        return SiteMatch(named[0], "site-option")
    host = site_host(url) or (site_host(url_line(text)) if text else None)
    hosts = [s for s in profile.sites.values() if s.by == BY_HOST]
    if host is not None:
        found = [s for s in hosts if host_matches(s.name, host)]
        if found:
            # The most specific learned host wins ('news.bbc.co.uk' over 'bbc.co.uk').
            return SiteMatch(max(found, key=lambda s: len(s.name)), "host", host)
    if path is not None:
        folders = [s for s in profile.sites.values() if s.by == BY_FOLDER and folder_matches(s.name, path)]
        if folders:
            return SiteMatch(max(folders, key=lambda s: len(s.name)), "folder", host)
    if host is not None and hosts:
        return SiteMatch(None, "unknown-host", host)
    # A group the learner saw and left alone (too few pages, mixed) is not the only site's.
    alone = [*profile.skipped, *profile.mixed]
    if any(
        (host is not None and host_matches(name, host)) or (path is not None and folder_matches(name, path))
        for name in alone
    ):
        return SiteMatch(None, "left-alone", host)
    if len(profile.sites) == 1:
        return SiteMatch(next(iter(profile.sites.values())), "only-site", host)
    return SiteMatch(None, "ambiguous", host)


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    sites = {}
    for name in sorted(profile.sites):
        site = profile.sites[name]
        ordered = sorted(site.template.items(), key=lambda item: (-item[1], item[0]))
        sites[name] = {
            "by": site.by,
            "pages": site.pages,
            "template": {key: round(share, SHARE_DECIMALS) for key, share in ordered},
            "title_prefixes": {key: round(share, SHARE_DECIMALS) for key, share in sorted(site.title_prefixes.items())},
            "title_suffixes": {key: round(share, SHARE_DECIMALS) for key, share in sorted(site.title_suffixes.items())},
        }
    return {
        "format": FORMAT,
        "version": VERSION,
        "settings": dict(profile.settings),
        "sites": sites,
        "skipped": {name: profile.skipped[name] for name in sorted(profile.skipped)},
        "mixed": {name: profile.mixed[name] for name in sorted(profile.mixed)},
    }


def dumps(profile: Profile) -> str:
    """The profile as JSON text: stable key order, UTF-8, one site template entry per line."""
    return json.dumps(profile_to_dict(profile), ensure_ascii=False, indent=1) + "\n"


def loads(text: str, source: str = "profile") -> Profile:
    """Read a profile (any known version). Raises ProfileError with a one-line reason."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{source}: not a site profile (invalid JSON: {exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise ProfileError(f"{source}: not a site profile (no version number)")
    version = data["version"]
    if version > VERSION:
        raise ProfileError(f"{source}: profile version {version} is newer than this articlecli reads ({VERSION})")
    if version == 1:
        data = migrate_v1(data)
    elif data.get("format") != FORMAT:
        raise ProfileError(f"{source}: not a site profile (format is not {FORMAT!r})")
    try:
        return _from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        what = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ProfileError(f"{source}: malformed site profile ({what})") from exc


def _from_dict(data: dict[str, Any]) -> Profile:
    sites = {}
    for name, entry in dict(data.get("sites") or {}).items():
        template = {str(key): float(share) for key, share in dict(entry["template"]).items()}
        by = entry.get("by", BY_FOLDER)
        if by not in (BY_HOST, BY_FOLDER):
            raise ValueError(f"site {name!r}: 'by' is {by!r}, not {BY_HOST!r} or {BY_FOLDER!r}")
        prefixes = {str(key): float(share) for key, share in dict(entry.get("title_prefixes") or {}).items()}
        suffixes = {str(key): float(share) for key, share in dict(entry.get("title_suffixes") or {}).items()}
        sites[str(name)] = SiteProfile(str(name), int(entry["pages"]), template, by, prefixes, suffixes)
    skipped = {str(name): int(pages) for name, pages in dict(data.get("skipped") or {}).items()}
    mixed = {str(name): int(pages) for name, pages in dict(data.get("mixed") or {}).items()}
    settings = {str(name): value for name, value in dict(data.get("settings") or {}).items()}
    return Profile(sites, settings, skipped, mixed)


def migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 held one site per file: {"version": 1, "site": name, "pages": N, "lines": {key: pages
    showing it}}, every line kept at any count. Version 2 holds several sites and shares; a v1 line
    becomes template at the v1 rule (seen on at least half the pages)."""
    try:
        pages = int(data["pages"])
        lines = {str(key): int(count) for key, count in dict(data["lines"]).items()}
        name = str(data.get("site") or "default")
    except (KeyError, TypeError, ValueError) as exc:
        raise ProfileError(f"not a version 1 site profile ({exc})") from exc
    template = {key: count / pages for key, count in lines.items() if pages and count / pages >= V1_MIN_SHARE}
    by = BY_HOST if site_host(f"http://{name}") == name else BY_FOLDER
    return {
        "format": FORMAT,
        "version": VERSION,
        "settings": {"min_share": V1_MIN_SHARE, "migrated_from": 1},
        "sites": {name: {"by": by, "pages": pages, "template": template}},
        "skipped": {},
    }


# The share at which version 1 profiles counted a line as template.
V1_MIN_SHARE = 0.5


def load_profile(path: str | Path) -> Profile:
    """Read a profile file. Raises InputNotFoundError etc. for the file, ProfileError for its content."""
    target = Path(path)
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputNotFoundError(f"no such profile: {path}") from exc
    except IsADirectoryError as exc:
        raise InputIsDirectoryError(f"profile is a directory, not a file: {path}") from exc
    except UnicodeDecodeError as exc:
        raise ProfileError(f"{path}: not a site profile (not UTF-8 text)") from exc
    except OSError as exc:
        raise UnreadableInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return loads(text, str(path))


def save_profile(profile: Profile, path: str | Path) -> None:
    Path(path).write_text(dumps(profile), encoding="utf-8")


def options_for_page(
    options: ParseOptions,
    profile: Profile | None,
    *,
    site: str | None = None,
    url: str | None = None,
    text: str | None = None,
    path: str | PurePath | None = None,
) -> tuple[ParseOptions, SiteMatch | None]:
    """`options` with the profile's site for one page (see match_site), and the match (None without a
    profile). A page whose site the profile does not hold is parsed with `options` unchanged.

    This is what a batch worker calls per document: `url` is the container record's URL, `text` the
    page (its URL line is looked for at the top), `path` the file it was read from.
    """
    if profile is None:
        return options, None
    match = match_site(profile, site=site, url=url, text=text, path=path)
    return (replace(options, site=match.site) if match.site is not None else options), match
