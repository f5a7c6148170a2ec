"""Metadata of a text dump (stub)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from clean_article.model import Metadata, Options, Segment


@dataclass(frozen=True, slots=True)
class TextMetadata:
    metadata: Metadata = field(default_factory=Metadata)
    claimed: dict[int, str] = field(default_factory=dict)


def extract_text_metadata(segments: Sequence[Segment], options: Options) -> TextMetadata:
    return TextMetadata()
