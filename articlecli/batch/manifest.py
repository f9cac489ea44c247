"""The --resume manifest: which output was written from which version of its input, with which
settings. SQLite (stdlib) so it is crash-safe and looked up on disk, not held in memory.

Order of a write: temp file on disk (fsync) -> manifest row committed -> rename. After a kill -9
at any point an output counts as done only when its row exists *and* the file on disk has the
size and mtime the row recorded, so a row whose rename never happened, or an older file left at
the path, is redone; a finished output is never redone.
"""

from __future__ import annotations

import os
import sqlite3
from typing import IO

from articlecli import __version__

MANIFEST_NAME = "_articlecli_manifest.sqlite"
LOCK_NAME = ".articlecli.lock"
SCHEMA = """
CREATE TABLE IF NOT EXISTS outputs (
    path TEXT PRIMARY KEY,      -- output path relative to the output folder
    input TEXT NOT NULL,        -- input fingerprint: size and mtime of the file it came from
    settings TEXT NOT NULL,     -- settings fingerprint, articlecli version included
    size INTEGER NOT NULL,      -- the output file as written
    mtime_ns INTEGER NOT NULL
)
"""


class BatchSetupError(Exception):
    """The batch cannot start: an output cannot be created, or the output folder is in use."""


class ManifestLockedError(BatchSetupError):
    """Another batch is writing to the same output folder."""


class Manifest:
    def __init__(self, folder: str, settings_fingerprint: str) -> None:
        self.settings = settings_fingerprint
        self.folder = folder
        self._lock = _claim(folder)
        # isolation_level=None: autocommit, one transaction per row (WAL makes that cheap).
        self._db = sqlite3.connect(os.path.join(folder, MANIFEST_NAME), isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a commit survives a process kill; after a power loss the last rows
        # may be lost, and their outputs are then simply redone.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(SCHEMA)

    def is_current(self, rel: str, input_fingerprint: str) -> bool:
        row = self._db.execute("SELECT input, settings, size, mtime_ns FROM outputs WHERE path = ?", (rel,)).fetchone()
        if row is None or row[0] != input_fingerprint or row[1] != self.settings:
            return False
        try:
            info = os.stat(os.path.join(self.folder, rel))
        except OSError:
            return False
        return (info.st_size, info.st_mtime_ns) == (row[2], row[3])

    def record(self, rel: str, input_fingerprint: str, info: os.stat_result) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?)",
            (rel, input_fingerprint, self.settings, info.st_size, info.st_mtime_ns),
        )

    def close(self) -> None:
        self._db.close()
        self._lock.close()


def _claim(folder: str) -> IO[bytes]:
    """An exclusive lock on the output folder for this run. A POSIX record lock: released by the OS
    when this process dies (even by kill -9), and not inherited by forked workers."""
    handle = open(os.path.join(folder, LOCK_NAME), "ab")  # noqa: SIM115 (held for the run)
    try:
        import fcntl

        fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # no fcntl (Windows): run unguarded
        pass
    except OSError as exc:
        handle.close()
        raise ManifestLockedError(f"another articlecli batch is writing to {folder}") from exc
    return handle


def version() -> str:
    return __version__
