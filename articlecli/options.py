"""Options for one parse, built once by the caller and passed by keyword."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from articlecli.data import read_words
from articlecli.lazy_regex import lazy_compile

if TYPE_CHECKING:
    from articlecli.site.profile import SiteProfile


# A language tag as users write it: a primary subtag, then optional region/script subtags
# ("en", "EN", "en-US", "pt_BR", "zh-Hant-TW"). Anything else is refused before it is looked up.
_LANGUAGE_TAG = lazy_compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*")
# Codes ISO 639-1 withdrew, still found in old tags (Java locales, browsers): their current code.
_RENAMED = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "sh": "sr"}
# An invalid value is quoted in the error message up to this many characters.
SHOWN_VALUE_MAX_CHARS = 40


@lru_cache(maxsize=1)
def iso639_1_codes() -> frozenset[str]:
    """The two-letter codes of ISO 639-1 (package data `data/iso639_1.txt`)."""
    return read_words("iso639_1.txt")


def normalize_language(value: str) -> str:
    """`value` as a lowercase ISO 639-1 code ('EN' -> 'en', 'en-US' -> 'en'); ValueError if it is none.

    Only a code from the shipped list comes out, so what a caller passes can never name a file.
    """
    match = _LANGUAGE_TAG.fullmatch(value) if len(value) <= 64 else None
    code = match.group(1).lower() if match else ""
    code = _RENAMED.get(code, code)
    if code not in iso639_1_codes():
        shown = value if len(value) <= SHOWN_VALUE_MAX_CHARS else value[:SHOWN_VALUE_MAX_CHARS] + "…"
        raise ValueError(f"unknown language code {shown!a}: expected an ISO 639-1 code such as en, de or fr")
    return code


@dataclass(frozen=True)
class ParseOptions:
    """`language` forces the page language instead of detecting it: an ISO 639-1 code, any case,
    optionally with a region ('en-US' is read as 'en'). Anything else raises ValueError.

    `site` is the learned template of the page's site (see articlecli.site): its lines are removed
    as `site-template` unless they are this page's title, a heading with its own text or its prose.

    `confidence` runs the learned labeller (articlecli.labeller.decode) after the rules: the article
    gets a `confidence` (the model's estimate of the page's body word F1) and the model may relabel
    headings it is sure of. Off by default: it costs about 30% of throughput (60 -> 43 docs/s of CPU,
    bench/speed.py) for headings F1 +.003 out of fold, so only a caller who routes pages by it pays.

    `line_decisions` False leaves `Article.decisions` (every input line's label and rule, what --explain
    shows) empty: the JSON record does not need them, and on a page of a million lines they are a
    tuple each. The CLI asks for them only with --explain.
    """

    language: str | None = None
    site: SiteProfile | None = None
    confidence: bool = False
    line_decisions: bool = True

    def __post_init__(self) -> None:
        if self.language is not None:
            # A frozen dataclass sets its own fields through object.__setattr__ (dataclasses does the same).
            object.__setattr__(self, "language", normalize_language(self.language))
