"""Read-only views of a parsed HTML page shared by the HTML metadata extractors.

`read_page` walks the tree once and indexes what the extractors keep asking about: the
elements in document order, by tag, their class/id text and their markup attributes.
Element texts, hint matches and boilerplate verdicts are computed on demand and cached on
the Page, so one call's caches never outlive it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from clean_article import lazy_re as re
from clean_article.metadata import vocab
from clean_article.metadata.jsonld import JsonLdArticle, read_jsonld
from clean_article.normalize import normalize_space

_SKIP_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_NEVER = re.compile(r"(?!)")
# The class/id text (see Page.attrs) of an element with neither class nor id.
_NO_ATTRS = " "


def hint_pattern(hints: Iterable[str]) -> re.Pattern[str]:
    """Compile class/id hints (non-blank) into one pattern finding any of them in a
    class/id text."""
    hints = tuple(hints)
    return re.compile("|".join(re.escape(h) for h in hints)) if hints else _NEVER


def _pieces(attrs_text: str) -> list[str]:
    """Return the words of a class/id text, BEM modifiers ("--no-promo") cut."""
    return [p for t in attrs_text.split() for p in _TOKEN_SPLIT.split(t.split("--")[0]) if p]


def _holds_prose(element: lxml_html.HtmlElement) -> bool:
    """Return whether the element holds several prose paragraphs: a content wrapper."""
    count = 0
    for paragraph in element.iter("p"):
        if len(paragraph.text_content()) >= vocab.PROSE_PARAGRAPH_CHARS:
            count += 1
            if count >= vocab.PROSE_PARAGRAPHS:
                return True
    return False


_BLOCK_TAGS = frozenset({"p", "div", "li", "span", "figcaption", "cite", "small", "td", "h1", "h2"})
_WALK_EVENTS = ("start", "end", "comment", "pi")
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer"})
# Attributes of schema.org and microformat markup the extractors select by.
_MARKUP_ATTRIBUTES = frozenset({"itemprop", "rel", "datetime"})
# Prefilter for in_boilerplate: a class/id word starting with a hint contains the hint.
_NON_ARTICLE = hint_pattern(vocab.NON_ARTICLE_HINTS)


def text_of(element: lxml_html.HtmlElement, skip: Iterable[lxml_html.HtmlElement] = ()) -> str:
    """Return the element's visible text, one line, leaving out `skip` subtrees.

    Blocks and <br> are separated by a space; scripts, styles and comments are left out.
    """
    skipped = set(skip)
    if element in skipped or not isinstance(element.tag, str) or element.tag in _SKIP_TEXT_TAGS:
        return ""
    if not len(element):  # no children: its own text only
        return "" if element.tag == "br" else normalize_space(element.text or "")
    parts: list[str] = []
    walker = etree.iterwalk(element, events=_WALK_EVENTS)  # iterative: no recursion limit
    for event, node in walker:
        if event == "start":
            if node in skipped or node.tag in _SKIP_TEXT_TAGS:
                walker.skip_subtree()
            else:
                parts.append(" " if node.tag == "br" else node.text or "")
            continue
        if event == "end" and node.tag in _BLOCK_TAGS and node not in skipped:
            parts.append(" ")
        if node.tail and node is not element:  # comments and PIs report only their tail
            parts.append(node.tail)
    return normalize_space("".join(parts))


@dataclass(frozen=True, slots=True)
class _Index:
    """The page's elements, read in one walk: every later selection filters these."""

    elements: tuple[lxml_html.HtmlElement, ...]  # document order; no scripts, styles, comments
    by_tag: dict[str, list[lxml_html.HtmlElement]]  # all elements, document order, root too
    hint_texts: dict[object, str]  # class/id text of every element that has a class or an id
    marked: tuple[lxml_html.HtmlElement, ...]  # elements with itemprop, rel or datetime


def _walk(tree: lxml_html.HtmlElement) -> _Index:
    """Index the tree's elements: each later question filters this, never the tree."""
    everything = list(tree.iter(etree.Element))  # elements only: no comments
    tags = [element.tag for element in everything]
    by_tag: defaultdict[str, list[lxml_html.HtmlElement]] = defaultdict(list)
    for element, tag in zip(everything, tags, strict=True):
        by_tag[tag].append(element)
    elements = (e for e, tag in zip(everything, tags, strict=True) if tag not in _SKIP_TEXT_TAGS)
    hint_texts: dict[object, str] = {}
    marked: list[lxml_html.HtmlElement] = []
    for element in everything:
        names = element.keys()
        if not names:
            continue
        if "class" in names or "id" in names:
            classes, ident = element.get("class"), element.get("id")
            if classes or ident:
                hint_texts[element] = f"{classes or ''} {ident or ''}".lower()
        if not _MARKUP_ATTRIBUTES.isdisjoint(names):
            marked.append(element)
    return _Index(tuple(elements), dict(by_tag), hint_texts, tuple(marked))


def _below(index: _Index, root: lxml_html.HtmlElement, tag: str) -> list[lxml_html.HtmlElement]:
    """Return the elements named `tag` under `root`, as root.iterfind(".//tag") does."""
    found = index.by_tag.get(tag, [])
    return found[1:] if found and found[0] is root else found


