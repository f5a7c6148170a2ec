"""Body F1 on the benchmark's HTML pages: clean-article and its peers, measured in one run.

Both development sets, one after the other: the 181 scrapinghub pages (shingle F1) and the
multilingual half (snippet F1 of BENCH_DIR/score_text.py), each with its two folds by site.
"""

from __future__ import annotations

import argparse
import importlib
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from clean_article.bench.common import (
    DEFAULT_BENCH_DIR,
    fold_of,
    load_gold,
    load_multilingual,
    load_urls,
    read_multilingual_page,
    read_page,
    snippet_f1_by_fold,
    snippet_scorer,
    table,
)
from clean_article.bench.scoring import PageScore, page_score, summarize

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


def _run(extract: Extractor, pages: dict[str, bytes]) -> tuple[dict[str, str], float, int]:
    """Run one system over `pages`; return its texts, pages per second and crashes."""
    predicted: dict[str, str] = {}
    failures, started = 0, time.perf_counter()
    for page_id, data in pages.items():
        try:
            predicted[page_id] = extract(data)
        except Exception:  # a system that crashes on a page scores an empty prediction there
            predicted[page_id], failures = "", failures + 1
    return predicted, len(pages) / (time.perf_counter() - started or 1e-9), failures


def _scrapinghub(args: argparse.Namespace, systems: dict[str, Extractor]) -> None:
    gold = load_gold(args.bench_dir)
    urls = load_urls(args.bench_dir)
    ids = sorted(gold)[: args.limit or None]
    pages = {page_id: read_page(args.bench_dir, page_id) for page_id in ids}
    rows: list[list[object]] = []
    for name, extract in systems.items():
        predicted, speed, failures = _run(extract, pages)
        by_fold: dict[int, list[PageScore]] = {0: [], 1: []}
        for page_id in ids:
            by_fold[fold_of(urls.get(page_id))].append(
                page_score(gold[page_id], predicted[page_id])
            )
        summary = summarize(by_fold[0] + by_fold[1])
        f0, f1 = (summarize(by_fold[k]).f1 for k in (0, 1))
        rows.append([name, summary.f1, f0, f1, summary.precision, summary.recall, speed, failures])
    print(
        f"HTML body, {len(ids)} pages of {args.bench_dir / 'scrapinghub'} (shingle F1; in-process, one core)"
    )
    print(
        _with_ratio(
            ["system", "F1", "fold 0", "fold 1", "precision", "recall", "pages/s", "crashes"], rows
        )
    )


def _multilingual(args: argparse.Namespace, systems: dict[str, Extractor]) -> None:
    gold = load_multilingual(args.bench_dir)
    if gold is None:
        print(f"(no multilingual set under {args.bench_dir}: skipped)")
        return
    scorer = snippet_scorer(args.bench_dir)
    ids = sorted(gold)[: args.limit or None]
    pages = {page_id: read_multilingual_page(args.bench_dir, page_id) for page_id in ids}
    rows: list[list[object]] = []
    for name, extract in systems.items():
        predicted, speed, failures = _run(extract, pages)
        f1, f0, f1b = snippet_f1_by_fold(scorer, gold, predicted)
        rows.append([name, f1, f0, f1b, speed, failures])
    print()
    print(
        f"HTML body, {len(ids)} pages of {args.bench_dir / 'multilingual'} (snippet F1 of score_text.py)"
    )
    print(_with_ratio(["system", "F1", "fold 0", "fold 1", "pages/s", "crashes"], rows))


def _with_ratio(header: list[str], rows: list[list[object]]) -> str:
    """Return the table with each system's F1 relative to trafilatura's (the second row)."""
    base = rows[1][1] if len(rows) > 1 else 0.0
    ratio = [f"{row[1] / base:.3f}x" if base else "-" for row in rows]  # type: ignore[operator]
    return table(
        [*header, "F1 vs trafilatura"], [[*r, x] for r, x in zip(rows, ratio, strict=True)]
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m clean_article.bench html", description=__doc__)
    parser.add_argument("bench_dir", nargs="?", default=DEFAULT_BENCH_DIR, type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages of each set")
    parser.add_argument(
        "--set",
        choices=("all", "scrapinghub", "multilingual"),
        default="all",
        help="which data set (default: both, one after the other)",
    )
    parser.add_argument("--system", action="append", help="only these systems (repeatable)")
    args = parser.parse_args(argv)
    systems = {k: f for k, f in peers().items() if not args.system or k in args.system}
    if args.set in ("all", "scrapinghub"):
        _scrapinghub(args, systems)
    if args.set in ("all", "multilingual"):
        _multilingual(args, systems)
    return 0
