"""Measure the segments of a text dump: the features the boilerplate classifier reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from clean_article import lazy_re as re
from clean_article.model import BlockType, Segment
from clean_article.normalize import normalize_space
from clean_article.textdump import vocab as v
from clean_article.textdump.segment import looks_like_heading

_WORD = re.compile(r"\w+")
_PUNCT_MARKS = ".,;:!?"  # sentence punctuation, counted per word
_TERMINAL_END = re.compile(r"[.!?…。！？][\"'”’»)\]」]*$")
# Capital dotted İ and dotless ı: `re` matches both to "i" case-insensitively, casefold()
# does not, so a text holding one cannot be screened by cue words.
_ODD_CASE = re.compile("[\u0130\u0131]")


class Kind(StrEnum):
    """A segment's class from its own features, before context."""

    GOOD = "good"  # prose: long, dense in stop words or sentence punctuation
    NEAR = "near"  # sentence-like but short
    SHORT = "short"  # too short to judge alone
    BAD = "bad"  # boilerplate whatever its neighbours say


@dataclass(frozen=True, slots=True)
class Features:
    """What the classifier measures on one segment."""

    chars: int
    words: int
    stop: float  # share of tokens that are stop words
    punct: float  # sentence punctuation marks per word
    sentence_end: bool
    link_share: float  # share of the text inside Markdown links
    copies: int  # how often the same text appears in the dump
    heading: bool
    dated: bool  # holds a date or a clock time
    folded: str  # the text case-folded once, for cue-word tests
    tokens: tuple[str, ...]  # its words, case-folded
    odd_case: bool  # holds a letter that case folding and `re` treat differently

    def may_match(self, cues: tuple[str, ...]) -> bool:
        """Return False only when the text holds none of the cues a pattern's matches hold."""
        return self.odd_case or any(map(self.folded.__contains__, cues))


def may_match(text: str, cues: tuple[str, ...]) -> bool:
    """Return False only when `text` holds none of the cues a pattern's matches hold."""
    folded = text.casefold()
    return bool(_ODD_CASE.search(text)) or any(map(folded.__contains__, cues))


def _link_share(segment: Segment) -> float:
    """Return the share of the segment's text that sat inside Markdown links."""
    raw = segment.raw
    if "](" not in raw or not segment.text:
        return 0.0
    # Count only the links inside this segment: glue splitting may have cut the block up.
    texts = (normalize_space(m.group(1)) for m in v.MD_LINK.finditer(raw))
    linked = sum(len(t) for t in texts if t and t in segment.text)
    return min(1.0, linked / len(segment.text))


def measure(segments: Sequence[Segment]) -> list[Features]:
    """Return the features of every segment, in order."""
    folded = [s.text.casefold() for s in segments]
    counts = Counter(folded)
    feats = []
    for s, low in zip(segments, folded, strict=True):
        tokens = _WORD.findall(low)
        dated = bool(v.DATE_LIKE.search(s.text))
        # No CJK character sorts below U+3040: most blocks skip the search (and its compile).
        cjk = 0 if s.text.isascii() or max(s.text) < "\u3040" else len(v.CJK.findall(s.text))
        n = max(len(tokens), cjk // v.CJK_CHARS_PER_WORD)
        feats.append(
            Features(
                chars=len(s.text),
                words=n,
                stop=sum(map(v.STOPWORDS.__contains__, tokens)) / n if n else 0.0,
                punct=sum(map(s.text.count, _PUNCT_MARKS)) / n if n else 0.0,
                sentence_end=bool(_TERMINAL_END.search(s.text)),
                link_share=_link_share(s),
                copies=counts[low],
                heading=not dated and (s.type is BlockType.HEADING or looks_like_heading(s.text)),
                dated=dated,
                folded=low,
                tokens=tuple(tokens),
                odd_case=not s.text.isascii() and bool(_ODD_CASE.search(s.text)),
            )
        )
    return feats
