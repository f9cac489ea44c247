"""Where the wcxb gold headings go, and which rules emit the false ones.

For every wcxb document with visible gold headings, the page is parsed as the CLI does (shipped
defaults), each visible gold heading is matched to the output headings as the scorer matches them
(N() of the text, as a multiset), and each one missed is traced to the unit of the dump that holds it:

- ``kept:<label>:<rule>``: the line is in the body, as a paragraph / list item / quote;
- ``header:<label>:<rule>``: the header took it (title, byline, date ...);
- ``removed:<rule>:inside`` / ``removed:<rule>:outside``: removed, with its rule, inside or outside the
  main-text region (``navigation-menu`` inside is the widget-run rule of the body labeller, outside the
  menu-run rule of the page's edges);
- ``glued``: no unit of its own, but inside a longer unit;
- ``absent``: nowhere in the dump as such (spelled differently, or cut over several units).

Every output heading that is not a gold heading (any, visible or not) is counted by the rule that labelled
it. For each class of misses, ``oracle`` is what headings F1 (mean over pages, as the scorer computes it)
would gain if every heading of that class were found, nothing else changed.

    python bench/heading_loss.py                   # the table, every wcxb doc
    python bench/heading_loss.py --sample 2        # every 2nd doc
    python bench/heading_loss.py --show navigation-menu --n 40   # the misses of one reason, with context
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articlecli.frontends.decoding import normalize_lines
from articlecli.frontends.text import read_lines
from articlecli.options import ParseOptions
from articlecli.pipeline import article_from, rule_stage
from bench.corpus import Doc, Selection, corpus_dir, load_index
from bench.scoring import heading_scores, n

# Lines of context shown around a miss with --show.
CONTEXT = 3


@dataclass
class DocLoss:
    """One document's missed gold headings by class, and its false headings by rule."""

    key: str
    renderer: str
    f1: float
    misses: dict[str, list[str]] = field(default_factory=dict)
    false: Counter[str] = field(default_factory=Counter)
    emitted: Counter[str] = field(default_factory=Counter)
    oracle: dict[str, float] = field(default_factory=dict)
    shown: list[str] = field(default_factory=list)


def _unit_class(label: str, rule: str, inside: bool) -> str:
    if label == "removed":
        return f"removed:{rule}:{'inside' if inside else 'outside'}"
    if label in ("paragraph", "list-item", "quote"):
        return f"kept:{label}:{rule}"
    if label == "heading":
        # Labelled a heading, yet not in the output as many times as the gold has it (a repeated heading).
        return f"heading:{rule}"
    return f"header:{label}:{rule}"


def analyse(doc: Doc, show: str | None = None) -> DocLoss | None:
    gold = doc.read_gold()
    headings = gold.get("headings") or []
    flags = (gold.get("visible") or {}).get("headings") or []
    visible = [h for h, seen in zip(headings, flags, strict=False) if seen]
    if not visible:
        return None
    units, input_format = read_lines(normalize_lines(doc.read_text()))
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    article = article_from(view, None, source=str(doc.text_path), input_format=input_format)
    out = [s.heading for s in article.sections if s.heading and s.heading.strip()]
    decided = {d.line: (d.label, d.rule) for d in article.decisions}
    region = view.region
    by_key: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        by_key[n(unit.text)].append(index)
    f1 = heading_scores(out, gold)["headings_f1"] or 0.0
    loss = DocLoss(doc.key, doc.renderer, float(f1))
    left = Counter(n(h) for h in out)
    heading_rule: dict[str, str] = {}
    for unit in units:
        label, rule = decided.get(unit.lines[0], ("", ""))
        if label == "heading":
            heading_rule.setdefault(n(unit.text), rule)
    every = Counter(n(h) for h in headings)
    for key, count in Counter(n(h) for h in out).items():
        # A heading the sections joined from several units has no unit of its own text.
        rule = heading_rule.get(key, "joined")
        loss.emitted[rule] += count
        extra = count - every.get(key, 0)
        if extra > 0:
            loss.false[rule] += extra
    missed: list[str] = []
    for heading in visible:
        key = n(heading)
        if left[key] > 0:
            left[key] -= 1
        else:
            missed.append(heading)
    misses_of = Counter(n(h) for h in missed)
    seen: Counter[str] = Counter()
    for heading in missed:
        key = n(heading)
        # The lines of this text not output as headings; of those, the last ones are taken as the missed
        # headings: a page lists its headings (a table of contents) before it shows them.
        holders = [i for i in by_key.get(key, []) if decided.get(units[i].lines[0], ("", ""))[0] != "heading"]
        if not holders:
            holders = by_key.get(key, [])
        if holders:
            pool = holders[-misses_of[key] :]
            index = pool[min(seen[key], len(pool) - 1)]
            seen[key] += 1
            label, rule = decided.get(units[index].lines[0], ("", ""))
            kind = _unit_class(label, rule, region.start <= index < region.end)
            if show and show in kind:
                loss.shown.append(_context(units, decided, index, kind, gold))
        elif key and any(key in k for k in by_key if len(k) > len(key)):
            kind = "glued"
        else:
            kind = "absent"
        loss.misses.setdefault(kind, []).append(heading)
    for kind, lost in loss.misses.items():
        loss.oracle[kind] = _f1_with(out, lost, gold) - loss.f1
    return loss


