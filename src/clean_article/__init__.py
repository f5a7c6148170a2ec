"""clean-article: turn scraped web pages and text dumps of pages into clean articles."""

from clean_article.model import (
    SCHEMA_VERSION,
    Article,
    Block,
    BlockType,
    Byline,
    Dates,
    Image,
    Metadata,
    Options,
    SourceFormat,
    Verdict,
)
from clean_article.pipeline import clean

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Block",
    "BlockType",
    "Byline",
    "Dates",
    "Image",
    "Metadata",
    "Options",
    "SourceFormat",
    "Verdict",
    "__version__",
    "clean",
]
