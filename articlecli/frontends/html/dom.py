"""Parse HTML safely and walk the tree into text blocks, as a browser would lay them out.

The tree is walked with lxml's iterwalk (a flat event stream, never Python recursion), so a page
of 100,000 nested elements costs a loop, not a RecursionError. Inline elements (a, b, span, ...)
do not split a block; block elements (p, div, li, h1-h6, td, ...) do; <br> starts a new line of
the same block; <pre> keeps its lines. Scripts, styles, templates, noscript, SVG/MathML islands,
form controls, comments and hidden elements never reach the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from lxml import etree

from articlecli.errors import MarkupError
from articlecli.frontends.decoding import normalize_text
from articlecli.frontends.html.hints import ARTICLE_SCOPED_TAGS, ROLE_HINTS, TAG_HINTS, hint_for_names, is_kicker
from articlecli.lazy_regex import lazy_compile

# Elements that start and end a block of text (HTML's block-level and table elements). A table row
# is one block, its cells joined by CELL_SEPARATOR; a cell holding paragraphs splits at them.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    ]
)
# Elements whose content is never page text: code, styling, embedded documents, vector and maths
# islands, form controls that hold no prose (a <button> is inline: libxml2 lets an unclosed one wrap the
# rest of the page), and the <head> (its <title> and metadata are read separately).
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "template",
        "noscript",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "picture",
        "source",
        "select",
        "option",
        "textarea",
        "input",
        "head",
        "link",
        "meta",
        "title",
        "base",
    ]
)
_IN_PAGE_LINKS = ("#", "javascript:")
_CELLS = frozenset({"td", "th"})
_CONTROLS = frozenset({"a", "button"})
CELL_SEPARATOR = " | "
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that hold the article: hints from tags, roles, classes and ids never apply to them or
# to their ancestors (a <form> wrapping a whole ASP.NET page, a body class "comments-open").
_CONTENT_XPATH = "//h1 | //main | //*[@role='main'] | //*[@itemprop='articleBody'] | //article"
# More <article> elements than this are teaser cards of a listing, not the page's article.
MAX_CONTENT_ARTICLES = 2
# <noscript> text is read instead of skipped when it has this many times the words the page shows.
NOSCRIPT_OVER_SHOWN_RATIO = 2.0
# Characters a character reference can produce that text input never keeps (see decoding._INVISIBLE
# and decoding._SPACES): removed, or made plain spaces.
_ENTITY_CLEANUP = {
    **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"), None),
    **dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"), None),
    **dict.fromkeys(
        map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"),
        " ",
    ),
}
# An XHTML page's XML declaration names the encoding of bytes we have already decoded.
_XML_DECLARATION = lazy_compile(r"^\s*<\?xml[^>]*\?>")
# libxml2's nesting limit without XML_PARSE_HUGE (which we leave off: it also lifts the size limits).
MAX_DEPTH = 256
# React's streaming server rendering sends each late part of the page as <div hidden id="S:0">,
# which its own inline script moves into place at once: shown content, not hidden.
_STREAMED_SEGMENT = lazy_compile(r"S:\d+$")
_HIDDEN_STYLE = lazy_compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Control characters libxml2 refuses in text (and NUL, which ends C strings).
_CONTROL = lazy_compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(slots=True)
class Block:
    """One run of text between block edges, with what the markup says about it."""

    text: str
    line: int
    heading_level: int | None
    list_item: bool
    numbered: bool
    quote: bool
    pre: bool
    table: bool
    link_chars: int
    blank_before: bool
    hint: str | None
    # Identity of the element that gave the hint (to discard a hint on a wrapper of most of the page).
    hint_owner: int
    # Inside the page's one main container (<main>, else its one <article>); see main_container.
    in_main: bool


# The walker's context: what every enclosing element says. A tuple, pushed and popped per element.
# (heading, list_item, numbered, quote, pre, table, link, hint, hint_owner, in_article, in_main)
_Context = tuple[int | None, bool, bool, bool, bool, bool, bool, str | None, int, bool, bool]
_ROOT_CONTEXT: _Context = (None, False, False, False, False, False, False, None, 0, False, False)
# How an element's end ends the block it is in: not at all (inline), as a block, as a headline's kicker.
_INLINE, _BLOCK, _KICKER = 0, 1, 2
# What a page sets between a headline's kicker and the headline: punctuation and the spaces around it.
_KICKER_SEPARATOR = lazy_compile(r"^[:|\-–—·•]+\s*")


def _clean_entities(text: str) -> str:
    """What character references put back after the page-wide normalisation: invisible characters
    (&shy;, &#8203;) go, exotic spaces become spaces, the text is composed to NFC."""
    if text.isascii():
        return text
    text = text.translate(_ENTITY_CLEANUP)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def parse_document(markup: str) -> Any:
    """The lxml tree of a page. Never fetches anything: no network, no external entities, no DTD.

    The markup is normalised as text input is (line breaks, invisible characters, mojibake) before
    parsing, once for the page rather than once per block.
    """
    markup = normalize_text(_XML_DECLARATION.sub("", _CONTROL.sub("", markup), count=1))
    # etree's parser, not lxml.html's: its plain elements are much cheaper to walk than HtmlElement.
    parser = etree.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=False,
        recover=True,
        default_doctype=False,
    )
    try:
        root = etree.fromstring(markup, parser=parser)
    except (etree.LxmlError, ValueError) as exc:
        raise MarkupError(f"the HTML could not be parsed: {exc}") from exc
    if root is None:
        raise MarkupError("the HTML could not be parsed: no document element")
    # libxml2 stops reading (silently, with recover) at elements nested deeper than its limit:
    # the rest of the page would be lost without a word, so the page is refused instead.
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        raise MarkupError(
            f"the HTML nests elements deeper than {MAX_DEPTH} levels; no browser-like reading is possible"
        )
    return root


