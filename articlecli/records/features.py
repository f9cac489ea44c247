"""Per-unit signals used by every later stage: density, shape and phrase matches."""

from __future__ import annotations

import re
from dataclasses import dataclass

from articlecli.frontends.unit import Unit
from articlecli.records.lexicon import Lexicon, line_key

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A sentence ends with one of _SENTENCE_ENDERS, then any _CLOSERS ("…end.»", "(…end.)").
_SENTENCE_ENDERS = (".", "!", "?", "…", "。", "！", "？")
_CLOSERS = "'\"”’»)"
# CJK text has no spaces; this many characters count as one word for length tests.
CJK_CHARS_PER_WORD = 2
# Lines longer than this are never matched against phrase lists (phrases are labels, not prose).
PHRASE_MAX_WORDS = 40
# Function-word share is estimated on this many leading characters of a long unit.
DENSITY_SAMPLE_CHARS = 600


# Not frozen: one is built per unit, and freezing costs a setattr per field (as for Unit).
@dataclass(slots=True)
class UnitFeatures:
    """What the classifier knows about one unit."""

    key: str
    words: int
    stopword_share: float
    link_density: float
    sentence_end: bool
    boilerplate: str | None
    key_ends_question: bool


# What a unit's text alone decides (every field but link_density), keyed by that text.
TextFeatures = tuple[str, int, float, bool, str | None, bool]


def unit_features(
    unit: Unit, lexicon: Lexicon, stopwords: frozenset[str], memo: dict[str, TextFeatures] | None = None
) -> UnitFeatures:
    """The unit's features; `memo` (one per page) reuses the work for repeated lines (menus, footers)."""
    text = unit.text
    found = memo.get(text) if memo is not None else None
    if found is None:
        found = _text_features(text, lexicon, stopwords)
        if memo is not None:
            memo[text] = found
    key, words, stopword_share, sentence_end, boilerplate, ends_question = found
    # Positional: keyword arguments cost measurably at one call per unit.
    return UnitFeatures(key, words, stopword_share, unit.link_density, sentence_end, boilerplate, ends_question)


def _text_features(text: str, lexicon: Lexicon, stopwords: frozenset[str]) -> TextFeatures:
    words = len(text.split())
    if not text.isascii():
        words = max(words, len(_CJK.findall(text)) // CJK_CHARS_PER_WORD)
    if words <= PHRASE_MAX_WORDS:
        key = line_key(text)
        tokens = _WORD.findall(key)
        boilerplate = lexicon.boilerplate_category(key)
    else:
        key, boilerplate = "", None
        tokens = _WORD.findall(text[:DENSITY_SAMPLE_CHARS].casefold())
    stop_hits = sum(map(stopwords.__contains__, tokens))
    # Both end tests look past closing quotes and brackets: strip them once, test the last character.
    tail = text.rstrip(_CLOSERS)
    return (
        key,
        words,
        stop_hits / len(tokens) if tokens else 0.0,
        tail.endswith(_SENTENCE_ENDERS),
        boilerplate,
        tail.endswith(("?", "？")),
    )
