"""Find the article in a sequence of segment weights: the densest run of prose, cut at
comment threads and closing headings, trimmed of stray blocks at its ends."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from clean_article.model import Segment
from clean_article.textdump import vocab as v
from clean_article.textdump.features import Kind, may_match


def _best_run(weights: Sequence[float], lo: int, hi: int) -> tuple[int, int, float]:
    """Return the maximum-sum run of `weights[lo:hi + 1]` as (start, end, sum)."""
    best, best_span = 0.0, (-1, -1)
    total, start = 0.0, lo
    for i in range(lo, hi + 1):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best:
            best, best_span = total, (start, i)
    return best_span[0], best_span[1], best


def trim_run(weights: Sequence[float], span: tuple[int, int]) -> tuple[int, int]:
    """Drop a small prose block hanging off either end of a run behind a gap of furniture."""
    start, end = span
    total = sum(w for w in weights[start : end + 1] if w > 0)
    changed = True
    while changed:
        changed = False
        prose = [i for i in range(start, end + 1) if weights[i] > 0]
        if len(prose) < 3:
            break
        if prose[-1] - prose[-2] > v.TRIM_GAP and weights[prose[-1]] < v.TRIM_SHARE * total:
            end, changed = prose[-2], True
        elif prose[1] - prose[0] > v.TRIM_GAP and weights[prose[0]] < v.TRIM_SHARE * total:
            start, changed = prose[1], True
    return start, end


def find_article(weights: Sequence[float]) -> list[tuple[int, int]]:
    """Return the article's runs: the densest run of prose plus runs nearly as dense."""
    start, end, best = _best_run(weights, 0, len(weights) - 1)
    if start < 0:
        return []
    start, end = trim_run(weights, (start, end))
    runs = [(start, end)]
    todo = [(0, start - 1), (end + 1, len(weights) - 1)]
    while todo and len(runs) < v.REGION_MAX_RUNS:
        lo, hi = todo.pop()
        a, b, total = _best_run(weights, lo, hi)
        blocks = sum(w > 0 for w in weights[a : b + 1]) if a >= 0 else 0
        if blocks >= v.REGION_SECOND_MIN_BLOCKS and total >= v.REGION_SECOND_RATIO * best:
            runs.append((a, b))
            todo += [(lo, a - 1), (b + 1, hi)]
    return sorted(runs)


def thread_start(segments: Sequence[Segment], kinds: Sequence[Kind], start: int) -> int | None:
    """Return where a comment thread begins after `start`: its heading or its first stamp."""
    heading = next(
        (i for i in range(start + 1, len(segments)) if _is_comments_heading(segments[i])), None
    )
    stamps = [i for i in range(start, len(segments)) if _is_comment_stamp(segments[i].text)]
    chain: list[int] = []  # stamps in a row, each with prose before the next one
    for a, b in itertools.pairwise(stamps):
        if b - a <= v.COMMENT_STAMPS_GAP and any(
            k in (Kind.GOOD, Kind.NEAR) for k in kinds[a + 1 : b]
        ):
            chain = chain or [a]
            chain.append(b)
            if len(chain) >= v.COMMENT_STAMPS_MIN:
                return chain[0] if heading is None else min(chain[0], heading)
        else:
            chain = []
    return heading


def cut_comments(
    segments: Sequence[Segment], kinds: Sequence[Kind], span: tuple[int, int]
) -> tuple[int, int]:
    """End the article run where a comment thread starts inside it."""
    start, end = span
    cut = thread_start(segments, kinds, start)
    if cut is None or cut > end or not any(k is Kind.GOOD for k in kinds[start:cut]):
        return span
    return start, cut - 1


