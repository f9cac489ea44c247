"""Writing outputs: atomically (temp file, fsync, rename), never outside the output folder."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable
from typing import IO

from .settings import EXTENSIONS

# Temp files live in one hidden folder at the top of the output folder (same file system, so the
# rename is atomic); it is emptied when a run starts, so a kill -9 leaves nothing behind for long.
TEMP_FOLDER = ".articlecli-tmp"

WriteHook = Callable[[os.stat_result], None]


class UnsafeOutputPath(Exception):
    """An output path that would leave the output folder (through '..' or a symlinked folder)."""


def mirrored_path(rel: str, output_format: str) -> str:
    """'a/b.txt' -> 'a/b.json': the input's relative path with the format's extension."""
    head, _, name = rel.rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return f"{head}/{stem}{EXTENSIONS[output_format]}" if head else f"{stem}{EXTENSIONS[output_format]}"


class OutputFolder:
    """Atomic writes of files under `root`; every target folder is checked to be inside `root`."""

    def __init__(self, root: str) -> None:
        os.makedirs(root, exist_ok=True)
        self.root = os.path.realpath(root)
        self.temp = os.path.join(self.root, TEMP_FOLDER)
        shutil.rmtree(self.temp, ignore_errors=True)
        os.makedirs(self.temp)
        self._checked: set[str] = set()
        self._counter = 0

    def path_of(self, rel: str) -> str:
        return os.path.join(self.root, rel)

    def write(self, rel: str, text: str, before_rename: WriteHook | None = None) -> os.stat_result:
        """Write `text` to `rel` atomically; `before_rename(stat)` runs once the data is on disk."""
        target = self._target(rel)
        self._counter += 1
        temp = os.path.join(self.temp, f"{os.getpid()}-{self._counter}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            with open(fd, "wb", closefd=True) as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
                info = os.fstat(handle.fileno())
            if before_rename is not None:
                before_rename(info)
            os.replace(temp, target)
        except BaseException:
            _unlink_quietly(temp)
            raise
        return info

    def close(self) -> None:
        shutil.rmtree(self.temp, ignore_errors=True)

    def _target(self, rel: str) -> str:
        if os.path.isabs(rel) or ".." in rel.split("/"):
            raise UnsafeOutputPath(f"output path {rel!r} would leave the output folder")
        target = os.path.join(self.root, rel)
        folder = os.path.dirname(target)
        if folder not in self._checked:
            os.makedirs(folder, exist_ok=True)
            real = os.path.realpath(folder)
            if real != self.root and not real.startswith(self.root + os.sep):
                raise UnsafeOutputPath(f"output folder {os.path.dirname(rel)!r} leads out of the output folder")
            if len(self._checked) > CHECKED_FOLDERS_MAX:
                self._checked.clear()
            self._checked.add(folder)
        return target


# Folders already checked are remembered so a folder of 10,000 outputs is checked once; the set is
# cleared past this size so memory stays bounded on trees with millions of folders.
CHECKED_FOLDERS_MAX = 10_000


class JsonlFile:
    """Records in input order to a file (temp + rename at the end) or to stdout ('-')."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._temp: str | None = None
        self._stream: IO[str]
        if path == "-":
            self._stream = sys.stdout
        elif os.path.exists(path) and not os.path.isfile(path):
            # /dev/null, a fifo, /dev/stdout: write straight through (there is nothing to rename over).
            self._stream = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        else:
            folder, name = os.path.split(os.path.abspath(path))
            os.makedirs(folder, exist_ok=True)
            self._temp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
            self._stream = open(self._temp, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, line: str) -> None:
        self._stream.write(line)

    def finish(self) -> None:
        """Complete lines only, then the rename: readers never see a half-written file."""
        if self._temp is None:
            self._stream.flush()
            if self._stream is not sys.stdout:
                self._stream.close()
            return
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._stream.close()
        os.replace(self._temp, self.path)
        self._temp = None

    def abandon(self) -> None:
        if self._temp is not None:
            self._stream.close()
            _unlink_quietly(self._temp)
            self._temp = None


def _unlink_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
