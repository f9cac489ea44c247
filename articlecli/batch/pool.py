"""The local process pool: N workers, one document each at a time, results in input order.

A worker that crashes (segfault, os._exit, out of memory) or runs past the time limit is killed
and replaced; only the document it held fails. At most `window` documents are between the input
stream and the consumer at any time, so memory is bounded by the workers, not by the inputs.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from .model import FAILED, Result, Task, result_for
from .settings import WorkSettings

WorkFunction = Callable[[Task, WorkSettings], Result]

# Documents allowed between the input stream and the consumer, per worker. One slow document
# holds back in-order output while the others keep working; 16 per worker keeps every worker busy
# behind a document ~16 times slower than average, and bounds memory at 16 documents per worker.
WINDOW_PER_WORKER = 16
# How often an idle worker checks that its parent is still alive (fallback where prctl is missing).
PARENT_CHECK_SECONDS = 1.0
# After a stop, how long a worker gets to exit on SIGTERM before SIGKILL.
STOP_GRACE_SECONDS = 1.0
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _context() -> multiprocessing.context.ForkContext | multiprocessing.context.SpawnContext:
    # fork: a worker starts in milliseconds with everything already imported (start-up under 0.5 s
    # for 10 files); the parent starts no threads, which keeps fork safe. Elsewhere: spawn.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class _Worker:
    def __init__(self, function: WorkFunction, settings: WorkSettings, siblings: list[int]) -> None:
        parent_end, child_end = _context().Pipe()
        self.conn: Connection = parent_end
        self.process: BaseProcess = _context().Process(
            target=_worker_main, args=(child_end, function, settings, os.getpid(), siblings), daemon=True
        )
        self.process.start()
        child_end.close()
        self.task: Task | None = None
        self.deadline = 0.0

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(STOP_GRACE_SECONDS)
        self.conn.close()


def _worker_main(
    conn: Connection, function: WorkFunction, settings: WorkSettings, parent: int, siblings: list[int]
) -> None:
    """Runs in the worker: tasks in, results out, until the pipe closes or the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    # A forked worker holds copies of the other workers' pipe ends; closed, so that a worker sees
    # end-of-file as soon as the parent is gone, whichever worker forked after which.
    for fd in siblings:
        with contextlib.suppress(OSError):
            os.close(fd)
    while True:
        while not conn.poll(PARENT_CHECK_SECONDS):
            if os.getppid() != parent:
                os._exit(0)
        try:
            task = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        conn.send(function(task, settings))


def _die_with_parent() -> None:
    """Linux: the kernel SIGKILLs this worker when the batch process dies, even by kill -9."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


class LocalPool:
    """Map `function` over tasks in worker processes; results come back in input order."""

    def __init__(self, function: WorkFunction, settings: WorkSettings, *, jobs: int, timeout: float) -> None:
        self.function = function
        self.settings = settings
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.window = self.jobs * WINDOW_PER_WORKER
        self._workers: list[_Worker] = []

    def __enter__(self) -> LocalPool:
        for _ in range(self.jobs):
            self._workers.append(self._new_worker())
        return self

    def __exit__(self, *exc_info: object) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers = []

    def _new_worker(self) -> _Worker:
        return _Worker(self.function, self.settings, [w.conn.fileno() for w in self._workers if not w.conn.closed])

    def map_ordered(self, items: Iterable[Task | Result]) -> Iterator[Result]:
        """Tasks are processed; Results (decided without parsing) pass through in their place."""
        source = iter(items)
        ready: dict[int, Result] = {}
        next_out = 0
        issued = 0
        exhausted = False
        while True:
            idle = [w for w in self._workers if w.task is None]
            while idle and not exhausted and issued - next_out < self.window:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                issued += 1
                if isinstance(item, Result):
                    ready[item.index] = item
                    continue
                worker = idle.pop()
                worker.task, worker.deadline = item, time.monotonic() + self.timeout
                worker.conn.send(item)
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
            busy = [w for w in self._workers if w.task is not None]
            if not busy:
                if exhausted and not ready:
                    return
                continue
            for result in self._collect(busy):
                ready[result.index] = result

    def _collect(self, busy: list[_Worker]) -> Iterator[Result]:
        """Wait for the first result, crash or timeout among busy workers."""
        wait_for = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        handles = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        fired = set(wait(handles, timeout=wait_for))
        now = time.monotonic()
        for worker in busy:
            task = worker.task
            assert task is not None
            if worker.conn in fired:
                try:
                    result = worker.conn.recv()
                except (EOFError, OSError):
                    yield self._replace(worker, task, "crash", _exit_message(worker))
                else:
                    worker.task = None
                    yield result
            elif worker.process.sentinel in fired:
                yield self._replace(worker, task, "crash", _exit_message(worker))
            elif now >= worker.deadline:
                yield self._replace(worker, task, "timeout", f"no result after {self.timeout:g} s; worker stopped")

    def _replace(self, worker: _Worker, task: Task, kind: str, message: str) -> Result:
        worker.stop()
        self._workers[self._workers.index(worker)] = self._new_worker()
        return result_for(task, FAILED, kind, message)


def _exit_message(worker: _Worker) -> str:
    worker.process.join(STOP_GRACE_SECONDS)
    code = worker.process.exitcode
    if code is not None and code < 0:
        try:
            return f"worker killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"worker killed by signal {-code}"
    return f"worker exited with code {code}"
