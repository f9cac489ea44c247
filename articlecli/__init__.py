"""articlecli: raw scraped article text in, a structured article out."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from articlecli.api import detect_format, parse_bytes, parse_file, parse_html, parse_stream, parse_text
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
    "detect_format",
    "parse_bytes",
    "parse_file",
    "parse_html",
    "parse_stream",
    "parse_text",
]
__version__ = "0.1.0"

# The public names are imported on first use (PEP 562), so that `import articlecli` and the console
# script's start-up import nothing heavy before the CLI can catch Ctrl-C (see console.py).
_MODULES = {
    "detect_format": "articlecli.api",
    "parse_html": "articlecli.api",
    "parse_bytes": "articlecli.api",
    "parse_file": "articlecli.api",
    "parse_stream": "articlecli.api",
    "parse_text": "articlecli.api",
    "ArticleError": "articlecli.errors",
    "Article": "articlecli.model",
    "LineDecision": "articlecli.model",
    "RemovedLine": "articlecli.model",
    "Section": "articlecli.model",
    "ParseOptions": "articlecli.options",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'articlecli' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


# The package logs nothing, so it installs no logging.NullHandler: importing `logging` (and through it
# traceback, tokenize and string) cost about 9 ms of every CLI run. A module that starts to log adds one here.
