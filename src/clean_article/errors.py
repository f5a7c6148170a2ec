"""Errors the library raises; each message ends with what the user can do about it."""

from __future__ import annotations


class CleanArticleError(Exception):
    """Base of every error clean-article raises on purpose."""


class InputError(CleanArticleError):
    """The input cannot be cleaned; the message says why and what to do (no file name in it)."""


def too_large(size: int, limit: int, flag: str) -> str:
    """Return the message for an input of `size` bytes over a `limit` that `flag` raises."""
    # A stream is read one byte past the limit: its size beyond that is unknown.
    what = (
        f"more than {_mib(limit)}"
        if size == limit + 1
        else f"{_mib(size)}, over the {_mib(limit)} limit"
    )
    return f"is {what}: not a single page (raise {flag} if it is one)"


def _mib(size: int) -> str:
    if size < 1 << 20:
        return f"{size:,} bytes"
    return f"{size / (1 << 20):.1f} MiB" if size % (1 << 20) else f"{size >> 20} MiB"
