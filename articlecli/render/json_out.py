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


# The record is written by hand in the layout `json.dumps(record, ensure_ascii=False, indent=2)` gives
# (tests/test_fast_paths.py holds the two to the same bytes): the standard library's encoder is a chain
# of Python generators when it indents, a call per value, and cost as much as a third of the parse.
# Strings go through its C escaper.
_string = json.encoder.encode_basestring  # type: ignore[attr-defined]
_INDENT = "  "
# Items of a long list (sections, removed lines) are written in chunks of this many: a large record is
# written without one string of it all.
_CHUNK_ITEMS = 1000
_REMOVED_ROW = '{{\n      "line": {},\n      "text": {},\n      "reason": {}\n    }}'


def iter_json(article: Article) -> Iterator[str]:
    """The indented JSON record in pieces, so a large record is written without one string of it all."""
    record = article_to_dict(article)
    separator = "{\n" + _INDENT
    for key, value in record.items():
        yield separator + _string(key) + ": "
        separator = ",\n" + _INDENT
        if key == "removed" and value:
            # The removed lines, most of a record, from the article's rows straight into the row layout
            # (the dicts of article_to_dict, whose keys the template names in the same order).
            value = [
                _REMOVED_ROW.format(int.__repr__(row.line), _string(row.text), _string(row.reason))
                for row in article.removed
            ]
        if isinstance(value, list) and value:
            inner = "\n" + _INDENT * 2
            for start in range(0, len(value), _CHUNK_ITEMS):
                chunk = ("," + inner).join(
                    [item if key == "removed" else _encode(item, 2) for item in value[start : start + _CHUNK_ITEMS]]
                )
                yield ("[" if not start else ",") + inner + chunk
            yield "\n" + _INDENT + "]"
        else:
            yield _encode(value, 1)
    yield "\n}\n" if record else "{}\n"


def _encode(value: Any, level: int) -> str:
    """`value` as json.dumps(..., ensure_ascii=False, indent=2) writes it at indent `level`."""
    if isinstance(value, str):
        return str(_string(value))
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = "\n" + _INDENT * (level + 1)
        # Strings and integers, most values, without a call.
        items = [
            _string(key)
            + ": "
            + (
                _string(item)
                if type(item) is str
                else int.__repr__(item)
                if type(item) is int
                else _encode(item, level + 1)
            )
            for key, item in value.items()
        ]
        return "{" + inner + ("," + inner).join(items) + "\n" + _INDENT * level + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = "\n" + _INDENT * (level + 1)
        items = [_string(item) if type(item) is str else _encode(item, level + 1) for item in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + _INDENT * level + "]"
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _float(value: float) -> str:
    """json's float text: repr, and its names for the values JSON has no number for."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def render_jsonl(article: Article) -> str:
    return json.dumps(article_to_dict(article), ensure_ascii=False, separators=(",", ":")) + "\n"


def render_explain_json(article: Article) -> str:
    """One JSON object per input line: its number, text, label and the rule that decided it."""
    return "".join(iter_explain_json(article))


def iter_explain_json(article: Article) -> Iterator[str]:
    # Each row as json.dumps(row, ensure_ascii=False) writes it (keys line, label, rule, detail if
    # any, text), without a dict and an encoder call per line.
    for d in article.decisions:
        detail = ', "detail": ' + _string(d.detail) if d.detail else ""
        yield (
            f'{{"line": {int.__repr__(d.line)}, "label": {_string(d.label)}, "rule": {_string(d.rule)}'
            f'{detail}, "text": {_string(d.text)}}}\n'
        )
