"""Find the article's images in HTML with their caption, credit, alt text and source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import html as lxml_html

from clean_article import lazy_re as re
from clean_article.metadata import vocab
from clean_article.metadata.credits import clean_credit, is_credit_text, split_credit, strip_label
from clean_article.metadata.image_src import picture_src
from clean_article.metadata.page import Page, hint_pattern, text_of
from clean_article.model import Image

# Labels a site prints (often visually hidden) before a caption: dropped, never a credit.
_CAPTION_LABEL = re.compile(
    rf"^(?:{'|'.join(re.escape(label) for label in vocab.CAPTION_LABELS)})\s*:?\s+", re.IGNORECASE
)
# Captions of video players ("Media caption ...", bench c7e39ac4) belong to no image.
_MEDIA_CAPTION = re.compile(r"^(?:media caption|video)\b", re.IGNORECASE)
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?$", re.IGNORECASE)
_CREDIT_HINTS = hint_pattern(vocab.CREDIT_CLASS_HINTS)
_CAPTION_HINTS = hint_pattern(vocab.CAPTION_CLASS_HINTS)
# All class/id hints of figures ("wp-caption" holds "caption", an image-box word holds its
# token): the page is searched once for them, then only what this finds.
_FIGURE_HINTS = hint_pattern(
    vocab.CREDIT_CLASS_HINTS + vocab.CAPTION_CLASS_HINTS + vocab.IMAGE_BOX_TOKENS
)
# A class word starting with an image-box token contains it: a cheap test first.
_IMAGE_BOX_HINTS = hint_pattern(vocab.IMAGE_BOX_TOKENS)
_CONTROL_HINTS = hint_pattern(vocab.CONTROL_HINTS)
_TOGGLE_HINTS = hint_pattern(vocab.TOGGLE_HINTS)
_TRUNCATED_HINTS = hint_pattern(vocab.TRUNCATED_HINTS)
_MEDIA_HINTS = hint_pattern(vocab.MEDIA_HINTS)
# Schema.org properties of a credit, marked with no class hint.
_CREDIT_PROPERTIES = ("copyrightHolder", "creditText")
# Tags a figure, a caption or a credit box is made of.
_FIGURE_TAGS = frozenset({"figure", "div", "p", "span", "section", "figcaption", "cite"})
_TEASER_TAGS = vocab.MEDIA_TAGS + vocab.HEADINGS


@dataclass(frozen=True, slots=True)
class _Marks:
    """The page and its figures, caption and credit holders, found once per page."""

    page: Page
    figures: frozenset[object]
    captions: frozenset[object]
    credits: frozenset[object]


def _marks(page: Page) -> _Marks:
    hinted = page.hinted(_FIGURE_HINTS)
    figures = {e for e in hinted if e.tag in _FIGURE_TAGS and _is_figure(page, e)}
    figures.update(page.tagged("figure"))
    credits = {e for e in page.marked if e.get("itemprop") in _CREDIT_PROPERTIES}
    credits |= page.hinted(_CREDIT_HINTS, hinted) | set(page.tagged("cite"))
    captions = page.hinted(_CAPTION_HINTS, hinted) | set(page.tagged("figcaption"))
    shown = {e for e in captions if not page.has_hint(e, _CONTROL_HINTS)}
    return _Marks(page, frozenset(figures), frozenset(shown), frozenset(credits))


def _reads_as_credit(page: Page, element: lxml_html.HtmlElement) -> bool:
    """Return whether a credit box outside any figure reads as a credit (bench 6ebac05f)."""
    text = page.text(element)
    return is_credit_text(text) and clean_credit(strip_label(text)) is not None


def _text(page: Page, element: lxml_html.HtmlElement, skip: Sequence[object]) -> str:
    """Return text_of(element, skip), from the page's cache when nothing is skipped."""
    return text_of(element, skip) if skip else page.text(element)


def _outermost(elements: list[lxml_html.HtmlElement]) -> list[lxml_html.HtmlElement]:
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def _has_picture(element: lxml_html.HtmlElement) -> bool:
    return element.tag in ("img", "picture") or element.find(".//img") is not None


def _credit_elements(
    marks: _Marks, container: lxml_html.HtmlElement
) -> list[lxml_html.HtmlElement]:
    """Return credit holders in the container; one wrapping a caption is a layout box."""
    found = [
        e
        for e in container.iterdescendants()
        if e in marks.credits and not any(d in marks.captions for d in e.iter())
    ]
    return _outermost(found)


