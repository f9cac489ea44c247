"""Per-unit signals used by every later stage: density, shape and phrase matches.

The record type and the page-level builder live in `records.record`; the names here are the ones
the other layers import (`UnitFeatures` is the record as the labeller and header read it).
"""

from __future__ import annotations

from articlecli.frontends.unit import Unit
from articlecli.records.lexicon import Lexicon
from articlecli.records.record import (
    CJK_CHARS_PER_WORD,
    DENSITY_SAMPLE_CHARS,
    PHRASE_MAX_WORDS,
    ZONE_REASONS,
    RecordTable,
    TextFeatures,
    UnitRecord,
    build_records,
    text_features,
)

UnitFeatures = UnitRecord

__all__ = [
    "CJK_CHARS_PER_WORD",
    "DENSITY_SAMPLE_CHARS",
    "PHRASE_MAX_WORDS",
    "RecordTable",
    "TextFeatures",
    "UnitFeatures",
    "build_records",
    "unit_features",
]


def unit_features(
    unit: Unit, lexicon: Lexicon, stopwords: frozenset[str], memo: dict[str, TextFeatures] | None = None
) -> UnitFeatures:
    """The record of one unit on its own (no page context: `position` is the unit's index, `repeats` 1).

    The pipeline builds all records of a page at once with `build_records`.
    """
    found = memo.get(unit.text) if memo is not None else None
    if found is None:
        found = text_features(unit.text, lexicon, stopwords)
        if memo is not None:
            memo[unit.text] = found
    key, words, stopword_share, sentence_end, boilerplate, ends_question = found
    if unit.zone is not None and boilerplate is None:
        boilerplate = ZONE_REASONS.get(unit.zone)
    link_density = unit.link_density
    return UnitRecord(key, words, stopword_share, link_density, sentence_end, boilerplate, ends_question, unit.index)
