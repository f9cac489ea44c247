"""Is this input an HTML document? Decided by content, never by file name.

A page saved from a browser or fetched by a crawler starts with a doctype, an <html>/<head> tag,
an XML declaration or a comment before one of those; a fragment starts with a block tag and is
mostly markup. A text or Markdown dump that mentions "<b>" or "<div>" in its prose starts with
prose, and stays text.
"""

from __future__ import annotations

import re

from articlecli.lazy_regex import lazy_compile

# How much of the input's start is looked at.
SNIFF_CHARS = 4096
# A document opening: optional BOM, XML declaration, comments, then a doctype or an html/head/body tag.
_DOCUMENT_START = lazy_compile(
    r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
# A fragment opening: a structural tag first.
_FRAGMENT_START = lazy_compile(
    r"^\ufeff?\s*<(?:div|article|main|section|p|table|ul|ol|h[1-6]|meta|title|link|script|style|header|nav)[\s>/]",
    re.IGNORECASE,
)
_TAG = lazy_compile(r"<[a-zA-Z/!][^<>]{0,1000}>")
# A fragment is HTML when tags make up at least this share of its first characters: prose that
# happens to open with a tag name in angle brackets has far fewer.
FRAGMENT_MIN_MARKUP_SHARE = 0.2
FRAGMENT_MIN_TAGS = 3


def looks_like_html(text: str) -> bool:
    """True when `text` is an HTML document or a markup fragment rather than a text/Markdown dump."""
    head = text[:SNIFF_CHARS]
    # Both openings are a '<' after an optional BOM and white space (the patterns' `\s` is str.isspace):
    # a dump that starts with anything else is text without compiling them (0.7 ms of a one-page CLI run).
    if not head.lstrip("\ufeff").lstrip().startswith("<"):
        return False
    if _DOCUMENT_START.match(head):
        return True
    if not _FRAGMENT_START.match(head):
        return False
    tags = _TAG.findall(head)
    return len(tags) >= FRAGMENT_MIN_TAGS and sum(map(len, tags)) >= FRAGMENT_MIN_MARKUP_SHARE * len(head.strip())


def bytes_look_like_html(data: bytes) -> bool:
    """The same test on raw bytes, before decoding (ASCII-compatible encodings and UTF-16)."""
    head = data[:SNIFF_CHARS]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return looks_like_html(head.decode("utf-16", errors="ignore"))
    return looks_like_html(head.removeprefix(b"\xef\xbb\xbf").decode("latin-1"))
