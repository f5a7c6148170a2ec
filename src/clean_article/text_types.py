"""Page types for text dumps: the type from the dump's own layout, and the body by that type.

The dump classifier (textdump/classify.py) looks for one article: the densest run of prose, and
drops what lies outside it. Pages of other kinds spread their content over many runs, so for
them a block dropped only for its place is taken back: prose outside the article run (every
post of a thread, every section of a service page) and, on some types, the short blocks
around it (the cards of a listing). Blocks dropped on their own evidence (links, cookie
notices, bylines, repeats) stay dropped. Which type takes back what was chosen on fold 0 of
modern/lynx and confirmed on fold 1 (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from clean_article.model import BlockType, Decision, PageType, Segment, Verdict
from clean_article.pagetype import Verdict as TypeVerdict
from clean_article.pagetype import decide
from clean_article.pagetype_features import text_features


@dataclass(frozen=True, slots=True)
class TakeBack:
    """Which blocks the article classifier dropped for their place a page type takes back."""

    prose: bool  # prose and sentence-like blocks outside the article run
    short: str  # short blocks dropped for want of prose around: "" none, "span" between the
    # first and last body block, "all" anywhere


# The classifier's reasons for a drop by place (textdump/classify.py, `_revise`).
PROSE_OUTSIDE = ("good block outside the article", "near block outside the article")
SHORT_OUTSIDE = ("short block outside the article", "short block in the article without prose")
TAKE_BACK = {
    PageType.SERVICE: TakeBack(prose=True, short="span"),
    PageType.FORUM: TakeBack(prose=True, short=""),
    PageType.DOCUMENTATION: TakeBack(prose=True, short="span"),
    PageType.LISTING: TakeBack(prose=True, short="all"),
}


@dataclass(frozen=True, slots=True)
class DumpKind:
    type: PageType
    verdict: TypeVerdict

    def decision(self) -> Decision:
        """Return the page-type line --explain prints above the blocks."""
        return Decision(
            f"page type: {self.type.value}",
            BlockType.PARAGRAPH,
            Verdict.METADATA,
            self.verdict.explain(),
        )


def dump_page_type(text: str) -> DumpKind:
    """Decide the page type of a text dump from its layout and wording."""
    verdict = decide(text_features(text), "text")
    return DumpKind(verdict.type, verdict)


def classify_typed(
    segments: Sequence[Segment], claimed: Mapping[int, str], page_type: PageType
) -> list[Decision]:
    """Classify the dump's segments, with the rules of its page type."""
    from clean_article.textdump.classify import classify

    decisions = classify(segments, claimed)
    rule = TAKE_BACK.get(page_type)
    if rule is None:
        return decisions
    kept = [i for i, d in enumerate(decisions) if d.verdict is Verdict.BODY]
    first, last = (kept[0], kept[-1]) if kept else (0, -1)
    out = []
    for i, d in enumerate(decisions):
        if d.verdict is Verdict.BOILERPLATE and _taken_back(d.reason, rule, first <= i <= last):
            reason = f"body: {page_type.value} page keeps it ({d.reason})"
            d = Decision(d.text, d.type, Verdict.BODY, reason)
        out.append(d)
    return out


def _taken_back(reason: str, rule: TakeBack, between: bool) -> bool:
    if rule.prose and any(cue in reason for cue in PROSE_OUTSIDE):
        return True
    if rule.short and any(cue in reason for cue in SHORT_OUTSIDE):
        return rule.short == "all" or between
    return False
