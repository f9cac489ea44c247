"""Cost of hostile and large input through the CLI: wall time, peak memory, exit status, output size.

Each case is written to a temporary file and parsed by a fresh `python -m articlecli parse` process;
its CPU time and peak resident memory come from os.wait4 (the child's own rusage, interpreter start
and language model included; CPU time, unlike wall time, does not depend on what else the shared
machine is doing). Targets (issue 10): every hostile case under 5 s and 1 GB; an ordinary page in
linear time with peak memory at most 10x its size (checked at 5, 25 and 50 MB).

    python bench/hostile.py                  # every case
    python bench/hostile.py --only glued     # the cases whose name contains 'glued'

Figures go to stdout; nothing is asserted (cost is measured here, not in unit tests).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c2ad19efbe191da2.txt"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1_000_000


def ordinary_page(size: int) -> bytes:
    """Real article dumps (the corpus, else the seed) concatenated to `size` bytes: an ordinary page, large."""
    index = DEFAULT_CORPUS / "index.jsonl"
    texts: list[bytes] = []
    if index.exists():
        import json

        for line in index.read_text("utf-8").splitlines()[:400]:
            row = json.loads(line)
            texts.append((DEFAULT_CORPUS / row["dataset"] / f"{row['id']}.txt").read_bytes())
    texts = texts or [SEED.read_bytes()]
    out = bytearray()
    while len(out) < size:
        for text in texts:
            out += text + b"\n"
            if len(out) >= size:
                break
    return bytes(out[:size]).rsplit(b"\n", 1)[0] + b"\n"


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
    "10 MB page --format table": lambda: (ordinary_page(10 * MB), ["--format", "table"]),
    "4 MB random bytes (binary)": lambda: (os.urandom(4 * MB), []),
    "4 MB UTF-8 with a stray byte every 1 KB": lambda: (_stray_bytes(4 * MB), []),
    "/dev/zero (default size limit)": lambda: ("/dev/zero", []),
    "ordinary page 5 MB": lambda: (ordinary_page(5 * MB), []),
    "ordinary page 25 MB": lambda: (ordinary_page(25 * MB), []),
    "ordinary page 50 MB": lambda: (ordinary_page(50 * MB), []),
}


def _stray_bytes(size: int) -> bytes:
    page = bytearray(ordinary_page(size))
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
    args = parser.parse_args()
    for name, make in CASES.items():
        if args.only in name:
            run_case(name, make)


if __name__ == "__main__":
    main()