def _f1_with(out: Sequence[str], found: Sequence[str], gold: dict[str, Any]) -> float:
    return float(heading_scores([*out, *found], gold)["headings_f1"] or 0.0)


def _context(units: Sequence[Any], decided: dict[int, tuple[str, str]], index: int, kind: str, gold: Any) -> str:
    gold_keys = {n(h) for h in gold.get("headings") or []}
    rows = [f"  [{kind}]"]
    for near in range(max(0, index - CONTEXT), min(len(units), index + CONTEXT + 1)):
        unit = units[near]
        label, rule = decided.get(unit.lines[0], ("", ""))
        mark = ">>" if near == index else ("G " if n(unit.text) in gold_keys else "  ")
        rows.append(f"  {mark}{unit.lines[0]:>5} {label[:9]:<9} {rule[:26]:<26} {unit.text[:90]}")
    return "\n".join(rows)


def report(losses: Sequence[DocLoss], top: int) -> None:
    pages = len(losses)
    lines: Counter[str] = Counter()
    oracle: Counter[str] = Counter()
    by_renderer: dict[str, Counter[str]] = defaultdict(Counter)
    for loss in losses:
        for kind, missed in loss.misses.items():
            lines[kind] += len(missed)
            by_renderer[kind][loss.renderer] += len(missed)
            oracle[kind] += loss.oracle[kind]
    renderers = sorted({loss.renderer for loss in losses})
    mean_f1 = sum(loss.f1 for loss in losses) / pages if pages else 0.0
    print(f"{pages} wcxb pages with visible gold headings; headings F1 {mean_f1:.3f}")
    print(f"\nmissed visible gold headings ({sum(lines.values())}), by what happened to their line:")
    print(f"| class | {' | '.join(renderers)} | all | oracle F1 gain |")
    print(f"|---|{'---|' * len(renderers)}---|---|")
    for kind, count in lines.most_common(top):
        cells = " | ".join(str(by_renderer[kind][r]) for r in renderers)
        print(f"| {kind} | {cells} | {count} | +{oracle[kind] / pages:.4f} |")
    false: Counter[str] = Counter()
    emitted: Counter[str] = Counter()
    for loss in losses:
        false.update(loss.false)
        emitted.update(loss.emitted)
    print(f"\noutput headings ({sum(emitted.values())}, {sum(false.values())} false), by the rule that labelled them:")
    print("| rule | output | false | gold share |")
    print("|---|---|---|---|")
    for rule, count in emitted.most_common(top):
        print(f"| {rule} | {count} | {false[rule]} | {1 - false[rule] / count:.2f} |")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", help="corpus directory (default ../shared/corpus)")
    p.add_argument("--sample", type=int, default=1, metavar="K", help="every K-th doc")
    p.add_argument("--offset", type=int, default=0, help="with --sample, start at this doc")
    p.add_argument("--limit", type=int)
    p.add_argument("--renderer", action="append", default=[])
    p.add_argument("--show", metavar="TEXT", help="print the misses whose class contains TEXT, with context")
    p.add_argument("--n", type=int, default=30, help="rows of each table, or misses shown")
    args = p.parse_args(argv)
    root = corpus_dir(args.corpus)
    docs = Selection(datasets=["wcxb"], renderers=args.renderer).apply(load_index(root))
    docs = docs[args.offset :: args.sample]
    if args.limit:
        docs = docs[: args.limit]
    losses = [loss for loss in (analyse(doc, args.show) for doc in docs) if loss is not None]
    if args.show:
        shown = 0
        for loss in losses:
            for block in loss.shown:
                if shown >= args.n:
                    break
                print(f"{loss.key} ({loss.renderer})\n{block}\n")
                shown += 1
        return 0
    report(losses, args.n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
