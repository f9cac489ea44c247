"""Speed benchmarks: CLI start-to-finish on the seed, library throughput, linear scaling, and
adversarial lines (one glued line with thousands of joins, dates or links) that once took
super-linear time.

    python bench/speed.py                 # all four
    python bench/speed.py --only cli
    python bench/speed.py --only startup  # where the CLI's CPU goes: start-up, imports, model, parse
    python bench/speed.py --only instructions  # the CLI process's instructions on the seed (valgrind)
    python bench/speed.py --only throughput --limit 300 --profile 40   # where the time goes
    python bench/speed.py --only throughput --confidence                # with the learned labeller
    python bench/speed.py --only header   # the header stage's share of it, step by step

Figures go to stdout; nothing is asserted (speed is measured here, not in unit tests). Times are CPU
time of this process (the CLI's: of its child), so a machine shared with other work does not skew
them; the CLI's wall time is printed too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import require_corpus

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c2ad19efbe191da2.txt"


# The CLI runs below start in this tree's folder, which `-c` and `-m` put first on sys.path: they time this
# tree's package whatever the caller's folder (a baseline worktree's bench times the baseline).
# `python -m articlecli parse SEED`, which also writes the CPU of the CLI's own process to stderr at exit:
# the CLI's whole CPU (what the parent of the process sees) includes its language model's helper process,
# which runs beside it on another core.
_CLI_RUN = """
import atexit, os, resource, runpy, sys
def report():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    os.write(2, f"self-cpu {{usage.ru_utime + usage.ru_stime}}\\n".encode())
atexit.register(report)
sys.argv = ["articlecli", "parse", {seed!r}]
runpy.run_module("articlecli", run_name="__main__", alter_sys=True)
"""


def bench_cli(runs: int) -> None:
    times = []
    cpu_times = []
    own_cpu_times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _CLI_RUN.format(seed=str(SEED))],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        own_cpu_times.append(float(proc.stderr.split("self-cpu ")[-1]))
    # The CPU time of the process is the figure to compare on a shared machine: the wall time also
    # counts the time other processes had the cores. With a second core free, the wall time follows
    # the CLI process's own CPU: the language model's helper loads beside it.
    print(
        f"cli: seed parsed end to end, median {statistics.median(times):.3f} s, min {min(times):.3f} s wall, "
        f"median {statistics.median(cpu_times):.3f} s CPU (the CLI process itself "
        f"{statistics.median(own_cpu_times):.3f} s, the rest its language model's helper) over {runs} runs"
    )


# Times each step of a one-page CLI run in a fresh interpreter, in the order the CLI takes them (the
# language model in this process: the CLI loads it in a helper process, beside the imports).
_STARTUP_STEPS = """
import time
clock = time.process_time
marks = [("interpreter start-up (CPU before the first line)", clock())]
import click
marks.append(("click and the standard library it imports", clock()))
import articlecli.cli
marks.append(("articlecli.cli: errors, model, options", clock()))
import articlecli.api
marks.append(("the pipeline's modules (articlecli.api)", clock()))
from articlecli.records.language import _model
_model()
marks.append(("the fastText language model (in the CLI: its helper process)", clock()))
from articlecli.api import parse_file
article = parse_file({seed!r})
marks.append(("the parse: phrase lists, first use of the patterns, the page", clock()))
from articlecli.render.json_out import iter_json
"".join(iter_json(article))
marks.append(("the JSON record", clock()))
print(f"{{marks[0][1] * 1000:6.1f}} ms  {{marks[0][0]}}")
for (_, before), (label, after) in zip(marks, marks[1:]):
    print(f"{{(after - before) * 1000:6.1f}} ms  {{label}}")
