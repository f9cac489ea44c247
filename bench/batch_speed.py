"""Benchmarks for `articlecli batch`: throughput with 1 and 2 workers against the library in one
process, peak memory of the whole process tree, memory with many small files and a large JSON
Lines file, and start-up over 10 files.

    python bench/batch_speed.py                       # all (corpus part: 600 dumps, read in place)
    python bench/batch_speed.py --only throughput --limit 300
    python bench/batch_speed.py --only many --files 200000
    python bench/batch_speed.py --only bigjsonl --megabytes 2000

Generated inputs go to a temporary folder (default /tmp) and are removed afterwards. Times are
wall clock and CPU time (user+sys, the process tree): on a shared machine the CPU figures are the
ones to compare. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import require_corpus  # noqa: E402

# Memory is sampled this often; the peak of a tree of short-lived workers needs a fine step.
SAMPLE_SECONDS = 0.05
TINY_PAGE = "Home\nNews\n\nSmall page {n}\n\nA short line of text for page {n}, nothing more.\n"


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in os.listdir(f"/proc/{current}/task"):
                stack += [int(c) for c in Path(f"/proc/{current}/task/{task}/children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run_measured(args: list[str], stdin: str | None = None) -> dict[str, float]:
    """Run a command; wall time, CPU time of the whole tree and peak tree RSS (MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdin=subprocess.PIPE if stdin else None, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate(stdin)
    wall = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 7, 8):
        raise SystemExit(f"{args} failed ({proc.returncode}): {stderr}")
    return {"wall": wall, "cpu": cpu, "peak_mb": peak[0] / 1024}


def _batch(*args: str) -> list[str]:
    return [sys.executable, "-m", "articlecli", "batch", *args]


