"""Where each gold heading a renderer's dumps miss sits in the unit stream, and what the rules called it.

Every visible gold heading of every selected document that the output does not hold (matched as the scorer
does, bench/scoring.py `n`) is classified by the unit that holds it: a unit of its own (with the label and
rule that decided it, and the layout around it), glued to the start, the end or the inside of a longer unit,
or in no unit at all. The output's false headings are counted by rule. Prints a table, and with --show the
misses of one class with their neighbours, to read.

    python bench/heading_misses.py --renderer bs4-glued
    python bench/heading_misses.py --renderer bs4-glued --show own:paragraph --n 40
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script: make the `bench` package importable from the repo root.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import Selection, load_index, require_corpus
from bench.scoring import n

_SENTENCE_END = (".", "!", "?", ":", "…", '"', "”", ")")


@dataclass(frozen=True)
class Miss:
    doc: str
    gold: str
    kind: str
    detail: str
    context: tuple[str, ...]


def _labels(text: str) -> tuple[list, dict[int, tuple[str, str]], list[str]]:
    """The units of a dump, every unit's (label, rule) and the output headings."""
    from articlecli.api import _DEFAULT_OPTIONS
    from articlecli.frontends.decoding import normalize_lines
    from articlecli.frontends.text import read_lines
    from articlecli.pipeline import _outside_reasons, article_from, rule_stage

    units, input_format = read_lines(normalize_lines(text))
    view = rule_stage(units, input_format=input_format, options=_DEFAULT_OPTIONS)
    article = article_from(view, None, source="-", input_format=input_format)
    outside = _outside_reasons(units, view.features, view.region)
    labels = {**view.body_labels, **view.header.labels}
    every = {i: labels.get(i) or ("removed", outside[i] or "") for i in range(len(units))}
    headings = [s.heading for s in article.sections if s.heading and s.heading.strip()]
    return units, every, headings


def _layout(units: list, index: int) -> str:
    """How the unit sits: blank line above or not, what the unit above ends with, what follows."""
    unit = units[index]
    above = units[index - 1].text if index else ""
    below = units[index + 1].text if index + 1 < len(units) else ""
    top = "blank" if unit.blank_before else ("sentence" if above.endswith(_SENTENCE_END) else "open")
    words = len(below.split())
    bottom = "prose" if words >= 15 else ("short" if words else "end")
    return f"{top}/{bottom}"


def classify(doc_key: str, text: str, gold: dict) -> Iterator[Miss | tuple[str, str, str, str, str]]:
    """Each missed visible gold heading as a Miss, each false output heading as ('fp', rule)."""
    units, labels, headings = _labels(text)
    flags = (gold.get("visible") or {}).get("headings") or []
    visible = Counter(n(h) for h, seen in zip(gold.get("headings") or [], flags, strict=False) if seen)
    every = Counter(n(h) for h in gold.get("headings") or [])
    out = Counter(n(h) for h in headings)
    missed = visible - out
    keys = [n(u.text) for u in units]
    by_key: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        by_key.setdefault(key, []).append(i)
    for heading, count in missed.items():
        for _ in range(count):
            yield _place(doc_key, heading, units, labels, keys, by_key)
    false = out - every
    for i, key in enumerate(keys):
        if false.get(key) and labels[i][0] == "heading":
            false[key] -= 1
            yield (
                "fp",
                labels[i][1],
                doc_key,
                units[i].text[:100],
                units[i + 1].text[:80] if i + 1 < len(units) else "",
            )


def _place(doc: str, heading: str, units: list, labels: dict, keys: list[str], by_key: dict) -> Miss:
    def context(i: int) -> tuple[str, ...]:
        rows = []
        for j in range(max(0, i - 2), min(len(units), i + 3)):
            mark = ">>" if j == i else "  "
            blank = "^" if units[j].blank_before else " "
            rows.append(f"{mark}{blank}[{labels[j][0]}:{labels[j][1]}] {units[j].text[:160]}")
        return tuple(rows)

    if heading in by_key:
        i = by_key[heading][0]
        label, rule = labels[i]
        return Miss(doc, heading, f"own:{label}", f"{rule} {_layout(units, i)}", context(i))
    for kind, test in (
        ("start", str.startswith),
        ("end", str.endswith),
        ("inside", str.__contains__),
    ):
        for i, key in enumerate(keys):
            if heading and test(key, heading):
                label, rule = labels[i]
                return Miss(doc, heading, f"{kind}:{label}", rule, context(i))
    return Miss(doc, heading, "absent", "", ())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus")
    parser.add_argument("--renderer", default="bs4-glued")
    parser.add_argument("--sample", type=int, default=1)
    parser.add_argument("--show", help="print the misses of this class (e.g. own:paragraph, start:paragraph)")
    parser.add_argument("--detail", help="with --show: only misses whose detail contains this")
    parser.add_argument("--n", type=int, default=30)
    args = parser.parse_args(argv)
    root = require_corpus(args.corpus)
    docs = Selection(datasets=("wcxb",), renderers=(args.renderer,), sample=args.sample).apply(load_index(root))
    kinds: Counter[str] = Counter()
    details: Counter[tuple[str, str]] = Counter()
    fps: Counter[str] = Counter()
    shown = 0
    for doc in docs:
        gold = doc.read_gold()
        if not gold.get("headings"):
            continue
        for item in classify(doc.key, doc.read_text(), gold):
            if isinstance(item, tuple):
                fps[item[1]] += 1
                if args.show == f"fp:{item[1]}" and shown < args.n:
                    shown += 1
                    print(f"== {item[2]}  {item[3]!r}\n      -> {item[4]!r}")
                continue
            kinds[item.kind] += 1
            details[(item.kind, item.detail)] += 1
            if args.show == item.kind and (not args.detail or args.detail in item.detail) and shown < args.n:
                shown += 1
                print(f"== {item.doc}  gold: {item.gold!r}  ({item.detail})")
                print("\n".join(item.context))
    print(f"missed visible gold headings, {args.renderer}: {sum(kinds.values())}")
    for kind, count in kinds.most_common():
        print(f"{count:6d}  {kind}")
        for (k, detail), c in details.most_common():
            if k == kind and c >= 10:
                print(f"        {c:6d}  {detail}")
    print(f"false output headings: {sum(fps.values())}")
    for rule, count in fps.most_common(12):
        print(f"{count:6d}  {rule}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
