"""A recall-first walk over the DOM, for pages whose main content is more than one article.

trafilatura looks for one article region; on service pages, threads, product pages, listings and
documentation the content is many sections, posts or cards and it keeps only part of them. This
walk keeps every visible text block of the page's main region instead, after removing what is
furniture by its tag, ARIA role or class words (navigation, headers and footers, sidebars,
cookie banners, carts, recommendations, tables of contents), and says for each block which
element it came from, so the per-type rules (html_types.py) can drop or group blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from clean_article.model import BlockType
from clean_article.normalize import normalize_space

# Never text a reader sees as content.
SKIP_TAGS = frozenset(
    "script style noscript template svg iframe object embed canvas video audio picture source "
    "button select option input textarea dialog head title meta link map area math".split()
)
# Page furniture by its tag alone.
FURNITURE_TAGS = frozenset("nav footer aside header menu".split())
FURNITURE_ROLES = frozenset(
    "navigation banner contentinfo complementary search dialog alertdialog menu menubar "
    "tablist toolbar".split()
)
# Class and id words of furniture (whole tokens of the attribute split at non-letters).
FURNITURE_WORDS = frozenset(
    (
        "nav navbar navigation menu menubar megamenu breadcrumb breadcrumbs crumbs sidebar "
        "footer masthead topbar cookie cookies consent gdpr onetrust modal popup newsletter "
        "subscribe share sharing social socials related recommended "
        "recommendations upsell upsells crosssell skip pagination pager announcement login "
        "signin minicart drawer offcanvas toc sr ads advert advertisement sponsored"
    ).split()
)
# Compound class words of furniture, matched as substrings of the attribute.
FURNITURE_PARTS = (
    "breadcrumb",
    "cookie",
    "sidebar",
    "navbar",
    "site-header",
    "site-footer",
    "page-header__nav",
    "table-of-contents",
    "tableofcontents",
    "mini-cart",
    "off-canvas",
    "cross-sell",
    "also-like",
    "you-may",
    "screen-reader",
    "visually-hidden",
    "skip-link",
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# A furniture-looking element holding more than this share of the region's text is the page
# itself wrapped in an unlucky class ("page sidebar-left"), not furniture.
MAX_FURNITURE_SHARE = 0.5

_BLOCK_KINDS = {
    "p": BlockType.PARAGRAPH,
    "h1": BlockType.HEADING,
    "h2": BlockType.HEADING,
    "h3": BlockType.HEADING,
    "h4": BlockType.HEADING,
    "h5": BlockType.HEADING,
    "h6": BlockType.HEADING,
    "li": BlockType.LIST_ITEM,
    "dt": BlockType.LIST_ITEM,
    "dd": BlockType.LIST_ITEM,
    "blockquote": BlockType.QUOTE,
    "pre": BlockType.PARAGRAPH,
    "tr": BlockType.PARAGRAPH,
}
_CONTAINERS = frozenset(
    "div section article main body ul ol dl table tbody thead tfoot figure figcaption form "
    "fieldset details summary address center hgroup caption".split()
)
# Cells of one table row stay one block, as the text path prints them (" | " between cells).
_CELLS = frozenset(("td", "th"))
_SPLIT = re.compile(r"[^a-z0-9]+")
# Class words and tags of the ancestors that a block's verdict may depend on (html_blocks.py).
CONTEXT_WORDS = frozenset(
    (
        "card product price review reviews rating related footer header menu content main "
        "article post entry body description spec specs specification tab tabs widget hero "
        "section feature features faq testimonial testimonials share social comment comments "
        "reply author meta date tag tags category cart button btn badge label carousel slider "
        "swiper gallery thumbnail title subtitle summary excerpt teaser list grid item items "
        "filter filters sort toolbar legal copyright banner promo cta form search details "
        "info text rich prose markdown docs doc answer question message quote accordion "
        "container wrapper block row col column"
    ).split()
)
CONTEXT_TAGS = frozenset("main article section aside header footer nav form li table a".split())


@dataclass(frozen=True, slots=True)
class Chunk:
    """One text block of the walk, with where it came from."""

    type: BlockType
    text: str
    link_chars: int  # characters inside links
    tag: str  # the element that closed the block
    owner: int  # id() of the post element the chunk lies in, 0 outside posts
    in_quote: bool  # inside a blockquote
    context: frozenset[str] = frozenset()  # CONTEXT_WORDS and "in:tag" of its ancestors

    @property
    def link_share(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def is_furniture(element: etree._Element) -> bool:
    """Return True when the tag, role, hidden state or class words mark `element` as furniture."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in FURNITURE_TAGS:
        return True
    get = element.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    if (get("role") or "").lower() in FURNITURE_ROLES:
        return True
    if HIDDEN_STYLE.search(get("style") or ""):
        return True
    words = f"{get('class') or ''} {get('id') or ''}".lower()
    if not words.strip():
        return False
    if not any(part in words for part in FURNITURE_PARTS) and FURNITURE_WORDS.isdisjoint(
        _SPLIT.split(words)
    ):
        return False
    # A wrapper named after its sidebars ("layout-with-sidebar") that holds the page's headline
    # or its <main>/<article> is the page, not furniture.
    return next(element.iterdescendants("h1", "main", "article"), None) is None


