"""Read-only views of a parsed HTML page shared by the HTML metadata extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lxml import html as lxml_html

from clean_article.metadata import vocab
from clean_article.metadata.jsonld import JsonLdArticle, read_jsonld
from clean_article.normalize import normalize_space

_SKIP_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_TOKEN_SPLIT = re.compile(r"[\s_-]+")


def attrs(element: lxml_html.HtmlElement) -> str:
    """Return the element's class and id, lower-cased, for hint matching."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def has_hint(element: lxml_html.HtmlElement, hints: Iterable[str]) -> bool:
    """Return whether a hint occurs inside the element's class or id."""
    text = attrs(element)
    return any(hint in text for hint in hints)


def has_token(element: lxml_html.HtmlElement, tokens: Iterable[str]) -> bool:
    """Return whether a class/id piece (split at spaces, "-" and "_") equals a token."""
    pieces = set(_TOKEN_SPLIT.split(attrs(element)))
    return any(token in pieces for token in tokens)


def _pieces(element: lxml_html.HtmlElement) -> list[str]:
    """Return the words of the element's class and id, BEM modifiers ("--no-promo") cut."""
    tokens = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    return [p for t in tokens for p in _TOKEN_SPLIT.split(t.split("--")[0]) if p]


def _holds_prose(element: lxml_html.HtmlElement) -> bool:
    """Return whether the element holds several prose paragraphs: a content wrapper."""
    count = 0
    for paragraph in element.iter("p"):
        if len(paragraph.text_content()) >= vocab.PROSE_PARAGRAPH_CHARS:
            count += 1
            if count >= vocab.PROSE_PARAGRAPHS:
                return True
    return False


def has_token_prefix(element: lxml_html.HtmlElement, prefixes: tuple[str, ...]) -> bool:
    """Return whether a class/id word (BEM modifiers cut) starts with one of `prefixes`."""
    return any(p.startswith(prefixes) for p in _pieces(element))


def in_boilerplate(
    element: lxml_html.HtmlElement,
    keep: frozenset[object] = frozenset(),
    prose: dict[object, bool] | None = None,
) -> bool:
    """Return whether the element sits in navigation, promos, related stories and the like.

    Ancestors in `keep` (those holding the headline) and ancestors holding prose never
    count, whatever their class says: "content-and-menu" or "l-sidebar-fixed" wrappers
    hold whole articles (bench c467d507, 16c30add).
    """
    node: lxml_html.HtmlElement | None = element
    while node is not None and isinstance(node.tag, str) and node.tag != "body":
        if node not in keep:
            if node.tag in ("nav", "aside", "footer"):
                return True
            hinted = any(p.startswith(vocab.NON_ARTICLE_HINTS) for p in _pieces(node))
            if hinted:
                if prose is None:
                    return not _holds_prose(node)
                if node not in prose:
                    prose[node] = _holds_prose(node)
                if not prose[node]:
                    return True
        node = node.getparent()
    return False


_BLOCK_TAGS = frozenset({"p", "div", "li", "span", "figcaption", "cite", "small", "td", "h1", "h2"})


def text_of(element: lxml_html.HtmlElement, skip: Iterable[lxml_html.HtmlElement] = ()) -> str:
    """Return the element's visible text, one line, leaving out `skip` subtrees."""
    skipped = set(skip)
    parts: list[str] = []
    stack: list[tuple[lxml_html.HtmlElement, bool]] = [(element, False)]
    while stack:  # iterative: deeply nested garbage must not hit the recursion limit
        node, closing = stack.pop()
        tail = node.tail if node is not element else None
        if closing:
            if node.tag in _BLOCK_TAGS:
                parts.append(" ")
        elif node in skipped or not isinstance(node.tag, str) or node.tag in _SKIP_TEXT_TAGS:
            pass
        else:
            parts.append(" " if node.tag == "br" else node.text or "")
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node))
            continue
        if tail:
            parts.append(tail)
    return normalize_space("".join(parts))


def iter_elements(tree: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """Yield the page's elements in document order, skipping comments and scripts."""
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag not in _SKIP_TEXT_TAGS:
            yield element


@dataclass(frozen=True, slots=True)
class Page:
    """What the extractors read from one page: meta tags, JSON-LD and the visible text."""

    tree: lxml_html.HtmlElement
    meta: dict[str, str]
    jsonld: JsonLdArticle
    visible_text: str
    site_names: frozenset[str]
    headline_ancestors: frozenset[object]
    prose_cache: dict[object, bool] = field(default_factory=dict)  # per page, per call

    def in_boilerplate(self, element: lxml_html.HtmlElement) -> bool:
        """Return whether the element sits in page furniture rather than the article."""
        return in_boilerplate(element, self.headline_ancestors, self.prose_cache)


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        key = key or meta.get("http-equiv")
        content = meta.get("content")
        if key and content and normalize_space(content):
            found.setdefault(key.strip().lower(), normalize_space(content))
    return found


def _visible_text(tree: lxml_html.HtmlElement) -> str:
    body = tree.find(".//body")
    root = body if body is not None else tree
    return text_of(root)


def read_page(tree: lxml_html.HtmlElement) -> Page:
    """Collect the page's meta tags, JSON-LD article and visible text (tree untouched)."""
    meta = _meta_tags(tree)
    jsonld = read_jsonld(tree)
    names = {meta.get("og:site_name"), meta.get("application-name"), jsonld.publisher}
    names |= {meta.get("twitter:site", "").lstrip("@") or None}
    site_names = frozenset(n.lower() for n in names if n)
    holders = {a for h1 in tree.iter("h1") for a in h1.iterancestors()}
    return Page(tree, meta, jsonld, _visible_text(tree), site_names, frozenset(holders))
