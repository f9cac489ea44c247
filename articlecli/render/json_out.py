"""JSON and JSON Lines: stable key order, UTF-8, no ASCII escaping."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from articlecli.model import Article


def article_to_dict(article: Article) -> dict[str, Any]:
    return {
        "source": article.source,
        "input_format": article.input_format,
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "updated": article.updated,
        "categories": list(article.categories),
        "tags": list(article.tags),
        "breadcrumbs": list(article.breadcrumbs),
        "language": article.language,
        "url": article.url,
        "site_name": article.site_name,
        "description": article.description,
        "image": article.image,
        "sections": [
            {"heading": s.heading, "level": s.level, "paragraphs": list(s.paragraphs)} for s in article.sections
        ],
        "text": article.text,
        "word_count": article.word_count,
        "confidence": article.confidence,
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in article.removed],
    }


def render_json(article: Article) -> str:
    return "".join(iter_json(article))


def iter_json(article: Article) -> Iterator[str]:
    """The indented JSON record in pieces, so a large record is written without one string of it all."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(article_to_dict(article))
    yield "\n"


def render_jsonl(article: Article) -> str:
    return json.dumps(article_to_dict(article), ensure_ascii=False, separators=(",", ":")) + "\n"


def render_explain_json(article: Article) -> str:
    """One JSON object per input line: its number, text, label and the rule that decided it."""
    return "".join(iter_explain_json(article))


def iter_explain_json(article: Article) -> Iterator[str]:
    for d in article.decisions:
        detail = {"detail": d.detail} if d.detail else {}
        row = {"line": d.line, "label": d.label, "rule": d.rule, **detail, "text": d.text}
        yield json.dumps(row, ensure_ascii=False) + "\n"
