"""The headline of a text dump that prints no byline or date to find it by.

Renderers print headings apart from paragraphs (lynx: flush left, paragraphs indented), and a
page's headline is the heading right above where its body starts. So, once the body is
known, the title is the nearest heading before the first body block, if it is near and
reads as a headline (a few words, no full stop, no byline).
"""

from __future__ import annotations

from collections.abc import Sequence

from clean_article.metadata.bylines import looks_like_byline
from clean_article.metadata.credits import is_credit_text
from clean_article.model import BlockType, Decision, Segment, Verdict

# How many segments above the first body block the headline may sit (breadcrumbs, a date,
# a share bar and a picture credit come between them on many pages).
LOOKBACK = 8
MAX_WORDS = 30


def _headline_like(segment: Segment) -> bool:
    text = segment.text
    words = len(text.split())
    if not 1 <= words <= MAX_WORDS or text.endswith(".") or len(text) < 4:
        return False
    return not (is_credit_text(text) or looks_like_byline(text))


def _named_in_links(segments: Sequence[Segment], flush: int, end: int) -> int | None:
    """Return the heading (up to `end`) that lynx's first line of <link> titles names
    ("#Site » The headline Comments Feed"): the page's own title, printed by the renderer."""
    links = segments[0].text if segments and segments[0].text.startswith("#") else ""
    if not links:
        return None
    for position in range(min(end, len(segments))):
        segment = segments[position]
        text = segment.text
        heading = segment.type is BlockType.HEADING and segment.indent == flush
        if heading and len(text) >= 12 and text in links and _headline_like(segment):
            return position
    return None


def find_dump_title(segments: Sequence[Segment], decisions: Sequence[Decision]) -> int | None:
    """Return the position of the headline among the segments, else None."""
    first_body = next((i for i, d in enumerate(decisions) if d.verdict is Verdict.BODY), None)
    if first_body is None:
        return None
    flush = min((s.indent for s in segments if s.type is BlockType.HEADING), default=0)
    named = _named_in_links(segments, flush, first_body + LOOKBACK)
    if named is not None and decisions[named].verdict is not Verdict.METADATA:
        return named
    for position in range(first_body, max(-1, first_body - LOOKBACK - 1), -1):
        segment = segments[position]
        if decisions[position].verdict is Verdict.METADATA:
            continue
        if segment.type is BlockType.HEADING and segment.indent == flush:
            return position if _headline_like(segment) else None
    return None
