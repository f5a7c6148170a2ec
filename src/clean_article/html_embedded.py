"""The body a page embeds for machines when its visible markup holds none.

Pages rendered by JavaScript often ship their text in JSON-LD (`articleBody`, or a long
`description`). When neither trafilatura nor the walk finds a body, that text is the body,
and --explain says where it came from.
"""

from __future__ import annotations

import re

from lxml import etree

from clean_article.model import Block, BlockType, Decision, Verdict
from clean_article.normalize import normalize_space
from clean_article.pagetype_features import jsonld_objects

# A description shorter than this is a teaser, not a body.
MIN_DESCRIPTION_CHARS = 200
_PARAGRAPHS = re.compile(r"\n\s*\n|\r\n\s*\r\n|<br\s*/?>\s*<br\s*/?>|</p>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]{0,200}>")


def embedded_body(tree: etree._Element) -> list[Decision]:
    """Return the JSON-LD articleBody (else a long description) as body decisions."""
    best: tuple[int, str, str] = (0, "", "")
    for obj in jsonld_objects(tree):
        for key in ("articleBody", "text", "description"):
            value = obj.get(key)
            if not isinstance(value, str):
                continue
            rank = 0 if key == "description" else 1
            if key == "description" and len(value) < MIN_DESCRIPTION_CHARS:
                continue
            if (rank, len(value)) > (best[0], len(best[1])):
                best = (rank, value, key)
    _, text, key = best
    reason = f"body: the page's JSON-LD {key} (the visible markup holds no body)"
    blocks = [normalize_space(_TAGS.sub(" ", part)) for part in _PARAGRAPHS.split(text)]
    return [
        Decision(b.text, b.type, Verdict.BODY, reason)
        for b in (Block(BlockType.PARAGRAPH, t) for t in blocks if t)
    ]
