"""Metadata extractors: byline, agencies, dates, images, title, section, lede, language.

`extract_html_metadata` reads a parsed page (JSON-LD -> meta -> markup -> visible text);
`extract_text_metadata` reads the segments of a text dump, where only what the page
showed survives, and says which segments it claimed as metadata.
"""

from __future__ import annotations

from clean_article.metadata.html import extract_html_metadata
from clean_article.metadata.text import TextMetadata, extract_text_metadata

__all__ = ["TextMetadata", "extract_html_metadata", "extract_text_metadata"]
