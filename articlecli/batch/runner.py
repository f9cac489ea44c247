"""Putting a batch together: listing -> tasks (resume check) -> pool -> outputs and report.

`iter_results` is the library's view (results in input order, nothing written); `run_batch` is
what the command runs (files, JSON Lines, error report, progress and summary).
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import FrameType
from typing import IO, TYPE_CHECKING, Protocol

from .listing import Exclusions, InputFile, Listed, Notice, list_inputs
from .manifest import BatchSetupError, Manifest, version
from .model import FAILED, NO_BODY, OK, UP_TO_DATE, Result, Task, result_for
from .outputs import JsonlFile, OutputFolder, UnsafeOutputPath, mirrored_path
from .patterns import PathFilter
from .pool import LocalPool, WorkFunction
from .readers import RecordPath, read_tasks
from .report import ErrorReport, Tally, print_summary, warning_line
from .settings import DEFAULT_TIMEOUT_SECONDS, EXTENSIONS, WorkSettings, default_jobs
from .work import process_document

if TYPE_CHECKING:
    from .progress import Progress

ERRORS_NAME = "_errors.jsonl"
# The progress bar's total (bytes of all inputs) needs a listing pass of its own; past this many
# seconds we give up on it and show no ETA rather than delay the start.
PRECOUNT_MAX_SECONDS = 2.0


class Pool(Protocol):
    def __enter__(self) -> Pool: ...
    def __exit__(self, *exc_info: object) -> None: ...
    def map_ordered(self, items: Iterable[Task | Result]) -> Iterator[Result]: ...


@dataclass(frozen=True)
class Inputs:
    """What to read: paths, folders or globs, and optionally a file listing paths ('-': stdin)."""

    paths: tuple[str, ...] = ()
    files_from: str | None = None
    path_filter: PathFilter = field(default_factory=PathFilter)

    def listing(self, exclusions: Exclusions | None = None) -> Iterator[Listed]:
        exclusions = exclusions or Exclusions()
        yield from list_inputs(self.paths, path_filter=self.path_filter, exclusions=exclusions)
        if self.files_from is not None:
            yield from list_inputs(
                _lines(self.files_from), path_filter=self.path_filter, exclusions=exclusions, mirror_from_cwd=True
            )


@dataclass(frozen=True)
class BatchConfig:
    """Everything `articlecli batch` was asked to do."""

    inputs: Inputs
    work: WorkSettings = field(default_factory=WorkSettings)
    output_format: str = "json"
    out_dir: str | None = None
    jsonl: str | None = None
    errors: str | None = None
    resume: bool = False
    jobs: int = field(default_factory=default_jobs)
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    dask: str | None = None
    quiet: bool = False
    progress: bool = False


def iter_results(
    inputs: Inputs | Iterable[str],
    *,
    work: WorkSettings | None = None,
    jobs: int | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    dask: str | None = None,
    function: WorkFunction = process_document,
) -> Iterator[Result]:
    """Parse every document of `inputs` (paths, folders, globs, JSON Lines, WARC/WET) in worker
    processes (or on a Dask cluster) and yield each Result in input order; nothing is written.

    `function` is what each worker runs per Task (default `process_document`)."""
    spec = inputs if isinstance(inputs, Inputs) else Inputs(tuple(inputs))
    work = work or WorkSettings()
    tasks = plan(spec.listing(), output_format=None, manifest=None)
    with _pool(function, work, jobs or default_jobs(), timeout, dask) as pool:
        yield from pool.map_ordered(tasks)


def plan(listing: Iterable[Listed], *, output_format: str | None, manifest: Manifest | None) -> Iterator[Task | Result]:
    """Tasks in input order, each with its output path; listing notices and (with a manifest)
    up-to-date outputs become Results without any parsing."""
    indexes = itertools.count()
    record_path = RecordPath(EXTENSIONS[output_format or "json"])
    for item in listing:
        if isinstance(item, Notice):
            yield Result(next(indexes), item.path, item.status, error_kind=item.kind, message=item.message)
            continue
        out_rel = mirrored_path(item.rel, output_format) if output_format else None
        for task in read_tasks(item, out_rel, indexes, record_path):
            if isinstance(task, Task) and _up_to_date(task, manifest):
                yield result_for(task, UP_TO_DATE)
            else:
                yield task


def _up_to_date(task: Task, manifest: Manifest | None) -> bool:
    return manifest is not None and task.out_rel is not None and manifest.is_current(task.out_rel, task.fingerprint)


def run_batch(config: BatchConfig) -> Tally:
    """Run the batch the command describes; the Tally's exit_code() is the command's."""
    tally = Tally()
    errors_path = config.errors or (os.path.join(config.out_dir, ERRORS_NAME) if config.out_dir else None)
    try:
        out = OutputFolder(config.out_dir) if config.out_dir else None
        manifest = Manifest(out.root, config.work.fingerprint(version())) if out is not None else None
        report = ErrorReport(errors_path)
        jsonl = JsonlFile(config.jsonl) if config.jsonl else None
    except OSError as exc:
        raise BatchSetupError(f"cannot write {exc.filename or 'the outputs'}: {exc.strerror or exc}") from exc
    exclusions = Exclusions.of(p for p in (config.out_dir, errors_path, config.jsonl) if p and p != "-")
    progress = _progress(config, exclusions)
    listing = config.inputs.listing(exclusions)
    tasks = plan(
        listing, output_format=config.output_format if out else None, manifest=manifest if config.resume else None
    )
    previous = signal.signal(signal.SIGTERM, _terminate)
    finished = False
    try:
        with _pool(process_document, config.work, config.jobs, config.timeout, config.dask) as pool:
            for result in pool.map_ordered(tasks):
                result = _deliver(result, config, out, manifest, jsonl)
                tally.add(result)
                report.add(result)
                if progress is not None:
                    progress.update(tally, result.size)
                if result.status == FAILED and report.path is None and not config.quiet:
                    _warn(warning_line(result), progress)
        finished = True
    except KeyboardInterrupt:
        tally.interrupted = finished = True
    finally:
        signal.signal(signal.SIGTERM, previous)
        if progress is not None:
            progress.stop()
        if jsonl is not None and finished:
            jsonl.finish()  # whole lines in input order: a prefix of the full output when interrupted
        elif jsonl is not None:
            jsonl.abandon()  # an unexpected error: the previous file, if any, stays as it was
        report.close()
        if manifest is not None:
            manifest.close()
        if out is not None:
            out.close()
    if not config.quiet:
        print_summary(tally)
    return tally


def _deliver(
    result: Result, config: BatchConfig, out: OutputFolder | None, manifest: Manifest | None, jsonl: JsonlFile | None
) -> Result:
    """Write one result's outputs; a write that fails turns the result into a FAILED one."""
    if result.status not in (OK, NO_BODY):
        return result
    if out is not None and manifest is not None and result.out_rel is not None:
        rel, fingerprint = result.out_rel, result.fingerprint
        try:
            out.write(rel, result.outputs[config.output_format], lambda info: manifest.record(rel, fingerprint, info))
        except UnsafeOutputPath as exc:
            return _write_failed(result, "unsafe-path", str(exc))
        except OSError as exc:
            return _write_failed(result, "write-error", f"{rel}: {exc.strerror or exc}")
    if jsonl is not None:
        jsonl.write(result.outputs["jsonl"])
    return result


