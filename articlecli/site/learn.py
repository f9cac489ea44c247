"""Learn site templates from a stream of pages, in memory bounded by the number of line keys kept.

Each page is read by the text front end (so Markdown links and archive URLs are reduced to the text
a reader sees), and every unit's key (keys.site_key) is counted once per page, per site. A key shown
on at least MIN_SHARE of a site's pages, and on at least MIN_TEMPLATE_PAGES of them, is template.

Memory: counts are kept by lossy counting (Manku & Motwani, 2002), per site. Every BUCKET pages of a
site (1/PRUNE_EPSILON), keys whose count could not reach one page in BUCKET are dropped, so a site's
one-off lines (its articles' own text) never pile up; a key that comes back starts again with the
number of pages it may have missed (`delta`). On top of that a global budget (max_keys) bounds all
sites together: past it, the keys with the fewest pages are evicted first, as in Space-Saving.
A kept count never exceeds the true number of pages showing the key, so what is reported as
template truly is on that share of pages; a key may be missed only when its share is within
PRUNE_EPSILON of the threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from articlecli.frontends.decoding import normalize_text
from articlecli.frontends.text import read_units
from articlecli.site.groups import site_host, url_line
from articlecli.site.keys import KEY_MAX_WORDS, TITLE_SEPARATORS, site_key
from articlecli.site.profile import BY_FOLDER, BY_HOST, Profile, SiteProfile

# Fewer pages than this and a site's "template" would be whatever its few pages share by chance.
MIN_PAGES = 5
# A template line is on at least this share of a site's pages. A long crawl spans template changes
# (a redesign every few years; an archive's notes per collection), so a line of one design is on a
# fraction of the pages, not most. Measured on the site corpus (bench/site_eval.py): 0.2 misses an
# archive's collection notes on 6 of 40 pages; below 0.1, chance repeats (teasers) would start to count.
MIN_SHARE = 0.1
# ... and on at least this many pages (as many as a site needs to be learned at all): on a site of a
# dozen pages, three listing pages sharing a few items, or three stories a teaser, make no template.
MIN_TEMPLATE_PAGES = 5
# A site shows its template (a menu, a footer) on most of its pages: a group whose most common line is
# on fewer than this share of its pages is not one site's pages (a folder of pages from many sites,
# sharing only words like "Features" or "Popular") and is left alone. Measured on the dev corpus: the
# 10 hosts with 5+ pages show their top line on 78-100% of pages; its folder of 36 mixed pages, 39%.
SITE_MIN_TOP_SHARE = 0.5
# Lossy-counting error: a key is dropped when it cannot be on more than this share of the pages
# seen. Half of MIN_SHARE, so a template line is not lost; 1/PRUNE_EPSILON pages per bucket.
PRUNE_EPSILON = 0.05
# All sites together keep at most this many keys (about 100 bytes each); a site's pages hold a few
# hundred distinct lines, so this is thousands of pages' worth before the budget bites.
MAX_KEPT_KEYS = 500_000
# Past the budget, evict down to this share of it, so eviction runs rarely, not at every page.
EVICT_TO_SHARE = 0.8
DEFAULT_GROUP = "default"

Document = tuple[str, str | None, str | None]


@dataclass
class _Site:
    """Counts of one site: key -> [pages counted, pages possibly missed before it was (re)kept]."""

    by: str
    pages: int = 0
    counts: dict[str, list[int]] = field(default_factory=dict)
    # Largest count evicted by the global budget: a key coming back may have missed that many pages.
    floor: int = 0


class ProfileLearner:
    """Feed pages one at a time with `add`; `profile()` gives the learned Profile at any point."""

    def __init__(
        self,
        *,
        min_pages: int = MIN_PAGES,
        min_share: float = MIN_SHARE,
        min_template_pages: int = MIN_TEMPLATE_PAGES,
        epsilon: float = PRUNE_EPSILON,
        max_keys: int = MAX_KEPT_KEYS,
    ) -> None:
        if not 0 < epsilon < min_share <= 1:
            raise ValueError("need 0 < epsilon < min_share <= 1")
        self.min_pages = min_pages
        self.min_share = min_share
        self.min_template_pages = min_template_pages
        self.bucket = max(1, round(1 / epsilon))
        self.max_keys = max_keys
        self.sites: dict[str, _Site] = {}
        self.kept = 0
        self.peak_kept = 0

    def add(self, text: str, *, url: str | None = None, group: str | None = None) -> str:
        """Count one page. Its site is the host of `url` (else of a URL line in the text), else `group`.

        Returns the site name the page was counted under.
        """
        host = site_host(url) or site_host(url_line(text))
        name, by = (host, BY_HOST) if host else (group or DEFAULT_GROUP, BY_FOLDER)
        self.add_keys(name, page_keys(text), by=by)
        return name

    def add_keys(self, name: str, keys: Iterable[str], *, by: str = BY_FOLDER) -> None:
        """Count one page given as the set of its line keys (each key once)."""
        site = self.sites.get(name)
        if site is None:
            site = self.sites[name] = _Site(by)
        site.pages += 1
        # Lossy counting: a key first seen in bucket b may have been on (b - 1) pages before.
        current = (site.pages - 1) // self.bucket + 1
        missed = max(current - 1, site.floor)
        counts = site.counts
        for key in keys:
            entry = counts.get(key)
            if entry is None:
                counts[key] = [1, missed]
                self.kept += 1
            else:
                entry[0] += 1
        if site.pages % self.bucket == 0:
            self._prune(site, site.pages // self.bucket)
        self.peak_kept = max(self.peak_kept, self.kept)
        if self.kept > self.max_keys:
            self._evict()

    def _prune(self, site: _Site, bucket: int) -> None:
        doomed = [key for key, (count, missed) in site.counts.items() if count + missed <= bucket]
        for key in doomed:
            del site.counts[key]
        self.kept -= len(doomed)

    def _evict(self) -> None:
        """Drop the keys with the fewest pages, across sites, until the budget has room again."""
        target = int(self.max_keys * EVICT_TO_SHARE)
        level = 0
        while self.kept > target:
            level += 1
            for site in self.sites.values():
                doomed = [key for key, (count, missed) in site.counts.items() if count + missed <= level]
                if doomed:
                    site.floor = max(site.floor, level)
                for key in doomed:
                    del site.counts[key]
                self.kept -= len(doomed)

    def profile(self) -> Profile:
        sites: dict[str, SiteProfile] = {}
        skipped: dict[str, int] = {}
        mixed: dict[str, int] = {}
        for name, site in self.sites.items():
            if site.pages < self.min_pages:
                skipped[name] = site.pages
                continue
            needed = max(self.min_template_pages, self.min_share * site.pages)
            learned = {key: count / site.pages for key, (count, _) in site.counts.items() if count >= needed}
            template = {key: share for key, share in learned.items() if not key.startswith(AFFIX_MARK)}
            if max(template.values(), default=0.0) < SITE_MIN_TOP_SHARE:
                mixed[name] = site.pages
                continue
            prefixes = {key[len(PREFIX) :]: share for key, share in learned.items() if key.startswith(PREFIX)}
            suffixes = {key[len(SUFFIX) :]: share for key, share in learned.items() if key.startswith(SUFFIX)}
            sites[name] = SiteProfile(name, site.pages, template, site.by, prefixes, suffixes)
        settings = {
            "min_pages": self.min_pages,
            "min_share": self.min_share,
            "min_template_pages": self.min_template_pages,
            "key_max_words": KEY_MAX_WORDS,
        }
        return Profile(sites, settings, skipped, mixed)


# The site's name around each page's title in its <title> line ("CNN.com - Title", "Title | Site"): the
# first and last pieces of a dump's first line, counted like lines under these marks (no line key starts
# with a control character).
AFFIX_MARK = "\x01"
PREFIX = AFFIX_MARK + "prefix "
SUFFIX = AFFIX_MARK + "suffix "


def title_affix_keys(first_line: str) -> set[str]:
    """The marked keys of the first and last pieces of a page's first line, split at title separators."""
    pieces = TITLE_SEPARATORS.split(first_line.strip())
    if len(pieces) < 2:
        return set()
    found = set()
    for mark, piece in ((PREFIX, pieces[0]), (SUFFIX, pieces[-1])):
        key = site_key(piece)
        if key is not None:
            found.add(mark + key)
    return found


