"""The articlecli command: parse options, make one library call, render, map errors to exit codes."""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from articlecli.errors import (
    BROKEN_PIPE_EXIT_CODE,
    NO_BODY_EXIT_CODE,
    OUTPUT_ERROR_EXIT_CODE,
    ArticleError,
    UnreadableInputError,
    display,
)
from articlecli.model import Article
from articlecli.options import ParseOptions

if TYPE_CHECKING:
    from articlecli.batch.runner import Inputs
    from articlecli.site.profile import Profile

FORMATS = ("json", "jsonl", "table", "markdown", "text")


class CliError(click.ClickException):
    """A one-line error on stderr ('articlecli: error: …') with a documented exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        # click types exit_code as a class variable; ours varies per error, so it is set per instance.
        self.exit_code = exit_code  # type: ignore[misc]

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"articlecli: error: {self.message}", err=True)


F = TypeVar("F", bound=Callable[..., Any])


def page_options(command: F) -> F:
    """--lang and --confidence: the ParseOptions of every command that parses pages (parse, batch)."""
    command = click.option(
        "--confidence",
        is_flag=True,
        help="Also run the learned labeller: adds `confidence`, its estimate of the page's body F1 (about 40% slower).",
    )(command)
    return click.option(
        "--lang", "language", metavar="CODE", default=None, help="Page language as an ISO 639-1 code (default: detect)."
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="articlecli")
def main() -> None:
    """Turn raw scraped article text into clean, structured data.

    \b
    Examples:
      articlecli parse scrape.txt | jq -r .title
      articlecli parse scrape.txt --format table
      articlecli parse scrape.txt --explain
      articlecli batch scrapes/ -o clean/
    """


# --max-size's default: the library's DEFAULT_MAX_SIZE, known without the size pattern (compiling it is
# about 0.3 ms of a one-page run).
DEFAULT_SIZE = "64M"


def _parse_size(value: str) -> int:
    """'64M', '500k', '1GiB', '1048576' -> bytes (binary units); ValueError for anything else."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", value, re.IGNORECASE)
    if not match:
        raise ValueError(f"invalid size {display(value)!r}: expected bytes or a number with K, M or G, e.g. 64M")
    factor = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[match.group(2).lower()]
    return int(float(match.group(1)) * factor)


@main.command()
@click.argument("input_path", metavar="FILE", type=click.Path(allow_dash=True, readable=False, path_type=str))
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: json; with --explain: a line-by-line listing).",
)
@click.option("--explain", is_flag=True, help="Show every input line, its label and the rule that decided it.")
@page_options
@click.option(
    "--max-size",
    metavar="SIZE",
    default=DEFAULT_SIZE,
    show_default=True,
    help="Refuse input larger than this (bytes, or K/M/G); 0 for no limit.",
)
@click.option(
    "--profile",
    "profile_path",
    metavar="FILE",
    default=None,
    help="A site profile from 'articlecli learn': remove the site's template lines (rule site-template).",
)
@click.option(
    "--site",
    metavar="NAME",
    default=None,
    help="The profile's site to use (default: the page's URL host, its folder, or the profile's only site).",
)
def parse(
    input_path: str,
    output_format: str | None,
    explain: bool,
    language: str | None,
    confidence: bool,
    max_size: str,
    profile_path: str | None,
    site: str | None,
) -> None:
    """Parse one scraped text file (or '-' for stdin) into a structured article.

    \b
    Examples:
      articlecli parse seeds/000_c2ad19efbe191da2.txt
      cat scrape.txt | articlecli parse -
      articlecli parse scrape.txt | jq -r '.sections[].heading'
      articlecli parse scrape.txt --format markdown
      articlecli parse scrape.txt --explain --format json
      articlecli parse scrape.txt --profile site.profile.json --explain

    \b
    Exit codes: 0 article found; 3 file missing or unreadable; 4 binary
    input; 5 empty input; 6 no article body found (the record is still
    printed); 7 input larger than --max-size; 8 output cannot be written;
    2 usage error or unusable profile; 1 unexpected error; 130 interrupted;
    141 reader of the output left (broken pipe). Repaired encoding errors
    are a warning.
    """
    from articlecli.records.language import start_model_process, stop_model_process

    try:
        # The per-line decisions are what --explain prints; nothing else reads them.
        options = ParseOptions(language=language, confidence=confidence, line_decisions=explain)
    except ValueError as exc:
        raise CliError(str(exc), click.UsageError.exit_code) from exc
    if language is None:
        # The page's language will be detected: its model loads in a helper process, on the other core,
        # while the pipeline imports.
        start_model_process()
    try:
        article = _parse_page(input_path, options, max_size, profile_path, site)
    finally:
        # The page is parsed (or the parse failed): the helper has nothing left to answer.
        stop_model_process()
    label = "stdin" if input_path == "-" else display(input_path)
    for warning in article.warnings:
        click.echo(f"articlecli: warning: {label}: {warning}", err=True)
    _write(article, output_format, explain)
    if not article.has_body:
        click.echo(f"articlecli: warning: {label}: no article body found", err=True)
        sys.exit(NO_BODY_EXIT_CODE)


