"""Per-unit signals used by every later stage: density, shape and phrase matches."""

from __future__ import annotations

import re
from dataclasses import dataclass

from articlecli.lexicon import Lexicon, line_key
from articlecli.units import Unit

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"[.!?…。！？]['\"”’»)]*$")
# CJK text has no spaces; this many characters count as one word for length tests.
CJK_CHARS_PER_WORD = 2


@dataclass(frozen=True)
class UnitFeatures:
    """What the classifier knows about one unit."""

    key: str
    words: int
    stopword_share: float
    link_density: float
    sentence_end: bool
    boilerplate: str | None
    capitalised_share: float


def unit_features(unit: Unit, lexicon: Lexicon, stopwords: frozenset[str]) -> UnitFeatures:
    key = line_key(unit.text)
    tokens = _WORD.findall(key)
    cjk = len(_CJK.findall(unit.text))
    words = max(len(unit.text.split()), cjk // CJK_CHARS_PER_WORD)
    stop_hits = sum(1 for token in tokens if token in stopwords)
    raw_words = unit.text.split()
    capitalised = sum(1 for word in raw_words if word[:1].isupper())
    return UnitFeatures(
        key=key,
        words=words,
        stopword_share=stop_hits / len(tokens) if tokens else 0.0,
        link_density=unit.link_density,
        sentence_end=bool(_SENTENCE_END.search(unit.text)),
        boilerplate=lexicon.boilerplate_category(key) if words <= 40 else None,
        capitalised_share=capitalised / len(raw_words) if raw_words else 0.0,
    )
