"""Cost of hostile and large input through the CLI: wall time, peak memory, exit status, output size.

Each case is written to a temporary file and parsed by a fresh `python -m articlecli parse` process;
its CPU time and peak resident memory come from os.wait4 (the child's own rusage, interpreter start
and language model included; CPU time, unlike wall time, does not depend on what else the shared
machine is doing). Targets (issue 10): every hostile case under 5 s and 1 GB; an ordinary page in
linear time with peak memory at most 10x its size (checked at 5, 25 and 50 MB).

    python bench/hostile.py                  # every case
    python bench/hostile.py --only glued     # the cases whose name contains 'glued'
    python bench/hostile.py --only ordinary --corpus DIR   # ordinary pages built from DIR's dumps

The ordinary pages are the corpus's dumps (--corpus, else $ARTICLECLI_CORPUS, else ../shared/corpus,
as bench.corpus.corpus_dir) concatenated; without a corpus the run stops with one line.

Figures go to stdout; nothing is asserted (cost is measured here, not in unit tests).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import require_corpus

MB = 1_000_000
# The dumps an ordinary page is made of: the corpus index's first 400 (about 5 MB), repeated.
ORDINARY_PAGE_DOCS = 400
# Cases whose input is built from the corpus (the others are generated).
CORPUS_MARKS = ("ordinary page", "MB page", "stray byte")


def ordinary_page(size: int, corpus: Path | None = None) -> bytes:
    """Real article dumps of the corpus concatenated to `size` bytes: an ordinary page, large.
    The corpus is `corpus`, else bench.corpus.corpus_dir(); a missing corpus stops the run (SystemExit)."""
    root = require_corpus(corpus)
    texts = []
    for line in (root / "index.jsonl").read_text("utf-8").splitlines()[:ORDINARY_PAGE_DOCS]:
        row = json.loads(line)
        texts.append((root / row["dataset"] / f"{row['id']}.txt").read_bytes())
    out = bytearray()
    while len(out) < size:
        for text in texts:
            out += text + b"\n"
            if len(out) >= size:
                break
    return bytes(out[:size]).rsplit(b"\n", 1)[0] + b"\n"


# The corpus the ordinary pages are built from (main sets it from --corpus).
CORPUS: Path | None = None

# name -> (input bytes or a path to read, extra CLI arguments)
CASES: dict[str, Callable[[], tuple[bytes | str, list[str]]]] = {
    "glued 'aB' x 2,000,000 (4 MB, one line)": lambda: (b"aB" * 2_000_000, []),
    "glued 'aB' x 10,000,000 (20 MB, one line)": lambda: (b"aB" * 10_000_000, []),
    "glued 'aBcde' x 800,000 (4 MB, densest cuttable)": lambda: (b"aBcde" * 800_000, []),
    "glued 'Home' menus x 1,000,000 (4 MB)": lambda: (b"HomeNewsSportWorld" * 250_000, []),
    "one 4 MB word": lambda: (b"a" * 4_000_000, []),
    "1,000,000 two-letter lines (3 MB)": lambda: (b"ab\n" * 1_000_000, []),
    "400,000 lines --explain table": lambda: (
        b"Home\nNews\nSport\nA short line of text here.\n" * 100_000,
        ["--explain"],
    ),
    "10 MB page --format table": lambda: (ordinary_page(10 * MB, CORPUS), ["--format", "table"]),
    "4 MB random bytes (binary)": lambda: (os.urandom(4 * MB), []),
    "4 MB UTF-8 with a stray byte every 1 KB": lambda: (_stray_bytes(4 * MB), []),
    "/dev/zero (default size limit)": lambda: ("/dev/zero", []),
    "ordinary page 5 MB": lambda: (ordinary_page(5 * MB, CORPUS), []),
    "ordinary page 25 MB": lambda: (ordinary_page(25 * MB, CORPUS), []),
    "ordinary page 50 MB": lambda: (ordinary_page(50 * MB, CORPUS), []),
}


def _stray_bytes(size: int) -> bytes:
    page = bytearray(ordinary_page(size, CORPUS))
    for position in range(512, len(page), 1024):
        page[position] = 0xFF
    return bytes(page)


def run_case(name: str, make: Callable[[], tuple[bytes | str, list[str]]]) -> None:
    data, extra = make()
    with tempfile.TemporaryDirectory() as tmp:
        if isinstance(data, bytes):
            path = Path(tmp) / "input.txt"
            path.write_bytes(data)
            target, size = str(path), len(data)
        else:
            target, size = data, 0
        out = Path(tmp) / "out"
        with open(out, "wb") as stdout:
            start = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-m", "articlecli", "parse", target, *extra],
                stdout=stdout,
                stderr=subprocess.DEVNULL,
            )
            _, status, usage = os.wait4(child.pid, 0)
            elapsed = time.perf_counter() - start
        peak = usage.ru_maxrss * 1024  # KiB on Linux
        cpu = usage.ru_utime + usage.ru_stime
        ratio = f"{peak / size:5.1f}x" if size else "    -"
        print(
            f"{name:50} {size / MB:5.1f} MB  cpu {cpu:6.2f} s  wall {elapsed:6.2f} s  peak {peak / MB:5.0f} MB "
            f"({ratio})  exit {os.waitstatus_to_exitcode(status):3}  out {out.stat().st_size / MB:5.1f} MB",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="run the cases whose name contains this text")
    parser.add_argument("--corpus", default=None, help="corpus (default: $ARTICLECLI_CORPUS, ../shared/corpus)")
    args = parser.parse_args()
    global CORPUS
    chosen = [name for name in CASES if args.only in name]
    if any(mark in name for name in chosen for mark in CORPUS_MARKS):
        # Checked before any case runs: a missing corpus is one line, not a page built from something else.
        CORPUS = require_corpus(args.corpus)
        print(f"ordinary pages from {CORPUS}", flush=True)
    for name in chosen:
        run_case(name, CASES[name])


if __name__ == "__main__":
    main()
