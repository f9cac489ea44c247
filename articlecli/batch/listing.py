"""Input listing: folders, globs, single files and path lists, streamed in a stable sorted order.

Hidden files and folders, the output folder, special files and symlinks leading out of the input
root are not listed (the last two are reported as skipped). Nothing is read here but directories.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .patterns import PathFilter, has_magic, match_parts, max_depth, split_glob


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file to read. `path` is how we reached it (the record's `source`); `rel` its path relative
    to the input root, with '/' separators and never '..' (the output mirrors it)."""

    path: str
    rel: str
    size: int
    mtime_ns: int

    @property
    def fingerprint(self) -> str:
        return f"{self.size}:{self.mtime_ns}"


@dataclass(frozen=True, slots=True)
class Notice:
    """A path that is not processed: `status` is 'failed' or 'skipped', `kind` the reason's name."""

    path: str
    status: str
    kind: str
    message: str


Listed = InputFile | Notice


@dataclass(frozen=True)
class Exclusions:
    """Folders and files (by device and inode) that are outputs of this run, never inputs."""

    ids: frozenset[tuple[int, int]] = frozenset()

    @classmethod
    def of(cls, paths: Iterable[str]) -> Exclusions:
        ids = set()
        for path in paths:
            try:
                info = os.stat(path)
            except OSError:
                continue
            ids.add((info.st_dev, info.st_ino))
        return cls(frozenset(ids))

    def __contains__(self, info: os.stat_result) -> bool:
        return (info.st_dev, info.st_ino) in self.ids


def list_inputs(
    specs: Iterable[str], *, path_filter: PathFilter, exclusions: Exclusions, mirror_from_cwd: bool = False
) -> Iterator[Listed]:
    """Expand each spec (folder, glob, file) into files, in order. With `mirror_from_cwd` (paths from
    --files-from) a file keeps its whole path under the output folder, as tar does."""
    for spec in specs:
        yield from _expand(spec, path_filter, exclusions, mirror_from_cwd)


def _expand(spec: str, path_filter: PathFilter, exclusions: Exclusions, mirror_from_cwd: bool) -> Iterator[Listed]:
    if os.path.isdir(spec):
        prefix = safe_rel(spec) if mirror_from_cwd else ""
        yield from _walk(spec, prefix, (), path_filter, exclusions, None)
    elif os.path.lexists(spec) or not has_magic(spec):
        yield _single(spec, safe_rel(spec) if mirror_from_cwd else os.path.basename(spec))
    else:
        root, parts = split_glob(spec)
        if os.path.isdir(root):
            yield from _walk(root, "", parts, path_filter, exclusions, max_depth(parts))


def _single(path: str, rel: str) -> Listed:
    """A file named explicitly: taken as given (an explicit symlink is the user's choice)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Notice(path, "failed", "not-found", f"no such file: {path}")
    except OSError as exc:
        return Notice(path, "failed", "unreadable", f"cannot read {path}: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode):
        return Notice(path, "skipped", "not-a-file", f"not a regular file: {path}")
    return InputFile(path, rel or os.path.basename(path), info.st_size, info.st_mtime_ns)


def safe_rel(path: str) -> str:
    """A path made relative and free of '..' so that it cannot leave the output folder."""
    parts = [part for part in os.path.normpath(path).replace(os.sep, "/").split("/") if part not in ("", ".", "..")]
    return "/".join(parts)


def _walk(
    root: str,
    prefix: str,
    pattern: tuple[str, ...],
    path_filter: PathFilter,
    exclusions: Exclusions,
    depth_limit: int | None,
) -> Iterator[Listed]:
    """Depth first, entries in name order: a folder's contents come where its name sorts."""
    real_root = os.path.realpath(root)
    stack: list[tuple[Iterator[os.DirEntry[str]], tuple[str, ...]]] = []
    opened = _scan(root)
    if isinstance(opened, Notice):
        yield opened
        return
    stack.append((opened, ()))
    while stack:
        entries, rel_parts = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        parts = (*rel_parts, entry.name)
        item = _entry(entry, parts, real_root, pattern, path_filter, exclusions, depth_limit)
        if item == "folder":
            scanned = _scan(entry.path)
            if isinstance(scanned, Notice):
                yield scanned
            else:
                stack.append((scanned, parts))
        elif isinstance(item, (InputFile, Notice)):
            yield _with_prefix(item, prefix)


def _scan(folder: str) -> Iterator[os.DirEntry[str]] | Notice:
    """One folder's entries in name order (one folder's listing in memory, never the tree's)."""
    try:
        with os.scandir(folder) as scan:
            return iter(sorted(scan, key=lambda entry: entry.name))
    except OSError as exc:
        return Notice(folder, "failed", "unreadable", f"cannot list {folder}: {exc.strerror or exc}")


def _entry(
    entry: os.DirEntry[str],
    parts: tuple[str, ...],
    real_root: str,
    pattern: tuple[str, ...],
    path_filter: PathFilter,
    exclusions: Exclusions,
    depth_limit: int | None,
) -> Listed | str | None:
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return None
    if info in exclusions:
        return None
    if stat.S_ISDIR(info.st_mode):
        return "folder" if depth_limit is None or len(parts) < depth_limit else None
    rel = "/".join(parts)
    if (pattern and not match_parts(pattern, parts)) or not path_filter.accepts(rel):
        return None
    if stat.S_ISLNK(info.st_mode):
        return _symlink(entry.path, rel, real_root)
    if not stat.S_ISREG(info.st_mode):
        return Notice(entry.path, "skipped", "not-a-file", "not a regular file (fifo, socket or device)")
    return InputFile(entry.path, rel, info.st_size, info.st_mtime_ns)


def _symlink(path: str, rel: str, real_root: str) -> Listed:
    """Followed only to a regular file inside the input root; folders behind symlinks are not walked."""
    target = os.path.realpath(path)
    if not (target + os.sep).startswith(real_root.rstrip(os.sep) + os.sep):
        return Notice(path, "skipped", "symlink-outside-root", "symlink leads out of the input root; not followed")
    try:
        info = os.stat(target)
    except OSError:
        return Notice(path, "skipped", "broken-symlink", "symlink target does not exist")
    if not stat.S_ISREG(info.st_mode):
        return Notice(path, "skipped", "not-a-file", "symlink to a folder or special file; not followed")
    return InputFile(path, rel, info.st_size, info.st_mtime_ns)


def _with_prefix(item: Listed, prefix: str) -> Listed:
    if prefix and isinstance(item, InputFile):
        return InputFile(item.path, f"{prefix}/{item.rel}", item.size, item.mtime_ns)
    return item
