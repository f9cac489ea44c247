"""Where the wcxb gold headings go, and which rules emit the false ones.

For every selected wcxb document with visible gold headings, the page is parsed as the CLI does (shipped
defaults), each visible gold heading is matched to the output headings as the scorer matches them (N() of
the text, as a multiset), and each one missed is traced to the unit of the dump that holds it. Its class:

- ``kept:<label>:<rule>``: a unit of its own, in the body, as a paragraph / list item / quote;
- ``heading:<rule>``: labelled a heading, yet output fewer times than the gold has it (a repeated heading);
- ``header:<label>:<rule>``: a unit of its own the header took (title, byline, date ...);
- ``removed:<rule>:inside`` / ``removed:<rule>:outside``: a unit of its own, removed with its rule, inside or
  outside the main-text region (``navigation-menu`` inside is the widget-run rule of the body labeller,
  outside the menu-run rule of the page's edges);
- ``glued:start|end|inside:<label>``: no unit of its own, but at the start, the end or inside a longer unit
  of that label (its rule is the detail);
- ``absent``: nowhere in the units as such (spelled differently, or cut over several units).

A miss in a unit of its own has the layout around it as its detail: ``blank`` / ``sentence`` / ``open`` (a blank
line above it, a finished sentence above it, an unfinished line above it), then ``prose`` / ``short`` / ``end``
(15+ words below it, fewer, nothing). A gold heading the page shows twice (a table-of-contents entry, then the
title of its section) is traced to the later unit. For each class, ``oracle`` is what headings F1 (mean over
pages, as the scorer computes it) would gain if every heading of that class were found, nothing else changed.
Every output heading that is not a gold heading (any, visible or not) is counted as false, by the rule that
labelled it (``joined`` when the sections joined it from several units), and by where it sits against the gold
body: a line of its own there (``own-line``: the gold keeps the line as text, not as a heading), part of a longer
gold line (``in-line``: a piece cut off a paragraph), or not in the gold body at all, ``before`` / ``inside`` /
``after`` the span of the gold body's text in the dump (a widget, a menu, a related-links block); ``oracle`` is
again the mean F1 gain if every false heading of that place were dropped.

    python bench/heading_loss.py                                  # the tables, every wcxb page
    python bench/heading_loss.py --sample 3                       # every 3rd page
    python bench/heading_loss.py --renderer bs4-glued             # one renderer's pages
    python bench/heading_loss.py --show removed:navigation-menu:inside --n 40   # the misses of a class, in context
    python bench/heading_loss.py --renderer bs4-glued --show glued:start:paragraph
    python bench/heading_loss.py --renderer bs4-glued --show kept:paragraph --detail open/prose
    python bench/heading_loss.py --renderer bs4-glued --show fp:glued-heading-start   # false headings of a rule
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    # Run as a script: make the `bench` package importable from the repo root.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articlecli.frontends.decoding import normalize_lines
from articlecli.frontends.text import read_lines
from articlecli.frontends.unit import Unit
from articlecli.labeller.content import Region
from articlecli.options import ParseOptions
from articlecli.pipeline import article_from, outside_reasons, rule_stage
from bench.corpus import Doc, Selection, load_index, require_corpus
from bench.scoring import heading_scores, n, n_text

# Units shown either side of a miss or a false heading with --show.
CONTEXT = 2
# Words below a unit from which the text below it counts as prose (the layout detail).
PROSE_WORDS = 15
# A (class, detail) pair is listed in the detail table from this many misses: fewer is noise.
DETAIL_MIN = 10
# A unit of this many words found in the gold body marks the span of the article's text in the dump (shorter
# lines, "Share", "Home", occur in any text).
SPAN_MIN_WORDS = 8
# Where a false heading sits against the gold body (see the module docstring), in report order.
FALSE_PLACES = ("own-line", "in-line", "before", "inside", "after", "joined")
# What a finished line above a unit ends with (the layout detail).
_SENTENCE_END = (".", "!", "?", ":", "…", '"', "”", ")")
# The labels of the body text a gold heading can be kept as.
_KEPT = ("paragraph", "list-item", "quote")
# The labels of the output body's units (the span of the gold body's text is read from them).
_BODY_LABELS = (*_KEPT, "heading")
# How a gold heading can sit in a longer unit, tested in this order.
_GLUED: tuple[tuple[str, Callable[[str, str], bool]], ...] = (
    ("start", str.startswith),
    ("end", str.endswith),
    ("inside", str.__contains__),
)


@dataclass(frozen=True)
class Parsed:
    """A dump parsed as the CLI does: its units, every unit's (label, rule), the region and the output headings."""

    units: list[Unit]
    labels: list[tuple[str, str]]
    region: Region
    headings: list[str]


