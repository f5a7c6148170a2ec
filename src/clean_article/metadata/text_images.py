"""Find image captions and photo credits among the segments of a text dump."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from clean_article import lazy_re as re
from clean_article.metadata import vocab
from clean_article.metadata.credits import (
    clean_credit,
    has_photo_source,
    is_credit_text,
    split_credit,
    strip_label,
)
from clean_article.metadata.folding import first_words, fold
from clean_article.model import BlockType, Image, Segment
from clean_article.normalize import normalize_space

# A bare "caption" may be a word of the text; the others are labels.
_CAPTION_LABELS = tuple(x for x in vocab.CAPTION_LABELS if x != "caption")
# "Image copyright X Image caption Y" (BBC in lynx): credit first, then the caption label.
_CAPTION_LABEL = re.compile(
    rf"\b(?:{'|'.join(re.escape(x) for x in _CAPTION_LABELS)})\s*:?\s+", re.IGNORECASE
)
_CAPTION_WORDS = first_words(_CAPTION_LABELS)  # prefilter for _CAPTION_LABEL, in folded text
# Renderer leftovers before a caption: "[gif;base64,…]", "photo-123.jpg", "1of4" counters.
_CAPTION_JUNK = re.compile(
    r"^(?:\[[^\]]*\]\s*|\S+\.(?:jpe?g|png|gif|webp)\S*\s+|\d+\s*of\s*\d+\s*)+", re.IGNORECASE
)
_TERMINAL = tuple(".!?…:;,")
_CREDIT_SEPARATOR = re.compile(r"[/|,]")
_TOKEN = re.compile(r"\w+")


def _adjacent(before: Segment, after: Segment) -> bool:
    return after.first_line - before.last_line <= vocab.MAX_CREDIT_GAP


def _caption_like(segment: Segment) -> bool:
    text = _CAPTION_JUNK.sub("", segment.text)
    return 1 <= len(text.split()) <= vocab.MAX_CAPTION_WORDS


def _alt_like(segment: Segment) -> bool:
    text = segment.text
    return 0 < len(text) <= vocab.MAX_ALT_CHARS and not text.endswith(_TERMINAL)


def _bare_credit(text: str) -> bool:
    """Return whether an unlabelled line is surely a credit: a name, a separator and a photo
    source ("Jane Doe/Getty Images", "Jane Doe, Associated Press"), no job title, no link."""
    if len(text) > vocab.MAX_CREDIT_CHARS or ":" in text or text.endswith(_TERMINAL):
        return False
    if not 2 <= len(text.split()) <= vocab.MAX_BARE_CREDIT_WORDS:
        return False
    if not (_CREDIT_SEPARATOR.search(text) or text.casefold().startswith(vocab.COURTESY)):
        return False
    words = {w.strip(".,").casefold() for w in text.split()}
    if words & vocab.TITLE_WORDS - {"press", "news", "media"} or clean_credit(text) is None:
        return False
    return has_photo_source(text)


def _caption_label(text: str) -> re.Match[str] | None:
    """Return the first caption label in `text` ("Image caption"), else None."""
    return _CAPTION_LABEL.search(text) if _CAPTION_WORDS.search(fold(text)) else None


def _split(text: str, normal: str, label: re.Match[str] | None) -> tuple[str, str | None]:
    """Return (caption, credit) printed in one segment's text (`normal`: normalised);
    `label` is its first caption label."""
    if label is not None and label.start() > 0:
        credit = strip_label(text[: label.start()])
        if credit and is_credit_text(text[: label.start()]):
            return text[label.end() :], credit
    caption, found = split_credit(normal, normalized=True)
    if not found:
        return ("", text) if _bare_credit(text) else (text, None)
    credit = found
    tail = text[len(caption) :].strip()
    labelled = strip_label(tail).casefold() != tail.strip("()[] ").casefold()
    if not labelled and (len(credit.split()) < 2 or (not caption and not _bare_credit(text))):
        return text, None  # "(ePA)" or "Reuters" alone: an abbreviation or a source, not a credit
    return _CAPTION_JUNK.sub("", caption), credit


def _body_end(segments: Sequence[Segment], texts: Sequence[str]) -> int:
    """Return the position of the last body paragraph (long, and no caption)."""
    for position in range(len(segments) - 1, -1, -1):
        segment = segments[position]
        if segment.type != BlockType.PARAGRAPH or len(segment.text.split()) < vocab.BODY_MIN_WORDS:
            continue
        if split_credit(texts[position], normalized=True)[1] is None:
            return position
    return len(segments)


def _dice(a: str | None, b: str | None) -> float:
    ta, tb = set(_TOKEN.findall((a or "").casefold())), set(_TOKEN.findall((b or "").casefold()))
    return 2 * len(ta & tb) / (len(ta) + len(tb)) if ta and tb else float(a == b)


def find_text_images(
    segments: Sequence[Segment], taken: Mapping[int, str], texts: Sequence[str] | None = None
) -> tuple[tuple[Image, ...], dict[int, str]]:
    """Return the images found (caption, credit, alt) and the segments they claim;
    `texts` are the segments' texts normalised (normalize_space), if the caller has them."""
    if texts is None:
        texts = [normalize_space(s.text) for s in segments]
    found: list[tuple[int, Image]] = []
    claims: dict[int, str] = {}
    last = _body_end(segments, texts) + vocab.BODY_TAIL
    for position, segment in enumerate(segments[: last + 1]):
        if segment.index in taken or segment.index in claims:
            continue
        if len(segment.text.split()) > vocab.MAX_CAPTION_WORDS:
            continue
        label = _caption_label(segment.text)
        if label is not None and label.start() == 0:  # "Image caption X" after its credit (BBC)
            claims[segment.index] = "caption"
            found.append((position, _captioned(found, position, segment.text[label.end() :])))
            continue
        caption, credit = _split(segment.text, texts[position], label)
        if not credit or (not caption and segment.type == BlockType.LIST_ITEM):
            continue  # "* Photos: …" in a list of links is a link, not a credit
        alt = None
        claims[segment.index] = "caption" if caption else "credit"
        if not caption:
            caption, alt = _caption_before(segments, texts, position, taken, claims)
        found.append((position, Image(caption or None, credit, alt, None)))
    return _strip_common_prefix(_dedupe(found)), claims


