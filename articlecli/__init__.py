"""articlecli: raw scraped article text in, a structured article out."""

from __future__ import annotations

import logging

from articlecli.api import parse_bytes, parse_file, parse_text
from articlecli.errors import ArticleError
from articlecli.model import Article, LineDecision, RemovedLine, Section
from articlecli.options import ParseOptions

__all__ = [
    "Article",
    "ArticleError",
    "LineDecision",
    "ParseOptions",
    "RemovedLine",
    "Section",
    "parse_bytes",
    "parse_file",
    "parse_text",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