@dataclass(frozen=True, slots=True)
class Page:
    """What the extractors read from one page: meta tags, JSON-LD and an element index."""

    tree: lxml_html.HtmlElement
    index: _Index
    meta: dict[str, str]
    jsonld: JsonLdArticle
    site_names: frozenset[str]
    headline_ancestors: frozenset[object]
    # Per page, per call: filled on demand by the methods below.
    _texts: dict[object, str] = field(default_factory=dict)
    _hinted: dict[re.Pattern[str], frozenset[lxml_html.HtmlElement]] = field(default_factory=dict)
    _boilerplate: dict[object, bool] = field(default_factory=dict)

    @property
    def elements(self) -> tuple[lxml_html.HtmlElement, ...]:
        """Return the elements in document order, scripts, styles and comments left out."""
        return self.index.elements

    @property
    def marked(self) -> tuple[lxml_html.HtmlElement, ...]:
        """Return the elements carrying itemprop, rel or datetime, in document order."""
        return self.index.marked

    def tagged(self, tag: str) -> list[lxml_html.HtmlElement]:
        """Return the elements named `tag` in document order, as tree.iter(tag) does."""
        return self.index.by_tag.get(tag, [])

    def below(self, tag: str) -> list[lxml_html.HtmlElement]:
        """Return the elements named `tag` under the root, as tree.iterfind(".//tag") does."""
        return _below(self.index, self.tree, tag)

    @property
    def visible_text(self) -> str:
        """Return the text the page shows, one line (computed on first use)."""
        bodies = self.below("body")
        return self.text(bodies[0] if bodies else self.tree)

    def text(self, element: lxml_html.HtmlElement) -> str:
        """Return text_of(element), read once per page."""
        found = self._texts.get(element)
        if found is None:
            found = self._texts[element] = text_of(element)
        return found

    def attrs(self, element: lxml_html.HtmlElement) -> str:
        """Return the element's class and id, lower-cased, one space between: what hints
        are looked for in."""
        return self.index.hint_texts.get(element, _NO_ATTRS)

    def has_hint(self, element: lxml_html.HtmlElement, pattern: re.Pattern[str]) -> bool:
        """Return whether a hint of `pattern` (see hint_pattern) is in the element's class/id."""
        return pattern.search(self.attrs(element)) is not None

    def hinted(
        self, pattern: re.Pattern[str], among: Iterable[lxml_html.HtmlElement] | None = None
    ) -> frozenset[lxml_html.HtmlElement]:
        """Return every element whose class/id holds a hint of `pattern`.

        `among`, when given, must hold them all (the result for wider hints): only it is read.
        """
        found = self._hinted.get(pattern)
        if found is None:
            texts = self.index.hint_texts
            pairs = texts.items() if among is None else ((e, self.attrs(e)) for e in among)
            matches: dict[str, bool] = {}  # class names repeat: search each text once
            hinted: list[lxml_html.HtmlElement] = []
            for element, text in pairs:
                match = matches.get(text)
                if match is None:
                    match = matches[text] = pattern.search(text) is not None
                if match:
                    hinted.append(element)
            found = self._hinted[pattern] = frozenset(hinted)
        return found

    def has_token(self, element: lxml_html.HtmlElement, tokens: Iterable[str]) -> bool:
        """Return whether a class/id piece (split at spaces, "-" and "_") equals a token."""
        pieces = set(_TOKEN_SPLIT.split(self.attrs(element)))
        return any(token in pieces for token in tokens)

    def has_token_prefix(self, element: lxml_html.HtmlElement, prefixes: tuple[str, ...]) -> bool:
        """Return whether a class/id word (BEM modifiers cut) starts with one of `prefixes`."""
        text = self.index.hint_texts.get(element)
        return text is not None and any(p.startswith(prefixes) for p in _pieces(text))

    def in_boilerplate(self, element: lxml_html.HtmlElement) -> bool:
        """Return whether the element sits in navigation, promos, related stories and the like.

        Ancestors holding the headline and ancestors holding prose never count, whatever
        their class says: "content-and-menu" or "l-sidebar-fixed" wrappers hold whole
        articles (bench c467d507, 16c30add). Verdicts are cached for every ancestor climbed.
        """
        climbed: list[object] = []
        verdict = False
        node: lxml_html.HtmlElement | None = element
        while node is not None and isinstance(node.tag, str) and node.tag != "body":
            known = self._boilerplate.get(node)
            if known is not None:
                verdict = known
                break
            climbed.append(node)
            if self._is_furniture(node):
                verdict = True
                break
            node = node.getparent()
        for visited in climbed:
            self._boilerplate[visited] = verdict
        return verdict

    def _is_furniture(self, node: lxml_html.HtmlElement) -> bool:
        """Return whether this one element (not its ancestors) is page furniture."""
        if node in self.headline_ancestors:
            return False
        if node.tag in _FURNITURE_TAGS:
            return True
        text = self.index.hint_texts.get(node)
        if text is None or not _NON_ARTICLE.search(text):
            return False
        hinted = any(p.startswith(vocab.NON_ARTICLE_HINTS) for p in _pieces(text))
        return hinted and not _holds_prose(node)


def _meta_tags(metas: list[lxml_html.HtmlElement]) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in metas:
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        key = key or meta.get("http-equiv")
        content = meta.get("content")
        value = normalize_space(content) if key and content else ""
        if key and value:
            found.setdefault(key.strip().lower(), value)
    return found


def read_page(tree: lxml_html.HtmlElement) -> Page:
    """Collect the page's meta tags, JSON-LD article and element index (tree untouched)."""
    index = _walk(tree)
    meta = _meta_tags(_below(index, tree, "meta"))
    jsonld = read_jsonld(_below(index, tree, "script"))
    names = {meta.get("og:site_name"), meta.get("application-name"), jsonld.publisher}
    names |= {meta.get("twitter:site", "").lstrip("@") or None}
    site_names = frozenset(n.lower() for n in names if n)
    holders = {a for h1 in index.by_tag.get("h1", []) for a in h1.iterancestors()}
    return Page(tree, index, meta, jsonld, site_names, frozenset(holders))
