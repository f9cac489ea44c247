"""The library entry points: text, HTML or bytes in, a frozen Article out."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from articlecli.errors import (
    EmptyInputError,
    InputIsDirectoryError,
    InputNotFoundError,
    InputTooLargeError,
    UnreadableInputError,
    display,
    escape_surrogates,
)
from articlecli.frontends.decoding import decode, normalize_lines
from articlecli.frontends.text import read_lines
from articlecli.model import Article
from articlecli.options import ParseOptions
from articlecli.pipeline import build_article

_DEFAULT_OPTIONS = ParseOptions()

# Inputs larger than this are refused while reading (parse_file, read_input, read_stream, the CLI's
# --max-size). A scraped article is tens to hundreds of KB (the largest of the 2,342 corpus dumps is
# under 1 MB); 64 MiB leaves room for whole-site dumps while bounding time (seconds) and memory (the
# parse peaks at a small multiple of the input; see bench/hostile.py). None or 0: no limit.
DEFAULT_MAX_SIZE = 64 * 1024 * 1024
_READ_CHUNK = 1024 * 1024


def detect_format(data: str | bytes) -> str:
    """'html' when the input is an HTML page (by content, never by name), else 'text'.

    Text input is told apart from Markdown later, by the text front end.
    """
    from articlecli.frontends.html.detect import bytes_look_like_html, looks_like_html

    found = bytes_look_like_html(data) if isinstance(data, bytes) else looks_like_html(data)
    return "html" if found else "text"


def parse_text(text: str, *, source: str = "-", options: ParseOptions | None = None) -> Article:
    """Parse one scraped dump (plain text, Markdown or HTML) into an Article. Never raises on text or Markdown."""
    if detect_format(text) == "html":
        return parse_html(text, source=source, options=options)
    return _parse_text_from([text], source, options)


def parse_html(
    data: bytes | str, *, source: str = "-", url: str | None = None, options: ParseOptions | None = None
) -> Article:
    """Parse one HTML page (bytes in the page's own encoding, or a decoded string).

    `url` is the address the page was fetched from; the page's canonical link wins over it.
    Nothing is fetched. Raises MarkupError for markup no parser can read, EmptyInputError
    (and, for bytes, the decoding errors) for input that is not a page.
    """
    from articlecli.frontends.html.charset import decode_html
    from articlecli.frontends.html.reader import read_html

    markup = decode_html(data) if isinstance(data, bytes) else data
    if not markup.strip():
        raise EmptyInputError("input is empty or whitespace only")
    page = read_html(markup, url=url)
    return build_article(
        page.units,
        source=escape_surrogates(source),
        input_format="html",
        options=options or _DEFAULT_OPTIONS,
        markup=page.meta,
    )


def parse_bytes(data: bytes, *, source: str = "-", options: ParseOptions | None = None) -> Article:
    """Decode raw bytes (any common encoding) and parse them; HTML pages go to parse_html.

    Raises BinaryInputError or EmptyInputError for input that is not a text dump. Bytes that are not
    valid in the detected encoding are repaired or replaced line by line; `Article.warnings` says so.
    """
    return _parse_bytes_from([data], source, options)


def parse_file(
    path: str | Path, *, options: ParseOptions | None = None, max_size: int | None = DEFAULT_MAX_SIZE
) -> Article:
    """Read and parse one file; `source` in the result is the path as given."""
    return _parse_bytes_from([read_input(path, max_size=max_size)], str(path), options)


def parse_stream(
    stream: BinaryIO,
    *,
    source: str = "-",
    options: ParseOptions | None = None,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Article:
    """Read a binary stream (stdin) to its end, at most `max_size` bytes, and parse it."""
    name = "stdin" if source == "-" else display(source)
    try:
        data = [read_stream(stream, max_size=max_size, name=name)]
    except OSError as exc:  # a directory redirected in, EIO
        raise UnreadableInputError(f"cannot read {name}: {exc.strerror or exc}") from exc
    return _parse_bytes_from(data, source, options)


# The two helpers below take their input in a one-item list and pop it: the caller hands over its only
# reference, so the bytes are freed once decoded and the raw text once normalised (a parameter would
# keep each alive to the end of the parse; for a large page that was several times its size).


def _parse_bytes_from(holder: list[bytes], source: str, options: ParseOptions | None) -> Article:
    if detect_format(holder[0]) == "html":
        return parse_html(holder.pop(), source=source, options=options)
    decoded = decode(holder.pop())
    warnings = decoded.warnings
    text = [decoded.text]
    del decoded
    # Not text.strip(): that would copy a large page to find out.
    if not text[0] or text[0].isspace():
        raise EmptyInputError("input is empty or whitespace only")
    article = _parse_text_from(text, source, options)
    return replace(article, warnings=warnings) if warnings else article


def _parse_text_from(holder: list[str], source: str, options: ParseOptions | None) -> Article:
    units, input_format = read_lines(normalize_lines(holder.pop()))
    return build_article(
        units, source=escape_surrogates(source), input_format=input_format, options=options or _DEFAULT_OPTIONS
    )


def read_input(path: str | Path, *, max_size: int | None = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of the file at `path`; InputTooLargeError as soon as more than `max_size` are read."""
    shown = display(str(path))
    try:
        with open(path, "rb") as stream:
            return read_stream(stream, max_size=max_size, name=shown)
    except FileNotFoundError as exc:
        raise InputNotFoundError(f"no such file: {shown}") from exc
    except IsADirectoryError as exc:
        raise InputIsDirectoryError(f"is a directory, not a file: {shown}") from exc
    except OSError as exc:
        raise UnreadableInputError(f"cannot read {shown}: {exc.strerror or exc}") from exc


def read_stream(stream: BinaryIO, *, max_size: int | None = DEFAULT_MAX_SIZE, name: str = "stdin") -> bytes:
    """Read a binary stream to its end, but never more than `max_size` bytes (InputTooLargeError)."""
    if not max_size:
        return stream.read()
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_READ_CHUNK, max_size + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_size:
            raise InputTooLargeError(f"{name}: input is larger than the size limit of {format_size(max_size)}")


def format_size(size: int) -> str:
    """1048576 -> '1 MiB', 1536 -> '1536 bytes': the largest binary unit that divides the size."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size} bytes"