@dataclass(frozen=True)
class Miss:
    """One missed visible gold heading: its class, detail and the unit holding it (None when absent)."""

    heading: str
    kind: str
    detail: str
    index: int | None


@dataclass(frozen=True)
class FalseHeading:
    """One output heading the gold does not have, by the rule that labelled it (its unit None when joined)."""

    rule: str
    index: int | None
    place: str = "joined"


@dataclass
class DocLoss:
    """One document's misses, false headings, output headings by rule, F1 and oracle gain by class."""

    key: str
    renderer: str
    f1: float
    # The parsed page, for --show; dropped once classified when only the tables are wanted.
    parsed: Parsed | None
    gold: dict[str, Any]
    misses: list[Miss] = field(default_factory=list)
    false: list[FalseHeading] = field(default_factory=list)
    emitted: Counter[str] = field(default_factory=Counter)
    oracle: dict[str, float] = field(default_factory=dict)
    # What dropping every false heading of a place (FALSE_PLACES) would gain.
    false_oracle: dict[str, float] = field(default_factory=dict)


def parse(text: str) -> Parsed:
    """Parse a dump with the shipped defaults; every unit's (label, rule) as the line decisions give it."""
    units, input_format = read_lines(normalize_lines(text))
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    article = article_from(view, None, source="-", input_format=input_format)
    outside = outside_reasons(units, view.features, view.region)
    decided = {**view.body_labels, **view.header.labels}
    labels = [decided.get(i) or ("removed", outside[i] or "") for i in range(len(units))]
    headings = [s.heading for s in article.sections if s.heading and s.heading.strip()]
    return Parsed(units, labels, view.region, headings)


def visible_headings(gold: dict[str, Any]) -> list[str]:
    """The gold headings the page shows (the ones recall is measured on)."""
    flags = (gold.get("visible") or {}).get("headings") or []
    return [h for h, seen in zip(gold.get("headings") or [], flags, strict=False) if seen]


def layout(units: Sequence[Unit], index: int) -> str:
    """How a unit sits: blank line, finished sentence or unfinished line above; prose, short line or nothing below."""
    unit = units[index]
    above = units[index - 1].text if index else ""
    below = units[index + 1].text if index + 1 < len(units) else ""
    top = "blank" if unit.blank_before else ("sentence" if above.endswith(_SENTENCE_END) else "open")
    words = len(below.split())
    bottom = "prose" if words >= PROSE_WORDS else ("short" if words else "end")
    return f"{top}/{bottom}"


def unit_class(label: str, rule: str, inside: bool) -> str:
    """The class of a miss held by a unit of its own."""
    if label == "removed":
        return f"removed:{rule}:{'inside' if inside else 'outside'}"
    if label in _KEPT:
        return f"kept:{label}:{rule}"
    if label == "heading":
        return f"heading:{rule}"
    return f"header:{label}:{rule}"


