"""The typed article model that every output format renders from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class Section:
    """A run of body paragraphs, optionally introduced by a subheading."""

    heading: str | None
    level: int | None
    paragraphs: tuple[str, ...]


class RemovedLine(NamedTuple):
    """An input line that is not part of the article, and the rule that removed it."""

    line: int
    text: str
    reason: str


class LineDecision(NamedTuple):
    """What happened to one input line: its label and the named rule that decided it.

    `detail` says more where the rule has more to say (site-template: the share of the site's pages
    showing the line); empty otherwise.
    """

    line: int
    text: str
    label: str
    rule: str
    detail: str = ""


@dataclass(frozen=True)
class Article:
    """A structured article recovered from one scraped document."""

    source: str
    input_format: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    breadcrumbs: tuple[str, ...] = ()
    language: str | None = None
    sections: tuple[Section, ...] = ()
    removed: tuple[RemovedLine, ...] = ()
    # The labeller model's estimate of this page's body word F1 (0-1, calibrated); None without a model.
    confidence: float | None = None
    decisions: tuple[LineDecision, ...] = field(default=(), compare=False, repr=False)
    # What was repaired on the way in (parse_bytes: bytes invalid in the detected encoding, replaced
    # or re-decoded line by line). The CLI prints each as a warning on stderr; not part of the JSON.
    warnings: tuple[str, ...] = field(default=(), compare=False)
    # What the page states about itself (HTML input: canonical link, og:site_name, ...); null otherwise.
    url: str | None = None
    site_name: str | None = None
    description: str | None = None
    image: str | None = None

    @property
    def body_blocks(self) -> list[str]:
        """Headings and paragraphs in reading order."""
        blocks: list[str] = []
        for section in self.sections:
            if section.heading:
                blocks.append(section.heading)
            blocks.extend(section.paragraphs)
        return blocks

    @property
    def text(self) -> str:
        """The body as plain text, one blank line between blocks."""
        return "\n\n".join(self.body_blocks)

    @property
    def word_count(self) -> int:
        return sum(len(block.split()) for block in self.body_blocks)

    @property
    def has_body(self) -> bool:
        return any(section.paragraphs for section in self.sections)
