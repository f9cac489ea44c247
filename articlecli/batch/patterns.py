"""Glob patterns matched against relative paths, so a glob is listed by the same streamed, sorted,
symlink-safe folder walk as a folder (the standard glob module neither sorts nor guards symlinks)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase

MAGIC = frozenset("*?[")


def has_magic(text: str) -> bool:
    return any(char in MAGIC for char in text)


def split_glob(pattern: str) -> tuple[str, tuple[str, ...]]:
    """'scrapes/**/*.txt' -> ('scrapes', ('**', '*.txt')): the folder to walk and the parts to match."""
    parts = pattern.replace(os.sep, "/").split("/")
    fixed: list[str] = []
    for part in parts:
        if has_magic(part):
            break
        fixed.append(part)
    rest = tuple(part for part in parts[len(fixed) :] if part)
    root = "/".join(fixed) if fixed else "."
    return (root or "/"), rest


def max_depth(parts: Sequence[str]) -> int | None:
    """How many folder levels a pattern can reach; None with `**` (any depth)."""
    return None if "**" in parts else len(parts)


def match_parts(pattern: Sequence[str], path: Sequence[str]) -> bool:
    """Whether path components match pattern components; `**` matches zero or more components."""
    if not pattern:
        return not path
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(match_parts(rest, path[skip:]) for skip in range(len(path) + 1))
    return bool(path) and fnmatchcase(path[0], head) and match_parts(rest, path[1:])


@dataclass(frozen=True)
class PathFilter:
    """--include/--exclude: a pattern with a '/' matches the relative path, otherwise the file name."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def accepts(self, rel: str) -> bool:
        if self.include and not any(_matches(pattern, rel) for pattern in self.include):
            return False
        return not any(_matches(pattern, rel) for pattern in self.exclude)


def _matches(pattern: str, rel: str) -> bool:
    if "/" in pattern:
        return match_parts(tuple(p for p in pattern.split("/") if p), tuple(rel.split("/")))
    return fnmatchcase(rel.rsplit("/", 1)[-1], pattern)
