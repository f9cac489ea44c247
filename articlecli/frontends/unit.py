"""The unit: one logical line of a page, as every front end hands it to the pipeline."""

from __future__ import annotations

from dataclasses import dataclass


# Not frozen: units are built by the thousand and freezing costs a setattr per field.
@dataclass(slots=True, eq=False)
class Unit:
    """One logical line of the input, with where it came from and how it looked."""

    index: int
    lines: tuple[int, ...]
    raw: tuple[str, ...]
    text: str
    heading_level: int | None = None
    list_item: bool = False
    numbered: bool = False
    quote: bool = False
    link_chars: int = 0
    blank_before: bool = True
    indent: int = 0
    # Markup hints (HTML front end only; text units keep these defaults). `zone` is what the
    # enclosing markup says the block is ("navigation", "comments", "byline", ... see
    # frontends/html/hints.py); `pre` keeps its line breaks; `table` is a table cell.
    zone: str | None = None
    pre: bool = False
    table: bool = False
    # The front end's own removal reason, when the scraper's syntax says what the line is (a text
    # browser's list of link targets: "link-references"); the pipeline removes such a unit.
    boilerplate: str | None = None
    # The rule that cut this unit off a wall line (a page joined onto one line, frontends/segment.py):
    # --explain shows it beside the unit's decision. None for units the page's own line breaks made.
    cut: str | None = None

    @property
    def link_density(self) -> float:
        return min(1.0, self.link_chars / len(self.text)) if self.text else 0.0

    @property
    def words(self) -> int:
        return len(self.text.split())
