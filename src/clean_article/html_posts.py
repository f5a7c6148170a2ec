"""The posts of a thread: repeated sibling blocks that read like posts, with author and date.

A thread repeats one post template: siblings with the same tag and class words, most of them
holding text, whose class words or microdata say post, message, comment, reply or answer. The
largest such group by text is the thread. Each post's author comes from microdata, rel=author
or an author/username class inside it; its date from <time datetime> or itemprop dates.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lxml import etree

from clean_article.html_walk import iter_classes
from clean_article.normalize import normalize_space

POST_WORDS = frozenset(
    "post posts message messages comment comments reply replies answer answers entry topic "
    "postbody thread-post discussion".split()
)
POST_ITEMTYPES = ("comment", "answer", "question", "discussionforumposting", "socialmediaposting")
AUTHOR_WORDS = frozenset("author username user-name poster nickname name".split())
MIN_POSTS = 2
MIN_POST_CHARS = 20
_DATE_PROPS = ("datePublished", "dateCreated", "uploadDate")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
# What the schema's iso_date admits; a longer stamp in another form keeps its day only.
_SCHEMA_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$"
)


def _signature(element: etree._Element) -> tuple[str, str] | None:
    if not isinstance(element.tag, str):
        return None
    itemtype = (element.get("itemtype") or "").lower()
    words = set(iter_classes(element))
    if words & POST_WORDS or any(t in itemtype for t in POST_ITEMTYPES):
        return element.tag, " ".join(sorted(w for w in words if not w.isdigit()))
    return None


def find_posts(region: etree._Element) -> list[etree._Element]:
    """Return the post elements of the thread in `region`, in document order ([] if none)."""
    groups: dict[tuple[int, tuple[str, str]], list[etree._Element]] = defaultdict(list)
    for element in region.iter():
        parent = element.getparent()
        sig = _signature(element)
        if sig is None or parent is None:
            continue
        # Posts of one thread share a container (or a grandparent, when each sits in a wrapper).
        groups[(id(parent), sig)].append(element)
        grand = parent.getparent()
        if grand is not None:
            groups[(id(grand), sig)].append(element)
    best: list[etree._Element] = []
    best_chars = 0
    for members in groups.values():
        texty = [m for m in members if len(_text(m)) >= MIN_POST_CHARS]
        if len(texty) < MIN_POSTS:
            continue
        if any(_contains(a, b) for a in texty for b in texty if a is not b):
            continue
        chars = sum(len(_text(m)) for m in texty)
        if chars > best_chars:
            best, best_chars = texty, chars
    return best


def _contains(outer: etree._Element, inner: etree._Element) -> bool:
    parent = inner.getparent()
    while parent is not None:
        if parent is outer:
            return True
        parent = parent.getparent()
    return False


def _text(element: etree._Element) -> str:
    return normalize_space(" ".join(element.itertext()))


def post_meta(post: etree._Element) -> tuple[str | None, str | None]:
    """Return the (author, published) a post shows, each None when it shows none."""
    return _author(post), _date(post)


def _author(post: etree._Element) -> str | None:
    for element in post.iter():
        if not isinstance(element.tag, str):
            continue
        prop = element.get("itemprop") or ""
        if prop == "author":
            name = element.find(".//*[@itemprop='name']")
            return _short(name if name is not None else element)
        if element.tag == "a" and "author" in (element.get("rel") or ""):
            return _short(element)
        if set(iter_classes(element)) & AUTHOR_WORDS:
            found = _short(element)
            if found:
                return found
    return None


def _short(element: etree._Element) -> str | None:
    text = _text(element)
    return text if 0 < len(text) <= 60 else None


def _date(post: etree._Element) -> str | None:
    for element in post.iter("time", "meta", "span", "div", "a"):
        prop = element.get("itemprop") or ""
        value = element.get("datetime") or (element.get("content") if prop in _DATE_PROPS else None)
        if (element.tag == "time" or prop in _DATE_PROPS) and value and _ISO.match(value.strip()):
            stamp = value.strip()
            return stamp if _SCHEMA_DATE.match(stamp) else stamp[:10]
    return None
