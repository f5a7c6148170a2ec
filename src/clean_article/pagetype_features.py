"""The evidence a page gives about its kind, as named numbers for the page-type model.

Two front ends, one vocabulary: an HTML page is measured by its JSON-LD types, Open Graph type,
address, DOM counts and class words; a text dump by its layout (bullets, prices, indented code,
button marks). Both share the cue phrases of the text itself. Counts enter as log(1 + n).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:  # the text path must not import lxml (tests/test_startup.py)
    from lxml import etree

Features = dict[str, float]

# schema.org types, grouped by the page kind they suggest.
LD_GROUPS = {
    "article": "article newsarticle blogposting report reportagenewsarticle analysisnewsarticle "
    "opinionnewsarticle scholarlyarticle liveblogposting",
    "product": "product offer aggregateoffer productgroup productmodel individualproduct",
    "forum": "discussionforumposting qapage question answer comment socialmediaposting",
    "collection": "collectionpage itemlist offercatalog searchresultspage productcollection",
    "doc": "techarticle apireference softwaresourcecode howto",
    "service": "organization localbusiness service website faqpage softwareapplication "
    "corporation professionalservice webapplication event course",
    "webpage": "webpage aboutpage contactpage itempage",
    "breadcrumb": "breadcrumblist",
    "review": "review aggregaterating",
}
_LD_GROUP_OF = {t: group for group, types in LD_GROUPS.items() for t in types.split()}
# Words of an address's path that hint at a kind of page.
URL_WORDS = frozenset(
    (
        "product products p item items dp shop store buy goods "
        "docs doc documentation api reference wiki manual guide guides learn developer "
        "developers sdk kb help support tutorial tutorials man "
        "forum forums t thread threads topic topics questions question q community discussion "
        "discussions board boards r comments viewtopic showthread answers "
        "category categories collections collection c tag tags catalog browse search "
        "department brands brand "
        "blog news article articles post posts stories story insights press "
        "courses reviews archive page index list "
        "services service solutions features pricing about contact company platform "
        "html php aspx htm"
    ).split()
)
# Cue phrases of the visible text, counted on both front ends.
TEXT_CUES = (
    "reply",
    "replies",
    "posted",
    "joined",
    "quote",
    "views",
    "upvote",
    "answered",
    "asked",
    "thread",
    "members",
    "permalink",
    "add to cart",
    "add to bag",
    "in stock",
    "sku",
    "shipping",
    "reviews",
    "sale",
    "results",
    "sort by",
    "filter",
    "showing",
    "products",
    "read more",
    "edit this page",
    "on this page",
    "parameters",
    "returns",
    "example",
    "version",
    "contact us",
    "get started",
    "pricing",
    "demo",
    "our services",
    "learn more",
    "testimonials",
    "free trial",
    "min read",
    "share",
    "by",
    "published",
    "updated",
    "copyright",
    "quantity",
    "description",
    "specifications",
    "wishlist",
    "next page",
    "previous",
    "load more",
    "customers",
    "solutions",
)
_CUE = re.compile(r"\b(" + "|".join(re.escape(c) for c in TEXT_CUES) + r")\b", re.IGNORECASE)
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:€|EUR|USD|GBP)\b")
_DATE_PATH = re.compile(r"/(19|20)\d\d/(\d\d?/)?")
_TOKEN = re.compile(r"[a-z0-9]+")
# Class and id words counted over the DOM.
CLASS_WORDS = frozenset(
    (
        "post posts comment comments reply replies author username user avatar message messages "
        "answer answers vote votes thread topic product products price cart rating review "
        "reviews card cards item items grid tile listing results sidebar toc docs doc "
        "highlight code api menu nav breadcrumb entry article content hero section feature "
        "features pricing testimonial cta faq swatch variant gallery quantity sku"
    ).split()
)
COUNT_TAGS = (
    "article h1 h2 h3 li p pre code table tr form input img a time blockquote section "
    "button select dl nav aside".split()
)


def log_count(n: float) -> float:
    return math.log1p(n)


def text_cues(text: str) -> Features:
    """Count the shared cue phrases in `text`, and its length in words."""
    counts = Counter(m.group(1).lower() for m in _CUE.finditer(text))
    found = {f"cue:{k}": log_count(v) for k, v in counts.items()}
    found["text:words"] = log_count(len(text.split()))
    found["text:prices"] = log_count(len(_PRICE.findall(text)))
    return found


def url_features(url: str | None) -> Features:
    """Describe the shape of the page's address."""
    if not url:
        return {"url:none": 1.0}
    parts = urlsplit(url.strip())
    path = parts.path.lower()
    segments = [s for s in path.split("/") if s]
    found: Features = {f"url:depth{min(len(segments), 4)}": 1.0}
    for word in {w for s in segments for w in _TOKEN.findall(s)} & URL_WORDS:
        found[f"url:{word}"] = 1.0
    if segments and segments[0] in URL_WORDS:
        found[f"url:first:{segments[0]}"] = 1.0
    if parts.query:
        found["url:query"] = 1.0
    if _DATE_PATH.search(path):
        found["url:date"] = 1.0
    last = segments[-1] if segments else ""
    found["url:slug_words"] = log_count(len(_TOKEN.findall(last)))
    if any(s.isdigit() for s in segments):
        found["url:number"] = 1.0
    if path.endswith("/"):
        found["url:slash"] = 1.0
    return found


