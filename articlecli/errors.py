"""Errors the library raises for bad input, each with the exit code the CLI reports."""

from __future__ import annotations


class ArticleError(Exception):
    """Base class: bad input that cannot be parsed. `exit_code` is the CLI's exit status."""

    exit_code = 1


class InputNotFoundError(ArticleError):
    exit_code = 3


class InputIsDirectoryError(ArticleError):
    exit_code = 3


class UnreadableInputError(ArticleError):
    exit_code = 3


class BinaryInputError(ArticleError):
    exit_code = 4


class DecodeError(ArticleError):
    """No longer raised: undecodable bytes are repaired line by line (see Article.warnings). Kept so
    that code catching it still imports."""

    exit_code = 4


class MarkupError(DecodeError):
    """HTML input that no parser can make a document of (exit code 4, as undecodable input)."""


class EmptyInputError(ArticleError):
    exit_code = 5


# Not an exception: a parse that found no article body still yields a record, with this status.
NO_BODY_EXIT_CODE = 6


class InputTooLargeError(ArticleError):
    """The input is larger than the size limit (checked while reading, so it is never read whole)."""

    exit_code = 7


# CLI-only statuses (no library exception carries them): see the exit-code table in the README.
OUTPUT_ERROR_EXIT_CODE = 8  # stdout is closed or a write to it failed (disk full, EBADF, …)
INTERRUPTED_EXIT_CODE = 130  # Ctrl-C: 128 + SIGINT, as shells report it
BROKEN_PIPE_EXIT_CODE = 141  # the reader of stdout left early (`| head`): 128 + SIGPIPE, as for cat or grep


def escape_surrogates(text: str) -> str:
    """`text` made encodable as UTF-8: lone surrogates become visible escapes.

    A file name with a byte that is not UTF-8 reaches Python as a surrogate (PEP 383 'surrogateescape',
    e.g. '\\udcff' for the byte 0xff); it is shown as '\\xff', any other lone surrogate as '\\udXXX'.
    """
    if _encodes(text):
        return text
    return "".join(_escape_surrogate(char) if "\ud800" <= char <= "\udfff" else char for char in text)


def display(text: str) -> str:
    """`text` (a file name, an option value) fit for a one-line message on a terminal: surrogates and
    control or format characters (newline, escape, bidi controls) are shown as escapes."""
    return "".join(_escape_char(char) for char in escape_surrogates(text))


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _escape_surrogate(char: str) -> str:
    code = ord(char)
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _escape_char(char: str) -> str:
    return char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