def classify(parsed: Parsed, gold: dict[str, Any]) -> tuple[list[Miss], list[FalseHeading], Counter[str]]:
    """Every missed visible gold heading, every false output heading, and the output headings by rule."""
    keys = [n(unit.text) for unit in parsed.units]
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        by_key[key].append(index)
    out = Counter(n(h) for h in parsed.headings)
    left = out.copy()
    missed: list[str] = []
    for heading in visible_headings(gold):
        if left[n(heading)] > 0:
            left[n(heading)] -= 1
        else:
            missed.append(heading)
    misses_of = Counter(n(h) for h in missed)
    seen: Counter[str] = Counter()
    misses = []
    for heading in missed:
        key = n(heading)
        misses.append(_place(parsed, heading, keys, by_key.get(key, []), misses_of[key], seen[key]))
        seen[key] += 1
    false, emitted = _false_headings(parsed, keys, out, Counter(n(h) for h in gold.get("headings") or []))
    return misses, false, emitted


def _place(parsed: Parsed, heading: str, keys: list[str], holders: list[int], misses: int, nth: int) -> Miss:
    """The class of the `nth` of `misses` misses of one text: of the units of that text not output as headings,
    the last ones hold them (a page lists its headings before it shows them)."""
    own = [i for i in holders if parsed.labels[i][0] != "heading"] or holders
    if own:
        pool = own[-misses:]
        index = pool[min(nth, len(pool) - 1)]
        label, rule = parsed.labels[index]
        inside = parsed.region.start <= index < parsed.region.end
        detail = layout(parsed.units, index)
        return Miss(heading, unit_class(label, rule, inside), detail, index)
    key = n(heading)
    for where, test in _GLUED:
        for index, text in enumerate(keys):
            if key and len(text) > len(key) and test(text, key):
                label, rule = parsed.labels[index]
                return Miss(heading, f"glued:{where}:{label}", rule, index)
    return Miss(heading, "absent", "", None)


def _false_headings(
    parsed: Parsed, keys: list[str], out: Counter[str], every: Counter[str]
) -> tuple[list[FalseHeading], Counter[str]]:
    """The output headings the gold does not have (each by the first units of its text labelled a heading),
    and every output heading by its rule."""
    rule_of: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if parsed.labels[i][0] == "heading":
            rule_of[key].append(i)
    false: list[FalseHeading] = []
    emitted: Counter[str] = Counter()
    for key, count in out.items():
        units = rule_of.get(key, [])
        # A heading the sections joined from several units has no unit of its own text.
        rule = parsed.labels[units[0]][1] if units else "joined"
        emitted[rule] += count
        for k in range(max(0, count - every.get(key, 0))):
            index = units[k] if k < len(units) else None
            false.append(FalseHeading(parsed.labels[index][1] if index is not None else rule, index))
    return false, emitted


def analyse(doc: Doc) -> DocLoss | None:
    """One wcxb document's loss, or None when its gold shows no heading."""
    gold = doc.read_gold()
    if not visible_headings(gold):
        return None
    return measure(doc.key, doc.renderer, parse(doc.read_text()), gold)


def measure(key: str, renderer: str, parsed: Parsed, gold: dict[str, Any]) -> DocLoss:
    """A parsed page's misses, false headings and F1, and what finding each class of misses would gain."""
    f1 = float(heading_scores(parsed.headings, gold)["headings_f1"] or 0.0)
    loss = DocLoss(key, renderer, f1, parsed, gold)
    loss.misses, loss.false, loss.emitted = classify(parsed, gold)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for miss in loss.misses:
        by_kind[miss.kind].append(miss.heading)
    for kind, lost in by_kind.items():
        gained = heading_scores([*parsed.headings, *lost], gold)["headings_f1"] or 0.0
        loss.oracle[kind] = float(gained) - f1
    gold_body = _GoldBody(parsed, gold)
    loss.false = [replace(f, place=gold_body.place(f.index)) for f in loss.false]
    for place in FALSE_PLACES:
        dropped = Counter(n(parsed.units[f.index].text) for f in loss.false if f.place == place and f.index is not None)
        if dropped:
            kept = []
            for heading in parsed.headings:
                if dropped[n(heading)] > 0:
                    dropped[n(heading)] -= 1
                else:
                    kept.append(heading)
            loss.false_oracle[place] = float(heading_scores(kept, gold)["headings_f1"] or 0.0) - f1
    return loss


