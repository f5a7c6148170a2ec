"""Metadata benchmark: clean-article (HTML, lynx and inscriptis dumps) beside trafilatura.

On the 60 labelled pages (every field) and, per fold, title/author/published on the
multilingual half and modern/ (see meta_sets.py).

`python -m clean_article.bench meta [BENCH_DIR]` writes one <id>.json per page and system
to a temporary directory, scores each directory with the dataset's own scorer
(score_metadata.py, run as a subprocess) and prints one table, systems as columns.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clean_article.bench.common import DEFAULT_BENCH_DIR, read_page, table
from clean_article.bench.meta_sets import SYSTEMS as SET_SYSTEMS
from clean_article.bench.meta_sets import run as run_sets
from clean_article.model import Options, SourceFormat

GOLD = Path("metadata") / "dev_metadata.json"
RENDERERS = ("lynx", "inscriptis")
# (row label, key in the scorer's --json summary, index into a P/R/F1 triple or None)
ROWS = (
    ("authors (page acc.)", "authors", None),
    ("agencies (page acc.)", "agencies", None),
    ("published (page acc.)", "published", None),
    ("modified (page acc.)", "modified", None),
    ("image credit F1", "credit_prf", 2),
    ("image credit P", "credit_prf", 0),
    ("image credit R", "credit_prf", 1),
    ("image caption F1", "caption_prf", 2),
    ("image caption P", "caption_prf", 0),
    ("image caption R", "caption_prf", 1),
)

Predictor = Callable[[str], dict[str, Any]]


def _clean_html(bench_dir: Path) -> Predictor:
    from clean_article import clean

    def predict(page_id: str) -> dict[str, Any]:
        return clean(read_page(bench_dir, page_id), name=page_id).to_dict()

    return predict


def _clean_dump(bench_dir: Path, renderer: str) -> Predictor:
    from clean_article import clean

    options = Options(input_format=SourceFormat.TEXT)

    def predict(page_id: str) -> dict[str, Any]:
        path = bench_dir / "textdumps" / renderer / f"{page_id}.txt"
        return clean(path.read_bytes(), name=page_id, options=options).to_dict()

    return predict


def _trafilatura(bench_dir: Path) -> Predictor:
    import trafilatura

    def predict(page_id: str) -> dict[str, Any]:
        html = read_page(bench_dir, page_id).decode("utf-8", errors="replace")
        document = trafilatura.bare_extraction(html, with_metadata=True)
        author = getattr(document, "author", None) or ""
        return {
            "byline": {"authors": [a.strip() for a in author.split(";") if a.strip()]},
            "dates": {"published": getattr(document, "date", None), "modified": None},
            "images": [],
        }

    return predict


def _run(predict: Predictor, page_ids: list[str], out: Path) -> tuple[int, float]:
    """Write one prediction per page; return (failures, seconds)."""
    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    start = time.perf_counter()
    for page_id in page_ids:
        try:
            result = predict(page_id)
        except Exception as exc:  # a failing page is reported, not fatal to the run
            print(f"  {out.name}: {page_id[:16]} failed: {exc!r}", file=sys.stderr)
            failures += 1
            continue
        (out / f"{page_id}.json").write_text(json.dumps(result, ensure_ascii=False), "utf-8")
    return failures, time.perf_counter() - start


def _score(bench_dir: Path, pred: Path, summary: Path) -> dict[str, Any]:
    command = [
        sys.executable,
        str(bench_dir / "score_metadata.py"),
        "--gold",
        str(bench_dir / GOLD),
        "--pred",
        str(pred),
        "--json",
        str(summary),
    ]
    subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(summary.read_text("utf-8"))
    return result


def main(argv: list[str]) -> int:
    """Run every system on the labelled pages, score them, print one table."""
    parser = argparse.ArgumentParser(prog="python -m clean_article.bench meta")
    parser.add_argument("bench_dir", nargs="?", default=DEFAULT_BENCH_DIR)
    parser.add_argument("--keep", help="write predictions under this directory and keep them")
    parser.add_argument(
        "--sets",
        default="labelled,multilingual,modern",
        help="comma-separated: labelled (the 60 pages), multilingual, modern",
    )
    parser.add_argument("--systems", default=",".join(SET_SYSTEMS), help="for the two sets")
    args = parser.parse_args(argv)
    bench_dir = Path(args.bench_dir)
    sets = tuple(s for s in args.sets.split(",") if s)
    if "labelled" in sets:
        _labelled(bench_dir, args.keep)
    others = tuple(s for s in sets if s != "labelled")
    if others:
        systems = [s for s in args.systems.split(",") if s]
        print(run_sets(bench_dir, others, systems))
    return 0


def _labelled(bench_dir: Path, keep: str | None) -> None:
    """Print the table of the 60 labelled pages, scored by score_metadata.py."""
    gold = json.loads((bench_dir / GOLD).read_text("utf-8"))
    page_ids = [page["id"] for page in gold["pages"]]
    systems: dict[str, Predictor] = {"clean-article html": _clean_html(bench_dir)}
    for renderer in RENDERERS:
        systems[f"clean-article {renderer}"] = _clean_dump(bench_dir, renderer)
    systems["trafilatura html"] = _trafilatura(bench_dir)
    with tempfile.TemporaryDirectory(prefix="bench-meta-") as temp:
        root = Path(keep) if keep else Path(temp)
        scores: dict[str, dict[str, Any]] = {}
        footer: list[str] = []
        for name, predict in systems.items():
            pred_dir = root / name.replace(" ", "-")
            failures, seconds = _run(predict, page_ids, pred_dir)
            scores[name] = _score(bench_dir, pred_dir, root / f"{pred_dir.name}.summary.json")
            footer.append(f"{name}: {len(page_ids)} pages, {failures} failed, {seconds:.1f} s")
    rows = []
    for label, key, index in ROWS:
        values = [scores[s][key] if index is None else scores[s][key][index] for s in systems]
        rows.append([label, *values])
    print(table(["field", *systems], rows))
    print("\n".join(footer))
