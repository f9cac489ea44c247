"""Which page-date rule answered each gold-dated document, and how often it was right or wrong.

The table behind the README's "Dates" section: for every corpus document with a gold date, the rule the
header chose its date by (`Header.date_rule`, what `--explain` shows), counted per dataset as right (the
gold day), wrong where the gold day is visible in the dump, wrong where it is not (`visible.published`
false: the metric's wrong-date rate counts both), and, for documents given no date, visible golds missed.

    python bench/date_rules.py                      # the table, whole corpus
    python bench/date_rules.py --rule date-line --wrong   # the wrong answers of one rule, one a line
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script: make the `bench` package importable from the repo root.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import Doc, load_index, require_corpus

NO_RULE = "(no date)"


def date_rule(doc: Doc) -> tuple[str | None, str]:
    """(published, rule) of the text pipeline's header for `doc`'s dump."""
    from articlecli.frontends.decoding import normalize_lines
    from articlecli.frontends.text import read_lines
    from articlecli.options import ParseOptions
    from articlecli.pipeline import rule_stage

    units, input_format = read_lines(normalize_lines(doc.read_text()))
    header = rule_stage(units, input_format=input_format, options=ParseOptions()).header
    return header.published, header.date_rule or NO_RULE


def outcome(pred: str | None, gold: str, visible: bool) -> str:
    """'right', 'right-unseen' (the day the corpus did not find in the dump), 'wrong-visible',
    'wrong-invisible', 'missed' (no date, gold visible) or 'none'."""
    if pred == gold:
        return "right" if visible else "right-unseen"
    if pred is not None:
        return "wrong-visible" if visible else "wrong-invisible"
    return "missed" if visible else "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="corpus directory (default ../shared/corpus)")
    parser.add_argument("--rule", help="list the documents this rule answered")
    parser.add_argument("--wrong", action="store_true", help="with --rule: only its wrong answers")
    args = parser.parse_args(argv)
    root = require_corpus(args.corpus)
    counts: Counter[tuple[str, str, str]] = Counter()
    for doc in load_index(root):
        gold = doc.read_gold()
        if not gold.get("published"):
            continue
        pred, rule = date_rule(doc)
        result = outcome(pred, gold["published"], bool(gold["visible"]["published"]))
        counts[(rule, doc.dataset, result)] += 1
        if args.rule == rule and (not args.wrong or result.startswith("wrong")):
            print(f"{result:16} {doc.key:50} gold {gold['published']} output {pred}")
    if args.rule:
        return 0
    datasets = sorted({dataset for _, dataset, _ in counts})
    print("rule".ljust(26) + "".join(f"{d + ': right / wrong (visible+not), missed':>46}" for d in datasets))
    for rule in sorted({rule for rule, _, _ in counts}):
        cells = []
        for dataset in datasets:
            right = counts[(rule, dataset, "right")] + counts[(rule, dataset, "right-unseen")]
            seen, unseen = counts[(rule, dataset, "wrong-visible")], counts[(rule, dataset, "wrong-invisible")]
            missed = counts[(rule, dataset, "missed")]
            cells.append(f"{f'{right} / {seen + unseen} ({seen}+{unseen}), {missed}':>46}")
        print(rule.ljust(26) + "".join(cells))
    right = sum(n for (_, _, result), n in counts.items() if result == "right")
    visible = sum(n for (_, _, result), n in counts.items() if result in ("right", "wrong-visible", "missed"))
    wrong = sum(n for (_, _, result), n in counts.items() if result.startswith("wrong"))
    total = sum(counts.values())
    print(f"date accuracy {right / visible:.3f} ({right} of {visible} visible golds), ", end="")
    print(f"wrong-date rate {wrong / total:.3f} ({wrong} of {total} gold-dated docs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
