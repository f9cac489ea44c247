"""The articlecli command: parse options, make one library call, render, map errors to exit codes."""

from __future__ import annotations

import sys
from typing import IO, Any

import click

from articlecli.errors import NO_BODY_EXIT_CODE, ArticleError
from articlecli.model import Article
from articlecli.options import ParseOptions

FORMATS = ("json", "jsonl", "table", "markdown", "text")


class CliError(click.ClickException):
    """A one-line error on stderr ('articlecli: error: …') with a documented exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        # click types exit_code as a class variable; ours varies per error, so it is set per instance.
        self.exit_code = exit_code  # type: ignore[misc]

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"articlecli: error: {self.message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="articlecli")
def main() -> None:
    """Turn raw scraped article text into clean, structured data.

    \b
    Examples:
      articlecli parse scrape.txt | jq -r .title
      articlecli parse scrape.txt --format table
      articlecli parse scrape.txt --explain
    """


@main.command()
@click.argument("input_path", metavar="FILE", type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: json; with --explain: a line-by-line listing).",
)
@click.option("--explain", is_flag=True, help="Show every input line, its label and the rule that decided it.")
@click.option(
    "--lang", "language", metavar="CODE", default=None, help="Page language as an ISO 639-1 code (default: detect)."
)
def parse(input_path: str, output_format: str | None, explain: bool, language: str | None) -> None:
    """Parse one scraped text file (or '-' for stdin) into a structured article.

    \b
    Examples:
      articlecli parse seeds/000_c2ad19efbe191da2.txt
      cat scrape.txt | articlecli parse -
      articlecli parse scrape.txt | jq -r '.sections[].heading'
      articlecli parse scrape.txt --format markdown
      articlecli parse scrape.txt --explain --format json

    \b
    Exit codes: 0 article found; 3 file missing or unreadable; 4 binary or
    undecodable input; 5 empty input; 6 no article body found (the record is
    still printed); 2 usage error; 1 unexpected error.
    """
    from articlecli.api import parse_bytes, read_input

    options = ParseOptions(language=language.lower() if language else None)
    try:
        data = sys.stdin.buffer.read() if input_path == "-" else read_input(input_path)
        article = parse_bytes(data, source=input_path, options=options)
    except ArticleError as exc:
        label = "stdin" if input_path == "-" else input_path
        message = str(exc) if label in str(exc) else f"{label}: {exc}"
        raise CliError(message, exc.exit_code) from exc
    _write(article, output_format, explain)
    if not article.has_body:
        click.echo(f"articlecli: warning: {input_path}: no article body found", err=True)
        sys.exit(NO_BODY_EXIT_CODE)


def _write(article: Article, output_format: str | None, explain: bool) -> None:
    if output_format == "table" or (explain and output_format is None):
        from rich.console import Console

        from articlecli.render.table import print_explain, print_tables

        console = Console(soft_wrap=False)
        (print_explain if explain else print_tables)(article, console)
        return
    click.echo(_render(article, output_format or "json", explain), nl=False)


def _render(article: Article, output_format: str, explain: bool) -> str:
    from articlecli.render import json_out, plain

    if explain:
        return json_out.render_explain_json(article)
    renderers = {
        "json": json_out.render_json,
        "jsonl": json_out.render_jsonl,
        "markdown": plain.render_markdown,
        "text": plain.render_text,
    }
    return renderers[output_format](article)


def entry() -> None:
    """Console entry point: the CLI plus the last line of defence against tracebacks."""
    try:
        main(prog_name="articlecli")
    except BrokenPipeError:
        # `articlecli parse … | head`: the reader left; nothing more to say.
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:  # users get one line and exit code 1, never a traceback
        click.echo(f"articlecli: error: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
