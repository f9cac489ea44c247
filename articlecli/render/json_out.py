"""JSON and JSON Lines: stable key order, UTF-8, no ASCII escaping."""

from __future__ import annotations

import json
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
        "sections": [
            {"heading": s.heading, "level": s.level, "paragraphs": list(s.paragraphs)} for s in article.sections
        ],
        "text": article.text,
        "word_count": article.word_count,
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in article.removed],
    }


def render_json(article: Article) -> str:
    return json.dumps(article_to_dict(article), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(article: Article) -> str:
    return json.dumps(article_to_dict(article), ensure_ascii=False, separators=(",", ":")) + "\n"


def render_explain_json(article: Article) -> str:
    """One JSON object per input line: its number, text, label and the rule that decided it."""
    rows = (
        json.dumps(
            {
                "line": d.line,
                "label": d.label,
                "rule": d.rule,
                **({"detail": d.detail} if d.detail else {}),
                "text": d.text,
            },
            ensure_ascii=False,
        )
        for d in article.decisions
    )
    return "".join(row + "\n" for row in rows)
