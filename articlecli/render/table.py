"""Rich terminal tables: metadata, sections and removed lines; and the --explain table.

Cell text is page content: it is passed as rich Text (never parsed as rich markup, so "[/b]" in a
page is text) with control characters shown, not obeyed. A terminal table is for reading: the long
tables stop after TABLE_MAX_ROWS rows and say how many more there are (the JSON has them all).
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from articlecli.model import Article
from articlecli.render.plain import neutralize_controls

PREVIEW_CHARS = 90
# Metadata values (title, authors...) are shown longer than line previews, but not without end.
META_PREVIEW_CHARS = 300
# Rows shown in the sections, removed-lines and --explain tables. rich measures every cell of a table
# before drawing it, which made a 400,000-line --explain table take minutes; a reader scrolls through a
# few thousand rows at most.
TABLE_MAX_ROWS = 2000


def _preview(text: str, limit: int = PREVIEW_CHARS) -> Text:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return Text(neutralize_controls(text))


def _caption(total: int) -> str | None:
    if total <= TABLE_MAX_ROWS:
        return None
    return f"first {TABLE_MAX_ROWS:,} of {total:,} rows; --format json (or --explain -f json) lists them all"


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
        meta.add_row(name, _preview(value, META_PREVIEW_CHARS))
    console.print(meta)

    sections = Table(title="Sections", caption=_caption(len(article.sections)))
    sections.add_column("#", justify="right")
    sections.add_column("heading")
    sections.add_column("paragraphs", justify="right")
    sections.add_column("first paragraph")
    for number, section in enumerate(article.sections[:TABLE_MAX_ROWS], start=1):
        first = section.paragraphs[0] if section.paragraphs else ""
        sections.add_row(str(number), _preview(section.heading or "—"), str(len(section.paragraphs)), _preview(first))
    console.print(sections)

    removed = Table(title="Removed lines", caption=_caption(len(article.removed)))
    removed.add_column("line", justify="right")
    removed.add_column("reason", style="yellow")
    removed.add_column("text")
    for item in article.removed[:TABLE_MAX_ROWS]:
        removed.add_row(str(item.line), item.reason, _preview(item.text))
    console.print(removed)


def print_explain(article: Article, console: Console) -> None:
    title = f"How each line of {neutralize_controls(article.source)} was labelled"
    table = Table(title=Text(title), caption=_caption(len(article.decisions)))
    table.add_column("line", justify="right")
    table.add_column("label", style="bold")
    table.add_column("rule", style="cyan")
    table.add_column("text")
    for decision in article.decisions[:TABLE_MAX_ROWS]:
        style = "dim" if decision.label == "removed" else None
        rule = f"{decision.rule} ({decision.detail})" if decision.detail else decision.rule
        table.add_row(str(decision.line), decision.label, rule, _preview(decision.text.strip()), style=style)
    console.print(table)
