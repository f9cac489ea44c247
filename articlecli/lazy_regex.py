"""Regular expressions compiled on first use: `lazy_compile` stands in for `re.compile` at module level.

The package defines some 140 patterns at module level. Compiling them all on import cost about 30 ms
of CPU, an eighth of a one-page CLI run, and a text page uses fewer than half of them (the HTML front
end, Markdown, the site layer and the rarer header rules hold the rest). A `LazyPattern` compiles
when one of its methods or attributes is first asked for; from then on each method is the compiled
pattern's own bound method, kept on the stand-in, so a call costs what it costs on the pattern.

Every module-level pattern in the package is made this way; patterns built inside functions (per
language, per phrase list) are compiled by `re.compile` where they are built, and cached there.
A stand-in is not a `re.Pattern` instance: pass `.pattern` (the source) to the `re` functions, or
call its methods, as the package does.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

# The methods of a compiled pattern; each becomes an attribute of the stand-in when it compiles.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A pattern's source and flags, compiled on first use (see the module docstring)."""

    __slots__ = ("_compiled", "_flags", "pattern", *_METHODS)

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[Any] | None = None

    @property
    def compiled(self) -> bool:
        """Whether the pattern has been compiled yet."""
        return self._compiled is not None

    def _compile(self) -> re.Pattern[Any]:
        compiled = re.compile(self.pattern, self._flags)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        self._compiled = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the instance does not hold yet: a method before the first compile, or
        # an attribute of the compiled pattern (flags, groups, groupindex). Dunder look-ups (copy,
        # pickle) are not attributes of a pattern and must not compile it.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._compiled or self._compile(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags})"


def lazy_compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, deferred until the pattern is first used.

    Typed as the pattern it stands for: callers use it exactly as a compiled pattern.
    """
    return cast("re.Pattern[AnyStr]", LazyPattern(pattern, flags))