def _holder(marks: _Marks, caption: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """Climb from a caption outside <figure> to the element holding its picture or credit."""
    node = caption
    for _ in range(vocab.MAX_CAPTION_CLIMB):
        if _has_picture(node) or _credit_elements(marks, node):
            return node
        parent = node.getparent()
        if parent is None or parent.tag == "body":
            return None
        node = parent
    return node if _has_picture(node) or _credit_elements(marks, node) else None


def _is_figure(page: Page, element: lxml_html.HtmlElement) -> bool:
    """Return whether the element is a <figure>, a WordPress caption or a picture box."""
    if element.tag == "figure":
        return True
    return "wp-caption" in page.attrs(element) or _image_box(page, element)


def _candidates(marks: _Marks) -> list[lxml_html.HtmlElement]:
    """Return figure-like elements: <figure>, WordPress captions, picture+caption boxes."""
    found: list[lxml_html.HtmlElement] = []
    for element in marks.page.elements:
        if element in marks.figures:
            found.append(element)
        elif element.tag in _FIGURE_TAGS and _is_stray_caption(marks, element):
            holder = _holder(marks, element)  # a caption or credit box beside the picture
            if holder is not None:
                found.append(holder)
    return list(dict.fromkeys(found))


def _is_stray_caption(marks: _Marks, element: lxml_html.HtmlElement) -> bool:
    """Return whether the element is a caption or a credit box outside figures and quotes."""
    if element not in marks.captions and not (
        element in marks.credits and _reads_as_credit(marks.page, element)
    ):
        return False
    return not any(a.tag in ("figure", "blockquote") for a in element.iterancestors())


def _image_box(page: Page, element: lxml_html.HtmlElement) -> bool:
    """Return whether a div is a picture with a plain paragraph below it and nothing else:
    <div class="image"><img><p>caption (credit)</p></div> (bench b37be353)."""
    if element.tag != "div" or not page.has_hint(element, _IMAGE_BOX_HINTS):
        return False  # the cheap tests first: most elements are no such div
    if not page.has_token_prefix(element, vocab.IMAGE_BOX_TOKENS):
        return False
    children = [c for c in element if isinstance(c.tag, str)]
    pictures = [c for c in children if _has_picture(c)]
    paragraphs = [c for c in children if c.tag == "p" and not _has_picture(c)]
    if len(pictures) != 1 or len(paragraphs) != 1 or len(children) != 2:
        return False
    return vocab.LEDE_MIN_CHARS <= len(page.text(paragraphs[0])) <= vocab.LEDE_MAX_CHARS


def _split_last_child(page: Page, caption: lxml_html.HtmlElement) -> tuple[str, str] | None:
    """Return (caption, credit) when the caption's last child element is a bare credit."""
    children = [c for c in caption if isinstance(c.tag, str)]
    if len(children) < 2:
        return None
    credit = page.text(children[-1])
    if not is_credit_text(credit):
        return None
    return text_of(caption, children[-1:]), credit


def _parts(marks: _Marks, container: lxml_html.HtmlElement) -> tuple[str, str]:
    """Return (caption text, credit text) printed in the container."""
    page = marks.page
    credits = [e for e in _credit_elements(marks, container) if e is not container]
    skip = credits + [e for e in container.iterdescendants() if page.has_hint(e, _TOGGLE_HINTS)]
    captions = [e for e in container.iterdescendants() if e in marks.captions]
    full = [e for e in captions if not page.has_hint(e, _TRUNCATED_HINTS)]
    if full and len(full) < len(captions):
        skip += [e for e in captions if e not in full]
    captions = _outermost([e for e in captions if e not in skip])
    if container in marks.captions and not captions:
        captions = [container]
    if not credits and len(captions) == 1:
        split = _split_last_child(page, captions[0])
        if split is not None:
            return split
    if captions:
        caption = " ".join(_text(page, c, skip) for c in captions)
    elif _is_figure(page, container):
        caption = _text(page, container, skip)
    else:
        caption = ""
    credit = " ".join(dict.fromkeys(t for t in (page.text(c) for c in credits) if t))
    return caption, credit


def _is_teaser(page: Page, container: lxml_html.HtmlElement) -> bool:
    """Return whether the container is a video, a story teaser or a layout block."""
    if next(container.iterdescendants(*_TEASER_TAGS), None) is not None:
        return True
    if any(page.has_hint(e, _MEDIA_HINTS) for e in container.iter()):
        return True
    text = page.text(container)
    if len(text) > vocab.MAX_FIGURE_TEXT:
        return True
    linked = sum(len(page.text(a)) for a in container.iter("a"))
    if text and linked / len(text) > vocab.MAX_LINK_SHARE:
        return True
    # A picture linking to another page, with linked caption text: a promo (bench 686bb170).
    for link in container.iter("a"):
        href = link.get("href") or ""
        if link.find(".//img") is not None and href.startswith("http") and linked:
            return not _IMAGE_FILE.search(href)
    return False


def _image(marks: _Marks, container: lxml_html.HtmlElement) -> Image | None:
    if _is_teaser(marks.page, container):
        return None
    caption, credit = _parts(marks, container)
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
        src = picture_src(container)
    return Image(caption or None, credit or None, alt, src)


def find_images(page: Page) -> tuple[Image, ...]:
    """Return the article's captioned or credited images in document order."""
    results: dict[lxml_html.HtmlElement, Image] = {}
    marks = _marks(page)
    for container in _candidates(marks):
        if not page.in_boilerplate(container):
            image = _image(marks, container)
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
