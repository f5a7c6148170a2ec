"""Fit the page-type model: a multinomial logistic regression, in plain Python.

Fitted on the pages of fold 0 (`common.fold_of`), confirmed on fold 1; the weights go to
src/clean_article/pagetype_weights.json with the accuracy of both folds. Full-batch gradient
descent with L2 and per-feature (Adagrad) steps: a few hundred pages, a few hundred features.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from clean_article.model import PageType
from clean_article.pagetype import Model
from clean_article.pagetype_features import Features

CLASSES = tuple(PageType)
MIN_PAGES = 8  # a feature seen on fewer training pages is noise
L2 = 0.05
STEPS = 200
RATE = 0.3


def fit(samples: Sequence[tuple[Features, PageType]]) -> Model:
    """Return a model fitted on `(features, gold type)` samples."""
    seen: dict[str, int] = {}
    for features, _ in samples:
        for name, value in features.items():
            if value:
                seen[name] = seen.get(name, 0) + 1
    names = sorted(n for n, k in seen.items() if k >= MIN_PAGES or n == "bias")
    scale = {n: _scale([f.get(n, 0.0) for f, _ in samples]) for n in names}
    index = {n: i for i, n in enumerate(names)}
    rows = [
        [(index[n], v / scale[n]) for n, v in f.items() if n in index and v] for f, _ in samples
    ]
    gold = [CLASSES.index(t) for _, t in samples]
    k = len(CLASSES)
    weights = [[0.0] * k for _ in names]
    squares = [[1e-8] * k for _ in names]
    for _ in range(STEPS):
        grads = [[L2 * w for w in row] for row in weights]
        for row, y in zip(rows, gold, strict=True):
            probs = _softmax(row, weights, k)
            probs[y] -= 1.0
            for j, x in row:
                g = grads[j]
                for c in range(k):
                    g[c] += probs[c] * x / len(rows)
        for j in range(len(names)):
            for c in range(k):
                squares[j][c] += grads[j][c] ** 2
                weights[j][c] -= RATE * grads[j][c] / math.sqrt(squares[j][c])
    return Model(
        classes=CLASSES,
        mean={},
        scale={n: round(scale[n], 6) for n in names},
        weights={n: tuple(round(w, 5) for w in weights[index[n]]) for n in names},
    )


def _scale(values: list[float]) -> float:
    """Return the root mean square of a feature (features are not centred: rows stay sparse)."""
    rms = math.sqrt(sum(v * v for v in values) / max(1, len(values)))
    return rms if rms > 1e-9 else 1.0


def _softmax(row: list[tuple[int, float]], weights: list[list[float]], k: int) -> list[float]:
    logits = [0.0] * k
    for j, x in row:
        w = weights[j]
        for c in range(k):
            logits[c] += w[c] * x
    top = max(logits)
    exps = [math.exp(z - top) for z in logits]
    total = sum(exps)
    return [e / total for e in exps]


def accuracy(model: Model, samples: Sequence[tuple[Features, PageType]]) -> float:
    """Return the share of samples whose most probable type is the gold one."""
    if not samples:
        return 0.0
    right = 0
    for features, gold in samples:
        scores = model.scores(features)
        right += max(scores, key=lambda c: scores[c]) is gold
    return right / len(samples)
