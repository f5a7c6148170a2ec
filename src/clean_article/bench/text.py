"""Benchmark the text-dump path against the scrapinghub gold, next to two reference filters.

usage: python -m clean_article.bench text [BENCH_DIR=../shared/bench] [--renderer R ...]
       [--dumps DIR] [--limit N] [--csv F] [--direct]

For every renderer under BENCH_DIR/textdumps it scores, in one run, clean-article, a C4-style
line filter and the whole dump with the benchmark's shingle F1, and prints one row per
renderer plus the mean over renderers; then the same renderers' dumps of the multilingual
half with the snippet metric of BENCH_DIR/score_text.py, with its two folds by site.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from clean_article.bench.common import (
    DEFAULT_BENCH_DIR,
    fold_of,
    load_gold,
    load_multilingual,
    load_urls,
    snippet_f1_by_fold,
    snippet_scorer,
)
from clean_article.bench.scoring import PageScore, Scores, page_score, summarize
from clean_article.model import Options, SourceFormat, Verdict
from clean_article.pipeline import clean

RENDERERS = ("lynx", "w3m", "html2text", "inscriptis", "bs4-nl", "bs4-glued")

# The C4 rules (Raffel et al. 2020, section 2.2) that act on single lines: keep lines of at
# least three words ending in a terminal mark, without "javascript" or policy boilerplate.
# The page-level rules (drop pages with "{", "lorem ipsum" or < 5 sentences) are left out:
# they blank whole pages, which says nothing about line cleaning.
C4_MIN_WORDS = 3
C4_END_MARKS = (".", "?", "!", '"', "”")
C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies")
C4_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]", re.IGNORECASE)

Predictor = Callable[[str, str], str]


def c4_filter(text: str) -> str:
    """Return the lines of `text` that C4's line rules keep."""
    kept = []
    for line in text.splitlines():
        line = C4_CITATION.sub("", line).strip()
        lower = line.lower()
        if len(line.split()) < C4_MIN_WORDS or not line.endswith(C4_END_MARKS):
            continue
        if "javascript" in lower or any(p in lower for p in C4_POLICY):
            continue
        kept.append(line)
    return "\n".join(kept)


def _direct(text: str, name: str) -> str:
    """Predict the body with the segmenter and classifier alone (no metadata claims)."""
    from clean_article.textdump.classify import classify
    from clean_article.textdump.segment import segment_dump

    decisions = classify(segment_dump(text), {})
    return "\n\n".join(d.text for d in decisions if d.verdict is Verdict.BODY)


def _pipeline(text: str, name: str) -> str:
    """Predict with `clean()`: the JSON "text" field, as a user gets the body."""
    options = Options(input_format=SourceFormat.TEXT)
    return clean(text.encode("utf-8"), name=name, options=options).text


def _score_renderer(
    folder: Path,
    gold: dict[str, str],
    urls: dict[str, str],
    predict: Predictor,
    rows: list[list[str]],
) -> tuple[dict[str, Scores], float]:
    """Score the three systems on one renderer; return their scores and our pages/s."""
    pages: dict[str, list[PageScore]] = {"clean-article": [], "c4": [], "whole": []}
    folds: dict[str, list[PageScore]] = {"fold 0": [], "fold 1": []}
    elapsed = 0.0
    for pid, body in gold.items():
        path = folder / f"{pid}.txt"
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        start = time.perf_counter()
        ours = predict(text, path.name)
        elapsed += time.perf_counter() - start
        for system, pred in (("clean-article", ours), ("c4", c4_filter(text)), ("whole", text)):
            score = page_score(body, pred)
            pages[system].append(score)
            if system == "clean-article":
                folds[f"fold {fold_of(urls.get(pid))}"].append(score)
            rows.append([folder.name, pid, system, _fmt(score.precision), _fmt(score.recall)])
    speed = len(gold) / elapsed if elapsed else 0.0
    return {name: summarize(scores) for name, scores in {**pages, **folds}.items()}, speed


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _table(results: dict[str, tuple[dict[str, Scores], float]]) -> str:
    """Render the per-renderer results and their mean as aligned plain text."""
    systems = ("clean-article", "c4", "whole")
    folds = ("fold 0", "fold 1")
    head = ["renderer", "pages"]
    for s in systems:
        head += [f"{s} F1", "P", "R"] + (["fold 0", "fold 1"] if s == "clean-article" else [])
    head.append("pages/s")
    lines = [head]
    for renderer, (scores, speed) in results.items():
        row = [renderer, str(scores["whole"].pages)]
        for s in systems:
            row += [f"{scores[s].f1:.3f}", f"{scores[s].precision:.3f}", f"{scores[s].recall:.3f}"]
            if s == "clean-article":
                row += [f"{scores[k].f1:.3f}" for k in ("fold 0", "fold 1")]
        lines.append([*row, f"{speed:.0f}"])
    if results:
        n = len(results)
        mean = ["mean", ""]
        for s in systems:
            for attr in ("f1", "precision", "recall"):
                mean.append(f"{sum(getattr(r[0][s], attr) for r in results.values()) / n:.3f}")
            if s == "clean-article":
                mean += [f"{sum(r[0][k].f1 for r in results.values()) / n:.3f}" for k in folds]
        lines.append([*mean, f"{sum(r[1] for r in results.values()) / n:.0f}"])
    widths = [max(len(row[i]) for row in lines) for i in range(len(head))]
    return "\n".join(
        "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in lines
    )


