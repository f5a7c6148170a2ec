"""Find image captions and photo credits among the segments of a text dump."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from clean_article.metadata import vocab
from clean_article.metadata.credits import is_credit_text, split_credit, strip_label
from clean_article.model import BlockType, Image, Segment

# "Image copyright X Image caption Y" (BBC in lynx): credit first, then the caption label.
_CAPTION_LABEL = re.compile(r"\b(?:image caption|bildunterschrift|légende)\s*:?\s+", re.I)
# A caption is a sentence or a few; a longer segment is body text with a credit-like tail.
MAX_CAPTION_WORDS = 80
# Most lines between a caption and its credit (0: same line, glued; 1: next line).
MAX_CREDIT_GAP = 1
_TERMINAL = tuple(".!?…:;,")


def _adjacent(before: Segment, after: Segment) -> bool:
    return after.first_line - before.last_line <= MAX_CREDIT_GAP


def _caption_like(segment: Segment) -> bool:
    words = len(segment.text.split())
    return (
        1 <= words <= MAX_CAPTION_WORDS
        and segment.type != BlockType.HEADING
        or (segment.type == BlockType.HEADING and 1 <= words <= MAX_CAPTION_WORDS)
    )


def _alt_like(segment: Segment) -> bool:
    text = segment.text
    return 0 < len(text) <= vocab.MAX_ALT_CHARS and not text.endswith(_TERMINAL)


def _bare_credit(text: str) -> bool:
    """Return whether an unlabelled line is surely a credit: names with "/" or "|" and a source."""
    return is_credit_text(text) and len(text.split()) >= 2 and bool(re.search(r"[/|,]", text))


def _split(segment: Segment) -> tuple[str, str | None]:
    """Return (caption, credit) printed in one segment."""
    text = segment.text
    label = _CAPTION_LABEL.search(text)
    if label is not None and label.start() > 0:
        credit = strip_label(text[: label.start()])
        if credit and is_credit_text(text[: label.start()]):
            return text[label.end() :], credit
    caption, credit = split_credit(text)
    if credit and not caption and not segment.text.startswith(("(", "[", "©")):
        labelled = strip_label(text) != text
        if not labelled and not _bare_credit(text):
            return text, None
    return caption, credit


def find_text_images(
    segments: Sequence[Segment], taken: Mapping[int, str]
) -> tuple[tuple[Image, ...], dict[int, str]]:
    """Return the images found (caption, credit, alt) and the segments they claim."""
    images: list[Image] = []
    claims: dict[int, str] = {}
    for position, segment in enumerate(segments):
        if segment.index in taken or segment.index in claims:
            continue
        if len(segment.text.split()) > MAX_CAPTION_WORDS:
            continue
        caption, credit = _split(segment)
        if not credit:
            continue
        alt = None
        if caption:
            claims[segment.index] = "caption"
        else:
            claims[segment.index] = "credit"
            previous = segments[position - 1] if position else None
            if (
                previous is not None
                and previous.index not in taken
                and previous.index not in claims
                and _adjacent(previous, segment)
                and _caption_like(previous)
                and split_credit(previous.text)[1] is None
            ):
                caption = previous.text
                claims[previous.index] = "caption"
                alt = _alt(segments, position - 1, taken, claims)
        images.append(Image(caption or None, credit, alt, None))
    return tuple(images), claims


def _alt(
    segments: Sequence[Segment], caption_at: int, taken: Mapping[int, str], claims: dict[int, str]
) -> str | None:
    """Return the short line right above a caption: the image's alt text (DW dumps)."""
    if caption_at == 0:
        return None
    caption, above = segments[caption_at], segments[caption_at - 1]
    if above.index in taken or above.index in claims:
        return None
    if caption.first_line - above.last_line != 1 or not _alt_like(above):
        return None
    claims[above.index] = "image_alt"
    return above.text
