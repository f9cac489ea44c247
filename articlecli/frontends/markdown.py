"""Recognise Markdown scrapes and reduce inline Markdown (links, images, emphasis, escapes) to text."""

from __future__ import annotations

import re
from operator import itemgetter

from articlecli.lazy_regex import lazy_compile

# Each pattern that must not follow a character starts with its literal and looks behind after it
# ("\[(?<!!\[)" is "(?<!!)\[", "\*(?<![\w*]\*)" is "(?<![\w*])\*"): a leading lookbehind is tried at
# every position of the line, a leading literal lets the search skip ahead to the next one.
# A target is runs of characters other than parentheses and spaces, with balanced "(...)" groups
# between them. Written as the unrolled loop "[^()\s]*(?:\([^()\s]*\)[^()\s]*)*": the same strings as
# "(?:[^()\s]|\([^()\s]*\))*", and the same match (each character can only go one way), but re runs
# a one-character class at C speed, where the alternation went through its branch once per character
# of every URL (half the CPU of the Markdown line scan's inline pass).
_TARGET = r"[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)"
_LINK = lazy_compile(r"\[(?<!!\[)([^\]\n]*)\]\(" + _TARGET)
_IMAGE = lazy_compile(r"!\[([^\]\n]*)\]\(" + _TARGET)
# html2text leaves spaces in some targets (srcset lists, share URLs with their text, inline SVG):
# a second, looser pass takes a target up to the first ')' on the line.
_LOOSE_LINK = lazy_compile(r"\[(?<!!\[)([^\]\n]*)\]\([^()\n]*\)")
_LOOSE_IMAGE = lazy_compile(r"!\[([^\]\n]*)\]\([^()\n]*\)")
_REF_LINK = lazy_compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_EMPHASIS = lazy_compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|\*(?<![\w*]\*)(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ESCAPE = lazy_compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_HEADING = lazy_compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# Symbol bullets; inscriptis draws third-level bullets as an indented "o", w3m draws its list levels
# as "•", "○"/"□" and "●"/"■" (and `list-style: square` lists).
_BULLET = lazy_compile(r"^\s*[*+\-•◦▪·‣●○□■]\s+|^\s+o\s+")
_NUMBERED = lazy_compile(r"^\s*\d{1,3}[.)]\s+\S")
_QUOTE = lazy_compile(r"^\s*>\s?")
_RULE = lazy_compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")
_SPACE_BEFORE_PUNCT = lazy_compile(r" ([,.;:!?)])")
# The replacement of the two patterns above (match[1]): as a C callable, not a template string, which
# re compiles on every call and expands in Python at every match.
_FIRST_GROUP = itemgetter(1)
# A setext heading's underline (CommonMark): '=' (level 1) or '-' (level 2) alone on the line right
# under the heading text, as markdownify and many other converters write h1/h2 by default. One '-' is
# an empty list item, so '-' needs two.
_SETEXT_UNDERLINE = lazy_compile(r"^ {0,3}(=+|-{2,})[ \t]*$")

# Share of non-blank lines with Markdown syntax above which a dump is read as Markdown.
MARKDOWN_MIN_SHARE = 0.04


def looks_like_markdown(lines: list[str]) -> bool:
    """True when enough lines carry Markdown links, images or '#' headings to trust the syntax."""
    # Most text dumps have neither mark anywhere: one scan of the joined lines says so.
    joined = "\n".join(lines)
    if "](" not in joined and "#" not in joined:
        return False
    marked = 0
    content = 0
    for line in lines:
        if not line.strip():
            continue
        content += 1
        if "](" in line or ("#" in line and _HEADING.match(line.strip())):
            marked += 1
    return content > 0 and marked >= max(2, MARKDOWN_MIN_SHARE * content)


def heading_level(line: str) -> tuple[int, str] | None:
    match = _HEADING.match(line.strip())
    if not match:
        return None
    return len(match.group(1)), match.group(2)


def setext_level(line: str) -> int | None:
    """1 or 2 when `line` could underline the line above it as a setext heading, else None."""
    match = _SETEXT_UNDERLINE.match(line)
    if not match:
        return None
    return 1 if match.group(1)[0] == "=" else 2


def is_rule(line: str) -> bool:
    return bool(_RULE.match(line))


_INLINE_MARKS = lazy_compile(r"[\[\]*_\\`!]|^[-=]{3}")


def has_inline_syntax(text: str) -> bool:
    return bool(_INLINE_MARKS.search(text))


def strip_inline(text: str) -> tuple[str, int]:
    """Markdown inline syntax reduced to its text, and the number of characters that were link text."""
    # Each substitution needs a marker string; most lines have one or two kinds of syntax at most.
    if "![" in text:
        text = _IMAGE.sub("", text)
    link_chars = 0

    def keep_link_text(match: re.Match[str]) -> str:
        nonlocal link_chars
        inner = match.group(1).strip()
        link_chars += len(inner)
        return f" {inner} " if inner else " "

    if "](" in text:
        text = _LINK.sub(keep_link_text, text)
        if "](" in text:
            text = _LOOSE_IMAGE.sub("", text)
            text = _LOOSE_LINK.sub(keep_link_text, text)
    if "][" in text:
        text = _REF_LINK.sub(keep_link_text, text)
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    if "\\" in text:
        text = _ESCAPE.sub(_FIRST_GROUP, text)
    text = " ".join(text.split())
    # Few lines have a space before punctuation: a search that finds none is cheaper than a sub that
    # builds the same string again.
    if _SPACE_BEFORE_PUNCT.search(text):
        text = _SPACE_BEFORE_PUNCT.sub(_FIRST_GROUP, text)
    return text, link_chars


def bullet_prefix(line: str) -> str | None:
    match = _BULLET.match(line)
    return match.group(0) if match else None


def is_numbered(line: str) -> bool:
    return bool(_NUMBERED.match(line))


def quote_prefix(line: str) -> str | None:
    match = _QUOTE.match(line)
    return match.group(0) if match else None
