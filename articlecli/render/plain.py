"""Markdown and plain-text renderings of the article body and its metadata."""

from __future__ import annotations

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