def _captioned(found: list[tuple[int, Image]], position: int, caption: str) -> Image:
    """Return the image a labelled caption belongs to: the credit-only one just above."""
    if found and position - found[-1][0] <= vocab.DUPLICATE_SPAN and not found[-1][1].caption:
        _, image = found.pop()
        return Image(caption, image.credit, image.alt, image.src)
    return Image(caption, None, None, None)


def _caption_before(
    segments: Sequence[Segment],
    texts: Sequence[str],
    position: int,
    taken: Mapping[int, str],
    claims: dict[int, str],
) -> tuple[str, str | None]:
    """Return (caption, alt) printed just above a credit-only segment."""
    if position == 0:
        return "", None
    previous, segment = segments[position - 1], segments[position]
    if previous.index in taken or previous.index in claims:
        return "", None
    if not (_adjacent(previous, segment) and _caption_like(previous)):
        return "", None
    if split_credit(texts[position - 1], normalized=True)[1] is not None:
        return "", None
    claims[previous.index] = "caption"
    return _CAPTION_JUNK.sub("", previous.text), _alt(segments, position - 1, taken, claims)


def _strip_common_prefix(images: tuple[Image, ...]) -> tuple[Image, ...]:
    """Drop the alt text lynx prints before every caption: a prefix all captions share."""
    captions = [c.split() for c in dict.fromkeys(i.caption for i in images if i.caption)]
    if len(captions) < 2:  # copies of one caption share everything: nothing to learn
        return images
    size = 0
    while all(len(c) > size + 1 for c in captions) and len({c[size] for c in captions}) == 1:
        size += 1
    if size < vocab.MIN_SHARED_PREFIX_WORDS or any(
        len(c) - size < vocab.MIN_SHARED_PREFIX_WORDS for c in captions
    ):
        return images
    return tuple(
        Image(" ".join(i.caption.split()[size:]), i.credit, i.alt, i.src) if i.caption else i
        for i in images
    )


def _dedupe(found: list[tuple[int, Image]]) -> tuple[Image, ...]:
    """Drop an image printed twice in a row (alt text and caption, gallery copies)."""
    kept: list[tuple[int, Image]] = []
    for position, image in found:
        twin = None
        for k in range(len(kept) - 1, -1, -1):  # only the last few: no quadratic scans
            where, last = kept[k]
            if position - where > vocab.DUPLICATE_SPAN:
                break
            if _same(image, last, position - where):
                twin = k
                break
        if twin is None:
            kept.append((position, image))
        elif image.caption and len(image.caption) < len(kept[twin][1].caption or ""):
            kept[twin] = (kept[twin][0], image)  # the shorter copy has no alt text glued on
    return tuple(image for _, image in kept[: vocab.MAX_IMAGES])


def _same(image: Image, other: Image, distance: int) -> bool:
    if not image.caption:  # a credit repeated near its captioned copy, or right below itself
        near = distance <= (vocab.CREDIT_REPEAT_SPAN if not other.caption else vocab.DUPLICATE_SPAN)
        return image.credit == other.credit and near
    return _dice(image.caption, other.caption) >= vocab.DUPLICATE_DICE


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