def cut_tail(
    segments: Sequence[Segment], weights: Sequence[float], span: tuple[int, int]
) -> tuple[int, int]:
    """End the article run at a closing heading (related links, tags, author box).

    It ends there when the prose after it weighs less than the article before it, or
    when that prose comes in lone blocks (one teaser per item, however long).
    """
    start, end = span
    tail = [max(w, 0.0) for w in weights[start : end + 1]]
    after = list(itertools.accumulate(reversed(tail)))[::-1]  # prose weight from k on
    runs, blocks = _suffix_prose_counts([w > 0 for w in tail])
    before = 0.0
    for k in range(start, end + 1):
        text = segments[k].text
        if before > 0 and len(text) <= v.END_MARKER_MAX_CHARS and _closes_article(text):
            n, m = runs[k - start], blocks[k - start]
            lone = n >= v.TAIL_TEASERS_MIN and m <= v.STREAM_MAX_RUN * n
            if after[k - start] <= before or lone:
                return start, k - 1
        before += weights[k]
    return span


def _is_comment_stamp(text: str) -> bool:
    if len(text) > v.COMMENT_STAMP_MAX_CHARS:
        return False
    cued = v.COMMENT_STAMP_CLOCK.search(text) or may_match(text, v.COMMENT_STAMP_CUES)
    return bool(cued and v.COMMENT_STAMP.search(text))


def _closes_article(text: str) -> bool:
    return bool(v.END_MARKER.fullmatch(text) or v.ABOUT_NAME.fullmatch(text))


def _is_comments_heading(segment: Segment) -> bool:
    text = segment.text
    return len(text) <= v.COMMENT_STAMP_MAX_CHARS and bool(v.COMMENTS_HEADING.match(text))


def cut_dated_stream(
    dated: Sequence[bool], kinds: Sequence[Kind], span: tuple[int, int]
) -> tuple[int, int]:
    """End the run before a list of dated items: a date line over each teaser summary.

    An article prints its date once or twice, above its text; several date lines in a
    row after its text, each followed by prose, are a list of other stories (or posts).
    """
    start, end = span
    first = next((i for i in range(start, end + 1) if kinds[i] is Kind.GOOD), None)
    if first is None:
        return span
    chain: list[int] = []
    for i in range(first + 1, end + 1):
        if not dated[i]:
            continue
        if chain and (
            i - chain[-1] > v.DATED_STREAM_GAP
            or not any(k in (Kind.GOOD, Kind.NEAR) for k in kinds[chain[-1] + 1 : i])
        ):
            chain = []
        chain.append(i)
        if len(chain) >= v.DATED_STREAM_MIN:
            last = max(j for j in range(first, chain[0]) if kinds[j] in (Kind.GOOD, Kind.NEAR))
            return start, last
    return span


def cut_teaser_stream(weights: Sequence[float], span: tuple[int, int]) -> tuple[int, int]:
    """End the run before a stream of lone prose blocks: teasers, one summary per item.

    An article's paragraphs follow each other; a list of teasers puts a headline, a tag or
    a date between every summary. After a gap of furniture, a stretch whose prose blocks
    stand alone (runs of one, on average) is cut off.
    """
    start, end = span
    prose = [weights[i] > 0 for i in range(start, end + 1)]
    runs, blocks = _suffix_prose_counts(prose)
    gap = 0
    for k, is_prose in enumerate(prose):
        if not is_prose:
            gap += 1
            continue
        if (
            gap >= v.STREAM_GAP
            and k > 0
            and runs[k] >= v.STREAM_MIN_ITEMS
            and blocks[k] <= v.STREAM_MAX_RUN * runs[k]
        ):
            return start, start + k - gap - 1
        gap = 0
    return span


def _suffix_prose_counts(prose: Sequence[bool]) -> tuple[list[int], list[int]]:
    """Return, for every offset, how many runs of prose and prose blocks follow from it."""
    runs = [0] * (len(prose) + 1)
    blocks = [0] * (len(prose) + 1)
    for k in range(len(prose) - 1, -1, -1):
        starts_run = prose[k] and (k + 1 == len(prose) or not prose[k + 1])
        runs[k] = runs[k + 1] + starts_run  # counted at each run's last block
        blocks[k] = blocks[k + 1] + prose[k]
    return runs, blocks
