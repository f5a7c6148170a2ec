"""Find the article's images in HTML with their caption, credit, alt text and source."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from clean_article.metadata import vocab
from clean_article.metadata.credits import split_credit, strip_label
from clean_article.metadata.page import Page, attrs, has_hint, text_of
from clean_article.model import Image

# Labels a site prints (often visually hidden) before a caption: dropped, never a credit.
_CAPTION_LABEL = re.compile(
    r"^(?:image caption|caption|bildunterschrift|légende|leyenda|didascalia|legenda|onderschrift)"
    r"\s*:?\s+",
    re.IGNORECASE,
)
# Captions of video players ("Media caption ...", bench c7e39ac4) belong to no image.
_MEDIA_CAPTION = re.compile(r"^media caption\b", re.IGNORECASE)
_MEDIA_TAGS = ("video", "iframe", "audio", "object", "embed")
# Most ancestors to climb from a caption element to the element holding its picture.
MAX_CAPTION_CLIMB = 3
# Most images one page may report; beyond that the "figures" are a listing, not an article.
MAX_IMAGES = 40


def _is_credit_element(element: lxml_html.HtmlElement) -> bool:
    if element.tag == "cite" or element.get("itemprop") in ("copyrightHolder", "creditText"):
        return True
    return has_hint(element, vocab.CREDIT_CLASS_HINTS)


def _is_caption_element(element: lxml_html.HtmlElement) -> bool:
    return element.tag == "figcaption" or has_hint(element, vocab.CAPTION_CLASS_HINTS)


def _outermost(elements: list[lxml_html.HtmlElement]) -> list[lxml_html.HtmlElement]:
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def _has_picture(element: lxml_html.HtmlElement) -> bool:
    return element.tag in ("img", "picture") or element.find(".//img") is not None


def _containers(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Return figure-like elements: <figure>, WordPress captions, and picture+caption boxes."""
    found: list[lxml_html.HtmlElement] = []
    for element in tree.iter("figure", "div", "p", "span", "section", "figcaption"):
        if element.tag == "figure" or "wp-caption" in attrs(element):
            found.append(element)
        elif _is_caption_element(element) and not any(
            a.tag == "figure" for a in element.iterancestors()
        ):
            holder = element
            for _ in range(MAX_CAPTION_CLIMB):
                parent = holder.getparent()
                if parent is None or parent.tag == "body":
                    break
                holder = parent
                if _has_picture(holder):
                    break
            found.append(holder if _has_picture(holder) else element)
    unique = list(dict.fromkeys(found))
    inner = set(unique)
    # Keep the innermost: a gallery holding several figures is not itself an image.
    return [c for c in unique if not any(d in inner for d in c.iterdescendants())]


def _parts(container: lxml_html.HtmlElement) -> tuple[str, str]:
    """Return (caption text, credit text) printed in the container."""
    credits = _outermost([e for e in container.iterdescendants() if _is_credit_element(e)])
    credits = [e for e in credits if e is not container]
    captions = [e for e in container.iterdescendants() if _is_caption_element(e)]
    captions = _outermost([e for e in captions if not any(e is c for c in credits)])
    if _is_caption_element(container) and not captions:
        captions = [container]
    if captions:
        caption = " ".join(text_of(c, credits) for c in captions)
    elif container.tag == "figure" or "wp-caption" in attrs(container):
        caption = text_of(container, credits)
    else:
        caption = ""
    credit = " ".join(dict.fromkeys(t for t in (text_of(c) for c in credits) if t))
    return caption, credit


def _image(container: lxml_html.HtmlElement) -> Image | None:
    if any(container.find(f".//{tag}") is not None for tag in _MEDIA_TAGS):
        return None
    caption, credit = _parts(container)
    if _MEDIA_CAPTION.match(caption):
        return None
    caption = _CAPTION_LABEL.sub("", caption)
    if credit:
        credit = strip_label(credit)
        if credit and caption.endswith(credit):
            caption = caption[: -len(credit)]
        caption = split_credit(caption)[0] if caption else ""
    else:
        caption, found = split_credit(caption)
        credit = found or ""
    caption = caption.strip()
    if not caption and not credit:
        return None
    img = container.find(".//img")
    alt = src = None
    if img is not None:
        alt = (img.get("alt") or "").strip() or None
        src = img.get("src") or img.get("data-src") or img.get("data-original") or None
    return Image(caption or None, credit or None, alt, src)


def find_images(page: Page) -> tuple[Image, ...]:
    """Return the article's captioned or credited images in document order."""
    images: list[Image] = []
    for container in _containers(page.tree):
        if page.in_boilerplate(container):
            continue
        image = _image(container)
        if image is not None:
            images.append(image)
    return tuple(images[:MAX_IMAGES])
