"""Refit the page-type models and the block model on fold 0 of modern/, confirm on fold 1.

`python -m clean_article.bench modern --fit` measures every page (HTML and lynx dump), fits the
page-type models (pagetype_fit.py) and the block model (blocks_fit.py, on the walked blocks of
the pages that are not articles, by their gold type), picks the block threshold on fold 0,
writes both weights files and returns the figures of both folds.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from clean_article.bench.blocks_fit import GoldIndex, fit_blocks
from clean_article.bench.common import fold_of
from clean_article.bench.pagetype_fit import accuracy, fit
from clean_article.bench.scoring import page_score, summarize
from clean_article.html_blocks import Features, block_features, probability
from clean_article.model import PageType

PACKAGE = Path(__file__).resolve().parent.parent
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)
COMMAND = "python -m clean_article.bench modern --fit"


def _measure(job: tuple[Path, str, dict[str, Any]]) -> dict[str, Any]:
    """Measure one page: page-type features of both front ends, and its walked blocks."""
    from clean_article.decode import decode
    from clean_article.html import extract_body, parse_html
    from clean_article.html_revise import revise
    from clean_article.html_types import walk_page
    from clean_article.metadata.html import extract_html_metadata
    from clean_article.model import Options, Verdict
    from clean_article.pagetype_features import html_features, text_features

    bench_dir, page_id, record = job
    html = gzip.decompress((bench_dir / "modern" / "html" / f"{page_id}.html.gz").read_bytes())
    dump = (bench_dir / "modern" / "lynx" / f"{page_id}.txt").read_text("utf-8", "replace")
    tree = parse_html(decode(html, name=page_id, options=Options()).text)
    metadata = extract_html_metadata(tree, Options())
    out: dict[str, Any] = {"html": html_features(tree), "text": text_features(dump), "blocks": []}
    kind = PageType(record["page_type"])
    if kind is PageType.ARTICLE or not record["articleBody"].strip():
        return out
    chunks, _ = walk_page(tree, kind)
    body = revise(extract_body(tree), metadata)
    reference = "\n".join(d.text for d in body if d.verdict is Verdict.BODY)
    index = GoldIndex(record["articleBody"])
    title = metadata.title or ""
    for chunk, features in zip(chunks, block_features(chunks, kind, reference), strict=True):
        out["blocks"].append((features, index.label(chunk.text), chunk.text, chunk.text == title))
    return out


def _body(blocks: list[Any], weights: dict[str, float], threshold: float) -> str:
    kept = dict.fromkeys(
        text
        for features, _, text, is_title in blocks
        if not is_title and probability(features, weights) >= threshold
    )
    return "\n\n".join(kept)


def refit(bench_dir: Path, gold: dict[str, dict[str, Any]], ids: list[str], workers: int) -> str:
    """Fit both models on fold 0, write the weights, return the figures of both folds."""
    from clean_article.bench.modern import _pool_map

    jobs = [(bench_dir, p, gold[p]) for p in ids]
    measured = dict(zip(ids, _pool_map(_measure, jobs, workers), strict=True))
    fold = {p: fold_of(gold[p]["url"]) for p in ids}
    lines = [f"fitted on fold 0 by `{COMMAND}`; {len(ids)} pages"]
    models = {}
    for front in ("html", "text"):
        samples = {
            f: [(measured[p][front], PageType(gold[p]["page_type"])) for p in ids if fold[p] == f]
            for f in (0, 1)
        }
        models[front] = fit(samples[0])
        acc = [accuracy(models[front], samples[f]) for f in (0, 1)]
        lines.append(f"page_type {front}: fold 0 {acc[0]:.3f}, fold 1 {acc[1]:.3f}")
    training: list[tuple[Features, bool, float, str]] = [
        (features, label, math.sqrt(max(1, len(text.split()))), p)
        for p in ids
        if fold[p] == 0
        for features, label, text, _ in measured[p]["blocks"]
    ]
    weights = fit_blocks(training)
    by_fold_type: dict[tuple[int, str], list[str]] = defaultdict(list)
    for p in ids:
        if measured[p]["blocks"]:
            by_fold_type[(fold[p], gold[p]["page_type"])].append(p)

    def f1(f: int, kind: str, threshold: float) -> float:
        pages = by_fold_type[(f, kind)]
        scores = (
            page_score(gold[p]["articleBody"], _body(measured[p]["blocks"], weights, threshold))
            for p in pages
        )
        return summarize(scores).f1

    kinds = sorted({k for _, k in by_fold_type})
    mean = {t: sum(f1(0, k, t) for k in kinds) / max(1, len(kinds)) for t in THRESHOLDS}
    threshold = max(THRESHOLDS, key=lambda t: (mean[t], -t))
    lines.append(f"block threshold {threshold} (fold 0 mean F1 over types by threshold: {mean})")
    for f in (0, 1):
        figures = ", ".join(f"{k} {f1(f, k, threshold):.3f}" for k in kinds)
        lines.append(f"blocks, fold {f}, walked by gold type: {figures}")
    pagetype = {front: m.to_json() for front, m in models.items()}
    _write("pagetype_weights.json", {**pagetype, "fitted": lines[1:3], "command": COMMAND})
    blocks = {"weights": weights, "threshold": threshold, "fitted": lines[3:], "command": COMMAND}
    _write("blocks_weights.json", blocks)
    return "\n".join(lines)


def _write(name: str, data: dict[str, Any]) -> None:
    text = json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n"
    (PACKAGE / name).write_text(text, encoding="utf-8")
