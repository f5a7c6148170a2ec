"""Keep or drop each walked block of a non-article page: a logistic regression over its evidence.

Each block of the walk (html_walk.py) is measured by its own text (words, link share, sentence
end, price), where it sits (before the page's <h1>, position, repeated elsewhere, in a post or a
quote) and the class words and tags of its ancestors, and those crossed with the page type. The
weights are data (blocks_weights.json), fitted on fold 0 of modern/ and confirmed on fold 1 by
`python -m clean_article.bench modern --fit`.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from clean_article.html_walk import Chunk
from clean_article.model import PageType

WEIGHTS_FILE = "blocks_weights.json"
Features = dict[str, float]
_SENTENCE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d[\d.,]*\s?(?:€|EUR|USD|GBP)\b")
SHORT_WORDS = 3
LONG_WORDS = 25
LINKY = 0.6


def block_features(
    chunks: Sequence[Chunk], page_type: PageType, reference: str = ""
) -> list[Features]:
    """Return the features of every chunk of one page, in order.

    `reference` is trafilatura's text of the page: a block it kept is more likely content.
    """
    kept = _shingles(reference)
    h1 = next((i for i, c in enumerate(chunks) if c.tag == "h1"), None)
    copies = Counter(c.text for c in chunks)
    n = max(1, len(chunks))
    kind = page_type.value
    out = []
    for i, chunk in enumerate(chunks):
        words = len(chunk.text.split())
        flags = {
            "short": words <= SHORT_WORDS,
            "long": words >= LONG_WORDS,
            "linky": chunk.link_share >= LINKY,
            "sentence": bool(_SENTENCE_END.search(chunk.text)),
            "before_h1": h1 is not None and i < h1,
            "h1": chunk.tag == "h1",
            "tail": i / n > 0.85,
            "repeated": copies[chunk.text] > 1,
            "quote": chunk.in_quote,
            "in_post": bool(chunk.owner),
            "price": bool(_PRICE.search(chunk.text)),
            "in_reference": _covered(chunk.text, kept, reference),
            f"kind:{chunk.type.value}": True,
        }
        f: Features = {"bias": 1.0, f"type:{kind}": 1.0, f"tag:{chunk.tag or 'text'}": 1.0}
        f["words"] = math.log1p(words)
        f["links"] = chunk.link_share
        f["pos"] = i / n
        for name, on in flags.items():
            if on:
                f[name] = 1.0
                f[f"{kind}&{name}"] = 1.0
        for word in chunk.context:
            f[f"ctx:{word}"] = 1.0
        out.append(f)
    return out


_TOKEN = re.compile(r"\w+")


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}


def _covered(text: str, shingles: set[tuple[str, ...]], reference: str) -> bool:
    """Return True when most of `text` (a short text: all of it) is in the reference."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < 4:
        return bool(tokens) and text.lower() in reference.lower()
    own = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
    return sum(s in shingles for s in own) >= 0.5 * len(own)


@lru_cache(maxsize=1)
def load_weights() -> tuple[dict[str, float], float]:
    """Read the shipped block weights and the keep threshold (once per process)."""
    # Beside this module (package data); importlib.resources would cost ~10 ms of start-up.
    text = (Path(__file__).parent / WEIGHTS_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    return dict(data["weights"]), float(data["threshold"])


def probability(features: Features, weights: dict[str, float]) -> float:
    """Return the model's probability that a block with `features` is content."""
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def reasons(features: Features, weights: dict[str, float], n: int = 2) -> str:
    """Name the features that pushed this block's score most (for --explain)."""
    pushes = sorted(((weights.get(k, 0.0) * v, k) for k, v in features.items()), reverse=True)
    top = [k for _, k in pushes[:n]] + [k for _, k in pushes[-n:]]
    return ", ".join(dict.fromkeys(top))
