"""The HTML front end: a page's markup to the same units the text front end makes, plus its metadata.

`dom.py` parses safely and walks the tree into text blocks with markup hints (heading level, list,
quote, pre, table, link text, the chrome zone a block sits in); `hints.py` says what a tag, role,
class or id means; `metadata.py` (with `jsonld.py`) reads what the page states about itself;
`charset.py` decodes the bytes; `detect.py` tells HTML from text by content.
"""

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
    wrappers = _wrapper_owners(blocks)
    for block in blocks:
        hint = None if block.hint_owner in wrappers else block.hint
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


def _wrapper_owners(blocks: list[Block]) -> set[int]:
    words: Counter[int] = Counter()
    total = 0
    for block in blocks:
        count = len(block.text.split())
        total += count
        if block.hint:
            words[block.hint_owner] += count
    return {owner for owner, count in words.items() if count >= HINT_WRAPPER_MAX_SHARE * total}