def false_place(parsed: Parsed, gold: dict[str, Any], index: int | None) -> str:
    """Where a false heading's unit sits against the gold body (FALSE_PLACES)."""
    return _GoldBody(parsed, gold).place(index)


class _GoldBody:
    """A page's gold body read once: its lines, its flat text, and the span of its text among the dump's units."""

    def __init__(self, parsed: Parsed, gold: dict[str, Any]) -> None:
        body = gold.get("body") or ""
        self.units = parsed.units
        self.lines = frozenset(n(line) for line in body.split("\n"))
        self.flat = n_text(body)
        found = [
            i
            for i, unit in enumerate(parsed.units)
            if parsed.labels[i][0] in _BODY_LABELS
            and len(unit.text.split()) >= SPAN_MIN_WORDS
            and n_text(unit.text) in self.flat
        ]
        self.span = (found[0], found[-1]) if found else None

    def place(self, index: int | None) -> str:
        if index is None:
            return "joined"
        key = n(self.units[index].text)
        if key in self.lines:
            return "own-line"
        if key and key in self.flat:
            return "in-line"
        if self.span is None or index < self.span[0]:
            return "before"
        return "after" if index > self.span[1] else "inside"


def context(loss: DocLoss, index: int, tag: str) -> str:
    """The units around `index`, with label, rule, blank line above (^) and gold headings (G) marked."""
    assert loss.parsed is not None, "context needs the parsed page"
    units, labels = loss.parsed.units, loss.parsed.labels
    gold_keys = {n(h) for h in loss.gold.get("headings") or []}
    rows = [f"  [{tag}]"]
    for near in range(max(0, index - CONTEXT), min(len(units), index + CONTEXT + 1)):
        unit = units[near]
        label, rule = labels[near]
        mark = ">>" if near == index else ("G " if n(unit.text) in gold_keys else "  ")
        blank = "^" if unit.blank_before else " "
        rows.append(f"  {mark}{blank}{unit.lines[0]:>5} {label[:9]:<9} {rule[:26]:<26} {unit.text[:110]}")
    return "\n".join(rows)


def show(losses: Iterable[DocLoss], what: str, detail: str | None, limit: int) -> None:
    """Print the misses whose class contains `what` (and detail contains `detail`), or with `fp:RULE` the false
    headings of that rule, each with the units around it."""
    shown = 0
    for loss in losses:
        if what.startswith("fp:"):
            rows = [(f.index, f"false heading by {f.rule}") for f in loss.false if f.rule == what[3:]]
        else:
            rows = [
                (m.index, f"{m.kind} {m.detail}: gold {m.heading!r}")
                for m in loss.misses
                if what in m.kind and (not detail or detail in m.detail)
            ]
        for index, tag in rows:
            if shown >= limit:
                return
            print(f"{loss.key} ({loss.renderer})")
            print(context(loss, index, tag) if index is not None else f"  [{tag}] (no unit of its own)")
            print()
            shown += 1


