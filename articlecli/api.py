"""The library entry points: text or bytes in, a frozen Article out."""

from __future__ import annotations

from pathlib import Path

from articlecli.errors import EmptyInputError, InputIsDirectoryError, InputNotFoundError, UnreadableInputError
from articlecli.frontends.decoding import decode_bytes, normalize_text
from articlecli.frontends.text import read_units
from articlecli.model import Article
from articlecli.options import ParseOptions
from articlecli.pipeline import build_article

_DEFAULT_OPTIONS = ParseOptions()


def parse_text(text: str, *, source: str = "-", options: ParseOptions | None = None) -> Article:
    """Parse one scraped text dump (plain text or Markdown) into an Article. Never raises on text."""
    units, input_format = read_units(normalize_text(text))
    return build_article(units, source=source, input_format=input_format, options=options or _DEFAULT_OPTIONS)


def parse_bytes(data: bytes, *, source: str = "-", options: ParseOptions | None = None) -> Article:
    """Decode raw bytes (any common encoding) and parse them.

    Raises BinaryInputError, DecodeError or EmptyInputError for input that is not a text dump.
    """
    text = decode_bytes(data)
    if not text.strip():
        raise EmptyInputError("input is empty or whitespace only")
    return parse_text(text, source=source, options=options)


def parse_file(path: str | Path, *, options: ParseOptions | None = None) -> Article:
    """Read and parse one file; `source` in the result is the path as given."""
    return parse_bytes(read_input(path), source=str(path), options=options)


def read_input(path: str | Path) -> bytes:
    target = Path(path)
    try:
        return target.read_bytes()
    except FileNotFoundError as exc:
        raise InputNotFoundError(f"no such file: {path}") from exc
    except IsADirectoryError as exc:
        raise InputIsDirectoryError(f"is a directory, not a file: {path}") from exc
    except OSError as exc:
        raise UnreadableInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