def _multilingual(
    bench_dir: Path, renderers: Sequence[str], predict: Predictor, limit: int
) -> None:
    """Score the multilingual half's dumps with score_text.py's snippet metric, by fold."""
    gold = load_multilingual(bench_dir)
    folder = bench_dir / "multilingual" / "textdumps"
    if gold is None or not folder.is_dir():
        print(f"(no multilingual dumps under {bench_dir}: skipped)")
        return
    if limit > 0:
        gold = {pid: gold[pid] for pid in sorted(gold)[:limit]}
    scorer = snippet_scorer(bench_dir)
    lines = [["renderer", "pages", "clean-article F1", "fold 0", "fold 1", "c4 F1", "whole F1"]]
    means = [0.0] * 5
    for renderer in renderers:
        texts = {}
        for pid in gold:
            path = folder / renderer / f"{pid}.txt"
            texts[pid] = (
                path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
            )
        ours = {
            pid: predict(text, f"{pid}.txt") if text.strip() else "" for pid, text in texts.items()
        }
        c4 = {pid: c4_filter(text) for pid, text in texts.items()}
        figures = [
            *snippet_f1_by_fold(scorer, gold, ours),
            snippet_f1_by_fold(scorer, gold, c4)[0],
            snippet_f1_by_fold(scorer, gold, texts)[0],
        ]
        means = [m + f / len(renderers) for m, f in zip(means, figures, strict=True)]
        lines.append([renderer, str(len(gold)), *(f"{f:.3f}" for f in figures)])
    lines.append(["mean", "", *(f"{m:.3f}" for m in means)])
    widths = [max(len(row[i]) for row in lines) for i in range(len(lines[0]))]
    print()
    print(f"text dumps of {folder} (snippet F1 of score_text.py; folds by site)")
    print("\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in lines))


def main(argv: list[str]) -> int:
    """Run the text-dump benchmark; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m clean_article.bench text", description=__doc__)
    parser.add_argument("bench_dir", nargs="?", type=Path, default=Path(DEFAULT_BENCH_DIR))
    parser.add_argument("--renderer", action="append", help="repeatable (default: all six)")
    parser.add_argument(
        "--dumps",
        type=Path,
        help="a folder of <renderer>/<id>.txt dumps of the same pages, e.g. made with other "
        "renderers or settings (default: BENCH_DIR/textdumps); every subfolder is scored",
    )
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    parser.add_argument("--csv", type=Path, help="write per-page precision/recall here")
    parser.add_argument("--direct", action="store_true", help="segmenter + classifier only")
    args = parser.parse_args(argv)

    gold = load_gold(args.bench_dir)
    urls = load_urls(args.bench_dir)
    if args.limit > 0:
        gold = {pid: gold[pid] for pid in sorted(gold)[: args.limit]}
    predict = _direct if args.direct else _pipeline
    print(f"predicting with {'segment+classify' if args.direct else 'clean()'}", file=sys.stderr)
    results: dict[str, tuple[dict[str, Scores], float]] = {}
    rows: list[list[str]] = []
    dumps = args.dumps or args.bench_dir / "textdumps"
    default = (
        RENDERERS if args.dumps is None else sorted(p.name for p in dumps.iterdir() if p.is_dir())
    )
    for renderer in args.renderer or default:
        folder = dumps / renderer
        results[renderer] = _score_renderer(folder, gold, urls, predict, rows)
    print(_table(results))
    if args.dumps is None:
        _multilingual(args.bench_dir, args.renderer or RENDERERS, predict, args.limit)
    if args.csv:
        with args.csv.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["renderer", "id", "system", "precision", "recall"])
            writer.writerows(rows)
    return 0
