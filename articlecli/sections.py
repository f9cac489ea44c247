"""The body: label each kept unit as heading or paragraph and group them into sections."""

from __future__ import annotations

from articlecli.frontends.unit import Unit
from articlecli.model import Section
from articlecli.records.features import UnitFeatures

# A subheading is short; longer lines without final punctuation are still paragraphs.
HEADING_MAX_WORDS = 14
HEADING_MAX_CHARS = 120
DEFAULT_HEADING_LEVEL = 2


def is_subheading(
    unit: Unit,
    features: UnitFeatures,
    next_is_text: bool,
    *,
    markdown_input: bool = False,
    blank_framed: bool = True,
) -> bool:
    """A Markdown heading, or a short line without final punctuation that introduces text.

    In a Markdown dump every HTML heading became a '#' line, so nothing else is a heading there.
    Where blank lines separate blocks, a heading is a block of its own: blank line before and after.
    """
    if unit.heading_level:
        return True
    if markdown_input or not blank_framed:
        return False
    if unit.quote or features.link_density > 0.5:
        return False
    if unit.list_item and not unit.numbered:
        return False
    if features.words > HEADING_MAX_WORDS or len(unit.text) > HEADING_MAX_CHARS:
        return False
    if unit.text.endswith((".", ",", ";", "!", "…", ":")) or (features.sentence_end and not unit.text.endswith("?")):
        return False
    return (next_is_text and unit.text[:1].isupper()) or (unit.text[:1].isdigit() and next_is_text)


def paragraph_text(unit: Unit) -> str:
    if unit.list_item and not unit.numbered:
        return f"- {unit.text}"
    return unit.text


def build_sections(items: list[tuple[str, Unit]]) -> list[Section]:
    """Group (label, unit) pairs, label 'heading' or 'paragraph', into sections."""
    sections: list[Section] = []
    heading: str | None = None
    level: int | None = None
    paragraphs: list[str] = []
    for label, unit in items:
        if label == "heading":
            if heading is not None or paragraphs:
                sections.append(Section(heading, level, tuple(paragraphs)))
            heading, level, paragraphs = unit.text, unit.heading_level or DEFAULT_HEADING_LEVEL, []
        else:
            paragraphs.append(paragraph_text(unit))
    if heading is not None or paragraphs:
        sections.append(Section(heading, level, tuple(paragraphs)))
    return sections
