"""Aggregating per-document records into the README's figures, and printing them.

Aggregate figures are flat ``"<group>.<metric>"`` keys (``all.body_f1``,
``wcxb.title_exact``, ``renderer:markdown.body_f1``, ``scope:page.with_hit``,
``lang:de.date_acc``) so the JSON output diffs cleanly and the gate's
minimums file is one line per figure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.runner import Record

# Macro-averaged over the docs where each is defined (not None).
MACRO = (
    "title_exact", "title_lenient", "authors_p", "authors_r", "authors_f1", "authors_exact",
    "date_acc", "date_wrong", "headings_p", "headings_r", "headings_f1",
    "body_p", "body_r", "body_f1", "shingle_p", "shingle_r", "shingle_f1", "cjk_p", "cjk_r", "cjk_f1",
    "coverage",
)  # fmt: skip
# Summed over the corpus (micro), as trafilatura's evaluation does.
MICRO = {"with_hit": "hit", "without_leak": "leak"}
LOWER_IS_BETTER = frozenset({"date_wrong", "without_leak", "error_rate"})
TOP_LANGUAGES = 5


@dataclass
class Figures:
    """Aggregate values and the number of documents behind each, keyed "<group>.<metric>"."""

    values: dict[str, float | None] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def put(self, key: str, value: float | None, count: int) -> None:
        self.values[key] = value
        self.counts[key] = count


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _hm(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def aggregate_group(records: Sequence[Record], group: str, out: Figures) -> None:
    for metric in MACRO:
        defined = [r["scores"][metric] for r in records if r["scores"].get(metric) is not None]
        out.put(f"{group}.{metric}", _mean(defined), len(defined))
    for metric, stem in MICRO.items():
        rows = [r["scores"] for r in records if r["scores"].get(f"{stem}_total")]
        total = sum(s[f"{stem}_total"] for s in rows)
        found = sum(s[f"{stem}_found"] for s in rows)
        out.put(f"{group}.{metric}", found / total if total else None, len(rows))
    # scrapinghub-style F1: harmonic mean of macro P and macro R (for published comparisons).
    for stem in ("body", "shingle"):
        f1 = _hm(out.values[f"{group}.{stem}_p"], out.values[f"{group}.{stem}_r"])
        out.put(f"{group}.{stem}_f1_hm", f1, out.counts[f"{group}.{stem}_r"])
    seconds = sum(r["seconds"] for r in records)
    errors = sum(1 for r in records if r["error"])
    out.put(f"{group}.docs", float(len(records)), len(records))
    out.put(f"{group}.error_rate", errors / len(records) if records else None, len(records))
    out.put(f"{group}.docs_per_s", len(records) / seconds if seconds > 0 else None, len(records))


def top_languages(records: Iterable[Record], top: int = TOP_LANGUAGES) -> list[str]:
    counts = Counter(r["language"] or "none" for r in records)
    return [lang for lang, _ in counts.most_common(top)]


def groups(records: Sequence[Record], top: int = TOP_LANGUAGES) -> dict[str, list[Record]]:
    """All, per dataset, per renderer, per scope, per top language (+ 'other'), in display order."""
    keep = set(top_languages(records, top))
    buckets: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        lang = r["language"] or "none"
        for name in ("all", r["dataset"], f"renderer:{r['renderer']}", f"scope:{r['scope']}"):
            buckets[name].append(r)
        buckets[f"lang:{lang if lang in keep else 'other'}"].append(r)
    order = ["all", *sorted(k for k in buckets if ":" not in k and k != "all")]
    for prefix in ("renderer:", "scope:", "lang:"):
        names = sorted(k for k in buckets if k.startswith(prefix))
        order += sorted(names, key=lambda k: (k.endswith(":other"), -len(buckets[k]), k))
    return {name: buckets[name] for name in order}


def aggregate(records: Sequence[Record], top: int = TOP_LANGUAGES) -> Figures:
    out = Figures()
    for name, rows in groups(records, top).items():
        aggregate_group(rows, name, out)
    return out


def errors_summary(records: Sequence[Record], first: int = 5) -> dict[str, Any]:
    failed = [r for r in records if r["error"]]
    return {
        "count": len(failed),
        "first": [f"{r['dataset']}/{r['id']}: {r['error']}" for r in failed[:first]],
    }


# --- tables --------------------------------------------------------------------


def fmt(value: float | None) -> str:
    """A [0,1] figure in 4 characters (".715", "1.00"); '-' when undefined."""
    if value is None:
        return "-"
    text = f"{value:.3f}"
    return text[1:] if text.startswith("0") else f"{value:.2f}"


@dataclass(frozen=True)
class Column:
    label: str
    metric: str
    count: bool = False  # show the doc count behind `metric` instead of its value


COLUMNS = (
    Column("docs", "docs", count=True),
    Column("Tex", "title_exact"), Column("Tlen", "title_lenient"), Column("n", "title_exact", count=True),
    Column("AP", "authors_p"), Column("AR", "authors_r"), Column("AF1", "authors_f1"),
    Column("Aex", "authors_exact"), Column("n", "authors_r", count=True),
    Column("Dacc", "date_acc"), Column("n", "date_acc", count=True),
    Column("Dwr", "date_wrong"), Column("n", "date_wrong", count=True),
    Column("HP", "headings_p"), Column("HR", "headings_r"), Column("HF1", "headings_f1"),
    Column("n", "headings_r", count=True),
    Column("wP", "body_p"), Column("wR", "body_r"), Column("wF1", "body_f1"),
    Column("sP", "shingle_p"), Column("sR", "shingle_r"), Column("sF1", "shingle_f1"),
    Column("n", "body_f1", count=True),
    Column("hit", "with_hit"), Column("n", "with_hit", count=True),
    Column("leak", "without_leak"), Column("n", "without_leak", count=True),
    Column("cov", "coverage"), Column("err", "error_rate"), Column("doc/s", "docs_per_s"),
)  # fmt: skip

LEGEND = (
    "T=title exact/lenient  A=authors P/R/F1/exact  Dacc=date accuracy  Dwr=wrong-date rate (lower is better)  "
    "H=headings P/R/F1\nw=body bag-of-words P/R/F1 (WCXB)  s=body 4-shingle P/R/F1  hit=with-snippets found  "
    "leak=without-snippets found (lower is better)  cov=non-empty body  err=system errors  "
    "doc/s=single-core system throughput  n=docs behind the figure to its left"
)


def _cell(column: Column, figures: Figures, group: str) -> str:
    key = f"{group}.{column.metric}"
    if column.count:
        return str(figures.counts.get(key, 0))
    value = figures.values.get(key)
    if column.metric == "docs_per_s":
        return "-" if value is None else f"{value:.0f}" if value >= 10 else f"{value:.1f}"
    return fmt(value)


def table(by_system: Mapping[str, Figures], group_names: Sequence[str]) -> str:
    """One row per (group, system); a blank line between group families."""
    multi = len(by_system) > 1
    head = ["group", *(["system"] if multi else []), *(c.label for c in COLUMNS)]
    rows: list[list[str] | None] = []
    family = None
    for group in group_names:
        this_family = group.split(":")[0] if ":" in group else ("all" if group == "all" else "dataset")
        if family is not None and this_family != family:
            rows.append(None)
        family = this_family
        for name, figures in by_system.items():
            cells = [_cell(c, figures, group) for c in COLUMNS]
            rows.append([group, *([name] if multi else []), *cells])
    return _render([head, *rows], left=2 if multi else 1)


def _render(rows: Sequence[list[str] | None], left: int) -> str:
    present = [r for r in rows if r is not None]
    widths = [max(len(r[i]) for r in present) for i in range(len(present[0]))]
    lines = []
    for row in rows:
        if row is None:
            lines.append("")
            continue
        cells = [c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        lines.append(" ".join(cells).rstrip())
    return "\n".join(lines)


def footnotes(name: str, figures: Figures) -> list[str]:
    v, c = figures.values, figures.counts
    return [
        f"{name}: scrapinghub-style F1 (hm of macro P, R): words {fmt(v['all.body_f1_hm'])}, "
        f"shingles {fmt(v['all.shingle_f1_hm'])}; zh/ja per-character body P/R/F1 "
        f"{fmt(v['all.cjk_p'])}/{fmt(v['all.cjk_r'])}/{fmt(v['all.cjk_f1'])} (n={c['all.cjk_f1']})"
    ]


# --- worst documents -------------------------------------------------------------

SortKey = Callable[[Record], tuple[float, ...] | None]


def _score(metric: str, worse_high: bool = False) -> SortKey:
    def key(r: Record) -> tuple[float, ...] | None:
        value = r["scores"].get(metric)
        if value is None:
            return None
        return (-value if worse_high else value, -r["scores"]["gold_tokens"])

    return key


def _snippet_rate(stem: str, worse_high: bool) -> SortKey:
    def key(r: Record) -> tuple[float, ...] | None:
        total = r["scores"].get(f"{stem}_total")
        if not total:
            return None
        rate = r["scores"][f"{stem}_found"] / total
        return (-rate if worse_high else rate, -total)

    return key


def _date_key(r: Record) -> tuple[float, ...] | None:
    acc = r["scores"].get("date_acc")
    # A wrong date is worse than a missing one.
    return None if acc is None else (acc, -r["scores"]["date_wrong"])


WORST: dict[str, SortKey] = {
    "title": _score("title_ratio"),
    "authors": _score("authors_f1"),
    "date": _date_key,
    "headings": _score("headings_f1"),
    **{m: _score(m) for m in ("body_f1", "body_p", "body_r", "shingle_f1", "shingle_p", "shingle_r")},
    "hit": _snippet_rate("hit", worse_high=False),
    "leak": _snippet_rate("leak", worse_high=True),
}
SHOWN = {"title": "title", "authors": "authors", "date": "published"}


def _doc_line(score: str, r: Record) -> str:
    where = f"{r['dataset']}/{r['id']}"
    return f"{score:>7} {where:<50} {r['renderer']:<10} {r['scope']:<9} {r['language'] or '-':<4} {r['path']}"


def worst(records: Sequence[Record], metric: str, count: int) -> str:
    key = WORST[metric]
    scored = [(k, r) for r in records if (k := key(r)) is not None]
    scored.sort(key=lambda kr: (kr[0], kr[1]["dataset"], kr[1]["id"]))
    lines = [f"{'score':>7} {'dataset/id':<50} {'renderer':<10} {'scope':<9} lang path"]
    for k, r in scored[:count]:
        lines.append(_doc_line(f"{abs(k[0]):.3f}", r))
        if metric in SHOWN:
            field_name = SHOWN[metric]
            lines.append(f"{'':8}gold: {r['gold'][field_name]!r}")
            lines.append(f"{'':8}pred: {r['pred'][field_name]!r}")
        elif metric.startswith(("body", "shingle")):
            lines.append(f"{'':8}tokens: gold {r['scores']['gold_tokens']}, output {r['scores']['pred_tokens']}")
    lines.append(f"({len(scored)} docs have {metric} defined)")
    return "\n".join(lines)
