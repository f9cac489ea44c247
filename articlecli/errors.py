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
    exit_code = 4


class EmptyInputError(ArticleError):
    exit_code = 5


# Not an exception: a parse that found no article body still yields a record, with this status.
NO_BODY_EXIT_CODE = 6
