"""A page's markup to units and metadata: `read_html`, the HTML front end's entry point."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from articlecli.frontends.html.dom import Block, parse_document, walk
from articlecli.frontends.html.metadata import page_title, read_metadata
from articlecli.frontends.unit import Unit
from articlecli.header.markup import MarkupMeta

# A hinted element holding at least this share of the page's words wraps the page, not a widget
# (a theme's "has-sidebar" layout div, a body-wide <form>): its hint is dropped.
HINT_WRAPPER_MAX_SHARE = 0.5
# A hint whose blocks hold this many times the words of all unhinted blocks marks the page's own
# content (a forum thread is all "comments", a Q&A page all "answers"), not chrome around it.
# Only where the unhinted text is less than a short article: an article with a long comment
# thread below it keeps its comments hint.
HINT_OVER_CONTENT_RATIO = 2.0
UNHINTED_ARTICLE_MIN_WORDS = 200


# The page's main container (dom.main_container) counts when it holds this share of its words
# a <main> around a hero banner alone says nothing about where the text is.
MAIN_MIN_SHARE = 0.2
# ... or this many words, whatever the rest of the page holds (a page can carry a huge hidden menu).
MAIN_MIN_WORDS = 150
# The zone of an unhinted block outside that container and inside it (labeller/content.py scores both).
OUTSIDE_MAIN = "outside-main"
INSIDE_MAIN = "main"


@dataclass(frozen=True)
class HtmlPage:
    units: list[Unit]
    meta: MarkupMeta


def read_html(markup: str, *, url: str | None = None) -> HtmlPage:
    """Units and markup metadata of one HTML page (a decoded string). Raises MarkupError."""
    root = parse_document(markup)
    meta = read_metadata(root, url)
    blocks = walk(root)
    units: list[Unit] = []
    title = page_title(root)
    if title:
        title_line = next((el.sourceline for el in root.iter("title")), None) or 1
        units.append(Unit(0, (title_line,), (title,), title))
    wrappers, content_hints = _misplaced_hints(blocks)
    main_words = sum(len(block.text.split()) for block in blocks if block.in_main)
    total_words = sum(len(block.text.split()) for block in blocks)
    has_main = main_words >= min(MAIN_MIN_WORDS, MAIN_MIN_SHARE * total_words)
    for block in blocks:
        hint = None if block.hint_owner in wrappers or block.hint in content_hints else block.hint
        if hint is None and has_main:
            hint = INSIDE_MAIN if block.in_main else OUTSIDE_MAIN
        units.append(
            Unit(
                len(units),
                (block.line,),
                (block.text,),
                block.text,
                block.heading_level,
                block.list_item,
                block.numbered,
                block.quote,
                block.link_chars,
                block.blank_before,
                0,
                hint,
                block.pre,
                block.table,
            )
        )
    return HtmlPage(units, meta)


def _misplaced_hints(blocks: list[Block]) -> tuple[set[int], set[str]]:
    """Hinted elements that wrap most of the page, and hints that cover the page's content."""
    by_owner: Counter[int] = Counter()
    by_hint: Counter[str] = Counter()
    total = unhinted = 0
    for block in blocks:
        count = len(block.text.split())
        total += count
        if block.hint:
            by_owner[block.hint_owner] += count
            by_hint[block.hint] += count
        else:
            unhinted += count
    wrappers = {owner for owner, count in by_owner.items() if count >= HINT_WRAPPER_MAX_SHARE * total}
    content = {
        hint
        for hint, count in by_hint.items()
        if count >= HINT_OVER_CONTENT_RATIO * unhinted and unhinted < UNHINTED_ARTICLE_MIN_WORDS
    }
    return wrappers, content
