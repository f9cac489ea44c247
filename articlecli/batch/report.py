"""The end of a run: counts, the error report, the summary on stderr and the exit code."""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from typing import IO

from .model import FAILED, NO_BODY, OK, SKIPPED, UP_TO_DATE, Result

# Exit codes of `articlecli batch`, distinct from parse's 0-6 (README, `batch --help`).
EXIT_OK = 0  # every input parsed with a body (or skipped, or up to date)
EXIT_SOME_NO_BODY = 10  # no input failed, but some had no article body (parse uses 0-8: batch codes differ)
EXIT_SOME_FAILED = 11  # some inputs failed (error report has them); wins over 10
EXIT_INTERRUPTED = 130  # Ctrl-C: stopped cleanly, outputs so far kept, summary printed (128 + SIGINT)

STATUS_ORDER = (OK, NO_BODY, FAILED, SKIPPED, UP_TO_DATE)
STATUS_LABELS = {OK: "ok", NO_BODY: "no body", FAILED: "failed", SKIPPED: "skipped", UP_TO_DATE: "up to date"}


@dataclass
class Tally:
    """Counts per status and bytes parsed, since `started`."""

    started: float = field(default_factory=time.perf_counter)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUS_ORDER, 0))
    parsed_bytes: int = 0
    interrupted: bool = False

    def add(self, result: Result) -> None:
        self.counts[result.status] += 1
        if result.status in (OK, NO_BODY, FAILED):
            self.parsed_bytes += result.size

    @property
    def parsed(self) -> int:
        return self.counts[OK] + self.counts[NO_BODY] + self.counts[FAILED]

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.counts[FAILED]:
            return EXIT_SOME_FAILED
        if self.counts[NO_BODY]:
            return EXIT_SOME_NO_BODY
        return EXIT_OK

    def summary(self) -> str:
        seconds = max(self.elapsed, 1e-9)
        head = "interrupted" if self.interrupted else "done"
        rows = [
            f"articlecli batch {head}: {self.parsed} documents parsed in {seconds:.1f} s "
            f"({self.parsed / seconds:.1f} docs/s, {self.parsed_bytes / 1e6 / seconds:.2f} MB/s)"
        ]
        rows += [f"  {STATUS_LABELS[status]:<11}{self.counts[status]:>10,}" for status in STATUS_ORDER]
        return "\n".join(rows) + "\n"


class ErrorReport:
    """JSON Lines, one line per input that failed, had no body or was skipped, in input order."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._stream: IO[str] | None = None
        if path is not None:
            folder = os.path.dirname(os.path.abspath(path))
            os.makedirs(folder, exist_ok=True)
            self._stream = open(path, "w", encoding="utf-8")  # noqa: SIM115 (closed in close())

    def add(self, result: Result) -> None:
        if self._stream is not None and result.status in (FAILED, NO_BODY, SKIPPED):
            self._stream.write(json.dumps(result.to_report(), ensure_ascii=False) + "\n")
            self._stream.flush()

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()


def warning_line(result: Result) -> str:
    where = result.source if result.record is None else f"{result.source}#{result.record}"
    return f"articlecli: warning: {where}: {result.status} ({result.error_kind}): {result.message}"


def print_summary(tally: Tally, stream: IO[str] = sys.stderr) -> None:
    stream.write(tally.summary())
    stream.flush()