def page_keys(text: str) -> set[str]:
    """What one page contributes: the keys of its units, and the marked pieces around its title line."""
    units, _ = read_units(normalize_text(text))
    keys = {key for unit in units if (key := site_key(unit.text)) is not None}
    return keys | title_affix_keys(next((unit.text for unit in units if unit.text), ""))


def learn_profile(
    documents: Iterable[Document],
    *,
    min_pages: int = MIN_PAGES,
    min_share: float = MIN_SHARE,
    max_keys: int = MAX_KEPT_KEYS,
) -> Profile:
    """Learn a Profile from (text, url, group) triples, streamed: `url` may be None (then a URL line in the
    text, else `group`, names the site); `group` is the folder or any name of the page's site."""
    learner = ProfileLearner(min_pages=min_pages, min_share=min_share, max_keys=max_keys)
    for text, url, group in documents:
        learner.add(text, url=url, group=group)
    return learner.profile()


def report(profile: Profile, learner: ProfileLearner, pages: int, skipped_files: dict[str, int]) -> list[str]:
    """The lines `articlecli learn` prints on stderr: sites, pages, lines kept, small groups, skipped files."""
    lines = [
        f"learned {len(profile.sites)} site(s) from {pages} page(s); "
        f"line keys kept while learning: {learner.kept} (peak {learner.peak_kept}, budget {learner.max_keys})"
    ]
    for name in sorted(profile.sites):
        site = profile.sites[name]
        lines.append(f"  {name} ({site.by}): {site.pages} pages, {len(site.template)} template lines")
    if profile.skipped:
        small = ", ".join(f"{name} ({count})" for name, count in sorted(profile.skipped.items()))
        lines.append(f"left alone, fewer than {learner.min_pages} pages: {small}")
    if profile.mixed:
        mixed = ", ".join(f"{name} ({count})" for name, count in sorted(profile.mixed.items()))
        lines.append(f"left alone, no line on half their pages (not one site's pages?): {mixed}")
    if skipped_files:
        reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(skipped_files.items()))
        lines.append(f"files not read: {reasons}")
    return lines
