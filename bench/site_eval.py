#!/usr/bin/env python
"""Site-aware cleaning on the site corpus: articlecli without and with a learned site profile.

Per site (one folder each, ../shared/corpus-sites/news-sites/<site>/): body word precision, recall
and F1, title exact, and the template leak, for four runs:

  none    no profile
  folder  the profile learned from the whole folder, as `articlecli learn <site>/` then `parse --profile`
          (the page itself is among the learned pages: this is how a user cleans a scraped folder)
  split   two halves (alternate pages, so each half spans every year): learn on one, apply to the other
  loo     leave one out: each page with a profile learned from the site's other pages

Learning reads only the .txt dumps, never the gold. Template leak: body lines per page that are template
(their key is in the folder profile) and not a line of the gold body.

  python bench/site_eval.py
  python bench/site_eval.py --min-share 0.3 --runs none,folder
  python bench/site_eval.py --markdown        # the README table
  python bench/site_eval.py --speed           # learning and parsing throughput
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import mean

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articlecli import ParseOptions, parse_text
from articlecli.site.keys import site_key
from articlecli.site.learn import MIN_SHARE, ProfileLearner, page_keys
from articlecli.site.profile import SiteProfile
from bench.corpus import REPO, Doc, load_index
from bench.peers import prediction_from_article
from bench.scoring import body_scores, n, title_scores

# Next to the repository (a checkout beside shared/), or next to the worktrees folder.
SITES_CANDIDATES = (REPO.parent / "shared" / "corpus-sites", REPO.parent.parent / "shared" / "corpus-sites")
DEFAULT_SITES = next((path for path in SITES_CANDIDATES if path.is_dir()), SITES_CANDIDATES[0])
RUNS = ("none", "folder", "split", "loo")


def learned(site: str, pages: Sequence[set[str]], min_share: float) -> SiteProfile:
    learner = ProfileLearner(min_share=min_share)
    for keys in pages:
        learner.add_keys(site, keys)
    return learner.profile().sites[site]


def leak(body: str, reference: SiteProfile, gold_lines: set[str]) -> int:
    return sum(
        1
        for line in body.split("\n")
        if line.strip() and reference.share(site_key(line)) is not None and n(line) not in gold_lines
    )


def evaluate_site(site: str, docs: list[Doc], runs: Sequence[str], min_share: float) -> dict[str, dict[str, float]]:
    texts = [doc.read_text() for doc in docs]
    golds = [doc.read_gold() for doc in docs]
    keys = [page_keys(text) for text in texts]
    folder = learned(site, keys, min_share)
    count = len(docs)
    halves = [[i for i in range(count) if i % 2 == part] for part in (0, 1)]
    split = [learned(site, [keys[i] for i in halves[1 - part]], min_share) for part in (0, 1)]
    profile_for: dict[str, Callable[[int], SiteProfile | None]] = {
        "none": lambda i: None,
        "folder": lambda i: folder,
        "split": lambda i: split[i % 2],
        "loo": lambda i: learned(site, keys[:i] + keys[i + 1 :], min_share),
    }
    table: dict[str, dict[str, float]] = {}
    for run in runs:
        rows: dict[str, list[float]] = defaultdict(list)
        for i, (doc, text, gold) in enumerate(zip(docs, texts, golds, strict=True)):
            profile = profile_for[run](i)
            article = parse_text(text, source=str(doc.text_path), options=ParseOptions(site=profile))
            pred = prediction_from_article(article)
            body = body_scores(pred.body, gold)
            rows["P"].append(body["body_p"] or 0.0)
            rows["R"].append(body["body_r"] or 0.0)
            rows["F1"].append(body["body_f1"] or 0.0)
            exact = title_scores(pred.title, gold)["title_exact"]
            if exact is not None:
                rows["Tex"].append(exact)
            gold_lines = {n(line) for line in (gold.get("body") or "").split("\n")}
            rows["leak"].append(leak(pred.body, folder, gold_lines))
            rows["template"].append(len(profile.template) if profile else 0)
        table[run] = {name: mean(values) for name, values in rows.items()}
    return table


def speed(by_site: dict[str, list[Doc]], min_share: float) -> None:
    """Learning throughput (pages/s, front end and counting), and parse throughput without and with the
    site's profile (docs/s), in CPU seconds of this process."""
    texts = {site: [doc.read_text() for doc in sorted(docs)] for site, docs in by_site.items()}
    start = time.process_time()
    learner = ProfileLearner(min_share=min_share)
    for site, site_pages in texts.items():
        for text in site_pages:
            learner.add(text, group=site)
    learn_seconds = time.process_time() - start
    profile = learner.profile()
    pages = sum(len(p) for p in texts.values())
    rate = pages / learn_seconds
    print(f"learn: {pages} pages in {learn_seconds:.2f} s CPU ({rate:.0f} pages/s), peak keys kept {learner.peak_kept}")
    for label in ("without", "with"):
        start = time.process_time()
        for site, site_texts in texts.items():
            options = ParseOptions(site=profile.sites[site] if label == "with" else None)
            for text in site_texts:
                parse_text(text, options=options)
        seconds = time.process_time() - start
        print(f"parse {label} profile: {pages / seconds:.1f} docs/s CPU")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--corpus", type=Path, default=DEFAULT_SITES)
    p.add_argument("--runs", default=",".join(RUNS), help=f"comma-separated, of {', '.join(RUNS)}")
    p.add_argument("--min-share", type=float, default=MIN_SHARE)
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")
    p.add_argument("--speed", action="store_true", help="measure learning and parsing throughput instead")
    args = p.parse_args(argv)
    runs = [run for run in args.runs.split(",") if run]
    if not (args.corpus / "index.jsonl").is_file() or any(run not in RUNS for run in runs):
        print(f"site_eval: no site corpus at {args.corpus}, or an unknown run", file=sys.stderr)
        return 2
    by_site: dict[str, list[Doc]] = defaultdict(list)
    for doc in load_index(args.corpus):
        by_site[doc.id.split("/")[0]].append(doc)
    if args.speed:
        speed(by_site, args.min_share)
        return 0
    columns = ("P", "R", "F1", "Tex", "leak", "template")
    if args.markdown:
        print("| site | run | body P | body R | body F1 | title exact | template leak (lines/page) | template lines |")
        print("|---|---|---|---|---|---|---|---|")
    else:
        print(f"{'site':10} {'run':7} {'docs':>4} " + " ".join(f"{c:>8}" for c in columns))
    for site in sorted(by_site):
        docs = sorted(by_site[site])
        for run, figures in evaluate_site(site, docs, runs, args.min_share).items():
            if args.markdown:
                cells = [f"{figures[c]:.3f}" for c in ("P", "R", "F1", "Tex")]
                cells += [f"{figures['leak']:.2f}", f"{figures['template']:.0f}"]
                print(f"| {site} | {run} | " + " | ".join(cells) + " |")
            else:
                print(f"{site:10} {run:7} {len(docs):>4} " + " ".join(f"{figures[c]:8.3f}" for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