def report(losses: Sequence[DocLoss], top: int) -> None:
    """The three tables: misses by class and renderer with the oracle gain, by class and detail, false headings."""
    pages = len(losses)
    lines: Counter[str] = Counter()
    details: Counter[tuple[str, str]] = Counter()
    oracle: Counter[str] = Counter()
    by_renderer: dict[str, Counter[str]] = defaultdict(Counter)
    for loss in losses:
        for miss in loss.misses:
            lines[miss.kind] += 1
            details[(miss.kind, miss.detail)] += 1
            by_renderer[miss.kind][loss.renderer] += 1
        oracle.update(loss.oracle)
    renderers = sorted({loss.renderer for loss in losses})
    mean_f1 = sum(loss.f1 for loss in losses) / pages if pages else 0.0
    print(f"{pages} wcxb pages with visible gold headings; headings F1 {mean_f1:.3f}")
    print(f"\nmissed visible gold headings ({sum(lines.values())}), by what happened to their line:")
    print(f"| class | {' | '.join(renderers)} | all | oracle F1 gain |")
    print(f"|---|{'---|' * len(renderers)}---|---|")
    for kind, count in lines.most_common(top):
        cells = " | ".join(str(by_renderer[kind][r]) for r in renderers)
        print(f"| {kind} | {cells} | {count} | +{oracle[kind] / pages:.4f} |")
    print(f"\nby class and detail (layout of a unit of its own, rule of a longer unit; {DETAIL_MIN}+ misses):")
    print("| class | detail | misses |")
    print("|---|---|---|")
    for (kind, detail), count in details.most_common(top):
        if count >= DETAIL_MIN:
            print(f"| {kind} | {detail or '-'} | {count} |")
    _report_false(losses, top)


def _report_false(losses: Sequence[DocLoss], top: int) -> None:
    false: Counter[str] = Counter()
    emitted: Counter[str] = Counter()
    for loss in losses:
        false.update(f.rule for f in loss.false)
        emitted.update(loss.emitted)
    print(f"\noutput headings ({sum(emitted.values())}, {sum(false.values())} false), by the rule that labelled them:")
    print("| rule | output | false | gold share |")
    print("|---|---|---|---|")
    for rule, count in emitted.most_common(top):
        print(f"| {rule} | {count} | {false[rule]} | {1 - false[rule] / count:.2f} |")
    places: dict[str, Counter[str]] = defaultdict(Counter)
    oracle: Counter[str] = Counter()
    for loss in losses:
        for f in loss.false:
            places[f.place][loss.renderer] += 1
        oracle.update(loss.false_oracle)
    renderers = sorted({loss.renderer for loss in losses})
    print("\nfalse headings, by where they sit against the gold body:")
    print(f"| place | {' | '.join(renderers)} | all | oracle F1 gain |")
    print(f"|---|{'---|' * len(renderers)}---|---|")
    for place in FALSE_PLACES:
        cells = " | ".join(str(places[place][r]) for r in renderers)
        print(f"| {place} | {cells} | {sum(places[place].values())} | +{oracle[place] / max(len(losses), 1):.4f} |")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", help="corpus directory (default ../shared/corpus)")
    p.add_argument("--renderer", action="append", default=[], help="only this renderer's pages (repeatable)")
    p.add_argument("--sample", type=int, default=1, metavar="K", help="every K-th doc")
    p.add_argument("--offset", type=int, default=0, help="with --sample, start at this doc")
    p.add_argument("--limit", type=int, help="at most this many docs")
    p.add_argument("--show", metavar="CLASS", help="print the misses whose class contains CLASS, or fp:RULE")
    p.add_argument("--detail", metavar="TEXT", help="with --show: only the misses whose detail contains TEXT")
    p.add_argument("--n", type=int, default=30, help="rows of each table, or items shown")
    args = p.parse_args(argv)
    root = require_corpus(args.corpus)
    docs = Selection(datasets=["wcxb"], renderers=args.renderer).apply(load_index(root))
    docs = docs[args.offset :: max(1, args.sample)]
    if args.limit:
        docs = docs[: args.limit]
    if args.show:
        show(_losses(docs, keep_units=True), args.show, args.detail, args.n)
    else:
        report(list(_losses(docs, keep_units=False)), args.n)
    return 0


def _losses(docs: Iterable[Doc], keep_units: bool) -> Iterator[DocLoss]:
    """Each page's loss, one page at a time; without `keep_units` its parsed page is dropped (memory)."""
    for doc in docs:
        loss = analyse(doc)
        if loss is not None:
            if not keep_units:
                loss.parsed = None
            yield loss


if __name__ == "__main__":
    raise SystemExit(main())
