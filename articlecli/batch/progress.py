"""The progress bar on stderr: only for a terminal, refreshed from the main loop (no thread, so
forking a replacement worker stays safe)."""

from __future__ import annotations

import time
from typing import Any

from .report import Tally

# Redraw at most this often; a redraw costs more than a small document.
REFRESH_SECONDS = 0.2


class Progress:
    def __init__(self, total_bytes: int | None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(
            TextColumn("[bold]batch"),
            BarColumn(),
            TextColumn("{task.fields[docs]:,} docs"),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TextColumn("{task.fields[mbps]:.2f} MB/s"),
            TextColumn("[red]{task.fields[failed]:,} failed"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            auto_refresh=False,
            transient=True,
        )
        self._task: Any = self._bar.add_task("batch", total=total_bytes, docs=0, rate=0.0, mbps=0.0, failed=0)
        self._done_bytes = 0
        self._last = 0.0
        self._bar.start()

    def update(self, tally: Tally, size: int, force: bool = False) -> None:
        self._done_bytes += size
        now = time.monotonic()
        if not force and now - self._last < REFRESH_SECONDS:
            return
        self._last = now
        seconds = max(tally.elapsed, 1e-9)
        self._bar.update(
            self._task,
            completed=self._done_bytes,
            docs=tally.parsed,
            rate=tally.parsed / seconds,
            mbps=tally.parsed_bytes / 1e6 / seconds,
            failed=tally.counts["failed"],
        )
        self._bar.refresh()

    def print(self, line: str) -> None:
        self._bar.console.print(line, markup=False, highlight=False)

    def stop(self) -> None:
        self._bar.stop()