def corpus_paths(corpus: Path, limit: int) -> list[Path]:
    paths = []
    for line in (corpus / "index.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        paths.append(corpus / row["dataset"] / f"{row['id']}.txt")
        if len(paths) >= limit:
            break
    return paths


def bench_library(paths: list[Path]) -> dict[str, float]:
    """The library in this process, warmed up: the figure a pool must not fall below per worker."""
    from articlecli import parse_bytes

    parse_bytes(paths[0].read_bytes())
    start_cpu, start = time.process_time(), time.perf_counter()
    for path in paths:
        try:
            parse_bytes(path.read_bytes(), source=str(path))
        except Exception:  # empty dumps fail the same way in batch
            continue
    return {"wall": time.perf_counter() - start, "cpu": time.process_time() - start_cpu}


def bench_pool_split(paths: list[Path], jobs: int) -> dict[str, float]:
    """`iter_results` in this process: the workers' CPU time (joined children) apart from the
    parent's, so a worker's cost per document compares directly with the library's."""
    from articlecli.batch import WorkSettings, iter_results

    self_before, children_before = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    start = time.perf_counter()
    for _ in iter_results([str(p) for p in paths], jobs=jobs, work=WorkSettings(formats=("json",))):
        pass
    wall = time.perf_counter() - start
    self_after, children_after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    parent = (self_after.ru_utime - self_before.ru_utime) + (self_after.ru_stime - self_before.ru_stime)
    workers = (children_after.ru_utime - children_before.ru_utime) + (
        children_after.ru_stime - children_before.ru_stime
    )
    return {"wall": wall, "parent": parent, "workers": workers}


def bench_throughput(corpus: Path, limit: int, tmp: Path) -> None:
    paths = corpus_paths(corpus, limit)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    listing = tmp / "list.txt"
    listing.write_text("".join(f"{p}\n" for p in paths))
    print(f"throughput: {len(paths)} corpus dumps, {megabytes:.1f} MB, load average {os.getloadavg()[0]:.1f}")
    lib = bench_library(paths)
    print(
        f"  library, 1 process   {len(paths) / lib['wall']:6.1f} docs/s {megabytes / lib['wall']:5.2f} MB/s wall; "
        f"{len(paths) / lib['cpu']:6.1f} docs per CPU-second"
    )
    for jobs in (1, 2):
        split = bench_pool_split(paths, jobs)
        print(
            f"  pool -j {jobs} (library)   {len(paths) / split['wall']:6.1f} docs/s wall; workers "
            f"{len(paths) / split['workers']:6.1f} docs per CPU-second, "
            f"parent {split['parent'] / len(paths) * 1000:.2f} ms CPU per doc"
        )
    for jobs in (1, 2):
        out = tmp / f"out{jobs}"
        stats = run_measured(_batch("--files-from", str(listing), "-o", str(out), "-j", str(jobs), "-q"))
        shutil.rmtree(out)
        print(
            f"  batch -j {jobs}           {len(paths) / stats['wall']:6.1f} docs/s "
            f"{megabytes / stats['wall']:5.2f} MB/s wall; "
            f"{len(paths) / stats['cpu']:6.1f} docs per CPU-second (tree, start-up included); "
            f"peak RSS {stats['peak_mb']:.0f} MB"
        )


def bench_many(files: int, tmp: Path) -> None:
    """Many small files: the listing is streamed and the window bounded, so memory stays flat."""
    root = tmp / "many"
    start = time.perf_counter()
    for n in range(files):
        folder = root / f"{n // 1000:04d}"
        if n % 1000 == 0:
            folder.mkdir(parents=True)
        (folder / f"{n:07d}.txt").write_text(TINY_PAGE.format(n=n))
    print(f"many: {files:,} small files written in {time.perf_counter() - start:.0f} s")
    for count in sorted({max(1000, files // 10), files}):
        folders = [str(root / f"{k:04d}") for k in range(-(-count // 1000))]  # 1,000 files a folder
        stats = run_measured(_batch(*folders, "--jsonl", os.devnull, "-j", "2", "-q"))
        print(
            f"  {count:,} files: {stats['wall']:.0f} s wall, {stats['cpu']:.0f} s CPU, "
            f"peak RSS {stats['peak_mb']:.0f} MB "
            f"(load average {os.getloadavg()[0]:.1f})"
        )
    shutil.rmtree(root)


def bench_big_jsonl(corpus: Path, megabytes: int, tmp: Path) -> None:
    """A large JSON Lines file: read as a stream, a bounded window of records in flight.

    Records are `html` (skipped by the worker without parsing, as the HTML front end does not exist
    yet) except one in 200, which carries a corpus dump as `text` and is parsed: the run measures
    reading, shipping and memory at full speed rather than parsing 2 GB on two cores."""
    texts = [p.read_text("utf-8") for p in corpus_paths(corpus, 50)]
    big = tmp / "big.jsonl"
    written, n = 0, 0
    with big.open("w", encoding="utf-8") as handle:
        while written < megabytes * 1_000_000:
            text = texts[n % len(texts)]
            field = "text" if n % 200 == 0 else "html"
            line = json.dumps({"url": f"https://example.org/{n}", field: text}, ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode())
            n += 1
    print(f"bigjsonl: {written / 1e6:,.0f} MB, {n:,} records ({n // 200 + 1:,} parsed)")
    stats = run_measured(_batch(str(big), "--jsonl", os.devnull, "-j", "2", "-q"))
    print(
        f"  {stats['wall']:.0f} s wall ({written / 1e6 / stats['wall']:.0f} MB/s), {stats['cpu']:.0f} s CPU, "
        f"peak RSS {stats['peak_mb']:.0f} MB (load average {os.getloadavg()[0]:.1f})"
    )
    big.unlink()


def bench_startup(corpus: Path, tmp: Path, runs: int) -> None:
    folder = tmp / "ten"
    folder.mkdir()
    for path in corpus_paths(corpus, 10):
        shutil.copy(path, folder / path.name)
    batch, parse = [], []
    for n in range(runs):
        batch.append(run_measured(_batch(str(folder), "-o", str(tmp / f"ten-out{n}"), "-q")))
        parse.append(run_measured([sys.executable, "-m", "articlecli", "parse", str(next(folder.iterdir()))]))
    print(
        f"startup: batch over 10 files, median {statistics.median(s['wall'] for s in batch):.2f} s wall, "
        f"{statistics.median(s['cpu'] for s in batch):.2f} s CPU; one `parse`: median "
        f"{statistics.median(s['wall'] for s in parse):.2f} s wall, "
        f"{statistics.median(s['cpu'] for s in parse):.2f} s CPU "
        f"({runs} runs, load average {os.getloadavg()[0]:.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=("throughput", "many", "bigjsonl", "startup"))
    parser.add_argument("--corpus", default=None, help="corpus (default: $ARTICLECLI_CORPUS, ../shared/corpus)")
    parser.add_argument("--limit", type=int, default=600, help="corpus dumps for the throughput run")
    parser.add_argument("--files", type=int, default=200_000, help="small files for the memory run")
    parser.add_argument("--megabytes", type=int, default=2000, help="size of the large JSON Lines file")
    parser.add_argument("--runs", type=int, default=5, help="runs of the start-up benchmark")
    parser.add_argument("--tmp", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    todo = [args.only] if args.only else ["startup", "throughput", "many", "bigjsonl"]
    # Checked before anything runs: a missing corpus is one line, never a run over something else.
    corpus = require_corpus(args.corpus) if set(todo) - {"many"} else Path()
    with tempfile.TemporaryDirectory(dir=args.tmp, prefix="articlecli-bench-") as tmp:
        for name in todo:
            if name == "throughput":
                bench_throughput(corpus, args.limit, Path(tmp))
            elif name == "many":
                bench_many(args.files, Path(tmp))
            elif name == "bigjsonl":
                bench_big_jsonl(corpus, args.megabytes, Path(tmp))
            else:
                bench_startup(corpus, Path(tmp), args.runs)


if __name__ == "__main__":
    main()