print(f"{{marks[-1][1] * 1000:6.1f}} ms  in all")
"""


def bench_startup(runs: int) -> None:
    """Where a one-page CLI run's CPU goes: each step timed in a fresh interpreter; the run with the median total."""
    outputs = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-c", _STARTUP_STEPS.format(seed=str(SEED))],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        outputs.append(proc.stdout)
    outputs.sort(key=lambda out: float(out.splitlines()[-1].split()[0]))
    print(f"startup: the run with the median CPU of {runs}, each step's CPU")
    print(outputs[len(outputs) // 2], end="")


def bench_instructions() -> None:
    """Instructions the CLI process executes on the seed, counted by valgrind's callgrind.

    On a machine shared with other work, CPU time varies by a tenth from run to run, more than a
    start-up step saves; the instruction count is the same in every run (hash seed fixed, bytecode
    cached by a first run). The language model's helper process is not counted: it is not traced.
    """
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed (apt-get install valgrind)")
        return
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "articlecli", "parse", str(SEED)]
    subprocess.run(command, env=env, capture_output=True, check=False, cwd=ROOT)
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if found is None:
        print(f"instructions: valgrind gave no count (exit {proc.returncode})")
        return
    print(f"instructions: the CLI process on the seed, {int(found.group(1)) / 1e6:.1f} M instructions (callgrind)")


def _corpus_texts(corpus: Path, low: int, high: int, limit: int) -> list[str]:
    texts = []
    for line in (corpus / "index.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        text = (corpus / row["dataset"] / f"{row['id']}.txt").read_text("utf-8")
        if low <= len(text.encode("utf-8")) <= high:
            texts.append(text)
        if len(texts) >= limit:
            break
    return texts


def profile_throughput(corpus: Path, limit: int, top: int) -> None:
    """Where the library's time goes: cProfile (CPU time) over the throughput documents, by cumulative time.

    The profiler's own cost inflates functions called often; compare the figures with each other.
    """
    import cProfile
    import pstats

    from articlecli import parse_text

    texts = _corpus_texts(corpus, 5_000, 50_000, limit)
    parse_text(texts[0])
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for text in texts:
        parse_text(text)
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(r"articlecli", top)


# The once-per-page calls timed by --stages: (module, function name, label).
_STAGES = (
    ("articlecli.api", "normalize_lines", "normalize"),
    ("articlecli.api", "read_lines", "text front end"),
    ("articlecli.pipeline", "detect_language_by_vote", "language vote"),
    ("articlecli.pipeline", "build_records", "records"),
    ("articlecli.pipeline", "find_region", "region"),
    ("articlecli.pipeline", "parse_header", "header"),
    ("articlecli.pipeline", "_label_body", "body labels"),
    ("articlecli.pipeline", "article_from", "decisions, sections"),
)


def stage_throughput(corpus: Path, limit: int) -> None:
    """CPU per page of each stage, timed around its call over the throughput documents (the rest is
    "other"). A stage's figure includes the cycle collections that fall due inside it."""
    import importlib
    from collections import defaultdict
    from collections.abc import Callable

    from articlecli import parse_text

    spent: dict[str, float] = defaultdict(float)

    def timed(function: Callable[..., object], label: str) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start

        return call

    originals = []
    for module_name, name, label in _STAGES:
        module = importlib.import_module(module_name)
        originals.append((module, name, getattr(module, name)))
        setattr(module, name, timed(getattr(module, name), label))
    try:
        texts = _corpus_texts(corpus, 5_000, 50_000, limit)
        parse_text(texts[0])
        spent.clear()
        start = time.process_time()
        for text in texts:
            parse_text(text)
        total = time.process_time() - start
    finally:
        for module, name, function in originals:
            setattr(module, name, function)
    print(
        f"stages: {total / len(texts) * 1000:.2f} ms/doc of CPU over {len(texts)} dumps "
        f"({len(texts) / total:.0f} docs/s)"
    )
    for label, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {label:22s} {seconds / len(texts) * 1000:6.2f} ms/doc")
    print(f"  {'other':22s} {(total - sum(spent.values())) / len(texts) * 1000:6.2f} ms/doc")


def bench_throughput(corpus: Path, limit: int, confidence: bool = False) -> None:
    from articlecli import ParseOptions, parse_text

    options = ParseOptions(confidence=confidence)

    texts = _corpus_texts(corpus, 5_000, 50_000, limit)
    parse_text(texts[0], options=options)  # load models and phrase lists once, as a long-running process would
    # CPU time, not wall time: the figure should not depend on what else the machine is doing.
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    for text in texts:
        parse_text(text, options=options)
    cpu, wall = time.process_time() - start_cpu, time.perf_counter() - start_wall
    size = sum(len(t) for t in texts) / len(texts) / 1000
    print(
        f"throughput: {len(texts) / cpu:.0f} docs/s of CPU time on one core ({len(texts) / wall:.0f} by wall clock; "
        f"{len(texts)} corpus dumps of 5-50 KB, mean {size:.1f} K chars{'; --confidence' if confidence else ''})"
    )


# The steps of the header stage (header/reader.parse_header), each a name of header/reader.py timed around its
# calls: (name, label, depth); a step of depth 1 runs inside the step of depth 0 above it.
_HEADER_STEPS = (
    ("_find_title", "title search (rules and ranker)", 0),
    ("is_meta_line", "metadata-line test of title candidates", 1),
    ("nearest_byline", "nearest byline in the window", 0),
    ("_read_meta_line", "metadata lines of the window", 0),
    ("unglue_labels", "unglue_labels", 1),
    ("take_dates", "take_dates (date lines)", 1),
    ("label_above", "label_above", 1),
    ("_find_authors_elsewhere", "author fallbacks (18 rules, until one finds)", 0),
    ("find_byline_anywhere", "find_byline_anywhere", 1),
    ("find_dated_byline_anywhere", "find_dated_byline_anywhere", 1),
    ("find_name_beside_any_date", "find_name_beside_any_date", 1),
    ("find_name_glued_to_date", "find_name_glued_to_date", 1),
    ("find_name_above_role", "find_name_above_role", 1),
    ("find_glued_byline", "find_glued_byline", 1),
    ("find_author_link", "find_author_link", 1),
    ("cut_names_at_page_lines", "name tidying", 0),
    ("tidy_names", "name tidying", 0),
    ("tidy_glued_names", "name tidying", 0),
    ("prefer_nearest_date", "date choices in the window", 0),
    ("prefer_date_beside_title", "date choices in the window", 0),
    ("find_loose_dates", "date choices in the window", 0),
    ("find_fallback_date", "fallback date searches (page-wide)", 0),
    ("prefer_original_date", "original-date sentence", 0),
    ("mark_category_lines", "category line", 0),
)


def bench_header(corpus: Path, limit: int) -> None:
    """CPU time of the header stage (header/reader.parse_header) per document over the throughput dumps,
    and of its steps (_HEADER_STEPS), each timed around its call. The pages are parsed twice and the second
    pass timed: the first loads what a long-running process loads once (other languages' month names, the
    patterns of rare rules). The timers' own cost (about a microsecond a call) is in the figures."""
    import articlecli.header.reader as reader
    import articlecli.pipeline as pipeline
    from articlecli import parse_text

    texts = _corpus_texts(corpus, 5_000, 50_000, limit)
    spent: dict[str, float] = {}

    def timed(function: Any, label: str) -> Any:
        def run(*args: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start

        return run

    originals = [(pipeline, "parse_header", pipeline.parse_header)]
    originals += [(reader, name, getattr(reader, name)) for name, _, _ in _HEADER_STEPS]
    pipeline.parse_header = timed(pipeline.parse_header, "header")  # type: ignore[assignment]
    for name, label, _ in _HEADER_STEPS:
        setattr(reader, name, timed(getattr(reader, name), label))
    try:
        for text in texts:
            parse_text(text)
        spent.clear()
        start = time.process_time()
        for text in texts:
            parse_text(text)
        total = time.process_time() - start
    finally:
        for module, name, function in originals:
            setattr(module, name, function)
    per_doc = {label: seconds / len(texts) * 1000 for label, seconds in spent.items()}
    print(
        f"header: {per_doc['header']:.2f} ms/doc of CPU, of {total / len(texts) * 1000:.2f} ms/doc for the whole "
        f"parse ({len(texts)} corpus dumps of 5-50 KB, the second of two passes); its steps:"
    )
    shown = set()
    for _, label, depth in _HEADER_STEPS:
        if label not in shown:
            shown.add(label)
            print(f"  {'  ' * depth}{label:{44 - 2 * depth}s} {per_doc.get(label, 0.0):6.2f} ms/doc")
    top = {label for _, label, depth in _HEADER_STEPS if depth == 0}
    rest = per_doc["header"] - sum(per_doc.get(label, 0.0) for label in top)
    print(f"  {'the rest (orchestration, labels)':44s} {rest:6.2f} ms/doc")


def bench_scaling() -> None:
    from articlecli import parse_text

    base = SEED.read_text("utf-8")
    for megabytes in (1, 10):
        text = (base + "\n\n") * max(1, megabytes * 1_000_000 // len(base))
        start = time.process_time()
        parse_text(text)
        elapsed = time.process_time() - start
        print(f"scaling: {len(text) / 1e6:.1f} MB in {elapsed:.2f} s of CPU ({len(text) / 1e6 / elapsed:.2f} MB/s)")


# Each input doubles in size from the first to the second run: a linear parser about doubles its time.
ADVERSARIAL = {
    "camelCase joins in one word": lambda n: "aB" * n,
    "byline glued to labels": lambda n: "ByJohn" + "xxPublished" * n,
    "dates inside links": lambda n: " ".join(
        f"https://x.com/2023/03/{i % 28 + 1}/a 2023-03-{i % 28 + 1:02d}" for i in range(n)
    ),
    "title with glued pieces": lambda n: "# Big News Story Today" + "abCd" * n + "\n\nSome prose text of the body.",
    # gap-cut on a glued page: a run of spaces tens of thousands long, once scanned from each of its characters.
    "glued page with a long gap": lambda n: "One sentence ends.Next" * n + " " * (50 * n) + "The end.",
    # A page joined onto one line with spaces (bs4 get_text(" ")), cut by frontends/segment.py: the seed's
    # lines on one line, n // 40 times; and a wall of menu words with no sentence end (one head of n * 25 words).
    "space-joined page on one line": lambda n: " ".join(SEED.read_text("utf-8").split()) * (n // 40),
    "wall of menu words": lambda n: "Home News Sport By Jane Doe March 3, 2024 Related Posts " * (n * 2),
}


def bench_adversarial() -> None:
    from articlecli import parse_text

    for name, make in ADVERSARIAL.items():
        times = []
        for n in (4000, 8000):
            text = make(n)
            start = time.process_time()
            parse_text(text)
            times.append(time.process_time() - start)
        print(f"adversarial: {name}: {len(make(4000)) // 1000} K chars {times[0]:.2f} s, x2 {times[1]:.2f} s of CPU")


# A saved article repeated inside one page, to the sizes a crawler may hand over; plus the
# pathological pages of the HTML front end (tests/test_html_input.py checks them for errors).
HTML_ROW = (
    "<div class='row'><h2>Harbour news</h2><p>The city council voted on Tuesday to close the old harbour "
    "bridge to cars from next spring, after engineers warned that the structure could no longer carry "
    "heavy traffic safely. <a href='/more'>Read more</a></p><ul><li>One</li><li>Two</li></ul></div>\n"
)


def bench_html() -> None:
    from articlecli import parse_html
    from articlecli.errors import ArticleError

    pages = {}
    for megabytes in (5, 50):
        rows = HTML_ROW * (megabytes * 1_000_000 // len(HTML_ROW))
        pages[f"{megabytes} MB page"] = f"<!DOCTYPE html><html><body>{rows}</body></html>"
    pages["100,000 nested divs"] = "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>"
    pages["100,000 unclosed <b>"] = "<html><body>" + "<b>" * 100_000 + "x"
    for name, markup in pages.items():
        start = time.perf_counter()
        try:
            parse_html(markup)
            outcome = "parsed"
        except ArticleError as exc:
            outcome = f"refused (exit {exc.exit_code}: {exc})"
        print(f"html: {name}: {time.perf_counter() - start:.2f} s, {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--only", choices=("cli", "startup", "instructions", "throughput", "header", "scaling", "adversarial", "html")
    )
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--corpus", default=None, help="corpus (default: $ARTICLECLI_CORPUS, ../shared/corpus)")
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument(
        "--confidence", action="store_true", help="with throughput: parse with the learned labeller on (--confidence)"
    )
    parser.add_argument(
        "--profile", type=int, metavar="N", help="with --only throughput: print the N costliest articlecli functions"
    )
    parser.add_argument(
        "--stages", action="store_true", help="with --only throughput: CPU per page of each stage of the parse"
    )
    args = parser.parse_args()
    # Checked before anything runs: a missing corpus is one line, never a run over something else.
    needs_corpus = args.stages or args.profile or args.only in (None, "throughput", "header")
    corpus = require_corpus(args.corpus) if needs_corpus else None
    if args.stages:
        assert corpus is not None
        stage_throughput(corpus, args.limit)
        return
    if args.profile:
        assert corpus is not None
        profile_throughput(corpus, args.limit, args.profile)
        return
    if args.only in (None, "cli"):
        bench_cli(args.runs)
    if args.only == "startup":
        bench_startup(args.runs)
    if args.only == "instructions":
        bench_instructions()
    if corpus is not None and args.only in (None, "throughput"):
        bench_throughput(corpus, args.limit, args.confidence)
    if corpus is not None and args.only == "header":
        bench_header(corpus, args.limit)
    if args.only in (None, "scaling"):
        bench_scaling()
    if args.only in (None, "adversarial"):
        bench_adversarial()
    if args.only in (None, "html"):
        bench_html()


if __name__ == "__main__":
    main()
