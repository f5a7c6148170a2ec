"""Cheap, exact prefilters for the case-insensitive vocabulary patterns.

A case-insensitive alternation of many words (credit labels, date labels) is slow: the
regex engine tries every word at every position. Lower-casing the text once and looking
for the phrases' first words case-sensitively is fast, and a text where none is found
cannot match the slow pattern, so it may be skipped without changing any result.
"""

from __future__ import annotations

from collections.abc import Iterable

from clean_article import lazy_re as re

# re.IGNORECASE matches these to a letter that str.lower() does not give ("ı", "ſ"), or
# gives as two characters ("İ" -> "i" + a combining dot); all other letters fold like lower().
_REGEX_FOLDS = (("İ", "i"), ("ı", "i"), ("ſ", "s"))


def fold(text: str) -> str:
    """Return `text` lower-cased the way re.IGNORECASE compares letters, one character for
    one (for Latin-script vocabulary: tests/test_meta_folding.py checks every letter)."""
    if not text.isascii():
        for letter, folded in _REGEX_FOLDS:
            text = text.replace(letter, folded)
    return text.lower()


def first_words(phrases: Iterable[str], *extra: str) -> re.Pattern[str]:
    """Compile a case-sensitive pattern finding in folded text the first word of any phrase
    (lower case), or any `extra` literal: a text where it finds nothing holds none of them."""
    words = {fold(phrase).split()[0] for phrase in phrases if phrase.strip()} | set(extra)
    # A word holding a shorter one is found by that one ("photos" by "photo").
    words = {w for w in words if not any(o != w and o in w for o in words)}
    return re.compile("|".join(re.escape(w) for w in sorted(words)))
