"""The language of a text that does not declare one, by py3langid (ISO 639-1 codes).

py3langid is a naive Bayes identifier over byte n-grams: deterministic, a few milliseconds
on the few thousand characters read here, and loaded on first use, so runs that never need
it (every page declaring its language) do not pay for importing it.
"""

from __future__ import annotations

# Read this much of the text: enough to be sure, little enough to stay fast.
SAMPLE_CHARS = 3000
# Below this many letters a guess is noise (a title, a menu): say nothing.
MIN_LETTERS = 40


def identify(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, else None when too short."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    from py3langid import classify  # type: ignore[import-untyped]

    code, _ = classify(sample)
    return str(code) if code else None