def _write_failed(result: Result, kind: str, message: str) -> Result:
    return Result(result.index, result.source, FAILED, result.record, result.url, kind, message, size=result.size)


def _pool(function: WorkFunction, work: WorkSettings, jobs: int, timeout: float, dask: str | None) -> Pool:
    if dask:
        from .dask_pool import DaskPool

        return DaskPool(function, work, address=dask)
    return LocalPool(function, work, jobs=jobs, timeout=timeout)


def _progress(config: BatchConfig, exclusions: Exclusions) -> Progress | None:
    if not config.progress or config.quiet:
        return None
    from .progress import Progress

    return Progress(_total_bytes(config.inputs, exclusions))


def _total_bytes(inputs: Inputs, exclusions: Exclusions) -> int | None:
    """Bytes of all inputs, for the ETA; None when stdin lists them or the listing is too slow."""
    if inputs.files_from == "-":
        return None
    deadline = time.monotonic() + PRECOUNT_MAX_SECONDS
    total = 0
    for item in inputs.listing(exclusions):
        if isinstance(item, InputFile):
            total += item.size
        if time.monotonic() > deadline:
            return None
    return total


def _warn(line: str, progress: Progress | None) -> None:
    if progress is not None:
        progress.print(line)
    else:
        print(line, file=sys.stderr)


def _lines(path: str) -> Iterator[str]:
    stream: IO[str] = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    try:
        for line in stream:
            name = line.rstrip("\r\n")
            if name:
                yield name
    finally:
        if stream is not sys.stdin:
            stream.close()


def _terminate(signum: int, frame: FrameType | None) -> None:
    """SIGTERM stops the batch like Ctrl-C: outputs so far kept, summary printed."""
    raise KeyboardInterrupt
