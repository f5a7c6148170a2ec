"""Fit the weights of the published-date choice (metadata/date_choice.py).

A conditional logit: for each page, the candidate days compete through a softmax of their
weighted features, and the weights maximise the likelihood of the gold day (L2-penalised),
by plain gradient descent. Fitted on fold 0 of the multilingual half and the date set
(pages found in both counted once), confirmed on fold 1 and on the 60 labelled pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from clean_article.bench.common import table
from clean_article.metadata.date_choice import FEATURES, Candidate, candidates, choose, features
from clean_article.model import Options

if TYPE_CHECKING:
    from clean_article.bench.dates import Page

L2 = 0.003
STEPS = 3000
RATE = 0.5

Signals = dict[str, str | None]


def _signals(data: bytes) -> Signals:
    from clean_article.decode import decode
    from clean_article.html import parse_html
    from clean_article.metadata.html import page_date_signals

    source = decode(data, name=None, options=Options())
    return page_date_signals(parse_html(source.text), Options())


def _gold_day(page: Page) -> dt.date:
    return dt.date.fromisoformat(page.gold[:10])


def _fit(groups: list[tuple[list[Candidate], int]]) -> dict[str, float]:
    import numpy as np  # installed with py3langid

    matrices = []
    for found, gold in groups:
        table_ = [[features(c, found).get(name, 0.0) for name in FEATURES] for c in found]
        matrices.append((np.array(table_), gold))
    weights = np.zeros(len(FEATURES))
    for _ in range(STEPS):
        gradient = np.zeros_like(weights)
        for rows, gold in matrices:
            scores = rows @ weights
            shares = np.exp(scores - scores.max())
            shares /= shares.sum()
            shares[gold] -= 1.0
            gradient += shares @ rows
        weights -= RATE * (gradient / len(matrices) + L2 * weights)
    return {name: round(float(w), 3) for name, w in zip(FEATURES, weights, strict=True)}


def _write(path: Path, weights: dict[str, float], report: str) -> None:
    lines = [
        '"""Weights of the published-date choice (date_choice.py), fitted on fold 0.',
        "",
        "Written by `python -m clean_article.bench dates --refit`, which printed:",
        "",
        *report.splitlines(),
        '"""',
        "",
        "DATE_WEIGHTS: dict[str, float] = {",
        *(f'    "{name}": {value!r},' for name, value in weights.items()),
        "}",
        "",
    ]
    path.write_text("\n".join(lines), "utf-8")


def refit(pages: list[Page], read: Callable[[Page], bytes], out: Path) -> int:
    """Fit on fold 0, print every set's accuracy per fold, write the weights module."""
    signals: dict[str, Signals] = {}
    for page in pages:
        if page.page_id not in signals:
            signals[page.page_id] = _signals(read(page))
    training: list[tuple[list[Candidate], int]] = []
    seen: set[str] = set()
    for page in pages:
        if page.fold or page.dataset == "labelled" or page.page_id in seen:
            continue
        seen.add(page.page_id)
        found = candidates(signals[page.page_id])
        days = [c.day for c in found]
        if _gold_day(page) in days:
            training.append((found, days.index(_gold_day(page))))
    weights = _fit(training)
    rows: list[list[object]] = []
    for dataset in ("labelled", "multilingual", "dates"):
        for fold in (0, 1):
            chosen = [p for p in pages if p.dataset == dataset and p.fold == fold]
            fitted = sum(_right(p, choose(signals[p.page_id], weights)) for p in chosen)
            alone = sum(_right(p, signals[p.page_id]["htmldate_original"]) for p in chosen)
            rows.append(
                [f"{dataset} fold {fold}", len(chosen), fitted / len(chosen), alone / len(chosen)]
            )
    report = table(["published, same day", "pages", "fitted choice", "htmldate alone"], rows)
    report += f"\n(fitted on {len(training)} fold-0 pages; L2 {L2}, {STEPS} steps)"
    print(report)
    _write(out, weights, report)
    print(f"wrote {out}")
    return 0


def _right(page: Page, value: str | None) -> bool:
    from clean_article.bench.dates import correct

    return correct(page, value)
