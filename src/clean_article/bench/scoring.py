"""The article-extraction benchmark's 4-word-shingle precision, recall and F1.

Each text becomes the multiset of its 4-token shingles (tokens are `\\w+` runs; a text of
1-3 tokens is one short shingle). Per page the overlaps are scaled so every page weighs the
same; precision is averaged over pages that predicted something, recall over pages whose
gold has text, and F1 combines the two means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's scaled overlap: true positives, false positives, false negatives."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """Return this page's precision, or None when nothing was predicted."""
        if self.tp + self.fp == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """Return this page's recall, or None when the gold is empty."""
        if self.tp + self.fn == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    pages: int


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Return the multiset of `size`-token shingles of `text`."""
    toks = TOKEN.findall(text)
    if not toks:
        return Counter()
    if len(toks) < size:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + size]) for i in range(len(toks) - size + 1))


def page_score(gold: str, predicted: str) -> PageScore:
    """Score one predicted text against its gold text."""
    gold_sh, pred_sh = shingles(gold), shingles(predicted)
    tp = sum((gold_sh & pred_sh).values())
    fp = sum((pred_sh - gold_sh).values())
    fn = sum((gold_sh - pred_sh).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def summarize(pages: Iterable[PageScore]) -> Scores:
    """Average page precisions and recalls as the benchmark does, then combine them."""
    rows = list(pages)
    precisions = [p for p in (r.precision for r in rows) if p is not None]
    recalls = [r for r in (r.recall for r in rows) if r is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(precision=p, recall=r, f1=f1, pages=len(rows))


def shingle_scores(pairs: Iterable[tuple[str, str]]) -> Scores:
    """Score `(gold, predicted)` text pairs, one per page."""
    return summarize(page_score(gold, pred) for gold, pred in pairs)
