"""Errors the library raises; each message ends with what the user can do about it."""

from __future__ import annotations


class CleanArticleError(Exception):
    """Base of every error clean-article raises on purpose."""


class InputError(CleanArticleError):
    """The input cannot be cleaned; the message says why and what to do (no file name in it)."""
