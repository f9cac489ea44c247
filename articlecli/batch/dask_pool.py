"""The same work on a Dask cluster: `process_document` is submitted per task, results come back
in input order through the same bounded window as the local pool.

Workers need not see the input files: the parent reads each file and ships its bytes. A Dask
worker cannot be stopped mid-task, so `--timeout` applies to the local pool only; a task whose
worker dies (Dask gives up after its own retries) is reported as a crash.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from articlecli.api import read_input
from articlecli.errors import ArticleError

from .model import FAILED, KIND_BYTES, KIND_FILE, Result, Task, result_for
from .pool import WINDOW_PER_WORKER, WorkFunction
from .settings import WorkSettings
from .work import ERROR_KINDS

DASK_EXTRA_HINT = "--dask needs the dask extra: pip install 'articlecli[dask]'"
# A cluster has many workers we do not count; this many tasks in flight keeps a few dozen busy.
DASK_WINDOW = 64 * WINDOW_PER_WORKER


class DaskPool:
    def __init__(self, function: WorkFunction, settings: WorkSettings, *, address: str) -> None:
        self.function = function
        self.settings = settings
        self.address = address
        self._client: Any = None

    def __enter__(self) -> DaskPool:
        from distributed import Client

        self._client = Client(self.address, set_as_default=False)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def map_ordered(self, items: Iterable[Task | Result]) -> Iterator[Result]:
        from distributed import as_completed

        source = iter(items)
        ready: dict[int, Result] = {}
        tasks: dict[str, Task] = {}
        pending = as_completed(loop=self._client.loop)  # our client's loop: it is not the default client
        next_out = 0
        issued = 0
        exhausted = False
        while True:
            while not exhausted and issued - next_out < DASK_WINDOW:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                issued += 1
                shipped = _with_payload(item) if isinstance(item, Task) else item
                if isinstance(shipped, Result):
                    ready[shipped.index] = shipped
                    continue
                future = self._client.submit(self.function, shipped, self.settings, pure=False)
                tasks[future.key] = shipped
                pending.add(future)
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
            if not tasks:
                if exhausted and not ready:
                    return
                continue
            future = next(pending)
            task = tasks.pop(future.key)
            try:
                ready[task.index] = future.result()
            except Exception as exc:  # KilledWorker, a lost connection: this document only
                ready[task.index] = result_for(task, FAILED, "crash", f"{type(exc).__name__}: {exc}")
            future.release()


def _with_payload(task: Task) -> Task | Result:
    """A file task with its bytes read here, so workers need no access to our file system."""
    if task.kind != KIND_FILE or task.payload is not None:
        return task
    try:
        data = read_input(task.source)
    except ArticleError as exc:
        return result_for(task, FAILED, ERROR_KINDS.get(type(exc), "unreadable"), str(exc))
    return Task(
        task.index, task.source, KIND_BYTES, task.record, task.url, data, task.out_rel, task.fingerprint, task.size
    )
