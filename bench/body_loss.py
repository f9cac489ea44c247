"""Where the wcxb body word F1 goes: each page put in one class by where its lost words sit.

Every unit of a wcxb page with a gold body is aligned to the gold (bench/align.py: body, heading, boilerplate,
masked) and read against what the page's parse kept (paragraphs, list items, quotes, headings) and its main-text
run (labeller.content.find_region, as the pipeline settles it). Gold words are the words of units aligned as body
or heading; leaked words those of kept units aligned as boilerplate. Classes, tested in this order:

- ``gold-not-in-dump``: under NOT_IN_DUMP_SHARE of the gold's words align to any unit;
- ``wrong-region:before`` / ``wrong-region:after``: under WRONG_REGION_SHARE of the aligned gold lies in the run;
  the gold sits mostly before / after it;
- ``too-narrow:before`` / ``too-narrow:after``: more aligned gold words outside the run than leaked words, and
  over NARROW_MIN_SHARE of the gold;
- ``too-wide:head`` / ``too-wide:inside`` / ``too-wide:after``: leaked words over WIDE_MIN_SHARE of the kept
  words, most of them before the first kept gold unit, between the first and last, or after the last;
- ``removed-inside``: gold words inside the run that the body removed, over NARROW_MIN_SHARE of the gold;
- ``small``: none of the above.

Loss = sum over the class's pages of (1 - F1) / pages, so the column adds up to 1 - mean F1.

    python bench/body_loss.py                           # the table, every wcxb page with a gold body
    python bench/body_loss.py --sample 3                # every 3rd page
    python bench/body_loss.py --show too-wide:after --n 30   # the class's pages, worst first, with the leaked lines
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
    # Run as a script: make the `bench` package importable from the repo root.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articlecli.frontends.decoding import normalize_lines
from articlecli.frontends.text import read_lines
from articlecli.options import ParseOptions
from articlecli.pipeline import article_from, outside_reasons, rule_stage
from bench.align import align
from bench.corpus import Doc, Selection, load_index, require_corpus
from bench.peers import prediction_from_article
from bench.scoring import body_scores, tokens

# Under this share of the gold's words aligned to units, the dump does not hold the gold body.
NOT_IN_DUMP_SHARE = 0.3
# Under this share of the aligned gold inside the run, the run is in the wrong place.
WRONG_REGION_SHARE = 0.3
# Gold words lost (outside the run, or removed inside it) over this share of the gold: too narrow.
NARROW_MIN_SHARE = 0.1
# Leaked words over this share of the kept words: too wide.
WIDE_MIN_SHARE = 0.1
# Labels of the units the body keeps.
KEPT = frozenset({"paragraph", "list-item", "quote", "heading"})
GOLD = frozenset({"body", "heading"})


@dataclass
class PageLoss:
    key: str
    renderer: str
    f1: float
    p: float
    kind: str
    # (unit index, words, rule, text) of the leaked units, for --show.
    leaked: list[tuple[int, int, str, str]] = field(default_factory=list)
    region: tuple[int, int] = (0, 0)
    # First and last kept unit aligned to the gold (too-wide pages).
    span: tuple[int, int] = (0, 0)


def classify_page(doc: Doc) -> PageLoss | None:
    """The page's class, or None when its gold has no body."""
    return classify(doc.key, doc.renderer, doc.read_text(), doc.read_gold(), doc.language)