def _protected(root: Any) -> dict[int, Any]:
    """The elements that hold the article (and their ancestors), by id.

    The elements themselves are kept as values: lxml makes a new proxy object (and a new id) for a
    node whose proxy was freed, so ids are only stable while the proxies live.
    """
    found = root.xpath(_CONTENT_XPATH)
    articles = [el for el in found if el.tag == "article"]
    if len(articles) > MAX_CONTENT_ARTICLES:
        found = [el for el in found if el.tag != "article"]
    keep: dict[int, Any] = {}
    for element in found:
        keep[id(element)] = element
        for ancestor in element.iterancestors():
            if id(ancestor) in keep:
                break
            keep[id(ancestor)] = ancestor
    return keep


def _hidden(element: Any) -> bool:
    attrib = element.attrib
    if not attrib:
        return False
    if "hidden" in attrib and not _STREAMED_SEGMENT.match(attrib.get("id", "")):
        return True
    if attrib.get("aria-hidden", "").strip().lower() == "true":
        return True
    style = attrib.get("style")
    return bool(style) and bool(_HIDDEN_STYLE.search(style))


def _is_kicker(element: Any) -> bool:
    names = element.get("class")
    return bool(names) and is_kicker(names)


def _leaves_page(href: str | None) -> bool:
    """A link to another page; an in-page anchor ("#section-2", a table of contents, an accordion
    toggle) or a script call is a control, and its text is the page's own."""
    return href is not None and not href.lstrip().startswith(_IN_PAGE_LINKS)


def _element_hint(element: Any, tag: str, in_article: bool) -> str | None:
    hint = TAG_HINTS.get(tag)
    if hint and (tag not in ARTICLE_SCOPED_TAGS or not in_article):
        return hint
    attrib = element.attrib
    if not attrib:
        return None
    role = attrib.get("role")
    if role and role in ROLE_HINTS:
        return ROLE_HINTS[role]
    names = " ".join(filter(None, (attrib.get("class"), attrib.get("id"))))
    return hint_for_names(names) if names else None


