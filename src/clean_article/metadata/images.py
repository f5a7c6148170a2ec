"""Find the article's images in HTML with their caption, credit, alt text and source."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from clean_article.metadata import vocab
from clean_article.metadata.credits import clean_credit, is_credit_text, split_credit, strip_label
from clean_article.metadata.page import Page, attrs, has_hint, has_token_prefix, text_of
from clean_article.model import Image

# Labels a site prints (often visually hidden) before a caption: dropped, never a credit.
_CAPTION_LABEL = re.compile(
    rf"^(?:{'|'.join(re.escape(label) for label in vocab.CAPTION_LABELS)})\s*:?\s+", re.IGNORECASE
)
# Captions of video players ("Media caption ...", bench c7e39ac4) belong to no image.
_MEDIA_CAPTION = re.compile(r"^(?:media caption|video)\b", re.IGNORECASE)
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?$", re.IGNORECASE)


def _is_credit_element(element: lxml_html.HtmlElement) -> bool:
    if element.tag == "cite" or element.get("itemprop") in ("copyrightHolder", "creditText"):
        return True
    return has_hint(element, vocab.CREDIT_CLASS_HINTS)


def _is_caption_element(element: lxml_html.HtmlElement) -> bool:
    if has_hint(element, vocab.CONTROL_HINTS):
        return False
    return element.tag == "figcaption" or has_hint(element, vocab.CAPTION_CLASS_HINTS)


def _is_loose_credit(element: lxml_html.HtmlElement) -> bool:
    """Return whether a credit box outside any figure reads as a credit (bench 6ebac05f)."""
    if not _is_credit_element(element):
        return False
    text = text_of(element)
    return is_credit_text(text) and clean_credit(strip_label(text)) is not None


def _outermost(elements: list[lxml_html.HtmlElement]) -> list[lxml_html.HtmlElement]:
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def _has_picture(element: lxml_html.HtmlElement) -> bool:
    return element.tag in ("img", "picture") or element.find(".//img") is not None


def _credit_elements(container: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Return credit holders in the container; one wrapping a caption is a layout box."""
    found = [
        e
        for e in container.iterdescendants()
        if _is_credit_element(e) and not any(_is_caption_element(d) for d in e.iter())
    ]
    return _outermost(found)


