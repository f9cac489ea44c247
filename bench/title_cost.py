#!/usr/bin/env python
"""CPU the title ranker (title_rank.rerank: candidates, features, scoring) adds per page.

Every page of the corpus (or every Nth with --every) is run through the rules once; rerank is
then timed on the rules' own inputs (process CPU, best of --repeat runs per page), so the figure is
the ranker's own cost, not the noise of a whole parse. bench/train_title.py's MEASURED_MS_PER_PAGE
is this script's figure.

  python bench/title_cost.py --every 8         # ms per page, mean over every 8th page
  python bench/title_cost.py --every 8 --profile   # and the functions it spends them in
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articlecli.frontends.decoding import normalize_text
from articlecli.frontends.text import read_units
from articlecli.header.reader import MetaLineTest
from articlecli.header.title import TitlePage, find_title
from articlecli.header.title_rank import RULES_ONLY, TITLE_MODEL_ENV, _load, rerank
from articlecli.labeller.content import find_region
from articlecli.options import ParseOptions
from articlecli.pipeline import rule_stage
from articlecli.records.lexicon import lexicon_for, stopwords
from bench.corpus import corpus_dir, load_index


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--every", type=int, default=8, help="time every Nth page (default 8)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; the fastest counts (default 3)")
    parser.add_argument("--model", help="a title model file to time (default: the packaged one)")
    parser.add_argument("--corpus", help="corpus directory (default: $ARTICLECLI_CORPUS or ../shared/corpus)")
    parser.add_argument("--profile", action="store_true", help="print where rerank spends its time")
    parser.add_argument("--sort", default="tottime", help="profile order (tottime, cumulative)")
    args = parser.parse_args(argv)
    os.environ[TITLE_MODEL_ENV] = RULES_ONLY
    model = _load(args.model)
    if model is None:
        print("the packaged title model is switched off", file=sys.stderr)
        return 1
    docs = load_index(corpus_dir(args.corpus))[:: args.every]
    inputs = []
    for doc in docs:
        units, input_format = read_units(normalize_text(doc.read_text()))
        view = rule_stage(units, input_format=input_format, options=ParseOptions())
        lexicon = lexicon_for(view.language)
        region = find_region(units, view.features, bool(stopwords(view.language)))
        # As in a parse (header/reader.py): one verdict per text, shared by the rules and the ranker.
        is_meta = MetaLineTest(units, view.features, lexicon, view.language)
        verdicts = is_meta.verdicts
        scored: dict[int, tuple[float, float]] = {}
        bounds = (region.start, region.end)
        choice = find_title(units, view.features, bounds, is_meta, scored)
        inputs.append(((units, view.features, bounds, is_meta, scored, choice), verdicts, dict(verdicts)))
    total = 0.0
    for item, verdicts, after_rules in inputs:
        best = float("inf")
        for _ in range(args.repeat):
            # What the rules left in the page's verdict cache, as when rerank runs in a parse.
            verdicts.clear()
            verdicts.update(after_rules)
            # The rules' word caches warm and the page's shared facts (title.TitlePage) as the rules left
            # them, as just before rerank in a parse.
            page = TitlePage(*item[:4])
            find_title(*item[:4], {}, page)
            began = time.process_time()
            rerank(*item, model, page)
            best = min(best, time.process_time() - began)
        total += best
    print(f"{len(inputs)} pages: {1000 * total / len(inputs):.3f} ms CPU per page in title_rank.rerank")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for item, verdicts, after_rules in inputs:
            verdicts.clear()
            verdicts.update(after_rules)
            profiler.disable()
            page = TitlePage(*item[:4])
            find_title(*item[:4], {}, page)
            profiler.enable()
            rerank(*item, model, page)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