def _parse_page(
    input_path: str, options: ParseOptions, max_size: str, profile_path: str | None, site: str | None
) -> Article:
    """The article of the file (or stdin), with the command's errors as CliError."""
    from articlecli.api import DEFAULT_MAX_SIZE, parse_bytes, parse_file, parse_stream, read_input, read_stream
    from articlecli.console import raise_gc_threshold

    # One page per process (console.entry does this before any import; here for a caller of `main`).
    raise_gc_threshold()
    try:
        limit = DEFAULT_MAX_SIZE if max_size == DEFAULT_SIZE else _parse_size(max_size)
    except ValueError as exc:
        raise CliError(str(exc), click.UsageError.exit_code) from exc
    if sys.stdout is None:
        # `>&-`: nothing could be written, so nothing is parsed.
        raise CliError("standard output is closed", OUTPUT_ERROR_EXIT_CODE)
    label = "stdin" if input_path == "-" else display(input_path)
    try:
        if input_path == "-" and sys.stdin is None:
            raise UnreadableInputError("stdin is closed")
        if profile_path is not None or site is not None:
            # The profile's site is chosen by the page's URL line or folder: the bytes are read first.
            if input_path == "-":
                data = read_stream(sys.stdin.buffer, max_size=limit, name="stdin")
            else:
                data = read_input(input_path, max_size=limit)
            options = _with_site(options, data, input_path, profile_path, site)
            article = parse_bytes(data, source=input_path, options=options)
        elif input_path == "-":
            article = parse_stream(sys.stdin.buffer, source="-", options=options, max_size=limit)
        else:
            article = parse_file(input_path, options=options, max_size=limit)
    except ArticleError as exc:
        message = str(exc) if label in str(exc) else f"{label}: {exc}"
        raise CliError(message, exc.exit_code) from exc
    except OSError as exc:  # reading stdin failed (a directory redirected in, EIO)
        raise CliError(f"{label}: cannot read: {exc.strerror or exc}", UnreadableInputError.exit_code) from exc
    return article


def _with_site(
    options: ParseOptions, data: bytes, input_path: str, profile_path: str | None, site: str | None
) -> ParseOptions:
    """The options with the profile's site for this page (see site.profile.match_site)."""
    from articlecli.site.groups import page_head
    from articlecli.site.profile import load_profile, options_for_page

    if profile_path is None:
        raise click.UsageError("--site needs --profile")
    try:
        profile = load_profile(profile_path)
        path = None if input_path == "-" else input_path
        site_options, match = options_for_page(options, profile, site=site, text=page_head(data), path=path)
    except ArticleError as exc:  # the profile's own errors name the profile, not the page
        raise CliError(str(exc), exc.exit_code) from exc
    label = "stdin" if input_path == "-" else display(input_path)
    assert match is not None  # a profile was given
    if match.how == "ambiguous":
        names = ", ".join(sorted(profile.sites))
        raise CliError(
            f"{label}: the profile holds {len(profile.sites)} sites ({names}) and the page's URL or folder names"
            " none of them: choose one with --site",
            2,
        )
    if match.site is None:
        reasons = {"unknown-host": f"no site for host {match.host}", "left-alone": "left this page's site alone"}
        reason = reasons.get(match.how, "no site for this page")
        click.echo(f"articlecli: warning: {label}: the profile has {reason}; parsed without it", err=True)
    return site_options


