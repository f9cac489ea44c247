"""Rich terminal tables: metadata, sections and removed lines; and the --explain table."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from articlecli.model import Article

PREVIEW_CHARS = 90


def _preview(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def print_tables(article: Article, console: Console) -> None:
    meta = Table(title="Article", show_header=False)
    meta.add_column("field", style="bold")
    meta.add_column("value")
    for name, value in (
        ("source", article.source),
        ("title", article.title or ""),
        ("authors", ", ".join(article.authors)),
        ("published", article.published or ""),
        ("updated", article.updated or ""),
        ("categories", ", ".join(article.categories)),
        ("tags", ", ".join(article.tags)),
        ("breadcrumbs", " › ".join(article.breadcrumbs)),
        ("language", article.language or ""),
        ("words", str(article.word_count)),
    ):
        meta.add_row(name, value)
    console.print(meta)

    sections = Table(title="Sections")
    sections.add_column("#", justify="right")
    sections.add_column("heading")
    sections.add_column("paragraphs", justify="right")
    sections.add_column("first paragraph")
    for number, section in enumerate(article.sections, start=1):
        first = section.paragraphs[0] if section.paragraphs else ""
        sections.add_row(str(number), section.heading or "—", str(len(section.paragraphs)), _preview(first))
    console.print(sections)

    removed = Table(title="Removed lines")
    removed.add_column("line", justify="right")
    removed.add_column("reason", style="yellow")
    removed.add_column("text")
    for item in article.removed:
        removed.add_row(str(item.line), item.reason, _preview(item.text))
    console.print(removed)


def print_explain(article: Article, console: Console) -> None:
    table = Table(title=f"How each line of {article.source} was labelled")
    table.add_column("line", justify="right")
    table.add_column("label", style="bold")
    table.add_column("rule", style="cyan")
    table.add_column("text")
    for decision in article.decisions:
        style = "dim" if decision.label == "removed" else None
        rule = f"{decision.rule} ({decision.detail})" if decision.detail else decision.rule
        table.add_row(str(decision.line), decision.label, rule, _preview(decision.text.strip()), style=style)
    console.print(table)
