"""HTML pages: parse once with lxml, find the article body with trafilatura, cut it into blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from clean_article.errors import InputError
from clean_article.model import Block, BlockType
from clean_article.normalize import code_text, normalize_space

# Handed to trafilatura so that it never derives a default from the clock (we do not use its dates).
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "9999-12-31"}
# trafilatura's body elements and the block each one becomes.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A table becomes a TABLE block with at least this many rows (and two columns) and no cell
# longer than this; otherwise it lays out the page and its rows are paragraphs.
TABLE_MIN_ROWS = 2
TABLE_MAX_CELL_CHARS = 300
_LEAF_TYPES = {"p": BlockType.PARAGRAPH, "head": BlockType.HEADING, "quote": BlockType.QUOTE}


def parse_html(text: str) -> Any:
    """Parse `text` into an lxml HTML tree, raising InputError when nothing can be parsed."""
    # lxml refuses str input that declares an encoding; the text is already decoded.
    # Control characters are invisible and not allowed in XML: trafilatura, which serialises
    # the tree as XML on the way, finds no body at all in a page that holds one.
    text = _XML_INVALID.sub("", text)
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        raise InputError(
            f"cannot be parsed as HTML ({exc}): pass --format text for a text dump"
        ) from None
    if tree is None:
        raise InputError("cannot be parsed as HTML: pass --format text for a text dump")
    return tree


def refuse_oversized(tree: Any, max_elements: int) -> None:
    """Raise InputError when `tree` has more elements than one page may cost.

    Extraction time and memory grow with the element count (about 0.25 ms each); the largest
    real article pages seen have 16,000. Nesting needs no cap: libxml2 stops at depth 256.
    """
    count = int(tree.xpath("count(//*)"))  # counted in C: no proxy object per element
    if count > max_elements:
        raise InputError(
            f"has {count:,} HTML elements, over the limit of {max_elements:,}: not a single "
            "article page (raise --max-elements if it is one)"
        )


def _parser() -> Any:
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=False)
    # lxml.html asks a Python method for the class of every element it hands out, and
    # trafilatura walks every element several times: that call was ~9% of the HTML path.
    # This lookup gives the same classes in C (only <form>, <input>, <select>, <textarea>
    # and <label> lose their form helpers, which neither trafilatura nor we use).
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


def preload() -> None:
    """Import trafilatura and load the date parser's tables now (a batch does it before forking
    its workers, which then share them instead of each paying)."""
    import trafilatura  # noqa: F401

    from clean_article.metadata.htmldate_dates import warm_up

    warm_up()


def extract_body(tree: Any) -> list[Block]:
    """Return the article body of `tree` as blocks (trafilatura's balanced, then recall mode)."""
    import trafilatura  # a heavy import, needed by HTML inputs only

    for recall in (False, True):
        document = trafilatura.bare_extraction(
            tree,
            include_comments=False,
            include_tables=True,
            favor_recall=recall,
            deduplicate=False,
            with_metadata=False,
            date_extraction_params=_DATE_PARAMS,
        )
        body = getattr(document, "body", None)
        if body is not None:
            blocks = list(_blocks(body))
            if blocks:
                return blocks
    return []


def _blocks(body: Any) -> Iterator[Block]:
    yield from _loose_text(body.text)
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            for item in element.iter("item"):
                yield from _leaf(BlockType.LIST_ITEM, item)
        elif tag == "table":
            yield from _table(element)
        elif tag == "code":
            yield from _code(element)
        elif tag in _LEAF_TYPES or tag == "div":
            yield from _leaf(_LEAF_TYPES.get(tag, BlockType.PARAGRAPH), element)
        # trafilatura leaves the text that follows a heading or list as its tail.
        yield from _loose_text(element.tail)


def _table(element: Any) -> Iterator[Block]:
    """Yield a data table as one TABLE block; a layout table as one paragraph per row."""
    rows: list[tuple[str, ...]] = []
    heads: list[bool] = []
    for row in element.iterchildren("row"):
        cells = [cell for cell in row.iterchildren() if cell.tag in {"cell", "head"}]
        texts = tuple(_text(cell) for cell in cells)
        if any(texts):
            rows.append(texts)
            heads.append(all(c.get("role") == "head" or c.tag == "head" for c in cells))
    if not rows:
        return
    longest = max(len(cell) for row in rows for cell in row)
    if len(rows) < TABLE_MIN_ROWS or max(map(len, rows)) < 2 or longest > TABLE_MAX_CELL_CHARS:
        for row in rows:
            yield Block(BlockType.PARAGRAPH, " | ".join(filter(None, row)))
        return
    text = " ".join(" | ".join(filter(None, row)) for row in rows)
    yield Block(BlockType.TABLE, text, tuple(rows), heads[0])


def _code(element: Any) -> Iterator[Block]:
    """Yield a `pre`/code element as one CODE block with its line breaks and indentation."""
    parts: list[str] = []
    _collect(element, parts, code=True)
    text = code_text("".join(parts))
    if text:
        yield Block(BlockType.CODE, text)


def _leaf(kind: BlockType, element: Any) -> Iterator[Block]:
    text = _text(element)
    if text:
        yield Block(kind, text)


def _loose_text(text: str | None) -> Iterator[Block]:
    cleaned = normalize_space(text or "")
    if cleaned:
        yield Block(BlockType.PARAGRAPH, cleaned)


def _text(element: Any) -> str:
    parts: list[str] = []
    _collect(element, parts)
    return normalize_space("".join(parts))


def _collect(element: Any, parts: list[str], code: bool = False) -> None:
    # Line breaks and nested list items separate words; other inline markup does not.
    if element.tag in {"lb", "item"}:
        parts.append("\n" if code else " ")
    if element.text:
        parts.append(element.text)
    for child in element:
        _collect(child, parts, code)
        if child.tail:
            parts.append(child.tail)
