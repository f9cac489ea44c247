"""Breadcrumb trails, category and tag lists in the header zone."""

from __future__ import annotations

from articlecli.frontends.unit import Unit
from articlecli.header.record import Header
from articlecli.lazy_regex import lazy_compile
from articlecli.records.features import UnitFeatures
from articlecli.records.lexicon import Lexicon, line_key

CATEGORY_MAX_ITEMS = 8
CATEGORY_ITEM_MAX_WORDS = 4

_BREADCRUMB_SEPARATORS = lazy_compile(r"\s*(?:>|»|›|/|\\|→|::|\|)\s*")
# A character every separator contains: lines without one are not split (the split regex tries
# its leading \s* at every position of the line).
_BREADCRUMB_SEPARATOR_CHAR = lazy_compile(r"[>»›/\\→:|]")
LIST_SEPARATORS = lazy_compile(r"\s*(?:,|;|\||•|·)\s*")
_GLUED_WORDS = lazy_compile(r"(?<=[a-zà-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ])")


def split_breadcrumbs(text: str) -> list[str]:
    """'Home > News > World', 'Accueil » Politique', 'Home Actualité', 'HomeNews' -> items."""
    text = text.strip(" >»›/|")
    parts = breadcrumb_parts(text)
    if len(parts) == 1:
        parts = _GLUED_WORDS.sub(" ", parts[0]).split()
    return [p.strip() for p in parts if p.strip()]


def breadcrumb_parts(text: str) -> list[str]:
    """The non-empty pieces of `text` between breadcrumb separators."""
    if not _BREADCRUMB_SEPARATOR_CHAR.search(text):
        return [text] if text else []
    return [p for p in _BREADCRUMB_SEPARATORS.split(text) if p]


def is_breadcrumb(unit: Unit, lexicon: Lexicon, header: Header, index: int) -> bool:
    if header.breadcrumbs or (header.title_unit is not None and index > header.title_unit):
        return False
    parts = breadcrumb_parts(unit.text)
    if len(parts) < 2 or any(len(p.split()) > 8 for p in parts):
        return False
    root = line_key(parts[0])
    return root in lexicon.phrases("breadcrumb-root").exact or (len(parts) >= 3 and ">" in unit.text)


def split_list(text: str) -> list[str]:
    items = [item.strip(" .") for item in LIST_SEPARATORS.split(text)]
    return [item for item in items if item]


def after_words(text: str, count: int) -> str:
    parts = text.split(None, count)
    rest = parts[count] if len(parts) > count else ""
    return rest.lstrip(":：-– ")


def _looks_like_list(text: str) -> bool:
    """'Politique, Transports, Île-de-France': short capitalised items separated by commas or bars."""
    if "," not in text and "|" not in text and "•" not in text:
        return False
    items = split_list(text)
    return 2 <= len(items) <= CATEGORY_MAX_ITEMS and all(
        len(i.split()) <= CATEGORY_ITEM_MAX_WORDS and i[:1].isupper() for i in items
    )


def mark_category_lines(units: list[Unit], features: list[UnitFeatures], header: Header, body_start: int) -> None:
    """An unlabelled 'Syrie, Russie' line between the title and the body is the category list."""
    if header.categories or header.title_unit is None:
        return
    for index in range(header.title_unit + 1, min(body_start + 1, len(units))):
        if index in header.labels:
            continue
        if _looks_like_list(units[index].text) and not features[index].sentence_end:
            header.categories = split_list(units[index].text)
            header.label(index, "category", "category-line")
            return
