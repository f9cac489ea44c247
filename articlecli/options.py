"""Options for one parse, built once by the caller and passed by keyword."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParseOptions:
    """`language` forces the page language (ISO 639-1) instead of detecting it."""

    language: str | None = None
