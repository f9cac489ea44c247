"""Per-document comparison of two runs (``--per-doc`` files): does a change help more than it hurts?"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.runner import Record

# metric -> the predicted field worth showing next to the change
COMPARED = {"body_f1": None, "title_ratio": "title", "authors_f1": "authors", "date_acc": "published"}


def load_records(path: Path) -> list[Record]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_records(path: Path, records: Sequence[Record]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def pair_runs(old: Sequence[Record], new: Sequence[Record]) -> dict[str, tuple[dict[str, Record], dict[str, Record]]]:
    """Old and new records by doc, per new system; a single-system old run pairs with every new system."""
    old_by: dict[str, dict[str, Record]] = {}
    for r in old:
        old_by.setdefault(r["system"], {})[f"{r['dataset']}/{r['id']}"] = r
    pairs = {}
    for name in dict.fromkeys(r["system"] for r in new):
        before = old_by.get(name) or (next(iter(old_by.values())) if len(old_by) == 1 else None)
        if before is not None:
            after = {f"{r['dataset']}/{r['id']}": r for r in new if r["system"] == name}
            pairs[name] = (before, after)
    return pairs


def _deltas(before: Mapping[str, Record], after: Mapping[str, Record], metric: str) -> list[tuple[float, str]]:
    out = []
    for key in sorted(before.keys() & after.keys()):
        a, b = before[key]["scores"].get(metric), after[key]["scores"].get(metric)
        if a is not None and b is not None and a != b:
            out.append((b - a, key))
    return out


def _shown(record: Record, field: str | None) -> str:
    return "" if field is None else f"  {record['pred'][field]!r}"


def compare_metric(before: Mapping[str, Record], after: Mapping[str, Record], metric: str, count: int) -> str:
    deltas = _deltas(before, after, metric)
    common = sum(1 for k in before.keys() & after.keys() if after[k]["scores"].get(metric) is not None)
    better = sum(1 for d, _ in deltas if d > 0)
    net = sum(d for d, _ in deltas) / common if common else 0.0
    lines = [f"{metric}: {better} better, {len(deltas) - better} worse of {common} docs; mean change {net:+.4f}"]
    field = COMPARED[metric]
    for delta, key in sorted(deltas, key=lambda dk: (-abs(dk[0]), dk[1]))[:count]:
        old, new = before[key], after[key]
        line = f"  {delta:+.3f} {old['scores'][metric]:.3f}->{new['scores'][metric]:.3f} {key:<45} {new['renderer']}"
        lines.append(line)
        if field is not None:
            lines.append(f"{'':10}was{_shown(old, field)}  now{_shown(new, field)}  gold {new['gold'][field]!r}")
    return "\n".join(lines)


def compare(old: Sequence[Record], new: Sequence[Record], count: int) -> str:
    pairs = pair_runs(old, new)
    if not pairs:
        return "compare: no system of this run occurs in the old run"
    parts = []
    for name, (before, after) in pairs.items():
        parts.append(f"== changes for {name} (largest first) ==")
        parts.extend(compare_metric(before, after, metric, count) for metric in COMPARED)
    return "\n".join(parts)