class _Walker:
    """Collects blocks from the event stream; one per document."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pieces: list[str] = []
        self.link_chars = 0
        self.context: _Context = _ROOT_CONTEXT
        self.line = 0
        self.continued = False
        self.start_context: _Context = _ROOT_CONTEXT
        # Serial number of the last element that gave a hint (block.hint_owner).
        self.owners = 0
        self.main: Any | None = None
        # The block just ended was a headline's kicker: the headline's text after it loses the separator
        # the page set between them (": ", " – "), often a screen-reader-only span.
        self.after_kicker = False

    def add(self, text: str | None, line: int | None) -> None:
        if not text:
            return
        if not self.pieces:
            if text.isspace():
                return
            self.line = line or self.line
            self.start_context = self.context
        self.pieces.append(text)
        if self.context[6]:
            self.link_chars += len(text.strip())

    def flush(self, continued: bool = False) -> None:
        """End the current block; `continued` when a <br> breaks it (the next line follows directly)."""
        after_kicker, self.after_kicker = self.after_kicker, False
        if self.pieces:
            context = self.start_context
            raw = "".join(self.pieces)
            if context[4]:
                lines = [line.rstrip().replace("\xa0", " ") for line in raw.split("\n")]
                text = _clean_entities("\n".join(lines).strip("\n"))
            else:
                text = _clean_entities(" ".join(raw.split()))
            self.pieces = []
            if after_kicker and context[0] is not None:
                text = _KICKER_SEPARATOR.sub("", text, count=1)
            if text:
                heading, list_item, numbered, quote, pre, table, _link, hint, owner, _article, in_main = context
                self.blocks.append(
                    Block(
                        text,
                        self.line,
                        heading,
                        list_item,
                        numbered,
                        quote,
                        pre,
                        table,
                        min(self.link_chars, len(text)),
                        not self.continued,
                        hint,
                        owner,
                        in_main,
                    )
                )
                self.continued = continued
            self.link_chars = 0
        elif not continued:
            self.continued = False


def walk(root: Any) -> list[Block]:
    """The text blocks of the page body in reading order.

    A page that shows its text only to clients without JavaScript (a forum's crawler view, an app
    shell) is read with its <noscript> content: that is the page as saved, without its scripts.
    """
    protected = _protected(root)
    main = main_container(root)
    if main is not None:
        protected[id(main)] = main
    blocks = _walk(root, protected, SKIP_TAGS, main)
    shown = sum(len(block.text.split()) for block in blocks)
    hidden = sum(len("".join(el.itertext()).split()) for el in root.iter("noscript"))
    if hidden > NOSCRIPT_OVER_SHOWN_RATIO * shown:
        return _walk(root, protected, SKIP_TAGS - {"noscript"}, main)
    return blocks


def main_container(root: Any) -> Any | None:
    """The page's one <main> (or role=main), else its one <article>: where its own text is. None when
    the page has none or several (a listing's teaser cards are <article>s too)."""
    for query in ("//main | //*[@role='main']", "//article"):
        found = root.xpath(query)
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _walk(root: Any, protected: dict[int, Any], skip: frozenset[str], main: Any | None) -> list[Block]:
    walker = _Walker()
    walker.main = main
    # Per open element: the context outside it, and how its end ends a block (_INLINE, _BLOCK, _KICKER).
    stack: list[tuple[_Context, int]] = []
    events = etree.iterwalk(root, events=("start", "end"))
    for event, element in events:
        tag = element.tag
        if event == "start":
            if not isinstance(tag, str):
                events.skip_subtree()
                stack.append((walker.context, _INLINE))
                continue
            if "}" in tag:
                tag = tag.rsplit("}", 1)[1]
            if tag in skip or _hidden(element):
                events.skip_subtree()
                stack.append((walker.context, _INLINE))
                continue
            if tag == "br":
                walker.flush(continued=True)
                stack.append((walker.context, _INLINE))
                continue
            block = tag in BLOCK_TAGS
            kicker = not block and walker.context[0] == 1 and _is_kicker(element)
            if kicker:
                # The headline's kicker ("Climate" in <h1><span class="kicker">Climate</span>: The headline</h1>)
                # is a line of its own above the headline, not the headline's first words.
                walker.flush()
                stack.append((walker.context, _KICKER))
                walker.context = (None, *walker.context[1:])
                walker.add(element.text, element.sourceline)
                continue
            if block:
                walker.flush()
            elif tag in _CELLS and walker.pieces:
                walker.pieces.append(CELL_SEPARATOR)
            elif tag in _CONTROLS and walker.pieces and walker.pieces[-1][-1:].isalnum():
                # Links and buttons set side by side ("Log In" "Find jobs") are laid out apart by the
                # page's CSS; glued, they would make words that exist nowhere ("InFind").
                walker.pieces.append(" ")
            stack.append((walker.context, _BLOCK if block else _INLINE))
            walker.context = _enter(element, tag, walker, protected)
            walker.add(element.text, element.sourceline)
        else:
            parent_context, ends = stack.pop()
            if ends != _INLINE:
                walker.flush()
                walker.after_kicker = ends == _KICKER
            walker.context = parent_context
            walker.add(element.tail, element.sourceline)
    walker.flush()
    return walker.blocks


def _enter(element: Any, tag: str, walker: _Walker, protected: dict[int, Any]) -> _Context:
    """The context inside `element`."""
    context = walker.context
    heading, list_item, numbered, quote, pre, table, link, hint, owner, in_article, in_main = context
    changed = False
    if element is walker.main:
        in_main, changed = True, True
    if tag in _HEADINGS:
        heading, changed = _HEADINGS[tag], True
    elif tag == "li":
        parent = element.getparent()
        list_item, numbered, changed = True, parent is not None and parent.tag == "ol", True
    elif tag == "blockquote":
        quote, changed = True, True
    elif tag == "pre":
        pre, changed = True, True
    elif tag in _CELLS or tag == "caption":
        table, changed = True, True
    elif tag == "a" and _leaves_page(element.get("href")):
        link, changed = True, True
    elif tag in ("article", "main"):
        in_article, changed = True, True
    if id(element) not in protected:
        found = _element_hint(element, tag, in_article)
        if found:
            walker.owners += 1
            hint, owner, changed = found, walker.owners, True
    if not changed:
        return context
    return (heading, list_item, numbered, quote, pre, table, link, hint, owner, in_article, in_main)