@main.command()
@click.argument("inputs", metavar="PATH...", nargs=-1, required=True, type=click.Path())
@click.option(
    "--output",
    "-o",
    "output_path",
    metavar="FILE",
    default="-",
    show_default=True,
    help="Where to write the profile ('-' for stdout).",
)
@click.option(
    "--min-pages",
    type=click.IntRange(min=2),
    default=None,
    help="Fewest pages a site needs to be learned (default 5); smaller groups are reported and left alone.",
)
@click.option(
    "--min-share",
    type=click.FloatRange(min=0.1, max=1.0),
    default=None,
    help="Share of a site's pages a line must be on to be template (default 0.1; and on 5 pages at least).",
)
def learn(inputs: tuple[str, ...], output_path: str, min_pages: int | None, min_share: float | None) -> None:
    """Learn the template of each site from a folder of its pages, into a profile file.

    Pages are grouped by site: the URL host where known (a URL line at the top of a dump, the `url`
    of a JSON Lines record), else the folder they are in. Reads .txt, .text, .md and .markdown files
    and JSON Lines files (.jsonl, .ndjson, .gz); other files in a folder are skipped. A short report
    goes to stderr.

    \b
    Examples:
      articlecli learn scrapes/site-a/ -o site-a.profile.json
      articlecli learn scrapes/ -o sites.profile.json        # one site per subfolder or host
      articlecli parse page.txt --profile site-a.profile.json

    \b
    Exit codes: 0 profile written; 3 a path is missing or the output is not writable; 2 usage error.
    """
    from articlecli.site import learn as learning
    from articlecli.site.profile import dumps
    from articlecli.site.sources import SourceStats, read_documents

    for path in inputs:
        if not Path(path).exists():
            raise CliError(f"no such file or folder: {path}", 3)
    learner = learning.ProfileLearner(
        min_pages=min_pages or learning.MIN_PAGES, min_share=min_share or learning.MIN_SHARE
    )
    stats = SourceStats()
    for text, url, group in read_documents(inputs, stats):
        learner.add(text, url=url, group=group)
    profile = learner.profile()
    text = dumps(profile)
    if output_path == "-":
        click.echo(text, nl=False)
    else:
        try:
            Path(output_path).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"cannot write {output_path}: {exc.strerror or exc}", 3) from exc
    for line in learning.report(profile, learner, stats.pages, dict(stats.skipped)):
        click.echo(f"articlecli: {line}", err=True)


def _write(article: Article, output_format: str | None, explain: bool) -> None:
    """Render to stdout. On a terminal, control characters of the page (escape sequences) are shown,
    not obeyed. A failed write is an error (OUTPUT_ERROR_EXIT_CODE); a broken pipe ends the run quietly
    with BROKEN_PIPE_EXIT_CODE."""
    terminal = sys.stdout.isatty()
    try:
        if output_format == "table" or (explain and output_format is None):
            from rich.console import Console

            from articlecli.render.table import print_explain, print_tables

            console = Console(soft_wrap=False)
            with console.capture() as capture:
                (print_explain if explain else print_tables)(article, console)
            rendered = capture.get()
        elif explain or (output_format or "json") == "json":
            from articlecli.render import json_out

            # In pieces: a large record is never one string (and its UTF-8 copy) in memory.
            _emit_all(json_out.iter_explain_json(article) if explain else json_out.iter_json(article))
            return
        else:
            rendered = _render(article, output_format or "json", explain)
            if terminal and output_format in ("text", "markdown"):
                from articlecli.render.plain import neutralize_controls

                rendered = neutralize_controls(rendered)
        _emit(rendered)
    except BrokenPipeError:
        # The reader of stdout left (`| head`): quietly, with the status a shell gives cat or grep
        # (click would turn it into status 1).
        from articlecli.console import silence_stdout

        silence_stdout()
        sys.exit(BROKEN_PIPE_EXIT_CODE)
    except OSError as exc:
        raise CliError(f"cannot write the output: {exc.strerror or exc}", OUTPUT_ERROR_EXIT_CODE) from exc


