"""Training labels for the labeller: each unit of a dev document aligned to the document's gold.

A unit is labelled from what the gold settles and masked (None) where it does not:

- ``title``: the unit is the gold title (N-normalised, as the scorer compares titles);
- ``byline``: a short unit holding a gold author name;
- ``date``: a short unit with a date expression that reads as the gold day;
- ``heading``: the unit is one of the gold headings;
- ``body``: the unit's text lies in the gold body (whole, or nearly all of its words for a long
  unit whose normalisation differs from the gold's);
- ``body-any``: trafilatura-eval has no body, only ``with`` snippets: a unit holding (or held by)
  a snippet is body text, heading or paragraph unknown;
- ``boilerplate``: wcxb: a unit with (almost) none of its words in the gold body; trafilatura-eval:
  a unit holding (or held by) a ``without`` snippet;
- ``None``: everything else (a short unit that is only a fragment of a gold line, a unit half in
  the body, and on trafilatura-eval every unit no snippet settles).

Pure functions of the units and the gold record, so the rules are unit-tested (tests/test_align.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from articlecli.frontends.unit import Unit
from articlecli.records.dates import find_dates
from bench.scoring import n, n_author, n_text, tokens

LABELS = ("body", "heading", "body-any", "title", "byline", "date", "boilerplate")
# A unit this short that is only part of a gold body line may be a menu word that also occurs in
# a sentence ("Share", "News"): it is masked unless it is a whole gold line.
FRAGMENT_MAX_TOKENS = 4
# A unit whose word trigrams are nearly all in the gold body is body even when the text differs in
# punctuation or spacing; one with few of them is boilerplate; in between it is masked. Trigrams,
# not words: a menu's words ("social", "marketing") are also the article's words.
BODY_MIN_TRIGRAM_SHARE = 0.8
BOILERPLATE_MAX_TRIGRAM_SHARE = 0.2
TRIGRAM = 3
# Bylines and date lines are short; a long unit holding a name or a date is a sentence.
META_MAX_WORDS = 15
# A snippet settles a unit it is inside of only when the unit is long enough not to be a stray word.
SNIPPET_UNIT_MIN_TOKENS = 4


def align(units: Sequence[Unit], gold: Mapping[str, Any], language: str | None = None) -> list[str | None]:
    """One label (or None: masked) per unit."""
    meta = _MetaGold(gold, language)
    body = gold.get("body")
    if isinstance(body, str) and body.strip():
        body_gold: _BodyGold | _SnippetGold = _BodyGold(body, gold.get("headings"))
    else:
        body_gold = _SnippetGold(gold.get("with") or [], gold.get("without") or [])
    labels: list[str | None] = []
    for unit in units:
        key = n(unit.text)
        if not key or not any(ch.isalnum() for ch in key):
            labels.append(None)
            continue
        labels.append(meta.label(unit.text, key) or body_gold.label(unit.text, key))
    return labels


class _MetaGold:
    """Title, authors and date of the gold, as the scorer normalises them."""

    def __init__(self, gold: Mapping[str, Any], language: str | None) -> None:
        title = gold.get("title")
        self.title = n(title) if isinstance(title, str) and title.strip() else None
        self.authors = [a for a in (n_author(a) for a in gold.get("authors") or []) if a]
        self.published = gold.get("published")
        self.language = language

    def label(self, text: str, key: str) -> str | None:
        if self.title is not None and key == self.title:
            return "title"
        if len(text.split()) > META_MAX_WORDS:
            return None
        folded = n_text(text)
        if any(_contains_words(folded, author) for author in self.authors):
            return "byline"
        if self.published and any(found.value == self.published for found in find_dates(text, self.language)):
            return "date"
        return None


def _contains_words(text: str, phrase: str) -> bool:
    """The phrase occurs in the text on word boundaries."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(phrase, start + 1)
    return False


class _BodyGold:
    """A whole gold body (wcxb): every unit is settled, except fragments and half-matches."""

    def __init__(self, body: str, headings: Sequence[str] | None) -> None:
        lines = [n_text(line) for line in body.split("\n") if line.strip()]
        self.text = "\n".join(lines)
        self.lines = {n(line) for line in lines}
        self.headings = {n(h) for h in headings or []}
        words = tokens(body)
        self.trigrams = set(_trigrams(words))

    def label(self, text: str, key: str) -> str | None:
        if key in self.headings:
            return "heading"
        folded = n_text(text)
        words = tokens(folded)
        if key in self.lines:
            return "body"
        if folded in self.text:
            return "body" if len(words) > FRAGMENT_MAX_TOKENS else None
        if len(words) < TRIGRAM:
            # Too short for trigrams, and not in the body text at all.
            return "boilerplate" if words else None
        grams = _trigrams(words)
        share = sum(gram in self.trigrams for gram in grams) / len(grams)
        if share <= BOILERPLATE_MAX_TRIGRAM_SHARE:
            return "boilerplate"
        if share >= BODY_MIN_TRIGRAM_SHARE:
            return "body"
        return None


def _trigrams(words: Sequence[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + TRIGRAM]) for i in range(len(words) - TRIGRAM + 1)]


class _SnippetGold:
    """`with`/`without` snippets only (trafilatura-eval): a unit is settled only where a snippet meets it."""

    def __init__(self, with_: Sequence[str], without: Sequence[str]) -> None:
        self.with_ = [s for s in (n(x) for x in with_) if s]
        self.without = [s for s in (n(x) for x in without) if s]

    def label(self, text: str, key: str) -> str | None:
        folded = n_text(text)
        long_enough = len(tokens(folded)) >= SNIPPET_UNIT_MIN_TOKENS
        if any(s in folded or (long_enough and key in s) for s in self.with_):
            return "body-any"
        if any(s in folded or (long_enough and key in s) for s in self.without):
            return "boilerplate"
        return None