def classify(key: str, renderer: str, text: str, gold: dict[str, Any], language: str | None) -> PageLoss | None:
    """A dump's class against its gold record (None when the gold has no body)."""
    body = gold.get("body")
    if not isinstance(body, str) or not body.strip():
        return None
    units, input_format = read_lines(normalize_lines(text))
    view = rule_stage(units, input_format=input_format, options=ParseOptions())
    article = article_from(view, None, source="-", input_format=input_format)
    scores = body_scores(prediction_from_article(article).body, gold)
    f1, p = scores["body_f1"] or 0.0, scores["body_p"] or 0.0
    outside = outside_reasons(units, view.features, view.region)
    decided = {**view.body_labels, **view.header.labels}
    labels = [decided.get(i) or ("removed", outside[i] or "") for i in range(len(units))]
    aligned = align(units, gold, language)
    words = [len(tokens(u.text)) for u in units]
    start, end = view.region.start, view.region.end
    kept = [labels[i][0] in KEPT for i in range(len(units))]
    is_gold = [a in GOLD for a in aligned]
    gold_words = len(tokens(body))
    aligned_words = sum(w for w, g in zip(words, is_gold, strict=True) if g)
    page = PageLoss(key, renderer, f1, p, "small", region=(start, end))
    page.leaked = [
        (i, words[i], labels[i][1], units[i].text)
        for i in range(len(units))
        if kept[i] and aligned[i] == "boilerplate" and words[i]
    ]
    if aligned_words < NOT_IN_DUMP_SHARE * gold_words:
        page.kind = "gold-not-in-dump"
        return page
    before = sum(words[i] for i in range(start) if is_gold[i])
    inside = sum(words[i] for i in range(start, end) if is_gold[i])
    after = sum(words[i] for i in range(end, len(units)) if is_gold[i])
    if inside < WRONG_REGION_SHARE * aligned_words:
        page.kind = "wrong-region:before" if before >= after else "wrong-region:after"
        return page
    leaked = sum(w for _, w, _, _ in page.leaked)
    if before + after > leaked and before + after > NARROW_MIN_SHARE * gold_words:
        page.kind = "too-narrow:before" if before >= after else "too-narrow:after"
        return page
    kept_words = sum(w for w, k in zip(words, kept, strict=True) if k)
    if leaked > WIDE_MIN_SHARE * max(kept_words, 1):
        gold_kept = [i for i in range(len(units)) if kept[i] and is_gold[i]]
        first, last = (gold_kept[0], gold_kept[-1]) if gold_kept else (len(units), -1)
        page.span = (first, last)
        where: Counter[str] = Counter()
        for i, w, _, _ in page.leaked:
            where["head" if i < first else "after" if i > last else "inside"] += w
        page.kind = "too-wide:" + where.most_common(1)[0][0]
        return page
    removed = sum(words[i] for i in range(start, end) if is_gold[i] and not kept[i])
    if removed > NARROW_MIN_SHARE * gold_words:
        page.kind = "removed-inside"
    return page


def table(pages: Sequence[PageLoss]) -> str:
    total = len(pages)
    by_kind: dict[str, list[PageLoss]] = defaultdict(list)
    for page in pages:
        by_kind[page.kind].append(page)
    lines = [f"{'class':<22} {'pages':>5} {'F1 lost':>8} {'P lost':>7}"]
    for kind, members in sorted(by_kind.items(), key=lambda kv: -sum(1 - p.f1 for p in kv[1])):
        lost = sum(1 - p.f1 for p in members) / total
        plost = sum(1 - p.p for p in members) / total
        lines.append(f"{kind:<22} {len(members):>5} {lost:>8.4f} {plost:>7.4f}")
    mean = sum(p.f1 for p in pages) / max(total, 1)
    lines.append(f"{'all':<22} {total:>5} {1 - mean:>8.4f}   (mean F1 {mean:.4f})")
    return "\n".join(lines)


def show(pages: Sequence[PageLoss], kind: str, count: int, lines: int) -> str:
    chosen = sorted((p for p in pages if p.kind == kind), key=lambda p: p.f1)[:count]
    out = []
    for page in chosen:
        out.append(f"\n== {page.key} {page.renderer} F1 {page.f1:.3f} P {page.p:.3f} run {page.region}")
        leaked = page.leaked
        if kind.endswith(":after"):
            leaked = [unit for unit in leaked if unit[0] > page.span[1]]
        elif kind.endswith(":inside"):
            leaked = [unit for unit in leaked if page.span[0] < unit[0] < page.span[1]]
        out[-1] += f" gold span {page.span}"
        for index, words, rule, text in leaked[:lines]:
            out.append(f"  {index:>4} {words:>4} {rule:<28} {text[:110]}")
        if len(leaked) > lines:
            out.append(f"  ... {len(leaked) - lines} more leaked units")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--corpus")
    p.add_argument("--sample", type=int, default=1)
    p.add_argument("--renderer", action="append", default=[])
    p.add_argument("--show", metavar="CLASS", help="list the class's pages with their leaked units")
    p.add_argument("--n", type=int, default=20, help="pages shown with --show")
    p.add_argument("--lines", type=int, default=12, help="leaked units shown per page with --show")
    args = p.parse_args(argv)
    root = require_corpus(args.corpus)
    selection = Selection(datasets=("wcxb",), renderers=tuple(args.renderer), sample=args.sample)
    pages = [page for doc in selection.apply(load_index(root)) if (page := classify_page(doc)) is not None]
    print(table(pages))
    if args.show:
        print(show(pages, args.show, args.n, args.lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
