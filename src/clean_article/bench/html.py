"""Body F1 on the benchmark's HTML pages: clean-article and its peers, measured in one run."""

from __future__ import annotations

import argparse
import importlib
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from clean_article.bench.common import DEFAULT_BENCH_DIR, load_gold, read_page, table
from clean_article.bench.scoring import page_score, summarize

Extractor = Callable[[bytes], str]


def _clean_article(data: bytes) -> str:
    from clean_article import clean

    # The body as the JSON "text" field gives it: no title, no lede, no captions.
    return clean(data).text


def _trafilatura(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, include_comments=False) or ""


def _readability(data: bytes) -> str:
    import lxml.html
    from readability import Document

    summary = Document(data).summary(html_partial=True)
    return str(lxml.html.fromstring(summary).text_content()) if summary.strip() else ""


def _newspaper(data: bytes) -> str:
    from newspaper import Article

    # No URL is fetched: the page is handed over, and images are not downloaded.
    article = Article("https://example.invalid/", fetch_images=False)
    article.download(input_html=data.decode("utf-8", "replace"))
    article.parse()
    return str(article.text)


def _installed(module: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            importlib.import_module(module)
    except ImportError:
        return False
    return True


def peers() -> dict[str, Extractor]:
    """Return the systems to compare; the optional peers only when installed (`.[bench]`)."""
    systems: dict[str, Extractor] = {"clean-article": _clean_article, "trafilatura": _trafilatura}
    if _installed("readability"):
        systems["readability-lxml"] = _readability
    if _installed("newspaper"):
        systems["newspaper4k"] = _newspaper
    return systems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m clean_article.bench html", description=__doc__)
    parser.add_argument("bench_dir", nargs="?", default=DEFAULT_BENCH_DIR, type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args(argv)
    gold = load_gold(args.bench_dir)
    ids = sorted(gold)[: args.limit or None]
    pages = {page_id: read_page(args.bench_dir, page_id) for page_id in ids}
    rows: list[list[object]] = []
    f1s: list[float] = []
    for name, extract in peers().items():
        scores, failures, started = [], 0, time.perf_counter()
        for page_id in ids:
            try:
                predicted = extract(pages[page_id])
            except Exception:  # a system that crashes on a page scores an empty prediction there
                predicted, failures = "", failures + 1
            scores.append(page_score(gold[page_id], predicted))
        seconds = time.perf_counter() - started
        summary = summarize(scores)
        rows.append(
            [name, summary.f1, summary.precision, summary.recall, len(ids) / seconds, failures]
        )
        f1s.append(summary.f1)
    base = f1s[1] if len(f1s) > 1 else 0.0
    print(f"HTML body, {len(ids)} pages of {args.bench_dir} (in-process, one core)")
    print(
        table(
            ["system", "F1", "precision", "recall", "pages/s", "crashes", "F1 vs trafilatura"],
            [
                [*row, f"{f1 / base:.3f}x" if base else "-"]
                for row, f1 in zip(rows, f1s, strict=True)
            ],
        )
    )
    return 0