# Output pieces are gathered to about this many characters per write.
EMIT_CHUNK_CHARS = 1 << 20


def _emit_all(pieces: Iterable[str]) -> None:
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= EMIT_CHUNK_CHARS:
            _emit("".join(batch))
            batch, size = [], 0
    _emit("".join(batch))


def _emit(text: str) -> None:
    """Write `text` to stdout as UTF-8, all of it or an OSError.

    Not print/click.echo: a buffered stream reports a write cut short by a closed pipe as a short
    count, not an error, so the rest of the output would vanish and the run still exit 0.
    """
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a text-only stream (an embedding application's)
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    view = memoryview(text.encode("utf-8"))
    while view:
        written = stream.write(view)
        if not written:
            raise OSError(errno.EIO, "nothing could be written")
        view = view[written:]
    stream.flush()


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


BATCH_FORMATS = ("json", "jsonl", "markdown", "text")


@main.command()
@click.argument("inputs", metavar="[INPUT]...", nargs=-1)
@click.option("-o", "--output", "out_dir", metavar="DIR", help="Write one file per document, mirroring the input tree.")
@click.option("--jsonl", metavar="FILE", help="Write all records to one JSON Lines file, in input order ('-': stdout).")
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(BATCH_FORMATS),
    default="json",
    show_default=True,
    help="Format of the files written with -o.",
)
@click.option("--files-from", metavar="FILE", help="Read input paths from FILE, one per line ('-': stdin).")
@click.option(
    "--include", multiple=True, metavar="GLOB", help="Only files matching (name, or path with '/'); repeatable."
)
@click.option(
    "--exclude", multiple=True, metavar="GLOB", help="Skip files matching (name, or path with '/'); repeatable."
)
@click.option(
    "--errors", "errors_path", metavar="FILE", help="Error report, JSON Lines [default: DIR/_errors.jsonl with -o]."
)
@click.option("--resume", is_flag=True, help="With -o: skip inputs whose output is up to date.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [default: all cores].")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Time limit per input; a worker past it is replaced [default: 60].",
)
@page_options
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Run on a Dask cluster (tcp://scheduler:8786) instead of local workers.",
)
@click.option(
    "--learn",
    is_flag=True,
    help="First learn each site's template from the inputs (like 'articlecli learn'), then remove it.",
)
@click.option(
    "--profile",
    "profile_path",
    metavar="FILE",
    help="Remove the template of a profile from 'articlecli learn' (each page gets its own site's).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary, no warnings.")
