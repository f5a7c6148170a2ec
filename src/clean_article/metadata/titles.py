"""The headline of an HTML page: the visible heading the page's own titles name.

og:title, the JSON-LD headline and <title> say what the page is called, usually with the
site's name stuck on ("Story – WSJ", "Die Zeit | Story"). The visible headline is the <h1>
(or, on blog themes, the <h2>) that one of them names; an <h1> that only names the site (a
logo, a blog's name: it is the part of <title> after the separator, or og:site_name) is
passed over. Without a heading, the page's own title is used, the site's name cut off.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import html as lxml_html

from clean_article.metadata.page import Page
from clean_article.normalize import normalize_space

_SEPARATORS = re.compile(r"\s+[|\-–—:·•»/]\s+|\s*[|•»]\s*")
_PUNCT = re.compile(r"[\W_]+")
# A heading this much shorter than the page's title is a fragment of it, not the headline.
MIN_SHARE = 0.6


def _key(text: str) -> str:
    return _PUNCT.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def head_title(page: Page) -> str | None:
    titles = page.below("title")
    return normalize_space(titles[0].text_content()) if titles else None


def strip_site(title: str, site_names: frozenset[str]) -> str:
    """Drop a " | Site name" suffix or prefix: the part naming the site, else the shorter
    end part when the title has exactly two."""
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    sites = {_key(name) for name in site_names}
    kept = [p for p in parts if _key(p) not in sites]
    if len(parts) > 1 and len(kept) == len(parts):
        kept = parts[:-1] if len(parts[-1]) < len(parts[0]) else parts[1:]
        if len(parts) > 2:
            kept = parts[:-1]
    return " - ".join(kept) if kept else title


def _site_parts(references: list[str], site_names: frozenset[str]) -> set[str]:
    """Return what names the site: og:site_name and friends, and every part of the page's
    titles but the longest (the "Site" of "Story | Site")."""
    found = {_key(name) for name in site_names}
    for reference in references:
        parts = [_key(p) for p in _SEPARATORS.split(reference) if p.strip()]
        if len(parts) > 1:
            longest = max(parts, key=len)
            found |= {p for p in parts if p != longest}
    return {f for f in found if f}


def _named(text: str, references: list[str], sites: frozenset[str]) -> bool:
    """Return whether a heading is what one of the page's titles names."""
    key = _key(text)
    if not key:
        return False
    for reference in references:
        whole = _key(reference)
        if key == whole:
            return True
        parts = [_key(p) for p in _SEPARATORS.split(reference)]
        # "Story" of "Story | Site" or "Section: Story | Site"; not "Site" (the last part
        # when it is not the longest) nor the site's own name
        if key in parts and key not in sites and (key != parts[-1] or key == max(parts, key=len)):
            return True
        if whole.startswith(key) and len(key) >= MIN_SHARE * len(whole):
            return True
    return False


def _headings(page: Page, tag: str) -> list[tuple[lxml_html.HtmlElement, str]]:
    found = []
    for heading in page.below(tag):
        text = page.text(heading)
        if text and not page.in_boilerplate(heading):
            found.append((heading, text))
    return found


def find_title(page: Page) -> str | None:
    """Return the page's headline (see the module docstring)."""
    references = [
        r for r in (page.meta.get("og:title"), page.jsonld.headline, head_title(page)) if r
    ]
    h1s = _headings(page, "h1")
    names = frozenset(_key(name) for name in page.site_names)
    for tag_headings in (h1s, _headings(page, "h2")):
        for _, text in tag_headings:
            if _named(text, references, names):
                return text
    sites = _site_parts(references, page.site_names)
    for _, text in h1s:
        if _key(text) not in sites:
            return text
    for reference in references:
        return strip_site(reference, page.site_names)
    return h1s[0][1] if h1s else None
