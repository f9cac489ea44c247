"""Markdown and plain-text renderings of the article body and its metadata."""

from __future__ import annotations

import re

from articlecli.lazy_regex import lazy_compile
from articlecli.model import Article


def render_markdown(article: Article) -> str:
    lines: list[str] = []
    if article.title:
        lines += [f"# {article.title}", ""]
    meta = _meta_lines(article)
    if meta:
        lines += [f"*{line}*  " for line in meta] + [""]
    for section in article.sections:
        if section.heading:
            lines += [f"{'#' * min(6, max(2, section.level or 2))} {section.heading}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines).rstrip() + "\n"


def render_text(article: Article) -> str:
    parts = [article.title] if article.title else []
    parts.extend(article.body_blocks)
    return "\n\n".join(parts) + "\n"


def _meta_lines(article: Article) -> list[str]:
    lines = []
    if article.authors:
        lines.append("By " + ", ".join(article.authors))
    if article.published:
        lines.append(f"Published {article.published}")
    if article.updated:
        lines.append(f"Updated {article.updated}")
    if article.categories:
        lines.append("Categories: " + ", ".join(article.categories))
    if article.tags:
        lines.append("Tags: " + ", ".join(article.tags))
    return lines


def neutralize_controls(text: str) -> str:
    """`text` safe to print on a terminal: control characters (ESC of an escape sequence, BEL, C1
    controls) are shown as their Unicode control pictures or an escape, never sent as controls.
    Newlines and tabs stay."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(_control_picture, text)


# C0 controls but tab and newline, DEL, and C1 controls.
_CONTROLS = lazy_compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400..U+241F: ␀ … ␛ …
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}"
