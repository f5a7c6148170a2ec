"""Fit the keep-or-drop model of walked blocks (html_blocks.py) on one fold of modern/.

A block is labelled content when most of its 4-word shingles (or, for a block of fewer than four
words, its words in a row) occur in the page's gold body. Blocks weigh by the square root of
their length, as the body score counts shingles. Logistic regression by a few epochs of
stochastic gradient descent with per-feature (Adagrad) steps and L2, in a fixed order.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence

from clean_article.html_blocks import Features, probability

TOKEN = re.compile(r"\w+")
EPOCHS = 6
RATE = 0.2
L2 = 1e-3
MIN_PAGES = 10  # a feature seen on fewer training pages is one site's habit, not evidence
CONTENT_SHARE = 0.5


class GoldIndex:
    """The gold body's shingles and short n-grams, to label blocks against."""

    def __init__(self, gold: str) -> None:
        tokens = TOKEN.findall(gold.lower())
        self.grams = {tuple(tokens[i : i + n]) for n in (1, 2, 3, 4) for i in range(len(tokens))}

    def label(self, text: str) -> bool:
        tokens = TOKEN.findall(text.lower())
        if not tokens:
            return False
        if len(tokens) < 4:
            return tuple(tokens) in self.grams
        shingles = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
        return sum(s in self.grams for s in shingles) / len(shingles) >= CONTENT_SHARE


def fit_blocks(samples: Sequence[tuple[Features, bool, float, str]]) -> dict[str, float]:
    """Return weights fitted on `(features, is content, weight, page id)` samples."""
    pages: dict[str, set[str]] = {}
    for features, _, _, page in samples:
        for name in features:
            pages.setdefault(name, set()).add(page)
    names = {n for n, found in pages.items() if len(found) >= MIN_PAGES}
    weights: dict[str, float] = dict.fromkeys(names, 0.0)
    squares: dict[str, float] = dict.fromkeys(names, 1e-8)
    order = list(range(len(samples)))
    rng = random.Random(0)  # a fixed order: the same data always gives the same weights
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            features, label, weight, _ = samples[i]
            error = (probability(features, weights) - float(label)) * weight
            for name, value in features.items():
                if name not in names:
                    continue
                g = error * value + L2 * weights[name]
                squares[name] += g * g
                weights[name] -= RATE * g / math.sqrt(squares[name])
    return {n: round(w, 4) for n, w in sorted(weights.items()) if abs(w) >= 1e-4}
