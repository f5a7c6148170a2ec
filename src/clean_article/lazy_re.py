"""`re`, with patterns compiled on first use: start-up pays only for the patterns a page needs.

The heuristics modules hold over a hundred patterns, and compiling them all took about half of
the text path's start-up; one page uses about two thirds of them. A module opts in with
`from clean_article import lazy_re as re` and keeps writing `re.compile(...)` and `re.I`.

After the first use the compiled pattern's methods sit on the instance itself, so a call costs
what a call on a compiled pattern costs. Call a pattern's own methods (`PATTERN.sub(...)`): `re`'s
module functions (`re.sub(PATTERN, ...)`) refuse anything but a string or a compiled pattern.
"""

from __future__ import annotations

import re
from re import (  # noqa: F401 (re-exported: modules use them as re.X)
    DOTALL,
    IGNORECASE,
    MULTILINE,
    VERBOSE,
    A,
    I,
    M,
    Match,
    Pattern,
    S,
    X,
    escape,
    findall,
    finditer,
    fullmatch,
    match,
    search,
    split,
    sub,
    subn,
)
from typing import Any, cast

# What a LazyPattern copies from the compiled pattern on first use.
_COPIED = (
    "search",
    "match",
    "fullmatch",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """Stands for `re.compile(pattern, flags)` and compiles it when first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Called only for names not yet on the instance, i.e. before the first compile.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(*self._args)
        for attr in _COPIED:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_re.compile({self._args[0]!r}, {self._args[1]!r})"


def compile(pattern: str, flags: int = 0) -> Pattern[str]:
    """Return a pattern that behaves as `re.compile(pattern, flags)`, compiled on first use."""
    return cast(Pattern[str], LazyPattern(pattern, flags))
