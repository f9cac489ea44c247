#!/usr/bin/env python
"""Evaluate articlecli (and peer extractors) on the evaluation corpus.

Metrics follow the corpus README exactly (see bench/scoring.py). Examples:

  python bench/evaluate.py                                  # articlecli, whole corpus
  python bench/evaluate.py --system articlecli --system baseline --sample 3
  python bench/evaluate.py --worst body_f1 --n 20 --renderer markdown
  python bench/evaluate.py --per-doc new.jsonl --compare old.jsonl
  python bench/evaluate.py --learn                          # also with a site profile learned from the corpus
  python bench/evaluate.py --sample 3 --write-minimums > bench/minimums.json
  python bench/evaluate.py --model none                     # the rules alone (or --model FILE: a fold model)
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    # Run as a script: make the `bench` package importable from the repo root.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articlecli.labeller import LABELLER_MODEL_ENV
from bench import gate, report
from bench.compare import compare, load_records, write_records
from bench.corpus import ENV_VAR, Doc, Selection, corpus_dir, load_index
from bench.peers import PROFILE_ENV, SYSTEMS, SystemUnavailable, check_available
from bench.runner import DEFAULT_TIMEOUT, Record, run


@dataclass
class Evaluation:
    corpus: Path
    selection: Selection
    records: list[Record]
    figures: dict[str, report.Figures]
    seconds: float


def evaluate(
    systems: Sequence[str] = ("articlecli",),
    selection: Selection | None = None,
    corpus: str | Path | None = None,
    workers: int = 2,
    timeout: float = DEFAULT_TIMEOUT,
    top_languages: int = report.TOP_LANGUAGES,
) -> Evaluation:
    """Run and score `systems` on the selected docs. Raises SystemUnavailable / FileNotFoundError."""
    selection = selection or Selection()
    root = corpus_dir(corpus)
    if not (root / "index.jsonl").is_file():
        raise FileNotFoundError(f"no evaluation corpus at {root} (use --corpus or ${ENV_VAR})")
    every = load_index(root)
    docs = selection.apply(every)
    if "articlecli-learn" in systems:
        learn_corpus_profile(every)
    check_available(systems)
    start = time.perf_counter()
    records = run(systems, docs, workers=workers, timeout=timeout)
    elapsed = time.perf_counter() - start
    figures = {name: report.aggregate([r for r in records if r["system"] == name], top_languages) for name in systems}
    return Evaluation(root, selection, records, figures, elapsed)


def learn_corpus_profile(docs: Sequence[Doc]) -> Path:
    """Learn a site profile from every dump of the corpus (not only the selected ones: the whole folder
    is what a user learns from), grouped by URL host where the index has one (as a JSON Lines or WARC
    record would), else by folder; the gold is never read. Workers find it through PROFILE_ENV."""
    import os
    import tempfile

    from articlecli.site.learn import learn_profile
    from articlecli.site.profile import save_profile

    profile = learn_profile((doc.read_text(), doc.url, doc.dataset) for doc in docs)
    handle, name = tempfile.mkstemp(prefix="articlecli-bench-", suffix=".profile.json")
    os.close(handle)
    save_profile(profile, name)
    os.environ[PROFILE_ENV] = name
    learned = sum(site.pages for site in profile.sites.values())
    print(f"learned {len(profile.sites)} sites ({learned} of {len(docs)} docs) into {name}", file=sys.stderr)
    return Path(name)


def summary_json(ev: Evaluation) -> dict[str, Any]:
    systems = {}
    for name, figures in ev.figures.items():
        own = [r for r in ev.records if r["system"] == name]
        systems[name] = {
            "metrics": figures.values,
            "n": figures.counts,
            "errors": report.errors_summary(own),
            "system_cpu_seconds": sum(r["seconds"] for r in own),
        }
    return {
        "corpus": str(ev.corpus),
        "selection": asdict(ev.selection),
        "wall_seconds": ev.seconds,
        "systems": systems,
    }


def print_report(ev: Evaluation, out: Any = sys.stdout) -> None:
    docs = len({(r["dataset"], r["id"]) for r in ev.records})
    names = list(ev.figures)
    print(f"{', '.join(names)} on {docs} docs from {ev.corpus} ({ev.seconds:.1f}s wall)", file=out)
    group_names = list(report.groups([r for r in ev.records if r["system"] == names[0]]))
    print(report.table(ev.figures, group_names), file=out)
    print(report.LEGEND, file=out)
    for name, figures in ev.figures.items():
        for line in report.footnotes(name, figures):
            print(line, file=out)
        errors = report.errors_summary([r for r in ev.records if r["system"] == name])
        if errors["count"]:
            print(f"{name}: {errors['count']} docs raised (scored as empty): {'; '.join(errors['first'])}", file=out)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.split("\n")[2:]) if __doc__ else None,
    )
    p.add_argument("--system", action="append", choices=list(SYSTEMS), help="system(s) to run (default articlecli)")
    p.add_argument(
        "--learn",
        action="store_true",
        help="also run articlecli-learn: a site profile learned from the corpus (grouped by URL host) first",
    )
    p.add_argument("--corpus", help=f"corpus directory (default ${ENV_VAR}, else ../shared/corpus)")
    sel = p.add_argument_group("document selection (filters, then --sample, then --limit)")
    sel.add_argument("--dataset", action="append", default=[])
    sel.add_argument("--renderer", action="append", default=[])
    sel.add_argument("--scope", action="append", default=[])
    sel.add_argument("--lang", action="append", default=[], help="ISO 639-1 code; 'none' for unknown")
    sel.add_argument("--sample", type=int, default=1, metavar="K", help="every K-th doc by (dataset, id)")
    sel.add_argument("--limit", type=int, metavar="N")
    p.add_argument(
        "--model",
        metavar="FILE|none",
        help="labeller model file for articlecli (a fold model), or 'none' for the rules alone "
        "(sets $ARTICLECLI_LABELLER_MODEL for the workers)",
    )
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per doc (0 = none)")
    p.add_argument("--top-langs", type=int, default=report.TOP_LANGUAGES, help="languages shown; rest = other")
    out = p.add_argument_group("outputs")
    out.add_argument("--worst", choices=list(report.WORST), help="list the worst docs for this metric")
    out.add_argument("--n", type=int, default=20, help="rows for --worst and --compare")
    out.add_argument("--json", type=Path, metavar="OUT.json", help="write all aggregate figures")
    out.add_argument("--per-doc", type=Path, metavar="OUT.jsonl", help="write per-doc scores")
    out.add_argument(
        "--compare", type=Path, metavar="OLD.jsonl", help="show docs that changed most vs a --per-doc file"
    )
    out.add_argument(
        "--write-minimums", nargs="?", const="-", metavar="PATH",
        help="suggest gate minimums (measured -0.005) for the first system: print them, or write PATH",
    )  # fmt: skip
    return p.parse_args(argv)


def _selection(args: argparse.Namespace) -> Selection:
    return Selection(
        datasets=tuple(args.dataset),
        renderers=tuple(args.renderer),
        scopes=tuple(args.scope),
        languages=tuple(args.lang),
        sample=args.sample,
        limit=args.limit,
    )


def _write_minimums(ev: Evaluation, target: str) -> None:
    system, figures = next(iter(ev.figures.items()))
    if system == gate.HTML_SYSTEM:
        text = gate.dumps(gate.suggest(figures, gate.html_gated_keys(), note=gate.NOTE_HTML))
    else:
        text = gate.dumps(gate.suggest(figures))
    if target == "-":
        sys.stdout.write(text)
    else:
        Path(target).write_text(text, encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)


def _outputs(ev: Evaluation, args: argparse.Namespace) -> None:
    if args.json:
        args.json.write_text(json.dumps(summary_json(ev), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.per_doc:
        write_records(args.per_doc, ev.records)
    if args.write_minimums:
        _write_minimums(ev, args.write_minimums)
    # With --write-minimums on stdout, the tables go to stderr so the JSON can be redirected.
    out = sys.stderr if args.write_minimums == "-" else sys.stdout
    print_report(ev, out)
    if args.worst:
        for name in ev.figures:
            print(f"\n== worst {args.worst} for {name} ==", file=out)
            print(report.worst([r for r in ev.records if r["system"] == name], args.worst, args.n), file=out)
    if args.compare:
        print(file=out)
        print(compare(load_records(args.compare), ev.records, args.n), file=out)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if hasattr(signal, "SIGPIPE"):
        # `evaluate.py | head` should end quietly, not with a BrokenPipeError traceback.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    systems = list(dict.fromkeys((args.system or ["articlecli"]) + (["articlecli-learn"] if args.learn else [])))
    if args.model:
        # Read by articlecli.labeller.decode in every worker (the pool forks after this point).
        os.environ[LABELLER_MODEL_ENV] = args.model
    try:
        ev = evaluate(systems, _selection(args), args.corpus, args.workers, args.timeout, args.top_langs)
    except (SystemUnavailable, FileNotFoundError) as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 2
    if not ev.records:
        print("evaluate: no documents selected", file=sys.stderr)
        return 2
    _outputs(ev, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
