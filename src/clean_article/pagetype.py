"""Which kind of page is this? A multinomial logistic regression over the page's own evidence.

The features (pagetype_features.py) are JSON-LD and Open Graph types, the address, DOM counts,
class words and cue phrases for HTML, and layout counts and the same cue phrases for text dumps.
The weights are data (pagetype_weights.json), fitted on fold 0 of the modern/ development set and
confirmed on fold 1 by `python -m clean_article.bench modern --fit`, which rewrites the file and
prints the figures of both folds.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from clean_article.model import PageType
from clean_article.pagetype_features import Features

WEIGHTS_FILE = "pagetype_weights.json"


@dataclass(frozen=True, slots=True)
class Model:
    """One front end's fitted model: class order, feature scaling and weights."""

    classes: tuple[PageType, ...]
    mean: dict[str, float]
    scale: dict[str, float]
    weights: dict[str, tuple[float, ...]]

    def scores(self, features: Features) -> dict[PageType, float]:
        """Return the probability of each page type given `features`."""
        logits = [0.0] * len(self.classes)
        for name, row in self.weights.items():
            x = (features.get(name, 0.0) - self.mean.get(name, 0.0)) / self.scale.get(name, 1.0)
            if x:
                for i, w in enumerate(row):
                    logits[i] += w * x
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def reasons(self, features: Features, kind: PageType, n: int = 3) -> list[str]:
        """Name the `n` features that pushed hardest towards `kind`."""
        i = self.classes.index(kind)
        pushes = []
        for name, row in self.weights.items():
            x = (features.get(name, 0.0) - self.mean.get(name, 0.0)) / self.scale.get(name, 1.0)
            pushes.append((row[i] * x, name))
        pushes.sort(reverse=True)
        return [name for push, name in pushes[:n] if push > 0]

    def to_json(self) -> dict[str, Any]:
        return {
            "classes": [c.value for c in self.classes],
            "mean": self.mean,
            "scale": self.scale,
            "weights": {k: list(v) for k, v in self.weights.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(
            classes=tuple(PageType(c) for c in data["classes"]),
            mean=dict(data["mean"]),
            scale=dict(data["scale"]),
            weights={k: tuple(v) for k, v in data["weights"].items()},
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decided page type, how sure the model is, and the features that decided."""

    type: PageType
    probability: float
    reasons: tuple[str, ...]

    def explain(self) -> str:
        return f"page type {self.type.value} ({self.probability:.2f}: {', '.join(self.reasons)})"


@lru_cache(maxsize=1)
def load_models() -> dict[str, Model]:
    """Read the shipped weights (once per process; the file never changes at run time)."""
    # Beside this module (package data); importlib.resources would cost ~10 ms of start-up.
    text = (Path(__file__).parent / WEIGHTS_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    return {front: Model.from_json(data[front]) for front in ("html", "text") if front in data}


def decide(features: Features, front: str) -> Verdict:
    """Return the page type of a page measured by `features` on front end `front` (html|text)."""
    model = load_models().get(front)
    if model is None:
        return Verdict(PageType.ARTICLE, 1.0, ("no model",))
    scores = model.scores(features)
    best = max(model.classes, key=lambda c: (scores[c], -model.classes.index(c)))
    return Verdict(best, scores[best], tuple(model.reasons(features, best)))