def batch(
    inputs: tuple[str, ...],
    out_dir: str | None,
    jsonl: str | None,
    output_format: str,
    files_from: str | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    errors_path: str | None,
    resume: bool,
    jobs: int | None,
    timeout: float | None,
    language: str | None,
    confidence: bool,
    dask_address: str | None,
    learn: bool,
    profile_path: str | None,
    quiet: bool,
) -> None:
    """Parse many scrapes in parallel: folders (recursive), globs, files, JSON Lines (.gz) with
    "text"/"markdown" fields, and WARC/WET files (extra 'warc').

    \b
    Examples:
      articlecli batch scrapes/ -o clean/                # clean/a/b.json for scrapes/a/b.txt
      articlecli batch scrapes/ --jsonl clean.jsonl      # one record per line, with its "source"
      articlecli batch 'scrapes/**/*.txt' -o clean/ --format markdown
      find scrapes -name '*.txt' | articlecli batch --files-from - --jsonl -
      articlecli batch crawl.jsonl --jsonl clean.jsonl   # records keep "record", "url"
      articlecli batch CC-MAIN-x.warc.wet.gz --jsonl -
      articlecli batch scrapes/ -o clean/ --resume       # only what is new or changed
      articlecli batch scrapes/ -o clean/ --learn        # learn each site's template first
      articlecli batch scrapes/ -o clean/ --profile site.profile.json

    \b
    Exit codes: 0 all parsed (or skipped, or up to date); 10 some inputs had
    no article body; 11 some inputs failed (see the error report; wins over 10);
    130 interrupted (Ctrl-C: outputs so far kept, summary printed); 2 usage
    error; 1 unexpected error or the output folder is in use by another batch.
    """
    import signal

    from articlecli.batch import BatchConfig, Inputs, PathFilter, WorkSettings, run_batch

    # Batch ends a Ctrl-C itself (outputs kept, summary, exit 130) on KeyboardInterrupt: Python's own
    # handler again, instead of the one-line exit console.entry installs for parse.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    # console.entry raised the cycle collector's threshold for a one-page process; the workers forked from
    # this one parse many pages each and keep the interpreter's pace, as before.
    from articlecli.console import restore_gc_threshold

    restore_gc_threshold()
    from articlecli.batch.manifest import BatchSetupError
    from articlecli.batch.settings import DEFAULT_TIMEOUT_SECONDS, default_jobs

    if not inputs and files_from is None:
        raise click.UsageError("give at least one INPUT or --files-from")
    if not out_dir and not jsonl:
        raise click.UsageError("say where to write: -o DIR and/or --jsonl FILE")
    if resume and not out_dir:
        raise click.UsageError("--resume needs -o DIR (a JSON Lines file is rewritten whole)")
    if resume and jsonl:
        raise click.UsageError("--resume cannot be combined with --jsonl (skipped inputs would be missing from it)")
    if learn and profile_path:
        raise click.UsageError("--learn and --profile exclude each other")
    formats = tuple(dict.fromkeys(([output_format] if out_dir else []) + (["jsonl"] if jsonl else [])))
    try:
        options = ParseOptions(language=language, confidence=confidence)
    except ValueError as exc:
        raise CliError(str(exc), click.UsageError.exit_code) from exc
    batch_inputs = Inputs(inputs, files_from, PathFilter(include, exclude))
    profile = _batch_profile(batch_inputs, learn, profile_path, (out_dir, errors_path, jsonl), quiet)
    config = BatchConfig(
        inputs=batch_inputs,
        work=WorkSettings(options, formats, profile),
        output_format=output_format,
        out_dir=out_dir,
        jsonl=jsonl,
        errors=errors_path,
        resume=resume,
        jobs=jobs or default_jobs(),
        timeout=timeout or DEFAULT_TIMEOUT_SECONDS,
        dask=dask_address,
        quiet=quiet,
        progress=sys.stderr.isatty(),
    )
    try:
        tally = run_batch(config)
    except ImportError as exc:
        raise CliError(f"--dask needs the dask extra: pip install 'articlecli[dask]' ({exc})", 2) from exc
    except BatchSetupError as exc:
        raise CliError(str(exc), 1) from exc
    sys.exit(tally.exit_code())


def _batch_profile(
    inputs: Inputs, learn: bool, profile_path: str | None, outputs: tuple[str | None, ...], quiet: bool
) -> Profile | None:
    """The batch's site profile: loaded from --profile, or learned from the inputs with --learn (a
    first pass, reported on stderr unless --quiet), or None."""
    if profile_path is not None:
        from articlecli.site.profile import load_profile

        try:
            return load_profile(profile_path)
        except ArticleError as exc:
            raise CliError(str(exc), exc.exit_code) from exc
    if not learn:
        return None
    from articlecli.batch.learning import learn_from_inputs
    from articlecli.batch.listing import Exclusions
    from articlecli.site.learn import ProfileLearner, report

    learner = ProfileLearner()
    # The batch's own outputs are never inputs, in the learning pass as in the parse pass.
    profile = learn_from_inputs(inputs, learner, Exclusions.of(p for p in outputs if p and p != "-"))
    if not quiet:
        pages = sum(site.pages for site in profile.sites.values())
        pages += sum(profile.skipped.values()) + sum(profile.mixed.values())
        for line in report(profile, learner, pages, {}):
            click.echo(f"articlecli: {line}", err=True)
    return profile


@main.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the output record of parse (json, jsonl) and batch.

    \b
    Examples:
      articlecli schema > article.schema.json
      articlecli schema | jq .required
    """
    from articlecli.data import read_data

    click.echo(read_data("article.schema.json"), nl=False)
