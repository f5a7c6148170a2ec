"""Page types on modern/: body F1 per type and fold, page-type accuracy, and the model refit.

usage: python -m clean_article.bench modern [BENCH_DIR=../shared/bench] [-j N] [--limit N]
       python -m clean_article.bench modern [BENCH_DIR] --fit [-j N]

The first scores, in one run and on each fold (`common.fold_of`), clean-article on the HTML
pages and on their lynx dumps, trafilatura (include_comments=False, include_tables=True) and
readability-lxml, overall and per page type, with the page_type accuracy and its confusions.
--fit refits the page-type models and the block model on fold 0, rewrites
src/clean_article/{pagetype,blocks}_weights.json and prints the figures of both folds.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from clean_article.bench.common import DEFAULT_BENCH_DIR, fold_of, table
from clean_article.bench.scoring import page_score, summarize
from clean_article.model import PageType

SYSTEMS = ("clean-article", "clean-article lynx", "trafilatura", "readability-lxml")
TYPES = tuple(t.value for t in PageType)


def load(bench_dir: Path) -> dict[str, dict[str, Any]]:
    """Return {page id: gold record} of modern/."""
    with gzip.open(bench_dir / "modern" / "gold.json.gz", "rt", encoding="utf-8") as f:
        data: dict[str, dict[str, Any]] = json.load(f)
    return dict(sorted(data.items()))


def _read(bench_dir: Path, page_id: str) -> tuple[bytes, str]:
    html = gzip.decompress((bench_dir / "modern" / "html" / f"{page_id}.html.gz").read_bytes())
    dump = (bench_dir / "modern" / "lynx" / f"{page_id}.txt").read_bytes()
    return html, dump.decode("utf-8", "replace")


def _run_page(job: tuple[Path, str]) -> tuple[str, dict[str, tuple[str, str | None]]]:
    """Run every system on one page: {system: (body text, page type or None)}."""
    from clean_article import Options, clean
    from clean_article.bench.html import _readability
    from clean_article.model import SourceFormat

    bench_dir, page_id = job
    html, dump = _read(bench_dir, page_id)
    out: dict[str, tuple[str, str | None]] = {}
    runs: dict[str, Callable[[], tuple[str, str | None]]] = {
        "clean-article": lambda: _typed(clean(html, name=f"{page_id}.html")),
        "clean-article lynx": lambda: _typed(
            clean(dump, name=f"{page_id}.txt", options=Options(input_format=SourceFormat.TEXT))
        ),
        "trafilatura": lambda: (_trafilatura(html), None),
        "readability-lxml": lambda: (_readability(html), None),
    }
    for name, run in runs.items():
        try:
            out[name] = run()
        except Exception:  # a system that crashes on a page scores an empty prediction there
            out[name] = ("", None)
    return page_id, out


def _trafilatura(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, include_comments=False, include_tables=True) or ""


def _typed(article: Any) -> tuple[str, str | None]:
    return article.text, article.page_type.value if article.page_type else None


def _pool_map(func: Callable[[Any], Any], jobs: list[Any], workers: int) -> Iterable[Any]:
    if workers <= 1:
        return map(func, jobs)
    return Pool(workers).imap(func, jobs, chunksize=4)


def score(
    gold: dict[str, dict[str, Any]], runs: dict[str, dict[str, tuple[str, str | None]]]
) -> str:
    """Return the report: body F1 per system, type and fold; page-type accuracy; confusions."""
    lines: list[str] = []
    for fold in (0, 1):
        ids = [p for p in runs if fold_of(gold[p]["url"]) == fold]
        scored = [p for p in ids if gold[p]["articleBody"].strip()]
        by_type: dict[str, list[str]] = defaultdict(list)
        for p in scored:
            by_type[gold[p]["page_type"]].append(p)
        head = ["system", f"all ({len(scored)})"] + [f"{t} ({len(by_type[t])})" for t in TYPES]
        rows = []
        for system in SYSTEMS:
            row: list[object] = [system]
            for group in [scored] + [by_type[t] for t in TYPES]:
                pages = (page_score(gold[p]["articleBody"], runs[p][system][0]) for p in group)
                row.append(summarize(pages).f1)
            rows.append(row)
        lines += [f"\n### fold {fold}: body F1 (shingles), {len(scored)} pages with a gold body"]
        lines += [table(head, rows), ""]
        for system in ("clean-article", "clean-article lynx"):
            right = sum(runs[p][system][1] == gold[p]["page_type"] for p in ids)
            confusions = Counter(
                (gold[p]["page_type"], runs[p][system][1])
                for p in ids
                if runs[p][system][1] != gold[p]["page_type"]
            )
            top = ", ".join(f"{g}->{s} {n}" for (g, s), n in confusions.most_common(6))
            lines.append(
                f"page_type {system}: {right / max(1, len(ids)):.3f} of {len(ids)} (misses: {top})"
            )
        empty = [
            p
            for p in scored
            if float(gold[p].get("gold_in_page") or 0) >= 0.8 and not runs[p]["clean-article"][0]
        ]
        lines.append(f"empty clean-article bodies where gold_in_page >= 0.8: {len(empty)}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clean_article.bench modern", description=__doc__
    )
    parser.add_argument("bench_dir", nargs="?", default=DEFAULT_BENCH_DIR, type=Path)
    parser.add_argument("-j", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--fit", action="store_true", help="refit the page-type and block models")
    args = parser.parse_args(argv)
    gold = load(args.bench_dir)
    ids = list(gold)[: args.limit or None]
    if args.fit:
        from clean_article.bench.modern_fit import refit

        print(refit(args.bench_dir, gold, ids, args.j))
        return 0
    jobs = [(args.bench_dir, p) for p in ids]
    runs = dict(_pool_map(_run_page, jobs, args.j))
    print(f"modern/ of {args.bench_dir}: {len(ids)} pages, one run")
    print(score(gold, runs))
    return 0
