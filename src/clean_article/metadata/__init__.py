"""Metadata extractors: byline, agencies, dates, images, title, section, lede, language.

`extract_html_metadata` reads a parsed page (JSON-LD -> meta -> markup -> visible text);
`extract_text_metadata` reads the segments of a text dump, where only what the page
showed survives, and says which segments it claimed as metadata.

The two are imported on first use, so a text dump never loads lxml and the HTML extractors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clean_article.metadata.html import extract_html_metadata
    from clean_article.metadata.text import TextMetadata, extract_text_metadata

__all__ = ["TextMetadata", "extract_html_metadata", "extract_text_metadata"]

_HOMES = {
    "extract_html_metadata": "clean_article.metadata.html",
    "TextMetadata": "clean_article.metadata.text",
    "extract_text_metadata": "clean_article.metadata.text",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOMES[name]), name)
