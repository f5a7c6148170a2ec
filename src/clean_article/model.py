"""The document model shared by every stage: frozen, slotted dataclasses and enums.

bytes -> Source -> Segment (text dumps) / Block -> Decision -> Article -> JSON | Markdown
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 1


class SourceFormat(StrEnum):
    HTML = "html"
    TEXT = "text"


class BlockType(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE = "table"  # `rows` holds the cells; `text` the cells on one line
    CODE = "code"  # `text` keeps the line breaks and indentation of the source


class PageType(StrEnum):
    """What kind of page the input is (pagetype.py decides)."""

    ARTICLE = "article"
    SERVICE = "service"
    FORUM = "forum"
    PRODUCT = "product"
    DOCUMENTATION = "documentation"
    LISTING = "listing"
    COLLECTION = "collection"


class Verdict(StrEnum):
    """What the boilerplate detector decided for one candidate block."""

    BODY = "body"  # kept in the article body
    BOILERPLATE = "boilerplate"  # dropped: navigation, teasers, share bars, footers ...
    METADATA = "metadata"  # moved to a metadata field: title, byline, date, caption, credit ...


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run may vary. Nothing here is read from the clock or the environment."""

    reference_date: dt.date | None = None  # resolves relative dates ("3 hours ago"); else null
    encoding: str | None = None  # force an input encoding instead of sniffing it
    input_format: SourceFormat | None = None  # force HTML or text instead of sniffing it
    # What one input may cost (see decode.py and html.py); the defaults are documented in README.
    max_input_bytes: int = 20 * 1024 * 1024  # the input as given (gzipped or not)
    max_unpacked_bytes: int = 40 * 1024 * 1024  # a gzipped input once unpacked
    max_html_elements: int = 50_000  # elements of a parsed page, before trafilatura sees them
    # The charset the transport declared (a WARC record's HTTP Content-Type): tried after a BOM,
    # before <meta charset>, as browsers do; unlike `encoding`, a wrong one falls through.
    charset_hint: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded input: its text, what kind of document it is, and where it came from."""

    name: str | None
    format: SourceFormat
    sha256: str  # of the raw input bytes (after gunzip)
    text: str
    encoding: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A candidate block of a text dump, as the segmenter cut it, before any verdict.

    `text` is normalised (wrapped lines re-joined, whitespace collapsed, renderer markup
    such as bullets removed); `raw` keeps the lines as they stood in the dump.
    """

    index: int
    text: str
    type: BlockType
    first_line: int  # 0-based line numbers in the dump, inclusive
    last_line: int
    raw: str = ""
    indent: int = 0
    rows: tuple[tuple[str, ...], ...] = ()  # the cells of a table segment
    header: bool = False  # the first of `rows` is a header row


@dataclass(frozen=True, slots=True)
class Block:
    type: BlockType
    text: str
    rows: tuple[tuple[str, ...], ...] = ()  # a table's cells, row by row (TABLE blocks only)
    header: bool = False  # the first of `rows` is a header row (TABLE blocks only)


@dataclass(frozen=True, slots=True)
class Decision:
    """One candidate block with the detector's verdict and the reason, for --explain."""

    text: str
    type: BlockType
    verdict: Verdict
    reason: str
    rows: tuple[tuple[str, ...], ...] = ()  # carried to Block for TABLE decisions
    header: bool = False

    def block(self) -> Block:
        """Return the block this decision keeps."""
        return Block(self.type, self.text, self.rows, self.header)


@dataclass(frozen=True, slots=True)
class Image:
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None
    src: str | None = None


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    raw: str | None = None


@dataclass(frozen=True, slots=True)
class Dates:
    published: str | None = None  # ISO 8601; the page's UTC offset kept when it gives one
    modified: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    section: tuple[str, ...] = ()
    lede: str | None = None
    language: str | None = None
    byline: Byline = field(default_factory=Byline)
    dates: Dates = field(default_factory=Dates)
    images: tuple[Image, ...] = ()
    url: str | None = None  # the page's canonical address (absolute), from its markup
    site_name: str | None = None  # og:site_name, else the JSON-LD publisher


@dataclass(frozen=True, slots=True)
class Post:
    """One post of a thread: who wrote it, when, and which blocks it spans."""

    first_block: int  # index into Article.blocks
    block_count: int
    author: str | None = None
    published: str | None = None  # ISO 8601 as the page gives it


@dataclass(frozen=True, slots=True)
class Article:
    source_name: str | None
    source_format: SourceFormat
    sha256: str
    metadata: Metadata
    blocks: tuple[Block, ...]
    decisions: tuple[Decision, ...] = ()  # every candidate with its verdict (for --explain)
    # Where a web-archive record came from (WARC-Target-URI, WARC-Record-ID, WARC-Date, as given);
    # None for inputs that are not archive records.
    source_url: str | None = None
    record_id: str | None = None
    warc_date: str | None = None
    page_type: PageType | None = None
    posts: tuple[Post, ...] = ()  # forum and Q&A pages: the posts, in order

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON document of schema version 1 (keys always present)."""
        meta = self.metadata
        return {
            "schema_version": SCHEMA_VERSION,
            "source": {
                "name": self.source_name,
                "format": self.source_format.value,
                "sha256": self.sha256,
                "url": self.source_url,
                "record_id": self.record_id,
                "warc_date": self.warc_date,
            },
            "title": meta.title,
            "section": list(meta.section),
            "lede": meta.lede,
            "language": meta.language,
            "byline": {
                "authors": list(meta.byline.authors),
                "agencies": list(meta.byline.agencies),
                "raw": meta.byline.raw,
            },
            "dates": {"published": meta.dates.published, "modified": meta.dates.modified},
            "images": [
                {"caption": im.caption, "credit": im.credit, "alt": im.alt, "src": im.src}
                for im in meta.images
            ],
            "blocks": [_block_dict(b) for b in self.blocks],
            "text": self.text,
            "url": meta.url,
            "site_name": meta.site_name,
            "page_type": self.page_type.value if self.page_type else None,
            "posts": [
                {
                    "author": p.author,
                    "published": p.published,
                    "first_block": p.first_block,
                    "block_count": p.block_count,
                }
                for p in self.posts
            ],
        }


def _block_dict(block: Block) -> dict[str, Any]:
    """Return one block of the JSON document; a table also gives its rows and header flag."""
    out: dict[str, Any] = {"type": block.type.value, "text": block.text}
    if block.type is BlockType.TABLE:
        out["rows"] = [list(row) for row in block.rows]
        out["header"] = block.header
    return out