def jsonld_objects(tree: etree._Element) -> Iterator[dict[str, Any]]:
    """Yield every object of the page's JSON-LD scripts, nested ones included (5 levels deep)."""
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads((script.text or "").strip(), strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _objects(data, 0)


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 5:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _objects(value, depth + 1)


def ld_types(objects: Iterable[dict[str, Any]]) -> set[str]:
    """Return the lower-cased @type names of JSON-LD objects."""
    found: set[str] = set()
    for obj in objects:
        value = obj.get("@type")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                found.add(item.lower())
    return found


def page_url(tree: etree._Element) -> str | None:
    """Return the page's own address: its canonical link or og:url."""
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return str(link.get("href"))
    for meta in tree.iter("meta"):
        if (meta.get("property") or "").lower() == "og:url" and meta.get("content"):
            return str(meta.get("content"))
    return None


_META_CUES = {
    "article:published_time": "meta:published",
    "article:author": "meta:author",
    "author": "meta:author",
    "product:price:amount": "meta:price",
    "og:price:amount": "meta:price",
    "twitter:label1": "meta:twitter_label",
}
TITLE_CUES = frozenset(
    (
        "how to why what best guide vs review tips ways news "
        "pricing services service solutions software platform company agency contact about "
        "shop buy sale price store online collection collections category products "
        "forum question help thread community reddit "
        "documentation docs api reference wiki manual "
        "blog articles resources archive latest all courses page"
    ).split()
)


def _head(tree: etree._Element) -> Features:
    """Read the head's meta cues (published time, author, price) and the title's words."""
    found: Features = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in _META_CUES and meta.get("content"):
            found[_META_CUES[key]] = 1.0
    title = tree.find(".//title")
    words = set(_TOKEN.findall(" ".join(title.itertext()).lower())) if title is not None else set()
    for word in words & TITLE_CUES:
        found[f"title:{word}"] = 1.0
    if tree.find(".//*[@rel='author']") is not None:
        found["rel:author"] = 1.0
    return found


def _og_type(tree: etree._Element) -> str:
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:type":
            return (meta.get("content") or "").strip().lower().split(".")[0]
    return ""


def visible_text(tree: etree._Element) -> str:
    """Return the text of the page's body without scripts and styles."""
    body = tree.find("body")
    parts: list[str] = []
    for element in (body if body is not None else tree).iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in {"script", "style", "noscript", "template"}:
            continue
        if element.text and tag:
            parts.append(element.text)
        if element.tail:
            parts.append(element.tail)
    return " ".join(parts)


def html_features(tree: etree._Element, url: str | None = None) -> Features:
    """Measure an HTML page for the page-type model."""
    found: Features = {"bias": 1.0}
    objects = list(jsonld_objects(tree))
    for name in ld_types(objects):
        group = _LD_GROUP_OF.get(name)
        if group:
            found[f"ld:{group}"] = 1.0
    for key in ("datePublished", "author", "offers", "articleBody", "acceptedAnswer"):
        if any(key in obj for obj in objects):
            found[f"ld:has:{key}"] = 1.0
    found.update(_head(tree))
    og = _og_type(tree)
    found[f"og:{og if og in {'article', 'product', 'website'} else 'other'}"] = 1.0
    found.update(url_features(url or page_url(tree)))
    tags: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tags[element.tag] += 1
        attr = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if attr.strip():
            words.update(set(_TOKEN.findall(attr)) & CLASS_WORDS)
        if element.get("itemprop") == "price":
            words["itemprop_price"] += 1
    for tag in COUNT_TAGS:
        found[f"tag:{tag}"] = log_count(tags[tag])
    for word, n in words.items():
        found[f"class:{word}"] = log_count(n)
    found.update(_structure(tree))
    text = visible_text(tree)
    found.update(text_cues(text))
    link_chars = sum(len(t) for a in tree.iter("a") for t in a.itertext())
    found["links:share"] = min(1.0, link_chars / max(1, len(text)))
    found["p:share"] = min(1.0, math.expm1(found["p:long_words"]) / max(1, len(text.split())))
    return found


def _structure(tree: etree._Element) -> Features:
    """Count long paragraphs, linked headings (cards), question headings and repeated siblings."""
    sizes = [len(" ".join(p.itertext()).split()) for p in tree.iter("p")]
    long_p = sum(n >= 40 for n in sizes)
    long_words = sum(n for n in sizes if n >= 25)
    linked = questions = 0
    for heading in tree.iter("h2", "h3", "h4"):
        text = " ".join(heading.itertext()).strip()
        questions += text.endswith("?")
        parent = heading.getparent()
        linked += heading.find(".//a") is not None or (parent is not None and parent.tag == "a")
    repeat = 0
    for parent in tree.iter("ul", "ol", "div", "section", "tbody"):
        kinds = Counter(
            (c.tag, c.get("class")) for c in parent if isinstance(c.tag, str) and c.get("class")
        )
        repeat = max(repeat, max(kinds.values(), default=0))
    return {
        "p:long": log_count(long_p),
        "p:long_words": log_count(long_words),
        "h:linked": log_count(linked),
        "h:question": log_count(questions),
        "repeat:max": log_count(repeat),
    }


_BULLET = re.compile(r"^\s*(?:[*+•-]|\d+\.)\s")
_CODE = re.compile(r"[{};]\s*$|^\s*(?:def|class|import|return|const|let|var|function)\b|\(\)")


def text_features(dump: str) -> Features:
    """Measure a text dump for the page-type model."""
    found: Features = {"bias": 1.0}
    lines = [line for line in dump.splitlines() if line.strip()]
    n = max(1, len(lines))
    found["lines"] = log_count(len(lines))
    found["lines:bullet"] = sum(bool(_BULLET.match(x)) for x in lines) / n
    found["lines:code"] = sum(bool(_CODE.search(x)) for x in lines) / n
    found["lines:short"] = sum(len(x.split()) <= 4 for x in lines) / n
    found["lines:button"] = log_count(sum("(BUTTON)" in x or "[BUTTON]" in x for x in lines))
    found["lines:form"] = log_count(sum("____" in x for x in lines))
    found["lines:flush"] = sum(not x.startswith(" ") for x in lines) / n
    found["lines:deep"] = sum(x.startswith("      ") for x in lines) / n
    found.update(text_cues(dump))
    return found
