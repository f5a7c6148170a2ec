"""The real address of a picture whose `src` is a lazy-loading placeholder.

Pages that load pictures lazily put a placeholder in `src` (a `data:` URI, a 1x1 GIF, a
spacer) and the real address in `data-src`, `data-lazy-src`, `data-original`, a `srcset`, a
<picture>'s <source>, or a <noscript> copy of the <img> for readers without scripts.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

# Attributes holding the real address, most specific first.
LAZY_ATTRIBUTES = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
)
SRCSET_ATTRIBUTES = ("srcset", "data-srcset", "data-lazy-srcset")
# File names of placeholders: blank.gif, spacer.png, 1x1.gif, pixel.gif, placeholder.svg …
_PLACEHOLDER_FILE = re.compile(
    r"(?:^|/)[^/]*(?:blank|spacer|pixel|transparent|placeholder|1x1|lazy|loading)"
    r"[^/]*\.(?:gif|png|svg)(?:[?#].*)?$",
    re.IGNORECASE,
)
_CANDIDATE = re.compile(r"\s*(\S+?)(?:\s+(\d+(?:\.\d+)?)([wx]))?\s*(?:,\s+|,$|$)")


def is_placeholder(address: str | None) -> bool:
    """Return whether an address names no real picture (empty, data: URI, spacer file)."""
    address = (address or "").strip()
    return (
        not address
        or address.lower().startswith("data:")
        or bool(_PLACEHOLDER_FILE.search(address))
    )


def largest_in_srcset(srcset: str | None) -> str | None:
    """Return the widest (or densest) address of a srcset, else None."""
    best: tuple[float, str] | None = None
    for match in _CANDIDATE.finditer(srcset or ""):
        address = match[1].rstrip(",")
        if not address or is_placeholder(address):
            continue
        size = float(match[2]) if match[2] else 1.0
        if best is None or size > best[0]:
            best = (size, address)
    return best[1] if best else None


def _of_img(img: lxml_html.HtmlElement) -> str | None:
    src = img.get("src")
    if not is_placeholder(src):
        return (src or "").strip()
    for name in LAZY_ATTRIBUTES:
        value = img.get(name)
        if not is_placeholder(value):
            return (value or "").strip()
    for name in SRCSET_ATTRIBUTES:
        found = largest_in_srcset(img.get(name))
        if found:
            return found
    # libxml2 does not know <source> is empty and may nest the <img> inside it.
    picture = next(img.iterancestors("picture"), None)
    if picture is not None:
        for source in picture.iter("source"):
            found = largest_in_srcset(source.get("srcset") or source.get("data-srcset"))
            if found:
                return found
    return None


def _noscript_imgs(container: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Return the <img> copies inside <noscript>, parsed or kept as text by the parser."""
    found: list[lxml_html.HtmlElement] = []
    for noscript in container.iter("noscript"):
        found += list(noscript.iter("img"))
        text = noscript.text or ""
        if "<img" in text:
            try:
                fragment = lxml_html.fragment_fromstring(text, create_parent="div")
            except (ValueError, TypeError):
                continue
            found += list(fragment.iter("img"))
    return found


def picture_src(container: lxml_html.HtmlElement) -> str | None:
    """Return the real address of the container's first picture (its <noscript> copies
    too), else None: a placeholder is never returned."""
    imgs = [img for img in container.iter("img")]
    for img in [*imgs, *_noscript_imgs(container)]:
        found = _of_img(img)
        if found:
            return found
    return None