def main_region(body: etree._Element) -> etree._Element:
    """Return <main> (or role=main) when it holds most of the page's text, else the body."""
    total = len(_text_of(body))
    for found in body.iter():
        if found.tag == "main" or found.get("role") == "main":
            if total and len(_text_of(found)) >= 0.3 * total:
                return found
            break
    return body


def _text_of(element: etree._Element) -> str:
    """Return the visible text under `element` (scripts, styles and the like left out)."""
    parts: list[str] = []
    _visible(element, parts)
    return " ".join(parts)


def _visible(element: etree._Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and child.tag not in SKIP_TAGS:
            _visible(child, parts)
        if child.tail:
            parts.append(child.tail)


class _Walker:
    """Collect text into chunks, closing one at every block boundary."""

    def __init__(self, keep_furniture: frozenset[int], posts: frozenset[int]) -> None:
        self.chunks: list[Chunk] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.links = 0
        self.quotes = 0
        self.owner = 0
        self.keep = keep_furniture
        self.posts = posts
        self.region_chars = 1
        self.context: list[frozenset[str]] = [frozenset()]

    def flush(self, kind: BlockType, tag: str) -> None:
        text = normalize_space("".join(self.parts))
        if text:
            if self.quotes and kind is BlockType.PARAGRAPH:
                kind = BlockType.QUOTE
            links = min(self.link_chars, len(text))
            self.chunks.append(
                Chunk(kind, text, links, tag, self.owner, self.quotes > 0, self.context[-1])
            )
        self.parts = []
        self.link_chars = 0

    def text(self, value: str | None) -> None:
        if value:
            self.parts.append(value)
            if self.links:
                self.link_chars += len(value.strip())

    def walk(self, element: etree._Element, kind: BlockType) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in SKIP_TAGS:
            return
        if (
            id(element) not in self.keep
            and is_furniture(element)
            and len(_text_of(element)) < MAX_FURNITURE_SHARE * self.region_chars
        ):
            return
        if tag == "br":
            self.parts.append(" ")
            return
        block = tag in _BLOCK_KINDS or tag in _CONTAINERS
        own = _BLOCK_KINDS.get(tag, kind)
        owner = self.owner
        if id(element) in self.posts:
            self.flush(kind, tag)
            self.owner = id(element)
        elif block:
            self.flush(kind, tag)
        self.links += tag == "a"
        self.quotes += tag == "blockquote"
        self.context.append(self.context[-1] | _context(element, tag))
        if tag in _CELLS and "".join(self.parts).strip():
            self.parts.append(" | ")
        self.text(element.text)
        for child in element:
            self.walk(child, own)
            self.text(child.tail)
        self.links -= tag == "a"
        if block or id(element) in self.posts:
            self.flush(own, tag)
        self.context.pop()
        self.quotes -= tag == "blockquote"
        self.owner = owner


def _context(element: etree._Element, tag: str) -> frozenset[str]:
    words = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    found = CONTEXT_WORDS.intersection(_SPLIT.split(words)) if words.strip() else set()
    if tag in CONTEXT_TAGS:
        found = {*found, f"in:{tag}"}
    return frozenset(found)


def walk(
    region: etree._Element,
    *,
    keep: frozenset[int] = frozenset(),
    posts: frozenset[int] = frozenset(),
) -> list[Chunk]:
    """Return the text chunks of `region` in reading order, furniture left out.

    `keep` holds ids of elements never to drop as furniture; `posts` ids of elements whose
    chunks carry that element's id as owner (the posts of a thread).
    """
    walker = _Walker(keep, posts)
    walker.region_chars = max(1, len(_text_of(region)))
    walker.walk(region, BlockType.PARAGRAPH)
    walker.flush(BlockType.PARAGRAPH, "")
    return walker.chunks


def iter_classes(element: etree._Element) -> Iterator[str]:
    """Yield the class and id words of `element`."""
    words = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    yield from (w for w in _SPLIT.split(words) if w)