def _holder(caption: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """Climb from a caption outside <figure> to the element holding its picture or credit."""
    node = caption
    for _ in range(vocab.MAX_CAPTION_CLIMB):
        if _has_picture(node) or _credit_elements(node):
            return node
        parent = node.getparent()
        if parent is None or parent.tag == "body":
            return None
        node = parent
    return node if _has_picture(node) or _credit_elements(node) else None


def _candidates(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Return figure-like elements: <figure>, WordPress captions, picture+caption boxes."""
    found: list[lxml_html.HtmlElement] = []
    for element in tree.iter("figure", "div", "p", "span", "section", "figcaption", "cite"):
        if element.tag == "figure" or "wp-caption" in attrs(element) or _image_box(element):
            found.append(element)
        elif _is_caption_element(element) or _is_loose_credit(element):
            if any(a.tag in ("figure", "blockquote") for a in element.iterancestors()):
                continue
            holder = _holder(element)  # a caption or credit box beside the picture
            if holder is not None:
                found.append(holder)
    return list(dict.fromkeys(found))


def _image_box(element: lxml_html.HtmlElement) -> bool:
    """Return whether a div is a picture with a plain paragraph below it and nothing else:
    <div class="image"><img><p>caption (credit)</p></div> (bench b37be353)."""
    if element.tag != "div" or not has_token_prefix(element, vocab.IMAGE_BOX_TOKENS):
        return False
    children = [c for c in element if isinstance(c.tag, str)]
    pictures = [c for c in children if _has_picture(c)]
    paragraphs = [c for c in children if c.tag == "p" and not _has_picture(c)]
    if len(pictures) != 1 or len(paragraphs) != 1 or len(children) != 2:
        return False
    return vocab.LEDE_MIN_CHARS <= len(text_of(paragraphs[0])) <= vocab.LEDE_MAX_CHARS


def _split_last_child(caption: lxml_html.HtmlElement) -> tuple[str, str] | None:
    """Return (caption, credit) when the caption's last child element is a bare credit."""
    children = [c for c in caption if isinstance(c.tag, str)]
    if len(children) < 2:
        return None
    credit = text_of(children[-1])
    if not is_credit_text(credit):
        return None
    return text_of(caption, children[-1:]), credit


def _parts(container: lxml_html.HtmlElement) -> tuple[str, str]:
    """Return (caption text, credit text) printed in the container."""
    credits = [e for e in _credit_elements(container) if e is not container]
    skip = credits + [e for e in container.iterdescendants() if has_hint(e, vocab.TOGGLE_HINTS)]
    captions = [e for e in container.iterdescendants() if _is_caption_element(e)]
    full = [e for e in captions if not has_hint(e, vocab.TRUNCATED_HINTS)]
    if full and len(full) < len(captions):
        skip += [e for e in captions if e not in full]
    captions = _outermost([e for e in captions if e not in skip])
    if _is_caption_element(container) and not captions:
        captions = [container]
    if not credits and len(captions) == 1:
        split = _split_last_child(captions[0])
        if split is not None:
            return split
    if captions:
        caption = " ".join(text_of(c, skip) for c in captions)
    elif container.tag == "figure" or "wp-caption" in attrs(container) or _image_box(container):
        caption = text_of(container, skip)
    else:
        caption = ""
    credit = " ".join(dict.fromkeys(t for t in (text_of(c) for c in credits) if t))
    return caption, credit


def _is_teaser(container: lxml_html.HtmlElement) -> bool:
    """Return whether the container is a video, a story teaser or a layout block."""
    if any(container.find(f".//{tag}") is not None for tag in vocab.MEDIA_TAGS + vocab.HEADINGS):
        return True
    if any(has_hint(e, vocab.MEDIA_HINTS) for e in container.iter()):
        return True
    text = text_of(container)
    if len(text) > vocab.MAX_FIGURE_TEXT:
        return True
    linked = sum(len(text_of(a)) for a in container.iter("a"))
    if text and linked / len(text) > vocab.MAX_LINK_SHARE:
        return True
    # A picture linking to another page, with linked caption text: a promo (bench 686bb170).
    for link in container.iter("a"):
        href = link.get("href") or ""
        if link.find(".//img") is not None and href.startswith("http") and linked:
            return not _IMAGE_FILE.search(href)
    return False


def _image(container: lxml_html.HtmlElement) -> Image | None:
    if _is_teaser(container):
        return None
    caption, credit = _parts(container)
    if _MEDIA_CAPTION.match(caption):
        return None
    caption = _CAPTION_LABEL.sub("", caption)
    if credit:
        credit = clean_credit(strip_label(credit)) or ""
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
    results: dict[lxml_html.HtmlElement, Image] = {}
    for container in _candidates(page.tree):
        if not page.in_boilerplate(container):
            image = _image(container)
            if image is not None:
                results[container] = image
    # Keep the innermost: a gallery holding several figures is not itself an image.
    kept: list[Image] = []
    seen: set[tuple[str | None, str | None]] = set()
    for container, image in results.items():
        if any(d in results for d in container.iterdescendants()):
            continue
        key = (image.caption, image.credit)
        # A picture-less mirror of a gallery caption repeats the slide (bench 9ebb3af6).
        if key in seen and not _has_picture(container):
            continue
        repeated = any(credit == image.credit for _, credit in seen)
        if not image.caption and repeated and not _has_picture(container):
            continue  # a gallery's credit bar repeating the credit of its captioned slide
        seen.add(key)
        kept.append(image)
    return tuple(kept[: vocab.MAX_IMAGES])
